"""A closed presentation leaves nothing that takes Qt down later: its Python side,
collected after its windows and engine have gone, deletes no Qt object, and the next
window opens. Run in a child process: the failure it guards against is a segfault.

PySide counts the window a component makes as the component's child, and a window's
screen (from ``screen()``) as the window's. A console component owned by Python,
deleted by the garbage collector after the console window had gone, took the
application's screen down with it; the next window crashed on it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.process import environment

CHILD = r"""
import gc
import sys
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from kiosk.ui.app import ensure_application
from kiosk.ui.presenting import Presentation
from kiosk.ui.render import pump
from kiosk.ui.wiring import PresentOptions
from tests.conftest import BUNDLED
from tests.uitools import load, open_window

ensure_application()
gone = []
QGuiApplication.primaryScreen().destroyed.connect(lambda *_: gone.append("screen"))
content = load(BUNDLED)
cache = Path(sys.argv[1])
for _ in range(2):
    # open_window deletes the window and the engine when the block ends
    with open_window(content, cache, size=(1280, 800)) as kw:
        presentation = Presentation(kw, PresentOptions(talk="school-visit", windowed=True))
        presentation.show()
        presentation.toggle_console()  # one screen: the console over the audience
        pump(50)
        assert presentation.console_window.isVisible()
        presentation.close()
        pump(30)
    del presentation, kw
    gc.collect()
    pump(30)
    print("screen gone" if gone else "screen kept", flush=True)
with open_window(content, cache, size=(1280, 800)) as kw:
    pump(30)
    assert kw.window.isVisible()
print("next window shown", flush=True)
"""


def test_a_closed_presentation_collected_late_leaves_the_next_window_working(
    tmp_path: Path,
) -> None:
    # freed memory filled with a pattern: a use after free crashes at once, every time
    env = {**environment(), "MALLOC_PERTURB_": "165"}
    done = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-c", CHILD, str(tmp_path / "cache")],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = done.stdout + done.stderr
    assert "screen gone" not in output, output
    assert done.returncode == 0, output
    assert done.stdout.splitlines() == ["screen kept", "screen kept", "next window shown"], output

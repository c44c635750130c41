"""Read-aloud costs nothing until its first reading: a kiosk assembled as ``kiosk [DIR]``
does it checks espeak-ng, its voices and the sound output after its first frame, and
only the first tap on Listen imports the player, the engine and ``subprocess``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from readaloudfakes import real_time_sound_device

from tests.conftest import BUNDLED

# (the sentence splitter comes with the first page that has something to read: it
# decides whether Listen shows there)
LATER = (
    "kiosk.ui.readaloud_player",
    "kiosk.runtime.readaloud_speaker",
    "kiosk.runtime.readaloud_engine",
    "subprocess",
    "signal",
)

# The kiosk's own start-up (kiosk.ui.wiring), offscreen. Once the check is in it prints
# which of LATER are imported and whether Listen shows on an exhibit page, taps it, and
# prints the same again, with whether it speaks.
CHILD = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from kiosk.ui import wiring
from kiosk.ui.wiring import RunOptions, WINDOWED

LATER = sys.argv[3].split(",")
app = wiring.ensure_application()
qml = wiring.MainQml()
options = RunOptions(Path(sys.argv[1]), WINDOWED, (1280, 800), Path(sys.argv[2]), None, None)
running = wiring._assemble(app, qml, options)

def imported():
    return ",".join(m for m in LATER if m in sys.modules) or "-"

def listen():
    read_aloud = running.kw.kiosk.readAloud
    speech = read_aloud.speech
    if speech is None or (not speech.engine.reason and not speech.sound.known):
        QTimer.singleShot(50, listen)  # the check after the first frame is not in yet
        return
    running.kw.kiosk.nav.openExhibit(running.kw.kiosk.content.exhibits[0].id)
    print(imported(), read_aloud.canListen, flush=True)
    read_aloud.toggle()
    print(imported(), read_aloud.speaking, flush=True)
    read_aloud.stop()
    app.quit()

QTimer.singleShot(0, listen)
app.exec()
"""


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A rendition cache with every rendition in it, for the offscreen screen too: a
    kiosk missing some builds them after its first frame, and Pillow's image plugins
    import ``subprocess`` (the bench prepares its caches the same way)."""
    cache = tmp_path_factory.mktemp("prepared")
    for screen in ([], ["--screen", "800x800"]):
        subprocess.run(
            [sys.executable, "-m", "kiosk", "prepare", "--cache", str(cache), *screen],
            check=True,
            capture_output=True,
            timeout=300,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
    return cache


def run_kiosk(cache: Path, env: dict[str, str]) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(BUNDLED), str(cache), ",".join(LATER)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.splitlines()


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_the_first_tap_on_listen_makes_the_player_and_reads(prepared: Path, tmp_path: Path) -> None:
    before, after = run_kiosk(prepared, real_time_sound_device(tmp_path))
    assert before == "- True"  # Listen shows, none of the player's modules imported
    imported, speaking = after.rsplit(" ", 1)
    assert speaking == "True"
    assert set(imported.split(",")) == set(LATER)


def test_without_espeak_nothing_of_the_player_is_imported(prepared: Path, tmp_path: Path) -> None:
    """No espeak-ng on PATH: no Listen button, and a tap that could come (a key) makes
    nothing either."""
    python_only = tmp_path / "bin"
    python_only.mkdir()
    env = {"PATH": str(python_only)}
    assert run_kiosk(prepared, env) == ["- False", "- False"]

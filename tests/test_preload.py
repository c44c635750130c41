"""``kiosk.runtime.preload``: Qt's libraries and fontconfig loaded on a thread of their
own while the run command's Python starts, without importing PySide.

The files are checked in a fresh interpreter (this one has Qt loaded already); what a
real ``kiosk`` start preloads is checked in ``tests/test_startup_imports.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.runtime import preload
from tests import process

# In a fresh interpreter: preload, wait, then say what is loaded and whether Qt, made
# afterwards, takes the main thread for its own.
CHILD = """
import json, sys, threading
from kiosk.runtime import preload
started = preload.start()
started.wait()
mapped = {line.split()[-1] for line in open("/proc/self/maps") if ".so" in line}
before = sorted(m for m in sys.modules if m.startswith("PySide6"))
fontconfig = any("libfontconfig" in m for m in mapped)
qt_main = None
if sys.argv[1] == "app":
    from PySide6.QtCore import QThread
    from PySide6.QtGui import QGuiApplication
    app = QGuiApplication([])
    qt_main = (threading.current_thread() is threading.main_thread()
               and QThread.currentThread() is app.thread())
json.dump({
    "loaded": started.loaded, "failed": started.failed,
    "mapped": sorted(mapped), "pyside_before": before, "fontconfig": fontconfig,
    "qt_main": qt_main,
}, sys.stdout)
"""


def _python(
    code: str, *args: str, env: dict[str, str] | None = None, check: bool = True
) -> subprocess.CompletedProcess[str]:
    """``code`` in a fresh interpreter with the kiosk on its path."""
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        env={**process.environment(), "PYTHONPATH": str(process.REPO), **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
        check=check,
    )


def _child(env: dict[str, str], app: bool = True) -> dict[str, object]:
    done = _python(CHILD, "app" if app else "no app", env=env)
    seen: dict[str, object] = json.loads(done.stdout)
    return seen


def test_the_preload_loads_qt_and_fontconfig_without_importing_pyside() -> None:
    seen = _child({"QT_QPA_PLATFORM": "offscreen"})
    assert seen["failed"] == []
    loaded = [Path(str(p)) for p in seen["loaded"]]  # type: ignore[attr-defined]
    names = {p.name for p in loaded}
    assert {"QtCore.abi3.so", "QtQuick.abi3.so", "libqoffscreen.so"} <= names
    assert "libqjpeg.so" not in names  # the first picture is decoded after the first frame
    mapped = " ".join(seen["mapped"])  # type: ignore[arg-type]
    assert "libQt6Quick.so.6" in mapped and "libQt6Gui.so.6" in mapped  # what they link
    assert seen["fontconfig"] is True
    assert seen["pyside_before"] == []  # opened, not imported: no Python of PySide's ran
    assert seen["qt_main"] is True  # Qt's main thread is Python's, not the preload's


def test_a_platform_that_is_not_there_is_left_to_qt() -> None:
    seen = _child({"QT_QPA_PLATFORM": "nosuchplatform"}, app=False)  # Qt would abort
    assert [Path(str(p)).name for p in seen["failed"]] == [  # type: ignore[attr-defined]
        "libqnosuchplatform.so"
    ]
    assert "QtQuick.abi3.so" in {Path(str(p)).name for p in seen["loaded"]}  # type: ignore[attr-defined]


def test_the_platform_plugin_is_the_one_qt_will_choose() -> None:
    plugin = preload.platform_plugin
    assert plugin({"QT_QPA_PLATFORM": "offscreen"}) == ("plugins/platforms/libqoffscreen.so",)
    assert plugin({"QT_QPA_PLATFORM": "offscreen:configfile=/tmp/screens.json"}) == (
        "plugins/platforms/libqoffscreen.so",
    )
    assert plugin({"QT_QPA_PLATFORM": "wayland;xcb"}) == ("plugins/platforms/libqwayland.so",)
    assert plugin({"DISPLAY": ":0"}) == ("plugins/platforms/libqxcb.so",)
    # Qt chooses between them itself: nothing preloaded
    assert plugin({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}) == ()
    assert plugin({}) == ()
    # a name that is no plugin's is never made a path
    assert plugin({"QT_QPA_PLATFORM": "../../evil"}) == ()


def test_waiting_without_a_preload_returns_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # none started (a test running the run command in this process may have started one)
    monkeypatch.setattr(preload, "_started", None)
    preload.wait()


def test_a_preload_that_fails_still_lets_the_wait_end() -> None:
    failing = preload.Preload(["/nonexistent/libnothing.so"], fontconfig=False)
    failing.run()
    failing.wait()
    assert failing.failed == ["/nonexistent/libnothing.so"]
    assert failing.loaded == []


# The thread's loading must let go of the GIL: here it "loads" a FIFO, and only the
# main thread's Python can write what unblocks it (``_ctypes.dlopen`` itself holds the
# GIL while the library loads: this child then never ends).
WHILE_LOADING = """
import _thread, os, sys, tempfile
from kiosk.runtime import preload
fifo = os.path.join(tempfile.mkdtemp(), "lib.so")
os.mkfifo(fifo)
loading = preload.Preload([fifo], fontconfig=False)
_thread.start_new_thread(loading.run, ())
with open(fifo, "wb") as pipe:
    pipe.write(b"written by the main thread while the other loads: not a library")
loading.wait()
print(loading.failed == [fifo] and loading.loaded == [])
"""


def test_the_main_thread_runs_python_while_the_preload_loads() -> None:
    done = _python(WHILE_LOADING, check=False)
    assert done.stdout.strip() == "True", done.stderr


# A preload that is late (a busy machine): its fontconfig set-up must be over before Qt's
# application is made, which writes the environment and the locale fontconfig reads.
# Both at once crashed the kiosk in FcInit (3 starts in about 600 on a busy machine).
LATE_CHILD = """
import json, sys, time
from kiosk.runtime import preload
events = []
run = preload.Preload.run
class Marked:
    # the preload's lock, noting its first release: the end of the set-up (noted after
    # run() returns, the main thread could be on its way already)
    def __init__(self, lock):
        self.lock, self.released = lock, False
    def acquire(self):
        return self.lock.acquire()
    def release(self):
        if not self.released:
            self.released = True
            events.append("fontconfig set up: end")
        self.lock.release()
def late(self):
    time.sleep(0.3)
    events.append("fontconfig set up: start")
    self._done = Marked(self._done)
    run(self)
preload.Preload.run = late
preload.start()
from kiosk.ui import app
class Made(app.QGuiApplication):
    def __init__(self, argv):
        events.append("application made")
        super().__init__(argv)
app.QGuiApplication = Made
app.ensure_application()
json.dump(events, sys.stdout)
"""


def test_qt_s_application_is_made_only_once_a_late_preload_has_set_fontconfig_up() -> None:
    done = _python(LATE_CHILD)
    assert json.loads(done.stdout) == [
        "fontconfig set up: start",
        "fontconfig set up: end",
        "application made",
    ]

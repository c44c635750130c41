"""A whole kiosk, assembled as ``kiosk [DIR]`` does it, reading aloud with the real
espeak-ng, then killed with SIGKILL: no voice goes on speaking."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from readaloudfakes import program_of, real_time_sound_device, running, wait_until_gone

from tests.conftest import BUNDLED

# The kiosk's own start-up (kiosk.ui.wiring), offscreen; once the window is up it
# opens an exhibit, taps listen through the bridge and prints espeak-ng's pid.
CHILD = """
import os, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from kiosk.ui import wiring
from kiosk.ui.wiring import RunOptions, WINDOWED

app = wiring.ensure_application()
qml = wiring.MainQml()
options = RunOptions(Path(sys.argv[1]), WINDOWED, (1280, 800), Path(sys.argv[2]), None, None)
running = wiring._assemble(app, qml, options)

tries = []

def listen():
    kiosk = running.kw.kiosk
    kiosk.nav.openExhibit(kiosk.content.exhibits[0].id)
    if not kiosk.readAloud.canListen and len(tries) < 200:  # the sound output is checked
        tries.append(1)                                     # after the first frame
        QTimer.singleShot(50, listen)
        return
    kiosk.readAloud.toggle()
    children = Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").read_text().split()
    print(children[0] if kiosk.readAloud.speaking and children else "silent", flush=True)

QTimer.singleShot(200, listen)
app.exec()
"""


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux's")
def test_a_kiosk_killed_while_reading_aloud_leaves_no_espeak_running(tmp_path: Path) -> None:
    env = {**os.environ, **real_time_sound_device(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    kiosk = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(BUNDLED), str(tmp_path / "cache")],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    pid = 0
    try:
        assert kiosk.stdout is not None
        line = kiosk.stdout.readline().strip()
        assert line.isdigit(), f"the kiosk did not start reading: {line!r}"
        pid = int(line)
        assert running(pid) and program_of(pid) == "espeak-ng"
        kiosk.send_signal(signal.SIGKILL)
        kiosk.wait(10)
        assert wait_until_gone(pid), f"espeak-ng (pid {pid}) still speaking after kill -9"
    finally:
        if kiosk.poll() is None:
            kiosk.kill()
            kiosk.wait(10)
        if pid and running(pid):
            os.kill(pid, signal.SIGKILL)
        if kiosk.stdout is not None:
            kiosk.stdout.close()

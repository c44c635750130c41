"""Ctrl+Q ends a real ``kiosk --windowed`` process through its one way out (exit 0).

The key is typed by xdotool into a private Xvfb server: offscreen Qt has no
keyboard another process can type on. The Esc-asks path is tested in-process
(tests/test_ui_presenter.py); both end in the same ``quitRequested`` signal.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.factories import make_site
from tests.test_run_cli import xvfb_display  # noqa: F401  (a fixture)


def test_ctrl_q_quits_a_windowed_kiosk_process(tmp_path: Path, xvfb_display: str) -> None:  # noqa: F811
    if shutil.which("xdotool") is None:
        pytest.skip("xdotool is not installed")
    root = make_site(tmp_path / "site")
    address = tmp_path / "notify.sock"
    env = {**os.environ, "DISPLAY": xvfb_display, "QT_QPA_PLATFORM": "xcb"}
    env["NOTIFY_SOCKET"] = str(address)
    env.pop("QT_QUICK_BACKEND", None)
    args = ["--windowed", "--cache", str(tmp_path / "cache"), "--state-dir", str(tmp_path / "s")]
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as listener:
        listener.bind(str(address))
        listener.settimeout(60)
        child = subprocess.Popen(
            [sys.executable, "-m", "kiosk", *args, str(root)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            while not listener.recv(256).decode().startswith("READY=1"):
                pass
            subprocess.run(["xdotool", "key", "ctrl+q"], env=env, check=True, timeout=30)
            _, stderr = child.communicate(timeout=30)
        finally:
            if child.poll() is None:
                child.kill()
                child.communicate()
    assert child.returncode == 0, stderr
    assert "quit requested: keyboard" in stderr
    assert "shutting down: keyboard" in stderr

"""Ctrl+Q ends a real ``kiosk --windowed`` process through its one way out (exit 0).

The key is typed by xdotool into a private Xvfb server: offscreen Qt has no
keyboard another process can type on. The Esc-asks path is tested in-process
(tests/test_ui_presenter.py); both end in the same ``quitRequested`` signal.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.factories import make_site
from tests.process import start, x_environment


def test_ctrl_q_quits_a_windowed_kiosk_process(tmp_path: Path, xvfb_display: str) -> None:
    if shutil.which("xdotool") is None:
        pytest.skip("xdotool is not installed")
    root = make_site(tmp_path / "site")
    args = ["--windowed", "--cache", str(tmp_path / "cache"), "--state-dir", str(tmp_path / "s")]
    kiosk = start(tmp_path, [*args, str(root)], display=xvfb_display)
    try:
        env = x_environment(xvfb_display)
        subprocess.run(["xdotool", "key", "ctrl+q"], env=env, check=True, timeout=30)
        code = kiosk.wait(30)
    finally:
        kiosk.kill()
    output = kiosk.text()
    assert code == 0, output
    assert "quit requested: keyboard" in output
    assert "shutting down: keyboard" in output

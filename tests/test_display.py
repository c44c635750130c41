"""``kiosk`` with no screen says so in one line and exits 2, instead of Qt's abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.ui.display import display_problem
from tests.conftest import BUNDLED


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "DISPLAY is not set"),
        ({"QT_QPA_PLATFORM": "xcb"}, "DISPLAY is not set"),
        ({"QT_QPA_PLATFORM": "wayland"}, "WAYLAND_DISPLAY is not set"),
        ({"DISPLAY": ":7"}, "no X server is running on display :7"),
        ({"DISPLAY": ":8"}, None),
        ({"DISPLAY": "otherhost:0"}, None),
        ({"WAYLAND_DISPLAY": "wayland-0"}, None),
        ({"QT_QPA_PLATFORM": "offscreen"}, None),
        ({"QT_QPA_PLATFORM": "eglfs"}, None),
        ({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":7"}, "no X server is running on display :7"),
    ],
)
def test_display_problem(environ: dict[str, str], expected: str | None, tmp_path: Path) -> None:
    (tmp_path / "X8").touch()  # an X server's socket for display :8 only
    problem = display_problem(environ, x11_sockets=tmp_path)
    if expected is None:
        assert problem is None
    else:
        assert problem is not None and expected in problem
        assert "--platform offscreen" in problem and "\n" not in problem


def _kiosk(args: list[str], environ: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    kept = ("PATH", "HOME", "LANG", "XDG_RUNTIME_DIR", "QT_QUICK_BACKEND")
    env = {k: v for k, v in os.environ.items() if k in kept} | environ
    command = [sys.executable, "-m", "kiosk", *args]
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=60, check=False
    )


def test_windowed_kiosk_without_a_display_exits_2_with_one_line(tmp_path: Path) -> None:
    args = ["--windowed", "--state-dir", str(tmp_path / "s"), "--cache", str(tmp_path / "c")]
    done = _kiosk([*args, str(BUNDLED)], {}, tmp_path)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("kiosk: no display to open a window on")
    assert "xcb-cursor0" not in done.stderr


def test_platform_is_passed_to_qt(tmp_path: Path) -> None:
    """--platform reaches Qt: with a plugin that does not exist, Qt itself refuses it."""
    args = ["--windowed", "--platform", "nosuchplugin", "--state-dir", str(tmp_path / "s")]
    done = _kiosk([*args, "--cache", str(tmp_path / "c"), str(BUNDLED)], {}, tmp_path)
    assert done.returncode != 0
    assert "no display" not in done.stderr
    assert 'Qt platform plugin "nosuchplugin"' in done.stderr

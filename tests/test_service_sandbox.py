"""The unit ``kiosk service-unit`` prints is sandboxed: ``systemd-analyze security``
rates it under 4.0 (it rated the unit without a sandbox 9.7 UNSAFE), and the command
warns when the unit points at a cage or a Python that is not installed."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.process import environment

UNIT = "friendship-kiosk.service"


def service_unit(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "service-unit", "--user", "kiosk", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment(),
        check=True,
    )


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze here")
@pytest.mark.parametrize("compositor", ["cage", "none"])
def test_the_unit_is_rated_under_4_by_systemd_analyze(tmp_path: Path, compositor: str) -> None:
    unit = tmp_path / UNIT
    unit.write_text(
        service_unit("--workdir", str(tmp_path), "--compositor", compositor).stdout,
        encoding="utf-8",
    )
    rated = subprocess.run(
        ["systemd-analyze", "security", "--offline=yes", "--no-pager", str(unit)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    found = re.search(r"Overall exposure level for \S+: (\d+\.\d+)", rated.stdout)
    assert found, rated.stdout + rated.stderr
    assert float(found.group(1)) < 4.0, rated.stdout


def test_the_sandbox_leaves_the_kiosk_its_folders_and_nothing_else(tmp_path: Path) -> None:
    lines = service_unit("--workdir", str(tmp_path), "--compositor", "none").stdout.splitlines()
    assert "ProtectSystem=strict" in lines and "ProtectHome=read-only" in lines
    (writable,) = [line for line in lines if line.startswith("ReadWritePaths=")]
    assert "/.local/state/friendship-kiosk " in writable
    assert "/.cache/friendship-kiosk " in writable
    assert "NotifyAccess=main" in lines  # started directly, the kiosk is the main process
    assert "RestrictAddressFamilies=AF_UNIX" in lines
    assert not any(line.startswith("MemoryDenyWriteExecute") for line in lines)  # see service.py


def test_missing_cage_and_python_are_warned_about(tmp_path: Path) -> None:
    done = service_unit("--workdir", str(tmp_path), "--python", str(tmp_path / "no-python"))
    assert done.stdout.startswith("# friendship-kiosk.service")  # still printed
    warnings = done.stderr.splitlines()
    assert (
        f"kiosk service-unit: warning: the Python {tmp_path / 'no-python'} is not installed "
        "here; pass --python with the one that has the kiosk installed"
    ) in warnings
    if shutil.which("cage") is None:
        assert any("cage is not installed" in line for line in warnings)

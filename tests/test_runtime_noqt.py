"""The unattended-kiosk runtime pieces never import Qt (checked in a fresh interpreter)."""

from __future__ import annotations

import subprocess
import sys

MODULES = [
    "kiosk.runtime.idle",
    "kiosk.runtime.pin",
    "kiosk.runtime.paths",
    "kiosk.runtime.logs",
    "kiosk.runtime.systemd",
    "kiosk.runtime.reload",
    "kiosk.runtime.watch",
    "kiosk.runtime.cli_pin",
    "kiosk.runtime.cli_service",
]


def test_runtime_modules_do_not_import_qt():
    code = (
        "import importlib, sys\n"
        f"for name in {MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(qt))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""

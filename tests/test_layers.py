"""The pure layers never import Qt: content, media and runtime, every submodule, load in
a process that has no PySide6 afterwards (the one check of the layering rule)."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import importlib, json, pkgutil, sys
names = []
for package_name in ("kiosk.content", "kiosk.media", "kiosk.runtime"):
    package = importlib.import_module(package_name)
    names.append(package_name)
    for info in pkgutil.walk_packages(package.__path__, package_name + "."):
        importlib.import_module(info.name)
        names.append(info.name)
qt = sorted(name for name in sys.modules if name.startswith("PySide6"))
print(json.dumps({"imported": names, "qt": qt}))
"""


def test_pure_layers_never_import_pyside6() -> None:
    completed = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, check=False
    )
    assert completed.returncode == 0, completed.stderr
    report = json.loads(completed.stdout.strip().splitlines()[-1])
    assert "kiosk.content.loader" in report["imported"]
    assert "kiosk.content.cli_validate" in report["imported"]
    assert report["qt"] == []

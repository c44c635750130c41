"""The layering rule, checked two ways.

1. import-linter's "layers" contract in ``pyproject.toml``: ``kiosk.cli`` over
   ``kiosk.commands`` over ``kiosk.ui`` over ``kiosk.runtime`` over ``kiosk.media``
   over ``kiosk.content``; an import that points up fails the suite.
2. The pure layers never load Qt: content, media and runtime, every submodule, load in
   a process that has no PySide6 afterwards.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

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

LINT = "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports(**{}))"


def _lint(cwd: Path, config: Path | None = None) -> subprocess.CompletedProcess[str]:
    options = {"config_filename": str(config)} if config else {}
    return subprocess.run(
        [sys.executable, "-c", LINT.format(options)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_pure_layers_never_import_pyside6() -> None:
    completed = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, check=False
    )
    assert completed.returncode == 0, completed.stderr
    report = json.loads(completed.stdout.strip().splitlines()[-1])
    assert "kiosk.content.loader" in report["imported"]
    assert "kiosk.media.pipeline" in report["imported"]
    assert report["qt"] == []


def test_the_layers_contract_holds() -> None:
    completed = _lint(REPO)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "1 kept, 0 broken" in completed.stdout


def test_the_layers_contract_fails_on_an_upward_import(tmp_path: Path) -> None:
    """The same contract, on a copy of the layer names, catches content importing ui."""
    settings = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    contract = settings["tool"]["importlinter"]["contracts"][0]
    layers = [name.replace("kiosk", "fakekiosk", 1) for name in contract["layers"]]
    package = tmp_path / "fakekiosk"
    for layer in layers:
        module = tmp_path.joinpath(*layer.split("."))
        module.mkdir(parents=True, exist_ok=True)
        (module / "__init__.py").write_text("", encoding="utf-8")
    (package / "cli" / "__init__.py").write_text("import fakekiosk.commands\n", encoding="utf-8")
    (package / "content" / "model.py").write_text("import fakekiosk.ui\n", encoding="utf-8")
    config = tmp_path / "contract.toml"
    layer_list = ", ".join(json.dumps(layer) for layer in layers)
    config.write_text(
        '[tool.importlinter]\nroot_package = "fakekiosk"\n\n'
        f'[[tool.importlinter.contracts]]\nname = "layers"\ntype = "layers"\n'
        f"layers = [{layer_list}]\n",
        encoding="utf-8",
    )
    completed = _lint(tmp_path, config)
    assert completed.returncode == 1, completed.stdout + completed.stderr
    assert "fakekiosk.content.model -> fakekiosk.ui" in completed.stdout

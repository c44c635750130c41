"""Build hook: the bundled exhibits ship inside the package as ``kiosk/sample_exhibits``.

The repository keeps them at the top level (``exhibits/``, where curators and the
tests find them); a regular install (``pip install .``, pipx, a wheel) copies them in
here, so ``kiosk`` and ``kiosk init DIR`` work from any folder. Everything else is in
``pyproject.toml``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
SAMPLES = "sample_exhibits"


class BuildWithSampleExhibits(build_py):
    """``build_py`` that also copies ``exhibits/`` into the built ``kiosk`` package."""

    def run(self) -> None:
        super().run()
        source = HERE / "exhibits"
        if not (source / "kiosk.yaml").is_file() or self.editable_mode:
            return
        target = Path(self.build_lib) / "kiosk" / SAMPLES
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(source, target, ignore=shutil.ignore_patterns(".*", "__pycache__"))


setup(cmdclass={"build_py": BuildWithSampleExhibits})

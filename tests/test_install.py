"""A regular (non-editable) install carries the sample exhibits and its screens.

Builds the wheel from this checkout, installs it with its dependencies into a fresh
virtual environment and uses the installed ``kiosk`` from a folder far from the
repository, the way a museum technician or pipx would. Needs the package index
(or pip's cache) for the dependencies.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import REPO

pytestmark = pytest.mark.slow


def _run(command: list[str], cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ``bin`` folder of a fresh virtual environment with the wheel installed."""
    work = tmp_path_factory.mktemp("install")
    built = _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work), str(REPO)],
        work,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = work.glob("friendship_kiosk-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert "kiosk/sample_exhibits/kiosk.yaml" in names
    assert "kiosk/ui/qml/Main.qml" in names
    created = _run([sys.executable, "-m", "venv", str(work / "venv")], work)
    assert created.returncode == 0, created.stderr
    bin_dir = work / "venv" / "bin"
    pip = _run([str(bin_dir / "python"), "-m", "pip", "install", "-q", str(wheel)], work)
    assert pip.returncode == 0, pip.stderr
    return bin_dir


def test_installed_kiosk_validates_its_samples_from_any_folder(
    installed: Path, tmp_path: Path
) -> None:
    done = _run([str(installed / "kiosk"), "validate"], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    exhibits = sorted(p.parent.name for p in (REPO / "exhibits").glob("*/exhibit.yaml"))
    assert done.stdout.startswith(f"{len(exhibits)} exhibits, 4 languages: 0 errors")


def test_kiosk_init_copies_the_samples_and_refuses_to_overwrite(
    installed: Path, tmp_path: Path
) -> None:
    target = tmp_path / "museum"
    done = _run([str(installed / "kiosk"), "init", str(target)], tmp_path)
    assert done.returncode == 0, done.stderr
    copied = sorted(p.parent.name for p in target.glob("*/exhibit.yaml"))
    assert copied == sorted(p.parent.name for p in (REPO / "exhibits").glob("*/exhibit.yaml"))
    assert (target / "kiosk.yaml").read_bytes() == (REPO / "exhibits" / "kiosk.yaml").read_bytes()
    assert _run([str(installed / "kiosk"), "validate", str(target)], tmp_path).returncode == 0

    (target / "kiosk.yaml").write_text("title: ours\n", encoding="utf-8")
    again = _run([str(installed / "kiosk"), "init", str(target)], tmp_path)
    assert again.returncode == 2
    assert "already exists and is not empty" in again.stderr
    assert (target / "kiosk.yaml").read_text(encoding="utf-8") == "title: ours\n"


def test_installed_kiosk_draws_its_home_screen(installed: Path, tmp_path: Path) -> None:
    """The QML ships too: the installed kiosk renders the samples' home screen."""
    out = tmp_path / "home.png"
    command = [str(installed / "kiosk"), "render", "--screen", "home", "-o", str(out)]
    done = _run([*command, "--size", "960x540", "--cache", str(tmp_path / "c")], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    with Image.open(out) as image:
        assert image.size == (960, 540)
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 50  # a drawn screen, not one flat fill

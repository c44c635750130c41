"""Paths the disk refuses are content errors naming the file (and the exhibit.yaml line
that refers to it), never a traceback: in ``kiosk validate`` and in the running kiosk.

Python 3.11's ``Path.exists()`` and ``is_file()`` raise ``PermissionError`` when a
folder on the way cannot be searched, and ``Path.resolve()`` raises ``RuntimeError``
on a symbolic link loop. Root ignores permissions (``CAP_DAC_OVERRIDE``), so as root
the commands run under ``setpriv`` with that capability dropped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kiosk.content.loader import load_content
from tests.factories import exhibit_text, image_item, line_of, make_site, valid_exhibit

_DROP = [
    "setpriv",
    "--inh-caps=-dac_override,-dac_read_search",
    "--bounding-set=-dac_override,-dac_read_search",
]


@pytest.fixture(scope="module")
def unprivileged(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The prefix that runs a command with permissions enforced, or a skip saying why."""
    if os.geteuid() != 0:
        return []  # an ordinary user: permissions apply already
    if shutil.which("setpriv") is None:
        pytest.skip("running as root, and no setpriv here to drop CAP_DAC_OVERRIDE")
    locked = tmp_path_factory.mktemp("probe") / "locked"
    locked.write_text("secret")
    locked.chmod(0)
    probe = [*_DROP, sys.executable, "-c", f"open({str(locked)!r}).read()"]
    result = subprocess.run(probe, capture_output=True, text=True, timeout=60)
    if "PermissionError" not in result.stderr:
        pytest.skip(f"setpriv could not drop root's override here: {result.stderr.strip()!r}")
    return _DROP


@pytest.fixture
def locked() -> Iterator[Callable[[Path], None]]:
    """``lock(path)`` takes every permission away; they come back after the test."""
    paths: list[Path] = []

    def lock(path: Path) -> None:
        paths.append(path)
        path.chmod(0)

    yield lock
    for path in paths:
        path.chmod(0o755)


def _site(tmp_path: Path) -> tuple[Path, int]:
    """A valid site and the line of its cover's ``file:`` field."""
    root = make_site(tmp_path / "exhibits")
    return root, line_of(exhibit_text(root), "images/cover.jpg")


# (what is locked, the message expected for it, whether it has a line in exhibit.yaml)
CASES = {
    "exhibit folder": ("alpha", "alpha/exhibit.yaml: cannot be read: Permission denied", False),
    "images folder": (
        "alpha/images",
        "alpha/exhibit.yaml:{line}:9: image file 'images/cover.jpg' cannot be read: "
        "Permission denied",
        True,
    ),
    "exhibits root": (".", "kiosk.yaml: cannot be read: Permission denied", False),
}


@pytest.mark.parametrize("case", list(CASES))
def test_validate_reports_an_unreadable_path_by_name(
    tmp_path: Path, case: str, unprivileged: list[str], locked: Callable[[Path], None]
) -> None:
    root, line = _site(tmp_path)
    target, expected, _ = CASES[case]
    locked(root / target)
    command = [*unprivileged, sys.executable, "-m", "kiosk", "validate", str(root)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1, result.stderr
    assert f"exhibits/{expected.format(line=line)}" in result.stdout, result.stdout


@pytest.mark.parametrize("case", list(CASES))
def test_the_running_kiosk_logs_an_unreadable_path_by_name(
    tmp_path: Path, case: str, unprivileged: list[str], locked: Callable[[Path], None]
) -> None:
    """A real ``kiosk`` process: its start-up load reports the file (and line) in the
    log, instead of 'content could not be loaded: PermissionError'."""
    root, line = _site(tmp_path)
    target, expected, _ = CASES[case]
    locked(root / target)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_QUICK_BACKEND": "software"}
    state, cache = tmp_path / "state", tmp_path / "cache"
    command = [
        *unprivileged,
        *(sys.executable, "-m", "kiosk", "--windowed", "--no-pin"),
        *("--state-dir", str(state), "--cache", str(cache), str(root)),
    ]
    lines: list[str] = []
    with subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=env) as kiosk:
        assert kiosk.stderr is not None
        try:
            deadline = time.monotonic() + 60  # a guard against a hang, not a timing check
            while time.monotonic() < deadline:
                text = kiosk.stderr.readline()
                if not text:
                    break
                lines.append(text)
                if "kiosk: start version=" in text:  # after the start-up load
                    break
        finally:
            kiosk.terminate()
    log = "".join(lines)
    assert "Traceback" not in log and "could not be loaded" not in log, log
    errors = [text for text in lines if "content error:" in text]
    assert errors, log
    wanted = str(root / expected.format(line=line)).replace("/./", "/")
    assert any(wanted in text for text in errors), log


def test_a_symbolic_link_loop_is_an_error_with_its_line(tmp_path: Path) -> None:
    root = make_site(
        tmp_path / "exhibits", {"alpha": valid_exhibit(cover=image_item("images/a.jpg"))}
    )
    images = root / "alpha" / "images"
    os.symlink("b.jpg", images / "a.jpg")
    os.symlink("a.jpg", images / "b.jpg")
    result = load_content(root)
    (problem,) = result.errors
    assert problem.path == root / "alpha" / "exhibit.yaml"
    assert problem.line == line_of(exhibit_text(root), "images/a.jpg")
    assert problem.message == (
        "image path 'images/a.jpg' is a symbolic link that leads back to itself (a loop)"
    )


def test_a_looping_entry_in_the_exhibits_folder_is_named(tmp_path: Path) -> None:
    root = make_site(tmp_path / "exhibits")
    os.symlink("loop", root / "loop")
    (problem,) = load_content(root).errors
    assert problem.path == root / "loop"
    assert problem.message.startswith("cannot look at this entry: ")

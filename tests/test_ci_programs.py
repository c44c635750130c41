"""``.ci/run``'s switch: with ``CI`` set, a test skipped for want of a system program
fails; without it (a developer's run) it stays a skip."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.process import REPO

SAMPLE = """
import pytest

def test_needs_a_program():
    pytest.skip("espeak-ng is not installed (apt-get install espeak-ng)")

def test_skipped_for_another_reason():
    pytest.skip("mounting a tiny tmpfs needs root")
"""


def _pytest(tmp_path: Path, ci: bool) -> subprocess.CompletedProcess[str]:
    (tmp_path / "test_sample.py").write_text(SAMPLE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    if ci:
        env["CI"] = "true"
    env["PYTHONPATH"] = str(REPO)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "tests.ci_programs",
            "-q",
            "-rfs",
            "-p",
            "no:cacheprovider",
            str(tmp_path / "test_sample.py"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=tmp_path,
    )


def test_in_ci_a_missing_program_fails_its_test(tmp_path: Path) -> None:
    run = _pytest(tmp_path, ci=True)
    assert run.returncode == 1, run.stdout
    assert "1 failed, 1 skipped" in run.stdout
    assert "a system program this test needs is missing: espeak-ng is not installed" in run.stdout


def test_outside_ci_it_stays_a_skip(tmp_path: Path) -> None:
    run = _pytest(tmp_path, ci=False)
    assert run.returncode == 0, run.stdout
    assert "2 skipped" in run.stdout

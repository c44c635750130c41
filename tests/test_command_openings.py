"""The commands' openings, run as real commands: one message and one exit status for a
folder that is not there, whichever command; a mistyped command gets the nearest one;
``stats`` on a database with no visits says so in words."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.runtime.analytics import AnalyticsRecorder
from tests.fakes import FakeClock
from tests.process import environment


def kiosk(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment(),
        cwd=cwd,
    )


@pytest.mark.parametrize(
    "command",
    [["validate"], ["publish"], ["prepare"], ["render", "-o", "out.png"]],
    ids=lambda c: c[0],
)
def test_a_missing_folder_is_one_message_and_exit_2_for_every_command(
    tmp_path: Path, command: list[str]
) -> None:
    missing = tmp_path / "nowhere"
    run = kiosk(command[0], str(missing), *command[1:], cwd=tmp_path)
    assert (run.returncode, run.stderr, run.stdout) == (
        2,
        f"kiosk {command[0]}: {missing}: no such folder\n",
        "",
    )


@pytest.mark.parametrize(
    ("word", "answer"),
    [
        ("valdiate", "did you mean 'kiosk validate'?"),
        ("stat", "did you mean 'kiosk stats'?"),
        ("foo", "the commands are run, validate, publish"),
    ],
)
def test_a_mistyped_command_gets_the_nearest_one(tmp_path: Path, word: str, answer: str) -> None:
    run = kiosk(word, cwd=tmp_path)
    assert run.returncode == 2
    assert run.stderr.startswith(f"kiosk: {word!r} is neither a command nor a folder; {answer}")


def test_stats_on_a_database_with_no_visits_says_so(tmp_path: Path) -> None:
    db = tmp_path / "analytics.sqlite3"
    recorder = AnalyticsRecorder(db, "lobby", clock=FakeClock(), retention_days=None)
    assert recorder.flush()
    recorder.close()
    run = kiosk("stats", str(db), cwd=tmp_path)
    assert (run.returncode, run.stdout) == (0, "No visits recorded yet.\n")

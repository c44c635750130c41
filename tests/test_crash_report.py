"""A kiosk that died in C code (a segmentation fault) or was aborted by the watchdog:
the next start says so in its log and the journal, on real ``kiosk`` processes."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from tests.process import REPO, start

pytestmark = pytest.mark.slow  # two real kiosks


@pytest.mark.parametrize(
    ("ended_by", "first_line"),
    [
        (signal.SIGSEGV, "Fatal Python error: Segmentation fault"),
        (signal.SIGABRT, "Fatal Python error: Aborted"),  # systemd's watchdog
    ],
)
def test_the_start_after_a_crash_says_the_last_run_crashed(
    tmp_path: Path, ended_by: signal.Signals, first_line: str
) -> None:
    args = [
        "--windowed",
        "--state-dir",
        str(tmp_path / "state"),
        "--cache",
        str(tmp_path / "cache"),
    ]
    first = start(tmp_path, [*args, str(REPO / "exhibits")])
    try:
        first.process.send_signal(ended_by)
        assert first.wait() == -ended_by
    finally:
        first.kill()
    assert "crashed" not in first.log()  # the first run had nothing to say

    second = start(tmp_path, [*args, str(REPO / "exhibits")])
    try:
        said = [line for line in second.log().splitlines() if "the last run crashed" in line]
        assert len(said) == 1, second.log()
        assert f"WARNING kiosk: the last run crashed: {first_line};" in said[0]
        kept = tmp_path / "state" / "faulthandler.log.1"
        assert str(kept) in said[0]
        assert "most recent call first" in kept.read_text(encoding="utf-8")  # the traceback
        assert second.text().count("the last run crashed") == 1  # the journal: stderr
    finally:
        second.process.terminate()
        assert second.wait() == 0
        second.kill()

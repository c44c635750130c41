"""Stop signals and the staff Quit on a real ``kiosk`` process: exit 0, the visitor
session ended with its reason, every queued analytics event stored, one ``stop``
line, no SQLite write-ahead log left behind."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.media.cache import image_checks_path
from kiosk.runtime import paths
from kiosk.runtime.pin import PinStore
from tests.factories import make_site
from tests.process import REPO, START_TIMEOUT_S, environment, rows, start

PIN = "2580"


def _kiosk_args(tmp_path: Path) -> list[str]:
    site = make_site(tmp_path / "site")
    return [
        "--state-dir",
        str(tmp_path / "state"),
        "--cache",
        str(tmp_path / "cache"),
        "--no-pin",
        str(site),
    ]


def _stored(db: Path) -> dict[str, object]:
    return {
        "sessions": rows(db, "SELECT session_no, ended_at IS NOT NULL, end_reason FROM sessions"),
        # the session ends at the visitor's last touch; the quiet time after it is its tail
        "tails": rows(db, "SELECT idle_tail_s >= 0 FROM sessions"),
        "pages": rows(db, "SELECT page, exhibit_id, dwell_s IS NOT NULL FROM page_views"),
    }


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_a_stop_signal_ends_the_session_and_stores_every_event(
    tmp_path: Path, stop: signal.Signals
) -> None:
    kiosk = start(tmp_path, _kiosk_args(tmp_path), script="visit")
    try:
        kiosk.process.send_signal(stop)
        code = kiosk.wait()
    finally:
        kiosk.kill()
    assert code == 0, kiosk.text()
    db = paths.analytics_path(kiosk.state)
    assert not db.with_name(db.name + "-wal").exists()  # checked before anything reads it
    stored = _stored(db)
    assert stored["sessions"] == [(1, 1, "shutdown")]
    assert stored["tails"] == [(1,)], "the session's quiet tail at the stop was not recorded"
    # the attract loop, home, the exhibit: each stored, each with its dwell
    assert stored["pages"] == [("home", None, 1), ("exhibit", "alpha", 1)], stored["pages"]
    stops = [line for line in kiosk.log().splitlines() if " stop reason=" in line]
    assert len(stops) == 1 and stops[0].endswith(f"stop reason={stop.name}"), kiosk.log()
    checked = image_checks_path(tmp_path / "cache").read_text(encoding="utf-8")
    assert '.jpg": ["JPEG"' in checked  # the JPEG decoded after the first frame, recorded


def test_staff_quit_through_the_panel_quits(tmp_path: Path) -> None:
    args = _kiosk_args(tmp_path)
    args.remove("--no-pin")
    (tmp_path / "state").mkdir()
    PinStore(paths.settings_path(tmp_path / "state")).set_pin(PIN)
    kiosk = start(tmp_path, args, script="staff-quit", env={"KIOSK_TEST_PIN": PIN})
    try:
        code = kiosk.wait()
    finally:
        kiosk.kill()
    log = kiosk.log()
    assert code == 0, kiosk.text()
    assert "staff action: Quit" in log
    assert "close request ignored" not in log
    assert log.rstrip().splitlines()[-1].endswith("stop reason=staff"), log
    db = paths.analytics_path(kiosk.state)
    assert not db.with_name(db.name + "-wal").exists()
    assert _stored(db)["sessions"] == [(1, 1, "staff")]


@pytest.mark.parametrize(
    ("point", "stop"),
    [("logging", signal.SIGTERM), ("content", signal.SIGTERM), ("content", signal.SIGINT)],
)
def test_a_stop_signal_while_starting_ends_the_kiosk_cleanly(
    tmp_path: Path, point: str, stop: signal.Signals
) -> None:
    """Before the event loop takes stop signals: at ``logging`` Qt is not imported
    yet, at ``content`` the application exists and the first load runs. Python's
    defaults ended the process there (SIGTERM: exit -15, no stop line; SIGINT: a
    KeyboardInterrupt traceback)."""
    driver = [sys.executable, str(REPO / "tests" / "early_signal_child.py"), point, stop.name]
    child = subprocess.run(
        [*driver, "--", *_kiosk_args(tmp_path)],
        env=environment(),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=START_TIMEOUT_S,
    )
    assert child.returncode == 0, child.stderr
    assert "Traceback" not in child.stderr, child.stderr
    log = (tmp_path / "state" / paths.LOG_FILE).read_text(encoding="utf-8")
    stops = [line for line in log.splitlines() if " stop reason=" in line]
    assert len(stops) == 1 and stops[0].endswith(f"stop reason={stop.name}"), log
    if point == "content":  # the kiosk was built: it went out through its one way out
        assert f"shutting down: {stop.name}" in log
        db = paths.analytics_path(tmp_path / "state")
        assert not db.with_name(db.name + "-wal").exists()

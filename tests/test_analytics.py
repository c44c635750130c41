"""The analytics recorder: rows it writes, and how it survives bad disks and crashes."""

from __future__ import annotations

import logging
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import closing
from pathlib import Path

import pytest

from kiosk.runtime import analytics, analytics_schema
from kiosk.runtime.analytics import SCHEMA_VERSION, AnalyticsRecorder

DAY = 86400.0
T0 = 1_714_550_400.0  # 2024-05-01 08:00 UTC


class FakeClock:
    def __init__(self, now: float = T0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def rows(db: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def recorder(db: Path, clock: FakeClock, **kw) -> AnalyticsRecorder:
    kw.setdefault("retention_days", None)
    return AnalyticsRecorder(db, "kiosk-a", clock=clock, flush_interval_s=60, **kw)


def analytics_errors(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.name == "kiosk.analytics" and r.levelno >= logging.ERROR
    ]


def test_session_page_views_and_dwell(tmp_path: Path) -> None:
    db, clock = tmp_path / "analytics.sqlite3", FakeClock()
    rec = recorder(db, clock)
    rec.page_view("attract")
    clock.now += 30
    rec.session_start("uz")
    rec.page_view("home")
    clock.now += 5
    rec.page_view("exhibit", "friendship-museum")
    clock.now += 42.5
    rec.page_view("gallery", "friendship-museum")
    rec.gallery_image("friendship-museum", 3)
    rec.gallery_zoom("friendship-museum", 3)
    clock.now += 10
    rec.language_change("uz", "ru")
    rec.timeline_open("1995-10-02")
    rec.still_there(True)
    rec.session_end("staff")
    rec.session_start("az")
    clock.now += 7
    rec.session_end("idle_reset")
    assert rec.flush()
    rec.close()

    assert rows(db, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert rows(db, "PRAGMA journal_mode") == [("wal",)]
    assert rows(db, "SELECT * FROM sessions ORDER BY session_no") == [
        ("kiosk-a", 1, T0 + 30, "uz", T0 + 87.5, "staff", None),
        ("kiosk-a", 2, T0 + 87.5, "az", T0 + 94.5, "idle_reset", None),
    ]
    assert rows(db, "SELECT session_no, page, exhibit_id, started_at, dwell_s FROM page_views") == [
        (None, "attract", None, T0, 30.0),
        (1, "home", None, T0 + 30, 5.0),
        (1, "exhibit", "friendship-museum", T0 + 35, 42.5),
        (1, "gallery", "friendship-museum", T0 + 77.5, 10.0),
    ]
    events = rows(
        db,
        "SELECT session_no, kind, exhibit_id, item, entry_date, from_language, to_language,"
        " answered FROM events ORDER BY id",
    )
    assert events == [
        (1, "gallery_image", "friendship-museum", 3, None, None, None, None),
        (1, "gallery_zoom", "friendship-museum", 3, None, None, None, None),
        (1, "language_change", None, None, None, "uz", "ru", None),
        (1, "timeline_open", None, None, "1995-10-02", None, None, None),
        (1, "still_there", None, None, None, None, None, 1),
    ]
    kiosks = {
        r[0]
        for t in ("sessions", "page_views", "events")
        for r in rows(db, f"SELECT kiosk_id FROM {t}")
    }
    assert kiosks == {"kiosk-a"}


def test_an_idle_reset_ends_the_visit_and_its_last_page_at_the_last_touch(
    tmp_path: Path,
) -> None:
    """A timeline read for 2 s, then 90 s of nobody and the 15 s countdown: the page
    was on screen 107 s, the visitor there for 2; the 105 s are kept apart."""
    db, clock = tmp_path / "analytics.sqlite3", FakeClock()
    rec = recorder(db, clock)
    rec.session_start("uz")
    clock.now += 3
    rec.page_view("timeline")
    clock.now += 2 + 90 + 15
    rec.session_end("idle_reset", idle_s=105.0)
    rec.page_view("attract")
    rec.close()
    assert rows(db, "SELECT ended_at - started_at, end_reason, idle_tail_s FROM sessions") == [
        (5.0, "idle_reset", 105.0)
    ]
    assert rows(db, "SELECT page, started_at, dwell_s FROM page_views ORDER BY id") == [
        ("timeline", T0 + 3, 2.0),
        ("attract", T0 + 110, 0.0),
    ]


def test_a_shutdown_ends_an_open_visit_at_the_last_touch_when_it_is_known(
    tmp_path: Path,
) -> None:
    db, clock = tmp_path / "analytics.sqlite3", FakeClock()
    rec = recorder(db, clock)
    rec.session_start("ru")
    rec.page_view("home")
    clock.now += 4
    rec.page_view("exhibit", "alpha")
    clock.now += 6 + 40  # read for 6 s, then 40 s of nobody before the stop signal
    rec.close(idle_s=40.0)
    assert rows(db, "SELECT ended_at - started_at, end_reason, idle_tail_s FROM sessions") == [
        (10.0, "shutdown", 40.0)
    ]
    assert rows(db, "SELECT page, dwell_s FROM page_views ORDER BY id") == [
        ("home", 4.0),
        ("exhibit", 6.0),
    ]


def test_a_shutdown_with_an_unknown_or_invalid_tail_ends_at_the_shutdown(
    tmp_path: Path,
) -> None:
    db, clock = tmp_path / "analytics.sqlite3", FakeClock()
    rec = recorder(db, clock)
    rec.session_start("ru")
    clock.now += 8
    rec.close(idle_s=float("nan"))
    assert rows(db, "SELECT ended_at - started_at, idle_tail_s FROM sessions") == [(8.0, None)]


def test_a_quiet_tail_longer_than_the_session_ends_it_where_it_began(tmp_path: Path) -> None:
    db, clock = tmp_path / "analytics.sqlite3", FakeClock()
    rec = recorder(db, clock)
    rec.session_start("uz")
    rec.page_view("home")
    clock.now += 30
    rec.session_end("staff", idle_s=600.0)  # a pointer held since before the session
    rec.close()
    assert rows(db, "SELECT ended_at, idle_tail_s FROM sessions") == [(T0, 30.0)]
    assert rows(db, "SELECT dwell_s FROM page_views") == [(0.0,)]


def test_a_database_from_before_the_idle_tail_is_upgraded_in_place(tmp_path: Path) -> None:
    """A kiosk updated in the field keeps its sessions; theirs have no idle tail."""
    db, clock = tmp_path / "analytics.sqlite3", FakeClock()
    old = sqlite3.connect(db, isolation_level=None)
    old.executescript(analytics.MIGRATIONS[0] + "PRAGMA user_version = 1;")
    old.execute("INSERT INTO kiosks VALUES ('kiosk-a', 1)")
    old.execute(
        "INSERT INTO sessions VALUES ('kiosk-a', 1, ?, 'uz', ?, 'idle_reset')", (T0, T0 + 107)
    )
    old.close()
    rec = recorder(db, clock)
    clock.now += 200
    rec.session_start("ru")
    clock.now += 10
    rec.session_end("idle_reset", idle_s=4.0)
    rec.close()
    assert rows(db, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert rows(db, "SELECT session_no, ended_at - started_at, idle_tail_s FROM sessions") == [
        (1, 107.0, None),
        (2, 6.0, 4.0),
    ]


def test_session_numbers_continue_across_restarts(tmp_path: Path) -> None:
    db, clock = tmp_path / "analytics.sqlite3", FakeClock()
    for _ in range(2):
        rec = recorder(db, clock)
        rec.session_start("en")
        rec.session_end("staff")
        rec.session_start("ru")  # left open: close() ends it as "shutdown"
        rec.close()
    assert rows(db, "SELECT session_no, language, end_reason FROM sessions ORDER BY 1") == [
        (1, "en", "staff"),
        (2, "ru", "shutdown"),
        (3, "en", "staff"),
        (4, "ru", "shutdown"),
    ]


@pytest.mark.parametrize(
    "call",
    [
        lambda r: r.page_view("settings"),
        lambda r: r.page_view("exhibit", "John Smith, 12 Main St"),
        lambda r: r.session_start("Uzbek please"),
        lambda r: r.session_end("bored"),
        lambda r: r.session_end("home"),  # nothing ends a session by going home
        lambda r: r.session_end("idle_reset", idle_s=-1.0),
        lambda r: r.session_end("idle_reset", idle_s=float("nan")),
        lambda r: r.session_end("idle_reset", idle_s="90"),
        lambda r: r.gallery_image("museum", -1),
        lambda r: r.gallery_zoom("museum", "2"),
        lambda r: r.timeline_open("the day we met"),
        lambda r: r.language_change("uz", "<script>"),
        lambda r: r.still_there("yes"),
    ],
)
def test_values_outside_the_privacy_rules_are_refused(tmp_path: Path, call, caplog) -> None:
    db = tmp_path / "analytics.sqlite3"
    rec = recorder(db, FakeClock())
    call(rec)  # logged, never raised
    assert rec.flush()
    rec.close()
    stored = "SELECT (SELECT count(*) FROM sessions) + (SELECT count(*) FROM page_views)"
    assert rows(db, stored + " + (SELECT count(*) FROM events)") == [(0,)]
    assert any("not recorded" in r.getMessage() for r in caplog.records)


def test_retention_at_start_and_daily(tmp_path: Path) -> None:
    db, clock = tmp_path / "analytics.sqlite3", FakeClock()
    rec = recorder(db, clock)
    rec.session_start("uz")
    rec.session_end("staff")
    rec.close()

    clock.now = T0 + 2.5 * DAY  # restart: rows older than 2 days go at once
    rec = recorder(db, clock, retention_days=2)
    rec.session_start("ru")
    rec.page_view("home")
    rec.session_end("staff")
    assert rec.flush()
    assert rows(db, "SELECT language FROM sessions") == [("ru",)]

    clock.now += 2.2 * DAY  # still running a few days later: the daily clean-up
    rec.session_start("en")
    rec.session_end("staff")
    assert rec.flush()
    rec.close()
    assert rows(db, "SELECT language FROM sessions") == [("en",)]
    assert rows(db, "SELECT count(*) FROM page_views") == [(0,)]


@pytest.mark.parametrize("damage", ["garbage", "malformed"])
def test_corrupt_database_is_moved_aside_and_a_new_one_started(
    tmp_path: Path, damage, caplog
) -> None:
    db, clock = tmp_path / "analytics.sqlite3", FakeClock()
    if damage == "garbage":
        db.write_bytes(b"this is not a database\n" * 500)
    else:  # a real database whose pages were overwritten
        rec = recorder(db, clock)
        for _ in range(300):
            rec.session_start("uz")
            rec.page_view("exhibit", "friendship-museum")
            rec.session_end("staff")
        rec.close()
        with db.open("r+b") as f:
            f.seek(4096)
            f.write(os.urandom(4096 * 6))
    damaged = db.read_bytes()

    rec = recorder(db, clock)
    rec.session_start("az")
    rec.session_end("staff")
    assert rec.flush()
    rec.close()

    moved = list(tmp_path.glob("analytics.sqlite3.corrupt-*"))
    assert len(moved) == 1 and moved[0].name.startswith("analytics.sqlite3.corrupt-2024")
    assert moved[0].read_bytes() == damaged
    assert rows(db, "SELECT session_no, language FROM sessions") == [(1, "az")]
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]
    assert any("corrupt" in m for m in analytics_errors(caplog))


def test_unwritable_location_disables_recording_without_raising(tmp_path: Path, caplog) -> None:
    blocker = tmp_path / "state"
    blocker.write_text("a file where the state folder should be")
    rec = recorder(blocker / "analytics.sqlite3", FakeClock())
    assert rec.flush() is False
    for _ in range(3):
        rec.session_start("uz")
        rec.page_view("exhibit", "friendship-museum")
        rec.gallery_image("friendship-museum", 0)
        rec.gallery_zoom("friendship-museum", 0)
        rec.timeline_open("1995")
        rec.language_change("uz", "en")
        rec.still_there(False)
        rec.session_end("idle_reset")
    assert rec.flush() is False
    rec.close()
    assert rec.enabled is False
    assert len(analytics_errors(caplog)) == 1


READ_ONLY_SCRIPT = textwrap.dedent(
    """
    import json, logging, sys
    errors = []
    class Collect(logging.Handler):
        def emit(self, record):
            if record.levelno >= logging.ERROR:
                errors.append(record.getMessage())
    logging.getLogger("kiosk.analytics").addHandler(Collect())
    from kiosk.runtime.analytics import AnalyticsRecorder
    rec = AnalyticsRecorder(sys.argv[1], "k", flush_interval_s=0.05)
    for _ in range(50):
        rec.session_start("uz"); rec.page_view("exhibit", "a"); rec.gallery_image("a", 1)
        rec.timeline_open("1995-10-02"); rec.still_there(True); rec.session_end("staff")
    flushed = rec.flush()
    rec.close()
    print(json.dumps({"flushed": flushed, "enabled": rec.enabled, "errors": errors}))
    """
)


@pytest.mark.parametrize("existing", [False, True], ids=["new-db", "existing-db"])
def test_read_only_folder_disables_recording_with_one_error(tmp_path: Path, existing) -> None:
    folder = tmp_path / "state"
    folder.mkdir()
    db = folder / "analytics.sqlite3"
    if existing:
        rec = recorder(db, FakeClock())
        rec.session_start("uz")
        rec.close()
    before = sorted(p.name for p in folder.iterdir())
    command = [sys.executable, "-c", READ_ONLY_SCRIPT, str(db)]
    if os.geteuid() == 0:  # root ignores file modes; drop its capabilities for the child
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: cannot make a folder read-only")
        command = ["setpriv", "--inh-caps=-all", "--bounding-set=-all", *command]
    folder.chmod(0o555)
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    finally:
        folder.chmod(0o755)
    assert result.returncode == 0, result.stderr
    import json

    outcome = json.loads(result.stdout)
    assert outcome["flushed"] is False and outcome["enabled"] is False
    assert len(outcome["errors"]) == 1 and "recording disabled" in outcome["errors"][0]
    assert sorted(p.name for p in folder.iterdir()) == before


def test_full_disk_keeps_the_batch_and_retries(tmp_path: Path, monkeypatch, caplog) -> None:
    connections: list[sqlite3.Connection] = []
    real_open = analytics_schema.open_store

    def tiny_disk(path: Path) -> sqlite3.Connection:
        conn = real_open(path)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite reports SQLITE_FULL
        connections.append(conn)
        return conn

    monkeypatch.setattr(analytics_schema, "open_store", tiny_disk)
    db, clock = tmp_path / "analytics.sqlite3", FakeClock()
    rec = recorder(db, clock)
    for _ in range(200):
        rec.session_start("ru")
        rec.page_view("exhibit", "culture-days")
        rec.session_end("idle_reset")
    assert rec.flush() is False
    assert rec.flush() is False
    errors = analytics_errors(caplog)
    assert len(errors) == 1 and "full" in errors[0]  # one message per failure, not per retry

    connections[0].execute("PRAGMA max_page_count = 1000000")  # space freed
    assert rec.flush() is True
    rec.close()
    assert rows(db, "SELECT count(*), max(session_no) FROM sessions") == [(200, 200)]


def test_locked_database_is_retried(tmp_path: Path, monkeypatch, caplog) -> None:
    monkeypatch.setattr(analytics_schema, "BUSY_TIMEOUT_S", 0.05)
    db = tmp_path / "analytics.sqlite3"
    rec = recorder(db, FakeClock())
    assert rec.flush()
    locker = sqlite3.connect(db, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    rec.session_start("en")
    rec.session_end("staff")
    assert rec.flush() is False
    locker.execute("ROLLBACK")
    locker.close()
    assert rec.flush() is True
    rec.close()
    assert rows(db, "SELECT language FROM sessions") == [("en",)]
    assert any("will retry" in m for m in analytics_errors(caplog))


WRITER_SCRIPT = textwrap.dedent(
    """
    import sys
    from kiosk.runtime.analytics import AnalyticsRecorder
    rec = AnalyticsRecorder(sys.argv[1], "crashy", flush_interval_s=0.001, retention_days=None)
    sessions = 0
    while True:
        for _ in range(200):
            rec.session_start("uz")
            for n in range(5):
                rec.page_view("exhibit", f"exhibit-{n}")
                rec.gallery_image(f"exhibit-{n}", n)
            rec.session_end("idle_reset")
            sessions += 1
        if rec.flush():
            print(sessions, flush=True)
    """
)


def test_killing_the_writer_never_corrupts_the_database(tmp_path: Path) -> None:
    db = tmp_path / "analytics.sqlite3"
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER_SCRIPT, str(db)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None  # stdout=PIPE
    try:
        confirmed = [int(child.stdout.readline()) for _ in range(15)]
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        child.stdout.close()
    assert confirmed[-1] == 15 * 200

    assert rows(db, "PRAGMA integrity_check") == [("ok",)]
    ((count, last),) = rows(db, "SELECT count(*), max(session_no) FROM sessions")
    assert count == last >= confirmed[-1]  # every flushed session survived, numbered 1..n
    # whole batches or nothing: each stored, ended session has all five page views
    assert rows(
        db,
        "SELECT count(*) FROM sessions s WHERE ended_at IS NOT NULL AND 5 != "
        "(SELECT count(*) FROM page_views p WHERE p.session_no = s.session_no)",
    ) == [(0,)]

    rec = AnalyticsRecorder(db, "crashy", flush_interval_s=60, retention_days=None)
    rec.session_start("en")
    assert rec.flush()
    rec.close()
    assert rows(db, "SELECT max(session_no) FROM sessions") == [(last + 1,)]


@pytest.mark.parametrize("screen", ["about", "map"])
def test_a_visit_to_about_or_the_map_is_a_page_view_that_ends_the_last_one(
    tmp_path: Path, screen: str
) -> None:
    """Otherwise the exhibit before it would keep counting the time spent there."""
    now = [T0]
    db = tmp_path / "analytics.sqlite3"
    rec = AnalyticsRecorder(db, "kiosk-a", clock=lambda: now[0], retention_days=None)
    rec.session_start("uz")
    rec.page_view("exhibit", "alpha")
    now[0] += 20
    rec.page_view(screen)
    now[0] += 45
    rec.page_view("home")
    rec.session_end("idle_reset")
    assert rec.flush()
    rec.close()
    with closing(sqlite3.connect(db)) as conn:
        views = conn.execute("SELECT page, dwell_s FROM page_views ORDER BY started_at").fetchall()
    assert views[:2] == [("exhibit", 20.0), (screen, 45.0)]

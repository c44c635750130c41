"""The analytics writer's memory does not grow with the store it writes.

A kiosk records every page a visitor opens for a year (the retention), so its store
grows for as long as the kiosk runs. SQLite keeps the pages a connection has read or
written in its page cache, up to ``cache_size``; the writer caps it small
(``analytics_schema.WRITER_CACHE_KIB``). SQLite's own count of the memory it holds
(``sqlite3_status64``, the library Python's ``sqlite3`` is linked with) shows it, with
no timing involved.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from kiosk.runtime import analytics_schema
from kiosk.runtime.analytics import AnalyticsRecorder
from tests.fakes import FakeClock

_SQLITE_STATUS_MEMORY_USED = 0
ROUNDS = 8
PAGES_A_ROUND = 1500  # with a language change every third page: ~0.15 MB of store a round


def _status() -> ctypes.CDLL:
    name = ctypes.util.find_library("sqlite3")
    if name is None:
        pytest.skip("no SQLite library to ask")
    return ctypes.CDLL(name)


@pytest.fixture
def sqlite_memory_mb() -> object:
    """SQLite's memory in use in this process, in MB, if the library found is the one
    Python's ``sqlite3`` uses (a copy linked into the module would not count it)."""
    library = _status()

    def used() -> float:
        gc.collect()
        current, high = ctypes.c_int64(), ctypes.c_int64()
        library.sqlite3_status64(
            _SQLITE_STATUS_MEMORY_USED, ctypes.byref(current), ctypes.byref(high), 0
        )
        return current.value / 2**20

    before = used()
    with closing(sqlite3.connect(":memory:")) as probe:
        probe.execute("CREATE TABLE t (x)")
        probe.executemany("INSERT INTO t VALUES (?)", [("x" * 100,) for _ in range(10_000)])
        if used() - before < 0.5:
            pytest.skip("the SQLite library found is not the one Python's sqlite3 uses")
    return used


def _visits(recorder: AnalyticsRecorder, clock: FakeClock, pages: int) -> None:
    """A visitor's session: ``pages`` pages, a language change every third."""
    recorder.session_start("uz")
    for page in range(pages):
        clock.advance(2.0)
        recorder.page_view("exhibit", "friendship-museum")
        if page % 3 == 0:
            recorder.language_change("uz", "ru")
    clock.advance(40.0)
    recorder.session_end("idle_reset", 30.0)
    assert recorder.flush()


def test_the_writers_memory_stays_as_it_was_after_the_first_round(
    tmp_path: Path, sqlite_memory_mb: object
) -> None:
    used = sqlite_memory_mb
    assert callable(used)
    clock = FakeClock(1_714_550_400.0)
    db = tmp_path / "analytics.sqlite"
    recorder = AnalyticsRecorder(db, "kiosk-a", clock=clock, flush_interval_s=3600)
    try:
        _visits(recorder, clock, PAGES_A_ROUND)
        after_first = used()
        for _ in range(ROUNDS - 1):
            _visits(recorder, clock, PAGES_A_ROUND)
        after_all = used()
    finally:
        recorder.close()
    size_mb = sum(p.stat().st_size for p in tmp_path.glob("analytics.sqlite*")) / 2**20
    assert size_mb > 1.0, "the store did not grow enough to tell"
    # SQLite's default cache held 0.9 MB more here (every page written, up to 2 MB)
    assert after_all - after_first < 0.15, (after_first, after_all)


def test_opening_a_large_store_does_not_keep_it_in_memory(
    tmp_path: Path, sqlite_memory_mb: object
) -> None:
    """A kiosk started again after weeks: the check at opening reads every page."""
    used = sqlite_memory_mb
    assert callable(used)
    db = tmp_path / "analytics.sqlite"
    with closing(analytics_schema.open_store(db)) as conn:
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO page_views (kiosk_id, session_no, page, exhibit_id, started_at)"
            " VALUES ('kiosk-a', 1, 'exhibit', 'friendship-museum', ?)",
            [(float(n),) for n in range(60_000)],
        )
        conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert db.stat().st_size > 2.5 * 2**20
    before = used()
    with closing(analytics_schema.open_store(db)):
        held = used() - before
    # SQLite's default cache kept 2.1 MB of it
    assert held < analytics_schema.WRITER_CACHE_KIB / 1024 + 0.3, held

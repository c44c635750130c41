"""Pages read aloud in the analytics: counts per exhibit and language, nothing else."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from fakes import FakeClock

from kiosk.commands.stats import format_csv, format_table
from kiosk.runtime.analytics import EVENT_KINDS, AnalyticsRecorder
from kiosk.runtime.stats import ListenStats, build_report

T0 = 1_714_550_400.0  # 2024-05-01 08:00 UTC


def record(db: Path, kiosk: str, calls: list[tuple[str, str, str | None]]) -> None:
    clock = FakeClock(T0)
    rec = AnalyticsRecorder(db, kiosk, clock=clock, flush_interval_s=60, retention_days=None)
    rec.session_start("uz")
    for exhibit, language, entry_date in calls:
        clock.advance(5)
        rec.listen(exhibit, language, entry_date)
    rec.session_end("idle_reset")
    assert rec.flush()
    rec.close()


def test_listen_is_an_event_kind_stored_with_exhibit_language_and_entry(tmp_path: Path) -> None:
    assert "listen" in EVENT_KINDS
    db = tmp_path / "analytics.sqlite3"
    record(db, "lobby", [("museum", "uz", None), ("school", "en", "2023-08")])
    conn = sqlite3.connect(db)
    try:
        stored = conn.execute(
            "SELECT session_no, ts, kind, exhibit_id, item, entry_date, from_language,"
            " to_language, answered FROM events ORDER BY id"
        ).fetchall()
    finally:
        conn.close()
    assert stored == [
        (1, T0 + 5, "listen", "museum", None, None, None, "uz", None),
        (1, T0 + 10, "listen", "school", None, "2023-08", None, "en", None),
    ]


@pytest.mark.parametrize(
    ("exhibit", "language", "entry_date"),
    [
        ("John Smith, 12 Main St", "uz", None),
        ("museum", "Uzbek please", None),
        ("museum", "uz", "the day we met"),
        ("museum", "uz", "/home/kiosk/exhibits/museum/cover.jpg"),
    ],
)
def test_anything_but_ids_codes_and_dates_is_refused(
    tmp_path: Path, exhibit: str, language: str, entry_date: str | None
) -> None:
    db = tmp_path / "analytics.sqlite3"
    record(db, "lobby", [(exhibit, language, entry_date)])
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT count(*) FROM events").fetchone() == (0,)
    finally:
        conn.close()


def test_report_counts_listens_per_exhibit_and_language_across_kiosks(tmp_path: Path) -> None:
    lobby, hall = tmp_path / "lobby.sqlite3", tmp_path / "hall.sqlite3"
    record(lobby, "lobby", [("museum", "uz", None), ("museum", "uz", None), ("school", "ru", None)])
    record(hall, "hall", [("museum", "uz", None), ("museum", "en", "1995-10-02")])
    report = build_report([lobby, hall, lobby])  # a file given twice counts once
    assert report.listens == (
        ListenStats("museum", "uz", 3),
        ListenStats("museum", "en", 1),
        ListenStats("school", "ru", 1),
    )
    table = format_table(report)
    assert "Read aloud (listens by exhibit and language)" in table
    assert "  museum                                  uz        3" in table
    assert "listen,museum uz,listens,3" in format_csv(report)
    assert report.to_dict()["listens"][0] == {
        "exhibit_id": "museum",
        "language": "uz",
        "listens": 3,
    }


def test_listens_do_not_count_as_timeline_opens_or_gallery_views(tmp_path: Path) -> None:
    db = tmp_path / "analytics.sqlite3"
    record(db, "lobby", [("museum", "en", "1995-10-02")])
    report = build_report([db])
    assert report.timeline_opens == {}
    assert report.exhibits == ()

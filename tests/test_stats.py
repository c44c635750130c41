"""Report figures against a fixture computed by hand (see the comments), and the chart."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import cast

import pytest
from PIL import Image

from kiosk.runtime.analytics import AnalyticsError, AnalyticsRecorder
from kiosk.runtime.chart import render_chart
from kiosk.runtime.stats import ExhibitStats, LanguageStats, build_report

# getcolors() is None only when maxcolors is below the number of colours
Colours = list[tuple[int, tuple[int, ...]]]


def approx(expected: float) -> float:
    """pytest.approx, typed as the float it compares equal to."""
    return cast(float, pytest.approx(expected))


def utc(day: int, hour: int, minute: int = 0) -> float:
    return datetime(2024, 5, day, hour, minute, tzinfo=UTC).timestamp()


# (start, language, [(seconds after start, call, args), ...]); an attract page view
# opens before the first session and after every session.
LOBBY = [
    (
        utc(1, 9),
        "uz",
        [  # length 100; museum dwell 60, school dwell 30
            (0, "page_view", ("home",)),
            (10, "page_view", ("exhibit", "museum")),
            (70, "page_view", ("exhibit", "school")),
            (100, "session_end", ("staff",)),
        ],
    ),
    (
        utc(1, 14, 30),
        "ru",
        [  # length 200; museum dwell 120; switches to English
            (0, "page_view", ("home",)),
            (5, "page_view", ("exhibit", "museum")),
            (125, "language_change", ("ru", "en")),
            (125, "page_view", ("gallery", "museum")),
            (130, "gallery_image", ("museum", 2)),
            (140, "gallery_zoom", ("museum", 2)),
            (200, "session_end", ("idle_reset",)),
        ],
    ),
    (
        utc(2, 10, 15),
        "en",
        [  # length 300; school dwell 40
            (0, "page_view", ("exhibit", "school")),
            (40, "page_view", ("timeline", "school")),
            (45, "timeline_open", ("1995-10-02",)),
            (60, "still_there", (False,)),
            (300, "session_end", ("idle_reset",)),
        ],
    ),
]
HALL = [
    (
        utc(2, 10, 45),
        "az",
        [  # length 400; museum dwell 400
            (0, "page_view", ("exhibit", "museum")),
            (400, "session_end", ("staff",)),
        ],
    ),
    (
        utc(3, 16),
        "uz",
        [  # length 50; culture dwell 30, museum dwell 20
            (0, "page_view", ("exhibit", "culture")),
            (10, "still_there", (True,)),
            (30, "page_view", ("exhibit", "museum")),
            (50, "session_end", ("staff",)),
        ],
    ),
]


class FakeClock:
    now = 0.0

    def __call__(self) -> float:
        return self.now


def record(path: Path, kiosk_id: str, sessions: list) -> Path:
    clock = FakeClock()
    clock.now = sessions[0][0] - 600
    rec = AnalyticsRecorder(path, kiosk_id, clock=clock, flush_interval_s=60, retention_days=None)
    rec.page_view("attract")
    for start, language, steps in sessions:
        clock.now = start
        rec.session_start(language)
        for offset, call, args in steps:
            clock.now = start + offset
            getattr(rec, call)(*args)
        rec.page_view("attract")
    assert rec.flush()
    rec.close()
    return path


@pytest.fixture
def lobby_db(tmp_path: Path) -> Path:
    return record(tmp_path / "lobby.sqlite3", "lobby", LOBBY)


@pytest.fixture
def hall_db(tmp_path: Path) -> Path:
    return record(tmp_path / "hall.sqlite3", "hall", HALL)


def test_two_kiosks_merged(lobby_db: Path, hall_db: Path) -> None:
    report = build_report([lobby_db, hall_db], tz=UTC)

    assert report.kiosk_ids == ("hall", "lobby")
    assert report.sessions == 5
    assert report.sessions_per_day == {"2024-05-01": 2, "2024-05-02": 2, "2024-05-03": 1}
    hours = dict.fromkeys(range(24), 0) | {9: 1, 14: 1, 10: 2, 16: 1}
    assert report.sessions_per_hour == tuple(hours.values())
    # lengths 50, 100, 200, 300, 400: median 200; p90 at rank 3.6 -> 300 + 0.6 * 100
    assert report.median_session_s == 200
    assert report.p90_session_s == pytest.approx(360)
    assert report.unfinished_sessions == 0
    assert report.end_reasons == {"staff": 3, "idle_reset": 2}
    assert report.still_there == {"answered": 1, "unanswered": 1}
    assert report.timeline_opens == {"1995-10-02": 1}
    assert report.page_views == {"attract": 7, "exhibit": 7, "home": 2, "gallery": 1, "timeline": 1}

    # museum dwells 60, 120, 400, 20 -> median 90; school 30, 40 -> 35; culture 30
    assert report.exhibits == (
        ExhibitStats(
            "museum",
            views=4,
            sessions_reached=4,
            median_dwell_s=90,
            gallery_images=1,
            gallery_zooms=1,
        ),
        ExhibitStats(
            "school",
            views=2,
            sessions_reached=2,
            median_dwell_s=35,
            gallery_images=0,
            gallery_zooms=0,
        ),
        ExhibitStats(
            "culture",
            views=1,
            sessions_reached=1,
            median_dwell_s=30,
            gallery_images=0,
            gallery_zooms=0,
        ),
    )
    assert [e.exhibit_id for e in report.exhibits_by_dwell] == ["museum", "school", "culture"]

    # sessions' languages: {uz}, {ru, en}, {en}, {az}, {uz}; the ru/en one counts half each
    assert report.languages == (
        LanguageStats("uz", 2, approx(0.4)),
        LanguageStats("en", 2, approx(0.3)),
        LanguageStats("az", 1, approx(0.2)),
        LanguageStats("ru", 1, approx(0.1)),
    )
    assert sum(lang.share for lang in report.languages) == pytest.approx(1)

    hall, lobby = report.kiosks
    assert (hall.kiosk_id, hall.sessions, hall.median_session_s, hall.page_views) == (
        "hall",
        2,
        225,
        6,
    )
    assert (lobby.kiosk_id, lobby.sessions, lobby.median_session_s, lobby.page_views) == (
        "lobby",
        3,
        200,
        12,
    )
    assert (lobby.first_day, lobby.last_day) == ("2024-05-01", "2024-05-02")


def test_since_and_until_are_inclusive_days(lobby_db: Path, hall_db: Path) -> None:
    dbs = [lobby_db, hall_db]
    later = build_report(dbs, since=date(2024, 5, 2), tz=UTC)
    assert later.sessions == 3
    assert later.sessions_per_day == {"2024-05-02": 2, "2024-05-03": 1}
    assert {e.exhibit_id: e.views for e in later.exhibits} == {
        "museum": 2,
        "school": 1,
        "culture": 1,
    }
    assert [lang.language for lang in later.languages] == ["az", "en", "uz"]

    first = build_report(dbs, until=date(2024, 5, 1), tz=UTC)
    assert first.sessions == 2 and first.kiosk_ids == ("lobby",)
    assert first.median_session_s == 150

    one_day = build_report(dbs, since=date(2024, 5, 2), until=date(2024, 5, 2), tz=UTC)
    assert one_day.sessions == 2
    assert {e.exhibit_id: e.views for e in one_day.exhibits} == {"museum": 1, "school": 1}

    empty = build_report(dbs, since=date(2024, 6, 1), tz=UTC)
    assert empty.sessions == 0 and empty.median_session_s is None and empty.exhibits == ()


def test_days_are_local_days(lobby_db: Path) -> None:
    honolulu = timezone(timedelta(hours=-10))  # 09:00 UTC on 1 May is 23:00 on 30 April
    report = build_report([lobby_db], until=date(2024, 4, 30), tz=honolulu)
    assert report.sessions == 1
    assert report.sessions_per_day == {"2024-04-30": 1}
    assert report.sessions_per_hour[23] == 1


def test_the_same_database_twice_counts_once(lobby_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copied-from-usb.sqlite3"
    shutil.copy(lobby_db, copy)
    report = build_report([lobby_db, copy, lobby_db], tz=UTC)
    assert report.sessions == 3
    assert report.exhibits[0].views == 2


def test_reading_leaves_no_files_behind(lobby_db: Path) -> None:
    before = sorted(p.name for p in lobby_db.parent.iterdir())
    build_report([lobby_db])
    assert sorted(p.name for p in lobby_db.parent.iterdir()) == before


def test_unusable_databases_are_named(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(AnalyticsError, match=r"junk\.sqlite3"):
        build_report([junk])
    with pytest.raises(AnalyticsError, match="no such database"):
        build_report([tmp_path / "missing.sqlite3"])


def test_chart_is_a_non_blank_png_of_the_requested_size(
    lobby_db: Path, hall_db: Path, tmp_path: Path
) -> None:
    report = build_report([lobby_db, hall_db], tz=UTC)
    out = render_chart(
        report, tmp_path / "chart.png", size=(1200, 750), labels={"museum": "Музей дружбы"}
    )
    with Image.open(out) as image:
        assert image.format == "PNG" and image.size == (1200, 750)
        colors = cast(Colours, image.convert("RGB").getcolors(maxcolors=1_000_000))
    present = {rgb for _, rgb in colors}
    assert len(present) > 20  # text antialiasing plus the bar colours
    for bar in ((0x00, 0x99, 0xB5), (0x1E, 0xB5, 0x3A)):  # exhibit and hour bars drawn
        assert bar in present


def test_chart_of_an_empty_report(tmp_path: Path, lobby_db: Path) -> None:
    report = build_report([lobby_db], since=date(2030, 1, 1))
    out = render_chart(report, tmp_path / "empty.png")
    with Image.open(out) as image:
        assert image.size == (1600, 1000)
        assert (
            len(cast(Colours, image.convert("RGB").getcolors(maxcolors=1_000_000))) > 2
        )  # title, "no data"

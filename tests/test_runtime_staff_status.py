"""The staff panel's data, built from plain inputs: no window, no Qt."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kiosk.content.loader import load_content
from kiosk.content.model import ContentSet, Problem
from kiosk.runtime.analytics import AnalyticsRecorder
from kiosk.runtime.staff_status import (
    LOADED_AT_FORMAT,
    TOP_EXHIBITS,
    LanguageCompleteness,
    LanguageShare,
    Renditions,
    StaffStatus,
    Today,
    build_status,
    exhibit_titles,
    format_loaded_at,
    today_summary,
)
from tests.factories import make_site, tmap, valid_exhibit


@dataclass
class FakeReload:
    last_loaded_at: float | None = None
    pending: ContentSet | None = None
    last_errors: tuple[Problem, ...] = ()
    last_warnings: tuple[Problem, ...] = ()


def site(tmp_path: Path, name: str = "site", **exhibits: Any) -> ContentSet:
    result = load_content(make_site(tmp_path / name, exhibits or None))
    assert result.content is not None, result.errors
    return result.content


def test_a_status_names_version_reload_images_and_languages(tmp_path: Path) -> None:
    shown = site(tmp_path)
    waiting = site(tmp_path, "next", alpha=valid_exhibit(title=tmap("Renamed")))
    loaded = dt.datetime(2025, 5, 14, 9, 12, 3).timestamp()
    problem = Problem(tmp_path / "a" / "exhibit.yaml", 3, 5, "missing required field: title")
    reload = FakeReload(loaded, waiting, (problem,), ())
    status = build_status(
        mode="preview",
        content=shown,
        reload=reload,
        renditions=Renditions(total=4, building=1, failed=1),
        today=Today(sessions=2),
    )
    assert status.mode == "preview"
    assert status.content_version == shown.version[:12] and len(status.content_version) == 12
    assert status.loaded_at == "2025-05-14 09:12:03"
    assert status.pending == waiting.version[:12] != status.content_version
    assert status.errors == (
        f"{tmp_path / 'a' / 'exhibit.yaml'}:3:5: missing required field: title",
    )
    assert status.warnings == ()
    assert status.cache == "2 of 4 renditions ready, 1 building, 1 failed"
    one = Renditions(total=1, building=0, failed=0).describe()
    assert one == "1 of 1 rendition ready, 0 building, 0 failed"
    codes = shown.site.language_codes
    assert [lang.code for lang in status.languages] == list(codes)
    assert all(lang.complete == 100 for lang in status.languages)
    assert status.today == Today(sessions=2)


def test_a_language_with_missing_texts_is_less_than_complete(tmp_path: Path) -> None:
    partial = valid_exhibit(title=tmap("Title", ("uz", "ru", "en")))
    content = site(tmp_path, alpha=partial)
    status = build_status(
        mode="kiosk",
        content=content,
        reload=FakeReload(),
        renditions=Renditions(0, 0, 0),
        today=Today(),
    )
    by_code = {lang.code: lang for lang in status.languages}
    assert by_code["az"].complete < 100 and by_code["uz"].complete == 100
    assert status.loaded_at == "" and status.pending == ""


def test_never_loaded_and_the_format() -> None:
    assert format_loaded_at(None) == ""
    moment = dt.datetime(2026, 1, 2, 3, 4, 5)
    assert format_loaded_at(moment.timestamp()) == moment.strftime(LOADED_AT_FORMAT)


def test_the_empty_status_shows_nothing() -> None:
    empty = StaffStatus()
    assert (empty.content_version, empty.errors, empty.languages) == ("", (), ())
    assert empty.today == Today(sessions=0, top_exhibits=(), language_shares=())


# today -----------------------------------------------------------------------------------


def _record_day(db: Path, day: dt.date, visits: list[tuple[str, list[str]]]) -> None:
    """Sessions at 10:00 local time on ``day``, each viewing the exhibits listed."""
    now = [dt.datetime.combine(day, dt.time(10)).timestamp()]

    def clock() -> float:
        return now[0]

    recorder = AnalyticsRecorder(db, "lobby", clock=clock, flush_interval_s=3600)
    for language, exhibits in visits:
        recorder.session_start(language)
        for exhibit_id in exhibits:
            now[0] += 10
            recorder.page_view("exhibit", exhibit_id)
        now[0] += 10
        recorder.session_end("idle_reset")
    assert recorder.flush()
    recorder.close()


def test_today_counts_sessions_and_names_the_most_viewed(tmp_path: Path) -> None:
    db = tmp_path / "analytics.sqlite3"
    day = dt.date(2026, 3, 4)
    views = ["a", "a", "a", "a", "b", "b", "b", "c", "c", "d"]
    _record_day(db, day, [("uz", views[:5]), ("ru", views[5:])])
    _record_day(db, day - dt.timedelta(days=1), [("en", ["d"] * 9)])  # yesterday: not counted
    today = today_summary(db, {"a": "Alpha", "b": "Beta", "c": "Gamma"}, day)
    assert today.sessions == 2
    assert today.top_exhibits == ("Alpha (4)", "Beta (3)", "Gamma (2)")
    assert len(today.top_exhibits) == TOP_EXHIBITS
    assert set(today.language_shares) == {LanguageShare("uz", 50), LanguageShare("ru", 50)}


def test_an_exhibit_gone_from_the_content_shows_its_id(tmp_path: Path) -> None:
    db = tmp_path / "analytics.sqlite3"
    day = dt.date(2026, 3, 4)
    _record_day(db, day, [("uz", ["gone"])])
    assert today_summary(db, {}, day).top_exhibits == ("gone (1)",)


def test_no_database_or_an_unreadable_one_is_an_empty_day(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    day = dt.date(2026, 3, 4)
    assert today_summary(None, {}, day) == Today()
    assert today_summary(tmp_path / "none.sqlite3", {}, day) == Today()
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"not a database at all" * 100)
    assert today_summary(broken, {}, day) == Today()
    assert "today's analytics could not be read" in caplog.text


def test_titles_are_in_the_default_language(tmp_path: Path) -> None:
    content = site(tmp_path, alpha=valid_exhibit(title=tmap("Title")))
    default = content.site.default_language
    assert exhibit_titles(content) == {"alpha": f"Title [{default}]"}


def test_languages_keep_the_site_order(tmp_path: Path) -> None:
    content = site(tmp_path)
    status = build_status(
        mode="kiosk",
        content=content,
        reload=FakeReload(),
        renditions=Renditions(2, 0, 0),
        today=Today(),
    )
    names = {lang.code: lang.name for lang in content.site.languages}
    assert status.languages == tuple(
        LanguageCompleteness(code, names[code], 100) for code in content.site.language_codes
    )


def test_speech_says_why_reading_aloud_is_off_or_which_voices_are_missing() -> None:
    from readaloudfakes import FakeEngine

    from kiosk.runtime.readaloud_speaker import Speaker
    from kiosk.runtime.staff_status import speech_status

    codes = ("uz", "az", "ru", "en")
    off = Speaker(FakeEngine(reason="espeak-ng is not installed; install it with: apt-get"))
    assert speech_status(off, codes) == (
        "Reading aloud: off (espeak-ng is not installed; install it with: apt-get)"
    )
    no_uz = Speaker(FakeEngine(voices=frozenset({"az", "ru", "en-us"})))
    assert speech_status(no_uz, codes) == "Reading aloud: on, but no voice for uz"
    assert speech_status(Speaker(FakeEngine()), codes) == "Reading aloud: on (uz, az, ru, en)"

"""The controller's decisions with a fake view: no window, no Qt, a fake clock.

What reaches analytics as the visitor moves; what idle events do to the screen; when
a reloaded content set goes on screen (never in the middle of a visit).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from unittest.mock import MagicMock, call

import pytest

from kiosk.content.loader import load_content
from kiosk.content.model import ContentSet, IdleSettings, LoadResult, Problem
from kiosk.runtime.analytics import AnalyticsRecorder
from kiosk.runtime.idle import IdleMachine, IdleState
from kiosk.runtime.navigation import ATTRACT, EXHIBIT, GALLERY, HOME, TIMELINE, Place
from kiosk.runtime.reload import ImmediateExecutor, ReloadController
from kiosk.runtime.visit import KioskView, Visit
from tests.factories import make_site
from tests.fakes import FakeClock

IDLE = IdleSettings(still_there_after_s=60, countdown_s=15)


class FakeView:
    """A screen that remembers what it was told to show."""

    def __init__(self, content: ContentSet, place: Place | None = None) -> None:
        self.current_place = place or Place(ATTRACT)
        self.current_language = content.site.default_language
        self.shown = content
        self.shown_log: list[str] = []  # versions put on screen, in order
        self.still_there = (False, 0)
        self.problems: list[str] = []
        self.resets = 0
        self.staff_is_open = False
        self.staff_refreshes = 0

    def place(self) -> Place:
        return self.current_place

    def language(self) -> str:
        return self.current_language

    def content(self) -> ContentSet:
        return self.shown

    def show_content(self, content: ContentSet) -> None:
        self.shown = content
        self.shown_log.append(content.version)

    def show_still_there(self, showing: bool, seconds_left: int) -> None:
        self.still_there = (showing, seconds_left)

    def show_problems(self, lines: Sequence[str]) -> None:
        self.problems = list(lines)

    def reset_to_attract(self) -> None:
        self.resets += 1
        self.current_place = Place(ATTRACT)

    def staff_open(self) -> bool:
        return self.staff_is_open

    def refresh_staff(self) -> None:
        self.staff_refreshes += 1


def _check_fake_view(view: FakeView) -> KioskView:
    return view  # mypy: the fake has every method of the protocol


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> ContentSet:
    root = make_site(tmp_path_factory.mktemp("visit") / "site")
    result = load_content(root)
    assert result.content is not None, result.errors
    return replace(result.content, site=replace(result.content.site, idle=IDLE))


def version(content: ContentSet, name: str) -> ContentSet:
    return replace(content, version=name)


class Loads:
    """A loader that returns the results the test queues, one per load."""

    def __init__(self, *results: LoadResult) -> None:
        self.results = list(results)

    def __call__(self, root: Path) -> LoadResult:
        return self.results.pop(0)


def reload_for(
    tmp_path: Path, first: ContentSet, loads: Loads, preview: bool = False
) -> ReloadController:
    loads.results.insert(0, LoadResult(first, (), ()))
    reload = ReloadController(
        tmp_path, loads, executor=ImmediateExecutor(), preview=preview, clock=FakeClock()
    )
    reload.load_initial()
    return reload


def good(content: ContentSet) -> LoadResult:
    return LoadResult(content, (), ())


def bad(path: Path) -> LoadResult:
    return LoadResult(None, (Problem(path, 3, 5, "missing required field: title"),), ())


# analytics --------------------------------------------------------------------------------


@pytest.fixture
def recorder() -> MagicMock:
    return MagicMock(spec=AnalyticsRecorder)


def test_each_page_is_one_page_view_and_gallery_swipes_are_images(site, recorder):
    visit = Visit(FakeView(site, Place(HOME)), recorder=recorder)
    for place in [
        Place(HOME),
        Place(HOME, index=1),  # focus moved on home: the same page
        Place(EXHIBIT, "alpha"),
        Place(GALLERY, "alpha", 0),
        Place(GALLERY, "alpha", 1),
        Place(GALLERY, "alpha", 1),  # nothing moved
        Place(EXHIBIT, "alpha"),
    ]:
        visit.on_place(place)
    assert recorder.mock_calls == [
        call.page_view(HOME, None),
        call.page_view(EXHIBIT, "alpha"),
        call.page_view(GALLERY, "alpha"),
        call.gallery_image("alpha", 0),
        call.gallery_image("alpha", 1),
        call.page_view(EXHIBIT, "alpha"),
    ]


def test_a_timeline_entry_is_recorded_by_its_date(site, recorder):
    visit = Visit(FakeView(site, Place(TIMELINE)), recorder=recorder)
    visit.on_place(Place(TIMELINE, index=0))
    visit.on_place(Place(TIMELINE, index=5))  # past the end: no entry there
    assert recorder.mock_calls == [
        call.page_view(TIMELINE, None),
        call.timeline_open("1995-10-02"),
    ]


def test_a_language_choice_is_recorded_but_not_the_reset_at_attract(site, recorder):
    view = FakeView(site, Place(HOME))
    visit = Visit(view, recorder=recorder)
    visit.on_language("uz", "ru")
    view.current_place = Place(ATTRACT)
    visit.on_language("ru", "uz")
    assert recorder.mock_calls == [call.language_change("uz", "ru")]


def test_a_zoom_counts_only_in_the_gallery(site, recorder):
    view = FakeView(site, Place(GALLERY, "alpha", 2))
    visit = Visit(view, recorder=recorder)
    visit.on_zoom(2)
    view.current_place = Place(EXHIBIT, "alpha")
    visit.on_zoom(0)
    assert recorder.mock_calls == [call.gallery_zoom("alpha", 2)]


def test_without_a_recorder_nothing_is_recorded_and_nothing_fails(site, recorder):
    view = FakeView(site, Place(HOME))
    before = dict(vars(view))
    visit = Visit(view)
    visit.on_place(Place(GALLERY, "alpha", 1))
    view.current_place = Place(GALLERY, "alpha", 1)
    visit.on_language("uz", "en")
    visit.on_zoom(1)
    visit.on_listen("alpha", "en", "")
    view.current_place = before["current_place"]
    assert vars(view) == before  # none of it reached the screen: nothing shown or reset
    # the place was still followed: with a recorder from now on, the next image of the
    # same gallery is an image, not a new page view
    visit.recorder = recorder
    visit.on_place(Place(GALLERY, "alpha", 2))
    assert recorder.mock_calls == [call.gallery_image("alpha", 2)]


# idle and sessions ----------------------------------------------------------------------


def test_a_session_from_first_touch_to_timeout(site, recorder):
    clock = FakeClock()
    idle = IdleMachine(IDLE, clock)
    view = FakeView(site)
    visit = Visit(view, idle=idle, recorder=recorder)
    idle.touch()
    view.current_language = "ru"
    clock.advance(59)
    visit.tick()
    assert view.still_there == (False, 0)
    clock.advance(1)
    visit.tick()
    assert view.still_there == (True, 15)
    clock.advance(5.5)
    visit.tick()
    assert view.still_there == (True, 10)  # rounded up: never shows 0 while counting
    clock.advance(10)
    visit.tick()
    assert view.still_there == (False, 0) and view.resets == 1
    assert idle.state == IdleState.ATTRACT
    assert recorder.mock_calls == [
        call.session_start(site.site.default_language),
        call.still_there(False),
        call.session_end("idle_reset", idle_s=75.5),  # 60 s quiet, then the countdown
    ]


def test_an_answered_countdown_goes_on_with_the_visit(site, recorder):
    clock = FakeClock()
    idle = IdleMachine(IDLE, clock)
    view = FakeView(site, Place(HOME))
    visit = Visit(view, idle=idle, recorder=recorder)
    idle.touch()
    clock.advance(61)
    visit.tick()
    visit.visitor_answered()
    assert view.still_there == (False, 0) and idle.state == IdleState.VISITING
    assert view.resets == 0
    assert recorder.mock_calls[-1] == call.still_there(True)


def test_staff_at_the_panel_keep_the_visit_from_timing_out(site):
    clock = FakeClock()
    idle = IdleMachine(IDLE, clock)
    view = FakeView(site, Place(HOME))
    visit = Visit(view, idle=idle)
    idle.touch()
    view.staff_is_open = True
    for _ in range(10):
        clock.advance(30)
        visit.tick()
    assert idle.state == IdleState.VISITING and view.resets == 0


def test_staff_return_to_attract_ends_the_session_as_staff(site, recorder):
    idle = IdleMachine(IDLE, FakeClock())
    view = FakeView(site, Place(HOME))
    visit = Visit(view, idle=idle, recorder=recorder)
    idle.touch()
    visit.go_attract("staff")
    assert view.resets == 1
    assert recorder.mock_calls[-1] == call.session_end("staff", idle_s=0.0)
    visit.go_attract("staff")  # already at attract: the views reset again, no session
    assert view.resets == 2 and recorder.session_end.call_count == 1


def test_a_visit_and_its_last_page_end_at_the_last_touch_not_at_the_reset(site, tmp_path):
    """The timeline read for 2 s, then 90 s of nobody and the 15 s countdown: the
    report must not call that a 107 s dwell (it did)."""
    import sqlite3

    clock = FakeClock()
    idle = IdleMachine(IdleSettings(still_there_after_s=90, countdown_s=15), clock)
    db = tmp_path / "analytics.sqlite3"
    recorder = AnalyticsRecorder(db, "lobby", clock=clock, flush_interval_s=3600)
    view = FakeView(site, Place(HOME))
    visit = Visit(view, idle=idle, recorder=recorder)
    idle.touch()  # the first touch starts the session on the home screen
    visit.on_place(view.current_place)
    clock.advance(4)
    idle.touch()
    view.current_place = Place(TIMELINE)
    visit.on_place(view.current_place)
    clock.advance(2)
    idle.touch()  # a scroll: the last touch
    clock.advance(90)
    visit.tick()
    assert view.still_there == (True, 15)
    clock.advance(15)
    visit.tick()
    assert view.resets == 1
    recorder.close()
    rows = sqlite3.connect(db)
    try:
        sessions = rows.execute(
            "SELECT ended_at - started_at, end_reason, idle_tail_s FROM sessions"
        ).fetchall()
        pages = rows.execute("SELECT page, dwell_s FROM page_views ORDER BY id").fetchall()
    finally:
        rows.close()
    assert sessions == [(6.0, "idle_reset", 105.0)]
    assert pages == [("home", 4.0), ("timeline", 2.0)]


# reloads --------------------------------------------------------------------------------


def test_a_new_set_waits_for_the_next_visitor(site, tmp_path):
    clock = FakeClock()
    idle = IdleMachine(IDLE, clock)
    loads = Loads()
    reload = reload_for(tmp_path, version(site, "v1"), loads)
    view = FakeView(version(site, "v1"), Place(HOME))
    visit = Visit(view, idle=idle, reload=reload)
    idle.touch()
    loads.results.append(good(version(site, "v2")))
    reload.reload_now()
    assert view.shown_log == [] and reload.pending is not None  # mid-visit: waits
    clock.advance(200)
    visit.tick()  # still there? ...
    clock.advance(20)
    visit.tick()  # ... nobody: attract, and the new set with it
    assert view.shown_log == ["v2"] and view.resets == 1
    assert reload.pending is None


def test_at_attract_a_new_set_goes_on_screen_at_once(site, tmp_path):
    idle = IdleMachine(IDLE, FakeClock())
    loads = Loads()
    reload = reload_for(tmp_path, version(site, "v1"), loads)
    view = FakeView(version(site, "v1"))
    Visit(view, idle=idle, reload=reload)
    new_idle = replace(IDLE, still_there_after_s=90)
    loads.results.append(good(replace(version(site, "v2"), site=replace(site.site, idle=new_idle))))
    reload.reload_now()
    assert view.shown_log == ["v2"]  # shown once, not once per event
    assert idle.settings.still_there_after_s == 90  # the new timings apply


def test_preview_shows_an_edit_at_once_and_its_errors_until_fixed(site, tmp_path):
    loads = Loads()
    reload = reload_for(tmp_path, version(site, "v1"), loads, preview=True)
    view = FakeView(version(site, "v1"), Place(EXHIBIT, "alpha"))
    Visit(view, reload=reload, preview=True)
    loads.results += [bad(tmp_path / "alpha" / "exhibit.yaml"), good(version(site, "v2"))]
    reload.reload_now()
    assert view.problems == [
        f"{tmp_path / 'alpha' / 'exhibit.yaml'}:3:5: missing required field: title"
    ]
    assert view.shown_log == []
    reload.reload_now()
    assert view.problems == [] and view.shown_log == ["v2"]


def test_kiosk_mode_keeps_errors_off_the_screen_and_tells_staff(site, tmp_path):
    loads = Loads()
    reload = reload_for(tmp_path, version(site, "v1"), loads)
    view = FakeView(version(site, "v1"), Place(HOME))
    Visit(view, reload=reload)
    loads.results.append(bad(tmp_path / "x.yaml"))
    reload.reload_now()
    assert view.problems == [] and view.shown_log == []
    assert view.staff_refreshes == 1


def test_the_first_valid_set_replaces_the_being_updated_screen(site, tmp_path):
    loads = Loads()
    fallback = version(site, "fallback")
    reload = ReloadController(tmp_path, loads, executor=ImmediateExecutor(), clock=FakeClock())
    loads.results.append(bad(tmp_path / "x.yaml"))
    reload.load_initial()
    view = FakeView(fallback, Place(HOME))  # windowed, a visitor at home
    Visit(view, reload=reload)
    loads.results.append(good(version(site, "v1")))
    reload.reload_now()
    assert view.shown_log == ["v1"]


def test_without_idle_the_attract_screen_is_between_visitors(site, tmp_path):
    loads = Loads()
    reload = reload_for(tmp_path, version(site, "v1"), loads)
    view = FakeView(version(site, "v1"), Place(HOME))
    visit = Visit(view, reload=reload)
    loads.results.append(good(version(site, "v2")))
    reload.reload_now()
    assert view.shown_log == []
    visit.go_attract("staff")
    assert view.shown_log == ["v2"] and view.resets == 1


def test_a_presentation_shows_a_new_set_when_the_presenter_comes_back_home(site, tmp_path):
    """Windowed mode has no idle reset: without this, an edit would never be shown."""
    loads = Loads()
    reload = reload_for(tmp_path, version(site, "v1"), loads)
    view = FakeView(version(site, "v1"), Place(EXHIBIT, "alpha"))
    visit = Visit(view, reload=reload)
    visit.on_place(view.current_place)
    loads.results.append(good(version(site, "v2")))
    reload.reload_now()
    visit.on_place(Place(GALLERY, "alpha", 1))
    assert view.shown_log == []  # mid-talk: the pages stay as they are
    view.current_place = Place(HOME)
    visit.on_place(view.current_place)
    assert view.shown_log == ["v2"] and reload.pending is None


def test_the_folder_is_looked_at_every_few_ticks(site, tmp_path):
    reload = MagicMock(spec=ReloadController)
    visit = Visit(FakeView(site), reload=reload, reload_every=4)
    for _ in range(8):
        visit.tick()
    assert reload.poll.call_count == 2

"""A talk with a fake audience window and a fake clock: no Qt, no waiting.

The clicker walks screenful by screenful, PageUp at the top of a page lands at the end
of the step before, the last step ends the talk without wrapping; blank, freeze, the
timer's colour and jumps.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from kiosk.content.loader import load_content
from kiosk.content.model import ContentSet, Talk, TalkStep, Text
from kiosk.runtime import talk as t
from kiosk.runtime.talk import BLACK, WHITE, Clock, TalkState
from tests.conftest import BUNDLED
from tests.factories import make_site, valid_exhibit
from tests.fakes import FakeClock


class FakeAudience:
    """An audience window whose exhibit pages are ``screens`` screenfuls tall."""

    def __init__(self, screens: int = 3) -> None:
        self.screens = screens
        self.position = 0  # screenful on show, 0 = top of the page
        self.shown: list[tuple[str, str | None, bool]] = []
        self.current: TalkStep | None = None
        self.changes = 0

    def show_step(self, step: TalkStep, at_end: bool) -> None:
        self.current = step
        self.position = self._last() if at_end else 0
        self.shown.append((step.kind, step.exhibit, at_end))

    def scroll(self, screens: int) -> None:
        self.position = min(max(0, self.position + screens), self._last())

    def page_edges(self) -> tuple[bool, bool]:
        return self.position == 0, self.position == self._last()

    def changed(self) -> None:
        self.changes += 1

    def leave(self) -> object:
        return self.current, self.position

    def come_back(self, step: TalkStep, left: object) -> None:
        assert isinstance(left, tuple)
        self.current, self.position = left
        assert self.current == step  # the step it left
        self.shown.append((step.kind, step.exhibit, False))

    def _last(self) -> int:
        return self.screens - 1 if self.current and self.current.kind in t.PAGED else 0


def _text(value: str) -> Text:
    return Text({"en": value, "uz": f"{value} (uz)"}, "en")


def _talk(duration_s: int | None = None, end_time: str | None = None) -> Talk:
    steps = (
        TalkStep("exhibit", "alpha", None, _text("alpha notes"), 2),
        TalkStep("image", "alpha", 0, None, 3),
        TalkStep("timeline", None, None, _text("timeline notes"), 4),
        TalkStep("exhibit", "beta", None, None, 5),
        TalkStep("about", None, None, None, 6),
    )
    return Talk("school", _text("A talk"), duration_s, end_time, steps)


class Times:
    def __init__(self) -> None:
        self.mono = FakeClock(100.0)
        self.wall = dt.datetime(2026, 12, 4, 10, 0, 0)

    def clock(self) -> Clock:
        return Clock(self.mono, lambda: self.wall + dt.timedelta(seconds=self.mono.now - 100))


def _state(talk: Talk | None = None, screens: int = 3) -> tuple[TalkState, FakeAudience, Times]:
    view, times = FakeAudience(screens), Times()
    state = TalkState(talk or _talk(), view, times.clock())
    state.begin()
    return state, view, times


def test_pagedown_alone_walks_every_screenful_of_every_step_then_stops() -> None:
    state, view, _ = _state(screens=3)
    seen = []
    for _ in range(18):
        seen.append((state.index, view.position, state.ended))
        state.forward()
    assert seen[:13] == [
        (0, 0, False),
        (0, 1, False),
        (0, 2, False),  # alpha's three screenfuls
        (1, 0, False),  # the gallery image
        (2, 0, False),
        (2, 1, False),
        (2, 2, False),  # the timeline's three moments
        (3, 0, False),
        (3, 1, False),
        (3, 2, False),  # beta's three
        (4, 0, False),
        (4, 1, False),
        (4, 2, False),  # the About screen's three
    ]
    # one more press ends the talk; more presses never wrap to the first step
    assert seen[13:] == [(4, 2, True)] * 5
    assert [s[1] for s in view.shown].count("alpha") == 2  # shown once as page, once as image


def test_pageup_at_the_top_of_a_page_goes_to_the_end_of_the_previous_step() -> None:
    state, view, _ = _state(screens=3)
    state.jump(3)  # beta, top
    state.backward()
    assert (state.index, view.shown[-1]) == (2, ("timeline", None, True))
    assert view.position == 2  # the timeline's last moment
    state.backward()
    state.backward()
    assert (state.index, view.position) == (2, 0)  # moment by moment to the first
    state.backward()
    state.backward()
    assert state.index == 0
    assert view.shown[-1] == ("exhibit", "alpha", True)
    assert view.position == 2  # alpha's last screenful, not its top
    state.backward()
    assert (state.index, view.position) == (0, 1)  # and up, screenful by screenful
    state.backward()
    state.backward()
    assert (state.index, view.position) == (0, 0)  # the first step's top: stays


def test_the_end_of_the_talk_is_left_backwards_on_the_last_step() -> None:
    state, view, _ = _state(screens=1)
    state.last()
    state.forward()
    assert state.ended and state.next_up() == ("end", None)
    state.backward()
    assert not state.ended and state.index == 4
    assert view.shown[-1] == ("about", None, False)  # nothing moved for the audience


def test_home_and_end_go_to_the_first_and_last_step_at_their_top() -> None:
    state, view, _ = _state()
    state.last()
    assert (state.index, view.position) == (4, 0)
    state.first()
    assert (state.index, view.position) == (0, 0)


def test_number_and_enter_jump_to_that_step_and_a_wrong_number_does_nothing() -> None:
    state, view, _ = _state()
    state.type_digit(3)
    assert state.typed == "3"
    assert state.enter()
    assert state.index == 2 and state.typed == ""
    assert view.shown[-1] == ("timeline", None, False)
    state.type_digit(9)
    assert state.enter()
    assert state.index == 2  # no step 9
    assert not state.enter()  # Enter without a number is not a jump


def test_blank_black_white_and_freeze_toggle_and_esc_leaves_them_first() -> None:
    state, _, _ = _state()
    state.toggle_blank(BLACK)
    assert state.blank == BLACK
    state.toggle_blank(WHITE)
    assert state.blank == WHITE
    state.toggle_blank(WHITE)
    assert state.blank == ""
    state.toggle_freeze()
    state.forward()  # the console moves on while the audience keeps its picture
    assert state.frozen and view_position(state) == (0, 1)
    state.toggle_blank(BLACK)
    assert state.escape()
    assert (state.blank, state.frozen) == ("", False)
    assert not state.escape()  # nothing left to leave: Esc is free for the next use


def view_position(state: TalkState) -> tuple[int, int]:
    view = state._view
    assert isinstance(view, FakeAudience)
    return state.index, view.position


def test_the_timer_starts_at_the_first_move_and_counts_against_the_duration() -> None:
    state, _, times = _state(_talk(duration_s=15 * 60))
    times.mono.advance(300)  # setting up: not counted
    reading = state.timer()
    assert (reading.running, reading.elapsed_s, reading.left_s) == (False, 0, 900)
    state.forward()
    times.mono.advance(12 * 60)
    reading = state.timer()
    assert (reading.elapsed_s, reading.left_s, reading.phase) == (720, 180, t.OK)
    times.mono.advance(60)
    assert (state.timer().left_s, state.timer().phase) == (120, t.CLOSING)
    times.mono.advance(121)
    assert (state.timer().left_s, state.timer().phase) == (-1, t.OVER)
    assert state.timer().clock == "10:20"


def test_p_pauses_and_resumes_the_elapsed_time_and_the_time_left_with_it() -> None:
    state, view, times = _state(_talk(duration_s=15 * 60))
    state.forward()
    times.mono.advance(60)
    changes = view.changes
    state.toggle_pause()
    assert view.changes == changes + 1  # the console shows it at once
    times.mono.advance(300)  # a question from the audience: the clock stands still
    reading = state.timer()
    assert (reading.elapsed_s, reading.left_s, reading.paused) == (60, 840, True)
    assert not reading.running
    state.forward()  # moving on does not start a paused timer behind the presenter's back
    times.mono.advance(10)
    assert state.timer().elapsed_s == 60
    state.toggle_pause()
    times.mono.advance(30)
    reading = state.timer()
    assert (reading.elapsed_s, reading.left_s, reading.paused, reading.running) == (
        90,
        810,
        False,
        True,
    )


def test_p_before_the_first_move_starts_the_timer() -> None:
    state, _, times = _state()
    state.toggle_pause()
    times.mono.advance(5)
    assert (state.timer().running, state.timer().elapsed_s) == (True, 5)


def test_r_resets_the_elapsed_time_and_the_next_move_starts_it_again() -> None:
    state, view, times = _state(_talk(duration_s=15 * 60))
    state.forward()
    times.mono.advance(200)
    state.toggle_pause()
    changes = view.changes
    state.reset_timer()
    assert view.changes == changes + 1
    times.mono.advance(50)
    reading = state.timer()
    assert (reading.elapsed_s, reading.left_s, reading.running, reading.paused) == (
        0,
        900,
        False,
        False,
    )
    state.forward()
    times.mono.advance(7)
    assert (state.timer().elapsed_s, state.timer().running) == (7, True)
    assert state.index == 0 and view.position == 2  # the talk itself did not move back


def test_the_time_left_counts_against_an_end_time_from_the_wall_clock() -> None:
    state, _, times = _state(_talk(end_time="10:30"))
    assert state.timer().left_s == 30 * 60
    times.mono.advance(29 * 60)
    assert state.timer().phase == t.CLOSING
    assert _state(_talk())[0].timer().left_s is None  # neither: no time left shown


@pytest.mark.parametrize(
    ("now", "end", "left_min"),
    [
        ("23:50", "00:20", 30),  # an evening talk ending after midnight
        ("00:05", "00:20", 15),
        ("00:10", "23:55", -15),  # it ran past midnight, over its end
        ("10:00", "09:45", -15),  # over by a quarter of an hour, the same day
        ("10:00", "21:00", 11 * 60),
    ],
)
def test_an_end_time_is_the_nearest_such_time_of_day(now: str, end: str, left_min: int) -> None:
    hours, minutes = (int(part) for part in now.split(":"))
    wall = dt.datetime(2026, 12, 4, hours, minutes)
    assert t.parse_end_time(end, wall) == wall + dt.timedelta(minutes=left_min)


def test_durations_read_like_a_stopwatch() -> None:
    assert [t.format_duration(s) for s in (0, 65, 3723, -61)] == [
        "0:00",
        "1:05",
        "1:02:03",
        "-1:01",
    ]


def test_next_up_is_the_rest_of_the_page_then_the_next_step() -> None:
    state, _, _ = _state(screens=2)
    assert state.next_up() == ("more", state.steps[0])
    state.forward()
    assert state.next_up() == ("step", state.steps[1])


@pytest.mark.parametrize(
    ("screens", "primary", "requested", "wanted", "expected"),
    [
        (["laptop"], 0, None, None, t.Placement(0, None)),
        (["laptop"], 0, 1, "projector", t.Placement(0, None)),  # asked for, not plugged in
        (["laptop", "projector"], 0, None, None, t.Placement(1, 0)),
        (["projector", "laptop"], 1, None, None, t.Placement(0, 1)),  # the laptop is second
        (["a", "b", "c"], 0, 2, None, t.Placement(2, 0)),  # --audience-screen 3
        (["laptop", "projector"], 0, 0, None, t.Placement(0, 1)),  # on the laptop's own
        (["laptop", "projector"], 0, None, "laptop", t.Placement(0, 1)),  # swapped with S
        (["laptop", "screen", "projector"], 0, None, "projector", t.Placement(2, 0)),  # back
        (["laptop", "screen"], 0, None, "projector", t.Placement(1, 0)),  # gone: the next one
        # the projector made the primary display: the laptop's panel keeps the console
        (["HDMI-1", "eDP-1"], 0, None, None, t.Placement(0, 1)),
        (["eDP-1", "HDMI-1"], 1, None, None, t.Placement(1, 0)),
        (["DP-2", "LVDS1", "VGA1"], 0, None, None, t.Placement(0, 1)),
        (["HDMI-1", "eDP-1"], 0, 1, None, t.Placement(1, 0)),  # the panel asked for: obeyed
        (["DP-1", "HDMI-1"], 1, None, None, t.Placement(0, 1)),  # no panel: the primary's
    ],
)
def test_windows_go_to_the_screens_asked_for(
    screens: list[str],
    primary: int,
    requested: int | None,
    wanted: str | None,
    expected: t.Placement,
) -> None:
    assert t.place_windows(screens, primary, requested, wanted) == expected


LAPTOP_AREA = (0, 0, 1920, 1080)
BESIDE = (1920, 0, 1920, 1080)  # displays extended: the projector right of the laptop


@pytest.mark.parametrize(
    ("areas", "requested", "wanted", "expected"),
    [
        ([LAPTOP_AREA, BESIDE], None, None, t.Placement(1, 0)),
        # mirrored: the projector shows the laptop's pixels, so no screen is the console's
        ([LAPTOP_AREA, LAPTOP_AREA], None, None, t.Placement(1, None, mirrored=True)),
        ([LAPTOP_AREA, (0, 0, 1024, 768)], None, None, t.Placement(1, None, mirrored=True)),
        ([LAPTOP_AREA, LAPTOP_AREA], 0, None, t.Placement(0, None, mirrored=True)),
        ([LAPTOP_AREA, LAPTOP_AREA], None, "projector", t.Placement(1, None, mirrored=True)),
        # touching is not overlapping
        ([LAPTOP_AREA, (1920, 1080, 800, 600)], None, None, t.Placement(1, 0)),
    ],
)
def test_the_console_never_goes_where_the_projector_shows_it(
    areas: list[tuple[int, int, int, int]],
    requested: int | None,
    wanted: str | None,
    expected: t.Placement,
) -> None:
    assert t.place_windows(["laptop", "projector"], 0, requested, wanted, areas) == expected


def test_a_screen_over_the_others_is_passed_over_for_one_of_its_own() -> None:
    """Xvfb (and a desktop with a monitor spanning others) lists a screen covering both:
    the audience goes to the projector, the console to the laptop, and S swaps them."""
    names = ["laptop", "screen", "projector"]
    areas = [LAPTOP_AREA, (0, 0, 3840, 1080), BESIDE]
    placement = t.place_windows(names, 0, None, None, areas)
    assert placement == t.Placement(2, 0)
    swapped = t.swapped(names, placement)
    assert swapped == "laptop"
    assert t.place_windows(names, 0, None, swapped, areas) == t.Placement(0, 2)


def test_s_puts_the_audience_where_the_console_was() -> None:
    placement = t.place_windows(["laptop", "projector"], 0, None)
    assert t.swapped(["laptop", "projector"], placement) == "laptop"
    assert t.swapped(["laptop"], t.place_windows(["laptop"], 0, None)) is None


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> ContentSet:
    root = make_site(
        tmp_path_factory.mktemp("site"),
        exhibits={"alpha": valid_exhibit(), "beta": valid_exhibit(id="beta", order="20")},
    )
    result = load_content(root)
    assert result.content is not None, result.errors
    return result.content


def test_steps_the_content_cannot_show_are_left_out(content: ContentSet) -> None:
    talk = Talk(
        "x",
        _text("x"),
        None,
        None,
        (
            TalkStep("exhibit", "gone", None, None, 1),
            TalkStep("image", "alpha", 99, None, 2),
            TalkStep("map", None, None, None, 3),  # a site without places.yaml: no map
            TalkStep("about", None, None, None, 4),
        ),
    )
    assert content.places == ()
    assert [s.kind for s in t.playable(talk, content).steps] == ["about"]
    museum = load_content(BUNDLED).content
    assert museum is not None and museum.places
    assert [s.kind for s in t.playable(talk, museum).steps] == ["map", "about"]


def test_a_picture_step_is_named_after_its_exhibit_and_picture(content: ContentSet) -> None:
    assert t.step_title(_talk().steps[1], content, "en").endswith("· 1")


def test_a_reloaded_talk_keeps_the_step_the_presenter_is_on() -> None:
    state, view, _ = _state()
    state.jump(2)
    shorter = Talk("school", _text("A talk"), None, None, _talk().steps[:3])
    state.set_talk(shorter)
    assert state.index == 2 and view.shown[-1] == ("timeline", None, False)
    state.set_talk(Talk("school", _text("A talk"), None, None, _talk().steps[:1]))
    assert state.index == 0 and view.shown[-1] == ("exhibit", "alpha", False)


def test_another_talk_chosen_starts_at_its_first_step_with_the_timer_at_zero() -> None:
    state, view, times = _state(_talk(duration_s=15 * 60))
    state.jump(3)
    state.forward()
    times.mono.advance(120)
    state.toggle_freeze()
    state.toggle_blank(BLACK)
    other = Talk("visit", _text("Another"), 600, None, _talk().steps[2:])
    state.change_talk(other)
    assert (state.talk, state.index, state.ended, view.position) == (other, 0, False, 0)
    assert view.shown[-1] == ("timeline", None, False)  # its first step, at its top
    reading = state.timer()
    assert (reading.elapsed_s, reading.left_s, reading.running) == (0, 600, False)
    assert not state.frozen  # a picture of the last talk would mislead
    assert state.blank == BLACK  # a blank screen is the presenter's to lift
    state.forward()
    times.mono.advance(5)
    assert state.timer().elapsed_s == 5


def test_the_talks_on_offer_are_the_files_by_name_then_the_whole_exhibition(
    content: ContentSet,
) -> None:
    choices = t.talk_choices(content)
    assert [c.id for c in choices] == [*sorted(content.talks), ""]
    assert choices[-1].steps[0].kind == "exhibit" and choices[-1].steps[-1].kind == "about"
    chooser = t.TalkChooser()
    chooser.show(choices, "")
    assert (chooser.open, chooser.marked) == (True, len(choices) - 1)  # the one on now
    chooser.move(1)
    assert chooser.marked == len(choices) - 1  # held at the last
    chooser.move(-5)
    assert chooser.marked == 0
    assert chooser.numbered(1) is choices[0] and chooser.numbered(len(choices) + 1) is None
    assert chooser.numbered(0) is None
    chooser.show(choices, choices[0].id)
    assert chooser.marked == 0
    chooser.close()
    assert not chooser.open


def test_the_console_speaks_the_four_languages_with_the_uzbek_letters() -> None:
    from kiosk.runtime.talk_words import KEYS, WORDS, keys, words

    for texts in [*WORDS.values(), *(does for _, does in KEYS)]:
        assert set(texts) == {"uz", "az", "ru", "en"}, texts
        assert not any(mark in texts["uz"] for mark in "'‘’`"), texts["uz"]  # oʻ gʻ: U+02BB
    assert words("uz")["over"] == "Nutq tugadi" and words("xx")["over"] == "The talk is over"
    assert keys("ru")[0]["action"].startswith("следующий")


# what the console says of the content ---------------------------------------------------


def test_the_console_notices_a_talk_left_out_an_unknown_one_edits_with_errors_and_waiting(
    tmp_path: Path,
) -> None:
    from kiosk.content.model import Problem
    from tests.test_talks import site_with_talks, valid_talk

    root = site_with_talks(
        tmp_path,
        {
            "visit.yaml": valid_talk(),
            "broken.yaml": valid_talk(steps=[{"exhibit": "alpah"}]),
            "other.yaml": valid_talk(steps=[{"exhibit": "betta"}]),
        },
    )
    loaded = load_content(root)
    content = loaded.content
    assert content is not None and set(content.talks) == {"visit"}
    warnings = loaded.warnings
    assert t.content_notices(None, content, (), warnings) == []  # the whole exhibition
    # another talk's errors are not this talk's: the staff panel lists them
    assert t.content_notices("visit", content, (), warnings) == []

    (left,) = t.content_notices("broken", content, (), warnings)  # as the talk starts
    assert (left.kind, left.talk) == (t.TALK_LEFT_OUT, "broken")
    assert len(left.lines) == 1 and left.lines[0].startswith("talks/broken.yaml:")
    assert "did you mean 'alpha'?" in left.lines[0]

    (unknown,) = t.content_notices("vist", content, (), warnings)
    hint = "unknown talk 'vist'; did you mean 'visit'?"
    assert unknown == t.Notice(t.TALK_UNKNOWN, (hint,), "vist")

    # an edit during the talk with errors: named with its file, the talk goes on
    rejected = Problem(root / "alpha" / "exhibit.yaml", 3, 1, "title: missing")
    (wrong,) = t.content_notices("visit", content, (rejected,), warnings, waiting=True)
    assert wrong == t.Notice(t.FOLDER_ERRORS, ("alpha/exhibit.yaml:3:1: title: missing",))
    # the talk's own file broken by an edit, while the set on screen still has it
    own = Problem(root / "talks" / "visit.yaml", 5, 12, "unknown exhibit id 'x'")
    (wrong,) = t.content_notices("visit", content, (), (*warnings, own))
    assert wrong.lines == ("talks/visit.yaml:5:12: unknown exhibit id 'x'",)
    # a left-out talk's errors are said once, under its own notice
    assert [n.kind for n in t.content_notices("broken", content, (rejected,), warnings)] == [
        t.TALK_LEFT_OUT,
        t.FOLDER_ERRORS,
    ]
    assert t.content_notices("broken", content, (rejected,), warnings)[1].lines == (
        "alpha/exhibit.yaml:3:1: title: missing",
    )
    assert t.content_notices("visit", content, (), warnings, waiting=True) == [
        t.Notice(t.EDITS_WAITING)
    ]
    outside = Problem(tmp_path / "elsewhere.yaml", 0, 0, "content could not be loaded")
    (wrong,) = t.content_notices("visit", content, (outside,), ())
    assert wrong.lines == (str(outside),)  # a path outside the folder stays whole


def test_a_folder_that_never_loaded_is_told_as_such_not_as_a_missing_talk(
    tmp_path: Path,
) -> None:
    """No content ever accepted: the audience has the "being updated" set, which has no
    talks. The console says that and the folder's errors, not that the talk asked for
    does not exist (it does, in a folder that did not load)."""
    from kiosk.content.fallback import fallback_content
    from kiosk.content.model import Problem

    content = fallback_content(tmp_path)
    broken = Problem(tmp_path / "kiosk.yaml", 2, 1, "invalid YAML")
    notices = t.content_notices("visit", content, (broken,), (), waiting=True)
    assert notices == [t.Notice(t.NOTHING_LOADED, ("kiosk.yaml:2:1: invalid YAML",))]
    assert t.content_notices(None, content, (broken,), ()) == notices


def _page(kind: str, exhibit: str | None = None) -> TalkStep:
    return TalkStep(kind, exhibit, None, None, 0)


def test_a_page_off_the_talk_then_esc_brings_the_talk_back_to_the_screenful_it_left() -> None:
    state, view, times = _state(_talk(duration_s=600), screens=3)
    state.forward()
    state.forward()  # alpha's third screenful
    times.mono.advance(60)
    state.show_away(_page("map"))
    assert state.away == _page("map") and state.shown == _page("map")
    assert (state.index, view.current, view.position) == (0, _page("map"), 0)
    assert state.next_up() == ("more", _page("map"))  # its places
    state.show_away(_page("exhibit", "gamma"))  # another page meanwhile: the same way back
    times.mono.advance(30)
    assert state.escape()
    assert state.away is None and state.shown == state.steps[0]
    assert (view.current, view.position) == (state.steps[0], 2)  # the screenful it left
    assert state.timer().elapsed_s == 90  # the detour was part of the talk's time
    assert not state.escape()  # nothing left to leave: Esc asks to quit (kiosk.ui)


def test_paging_past_either_end_of_a_page_off_the_talk_comes_back() -> None:
    state, view, _ = _state(screens=3)
    state.jump(3)  # beta, at its top
    state.show_away(_page("timeline"))
    state.forward()
    state.forward()
    assert (state.away, view.position) == (_page("timeline"), 2)  # its moments, walked
    assert state.next_up() == ("back", state.steps[3])
    state.forward()  # past its end: the talk again
    assert (state.away, state.index, view.current, view.position) == (None, 3, state.steps[3], 0)
    state.forward()
    assert (state.index, view.position) == (3, 1)  # and on from there
    state.show_away(_page("about"))
    state.backward()  # at its top: back too
    assert (state.away, state.index, view.position) == (None, 3, 1)


def test_a_step_chosen_or_another_talk_ends_a_page_off_the_talk() -> None:
    state, view, _ = _state()
    state.show_away(_page("map"))
    state.jump(2)
    assert (state.away, view.current) == (None, state.steps[2])
    state.show_away(_page("map"))
    state.type_digit(4)
    assert state.enter() and (state.away, state.index) == (None, 3)
    state.show_away(_page("map"))
    state.change_talk(_talk())
    assert (state.away, state.index, view.current) == (None, 0, state.steps[0])


def test_esc_leaves_a_blank_screen_before_the_page_off_the_talk() -> None:
    state, view, _ = _state()
    state.show_away(_page("map"))
    state.toggle_blank(BLACK)
    assert state.escape() and state.blank == "" and state.away == _page("map")
    assert state.escape() and state.away is None
    state.last()
    while not state.ended:  # the talk over: a question afterwards, then back to "over"
        state.forward()
    state.show_away(_page("map"))
    assert state.escape() and state.ended and view.current == state.steps[-1]


def test_a_chooser_takes_a_row_at_its_one_digit_or_waits_for_a_second() -> None:
    chooser: t.Chooser[int] = t.Chooser()
    chooser._show(list(range(12)), 0)
    assert chooser.type_digit(3) == 2  # no "30": row 3 at once
    assert chooser.type_digit(1) is None and chooser.marked == 0  # "1" may be "12"
    assert chooser.type_digit(2) == 11 and chooser.typed == ""
    assert chooser.type_digit(1) is None
    assert chooser.taken() == 0  # "1" and Enter
    assert chooser.type_digit(0) is None and chooser.typed == ""  # a leading 0 is nothing
    chooser._show(list(range(8)), 0)
    assert chooser.type_digit(9) is None and chooser.typed == ""  # no row 9


def test_every_page_of_the_exhibition_is_on_offer_with_the_one_shown_marked(
    content: ContentSet,
) -> None:
    assert [p.kind for p in t.page_choices(content)] == ["exhibit", "exhibit", "timeline", "about"]
    bundled = load_content(BUNDLED).content
    assert bundled is not None
    content = bundled  # with places: the map too
    pages = t.page_choices(content)
    assert [p.kind for p in pages] == [
        *["exhibit"] * len(content.exhibits),
        "timeline",
        "map",
        "about",
    ]
    assert [p.exhibit for p in pages[: len(content.exhibits)]] == [e.id for e in content.exhibits]
    chooser = t.PageChooser()
    picture = TalkStep("image", content.exhibits[2].id, 1, None, 0)
    chooser.show(pages, picture)  # a picture step: its exhibit's page
    assert (chooser.open, chooser.marked) == (True, 2)
    chooser.show(pages, TalkStep("map", None, None, None, 0, "baku"))
    assert chooser.marked == len(pages) - 2


def test_talk_files_are_offered_by_name_with_their_numbers_counted(tmp_path: Path) -> None:
    root = tmp_path / "exhibits"
    shutil.copytree(BUNDLED, root)
    for name in ("grade-10", "grade-2", "evening"):
        (root / "talks" / f"{name}.yaml").write_text(
            'title: {uz: "N", az: "N", ru: "N", en: "N"}\nsteps:\n  - screen: "about"\n', "utf-8"
        )
    content = load_content(root).content
    assert content is not None
    assert [talk.id for talk in t.talk_choices(content)] == [
        "evening",
        "grade-2",
        "grade-10",
        "school-visit",
        "",  # the whole exhibition, last
    ]

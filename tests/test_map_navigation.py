"""Where the visitor is on the map: places chosen by tap or key, exhibits opened from a
place and Back to it, and an exhibit page's scroll kept for Back (no Qt)."""

from __future__ import annotations

from kiosk.runtime.navigation import EXHIBIT, HOME, MAP, NO_PLACE, TIMELINE, Navigator

IDS = ["history", "museum", "school"]
PLACES = [["history", "museum"], ["history"], ["school"]]


def _nav() -> Navigator:
    return Navigator(IDS, {}, start="attract", map_places=PLACES, moments=4)


def test_the_map_opens_above_where_the_visitor_was_with_nothing_chosen() -> None:
    nav = _nav()
    nav.open_map()
    assert (nav.place.screen, nav.place.index) == (MAP, NO_PLACE)
    nav.back()
    assert nav.place.screen == HOME


def test_a_place_is_chosen_by_tap_and_by_keys_and_enter_opens_its_first_exhibit() -> None:
    nav = _nav()
    nav.open_map()
    nav.choose_place(2)
    assert nav.place.index == 2
    nav.choose_place(7)  # not a place: nothing chosen
    assert nav.place.index == NO_PLACE
    nav.step(1)
    assert nav.place.index == 0
    nav.step(-1)
    assert nav.place.index == 2  # round to the last
    nav.step(1)
    nav.activate()
    assert (nav.place.screen, nav.place.exhibit_id) == (EXHIBIT, "history")
    nav.back()
    assert (nav.place.screen, nav.place.index) == (MAP, 0)  # the place still chosen


def test_a_moment_leads_to_its_place_and_back() -> None:
    nav = _nav()
    nav.open_timeline(2)
    nav.open_map(1)
    assert (nav.place.screen, nav.place.index) == (MAP, 1)
    nav.back()
    assert (nav.place.screen, nav.place.index) == (TIMELINE, 2)


def test_an_exhibit_page_keeps_its_scroll_for_back_only() -> None:
    nav = _nav()
    nav.open_exhibit("museum")
    nav.note_scroll(640.0)
    nav.open_timeline()
    nav.note_scroll(10.0)  # not on an exhibit: nothing to keep
    nav.back()
    assert (nav.place.exhibit_id, nav.place.scroll) == ("museum", 640.0)
    nav.step(1)  # the next exhibit starts at its top
    assert (nav.place.exhibit_id, nav.place.scroll) == ("school", 0.0)


def test_new_content_with_fewer_places_forgets_a_gone_choice() -> None:
    nav = _nav()
    nav.open_map(2)
    nav.set_content(IDS, {}, PLACES[:1])
    assert (nav.place.screen, nav.place.index) == (MAP, NO_PLACE)

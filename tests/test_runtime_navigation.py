"""Where Back goes, with no Qt: the navigator's stack of places."""

from __future__ import annotations

from kiosk.runtime.navigation import (
    ABOUT,
    EXHIBIT,
    GALLERY,
    HOME,
    MAX_DEPTH,
    TIMELINE,
    Navigator,
    Place,
)

IDS = ["alpha", "beta", "gamma"]


def navigator() -> Navigator:
    return Navigator(IDS, {"alpha": 3, "beta": 0, "gamma": 2}, start=HOME, moments=4)


def test_back_from_an_exhibit_opened_on_the_timeline_returns_to_the_timeline() -> None:
    nav = navigator()
    nav.open_timeline()
    nav.focus(2)
    nav.open_exhibit("beta")
    assert (nav.place.screen, nav.place.exhibit_id) == (EXHIBIT, "beta")
    nav.back()
    assert nav.place.screen == TIMELINE
    assert nav.place.index == 2  # the entry the visitor had open
    nav.back()
    assert nav.place.screen == HOME


def test_the_keys_go_round_the_timeline_s_moments_and_never_past_them() -> None:
    nav = navigator()
    nav.open_timeline()
    for _ in range(3):
        nav.step(1)
    assert nav.place.index == 3  # the last moment
    nav.step(1)
    assert nav.place.index == 0  # round to the first, as the gallery and the map go
    nav.step(-1)
    assert nav.place.index == 3
    nav.focus(9)  # not a moment: the last one
    assert nav.place.index == 3


def test_a_timeline_opened_past_its_end_or_shortened_by_an_edit_shows_a_moment() -> None:
    nav = navigator()
    nav.open_timeline(7)
    assert nav.place.index == 3
    nav.set_content(IDS, {"alpha": 3, "beta": 0, "gamma": 2}, moments=2)
    assert (nav.place.screen, nav.place.index) == (TIMELINE, 1)
    nav.set_content(IDS, {"alpha": 3, "beta": 0, "gamma": 2}, moments=0)
    nav.step(1)  # no moments at all: nothing to go to, and nothing breaks
    assert (nav.place.screen, nav.place.index) == (TIMELINE, 0)


def test_back_from_an_exhibit_opened_on_home_goes_home() -> None:
    nav = navigator()
    nav.open_exhibit("gamma")
    nav.open_gallery(1)
    assert nav.place.screen == GALLERY
    nav.back()
    assert nav.place.screen == EXHIBIT
    nav.back()
    assert (nav.place.screen, nav.place.index) == (HOME, 2)


def test_home_keeps_its_scroll_for_back_and_home_but_not_after_an_idle_reset() -> None:
    nav = navigator()
    nav.note_scroll(420.0, HOME)
    nav.open_exhibit("beta")
    nav.note_scroll(900.0)  # the page's own place
    nav.note_scroll(5.0, HOME)  # home on its way out speaks for nothing
    nav.back()
    assert (nav.place.screen, nav.place.scroll, nav.place.index) == (HOME, 420.0, 1)
    nav.open_exhibit("gamma")
    nav.open_gallery(0)
    nav.home()  # the Home button, from as deep as the gallery
    assert (nav.place.screen, nav.place.scroll, nav.place.index) == (HOME, 420.0, 2)
    nav.open_timeline()
    nav.note_scroll(7.0, HOME)
    nav.back()
    assert nav.place.scroll == 420.0
    nav.attract()  # between visitors
    nav.home()
    assert (nav.place.screen, nav.place.scroll, nav.place.index) == (HOME, 0.0, 0)


def test_a_long_walk_between_timeline_and_exhibits_is_bounded_and_ends_home() -> None:
    nav = navigator()
    for _ in range(50):
        nav.open_timeline()
        nav.open_exhibit("alpha")
    assert nav.depth <= MAX_DEPTH
    screens = []
    while nav.depth > 1:
        nav.back()
        screens.append(nav.place.screen)
    assert screens[:2] == [TIMELINE, EXHIBIT]
    assert nav.place.screen == HOME


def test_the_readme_lists_every_presenter_key_the_help_overlay_shows() -> None:
    from kiosk.runtime.navigation import PRESENTER_KEYS
    from tests.conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [keys for keys, _ in PRESENTER_KEYS if f"| {keys} |" not in readme]
    assert not missing


def test_page_keys_scroll_an_exhibit_page_until_its_end_then_change_exhibit() -> None:
    nav = navigator()
    nav.open_exhibit("alpha")
    assert nav.page(1, at_start=True, at_end=False) is True  # scroll
    assert nav.place.exhibit_id == "alpha"
    assert nav.page(1, at_start=False, at_end=True) is False
    assert nav.place.exhibit_id == "beta"
    assert nav.page(-1, at_start=False, at_end=True) is True
    assert nav.page(-1, at_start=True, at_end=False) is False
    assert nav.place.exhibit_id == "alpha"
    assert nav.line(1) is True and nav.place.exhibit_id == "alpha"
    assert nav.next_exhibit() == "beta"


def test_page_and_line_keys_scroll_the_sources_and_go_nowhere_from_them() -> None:
    """About is read with the keys too (a keyboard or clicker in windowed mode): it
    scrolls, and at its ends nothing else opens."""
    nav = navigator()
    nav.open_about()
    for delta in (1, -1):
        for at_start, at_end in ((True, False), (False, True), (False, False)):
            assert nav.page(delta, at_start=at_start, at_end=at_end) is True
        assert nav.line(delta) is True
    assert nav.place == Place(ABOUT)

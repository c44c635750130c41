"""The timeline is made once and kept while other screens show: opened again, its
entries and moment cards are the items made at its first opening, back in the
window as that opening showed them. What changed meanwhile shows: another language
in the kept items' words; another text size, contrast or content on a page made
anew. Each is compared, pixel for pixel, with a timeline opened for the first time
in a window that was in that state from the start."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtGui import QImage
from PySide6.QtQuick import QQuickItem

from kiosk.content.model import ContentSet
from kiosk.ui import present
from kiosk.ui.app import KioskWindow
from kiosk.ui.render import settle
from tests.conftest import BUNDLED
from tests.uitools import grab, item, items, load, open_window, tap, visible

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture(scope="module")
def content() -> ContentSet:
    return load(BUNDLED)


def made(kw: KioskWindow) -> dict[str, int]:
    """The timeline's items in the window, by the address of the object itself."""
    return {name: shiboken6.getCppPointer(thing)[0] for name, thing in parts(kw).items()}


def parts(kw: KioskWindow) -> dict[str, QQuickItem]:
    names = ["timelinePage", "timeAxis"]
    names.append("timelineEntry_0")  # in view at the page's top, at any text size
    names += [f"momentCard_{i}" for i in range(len(kw.kiosk.content.timeline()))]
    return {name: item(kw, name) for name in names}


def mark(kw: KioskWindow) -> None:
    """A mark on the timeline's items: an item made anew has none (its address may be
    a deleted one's)."""
    for thing in parts(kw).values():
        thing.setProperty(MARK, True)


def marked(kw: KioskWindow) -> set[bool]:
    return {thing.property(MARK) is True for thing in parts(kw).values()}


MARK = "seenByTest"


def open_timeline(kw: KioskWindow) -> QImage:
    """A tap on the bar's Timeline: the page in the window, shown, as a visitor sees it."""
    tap(kw, item(kw, "timelineButton"))
    assert kw.kiosk.nav.place.screen == "timeline"
    page = item(kw, "timelinePage")
    corner = page.mapToScene(page.boundingRect().topLeft())
    assert (corner.x(), corner.y()) == (0, 0)
    assert visible(item(kw, "timelineTitle")) and visible(item(kw, "momentCard_0"))
    return grab(kw)


def go_home(kw: KioskWindow) -> None:
    tap(kw, item(kw, "homeButton"))
    assert kw.kiosk.nav.place.screen == "home"
    assert items(kw, "timelinePage") == [] and items(kw, "timelineEntry_0") == []
    # the focus goes to home's title, not to the kept page's out of the window
    focused = kw.window.activeFocusItem()
    assert focused is not None and focused.objectName() == "siteTitle"


def words(kw: KioskWindow) -> list[str]:
    """What the entries and moment cards in the window say."""
    names = ("timelineLabel", "timelineHeading", "momentDate", "momentTitle")
    return [str(i.property("text")) for name in names for i in items(kw, name)]


def expected_words(kw: KioskWindow, language: str) -> list[str]:
    rows = present.timeline(kw.kiosk.content, language)
    shown_entries = len(items(kw, "timelineLabel"))
    return [
        *(r["label"] for r in rows[:shown_entries]),
        *(r["title"] for r in rows[:shown_entries]),
        *(r["label"] for r in rows),
        *(r["title"] for r in rows),
    ]


def test_a_second_opening_shows_the_items_made_at_the_first(
    content: ContentSet, rendition_cache: Path
) -> None:
    with open_window(content, rendition_cache) as kw:
        first = open_timeline(kw)
        kept = made(kw)
        mark(kw)
        go_home(kw)
        assert open_timeline(kw) == first
        assert made(kw) == kept and marked(kw) == {True}


def test_a_kept_timeline_comes_back_as_it_first_showed(
    content: ContentSet, rendition_cache: Path
) -> None:
    with open_window(content, rendition_cache) as kw:
        first = open_timeline(kw)
        # the visitor moves: the list down, the last moment open, the axis along
        kw.kiosk.nav.focusIndex(len(content.timeline()) - 1)
        settle(kw.window, kw.images)
        assert grab(kw) != first
        go_home(kw)
        assert open_timeline(kw) == first  # at its top, the first moment open
        # and from an entry's exhibit, Back shows that entry open, as a new page does
        kw.kiosk.nav.focusIndex(3)
        settle(kw.window, kw.images)
        tap(kw, item(kw, "timelineOpenExhibit"))
        assert kw.kiosk.nav.place.screen == "exhibit"
        tap(kw, item(kw, "backButton"))
        back = grab(kw)
        assert (kw.kiosk.nav.place.screen, kw.kiosk.nav.place.index) == ("timeline", 3)
    with open_window(content, rendition_cache) as kw:
        kw.kiosk.nav.focusIndex(0)
        kw.kiosk.nav.navigator.open_timeline(3)  # made on that entry (as Back shows it)
        kw.kiosk.nav.navigator.open_exhibit(content.timeline()[3][0].id)
        settle(kw.window, kw.images)
        tap(kw, item(kw, "backButton"))
        assert grab(kw) == back


@pytest.mark.parametrize(
    ("change", "kept"),
    [
        ("language", True),
        ("text size", False),
        ("contrast", False),
    ],
)
def test_what_changed_while_away_shows_at_the_next_opening(
    content: ContentSet, rendition_cache: Path, change: str, kept: bool
) -> None:
    language = content.site.language_codes[1]

    def make(kw: KioskWindow) -> None:
        if change == "language":
            kw.kiosk.language.choose(language)
        elif change == "text size":
            kw.kiosk.appearance.set_text_scale(1.25)
        else:
            kw.kiosk.appearance.set_high_contrast(True)
        settle(kw.window, kw.images)

    with open_window(content, rendition_cache) as kw:
        make(kw)
        fresh = open_timeline(kw)  # made in that state, at its first opening
    with open_window(content, rendition_cache) as kw:
        open_timeline(kw)
        before = made(kw)
        mark(kw)
        go_home(kw)
        make(kw)
        shown = open_timeline(kw)
        if change == "language":
            assert words(kw) == expected_words(kw, language)
        if kept:
            assert made(kw) == before
        assert marked(kw) == {kept}, change  # all kept, or all made anew
    assert shown == fresh, change


def test_other_content_while_away_shows_at_the_next_opening(
    content: ContentSet, rendition_cache: Path
) -> None:
    # each exhibit's first moment only: a list of another length
    fewer = replace(
        content, exhibits=tuple(replace(e, timeline=e.timeline[:1]) for e in content.exhibits)
    )
    with open_window(content, rendition_cache) as kw:
        open_timeline(kw)
        go_home(kw)
        kw.kiosk.set_content(fewer)
        settle(kw.window, kw.images)
        open_timeline(kw)
        assert words(kw) == expected_words(kw, content.site.default_language)
        assert len(items(kw, "momentTitle")) == len(fewer.timeline()) < len(content.timeline())

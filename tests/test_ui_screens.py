"""The timeline on the page grid and the attract loop's motion, title and invitation."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtQuick import QQuickItem

from kiosk.ui.render import hold_still, pump, settle
from tests.conftest import BUNDLED
from tests.uitools import grab, item, items, load, open_window

pytestmark = pytest.mark.usefixtures("qapp")

CONTENT = load(BUNDLED)
SIZES = [(1920, 1080), (1080, 1920)]


def left(i: QQuickItem) -> float:
    return i.mapToScene(QPointF(0, 0)).x()


def right(i: QQuickItem) -> float:
    return i.mapToScene(QPointF(i.width(), 0)).x()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_timeline_keeps_to_the_page_grid(size: tuple[int, int], rendition_cache: Path) -> None:
    width = size[0]
    with open_window(CONTENT, rendition_cache, size=size) as kw:
        kw.kiosk.nav.openTimeline()
        settle(kw.window, kw.images)
        title = item(kw, "timelineTitle")
        margin = left(title)
        assert margin >= 48  # not at the screen's edge
        cards = items(kw, "timelineCard")
        assert len(cards) >= 3
        for card in cards:
            # every card ends where the title's column ends: the same margin each side
            assert abs(right(card) - right(title)) <= 1
            assert abs((width - right(card)) - margin) <= 1
            assert abs(left(card) - left(cards[0])) <= 1
            assert left(card) > margin  # the rail sits between


def test_each_year_is_marked_once_on_the_axis(rendition_cache: Path) -> None:
    with open_window(CONTENT, rendition_cache, size=(1080, 1920)) as kw:
        kw.kiosk.nav.openTimeline()
        settle(kw.window, kw.images)
        years = [y.property("text") for y in items(kw, "axisYear")]
        assert len(years) == len(set(years))  # each year once
        assert set(dict.fromkeys(e.date[:4] for _, e in CONTENT.timeline())) <= set(years)


def test_closed_entries_show_a_chevron_and_the_open_one_turns_it(rendition_cache: Path) -> None:
    with open_window(CONTENT, rendition_cache) as kw:
        kw.kiosk.nav.openTimeline()
        kw.kiosk.nav.focusIndex(1)
        settle(kw.window, kw.images)
        pump(400)  # the turn's animation
        chevrons = items(kw, "timelineChevron")
        assert len(chevrons) >= 3
        turned = []
        for chevron in chevrons:
            card = chevron.parentItem()
            assert chevron.width() >= 40 and chevron.height() >= 40
            assert left(card) < left(chevron) and right(chevron) <= right(card)
            glyph = chevron.childItems()[0]
            turned.append(glyph.rotation())
        assert turned.count(180) == 1 and turned.count(0) == len(chevrons) - 1


def attract_window(cache: Path, size: tuple[int, int] = (1920, 1080)):  # type: ignore[no-untyped-def]
    return open_window(CONTENT, cache, size=size, start="attract")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_attract_names_the_slides_exhibit_and_invites_in_large_type(
    size: tuple[int, int], rendition_cache: Path
) -> None:
    with attract_window(rendition_cache, size) as kw:
        loop = item(kw, "attractLoop")
        slides = kw.kiosk.attractSlides
        language = CONTENT.site.default_language
        title = item(kw, "slideTitle")
        assert title.property("text") == CONTENT.exhibits[0].title.get(language)
        last_gallery = next(e for e in reversed(CONTENT.exhibits) if e.gallery)
        loop.setProperty("slide", len(slides) - 1)  # a gallery picture of the last exhibit
        settle(kw.window, kw.images)
        assert title.property("text") == last_gallery.title.get(language)
        invitations = items(kw, "touchToExplore")
        assert [t.property("text") for t in invitations] == [
            CONTENT.site.strings["touch_to_explore"].get(c) for c in CONTENT.site.language_codes
        ]
        for text in [*invitations, title]:
            top = text.mapToScene(QPointF(0, 0)).y()
            assert top >= 0 and top + text.height() <= size[1]
            assert not text.property("truncated")
        for text in invitations:
            assert text.property("font").pixelSize() >= 56  # read from three metres


def test_attract_pictures_drift_slowly(rendition_cache: Path) -> None:
    with attract_window(rendition_cache) as kw:
        loop = item(kw, "attractLoop")
        animation = loop.findChild(object, "attractMotion")  # type: ignore[call-overload]
        assert animation is not None and animation.property("running")
        assert animation.property("duration") == kw.kiosk.attractSlideMs
        start = loop.property("motion")
        pump(300)
        assert loop.property("motion") > start  # driven by the animation, not a timer we wait on
        picture = next(p for p in items(kw, "attractPicture"))
        animation.setProperty("running", False)  # from here the test moves the time
        loop.setProperty("motion", 0.0)
        settle(kw.window, kw.images)
        at_start = picture.mapRectToScene(picture.boundingRect())
        before = grab(kw)
        loop.setProperty("motion", 1.0)
        settle(kw.window, kw.images)
        at_end = picture.mapRectToScene(picture.boundingRect())
        # zoomed in by a few percent and moved sideways: a gentle pan and zoom
        assert 1.05 < at_end.width() / at_start.width() < 1.12
        assert at_end.center().x() != at_start.center().x()
        assert grab(kw) != before


def test_a_rendered_attract_screen_holds_its_first_slide_however_long_images_take(
    rendition_cache: Path,
) -> None:
    """``kiosk render`` and the README screenshots: if waiting for the images outlasts
    a slide, the loop must not have moved on to another slide or faded half-way."""
    with attract_window(rendition_cache) as kw:
        loop = item(kw, "attractLoop")
        hold_still(kw.window)
        settle(kw.window, kw.images)
        first = grab(kw)
        loop.setProperty("started", True)
        loop.setProperty("slide", 2)  # as if the slide timer had fired during the wait
        loop.setProperty("motion", 0.5)
        settle(kw.window, kw.images)
        assert grab(kw) != first
        hold_still(kw.window)
        timer = loop.findChild(object, "attractTimer")  # type: ignore[call-overload]
        assert timer is not None and not timer.property("running")
        assert (loop.property("slide"), loop.property("motion")) == (0, 0.0)
        settle(kw.window, kw.images)
        assert grab(kw) == first

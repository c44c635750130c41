"""A new text size keeps the place being read: the line at the top of the view before
"Aa" (or the console's text size in a talk) is still at the top after it, whole.

A visitor halfway down a page who makes the text larger, and a presenter who does it for
a hall mid-talk, would otherwise find the view showing whatever now lies at the old
pixel offset: another paragraph, or the foot of a picture.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtQuick import QQuickItem

from kiosk.ui.app import KioskWindow
from kiosk.ui.render import pump, settle
from tests.conftest import BUNDLED
from tests.layouttools import line_starts
from tests.test_ui_presenter import _read_on, lines_cut_at_the_top, pictures_cut_at_the_top
from tests.uitools import item, key, load, open_window

pytestmark = pytest.mark.usefixtures("qapp")

CONTENT = load(BUNDLED)


def top_line(flick: QQuickItem, column: QQuickItem) -> tuple[QQuickItem, int, int] | None:
    """The text read at the view's top edge, and where its line there starts and ends in
    it (character indices); None when the edge is on no text (a picture, a gap)."""
    top = flick.property("contentY") + 1
    for text, y in _read_on(flick, column):
        lines = text.property("lineCount")
        string = text.property("text")
        if not isinstance(lines, int) or lines < 1 or not string:
            continue
        first = y + text.property("topPadding")
        height = text.property("contentHeight")
        if first <= top < first + height:
            starts = [0, *line_starts(text), len(string)]
            index = min(int((top - first) // (height / lines)), len(starts) - 2)
            return text, starts[index], starts[index + 1]
    return None


def second_line_at_the_top(kw: KioskWindow, flick: QQuickItem, column: QQuickItem) -> None:
    """The view scrolled so that the second line of a text below the top half of the first
    screen is at its top, as a visitor or a presenter reading down the page has it."""
    for text, y in _read_on(flick, column):
        lines = text.property("lineCount")
        if isinstance(lines, int) and lines >= 2 and y > flick.height() / 2:
            line = text.property("contentHeight") / lines
            flick.setProperty("contentY", y + text.property("topPadding") + line)
            settle(kw.window, kw.images)
            return
    raise AssertionError("no text of two lines below the first half screen")


def assert_sizes_keep_the_line(kw: KioskWindow, flick: QQuickItem, column: QQuickItem) -> None:
    """Larger, largest, then back to normal: after each, the line that was at the top
    (its first character) is on the top line, whole; and the view did move."""
    appearance = kw.kiosk.appearance
    before = top_line(flick, column)
    assert before is not None
    for scale in (1.25, 1.5, 1.0):
        was = flick.property("contentY")
        appearance.set_text_scale(scale)
        settle(kw.window, kw.images)
        after = top_line(flick, column)
        text, start, _ = before
        assert after is not None, (scale, text.property("text")[:40])
        assert after[0] is text, (scale, after[0].property("text")[:40], text.property("text")[:40])
        string = text.property("text")
        assert after[1] <= start < after[2], (
            scale,
            string[start : start + 30],
            string[after[1] : after[2]],
        )
        assert flick.property("contentY") != pytest.approx(was, abs=2), scale
        assert lines_cut_at_the_top(kw, flick, column) == []
        assert pictures_cut_at_the_top(flick, column) == []
        before = after


@pytest.mark.parametrize(
    ("size", "language", "exhibit"),
    [
        ((1920, 1080), "az", "history"),
        ((1080, 1920), "ru", "people"),
        ((1280, 800), "uz", "fuzuli-school"),
    ],
)
def test_a_new_text_size_keeps_the_line_read_at_the_top_of_an_exhibit(
    rendition_cache: Path, size: tuple[int, int], language: str, exhibit: str
) -> None:
    with open_window(CONTENT, rendition_cache, size=size) as kw:
        kw.kiosk.language.choose(language)
        kw.kiosk.nav.openExhibit(exhibit)
        settle(kw.window, kw.images)
        flick, column = item(kw, "exhibitFlick"), item(kw, "textColumn")
        second_line_at_the_top(kw, flick, column)
        assert_sizes_keep_the_line(kw, flick, column)


def test_a_new_text_size_keeps_the_line_read_on_the_sources(rendition_cache: Path) -> None:
    with open_window(CONTENT, rendition_cache, size=(1280, 800)) as kw:
        kw.kiosk.language.choose("en")
        kw.kiosk.nav.openAbout()
        settle(kw.window, kw.images)
        flick = item(kw, "aboutFlick")
        second_line_at_the_top(kw, flick, flick)
        assert_sizes_keep_the_line(kw, flick, flick)


def test_at_the_top_of_a_page_a_new_size_stays_at_the_top(rendition_cache: Path) -> None:
    with open_window(CONTENT, rendition_cache) as kw:
        kw.kiosk.nav.openExhibit("history")
        settle(kw.window, kw.images)
        flick = item(kw, "exhibitFlick")
        kw.kiosk.appearance.set_text_scale(1.5)
        settle(kw.window, kw.images)
        assert flick.property("contentY") == 0


def picture_at_the_top(flick: QQuickItem, column: QQuickItem) -> QQuickItem | None:
    """The picture read on whose top is the view's top, if there is one."""
    top = flick.property("contentY")
    for found, y in _read_on(flick, column):
        if found.property("imageStatus") is not None and found.height() > 0 and abs(y - top) < 1:
            return found
    return None


def test_a_screenful_that_starts_on_a_picture_keeps_it_at_the_top(rendition_cache: Path) -> None:
    """Two PageDowns on this page stop at the top of a section's picture (they would cut
    it): after a new size, that picture's top is the view's top again."""
    with open_window(CONTENT, rendition_cache) as kw:
        kw.kiosk.language.choose("az")
        kw.kiosk.nav.openExhibit("history")
        settle(kw.window, kw.images)
        flick, column = item(kw, "exhibitFlick"), item(kw, "textColumn")
        for _ in range(2):
            key(kw, Qt.Key.Key_PageDown)
        picture = picture_at_the_top(flick, column)
        assert picture is not None
        for scale in (1.5, 1.0):
            was = flick.property("contentY")
            kw.kiosk.appearance.set_text_scale(scale)
            settle(kw.window, kw.images)
            assert flick.property("contentY") != pytest.approx(was, abs=2)
            assert picture_at_the_top(flick, column) is picture


def first_text_below(flick: QQuickItem, column: QQuickItem) -> tuple[QQuickItem, float]:
    """The first text whose lines start at or below the view's top, and how far below."""
    top = flick.property("contentY")
    below = [
        (y + text.property("topPadding") - top, text)
        for text, y in _read_on(flick, column)
        if text.property("lineCount") and y + text.property("topPadding") >= top - 1
    ]
    distance, text = min(below, key=lambda found: found[0])
    return text, distance


def test_a_view_that_starts_in_the_room_above_a_heading_keeps_it_first(
    rendition_cache: Path,
) -> None:
    """A finger's scroll may leave the view's top anywhere, as here just above a section's
    heading: after a new size the heading is still the first text, as far below the top."""
    with open_window(CONTENT, rendition_cache, size=(1280, 800)) as kw:
        kw.kiosk.nav.openExhibit("people")
        settle(kw.window, kw.images)
        flick, column = item(kw, "exhibitFlick"), item(kw, "textColumn")
        heading, y = next(
            (found, y)
            for found, y in _read_on(flick, column)
            if found.objectName() == "sectionHeading" and y > flick.height()
        )
        flick.setProperty("contentY", y + heading.property("topPadding") - 10)
        settle(kw.window, kw.images)
        assert first_text_below(flick, column) == (heading, pytest.approx(10, abs=0.5))
        for scale in (1.25, 1.5, 1.0):
            kw.kiosk.appearance.set_text_scale(scale)
            settle(kw.window, kw.images)
            assert first_text_below(flick, column) == (heading, pytest.approx(10, abs=2))


@pytest.mark.parametrize(
    ("first", "then"), [((1920, 1080), (1280, 800)), ((1280, 800), (1024, 768))]
)
def test_a_new_width_keeps_the_line_read_at_the_top(
    rendition_cache: Path, first: tuple[int, int], then: tuple[int, int]
) -> None:
    """The window made another size (a talk's audience moved to the laptop's screen when
    the projector's cable comes out, or back; F11): the page reflows at the new width
    and the line read at the top stays there, whole."""
    with open_window(CONTENT, rendition_cache, size=first) as kw:
        kw.kiosk.language.choose("ru")
        kw.kiosk.nav.openExhibit("culture-days")
        settle(kw.window, kw.images)
        flick, column = item(kw, "exhibitFlick"), item(kw, "textColumn")
        second_line_at_the_top(kw, flick, column)
        pump(400)  # the place is noted once the view has come to rest
        before = top_line(flick, column)
        assert before is not None
        for size in (then, first):
            was = flick.property("contentY")
            kw.window.resize(*size)
            settle(kw.window, kw.images)
            after = top_line(flick, column)
            text, start, _ = before
            assert after is not None and after[0] is text, size
            assert after[1] <= start < after[2], size
            assert flick.property("contentY") != pytest.approx(was, abs=2), size
            assert lines_cut_at_the_top(kw, flick, column) == [], size
            pump(400)
            before = after

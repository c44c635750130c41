"""The presenter console in-process, with a fake clock: the time left changes colour
in the last minutes and when it is up; with one screen the console is an overlay
window that only ``C`` shows; the audience's cursor hides until the mouse moves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from kiosk.content.model import ContentSet
from kiosk.runtime.talk import Clock
from kiosk.ui.presenting import Presentation
from kiosk.ui.render import pump
from kiosk.ui.render import visual_tree as walk
from kiosk.ui.wiring import PresentOptions
from tests.conftest import BUNDLED
from tests.fakes import FakeClock
from tests.uitools import load, open_window

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture(scope="module")
def content() -> ContentSet:
    return load(BUNDLED)


@contextmanager
def presenting(content: ContentSet, cache: Path, clock: FakeClock) -> Iterator[Presentation]:
    wall = dt.datetime(2026, 12, 4, 10, 0)
    fake = Clock(clock, lambda: wall + dt.timedelta(seconds=clock.now))
    with open_window(content, cache, size=(1280, 800)) as kw:
        presentation = Presentation(kw, PresentOptions(talk="school-visit", windowed=True), fake)
        presentation.show()
        try:
            yield presentation
        finally:
            presentation.close()
            pump(30)


def _named(window: QQuickWindow, name: str) -> QQuickItem:
    found = [i for i in walk(window.contentItem()) if i.objectName() == name and i.isVisible()]
    assert found, name
    return found[0]


def _time_left(presentation: Presentation) -> tuple[str, str]:
    box = _named(presentation.console_window, "timeLeft")
    value = next(i for i in walk(box) if i.objectName() == "value")
    colour = value.property("color")
    assert isinstance(colour, QColor)
    return str(value.property("text")), colour.name()


def test_the_time_left_turns_amber_in_the_last_minutes_and_red_when_up(
    content: ContentSet, rendition_cache: Path
) -> None:
    clock = FakeClock(0.0)
    with presenting(content, rendition_cache, clock) as presentation:
        presentation.toggle_console()  # one offscreen screen: the console is an overlay
        pump(50)
        assert _time_left(presentation) == ("15:00", "#ffffff")
        presentation.state.forward()  # the first press starts the timer
        clock.advance(12 * 60)
        presentation.console.tick()
        pump(20)
        assert _time_left(presentation) == ("3:00", "#ffffff")
        clock.advance(61)
        presentation.console.tick()
        pump(20)
        assert _time_left(presentation) == ("1:59", "#ffb020")  # amber
        clock.advance(120)
        presentation.console.tick()
        pump(20)
        assert _time_left(presentation) == ("-0:01", "#ff5a5f")  # red: over time


def test_with_one_screen_the_console_shows_only_when_asked_and_over_the_audience(
    content: ContentSet, rendition_cache: Path
) -> None:
    with presenting(content, rendition_cache, FakeClock()) as presentation:
        pump(50)
        console, audience = presentation.console_window, presentation.kw.window
        assert not console.isVisible()  # a mirrored projector must not show it
        QTest.keyClick(audience, Qt.Key.Key_C)
        pump(50)
        assert console.isVisible()
        assert console.screen() is audience.screen()
        QTest.keyClick(console, Qt.Key.Key_C)
        pump(50)
        assert not console.isVisible()


def test_the_audience_cursor_hides_until_the_mouse_moves(
    content: ContentSet, rendition_cache: Path
) -> None:
    with presenting(content, rendition_cache, FakeClock()) as presentation:
        audience = presentation.kw.window
        assert audience.cursor().shape() == Qt.CursorShape.BlankCursor
        QTest.mouseMove(audience, QPointF(200, 200).toPoint())
        pump(20)
        assert audience.cursor().shape() == Qt.CursorShape.ArrowCursor
        presentation._cursor.timeout.emit()  # the pointer stood still
        assert audience.cursor().shape() == Qt.CursorShape.BlankCursor


def test_pages_no_longer_offer_the_next_exhibit_in_the_site_order(
    content: ContentSet, rendition_cache: Path
) -> None:
    with open_window(content, rendition_cache, size=(1280, 800)) as kw:
        kw.kiosk.nav.openExhibit(content.exhibits[0].id)
        assert kw.kiosk.property("page")["next"]  # a visitor's page ends with "Next: ..."
    with presenting(content, rendition_cache, FakeClock()) as presentation:
        kiosk = presentation.kw.kiosk
        assert kiosk.nav.place.screen == "exhibit"
        assert kiosk.property("page")["next"] is None  # in a talk, the talk decides what comes next
        presentation.state.forward()
        assert kiosk.property("page")["next"] is None


def test_closing_the_audience_window_closes_the_console(
    content: ContentSet, rendition_cache: Path
) -> None:
    with presenting(content, rendition_cache, FakeClock()) as presentation:
        presentation.toggle_console()
        pump(20)
        assert presentation.console_window.isVisible()
        presentation.kw.window.close()
        pump(20)
        assert not presentation.console_window.isVisible()


def test_a_whole_talk_never_passes_through_the_home_screen(
    content: ContentSet, rendition_cache: Path
) -> None:
    # a presentation swaps in edited content at the home screen: never in mid-talk
    with presenting(content, rendition_cache, FakeClock()) as presentation:
        nav = presentation.kw.kiosk.nav
        screens: list[str] = []
        nav.changed.connect(lambda: screens.append(nav.place.screen))
        for _ in range(len(presentation.state.steps)):
            presentation.state.jump(presentation.state.index + 1)
            pump(5)
        presentation.state.first()
        assert {"timeline", "about", "exhibit", "gallery"} <= set(screens)
        assert "home" not in screens


def test_every_console_button_is_reached_with_tab_and_pressed_with_enter(
    content: ContentSet, rendition_cache: Path
) -> None:
    with presenting(content, rendition_cache, FakeClock()) as presentation:
        presentation.toggle_console()
        pump(20)
        console = presentation.console_window
        reached = []
        for _ in range(14):
            QTest.keyClick(console, Qt.Key.Key_Tab)
            focused = console.activeFocusItem()
            assert focused is not None
            reached.append(focused.objectName())
            if focused.objectName() == "blackButton":
                image = console.grabWindow()
                box = focused.mapRectToScene(focused.boundingRect()).toRect()
                edge = image.pixelColor(box.center().x(), box.top() + 1)
                assert edge.name() == "#ffd54a"  # the focus ring shows, in yellow
                if presentation.state.blank == "":
                    QTest.keyClick(console, Qt.Key.Key_Return)
                    assert presentation.state.blank == "black"
        assert {"blackButton", "whiteButton", "freezeButton", "hideButton"} <= set(reached)
        assert presentation.state.blank == "black"  # Enter pressed the black screen button

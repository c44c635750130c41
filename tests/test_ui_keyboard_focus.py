"""Windowed mode: every control of the kiosk screens is reached with Tab, wears a
visible focus ring, and Enter presses it (About, Contrast, Aa had no way in by keys)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from kiosk.content.model import ContentSet
from kiosk.ui.render import pump
from kiosk.ui.render import visual_tree as walk
from tests.conftest import BUNDLED
from tests.uitools import load, open_window

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture(scope="module")
def content() -> ContentSet:
    return load(BUNDLED)


def _ring(item: QQuickItem) -> QQuickItem:
    return next(i for i in walk(item) if i.objectName() == "focusRing")


def _tabbing(window: QQuickWindow, presses: int) -> Iterator[QQuickItem]:
    """Tab pressed ``presses`` times: the item with the focus after each press."""
    for _ in range(presses):
        QTest.keyClick(window, Qt.Key.Key_Tab)
        pump(5)
        focused = window.activeFocusItem()
        assert focused is not None
        yield focused


def _ring_box(window: QQuickWindow, focused: QQuickItem) -> QRectF:
    """The focused item's ring, which must show inside the window: its box."""
    ring = _ring(focused)
    box = ring.mapRectToScene(ring.boundingRect())
    name = focused.objectName()
    assert ring.isVisible(), name
    assert box.left() >= 0 and box.right() <= window.width() + 1, name
    assert box.top() >= 0 and box.bottom() <= window.height() + 1, name
    return box


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_tab_reaches_every_bar_button_and_about_with_a_ring_that_shows(
    content: ContentSet, rendition_cache: Path, size: tuple[int, int]
) -> None:
    with open_window(content, rendition_cache, size=size) as kw:
        window = kw.window
        reached: list[str] = []
        for focused in _tabbing(window, 30):
            name = focused.objectName()
            reached.append(name)
            if name.endswith("Button") or name.startswith("language_"):
                assert _ring_box(window, focused).width() > focused.width(), name  # outside
        for name in (
            "aboutButton",
            "homeButton",
            "timelineButton",
            "contrastButton",
            "textSizeButton",
        ):
            assert name in reached, (name, reached)


def test_enter_on_a_focused_button_presses_it(content: ContentSet, rendition_cache: Path) -> None:
    with open_window(content, rendition_cache, size=(1280, 800)) as kw:
        window = kw.window
        for _ in range(30):
            QTest.keyClick(window, Qt.Key.Key_Tab)
            focused = window.activeFocusItem()
            if focused is not None and focused.objectName() == "contrastButton":
                break
        assert not kw.kiosk.appearance.highContrast
        QTest.keyClick(window, Qt.Key.Key_Return)
        pump(5)
        assert kw.kiosk.appearance.highContrast
        assert kw.kiosk.nav.place.screen == "home"  # the key pressed the button, not a tile


def test_enter_on_the_open_timeline_entry_follows_its_link(
    content: ContentSet, rendition_cache: Path
) -> None:
    with open_window(content, rendition_cache, size=(1280, 800)) as kw:
        window = kw.window
        QTest.keyClick(window, Qt.Key.Key_T)
        QTest.keyClick(window, Qt.Key.Key_Right)
        pump(20)
        assert (kw.kiosk.nav.place.screen, kw.kiosk.nav.place.index) == ("timeline", 1)
        QTest.keyClick(window, Qt.Key.Key_Return)
        pump(20)
        place = kw.kiosk.nav.place
        assert (place.screen, place.exhibit_id) == ("exhibit", content.timeline()[1][0].id)
        QTest.keyClick(window, Qt.Key.Key_Backspace)
        assert kw.kiosk.nav.place.screen == "timeline"  # and back to where it was


def test_tab_reaches_the_cards_under_a_portrait_map_and_enter_opens_one(
    content: ContentSet, rendition_cache: Path
) -> None:
    """A portrait window's map shows a place's exhibits as cards: Tab reaches each, its
    ring shows inside the window, and Enter opens it, as the buttons of a landscape map."""
    baku = [place.id for place in content.places].index("baku")
    expected = [e.id for e in content.exhibits_at("baku")]
    with open_window(content, rendition_cache, size=(1080, 1920)) as kw:
        window = kw.window
        kw.kiosk.nav.navigator.open_map(baku)
        pump(50)
        reached: list[str] = []
        for focused in _tabbing(window, 40):
            name = focused.objectName()
            if name.startswith("mapExhibit_") and name not in reached:
                reached.append(name)
                assert _ring_box(window, focused).width() >= focused.width() - 1, name  # inside
        assert reached == [f"mapExhibit_{e}" for e in expected]
        while window.activeFocusItem().objectName() != reached[-1]:
            QTest.keyClick(window, Qt.Key.Key_Tab)
        QTest.keyClick(window, Qt.Key.Key_Return)
        pump(20)
        assert (kw.kiosk.nav.place.screen, kw.kiosk.nav.place.exhibit_id) == (
            "exhibit",
            expected[-1],
        )

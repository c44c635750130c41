"""A visitor's move is on screen in the next frame, drawn before Qt's update timer.

Where frames are not paced by the display (X11 without frame sync, the offscreen
platform) Qt draws a requested frame 5 ms after the request. These tests let no timer
run at all: after the move only the events already posted are handled, and the screen
(the window's backing store, what the platform shows) must already show the move.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QGuiApplication, QImage

from kiosk.content.model import ContentSet
from kiosk.ui.app import KioskWindow
from kiosk.ui.controller import Controller
from kiosk.ui.render import settle
from tests.conftest import BUNDLED
from tests.uitools import item, load, open_window, tap

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture(scope="module")
def content() -> ContentSet:
    return load(BUNDLED)


@pytest.fixture
def window(content: ContentSet, rendition_cache: Path) -> Iterator[KioskWindow]:
    with open_window(content, rendition_cache) as kw:
        Controller(kw, tick_ms=60_000)
        yield kw


def on_screen(kw: KioskWindow) -> QImage:
    """What the platform shows: the last frame drawn, not a frame drawn for the grab."""
    image = QGuiApplication.primaryScreen().grabWindow(kw.window.winId())
    return image.toImage().convertToFormat(QImage.Format.Format_RGB32)


def share_different(one: QImage, other: QImage, step: int = 8) -> float:
    """The share of sampled pixels that a person sees change (a picture redrawn at a
    slightly other scale moves its pixels by a few levels: not counted)."""
    assert one.size() == other.size()
    points = [(x, y) for y in range(0, one.height(), step) for x in range(0, one.width(), step)]
    return sum(_apart(one.pixelColor(x, y), other.pixelColor(x, y)) for x, y in points) / len(
        points
    )


def _apart(one: QColor, other: QColor) -> bool:
    return (
        max(
            abs(one.red() - other.red()),
            abs(one.green() - other.green()),
            abs(one.blue() - other.blue()),
        )
        > 40
    )


def move_and_draw(kw: KioskWindow, move: Callable[[], None]) -> int:
    """What a tap on a button does, then only the events it posted: no timer runs,
    Qt's update timer neither. (Not a synthetic touch: delivering one lets timers run.)
    Returns how many frames were drawn meanwhile."""
    frames: list[int] = []
    kw.window.frameSwapped.connect(lambda: frames.append(1))
    move()
    QCoreApplication.sendPostedEvents()
    return len(frames)


def test_back_to_home_is_drawn_without_waiting(window: KioskWindow) -> None:
    kw = window
    home = on_screen(kw)
    tap(kw, item(kw, "timelineButton"))
    assert kw.kiosk.nav.place.screen == "timeline"
    timeline = on_screen(kw)
    assert share_different(home, timeline) > 0.1

    drawn = move_and_draw(kw, kw.kiosk.nav.home)

    assert kw.kiosk.nav.place.screen == "home"
    assert drawn >= 1
    shown = on_screen(kw)
    assert share_different(shown, timeline) > 0.1
    settle(kw.window, kw.images)
    assert share_different(shown, on_screen(kw)) < 0.02  # what settles is already there


def test_a_language_is_drawn_without_waiting(window: KioskWindow, content: ContentSet) -> None:
    kw = window
    before = on_screen(kw)
    title = item(kw, "siteTitle")
    code = content.site.language_codes[-1]

    drawn = move_and_draw(kw, lambda: kw.kiosk.language.choose(code))

    assert kw.kiosk.language.current == code
    assert title.property("text") == content.site.title.get(code)
    assert drawn >= 1
    shown = on_screen(kw)
    # the title's pixels are new: a person reads the new language at once
    rect = title.mapRectToScene(title.boundingRect()).toRect()
    assert share_different(shown.copy(rect), before.copy(rect), step=2) > 0.05
    settle(kw.window, kw.images)
    assert share_different(shown, on_screen(kw)) < 0.02

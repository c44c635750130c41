"""The attract loop is made at the first idle reset and kept between visitors, as home
is: while a visitor is there it is out of the window, holds no picture and nothing in it
moves; at the next idle reset it is the same loop, starting again from its first slide,
its picture drawn. Another text size while it is away makes it anew."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtQuick import QQuickItem

from kiosk.ui.app import KioskWindow
from kiosk.ui.render import settle
from tests.conftest import BUNDLED
from tests.uitools import (
    item,
    kept,
    load,
    open_window,
    picture_in,
    renditions,
)

pytestmark = pytest.mark.usefixtures("qapp")

CONTENT = load(BUNDLED)


def moving(loop: QQuickItem) -> list[bool]:
    """Whether its slide timer and its slow drift run."""
    found = [loop.findChild(QObject, name) for name in ("attractTimer", "attractMotion")]
    assert all(found)
    return [bool(thing.property("running")) for thing in found]  # type: ignore[union-attr]


def reset(kw: KioskWindow) -> None:
    kw.kiosk.reset_to_attract()
    settle(kw.window, kw.images)


def test_the_loop_is_kept_between_visitors_still_and_without_pictures(
    rendition_cache: Path,
) -> None:
    with open_window(CONTENT, rendition_cache) as kw:
        reset(kw)
        loop = kept(kw, "attractLoader")
        assert picture_in(kw, "attractPictureArea")
        assert moving(loop) == [True, True]
        loop.setProperty("started", True)  # as after its first slide's time
        loop.setProperty("slide", 1)
        settle(kw.window, kw.images)

        kw.kiosk.nav.leaveAttract()
        settle(kw.window, kw.images)
        assert kept(kw, "attractLoader") is loop and shiboken6.isValid(loop)  # kept, not made anew
        assert loop.parentItem() is None  # out of the window and its screen reader's tree
        assert renditions(loop) == []  # no slot holds a picture
        assert moving(loop) == [False, False]
        assert item(kw, "home").isVisible()

        reset(kw)
        assert kept(kw, "attractLoader") is loop
        assert loop.parentItem() is not None and loop.isVisible()
        assert loop.property("slide") == 0 and loop.property("started") is False
        (shown,) = [p for p in renditions(loop) if p.parentItem().opacity() == 1]
        assert shown.property("ready")
        assert picture_in(kw, "attractPictureArea")
        assert moving(loop) == [True, True]


def test_another_text_size_while_the_loop_is_away_makes_it_anew(rendition_cache: Path) -> None:
    with open_window(CONTENT, rendition_cache) as kw:
        reset(kw)
        loop = kept(kw, "attractLoader")
        kw.kiosk.nav.leaveAttract()
        settle(kw.window, kw.images)
        kw.kiosk.appearance.set_text_scale(1.5)
        settle(kw.window, kw.images)
        reset(kw)
        made = kept(kw, "attractLoader")
        assert made is not loop
        assert picture_in(kw, "attractPictureArea")

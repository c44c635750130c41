"""Hidden rectangles keep no picture of rounded corners.

The software scene graph draws a Rectangle with a radius from a picture of its
corners, 2r x 2r pixels, and makes it for a hidden Rectangle too: the bar's and home's
focus rings (one per button, 32 KB each) and the hidden listen button held 0.5 MB of
the kiosk's memory at start. Hidden, they have no radius; shown, their own. Small
marks (a page's read-aloud tints, 0.1-3 KB each) are left as they are."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from kiosk.content.model import ContentSet
from kiosk.ui.render import pump, settle
from kiosk.ui.render import visual_tree as walk
from tests.conftest import BUNDLED
from tests.uitools import load, open_window

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture(scope="module")
def content() -> ContentSet:
    return load(BUNDLED)


def _corners_bytes(rectangle: QQuickItem) -> int:
    """The size of the corners' picture the software scene graph makes (ARGB)."""
    short = min(rectangle.width(), rectangle.height())
    radius = math.floor(min(short / 2, rectangle.property("radius")))
    return (2 * radius) ** 2 * 4


def _hidden_round(root: QQuickItem) -> list[str]:
    """Hidden rectangles whose corners would take 8 KB or more (a radius of 32 px)."""
    return [
        f"{i.objectName() or i.metaObject().className()}: {_corners_bytes(i)} bytes"
        for i in walk(root)
        if i.inherits("QQuickRectangle") and not i.isVisible() and _corners_bytes(i) >= 8192
    ]


def test_no_hidden_rectangle_has_rounded_corners_at_home_or_on_a_page(
    content: ContentSet, rendition_cache: Path
) -> None:
    with open_window(content, rendition_cache) as kw:
        kw.window.update()
        settle(kw.window, kw.images)
        rings = [i for i in walk(kw.window.contentItem()) if i.objectName() == "focusRing"]
        assert len(rings) >= 10, "the bar's buttons and home's have no focus rings to check"
        assert _hidden_round(kw.window.contentItem()) == []
        kw.kiosk.nav.openExhibit(content.exhibits[0].id)
        settle(kw.window, kw.images)
        assert _hidden_round(kw.window.contentItem()) == []


def test_a_focused_button_wears_a_round_ring(content: ContentSet, rendition_cache: Path) -> None:
    with open_window(content, rendition_cache) as kw:
        QTest.keyClick(kw.window, Qt.Key.Key_Tab)
        pump(5)
        button = kw.window.activeFocusItem()
        assert button is not None and button.objectName().endswith("Button")
        ring = next(i for i in walk(button) if i.objectName() == "focusRing")
        assert ring.isVisible()
        assert ring.property("radius") > button.property("radius") > 0

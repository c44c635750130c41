"""The exhibit page on a landscape screen as a visitor reads down it: the right column
goes along (never empty beside the text), the scroll arrow sits on a plain band (never
on a line of text), and a swipe that starts on the arrow scrolls the page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtTest import QTest

from kiosk.ui.render import pump, settle
from tests.conftest import BUNDLED
from tests.layouttools import scene_rect, texts_in
from tests.uitools import centre, grab, item, load, open_window, swipe, tap

pytestmark = pytest.mark.usefixtures("qapp")

CONTENT = load(BUNDLED)
LONGEST = max(CONTENT.exhibits, key=lambda e: len(e.sections)).id


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_the_right_column_goes_along_with_the_reading(scale: float, rendition_cache: Path) -> None:
    with open_window(CONTENT, rendition_cache, size=(1920, 1080)) as kw:
        kw.kiosk.appearance.set_text_scale(scale)
        kw.kiosk.nav.openExhibit(LONGEST)
        settle(kw.window, kw.images)
        flick, side = item(kw, "exhibitFlick"), item(kw, "exhibitSide")
        view = scene_rect(flick)
        end = flick.property("contentHeight") - flick.height()
        text_bottom = scene_rect(item(kw, "textColumn")).bottom() + flick.property("contentY")
        for fraction in (0.25, 0.5, 0.75):
            flick.setProperty("contentY", end * fraction)
            settle(kw.window, kw.images)
            if flick.property("contentY") + view.height() > text_bottom:
                continue  # the text ends on screen: the column may end above it too
            shown = scene_rect(side).intersected(view)
            wanted = min(side.height(), view.height()) * 0.6
            assert shown.height() >= wanted, f"{fraction:.0%}: {shown.height():.0f} px of it shown"


def test_no_line_of_text_shows_beside_or_under_the_scroll_arrow(rendition_cache: Path) -> None:
    with open_window(CONTENT, rendition_cache, size=(1920, 1080)) as kw:
        kw.kiosk.nav.openExhibit(LONGEST)
        settle(kw.window, kw.images)
        flick, arrow = item(kw, "exhibitFlick"), item(kw, "scrollCueArrow")
        band = scene_rect(arrow)
        band = QRectF(
            scene_rect(flick).left(), band.top(), scene_rect(flick).width(), band.height()
        )
        # text lies across the band, under the cue
        assert any(scene_rect(t).intersects(band) for t in texts_in(flick))
        image = grab(kw)
        background = item(kw, "exhibitPage").property("color")
        odd = 0
        for x in range(int(band.left()) + 2, int(band.right()) - 2, 6):
            if scene_rect(arrow).adjusted(-4, 0, 4, 0).contains(x, band.center().y()):
                continue
            for y in range(int(band.top()), int(band.bottom()), 4):
                colour = image.pixelColor(x, y)
                if (
                    max(
                        abs(colour.red() - background.red()),
                        abs(colour.green() - background.green()),
                        abs(colour.blue() - background.blue()),
                    )
                    > 12
                ):
                    odd += 1
        assert odd == 0, f"{odd} pixels of text beside the arrow"


def test_a_swipe_that_starts_on_the_scroll_arrow_scrolls_the_page(rendition_cache: Path) -> None:
    with open_window(CONTENT, rendition_cache, size=(1920, 1080)) as kw:
        kw.kiosk.nav.openExhibit(LONGEST)
        settle(kw.window, kw.images)
        flick, arrow = item(kw, "exhibitFlick"), item(kw, "scrollCueArrow")
        start = centre(arrow)
        swipe(kw, start, start - QPoint(0, 400))
        assert flick.property("contentY") > 200
        # and a mouse drag too (the presentation laptop)
        flick.setProperty("contentY", 0.0)
        settle(kw.window, kw.images)
        start = centre(arrow)
        QTest.mousePress(
            kw.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start
        )
        for step in range(1, 13):
            pump(16)
            QTest.mouseMove(kw.window, start - QPoint(0, 30 * step))
        end = start - QPoint(0, 360)
        QTest.mouseRelease(
            kw.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end
        )
        settle(kw.window, kw.images)
        assert flick.property("contentY") > 200
        # and a tap on it still scrolls on
        flick.setProperty("contentY", 0.0)
        settle(kw.window, kw.images)
        before = flick.property("contentY")
        tap(kw, arrow)
        assert flick.property("contentY") > before + 200

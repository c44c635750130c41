"""High contrast at the edges: a picture on the white gallery backdrop keeps a thin dark
frame (the Uzbek flag's white stripe does not melt into the page), and the text above
the scroll arrow stays black down to a hard edge instead of fading to grey."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kiosk.ui.render import settle
from tests.conftest import BUNDLED
from tests.layouttools import scene_rect, texts_in
from tests.test_exhibit_page import current_gallery_image, painted
from tests.uitools import grab, item, load, open_window

pytestmark = pytest.mark.usefixtures("qapp")

CONTENT = load(BUNDLED)


def darkness(image: QImage, x: int, y: int) -> int:
    return 255 - image.pixelColor(x, y).lightness()


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_gallery_picture_has_a_dark_frame_on_the_white_backdrop(
    size: tuple[int, int], rendition_cache: Path
) -> None:
    flags = CONTENT.exhibit("history")
    assert flags is not None and flags.gallery
    with open_window(CONTENT, rendition_cache, size=size) as kw:
        kw.kiosk.appearance.set_high_contrast(True)
        kw.kiosk.nav.openExhibit("history")
        kw.kiosk.nav.openGallery(0)
        settle(kw.window, kw.images)
        picture = painted(current_gallery_image(kw))
        image = grab(kw)
        middle_y, middle_x = int(picture.center().y()), int(picture.center().x())
        edges = [
            (int(picture.left()) + 1, middle_y),
            (int(picture.right() - 1), middle_y),
            (middle_x, int(picture.top()) + 1),
            (middle_x, int(picture.bottom() - 1)),
        ]
        for x, y in edges:
            assert darkness(image, x, y) > 200, (x, y)
        # and only a thin line: the backdrop outside it is white, as is the flag's stripe
        assert darkness(image, middle_x, int(picture.top()) - 4) < 20


def test_text_above_the_scroll_arrow_stays_black_in_high_contrast(rendition_cache: Path) -> None:
    with open_window(CONTENT, rendition_cache, size=(1920, 1080)) as kw:
        kw.kiosk.appearance.set_high_contrast(True)
        kw.kiosk.nav.openExhibit("history")
        settle(kw.window, kw.images)
        flick, arrow = item(kw, "exhibitFlick"), item(kw, "scrollCueArrow")
        edge = int(scene_rect(arrow).top()) - 14  # just above the band the arrow sits on
        checked = 0
        for step in range(12):
            flick.setProperty("contentY", step * 97.0)
            settle(kw.window, kw.images)
            lines = [
                scene_rect(t)
                for t in texts_in(item(kw, "textColumn"))
                if scene_rect(t).top() < edge - 30 and edge < scene_rect(t).bottom()
            ]
            if not lines:
                continue
            image = grab(kw)
            dark = grey = 0
            left, right = (
                int(lines[0].left()),
                int(min(lines[0].right(), scene_rect(arrow).left() - 10)),
            )
            for y in range(edge - 30, edge):
                for x in range(left, right, 2):
                    value = darkness(image, x, y)
                    dark += value > 200
                    grey += 40 < value <= 200
            if dark + grey < 40:
                continue  # a gap between lines
            assert dark > grey * 0.5, f"at {step * 97}: {dark} black, {grey} grey text pixels"
            checked += 1
        assert checked >= 3

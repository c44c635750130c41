"""Each timeline entry's chevron, as a visitor sees it: drawn in its round button, inside
the window, not under the control bar, pointing down on a closed entry and up on the
open one, in every language, text size, contrast and window shape."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage
from PySide6.QtQuick import QQuickItem

from kiosk.ui.app import KioskWindow
from kiosk.ui.render import settle
from kiosk.ui.render import visual_tree as walk
from tests.conftest import BUNDLED
from tests.uitools import grab, item, load, open_window, visible

pytestmark = pytest.mark.usefixtures("qapp")

CONTENT = load(BUNDLED)
LANGUAGES = list(CONTENT.site.language_codes)
LANDSCAPE, PORTRAIT, LAPTOP = (1920, 1080), (1080, 1920), (1280, 800)


def scene_rect(thing: QQuickItem) -> QRectF:
    return thing.mapRectToScene(thing.boundingRect())


def ink_spread(image: QImage, box: QRectF, ink: QColor) -> tuple[int, int]:
    """How wide the ink is in the top third and in the bottom third of ``box``: a
    chevron pointing down is wide at the top and narrow at the bottom."""

    def spread(top: int, bottom: int) -> int:
        xs = [
            x
            for y in range(top, bottom)
            for x in range(int(box.left()), int(box.right()) + 1)
            if _near(QColor(image.pixel(x, y)), ink)
        ]
        return max(xs) - min(xs) + 1 if xs else 0

    top, bottom = int(box.top()), int(box.bottom())
    third = max(1, (bottom - top) // 3)
    return spread(top, top + third), spread(bottom - third, bottom + 1)


def _near(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 90


def chevrons_seen(kw: KioskWindow) -> list[tuple[bool, tuple[int, int]]]:
    """Every entry chevron a visitor can see, with its entry open or not and its ink's
    spread at top and bottom; asserts each is drawn where it should be."""
    list_box = scene_rect(item(kw, "timelineList"))
    bar_top = scene_rect(item(kw, "navBar")).top()
    window = QRectF(0, 0, kw.window.width(), kw.window.height())
    image = grab(kw)
    seen = []
    for button in (i for i in walk(kw.window.contentItem()) if i.objectName() == "timelineChevron"):
        circle = scene_rect(button)
        if not visible(button) or not list_box.contains(circle):
            continue  # scrolled out of the list's view
        assert window.contains(circle) and circle.bottom() <= bar_top
        assert circle.width() >= 0.7 * 48 - 1  # the round button, 70 % of a 48 px target
        mark = next(i for i in walk(button) if i.objectName() == "timelineChevronMark")
        bars = [i for i in walk(mark) if i is not mark and i.width() > 0 and i.height() > 0]
        assert len(bars) == 2 and all(i.isVisible() for i in bars)
        for bar in bars:
            assert circle.contains(scene_rect(bar).center())
        ink = QColor(bars[0].property("color"))
        spread = ink_spread(image, scene_rect(mark), ink)
        seen.append((bool(_entry(button).property("open")), spread))
    return seen


def _entry(thing: QQuickItem) -> QQuickItem:
    while not thing.objectName().startswith("timelineEntry_"):
        thing = thing.parentItem()
    return thing


@pytest.mark.parametrize(
    ("size", "scale", "contrast"),
    [
        (LANDSCAPE, 1.0, False),
        (LANDSCAPE, 1.5, True),
        (PORTRAIT, 1.0, False),
        (PORTRAIT, 1.25, True),
        (LAPTOP, 1.25, False),
        (LAPTOP, 1.5, True),
    ],
    ids=[
        "landscape",
        "landscape-150-contrast",
        "portrait",
        "portrait-125-contrast",
        "laptop-125",
        "laptop-150-contrast",
    ],
)
def test_the_chevrons_point_down_when_closed_and_up_when_open(
    rendition_cache: Path, size: tuple[int, int], scale: float, contrast: bool
) -> None:
    with open_window(CONTENT, rendition_cache, size=size) as kw:
        kiosk = kw.kiosk
        kiosk.appearance.set_text_scale(scale)
        kiosk.appearance.set_high_contrast(contrast)
        kiosk.nav.openTimeline()
        settle(kw.window, kw.images)
        for language in LANGUAGES:
            kiosk.language.choose(language)
            kiosk.nav.focusIndex(1)  # the second moment open, the first closed above it
            settle(kw.window, kw.images)
            seen = chevrons_seen(kw)
            assert any(open_ for open_, _ in seen) and not all(open_ for open_, _ in seen)
            for open_, (top, bottom) in seen:
                assert top > 0 and bottom > 0  # ink drawn
                if open_:
                    assert bottom > top, (language, seen)  # "^": wide at the bottom
                else:
                    assert top > bottom, (language, seen)  # "v": wide at the top

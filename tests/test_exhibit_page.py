"""Image-led exhibit pages (what a visitor sees): the cover's caption, gallery and key
facts beside the text on a landscape screen, a cue while there is more below, and
gallery captions that leave the picture whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtQuick import QQuickItem

from kiosk.ui.app import KioskWindow
from kiosk.ui.render import settle
from tests.conftest import BUNDLED
from tests.layouttools import kind, lowest_text, scene_rect, scroll_to_end, text_problems
from tests.uitools import item, load, open_window, visible, walk

CONTENT = load(BUNDLED)
LANGUAGES = CONTENT.site.language_codes
SIZES = [(1920, 1080), (1080, 1920)]
size_id = lambda s: f"{s[0]}x{s[1]}"  # noqa: E731


def painted(image_holder: QQuickItem) -> QRectF:
    """Where the picture itself is drawn inside a RenditionImage (letterboxing aside)."""
    image = next(i for i in walk(image_holder) if kind(i) == "QQuickImage")
    width, height = image.property("paintedWidth"), image.property("paintedHeight")
    box = scene_rect(image)
    return QRectF(
        box.x() + (box.width() - width) / 2, box.y() + (box.height() - height) / 2, width, height
    )


def current_gallery_image(kw: KioskWindow) -> QQuickItem:
    pager = item(kw, "galleryPager")
    current = pager.property("currentItem")
    return next(i for i in walk(current) if i.objectName() == "galleryImage")


@pytest.mark.slow
@pytest.mark.parametrize("size", SIZES, ids=size_id)
def test_gallery_caption_sits_below_the_picture_not_over_it(
    size: tuple[int, int], rendition_cache: Path
) -> None:
    with open_window(CONTENT, rendition_cache, size=size) as kw:
        for language in LANGUAGES:
            kw.kiosk.language.choose(language)
            for exhibit in CONTENT.exhibits:
                kw.kiosk.nav.openExhibit(exhibit.id)
                kw.kiosk.nav.openGallery(0)
                for index in range(len(exhibit.gallery)):
                    kw.kiosk.nav.showGalleryImage(index)
                    settle(kw.window, kw.images)
                    picture = painted(current_gallery_image(kw))
                    assert picture.width() > size[0] / 3 or picture.height() > size[1] / 3
                    caption_bar = scene_rect(item(kw, "captionBar"))
                    caption = scene_rect(item(kw, "galleryCaption"))
                    assert caption_bar.contains(caption)
                    assert not caption_bar.intersects(picture), (exhibit.id, index, language)
                kw.kiosk.nav.home()


def open_page(kw: KioskWindow, exhibit_id: str) -> QQuickItem:
    kw.kiosk.nav.openExhibit(exhibit_id)
    settle(kw.window, kw.images)
    return item(kw, "exhibitFlick")


@pytest.mark.slow
@pytest.mark.parametrize("size", SIZES, ids=size_id)
def test_exhibit_pages_show_the_cover_caption_side_column_and_scroll_cue(
    size: tuple[int, int], rendition_cache: Path
) -> None:
    landscape = size[0] > size[1]
    with open_window(CONTENT, rendition_cache, size=size) as kw:
        for language in LANGUAGES:
            kw.kiosk.language.choose(language)
            for exhibit in CONTENT.exhibits:
                where = (exhibit.id, language)
                flick = open_page(kw, exhibit.id)
                view = scene_rect(flick)
                assert text_problems(flick) == [], where

                # the cover's caption and credit, below the picture on a solid backing
                hero = scene_rect(item(kw, "hero"))
                bar = item(kw, "heroCaptionBar")
                assert bar.property("color").alphaF() == 1
                caption, credit = item(kw, "heroCaption"), item(kw, "heroCredit")
                assert exhibit.cover.caption is not None
                assert caption.property("text") == exhibit.cover.caption.get(language)
                assert exhibit.cover.credit.get(language) in credit.property("text")
                for text in (caption, credit):
                    rect = scene_rect(text)
                    assert rect.top() >= hero.bottom() - 1, where
                    assert scene_rect(bar).contains(rect) and view.contains(rect), where

                # landscape: gallery and key facts beside the text, on the first screen
                text_right = scene_rect(item(kw, "textColumn")).right()
                strip = scene_rect(item(kw, "galleryStrip"))
                fact = scene_rect(item(kw, "factCard"))
                for part in (strip, fact):
                    if landscape:
                        assert part.left() >= text_right, where
                        # the strip on the first screen; the facts start there (under
                        # the bar of a two-row bar they may need the first scroll)
                        shown = part.height() / 3 if part is strip else 0
                        assert view.top() <= part.top() < view.bottom() - shown, where
                    else:
                        assert part.left() < text_right, where  # portrait: one column

                # the cue says there is more below, and goes at the end
                cue = item(kw, "scrollCue")
                assert flick.property("contentHeight") > flick.height()
                assert view.contains(scene_rect(cue))
                scroll_to_end(kw, flick)
                assert not visible(cue), where
                assert view.contains(lowest_text(flick)), where
                kw.kiosk.nav.home()

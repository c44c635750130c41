"""The gallery says where the visitor is: the exhibit's name and "2 / 3" at reading size
above the picture, apart from the credit; a strip of every picture goes straight to one."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.ui.render import settle
from tests.conftest import BUNDLED
from tests.layouttools import scene_rect
from tests.test_exhibit_page import current_gallery_image, painted
from tests.test_ui_textsize import relaid
from tests.uitools import item, load, open_window, tap

pytestmark = pytest.mark.usefixtures("qapp")

CONTENT = load(BUNDLED)
LANGUAGES = CONTENT.site.language_codes
EXHIBIT = max(CONTENT.exhibits, key=lambda e: len(e.gallery))


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_gallery_names_the_exhibit_and_counts_at_reading_size(
    size: tuple[int, int], rendition_cache: Path
) -> None:
    count = len(EXHIBIT.gallery)
    assert count > 1
    with open_window(CONTENT, rendition_cache, size=size) as kw:
        kw.kiosk.nav.openExhibit(EXHIBIT.id)
        kw.kiosk.nav.openGallery(1)
        settle(kw.window, kw.images)
        for language in LANGUAGES:
            kw.kiosk.language.choose(language)
            relaid(kw)
            title, counter = item(kw, "galleryTitle"), item(kw, "galleryCounter")
            assert title.property("text") == EXHIBIT.title.get(language)
            assert "2" in counter.property("text") and str(count) in counter.property("text")
            assert str(count) not in item(kw, "galleryCredit").property("text")
            credit_size = item(kw, "galleryCredit").property("font").pixelSize()
            assert counter.property("font").pixelSize() > credit_size
            picture = painted(current_gallery_image(kw))
            for text in (title, counter):
                box = scene_rect(text)
                assert box.top() >= 0 and box.bottom() <= picture.top() + 1, language
                assert not text.property("truncated")
            assert not scene_rect(title).intersects(scene_rect(counter))


def test_a_tap_on_the_strip_goes_straight_to_that_picture(rendition_cache: Path) -> None:
    with open_window(CONTENT, rendition_cache, size=(1920, 1080)) as kw:
        kw.kiosk.nav.openExhibit(EXHIBIT.id)
        kw.kiosk.nav.openGallery(0)
        settle(kw.window, kw.images)
        thumbs = [item(kw, f"galleryStripThumb_{i}") for i in range(len(EXHIBIT.gallery))]
        picture = painted(current_gallery_image(kw))
        for thumb in thumbs:
            box = scene_rect(thumb)
            assert box.height() >= 64 and not box.intersects(picture)
        last = len(thumbs) - 1
        tap(kw, thumbs[last])
        assert kw.kiosk.nav.index == last
        caption = item(kw, "galleryCaption").property("text")
        wanted = EXHIBIT.gallery[last].caption
        assert caption == (wanted.get(CONTENT.site.default_language) if wanted else "")

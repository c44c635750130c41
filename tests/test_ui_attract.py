"""The attract loop as a passer-by meets it: each picture whole, nothing laid over it,
the site's name said once, and the languages to start in on the screen itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage

from kiosk.ui.render import settle
from tests.conftest import BUNDLED
from tests.layouttools import scene_rect
from tests.test_ui_textsize import relaid
from tests.uitools import (
    difference,
    distinct_colours,
    grab,
    item,
    items,
    load,
    open_window,
    tap,
    walk,
)

pytestmark = pytest.mark.usefixtures("qapp")

CONTENT = load(BUNDLED)
LANGUAGES = CONTENT.site.language_codes
SIZES = [(1920, 1080), (1080, 1920), (1280, 800)]


def painted(picture: object) -> QRectF:
    (image,) = [i for i in walk(picture) if i.objectName() == "picture"]  # type: ignore[arg-type]
    box = scene_rect(image)
    width, height = image.property("paintedWidth"), image.property("paintedHeight")
    return QRectF(box.center().x() - width / 2, box.center().y() - height / 2, width, height)


# and the squarer and smaller screens, where the words beside the pictures ran under
# the band and off the foot (1280x1024: "Təməl: 1991–1998-ci illər" under the site name)
SQUARER = [(1280, 1024), (1024, 768), (800, 600)]


@pytest.mark.parametrize("size", SIZES + SQUARER, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_slide_shows_its_picture_whole_and_uncovered_and_its_words_in_the_window(
    size: tuple[int, int], rendition_cache: Path
) -> None:
    with open_window(CONTENT, rendition_cache, size=size, start="attract") as kw:
        loop = item(kw, "attractLoop")
        loop.setProperty("still", True)
        loop.setProperty("motion", 0.0)  # the slow drift at its start
        window = QRectF(0, 0, size[0], size[1])
        for slide in range(len(kw.kiosk.property("attractSlides"))):
            loop.setProperty("slide", slide)
            settle(kw.window, kw.images)
            (showing,) = [p for p in items(kw, "attractPicture") if p.parentItem().opacity() == 1]
            picture = painted(showing)
            area = scene_rect(item(kw, "attractPictureArea"))
            assert area.adjusted(-1, -1, 1, 1).contains(picture), slide
            assert picture.width() > area.width() * 0.5 or picture.height() > area.height() * 0.5
            for cover in ("attractPanel", "attractTitle"):
                shared = scene_rect(item(kw, cover)).intersected(picture)
                assert shared.width() < 1 or shared.height() < 1, f"{cover} over slide {slide}"
            panel = scene_rect(item(kw, "attractPanel")).adjusted(-1, -1, 1, 1)
            for text in items(kw, "touchToExplore") + items(kw, "slideTitle"):
                assert window.contains(scene_rect(text)) and not text.property("truncated")
                assert panel.contains(scene_rect(text)), f"{text.property('text')} off the panel"
            for code in LANGUAGES:
                button = scene_rect(item(kw, f"attractLanguage_{code}"))
                assert window.contains(button) and panel.contains(button)
                assert button.height() >= 48 * min(1.0, size[1] / 1080) - 0.5, (code, button)


def test_the_site_name_is_said_once_on_every_slide(rendition_cache: Path) -> None:
    with open_window(CONTENT, rendition_cache, size=(1920, 1080), start="attract") as kw:
        loop = item(kw, "attractLoop")
        loop.setProperty("still", True)
        for language in LANGUAGES:
            kw.kiosk.language.choose(language)
            relaid(kw)
            site = item(kw, "attractTitle").property("text")
            named = 0
            for slide in range(len(kw.kiosk.property("attractSlides"))):
                loop.setProperty("slide", slide)
                relaid(kw)
                titles = [t.property("text") for t in items(kw, "slideTitle")]
                named += bool(titles)
                words = "".join(c for c in site.casefold() if c.isalnum())
                for title in titles:
                    assert words not in "".join(c for c in title.casefold() if c.isalnum())
            assert named > 0  # the other exhibits are still named


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_tap_on_a_language_starts_the_visit_in_it(language: str, rendition_cache: Path) -> None:
    with open_window(CONTENT, rendition_cache, size=(1080, 1920), start="attract") as kw:
        tap(kw, item(kw, f"attractLanguage_{language}"))
        assert kw.kiosk.nav.place.screen == "home"
        assert kw.kiosk.language.code == language


def test_a_tap_anywhere_else_starts_in_the_default_language(rendition_cache: Path) -> None:
    with open_window(CONTENT, rendition_cache, size=(1920, 1080), start="attract") as kw:
        tap(kw, item(kw, "attractPictureArea"))
        assert kw.kiosk.nav.place.screen == "home"
        assert kw.kiosk.language.code == CONTENT.site.default_language


def test_each_slide_in_turn_is_drawn_and_drawn_alike_the_second_time_round(
    rendition_cache: Path,
) -> None:
    """The slides' holders take turns: after a round each has held other slides, and
    each slide is still drawn as it was the first time (its own picture, in sight, its
    veiled fill behind it, nothing left of the slide before)."""
    size = (1920, 1080)  # every slide at every size: the test above
    with open_window(CONTENT, rendition_cache, size=size, start="attract") as kw:
        loop = item(kw, "attractLoop")
        loop.setProperty("still", True)  # the test turns the slides
        loop.setProperty("motion", 0.0)
        loop.setProperty("started", True)  # cross-fades, as the slide timer's turns do
        keys = [s["key"] for s in kw.kiosk.property("attractSlides")]
        area = scene_rect(item(kw, "attractPictureArea"))
        assert QRectF(0, 0, size[0], size[1]).contains(area) and not area.isEmpty()
        first: list[QImage] = []
        for turn in range(2 * len(keys) + 1):
            slide = turn % len(keys)
            loop.setProperty("slide", slide)
            settle(kw.window, kw.images)
            (shown,) = [p for p in items(kw, "attractPicture") if p.parentItem().opacity() == 1]
            assert shown.property("key") == keys[slide] and shown.property("ready"), turn
            drawn = grab(kw).copy(area.toRect())
            if turn < len(keys):
                assert distinct_colours(drawn) > 20, f"slide {slide} drew no picture"
                if turn and keys[slide] != keys[slide - 1]:
                    assert difference(drawn, first[-1])[1] > 8, f"slide {slide} drew the last"
                first.append(drawn)
            else:
                # the same to a level (Qt's blending varies by one between frames)
                most, _ = difference(drawn, first[slide])
                assert most <= 2, f"slide {slide} drawn otherwise at turn {turn}"

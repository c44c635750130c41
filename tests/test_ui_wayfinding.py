"""What a visitor sees around the content: where they are and how long a page takes,
the whole cover picture, a Back that is plainly off at home, About standing clear of
the title, and the bar at the screen's margins at every text size."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor

from kiosk.ui.render import settle
from tests.conftest import BUNDLED
from tests.contrasttools import contrast
from tests.layouttools import qml_value, scene_rect
from tests.test_ui_textsize import relaid
from tests.uitools import item, items, load, open_window, walk

pytestmark = pytest.mark.usefixtures("qapp")

CONTENT = load(BUNDLED)
LANGUAGES = CONTENT.site.language_codes


def rgb(colour: QColor) -> tuple[int, int, int]:
    return colour.red(), colour.green(), colour.blue()


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_an_exhibit_page_says_which_of_how_many_it_is_and_how_long_it_takes(
    size: tuple[int, int], rendition_cache: Path
) -> None:
    second = CONTENT.exhibits[1]
    with open_window(CONTENT, rendition_cache, size=size) as kw:
        kw.kiosk.nav.openExhibit(second.id)
        settle(kw.window, kw.images)
        for language in LANGUAGES:
            kw.kiosk.language.choose(language)
            relaid(kw)
            place = item(kw, "pagePlace")
            words = place.property("text")
            assert re.search(r"\b2\b.*\b5\b", words), words  # the second of five
            assert re.search(r"\b\d+\b", words.split("·")[1]), words  # minutes
            assert "{" not in words
            box, title = scene_rect(place), scene_rect(item(kw, "pageTitle"))
            bar_top = scene_rect(item(kw, "navBar")).top()
            assert box.top() >= 0 and box.bottom() <= title.top() <= bar_top, language
            assert place.property("contentWidth") <= place.width() + 1


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_cover_is_shown_whole_not_cut_to_a_strip(
    size: tuple[int, int], rendition_cache: Path
) -> None:
    with open_window(CONTENT, rendition_cache, size=size) as kw:
        for exhibit in CONTENT.exhibits:
            kw.kiosk.nav.openExhibit(exhibit.id)
            settle(kw.window, kw.images)
            hero = item(kw, "hero")
            (picture,) = [i for i in walk(hero) if i.objectName() == "picture"]
            painted_w, painted_h = (
                picture.property("paintedWidth"),
                picture.property("paintedHeight"),
            )
            assert painted_w <= hero.width() + 1 and painted_h <= hero.height() + 1, exhibit.id
            # and as large as the band allows: it touches two of its sides
            assert max(painted_w / hero.width(), painted_h / hero.height()) > 0.99, exhibit.id
            # the picture's own shape, as decoded (at the band's size: sourceSize gives
            # only its height)
            decoded_w, decoded_h = (
                picture.property("implicitWidth"),
                picture.property("implicitHeight"),
            )
            assert abs(painted_w / painted_h - decoded_w / decoded_h) < 0.02
            kw.kiosk.nav.home()


def test_back_at_home_is_plainly_off_and_readable(rendition_cache: Path) -> None:
    with open_window(CONTENT, rendition_cache) as kw:
        back, home = item(kw, "backButton"), item(kw, "homeButton")
        timeline = item(kw, "timelineButton")
        bar = item(kw, "navBar")
        assert not back.isEnabled()
        # not faded to near nothing: drawn whole, its words readable on the bar ...
        assert back.opacity() == 1
        (label,) = [i for i in walk(back) if i.objectName() == "buttonLabel"]
        surface = rgb(bar.property("color"))
        assert contrast(rgb(label.property("color")), surface) >= 4.5
        # ... and plainly not a button: no edge and no fill, unlike the others
        assert qml_value(back, "border.width") == 0
        assert back.property("color").alpha() == 0
        assert qml_value(timeline, "border.width") > 0
        assert contrast(rgb(label.property("color")), rgb(home.property("color"))) > 1  # sanity
        kw.kiosk.nav.openTimeline()
        settle(kw.window, kw.images)
        assert back.isEnabled() and qml_value(back, "border.width") > 0


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_bar_keeps_the_screens_margin_at_every_text_size(
    size: tuple[int, int], rendition_cache: Path
) -> None:
    with open_window(CONTENT, rendition_cache, size=size) as kw:
        margin = item(kw, "siteTitle").mapToScene(item(kw, "siteTitle").position()).x()
        for scale in (1.0, 1.25, 1.5):
            kw.kiosk.appearance.set_text_scale(scale)
            relaid(kw)
            buttons = [
                scene_rect(b)
                for b in walk(item(kw, "navBar"))
                if b.isVisible()
                and (b.objectName().endswith("Button") or b.objectName().startswith("language_"))
            ]
            left = min(r.left() for r in buttons)
            right = max(r.right() for r in buttons)
            assert abs(left - margin) <= 1, f"{scale:.0%}: {left:.0f}"
            assert abs(kw.window.width() - right - margin) <= 1, f"{scale:.0%}: {right:.0f}"


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_about_stands_clear_of_the_title_and_says_its_name(
    size: tuple[int, int], rendition_cache: Path
) -> None:
    with open_window(CONTENT, rendition_cache, size=size) as kw:
        for scale in (1.0, 1.5):
            kw.kiosk.appearance.set_text_scale(scale)
            for language in LANGUAGES:
                kw.kiosk.language.choose(language)
                relaid(kw)
                about = item(kw, "aboutButton")
                assert about.property("glyph") == ""  # no bare "i"
                room = scene_rect(about).adjusted(-16, -16, 16, 16)  # a clear space around it
                for name in ("siteTitle", "siteSubtitle"):
                    for text in items(kw, name):
                        words = scene_rect(text)
                        words.setWidth(min(words.width(), text.property("contentWidth")))
                        assert not room.intersects(words), f"{name} at {scale:.0%} in {language}"
                assert QRectF(0, 0, kw.window.width(), kw.window.height()).contains(
                    scene_rect(about)
                )

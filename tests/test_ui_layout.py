"""Every exhibit in every language at landscape and portrait 1080p: drawn, nothing cut.

The checks look at the Text items themselves (elided, wrapped past their width,
or sticking out of the window), not only at pixels.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QFontMetricsF
from PySide6.QtQuick import QQuickItem

from kiosk.ui.app import KioskWindow
from kiosk.ui.render import settle
from tests.conftest import BUNDLED
from tests.uitools import distinct_colours, grab, item, items, items_named, load, open_window, walk

pytestmark = pytest.mark.usefixtures("qapp")

TEXT_NAMES = (
    "siteTitle",
    "tileTitle",
    "tileSubtitle",
    "pageTitle",
    "pageSubtitle",
    "sectionHeading",
    "factsHeading",
    "galleryHeading",
    "buttonLabel",
    "timelineTitle",
    "timelineLabel",
    "timelineHeading",
    "galleryCaption",
    "galleryCredit",
    "paragraph",
)
SIZES = [(1920, 1080), (1080, 1920)]
CONTENT = load(BUNDLED)
LANGUAGES = CONTENT.site.language_codes


def cut_texts(kw: KioskWindow) -> list[str]:
    """Texts that are elided, wider than their box, or reaching outside the window."""
    problems = []
    window_width = kw.window.width()
    for name, texts in items_named(kw, TEXT_NAMES).items():
        for text in texts:
            label = f"{name} {text.property('text')!r}"
            if text.property("truncated"):
                problems.append(f"{label} is truncated")
            wide = text.property("contentWidth")
            if wide > text.width() + 1:
                problems.append(f"{label} overflows its width ({wide:.0f} > {text.width():.0f})")
            left = text.mapToScene(text.boundingRect().topLeft()).x()
            if left < -1 or left + text.width() > window_width + 1:
                problems.append(f"{label} reaches outside the window")
            clipper = clipped_by(text)
            if clipper is not None:
                problems.append(f"{label} is cut off at the edge of {clipper}")
    return problems


def clipped_by(text: QQuickItem) -> str | None:
    """The clipping box (a card, a bar) that cuts off part of ``text``'s lines, such
    as the descenders of a last line; None when every line is drawn whole.

    Scrolling views (Flickables) are left out: a tile half scrolled out of sight is
    not cut, the visitor scrolls to it."""
    lines_height = max(text.height(), text.property("contentHeight"))
    top = text.mapToScene(QPointF(0, 0)).y()
    bottom = top + lines_height
    parent = text.parentItem()
    while parent is not None:
        holder = parent.parentItem()
        scrolled = parent.inherits("QQuickFlickable") or (
            holder is not None and holder.inherits("QQuickFlickable")
        )
        if parent.clip() and not scrolled:
            box_top = parent.mapToScene(QPointF(0, 0)).y()
            if top < box_top - 1 or bottom > box_top + parent.height() + 1:
                name = parent.objectName() or type(parent).__name__
                return f"{name} ({bottom - box_top - parent.height():.0f} px below)"
        parent = parent.parentItem()
    return None


def test_the_clipping_check_catches_a_last_line_cut_at_a_card_edge(
    rendition_cache: Path,
) -> None:
    """The check itself: subtitle lines taller than the room the tile keeps for them,
    so the last line's descenders fall past the card's edge (as on the old tiles)."""
    with open_window(CONTENT, rendition_cache, size=(1920, 1080)) as kw:
        assert cut_texts(kw) == []
        subtitle = items(kw, "tileSubtitle")[0]
        subtitle.setProperty("lineHeight", 1.6)
        settle(kw.window, kw.images)
        assert any("is cut off at the edge of tile_" in p for p in cut_texts(kw))


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_in_landscape_shows_every_exhibit_at_once_with_titles_of_one_size(
    language: str, rendition_cache: Path
) -> None:
    with open_window(CONTENT, rendition_cache, size=(1920, 1080)) as kw:
        kw.kiosk.language.choose(language)
        settle(kw.window, kw.images)
        grid = item(kw, "tiles")
        grid_top = grid.mapToScene(QPointF(0, 0)).y()
        bar_top = item(kw, "navBar").mapToScene(QPointF(0, 0)).y()
        tiles = [item(kw, "tile_" + e.id) for e in CONTENT.exhibits]
        assert len(tiles) == len(CONTENT.exhibits) == 5
        for tile in tiles:
            top = tile.mapToScene(QPointF(0, 0)).y()
            assert grid_top - 1 <= top and top + tile.height() <= bar_top + 1, tile.objectName()
        assert len({t.property("font").pixelSize() for t in items(kw, "tileTitle")}) == 1
        assert cut_texts(kw) == []


def small_targets(kw: KioskWindow) -> list[str]:
    found = []
    for candidate in walk(kw.window.contentItem()):
        name = candidate.objectName()
        target = name.endswith("Button") or name.startswith("language_")
        small = candidate.height() < 48 or candidate.width() < 48
        if target and candidate.isVisible() and small:
            found.append(f"{name} is {candidate.width():.0f}x{candidate.height():.0f}")
    return found


@pytest.mark.slow
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_exhibit_renders_uncut(
    language: str, size: tuple[int, int], rendition_cache: Path
) -> None:
    with open_window(CONTENT, rendition_cache, size=size) as kw:
        kw.kiosk.language.choose(language)
        settle(kw.window, kw.images)
        assert cut_texts(kw) == [] and small_targets(kw) == []
        assert distinct_colours(grab(kw)) > 20
        for exhibit in CONTENT.exhibits:
            kw.kiosk.nav.openExhibit(exhibit.id)
            settle(kw.window, kw.images)
            image = grab(kw)
            assert distinct_colours(image) > 20, f"{exhibit.id} looks blank"
            assert cut_texts(kw) == [], exhibit.id
            assert small_targets(kw) == [], exhibit.id
            kw.kiosk.nav.openGallery(len(exhibit.gallery) - 1)
            settle(kw.window, kw.images)
            assert cut_texts(kw) == [], f"{exhibit.id} gallery"
            kw.kiosk.nav.home()
        kw.kiosk.nav.openTimeline()
        settle(kw.window, kw.images)
        assert cut_texts(kw) == []


def test_laptop_window_fits(rendition_cache: Path) -> None:
    """The presentation laptop's default window: home (narrow tiles whose titles need
    more lines than on a kiosk screen) and a page, in every language."""
    with open_window(CONTENT, rendition_cache, size=(1280, 800)) as kw:
        for language in LANGUAGES:
            kw.kiosk.language.choose(language)
            settle(kw.window, kw.images)
            assert cut_texts(kw) == [] and small_targets(kw) == [], f"home in {language}"
            kw.kiosk.nav.openExhibit(CONTENT.exhibits[-1].id)
            settle(kw.window, kw.images)
            assert cut_texts(kw) == [] and small_targets(kw) == []
            kw.kiosk.nav.home()


def test_markup_in_content_shows_literally(tmp_path: Path, rendition_cache: Path) -> None:
    from tests.factories import make_site, tmap, valid_exhibit

    hostile = '<b>bold</b> <img src="file:///etc/passwd"> <a href="http://example.com">link</a>'
    root = make_site(
        tmp_path / "site", {"alpha": valid_exhibit(title=tmap(hostile), summary=tmap(hostile))}
    )
    content = load(root)
    with open_window(content, rendition_cache) as kw:
        kw.kiosk.nav.openExhibit("alpha")
        settle(kw.window, kw.images)
        title = items(kw, "pageTitle")[0]
        assert title.property("text") == f"{hostile} [uz]"
        # Drawn as typed: the unwrapped width is that of the whole literal string, tags
        # included (rich text would drop the tags and draw a far narrower line).
        literal = QFontMetricsF(title.property("font")).horizontalAdvance(f"{hostile} [uz]")
        assert abs(title.property("implicitWidth") - literal) < 0.05 * literal
        paragraph = items(kw, "paragraph")[0]
        assert paragraph.property("text") == f"{hostile} [uz]"
        assert paragraph.property("hoveredLink") == ""


def test_every_text_item_in_qml_is_plain_text() -> None:
    qml = Path(__file__).resolve().parent.parent / "kiosk" / "ui" / "qml"
    for source in qml.glob("*.qml"):
        text = source.read_text(encoding="utf-8")
        assert "RichText" not in text and "StyledText" not in text and "MarkdownText" not in text
        assert "openUrlExternally" not in text and "onLinkActivated" not in text
        # a bare Text says PlainText itself; ScreenText (and what is built on it) says
        # it once, and nothing may set another format (no RichText etc., above)
        for block in re.split(r"(?<![\w.])Text \{", text)[1:]:
            head = block.split("\n}")[0]
            assert "textFormat: Text.PlainText" in head, f"{source.name}: a Text without PlainText"
        formats = re.findall(r"textFormat:\s*([\w.]+)", text)
        assert all(f == "Text.PlainText" for f in formats), f"{source.name}: {formats}"
    screen_text = (qml / "ScreenText.qml").read_text(encoding="utf-8")
    assert "textFormat: Text.PlainText" in screen_text


def test_noto_sans_from_the_font_package_draws_every_letter() -> None:
    from PySide6.QtGui import QFontMetrics, QGuiApplication

    font = QGuiApplication.font()
    assert font.family() == "Noto Sans"
    metrics = QFontMetrics(font)
    for letter in "əğışçöüʻЖщ":
        assert metrics.inFontUcs4(ord(letter)), letter


def test_a_tile_title_too_long_for_its_room_ends_in_an_ellipsis_at_the_same_size(
    tmp_path: Path, rendition_cache: Path
) -> None:
    from tests.factories import make_site, tmap, valid_exhibit

    long_title = "Oʻzbekiston va Ozarbayjon xalqlari doʻstligi " * 4
    root = make_site(
        tmp_path / "site",
        {
            "alpha": valid_exhibit(title=tmap(long_title)),
            "beta": valid_exhibit(id="beta", order="20", title=tmap("Short")),
        },
    )
    with open_window(load(root), rendition_cache, size=(1080, 1920)) as kw:
        long_tile, short_tile = items(kw, "tileTitle")
        subtitle = items(kw, "tileSubtitle")[0]
        assert long_tile.property("text").startswith("Oʻzbekiston")
        assert long_tile.property("truncated") is True  # "…", not text over the subtitle
        assert long_tile.property("contentHeight") <= long_tile.height() + 1
        title_bottom = long_tile.mapToScene(long_tile.boundingRect().bottomLeft()).y()
        assert subtitle.mapToScene(subtitle.boundingRect().topLeft()).y() >= title_bottom
        assert short_tile.property("truncated") is False
        # no shrinking to fit: both titles at one size, so the grid reads evenly
        sizes = {t.property("font").pixelSize() for t in (long_tile, short_tile)}
        assert len(sizes) == 1

"""No word is broken in the middle: every text of every screen, at every text size, in
every language and on the three screens, wraps at spaces and hyphens only ("Azerbaija/n"
at 150 % on a key fact was the defect), and no line begins with a comma."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtQuick import QQuickItem

from kiosk.ui.appearance import TEXT_SCALES
from kiosk.ui.render import settle
from tests.conftest import BUNDLED
from tests.layouttools import broken_words, line_starts, texts_in
from tests.test_ui_textsize import SCREENS, go_to, relaid
from tests.uitools import item, items, load, open_window

pytestmark = pytest.mark.usefixtures("qapp")

CONTENT = load(BUNDLED)
LANGUAGES = CONTENT.site.language_codes
SIZES = [(1920, 1080), (1080, 1920), (1280, 800)]


def test_the_check_finds_a_word_broken_at_the_edge_of_its_box(rendition_cache: Path) -> None:
    with open_window(CONTENT, rendition_cache, size=(1920, 1080)) as kw:
        kw.kiosk.nav.openExhibit("fuzuli-school")
        settle(kw.window, kw.images)
        title = item(kw, "pageTitle")
        assert broken_words(title) == []
        title.setProperty("width", 120)  # narrower than "Ulugbek" at a title's size
        settle(kw.window, kw.images)
        assert any("/" in problem for problem in broken_words(title))
        # and the relaid lines are the ones Qt drew: as many as the item counts
        assert len(line_starts(title)) + 1 == title.property("lineCount")


def fact_cards(kw: object) -> list[QQuickItem]:
    return items(kw, "factCard")  # type: ignore[arg-type]


@pytest.mark.parametrize("language", LANGUAGES)
def test_key_facts_at_150_percent_keep_every_word_whole_with_rows_of_even_cards(
    language: str, rendition_cache: Path
) -> None:
    with open_window(CONTENT, rendition_cache, size=(1920, 1080)) as kw:
        kw.kiosk.language.choose(language)
        kw.kiosk.appearance.set_text_scale(1.5)
        kw.kiosk.nav.openExhibit("fuzuli-school")
        settle(kw.window, kw.images)
        cards = fact_cards(kw)
        assert len(cards) == len(CONTENT.exhibit("fuzuli-school").facts) > 1  # type: ignore[union-attr]
        assert broken_words(kw.window.contentItem()) == []
        # cards side by side are equally tall: no gap under a short one
        rows: dict[int, list[float]] = {}
        for card in cards:
            top = round(card.mapToScene(QPointF(0, 0)).y())
            rows.setdefault(top, []).append(card.height())
        for heights in rows.values():
            assert max(heights) - min(heights) < 1, heights
        for card in cards:
            for text in texts_in(card):
                assert text.property("contentWidth") <= text.width() + 1


@pytest.mark.slow
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_no_screen_breaks_a_word_at_any_size_in_any_language(
    size: tuple[int, int], rendition_cache: Path
) -> None:
    with open_window(CONTENT, rendition_cache, size=size) as kw:
        checked = 0
        for screen in SCREENS:
            go_to(kw, screen)
            for scale in TEXT_SCALES:
                kw.kiosk.appearance.set_text_scale(scale)
                for language in LANGUAGES:
                    kw.kiosk.language.choose(language)
                    relaid(kw)
                    where = f"{screen} at {scale:.0%} in {language}"
                    assert broken_words(kw.window.contentItem()) == [], where
                    checked += 1
            kw.kiosk.appearance.set_text_scale(1.0)
        assert checked == len(SCREENS) * len(TEXT_SCALES) * len(LANGUAGES)

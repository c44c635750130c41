"""Home's tiles follow the language when home shows, not at every language tap on
another screen: home is kept out of the window meanwhile, and a visitor may try three
languages on a page before going Back. Back shows the tiles in the last one, in its
first frame, as a home opened fresh in that language shows them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject

from kiosk.ui import present
from kiosk.ui.app import KioskWindow
from kiosk.ui.render import settle
from tests.conftest import BUNDLED
from tests.uitools import grab, items, load, open_window, visible

pytestmark = pytest.mark.usefixtures("qapp")

CONTENT = load(BUNDLED)
LANDSCAPE, PORTRAIT = (1920, 1080), (1080, 1920)


def tile_titles(kw: KioskWindow) -> list[str]:
    """The titles of the tiles a visitor sees: in the window, drawn, not empty."""
    found = [i for i in items(kw, "tileTitle") if visible(i) and i.width() > 0]
    return sorted(str(i.property("text")) for i in found)


def expected_titles(language: str) -> list[str]:
    return sorted(present.tile(e, language)["title"] for e in CONTENT.exhibits)


def watch(model: QObject) -> list[str]:
    seen: list[str] = []
    model.dataChanged.connect(lambda *_: seen.append("changed"))  # type: ignore[attr-defined]
    model.modelReset.connect(lambda: seen.append("reset"))  # type: ignore[attr-defined]
    return seen


@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
def test_language_taps_on_a_page_leave_home_s_tiles_until_back(
    rendition_cache: Path, size: tuple[int, int]
) -> None:
    codes = list(CONTENT.site.language_codes)
    first, *others = codes
    last = others[-1]
    with open_window(CONTENT, rendition_cache, size=size) as kw:
        kiosk = kw.kiosk
        assert tile_titles(kw) == expected_titles(first)
        seen = watch(kiosk.property("exhibits"))
        kiosk.nav.openExhibit(CONTENT.exhibits[2].id)
        settle(kw.window, kw.images)
        for code in others:  # a visitor trying every other language on the page
            kiosk.language.choose(code)
            settle(kw.window, kw.images)
        assert seen == []  # home, out of the window, heard of none of them

        kiosk.nav.back()
        # as the move is made, before any frame: the words the first frame draws
        assert tile_titles(kw) == expected_titles(last)
        settle(kw.window, kw.images)
        assert tile_titles(kw) == expected_titles(last)
        assert seen == ["changed"]  # once, for the language the visitor ended on
        back_home = grab(kw)

    # the same visit in that language from the start: the same pixels (the focus back
    # on the tile of the exhibit left, as it is after any Back)
    with open_window(CONTENT, rendition_cache, size=size) as fresh:
        fresh.kiosk.language.choose(last)
        fresh.kiosk.nav.openExhibit(CONTENT.exhibits[2].id)
        settle(fresh.window, fresh.images)
        fresh.kiosk.nav.back()
        settle(fresh.window, fresh.images)
        assert grab(fresh) == back_home


def test_a_language_tap_at_home_changes_the_tiles_at_once(rendition_cache: Path) -> None:
    codes = list(CONTENT.site.language_codes)
    with open_window(CONTENT, rendition_cache) as kw:
        seen = watch(kw.kiosk.property("exhibits"))
        kw.kiosk.language.choose(codes[1])
        assert seen == ["changed"]  # before the next frame, not at a later move
        settle(kw.window, kw.images)
        assert tile_titles(kw) == expected_titles(codes[1])

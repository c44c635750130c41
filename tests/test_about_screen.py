"""The "About this exhibition" screen: reached from home, every credit readable in
every language and orientation, Back returns to where the visitor came from."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.runtime.navigation import ABOUT, ATTRACT, EXHIBIT, HOME, Navigator
from kiosk.ui import present
from kiosk.ui.render import settle
from tests.conftest import BUNDLED
from tests.layouttools import lowest_text, scene_rect, scroll_to_end, text_problems, texts_in
from tests.uitools import item, load, open_window, tap, visible

CONTENT = load(BUNDLED)
LANGUAGES = CONTENT.site.language_codes
SIZES = [(1920, 1080), (1080, 1920)]


def test_about_is_one_level_above_where_the_visitor_was() -> None:
    nav = Navigator(["alpha", "beta"], {"alpha": 1, "beta": 0}, start=ATTRACT)
    nav.open_about()
    assert nav.place.screen == ABOUT
    nav.back()
    assert nav.place.screen == HOME  # a touch on attract goes home first
    nav.open_exhibit("beta")
    nav.open_about()
    nav.open_about()  # a second tap does not stack a second About
    nav.back()
    assert (nav.place.screen, nav.place.exhibit_id) == (EXHIBIT, "beta")


def test_about_content_is_in_one_language_and_split_into_blocks() -> None:
    about = present.about(CONTENT, "ru")
    assert about["title"] == CONTENT.site.title.get("ru")
    assert [c["label"] for c in about["credits"]] == [
        *(c.label.get("ru") for c in CONTENT.site.credits),
        "Карта",  # the map's sources, since the content has places
    ]
    assert all(c["blocks"] and c["blocks"][0]["kind"] == "paragraph" for c in about["credits"])
    assert [e["exhibitId"] for e in about["exhibits"]] == [e.id for e in CONTENT.exhibits]
    shown = [shown for e in about["exhibits"] for g in e["images"] for shown in g["images"]]
    assert len(shown) == sum(len(list(e.images())) for e in CONTENT.exhibits)


@pytest.mark.slow
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_about_screen_shows_every_credit_uncut_in_every_language(
    size: tuple[int, int], rendition_cache: Path
) -> None:
    with open_window(CONTENT, rendition_cache, size=size) as kw:
        for language in LANGUAGES:
            kw.kiosk.language.choose(language)
            kw.kiosk.nav.home()
            settle(kw.window, kw.images)
            button = item(kw, "aboutButton")
            assert scene_rect(button).bottom() <= kw.window.height()
            assert button.property("text") == CONTENT.site.strings["about"].get(language)
            tap(kw, button)
            assert kw.kiosk.nav.place.screen == ABOUT
            flick = item(kw, "aboutFlick")
            title = item(kw, "aboutTitle")
            assert title.property("text") == CONTENT.site.strings["about"].get(language)
            assert scene_rect(flick).contains(scene_rect(title))

            shown = " ".join(t.property("text") for t in texts_in(flick))
            for exhibit in CONTENT.exhibits:
                assert exhibit.title.get(language) in shown
                for image in exhibit.images():
                    assert image.credit.get(language) in shown
            assert text_problems(flick) == [], language

            cue = item(kw, "scrollCue")  # more below, and the page says so
            assert scene_rect(flick).contains(scene_rect(cue))
            scroll_to_end(kw, flick)
            assert not visible(cue)
            assert scene_rect(flick).contains(lowest_text(flick))  # the end can be read

            tap(kw, item(kw, "backButton"))
            assert kw.kiosk.nav.place.screen == HOME

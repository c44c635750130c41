"""The idle reset between visitors: the attract loop is made once, already in the
site's default language and normal text, not in the last visitor's and then again."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.model import ContentSet
from kiosk.ui.render import settle
from tests.conftest import BUNDLED
from tests.uitools import item, load, open_window, tap

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture(scope="module")
def content() -> ContentSet:
    return load(BUNDLED)


def test_the_loop_is_made_once_in_the_default_language(
    content: ContentSet, rendition_cache: Path
) -> None:
    default = content.site.default_language
    visitor = next(code for code in content.site.language_codes if code != default)
    with open_window(content, rendition_cache) as kw:
        tap(kw, item(kw, f"language_{visitor}"))
        tap(kw, item(kw, "textSizeButton"))
        assert kw.kiosk.language.current == visitor
        assert float(kw.kiosk.appearance.property("textScale")) > 1
        made: list[tuple[str, float]] = []  # the loop's title and text size as it was made

        def loaded() -> None:
            title = item(kw, "attractTitle")
            made.append((title.property("text"), float(kw.kiosk.appearance.property("textScale"))))

        item(kw, "attractLoader").loaded.connect(loaded)  # type: ignore[attr-defined]
        kw.kiosk.reset_to_attract()
        settle(kw.window, kw.images)

        assert kw.kiosk.nav.place.screen == "attract"
        assert made == [(content.site.title.get(default), 1.0)]
        assert item(kw, "attractTitle").property("text") == content.site.title.get(default)

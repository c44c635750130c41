"""QML reads each word of the interface as a property of its own (``kiosk.strings.back``),
not as one entry of a dict that is turned into a JavaScript object, every word of it,
at each read; the words follow the visitor's language on screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.site_schema import DEFAULTED_STRINGS, STRING_KEYS
from kiosk.ui import present
from kiosk.ui.bridge import Kiosk
from kiosk.ui.render import settle
from tests.conftest import BUNDLED
from tests.uitools import item, load, open_window


def test_strings_is_an_object_with_a_property_for_every_word() -> None:
    meta = Kiosk.staticMetaObject  # type: ignore[attr-defined]
    assert meta.property(meta.indexOfProperty("strings")).typeName() == "QObject*"
    from kiosk.ui.words import Words

    words = Words.staticMetaObject  # type: ignore[attr-defined]
    names = {words.property(i).name() for i in range(words.propertyOffset(), words.propertyCount())}
    assert names == {*STRING_KEYS, *DEFAULTED_STRINGS}


@pytest.mark.usefixtures("qapp")
def test_the_words_on_screen_follow_the_language(rendition_cache: Path) -> None:
    content = load(BUNDLED)
    with open_window(content, rendition_cache) as kw:
        for code in (*content.site.language_codes[1:], content.site.language_codes[0]):
            kw.kiosk.language.choose(code)
            settle(kw.window, kw.images)
            words = present.strings(content, code)
            strings = kw.kiosk.strings
            assert {key: strings.property(key) for key in words} == words, code
            assert item(kw, "homeButton").property("text") == words["home"], code
            assert item(kw, "staffCorner").property("spokenName") == words["staff_corner"]

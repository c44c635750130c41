"""The words a screen reader says for the buttons that show only a sign (no Qt here)."""

from __future__ import annotations

from pathlib import Path

from factories import make_site, valid_site

from kiosk.content.loader import load_content
from kiosk.content.model import ContentSet
from kiosk.content.site_schema import DEFAULTED_STRINGS
from kiosk.ui.present import strings, strings_in_every_language


def site(tmp_path: Path, languages: list[str], default: str) -> ContentSet:
    names = [{"code": code, "name": code.upper()} for code in languages]
    root = make_site(tmp_path, site=valid_site(languages=names, default_language=default))
    result = load_content(root)
    assert result.content is not None, [str(e) for e in result.errors]
    return result.content


def test_each_kiosk_language_has_its_own_words(tmp_path: Path) -> None:
    content = site(tmp_path, ["uz", "az", "ru", "en"], "uz")
    for key in ("previous_image", "next_image", "scroll_down"):
        words = DEFAULTED_STRINGS[key]
        said = [strings(content, code)[key] for code in ("uz", "az", "ru", "en")]
        assert said == [words[code] for code in ("uz", "az", "ru", "en")]
        assert len(set(said)) == 4, key  # no language left in another's words
        assert strings_in_every_language(content)[key] == said


def test_a_language_the_kiosk_has_no_words_for_says_the_default_language(tmp_path: Path) -> None:
    content = site(tmp_path, ["uz", "az", "ru", "en"], "ru")
    assert strings(content, "de")["next_image"] == DEFAULTED_STRINGS["next_image"]["ru"]

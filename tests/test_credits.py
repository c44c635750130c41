"""Sources and credits: the ``credits`` field of kiosk.yaml and exhibits, and the
per-language view an "About this exhibition" screen reads."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path
from typing import Any

from factories import image_item, line_of, make_site, tmap, valid_exhibit, valid_site

from kiosk.content.credits import AboutPage, CreditLine, ImageCredits, about_page
from kiosk.content.loader import load_content
from kiosk.content.model import ContentSet


def credit(label: str, text: str) -> dict[str, Any]:
    return {"label": tmap(label), "text": tmap(text)}


def site_credits() -> list[dict[str, Any]]:
    return [credit("Source", "A report"), credit("Images", "Generated illustrations")]


def loaded(tmp_path: Path, warnings: int = 0, **exhibit: Any) -> ContentSet:
    root = make_site(
        tmp_path, {"alpha": valid_exhibit(**exhibit)}, site=valid_site(credits=site_credits())
    )
    result = load_content(root)
    assert [str(p) for p in result.errors] == []
    assert len(result.warnings) == warnings, [str(p) for p in result.warnings]
    assert result.content is not None
    return result.content


def problems(root: Path, name: str) -> list[tuple[int, int, str, str]]:
    result = load_content(root)
    found = (*result.errors, *result.warnings)
    return [(p.line, p.column, p.severity, p.message) for p in found if p.path.name == name]


def test_site_and_exhibit_credits_are_read(tmp_path: Path) -> None:
    content = loaded(tmp_path, credits=[credit("Source", "The same report")])
    assert [(c.label.get("en"), c.text.get("ru")) for c in content.site.credits] == [
        ("Source [en]", "A report [ru]"),
        ("Images [en]", "Generated illustrations [ru]"),
    ]
    (alpha,) = content.exhibits
    assert [c.text.get("az") for c in alpha.credits] == ["The same report [az]"]


def test_credits_are_optional(tmp_path: Path) -> None:
    result = load_content(make_site(tmp_path))
    assert result.content is not None
    assert result.content.site.credits == ()
    assert result.content.exhibits[0].credits == ()


def test_credit_errors_name_the_line(tmp_path: Path) -> None:
    bad = [
        {"label": tmap("Source")},
        {"label": tmap("Source"), "text": tmap("x"), "url": "https://example.org"},
        {"label": {"de": "Quelle", "uz": "Manba"}, "text": ""},
    ]
    root = make_site(tmp_path, {"alpha": valid_exhibit(credits=bad)})
    text = (root / "alpha" / "exhibit.yaml").read_text(encoding="utf-8")
    first = line_of(text, "credits:") + 1
    assert problems(root, "exhibit.yaml") == [
        (first, 3, "error", "missing required field 'text' in 'credits[1]'"),
        (
            line_of(text, "url:"),
            3,
            "error",
            "unknown key 'url' in 'credits[2]'; expected: label, text",
        ),
        (
            line_of(text, "de: Quelle"),
            5,
            "error",
            "language 'de' in 'credits[3].label' is not declared in kiosk.yaml; "
            "declared: uz, az, ru, en",
        ),
        (
            line_of(text, "text: ''"),
            9,
            "error",
            "expected a mapping of language codes to text for 'credits[3].text' "
            "(like 'en: ...'), found text",
        ),
        (
            line_of(text, "de: Quelle"),
            5,
            "warning",
            "missing translation for 'credits[3].label': az, ru, en",
        ),
    ]


def test_site_credits_must_be_a_list(tmp_path: Path) -> None:
    root = make_site(tmp_path, site=valid_site(credits="The Caspian Post"))
    text = (root / "kiosk.yaml").read_text(encoding="utf-8")
    assert problems(root, "kiosk.yaml") == [
        (
            line_of(text, "credits:"),
            10,
            "error",
            "expected a list (lines starting with '- ') for 'credits', found text",
        )
    ]


def test_retired_ui_strings_are_a_warning_not_an_error(tmp_path: Path) -> None:
    """A kiosk.yaml written when `close` and `choose_language` were required still loads."""
    site = valid_site()
    site["strings"]["close"] = tmap("Close")
    site["strings"]["choose_language"] = tmap("Language")
    root = make_site(tmp_path, site=site)
    text = (root / "kiosk.yaml").read_text(encoding="utf-8")
    assert load_content(root).content is not None
    assert problems(root, "kiosk.yaml") == [
        (
            line_of(text, "close:"),
            3,
            "warning",
            "no screen shows 'strings.close' any more; delete it",
        ),
        (
            line_of(text, "choose_language:"),
            3,
            "warning",
            "no screen shows 'strings.choose_language' any more; delete it",
        ),
    ]


def test_about_page_in_one_language_with_image_credits_grouped(tmp_path: Path) -> None:
    photo = image_item("images/photo.png")
    photo["credit"] = tmap("A. Photographer")
    plain = image_item("images/cover.jpg", caption=False)
    content = loaded(
        tmp_path,
        cover=plain,
        sections=[{"heading": tmap("H"), "body": tmap("B."), "image": photo}],
        gallery=[copy.deepcopy(photo)],
        credits=[credit("Source", "The report")],
    )
    page = about_page(content, "ru")
    assert page == AboutPage(
        title="Friendship Museum [ru]",
        credits=(
            CreditLine("Source [ru]", "A report [ru]"),
            CreditLine("Images [ru]", "Generated illustrations [ru]"),
        ),
        exhibits=(page.exhibits[0],),
    )
    (alpha,) = page.exhibits
    assert (alpha.id, alpha.title) == ("alpha", "Alpha [ru]")
    assert alpha.credits == (CreditLine("Source [ru]", "The report [ru]"),)
    # the cover has no caption: its alt text names it; the photo is listed once
    assert alpha.images == (
        ImageCredits("Museum [ru]", ("A photo [ru]",)),
        ImageCredits("A. Photographer [ru]", ("Caption [ru]",)),
    )


def test_about_page_falls_back_to_the_default_language(tmp_path: Path) -> None:
    text = {"uz": "Manba", "en": "Source"}
    content = loaded(tmp_path, warnings=1, credits=[{"label": tmap("Source"), "text": text}])
    assert [c.text.get("az") for c in content.exhibits[0].credits] == ["Manba"]
    assert about_page(content, "az").exhibits[0].credits[0].text == "Manba"


def test_credits_survive_the_parsed_content_cache(tmp_path: Path) -> None:
    content = loaded(tmp_path, credits=[credit("Source", "The report")])
    again = pickle.loads(pickle.dumps(content))
    assert again.site.credits == content.site.credits
    assert again.exhibits[0].credits == content.exhibits[0].credits


def test_about_string_left_out_gets_the_kiosks_own_wording_per_language(tmp_path: Path) -> None:
    """A kiosk.yaml written before the About screen still loads, with no warning, and
    the home button is labelled in each language (English for any other)."""
    languages = ("uz", "ru", "fr")
    site = _in_languages(valid_site(), languages)
    site["languages"] = [{"code": code, "name": code} for code in languages]
    assert "about" not in site["strings"]
    root = make_site(tmp_path, {"alpha": _in_languages(valid_exhibit(), languages)}, site=site)
    result = load_content(root)
    assert [str(p) for p in (*result.errors, *result.warnings)] == []
    assert result.content is not None
    about = result.content.site.strings["about"]
    assert [about.get(code) for code in languages] == [
        "Koʻrgazma haqida",
        "О выставке",
        "About this exhibition",
    ]


def test_about_string_written_in_kiosk_yaml_wins(tmp_path: Path) -> None:
    site = valid_site()
    site["strings"]["about"] = tmap("Credits")
    result = load_content(make_site(tmp_path, site=site))
    assert result.content is not None
    assert result.content.site.strings["about"].get("en") == "Credits [en]"


def _in_languages(data: Any, languages: tuple[str, ...]) -> Any:
    """The same exhibit with every text map written in ``languages`` only."""
    if isinstance(data, dict):
        if set(data) == {"uz", "az", "ru", "en"}:
            text = data["uz"].rsplit(" [", 1)[0]
            return tmap(text, languages)
        return {key: _in_languages(value, languages) for key, value in data.items()}
    if isinstance(data, list):
        return [_in_languages(value, languages) for value in data]
    return data

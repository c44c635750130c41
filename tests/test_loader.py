"""Schema rules: one valid site, then one thing wrong at a time, with message and position."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from factories import (
    MISSING,
    exhibit_text,
    image_item,
    line_of,
    make_site,
    tmap,
    to_yaml,
    valid_exhibit,
    valid_site,
)

from kiosk.content.loader import load_content
from kiosk.content.model import LoadResult, Problem


def errors_of(result: LoadResult) -> list[tuple[str, int, int, str]]:
    assert result.content is None
    return [(p.path.name, p.line, p.column, p.message) for p in result.errors]


def only_error(result: LoadResult) -> Problem:
    assert result.content is None
    assert len(result.errors) == 1, [str(p) for p in result.errors]
    return result.errors[0]


def load_exhibit(tmp_path: Path, **overrides: Any) -> tuple[LoadResult, str]:
    root = make_site(tmp_path / "site", {"alpha": valid_exhibit(**overrides)})
    return load_content(root), exhibit_text(root)


def test_valid_site_loads_completely(tmp_path: Path) -> None:
    root = make_site(tmp_path, {"b": valid_exhibit(id="b", order="20"), "a": valid_exhibit()})
    result = load_content(root)
    assert result.errors == ()
    assert result.warnings == ()
    content = result.content
    assert content is not None
    assert [e.id for e in content.exhibits] == ["alpha", "b"]
    assert content.site.language_codes == ("uz", "az", "ru", "en")
    assert content.site.idle.countdown_s == 15.0
    alpha = content.exhibits[0]
    assert alpha.order == 10
    assert alpha.title.get("ru") == "Alpha [ru]"
    assert (alpha.cover.width, alpha.cover.height) == (32, 24)
    assert len(alpha.cover.sha256) == 64
    assert alpha.cover.path == (root / "a" / "images" / "cover.jpg").resolve()
    assert [t.date for _, t in content.timeline()] == ["1995-10-02", "1995-10-02"]
    assert len(content.version) == 64
    assert (result.exhibit_count, result.language_codes) == (2, ("uz", "az", "ru", "en"))


def test_version_changes_with_any_image_byte(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    first = load_content(root).content
    (root / "alpha" / "images" / "photo.png").write_bytes(
        (root / "alpha" / "images" / "photo.png").read_bytes() + b"\0"
    )
    second = load_content(root).content
    assert first is not None and second is not None
    assert first.version != second.version
    assert first.version == load_content(make_site(tmp_path / "again")).content.version  # type: ignore[union-attr]


def test_unknown_key_suggests_the_closest(tmp_path: Path) -> None:
    data = valid_exhibit()
    data["titel"] = data.pop("title")
    root = make_site(tmp_path, {"alpha": data})
    text = exhibit_text(root)
    assert errors_of(load_content(root)) == [
        ("exhibit.yaml", line_of(text, "titel:"), 1, "unknown key 'titel'; did you mean 'title'?"),
        ("exhibit.yaml", 1, 1, "missing required field 'title'"),
    ]


def test_unknown_nested_key_without_a_close_match_lists_the_choices(tmp_path: Path) -> None:
    cover = image_item("images/cover.jpg", caption=False)
    cover["photographer"] = "me"
    result, text = load_exhibit(tmp_path, cover=cover)
    problem = only_error(result)
    assert (problem.line, problem.column) == (line_of(text, "photographer:"), 3)
    assert problem.message == (
        "unknown key 'photographer' in 'cover'; expected: file, alt, credit, caption"
    )


def test_missing_required_field_points_at_the_mapping(tmp_path: Path) -> None:
    cover = image_item("images/cover.jpg", caption=False)
    del cover["credit"]
    result, text = load_exhibit(tmp_path, cover=cover)
    problem = only_error(result)
    assert (problem.line, problem.column) == (line_of(text, "file: images/cover.jpg"), 3)
    assert problem.message == "missing required field 'credit' in 'cover'"


def test_gallery_items_need_a_caption(tmp_path: Path) -> None:
    result, text = load_exhibit(tmp_path, gallery=[image_item(caption=False)])
    problem = only_error(result)
    assert problem.line == line_of(text, "- file: images/photo.png")
    assert problem.message == "missing required field 'caption' in 'gallery[1]'"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "cover",
            "images/cover.jpg",
            "expected a mapping (key: value lines) for 'cover', found text",
        ),
        (
            "sections",
            {"heading": "x"},
            "expected a list (lines starting with '- ') for 'sections', found a mapping",
        ),
        ("id", ["alpha"], "expected text for 'id', found a list"),
        (
            "title",
            "Alpha",
            "expected a mapping of language codes to text for 'title' (like 'en: ...'), found text",
        ),
    ],
)
def test_wrong_types(tmp_path: Path, field: str, value: Any, message: str) -> None:
    result, text = load_exhibit(tmp_path, **{field: value})
    problem = only_error(result)
    assert problem.message == message
    assert problem.line in (line_of(text, f"{field}:"), line_of(text, f"{field}:") + 1)


def test_top_level_must_be_a_mapping(tmp_path: Path) -> None:
    root = make_site(tmp_path, {"alpha": "- just\n- a list\n"})
    assert errors_of(load_content(root)) == [
        (
            "exhibit.yaml",
            1,
            1,
            "expected a mapping (key: value lines) at the top of the file, found a list",
        ),
    ]


def test_empty_value_where_required(tmp_path: Path) -> None:
    text = to_yaml(valid_exhibit()).replace("id: alpha", "id:")
    root = make_site(tmp_path, {"alpha": text})
    assert errors_of(load_content(root)) == [("exhibit.yaml", 1, 1, "empty value for 'id'")]


@pytest.mark.parametrize("date", ["1995-13-02", "1995-02-30", "95-10-02", "2 October 1995"])
def test_bad_dates(tmp_path: Path, date: str) -> None:
    entry = {"date": date, "label": tmap("L"), "title": tmap("T"), "text": tmap("X")}
    result, text = load_exhibit(tmp_path, timeline=[entry])
    problem = only_error(result)
    assert problem.line == line_of(text, "date:")
    assert problem.message == (
        f"date '{date}' is not a valid date; write YYYY, YYYY-MM or YYYY-MM-DD, like \"1995-10-02\""
    )


@pytest.mark.parametrize("date", ["1995", "1995-10", "2024-02-29"])
def test_good_partial_dates(tmp_path: Path, date: str) -> None:
    entry = {"date": date, "label": tmap("L"), "title": tmap("T"), "text": tmap("X")}
    result, _ = load_exhibit(tmp_path, timeline=[entry])
    assert result.errors == ()


@pytest.mark.parametrize("order", ["ten", "1.5", "-3", "1e3", "1234567"])
def test_bad_order(tmp_path: Path, order: str) -> None:
    result, text = load_exhibit(tmp_path, order=order)
    problem = only_error(result)
    assert problem.line == line_of(text, "order:")
    assert problem.message == (
        f"order '{order}' must be a whole number from 0 to 999999, like \"20\""
    )


@pytest.mark.parametrize("bad_id", ["Alpha", "alpha school", "-alpha", "alpha--b", "альфа"])
def test_bad_id(tmp_path: Path, bad_id: str) -> None:
    result, _ = load_exhibit(tmp_path, id=bad_id)
    problem = only_error(result)
    assert (problem.line, problem.column) == (1, 5)
    assert problem.message == (
        f"id '{bad_id}' must use only lowercase letters a-z, digits and single '-'"
    )


def test_undeclared_language(tmp_path: Path) -> None:
    title = {**tmap("Alpha"), "de": "Alpha"}
    result, text = load_exhibit(tmp_path, title=title)
    problem = only_error(result)
    assert (problem.line, problem.column) == (line_of(text, "de: Alpha"), 3)
    assert problem.message == (
        "language 'de' in 'title' is not declared in kiosk.yaml; declared: uz, az, ru, en"
    )


def test_missing_default_language_is_an_error(tmp_path: Path) -> None:
    title = tmap("Alpha")
    del title["uz"]
    result, text = load_exhibit(tmp_path, title=title)
    problem = only_error(result)
    assert problem.line == line_of(text, "az: Alpha [az]")
    assert problem.message == "missing text in the default language 'uz' for 'title'"


def test_missing_translations_are_one_warning_per_text(tmp_path: Path) -> None:
    result, text = load_exhibit(tmp_path, title={"uz": "Alfa", "az": "Alfa"})
    assert result.errors == ()
    assert result.content is not None
    assert result.content.warnings == result.warnings
    assert [(p.line, p.column, p.message, p.severity) for p in result.warnings] == [
        (line_of(text, "uz: Alfa"), 3, "missing translation for 'title': ru, en", "warning"),
    ]
    assert str(result.warnings[0]).endswith(": warning: missing translation for 'title': ru, en")
    assert result.content.exhibits[0].title.get("en") == "Alfa"  # falls back to uz


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\r", "\u0085", "\ufffe"])
def test_control_characters_in_text_are_errors(tmp_path: Path, char: str) -> None:
    escaped = char.encode("unicode_escape").decode("ascii").replace("\\x", "\\u00")
    text = to_yaml(valid_exhibit()).replace("uz: Alpha [uz]", f'uz: "Al{escaped}pha"')
    root = make_site(tmp_path, {"alpha": text})
    problem = only_error(load_content(root))
    assert problem.line == line_of(text, 'uz: "Al')
    assert problem.message == (f"control character U+{ord(char):04X} in 'title.uz' is not allowed")


def test_newlines_and_tabs_in_text_are_fine(tmp_path: Path) -> None:
    result, _ = load_exhibit(tmp_path, summary=tmap("line one\n\tindented\n\nsecond paragraph"))
    assert result.errors == ()


def test_duplicate_ids_and_orders_name_the_other_file(tmp_path: Path) -> None:
    root = make_site(tmp_path, {"alpha": valid_exhibit(), "beta": valid_exhibit()})
    assert errors_of(load_content(root)) == [
        ("exhibit.yaml", 1, 5, "exhibit id 'alpha' is already used by alpha/exhibit.yaml"),
        ("exhibit.yaml", 2, 8, "order 10 is already used by alpha/exhibit.yaml"),
    ]
    assert load_content(root).errors[0].path == root / "beta" / "exhibit.yaml"


def test_orders_compare_as_numbers(tmp_path: Path) -> None:
    root = make_site(
        tmp_path, {"alpha": valid_exhibit(), "beta": valid_exhibit(id="b", order="010")}
    )
    assert errors_of(load_content(root))[0][3] == "order 10 is already used by alpha/exhibit.yaml"


def test_exhibits_sort_by_order_not_folder_name(tmp_path: Path) -> None:
    root = make_site(
        tmp_path,
        {
            "a": valid_exhibit(id="a", order="30"),
            "b": valid_exhibit(id="b", order="4"),
            "c": valid_exhibit(id="c", order="100"),
        },
    )
    content = load_content(root).content
    assert content is not None
    assert [e.id for e in content.exhibits] == ["b", "a", "c"]


def test_every_problem_in_every_file_is_collected(tmp_path: Path) -> None:
    root = make_site(
        tmp_path,
        {
            "alpha": valid_exhibit(order="x", subtitle=MISSING),
            "beta": valid_exhibit(id="beta", order="20", facts=[{"label": tmap("L")}]),
        },
    )
    messages = [p.message for p in load_content(root).errors]
    assert messages == [
        "missing required field 'subtitle'",
        "order 'x' must be a whole number from 0 to 999999, like \"20\"",
        "missing required field 'value' in 'facts[1]'",
    ]


def test_folder_without_exhibit_yaml_and_ignored_folders(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    (root / "_drafts").mkdir()
    (root / ".git").mkdir()
    (root / "stray").mkdir()
    problem = only_error(load_content(root))
    assert problem.path == root / "stray"
    assert problem.message == (
        "folder has no exhibit.yaml; add one, or rename the folder to start with '_' "
        "to set it aside"
    )


def test_no_exhibits_is_an_error(tmp_path: Path) -> None:
    root = make_site(tmp_path, {})
    assert only_error(load_content(root)).message == "no exhibit folders found"


def test_missing_kiosk_yaml(tmp_path: Path) -> None:
    problem = only_error(load_content(tmp_path))
    assert problem.path == tmp_path / "kiosk.yaml"
    assert problem.message == "no kiosk.yaml here; a content folder needs its site settings file"


# -- kiosk.yaml ---------------------------------------------------------------------


def site_errors(
    tmp_path: Path, site: dict[str, Any] | str
) -> tuple[list[tuple[int, int, str]], str]:
    root = make_site(tmp_path, site=site)
    result = load_content(root)
    assert result.content is None
    text = (root / "kiosk.yaml").read_text(encoding="utf-8")
    found = [(p.line, p.column, p.message) for p in result.errors if p.path.name == "kiosk.yaml"]
    return found, text


def test_site_default_language_must_be_declared(tmp_path: Path) -> None:
    found, text = site_errors(tmp_path, valid_site(default_language="de"))
    assert found[0] == (
        line_of(text, "default_language:"),
        19,
        "default_language 'de' is not one of the languages: uz, az, ru, en",
    )


def test_site_language_codes(tmp_path: Path) -> None:
    languages = [
        {"code": "uz", "name": "Oʻzbekcha"},
        {"code": "UZB!", "name": "X"},
        {"code": "uz", "name": "again"},
    ]
    site = valid_site(
        languages=languages,
        title={"uz": "T"},
        subtitle=MISSING,
        strings={k: {"uz": k} for k in valid_site()["strings"]},
    )
    found, text = site_errors(tmp_path, site)
    assert found == [
        (
            line_of(text, "code: UZB!"),
            9,
            "languages[2].code 'UZB!' must be 2 or 3 lowercase letters, like 'uz'",
        ),
        (
            line_of(text, "code: uz", 2),
            9,
            f"language 'uz' is listed twice (first on line {line_of(text, 'code: uz')})",
        ),
    ]


def test_site_missing_ui_string_and_bad_idle_and_theme(tmp_path: Path) -> None:
    site = valid_site()
    del site["strings"]["continue"]
    site["idle"]["countdown"] = "0"
    site["theme"]["accent"] = "blue"
    found, text = site_errors(tmp_path, site)
    assert found == [
        (line_of(text, "home:"), 3, "missing required field 'continue' in 'strings'"),
        (line_of(text, "countdown:"), 14, "idle.countdown '0' must be a number of seconds above 0"),
        (line_of(text, "accent:"), 11, "theme.accent 'blue' must be a colour like '#1D2430'"),
    ]


def test_site_unknown_key(tmp_path: Path) -> None:
    found, text = site_errors(tmp_path, valid_site(langauges=[]))
    assert found == [
        (line_of(text, "langauges:"), 1, "unknown key 'langauges'; did you mean 'languages'?")
    ]


def test_broken_site_still_checks_exhibits(tmp_path: Path) -> None:
    root = make_site(tmp_path, {"alpha": valid_exhibit(order="x")}, site="title: [\n")
    messages = [(p.path.name, p.message) for p in load_content(root).errors]
    assert messages[0][0] == "kiosk.yaml"
    assert messages[-1] == (
        "exhibit.yaml",
        "order 'x' must be a whole number from 0 to 999999, like \"20\"",
    )


def test_equal_texts_are_one_object_across_files(tmp_path: Path) -> None:
    """Credits and captions repeat; each distinct text is kept (and cached) once."""
    root = make_site(
        tmp_path / "site", {"alpha": valid_exhibit(), "beta": valid_exhibit(id="beta", order="20")}
    )
    content = load_content(root).content
    assert content is not None
    alpha, beta = content.exhibits
    assert alpha.cover.credit == beta.cover.credit
    assert alpha.cover.credit is beta.cover.credit
    assert alpha.title is beta.title  # the same words in both files
    assert alpha.cover.credit is not alpha.title

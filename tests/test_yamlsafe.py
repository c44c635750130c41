"""The strict YAML layer: strings only, no tags, anchors or duplicates, bounded input."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import pytest

from kiosk.content.yamlsafe import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MappingNode,
    ScalarNode,
    SequenceNode,
    parse_yaml_bytes,
    read_yaml_file,
)

PATH = Path("exhibit.yaml")


def problems(text: str | bytes) -> list[tuple[int, int, str]]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    result = parse_yaml_bytes(data, PATH)
    assert result.root is None or not result.problems
    return [(p.line, p.column, p.message) for p in result.problems]


def root(text: str) -> MappingNode:
    result = parse_yaml_bytes(text.encode("utf-8"), PATH)
    assert result.problems == ()
    assert isinstance(result.root, MappingNode)
    return result.root


@pytest.mark.parametrize(
    "written",
    ["no", "yes", "on", "off", "1:30", "2024-01-05", "1.10", "0x1F", "1e3", ".inf", "~", "null"],
)
def test_every_scalar_stays_the_string_written(written: str) -> None:
    value = root(f"key: {written}\n").get("key")
    assert isinstance(value, ScalarNode)
    assert value.value == written


def test_unquoted_tilde_and_null_count_as_empty_but_quoted_ones_do_not() -> None:
    tree = root("a: ~\nb: '~'\nc:\nd: null\n")
    assert [cast(ScalarNode, tree.get(k)).is_empty for k in "abcd"] == [True, False, True, True]


def test_marks_are_one_based_and_an_empty_value_points_at_its_key() -> None:
    tree = root("# comment\ntitle:\n  en: Hello\nempty:\nlist:\n  - x\n")
    title = tree.get("title")
    assert isinstance(title, MappingNode)
    assert (title.line, title.column) == (3, 3)
    empty = tree.get("empty")
    assert isinstance(empty, ScalarNode)
    assert (empty.line, empty.column, empty.value) == (4, 1, "")
    items = tree.get("list")
    assert isinstance(items, SequenceNode)
    assert (items.items[0].line, items.items[0].column) == (6, 5)


def test_python_tag_is_an_error_at_its_position() -> None:
    assert problems("id: x\nrun: !!python/object/apply:os.system ['echo hi']\n") == [
        (
            2,
            6,
            "tag '!!python/object/apply:os.system' is not allowed; write plain values without tags",
        ),
    ]


@pytest.mark.parametrize("tag", ["!!int", "!!bool", "!!timestamp", "!custom", "!!binary"])
def test_non_string_tags_are_errors(tag: str) -> None:
    assert problems(f"a: {tag} 5\n") == [
        (1, 4, f"tag '{tag}' is not allowed; write plain values without tags"),
    ]


def test_standard_string_tag_is_allowed() -> None:
    value = root("a: !!str 5\n").get("a")
    assert isinstance(value, ScalarNode)
    assert value.value == "5"


def test_anchor_and_unknown_alias_are_errors() -> None:
    assert problems("a: &x hello\nb: *x\nc: *y\n") == [
        (1, 4, "anchor '&x' is not allowed; write each value out in full"),
        (3, 4, "alias '*y' is not allowed; write the value out in full"),
    ]


def test_billion_laughs_reports_each_anchor_once_and_never_expands() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{','.join(['*' + prev] * 9)}]")
    found = problems("\n".join(lines) + "\n")
    assert len(found) == 9
    assert found[0] == (1, 4, "anchor '&a' is not allowed; write each value out in full")
    assert found[-1] == (9, 4, "anchor '&i' is not allowed; write each value out in full")


def test_duplicate_keys_name_both_lines() -> None:
    text = "id: a\ntitle:\n  en: One\n  en: Two\nid: b\n"
    assert problems(text) == [
        (4, 3, "duplicate key 'en'; it is already set on line 3"),
        (5, 1, "duplicate key 'id'; it is already set on line 1"),
    ]


def test_nesting_deeper_than_the_bound_is_an_error() -> None:
    ok = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    assert parse_yaml_bytes(ok.encode(), PATH).problems == ()
    deep = "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)
    assert problems(deep) == [(1, MAX_DEPTH + 1, f"nesting is deeper than {MAX_DEPTH} levels")]


def test_deep_block_nesting_is_an_error_too() -> None:
    text = "".join(f"{'  ' * depth}k{depth}:\n" for depth in range(40)) + "  " * 40 + "x\n"
    assert problems(text) == [(33, 65, f"nesting is deeper than {MAX_DEPTH} levels")]


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n# and another\n", "---\n", "~\n"])
def test_empty_or_comment_only_file_is_an_error(text: str) -> None:
    assert problems(text) == [(1, 1, "file is empty; expected 'key: value' lines")]


def test_non_utf8_bytes_are_located() -> None:
    assert problems(b"id: alpha\ntitle: caf\xe9\n") == [
        (2, 11, "file is not valid UTF-8 text (byte 0xe9); save it with UTF-8 encoding"),
    ]


def test_utf8_bom_is_accepted() -> None:
    result = parse_yaml_bytes(b"\xef\xbb\xbfa: b\n", PATH)
    assert result.problems == ()


def test_control_character_in_the_file_is_located() -> None:
    assert problems("a: b\nc: d\x1be\n") == [(2, 5, "control character U+001B is not allowed")]


def test_file_over_the_size_cap_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "exhibit.yaml"
    path.write_bytes(b"a: b\n" + b"#" * MAX_FILE_BYTES)
    result = read_yaml_file(path)
    assert [(p.line, p.column, p.message) for p in result.problems] == [
        (1, 1, "file is larger than 1024 KB; is it really a YAML file?"),
    ]
    assert len(result.data) == MAX_FILE_BYTES + 1


def test_syntax_error_keeps_the_parser_mark() -> None:
    assert problems('id: a\ntitle: "x\n') == [
        (
            3,
            1,
            "invalid YAML: found unexpected end of stream (while scanning a quoted scalar"
            " on line 2)",
        ),
    ]


def test_a_colon_and_space_in_a_text_is_explained_with_the_quoted_form() -> None:
    """YAML's own words ("mapping values are not allowed here") tell a curator nothing."""
    assert problems("id: a\ntitle:\n  en: The school: a story\n") == [
        (
            3,
            17,
            "this text holds ': ' (a colon and a space), which YAML reads as the start of "
            'another key; put the whole text in double quotes: en: "The school: a story"',
        ),
    ]


@pytest.mark.parametrize(
    ("text", "line", "column", "written"),
    [
        ("id:alpha\norder: 20\n", 1, 3, "'id:alpha'; write 'id: alpha'"),
        ("id: a\ntitle:\n  en:Hello\n\n  ru: Privet\n", 3, 5, "'en:Hello'; write 'en: Hello'"),
    ],
)
def test_a_missing_space_after_a_colon_is_reported_on_its_own_line(
    text: str, line: int, column: int, written: str
) -> None:
    """YAML notices only at the next key; the curator must be sent to the line to fix."""
    ((found_line, found_column, message),) = problems(text)
    assert (found_line, found_column) == (line, column)
    assert message.startswith(f"missing space after ':' in {written}")


def test_tab_indentation_gets_a_hint() -> None:
    found = problems("title:\n\ten: x\n")
    assert len(found) == 1
    assert found[0][:2] == (2, 1)
    assert found[0][2].endswith("; indent with spaces, not tabs")


def test_unclosed_quote_is_located() -> None:
    found = problems('a: "open\nb: c\n')
    assert len(found) == 1
    assert found[0][2].startswith("invalid YAML: found unexpected end of stream")


def test_second_document_is_an_error() -> None:
    assert problems("a: 1\n---\nb: 2\n") == [
        (2, 1, "only one YAML document is allowed per file"),
    ]


def test_complex_key_is_an_error() -> None:
    assert problems("? [a, b]\n: c\n") == [
        (1, 3, "a key must be plain text, not a list or mapping"),
    ]


def test_missing_file_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    result = read_yaml_file(tmp_path / "nope.yaml")
    assert [p.message for p in result.problems] == ["cannot read file: No such file or directory"]

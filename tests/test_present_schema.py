"""Every dict handed to QML has every key of its schema (``kiosk.ui.present``, and the
map's and the timeline axis's layouts in ``kiosk.ui.mapview`` and ``kiosk.ui.timeaxis``),
for every bundled exhibit in every language and for a minimal exhibit that leaves out
every optional part: QML reads the keys without ``|| ""`` guards."""

from __future__ import annotations

import re
import types
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints, is_typeddict

import pytest

from kiosk.content.model import ContentSet
from kiosk.content.site_schema import DEFAULTED_STRINGS, STRING_KEYS
from kiosk.ui import mapview, present, timeaxis
from tests.conftest import BUNDLED
from tests.factories import MISSING, make_site, valid_exhibit, valid_site
from tests.uitools import load

QML = Path(present.__file__).parent / "qml"
SCHEMA_MODULES = (present, mapview, timeaxis)
# every word of the interface QML may read: every site has each of them
UI_STRING_KEYS = {*STRING_KEYS, *DEFAULTED_STRINGS}


def problems(value: Any, schema: Any, where: str = "") -> list[str]:
    """What in ``value`` does not match ``schema`` (a TypedDict, ``list[X]``, ``X | None``
    or a plain type): missing or unknown keys, wrong types, each with its path."""
    origin = get_origin(schema)
    if is_typeddict(schema):
        if not isinstance(value, dict):
            return [f"{where or 'value'}: {type(value).__name__}, not a {schema.__name__}"]
        hints = get_type_hints(schema)
        found = [f"{where}.{key}: missing" for key in hints if key not in value]
        found += [f"{where}.{key}: not in {schema.__name__}" for key in value if key not in hints]
        for key, hint in hints.items():
            if key in value:
                found += problems(value[key], hint, f"{where}.{key}")
        return found
    if origin is list:
        if not isinstance(value, list):
            return [f"{where}: {type(value).__name__}, not a list"]
        (item,) = get_args(schema)
        return [p for i, v in enumerate(value) for p in problems(v, item, f"{where}[{i}]")]
    if origin in (Union, types.UnionType):
        options = get_args(schema)
        if value is None and type(None) in options:
            return []
        (other,) = [o for o in options if o is not type(None)]
        return problems(value, other, where)
    if schema is float:
        return [] if isinstance(value, int | float) else [f"{where}: {value!r}, not a number"]
    if isinstance(value, schema) and not (schema is int and isinstance(value, bool)):
        return []
    return [f"{where}: {value!r}, not a {schema.__name__}"]


def every_dict(content: ContentSet) -> list[tuple[str, Any, Any]]:
    """(where, value, schema) for each dict QML is given, in each language."""
    shown: list[tuple[str, Any, Any]] = []
    exhibits = content.exhibits
    for language in content.site.language_codes:
        strings = present.strings(content, language)
        shown.append((f"{language} no page", present.no_page(), present.Page))
        for i, exhibit in enumerate(exhibits):
            following = exhibits[(i + 1) % len(exhibits)]
            shown.append(
                (f"{language} tile {exhibit.id}", present.tile(exhibit, language), present.Tile)
            )
            for offered in (following, None):
                place = (i + 1, len(exhibits))
                page = present.exhibit_page(exhibit, language, strings, place, offered)
                shown.append((f"{language} page {exhibit.id}", page, present.Page))
        shown.append(
            (f"{language} timeline", present.timeline(content, language), list[present.TimelineRow])
        )
        shown.append((f"{language} about", present.about(content, language), present.About))
        shown.append(
            (f"{language} slides", present.attract_slides(content, language), list[present.Slide])
        )
    return shown


def every_layout(content: ContentSet) -> list[tuple[str, Any, Any]]:
    """(where, value, schema) for the map's and the timeline axis's layouts, in each
    language, at a full-screen size and before the view's size is known (zero)."""
    shown: list[tuple[str, Any, Any]] = []
    axis = timeaxis.TimeAxis(content)
    for width in (1920.0, 0.0):
        axis_layout = axis.layout(width, 300, 24, 48, 80)
        shown.append((f"timeline axis {width:g}", axis_layout, timeaxis.Layout))
    for language in content.site.language_codes:
        places = mapview.places(content, language)
        shown.append((f"{language} map places", places, list[mapview.MapPlace]))
        screen = mapview.MapScreen(content, language)
        for width, height in ((1920.0, 1080.0), (0.0, 0.0)):
            map_layout = screen.layout(width, height, 64, 16, 8, 24, 22)
            shown.append((f"{language} map {width:g}x{height:g}", map_layout, mapview.Layout))
    return shown


def minimal_site(root: Path) -> ContentSet:
    """One exhibit with only its required parts, a kiosk.yaml with only the required
    strings (no defaulted ones, no subtitle, theme, idle or credits)."""
    exhibit = valid_exhibit(sections=MISSING, facts=MISSING, gallery=MISSING, timeline=MISSING)
    site = valid_site(subtitle=MISSING, theme=MISSING, idle=MISSING)
    return load(make_site(root, {"alpha": exhibit}, site))


def test_the_schema_check_finds_a_missing_key_an_unknown_key_and_a_wrong_type() -> None:
    block = present.Block(kind="paragraph", text="x", items=[], piece=0)
    assert problems(block, present.Block) == []
    assert problems({**block, "text": None}, present.Block) == [".text: None, not a str"]
    partial = {key: value for key, value in block.items() if key != "items"}
    assert problems([partial], list[present.Block]) == ["[0].items: missing"]
    assert problems({"title": "", "key": "", "extra": 1}, present.Slide) == [".extra: not in Slide"]
    page = present.no_page()
    page["hero"] = None  # type: ignore[typeddict-item]
    assert problems(page, present.Page) == [".hero: NoneType, not a Image"]


def test_the_schema_check_finds_a_missing_or_extra_key_in_the_map_and_the_timeline(
    qapp: object,
) -> None:
    content = load(BUNDLED)
    layout = mapview.MapScreen(content, "en").layout(1920, 1080, 64, 16, 8, 24, 22)
    marker = layout["markers"][0]
    assert problems(marker, mapview.MapMarker) == []
    without = {key: value for key, value in marker.items() if key != "cx"}
    assert problems(without, mapview.MapMarker) == [".cx: missing"]
    area = {**layout["areas"][0], "colour": "blue"}
    assert problems(area, mapview.MapArea) == [".colour: not in MapArea"]
    axis = timeaxis.TimeAxis(content).layout(1920, 300, 24, 48, 80)
    moment = {**axis["moments"][0], "y": 0.0}
    assert problems(moment, timeaxis.Moment) == [".y: not in Moment"]
    assert problems({**axis, "ticks": [{"year": 2023, "x": 1.0}]}, timeaxis.Layout) == [
        ".ticks[0].named: missing"
    ]


def test_every_layout_of_the_map_and_the_timeline_is_complete(qapp: object, tmp_path: Path) -> None:
    content = load(BUNDLED)
    shown = every_layout(content)
    full = {where: value for where, value, _ in shown}  # the check has something to check
    assert full["en map 1920x1080"]["markers"] and full["en map 1920x1080"]["areas"]
    assert all(full["timeline axis 1920"][key] for key in ("ticks", "breaks", "moments"))
    undated = load(make_site(tmp_path / "site", {"alpha": valid_exhibit(timeline=MISSING)}))
    shown += every_layout(undated)
    assert [p for where, value, schema in shown for p in problems(value, schema, where)] == []


def test_every_dict_of_the_bundled_exhibits_is_complete() -> None:
    content = load(BUNDLED)
    shown = every_dict(content)
    assert len(shown) > 4 * len(content.exhibits) * 3
    assert [p for where, value, schema in shown for p in problems(value, schema, where)] == []


def test_every_dict_of_an_exhibit_without_its_optional_parts_is_complete(tmp_path: Path) -> None:
    content = minimal_site(tmp_path / "site")
    exhibit = content.exhibits[0]
    assert not (exhibit.sections or exhibit.facts or exhibit.gallery or exhibit.timeline)
    assert exhibit.cover.caption is None
    shown = every_dict(content)
    assert [p for where, value, schema in shown for p in problems(value, schema, where)] == []
    page = present.exhibit_page(exhibit, "en", present.strings(content, "en"))
    assert (page["sections"], page["facts"], page["gallery"], page["next"]) == ([], [], [], None)
    assert page["hero"]["caption"] == ""


@pytest.mark.parametrize("where", ["bundled", "minimal"])
def test_every_word_of_the_interface_is_there_in_every_language(where: str, tmp_path: Path) -> None:
    content = load(BUNDLED) if where == "bundled" else minimal_site(tmp_path / "site")
    for language in content.site.language_codes:
        strings = present.strings(content, language)
        assert set(strings) == UI_STRING_KEYS, language
        assert all(isinstance(text, str) and text for text in strings.values()), language
    every = present.strings_in_every_language(content)
    assert set(every) == UI_STRING_KEYS
    assert all(len(texts) == len(content.site.language_codes) for texts in every.values())


def test_qml_reads_only_words_every_site_has() -> None:
    """QML reads ``kiosk.strings.X`` (and the control bar ``words.X``, each word in
    every language) with no fallback: X must be a key every site gets."""
    read: dict[str, set[str]] = {}
    for path in sorted(QML.glob("*.qml")):
        text = path.read_text(encoding="utf-8")
        names = ["kiosk.strings", "kiosk.everyLanguageStrings"]
        names += re.findall(
            r"property var (\w+): (?:\w+\.)?kiosk\.(?:strings|everyLanguageStrings)\b", text
        )
        for name in names:
            pattern = rf"(?<!\w){re.escape(name)}(?:\.(\w+)|\[\"(\w+)\"\])"
            for dotted, indexed in re.findall(pattern, text):
                read.setdefault(dotted or indexed, set()).add(path.name)
    assert {"about", "continue", "next_exhibit", "back"} <= set(read)  # the search works
    unknown = {key: files for key, files in read.items() if key not in UI_STRING_KEYS}
    assert unknown == {}


def test_the_schema_module_names_no_type_qml_cannot_read() -> None:
    """Only str, int, float, bool, lists, None and dicts of them cross into QML."""
    allowed = {str, int, float, bool, type(None)}

    def plain(hint: Any) -> bool:
        if is_typeddict(hint):
            return all(plain(h) for h in get_type_hints(hint).values())
        args = get_args(hint)
        return all(plain(a) for a in args) if args else hint in allowed

    for module, least in zip(SCHEMA_MODULES, (10, 6, 4), strict=True):
        schemas = [v for v in vars(module).values() if is_typeddict(v)]
        assert len(schemas) >= least, module.__name__
        assert all(plain(s) for s in schemas), [s.__name__ for s in schemas if not plain(s)]

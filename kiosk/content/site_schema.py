"""``kiosk.yaml``: the site settings every exhibit is checked against.

Languages come first because every text map in every file is checked against them;
when they cannot be read, the rest is still checked as far as it can be.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

from kiosk.content.checks import Checker, Languages, child, item, quote
from kiosk.content.colours import BODY_TEXT, contrast_ratio
from kiosk.content.credit_schema import read_credits
from kiosk.content.model import (
    IdleSettings,
    Language,
    Problem,
    Site,
    SpeechSettings,
    Text,
    Theme,
)
from kiosk.content.records import Record, record
from kiosk.content.ui_words import DEFAULTED_STRINGS, STRING_KEYS
from kiosk.content.yamlsafe import MappingNode, Node, ScalarNode, SequenceNode

# Strings once required that no screen shows: a kiosk.yaml written for an older
# kiosk still loads, and the curator is told they can go.
RETIRED_STRING_KEYS = ("close", "choose_language")
IDLE_KEYS = {
    "still_there_after": "still_there_after_s",
    "countdown": "countdown_s",
    "attract_slide": "attract_slide_s",
}
# Every timing is a Qt timer interval in milliseconds at run time: a 32-bit value
# (about 24 days) overflows on start, and a fraction of a second keeps a core busy.
TIMING_RANGE_S = (1.0, 86_400.0)
_CODE = re.compile(r"[a-z]{2,3}")
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")


@record
class SiteResult(Record):
    site: Site | None
    languages: Languages
    errors: list[Problem]
    warnings: list[Problem]


def read_site(root: Node | None, path: Path, texts: dict[Text, Text] | None = None) -> SiteResult:
    """Check ``kiosk.yaml``'s tree; ``root`` is None when the YAML itself was unusable.

    ``texts`` is the loader's pool of texts, shared by every file (see ``Checker``)."""
    languages = Languages((), "")
    if root is None:
        return SiteResult(None, languages, [], [])
    c = Checker(path, languages, texts)
    f = c.fields(
        root,
        "",
        required=("title", "languages", "default_language", "strings"),
        optional=("subtitle", "idle", "theme", "credits", "speech"),
    )
    declared = _languages(c, f.get("languages"))
    codes = tuple(language.code for language in declared)
    default = c.text(f.get("default_language"), "default_language")
    if default and codes and default not in codes:
        node = f["default_language"]
        c.error(
            node,
            f"default_language {quote(default)} is not one of the languages: {', '.join(codes)}",
        )
        default = ""
    c.languages = languages = Languages(codes, default)
    title = c.text_map(f.get("title"), "title")
    subtitle = c.text_map(f["subtitle"], "subtitle") if "subtitle" in f else None
    strings_fields = c.fields(
        f.get("strings"),
        "strings",
        required=STRING_KEYS,
        optional=(*DEFAULTED_STRINGS, *RETIRED_STRING_KEYS),
    )
    _retired_strings(c, f.get("strings"), strings_fields)
    strings = {key: c.text_map(node, child("strings", key)) for key, node in strings_fields.items()}
    strings.update(_defaulted_strings(languages, strings))
    idle = _idle(c, f.get("idle"))
    theme = _theme(c, f.get("theme"))
    credits = read_credits(c, f.get("credits"))
    speech = _speech(c, f.get("speech"))
    if c.errors or not codes or not default:
        return SiteResult(None, languages, c.errors, c.warnings)
    site = Site(title, declared, default, idle, strings, theme, subtitle, credits, speech)
    return SiteResult(site, languages, c.errors, c.warnings)


def _defaulted_strings(languages: Languages, written: dict[str, Text]) -> dict[str, Text]:
    """The kiosk's own wording for each defaulted string the file leaves out."""
    made = {}
    for key, wording in DEFAULTED_STRINGS.items():
        if key not in written:
            values = {code: wording.get(code, wording["en"]) for code in languages.codes}
            made[key] = Text(values, languages.default)
    return made


def _retired_strings(c: Checker, node: Node | None, fields: dict[str, Node]) -> None:
    """Warn at each retired key and drop it: it is not shown, so it is not checked."""
    if not isinstance(node, MappingNode):
        return
    for key, _ in node.entries:
        if key.value in RETIRED_STRING_KEYS:
            fields.pop(key.value, None)
            c.warn(key, f"no screen shows 'strings.{key.value}' any more; delete it")


def _languages(c: Checker, node: Node | None) -> tuple[Language, ...]:
    items = c.sequence(node, "languages")
    if isinstance(node, SequenceNode) and not node.items:
        c.error(node, "'languages' must list at least one language")
    result: list[Language] = []
    first_line: dict[str, int] = {}
    for index, entry in enumerate(items):
        where = item("languages", index)
        f = c.fields(entry, where, required=("code", "name"))
        code = c.matching(
            f.get("code"),
            child(where, "code"),
            _CODE,
            "must be 2 or 3 lowercase letters, like 'uz'",
        )
        name = c.visitor_text(f.get("name"), child(where, "name"))
        if code and code in first_line:
            c.error(
                f["code"],
                f"language {quote(code)} is listed twice (first on line {first_line[code]})",
            )
        elif code:
            first_line[code] = f["code"].line
            result.append(Language(code, name))
    return tuple(result)


def _idle(c: Checker, node: Node | None) -> IdleSettings:
    f = c.fields(node, "idle", required=(), optional=tuple(IDLE_KEYS))
    values: dict[str, float] = {}
    for key, value_node in f.items():
        where = child("idle", key)
        text = c.text(value_node, where)
        if not text:
            continue
        try:
            seconds = float(text)
        except ValueError:
            seconds = math.nan
        if not math.isfinite(seconds) or seconds <= 0:
            c.error(value_node, f"{where} {quote(text)} must be a number of seconds above 0")
            continue
        low, high = TIMING_RANGE_S
        if not low <= seconds <= high:
            c.error(
                value_node,
                f"{where} {quote(text)} must be from {low:g} to {high:g} seconds (1 day)",
            )
            continue
        values[IDLE_KEYS[key]] = seconds
    return IdleSettings(**values)


def _theme(c: Checker, node: Node | None) -> Theme:
    f = c.fields(node, "theme", required=(), optional=Theme.field_names())
    colours = {
        key: c.matching(value, child("theme", key), _COLOUR, "must be a colour like '#1D2430'")
        for key, value in f.items()
    }
    theme = Theme(**{key: value.upper() for key, value in colours.items() if value})
    if node is not None:
        _theme_contrast(c, node, f, theme)
    return theme


# Text colours of the theme and the colours they are drawn on.
THEME_TEXT = ("ink", "muted", "accent_text")
THEME_GROUNDS = ("background", "surface")


def _theme_contrast(c: Checker, node: Node, written: dict[str, Node], theme: Theme) -> None:
    """Warn at each text colour too faint to read on a background (WCAG 2.2, 4.5:1),
    at the line of the text colour (or of the background) the file gives."""
    for text in THEME_TEXT:
        for ground in THEME_GROUNDS:
            ratio = contrast_ratio(getattr(theme, text), getattr(theme, ground))
            if ratio < BODY_TEXT:
                c.warn(
                    written.get(text) or written.get(ground) or node,
                    f"theme: {text} {getattr(theme, text)} on {ground} {getattr(theme, ground)} "
                    f"has a contrast of {ratio:.1f}:1, below the {BODY_TEXT}:1 that visitors "
                    "with weak sight need to read it; choose a darker text or lighter background",
                )


# Read-aloud settings: espeak-ng accepts 80-450 words per minute, but past ~260 a
# visitor listening in a second language cannot follow; its amplitude runs 0-200.
SPEECH_RANGES = {
    "rate": ("rate_wpm", 80, 260, "words per minute"),
    "volume": ("volume", 0, 200, "(100 is normal)"),
}


def _speech(c: Checker, node: Node | None) -> SpeechSettings:
    f = c.fields(node, "speech", required=(), optional=tuple(SPEECH_RANGES))
    values: dict[str, int] = {}
    for key, value_node in f.items():
        where = child("speech", key)
        field, low, high, unit = SPEECH_RANGES[key]
        text = c.text(value_node, where)
        if not text:
            continue
        if not re.fullmatch(r"[0-9]{1,4}", text) or not low <= int(text) <= high:
            c.error(
                value_node,
                f"{where} {quote(text)} must be a whole number from {low} to {high} {unit}",
            )
            continue
        values[field] = int(text)
    return SpeechSettings(**values)


def declared_codes(root: Node | None) -> tuple[str, ...]:
    """Language codes as written, for reports about a site that failed to load."""
    if not isinstance(root, MappingNode):
        return ()
    languages = root.get("languages")
    codes: list[str] = []
    for entry in getattr(languages, "items", ()):
        code = entry.get("code") if isinstance(entry, MappingNode) else None
        if isinstance(code, ScalarNode) and _CODE.fullmatch(code.value):
            codes.append(code.value)
    return tuple(codes)

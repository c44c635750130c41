"""Field-level checks shared by the site and exhibit schemas.

A :class:`Checker` belongs to one file. Each method checks one node, records any
problem with the node's position and returns the parsed value, or a harmless
placeholder on failure: the caller carries on so the curator sees every problem in
one pass, and the loader refuses the whole set if any error was recorded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from kiosk.content import glyphs
from kiosk.content.model import Problem, Text
from kiosk.content.records import Record, record
from kiosk.content.yamlsafe import MappingNode, Node, ScalarNode, SequenceNode, kind_of

# Visitor text may hold newlines and tabs; other controls, lone surrogates and
# U+FFFE/U+FFFF (only reachable through "\u" escapes) break rendering or logs.
_BAD_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


@record
class Languages(Record):
    """What text maps are checked against: the site's declared languages."""

    codes: tuple[str, ...]  # empty when kiosk.yaml was too broken to say
    default: str


def quote(where: str) -> str:
    return f"'{where}'"


def item(where: str, index: int) -> str:
    """Name the n-th list item the way a curator counts: from 1."""
    return f"{where}[{index + 1}]"


def child(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


class Checker:
    def __init__(
        self, path: Path, languages: Languages, texts: dict[Text, Text] | None = None
    ) -> None:
        self.path = path
        self.languages = languages
        # Equal texts become one object, across every file of a load when the loader
        # passes one pool: credits and captions repeat, and a parsed-content cache of
        # 1,000 exhibits is read faster (each object is made once) and is smaller.
        self.texts: dict[Text, Text] = texts if texts is not None else {}
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []

    def error(self, node: Node, message: str) -> None:
        self.errors.append(Problem(self.path, node.line, node.column, message))

    def warn(self, node: Node, message: str) -> None:
        self.warnings.append(Problem(self.path, node.line, node.column, message, "warning"))

    # -- structure -------------------------------------------------------------

    def fields(
        self,
        node: Node | None,
        where: str,
        required: Iterable[str],
        optional: Iterable[str] = (),
    ) -> dict[str, Node]:
        """The mapping's values by key, after reporting unknown and missing keys."""
        mapping = self.mapping(node, where)
        if mapping is None:
            return {}
        required = tuple(required)
        allowed = (*required, *optional)
        inside = f" in {quote(where)}" if where else ""
        for key, _ in mapping.entries:
            if key.value not in allowed:
                hint = suggest(key.value, allowed)
                self.error(key, f"unknown key {quote(key.value)}{inside}; {hint}")
        present = dict((k.value, v) for k, v in mapping.entries if k.value in allowed)
        for name in required:
            if name not in present:
                self.error(mapping, f"missing required field {quote(name)}{inside}")
        return present

    def mapping(self, node: Node | None, where: str) -> MappingNode | None:
        if isinstance(node, MappingNode):
            return node
        if node is not None:
            target = f"for {quote(where)}" if where else "at the top of the file"
            found = kind_of(node)
            self.error(node, f"expected a mapping (key: value lines) {target}, found {found}")
        return None

    def sequence(self, node: Node | None, where: str) -> tuple[Node, ...]:
        if node is None:
            return ()
        if isinstance(node, SequenceNode):
            return node.items
        self.error(
            node,
            f"expected a list (lines starting with '- ') for {quote(where)}, found {kind_of(node)}",
        )
        return ()

    # -- values ----------------------------------------------------------------

    def text(self, node: Node | None, where: str) -> str:
        """A required non-empty string, free of control characters."""
        if node is None:
            return ""
        if not isinstance(node, ScalarNode):
            self.error(node, f"expected text for {quote(where)}, found {kind_of(node)}")
            return ""
        if node.is_empty or not node.value.strip():
            self.error(node, f"empty value for {quote(where)}")
            return ""
        bad = _BAD_TEXT.search(node.value)
        if bad:
            self.error(
                node, f"control character U+{ord(bad.group()):04X} in {quote(where)} is not allowed"
            )
            return ""
        return node.value

    def visitor_text(self, node: Node | None, where: str) -> str:
        """``text`` for words shown on screen: warns about characters the kiosk's
        fonts cannot draw (an emoji shows as an empty box)."""
        value = self.text(node, where)
        missing = glyphs.undrawable(value)
        if missing:
            assert node is not None
            self.warn(
                node,
                f"{quote(where)} has characters the kiosk's fonts cannot draw (they show "
                f"as empty boxes): {glyphs.describe(missing)}",
            )
        return value

    def text_map(self, node: Node | None, where: str) -> Text:
        """A visitor-facing text: one string per declared language, the default required."""
        default = self.languages.default
        mapping = self.mapping_of_languages(node, where)
        if mapping is None:
            return Text({}, default)
        values: dict[str, str] = {}
        declared = self.languages.codes
        for key, value in mapping.entries:
            code = key.value
            if declared and code not in declared:
                self.error(
                    key,
                    f"language {quote(code)} in {quote(where)} is not declared in "
                    f"kiosk.yaml; {suggest(code, declared, 'declared')}",
                )
                continue
            text = self.visitor_text(value, child(where, code))
            if text:
                values[code] = text
        written = set(mapping.keys())
        if default and default not in written:
            self.error(
                mapping, f"missing text in the default language {quote(default)} for {quote(where)}"
            )
        missing = [code for code in declared if code != default and code not in written]
        if missing:
            self.warn(mapping, f"missing translation for {quote(where)}: {', '.join(missing)}")
        made = Text(values, default)
        return self.texts.setdefault(made, made)

    def mapping_of_languages(self, node: Node | None, where: str) -> MappingNode | None:
        if node is None or isinstance(node, MappingNode):
            return node
        self.error(
            node,
            f"expected a mapping of language codes to text for {quote(where)} "
            f"(like 'en: ...'), found {kind_of(node)}",
        )
        return None

    def matching(self, node: Node | None, where: str, pattern: re.Pattern[str], rule: str) -> str:
        """A text that must match ``pattern``; ``rule`` tells the curator what fits."""
        value = self.text(node, where)
        if value and not pattern.fullmatch(value):
            assert node is not None
            self.error(node, f"{where} {quote(value)} {rule}")
            return ""
        return value


def suggest(word: str, choices: Iterable[str], label: str = "expected") -> str:
    """A "did you mean" hint, or the full list when nothing is close."""
    import difflib  # only for a mistake: a start on valid content never needs it

    choices = tuple(choices)
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if close:
        return f"did you mean {quote(close[0])}?"
    return f"{label}: {', '.join(choices)}"

"""Strict YAML for curator files: plain data, every scalar a string, every node located.

PyYAML's own loaders turn ``no`` into False, ``1:30`` into 90 and ``2024-01-05`` into
a date, expand aliases (a few lines can blow up to gigabytes), and with the wrong
loader run code from ``!!python`` tags. Curators should get none of that, so we
take only PyYAML's event stream (libyaml when available, for speed) and compose the
tree ourselves: no tags beyond the standard string/map/list ones, no anchors or
aliases, no duplicate keys, bounded size and depth. Every problem comes back as a
:class:`~kiosk.content.model.Problem` with a 1-based line and column, never an
exception, so the validator can report it next to the schema errors.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

import yaml

from kiosk.content.model import Problem
from kiosk.content.records import Record, record

MAX_FILE_BYTES = 1024 * 1024  # a long exhibit is ~20 KB; 1 MB means pasted junk
MAX_DEPTH = 32  # the schema needs 4 levels; deep nesting is an attack or a mistake

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STD = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {
    "scalar": {None, "!", _STD + "str"},
    "sequence": {None, "!", _STD + "seq"},
    "mapping": {None, "!", _STD + "map"},
}
_NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})
# C0/C1 controls except tab, newline and carriage return (YAML line breaks), plus DEL.
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class ScalarNode:
    """A scalar, always kept as the exact string the curator wrote.

    The three node classes are plain classes, not dataclasses: a load makes one node
    for each of the few thousand values of a folder, and a frozen dataclass's
    ``__init__`` (an ``object.__setattr__`` a field) cost more than the parse of the
    value did, besides a millisecond to define each class. Nothing changes a node
    once composed (``Final``: the type checker holds every module to it)."""

    __slots__ = ("column", "line", "plain", "value")

    def __init__(self, value: str, line: int, column: int, plain: bool = False) -> None:
        self.value: Final = value
        self.line: Final = line
        self.column: Final = column
        self.plain: Final = plain  # unquoted: only then can it mean "nothing" (``~``, empty)

    @property
    def is_empty(self) -> bool:
        """True for ``key:`` with no value, or an unquoted ``~``/``null``."""
        return self.plain and self.value in _NULL_WORDS

    def __repr__(self) -> str:
        return f"ScalarNode({self.value!r}, {self.line}, {self.column}, plain={self.plain})"


class SequenceNode:
    __slots__ = ("column", "items", "line")

    def __init__(self, items: tuple[Node, ...], line: int, column: int) -> None:
        self.items: Final = items
        self.line: Final = line
        self.column: Final = column

    def __repr__(self) -> str:
        return f"SequenceNode({len(self.items)} items, {self.line}, {self.column})"


class MappingNode:
    __slots__ = ("column", "entries", "line")

    def __init__(
        self, entries: tuple[tuple[ScalarNode, Node], ...], line: int, column: int
    ) -> None:
        self.entries: Final = entries  # in file order, keys unique
        self.line: Final = line
        self.column: Final = column

    def get(self, key: str) -> Node | None:
        return next((value for k, value in self.entries if k.value == key), None)

    def keys(self) -> tuple[str, ...]:
        return tuple(k.value for k, _ in self.entries)

    def __repr__(self) -> str:
        return f"MappingNode({self.keys()}, {self.line}, {self.column})"


Node = ScalarNode | SequenceNode | MappingNode


def kind_of(node: Node | None) -> str:
    """How a node reads to a curator, for "expected X, found Y" messages."""
    if node is None or (isinstance(node, ScalarNode) and node.is_empty):
        return "nothing"
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    return "text"


@record
class ParsedYaml(Record):
    """The document's root node, or None when ``problems`` says why it has none."""

    root: Node | None
    problems: tuple[Problem, ...]
    data: bytes  # the bytes read (for the content version hash)


def read_yaml_file(path: Path) -> ParsedYaml:
    """Read at most the size cap (plus one byte to notice overflow) and parse."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return ParsedYaml(None, (Problem(path, 1, 1, f"cannot read file: {reason}"),), b"")
    return parse_yaml_bytes(data, path)


def parse_yaml_bytes(data: bytes, path: Path) -> ParsedYaml:
    """Parse one YAML document from ``data``; ``path`` only labels the problems."""
    if len(data) > MAX_FILE_BYTES:
        message = f"file is larger than {MAX_FILE_BYTES // 1024} KB; is it really a YAML file?"
        return ParsedYaml(None, (Problem(path, 1, 1, message),), data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _byte_position(data, error.start)
        message = (
            f"file is not valid UTF-8 text (byte 0x{data[error.start]:02x}); "
            "save it with UTF-8 encoding"
        )
        return ParsedYaml(None, (Problem(path, line, column, message),), data)
    text = text.removeprefix("\ufeff")
    bad = _BAD_CHARS.search(text)
    if bad:
        line, column = _text_position(text, bad.start())
        message = f"control character U+{ord(bad.group()):04X} is not allowed"
        return ParsedYaml(None, (Problem(path, line, column, message),), data)
    root, problems = _Composer(path).compose(text)
    return ParsedYaml(None if problems else root, tuple(problems), data)


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", "replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column


def _text_position(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _show_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(_STD) if tag.startswith(_STD) else tag


_NO_SPACE = re.compile(r"^(\s*(?:- )?)([^\s:#'\"][^\s:]*):(\S.*)$")


def _mapping_value_problem(
    lines: list[str], line: int, column: int, raw: str
) -> tuple[int, int, str]:
    """YAML's "mapping values are not allowed here", in the kiosk's words: either the
    line before lacks the space after its key's ':' (``id:alpha`` is one text to YAML,
    so the error only shows on the next key), or a text holds ': ' and must be quoted."""
    if not 0 < line <= len(lines):
        return line, column, raw
    current = lines[line - 1]
    indent = len(current) - len(current.lstrip())
    for number in range(line - 1, 0, -1):
        before = lines[number - 1]
        if not before.strip() or before.lstrip().startswith("#"):
            continue
        if len(before) - len(before.lstrip()) < indent:
            break
        match = _NO_SPACE.match(before)
        if match and ": " not in before:
            prefix, key, value = match.groups()
            where = len(prefix) + len(key) + 1
            message = (
                f"missing space after ':' in '{before.strip()}'; "
                f"write '{key}: {value}' (a key, a colon, a space, then the value)"
            )
            return number, where, message
        break
    key, sep, value = current.partition(": ")
    if sep and len(key) < column - 1:
        quoted = value.strip().replace("\\", "\\\\").replace('"', '\\"')
        message = (
            "this text holds ': ' (a colon and a space), which YAML reads as the start of "
            f'another key; put the whole text in double quotes: {key.strip()}: "{quoted}"'
        )
        return line, column, message
    return line, column, raw


class _Fatal(Exception):
    """Stop composing: the rest of the file cannot be trusted or is not worth reading."""


class _Frame:
    """A collection being composed: its start position and what it holds so far."""

    __slots__ = ("column", "entries", "items", "key", "key_pending", "line", "mapping", "seen")

    def __init__(self, mapping: bool, line: int, column: int) -> None:
        self.mapping = mapping
        self.line = line
        self.column = column
        self.items: list[Node] = []
        self.entries: list[tuple[ScalarNode, Node]] = []
        self.key: ScalarNode | None = None
        self.key_pending = False  # a key was read (maybe an invalid one) and awaits its value
        self.seen: dict[str, int] = {}


_SCALAR_TAGS = _ALLOWED_TAGS["scalar"]
_PLAIN_STYLES = (None, "")


class _Composer:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.stack: list[_Frame] = []
        self.root: Node | None = None
        self.documents = 0
        self.reported_anchors: set[str] = set()

    def problem(self, line: int, column: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, column, message))

    def compose(self, text: str) -> tuple[Node | None, list[Problem]]:
        try:
            self.read(text)
        except _Fatal:
            pass
        except yaml.MarkedYAMLError as error:
            self.problems.append(self.syntax_problem(error, text))
        except yaml.YAMLError as error:  # ReaderError and friends carry no mark
            self.problem(1, 1, f"invalid YAML: {error}")
        if not self.problems and (
            self.root is None or (isinstance(self.root, ScalarNode) and self.root.is_empty)
        ):
            self.problem(1, 1, "file is empty; expected 'key: value' lines")
        return self.root, self.problems

    def syntax_problem(self, error: yaml.MarkedYAMLError, text: str) -> Problem:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = f"invalid YAML: {error.problem or error.context or 'syntax error'}"
        if "nesting depth" in message:  # libyaml's own bound (1000) met while scanning ahead
            return Problem(self.path, line, column, f"nesting is deeper than {MAX_DEPTH} levels")
        lines = text.splitlines()
        if error.problem and error.problem.startswith("mapping values are not allowed"):
            line, column, message = _mapping_value_problem(lines, line, column, message)
            return Problem(self.path, line, column, message)
        if error.context and error.problem and error.context_mark:
            message += f" ({error.context} on line {error.context_mark.line + 1})"
        if 0 < line <= len(lines) and "\t" in lines[line - 1][: max(column, 1)]:
            message += "; indent with spaces, not tabs"
        return Problem(self.path, line, column, message)

    def read(self, text: str) -> None:
        """Every event of the text, in order, into the tree.

        A load reads a few thousand events, nearly nine in ten of them an untagged
        scalar or the end of a list or mapping: those are told apart here by their
        class alone; every other event goes through ``handle``."""
        parser = _Parser(text)
        stack = self.stack
        try:
            while parser.check_event():
                event = parser.get_event()
                kind = type(event)
                if kind is yaml.ScalarEvent:
                    start = event.start_mark
                    line, column = (start.line + 1, start.column + 1) if start else (1, 1)
                    if event.tag not in _SCALAR_TAGS or event.anchor is not None:
                        self.check_properties(event, "scalar", line, column)
                    plain = event.style in _PLAIN_STYLES
                    self.add(ScalarNode(event.value, line, column, plain))
                elif kind is yaml.MappingEndEvent:
                    frame = stack.pop()
                    self.add(MappingNode(tuple(frame.entries), frame.line, frame.column))
                elif kind is yaml.SequenceEndEvent:
                    frame = stack.pop()
                    self.add(SequenceNode(tuple(frame.items), frame.line, frame.column))
                else:
                    self.handle(event)
        finally:
            parser.dispose()

    def handle(self, event: yaml.Event) -> None:
        start = event.start_mark
        line, column = (start.line + 1, start.column + 1) if start is not None else (1, 1)
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.problem(line, column, "only one YAML document is allowed per file")
                raise _Fatal
        elif isinstance(event, yaml.AliasEvent):
            if event.anchor not in self.reported_anchors:
                message = f"alias '*{event.anchor}' is not allowed; write the value out in full"
                self.problem(line, column, message)
            self.add(ScalarNode("", line, column, plain=True))
        elif isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            mapping = isinstance(event, yaml.MappingStartEvent)
            self.check_properties(event, "mapping" if mapping else "sequence", line, column)
            if len(self.stack) >= MAX_DEPTH:
                self.problem(line, column, f"nesting is deeper than {MAX_DEPTH} levels")
                raise _Fatal
            self.stack.append(_Frame(mapping, line, column))

    def check_properties(self, event: yaml.NodeEvent, kind: str, line: int, column: int) -> None:
        tag = getattr(event, "tag", None)
        if tag not in _ALLOWED_TAGS[kind]:
            message = f"tag '{_show_tag(str(tag))}' is not allowed; write plain values without tags"
            self.problem(line, column, message)
        if event.anchor is not None:
            self.reported_anchors.add(event.anchor)
            message = f"anchor '&{event.anchor}' is not allowed; write each value out in full"
            self.problem(line, column, message)

    def add(self, node: Node) -> None:
        if not self.stack:
            self.root = node
            return
        frame = self.stack[-1]
        if not frame.mapping:
            frame.items.append(node)
        elif not frame.key_pending:
            self.add_key(frame, node)
        else:
            self.add_value(frame, node)

    def add_key(self, frame: _Frame, node: Node) -> None:
        frame.key_pending = True
        frame.key = None
        if not isinstance(node, ScalarNode):
            self.problem(node.line, node.column, "a key must be plain text, not a list or mapping")
            return
        first = frame.seen.get(node.value)
        if first is not None:
            message = f"duplicate key '{node.value}'; it is already set on line {first}"
            self.problem(node.line, node.column, message)
            return
        frame.seen[node.value] = node.line
        frame.key = node

    def add_value(self, frame: _Frame, node: Node) -> None:
        frame.key_pending = False
        key = frame.key
        if key is None:
            return
        if isinstance(node, ScalarNode) and node.plain and node.value == "":
            # ``key:`` with nothing after it: point at the key the curator sees.
            node = ScalarNode("", key.line, key.column, plain=True)
        frame.entries.append((key, node))

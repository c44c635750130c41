"""``talks/NAME.yaml``: a presenter's walk through the content, checked field by field.

A talk names exhibits, gallery pictures and the timeline, map and about screens in the
order a presenter shows them, with optional speaker notes. It is checked against the
exhibits of the same load (ids with "did you mean", gallery sizes), so it is read
after them. Talks are the one optional part of a content set: a talk with errors is
left out and the rest loads (see ``kiosk.content.loader``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from kiosk.content.checks import Checker, Languages, child, item, quote, suggest
from kiosk.content.model import Problem, Talk, TalkStep, Text
from kiosk.content.records import Record, record
from kiosk.content.yamlsafe import Node, SequenceNode

TALKS_FOLDER = "talks"
TALK_SUFFIX = ".yaml"
SCREENS = ("timeline", "map", "about")
_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
# "15 min", "1 h 30 min", "90 s", "1h30min": each unit at most once, largest first
_DURATION = re.compile(
    r"(?:(?P<h>\d{1,2})\s*h)?\s*(?:(?P<min>\d{1,4})\s*min)?\s*(?:(?P<s>\d{1,5})\s*s)?"
)
_CLOCK = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")
MAX_DURATION_S = 24 * 3600
_PLACE_ON_A_MAP = "{where}: 'place' belongs to a map step"
TEXT_SIZES = ("100", "125", "150")  # kiosk.ui.appearance.TEXT_SCALES, in percent


@record
class TalkResult(Record):
    path: Path
    talk: Talk | None  # None: the talk has errors and is left out
    errors: list[Problem]
    warnings: list[Problem]


def talk_id(path: Path) -> str:
    return path.name.removesuffix(TALK_SUFFIX)


def read_talk(
    root: Node | None,
    path: Path,
    languages: Languages,
    galleries: Mapping[str, int | None],
    texts: dict[Text, Text] | None = None,
    places: tuple[str, ...] = (),
) -> TalkResult:
    """Check one talk's tree (``root`` None: its YAML was already reported unusable).

    ``galleries`` maps each exhibit id of the load to its number of gallery pictures
    (None when that exhibit is too broken to say); ``places``: the ids in
    ``places.yaml``, which a map step may name."""
    c = _TalkChecker(path, languages, galleries, texts, places)
    if root is None:
        return TalkResult(path, None, [], [])
    name = talk_id(path)
    if not _ID.fullmatch(name):
        c.errors.append(
            Problem(
                path,
                0,
                0,
                f"talk file name {quote(name)} must use only lowercase letters a-z, digits "
                "and single '-', like 'school-visit.yaml'",
            )
        )
    f = c.fields(
        root,
        "",
        required=("title", "steps"),
        optional=("duration", "ends_at", "notes", "text_size", "contrast"),
    )
    title = c.text_map(f.get("title"), "title")
    duration = c.duration(f.get("duration"))
    ends_at = c.clock(f.get("ends_at"))
    text_size = c.text_size(f.get("text_size"))
    contrast = c.switch(f.get("contrast"), "contrast")
    if "duration" in f and "ends_at" in f:
        c.error(f["ends_at"], "give either 'duration' or 'ends_at', not both")
    if "notes" in f:
        c.text_map(f["notes"], "notes")  # the talk's own notes: checked, shown nowhere yet
    nodes = c.sequence(f.get("steps"), "steps")
    if isinstance(f.get("steps"), SequenceNode) and not nodes:
        c.error(f["steps"], "a talk needs at least one step")
    steps = tuple(c.step(n, item("steps", i)) for i, n in enumerate(nodes))
    talk = None
    if not c.errors:
        shown = tuple(s for s in steps if s is not None)
        talk = Talk(name, title, duration, ends_at, shown, text_size, contrast)
    return TalkResult(path, talk, c.errors, c.warnings)


class _TalkChecker(Checker):
    def __init__(
        self,
        path: Path,
        languages: Languages,
        galleries: Mapping[str, int | None],
        texts: dict[Text, Text] | None,
        places: tuple[str, ...],
    ) -> None:
        super().__init__(path, languages, texts)
        self.galleries = galleries
        self.places = places

    def duration(self, node: Node | None) -> int | None:
        value = self.text(node, "duration")
        if not value:
            return None
        match = _DURATION.fullmatch(value.strip())
        seconds = None
        if match and any(match.groups()):
            h, m, s = (int(g or 0) for g in match.group("h", "min", "s"))
            seconds = h * 3600 + m * 60 + s
        if seconds is None or not 0 < seconds <= MAX_DURATION_S:
            assert node is not None
            self.error(
                node,
                f"duration {quote(value)} is not a length of time from 1 s to 24 h; "
                'write minutes like "15 min", or "1 h 30 min"',
            )
            return None
        return seconds

    def clock(self, node: Node | None) -> str | None:
        value = self.text(node, "ends_at")
        if not value:
            return None
        match = _CLOCK.fullmatch(value.strip())
        if match is None:
            assert node is not None
            self.error(
                node,
                f"ends_at {quote(value)} is not a time of day; write hours and minutes "
                'in 24-hour time, like "10:45"',
            )
            return None
        return f"{int(match.group(1)):02d}:{match.group(2)}"

    def text_size(self, node: Node | None) -> int | None:
        """The audience's text size at the start: "125", "125 %" or 125."""
        value = self.text(node, "text_size")
        if not value:
            return None
        number = value.strip().removesuffix("%").strip()
        if number not in TEXT_SIZES:
            assert node is not None
            self.error(
                node,
                f"text_size {quote(value)} is not one of the kiosk's text sizes; "
                "write 100, 125 or 150 (percent of the normal size)",
            )
            return None
        return int(number)

    def switch(self, node: Node | None, where: str) -> bool | None:
        value = self.text(node, where)
        if not value:
            return None
        if value.strip().lower() not in ("true", "false"):
            assert node is not None
            self.error(node, f"{where} {quote(value)} must be true or false")
            return None
        return value.strip().lower() == "true"

    def step(self, node: Node, where: str) -> TalkStep | None:
        if self.mapping(node, where) is None:
            return None
        f = self.fields(
            node, where, required=(), optional=("exhibit", "image", "screen", "place", "notes")
        )
        if "exhibit" not in f and "screen" not in f:
            self.error(node, f"{quote(where)} needs 'exhibit: ID' or 'screen: timeline'")
            return None
        notes = self.text_map(f["notes"], child(where, "notes")) if "notes" in f else None
        if "screen" in f:
            for other in ("exhibit", "image"):
                if other in f:
                    self.error(
                        f[other],
                        f"{quote(where)} shows a screen; {quote(other)} belongs to "
                        "an exhibit step (write it as a step of its own)",
                    )
            screen = self.text(f["screen"], child(where, "screen"))
            if screen and screen not in SCREENS:
                self.error(
                    f["screen"], f"unknown screen {quote(screen)}; {suggest(screen, SCREENS)}"
                )
                return None
            place = None
            if "place" in f and screen and screen != "map":
                self.error(f["place"], _PLACE_ON_A_MAP.format(where=quote(where)))
                return None
            if "place" in f:
                place = self.place_id(f["place"], child(where, "place"))
                if not place:
                    return None
            return TalkStep(screen, None, None, notes, node.line, place) if screen else None
        if "place" in f:
            self.error(f["place"], _PLACE_ON_A_MAP.format(where=quote(where)))
        exhibit = self.exhibit_id(f["exhibit"], child(where, "exhibit"))
        if "image" not in f:
            return TalkStep("exhibit", exhibit, None, notes, node.line) if exhibit else None
        index = self.image_index(f["image"], child(where, "image"), exhibit)
        if not exhibit or index is None:
            return None
        return TalkStep("image", exhibit, index, notes, node.line)

    def exhibit_id(self, node: Node, where: str) -> str:
        return self.known_id(
            node, where, tuple(self.galleries), "exhibit id", "exhibit ids", "no exhibit has loaded"
        )

    def place_id(self, node: Node, where: str) -> str:
        return self.known_id(
            node,
            where,
            self.places,
            "place",
            "places",
            "the site has no places.yaml (or it has errors)",
        )

    def known_id(
        self, node: Node, where: str, known: tuple[str, ...], what: str, many: str, none: str
    ) -> str:
        """The id written at ``node`` when it is one of ``known``; else "" and an error
        with "did you mean" (or the list of ``many``, or ``none`` when there is none)."""
        value = self.text(node, where)
        if value and value not in known:
            hint = suggest(value, known, many) if known else none
            self.error(node, f"unknown {what} {quote(value)}; {hint}")
            return ""
        return value

    def image_index(self, node: Node, where: str, exhibit: str) -> int | None:
        """The curator counts gallery pictures from 1; the model from 0."""
        value = self.text(node, where)
        if not value:
            return None
        if not value.isascii() or not value.isdigit():
            self.error(
                node, f"image {quote(value)} must be a gallery picture's number, counting from 1"
            )
            return None
        number = int(value)
        count = self.galleries.get(exhibit) if exhibit else None
        if number == 0:
            self.error(node, "image 0: gallery pictures are counted from 1")
            return None
        if count is not None and number > count:
            has = f"has {count} gallery pictures" if count != 1 else "has 1 gallery picture"
            if count == 0:
                has = "has no gallery pictures"
            self.error(node, f"image {number} is out of range: exhibit {quote(exhibit)} {has}")
            return None
        return number - 1

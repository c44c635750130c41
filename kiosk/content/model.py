"""The content model: immutable records the loader builds and the UI reads.

Nothing here knows YAML or Qt. A ``ContentSet`` is complete and valid by
construction, because only the loader makes one, and only after every check passed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import field
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any

from kiosk.content.records import Record, record


@record
class Text(Record):
    """A visitor-facing text in several languages, falling back to the default one."""

    values: Mapping[str, str]
    default_language: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", MappingProxyType(dict(self.values)))

    def get(self, language: str) -> str:
        """The text in ``language``, or in the default language when it is missing."""
        text = self.values.get(language)
        if text is None:
            return self.values.get(self.default_language, "")
        return text

    def has(self, language: str) -> bool:
        return language in self.values

    def __reduce__(
        self,
    ) -> tuple[Callable[[dict[str, str], str], Text], tuple[dict[str, str], str]]:
        # a read-only mapping does not pickle; the parsed-content cache needs to
        return (_text, (dict(self.values), self.default_language))

    def __hash__(self) -> int:
        return hash((tuple(sorted(self.values.items())), self.default_language))


def _text(values: dict[str, str], default_language: str) -> Text:
    """Unpickling: tens of thousands of texts, so skip the copying constructor."""
    text = object.__new__(Text)
    object.__setattr__(text, "values", MappingProxyType(values))
    object.__setattr__(text, "default_language", default_language)
    return text


@record
class Paragraph(Record):
    """A paragraph of visitor text."""

    text: str


@record
class BulletList(Record):
    """A list of short points (lines starting with "- " in the YAML)."""

    items: tuple[str, ...]


Block = Paragraph | BulletList


@record
class Language(Record):
    """A language the kiosk offers, in the order of the language bar."""

    code: str
    name: str  # the language named in itself: "Oʻzbekcha", "Русский"


@record
class IdleSettings(Record):
    """Timings in seconds."""

    still_there_after_s: float = 90.0
    countdown_s: float = 15.0
    attract_slide_s: float = 8.0


@record
class SpeechSettings(Record):
    """Reading aloud: espeak-ng's speed in words per minute and its volume (0-200)."""

    rate_wpm: int = 150  # a little slower than espeak-ng's 175: visitors stand and listen
    volume: int = 100  # espeak-ng's amplitude; 100 is its normal level


@record
class Theme(Record):
    """Colours as ``#RRGGBB``; defaults drawn from both flags on warm paper."""

    background: str = "#F7F3EA"
    surface: str = "#FFFFFF"
    ink: str = "#1D2430"
    muted: str = "#5A6270"
    accent: str = "#0099B5"
    accent_2: str = "#1EB53A"
    highlight: str = "#EF3340"
    # text in the accent's hue (subtitles, dates): the flag blue itself reads at only
    # about 3:1 on the paper, this darker one at 5:1
    accent_text: str = "#00738A"

    @staticmethod
    def field_names() -> tuple[str, ...]:
        return tuple(Theme.__dataclass_fields__)


@record
class Credit(Record):
    """One line of sources and credits: "Source" and the publication it names.

    Credits are what an "About this exhibition" screen lists; image credits stay
    on each image (``ImageRef.credit``)."""

    label: Text
    text: Text  # safe text format, see kiosk.content.richtext


@record
class Site(Record):
    """``kiosk.yaml``: the site title, languages, idle timings, UI strings, theme."""

    title: Text
    languages: tuple[Language, ...]
    default_language: str
    idle: IdleSettings
    strings: Mapping[str, Text]
    theme: Theme
    subtitle: Text | None = None
    credits: tuple[Credit, ...] = ()  # sources and credits of the whole exhibition
    speech: SpeechSettings = SpeechSettings()

    def __post_init__(self) -> None:
        object.__setattr__(self, "strings", MappingProxyType(dict(self.strings)))

    @property
    def language_codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.languages)

    def __reduce__(self) -> tuple[type[Site], tuple[object, ...]]:
        return (
            Site,
            (
                self.title,
                self.languages,
                self.default_language,
                self.idle,
                dict(self.strings),
                self.theme,
                self.subtitle,
                self.credits,
                self.speech,
            ),
        )

    def string(self, key: str, language: str) -> str:
        """A UI string; an unknown key shows as itself rather than failing."""
        text = self.strings.get(key)
        return text.get(language) if text is not None else key

    def __hash__(self) -> int:
        return hash((self.title, self.languages, self.default_language))


@record
class ImageRef(Record):
    """An image inside an exhibit folder, already checked to open."""

    rel: str  # as the curator wrote it, relative to the exhibit folder
    location: str  # resolved absolute path, inside the exhibit folder (``path``)
    sha256: str  # content hash of the file: the rendition cache key
    width: int
    height: int
    alt: Text
    credit: Text
    caption: Text | None = None

    @cached_property
    def path(self) -> Path:
        """``location`` as a Path, made on first use: the parsed-content cache of
        1,000 exhibits holds 10,000 images, and building their Paths was half the
        time of reading it, at start-up, for images nobody had asked for yet."""
        return Path(self.location)

    @property
    def suffix(self) -> str:
        """The file's extension in lower case (``.jpg``), without making ``path``."""
        return os.path.splitext(self.location)[1].lower()

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("path", None)  # pickled as text, made again on first use
        return state


@record
class Section(Record):
    """A heading with its text, and an optional picture, on an exhibit page."""

    heading: Text
    body: Text  # safe text format, see kiosk.content.richtext
    image: ImageRef | None = None


@record
class Fact(Record):
    """A label and value in the fact card beside an exhibit's text."""

    label: Text
    value: Text


@record
class TimelineEntry(Record):
    """A dated event; all exhibits' entries make up the timeline."""

    date: str  # ISO: YYYY, YYYY-MM or YYYY-MM-DD; sorts as a string
    label: Text  # how the date is shown: "1997–1998", "2 October 1995"
    title: Text
    text: Text
    places: tuple[str, ...] = ()  # ids of the places it happened at (places.yaml)


@record
class Place(Record):
    """A place on the map (``places.yaml``): its name and where it is, in degrees."""

    id: str
    name: Text
    lat: float
    lon: float


@record
class Exhibit(Record):
    """One exhibit folder: its texts, pictures and dated events."""

    id: str
    order: int
    folder: Path
    title: Text
    subtitle: Text
    summary: Text
    cover: ImageRef
    sections: tuple[Section, ...] = ()
    facts: tuple[Fact, ...] = ()
    gallery: tuple[ImageRef, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    credits: tuple[Credit, ...] = ()  # this exhibit's sources; image credits are on images
    notes: Text | None = None  # speaker notes for a talk; never shown to visitors
    places: tuple[str, ...] = ()  # ids of the places its story is set in (places.yaml)

    def images(self) -> Iterator[ImageRef]:
        """Every image the exhibit shows, cover first, each file once."""
        seen: set[str] = set()
        candidates = [self.cover, *(s.image for s in self.sections if s.image), *self.gallery]
        for image in candidates:
            if image.location not in seen:
                seen.add(image.location)
                yield image


TALK_STEP_KINDS = ("exhibit", "image", "timeline", "about")


@record
class TalkStep(Record):
    """One step of a talk: what the audience sees, and the presenter's notes for it."""

    kind: str  # "exhibit" | "image" | "timeline" | "map" | "about"
    exhibit: str | None  # exhibit id for "exhibit" and "image"
    image: int | None  # 0-based gallery index for "image"
    notes: Text | None  # speaker notes per language
    line: int  # 1-based line in the talk file
    place: str | None = None  # a "map" step showing this place only (``places.yaml`` id)


@record
class Talk(Record):
    """``talks/NAME.yaml``: a titled, ordered walk through the content for a presenter."""

    id: str  # file stem: talks/school-visit.yaml -> "school-visit"
    title: Text
    duration_s: int | None
    end_time: str | None  # "HH:MM" local time
    steps: tuple[TalkStep, ...]
    # how the audience's screen starts, for the room; None: as it is (the kiosk's normal
    # size and colours at the start, the presenter's choice when another talk is chosen)
    text_size: int | None = None  # percent: 100, 125 or 150
    contrast: bool | None = None  # the high-contrast colours on or off


@record
class Problem(Record):
    """One thing wrong with the content, located in a file (1-based line and column)."""

    path: Path
    line: int
    column: int
    message: str
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}" if self.line else f"{self.path}"
        prefix = "" if self.severity == "error" else "warning: "
        return f"{where}: {prefix}{self.message}"


@record
class ContentSet(Record):
    """Everything a kiosk shows, valid as a whole; ``version`` names it."""

    root: Path
    site: Site
    exhibits: tuple[Exhibit, ...]  # in display order
    version: str  # hash of every input file: names and bytes
    warnings: tuple[Problem, ...] = ()  # with the errors of any talk left out
    talks: Mapping[str, Talk] = field(default_factory=dict, hash=False)  # by id, by file name
    places: tuple[Place, ...] = ()  # places.yaml, in its order

    def __post_init__(self) -> None:
        object.__setattr__(self, "talks", MappingProxyType(dict(self.talks)))

    def __reduce__(self) -> tuple[type[ContentSet], tuple[object, ...]]:
        # a read-only mapping does not pickle; the parsed-content cache needs to
        return (
            ContentSet,
            (
                self.root,
                self.site,
                self.exhibits,
                self.version,
                self.warnings,
                dict(self.talks),
                self.places,
            ),
        )

    def place(self, place_id: str) -> Place | None:
        return next((p for p in self.places if p.id == place_id), None)

    def exhibits_at(self, place_id: str) -> tuple[Exhibit, ...]:
        """The exhibits set at a place, itself or by one of its dated moments."""
        return tuple(
            e
            for e in self.exhibits
            if place_id in e.places or any(place_id in t.places for t in e.timeline)
        )

    def exhibit(self, exhibit_id: str) -> Exhibit | None:
        return next((e for e in self.exhibits if e.id == exhibit_id), None)

    def timeline(self) -> tuple[tuple[Exhibit, TimelineEntry], ...]:
        """Every timeline entry of every exhibit, sorted by date (stable)."""
        entries = [(e, t) for e in self.exhibits for t in e.timeline]
        return tuple(sorted(entries, key=lambda pair: pair[1].date))

    def images(self) -> Iterator[ImageRef]:
        for exhibit in self.exhibits:
            yield from exhibit.images()


@record
class LoadResult(Record):
    """Either a content set (errors empty) or the errors (content None). Never half.

    Talks are the one optional part: a talk file with errors is left out and the set
    loads without it. Its errors (severity "error") travel with the warnings, the
    problems that do not stop a set loading; ``left_out`` picks them out."""

    content: ContentSet | None
    errors: tuple[Problem, ...]
    warnings: tuple[Problem, ...]
    # What was examined, for reports even when the set did not load.
    exhibit_count: int = 0
    language_codes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.content is not None

    @property
    def left_out(self) -> tuple[Problem, ...]:
        """The errors of talk files that were left out of the loaded set."""
        return left_out(self.warnings)


def left_out(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    """Among problems that did not stop a load, the errors (of talks left out)."""
    return tuple(p for p in problems if p.severity == "error")

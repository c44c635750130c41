"""What a printed handout holds, page group by page group, and its few own words.

No Qt here: the plan is tested as plain data; ``kiosk.ui.handout_build`` builds it.
Without a talk the handout follows the kiosk (every exhibit, the timeline, the map
of a site with places, the sources); with one it follows the talk's steps, each
exhibit once, where the talk first shows it. The sources page always closes it:
credits travel with the pictures.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.content.model import ContentSet, Talk, Text
from kiosk.content.talks import default_talk, step_notes

EXHIBIT = "exhibit"
TIMELINE = "timeline"
MAP = "map"
ABOUT = "about"

# The handout's own words; the rest (timeline, facts, gallery, about) are kiosk.yaml's.
WORDS: dict[str, dict[str, str]] = {
    "contents": {"uz": "Mundarija", "az": "Mündəricat", "ru": "Содержание", "en": "Contents"},
    "notes": {
        "uz": "Maʼruzachi uchun eslatmalar",
        "az": "Məruzəçi üçün qeydlər",
        "ru": "Заметки докладчика",
        "en": "Speaker notes",
    },
    "step": {"uz": "Qadam {n}", "az": "Addım {n}", "ru": "Шаг {n}", "en": "Step {n}"},
    "picture": {"uz": "Rasm {n}", "az": "Şəkil {n}", "ru": "Изображение {n}", "en": "Picture {n}"},
    "minutes": {"uz": "{n} daqiqa", "az": "{n} dəqiqə", "ru": "{n} мин", "en": "{n} min"},
    "until": {
        "uz": "soat {time} gacha",
        "az": "saat {time}-dək",
        "ru": "до {time}",
        "en": "until {time}",
    },
}


def word(key: str, language: str, **values: object) -> str:
    """A handout word in ``language`` (English for a language it has no wording for)."""
    choices = WORDS[key]
    text = choices.get(language, choices["en"])
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text


@dataclass(frozen=True)
class NoteRef:
    """Speaker notes of one step, where they fall in the handout."""

    step: int  # 1-based, as the presenter counts
    picture: int | None  # 1-based gallery picture of an "image" step
    notes: Text
    place: str | None = None  # the one place of a map step (``places.yaml`` id)


@dataclass
class Part:
    """A group of pages: an exhibit, the timeline or the sources, starting a new page."""

    kind: str
    exhibit: str | None = None
    notes: list[NoteRef] = field(default_factory=list)


def handout_parts(content: ContentSet, talk: Talk | None, with_notes: bool) -> list[Part]:
    """The parts in print order; ``with_notes`` attaches each step's notes to its part."""
    steps = (talk or default_talk(content)).steps
    parts: dict[tuple[str, str | None], Part] = {}
    for number, step in enumerate(steps, 1):
        key = (EXHIBIT, step.exhibit) if step.kind in (EXHIBIT, "image") else (step.kind, None)
        part = parts.setdefault(key, Part(*key))
        notes = step_notes(content, step) if with_notes else None
        if notes is not None:
            picture = step.image + 1 if step.image is not None else None
            part.notes.append(NoteRef(number, picture, notes, step.place))
    about = parts.pop((ABOUT, None), Part(ABOUT))
    return [*parts.values(), about]


def duration_text(talk: Talk, language: str) -> str:
    """ "15 min" or "until 10:45", for the cover; empty when the talk names neither."""
    if talk.duration_s is not None:
        return word("minutes", language, n=round(talk.duration_s / 60))
    if talk.end_time is not None:
        return word("until", language, time=talk.end_time)
    return ""

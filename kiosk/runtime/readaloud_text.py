"""What the listen button reads on the screen the visitor is on, and what is counted.

One place decides it for every screen, with no Qt: the exhibit page's text (or one of
its sections, chosen with the section's own play control), the open gallery image's
caption, or the open timeline entry. Home and the attract loop have nothing to read,
so the button is not shown there (``reading_for`` is None).

A reading of an exhibit page knows which section each of its sentences comes from
(``Reading.sections``, in the order ``readaloud_captions.split_sentences`` gives them),
so the page can mark the section being read and keep it in view.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.content.model import ContentSet
from kiosk.content.spoken import (
    exhibit_parts,
    gallery_image_text,
    section_text,
    timeline_entry_text,
)
from kiosk.runtime.navigation import EXHIBIT, GALLERY, TIMELINE, Place
from kiosk.runtime.readaloud_captions import split_sentences

NO_SECTION = -1  # a sentence of the page's head or its key facts, or of another screen


@dataclass(frozen=True)
class Reading:
    """A text to read and what analytics record about it (``AnalyticsRecorder.listen``)."""

    text: str
    exhibit_id: str
    entry_date: str | None = None
    sections: tuple[int, ...] = ()  # the exhibit section of each sentence, or NO_SECTION

    def section_of(self, sentence: int) -> int:
        """The section the ``sentence``-th sentence is in (NO_SECTION when none)."""
        return self.sections[sentence] if 0 <= sentence < len(self.sections) else NO_SECTION


def reading_for(
    content: ContentSet, place: Place, language: str, section: int | None = None
) -> Reading | None:
    """The visitor text of ``place`` in ``language``; None where there is none.
    ``section``: only that section of an exhibit page."""
    if place.screen == TIMELINE:
        entries = content.timeline()
        if not 0 <= place.index < len(entries):
            return None
        owner, entry = entries[place.index]
        return Reading(timeline_entry_text(entry, language), owner.id, entry.date)
    exhibit = content.exhibit(place.exhibit_id)
    if exhibit is None:
        return None
    if place.screen == EXHIBIT and section is not None:
        text = section_text(exhibit, section, language)
        return Reading(text, exhibit.id, sections=_each(text, section)) if text else None
    if place.screen == EXHIBIT:
        facts = content.site.string("facts", language)
        parts = [(i, text) for i, text in exhibit_parts(exhibit, language, facts) if text]
        sections = tuple(index for i, text in parts for index in _each(text, i))
        return Reading("\n".join(text for _, text in parts), exhibit.id, sections=sections)
    if place.screen == GALLERY:
        text = gallery_image_text(exhibit, place.index, language)
        return Reading(text, exhibit.id) if text else None
    return None


def _each(text: str, section: int) -> tuple[int, ...]:
    return (section,) * len(split_sentences(text))

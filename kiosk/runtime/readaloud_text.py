"""What the listen button reads on the screen the visitor is on, and what is counted.

One place decides it for every screen, with no Qt: the exhibit page's text, the
open gallery image's caption, or the open timeline entry. Home and the attract loop
have nothing to read, so the button is not shown there (``reading_for`` is None).
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.content.model import ContentSet
from kiosk.content.spoken import exhibit_text, gallery_image_text, timeline_entry_text
from kiosk.runtime.navigation import EXHIBIT, GALLERY, TIMELINE, Place


@dataclass(frozen=True)
class Reading:
    """A text to read and what analytics record about it (``AnalyticsRecorder.listen``)."""

    text: str
    exhibit_id: str
    entry_date: str | None = None


def reading_for(content: ContentSet, place: Place, language: str) -> Reading | None:
    """The visitor text of ``place`` in ``language``; None where there is none."""
    if place.screen == TIMELINE:
        entries = content.timeline()
        if not 0 <= place.index < len(entries):
            return None
        owner, entry = entries[place.index]
        return Reading(timeline_entry_text(entry, language), owner.id, entry.date)
    exhibit = content.exhibit(place.exhibit_id)
    if exhibit is None:
        return None
    if place.screen == EXHIBIT:
        facts = content.site.string("facts", language)
        return Reading(exhibit_text(exhibit, language, facts), exhibit.id)
    if place.screen == GALLERY:
        text = gallery_image_text(exhibit, place.index, language)
        return Reading(text, exhibit.id) if text else None
    return None

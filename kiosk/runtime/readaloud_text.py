"""What the listen button reads on the screen the visitor is on, and what is counted.

One place decides it for every screen, with no Qt: the exhibit page's text (or one of
its sections, chosen with the section's own play control), the open gallery image's
caption, or the open timeline entry. Home and the attract loop have nothing to read,
so the button is not shown there (``reading_for`` is None).

A reading of an exhibit page knows where each of its sentences is on the page (in the
order ``readaloud_captions.split_sentences`` gives them): its section
(``Reading.sections``), in that section the paragraph or bullet (``Reading.pieces``),
and in that piece where the sentence is (``Reading.spans``: offsets into the piece's
text as the page shows it), so the page can mark the sentence being read and keep it
in view. The page's head and its key facts are two sections of their own for this:
``HEAD`` (the title as its HEADING, the SUBTITLE, the summary's paragraphs and bullets)
and ``FACTS`` (the "Key facts" heading as its HEADING, then each fact by its number;
a fact is read as "label: value" and its card shows the two apart, so a fact's
sentences have NO_SPAN: the card is marked as a whole).
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.content.model import ContentSet, Exhibit
from kiosk.content.spoken import (
    HEADING,
    exhibit_parts,
    fact_pieces,
    gallery_image_text,
    head_pieces,
    section_pieces,
    section_text,
    sentence,
    timeline_entry_text,
)
from kiosk.runtime.navigation import EXHIBIT, GALLERY, TIMELINE, Place
from kiosk.runtime.readaloud_captions import sentence_spans, split_sentences

NO_SECTION = -1  # a sentence of another screen's reading (or of no reading)
HEAD = -2  # the page's title, subtitle and summary, read first
FACTS = -3  # the key facts' heading and cards, read last
NO_SPAN = (-1, -1)  # a sentence with no place of its own on the page


@dataclass(frozen=True)
class Reading:
    """A text to read and what analytics record about it (``AnalyticsRecorder.listen``)."""

    text: str
    exhibit_id: str
    entry_date: str | None = None
    sections: tuple[int, ...] = ()  # the exhibit section of each sentence, or NO_SECTION
    # of each sentence, in its section: the paragraph or bullet, HEADING or CAPTION
    pieces: tuple[int, ...] = ()
    # of each sentence, (start, end) in its piece's text as shown, or NO_SPAN
    spans: tuple[tuple[int, int], ...] = ()

    def section_of(self, index: int) -> int:
        """The section the ``index``-th sentence is in (NO_SECTION when none)."""
        return self.sections[index] if 0 <= index < len(self.sections) else NO_SECTION

    def piece_of(self, index: int) -> int:
        """The paragraph or bullet of its section the ``index``-th sentence is in
        (HEADING for a sentence in no section)."""
        return self.pieces[index] if 0 <= index < len(self.pieces) else HEADING

    def span_of(self, index: int) -> tuple[int, int]:
        """Where the ``index``-th sentence is in its paragraph, bullet, heading or
        caption as the page shows it (NO_SPAN when it has no place there)."""
        return self.spans[index] if 0 <= index < len(self.spans) else NO_SPAN


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
        places = _places(exhibit, section, language)
        text = section_text(exhibit, section, language)
        return _marked(text, exhibit.id, places) if text else None
    if place.screen == EXHIBIT:
        facts = content.site.string("facts", language)
        parts = exhibit_parts(exhibit, language, facts)
        places = _spots(HEAD, head_pieces(exhibit, language))
        for i in range(len(exhibit.sections)):
            places += _places(exhibit, i, language)
        heading, cards = _split(fact_pieces(exhibit, language, facts))
        places += _spots(FACTS, heading) + _spots(FACTS, cards, spans=False)
        return _marked("\n".join(text for _, text in parts if text), exhibit.id, places)
    if place.screen == GALLERY:
        text = gallery_image_text(exhibit, place.index, language)
        return Reading(text, exhibit.id) if text else None
    return None


_Spot = tuple[int, int, tuple[int, int]]  # section, piece, span


def _places(exhibit: Exhibit, section: int, language: str) -> list[_Spot]:
    """(section, piece, span) of each sentence of a section's reading, in order."""
    return _spots(section, section_pieces(exhibit, section, language))


def _spots(section: int, pieces: list[tuple[int, str]], spans: bool = True) -> list[_Spot]:
    """(section, piece, span) of each sentence of ``pieces`` as read aloud, in order: the
    spans are found in each piece's text as shown, split as the voice's text is
    (``spans`` False: the pieces are not shown as read, every span is NO_SPAN)."""
    places: list[_Spot] = []
    for piece, text in pieces:
        said = len(split_sentences(sentence(text)))
        found = sentence_spans(text) if spans else ()
        if len(found) != said:  # not shown as read (or never seen): no span then
            found = (NO_SPAN,) * said
        places += [(section, piece, span) for span in found]
    return places


def _split(pieces: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The key facts' heading, and the facts."""
    return [p for p in pieces if p[0] == HEADING], [p for p in pieces if p[0] != HEADING]


def _marked(text: str, exhibit_id: str, places: list[_Spot]) -> Reading:
    return Reading(
        text,
        exhibit_id,
        sections=tuple(section for section, _, _ in places),
        pieces=tuple(piece for _, piece, _ in places),
        spans=tuple(span for _, _, span in places),
    )

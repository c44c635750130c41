"""Visitor text as it is read aloud: plain sentences in one language, one per line.

What a speech engine is given must be what the visitor sees, and nothing else: the
texts of the page in the current language (with the same fallback to the default
language as the screen), never an image's file name or folder, never markup. The
curators' safe text format is taken apart by ``parse_blocks`` exactly as for the
screen, so a bullet's "- " is not read out as "minus".

Every line ends with a full stop (or the curator's own ``.!?…:;``): espeak-ng reads
a newline as a space, and a title with no stop would run into the next sentence,
both in the voice and in the captions (``kiosk.runtime.readaloud_captions``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from kiosk.content.model import BulletList, Exhibit, ImageRef, Text, TimelineEntry
from kiosk.content.richtext import parse_blocks

_ENDS = ".!?…:;"
_CLOSERS = "\"'»”’)]"
# whitespace to collapse, but not the no-break spaces that hold a number to its unit
# ("2023\u00a0г."): the caption shows the sentence as the page does
_SPACES = re.compile(r"[^\S\u00a0\u202f]+")


def sentence(text: str) -> str:
    """``text`` on one line with its whitespace collapsed, ending with a stop."""
    line = _SPACES.sub(" ", text).strip(" ")
    if line and not line.rstrip(_CLOSERS).endswith(tuple(_ENDS)):
        line += "."
    return line


def _lines(pieces: Iterable[str]) -> str:
    return "\n".join(line for line in map(sentence, pieces) if line)


def _blocks(text: Text, language: str) -> Iterator[str]:
    for block in parse_blocks(text.get(language)):
        if isinstance(block, BulletList):
            yield from block.items
        else:
            yield block.text


def _caption(image: ImageRef | None, language: str) -> Iterator[str]:
    if image is not None and image.caption is not None:
        yield image.caption.get(language)


def exhibit_text(exhibit: Exhibit, language: str, facts_heading: str = "") -> str:
    """An exhibit page as read aloud: title, subtitle, summary, each section's heading,
    body and picture caption, then the key facts (``facts_heading`` is the site's
    "Key facts" string in ``language``, or "" to leave the heading out)."""
    return "\n".join(text for _, text in exhibit_parts(exhibit, language, facts_heading) if text)


def exhibit_parts(
    exhibit: Exhibit, language: str, facts_heading: str = ""
) -> list[tuple[int, str]]:
    """``exhibit_text`` in its parts, in order: (-1, the title, subtitle and summary),
    (i, section i as ``section_text`` reads it) for each section, (-1, the key facts)."""
    parts = [(-1, _lines(text for _, text in head_pieces(exhibit, language)))]
    parts += [(i, section_text(exhibit, i, language)) for i in range(len(exhibit.sections))]
    facts = fact_pieces(exhibit, language, facts_heading)
    parts.append((-1, _lines(text for _, text in facts)))
    return parts


HEADING, CAPTION = -1, -2  # pieces of a section that are not one of its text blocks
SUBTITLE = -3  # the page's subtitle, a piece of its head (whose HEADING is the title)


def head_pieces(exhibit: Exhibit, language: str) -> list[tuple[int, str]]:
    """The head of an exhibit page as read aloud, each piece with its place on screen:
    the title (``HEADING``), the subtitle (``SUBTITLE``) and the number of each of the
    summary's paragraphs and bullets (counted as the screen shows them)."""
    return [
        (HEADING, exhibit.title.get(language)),
        (SUBTITLE, exhibit.subtitle.get(language)),
        *enumerate(_blocks(exhibit.summary, language)),
    ]


def fact_pieces(exhibit: Exhibit, language: str, facts_heading: str) -> list[tuple[int, str]]:
    """The key facts as read aloud: their heading (``HEADING``; none when
    ``facts_heading`` is "") and each fact, numbered in order, as "label: value" (what
    the number is before the number; its card shows the two apart)."""
    facts = [(HEADING, facts_heading)] if exhibit.facts and facts_heading else []
    for number, fact in enumerate(exhibit.facts):
        label = fact.label.get(language).strip().rstrip(".:;")
        facts.append((number, f"{label}: {fact.value.get(language)}"))
    return facts


def section_text(exhibit: Exhibit, index: int, language: str) -> str:
    """One section of an exhibit page as read aloud: its heading, body and picture
    caption; "" past the end."""
    return _lines(text for _, text in section_pieces(exhibit, index, language))


def section_pieces(exhibit: Exhibit, index: int, language: str) -> list[tuple[int, str]]:
    """The pieces ``section_text`` reads, each with its place on screen: ``HEADING``,
    the number of the paragraph or bullet in the body (counted as the screen shows
    them: a paragraph is one, a list one per bullet), or ``CAPTION``."""
    if not 0 <= index < len(exhibit.sections):
        return []
    section = exhibit.sections[index]
    return [
        (HEADING, section.heading.get(language)),
        *enumerate(_blocks(section.body, language)),
        *((CAPTION, caption) for caption in _caption(section.image, language)),
    ]


def gallery_image_text(exhibit: Exhibit, index: int, language: str) -> str:
    """The open gallery image's caption (the gallery requires one); "" past the end."""
    if not 0 <= index < len(exhibit.gallery):
        return ""
    return _lines(_caption(exhibit.gallery[index], language))


def timeline_entry_text(entry: TimelineEntry, language: str) -> str:
    """An open timeline entry: its date as shown, its title and its text."""
    return _lines(
        [entry.label.get(language), entry.title.get(language), *_blocks(entry.text, language)]
    )

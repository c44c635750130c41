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

from collections.abc import Iterable, Iterator

from kiosk.content.model import BulletList, Exhibit, ImageRef, Text, TimelineEntry
from kiosk.content.richtext import parse_blocks

_ENDS = ".!?…:;"
_CLOSERS = "\"'»”’)]"


def sentence(text: str) -> str:
    """``text`` on one line with its whitespace collapsed, ending with a stop."""
    line = " ".join(text.split())
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

    def pieces() -> Iterator[str]:
        yield exhibit.title.get(language)
        yield exhibit.subtitle.get(language)
        yield from _blocks(exhibit.summary, language)
        for section in exhibit.sections:
            yield section.heading.get(language)
            yield from _blocks(section.body, language)
            yield from _caption(section.image, language)
        if exhibit.facts and facts_heading:
            yield facts_heading
        for fact in exhibit.facts:
            label = fact.label.get(language).strip().rstrip(".:;")
            yield f"{label}: {fact.value.get(language)}"

    return _lines(pieces())


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

"""Captions while the kiosk reads aloud: the sentences of a reading, and which one is
being spoken now.

espeak-ng's command line reports no word or sentence events (only its C library
does, and binding it would tie the kiosk to one library version), so the kiosk reads
one sentence at a time (``readaloud_speaker.Speaker``): the sentence being read is
the one espeak-ng is saying, exactly, however long a language's words take, and the
page can mark it without drifting ahead of or behind the voice.

The same splitting gives the voice its sentences and the page the place of each one
in the text it shows (``sentence_spans``), so the two never disagree.
"""

from __future__ import annotations

import re

# A sentence ends at . ! ? or … (with any closing quotes or brackets), before a space
# and a word that does not start in lower case: "1997 г. в Ташкенте" and "e.g. this"
# stay whole. A line break always ends a sentence (kiosk.content.spoken puts each
# title, paragraph, bullet and fact on its own line).
_BREAK = re.compile(r"(?<=[.!?…])([\"'»”’)\]]*)\s+")
# An initial before a name is not the end of a sentence: "A. Navoiy", "Ш. Рашидов",
# and Uzbek's two-letter initials "Sh. Rashidov", "Gʻ. Gʻulom" (U+02BB).
_INITIAL = re.compile(r"(?:^|[\s(«“\"'])(?:\w|[SsCc]h|[OoGg]\u02bb)\.$")


def sentence_spans(line: str) -> tuple[tuple[int, int], ...]:
    """Where each sentence of one line of text is: (start, end) offsets into ``line``,
    without the spaces around it. Whitespace (a line break too) is a space here, as
    ``kiosk.content.spoken.sentence`` makes it for the voice."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BREAK.finditer(line):
        following = line[match.end() : match.end() + 1]
        if following.islower() or _INITIAL.search(line, 0, match.start()):
            continue
        spans.append((start, match.end(1)))
        start = match.end()
    spans.append((start, len(line)))
    return tuple(_trimmed(line, s, e) for s, e in spans if line[s:e].strip())


def _trimmed(line: str, start: int, end: int) -> tuple[int, int]:
    while line[start].isspace():
        start += 1
    while line[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> tuple[str, ...]:
    """The sentences of ``text`` in order, whitespace collapsed, none empty."""
    return tuple(
        " ".join(line[start:end].split())
        for line in text.splitlines()
        for start, end in sentence_spans(line)
    )


class Captions:
    """The sentences of the reading in progress and the one being read."""

    def __init__(self) -> None:
        self._sentences: tuple[str, ...] = ()
        self._index = -1

    def start(self, sentences: tuple[str, ...]) -> None:
        self._sentences = sentences
        self._index = 0 if sentences else -1

    def advance(self) -> bool:
        """On to the next sentence; False when that was the last one."""
        if not 0 <= self._index < len(self._sentences) - 1:
            return False
        self._index += 1
        return True

    def stop(self) -> None:
        self._index = -1

    @property
    def index(self) -> int:
        """The sentence being read, or -1 when nothing is being read."""
        return self._index

    @property
    def sentence(self) -> str:
        index = self.index
        return self._sentences[index] if index >= 0 else ""

    @property
    def sentences(self) -> tuple[str, ...]:
        return self._sentences

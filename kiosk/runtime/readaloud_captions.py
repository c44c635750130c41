"""Captions while the kiosk reads aloud: which sentence is being spoken now.

espeak-ng's command line reports no word or sentence events (only its C library
does, and binding it would tie the kiosk to one library version), so the sentence
being read is estimated: each sentence lasts in proportion to its letters, at a
pace measured per language from espeak-ng's own audio at its normal speed and
scaled by the configured words per minute, plus the pause espeak-ng makes at a
full stop. ``tests/test_captions.py`` checks the estimate against the length of
real espeak-ng audio where espeak-ng is installed.

Nothing here knows a clock: ``Captions`` is given one (``time.monotonic`` in the
kiosk, a counter in tests).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate

# A sentence ends at . ! ? or … (with any closing quotes or brackets), before a space
# and a word that does not start in lower case: "1997 г. в Ташкенте" and "e.g. this"
# stay whole. A line break always ends a sentence (kiosk.content.spoken puts each
# title, paragraph, bullet and fact on its own line).
_BREAK = re.compile(r"(?<=[.!?…])[\"'»”’)\]]*\s+")

# Per language: seconds per letter (spaces and punctuation included) and seconds
# added per sentence (espeak-ng's pause at a stop), at its normal 175 words per
# minute: a least-squares fit to espeak-ng 1.51 reading the bundled exhibits one
# sentence at a time. Whole pages come within about 10 % of the real audio.
_PACE_175 = {
    "uz": (0.0594, 0.94),
    "az": (0.0651, 0.71),
    "ru": (0.0536, 0.76),
    "en": (0.0544, 0.83),
}
_DEFAULT_PACE_175 = (0.058, 0.8)
_NORMAL_RATE_WPM = 175


def split_sentences(text: str) -> tuple[str, ...]:
    """The sentences of ``text`` in order, whitespace collapsed, none empty."""
    sentences: list[str] = []
    for line in text.splitlines():
        start = 0
        for match in _BREAK.finditer(line):
            following = line[match.end() : match.end() + 1]
            if following.islower():
                continue
            sentences.append(line[start : match.end()])
            start = match.end()
        sentences.append(line[start:])
    return tuple(" ".join(s.split()) for s in sentences if s.strip())


def sentence_seconds(sentence: str, language: str, rate_wpm: int) -> float:
    """How long espeak-ng takes to read ``sentence`` (an estimate, see the module note)."""
    per_char, pause = _PACE_175.get(language, _DEFAULT_PACE_175)
    scale = _NORMAL_RATE_WPM / max(rate_wpm, 1)
    return (len(sentence) * per_char + pause) * scale


@dataclass(frozen=True)
class CaptionTrack:
    """The sentences of one reading and the estimated time each one ends."""

    sentences: tuple[str, ...]
    ends_s: tuple[float, ...]  # seconds from the start, one per sentence, rising

    @classmethod
    def estimate(cls, text: str, language: str, rate_wpm: int) -> CaptionTrack:
        sentences = split_sentences(text)
        durations = (sentence_seconds(s, language, rate_wpm) for s in sentences)
        return cls(sentences, tuple(accumulate(durations)))

    @property
    def duration_s(self) -> float:
        return self.ends_s[-1] if self.ends_s else 0.0

    def index_at(self, elapsed_s: float) -> int:
        """The sentence being read ``elapsed_s`` seconds in: -1 with no sentences; the
        last one once the estimate has run out (the voice may still be on it)."""
        if not self.sentences:
            return -1
        for index, end in enumerate(self.ends_s):
            if elapsed_s < end:
                return index
        return len(self.sentences) - 1


class Captions:
    """The caption of the reading in progress, from a track and when it started."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._track = CaptionTrack((), ())
        self._started = 0.0
        self._running = False

    def start(self, track: CaptionTrack) -> None:
        self._track = track
        self._started = self._clock()
        self._running = True

    def stop(self) -> None:
        self._running = False

    @property
    def index(self) -> int:
        """The sentence being read, or -1 when nothing is being read."""
        if not self._running:
            return -1
        return self._track.index_at(self._clock() - self._started)

    @property
    def sentence(self) -> str:
        index = self.index
        return self._track.sentences[index] if index >= 0 else ""

    @property
    def sentences(self) -> tuple[str, ...]:
        return self._track.sentences

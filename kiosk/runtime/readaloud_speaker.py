"""Reading aloud, one reading at a time: the ``Speaker`` the Qt player polls.

It takes its engine as an argument (``kiosk.runtime.readaloud_engine``: espeak-ng in
the kiosk, a fake that records the exact text and voice in tests), reads a text one
sentence at a time so the captions (``readaloud_captions``) name the sentence the
voice is on, and remembers a failed reading, so a visitor is never offered a button
that does nothing.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import cast

from kiosk.runtime.readaloud_captions import Captions, split_sentences
from kiosk.runtime.readaloud_check import (
    CHECKING,
    PROGRAM,
    RECHECK_S,
    SOUND_HINT,
    EspeakProgram,
    SoundOutput,
    SpeechCheck,
    voice_for,
)
from kiosk.runtime.readaloud_engine import Engine, EspeakEngine, Playback, Utterance

__all__ = ["CHECKING", "RECHECK_S", "SOUND_HINT", "SoundOutput", "Speaker"]

logger = logging.getLogger("kiosk.readaloud")


class Speaker(SpeechCheck):
    """Reads one text at a time; the UI asks ``speaking`` and ``captions`` as it draws.
    Whether it may read (``available``, ``can_read``) is its ``SpeechCheck``'s."""

    engine: Engine

    def __init__(
        self,
        engine: Engine | None = None,
        *,
        rate_wpm: int = 150,
        volume: int = 100,
        clock: Callable[[], float] = time.monotonic,
        sound: SoundOutput | None = None,
    ) -> None:
        # The running kiosk gives the sound output it checked after the first frame
        # (``taking_over``); without one the output is taken as working until a reading
        # fails.
        super().__init__(
            engine if engine is not None else EspeakEngine(),
            sound if sound is not None else SoundOutput(clock, checked=True),
        )
        self.rate_wpm = rate_wpm
        self.volume = volume
        self.captions = Captions()
        self.problem = ""  # the engine's last complaint, for the staff panel
        self._playback: Playback | None = None
        self._language = ""
        self._voice = ""

    @classmethod
    def taking_over(cls, check: SpeechCheck) -> Speaker:
        """The speaker of the kiosk's first reading, from what its check found: the
        same sound output (a failed reading withdraws it for the check too), and
        espeak-ng as found, its voices listed (a fake engine in tests is kept)."""
        engine = check.engine
        if isinstance(engine, EspeakProgram) and not isinstance(engine, EspeakEngine):
            return cls(EspeakEngine.taking_over(engine), sound=check.sound)
        return cls(cast(Engine, engine), sound=check.sound)

    def configure(self, rate_wpm: int, volume: int) -> None:
        """New settings from kiosk.yaml; they apply from the next reading."""
        self.rate_wpm = rate_wpm
        self.volume = volume

    def start(self, text: str, language: str) -> bool:
        """Stop any reading, then read ``text``, a sentence at a time; False when there
        is nothing to read or no voice for ``language``."""
        self.stop()
        voice = voice_for(language)
        sentences = split_sentences(text)
        if not sentences or voice is None or not self.can_read(language):
            return False
        self._voice = voice
        self.captions.start(sentences)
        if not self._play(sentences[0]):
            self.captions.stop()
            return False
        self._language = language
        return True

    def _play(self, sentence: str) -> bool:
        utterance = Utterance(sentence, self._voice, self.rate_wpm, self.volume)
        try:
            self._playback = self.engine.play(utterance)
        except OSError as exc:
            self._playback = None
            self.problem = f"cannot start {PROGRAM}: {exc}"
            self.sound.failed(f"the last reading failed: {self.problem}")
            logger.error("read-aloud: %s", self.problem)
            return False
        return True

    def stop(self) -> None:
        playback, self._playback = self._playback, None
        self.captions.stop()
        if playback is not None:
            playback.stop()

    @property
    def language(self) -> str:
        """The language being read, "" when silent."""
        return self._language if self.speaking else ""

    @property
    def speaking(self) -> bool:
        """True while a reading goes on; notices a sentence that ended by itself and
        starts the next (the caption moves on with it)."""
        playback = self._playback
        if playback is None:
            return False
        if not playback.finished():
            return True
        self._playback = None
        problem = playback.problem()
        if not problem and self.captions.advance():
            if self._play(self.captions.sentence):
                return True
            problem = self.problem
        self.captions.stop()
        if problem and problem != self.problem:
            logger.warning("read-aloud: %s", problem)
        self.problem = problem
        if problem:
            # espeak-ng's own words ("No such file or directory") do not say what to do
            self.sound.failed(f"the last reading failed: {problem}; {SOUND_HINT}")
        return False

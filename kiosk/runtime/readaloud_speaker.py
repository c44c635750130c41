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

from kiosk.runtime.readaloud_captions import Captions, split_sentences
from kiosk.runtime.readaloud_engine import (
    PROGRAM,
    Engine,
    EspeakEngine,
    Playback,
    Utterance,
    voice_for,
)

logger = logging.getLogger("kiosk.readaloud")

SOUND_HINT = "check that a sound device is connected and the kiosk's user may use it"
RECHECK_S = 180.0  # after a failure the sound output is looked at again, at most this often
CHECKING = "checking the sound output"


class SoundOutput:
    """Whether the sound output works, as far as the kiosk knows.

    Unknown until first checked (the kiosk checks once after its first frame, off the
    UI thread); after a failure (a check, or a reading that failed) it is looked at
    again between visitors, but at most every ``recheck_s``: a screen with no sound
    device does not offer, fail and withdraw the Listen button all day."""

    def __init__(
        self, clock: Callable[[], float], *, checked: bool = False, recheck_s: float = RECHECK_S
    ) -> None:
        self._clock = clock
        self.recheck_s = recheck_s
        self.known = checked  # ``checked=True``: taken as working (tools, tests)
        self.checking = False
        self.problem = ""  # what is wrong with it, in words for the staff panel
        self._since = clock()

    @property
    def working(self) -> bool:
        return self.known and not self.problem

    @property
    def reason(self) -> str:
        """Why it is not known to work ("" when it is)."""
        return self.problem or ("" if self.known else CHECKING)

    def due(self) -> bool:
        """Time to look: never looked, or failed at least ``recheck_s`` ago."""
        if self.checking:
            return False
        if not self.known:
            return True
        return bool(self.problem) and self._clock() - self._since >= self.recheck_s

    def begin(self) -> None:
        self.checking = True

    def checked(self, problem: str) -> None:
        self.checking = False
        self.known = True
        self.problem = problem
        self._since = self._clock()

    def failed(self, problem: str) -> None:
        self.known = True
        self.problem = problem
        self._since = self._clock()


class Speaker:
    """Reads one text at a time; the UI asks ``speaking`` and ``captions`` as it draws."""

    def __init__(
        self,
        engine: Engine | None = None,
        *,
        rate_wpm: int = 150,
        volume: int = 100,
        clock: Callable[[], float] = time.monotonic,
        sound: SoundOutput | None = None,
    ) -> None:
        self.engine: Engine = engine if engine is not None else EspeakEngine()
        # The running kiosk gives an unchecked one and checks it after the first frame;
        # without one the output is taken as working until a reading fails.
        self.sound = sound if sound is not None else SoundOutput(clock, checked=True)
        self.rate_wpm = rate_wpm
        self.volume = volume
        self.captions = Captions()
        self.problem = ""  # the engine's last complaint, for the staff panel
        self._playback: Playback | None = None
        self._language = ""
        self._voice = ""

    @property
    def available(self) -> bool:
        """Offered: the engine is there and the sound output is known to work (a failed
        reading withdraws it, so a visitor never taps a button that does nothing)."""
        return not self.engine.reason and self.sound.working

    @property
    def reason(self) -> str:
        """Why reading aloud is not offered ("" when it is)."""
        return self.engine.reason or self.sound.reason

    def sound_check_due(self) -> bool:
        """Whether to look at the sound output now (first, or a while after a failure:
        headphones plugged back in, a sound server restarted)."""
        return not self.engine.reason and self.sound.due()

    def sound_checked(self, problem: str) -> None:
        """What ``engine.check_sound()`` found ("" when the output works)."""
        if problem:
            logger.warning("read-aloud: no sound output: %s", problem)
            self.sound.checked(f"no sound output: {problem}; {SOUND_HINT}")
        else:
            self.sound.checked("")

    def can_read(self, language: str) -> bool:
        voice = voice_for(language)
        return self.available and voice is not None and voice in self.engine.voices()

    def missing_voices(self, languages: tuple[str, ...]) -> tuple[str, ...]:
        """The languages the engine has no voice for (for the staff panel)."""
        if not self.available:
            return languages
        return tuple(code for code in languages if not self.can_read(code))

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

"""The read-aloud player: a thin Qt adapter over ``kiosk.runtime.readaloud_speaker.Speaker``.

``kiosk.ui.readaloud.ReadAloud`` (what QML binds to) drives it: ``read``, ``stop``,
``available``, ``speaking``, ``currentSentence``. The speaker's child process is
looked at by a timer that runs only while it speaks, so a silent kiosk has no extra
wake-ups; the sound output is checked on a thread of its own (``check_sound``), never
on the UI thread. Everything that decides (which voice, which sentence, when to look
at the sound output again, killing the child) is in the runtime layer.

The running kiosk makes it at its first reading (``kiosk.ui.readaloud.first_player``),
on the UI thread: a reading's child process is tied to the thread that starts it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from kiosk.content.model import SpeechSettings
from kiosk.runtime import cores
from kiosk.runtime.readaloud_speaker import Speaker
from kiosk.ui.props import shown

POLL_MS = 50  # the next sentence starts this soon after one ends (at most)


class ReadAloudPlayer(QObject):
    speakingChanged = Signal()
    currentSentenceChanged = Signal()
    started = Signal(str)  # the language a reading started in: for analytics
    _soundChecked = Signal(str)  # from the checking thread to this (the UI) thread

    def __init__(
        self,
        speaker: Speaker | None = None,
        parent: QObject | None = None,
        *,
        run_check: Callable[[Callable[[], None]], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.speaker = speaker if speaker is not None else Speaker()
        self._run_check = run_check or _on_a_thread
        self._soundChecked.connect(self._on_sound_checked)
        self._speaking = False
        self._available = self.speaker.available
        self._sentence = ""
        self._index = -1
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    def check_sound(self) -> None:
        """Look at the sound output if it is time to (the first time, or a while after a
        failure), off the UI thread; ``speakingChanged`` tells when the answer is in."""
        if not self.speaker.sound_check_due():
            return
        self.speaker.sound.begin()
        engine = self.speaker.engine

        def job() -> None:
            problem = engine.check_sound()
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                self._soundChecked.emit(problem)

        self._run_check(job)

    @Slot(str)
    def _on_sound_checked(self, problem: str) -> None:
        self.speaker.sound_checked(problem)
        self.poll()

    def configure(self, settings: SpeechSettings) -> None:
        """kiosk.yaml's rate and volume; from the next reading on."""
        self.speaker.configure(settings.rate_wpm, settings.volume)

    # -- QML -----------------------------------------------------------------------------

    # a failed reading withdraws it, noticed when the reading ends
    available = shown(bool, lambda self: self.speaker.available, speakingChanged)
    reason = shown(str, lambda self: self.speaker.reason, speakingChanged)
    speaking = shown(bool, "_speaking", speakingChanged)
    currentSentence = shown(str, "_sentence", currentSentenceChanged)
    sentenceIndex = shown(int, "_index", currentSentenceChanged)

    @Slot(str, str)
    def toggle(self, text: str, language: str) -> None:
        """The listen button: stops a reading, else starts one."""
        if self.speaker.speaking:
            self.stop()
        else:
            self.read(text, language)

    @Slot(str, str, result=bool)
    def read(self, text: str, language: str) -> bool:
        """Read ``text`` (stopping any reading first); False when it cannot be read."""
        ok = self.speaker.start(text, language)
        if ok:
            self._timer.start()
            self.started.emit(language)
        self.poll()
        return ok

    @Slot()
    def stop(self) -> None:
        """Silence at once: navigation, a language change, the idle reset, quitting."""
        self.speaker.stop()
        self.poll()

    @Slot()
    def poll(self) -> None:
        """Notice a reading that ended by itself and move the caption on."""
        speaking = self.speaker.speaking
        captions = self.speaker.captions
        index, sentence = captions.index, captions.sentence
        if not speaking:
            self._timer.stop()
        if (index, sentence) != (self._index, self._sentence):
            self._index, self._sentence = index, sentence
            self.currentSentenceChanged.emit()
        available = self.speaker.available  # a failed reading withdraws it
        if (speaking, available) != (self._speaking, self._available):
            self._speaking, self._available = speaking, available
            self.speakingChanged.emit()


def _on_a_thread(job: Callable[[], None]) -> None:
    cores.start_worker(job, "kiosk-sound-check")

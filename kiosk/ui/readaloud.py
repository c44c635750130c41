"""Read-aloud as QML sees it: the control bar's Listen button and the caption strip,
``kiosk.readAloud``.

The player (``kiosk.ui.readaloud_player.ReadAloudPlayer``) reads a given text; this
object decides nothing either: ``kiosk.runtime.readaloud_text.reading_for`` says what
the screen the visitor is on has to read. It only keeps the two in step: the button
shows where there is something to read and a voice and a sound output to read it, a
tap reads the screen in the visitor's language, and any move (navigation, a language
change, the idle reset, new content) silences it, since the text being read is no
longer on screen.

After its first frame the running kiosk gives this object what it knows of its speech
(``attach_check``: espeak-ng found or not, its voices, the sound output, checked off
the UI thread); until then, and until the sound output is known to work, the button is
not offered. The player itself, and with it the engine and ``subprocess``, is made at
the first reading (``readaloud_check`` says what that spares). Tests and tools may give
a player made already (``attach``). A reading that fails (the sound device gone) shows
the visitor a short notice in their language ("Sound is not available on this
screen") for ``notice_ms``, then the button goes; the staff panel says why.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRectF, QTimer, Signal, Slot
from PySide6.QtGui import QFont

from kiosk.content.model import ContentSet
from kiosk.runtime import cores
from kiosk.runtime.navigation import Place
from kiosk.ui.props import shown

if TYPE_CHECKING:
    from kiosk.runtime.readaloud_check import SpeechCheck
    from kiosk.runtime.readaloud_text import Reading
    from kiosk.ui.readaloud_player import ReadAloudPlayer

NOTICE_MS = 5000  # long enough to read a short line twice
NO_SOUND = "no_sound"  # the kiosk string of the notice


class ReadAloud(QObject):
    """What QML binds to for reading aloud; without a player, never offered."""

    changed = Signal()  # canListen, speaking, the caption or the notice
    listened = Signal(str, str, str)  # exhibit id, language, timeline entry date ("" if none)
    _soundChecked = Signal(str)  # from the checking thread to this (the UI) thread

    def __init__(
        self,
        player: ReadAloudPlayer | None,
        where: Callable[[], tuple[ContentSet, Place, str]],
        parent: QObject | None = None,
        *,
        notice_ms: int = NOTICE_MS,
        run_check: Callable[[Callable[[], None]], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.player: ReadAloudPlayer | None = None
        self.speech: SpeechCheck | None = None  # the player's speaker, once there is one
        self._make_player: Callable[[SpeechCheck], ReadAloudPlayer] | None = None
        self._run_check = run_check or _on_a_thread
        self._soundChecked.connect(self._on_sound_checked)
        self._where = where  # the content on screen, the visitor's place and language
        self._reading: Reading | None = None
        self._can_listen = False
        self._offered = False  # on this machine at all, whatever the screen and language
        self._notice = ""
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.setInterval(notice_ms)
        self._notice_timer.timeout.connect(self.end_notice)
        if player is not None:
            self.attach(player)

    def attach(self, player: ReadAloudPlayer) -> None:
        """A player made already: it lives as long as the window."""
        self._take(player)
        player.check_sound()  # the first look, when it is not known yet
        self.moved()

    def attach_check(
        self,
        speech: SpeechCheck,
        make_player: Callable[[SpeechCheck], ReadAloudPlayer] | None = None,
    ) -> None:
        """What the kiosk knows of its speech, looked at now (the sound output off the
        UI thread), and how to make its player at the first reading."""
        self.speech = speech
        self._make_player = make_player or first_player
        self.check_sound()
        self.moved()

    def _take(self, player: ReadAloudPlayer) -> None:
        self.player = player
        self.speech = player.speaker
        player.setParent(self)
        player.speakingChanged.connect(self.changed)
        player.speakingChanged.connect(self._on_speech_changed)
        player.currentSentenceChanged.connect(self.changed)
        player.started.connect(self._on_started)
        content, _, _ = self._where()
        player.configure(content.site.speech)

    def _player_now(self) -> ReadAloudPlayer | None:
        """The player, made at the first reading if the kiosk has none yet (and only
        where reading aloud is offered)."""
        speech = self.speech
        if self.player is None and self._make_player is not None and speech is not None:
            if not speech.available:
                return None
            self._take(self._make_player(speech))
        return self.player

    def check_sound(self) -> None:
        """Look at the sound output if it is time to (the first time, or a while after
        a failure), off the UI thread, with the voices; ``_on_speech_changed`` follows."""
        if self.player is not None:
            self.player.check_sound()
            return
        speech = self.speech
        if speech is None or not speech.sound_check_due():
            return
        speech.sound.begin()
        engine = speech.engine

        def job() -> None:
            problem = engine.check_sound()
            engine.voices()  # listed here, not on the UI thread at the first page
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                self._soundChecked.emit(problem)

        self._run_check(job)

    @Slot(str)
    def _on_sound_checked(self, problem: str) -> None:
        if self.speech is not None:
            self.speech.sound_checked(problem)
        self._on_speech_changed()

    def set_content(self, content: ContentSet) -> None:
        """New content: its speech settings, and no reading of text that may be gone."""
        if self.player is not None:
            self.player.configure(content.site.speech)
        self.check_sound()  # if a failure was a while ago
        self.moved()

    def reset(self) -> None:
        """Between visitors: silence, and look at a failed sound output again (at most
        every few minutes: the speech check's sound output decides)."""
        if self.player is not None:
            self.player.stop()
        self.check_sound()

    def _on_speech_changed(self) -> None:
        """The player's state moved: a reading failed (the notice, then the button
        goes), or the sound output was found working (the button may show)."""
        speech = self.speech
        if speech is None:
            return
        if self._can_listen and not speech.available:
            if not self._notice:
                self._notice = self._no_sound_words()
                self._notice_timer.start()
                self.changed.emit()
            return
        if not self._can_listen and speech.available and not self._notice:
            self._offer()

    def _no_sound_words(self) -> str:
        content, _, language = self._where()
        text = content.site.strings.get(NO_SOUND)
        return text.get(language) if text is not None else ""

    @Slot()
    def end_notice(self) -> None:
        """The notice has been read: it goes, and the button with it."""
        self._notice_timer.stop()
        if self._notice:
            self._notice = ""
            self.changed.emit()
        self._offer()

    def moved(self) -> None:
        """The visitor moved (or the screen changed under them): stop and look again."""
        self.stop()
        if self._notice:  # the notice was about the screen they left
            self._notice_timer.stop()
            self._notice = ""
            self.changed.emit()
        self._offer()

    def _offer(self) -> None:
        self._reading = self._reading_here()
        can_listen = self._reading is not None
        offered = self.speech is not None and self.speech.available
        if (can_listen, offered) != (self._can_listen, self._offered):
            self._can_listen, self._offered = can_listen, offered
            self.changed.emit()

    def _reading_here(self, section: int | None = None) -> Reading | None:
        speech = self.speech
        if speech is None or not speech.available:
            return None
        content, place, language = self._where()
        if not speech.can_read(language):
            return None
        from kiosk.runtime.readaloud_text import reading_for  # with the player, not at start

        return reading_for(content, place, language, section)

    def _on_started(self, language: str) -> None:
        reading = self._reading
        if reading is not None:
            self.listened.emit(reading.exhibit_id, language, reading.entry_date or "")

    # -- QML -----------------------------------------------------------------------------

    canListen = shown(bool, "_can_listen", changed)
    # reading aloud offered on this machine (a voice program and a working sound
    # output), on some screen in some language: the bar keeps Listen's room where it is
    offered = shown(bool, "_offered", changed)
    speaking = shown(bool, lambda self: self.player is not None and self.player.speaking, changed)
    currentSentence = shown(
        str, lambda self: self.player.currentSentence if self.player is not None else "", changed
    )

    notice = shown(str, "_notice", changed)

    def _get_reading_section(self) -> int:
        player, reading = self.player, self._reading
        if player is None or reading is None or not player.speaking:
            return -1
        return reading.section_of(player.sentenceIndex)

    # the exhibit section the sentence being read is in (-1: none), for the page to
    # mark it and keep it in view
    readingSection = shown(int, _get_reading_section, changed)

    def _get_reading_piece(self) -> int:
        player, reading = self.player, self._reading
        if player is None or reading is None or not player.speaking:
            return -1
        return reading.piece_of(player.sentenceIndex)

    # in that section, the paragraph or bullet being read (its ``piece`` in the page's
    # blocks), -1 for the heading, -2 for the picture caption
    readingPiece = shown(int, _get_reading_piece, changed)

    def _span(self) -> tuple[int, int]:
        player, reading = self.player, self._reading
        if player is None or reading is None or not player.speaking:
            return (-1, -1)
        return reading.span_of(player.sentenceIndex)

    # in that piece, where the sentence being read is: offsets into its text as shown
    # (-1 when it has no place of its own), for the page to mark that sentence alone
    readingStart = shown(int, lambda self: self._span()[0], changed)
    readingEnd = shown(int, lambda self: self._span()[1], changed)

    @Slot(str, QFont, float, float, int, int, result=list)
    def sentenceLines(
        self, text: str, font: QFont, width: float, line_height: float, start: int, end: int
    ) -> list[QRectF]:
        """The lines of the sentence being read in a paragraph, for the page's mark."""
        from kiosk.ui.textlines import span_lines  # with the first mark, not at start

        return span_lines(text, font, width, line_height, start, end)

    @Slot()
    def toggle(self) -> None:
        """The listen button: read this screen, or stop the reading."""
        player = self._player_now()
        if player is None:
            return
        if player.speaking:
            player.stop()
            return
        self._read(None)

    @Slot(int)
    def readSection(self, index: int) -> None:
        """A section's own play control: read that section alone (stopping any other
        reading); a tap while it is being read stops it."""
        player = self._player_now()
        if player is None:
            return
        reading = self._reading
        if player.speaking and reading is not None and set(reading.sections) == {index}:
            player.stop()
            return
        self._read(index)

    def _read(self, section: int | None) -> None:
        assert self.player is not None
        reading = self._reading = self._reading_here(section)
        if reading is not None:
            _, _, language = self._where()
            self.player.read(reading.text, language)

    @Slot()
    def stop(self) -> None:
        if self.player is not None:
            self.player.stop()


def first_player(speech: SpeechCheck) -> ReadAloudPlayer:
    """The kiosk's player, made at its first reading from what its check found."""
    from kiosk.runtime.readaloud_speaker import Speaker
    from kiosk.ui.readaloud_player import ReadAloudPlayer

    return ReadAloudPlayer(Speaker.taking_over(speech))


def _on_a_thread(job: Callable[[], None]) -> None:
    cores.start_worker(job, "kiosk-sound-check")

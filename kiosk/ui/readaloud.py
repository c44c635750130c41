"""The control bar's listen button and caption strip: ``kiosk.speech`` in QML.

``ReadAloudPlayer`` (``kiosk.ui.readaloud_player``) reads a given text; this object decides
nothing either: ``kiosk.runtime.readaloud_text.reading_for`` says what the screen the
visitor is on has to read. It only keeps the two in step: the button shows where
there is something to read and a voice to read it, a tap reads the screen in the
visitor's language, and any move (navigation, a language change, the idle reset,
new content) silences it, since the text being read is no longer on screen. A
reading that fails (no sound device) withdraws the button until the next visitor.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.content.model import ContentSet
from kiosk.runtime.navigation import Place
from kiosk.runtime.readaloud_text import Reading, reading_for
from kiosk.ui.readaloud_player import ReadAloudPlayer


class ReadAloud(QObject):
    """What QML binds to for reading aloud; without a ``ReadAloudPlayer``, never offered."""

    changed = Signal()  # canListen, speaking or the caption
    listened = Signal(str, str, str)  # exhibit id, language, timeline entry date ("" if none)

    def __init__(
        self,
        control: ReadAloudPlayer | None,
        where: Callable[[], tuple[ContentSet, Place, str]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.control = control
        self._where = where  # the content on screen, the visitor's place and language
        self._reading: Reading | None = None
        self._can_listen = False
        if control is not None:
            control.setParent(self)  # lives as long as the window
            control.speakingChanged.connect(self.changed)
            control.speakingChanged.connect(self._withdraw_if_failed)
            control.currentSentenceChanged.connect(self.changed)
            control.started.connect(self._on_started)

    def set_content(self, content: ContentSet) -> None:
        """New content: its speech settings, and no reading of text that may be gone."""
        if self.control is not None:
            self.control.configure(content.site.speech)
            self.control.try_again()
        self.moved()

    def reset(self) -> None:
        """Between visitors: silence, and offer reading aloud again if it failed."""
        if self.control is not None:
            self.control.stop()
            self.control.try_again()

    def _withdraw_if_failed(self) -> None:
        """A reading that failed (no sound device) takes the button away: a visitor
        never taps a button that does nothing. The staff panel says why."""
        if self._can_listen and self.control is not None and not self.control.available:
            self._can_listen = False
            self._reading = None
            self.changed.emit()

    def moved(self) -> None:
        """The visitor moved (or the screen changed under them): stop and look again."""
        self.stop()
        self._reading = self._reading_here()
        can_listen = self._reading is not None
        if can_listen != self._can_listen:
            self._can_listen = can_listen
            self.changed.emit()

    def _reading_here(self) -> Reading | None:
        control = self.control
        if control is None or not control.available:
            return None
        content, place, language = self._where()
        if not control.speaker.can_read(language):
            return None
        return reading_for(content, place, language)

    def _on_started(self, language: str) -> None:
        reading = self._reading
        if reading is not None:
            self.listened.emit(reading.exhibit_id, language, reading.entry_date or "")

    # -- QML -----------------------------------------------------------------------------

    def _get_can_listen(self) -> bool:
        return self._can_listen

    canListen = Property(bool, _get_can_listen, notify=changed)

    def _get_speaking(self) -> bool:
        return self.control is not None and bool(self.control.speaking)

    speaking = Property(bool, _get_speaking, notify=changed)

    def _get_current_sentence(self) -> str:
        return str(self.control.currentSentence) if self.control is not None else ""

    currentSentence = Property(str, _get_current_sentence, notify=changed)

    @Slot()
    def toggle(self) -> None:
        """The listen button: read this screen, or stop the reading."""
        if self.control is None:
            return
        if self.control.speaking:
            self.control.stop()
            return
        reading = self._reading = self._reading_here()
        if reading is not None:
            _, _, language = self._where()
            self.control.read(reading.text, language)

    @Slot()
    def stop(self) -> None:
        if self.control is not None:
            self.control.stop()

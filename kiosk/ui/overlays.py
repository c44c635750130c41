"""What the controller lays over the visitor views: the idle countdown and the
curator's problem banner. QML only shows them; ``kiosk.runtime.visit`` decides."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal, Slot

from kiosk.runtime.plural import plural
from kiosk.ui.props import shown


class IdleOverlay(QObject):
    """The "still there?" overlay and its countdown."""

    changed = Signal()
    continueRequested = Signal()  # the visitor tapped "continue"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._showing = False
        self._seconds_left = 0

    def show(self, showing: bool, seconds_left: int) -> None:
        if (showing, seconds_left) != (self._showing, self._seconds_left):
            self._showing, self._seconds_left = showing, seconds_left
            self.changed.emit()

    @property
    def showing(self) -> bool:
        return self._showing

    @property
    def seconds_left(self) -> int:
        return self._seconds_left

    visible = shown(bool, "_showing", changed)
    secondsLeft = shown(int, "_seconds_left", changed)

    @Slot()
    def continueVisit(self) -> None:
        self.continueRequested.emit()


class Problems(QObject):
    """Content errors as ``file:line:column: message`` lines (preview mode), the folder
    preview watches (its badge shows while ``watching`` is set), and the texts the
    screen shown cuts short with "…" (``kiosk.ui.cut_texts``, preview mode)."""

    changed = Signal()
    watchingChanged = Signal()
    cutChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[str] = []
        self._watching = ""
        self._cut: list[str] = []

    def set_watching(self, folder: str) -> None:
        """Preview mode: the exhibits folder it shows edits of."""
        if folder != self._watching:
            self._watching = folder
            self.watchingChanged.emit()

    watching = shown(str, "_watching", watchingChanged)

    def set(self, lines: Sequence[str]) -> None:
        if list(lines) != self._lines:
            self._lines = list(lines)
            self.changed.emit()

    @property
    def current(self) -> list[str]:
        return list(self._lines)

    lines = shown(list, "_lines", changed)
    # "1 problem", "3 problems": the count in words for the banner and the badge
    summary = shown(str, lambda self: plural(len(self._lines), "problem"), changed)

    def set_cut(self, texts: Sequence[str]) -> None:
        """The texts the screen shown ends in "…", each as the content says it."""
        if list(texts) != self._cut:
            self._cut = list(texts)
            self.cutChanged.emit()

    @property
    def cut(self) -> list[str]:
        return list(self._cut)

    # "1 text cut short on this screen: «Межгосударственныйгуман…»" ("" with none): the
    # badge's words for a curator, who sees the screen but not which text lost its end
    cutSummary = shown(str, lambda self: _cut_summary(self._cut), cutChanged)


def _cut_summary(texts: list[str]) -> str:
    if not texts:
        return ""
    first = texts[0] if len(texts[0]) <= 40 else texts[0][:39] + "…"
    return f"{plural(len(texts), 'text')} cut short on this screen: «{first}»"


class Presenter(QObject):
    """What a presenter's keyboard lays over the screens: the key help and the quit
    question. Quitting is possible only outside kiosk mode (``quit_allowed``)."""

    changed = Signal()
    quitRequested = Signal()

    def __init__(self, keys: Sequence[tuple[str, str]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._keys = [{"keys": k, "action": a} for k, a in keys]
        self._help = False
        self._asking = False
        self._quit_allowed = False

    def set_quit_allowed(self, allowed: bool) -> None:
        self._quit_allowed = allowed
        self.changed.emit()

    @property
    def quit_allowed(self) -> bool:
        return self._quit_allowed

    @property
    def asking(self) -> bool:
        return self._asking

    @property
    def help_showing(self) -> bool:
        return self._help

    def quit(self) -> bool:
        """Ctrl+Q, or the visitor said yes; False in kiosk mode (the staff panel quits)."""
        if not self._quit_allowed:
            return False
        self._set(asking=False)
        self.quitRequested.emit()
        return True

    def ask(self) -> bool:
        """Esc on the home screen: ask before quitting (never in kiosk mode)."""
        if not self._quit_allowed:
            return False
        self._set(asking=True)
        return True

    def toggle_help(self) -> None:
        self._set(help=not self._help)

    def _set(self, *, help: bool | None = None, asking: bool | None = None) -> None:
        new = (self._help if help is None else help, self._asking if asking is None else asking)
        if new != (self._help, self._asking):
            self._help, self._asking = new
            self.changed.emit()

    helpVisible = shown(bool, "_help", changed)
    askingToQuit = shown(bool, "_asking", changed)
    keys = shown(list, "_keys")

    @Slot()
    def hideHelp(self) -> None:
        self._set(help=False)

    @Slot()
    def confirmQuit(self) -> None:
        self.quit()

    @Slot()
    def cancelQuit(self) -> None:
        self._set(asking=False)

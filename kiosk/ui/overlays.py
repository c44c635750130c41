"""What the controller lays over the visitor views: the idle countdown and the
curator's problem banner. QML only shows them; ``kiosk.runtime.visit`` decides."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Property, QObject, Signal, Slot


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

    def _get_showing(self) -> bool:
        return self._showing

    visible = Property(bool, _get_showing, notify=changed)

    def _get_seconds_left(self) -> int:
        return self._seconds_left

    secondsLeft = Property(int, _get_seconds_left, notify=changed)

    @Slot()
    def continueVisit(self) -> None:
        self.continueRequested.emit()


class Problems(QObject):
    """Content errors as ``file:line:column: message`` lines (preview mode)."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[str] = []

    def set(self, lines: Sequence[str]) -> None:
        if list(lines) != self._lines:
            self._lines = list(lines)
            self.changed.emit()

    @property
    def current(self) -> list[str]:
        return list(self._lines)

    def _get_lines(self) -> list[str]:
        return self._lines

    lines = Property(list, _get_lines, notify=changed)

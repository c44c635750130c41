"""How large the text is and whether the high-contrast colours are on: ``kiosk.appearance``.

Both are a visitor's own choice, made in the control bar ("Aa" and "Contrast"), and
both end with that visitor: the idle reset between visitors puts them back. The
views only multiply and recolour (``Style.qml``); the sizes and their order live
here.
"""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtGui import QFont

TEXT_SCALES: tuple[float, ...] = (1.0, 1.25, 1.5)  # the "Aa" button steps through these


class Appearance(QObject):
    """The text scale (one of ``TEXT_SCALES``) and the high-contrast switch."""

    changed = Signal()
    # just before a change takes effect: the screens kept away are let go first (Main.qml),
    # or each would lay itself out and draw itself anew for no one in the visitor's tap
    changing = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._scale_index = 0
        self._high_contrast = False

    @property
    def text_scale(self) -> float:
        return TEXT_SCALES[self._scale_index]

    @property
    def high_contrast(self) -> bool:
        return self._high_contrast

    def set_text_scale(self, scale: float) -> None:
        """One of ``TEXT_SCALES`` (tests and renders); anything else is refused."""
        if scale not in TEXT_SCALES:
            raise ValueError(f"text scale {scale} is not one of {TEXT_SCALES}")
        self._set(TEXT_SCALES.index(scale), self._high_contrast)

    def set_high_contrast(self, on: bool) -> None:
        self._set(self._scale_index, on)

    def larger(self, steps: int) -> None:
        """``steps`` sizes larger (smaller when negative), held at the smallest and the
        largest: a presenter's + and - keys."""
        index = max(0, min(len(TEXT_SCALES) - 1, self._scale_index + steps))
        self._set(index, self._high_contrast)

    def reset(self) -> None:
        """Between visitors: normal size, normal colours."""
        self._set(0, False)

    def _set(self, scale_index: int, high_contrast: bool) -> None:
        if (scale_index, high_contrast) == (self._scale_index, self._high_contrast):
            return
        self.changing.emit()
        self._scale_index = scale_index
        self._high_contrast = high_contrast
        self.changed.emit()

    # -- QML -----------------------------------------------------------------------------

    def _get_text_scale(self) -> float:
        return self.text_scale

    textScale = Property(float, _get_text_scale, notify=changed)

    def _get_text_percent(self) -> int:
        return round(self.text_scale * 100)

    textPercent = Property(int, _get_text_percent, notify=changed)

    def _get_percents(self) -> list[str]:
        return [f"{round(s * 100)} %" for s in TEXT_SCALES]

    # every label the "Aa" button may show: it is as wide as the widest
    percentLabels = Property(list, _get_percents, constant=True)

    def _get_high_contrast(self) -> bool:
        return self._high_contrast

    highContrast = Property(bool, _get_high_contrast, notify=changed)

    @Slot()
    def stepTextSize(self) -> None:
        """The "Aa" button: the next size, after the largest the normal one again."""
        self._set((self._scale_index + 1) % len(TEXT_SCALES), self._high_contrast)

    @Slot()
    def toggleContrast(self) -> None:
        self._set(self._scale_index, not self._high_contrast)

    # -- the place being read, kept through a new size (ScrollCue.qml) -----------------------

    @Slot(str, QFont, float, int, int, result=int)
    def lineStart(self, text: str, font: QFont, width: float, wrap: int, line: int) -> int:
        """Where a Text's line ``line`` begins in its text."""
        from kiosk.ui.textlines import line_start  # at the first change of size

        return line_start(text, font, width, wrap, line)

    @Slot(str, QFont, float, int, int, result=int)
    def lineOf(self, text: str, font: QFont, width: float, wrap: int, index: int) -> int:
        """The line of a Text that holds the character ``index`` of its text."""
        from kiosk.ui.textlines import line_of

        return line_of(text, font, width, wrap, index)

"""Where a stretch of a shown text lies, line by line: the read-aloud mark's rectangles,
and the line a reader is on, found again after a new text size (``kiosk.ui.appearance``).

Qt Quick's Text tells no character positions (only TextEdit does), so the text is laid
out again here with Qt's own text layout at the item's font, width, wrap mode and line
height, as QQuickText lays out plain text (design metrics, each line's height times the
line height). ``kiosk validate --screens`` and the layout tests find broken words
with it.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QTextLayout, QTextOption


def span_lines(
    text: str, font: QFont, width: float, line_height: float, start: int, end: int
) -> list[QRectF]:
    """The rectangles of ``text[start:end]``, one per line it is on, in the Text's own
    coordinates (wrapped at words, as ``Text.Wrap`` wraps); [] for an empty stretch."""
    if not 0 <= start < end <= len(text) or width <= 0:
        return []
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    option.setUseDesignMetrics(True)
    layout = QTextLayout(text, font)
    layout.setTextOption(option)
    rects: list[QRectF] = []
    y = 0.0
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        height = line.height() * line_height
        first, last = line.textStart(), line.textStart() + line.textLength()
        lo, hi = max(start, first), min(end, last)
        while hi > lo and text[hi - 1].isspace():  # the space a line ends with
            hi -= 1
        if hi > lo:
            left, right = _x(line.cursorToX(lo)), _x(line.cursorToX(hi))
            rects.append(QRectF(left, y, right - left, height))
        y += height
    layout.endLayout()
    return rects


def _x(answer: object) -> float:
    """PySide gives ``cursorToX`` as (x, the cursor position moved to)."""
    x = answer[0] if isinstance(answer, tuple) else answer
    assert isinstance(x, float | int)
    return float(x)


def line_start(text: str, font: QFont, width: float, wrap: int, line: int) -> int:
    """Where line ``line`` (counted from 0) begins in ``text``, laid out as the Text lays
    it out (its last line for a larger number). ``wrap``: the Text's ``wrapMode`` (Qt
    Quick's wrap modes are QTextOption's). The lines' heights are the Text's own."""
    starts = line_starts(text, font, width, wrap)
    return starts[max(0, min(line, len(starts) - 1))]


def line_of(text: str, font: QFont, width: float, wrap: int, index: int) -> int:
    """The line (counted from 0) that holds ``text[index]``."""
    return max(0, sum(1 for start in line_starts(text, font, width, wrap) if start <= index) - 1)


def line_starts(text: str, font: QFont, width: float, wrap: int) -> list[int]:
    """Each line's first character, the first line's (0) too."""
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode(wrap))
    option.setUseDesignMetrics(True)
    layout = QTextLayout(text, font)
    layout.setTextOption(option)
    starts = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(width, 1.0))
        starts.append(line.textStart())
    layout.endLayout()
    return starts or [0]


# a line may end after a hyphen, a dash or a slash: the word goes on past it, whole
BREAKS_AFTER = "-\u2010\u2011\u2013\u2014/"


def broken_words(text: str, starts: list[int]) -> list[tuple[str, str]]:
    """The words that ``text``, laid out in lines beginning at ``starts``, breaks
    between two lines: each as its two parts, ("Azerbaija", "n")."""
    broken = []
    for start in starts:
        if start <= 0 or start >= len(text):
            continue
        before = text[start - 1]
        if before.isspace() or before in BREAKS_AFTER:
            continue
        word_start = start
        while word_start > 0 and not text[word_start - 1].isspace():
            word_start -= 1
        word_end = start
        while word_end < len(text) and not text[word_end].isspace():
            word_end += 1
        broken.append((text[word_start:start], text[start:word_end]))
    return broken

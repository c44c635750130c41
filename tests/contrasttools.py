"""Measuring text contrast the way a visitor meets it: each text's colour against the
pixels actually drawn behind it (a picture, a translucent band, a card), not against
the colour the theme meant.

Every shown Text is made transparent, the window grabbed once, and for each text the
contrast ratio (WCAG 2.2) of its colour against every background pixel of its box is
taken; a low percentile of those must reach 4.5:1, or 3:1 for large text (24 px and
up, or 18.66 px and up in bold). Texts on the screen do not overlap (the layout tests
check that), so one grab serves them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from PIL import Image
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QImage
from PySide6.QtQml import QQmlExpression, qmlContext
from PySide6.QtQuick import QQuickItem

from kiosk.ui.app import KioskWindow
from kiosk.ui.render import pump
from tests.layouttools import kind, scene_rect
from tests.uitools import walk

BODY = 4.5
LARGE = 3.0
PERCENTILE = 0.05  # a few stray pixels (anti-aliasing, a picture's highlight) may be lower
_BOLD = 700
_ALIGN_RIGHT, _ALIGN_HCENTER = 2, 4


def _linear(channel: float) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


_LINEAR = [_linear(v) for v in range(256)]


def luminance(rgb: tuple[int, int, int]) -> float:
    r, g, b = rgb
    return 0.2126 * _LINEAR[r] + 0.7152 * _LINEAR[g] + 0.0722 * _LINEAR[b]


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def blend(front: QColor, alpha: float, back: tuple[int, int, int]) -> tuple[int, int, int]:
    """The colour a text of ``front`` at ``alpha`` shows over ``back``."""
    f = (front.red(), front.green(), front.blue())
    return (
        round(f[0] * alpha + back[0] * (1 - alpha)),
        round(f[1] * alpha + back[1] * (1 - alpha)),
        round(f[2] * alpha + back[2] * (1 - alpha)),
    )


@dataclass(frozen=True)
class Reading:
    text: str
    ratio: float  # the low percentile over the text's background pixels
    needed: float

    def __str__(self) -> str:
        return f"{self.text!r}: {self.ratio:.2f}:1, needs {self.needed}:1"


def is_large(text: QQuickItem) -> bool:
    font = text.property("font")
    size = font.pixelSize()
    # the screens set weight on the variable font's axis (tests/test_ui_weights.py)
    axis = QFont.Tag("wght")
    weight = font.variableAxisValue(axis) if font.isVariableAxisSet(axis) else font.weight()
    return size >= 24 or (size >= 18.66 and weight >= _BOLD)


def effective_opacity(item: QQuickItem | None) -> float:
    opacity = 1.0
    while item is not None:
        opacity *= item.opacity()
        item = item.parentItem()
    return opacity


def shown(item: QQuickItem | None) -> bool:
    while item is not None:
        if not item.isVisible():
            return False
        item = item.parentItem()
    return True


def enabled(item: QQuickItem | None) -> bool:
    """WCAG asks nothing of the text of a control that cannot be used (a dimmed Back)."""
    while item is not None:
        if not item.isEnabled():
            return False
        item = item.parentItem()
    return True


def visible_box(text: QQuickItem, window: KioskWindow, cues: list[QRectF]) -> QRectF:
    """Where the text's lines are drawn, cut to what its clipping parents and the window show."""
    width, height = text.width(), text.height()
    drawn_w = min(width, text.property("contentWidth"))
    drawn_h = min(height, text.property("contentHeight"))
    align = int(evaluate(text, "horizontalAlignment"))
    x = (
        width - drawn_w
        if align & _ALIGN_RIGHT
        else (width - drawn_w) / 2
        if align & _ALIGN_HCENTER
        else 0
    )
    vertical = int(evaluate(text, "verticalAlignment"))
    y = (height - drawn_h) / 2 if vertical & 0x80 else height - drawn_h if vertical & 0x40 else 0
    box = text.mapRectToScene(QRectF(x, y, drawn_w, drawn_h))
    parent = text.parentItem()
    while parent is not None:
        if parent.clip():
            box = box.intersected(scene_rect(parent))
        parent = parent.parentItem()
    box = box.intersected(QRectF(0, 0, window.window.width(), window.window.height()))
    for cue in cues:
        # the fade at the foot of a page that scrolls, with its arrow, lies over the
        # next lines on purpose: they are read once scrolled up, and measured then
        if box.intersects(cue):
            box.setBottom(min(box.bottom(), cue.top()))
    return box


def _cues(kw: KioskWindow) -> list[QRectF]:
    return [
        scene_rect(i)
        for i in walk(kw.window.contentItem())
        if i.objectName() == "scrollCue" and shown(i) and effective_opacity(i) > 0.01
    ]


def evaluate(item: QQuickItem, expression: str) -> float:
    """A property PySide cannot convert (an enum, a grouped property), read through QML."""
    context = qmlContext(item)
    assert context is not None, f"{item} was not made by QML"
    value, _ = QQmlExpression(context, item, expression).evaluate()
    return float(value)


def shown_texts(kw: KioskWindow, root: QQuickItem | None = None) -> list[QQuickItem]:
    return [
        t
        for t in walk(root or kw.window.contentItem())
        if kind(t) == "QQuickText"
        and t.property("text")
        and shown(t)
        and effective_opacity(t) > 0.01
        and enabled(t)
    ]


def _pil(image: QImage) -> Image.Image:
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    data = bytes(rgb.constBits())
    return Image.frombytes(
        "RGB", (rgb.width(), rgb.height()), data, "raw", "RGB", rgb.bytesPerLine()
    )


def measure(kw: KioskWindow, root: QQuickItem | None = None) -> list[Reading]:
    """Every shown text's contrast against the pixels behind it (under ``root`` only:
    an overlay's texts, not those of the screen it dims)."""
    texts = shown_texts(kw, root)
    cues = _cues(kw)
    boxes = [(t, visible_box(t, kw, cues), effective_opacity(t)) for t in texts]
    saved = [(t, t.opacity()) for t in texts]
    for text in texts:
        text.setOpacity(0)
    try:
        pump(40)
        ratio = kw.window.devicePixelRatio()
        background = _pil(kw.window.grabWindow())
    finally:
        for text, opacity in saved:
            text.setOpacity(opacity)
        pump(40)
    readings = []
    for text, box, opacity in boxes:
        if box.width() < 2 or box.height() < 2:
            continue  # scrolled out of sight: not seen, so not measured
        crop = background.crop(
            (
                round(box.left() * ratio),
                round(box.top() * ratio),
                round(box.right() * ratio),
                round(box.bottom() * ratio),
            )
        )
        colour = text.property("color")
        alpha = colour.alphaF() * opacity
        # an RGB image: each colour is a tuple of three
        counts = cast(
            list[tuple[int, tuple[int, int, int]]], crop.getcolors(crop.width * crop.height) or []
        )
        ratios = sorted((contrast(blend(colour, alpha, rgb), rgb), n) for n, rgb in counts)
        total = sum(n for _, n in ratios)
        low, seen = ratios[0][0], 0
        for value, n in ratios:
            seen += n
            low = value
            if seen >= total * PERCENTILE:
                break
        needed = LARGE if is_large(text) else BODY
        readings.append(Reading(str(text.property("text"))[:50], low, needed))
    return readings


def failures(kw: KioskWindow, root: QQuickItem | None = None) -> list[str]:
    return [str(r) for r in measure(kw, root) if r.ratio < r.needed]

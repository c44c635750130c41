"""Geometry checks for scrolling pages: what a person sees of each text, not that it exists."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage
from PySide6.QtQml import QQmlEngine, QQmlExpression
from PySide6.QtQuick import QQuickItem

from kiosk.ui import textlines
from kiosk.ui.app import KioskWindow
from kiosk.ui.render import settle
from tests.uitools import visible, walk


def scene_rect(item: QQuickItem) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


def kind(item: QQuickItem) -> str:
    """The Qt Quick type, also for items QML extended (a Behavior makes "QQuickText_QML_7")
    and for components built on one (a ScreenText or a SectionHeading is a QQuickText)."""
    meta = item.metaObject()
    while meta.superClass() is not None and "_QML" in meta.className():
        meta = meta.superClass()
    return meta.className()


def texts_in(root: QQuickItem) -> list[QQuickItem]:
    """Every shown Text item under ``root`` with something written in it; the scroll
    cue's arrow, which floats over a view (a child of it), is not the page's text."""
    return [
        i
        for i in walk(root)
        if kind(i) == "QQuickText" and visible(i) and i.property("text") and not in_cue(i, root)
    ]


def in_cue(item: QQuickItem, root: QQuickItem) -> bool:
    parent = item.parentItem()
    while parent is not None and parent is not root:
        if parent.objectName() == "scrollCue":
            return True
        parent = parent.parentItem()
    return False


def text_problems(flick: QQuickItem) -> list[str]:
    """Texts in a scrolling page that are cut, empty-sized, outside the page's clip
    (sideways, or past the end a scroll can reach) or drawn over another text."""
    problems = []
    view = scene_rect(flick)
    content_top = view.top() - flick.property("contentY") + flick.property("originY")
    content_bottom = content_top + flick.property("contentHeight")
    texts = texts_in(flick)
    rects = []
    for text in texts:
        label = repr(text.property("text")[:40])
        rect = scene_rect(text)
        rects.append((label, rect))
        if rect.width() < 1 or rect.height() < 1:
            problems.append(f"{label} has no size")
        if text.property("truncated"):
            problems.append(f"{label} is truncated")
        if text.property("contentWidth") > text.width() + 1:
            problems.append(f"{label} is wider than its box")
        left, right = _sideways(text, flick, view)
        if rect.left() < left - 1 or rect.right() > right + 1:
            problems.append(f"{label} reaches outside the page sideways")
        if rect.top() < content_top - 1 or rect.bottom() > content_bottom + 1:
            problems.append(f"{label} lies beyond the scrollable content")
    for i, (label, rect) in enumerate(rects):
        for other, other_rect in rects[i + 1 :]:
            shared = rect.intersected(other_rect)
            if shared.width() > 1 and shared.height() > 1:
                problems.append(f"{label} overlaps {other}")
    return problems


def _sideways(text: QQuickItem, flick: QQuickItem, view: QRectF) -> tuple[float, float]:
    """How far sideways a text may reach: the page's width, or the whole content of a
    row inside it that scrolls sideways (the timeline's axis), which a drag brings in."""
    item = text.parentItem()
    while item is not None and item != flick:
        meta = item.metaObject()
        scrolls = min(meta.indexOfProperty("contentWidth"), meta.indexOfProperty("contentX")) >= 0
        if scrolls and item.property("contentWidth") > item.width() + 1:
            start = scene_rect(item).left() - item.property("contentX")
            return start, start + item.property("contentWidth")
        item = item.parentItem()
    return view.left(), view.right()


def scroll_to_end(kw: KioskWindow, flick: QQuickItem) -> None:
    end = flick.property("originY") + flick.property("contentHeight") - flick.height()
    flick.setProperty("contentY", max(flick.property("originY"), end))
    settle(kw.window, kw.images, timeout_s=30)


def lowest_text(flick: QQuickItem) -> QRectF:
    return max((scene_rect(t) for t in texts_in(flick)), key=lambda r: r.bottom())


def qml_value(item: QQuickItem, expression: str) -> Any:
    """What a QML expression gives in ``item``'s scope."""
    value, failed = QQmlExpression(QQmlEngine.contextForObject(item), item, expression).evaluate()
    assert not failed, expression
    return value


def line_starts(text: QQuickItem) -> list[int]:
    """Where each line after the first begins in ``text``, laid out again with Qt's own
    text layout at the item's font, width and wrap mode (as QQuickText lays it out)."""
    string = text.property("text")
    wrap = int(qml_value(text, "wrapMode + 0"))  # PySide cannot read QQuickText's enums
    if not string or wrap == 0:
        return []
    width = text.width() - text.property("leftPadding") - text.property("rightPadding")
    starts = textlines.line_starts(string, text.property("font"), width, wrap)
    return [start for start in starts if start > 0]


STARTS_NOT = ",.;:!?)]}»”%"  # a line never begins with punctuation that closes


def broken_words(root: QQuickItem) -> list[str]:
    """Shown texts under ``root`` with a line that ends inside a word ("Azerbaija/n"), or
    begins with a comma or a closing mark."""
    problems = []
    for text in texts_in(root):
        string = text.property("text")
        starts = line_starts(text)
        for before, after in textlines.broken_words(string, starts):
            problems.append(f"{before}/{after} (in {string[:30]!r}, {text.width():.0f} px wide)")
        for start in starts:
            before, after = string[start - 1], string[start]
            if (before.isspace() or before in textlines.BREAKS_AFTER) and after in STARTS_NOT:
                problems.append(
                    f"{string[max(0, start - 20) : start + 20]!r}: a line begins with {after!r}"
                )
    return problems


def share_changed(marked: QImage, plain: QImage, boxes: list[QRectF], step: int = 3) -> float:
    """The share of sample points inside ``boxes`` whose pixel differs between two grabs
    of the same screen (a mark drawn and not)."""
    points = changed = 0
    for box in boxes:
        for y in range(int(box.top()) + 1, int(box.bottom()) - 1, step):
            for x in range(int(box.left()) + 1, int(box.right()) - 1, step):
                points += 1
                changed += marked.pixel(x, y) != plain.pixel(x, y)
    assert points > 0
    return changed / points

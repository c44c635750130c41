"""The printed handout: an A4 PDF drawn by Qt's own PDF writer from the screens' data.

This module owns the page: A4 and its margins, the footer with the page number, and
the re-layout that keeps a heading with what follows it. The document itself is
built by ``kiosk.ui.handout_build`` from ``kiosk.ui.handout_plan`` (what goes in, in
which order); pictures come from the rendition cache, so no original is decoded here
beyond what the kiosk itself allows. Fonts are the bundled Noto Sans, embedded in
the PDF by the writer (only the letters used).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QPageLayout, QPageSize, QPainter, QPdfWriter

from kiosk.content.model import ContentSet
from kiosk.media.cache import RenditionCache
from kiosk.ui.handout_build import HandoutBuilder, HandoutDocument, Options, handout_font
from kiosk.ui.handout_plan import handout_parts

__all__ = ["Options", "Written", "application", "handout_font", "write_handout"]

DPI = 300
MM = DPI / 25.4  # a millimetre on the page, in the writer's pixels
MARGIN_MM = (20.0, 18.0, 20.0, 24.0)  # left, top, right, bottom (the footer sits in it)
FOOTER_PT = 8
MAX_PASSES = 4


@dataclass(frozen=True)
class Written:
    pages: int
    parts: int


def write_handout(
    content: ContentSet, options: Options, out: Path, cache: RenditionCache
) -> Written:
    """Lay the handout out and write it to ``out``; needs a ``QGuiApplication``."""
    writer = QPdfWriter(str(out))
    writer.setResolution(DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(_title(content, options))
    writer.setCreator("kiosk handout")
    page = writer.pageLayout().fullRectPixels(DPI)
    left, top, right, bottom = (m * MM for m in MARGIN_MM)
    body = QSizeF(page.width() - left - right, page.height() - top - bottom)
    parts = handout_parts(content, options.talk, options.notes)
    builder = HandoutBuilder(content, options, cache, writer, body)
    doc = builder.build(parts, None, set())
    breaks: set[int] = set()
    for _ in range(MAX_PASSES):  # each pass may push a later group down: look again
        split = _split_groups(doc, body.height()) - breaks
        if not split:
            break
        breaks |= split
        doc = builder.build(parts, None, breaks)
    doc = builder.build(parts, _starts(doc, body.height()), breaks)  # with page numbers
    painter = QPainter(writer)
    try:
        count = doc.pageCount()
        for index in range(count):
            if index:
                writer.newPage()
            painter.save()
            painter.translate(left, top - index * body.height())
            doc.drawContents(painter, QRectF(0, index * body.height(), body.width(), body.height()))
            painter.restore()
            if index:  # the cover carries no number
                _footer(painter, content, options, index + 1, count, page.width(), page.height())
    finally:
        painter.end()
    return Written(count, len(parts))


def _starts(doc: HandoutDocument, page_height: float) -> list[int]:
    """The 1-based page each part starts on."""
    return [_page_of(doc, number, page_height) + 1 for number in doc.part_blocks]


def _page_of(doc: HandoutDocument, number: int, page_height: float, end: bool = False) -> int:
    rect = doc.documentLayout().blockBoundingRect(doc.findBlockByNumber(number))
    y = rect.bottom() - 1 if end else rect.top() + 1  # 1: the layout rounds
    return int(y // page_height)


def _split_groups(doc: HandoutDocument, page_height: float) -> set[int]:
    """The groups a page break cuts in two; each will start a new page instead.
    Qt's text layout has no "keep with next", so the handout finds them itself."""
    return {
        index
        for index, (first, last) in enumerate(doc.groups)
        if _page_of(doc, first, page_height) != _page_of(doc, last, page_height, end=True)
    }


def _title(content: ContentSet, options: Options) -> str:
    site = content.site.title.get(options.language)
    return f"{site}: {options.talk.title.get(options.language)}" if options.talk else site


def _footer(
    painter: QPainter,
    content: ContentSet,
    options: Options,
    number: int,
    count: int,
    width: float,
    height: float,
) -> None:
    left, _top, right, bottom = (m * MM for m in MARGIN_MM)
    painter.setFont(handout_font(FOOTER_PT))
    painter.setPen(QColor(content.site.theme.muted))
    line_y = height - bottom + 6 * MM
    box = QRectF(left, line_y, width - left - right, 6 * MM)
    painter.drawLine(box.topLeft(), box.topRight())
    text_box = box.adjusted(0, 1.5 * MM, 0, 0)
    flags = Qt.AlignmentFlag.AlignTop
    painter.drawText(text_box, flags | Qt.AlignmentFlag.AlignLeft, _title(content, options))
    painter.drawText(text_box, flags | Qt.AlignmentFlag.AlignRight, f"{number} / {count}")


@contextmanager
def application() -> Iterator[None]:
    """A ``QGuiApplication`` with the bundled fonts registered, for a command line run."""
    from PySide6.QtGui import QGuiApplication

    from kiosk.ui.app import register_fonts

    app = QGuiApplication.instance() or QGuiApplication(["kiosk-handout"])
    assert isinstance(app, QGuiApplication)
    register_fonts(app)
    yield

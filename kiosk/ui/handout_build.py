"""The handout as one ``QTextDocument``, built from the plan cursor by cursor.

Kept apart from ``kiosk.ui.handout``, which cuts the document into pages: this module
only knows how a part reads (titles, text, facts, pictures with their captions and
credits, speaker notes), and records which blocks belong on one page (``groups``);
it is told which groups must start a page and never measures pages itself.
Every word is inserted with ``QTextCursor.insertText``: content never reaches Qt as
HTML, so ``<b>`` in a caption prints as typed. The words come from
``kiosk.ui.present`` (the same dicts the QML screens bind to) and
``kiosk.ui.handout_plan``; pictures come from the rendition cache.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLength,
    QTextListFormat,
    QTextTableFormat,
)

from kiosk.content.model import ContentSet, ImageRef, Talk
from kiosk.media.cache import SCREEN, RenditionCache
from kiosk.ui import present
from kiosk.ui.handout_plan import (
    ABOUT,
    EXHIBIT,
    MAP,
    TIMELINE,
    NoteRef,
    Part,
    duration_text,
    word,
)

log = logging.getLogger("kiosk.handout")

# Lengths in text formats (margins, padding, picture sizes) are in pixels of a 96 dpi
# screen; the layout scales them to the writer. Positions it reports are the writer's.
FMT_MM = 96 / 25.4
FONT_FAMILY = "Noto Sans"
# point sizes: a printed page is read at arm's length, not across a room
TITLE_PT, SUBTITLE_PT, HEADING_PT, BODY_PT, SMALL_PT = 24, 13, 14, 10.5, 8.5
COVER_TITLE_PT = 30


@dataclass(frozen=True)
class Options:
    language: str
    talk: Talk | None = None
    notes: bool = False


def handout_font(points: float) -> QFont:
    """Noto Sans without ligatures: a PDF reader copies "fl" drawn as one glyph as
    "ﬂ" (U+FB02), so "flags" could not be found or pasted."""
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(points)
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


class HandoutDocument(QTextDocument):
    """The built handout, and the block numbers the page layout needs."""

    def __init__(self) -> None:
        super().__init__()
        self.part_blocks: list[int] = []  # the first block of each part
        # blocks that belong on one page: a heading and what follows it, a picture and
        # its caption and credit (first and last block numbers)
        self.groups: list[tuple[int, int]] = []


class HandoutBuilder:
    """Builds the whole handout as one text document, cursor by cursor."""

    def __init__(
        self,
        content: ContentSet,
        options: Options,
        cache: RenditionCache,
        device: QPdfWriter,
        body: QSizeF,
    ) -> None:
        self.content = content
        self.language = options.language
        self.options = options
        self.cache = cache
        self.device = device
        self.body = body
        self.to_fmt = 96 / device.resolution()  # writer pixels to format lengths
        self.theme = content.site.theme
        self.strings = present.strings(content, self.language)
        self.refs: dict[str, ImageRef] = {ref.sha256: ref for ref in content.images()}
        self.images: dict[str, QImage | None] = {}
        self.breaks: set[int] = set()
        self.page_break_next = False

    # -- the document -----------------------------------------------------------------

    def build(
        self, parts: list[Part], pages: list[int] | None, breaks: set[int]
    ) -> HandoutDocument:
        """The whole handout; ``pages`` are the contents' page numbers (``None`` until
        they are known), ``breaks`` the groups (by index) that start a page."""
        doc = HandoutDocument()
        self.breaks = breaks
        doc.documentLayout().setPaintDevice(self.device)
        doc.setPageSize(self.body)
        doc.setDocumentMargin(0)
        doc.setDefaultFont(handout_font(BODY_PT))
        self.doc = doc
        self.cursor = QTextCursor(doc)
        self.cover(parts, pages)
        for part in parts:
            doc.part_blocks.append(self.cursor.blockNumber() + 1)
            if part.kind == EXHIBIT and part.exhibit is not None:
                self.exhibit(part)
            elif part.kind == TIMELINE:
                self.timeline(part)
            elif part.kind == MAP:
                self.map(part)
            elif part.kind == ABOUT:
                self.about(part)
        return doc

    def part_title(self, part: Part) -> str:
        if part.kind == EXHIBIT and part.exhibit is not None:
            exhibit = self.content.exhibit(part.exhibit)
            return exhibit.title.get(self.language) if exhibit else part.exhibit
        return self.strings.get(part.kind, part.kind)

    def cover(self, parts: list[Part], pages: list[int] | None) -> None:
        site = self.content.site
        self.cursor.setBlockFormat(self.block_format(top_mm=40))
        self.cursor.insertText(site.title.get(self.language), self.char(COVER_TITLE_PT, bold=True))
        if site.subtitle is not None:
            self.paragraph(site.subtitle.get(self.language), self.subtitle_char(), top_mm=4)
        talk = self.options.talk
        if talk is not None:
            self.paragraph(
                talk.title.get(self.language), self.char(HEADING_PT + 2, bold=True), top_mm=16
            )
            length = duration_text(talk, self.language)
            if length:
                self.paragraph(length, self.muted_char(BODY_PT), top_mm=2)
        self.paragraph(word("contents", self.language), self.char(HEADING_PT, bold=True), top_mm=20)
        table = self.table(2, widths=(88, 12), rule=True)
        for row, part in enumerate(parts):
            if row:
                table.appendRows(1)
            self.cursor = table.cellAt(row, 0).firstCursorPosition()
            self.cursor.insertText(self.part_title(part), self.char(BODY_PT + 1))
            self.cursor = table.cellAt(row, 1).firstCursorPosition()
            block = self.block_format()
            block.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.cursor.setBlockFormat(block)
            shown = str(pages[row]) if pages else "00"
            self.cursor.insertText(shown, self.char(BODY_PT + 1))
        self.cursor = table.lastCursorPosition()
        self.cursor.movePosition(QTextCursor.MoveOperation.NextBlock)

    def exhibit(self, part: Part) -> None:
        exhibit = self.content.exhibit(part.exhibit or "")
        assert exhibit is not None  # the plan names only exhibits of this content
        page = present.exhibit_page(exhibit, self.language, self.strings)
        self.new_page(page["title"])
        self.paragraph(page["subtitle"], self.subtitle_char(), top_mm=2)
        self.notes(part.notes)
        self.picture(page["hero"], width=1.0, max_height=0.42)
        self.blocks(page["summary"])
        if page["facts"]:
            self.heading(self.strings.get("facts", ""))
            self.facts(page["facts"])
        for section in page["sections"]:
            self.heading(section["heading"])
            self.blocks(section["blocks"])
            if section["image"] is not None:
                self.picture(section["image"], width=0.6, max_height=0.3)
        if page["gallery"]:
            self.heading(self.strings.get("gallery", ""))
            self.gallery(page["gallery"])

    def timeline(self, part: Part) -> None:
        self.new_page(self.strings.get("timeline", "timeline"))
        self.notes(part.notes)
        rows = present.timeline(self.content, self.language)
        for index in self.labelled_rows([row["label"] for row in rows]):
            row = rows[index]
            self.cursor.insertText(row["title"], self.char(BODY_PT, bold=True))
            self.blocks(row["blocks"], top_mm=1)
            self.paragraph(row["exhibitTitle"], self.muted_char(SMALL_PT), top_mm=1)

    def map(self, part: Part) -> None:
        """The map's page: the map as the screen draws it, then each place with the
        exhibits set there, as the map's panel lists them."""
        from kiosk.ui import mapview  # a handout with the map only

        self.new_page(self.strings.get("map", "map"))
        self.notes(part.notes)
        self.map_picture()
        places = mapview.places(self.content, self.language)
        for index in self.labelled_rows([place["name"] for place in places]):
            for number, exhibit in enumerate(places[index]["exhibits"]):
                if number:
                    self.cursor.insertBlock()
                self.cursor.insertText(exhibit["title"], self.char(BODY_PT))

    def map_picture(self) -> None:
        """The drawn map across the text, one of its pixels a pixel of the page."""
        from kiosk.ui.handout_map import draw_map

        drawn = self.images.get(MAP)
        if drawn is None:  # drawn once, for every pass of the layout
            drawn = self.images[MAP] = draw_map(
                self.content, self.language, round(self.body.width())
            )
        name = f"handout:{MAP}"
        self.doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), drawn)
        fmt = QTextImageFormat()
        fmt.setName(name)
        fmt.setWidth(self.body.width() * self.to_fmt)
        fmt.setHeight(self.body.width() * drawn.height() / drawn.width() * self.to_fmt)
        block = QTextBlockFormat()
        block.setTopMargin(5 * FMT_MM)
        self.insert_block(block)
        self.cursor.insertImage(fmt)

    def about(self, part: Part) -> None:
        page = present.about(self.content, self.language)
        self.new_page(self.strings.get("about", "about"))
        self.paragraph(page["title"], self.subtitle_char(), top_mm=2)
        self.notes(part.notes)
        self.credit_lines(page["credits"])
        for exhibit in page["exhibits"]:
            self.heading(exhibit["title"])
            self.credit_lines(exhibit["credits"])
            for group in exhibit["images"]:
                self.paragraph(group["credit"], self.char(SMALL_PT + 0.5, bold=True), top_mm=2)
                self.bullets(group["images"], self.muted_char(SMALL_PT + 0.5))

    # -- pieces -----------------------------------------------------------------------

    def new_page(self, title: str) -> None:
        block = self.block_format()
        block.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        self.cursor.insertBlock(block)
        self.cursor.insertText(title, self.char(TITLE_PT, bold=True))

    def heading(self, text: str) -> None:
        """A heading, kept on one page with the first line of what follows it."""
        first = self.start_group()
        self.paragraph(text, self.char(HEADING_PT, bold=True), top_mm=7)
        self.doc.groups.append((first, first + 1))

    def start_group(self) -> int:
        """The number the next block will have; a group pushed to a new page starts one."""
        if len(self.doc.groups) in self.breaks:
            self.page_break_next = True
        return self.next_block()

    def next_block(self) -> int:
        return self.cursor.blockNumber() + 1

    def paragraph(self, text: str, char: QTextCharFormat, top_mm: float = 2.5) -> None:
        self.insert_block(self.block_format(top_mm=top_mm), char)
        self.cursor.insertText(text, char)

    def insert_block(self, block: QTextBlockFormat, char: QTextCharFormat | None = None) -> None:
        if self.page_break_next:
            block.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            self.page_break_next = False
        if char is None:
            self.cursor.insertBlock(block)
        else:
            self.cursor.insertBlock(block, char)

    def blocks(self, blocks: list[present.Block], top_mm: float = 2.5) -> None:
        for block in blocks:
            if block["kind"] == "list":
                self.bullets(block["items"], self.char(BODY_PT))
            else:
                self.paragraph(block["text"], self.char(BODY_PT), top_mm=top_mm)

    def bullets(self, items: list[str] | tuple[str, ...], char: QTextCharFormat) -> None:
        style = QTextListFormat()
        style.setStyle(QTextListFormat.Style.ListDisc)
        style.setIndent(1)
        for index, text in enumerate(items):
            self.cursor.insertBlock(self.block_format(top_mm=1), char)
            if index == 0:
                listed = self.cursor.createList(style)
            else:
                listed.add(self.cursor.block())
            self.cursor.insertText(text, char)

    def credit_lines(self, lines: list[present.Credit]) -> None:
        for line in lines:
            self.paragraph(line["label"], self.char(BODY_PT, bold=True), top_mm=3)
            self.blocks(line["blocks"], top_mm=1)

    def facts(self, facts: list[present.Fact]) -> None:
        table = self.table(2, widths=(38, 62), rule=True)
        for index, fact in enumerate(facts):
            if index:
                table.appendRows(1)
            self.cursor = table.cellAt(index, 0).firstCursorPosition()
            self.cursor.insertText(fact["label"], self.muted_char(BODY_PT, bold=True))
            self.cursor = table.cellAt(index, 1).firstCursorPosition()
            self.cursor.insertText(fact["value"], self.char(BODY_PT))
        self.cursor = table.lastCursorPosition()
        self.cursor.movePosition(QTextCursor.MoveOperation.NextBlock)

    def notes(self, notes: list[NoteRef]) -> None:
        """The presenter's script for this part, in a tinted box above the content."""
        if not notes:
            return
        frame = QTextFrameFormat()
        frame.setBackground(QBrush(QColor("#EEF5F7")))
        frame.setPadding(3 * FMT_MM)
        frame.setTopMargin(4 * FMT_MM)
        frame.setBorder(0)
        self.cursor.insertFrame(frame)
        self.cursor.insertText(
            word("notes", self.language), self.accent_char(SMALL_PT + 1, bold=True)
        )
        for ref in notes:
            label = word("step", self.language, n=ref.step)
            if ref.picture is not None:
                label += " · " + word("picture", self.language, n=ref.picture)
            place = self.content.place(ref.place) if ref.place else None
            if place is not None:  # a map step on one place: "Step 2 · Baku"
                label += " · " + place.name.get(self.language)
            self.paragraph(label, self.char(SMALL_PT + 1, bold=True), top_mm=2.5)
            for block in present.blocks(ref.notes, self.language):
                text = block["text"] or " · ".join(block["items"])
                self.paragraph(text, self.char(BODY_PT), top_mm=1)
        self.cursor.movePosition(QTextCursor.MoveOperation.NextBlock)

    def picture(self, image: present.Image, width: float, max_height: float) -> None:
        """A picture across the text, with its caption and credit, kept on one page."""
        first = self.join_or_start_group()
        self.picture_blocks(image, width, max_height, first_in_cell=False)
        self.doc.groups.append((first, self.cursor.blockNumber()))

    def gallery(self, images: list[present.GalleryImage]) -> None:
        """Two pictures a row, each row kept on one page: a gallery of small pictures
        one under the other left pages half empty."""
        for start in range(0, len(images), 2):
            first = self.join_or_start_group()
            fmt = self.table_format(widths=(50, 50), rule=False)
            if self.page_break_next:
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                self.page_break_next = False
            table = self.cursor.insertTable(1, 2, fmt)
            for column, image in enumerate(images[start : start + 2]):
                self.cursor = table.cellAt(0, column).firstCursorPosition()
                self.picture_blocks(image, 0.46, 0.24, first_in_cell=True)
            self.cursor = table.lastCursorPosition()
            self.doc.groups.append((first, self.cursor.blockNumber()))
            self.cursor.movePosition(QTextCursor.MoveOperation.NextBlock)

    def join_or_start_group(self) -> int:
        """Right under a heading, a picture joins the heading's group (never a lone
        heading at the foot of a page); anywhere else it starts its own."""
        if self.doc.groups and self.doc.groups[-1][1] == self.next_block():
            return self.doc.groups.pop()[0]
        return self.start_group()

    def picture_blocks(
        self, image: present.Image, width: float, max_height: float, first_in_cell: bool
    ) -> None:
        """A rendition at ``width`` of the text width (at most ``max_height`` of the
        page's), then its caption and credit; a picture that cannot be made is left out
        with a log line, the caption still printed."""
        sha, _kind = str(image["key"]).split(":", 1)
        loaded = self.load(sha)
        if loaded is not None and not loaded.isNull():
            aspect = loaded.width() / max(loaded.height(), 1)
            w = self.body.width() * width
            h = w / aspect
            if h > self.body.height() * max_height:
                h = self.body.height() * max_height
                w = h * aspect
            fmt = QTextImageFormat()
            fmt.setName(f"handout:{sha}")
            fmt.setWidth(w * self.to_fmt)
            fmt.setHeight(h * self.to_fmt)
            block = QTextBlockFormat()  # no extra line height under a picture
            block.setTopMargin(0 if first_in_cell else 5 * FMT_MM)
            if first_in_cell:
                self.cursor.setBlockFormat(block)
            else:
                self.insert_block(block)
            self.cursor.insertImage(fmt)
        caption = image["caption"] or image["alt"]
        self.paragraph(caption, self.muted_char(SMALL_PT), top_mm=1.5)
        self.paragraph(image["credit"], self.muted_char(SMALL_PT - 0.5), top_mm=0.5)

    def load(self, sha: str) -> QImage | None:
        if sha not in self.images:
            self.images[sha] = None
            ref = self.refs.get(sha)
            if ref is not None:
                try:
                    path = self.cache.build(ref, [SCREEN])[SCREEN]
                except Exception as error:  # one bad picture must not lose the handout
                    log.warning("handout: no picture for %s (%s)", ref.path, error)
                else:
                    self.images[sha] = QImage(str(path))
        loaded = self.images[sha]
        if loaded is not None:
            self.doc.addResource(
                QTextDocument.ResourceType.ImageResource, QUrl(f"handout:{sha}"), loaded
            )
        return loaded

    def labelled_rows(self, labels: list[str]) -> Iterator[int]:
        """A table of two columns, a row for each label, written on the left in the
        accent colour; for each row the cursor waits in its right-hand cell (the row's
        index is given) and, once all are written, goes on after the table. No labels,
        no table."""
        if not labels:
            return
        table = self.table(2, widths=(26, 74), rule=True)
        for index, label in enumerate(labels):
            if index:
                table.appendRows(1)
            self.cursor = table.cellAt(index, 0).firstCursorPosition()
            self.cursor.insertText(label, self.accent_char(BODY_PT, bold=True))
            self.cursor = table.cellAt(index, 1).firstCursorPosition()
            yield index
        self.cursor = table.lastCursorPosition()
        self.cursor.movePosition(QTextCursor.MoveOperation.NextBlock)

    def table(self, columns: int, widths: tuple[int, ...], rule: bool) -> Any:
        return self.cursor.insertTable(1, columns, self.table_format(widths, rule))

    def table_format(self, widths: tuple[int, ...], rule: bool) -> QTextTableFormat:
        fmt = QTextTableFormat()
        fmt.setBorder(0.6 if rule else 0)
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        fmt.setBorderBrush(QBrush(QColor("#D8D2C4")))
        fmt.setBorderCollapse(True)
        fmt.setCellPadding(1.6 * FMT_MM)
        fmt.setCellSpacing(0)
        fmt.setTopMargin(3 * FMT_MM)
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        fmt.setColumnWidthConstraints(
            [QTextLength(QTextLength.Type.PercentageLength, w) for w in widths]
        )
        fmt.setHeaderRowCount(0)
        return fmt

    # -- formats ----------------------------------------------------------------------

    def block_format(self, top_mm: float = 0) -> QTextBlockFormat:
        block = QTextBlockFormat()
        block.setTopMargin(top_mm * FMT_MM)
        block.setLineHeight(118, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        return block

    def char(self, size: float, bold: bool = False, colour: str | None = None) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setFontFamilies([FONT_FAMILY])
        fmt.setFontPointSize(size)
        # on the variable font's axis: a PDF embeds the instance drawn, and a weight
        # asked for otherwise came out regular (as on screen: Style.qml)
        weight = QFont.Weight.Bold if bold else QFont.Weight.Normal
        fmt.setFontVariableAxes({QFont.Tag("wght"): float(weight.value)})
        fmt.setForeground(QBrush(QColor(colour or self.theme.ink)))
        return fmt

    def muted_char(self, size: float, bold: bool = False) -> QTextCharFormat:
        return self.char(size, bold, self.theme.muted)

    def accent_char(self, size: float, bold: bool = False) -> QTextCharFormat:
        return self.char(size, bold, self.theme.accent_text)

    def subtitle_char(self) -> QTextCharFormat:
        return self.accent_char(SUBTITLE_PT)

"""The map on the handout's map page, drawn for print.

The screen draws its map in QML (``MapView.qml``); paper cannot run QML, so this
draws the same picture with a ``QPainter`` from the same data: the outlines of
``region.json``, and the places' markers and names and the countries' and seas'
names where the screen's own layout (``kiosk.ui.mapview.MapScreen.layout``) puts
them, in the handout's language and the site's colours. Only the sizes differ: a
page is read at arm's length, so names are set for print, not for a touchscreen.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPen

from kiosk.content.model import ContentSet
from kiosk.ui.mapview import MapScreen, outlines, region

# sizes as parts of the map's width (on a 1,280-pixel map on screen: 23-pixel place
# names, 17-pixel area names, a 26-pixel marker), a touch larger for print
PLACE_TEXT = 0.02
AREA_TEXT = 0.0145
DOT = 0.018
GAP = 0.006
_POINT = re.compile(r"([MLZ])\s*(?:(-?[\d.]+)\s+(-?[\d.]+))?")


def draw_map(content: ContentSet, language: str, width: int) -> QImage:
    """The map ``width`` pixels wide, as a picture for the page."""
    screen = MapScreen(content, language)
    drawn = region()
    map_width = float(drawn["width"])
    height = round(width * float(drawn["height"]) / map_width)
    theme = content.site.theme
    background, accent = QColor(theme.background), QColor(theme.accent)
    sea = _mix(background, accent, 0.22)
    land = _mix(background, QColor("#000000"), 8 / 255)
    ink = QColor(theme.ink)
    edge = QColor(ink)
    edge.setAlphaF(0.35)
    place_px, area_px, dot = width * PLACE_TEXT, width * AREA_TEXT, width * DOT
    layout = screen.layout(width, height, dot * 1.6, dot, width * GAP, place_px, area_px)

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(sea)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        scale = width / map_width
        line = max(1.0, width / 1280)
        painter.save()
        painter.scale(scale, scale)
        _outlines(painter, outlines(focus=False), land, edge, line / scale)
        _outlines(
            painter, outlines(focus=True), QColor(theme.surface), QColor(theme.accent_text),
            2 * line / scale,
        )  # fmt: skip
        painter.restore()
        for area in layout["areas"]:
            font = _font(area_px, bold=area["focus"], italic=area["sea"])
            colour = QColor(theme.accent_text if area["sea"] else theme.muted)
            box = QRectF(area["x"], area["y"], area["w"], area["h"])
            _halo_text(painter, box, area["name"], font, colour, sea if area["sea"] else land)
        for marker in layout["markers"]:
            label = marker["label"]
            box = QRectF(label["x"], label["y"], label["w"], label["h"])
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(theme.surface))
            painter.setOpacity(0.92)
            painter.drawRoundedRect(box, box.height() / 4, box.height() / 4)
            painter.setOpacity(1)
            painter.setFont(_font(place_px, bold=True))
            painter.setPen(ink)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, marker["name"])
            painter.setPen(QPen(QColor("#FFFFFF"), max(2.0, 3 * line)))
            painter.setBrush(QColor(theme.accent_text))
            painter.drawEllipse(QPointF(marker["cx"], marker["cy"]), dot / 2, dot / 2)
        painter.setPen(QPen(edge, line))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(0, 0, width - 1, height - 1))
    finally:
        painter.end()
    return image


def _outlines(painter: QPainter, svg: str, fill: QColor, stroke: QColor, width: float) -> None:
    path = _path(svg)
    painter.setBrush(fill)
    pen = QPen(stroke, width)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.drawPath(path)


def _path(svg: str) -> QPainterPath:
    """``region.json``'s outlines: absolute moves and lines, closed (``M x y L x y Z``)."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for command, x, y in _POINT.findall(svg):
        if command == "M":
            path.moveTo(float(x), float(y))
        elif command == "L":
            path.lineTo(float(x), float(y))
        else:
            path.closeSubpath()
    return path


def _font(pixels: float, bold: bool, italic: bool = False) -> QFont:
    """As ``kiosk.ui.mapview`` measures it: the bundled face, its weight on the
    ``wght`` axis."""
    font = QFont()
    font.setPixelSize(max(1, round(pixels)))
    if bold:
        font.setVariableAxis(QFont.Tag("wght"), float(QFont.Weight.DemiBold.value))
    font.setItalic(italic)
    return font


def _halo_text(
    painter: QPainter, box: QRectF, text: str, font: QFont, colour: QColor, halo: QColor
) -> None:
    """A name with a halo in the ground's colour, so it reads where a border crosses
    it (the screen's ``Text.Outline``)."""
    painter.setFont(font)
    painter.setPen(halo)
    flags = Qt.AlignmentFlag.AlignCenter
    for dx, dy in ((-1, 0), (1, 0), (0, -1), (0, 1), (-1, -1), (1, 1), (-1, 1), (1, -1)):
        painter.drawText(box.translated(dx * 1.5, dy * 1.5), flags, text)
    painter.setPen(colour)
    painter.drawText(box, flags, text)


def _mix(a: QColor, b: QColor, share: float) -> QColor:
    """``b`` laid over ``a`` at ``share`` (QML's ``Qt.tint``)."""
    return QColor.fromRgbF(
        a.redF() * (1 - share) + b.redF() * share,
        a.greenF() * (1 - share) + b.greenF() * share,
        a.blueF() * (1 - share) + b.blueF() * share,
    )

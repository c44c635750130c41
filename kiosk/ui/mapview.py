"""The map screen's data for QML: outlines, places with their exhibits, and where
each marker and name goes at the size the map is drawn.

Made when the map is first opened (``Kiosk.map``), never before the first frame: the
outlines file is read then. Where names go is decided in ``kiosk.runtime.maplayout``
from the texts' sizes measured here with the font QML draws them in.

Each dict handed to QML has every key of its schema (a ``TypedDict``, as in
``kiosk.ui.present``): QML reads them with no fallback, and
``tests/test_present_schema.py`` checks them.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any, TypedDict

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtGui import QFont, QFontMetricsF

from kiosk.content import mapgeo
from kiosk.content.model import ContentSet
from kiosk.runtime.maplayout import AreaLabel, Marker, Rect, lay_out
from kiosk.ui.present import Tile, tile

REGION_FILE = Path(__file__).resolve().parent / "map" / "region.json"
# A name's box around its text, in parts of the font's pixel size.
PAD_X = 0.35
PAD_Y = 0.1


class MapPlace(TypedDict):
    """A place and its exhibits, at its spot in map units (``MapScreen.places``)."""

    index: int  # in the content's places: what ``choosePlace`` takes
    placeId: str
    name: str
    x: float
    y: float
    exhibits: list[Tile]  # as home's tiles: each with its title, subtitle and cover


class Box(TypedDict):
    """A rectangle in pixels of the map as drawn."""

    x: float
    y: float
    w: float
    h: float


class MapMarker(MapPlace):
    target: Box  # the marker's touch target
    cx: float  # the marker's centre
    cy: float
    label: Box  # the place's name


class MapArea(Box):
    """A country's or sea's name, where it is drawn."""

    key: str
    name: str
    sea: bool
    focus: bool


class Layout(TypedDict):
    """``MapScreen.layout``: every marker, the area names that found room, and whether
    every place's name found a clear spot."""

    markers: list[MapMarker]
    areas: list[MapArea]
    clear: bool


@cache
def region() -> dict[str, Any]:
    """``region.json`` as made by ``assets/make_map.py``."""
    data: dict[str, Any] = json.loads(REGION_FILE.read_text(encoding="utf-8"))
    return data


def places(content: ContentSet, language: str) -> list[MapPlace]:
    """Each place on the map with its exhibits, in one language (map units)."""
    rows = []
    for index, place in enumerate(content.places):
        x, y = mapgeo.project(place.lon, place.lat)
        exhibits = [tile(e, language) for e in content.exhibits_at(place.id)]
        name = place.name.get(language)
        rows.append(MapPlace(index=index, placeId=place.id, name=name, x=x, y=y, exhibits=exhibits))
    return rows


def outlines(focus: bool) -> str:
    """SVG path data in map units: the two countries of the story (``focus``), or
    their neighbours."""
    return "".join(c["path"] for c in region()["countries"] if c["focus"] == focus)


def area_name(area: mapgeo.AreaName, language: str) -> str:
    return area.names.get(language) or area.names["en"]


class MapScreen(QObject):
    """``kiosk.map`` in QML."""

    changed = Signal()

    def __init__(self, content: ContentSet, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._content = content
        self._language = language
        self._places = places(content, language)
        self._revision = 0

    def set_content(self, content: ContentSet, language: str) -> None:
        self._content = content
        self._language = language
        self._places = places(content, language)
        self._revision += 1
        self.changed.emit()

    def _get_neighbour_outlines(self) -> str:
        return outlines(focus=False)

    # SVG path data in map units: the neighbours, drawn faint
    neighbourOutlines = Property(str, _get_neighbour_outlines, constant=True)

    def _get_focus_outlines(self) -> str:
        return outlines(focus=True)

    # Uzbekistan and Azerbaijan, drawn over the neighbours
    focusOutlines = Property(str, _get_focus_outlines, constant=True)

    def _get_map_width(self) -> float:
        return float(region()["width"])

    mapWidth = Property(float, _get_map_width, constant=True)

    def _get_map_height(self) -> float:
        return float(region()["height"])

    mapHeight = Property(float, _get_map_height, constant=True)

    def _get_places(self) -> list[MapPlace]:
        return self._places

    places = Property(list, _get_places, notify=changed)

    def _get_revision(self) -> int:
        return self._revision

    # passed to ``layout`` so a binding calling it runs again for new names
    revision = Property(int, _get_revision, notify=changed)

    @Slot(float, float, float, float, float, float, float, int, result=dict)
    def layout(
        self,
        width: float,
        height: float,
        target: float,
        dot: float,
        gap: float,
        place_px: float,
        area_px: float,
        revision: int = 0,
    ) -> Layout:
        """Markers and names in pixels of a map drawn ``width`` x ``height``."""
        if width <= 0 or height <= 0:
            return Layout(markers=[], areas=[], clear=True)
        scale = width / self._get_map_width()
        place_font = _font(place_px, QFont.Weight.DemiBold, False)
        markers = [
            Marker(p["x"] * scale, p["y"] * scale, *_box(place_font, p["name"], place_px))
            for p in self._places
        ]
        areas = []
        shown_areas = []
        for area in mapgeo.AREA_NAMES:
            name = area_name(area, self._language)
            weight = QFont.Weight.DemiBold if area.focus else QFont.Weight.Normal
            font = _font(area_px, weight, area.sea)
            w, h = _box(font, name, area_px)
            spots = tuple((x * scale, y * scale) for x, y in map(_project, area.spots))
            areas.append(AreaLabel(spots, w, h))
            shown_areas.append(area)
        result = lay_out(width, height, markers, areas, target, dot, gap)
        return Layout(
            markers=[
                MapMarker(**p, target=_as_box(t), cx=m.x, cy=m.y, label=_as_box(label))
                for p, m, t, label in zip(
                    self._places, markers, result.markers, result.labels, strict=True
                )
            ],
            areas=[
                MapArea(
                    key=area.key,
                    name=area_name(area, self._language),
                    sea=area.sea,
                    focus=area.focus,
                    **_as_box(rect),
                )
                for area, rect in zip(shown_areas, result.areas, strict=True)
                if rect is not None
            ],
            clear=result.clear,
        )


def _project(spot: tuple[float, float]) -> tuple[float, float]:
    return mapgeo.project(*spot)


def _font(pixels: float, weight: QFont.Weight, italic: bool) -> QFont:
    """The font a label is drawn in (``MapView.qml``): its weight on the bundled
    variable font's ``wght`` axis, as every weighted text on screen, the regular weight
    as the font's default, with no axis (see ``Style.qml``)."""
    font = QFont()
    font.setPixelSize(max(1, round(pixels)))
    if weight != QFont.Weight.Normal:
        font.setVariableAxis(QFont.Tag("wght"), float(weight.value))
    font.setItalic(italic)
    return font


def _box(font: QFont, text: str, pixels: float) -> tuple[float, float]:
    metrics = QFontMetricsF(font)
    width = metrics.horizontalAdvance(text) + 2 * PAD_X * pixels + 2
    height = metrics.height() + 2 * PAD_Y * pixels
    return float(round(width)), float(round(height))


def _as_box(rect: Rect) -> Box:
    return Box(x=rect.x, y=rect.y, w=rect.w, h=rect.h)

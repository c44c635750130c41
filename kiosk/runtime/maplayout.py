"""Where the map's names go: beside their markers, never over another name or marker.

Pure geometry, no Qt: the map screen measures its texts and asks here where each
goes, for the size the map is drawn at. A place's name tries the spots around its
marker (right, left, above, below, then the corners) and takes the first that stays
inside the map and clear of every marker and every name placed before; a country or
sea name tries its own spots and is left out when none is clear. Markers come first,
then their names, then countries and seas: a place is never hidden for a country.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    def overlaps(self, other: Rect, pad: float = 0.0) -> bool:
        return (
            self.x < other.x + other.w + pad
            and other.x < self.x + self.w + pad
            and self.y < other.y + other.h + pad
            and other.y < self.y + self.h + pad
        )

    def within(self, width: float, height: float) -> bool:
        inside_x = self.x >= 0 and self.x + self.w <= width
        return inside_x and self.y >= 0 and self.y + self.h <= height


@dataclass(frozen=True)
class Marker:
    x: float  # centre, in pixels of the drawn map
    y: float
    label_w: float
    label_h: float


@dataclass(frozen=True)
class AreaLabel:
    spots: tuple[tuple[float, float], ...]  # centres to try, best first, in pixels
    w: float
    h: float


@dataclass(frozen=True)
class MapLayout:
    markers: tuple[Rect, ...]  # each marker's touch target
    labels: tuple[Rect, ...]  # each marker's name
    areas: tuple[Rect | None, ...]  # each country's or sea's name, None when left out
    clear: bool  # every place's name found a clear spot


def lay_out(
    width: float,
    height: float,
    markers: Sequence[Marker],
    areas: Sequence[AreaLabel],
    target: float,
    dot: float,
    gap: float,
    min_target: float = 48.0,
) -> MapLayout:
    """Rects in map pixels. ``target`` is a marker's touch target (a square), made
    smaller (down to ``min_target``) where two markers are closer than that, so one
    never covers the other; ``dot`` is the drawn marker's diameter, ``gap`` the room kept
    between a dot and its name and between names.

    Names keep clear of every drawn marker and of each other. They may reach into
    another marker's touch target: the screen draws targets over names, so a tap
    there still reaches the marker."""
    target = max(min_target, min(target, _closest(markers)))
    targets = tuple(Rect(m.x - target / 2, m.y - target / 2, target, target) for m in markers)
    dots = [Rect(m.x - dot / 2, m.y - dot / 2, dot, dot) for m in markers]
    taken: list[Rect] = []
    clear = True
    for marker in markers:
        candidates = _around(marker, dot / 2 + gap)
        best = _first_clear(candidates, [*dots, *taken], width, height, gap / 2)
        if best is None:
            clear = False
            best = min(candidates, key=lambda r: _overlap_area(r, [*dots, *taken], width, height))
        taken.append(best)
    labels = tuple(taken)
    placed_areas: list[Rect | None] = []
    blocked = [*dots, *labels]
    for area in areas:
        spots = [Rect(x - area.w / 2, y - area.h / 2, area.w, area.h) for x, y in area.spots]
        chosen = _first_clear(spots, blocked, width, height, gap)
        placed_areas.append(chosen)
        if chosen is not None:
            blocked.append(chosen)
    return MapLayout(targets, labels, tuple(placed_areas), clear)


def _closest(markers: Sequence[Marker]) -> float:
    """The smallest distance between two markers along x or y, whichever is larger:
    square targets that wide do not overlap."""
    closest = float("inf")
    for i, a in enumerate(markers):
        for b in markers[i + 1 :]:
            closest = min(closest, max(abs(a.x - b.x), abs(a.y - b.y)))
    return closest


def _around(marker: Marker, offset: float) -> list[Rect]:
    x, y, w, h = marker.x, marker.y, marker.label_w, marker.label_h
    corner = offset * 0.7
    return [
        Rect(x + offset, y - h / 2, w, h),  # right
        Rect(x - offset - w, y - h / 2, w, h),  # left
        Rect(x - w / 2, y - offset - h, w, h),  # above
        Rect(x - w / 2, y + offset, w, h),  # below
        Rect(x + corner, y - corner - h, w, h),  # above right
        Rect(x - corner - w, y - corner - h, w, h),  # above left
        Rect(x + corner, y + corner, w, h),  # below right
        Rect(x - corner - w, y + corner, w, h),  # below left
    ]


def _first_clear(
    candidates: Sequence[Rect], blocked: Sequence[Rect], width: float, height: float, pad: float
) -> Rect | None:
    for rect in candidates:
        if rect.within(width, height) and not any(rect.overlaps(b, pad) for b in blocked):
            return rect
    return None


def _overlap_area(rect: Rect, blocked: Sequence[Rect], width: float, height: float) -> float:
    total = 0.0
    for b in blocked:
        dx = min(rect.x + rect.w, b.x + b.w) - max(rect.x, b.x)
        dy = min(rect.y + rect.h, b.y + b.h) - max(rect.y, b.y)
        total += max(0.0, dx) * max(0.0, dy)
    outside = rect.w * rect.h - max(0.0, min(rect.x + rect.w, width) - max(rect.x, 0.0)) * max(
        0.0, min(rect.y + rect.h, height) - max(rect.y, 0.0)
    )
    return total + outside * 10

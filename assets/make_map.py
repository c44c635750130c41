"""Make the map's country outlines from Natural Earth (pure Python, deterministic).

Two steps, so the repository needs only a small input:

1. ``extract``: from ``countries-50m.json`` of the ``world-atlas`` package on the npm
   registry (TopoJSON of Natural Earth's 1:50m Admin 0 countries, public domain),
   keep the countries the map draws (``kiosk.content.mapgeo.COUNTRIES``), drop their
   islands and parts far from the frame, and write ``assets/map/countries-region.json``
   (TopoJSON still; committed)::

       npm pack world-atlas && tar xzf world-atlas-*.tgz
       .venv/bin/python assets/make_map.py extract package/countries-50m.json

2. ``build`` (the default): project that file with the map's projection
   (``kiosk.content.mapgeo``), simplify each shared border once (so neighbours still
   meet), clip to the frame and write ``kiosk/ui/map/region.json``, SVG paths in map
   units, which the kiosk ships and draws::

       .venv/bin/python assets/make_map.py

``tests/test_map_file.py`` checks that the committed ``region.json`` is what step 2
makes from the committed input.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.content import mapgeo  # noqa: E402

SUBSET = ROOT / "assets" / "map" / "countries-region.json"
OUTPUT = ROOT / "kiosk" / "ui" / "map" / "region.json"

Point = tuple[float, float]

# Step 1: arcs wholly this far (degrees) outside the frame are simplified this much:
# a simplified line stays within its tolerance of the original, so it cannot reach
# into the frame, and what the frame shows is unchanged.
FAR_DEGREES = 1.0
FAR_TOLERANCE = 0.5
# Step 2: tolerance in map units (the frame is 1000 wide: about 1.8 px on a 1920 px
# screen), and the smallest island or lake kept (square map units).
TOLERANCE = 0.7
MIN_AREA = 6.0


# -- TopoJSON -----------------------------------------------------------------------


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[int, int]]]:
    """Arcs as absolute quantized positions (TopoJSON stores deltas)."""
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x, y))
        arcs.append(points)
    return arcs


def to_degrees(topology: dict[str, Any], point: tuple[int, int]) -> Point:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    return point[0] * sx + tx, point[1] * sy + ty


def polygons(geometry: dict[str, Any]) -> list[list[list[int]]]:
    """A geometry's polygons, each a list of rings, each ring a list of arc indices."""
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["arcs"])
    return []


def arc_index(i: int) -> int:
    return i if i >= 0 else ~i


# -- step 1: extract ------------------------------------------------------------------


def extract(source: Path) -> dict[str, Any]:
    topology = json.loads(source.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    west, east, south, north = mapgeo.frame_degrees_bounds()
    box = (west - FAR_DEGREES, east + FAR_DEGREES, south - FAR_DEGREES, north + FAR_DEGREES)

    def degrees(i: int) -> list[Point]:
        return [to_degrees(topology, p) for p in arcs[i]]

    def touches(points: Iterable[Point]) -> bool:
        xs, ys = zip(*points, strict=True)
        return min(xs) <= box[1] and max(xs) >= box[0] and min(ys) <= box[3] and max(ys) >= box[2]

    by_name = {g["properties"]["name"]: g for g in topology["objects"]["countries"]["geometries"]}
    kept: list[dict[str, Any]] = []
    renumber: dict[int, int] = {}
    new_arcs: list[list[tuple[int, int]]] = []
    for name in mapgeo.COUNTRIES:
        polys = []
        for polygon in polygons(by_name[name]):
            ring_points = [p for i in polygon[0] for p in degrees(arc_index(i))]
            if not touches(ring_points):
                continue  # an island or a part of the country far from the map
            new_polygon = []
            for ring in polygon:
                new_ring = []
                for i in ring:
                    old = arc_index(i)
                    if old not in renumber:
                        renumber[old] = len(new_arcs)
                        new_arcs.append(_far_simplified(arcs[old], degrees(old), box))
                    new_ring.append(renumber[old] if i >= 0 else ~renumber[old])
                new_polygon.append(new_ring)
            polys.append(new_polygon)
        kept.append({"type": "MultiPolygon", "arcs": polys, "properties": {"name": name}})
    return {
        "type": "Topology",
        "about": "Natural Earth 1:50m Admin 0 countries (public domain), from the world-atlas "
        "package; only the countries and parts the kiosk's map draws. Made by "
        "assets/make_map.py extract.",
        "transform": topology["transform"],
        "objects": {"countries": {"type": "GeometryCollection", "geometries": kept}},
        "arcs": [_deltas(a) for a in new_arcs],
    }


def _far_simplified(
    points: list[tuple[int, int]], degrees: list[Point], box: tuple[float, float, float, float]
) -> list[tuple[int, int]]:
    """An arc wholly outside the frame by ``FAR_DEGREES`` loses its detail."""
    west, east, south, north = box
    near = any(west <= x <= east and south <= y <= north for x, y in degrees)
    if near:
        return points
    keep = simplify_indices(degrees, FAR_TOLERANCE)
    return [points[i] for i in keep]


def _deltas(points: Sequence[tuple[int, int]]) -> list[list[int]]:
    out = []
    px = py = 0
    for x, y in points:
        out.append([x - px, y - py])
        px, py = x, y
    return out


# -- simplification and clipping -------------------------------------------------------


def simplify_indices(points: Sequence[Point], tolerance: float) -> list[int]:
    """Douglas-Peucker: the indices kept, ends included (iterative: arcs are long)."""
    if len(points) < 3:
        return list(range(len(points)))
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, index = 0.0, -1
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > farthest:
                farthest, index = d, i
        if index >= 0 and farthest > tolerance:
            keep.add(index)
            stack.append((first, index))
            stack.append((index, last))
    return sorted(keep)


def _distance(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = dx * dx + dy * dy
    if length == 0:
        return math.hypot(p[0] - a[0], p[1] - a[1])
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def clip(ring: list[Point], width: float, height: float) -> list[Point]:
    """Sutherland-Hodgman against the frame rectangle (0, 0, width, height)."""
    edges = (
        (lambda p: p[0] >= 0, lambda a, b: _cross_x(a, b, 0.0)),
        (lambda p: p[0] <= width, lambda a, b: _cross_x(a, b, width)),
        (lambda p: p[1] >= 0, lambda a, b: _cross_y(a, b, 0.0)),
        (lambda p: p[1] <= height, lambda a, b: _cross_y(a, b, height)),
    )
    out = ring
    for keep, cross in edges:
        if not out:
            break
        points, out = out, []
        previous = points[-1]
        for point in points:
            if keep(point):
                if not keep(previous):
                    out.append(cross(previous, point))
                out.append(point)
            elif keep(previous):
                out.append(cross(previous, point))
            previous = point
    return out


def _cross_x(a: Point, b: Point, x: float) -> Point:
    t = (x - a[0]) / (b[0] - a[0])
    return x, a[1] + t * (b[1] - a[1])


def _cross_y(a: Point, b: Point, y: float) -> Point:
    t = (y - a[1]) / (b[1] - a[1])
    return a[0] + t * (b[0] - a[0]), y


def area(ring: Sequence[Point]) -> float:
    return abs(
        sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, [*ring[1:], ring[0]], strict=True)) / 2
    )


# -- step 2: build ----------------------------------------------------------------------


def build(subset: dict[str, Any]) -> dict[str, Any]:
    arcs = decode_arcs(subset)
    height = mapgeo.FRAME.height
    simplified: list[list[Point]] = []
    for arc in arcs:
        projected = [mapgeo.project(*to_degrees(subset, p)) for p in arc]
        simplified.append([projected[i] for i in simplify_indices(projected, TOLERANCE)])
    countries = []
    for geometry in subset["objects"]["countries"]["geometries"]:
        name = geometry["properties"]["name"]
        rings = []
        for polygon in polygons(geometry):
            for ring_arcs in polygon:
                ring = _ring(ring_arcs, simplified)
                ring = _rounded(clip(ring, mapgeo.MAP_WIDTH, height))
                if len(ring) >= 3 and area(ring) >= MIN_AREA:
                    rings.append(ring)
        if rings:
            countries.append(
                {"name": name, "focus": name in mapgeo.FOCUS, "path": _svg_path(rings)}
            )
    # the two countries of the story last: their outline is drawn over the neighbours'
    countries.sort(key=lambda c: c["focus"])
    return {
        "about": "Country outlines from Natural Earth (public domain), 1:50m, in the map's "
        "projection (kiosk.content.mapgeo). Made by assets/make_map.py; do not edit.",
        "width": mapgeo.MAP_WIDTH,
        "height": round(height, 1),
        "countries": countries,
    }


def _ring(ring_arcs: list[int], arcs: list[list[Point]]) -> list[Point]:
    points: list[Point] = []
    for i in ring_arcs:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc if not points else arc[1:])
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    return points


def _rounded(ring: list[Point]) -> list[Point]:
    out: list[Point] = []
    for x, y in ring:
        point = (round(x, 1), round(y, 1))
        if not out or out[-1] != point:
            out.append(point)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def _number(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _svg_path(rings: list[list[Point]]) -> str:
    parts = []
    for ring in rings:
        head, *rest = ring
        parts.append(
            f"M{_number(head[0])} {_number(head[1])}"
            + "".join(f"L{_number(x)} {_number(y)}" for x, y in rest)
            + "Z"
        )
    return "".join(parts)


def render(data: dict[str, Any]) -> str:
    """The file's text: one country a line, so a change shows in a diff."""
    head = {k: v for k, v in data.items() if k != "countries"}
    lines = [json.dumps(c, ensure_ascii=False, sort_keys=True) for c in data["countries"]]
    body = ",\n".join(lines)
    text = json.dumps(head, ensure_ascii=False, sort_keys=True)
    return text[:-1] + ', "countries": [\n' + body + "\n]}\n"


def main(argv: list[str]) -> int:
    if argv[:1] == ["extract"] and len(argv) == 2:
        data = extract(Path(argv[1]))
        SUBSET.parent.mkdir(parents=True, exist_ok=True)
        SUBSET.write_text(json.dumps(data, separators=(",", ":"), sort_keys=True) + "\n")
        print(f"wrote {SUBSET.relative_to(ROOT)} ({SUBSET.stat().st_size // 1024} KB)")
        return 0
    if argv:
        print(__doc__)
        return 2
    subset = json.loads(SUBSET.read_text(encoding="utf-8"))
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(render(build(subset)), encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({OUTPUT.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

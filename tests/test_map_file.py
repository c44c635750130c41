"""The map's outlines file is what assets/make_map.py makes from the committed
Natural Earth extract, ships in the package, and matches the map's projection."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType

from kiosk.content import mapgeo
from kiosk.ui.mapview import REGION_FILE

ROOT = Path(__file__).resolve().parent.parent


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_map", ROOT / "assets" / "make_map.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_map", module)
    spec.loader.exec_module(module)
    return module


def test_the_committed_file_is_what_the_script_makes() -> None:
    make_map = _script()
    subset = json.loads(make_map.SUBSET.read_text(encoding="utf-8"))
    made = make_map.render(make_map.build(subset))
    assert REGION_FILE.read_text(encoding="utf-8") == made


def test_the_file_is_small_and_draws_both_countries_inside_the_frame() -> None:
    assert REGION_FILE.stat().st_size < 60_000  # a few tens of KB
    data = json.loads(REGION_FILE.read_text(encoding="utf-8"))
    assert data["width"] == mapgeo.MAP_WIDTH
    assert abs(data["height"] - mapgeo.FRAME.height) < 0.1
    by_name = {c["name"]: c for c in data["countries"]}
    assert {"Uzbekistan", "Azerbaijan", "Kazakhstan", "Turkmenistan", "Iran", "Russia"} <= set(
        by_name
    )
    assert by_name["Uzbekistan"]["focus"] and not by_name["Iran"]["focus"]
    for country in data["countries"]:
        numbers = [float(n) for n in re.findall(r"-?[0-9.]+", country["path"])]
        xs, ys = numbers[0::2], numbers[1::2]
        assert min(xs) >= 0 and max(xs) <= data["width"]
        assert min(ys) >= 0 and max(ys) <= data["height"]
    # the places fall in their countries' outlines, in the map's own units
    assert _inside(mapgeo.project(69.21627, 41.26465), by_name["Uzbekistan"]["path"])
    assert _inside(mapgeo.project(47.14529, 39.60094), by_name["Azerbaijan"]["path"])
    assert not _inside(mapgeo.project(51.0, 41.5), by_name["Azerbaijan"]["path"])  # the sea


def _inside(point: tuple[float, float], path: str) -> bool:
    """Even-odd ray casting over every ring of an SVG path."""
    x, y = point
    crossings = 0
    for ring in re.findall(r"M[^Z]*Z", path):
        numbers = [float(n) for n in re.findall(r"-?[0-9.]+", ring)]
        points = list(zip(numbers[0::2], numbers[1::2], strict=True))
        for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                crossings += 1
    return crossings % 2 == 1


def test_the_projection_is_conic_not_plate_carree() -> None:
    # a degree of longitude at 45° N is shorter than one at 37° N
    north = mapgeo.project(60, 45)[0] - mapgeo.project(59, 45)[0]
    south = mapgeo.project(60, 37)[0] - mapgeo.project(59, 37)[0]
    assert north < south * 0.95
    lon, lat = mapgeo.inverse_lcc(*mapgeo.lcc(49.89, 40.38))
    assert abs(lon - 49.89) < 1e-9 and abs(lat - 40.38) < 1e-9


def test_the_file_ships_in_the_package() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"map/*.json"' in text

"""``places.yaml``: the places the map marks, and the ``place:`` of exhibits and moments.

A place has an id, a name per language and its latitude and longitude in degrees
(north and east positive), taken from a gazetteer. An exhibit or a timeline entry
names the places its story is set in (``place: tashkent``, or a list). The loader
checks, with the line and column of each: numbers in range and inside the map's
frame, ids known (with a "did you mean"), and warns about a place nothing names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from kiosk.content import mapgeo
from kiosk.content.checks import Checker, Languages, child, item, quote, suggest
from kiosk.content.model import Place, Problem, Text
from kiosk.content.records import Record, record
from kiosk.content.yamlsafe import Node, ScalarNode, SequenceNode, kind_of

PLACES_FILE = "places.yaml"
_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_NUMBER = re.compile(r"[+-]?[0-9]{1,3}(\.[0-9]{1,8})?")


@record
class PlaceRef(Record):
    """A ``place:`` as written: the id and where, for messages."""

    id: str
    node: ScalarNode


@record
class PlacesResult(Record):
    places: tuple[Place, ...]
    id_nodes: dict[str, Node]
    errors: list[Problem]
    warnings: list[Problem]


def read_places(
    root: Node | None, path: Path, languages: Languages, texts: dict[Text, Text] | None = None
) -> PlacesResult:
    """Check ``places.yaml``'s tree (``root`` None: its YAML was already reported)."""
    c = Checker(path, languages, texts)
    if root is None:
        return PlacesResult((), {}, [], [])
    f = c.fields(root, "", required=("places",))
    places: list[Place] = []
    id_nodes: dict[str, Node] = {}
    for index, node in enumerate(c.sequence(f.get("places"), "places")):
        where = item("places", index)
        g = c.fields(node, where, required=("id", "name", "lat", "lon"))
        place_id = c.matching(
            g.get("id"), child(where, "id"), _ID, "must use only a-z, 0-9 and '-'"
        )
        if place_id and place_id in id_nodes:
            first = id_nodes[place_id]
            c.error(g["id"], f"place id {quote(place_id)} is already used on line {first.line}")
            place_id = ""
        if place_id:
            id_nodes[place_id] = g["id"]  # known, even when its numbers are wrong
        name = c.text_map(g.get("name"), child(where, "name"))
        lat = _degrees(c, g.get("lat"), child(where, "lat"), 90.0, "latitude", "N", "S")
        lon = _degrees(c, g.get("lon"), child(where, "lon"), 180.0, "longitude", "E", "W")
        if lat is not None and lon is not None and not mapgeo.inside(lon, lat):
            west, east, south, north = mapgeo.frame_degrees_bounds()
            c.error(
                g["lat"],
                f"{where} at {lat:g}, {lon:g} lies outside the map, which shows about "
                f"{south:.0f}° to {north:.0f}° N and {west:.0f}° to {east:.0f}° E; check the "
                "numbers (lat is north, lon is east, in degrees) and that they are not swapped",
            )
            continue
        if place_id and lat is not None and lon is not None:
            places.append(Place(place_id, name, lat, lon))
    return PlacesResult(tuple(places), id_nodes, c.errors, c.warnings)


def _degrees(
    c: Checker, node: Node | None, where: str, limit: float, what: str, plus: str, minus: str
) -> float | None:
    text = c.text(node, where)
    if not text:
        return None
    assert isinstance(node, ScalarNode)
    if not _NUMBER.fullmatch(text.strip()) or not -limit <= float(text) <= limit:
        c.error(
            node,
            f"{where} {quote(text)} must be a {what} in degrees from {-limit:g} to {limit:g} "
            f'({plus} positive, {minus} negative), like "41.26"',
        )
        return None
    return float(text)


def read_place_refs(c: Checker, node: Node | None, where: str) -> tuple[PlaceRef, ...]:
    """``place: tashkent`` or ``place: [tashkent, baku]``: ids, checked later against
    ``places.yaml`` (see ``check_refs``)."""
    if node is None:
        return ()
    nodes: Sequence[Node] = node.items if isinstance(node, SequenceNode) else (node,)
    refs: list[PlaceRef] = []
    for index, value in enumerate(nodes):
        at = item(where, index) if isinstance(node, SequenceNode) else where
        if not isinstance(value, ScalarNode):
            c.error(value, f"expected a place id for {quote(at)}, found {kind_of(value)}")
            continue
        text = c.text(value, at)
        if text:
            refs.append(PlaceRef(text, value))
    return tuple(refs)


def check_refs(
    refs: Sequence[tuple[Path, PlaceRef]],
    places: PlacesResult | None,
    places_path: Path,
) -> tuple[list[Problem], list[Problem]]:
    """Errors for ids no place has; warnings for places nothing names."""
    errors: list[Problem] = []
    warnings: list[Problem] = []
    known = places.id_nodes if places is not None else {}
    for path, ref in refs:
        if ref.id in known:
            continue
        if places is None:
            message = (
                f"place {quote(ref.id)} is named, but there is no {PLACES_FILE} beside "
                "kiosk.yaml to say where it is"
            )
        else:
            hint = suggest(ref.id, known, "places") if known else f"{PLACES_FILE} lists none"
            message = f"unknown place {quote(ref.id)}; {hint}"
        errors.append(Problem(path, ref.node.line, ref.node.column, message))
    used = {ref.id for _, ref in refs}
    for place_id, node in known.items():
        if place_id not in used:
            warnings.append(
                Problem(
                    places_path,
                    node.line,
                    node.column,
                    f"no exhibit or timeline entry names place {quote(place_id)}; the map "
                    "does not show it",
                    "warning",
                )
            )
    return errors, warnings

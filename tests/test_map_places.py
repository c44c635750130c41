"""Places in YAML: a name per language and coordinates, named by exhibits and moments,
checked with file:line:column."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kiosk.content import mapgeo
from kiosk.content.loader import load_content
from kiosk.runtime.reload import ImmediateExecutor, ReloadController
from tests.factories import line_of, make_site, tmap, to_yaml, valid_exhibit
from tests.fakes import FakeClock

TASHKENT = {"id": "tashkent", "name": tmap("Tashkent"), "lat": "41.26465", "lon": "69.21627"}
BAKU = {"id": "baku", "name": tmap("Baku"), "lat": "40.37767", "lon": "49.89201"}


def _site(tmp_path: Path, places: list[dict[str, Any]] | None, **exhibit: Any) -> Path:
    root = make_site(tmp_path / "content", {"alpha": valid_exhibit(**exhibit)})
    if places is not None:
        (root / "places.yaml").write_text(to_yaml({"places": places}), encoding="utf-8")
    return root


def _entry(place: Any) -> list[dict[str, Any]]:
    entry = dict(valid_exhibit()["timeline"][0])
    entry["place"] = place
    return [entry]


def test_places_load_with_names_and_coordinates(tmp_path: Path) -> None:
    root = _site(tmp_path, [TASHKENT, BAKU], place="tashkent", timeline=_entry(["baku"]))
    result = load_content(root)
    assert result.errors == ()
    content = result.content
    assert content is not None
    tashkent = content.place("tashkent")
    assert tashkent is not None
    assert (tashkent.lat, tashkent.lon) == (41.26465, 69.21627)
    assert tashkent.name.get("ru") == "Tashkent [ru]"
    alpha = content.exhibits[0]
    assert alpha.places == ("tashkent",)
    assert alpha.timeline[0].places == ("baku",)
    assert content.exhibits_at("baku") == (alpha,)  # through its dated moment
    assert result.warnings == ()


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("lat", "91", "latitude in degrees from -90 to 90"),
        ("lon", "east", "longitude in degrees from -180 to 180"),
        ("lat", "-41.3", "lies outside the map"),  # south of the equator: not on this map
    ],
)
def test_bad_coordinates_are_errors_at_their_line_and_column(
    tmp_path: Path, field: str, value: str, words: str
) -> None:
    root = _site(tmp_path, [{**TASHKENT, field: value}], place="tashkent")
    result = load_content(root)
    assert result.content is None
    text = (root / "places.yaml").read_text(encoding="utf-8")
    where = line_of(text, "lat:") if words == "lies outside the map" else line_of(text, f"{field}:")
    shown = [str(p) for p in result.errors]
    assert any(f"places.yaml:{where}:" in s and words in s for s in shown), shown


def test_an_unknown_place_is_an_error_with_a_suggestion(tmp_path: Path) -> None:
    root = _site(tmp_path, [TASHKENT], place="tashkend")
    result = load_content(root)
    assert result.content is None
    text = (root / "alpha" / "exhibit.yaml").read_text(encoding="utf-8")
    line = line_of(text, "place: tashkend")
    (problem,) = result.errors
    assert str(problem).startswith(f"{root / 'alpha' / 'exhibit.yaml'}:{line}:8: ")
    assert "unknown place 'tashkend'; did you mean 'tashkent'?" in str(problem)


def test_a_place_named_without_a_places_file_is_an_error(tmp_path: Path) -> None:
    result = load_content(_site(tmp_path, None, timeline=_entry("baku")))
    assert result.content is None
    assert "no places.yaml" in str(result.errors[0])


def test_a_place_nothing_names_is_a_warning(tmp_path: Path) -> None:
    root = _site(tmp_path, [TASHKENT, BAKU], place="tashkent")
    result = load_content(root)
    assert result.content is not None
    text = (root / "places.yaml").read_text(encoding="utf-8")
    (warning,) = result.warnings
    assert f"places.yaml:{line_of(text, 'id: baku')}:" in str(warning)
    assert "no exhibit or timeline entry names place 'baku'" in str(warning)


def test_the_bundled_places_are_on_the_map_and_each_is_named() -> None:
    result = load_content(Path(__file__).resolve().parent.parent / "exhibits")
    content = result.content
    assert content is not None and result.warnings == ()
    assert [p.id for p in content.places] == ["tashkent", "baku", "fuzuli"]
    for place in content.places:
        assert mapgeo.inside(place.lon, place.lat)
    at = {p.id: {e.id for e in content.exhibits_at(p.id)} for p in content.places}
    assert at == {
        "tashkent": {"history", "friendship-museum", "culture-days"},
        "baku": {"history", "culture-days"},
        "fuzuli": {"fuzuli-school"},
    }


def test_a_running_kiosk_keeps_its_last_good_set_on_bad_coordinates(tmp_path: Path) -> None:
    root = _site(tmp_path, [TASHKENT], place="tashkent")
    clock = FakeClock(0.0)
    controller = ReloadController(
        root, load_content, clock=clock, executor=ImmediateExecutor(), settle_s=1.0
    )
    controller.load_initial()
    controller.start_watching()
    good = controller.current
    assert good is not None and good.place("tashkent") is not None
    (root / "places.yaml").write_text(
        to_yaml({"places": [{**TASHKENT, "lon": "691.2"}]}), encoding="utf-8"
    )
    for _ in range(3):
        controller.poll()
        clock.advance(1.0)
    controller.poll()
    assert controller.current is good
    assert controller.pending is None and controller.at_attract() is None
    line = line_of((root / "places.yaml").read_text(encoding="utf-8"), "lon:")
    assert any(f"places.yaml:{line}:" in str(p) for p in controller.last_errors)


@pytest.mark.parametrize("language", ["uz", "az", "ru", "en"])
def test_the_about_screen_credits_the_maps_sources(language: str) -> None:
    from kiosk.content.credits import about_page

    content = load_content(Path(__file__).resolve().parent.parent / "exhibits").content
    assert content is not None
    texts = [line.text for line in about_page(content, language).credits]
    assert any("Natural Earth" in t and "GeoNames" in t for t in texts)

"""``speech`` in kiosk.yaml: read-aloud rate and volume, checked with ranges and positions."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import pytest
from factories import line_of, make_site, valid_site

from kiosk.content.loader import load_content
from kiosk.content.model import SpeechSettings


def load_speech(tmp_path: Path, speech: Any) -> SpeechSettings:
    result = load_content(make_site(tmp_path, site=valid_site(speech=speech)))
    assert result.content is not None, [str(p) for p in result.errors]
    return result.content.site.speech


def test_speech_is_optional_with_calm_defaults(tmp_path: Path) -> None:
    result = load_content(make_site(tmp_path))
    assert result.content is not None
    assert result.content.site.speech == SpeechSettings(rate_wpm=150, volume=100)


def test_rate_and_volume_are_read(tmp_path: Path) -> None:
    speech = load_speech(tmp_path, {"rate": "120", "volume": "180"})
    assert speech == SpeechSettings(rate_wpm=120, volume=180)


def test_range_ends_are_accepted(tmp_path: Path) -> None:
    assert load_speech(tmp_path / "low", {"rate": "80", "volume": "0"}) == SpeechSettings(80, 0)
    assert load_speech(tmp_path / "high", {"rate": "260", "volume": "200"}) == SpeechSettings(
        260, 200
    )


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("rate", "79", "speech.rate '79' must be a whole number from 80 to 260 words per minute"),
        ("rate", "261", "speech.rate '261' must be a whole number from 80 to 260 words per minute"),
        (
            "rate",
            "150.5",
            "speech.rate '150.5' must be a whole number from 80 to 260 words per minute",
        ),
        (
            "rate",
            "fast",
            "speech.rate 'fast' must be a whole number from 80 to 260 words per minute",
        ),
        ("volume", "-1", "speech.volume '-1' must be a whole number from 0 to 200 (100 is normal)"),
        (
            "volume",
            "201",
            "speech.volume '201' must be a whole number from 0 to 200 (100 is normal)",
        ),
    ],
)
def test_out_of_range_is_an_error_with_its_position(
    tmp_path: Path, key: str, value: str, message: str
) -> None:
    root = make_site(tmp_path, site=valid_site(speech={key: value}))
    result = load_content(root)
    text = (root / "kiosk.yaml").read_text(encoding="utf-8")
    assert result.content is None
    found = [(p.path.name, p.line, p.column, p.message) for p in result.errors]
    column = len(f"  {key}: ") + 1
    assert found == [("kiosk.yaml", line_of(text, f"{key}:"), column, message)]


def test_unknown_speech_key_suggests_the_closest(tmp_path: Path) -> None:
    root = make_site(tmp_path, site=valid_site(speech={"speed": "120"}))
    result = load_content(root)
    assert [p.message for p in result.errors] == [
        "unknown key 'speed' in 'speech'; expected: rate, volume"
    ]


def test_bundled_kiosk_yaml_sets_speech() -> None:
    root = Path(__file__).resolve().parents[1] / "exhibits"
    result = load_content(root)
    assert result.content is not None
    assert result.content.site.speech == SpeechSettings(rate_wpm=150, volume=100)


def test_speech_settings_survive_the_parsed_content_cache(tmp_path: Path) -> None:
    """The cache pickles the site through ``Site.__reduce__``: a field left out there
    would come back as the default after a restart."""
    result = load_content(
        make_site(tmp_path, site=valid_site(speech={"rate": "95", "volume": "30"}))
    )
    assert result.content is not None
    again = pickle.loads(pickle.dumps(result.content.site))
    assert again.speech == SpeechSettings(rate_wpm=95, volume=30)

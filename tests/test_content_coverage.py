"""How complete each language is, for the staff panel."""

from __future__ import annotations

from pathlib import Path

from kiosk.content.coverage import language_completeness
from kiosk.content.loader import load_content
from tests.factories import make_site, tmap, valid_exhibit


def test_every_visitor_text_counts_and_a_missing_translation_lowers_its_language(
    tmp_path: Path,
) -> None:
    full = load_content(make_site(tmp_path / "full")).content
    assert full is not None
    assert language_completeness(full) == {"uz": 100, "az": 100, "ru": 100, "en": 100}

    caption = tmap("Caption")
    del caption["ru"]  # one text deep inside the gallery, written in three languages
    gallery = [{**valid_exhibit()["gallery"][0], "caption": caption}]
    partial = load_content(
        make_site(tmp_path / "partial", {"alpha": valid_exhibit(gallery=gallery)})
    )
    assert partial.content is not None
    shares = language_completeness(partial.content)
    assert shares["uz"] == shares["az"] == shares["en"] == 100
    assert 90 < shares["ru"] < 100

"""Theme colours a visitor cannot read: the site loader warns at the line, and the
bundled theme reads at 4.5:1 or more everywhere (WCAG 2.2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import line_of, make_site, valid_exhibit, valid_site

from kiosk.content.colours import BODY_TEXT, contrast_ratio
from kiosk.content.loader import load_content
from kiosk.content.site_schema import THEME_GROUNDS, THEME_TEXT
from tests.conftest import BUNDLED
from tests.uitools import load


def test_contrast_ratio_matches_wcag_reference_values() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == 21
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#0099B5", "#0099B5") == 1


def test_a_pale_muted_colour_is_warned_about_at_its_line(tmp_path: Path) -> None:
    site = valid_site()
    site["theme"]["muted"] = "#A8A8A8"
    root = make_site(tmp_path, {"alpha": valid_exhibit()}, site=site)
    result = load_content(root)
    assert result.content is not None  # a warning: the kiosk still runs
    text = (root / "kiosk.yaml").read_text(encoding="utf-8")
    warned = [(w.line, w.message) for w in result.warnings if "theme:" in w.message]
    assert warned and all(line == line_of(text, "muted:") for line, _ in warned)
    assert "muted #A8A8A8 on background #F7F3EA has a contrast of 2.1:1" in warned[0][1]


def test_the_bundled_theme_reads_at_four_and_a_half_to_one() -> None:
    theme = load(BUNDLED).site.theme
    for text in THEME_TEXT:
        for ground in THEME_GROUNDS:
            ratio = contrast_ratio(getattr(theme, text), getattr(theme, ground))
            assert ratio >= BODY_TEXT, (text, ground, ratio)
    assert not [w for w in load_content(BUNDLED).warnings if "theme:" in w.message]

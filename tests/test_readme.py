"""The READMEs show what the kiosk really does with the bundled exhibits.

- Every ``kiosk validate`` summary they quote is the line it prints today.
- Every screenshot is what ``kiosk render`` draws today (``assets/screenshots.py``
  lists them; run it to draw them again after a change to a screen or the content).
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest
from PIL import Image, ImageChops, ImageStat

from kiosk.content.loader import load_content
from tests.conftest import BUNDLED, REPO

SUMMARY = re.compile(r"`(\d+ exhibits?, \d+ languages?: \d+ errors?, \d+ warnings?[^`]*)`")
READMES = [REPO / "README.md", BUNDLED / "README.md"]


def _screenshots() -> ModuleType:
    spec = importlib.util.spec_from_file_location("screenshots", REPO / "assets/screenshots.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SHOTS = _screenshots()


def test_quoted_validate_summaries_match_the_bundled_exhibits() -> None:
    result = load_content(BUNDLED)
    assert result.content is not None
    exhibits = len(result.content.exhibits)
    languages = len(result.content.site.language_codes)
    # as ``kiosk validate exhibits/`` prints it in the repository (the READMEs' example)
    actual = f"{exhibits} exhibits, {languages} languages: 0 errors, 0 warnings (checked exhibits)"
    quoted = [(path.name, q) for path in READMES for q in SUMMARY.findall(path.read_text())]
    assert quoted, "the READMEs quote no validate summary"
    assert [q for _, q in quoted if q != actual] == [], f"today: {actual}"


def test_every_readme_picture_is_listed_and_exists() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    shown = set(re.findall(r"\(assets/screenshots/([\w-]+)\.png\)", text))
    assert shown == set(SHOTS.SHOTS)
    for name in shown:
        assert (REPO / "assets" / "screenshots" / f"{name}.png").is_file()


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(SHOTS.SHOTS))
def test_screenshot_is_what_the_kiosk_draws_today(
    name: str, tmp_path: Path, rendition_cache: Path
) -> None:
    drawn = tmp_path / f"{name}.png"
    done = SHOTS.render(name, drawn, cache=rendition_cache)
    assert done.returncode == 0, done.stderr
    committed_path = REPO / "assets" / "screenshots" / f"{name}.png"
    with Image.open(committed_path) as committed, Image.open(drawn) as today:
        assert committed.size == today.size
        difference = ImageChops.difference(committed.convert("RGB"), today.convert("RGB"))
    mean = sum(ImageStat.Stat(difference).mean) / 3
    assert mean < 1.0, f"assets/screenshots/{name}.png is stale: run python assets/screenshots.py"

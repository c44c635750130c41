"""The museum's cover illustration: what the script draws, and not a flag it is not.

The first drawing set twelve white stars on a blue ring, and a blue ring of stars
reads as the flag of the European Union. The rings now carry the two flags' bands,
one colour all the way round each band.
"""

from __future__ import annotations

import importlib.util
import math
import statistics
from pathlib import Path
from types import ModuleType

from PIL import Image, ImageChops, ImageStat

REPO = Path(__file__).resolve().parent.parent
COVER = REPO / "exhibits" / "friendship-museum" / "images" / "cover.jpg"


def _script() -> ModuleType:
    path = REPO / "assets" / "generate_illustrations.py"
    spec = importlib.util.spec_from_file_location("generate_illustrations", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def band_spread(image: Image.Image, radius: float) -> float:
    """How much the colour changes going round the left ring at ``radius``: its
    outer half only, clear of the other ring."""
    rgb = image.convert("RGB")
    width, height = rgb.size
    r_out = height * 0.30
    cx, cy = width / 2 - r_out * 0.62, height / 2
    samples = [
        rgb.getpixel(
            (
                round(cx + radius * math.cos(math.radians(a))),
                round(cy + radius * math.sin(math.radians(a))),
            )
        )
        for a in range(110, 251, 2)
    ]
    return max(statistics.pstdev(channel) for channel in zip(*samples, strict=True))


def test_the_left_ring_is_plain_bands_not_a_ring_of_stars() -> None:
    with Image.open(COVER) as cover:
        height = cover.height
        r_out, band = height * 0.30, height * 0.10
        # each of the three bands, near its middle (clear of the thin lines between them)
        middles = [r_out - band * (k + 0.5) / 3 for k in range(3)]
        radii = [m + d for m in middles for d in (-6, -3, 0, 3, 6)]
        spreads = {round(r): band_spread(cover, r) for r in radii}
    starry = {r: round(s) for r, s in spreads.items() if s > 12}
    assert starry == {}, "the colour changes going round the ring (stars or marks on it)"


def test_the_committed_cover_is_what_the_script_draws(tmp_path: Path) -> None:
    drawn = tmp_path / "cover.jpg"
    _script().linked_rings(drawn)
    with Image.open(COVER) as committed, Image.open(drawn) as today:
        assert committed.size == today.size
        difference = ImageChops.difference(committed.convert("RGB"), today.convert("RGB"))
    mean = sum(ImageStat.Stat(difference).mean) / 3
    assert mean < 1.0, "run: python assets/generate_illustrations.py friendship-museum/cover"

"""The gradients on screen (the tiles' colour band, the scroll cues' fade) are drawn
once into a layer one pixel across, so a fade does not fill Qt's gradient cache
(a new 12 KB table for each opacity a fading gradient is drawn at, up to 60 kept for
good), and look the same as the gradient drawn directly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage
from PySide6.QtQml import QQmlProperty
from PySide6.QtQuick import QQuickItem

from kiosk.ui.render import settle
from tests.conftest import BUNDLED
from tests.uitools import grab, items, load, open_window, visible

pytestmark = pytest.mark.usefixtures("qapp")

CONTENT = load(BUNDLED)
QML = Path(__file__).resolve().parents[1] / "kiosk" / "ui" / "qml"


def test_every_gradient_in_the_qml_is_drawn_into_a_one_pixel_layer() -> None:
    found = 0
    for path in sorted(QML.glob("*.qml")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            if not re.search(r"\bgradient:\s*Gradient\b", line):
                continue
            found += 1
            # the enclosing item: back to the line that opens it, one level out
            indent = len(line) - len(line.lstrip())
            start = number
            while start > 0 and not (
                lines[start].rstrip().endswith("{")
                and len(lines[start]) - len(lines[start].lstrip()) < indent
            ):
                start -= 1
            block = "\n".join(lines[start:number])
            where = f"{path.name}:{number + 1}"
            assert "layer.enabled: true" in block, where
            size = re.search(r"layer\.textureSize: Qt\.size\((.*)\)", block)
            assert size is not None, where
            assert re.match(r"1,|.*, 1$", size.group(1)), f"{where}: one pixel across"
    assert found >= 3  # the tiles' band, the scroll cue, the staff columns' cue


def scene_box(item: QQuickItem) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


def drawn(kw: object, targets: list[QQuickItem], layered: bool) -> list[QImage]:
    for target in targets:
        assert QQmlProperty(target, "layer.enabled").write(layered)
    settle(kw.window, kw.images)  # type: ignore[attr-defined]
    image = grab(kw)  # type: ignore[arg-type]
    return [image.copy(scene_box(t).toAlignedRect()) for t in targets]


def largest_difference(a: QImage, b: QImage) -> int:
    assert a.size() == b.size()
    worst = 0
    for y in range(a.height()):
        for x in range(a.width()):
            p, q = a.pixelColor(x, y), b.pixelColor(x, y)
            worst = max(
                worst, abs(p.red() - q.red()), abs(p.green() - q.green()), abs(p.blue() - q.blue())
            )
    return worst


def colours_across(image: QImage) -> int:
    row = image.height() // 2
    return len({image.pixel(x, row) for x in range(image.width())})


@pytest.mark.parametrize("opacity", [1.0, 0.4])
def test_the_tiles_colour_band_looks_as_the_gradient_drawn_directly(
    opacity: float, rendition_cache: Path
) -> None:
    """At rest and part-way through a fade (the tiles at 40 %)."""
    with open_window(CONTENT, rendition_cache) as kw:
        bands = [b for b in items(kw, "tileBand") if visible(b)]
        assert len(bands) == len(CONTENT.exhibits)
        for band in bands:
            band.parentItem().setOpacity(opacity)
            assert band.width() > 100 and band.height() >= 4
        layered = drawn(kw, bands, layered=True)
        direct = drawn(kw, bands, layered=False)
        for with_layer, without in zip(layered, direct, strict=True):
            assert colours_across(with_layer) > 20  # a gradient: many colours across
            assert largest_difference(with_layer, without) <= 3


@pytest.mark.parametrize("percent", [125, 150])
def test_the_scroll_cues_fade_looks_as_the_gradient_drawn_directly(
    percent: int, rendition_cache: Path
) -> None:
    """Home at a larger text size has more below, so its cue shows."""
    with open_window(CONTENT, rendition_cache) as kw:
        kw.kiosk.appearance.set_text_scale(percent / 100)
        settle(kw.window, kw.images)
        fades = [f for f in items(kw, "scrollCueFade") if visible(f)]
        assert fades, "no scroll cue on home at this size"
        layered = drawn(kw, fades, layered=True)
        direct = drawn(kw, fades, layered=False)
        for with_layer, without in zip(layered, direct, strict=True):
            # the tiles under it show through, fading out towards the foot
            column = with_layer.width() // 7  # through the first tile
            down = [with_layer.pixelColor(column, y) for y in range(with_layer.height())]
            assert len({c.rgb() for c in down}) > 10
            assert down[-1] != down[0]
            assert largest_difference(with_layer, without) <= 3

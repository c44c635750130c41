"""Thumbnails are decoded at the size they are drawn, and stay on screen while a new
layout decodes them again.

A thumbnail rendition is 720 px; the home screen draws its covers at 350-600 px. The
decoded pixels are what the kiosk holds in memory for as long as the screen shows.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QUrl
from PySide6.QtGui import QImageReader
from PySide6.QtQuick import QQuickItem

from kiosk.media.cache import DEFAULT_THUMB_BOX
from kiosk.ui.app import KioskWindow
from kiosk.ui.render import pump, settle
from tests.conftest import BUNDLED
from tests.uitools import load, open_window, walk

pytestmark = pytest.mark.usefixtures("qapp")

CONTENT = load(BUNDLED)
STEP = 32  # RenditionImage rounds the decoded size up to this


def tile_pictures(kw: KioskWindow) -> list[tuple[QQuickItem, QQuickItem]]:
    """(holder, its Image) of every home tile's cover."""
    found = []
    for tile in walk(kw.window.contentItem()):
        if not tile.objectName().startswith("tile_"):
            continue
        (picture,) = [i for i in walk(tile) if i.objectName() == "picture"]
        holder = picture.parentItem()
        assert holder is not None
        found.append((holder, picture))
    assert len(found) == len(CONTENT.exhibits)
    return found


@pytest.mark.parametrize(
    "size", [(1920, 1080), (1080, 1920), (1280, 800)], ids=lambda s: f"{s[0]}x{s[1]}"
)
def test_home_tiles_hold_their_covers_at_the_drawn_size(
    size: tuple[int, int], rendition_cache: Path
) -> None:
    with open_window(CONTENT, rendition_cache, size=size) as kw:
        for holder, picture in tile_pictures(kw):
            assert holder.property("ready"), holder.property("key")
            decoded = (picture.property("implicitWidth"), picture.property("implicitHeight"))
            drawn = (holder.width(), holder.height())
            # covers the drawn box (cropped, never scaled up on screen: not blurred) ...
            assert decoded[0] >= drawn[0] and decoded[1] >= drawn[1], (decoded, drawn)
            # ... and no more than it, to the step on the side that fills it
            fills = min(decoded[0] - drawn[0], decoded[1] - drawn[1])
            assert fills < STEP, (decoded, drawn)
            assert max(decoded) < max(DEFAULT_THUMB_BOX), (decoded, drawn)


def test_a_new_layout_keeps_the_covers_on_screen_while_they_decode_again(
    rendition_cache: Path,
) -> None:
    with open_window(CONTENT, rendition_cache, size=(1920, 1080)) as kw:
        before = {h.property("key"): h.width() for h, _ in tile_pictures(kw)}
        kw.kiosk.appearance.set_text_scale(1.5)  # fewer, larger tiles
        pump(0)
        pictures = tile_pictures(kw)
        assert {h.property("key"): h.width() for h, _ in pictures} != before
        for holder, picture in pictures:  # no placeholder while the new size decodes
            assert holder.property("ready"), holder.property("key")
            assert picture.property("opacity") == 1
        settle(kw.window, kw.images)
        for holder, picture in tile_pictures(kw):
            assert holder.property("ready")
            assert picture.property("implicitWidth") >= holder.width()
            assert picture.property("implicitHeight") >= holder.height()


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_cropped_cover_keeps_only_the_middle_it_draws(
    size: tuple[int, int], rendition_cache: Path
) -> None:
    """Scaled to cover its box, a 3:2 picture in a 4:3 tile had 12 % of its decoded
    pixels cut away on screen and kept in memory; only the middle is decoded now,
    within a step of the drawn box on both sides, and still the middle of the picture
    as Qt scales it (so it is drawn at the same scale and place as before)."""
    with open_window(CONTENT, rendition_cache, size=size) as kw:
        for holder, picture in tile_pictures(kw):
            assert holder.property("ready"), holder.property("key")
            decoded = (picture.property("implicitWidth"), picture.property("implicitHeight"))
            drawn = (holder.width(), holder.height())
            assert all(0 <= d - w < STEP for d, w in zip(decoded, drawn, strict=True)), (
                decoded,
                drawn,
            )
            url = kw.kiosk.imageUrl(holder.property("key"), 0)
            rendition = QImageReader(QUrl(url).toLocalFile()).size()
            box = picture.property("sourceSize")
            ratio = max(box.width() / rendition.width(), box.height() / rendition.height())
            covered = (round(rendition.width() * ratio), round(rendition.height() * ratio))
            middle = QRect(
                (covered[0] - box.width()) // 2,
                (covered[1] - box.height()) // 2,
                box.width(),
                box.height(),
            )
            assert picture.property("sourceClipRect").toRect() == middle


def listen(picture: QQuickItem) -> list[tuple[QRect, int]]:
    """The crop and decode width in place each time the picture is given a file."""
    asks: list[tuple[QRect, int]] = []

    def heard(*_: object) -> None:
        if picture.property("source").toString():
            crop = picture.property("sourceClipRect").toRect()
            asks.append((crop, picture.property("sourceSize").width()))

    picture.sourceChanged.connect(heard)  # type: ignore[attr-defined]
    return asks


def test_a_thumbnail_is_asked_for_with_its_size_and_crop_already_in_place(
    rendition_cache: Path,
) -> None:
    """When a thumbnail's rendition becomes known (built on a first run), Qt hears of
    its file only once its decode size and crop are set: before, its file and its crop
    followed the image store's revision in no set order, and Qt began a decode of the
    whole 720-pixel file first, then another of the middle."""
    with open_window(CONTENT, rendition_cache) as kw:
        images = kw.images
        for holder, picture in tile_pictures(kw):
            key = holder.property("key")
            crop = picture.property("sourceClipRect").toRect()
            size = picture.property("sourceSize")
            assert not crop.isEmpty() and size.width() > 0
            path = QUrl(images.url(key)).toLocalFile()
            # as while the rendition is being built: no file yet
            images._urls.pop(key)
            images._pending.add(key)
            images.revision += 1
            images.revisionChanged.emit()
            assert not picture.property("source").toString()
            asks = listen(picture)
            images._on_built(key, path)  # built: the store tells QML by its revision
            settle(kw.window, kw.images)
            assert asks == [(crop, size.width())], asks
            assert holder.property("ready")

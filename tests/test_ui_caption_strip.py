"""The caption strip of read-aloud lies over the foot of the page: the page's scroll
cue moves up above it, so the arrow is never under the strip."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import FakeClock
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor
from readaloudfakes import FakeEngine

from kiosk.runtime.readaloud_speaker import Speaker
from kiosk.ui.readaloud_player import ReadAloudPlayer
from kiosk.ui.render import settle
from tests.conftest import BUNDLED
from tests.layouttools import scene_rect
from tests.uitools import grab, item, load, open_window, tap

pytestmark = pytest.mark.usefixtures("qapp")

CONTENT = load(BUNDLED)
SIZES = [(1920, 1080), (1080, 1920), (1280, 800)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_scroll_cue_stays_above_the_caption_strip_while_reading(
    size: tuple[int, int], rendition_cache: Path
) -> None:
    player = ReadAloudPlayer(Speaker(FakeEngine(), clock=FakeClock()))
    with open_window(CONTENT, rendition_cache, size=size, player=player) as kw:
        kw.kiosk.nav.openExhibit(CONTENT.exhibits[2].id)
        settle(kw.window, kw.images)
        tap(kw, item(kw, "listenButton"))
        assert kw.kiosk.readAloud.speaking
        strip = scene_rect(item(kw, "captionStrip"))
        arrow = scene_rect(item(kw, "scrollCueArrow"))  # more below: the page is long
        assert strip.height() >= 48
        assert arrow.bottom() <= strip.top() and arrow.top() >= 0
        # what a visitor sees: the arrow's own colour beside its chevron, not the strip's
        shot = grab(kw)
        beside = arrow.center() - QPointF(arrow.width() / 4, 0)
        seen = QColor(shot.pixel(beside.toPoint()))
        under_strip = QColor(shot.pixel(int(strip.left()) + 4, int(strip.center().y())))
        assert seen != under_strip

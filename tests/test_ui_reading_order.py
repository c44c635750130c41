"""A screen reader meets the control bar's buttons in the order they are seen, left to
right in each row (it read "Aa, Contrast, Listen" for "Listen, Contrast, Aa")."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import FakeClock
from readaloudfakes import FakeEngine

from kiosk.runtime.readaloud_speaker import Speaker
from kiosk.ui.readaloud_player import ReadAloudPlayer
from kiosk.ui.render import settle
from tests.conftest import BUNDLED
from tests.layouttools import scene_rect
from tests.test_ui_accessible import reading
from tests.uitools import load, open_window

pytestmark = pytest.mark.usefixtures("qapp")

CONTENT = load(BUNDLED)


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_bar_is_read_in_the_order_it_is_seen(
    size: tuple[int, int], rendition_cache: Path
) -> None:
    player = ReadAloudPlayer(Speaker(FakeEngine(), clock=FakeClock()))
    with open_window(CONTENT, rendition_cache, size=size, player=player) as kw:
        kw.kiosk.nav.openExhibit(CONTENT.exhibits[0].id)  # Listen is offered on a page
        settle(kw.window, kw.images)
        with reading(kw) as tree:
            heard = []
            for iface in tree.nodes:
                target = iface.object()
                name = target.objectName() if target is not None else ""
                if name in ("listenButton", "contrastButton", "textSizeButton"):
                    heard.append((name, scene_rect(target)))  # type: ignore[arg-type]
        names = [name for name, _ in heard]
        assert set(names) == {"listenButton", "contrastButton", "textSizeButton"}
        seen = sorted(heard, key=lambda h: (round(h[1].top()), h[1].left()))
        assert names == [name for name, _ in seen]

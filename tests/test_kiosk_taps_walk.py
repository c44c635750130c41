"""A visitor's taps at random, from the attract loop on, on the museum's screen in both
orientations: mostly on a button a screen reader would name (so the walk reaches every
screen, language, text size and contrast), sometimes anywhere. After each tap the
screen the navigation names is drawn, the window is still there, nothing asks to
quit, every button in view is at least 48 pixels each way, and Qt warns of nothing.
"""

from __future__ import annotations

import logging
import random
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QAccessible

from kiosk.content.model import ContentSet
from kiosk.ui.app import KioskWindow
from kiosk.ui.render import settle
from tests.conftest import BUNDLED
from tests.uitools import SCREEN_ITEM, accessible_tree, load, open_window, pages_in_view, tap

pytestmark = pytest.mark.usefixtures("qapp")

MIN_TARGET = 48  # pixels, at 1080 pixels across the short side


@pytest.fixture(scope="module")
def content() -> ContentSet:
    return load(BUNDLED)


def _buttons(kw: KioskWindow) -> list[tuple[str, QPoint, int, int]]:
    """Each button in the window: its name as read aloud, its centre, width, height."""
    window = kw.window.contentItem().boundingRect().toRect()
    found = []
    with accessible_tree(kw) as (_, nodes):
        for node in nodes:
            if node.role() != QAccessible.Role.Button:
                continue
            box = node.rect()
            centre = kw.window.mapFromGlobal(box.center())
            if box.width() > 0 and window.contains(centre):
                found.append((node.text(QAccessible.Text.Name), centre, box.width(), box.height()))
    return found


@pytest.mark.parametrize("seed", range(2))
@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_random_taps_keep_the_visitor_in_the_kiosk_on_a_drawn_screen(
    content: ContentSet,
    rendition_cache: Path,
    seed: int,
    size: tuple[int, int],
    caplog: pytest.LogCaptureFixture,
) -> None:
    pick = random.Random(seed)
    caplog.set_level(logging.WARNING, logger="kiosk")
    with open_window(content, rendition_cache, size=size, start="attract") as kw:
        nav = kw.kiosk.nav
        tapped: list[str] = []
        screens: set[str] = set()
        for _ in range(80):
            buttons = _buttons(kw)
            small = [(name, w, h) for name, _, w, h in buttons if min(w, h) < MIN_TARGET]
            assert small == [], (nav.place.screen, small)
            if buttons and pick.random() < 0.8:
                name, point, _, _ = pick.choice(buttons)
            else:
                name, point = "(anywhere)", QPoint(pick.randrange(size[0]), pick.randrange(size[1]))
            tap(kw, point)
            tapped.append(name[:24])
            place, last = nav.place, f"seed {seed}, taps {tapped[-5:]}"
            screens.add(place.screen)
            if SCREEN_ITEM[place.screen] not in pages_in_view(kw):
                settle(kw.window, kw.images)  # a screen made on first use: its frame
            assert SCREEN_ITEM[place.screen] in pages_in_view(kw), (last, place)
            assert kw.window.isVisible(), last
            assert not kw.kiosk.presenter.property("askingToQuit"), last
        assert len(screens) >= 4  # the walk went somewhere
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert warnings == []

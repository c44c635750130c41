"""A finger on a bar button shows at once, in every colour scheme: the button under it
changes colour while it is held (a selected one in high contrast too, whose black fill
a darker shade left as it was)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtTest import QTest

from kiosk.ui.render import settle
from tests.conftest import BUNDLED
from tests.uitools import centre, grab, item, load, open_window, tap, touch_device

pytestmark = pytest.mark.usefixtures("qapp")

CONTENT = load(BUNDLED)


@pytest.mark.parametrize("contrast", [False, True])
@pytest.mark.parametrize(
    "button", [f"language_{CONTENT.site.default_language}", "homeButton", "textSizeButton"]
)
def test_a_held_button_changes_colour(rendition_cache: Path, contrast: bool, button: str) -> None:
    with open_window(CONTENT, rendition_cache) as kw:
        if contrast:
            tap(kw, item(kw, "contrastButton"))
        target = item(kw, button)
        corner = target.mapToScene(target.boundingRect().topLeft()).toPoint()
        area = QRect(corner, target.size().toSize())
        before = grab(kw).copy(area)
        point: QPoint = centre(target)
        QTest.touchEvent(kw.window, touch_device()).press(0, point, kw.window).commit()
        settle(kw.window, kw.images)
        held = grab(kw).copy(area)
        QTest.touchEvent(kw.window, touch_device()).release(0, point, kw.window).commit()
        settle(kw.window, kw.images)
        assert held != before  # the finger shows
        changed = sum(
            held.pixel(x, y) != before.pixel(x, y)
            for x in range(0, area.width(), 2)
            for y in range(0, area.height(), 2)
        )
        assert changed > area.width() * area.height() / 4 / 4  # its fill, not a pixel or two

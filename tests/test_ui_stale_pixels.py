"""What the window shows is what a full repaint shows: no pixels left over from an
earlier frame. Qt Quick's software scene graph repaints only what changed, so a thing
that paints outside its own place (a Shape's stroke past its list's clip did, over the
control bar) stays on screen until something repaints there, which for the bar may
be never. A window made one pixel taller and back is repainted whole."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.ui.app import KioskWindow
from kiosk.ui.render import settle
from tests.conftest import BUNDLED
from tests.uitools import grab, load, open_window

pytestmark = pytest.mark.usefixtures("qapp")

CONTENT = load(BUNDLED)
LANDSCAPE, PORTRAIT = (1920, 1080), (1080, 1920)
LEVELS = 8  # of 255: less is a fade's step, not a thing drawn


def timeline(kw: KioskWindow) -> None:
    kw.kiosk.nav.openTimeline()


def a_map_place(kw: KioskWindow) -> None:
    kw.kiosk.nav.openMap(1)


def stale_pixels(kw: KioskWindow) -> int:
    """How many pixels (every other row) the window shows that a full repaint does not."""
    shown = grab(kw)
    width, height = kw.window.width(), kw.window.height()
    kw.window.resize(width, height + 1)
    settle(kw.window, kw.images)
    kw.window.resize(width, height)
    settle(kw.window, kw.images)
    whole = grab(kw)
    assert whole.size() == shown.size()
    if whole == shown:
        return 0
    return sum(
        _apart(shown.pixel(x, y), whole.pixel(x, y))
        for x in range(width)
        for y in range(0, height, 2)
    )


def _apart(a: int, b: int) -> bool:
    """Two colours a person can tell apart. A fade's last step, still to come when the
    window was grabbed on a busy machine, moves a whole screen by one level of 255:
    that is not a pixel left behind."""
    return any(abs((a >> shift & 0xFF) - (b >> shift & 0xFF)) > LEVELS for shift in (0, 8, 16))


@pytest.mark.parametrize(
    ("size", "opening"),
    [(PORTRAIT, timeline), (LANDSCAPE, timeline), (PORTRAIT, a_map_place)],
    ids=["timeline-portrait", "timeline-landscape", "map-portrait"],
)
def test_a_screen_opened_after_a_language_tap_leaves_nothing_behind(
    rendition_cache: Path, size: tuple[int, int], opening: Callable[[KioskWindow], None]
) -> None:
    with open_window(CONTENT, rendition_cache, size=size, transitions=True) as kw:
        kw.kiosk.language.choose(CONTENT.site.language_codes[-1])
        settle(kw.window, kw.images, exact=True)
        opening(kw)
        settle(kw.window, kw.images, exact=True)
        assert stale_pixels(kw) == 0

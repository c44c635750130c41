"""Between visitors (``kiosk.resetRequested``) each screen goes back to its top by
itself: the window holds no list of the screens to reset."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.ui.render import settle
from tests.conftest import BUNDLED
from tests.layouttools import scroll_to_end
from tests.uitools import item, load, open_window

CONTENT = load(BUNDLED)

# screen: (how it opens, the view that scrolls, a window where it has room to scroll)
SCREENS = {
    "exhibit": ("openExhibit", "exhibitFlick", (1080, 1920)),
    "about": ("openAbout", "aboutFlick", (1080, 1920)),
    "timeline": ("openTimeline", "timelineList", (1080, 1920)),
    "map": ("openMap", "mapPanel", (1280, 800)),
}


@pytest.mark.parametrize("screen", SCREENS)
def test_a_reset_scrolls_the_screen_back_to_its_top(screen: str, rendition_cache: Path) -> None:
    opening, name, size = SCREENS[screen]
    with open_window(CONTENT, rendition_cache, size=size) as kw:
        if screen == "exhibit":
            kw.kiosk.nav.openExhibit(CONTENT.exhibits[0].id)
        else:
            getattr(kw.kiosk.nav, opening)()
        settle(kw.window, kw.images)
        flick = item(kw, name)
        top = flick.property("originY")
        if screen == "map":  # a place's exhibits in larger text fill the panel
            kw.kiosk.appearance.set_text_scale(1.5)
            kw.kiosk.nav.choosePlace(0)
            settle(kw.window, kw.images)
        scroll_to_end(kw, flick)
        assert flick.property("contentY") > top + 50
        kw.kiosk.resetRequested.emit()
        settle(kw.window, kw.images)
        assert flick.property("contentY") == pytest.approx(top)

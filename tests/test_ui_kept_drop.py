"""A new text size or contrast while screens are kept away (the timeline, the exhibit
page, the gallery viewer, the attract loop) makes them anew at their next opening, and
the ones away lay nothing out for it on the way: the tap on "Aa" or "Contrast" lays out
and draws the screen the visitor sees, not four they left."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtQuick import QQuickItem

from kiosk.ui.app import KioskWindow
from kiosk.ui.render import settle
from kiosk.ui.render import visual_tree as walk
from tests.conftest import BUNDLED
from tests.uitools import item, kept, load, open_window, tap

pytestmark = pytest.mark.usefixtures("qapp")

CONTENT = load(BUNDLED)
KEPT = ["timelineLoader", "exhibitLoader", "galleryLoader", "attractLoader"]


def every_screen_kept_away(kw: KioskWindow) -> dict[str, QQuickItem]:
    """Each kept screen opened once, then home: all four away, made, in no window."""
    nav = kw.kiosk.nav
    tap(kw, item(kw, "timelineButton"))
    nav.openExhibit(CONTENT.exhibits[0].id)
    settle(kw.window, kw.images)
    nav.openGallery(0)
    settle(kw.window, kw.images)
    kw.kiosk.reset_to_attract()
    settle(kw.window, kw.images)
    nav.leaveAttract()
    settle(kw.window, kw.images)
    assert nav.place.screen == "home"
    screens = {name: kept(kw, name) for name in KEPT}
    assert all(screen.parentItem() is None for screen in screens.values())
    return screens


def texts_redone(screens: dict[str, QQuickItem]) -> list[str]:
    """Every text of the screens, heard of each time its font or colour changes from
    now on (a new size lays it out again, a new colour draws it again)."""
    heard: list[str] = []
    for name, screen in screens.items():
        for thing in walk(screen):
            if thing.metaObject().className() == "QQuickText":
                for changed in (thing.fontChanged, thing.colorChanged):  # type: ignore[attr-defined]
                    changed.connect(lambda *_, name=name: heard.append(name))
    assert len(heard) == 0 and sum(1 for _ in walk(screens["timelineLoader"])) > 20
    return heard


@pytest.mark.parametrize("button", ["textSizeButton", "contrastButton"])
def test_screens_kept_away_lay_nothing_out_for_a_new_text_size_or_contrast(
    rendition_cache: Path, button: str
) -> None:
    with open_window(CONTENT, rendition_cache) as kw:
        screens = every_screen_kept_away(kw)
        heard = texts_redone(screens)
        home_title = item(kw, "siteTitle")
        size = home_title.property("font").pixelSize()
        tap(kw, item(kw, button))
        if button == "textSizeButton":  # the screen shown follows at once
            assert home_title.property("font").pixelSize() > size
        else:
            assert kw.kiosk.appearance.high_contrast
        assert heard == []
        settle(kw.window, kw.images)
        # dropped: made anew at the next opening
        assert all(not shiboken6.isValid(s) or s.parentItem() is None for s in screens.values())
        tap(kw, item(kw, "timelineButton"))
        assert kept(kw, "timelineLoader") is not screens["timelineLoader"]

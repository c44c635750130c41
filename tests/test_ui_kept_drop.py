"""A new text size, contrast or content set while screens are kept away (the timeline,
the exhibit page, the gallery viewer, the attract loop) lets them go at once, and they
lay nothing out for it on the way: the tap on "Aa" or "Contrast" lays out and draws the
screen the visitor sees, not four they left, and a curator's edit rebuilds none of them
for no one. A moment later they are made again, out of sight, so
the visitor's next visit of each is a tap on a screen already made, drawn as one made
for the first time in that state."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QMetaObject, QObject
from PySide6.QtQuick import QQuickItem

from kiosk.ui.app import KioskWindow
from kiosk.ui.render import settle
from kiosk.ui.render import visual_tree as walk
from tests.conftest import BUNDLED
from tests.uitools import grab, item, kept, load, loader_of, open_window, tap

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
    """Every text of the screens (``ScreenText`` and the other QML texts too), heard of
    each time its font, colour or words change from now on (a new size lays it out
    again, a new colour draws it again, new content fills it again)."""
    heard: list[str] = []
    for name, screen in screens.items():
        for thing in walk(screen):
            if thing.inherits("QQuickText"):
                for changed in (thing.fontChanged, thing.colorChanged, thing.textChanged):  # type: ignore[attr-defined]
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
        # let go: the timeline opened next is not the one left
        assert all(not shiboken6.isValid(s) or s.parentItem() is None for s in screens.values())
        tap(kw, item(kw, "timelineButton"))
        assert kept(kw, "timelineLoader") is not screens["timelineLoader"]


def test_screens_kept_away_take_in_nothing_of_a_new_content_set(
    rendition_cache: Path, tmp_path: Path
) -> None:
    """A curator's edit, swapped in between visitors: the screens away are let go before
    the new set reaches them (not laid out and filled with it first), and the ones made
    again a moment later show the edit."""
    root = tmp_path / "site"
    shutil.copytree(BUNDLED, root)
    exhibit = root / "history" / "exhibit.yaml"
    old_title = "Poydevor: 1991–1998-yillar"
    yaml = exhibit.read_text(encoding="utf-8")
    assert old_title in yaml
    new_title = "Poydevor: 1991–1998-yillar (tahrir)"
    exhibit.write_text(yaml.replace(old_title, new_title, 1), encoding="utf-8")
    edited = load(root)
    with open_window(CONTENT, rendition_cache) as kw:
        screens = every_screen_kept_away(kw)
        heard = texts_redone(screens)
        kw.kiosk.set_content(edited)
        assert heard == []
        settle(kw.window, kw.images)
        assert all(not shiboken6.isValid(s) or s.parentItem() is None for s in screens.values())
        assert all(loader_of(kw, name).property("dropped") for name in KEPT)
        remade = remade_now(kw)
        assert all(remade[name] is not screens[name] for name in remade)
        kw.kiosk.nav.openExhibit("history")
        settle(kw.window, kw.images)
        assert kept(kw, "exhibitLoader") is remade["exhibitLoader"]  # shown, not made
        page = remade["exhibitLoader"]
        texts = [t.property("text") for t in walk(page) if t.inherits("QQuickText")]
        assert new_title in texts and old_title not in texts
        del screens, remade, page


def remake_timer(kw: KioskWindow) -> QObject:
    timer = kw.window.findChild(QObject, "remakeKept")
    assert timer is not None
    return timer


def remade_now(kw: KioskWindow) -> dict[str, QQuickItem]:
    """What the timer does, one screen each time it fires, each given its frames (the
    test fires it: its interval is made an hour, so the wall clock never does)."""
    remake_timer(kw).setProperty("interval", 3_600_000)
    for _ in KEPT:
        QMetaObject.invokeMethod(kw.window, "remakeKept")
        settle(kw.window, kw.images)
    assert not any(loader_of(kw, name).property("dropped") for name in KEPT)  # all made
    return {name: kept(kw, name) for name in KEPT if loader_of(kw, name).property("item")}


@pytest.mark.parametrize(
    ("button", "language"), [("textSizeButton", "az"), ("contrastButton", "ru")]
)
def test_screens_let_go_are_made_again_out_of_sight_and_their_next_visit_is_a_tap(
    rendition_cache: Path, button: str, language: str
) -> None:
    """Made again in the visitor's language too: they chose it while the screens were away."""
    with open_window(CONTENT, rendition_cache) as kw:
        screens = every_screen_kept_away(kw)
        tap(kw, item(kw, f"language_{language}"))
        timer = remake_timer(kw)
        assert not timer.property("running")
        timer.setProperty("interval", 3_600_000)  # the test fires it, not the wall clock
        tap(kw, item(kw, button))
        assert all(loader_of(kw, name).property("item") is None for name in KEPT)  # let go
        assert all(loader_of(kw, name).property("dropped") for name in KEPT)
        assert timer.property("running")  # made again a moment later, not in the tap
        home = grab(kw)
        remade = remade_now(kw)
        assert grab(kw) == home  # made out of sight
        for name, screen in remade.items():
            assert not shiboken6.isValid(screens[name]) or screen is not screens[name]
            assert screen.parentItem() is None  # out of the window, as kept
        assert kw.kiosk.nav.place.screen == "home"

        tap(kw, item(kw, "timelineButton"))
        assert kept(kw, "timelineLoader") is remade["timelineLoader"]  # shown, not made
        timeline = grab(kw)
        tap(kw, item(kw, "homeButton"))
        kw.kiosk.nav.openExhibit(CONTENT.exhibits[0].id)
        settle(kw.window, kw.images)
        assert kept(kw, "exhibitLoader") is remade["exhibitLoader"]
        page = grab(kw)
        kw.kiosk.nav.openGallery(0)
        settle(kw.window, kw.images)
        assert kept(kw, "galleryLoader") is remade["galleryLoader"]
        gallery = grab(kw)
        # no wrapper of this window's items outlives it: once Qt deletes them, the next
        # window's items may take their addresses, and PySide would hand back the old
        # wrappers (seen once in CI: a QMetaObject in the next window's tree)
        del screens, remade, screen, timer

    with open_window(CONTENT, rendition_cache) as fresh:  # the same state from the start
        tap(fresh, item(fresh, f"language_{language}"))
        tap(fresh, item(fresh, button))
        tap(fresh, item(fresh, "timelineButton"))
        assert grab(fresh) == timeline
        tap(fresh, item(fresh, "homeButton"))
        fresh.kiosk.nav.openExhibit(CONTENT.exhibits[0].id)
        settle(fresh.window, fresh.images)
        assert grab(fresh) == page
        fresh.kiosk.nav.openGallery(0)
        settle(fresh.window, fresh.images)
        assert grab(fresh) == gallery


def test_a_screen_never_opened_is_not_made_by_a_change(rendition_cache: Path) -> None:
    """Features cost nothing until used: a new text size makes no screen not yet opened."""
    with open_window(CONTENT, rendition_cache) as kw:
        remake_timer(kw).setProperty("interval", 3_600_000)
        tap(kw, item(kw, "textSizeButton"))
        remade_now(kw)
        assert all(loader_of(kw, name).property("item") is None for name in KEPT)

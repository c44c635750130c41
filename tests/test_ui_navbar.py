"""The one control bar: on every screen but the attract loop, in the lower part of the
screen, with buttons that stay put whatever the language and that nothing covers."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fakes import FakeClock
from PySide6.QtCore import QPointF
from PySide6.QtQuick import QQuickItem
from readaloudfakes import FakeEngine

from kiosk.runtime.readaloud_speaker import SoundOutput, Speaker
from kiosk.ui.app import KioskWindow
from kiosk.ui.readaloud_player import ReadAloudPlayer
from kiosk.ui.render import settle
from tests.conftest import BUNDLED
from tests.uitools import item, items, load, open_window, tap, visible, walk

pytestmark = pytest.mark.usefixtures("qapp")

CONTENT = load(BUNDLED)
LANGUAGES = CONTENT.site.language_codes
SIZES = [(1920, 1080), (1080, 1920)]
EXHIBIT = CONTENT.exhibits[2]  # one with a gallery and timeline entries
BAR_BUTTONS = (
    "backButton",
    "homeButton",
    "timelineButton",
    "textSizeButton",
    "contrastButton",
    *(f"language_{code}" for code in LANGUAGES),
)


def speech() -> ReadAloudPlayer:
    return ReadAloudPlayer(Speaker(FakeEngine(), clock=FakeClock()))


def go(kw: KioskWindow, screen: str) -> None:
    nav = kw.kiosk.nav
    nav.home()
    if screen == "exhibit":
        nav.openExhibit(EXHIBIT.id)
    elif screen == "gallery":
        nav.openExhibit(EXHIBIT.id)
        nav.openGallery(0)
    elif screen == "timeline":
        nav.openTimeline()
        nav.focusIndex(1)
    settle(kw.window, kw.images)
    assert nav.place.screen == screen


def painted_stack(root: QQuickItem) -> Iterator[QQuickItem]:
    """Visible items that draw something, bottom first (siblings in z, then document order)."""
    if not root.isVisible() or root.opacity() == 0:
        return
    children = sorted(root.childItems(), key=lambda c: c.z())
    for child in children:
        if child.z() < 0:
            yield from painted_stack(child)
    if root.flags() & QQuickItem.Flag.ItemHasContents:
        yield root
    for child in children:
        if child.z() >= 0:
            yield from painted_stack(child)


def covered(kw: KioskWindow, button: QQuickItem) -> str | None:
    """What is drawn over the middle of ``button``, if anything."""
    point = button.mapToScene(QPointF(button.width() / 2, button.height() / 2))
    top = None
    for candidate in painted_stack(kw.window.contentItem()):
        local = candidate.mapFromScene(point)
        if candidate.contains(local):
            top = candidate
    ancestor = top
    while ancestor is not None and ancestor is not button:
        ancestor = ancestor.parentItem()
    if ancestor is button:
        return None
    return top.objectName() or type(top).__name__ if top is not None else "nothing"


def geometry(kw: KioskWindow, names: tuple[str, ...]) -> dict[str, tuple[int, int, int, int]]:
    found = {}
    for name in names:
        (button,) = items(kw, name)
        corner = button.mapToScene(QPointF(0, 0))
        found[name] = (
            round(corner.x()),
            round(corner.y()),
            round(button.width()),
            round(button.height()),
        )
    return found


def larger_text(kw: KioskWindow, percent: int) -> None:
    """The text size a visitor reaches with the "Aa" button."""
    kw.kiosk.appearance.set_text_scale(percent / 100)
    settle(kw.window, kw.images)


@pytest.mark.parametrize("percent", [100, 125, 150], ids=lambda p: f"{p}%")
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_bar_stays_put_on_every_screen_in_every_language(
    size: tuple[int, int], percent: int, rendition_cache: Path
) -> None:
    width, height = size
    with open_window(CONTENT, rendition_cache, size=size, player=speech()) as kw:
        larger_text(kw, percent)
        seen: dict[str, tuple[int, int, int, int]] = {}
        for screen in ("home", "exhibit", "gallery", "timeline"):
            for language in LANGUAGES:
                kw.kiosk.language.choose(language)
                go(kw, screen)
                names = BAR_BUTTONS + (("listenButton",) if screen != "home" else ())
                where = f"{screen} in {language}"
                for name, (x, y, w, h) in geometry(kw, names).items():
                    assert seen.setdefault(name, (x, y, w, h)) == (x, y, w, h), (
                        f"{name} moved: {where}"
                    )
                    assert x >= 0 and x + w <= width and y >= 0 and y + h <= height, name
                    assert h >= 64 and w >= 64, f"{name} is {w}x{h}"
                    # in the lower part of the screen, within reach of a seated visitor
                    assert y >= height / 2, f"{name} at y={y} on {where}"
                    (button,) = items(kw, name)
                    assert covered(kw, button) is None, f"{name} covered on {where}"
        # nothing overlaps: every button has its own place
        for a, (x1, y1, w1, h1) in seen.items():
            for b, (x2, y2, w2, h2) in seen.items():
                apart = x1 + w1 <= x2 or x2 + w2 <= x1 or y1 + h1 <= y2 or y2 + h2 <= y1
                assert a == b or apart, f"{a} overlaps {b}"


# rows of buttons a visitor sees, by window, text size and whether reading aloud is
# offered on the machine. With it: at 125 % on a landscape screen the accessibility
# controls go up beside the languages (two rows, not three), and the bar's words stop
# growing at 125 %, so 150 % looks the same; the laptop's window at 125 % needs a row
# each (Listen's room is kept). Without it (no voice program or no sound, as on many a
# presentation laptop): no room kept for Listen, and the laptop's window keeps two rows
# at every text size. A 5:4 monitor (1280x1024) keeps two rows at 100 % without Listen
# by bringing the bar's sides in from the margin to a gap.
SPEECH, NO_SPEECH = True, False
ROWS = {
    ((1920, 1080), 100, SPEECH): 2,
    ((1920, 1080), 125, SPEECH): 2,
    ((1920, 1080), 150, SPEECH): 2,
    ((1080, 1920), 100, SPEECH): 3,
    ((1080, 1920), 125, SPEECH): 3,
    ((1080, 1920), 150, SPEECH): 3,
    ((1280, 800), 100, SPEECH): 2,
    ((1280, 800), 125, SPEECH): 3,
    ((1280, 800), 100, NO_SPEECH): 2,
    ((1280, 800), 125, NO_SPEECH): 2,
    ((1280, 800), 150, NO_SPEECH): 2,
    ((1366, 768), 125, NO_SPEECH): 2,
    ((1920, 1080), 150, NO_SPEECH): 2,
    ((1080, 1920), 150, NO_SPEECH): 3,
    ((1280, 1024), 100, NO_SPEECH): 2,  # its sides a gap wide: three rows with the margin
    ((1280, 1024), 125, NO_SPEECH): 3,
    ((1280, 1024), 150, NO_SPEECH): 3,
    ((1280, 1024), 100, SPEECH): 3,
    ((1280, 1024), 125, SPEECH): 3,
    ((1024, 768), 100, NO_SPEECH): 2,
    ((1024, 768), 125, NO_SPEECH): 3,
}


def button_rows(kw: KioskWindow, names: tuple[str, ...]) -> list[tuple[int, int]]:
    """Each row of ``names``' buttons (top, bottom), every one inside the window and
    uncovered."""
    rows: list[tuple[int, int]] = []
    for name, (x, y, w, h) in sorted(geometry(kw, names).items(), key=lambda f: f[1][1]):
        assert x >= 0 and x + w <= kw.window.width() and y + h <= kw.window.height(), (
            f"{name} outside the window"
        )
        (button,) = items(kw, name)
        assert visible(button) and covered(kw, button) is None, f"{name} covered"
        if not any(top < y + h / 2 < bottom for top, bottom in rows):
            rows.append((y, y + h))
    return rows


@pytest.mark.parametrize(
    ("size", "percent", "speaks"),
    list(ROWS),
    ids=[f"{w}x{h}-{p}%{'' if speaks else '-no-speech'}" for (w, h), p, speaks in ROWS],
)
def test_the_bar_takes_as_few_rows_as_its_buttons_fit_in(
    size: tuple[int, int], percent: int, speaks: bool, rendition_cache: Path
) -> None:
    with open_window(
        CONTENT, rendition_cache, size=size, player=speech() if speaks else None
    ) as kw:
        larger_text(kw, percent)
        go(kw, "exhibit")  # where Listen shows too
        names = (*BAR_BUTTONS, "listenButton") if speaks else BAR_BUTTONS
        rows = button_rows(kw, names)
        expected = ROWS[(size, percent, speaks)]
        assert len(rows) == expected, f"rows of buttons: {rows}"
        (bar,) = items(kw, "navBar")
        # the bar is its rows and no more: what is left above it shows the screen
        buttons_tall = sum(bottom - top for top, bottom in rows)
        assert bar.height() < buttons_tall + (len(rows) + 1) * 40, f"bar {bar.height()} px"


def test_the_laptops_bar_keeps_listens_room_only_while_reading_aloud_is_offered(
    rendition_cache: Path,
) -> None:
    """A presenter's 1280x800 window at 125 %: two rows while the sound output is being
    checked, a row more once Listen is offered (it shows, uncovered, and stays put in
    every language), two again once a failed reading has taken it away."""
    jobs: list[Callable[[], None]] = []
    clock = FakeClock()
    engine = FakeEngine()
    speaker = Speaker(engine, clock=clock, sound=SoundOutput(clock))
    with open_window(CONTENT, rendition_cache, size=(1280, 800)) as kw:
        larger_text(kw, 125)
        go(kw, "exhibit")
        (bar,) = items(kw, "navBar")
        assert len(button_rows(kw, BAR_BUTTONS)) == 2
        two_rows = bar.height()
        kw.kiosk.readAloud.attach(ReadAloudPlayer(speaker, run_check=jobs.append))
        settle(kw.window, kw.images)
        assert len(button_rows(kw, BAR_BUTTONS)) == 2 and items(kw, "listenButton") == []
        jobs.pop()()  # the sound output works
        settle(kw.window, kw.images)
        names = (*BAR_BUTTONS, "listenButton")
        assert len(button_rows(kw, names)) == 3 and bar.height() > two_rows
        seen = geometry(kw, names)
        for language in LANGUAGES:
            kw.kiosk.language.choose(language)
            settle(kw.window, kw.images)
            assert geometry(kw, names) == seen, f"moved in {language}"
        tap(kw, item(kw, "listenButton"))
        engine.played[-1].ended = True
        engine.played[-1].complaint = "espeak-ng: error: No such file or directory"
        player = kw.kiosk.readAloud.player
        assert player is not None
        player.poll()
        kw.kiosk.readAloud.end_notice()
        settle(kw.window, kw.images)
        assert items(kw, "listenButton") == []
        assert len(button_rows(kw, BAR_BUTTONS)) == 2 and bar.height() == two_rows


def test_the_bar_is_not_on_the_attract_loop_and_the_staff_corner_is_at_the_top(
    rendition_cache: Path,
) -> None:
    with open_window(CONTENT, rendition_cache, size=(1080, 1920), start="attract") as kw:
        assert items(kw, "navBar") == [] and items(kw, "backButton") == []
        kw.kiosk.nav.leaveAttract()
        settle(kw.window, kw.images)
        (bar,) = items(kw, "navBar")
        (corner,) = [i for i in walk(kw.window.contentItem()) if i.objectName() == "staffCorner"]
        assert corner.mapToScene(QPointF(0, 0)).y() == 0  # out of a visitor's reach
        assert bar.mapToScene(QPointF(0, 0)).y() > kw.window.height() * 0.8


@pytest.mark.parametrize(
    "size", [(1920, 1080), (1280, 800), (1080, 1920), (800, 600), (1280, 1024)]
)
def test_no_visitor_button_lies_under_the_staff_corner(
    rendition_cache: Path, size: tuple[int, int]
) -> None:
    """A child holding home's Map button (top right) for three seconds opened the PIN
    pad: the staff corner lay over the button's corner. It keeps to the screen's margin
    now, still large enough for a finger."""
    with open_window(CONTENT, rendition_cache, size=size) as kw:
        (corner,) = [i for i in walk(kw.window.contentItem()) if i.objectName() == "staffCorner"]
        box = corner.mapRectToScene(corner.boundingRect())
        assert box.width() >= 48 and box.height() >= 48
        assert box.right() == kw.window.width() and box.top() == 0
        buttons = [
            i
            for i in walk(kw.window.contentItem())
            if i.objectName().endswith("Button") and visible(i)
        ]
        assert any(b.objectName() == "homeMapButton" for b in buttons)
        under = [
            b.objectName()
            for b in buttons
            if b.mapRectToScene(b.boundingRect()).intersected(box).height() > 0.5
            and b.mapRectToScene(b.boundingRect()).intersected(box).width() > 0.5
        ]
        assert under == []


def test_back_is_off_at_home_and_the_current_place_is_marked(rendition_cache: Path) -> None:
    with open_window(CONTENT, rendition_cache) as kw:
        (back,) = items(kw, "backButton")
        (home,) = items(kw, "homeButton")
        assert not back.isEnabled() and back.property("color").alpha() == 0  # no fill
        assert home.property("selected") is True
        go(kw, "timeline")
        assert back.isEnabled() and back.property("color").alpha() == 255
        assert home.property("selected") is False
        assert items(kw, "timelineButton")[0].property("selected") is True


def test_the_accessibility_slot_is_in_the_bar(rendition_cache: Path) -> None:
    with open_window(CONTENT, rendition_cache, player=speech()) as kw:
        go(kw, "exhibit")
        (slot,) = [i for i in walk(kw.window.contentItem()) if i.objectName() == "a11yControls"]
        (bar,) = items(kw, "navBar")
        (listen,) = items(kw, "listenButton")
        assert visible(slot) and listen.parentItem() is slot
        assert slot.parentItem() is bar


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768), (1280, 720)])
def test_a_bar_with_no_height_laid_out_anew_warns_of_no_binding_loop(
    rendition_cache: Path, size: tuple[int, int], caplog: pytest.LogCaptureFixture
) -> None:
    """A presentation's audience window keeps the bar with no height; going from a
    1920x1080 window to the projector's size, its rows are laid out anew. The languages
    and the accessibility controls were placed each from the other, and Qt logged a
    binding loop on the controls' ``y`` (seen at every start on a 4:3 projector)."""
    caplog.set_level(logging.WARNING, logger="kiosk")
    with open_window(load(BUNDLED), rendition_cache) as kw:
        kw.window.setProperty("audience", True)
        settle(kw.window, kw.images)
        bar = next(i for i in walk(kw.window.contentItem()) if i.objectName() == "navBar")
        assert bar.height() == 0 and not bar.isVisible()
        kw.window.resize(*size)
        settle(kw.window, kw.images)
    assert [r.getMessage() for r in caplog.records if "Binding loop" in r.getMessage()] == []

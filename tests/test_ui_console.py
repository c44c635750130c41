"""The presenter console in-process, with a fake clock: the time left changes colour
in the last minutes and when it is up; with one screen the console is an overlay
window that only ``C`` shows; the audience's cursor hides until the mouse moves."""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QAccessible, QColor, QImage
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from kiosk.content.model import ContentSet
from kiosk.content.talks import default_talk
from kiosk.runtime import talk as t
from kiosk.runtime.navigation import Place
from kiosk.runtime.reload import SWAPPED, ReloadController
from kiosk.runtime.talk import Clock
from kiosk.ui import present
from kiosk.ui.presenting import Presentation
from kiosk.ui.render import pump, settle
from kiosk.ui.render import visual_tree as walk
from kiosk.ui.talk import PROVIDER
from kiosk.ui.wiring import PresentOptions
from tests.conftest import BUNDLED
from tests.factories import make_site, tmap, valid_exhibit
from tests.fakes import FakeClock
from tests.layouttools import lowest_text
from tests.test_ui_presenter import lines_cut_at_the_top, pictures_cut_at_the_top
from tests.uitools import (
    centre,
    click,
    difference,
    distinct_colours,
    grab,
    item,
    items,
    load,
    open_window,
    reader_hears,
    styles,
    tap,
    visible,
)

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture(scope="module")
def content() -> ContentSet:
    return load(BUNDLED)


@contextmanager
def presenting(
    content: ContentSet,
    cache: Path,
    clock: FakeClock,
    talk: str | None = "school-visit",
    console: bool = False,
    reload: ReloadController | None = None,
) -> Iterator[Presentation]:
    """A talk in the real windows on one offscreen screen; ``console``: its console
    shown (with one screen it is an overlay, hidden until asked for); ``reload``: the
    kiosk's watch on the exhibits folder, as ``kiosk --present`` runs it."""
    wall = dt.datetime(2026, 12, 4, 10, 0)
    fake = Clock(clock, lambda: wall + dt.timedelta(seconds=clock.now))
    with open_window(content, cache, size=(1280, 800)) as kw:
        options = PresentOptions(talk=talk, windowed=True)
        presentation = Presentation(kw, options, fake, reload=reload)
        presentation.show()
        if console:
            presentation.toggle_console()
        try:
            yield presentation
        finally:
            presentation.close()
            pump(30)


def _view(presentation: Presentation) -> dict[str, Any]:
    view = presentation.console.property("view")
    assert isinstance(view, dict)
    return view


def _named(window: QQuickWindow, name: str) -> QQuickItem:
    found = [i for i in walk(window.contentItem()) if i.objectName() == name and i.isVisible()]
    assert found, name
    return found[0]


def _time_left(presentation: Presentation) -> tuple[str, str]:
    box = _named(presentation.console_window, "timeLeft")
    value = next(i for i in walk(box) if i.objectName() == "value")
    colour = value.property("color")
    assert isinstance(colour, QColor)
    return str(value.property("text")), colour.name()


def test_the_time_left_turns_amber_in_the_last_minutes_and_red_when_up(
    content: ContentSet, rendition_cache: Path
) -> None:
    clock = FakeClock(0.0)
    with presenting(
        content, rendition_cache, clock, console=True
    ) as presentation:  # one offscreen screen: the console is an overlay
        pump(50)
        assert _time_left(presentation) == ("15:00", "#ffffff")
        presentation.state.forward()  # the first press starts the timer
        clock.advance(12 * 60)
        presentation.console.tick()
        pump(20)
        assert _time_left(presentation) == ("3:00", "#ffffff")
        clock.advance(61)
        presentation.console.tick()
        pump(20)
        assert _time_left(presentation) == ("1:59", "#ffb020")  # amber
        clock.advance(120)
        presentation.console.tick()
        pump(20)
        assert _time_left(presentation) == ("-0:01", "#ff5a5f")  # red: over time


def test_with_one_screen_the_console_shows_only_when_asked_and_over_the_audience(
    content: ContentSet, rendition_cache: Path
) -> None:
    with presenting(content, rendition_cache, FakeClock()) as presentation:
        pump(50)
        console, audience = presentation.console_window, presentation.kw.window
        assert not console.isVisible()  # a mirrored projector must not show it
        QTest.keyClick(audience, Qt.Key.Key_C)
        pump(50)
        assert console.isVisible()
        assert console.screen() is audience.screen()
        QTest.keyClick(console, Qt.Key.Key_C)
        pump(50)
        assert not console.isVisible()


def test_with_one_screen_and_the_console_hidden_esc_and_f1_show_nothing(
    content: ContentSet, rendition_cache: Path
) -> None:
    with presenting(content, rendition_cache, FakeClock()) as presentation:
        audience, console = presentation.kw.window, presentation.console_window
        presenter, state = presentation.kw.kiosk.presenter, presentation.state
        assert not console.isVisible()
        QTest.keyClick(audience, Qt.Key.Key_Escape)  # no screen would show the question
        pump(20)
        assert not presenter.property("askingToQuit")
        QTest.keyClick(audience, Qt.Key.Key_F1)  # nor the key help
        pump(20)
        assert not presenter.property("helpVisible")
        QTest.keyClick(audience, Qt.Key.Key_PageDown)  # the clicker still moves the talk
        pump(20)
        assert state.timer().running  # the press reached the talk: its timer started
        QTest.keyClick(audience, Qt.Key.Key_C)
        pump(50)
        assert console.isVisible()
        QTest.keyClick(console, Qt.Key.Key_Escape)  # the console shown: Esc asks, there
        pump(20)
        assert presenter.property("askingToQuit")
        QTest.keyClick(console, Qt.Key.Key_Escape)
        pump(20)
        assert not presenter.property("askingToQuit")
        QTest.keyClick(console, Qt.Key.Key_F1)  # and F1 shows the key help, there
        pump(20)
        assert presenter.property("helpVisible")
        QTest.keyClick(console, Qt.Key.Key_C)  # the console hidden takes its help along
        pump(50)
        assert not console.isVisible() and not presenter.property("helpVisible")


@pytest.mark.parametrize(
    ("pressed", "then"),
    [
        (Qt.Key.Key_PageDown, lambda s, at: s.index == at + 1),  # the clicker's next
        (Qt.Key.Key_Right, lambda s, at: s.index == at + 1),
        (Qt.Key.Key_Space, lambda s, at: s.index == at + 1),
        (Qt.Key.Key_PageUp, lambda s, at: s.index == at - 1),  # and back
        (Qt.Key.Key_B, lambda s, at: s.index == at and s.blank == t.BLACK),  # blank
        (Qt.Key.Key_Period, lambda s, at: s.index == at and s.blank == t.BLACK),
    ],
)
def test_a_clicker_key_with_the_quit_question_up_answers_stay_and_does_its_work(
    content: ContentSet,
    rendition_cache: Path,
    pressed: Qt.Key,
    then: Callable[[Any, int], bool],
) -> None:
    """A clicker's slide-show button sends Esc: the question shows on the console, and
    the clicker, which has no Esc of its own, still moves the talk on."""
    with presenting(content, rendition_cache, FakeClock(), console=True) as presentation:
        console, presenter, state = (
            presentation.console_window,
            presentation.kw.kiosk.presenter,
            presentation.state,
        )
        at = next(i for i, step in enumerate(state.steps) if step.kind == t.IMAGE)
        state.jump(at)  # a picture: one screenful, so a press is a step
        pump(50)
        QTest.keyClick(console, Qt.Key.Key_Escape)
        pump(20)
        assert presenter.property("askingToQuit")
        assert visible(_named(console, "consoleQuestion"))
        QTest.keyClick(console, pressed)
        pump(20)
        assert not presenter.property("askingToQuit")
        assert not _named_or_none(console, "consoleQuestion")
        assert then(state, at), pressed
        # a key the talk has no use for leaves the question up; Enter still quits
        if state.blank:
            QTest.keyClick(console, Qt.Key.Key_Escape)  # the first Esc brings content back
        QTest.keyClick(console, Qt.Key.Key_Escape)
        pump(20)
        assert presenter.property("askingToQuit")
        QTest.keyClick(console, Qt.Key.Key_X)
        pump(20)
        assert presenter.property("askingToQuit")
        quits: list[int] = []
        presenter.quitRequested.connect(lambda: quits.append(1))
        QTest.keyClick(console, Qt.Key.Key_Return)
        assert quits == [1]


def test_the_audience_cursor_hides_until_the_mouse_moves(
    content: ContentSet, rendition_cache: Path
) -> None:
    with presenting(content, rendition_cache, FakeClock()) as presentation:
        audience = presentation.kw.window
        assert audience.cursor().shape() == Qt.CursorShape.BlankCursor
        QTest.mouseMove(audience, QPointF(200, 200).toPoint())
        pump(20)
        assert audience.cursor().shape() == Qt.CursorShape.ArrowCursor
        presentation._cursor.timeout.emit()  # the pointer stood still
        assert audience.cursor().shape() == Qt.CursorShape.BlankCursor


def test_pages_no_longer_offer_the_next_exhibit_in_the_site_order(
    content: ContentSet, rendition_cache: Path
) -> None:
    with open_window(content, rendition_cache, size=(1280, 800)) as kw:
        kw.kiosk.nav.openExhibit(content.exhibits[0].id)
        assert kw.kiosk.property("page")["next"]  # a visitor's page ends with "Next: ..."
    with presenting(content, rendition_cache, FakeClock()) as presentation:
        kiosk = presentation.kw.kiosk
        assert kiosk.nav.place.screen == "exhibit"
        assert kiosk.property("page")["next"] is None  # in a talk, the talk decides what comes next
        presentation.state.forward()
        assert kiosk.property("page")["next"] is None


def test_closing_the_audience_window_closes_the_console(
    content: ContentSet, rendition_cache: Path
) -> None:
    with presenting(content, rendition_cache, FakeClock(), console=True) as presentation:
        pump(20)
        assert presentation.console_window.isVisible()
        presentation.kw.window.close()
        pump(20)
        assert not presentation.console_window.isVisible()


def test_closing_the_talk_hands_the_keys_back_and_stops_its_clock(
    content: ContentSet, rendition_cache: Path
) -> None:
    with presenting(content, rendition_cache, FakeClock()) as presentation:
        kw = presentation.kw
        pump(20)
        QTest.keyClick(kw.window, Qt.Key.Key_B)
        pump(20)
        assert presentation.state.blank == "black"  # the talk had the keys
        QTest.keyClick(kw.window, Qt.Key.Key_B)
        pump(20)
        assert presentation.state.blank == ""
        presentation.close()
        pump(20)
        QTest.keyClick(kw.window, Qt.Key.Key_B)
        pump(20)
        assert presentation.state.blank == ""
        assert not presentation._tick.isActive()
        assert kw.engine.imageProvider(PROVIDER) is None
        assert kw.window.isVisible()  # the audience window stays until the kiosk ends


def test_a_whole_talk_never_passes_through_the_home_screen(
    content: ContentSet, rendition_cache: Path
) -> None:
    # a presentation swaps in edited content at the home screen: never in mid-talk
    with presenting(content, rendition_cache, FakeClock()) as presentation:
        nav = presentation.kw.kiosk.nav
        screens: list[str] = []
        nav.changed.connect(lambda: screens.append(nav.place.screen))
        for _ in range(len(presentation.state.steps)):
            presentation.state.jump(presentation.state.index + 1)
            pump(5)
        presentation.state.first()
        assert {"timeline", "about", "exhibit", "gallery"} <= set(screens)
        assert "home" not in screens


def test_the_kiosk_s_timeline_and_map_keys_leave_the_audience_on_the_talk(
    content: ContentSet, rendition_cache: Path
) -> None:
    with presenting(content, rendition_cache, FakeClock()) as presentation:
        audience, console = presentation.kw.window, presentation.console_window
        nav = presentation.kw.kiosk.nav
        presentation.state.jump(2)
        settle(audience, presentation.kw.images)
        where = (nav.place.screen, nav.place.exhibit_id)
        for window in (audience, console):
            for pressed in (Qt.Key.Key_T, Qt.Key.Key_M):
                QTest.keyClick(window, pressed)
                pump(20)
                assert (nav.place.screen, nav.place.exhibit_id) == where, pressed
        assert presentation.state.index == 2


def test_a_click_or_a_touch_on_the_projector_moves_nothing_there(
    content: ContentSet, rendition_cache: Path
) -> None:
    with presenting(content, rendition_cache, FakeClock()) as presentation:
        kw, state = presentation.kw, presentation.state
        nav = kw.kiosk.nav
        step = next(i for i, s in enumerate(state.steps) if s.kind == "image")
        state.jump(step)
        settle(kw.window, kw.images)
        picture = nav.place.index
        shown = kw.window.contentItem().boundingRect()
        other = next(  # another picture's thumbnail in the gallery's strip, in view
            thumb
            for thumb in items(kw, "galleryStripThumb_0") + items(kw, "galleryStripThumb_1")
            if thumb.objectName() != f"galleryStripThumb_{picture}"
        )
        assert shown.contains(QPointF(centre(other)))
        click(kw, other)
        tap(kw, other)
        assert (nav.place.screen, nav.place.index) == ("gallery", picture)
        assert audience_cursor_shown(kw.window)  # a press still shows the pointer
        state.forward()  # the talk alone moves it
        assert state.index == step + 1


def audience_cursor_shown(window: QQuickWindow) -> bool:
    return window.cursor().shape() != Qt.CursorShape.BlankCursor


def test_every_console_button_is_reached_with_tab_and_pressed_with_enter(
    content: ContentSet, rendition_cache: Path
) -> None:
    with presenting(content, rendition_cache, FakeClock(), console=True) as presentation:
        pump(20)
        console = presentation.console_window
        reached = []
        for _ in range(14):
            QTest.keyClick(console, Qt.Key.Key_Tab)
            focused = console.activeFocusItem()
            assert focused is not None
            reached.append(focused.objectName())
            if focused.objectName() == "blackButton":
                image = console.grabWindow()
                box = focused.mapRectToScene(focused.boundingRect()).toRect()
                edge = image.pixelColor(box.center().x(), box.top() + 1)
                assert edge.name() == "#ffd54a"  # the focus ring shows, in yellow
                if presentation.state.blank == "":
                    QTest.keyClick(console, Qt.Key.Key_Return)
                    assert presentation.state.blank == "black"
        assert {"blackButton", "whiteButton", "freezeButton", "hideButton"} <= set(reached)
        assert presentation.state.blank == "black"  # Enter pressed the black screen button
        # Space on a focused button is still the talk's next key, never the button's
        state = presentation.state
        state.toggle_blank("black")
        while console.activeFocusItem().objectName() != "blackButton":
            QTest.keyClick(console, Qt.Key.Key_Tab)
        edges = presentation.kw.kiosk.nav.page_edges
        QTest.keyClick(console, Qt.Key.Key_Space)
        settle(presentation.kw.window, presentation.kw.images)
        assert state.blank == ""
        assert (state.index, presentation.kw.kiosk.nav.page_edges) != (0, edges)  # moved on


# every button of the kiosk's screens, and the round "more below" arrow
CONTROLS = (
    "scrollCue",
    "scrollCueArrow",
    "sectionListen",
    "galleryPrevious",
    "galleryNext",
    "timelineOpenExhibit",
    "timelineOnMap",
    "timelineChevron",
    "nextExhibit",
)


def _controls_shown(window: QQuickWindow) -> list[str]:
    return [
        i.objectName()
        for i in walk(window.contentItem())
        if i.objectName() in CONTROLS and visible(i)
    ]


def test_the_audience_window_shows_the_content_and_no_control(
    content: ContentSet, rendition_cache: Path
) -> None:
    with open_window(content, rendition_cache, size=(1280, 800)) as kw:
        kw.kiosk.nav.openExhibit("culture-days")
        settle(kw.window, kw.images)
        arrow = item(kw, "scrollCueArrow")  # a visitor sees the round arrow: more below
        accent = grab(kw).pixelColor(centre(arrow))
        assert "scrollCueArrow" in _controls_shown(kw.window)
    with presenting(content, rendition_cache, FakeClock()) as presentation:
        audience, images = presentation.kw.window, presentation.kw.images
        state = presentation.state
        for index, step in enumerate(state.steps):
            state.jump(index)
            settle(audience, images)
            assert _controls_shown(audience) == [], (index, step.kind)
            if step.kind == "timeline":  # every moment, opened as the clicker opens it
                for moment in range(1, len(content.timeline())):
                    state.forward()
                    settle(audience, images)
                    assert _controls_shown(audience) == [], ("moment", moment)
            if step.exhibit == "culture-days" and step.kind == "exhibit":
                assert not presentation.kw.kiosk.nav.page_edges[1]  # the page goes on below
                cue = next(
                    i for i in walk(audience.contentItem()) if i.objectName() == "scrollCueArrow"
                )
                assert audience.grabWindow().pixelColor(centre(cue)) != accent
        assert {s.kind for s in state.steps} >= {"exhibit", "image", "timeline", "about"}


def _elapsed(presentation: Presentation) -> tuple[str, str]:
    box = _named(presentation.console_window, "elapsed")
    texts = [str(i.property("text")) for i in walk(box) if i.property("text") is not None]
    return texts[0], texts[1]  # its label (with a note) and its figure


def test_p_pauses_the_timer_and_r_resets_it_from_either_window(
    content: ContentSet, rendition_cache: Path
) -> None:
    clock = FakeClock(0.0)
    with presenting(content, rendition_cache, clock, console=True) as presentation:
        presentation.state.forward()
        clock.advance(65)
        QTest.keyClick(presentation.kw.window, Qt.Key.Key_P)  # the audience window has the keys
        pump(20)
        label, figure = _elapsed(presentation)
        said = _view(presentation)["words"]  # the presenter's language
        assert (figure, label) == ("1:05", f"{said['elapsed']} ({said['paused']})")
        clock.advance(100)
        presentation.console.tick()
        pump(20)
        assert _elapsed(presentation)[1] == "1:05"  # it stands still
        QTest.keyClick(presentation.console_window, Qt.Key.Key_P)
        clock.advance(5)
        presentation.console.tick()
        pump(20)
        assert _elapsed(presentation) == (said["elapsed"], "1:10")
        QTest.keyClick(presentation.console_window, Qt.Key.Key_R)
        pump(20)
        label, figure = _elapsed(presentation)
        assert (figure, label) == ("0:00", f"{said['elapsed']} ({said['waiting']})")
        keys = " ".join(k["keys"] for k in _view(presentation)["keys"])
        assert "P" in keys.split() and "R" in keys.split()  # both in the F1 list


def _wait(condition: Callable[[], bool], timeout_s: float = 20) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        pump(50)


def _shown_in(console: QQuickWindow, item: QQuickItem) -> QImage:
    """What ``item`` shows on the console, after checking it is there to be seen."""
    box = item.mapRectToScene(item.boundingRect()).toRect()
    assert visible(item) and box.width() > 80 and box.height() > 45, box
    assert console.contentItem().boundingRect().toRect().contains(box), box
    return console.grabWindow().copy(box)


def _difference(a: QImage, b: QImage) -> float:
    """Mean difference of two pictures' grey levels, 0..255, on a 32x18 grid."""
    a, b = a.scaled(32, 18), b.scaled(32, 18)
    total = sum(
        abs(QColor(a.pixel(x, y)).lightness() - QColor(b.pixel(x, y)).lightness())
        for x in range(32)
        for y in range(18)
    )
    return total / (32 * 18)


def test_the_console_shows_a_picture_of_what_the_next_press_shows(
    content: ContentSet, rendition_cache: Path
) -> None:
    with presenting(content, rendition_cache, FakeClock(), console=True) as presentation:
        console, audience = presentation.console_window, presentation.kw.window
        state, images = presentation.state, presentation.kw.images
        frames = presentation.curtain._frames
        settle(audience, images)
        # the top of the first page: next is more of it, pictured from the audience page
        _wait(lambda: presentation.console.property("nextUrl") != "")
        assert _view(presentation)["nextKind"] == "more"
        pump(100)
        next_screenful = _shown_in(console, _named(console, "nextScreenful"))
        assert distinct_colours(next_screenful, 12) > 8  # a picture, not an empty box
        promised = frames.images["next"]
        was_shown = audience.grabWindow().scaled(promised.size())
        state.forward()
        settle(audience, images)
        now_shown = audience.grabWindow().scaled(promised.size())
        before = _difference(promised, now_shown)
        assert before < 12, before  # the picture was what the press brought
        assert _difference(promised, was_shown) > before + 10  # not the screen it was
        # the end of a page: the next step's own picture, a gallery picture here
        state.jump(4)
        settle(audience, images)
        state.backward()  # the end of step 4 (an exhibit); step 5 is one of its pictures
        settle(audience, images)
        pump(600)
        assert _view(presentation)["nextKind"] == "step"
        assert _view(presentation)["nextStepKind"] == "image"
        assert presentation.console.property("nextUrl") == ""  # no stale screenful
        cover = _named(console, "nextCover")
        _wait(lambda: cover.property("progress") == 1.0 and cover.property("paintedWidth") > 0)
        assert distinct_colours(_shown_in(console, cover), 12) > 8
        # before the timeline: a card in the site's colours
        timeline = next(i for i, s in enumerate(state.steps) if s.kind == "timeline")
        state.jump(timeline)
        settle(audience, images)
        state.backward()
        settle(audience, images)
        pump(600)
        assert presentation.kw.kiosk.nav.page_edges == (False, True)  # a page just made: its end
        assert _view(presentation)["nextStepKind"] == "timeline"
        assert _sign_drawn(console, content)


PLACES_TALK = """\
title: {uz: "Joylar", az: "Yerlər", ru: "Места", en: "Places"}
steps:
  - exhibit: "history"
  - screen: "map"
  - screen: "about"
"""


def _sign_drawn(console: QQuickWindow, content: ContentSet) -> bool:
    """The console's picture of what comes next is a sign drawn in the site's accent
    colour (across its middle): the timeline's card, the map's."""
    card = _shown_in(console, _named(console, "nextPicture"))
    accent = QColor(content.site.theme.accent).name()
    return any(
        QColor(card.pixel(x, card.height() // 2)).name() == accent for x in range(card.width())
    )


def test_the_map_step_goes_place_by_place_and_the_audience_sees_no_button(
    rendition_cache: Path, tmp_path: Path
) -> None:
    root = tmp_path / "exhibits"
    shutil.copytree(BUNDLED, root)
    (root / "talks" / "places.yaml").write_text(PLACES_TALK, encoding="utf-8")
    content = load(root)
    with presenting(content, rendition_cache, FakeClock(), "places", console=True) as presentation:
        console, audience = presentation.console_window, presentation.kw.window
        images = presentation.kw.images
        state, nav, language = presentation.state, presentation.kw.kiosk.nav, "uz"
        state.jump(1)
        settle(audience, images)
        assert (nav.place.screen, nav.place.index) == ("map", -1)  # the whole map first
        first = content.places[0]
        named = [
            first.name.get(language),
            *(e.title.get(language) for e in content.exhibits_at(first.id)),
        ]
        assert _view(presentation)["nextKind"] == "place"
        assert _view(presentation)["nextTitle"] == " · ".join(named)
        pump(100)
        assert _sign_drawn(console, content)  # beside it, the map's sign
        for index, place in enumerate(content.places):
            state.forward()
            settle(audience, images)
            assert (state.index, nav.place.index) == (1, index)
            texts = [
                i
                for i in walk(audience.contentItem())
                if i.objectName() in ("mapPlaceName", "mapExhibitTitle") and visible(i)
            ]
            titles = [e.title.get(language) for e in content.exhibits_at(place.id)]
            assert [str(i.property("text")) for i in texts] == [place.name.get(language), *titles]
            picture, window = audience.grabWindow(), audience.contentItem().boundingRect()
            for text in texts:  # each drawn, whole inside the window, its letters seen
                box = text.mapRectToScene(text.boundingRect())
                assert box.height() > 0 and window.adjusted(-1, -1, 1, 1).contains(box)
                assert distinct_colours(picture.copy(box.toRect()), 40) > 2
            buttons = [
                i.objectName()
                for i in walk(audience.contentItem())
                if i.objectName().startswith(("mapPlaceButton_", "mapExhibit_")) and visible(i)
            ]
            assert buttons == []
        assert _view(presentation)["nextKind"] == "step"  # the last place: the sources next
        state.forward()
        assert state.index == 2
        state.backward()  # back: the map's last place
        settle(audience, images)
        assert (state.index, nav.place.screen, nav.place.index) == (
            1,
            "map",
            len(content.places) - 1,
        )


def _loaded(image: QQuickItem) -> bool:
    return bool(image.property("progress") == 1.0)


def _open_moment_shown(audience: QQuickWindow, index: int) -> bool:
    """The timeline's entry ``index`` is the open one, whole inside the audience window."""
    listing = next(i for i in walk(audience.contentItem()) if i.objectName() == "timelineList")
    entry = next(
        i for i in walk(audience.contentItem()) if i.objectName() == f"timelineEntry_{index}"
    )
    box = entry.mapRectToScene(entry.boundingRect())
    return (
        listing.property("currentIndex") == index
        and visible(entry)
        and box.height() > 0
        and box.top() >= 0
        and box.bottom() <= audience.height() + 1  # laid out to fractions of a pixel
    )


def _heading_whole_or_gone(audience: QQuickWindow) -> bool:
    """The timeline's title and axis each wholly in the audience window or wholly
    above it: never one cut in two at the top edge."""
    for name in ("timelineTitle", "timeAxis"):
        part = next(i for i in walk(audience.contentItem()) if i.objectName() == name)
        box = part.mapRectToScene(QRectF(0, 0, part.width(), part.height()))
        if box.top() < -0.5 < box.bottom() - 1:
            return False
    return True


def test_the_timeline_step_goes_moment_by_moment_and_the_console_names_the_next(
    content: ContentSet, rendition_cache: Path
) -> None:
    with presenting(content, rendition_cache, FakeClock(), console=True) as presentation:
        console, audience = presentation.console_window, presentation.kw.window
        state, images, nav = presentation.state, presentation.kw.images, presentation.kw.kiosk.nav
        dated = content.timeline()
        language = presentation.console.language
        timeline = next(i for i, s in enumerate(state.steps) if s.kind == "timeline")
        state.jump(timeline)
        settle(audience, images)
        last_picture = audience.grabWindow()
        for moment in range(len(dated)):
            assert (state.index, nav.place.index) == (timeline, moment)
            assert nav.place.screen == "timeline"
            assert _open_moment_shown(audience, moment)
            assert _heading_whole_or_gone(audience), moment
            view = _view(presentation)
            if moment + 1 < len(dated):  # the console names the next moment, with its picture
                exhibit, entry = dated[moment + 1]
                assert view["nextKind"] == "moment"
                assert view["nextTitle"] == (
                    f"{entry.label.get(language)} · {entry.title.get(language)}"
                )
                assert view["nextImage"] == present.image_key(exhibit.cover, present.THUMB)
                cover = _named(console, "nextCover")
                _wait(partial(_loaded, cover))
                assert distinct_colours(_shown_in(console, cover), 12) > 8
            else:  # the last moment: the next step comes next
                assert view["nextKind"] == "step"
                after = state.steps[timeline + 1]
                assert view["nextTitle"] == t.step_title(after, content, language)
            state.forward()
            settle(audience, images)
            picture = audience.grabWindow()
            assert difference(picture, last_picture)[0] > 100  # the audience saw it move on
            last_picture = picture
        assert state.index == timeline + 1  # past the last moment, the next step
        state.backward()  # back: the timeline's last moment, what was on screen before
        settle(audience, images)
        assert (state.index, nav.place.index) == (timeline, len(dated) - 1)
        assert _open_moment_shown(audience, len(dated) - 1)
        assert _heading_whole_or_gone(audience)
        state.backward()
        settle(audience, images)
        assert nav.place.index == len(dated) - 2
        state.jump(timeline)  # the outline: the step's top, its first moment
        settle(audience, images)
        assert nav.place.index == 0 and _open_moment_shown(audience, 0)


def test_pageup_lands_at_the_end_of_a_page_just_made_once_it_has_laid_itself_out(
    content: ContentSet, rendition_cache: Path
) -> None:
    with presenting(content, rendition_cache, FakeClock()) as presentation:
        audience, images, state = presentation.kw.window, presentation.kw.images, presentation.state
        state.jump(next(i for i, s in enumerate(state.steps) if s.kind == "timeline"))
        settle(audience, images)
        assert state.steps[state.index - 1].kind == "exhibit"
        state.backward()  # the exhibit page before it is made anew: it has no height yet
        settle(audience, images)
        assert presentation.kw.kiosk.nav.page_edges == (False, True)
        flick = next(i for i in walk(audience.contentItem()) if i.objectName() == "exhibitFlick")
        end = flick.property("contentHeight") - flick.height()
        assert abs(flick.property("contentY") - end) <= 1


def _page_and_cue(window: QQuickWindow) -> tuple[QQuickItem, QQuickItem]:
    """The page shown that ends at a talk's last screenful (About, an exhibit's), and
    its scroll cue, which walks the screenfuls."""
    (page,) = [
        i for i in walk(window.contentItem()) if i.property("lastTop") is not None and visible(i)
    ]
    (cue,) = [i for i in walk(page) if i.objectName() == "scrollCue"]
    return page, cue


@pytest.mark.parametrize("kind", ["about", "exhibit"])
def test_a_new_text_size_walks_a_talks_last_screenful_once_not_at_every_line(
    content: ContentSet, rendition_cache: Path, kind: str
) -> None:
    """The audience's page ends where its last screenful starts, found by walking the
    page a screenful at a time. Bound to the layout, the walk ran again at each text
    laid out anew: a press of + took 150-500 ms on About. It is walked once the page is
    laid out, and ends the page where a page made at that size ends."""
    with presenting(content, rendition_cache, FakeClock()) as presentation:
        audience, images, state = presentation.kw.window, presentation.kw.images, presentation.state
        step = next(i for i, s in enumerate(state.steps) if s.kind == kind)
        state.jump(step)
        settle(audience, images)
        page, cue = _page_and_cue(audience)
        walked = cue.property("lastScreenfuls")
        presentation.kw.kiosk.appearance.set_text_scale(1.5)
        settle(audience, images)
        assert 1 <= cue.property("lastScreenfuls") - walked <= 2
        end = page.property("lastTop")
        assert end > 0  # at 150 % the page is longer than a screen
        state.jump(step - 1 if step > 0 else step + 1)
        settle(audience, images)
        state.jump(step)  # About made anew at 150 %; the exhibit page kept, laid out again
        settle(audience, images)
        assert _page_and_cue(audience)[0].property("lastTop") == pytest.approx(end, abs=1)


@pytest.mark.parametrize("language", ["ru", "az"])
def test_at_1280x800_the_console_shows_every_step_and_no_title_is_cut(
    content: ContentSet, rendition_cache: Path, language: str
) -> None:
    with presenting(content, rendition_cache, FakeClock(), console=True) as presentation:
        console = presentation.console_window
        console.setGeometry(0, 0, 1280, 800)
        presentation.console.setLanguage(language)
        presentation.kw.kiosk.language.choose(language)
        pump(100)
        outline = _named(console, "outline")
        shown = outline.mapRectToScene(outline.boundingRect())
        window = console.contentItem().boundingRect()
        assert window.contains(shown)
        rows = [i for i in walk(outline) if i.objectName().startswith("outline_")]
        assert len(rows) == len(presentation.state.steps)
        for row in rows:
            box = row.mapRectToScene(row.boundingRect())
            assert shown.contains(box), row.objectName()  # every step, none scrolled away
            label = next(i for i in walk(row) if i.property("truncated") is not None)
            assert not label.property("truncated"), label.property("text")
        for index in range(len(presentation.state.steps)):
            presentation.state.jump(index)
            pump(30)
            for name in ("nextTitle", "notes"):  # the longest notes too, set smaller to fit
                text = _named(console, name)
                assert not text.property("truncated"), text.property("text")
                assert window.contains(text.mapRectToScene(text.boundingRect()))
                assert text.property("contentHeight") <= text.height() + 1
            notes = _named(console, "notes")
            assert notes.mapRectToScene(notes.boundingRect()).bottom() < shown.top()


def _lines_box(text: QQuickItem) -> QRectF:
    height = max(text.height(), text.property("contentHeight"))
    return text.mapRectToScene(QRectF(0, 0, text.width(), height))


def console_text_problems(console: QQuickWindow) -> list[str]:
    """The console's shown texts that are cut short, reach out of the window, or are
    drawn over another text; with the key help, the quit question, the talks or the
    pages listed over the rest, the texts of that layer ("next" ends with "…" after its third line
    on purpose)."""
    window = QRectF(0, 0, console.width(), console.height())
    layers = [
        _named_or_first(console, name) for name in ("consoleQuestion", "talkChooser", "pageChooser")
    ]
    layer = next((i for i in layers if visible(i)), console.contentItem())
    texts = [
        i
        for i in walk(layer)
        if i.property("lineCount") is not None and i.property("text") and visible(i)
    ]
    problems = []
    for text in texts:
        label = repr(str(text.property("text"))[:40])
        if text.property("truncated") and text.objectName() != "nextTitle":
            problems.append(f"{label} is cut short")
        if not window.contains(_lines_box(text).adjusted(1, 1, -1, -1)):
            problems.append(f"{label} reaches out of the window")
    for a, b in itertools.combinations(texts, 2):
        shared = _lines_box(a).intersected(_lines_box(b))
        if shared.width() > 2 and shared.height() > 2:
            problems.append(f"{a.property('text')[:30]!r} over {b.property('text')[:30]!r}")
    return problems


def _named_or_first(window: QQuickWindow, name: str) -> QQuickItem:
    return next(i for i in walk(window.contentItem()) if i.objectName() == name)


def test_every_console_text_is_whole_and_apart_in_every_language_size_and_state(
    content: ContentSet, rendition_cache: Path
) -> None:
    """The console in the states a talk puts it in, on the laptops presenters bring:
    four languages, 1024x768 to 1920x1080, at steps of each kind, the talk over, the
    key help, the talks to choose from, the pages to show, a page off the talk, a blank
    screen, the audience's text at 150 %."""
    with presenting(content, rendition_cache, FakeClock(), console=True) as presentation:
        console, state, kiosk = (
            presentation.console_window,
            presentation.state,
            presentation.kw.kiosk,
        )
        kinds = {step.kind: i for i, step in reversed(list(enumerate(state.steps)))}
        found = []
        for language in ("uz", "az", "ru", "en"):
            presentation.console.setLanguage(language)
            kiosk.language.choose(language)
            for size in ((1024, 768), (1280, 800), (1366, 768), (1920, 1080)):
                console.setGeometry(0, 0, *size)
                pump(60)
                where = f"{language} {size[0]}x{size[1]}"
                for kind, index in kinds.items():
                    state.jump(index)
                    pump(40)
                    found += [f"{where} {kind}: {p}" for p in console_text_problems(console)]
                state.last()
                state.forward()
                state.forward()  # the talk over
                pump(40)
                assert _view(presentation)["ended"]
                found += [f"{where} over: {p}" for p in console_text_problems(console)]
                kiosk.presenter.toggle_help()
                pump(40)
                found += [f"{where} help: {p}" for p in console_text_problems(console)]
                kiosk.presenter.hideHelp()
                presentation.toggle_chooser()
                pump(40)
                assert presentation.chooser.open
                found += [f"{where} talks: {p}" for p in console_text_problems(console)]
                presentation.toggle_chooser()
                presentation.toggle_pages()
                pump(40)
                assert presentation.pages.open
                found += [f"{where} pages: {p}" for p in console_text_problems(console)]
                QTest.keyClick(console, Qt.Key.Key_7)  # the map, off the talk
                pump(40)
                assert _view(presentation)["away"]
                found += [f"{where} off the talk: {p}" for p in console_text_problems(console)]
                QTest.keyClick(console, Qt.Key.Key_Escape)  # the talk back
                pump(40)
                assert not _view(presentation)["away"]
                state.toggle_blank(t.BLACK)
                kiosk.appearance.set_text_scale(1.5)
                pump(40)
                found += [f"{where} blank, 150 %: {p}" for p in console_text_problems(console)]
                state.toggle_blank(t.BLACK)
                kiosk.appearance.set_text_scale(1.0)
        assert found == []


def test_a_step_number_being_typed_shows_with_a_caret_the_bundled_font_draws(
    content: ContentSet, rendition_cache: Path, tmp_path: Path
) -> None:
    """Typing a step's number on the console shows it, with a caret after it, in the
    step line at the console's top right: inside the window, drawn, in characters of
    the kiosk's own font (the caret was a block character only system fonts had)."""
    from kiosk.content import glyphs

    clock = FakeClock(0.0)
    with presenting(
        content, rendition_cache, clock, console=True
    ) as presentation:  # one screen here: the console shows when asked
        pump(200)  # shown and given the keys
        window = presentation.console_window
        line = _named(window, "stepCount")
        before = str(line.property("text"))
        QTest.keyClick(window, Qt.Key.Key_3)  # the talk has 9 steps: one digit
        pump(30)
        text = str(line.property("text"))
        words = _view(presentation)["words"]
        assert text.startswith(before) and text.endswith(f"{words['go_to']}: 3|"), text
        assert glyphs.undrawable(text) == []
        box = line.mapRectToScene(line.boundingRect())
        assert line.isVisible() and box.width() > 0 and box.height() > 0
        assert box.left() >= 0 and box.right() <= window.width() and box.top() >= 0
        image = window.grabWindow()
        assert distinct_colours(image.copy(box.toAlignedRect())) > 2  # words drawn there
        image.save(str(tmp_path / "console-typed.png"))  # for a person to look at


# what the console says of the content ---------------------------------------------------


def _notice_texts(window: QQuickWindow) -> list[str]:
    return [
        str(i.property("text"))
        for i in walk(window.contentItem())
        if i.objectName() in ("noticeText", "noticeLine") and visible(i)
    ]


def _seen_whole(window: QQuickWindow, name: str) -> QRectF:
    box = _named(window, name)
    shape = box.mapRectToScene(box.boundingRect())
    assert shape.height() > 0 and window.contentItem().boundingRect().contains(shape), name
    return shape


def test_a_talk_left_out_for_its_errors_is_said_on_the_console_only_with_its_line(
    rendition_cache: Path, tmp_path: Path
) -> None:
    root = tmp_path / "exhibits"
    shutil.copytree(BUNDLED, root)
    talk = root / "talks" / "school-visit.yaml"
    text = talk.read_text("utf-8").replace('exhibit: "history"', 'exhibit: "histroy"', 1)
    talk.write_text(text, "utf-8")
    content = load(root)
    line = text[: text.index('"histroy"')].count("\n") + 1
    column = text.splitlines()[line - 1].index('"histroy"') + 1
    for language, says in (("en", "has errors and was left out"), ("ru", "есть ошибки")):
        with presenting(content, rendition_cache, FakeClock(), console=True) as presentation:
            presentation.console.setLanguage(language)
            console, audience = presentation.console_window, presentation.kw.window
            settle(audience, presentation.kw.images)
            pump(100)
            # the whole exhibition instead, from its first exhibit
            assert presentation.state.steps == default_talk(content).steps
            assert presentation.kw.kiosk.nav.place.exhibit_id == content.exhibits[0].id
            sentence, *lines = _notice_texts(console)
            assert says in sentence and "school-visit" in sentence
            assert lines == [
                f"talks/school-visit.yaml:{line}:{column}: "
                "unknown exhibit id 'histroy'; did you mean 'history'?"
            ]
            # seen: whole on the console, the notes still below it, nothing on top
            box = _seen_whole(console, "contentNotices")
            notes = _named(console, "notes")
            notes_box = notes.mapRectToScene(QRectF(0, 0, notes.width(), notes.height()))
            assert notes_box.height() > 40 and notes_box.top() >= box.bottom()
            picture = console.grabWindow().copy(box.toRect())
            assert distinct_colours(picture, 40) > 2  # letters drawn on the box
            assert _notice_texts(audience) == []  # never in front of the audience
            assert items(presentation.kw, "problemsLoader")[0].property("active") is False


def _looked_at_again(reload: ReloadController) -> None:
    """The folder looked at again, as the kiosk's heartbeat does, until it loaded."""
    reload.reload_now()
    for _ in range(400):
        pump(25)
        reload.collect()
        if not reload.busy:
            break


def test_edits_during_a_talk_wait_and_their_errors_are_named_on_the_console(
    rendition_cache: Path, tmp_path: Path
) -> None:
    root = tmp_path / "exhibits"
    shutil.copytree(BUNDLED, root)
    reload = ReloadController(root, settle_s=0.0)
    content = reload.load_initial().content
    assert content is not None

    def edited() -> None:
        _looked_at_again(reload)
        presentation._on_tick()  # the console's tick, without waiting for it
        pump(50)

    try:
        with presenting(
            content, rendition_cache, FakeClock(), console=True, reload=reload
        ) as presentation:
            console = presentation.console_window
            presentation.console.setLanguage("en")
            presentation.state.forward()
            shown = presentation.kw.kiosk.nav.place
            assert _notice_texts(console) == []
            # a note changed: it waits, and the console says when it will show
            talk = root / "talks" / "school-visit.yaml"
            good = talk.read_text("utf-8")
            talk.write_text(good.replace("Say hello.", "Say good morning."), "utf-8")
            edited()
            assert reload.pending is not None
            assert _notice_texts(console) == [
                "Edits to the exhibits folder show when a talk is chosen (T) or the talk is"
                " started again."
            ]
            _seen_whole(console, "contentNotices")
            # an exhibit broken: the file and line, the talk going on as it was loaded
            exhibit = root / content.exhibits[1].id / "exhibit.yaml"
            exhibit.write_text("title: [", "utf-8")
            edited()
            sentence, located, *also = _notice_texts(console)
            assert "has errors" in sentence
            assert located.startswith(f"{content.exhibits[1].id}/exhibit.yaml:2:1: invalid YAML")
            # and what follows from it: the talk's step on that exhibit
            assert also == [
                f"talks/school-visit.yaml:{_line_of(good, content.exhibits[1].id)}:14: "
                f"unknown exhibit id '{content.exhibits[1].id}'; exhibit ids: "
                + ", ".join(sorted(e.id for e in content.exhibits if e != content.exhibits[1]))
            ]
            assert presentation.kw.kiosk.content is content  # nothing swapped under the talk
            assert presentation.kw.kiosk.nav.place == shown
            assert _notice_texts(presentation.kw.window) == []
            # both put back: nothing to say
            shutil.copy(BUNDLED / content.exhibits[1].id / "exhibit.yaml", exhibit)
            talk.write_text(good, "utf-8")
            edited()
            assert _notice_texts(console) == []
            assert not _named_or_none(console, "contentNotices")
    finally:
        reload.close()


def test_a_talk_fixed_while_setting_up_is_listed_and_choosing_it_brings_the_edits_in(
    rendition_cache: Path, tmp_path: Path
) -> None:
    """A presenter setting up finds their talk missing from the list: its file has an
    error, named under the list with its line. Fixed, the list (T) has it, from the edits
    waiting; choosing it starts it on them (a talk chosen is a talk started again)."""
    root = tmp_path / "exhibits"
    shutil.copytree(BUNDLED, root)
    hall = root / "talks" / "hall.yaml"
    body = 'title: {uz: "Zal", az: "Zal", ru: "Зал", en: "A hall"}\nsteps:\n'
    hall.write_text(body + '  - exhibit: "peple"\n', encoding="utf-8")
    reload = ReloadController(root, settle_s=0.0)
    content = reload.load_initial().content
    assert content is not None and "hall" not in content.talks

    try:
        with presenting(
            content, rendition_cache, FakeClock(), None, console=True, reload=reload
        ) as presentation:
            kw, state, console = presentation.kw, presentation.state, presentation.console_window

            def swapped(event: Any) -> None:  # as the kiosk shows a set swapped in
                if event.kind == SWAPPED and reload.current is not None:
                    kw.kiosk.set_content(reload.current)

            reload.on_event = swapped
            presentation.console.setLanguage("en")
            pump(20)
            assert [c.split("\n")[0] for c in _choices_seen(console)] == [
                "1.  For a school class: the story of a friendship in 15 minutes",
                "2.  The whole exhibition: every exhibit, the timeline, the map, the sources",
            ]
            left_out = [i for i in walk(console.contentItem()) if i.objectName() == "talkLeftOut"]
            assert [str(i.property("text")) for i in left_out if visible(i)] == [
                "talks/hall.yaml:3:14: unknown exhibit id 'peple'; did you mean 'people'?"
            ]
            assert console_text_problems(console) == []
            QTest.keyClick(console, Qt.Key.Key_Escape)
            hall.write_text(body + '  - exhibit: "people"\n  - screen: "about"\n', "utf-8")
            _looked_at_again(reload)
            assert reload.pending is not None and kw.kiosk.content is content  # waiting
            QTest.keyClick(console, Qt.Key.Key_T)
            pump(20)
            assert _choices_seen(console)[0].startswith("1.  A hall\n2 steps")
            assert not any(
                visible(i) for i in walk(console.contentItem()) if i.objectName() == "talkLeftOut"
            )
            QTest.keyClick(console, Qt.Key.Key_1)
            settle(kw.window, kw.images)
            assert kw.kiosk.content is reload.current is not content  # the edits came in
            assert (state.talk.id, len(state.steps), kw.kiosk.nav.exhibitId) == (
                "hall",
                2,
                "people",
            )
            presentation._on_tick()
            assert _notice_texts(console) == []  # nothing waits any more
    finally:
        reload.close()


def _named_or_none(window: QQuickWindow, name: str) -> bool:
    return any(i.objectName() == name and visible(i) for i in walk(window.contentItem()))


def _line_of(text: str, exhibit_id: str) -> int:
    return text[: text.index(f'exhibit: "{exhibit_id}"')].count("\n") + 1


def test_with_no_valid_content_the_audience_keeps_the_being_updated_message(
    rendition_cache: Path, tmp_path: Path
) -> None:
    """A first start on a folder with errors and no set accepted before: the kiosk's
    "being updated" set has nothing to show, so the talk has no step, and the audience
    keeps the message instead of an empty timeline and sources."""
    from kiosk.content.fallback import fallback_content

    content = fallback_content(tmp_path)
    with presenting(content, rendition_cache, FakeClock(), console=True) as presentation:
        audience, console = presentation.kw.window, presentation.console_window
        presentation.console.setLanguage("en")
        assert content.site.subtitle is not None
        message = content.site.subtitle.get("uz")
        settle(audience, presentation.kw.images)
        before = grab(presentation.kw)
        # the message alone: no control (About, the map) on the projector
        assert [n for n in ("aboutButton", "homeMapButton") if _named_or_none(audience, n)] == []
        for pressed in (Qt.Key.Key_PageDown, Qt.Key.Key_End, Qt.Key.Key_PageUp):
            QTest.keyClick(console, pressed)
            settle(audience, presentation.kw.images)
            assert presentation.state.steps == ()
            assert presentation.kw.kiosk.nav.place.screen == "home", pressed
            subtitle = item(presentation.kw, "siteSubtitle")
            assert visible(subtitle) and subtitle.property("text") == message
        assert difference(before, grab(presentation.kw))[0] <= 24  # nothing moved
        assert not _named_or_none(console, "stepCount")  # no "Step 1 / 0"
        # why, as it is: the folder did not load (not "there is no talk", which is there)
        sentence, *_ = _notice_texts(console)
        assert sentence.startswith("The exhibits folder has errors and no earlier version")
        said = [
            str(i.property("text"))
            for i in walk(console.contentItem())
            if visible(i) and i.property("text")
        ]
        for wrong in ("There is no talk", "End of the talk", "No notes for this step"):
            assert not any(wrong in text for text in said), wrong
        assert "Outline" not in said and "Notes" not in said  # headings over nothing
        assert "Audience screen" in said  # no colon before a title that is not there


def test_the_outline_of_a_long_talk_shows_the_steps_to_come(
    rendition_cache: Path, tmp_path: Path, content: ContentSet
) -> None:
    root = tmp_path / "exhibits"
    shutil.copytree(BUNDLED, root)
    steps = 3 * "".join(  # a long visit: every picture, three rounds
        f'  - exhibit: "{e.id}"\n    image: "{i + 1}"\n'
        for e in content.exhibits
        for i in range(len(e.gallery))
    )
    long = f'title: {{uz: "U", az: "U", ru: "Д", en: "L"}}\nsteps:\n{steps}'
    (root / "talks" / "long.yaml").write_text(long, encoding="utf-8")
    long_content = load(root)
    with presenting(long_content, rendition_cache, FakeClock(), "long", console=True) as p:
        console, state = p.console_window, p.state
        count = len(state.steps)
        assert count > 40
        outline = _named(console, "outline")
        for index in (*range(0, count, 2), count - 1):
            state.jump(index)
            pump(350)  # the outline's scroll animation
            frame = outline.mapRectToScene(QRectF(0, 0, outline.width(), outline.height()))
            rows = {
                int(i.objectName().removeprefix("outline_")): i.mapRectToScene(
                    QRectF(0, 0, i.width(), i.height())
                )
                for i in walk(outline)
                if i.objectName().startswith("outline_") and visible(i)
            }
            inside = frame.adjusted(0, -1, 0, 1)
            whole = sorted(n for n, box in rows.items() if inside.contains(box))
            assert index in whole, (index, whole)
            # the next two steps, where there are two, in view below the one on now
            assert {n for n in (index + 1, index + 2) if n < count} <= set(whole), (index, whole)


@pytest.mark.parametrize(
    ("size", "beside"), [((800, 600), False), ((1024, 768), False), ((1920, 1080), True)]
)
def test_the_audience_map_takes_the_room_that_draws_it_largest(
    content: ContentSet, rendition_cache: Path, size: tuple[int, int], beside: bool
) -> None:
    """On a 4:3 or 800x600 projector the place's name and titles go under the map, so
    the map spans the screen; on a wide one beside it. A visitor's kiosk keeps its
    panel of buttons beside the map on any landscape screen."""
    with open_window(content, rendition_cache, size=size) as kw:
        kw.window.setProperty("audience", True)  # as kiosk.ui.presenting sets it
        kw.kiosk.nav.openMap()
        kw.kiosk.nav.choosePlace(0)
        settle(kw.window, kw.images)
        view, panel = item(kw, "mapView"), item(kw, "mapPanel")
        drawn = view.mapRectToScene(QRectF(0, 0, view.width(), view.height()))
        words = panel.mapRectToScene(QRectF(0, 0, panel.width(), panel.height()))
        assert kw.window.contentItem().boundingRect().contains(drawn)
        assert not drawn.intersects(words)  # nothing over the map
        if beside:
            assert words.left() >= drawn.right()
        else:
            assert words.top() >= drawn.bottom() and drawn.width() > 0.75 * size[0]
        name = item(kw, "mapPlaceName")
        box = name.mapRectToScene(QRectF(0, 0, name.width(), name.height()))
        assert box.height() > 0 and kw.window.contentItem().boundingRect().contains(box)
        assert name.property("text") == content.places[0].name.get("uz")
        kw.window.setProperty("audience", False)  # the kiosk's own screen: buttons beside
        settle(kw.window, kw.images)
        drawn = view.mapRectToScene(QRectF(0, 0, view.width(), view.height()))
        words = panel.mapRectToScene(QRectF(0, 0, panel.width(), panel.height()))
        assert words.left() >= drawn.right()


@pytest.mark.parametrize(
    ("size", "scale"),
    [((1920, 1080), 1.0), ((1024, 768), 1.0), ((800, 600), 1.0), ((1920, 1080), 1.5)],
)
def test_no_screenful_of_a_talk_starts_on_the_foot_of_a_picture(
    content: ContentSet, rendition_cache: Path, size: tuple[int, int], scale: float
) -> None:
    """The audience reads each screenful as a slide: one that starts with the lower part
    of a section's picture (451 of its 662 px gone, on a 1920x1080 projector) looks
    broken. Each screenful of every page of the talk starts at a picture's top, or on a
    whole line, whatever the projector's size and the audience's text size; the last
    one of each page too (the page ends there, its end in view)."""
    with presenting(content, rendition_cache, FakeClock()) as presentation:
        kw, state = presentation.kw, presentation.state
        kw.window.resize(*size)
        kw.kiosk.appearance.set_text_scale(scale)
        settle(kw.window, kw.images)
        screenfuls = ends = 0
        while state.next_up()[0] != "end":
            state.forward()
            settle(kw.window, kw.images)
            flicks = [f for f in walk(kw.window.contentItem()) if f.objectName() == "exhibitFlick"]
            shown = [f for f in flicks if visible(f)]
            if not shown:
                continue  # the timeline, the map, the sources
            flick = shown[0]
            top = flick.property("contentY")
            if top <= 1:
                continue  # a page's top
            screenfuls += 1
            column = _named(kw.window, "textColumn")
            where = (state.index, round(top))
            if top >= flick.property("contentHeight") - flick.height() - 1:  # its last
                ends += 1
                seen = flick.mapRectToScene(flick.boundingRect())
                assert lowest_text(flick).bottom() <= seen.bottom(), where  # the page's end
            assert pictures_cut_at_the_top(flick, column) == [], where
            assert lines_cut_at_the_top(kw, flick, column) == [], where
            assert side_rows_cut_at_the_top(kw.window, flick) == [], where
        assert screenfuls >= 3  # the talk's pages took several screenfuls each
        assert ends >= 4  # and each page's last one starts whole too


def side_rows_cut_at_the_top(window: QQuickWindow, flick: QQuickItem) -> list[str]:
    """The rows of the column beside the text (the gallery's heading and strip, the key
    facts' heading, each row of fact cards) that the screen's top edge cuts through."""
    top = flick.mapToScene(QPointF(0, 0)).y()
    side = _named(window, "exhibitSide")
    rows = [c for c in side.childItems() if c.objectName() != "factRows"]
    rows += _named(window, "factRows").childItems()
    cut = []
    for row in rows:
        if not row.isVisible() or row.height() <= 0:
            continue
        y = row.mapToScene(QPointF(0, 0)).y()
        if y + 1 < top < y + row.height() - 1:
            cut.append(
                f"{row.objectName() or 'a row of facts'} at {top - y:.0f} of {row.height():.0f}"
            )
    return cut


def _page_colour(window: QQuickWindow) -> QColor:
    """The audience page's colour where nothing is drawn on it: its left margin, low down
    (a talk's audience has no control bar there)."""
    return window.grabWindow().pixelColor(8, window.height() - 8)


def test_the_audience_s_text_size_and_contrast_are_changed_for_the_room(
    content: ContentSet, rendition_cache: Path
) -> None:
    """The back rows of a hall read the projector from far away: + and - make the
    audience's text larger and smaller (held at 150 and 100 %), K its colours black on
    white, from either window or the console's buttons; the console's own text stays,
    the talk stays at its step, and the screenful still starts whole."""
    with presenting(content, rendition_cache, FakeClock()) as presentation:
        kw, state, appearance = (
            presentation.kw,
            presentation.state,
            presentation.kw.kiosk.appearance,
        )
        audience = kw.window
        settle(audience, kw.images)
        state.forward()  # the first page's second screenful
        settle(audience, kw.images)
        assert (state.index, kw.kiosk.nav.place.screen) == (0, "exhibit")
        title = _named(audience, "pageTitle")
        normal = title.property("font").pixelSize()
        page = _page_colour(audience)
        before = audience.grabWindow()
        notes = _named(presentation.console_window, "notes").property("font").pixelSize()
        where = (state.index, kw.kiosk.nav.exhibitId)
        for key, scale in (
            (Qt.Key.Key_Plus, 1.25),
            (Qt.Key.Key_Equal, 1.5),  # + unshifted
            (Qt.Key.Key_Plus, 1.5),  # held at the largest
            (Qt.Key.Key_Minus, 1.25),
        ):
            QTest.keyClick(audience, key)
            settle(audience, kw.images)
            assert appearance.text_scale == scale, key
            assert title.property("font").pixelSize() == round(normal * scale)
            flick, column = _named(audience, "exhibitFlick"), _named(audience, "textColumn")
            assert lines_cut_at_the_top(kw, flick, column) == [], scale
            assert pictures_cut_at_the_top(flick, column) == [], scale
        assert difference(before, audience.grabWindow())[1] > 5  # the audience sees it
        assert (state.index, kw.kiosk.nav.exhibitId) == where
        QTest.keyClick(audience, Qt.Key.Key_K)
        settle(audience, kw.images)
        assert appearance.high_contrast
        assert _page_colour(audience).name() == "#ffffff" != page.name()
        presentation.toggle_console()  # one screen: the console over the audience
        pump(20)
        console = presentation.console_window
        assert _named(console, "notes").property("font").pixelSize() == notes
        size_button, contrast_button = (
            _named(console, "textSizeButton"),
            _named(console, "contrastButton"),
        )
        assert "125 %" in size_button.property("text")
        click_at = partial(
            QTest.mouseClick, console, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        )
        click_at(centre(size_button))
        pump(20)
        assert appearance.text_scale == 1.5 and "150 %" in size_button.property("text")
        click_at(centre(size_button))  # after the largest, the normal size (as "Aa")
        pump(20)
        assert appearance.text_scale == 1.0
        click_at(centre(contrast_button))
        pump(20)
        assert not appearance.high_contrast
        for button in (size_button, contrast_button):  # seen on the console, whole
            box = button.mapRectToScene(button.boundingRect())
            assert visible(button) and console.contentItem().boundingRect().contains(box)


def test_a_talk_file_sets_the_audience_s_text_size_and_contrast_from_its_start(
    rendition_cache: Path, tmp_path: Path
) -> None:
    root = tmp_path / "exhibits"
    shutil.copytree(BUNDLED, root)
    talk = (BUNDLED / "talks" / "school-visit.yaml").read_text(encoding="utf-8")
    (root / "talks" / "hall.yaml").write_text(
        talk + "text_size: 150\ncontrast: true\n", encoding="utf-8"
    )
    hall = load(root)
    with presenting(hall, rendition_cache, FakeClock(), "hall") as presentation:
        appearance, audience = presentation.kw.kiosk.appearance, presentation.kw.window
        settle(audience, presentation.kw.images)
        assert (appearance.text_scale, appearance.high_contrast) == (1.5, True)
        assert _page_colour(audience).name() == "#ffffff"
        style = next(s for s in styles(presentation.kw) if s.property("textScale") == 1.5)
        title = _named(audience, "pageTitle")
        assert title.property("font").pixelSize() == round(48 * style.property("k") * 1.5)


def _layout_key(
    window: QQuickWindow, key: int, scan: int, text: str, control: bool = False
) -> None:
    """A key press as a keyboard with another layout sends it: the letter that layout
    types there, and the key's place (xkb's key code, Qt's native scan code)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QGuiApplication, QKeyEvent

    modifiers = Qt.KeyboardModifier.ControlModifier if control else Qt.KeyboardModifier.NoModifier
    window.requestActivate()  # as the presenter's laptop has it: its keys go to the console
    pump(10)
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, key, modifiers, scan, 0, 0, text)
        QGuiApplication.sendEvent(window, event)
    pump(30)


# (a layout, what its B, "." and L keys type, their key codes)
LAYOUT_KEYS = {
    "ru": [(0x418, 56, "и"), (0x42E, 60, "ю"), (0x414, 46, "д")],
    "uz (Cyrillic)": [(0x418, 56, "и"), (0x42E, 60, "ю"), (0x414, 46, "д")],
    "az": [(ord("B"), 56, "b"), (0x15E, 60, "ş"), (ord("L"), 46, "l")],
}


@pytest.mark.parametrize("layout", LAYOUT_KEYS)
def test_the_talk_keys_work_whatever_the_keyboard_layout(
    content: ContentSet, rendition_cache: Path, layout: str
) -> None:
    """A laptop in Tashkent or Baku often types Cyrillic or Azerbaijani letters: B, the
    clicker's "." (blank) and L are read by their place on the keyboard, as printed."""
    b, period, letter_l = LAYOUT_KEYS[layout]
    with presenting(content, rendition_cache, FakeClock(), console=True) as presentation:
        console, state, kiosk = (
            presentation.console_window,
            presentation.state,
            presentation.kw.kiosk,
        )
        _layout_key(console, *b)
        assert state.blank == t.BLACK, layout
        _layout_key(console, *b)
        assert state.blank == "", layout
        _layout_key(console, *period)  # the clicker's blank button
        assert state.blank == t.BLACK, layout
        _layout_key(console, *period)
        before = kiosk.language.current
        _layout_key(console, *letter_l)
        assert kiosk.language.current != before, layout
        quits: list[bool] = []
        kiosk.presenter.quitRequested.connect(lambda: quits.append(True))
        _layout_key(console, 0x419, 24, "й", control=True)  # Ctrl+Q: Ctrl and the Q key
        assert quits == [True], layout


def test_a_letter_is_read_by_its_place_only_when_it_is_not_latin() -> None:
    from kiosk.ui.keys import physical_key

    assert physical_key(0x418, 56) == ord("B")  # и, on the B key
    assert physical_key(0x15E, 60) == ord(".")  # ş, on the "." key
    assert physical_key(0x419, 24) == ord("Q")  # й: Ctrl+Q quits on a Russian layout
    assert physical_key(ord("Q"), 38) == ord("Q")  # AZERTY's A key types Q: as printed
    assert physical_key(0x01000013, 111) == 0x01000013  # Up, a named key
    assert physical_key(0x418, 0) == 0x418  # no place known (a test's key): as it came
    assert physical_key(0x418, 9) == 0x418  # Esc's place: not a letter of the map


def test_a_map_step_that_names_a_place_shows_it_and_the_next_press_moves_on(
    rendition_cache: Path, tmp_path: Path
) -> None:
    """``screen: map`` with ``place: baku``: the audience sees the map with Baku chosen,
    its name and exhibits beside it; the next press is the next step (no walk through
    the other places), and PageUp from there comes back to Baku, not to the last place."""
    root = tmp_path / "exhibits"
    shutil.copytree(BUNDLED, root)
    talk = (
        'title: {uz: "J", az: "J", ru: "М", en: "P"}\nsteps:\n'
        '  - exhibit: "history"\n  - screen: "map"\n    place: "baku"\n'
        '  - screen: "map"\n  - screen: "about"\n'
    )
    (root / "talks" / "places.yaml").write_text(talk, encoding="utf-8")
    places_content = load(root)
    baku = [p.id for p in places_content.places].index("baku")
    with presenting(places_content, rendition_cache, FakeClock(), "places", console=True) as p:
        state, kw, console = p.state, p.kw, p.console_window
        p.console.setLanguage("en")
        state.jump(1)
        settle(kw.window, kw.images)
        assert (kw.kiosk.nav.place.screen, kw.kiosk.nav.place.index) == ("map", baku)
        name = item(kw, "mapPlaceName")
        assert visible(name) and name.property("text") == "Boku"  # the audience's uz
        assert "2.  Map · Baku" in [
            str(i.property("text")) for i in walk(console.contentItem()) if visible(i)
        ]
        assert state.next_up()[0] == "step"
        QTest.keyClick(console, Qt.Key.Key_PageDown)
        settle(kw.window, kw.images)
        assert state.index == 2 and kw.kiosk.nav.place.index == -1  # the whole map
        QTest.keyClick(console, Qt.Key.Key_PageUp)
        settle(kw.window, kw.images)
        assert state.index == 1 and kw.kiosk.nav.place.index == baku
        for _ in range(len(places_content.places) + 1):  # the whole map: place by place
            QTest.keyClick(console, Qt.Key.Key_PageDown)
            settle(kw.window, kw.images)
        assert state.index == 2 and kw.kiosk.nav.place.index == len(places_content.places) - 1


def _choices_seen(console: QQuickWindow) -> list[str]:
    """The talks the console lists (T), as shown (see ``_rows_seen``)."""
    return _rows_seen(console, "choice_", "\n")


def _rows_seen(console: QQuickWindow, prefix: str, joiner: str) -> list[str]:
    """The rows of a list on the console, as shown, each its texts joined: every row
    inside the window, its texts whole, inside it and apart."""
    window = console.contentItem().boundingRect()
    rows = [i for i in walk(console.contentItem()) if i.objectName().startswith(prefix)]
    shown = []
    for row in rows:
        if not visible(row):
            continue
        box = row.mapRectToScene(row.boundingRect())
        assert window.contains(box), row.objectName()
        texts = [
            i
            for i in walk(row)
            if i.property("lineCount") is not None and visible(i) and i.property("text")
        ]
        boxes = [_lines_box(text) for text in texts]
        assert all(box.contains(b) for b in boxes), row.objectName()  # none past the row
        assert len(boxes) < 2 or not boxes[0].intersects(boxes[1]), row.objectName()
        assert not any(text.property("truncated") for text in texts), row.objectName()
        shown.append(joiner.join(str(text.property("text")) for text in texts))
    return shown


def test_started_without_a_talk_the_console_offers_the_talks_and_t_changes_the_talk(
    content: ContentSet, rendition_cache: Path, tmp_path: Path
) -> None:
    """A presenter who starts `kiosk --present` (a launcher, no --talk) on a folder with
    talk files picks one on the console: the list opens by itself, the whole exhibition
    marked (Enter keeps it); T opens it again during the talk. The chosen talk starts at
    its first step with the timer at 0:00, with its own text size; the audience never
    sees the list."""
    root = tmp_path / "exhibits"
    shutil.copytree(BUNDLED, root)
    talk = 'title: {uz: "Zal", az: "Zal", ru: "Зал", en: "A hall"}\ntext_size: 150\n'
    (root / "talks" / "hall.yaml").write_text(
        talk + 'steps:\n  - exhibit: "people"\n  - screen: "about"\n', encoding="utf-8"
    )
    with_talks = load(root)
    clock = FakeClock()
    with presenting(with_talks, rendition_cache, clock, None, console=True) as presentation:
        console, state, kw = presentation.console_window, presentation.state, presentation.kw
        presentation.console.setLanguage("en")
        pump(20)
        listed = _choices_seen(console)
        assert [line.split("\n")[0] for line in listed] == [
            "1.  A hall",
            "2.  For a school class: the story of a friendship in 15 minutes",
            "3.  The whole exhibition: every exhibit, the timeline, the map, the sources",
        ]
        assert listed[1].endswith("9 steps · 15:00")
        assert not any(i.objectName() == "talkChooser" for i in walk(kw.window.contentItem()))
        QTest.keyClick(console, Qt.Key.Key_Return)  # the whole exhibition, kept
        pump(20)
        assert _choices_seen(console) == [] and state.talk.id == ""
        state.forward()
        clock.advance(90)
        QTest.keyClick(console, Qt.Key.Key_T)
        QTest.keyClick(console, Qt.Key.Key_Up)
        QTest.keyClick(console, Qt.Key.Key_Return)
        settle(kw.window, kw.images)
        assert (state.talk.id, state.index) == ("school-visit", 0)
        assert kw.kiosk.nav.exhibitId == state.steps[0].exhibit
        assert _elapsed(presentation)[1] == "0:00"  # waiting for the first move again
        assert kw.kiosk.appearance.text_scale == 1.0
        QTest.keyClick(console, Qt.Key.Key_T)
        QTest.keyClick(console, Qt.Key.Key_1)  # its number: at once
        settle(kw.window, kw.images)
        assert (state.talk.id, kw.kiosk.nav.exhibitId) == ("hall", "people")
        assert kw.kiosk.appearance.text_scale == 1.5  # as its file asks
        kw.kiosk.appearance.set_text_scale(1.25)  # the presenter's, for this room
        QTest.keyClick(console, Qt.Key.Key_T)
        pump(20)
        row = _named(console, "choice_2")
        QTest.mouseClick(
            console, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre(row)
        )
        settle(kw.window, kw.images)
        assert state.talk.id == "school-visit"
        assert _choices_seen(console) == []  # the click chose, and the list is gone
        assert kw.kiosk.appearance.text_scale == 1.25  # a talk that does not say keeps it
        QTest.keyClick(console, Qt.Key.Key_T)
        assert (state.index, kw.kiosk.nav.page_edges[0]) == (0, True)  # its first page's top
        QTest.keyClick(console, Qt.Key.Key_PageDown)  # a clicker's press: the list goes,
        settle(kw.window, kw.images)  # and the press moves the talk on
        assert _choices_seen(console) == []
        assert (state.index, kw.kiosk.nav.page_edges[0]) == (0, False)  # a screenful down
        QTest.keyClick(console, Qt.Key.Key_T)
        QTest.keyClick(console, Qt.Key.Key_Escape)
        pump(20)
        assert _choices_seen(console) == [] and state.talk.id == "school-visit"
        presentation.toggle_console()  # one screen, the console hidden: T lists nothing
        QTest.keyClick(kw.window, Qt.Key.Key_T)
        assert not presentation.chooser.open


@pytest.mark.parametrize(("size", "language"), [((1024, 768), "ru"), ((1920, 1080), "az")])
def test_every_screenful_of_a_talk_for_a_hall_is_uncut(
    content: ContentSet, rendition_cache: Path, size: tuple[int, int], language: str
) -> None:
    """The audience at 150 % with high contrast, the whole exhibition press by press:
    no text cut, wider than its box, or drawn over another, on any screenful (a key fact's
    date ran out of its card at 1024x768 in Russian)."""
    from tests.layouttools import text_problems
    from tests.test_ui_layout import cut_texts

    with presenting(content, rendition_cache, FakeClock(), None) as presentation:
        presentation.chooser.close()
        kw, state = presentation.kw, presentation.state
        kw.window.resize(*size)
        kw.kiosk.language.choose(language)
        kw.kiosk.appearance.set_text_scale(1.5)
        kw.kiosk.appearance.set_high_contrast(True)
        state.first()
        settle(kw.window, kw.images)
        presses = 0
        while not state.ended:
            problems = cut_texts(kw)
            for view in walk(kw.window.contentItem()):
                if view.objectName() in ("exhibitFlick", "aboutFlick", "mapPanel") and visible(
                    view
                ):
                    problems += text_problems(view)
            assert problems == [], (state.index, presses)
            state.forward()
            settle(kw.window, kw.images)
            presses += 1
        assert presses > len(state.steps) * 2  # the pages read screenful by screenful


def _pages_seen(console: QQuickWindow) -> list[str]:
    """The pages the console lists (G), as shown (see ``_rows_seen``)."""
    return _rows_seen(console, "page_", " | ")


def _flick_top(window: QQuickWindow) -> float:
    shown = [
        i for i in walk(window.contentItem()) if i.objectName() == "exhibitFlick" and visible(i)
    ]
    assert len(shown) == 1
    return float(shown[0].property("contentY"))


def test_a_question_shows_any_page_off_the_talk_and_esc_brings_the_talk_back_where_it_was(
    content: ContentSet, rendition_cache: Path
) -> None:
    """A child asks where Baku is, and the talk has no map: G lists every page of the
    exhibition on the console (never the audience's), the map is shown, and the talk waits
    on its step, saying so in amber. Esc (or paging past the page shown) brings the
    audience back to the very screenful it left, pixel for pixel."""
    clock = FakeClock()
    with presenting(content, rendition_cache, clock, console=True) as presentation:
        console, state, kw = presentation.console_window, presentation.state, presentation.kw
        audience, nav = kw.window, kw.kiosk.nav.navigator
        presentation.console.setLanguage("en")
        assert "map" not in [step.kind for step in state.steps]  # the sample talk has none
        settle(audience, kw.images)
        for _ in range(2):
            QTest.keyClick(console, Qt.Key.Key_PageDown)
            settle(audience, kw.images)
        left, seen = _flick_top(audience), grab(kw)
        assert left > 0 and state.index == 0
        clock.advance(200)
        QTest.keyClick(console, Qt.Key.Key_G)
        pump(20)
        listed = _pages_seen(console)
        assert listed == [
            "1.  Foundations: 1991–1998 | Step 1, 2",
            "2.  The “Azerbaijan – Uzbekistan” Friendship Museum | Step 3",
            "3.  The Mirzo Ulugbek School in Fuzuli | Step 4, 5",
            "4.  Culture Days in Baku and Tashkent | Step 6",
            "5.  Leaders, youth and culture | Step 7",
            "6.  Timeline | Step 8",
            "7.  Map",
            "8.  About this exhibition | Step 9",
        ]
        assert console_text_problems(console) == []
        assert not any(
            i.objectName().startswith(("pageChooser", "page_"))
            for i in walk(audience.contentItem())
        )
        heard = [  # a screen reader on the laptop: each page a button, its step said
            name
            for role, objname, name in reader_hears(SimpleNamespace(window=console))  # type: ignore[arg-type]
            if objname.startswith("page_") and role == QAccessible.Role.Button
        ]
        assert heard[6:] == ["7. Map", "8. About this exhibition, Step 9"]
        QTest.mouseClick(
            console,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            centre(_named(console, "page_7")),
        )
        settle(audience, kw.images)
        assert _pages_seen(console) == []  # the click chose, and the list is gone
        assert nav.place.screen == "map" and state.away is not None
        assert visible(_named(audience, "mapPage"))
        count = _named(console, "stepCount")
        assert count.property("text") == "Off the talk · Esc: back to step 1"
        assert count.property("color").name() == "#ffd54a"
        assert _view(presentation)["current"] == "Map"
        assert _named(console, "notes").property("text") == "No notes for this page"
        QTest.keyClick(console, Qt.Key.Key_PageDown)  # the map's places, as in a talk
        settle(audience, kw.images)
        assert nav.place.screen == "map" and nav.place.index == 0
        back = _named(console, "backToTalkButton")  # for a presenter with a mouse
        assert console_text_problems(console) == [] and back.width() >= 48
        QTest.keyClick(console, Qt.Key.Key_Escape)
        settle(audience, kw.images)
        assert state.away is None and (nav.place.screen, nav.place.exhibit_id) == (
            "exhibit",
            state.steps[0].exhibit,
        )
        assert abs(_flick_top(audience) - left) <= 1
        assert difference(grab(kw), seen)[1] < 1  # the screenful it left
        assert _named(console, "stepCount").property("text") == "Step 1 / 9"
        assert _elapsed(presentation)[1] == "3:20"  # the detour was part of the talk
        # another exhibit, read to its end; one more press comes back
        QTest.keyClick(console, Qt.Key.Key_G)
        QTest.keyClick(console, Qt.Key.Key_5)  # its number: at once
        settle(audience, kw.images)
        assert nav.place.exhibit_id == "people" and state.away is not None
        QTest.mouseClick(  # the button back: the talk where it was
            console,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            centre(_named(console, "backToTalkButton")),
        )
        settle(audience, kw.images)
        assert state.away is None and abs(_flick_top(audience) - left) <= 1
        assert not any(
            i.objectName() == "backToTalkButton" and visible(i) for i in walk(console.contentItem())
        )
        QTest.keyClick(console, Qt.Key.Key_G)
        QTest.keyClick(console, Qt.Key.Key_5)
        settle(audience, kw.images)
        assert nav.place.exhibit_id == "people" and state.away is not None
        for _ in range(12):
            if state.away is None:
                break
            QTest.keyClick(console, Qt.Key.Key_PageDown)
            settle(audience, kw.images)
        assert state.away is None and nav.place.exhibit_id == state.steps[0].exhibit
        assert abs(_flick_top(audience) - left) <= 1
        # a step of the outline ends the detour there
        QTest.keyClick(console, Qt.Key.Key_G)
        QTest.keyClick(console, Qt.Key.Key_7)
        QTest.keyClick(console, Qt.Key.Key_End)
        settle(audience, kw.images)
        assert state.away is None and state.index == len(state.steps) - 1
        assert nav.place.screen == "about"
        # questions at the end: the sources, a screenful down, are found there again
        QTest.keyClick(console, Qt.Key.Key_PageDown)
        settle(audience, kw.images)
        sources = _named(audience, "aboutFlick")
        left = sources.property("contentY")
        assert left > 0
        QTest.keyClick(console, Qt.Key.Key_G)
        QTest.keyClick(console, Qt.Key.Key_1)
        settle(audience, kw.images)
        assert nav.place.screen == "exhibit" and state.away is not None
        QTest.keyClick(console, Qt.Key.Key_Escape)
        settle(audience, kw.images)
        assert nav.place.screen == "about" and state.away is None
        assert abs(_named(audience, "aboutFlick").property("contentY") - left) <= 1
        presentation.toggle_console()  # one screen, the console hidden: G lists nothing
        QTest.keyClick(audience, Qt.Key.Key_G)
        assert not presentation.pages.open


# every kind of step: a page, a picture, the map (all of it, then one place), the
# timeline, another page, the sources (the sample talk has no map); the keys walk too
EVERY_KIND = """\
title: {uz: "Hammasi", az: "Hamısı", ru: "Всё", en: "All of it"}
steps:
  - exhibit: "history"
  - exhibit: "history"
    image: "2"
  - screen: "map"
  - screen: "map"
    place: "baku"
  - screen: "timeline"
  - exhibit: "culture-days"
  - screen: "about"
"""


def _same_places(a: tuple[Place, ...], b: tuple[Place, ...]) -> bool:
    """The same places, a page's scroll to a pixel."""
    return len(a) == len(b) and all(
        replace(x, scroll=0) == replace(y, scroll=0) and abs(x.scroll - y.scroll) <= 1
        for x, y in zip(a, b, strict=True)
    )


def test_every_kind_of_step_is_found_again_as_it_was_after_a_page_off_the_talk(
    rendition_cache: Path, tmp_path: Path
) -> None:
    """A page, a picture, the map at a place, the map with one place, the timeline at a
    moment, the sources: after a page off the talk (an exhibit, the timeline, the map),
    Esc shows the audience the same picture, and the next press is the one it was."""
    root = tmp_path / "exhibits"
    shutil.copytree(BUNDLED, root)
    (root / "talks" / "every-kind.yaml").write_text(EVERY_KIND, encoding="utf-8")
    with presenting(load(root), rendition_cache, FakeClock(), "every-kind", True) as presentation:
        console, state, kw = presentation.console_window, presentation.state, presentation.kw
        nav = kw.kiosk.nav.navigator
        settle(kw.window, kw.images)
        for index, step in enumerate(state.steps):
            state.jump(index)
            settle(kw.window, kw.images)
            if step.kind != "image" and not step.place:  # into the step: its page, place, moment
                state.forward()
                state.forward()
                settle(kw.window, kw.images)
            places, seen, following = nav.stack, grab(kw), state.next_up()
            for number in (Qt.Key.Key_5, Qt.Key.Key_6, Qt.Key.Key_7):  # exhibit, timeline, map
                QTest.keyClick(console, Qt.Key.Key_G)
                QTest.keyClick(console, number)
                settle(kw.window, kw.images)
                assert state.away is not None and nav.stack != places, (step, number)
                QTest.keyClick(console, Qt.Key.Key_Escape)
                settle(kw.window, kw.images)
                where = (step.kind, step.place, number.name)
                assert (state.away, state.index) == (None, index), where
                assert _same_places(nav.stack, places), where
                assert difference(grab(kw), seen)[1] < 1, where
                assert state.next_up() == following, where


def test_a_museum_with_many_exhibits_has_every_page_listed_whole_on_a_small_laptop(
    rendition_cache: Path, tmp_path: Path
) -> None:
    """Thirty exhibits on a 1024x768 console: the pages go in two columns, every row
    whole, inside the window and apart; "2" waits for a second digit, "25" shows it."""
    titles = {f"e{i:02d}": f"Exhibit {i}: the museum's rooms and halls" for i in range(30)}
    root = make_site(
        tmp_path / "site",
        {
            key: valid_exhibit(id=key, order=str(10 + i), title=tmap(title))
            for i, (key, title) in enumerate(titles.items())
        },
    )
    with presenting(load(root), rendition_cache, FakeClock(), None, console=True) as presentation:
        console, state, kw = presentation.console_window, presentation.state, presentation.kw
        console.setGeometry(0, 0, 1024, 768)
        presentation.console.setLanguage("en")
        pump(40)
        assert not presentation.chooser.open  # no talk files: nothing was offered
        QTest.keyClick(console, Qt.Key.Key_G)
        pump(40)
        listed = _pages_seen(console)
        assert (
            len(listed) == 32
            and listed[0] == "1.  Exhibit 0: the museum's rooms and halls [en] | Step 1"
        )
        rows = [_named(console, f"page_{n}").mapRectToScene(QRectF(0, 0, 1, 1)) for n in (1, 32)]
        assert rows[1].x() > rows[0].x() + 200  # a second column
        assert console_text_problems(console) == []
        QTest.keyClick(console, Qt.Key.Key_2)
        pump(10)
        assert presentation.pages.open and presentation.pages.marked == 1  # "2", or "2x"?
        texts = [str(i.property("text")) for i in walk(_named(console, "pageChooser"))]
        assert "Show the audience a page off the talk    2|" in texts  # a second digit?
        QTest.keyClick(console, Qt.Key.Key_5)
        settle(kw.window, kw.images)
        assert not presentation.pages.open and kw.kiosk.nav.place.exhibit_id == "e24"
        assert state.away is not None


def _rows_apart_inside(console: QQuickWindow, prefix: str) -> list[QRectF]:
    """The boxes of the list's rows shown: each inside the window, none over another."""
    window = console.contentItem().boundingRect()
    rows = [i for i in walk(console.contentItem()) if i.objectName().startswith(prefix)]
    boxes = [row.mapRectToScene(row.boundingRect()) for row in rows if visible(row)]
    assert all(window.contains(box) for box in boxes)
    for a, b in itertools.combinations(boxes, 2):
        shared = a.intersected(b)
        assert shared.width() <= 0 or shared.height() <= 0
    return boxes


@pytest.mark.parametrize(("files", "size", "columns"), [(12, (1280, 800), 1), (24, (1024, 768), 2)])
def test_many_talk_files_are_all_listed_inside_the_console(
    rendition_cache: Path, tmp_path: Path, files: int, size: tuple[int, int], columns: int
) -> None:
    """A museum with a talk for every class and season: the list (T) once ran off the
    console's foot with a dozen files (its title and the whole exhibition off screen).
    Every row is shown inside the window, apart; in columns when one does not hold them."""
    root = tmp_path / "exhibits"
    shutil.copytree(BUNDLED, root)
    for i in range(files):
        (root / "talks" / f"t{i:02d}.yaml").write_text(
            f'title: {{uz: "Nutq {i}", az: "Çıxış {i}", ru: "Выступление {i}", en: "Talk {i}"}}\n'
            'duration: "20 min"\nsteps:\n  - exhibit: "people"\n',
            encoding="utf-8",
        )
    with presenting(load(root), rendition_cache, FakeClock(), None, console=True) as presentation:
        console = presentation.console_window
        console.setGeometry(0, 0, *size)
        presentation.console.setLanguage("ru")
        pump(40)
        assert presentation.chooser.open  # offered at the start
        boxes = _rows_apart_inside(console, "choice_")
        assert len(boxes) == files + 2  # the sample talk, the files, the whole exhibition
        assert len({round(box.x()) for box in boxes}) == columns
        problems = console_text_problems(console)
        if columns == 1:
            assert problems == []
        else:  # the smaller titles of long ones end in "…", nothing else is wrong
            assert all(problem.endswith("is cut short") for problem in problems)
        last = _named(console, f"choice_{files + 2}")
        assert str(next(i for i in walk(last) if i.property("text")).property("text")).startswith(
            f"{files + 2}.  Вся выставка"
        )

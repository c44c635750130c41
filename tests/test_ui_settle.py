"""``settle``: the wait before a screen is looked at (by the UI tests and ``kiosk render``).

It waits for what still moves in sight (a page and its pictures fading in), not a
fixed time, and the attract loop's endless slow pan does not hold it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRectF, QTimer, QUrl
from PySide6.QtQml import QQmlComponent, QQmlIncubationController, QQmlIncubator, qmlEngine
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.ui import render
from kiosk.ui.app import KioskWindow
from kiosk.ui.render import settle
from tests.conftest import BUNDLED
from tests.layouttools import kind, scene_rect
from tests.uitools import item, load, made, open_window, styles, walk

pytestmark = pytest.mark.usefixtures("qapp")

CONTENT = load(BUNDLED)


def test_settle_waits_until_a_page_has_faded_in(rendition_cache: Path) -> None:
    with open_window(CONTENT, rendition_cache, transitions=True) as kw:
        kw.kiosk.nav.openExhibit(CONTENT.exhibits[0].id)
        assert settle(kw.window, kw.images)
        page = item(kw, "exhibitPage")
        assert page.opacity() == 1  # the fade (220 ms) is over, not on its way
        window = QRectF(0, 0, kw.window.width(), kw.window.height())
        pictures = [
            i
            for i in walk(page)
            if kind(i) == "QQuickImage" and i.isVisible() and scene_rect(i).intersects(window)
        ]
        assert pictures and all(p.opacity() == 1 for p in pictures)  # faded in, in sight


def test_without_transitions_a_page_is_there_at_the_next_frame(rendition_cache: Path) -> None:
    with open_window(CONTENT, rendition_cache) as kw:
        kw.kiosk.nav.openExhibit(CONTENT.exhibits[0].id)
        render.next_frame(kw.window)
        render.pump(0)
        assert item(kw, "exhibitPage").opacity() == 1


@pytest.mark.parametrize(("transitions", "fixed_ms"), [(True, (1, 99)), (False, (0, 0))])
def test_settle_on_a_still_screen_waits_no_fixed_time(
    transitions: bool,
    fixed_ms: tuple[int, int],
    rendition_cache: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Once a frame is drawn, a few ticks of quiet do (the old wait was five quiet
    rounds of 60 ms, at least 300 ms, every time); with the transitions off, not even
    those: the window is looked at for anything running."""
    with open_window(CONTENT, rendition_cache, transitions=transitions) as kw:
        waits: list[int] = []  # the longest each wait could last, in ms
        pump, next_frame = render.pump, render.next_frame

        def pumped(milliseconds: int) -> None:
            waits.append(milliseconds)
            pump(milliseconds)

        def drawn(window: QQuickWindow, timeout_ms: int = 200, ask: bool = True) -> bool:
            frame = next_frame(window, timeout_ms, ask)
            waits.append(0 if ask and frame else timeout_ms)
            return frame

        monkeypatch.setattr(render, "pump", pumped)
        monkeypatch.setattr(render, "next_frame", drawn)
        assert settle(kw.window, kw.images)
        low, high = fixed_ms
        assert low <= sum(waits) <= high, waits


def test_with_transitions_off_settle_still_waits_for_an_animation_running(
    rendition_cache: Path,
) -> None:
    """Looking instead of waiting still sees a transition run: the page's fade, given
    its length back on a window marked as having none, is waited out."""
    with open_window(CONTENT, rendition_cache) as kw:
        assert kw.window.property(render.TRANSITIONS_OFF)
        for style in styles(kw):
            style.setProperty("fade", 400)
        kw.kiosk.nav.openExhibit(CONTENT.exhibits[0].id)
        render.next_frame(kw.window)
        (page,) = [i for i in walk(kw.window.contentItem()) if i.objectName() == "exhibitPage"]
        assert page.opacity() < 1  # fading in
        assert settle(kw.window, kw.images)
        assert page.opacity() == 1


def test_the_attract_loops_own_motion_does_not_hold_settle(rendition_cache: Path) -> None:
    with open_window(CONTENT, rendition_cache, start="attract", transitions=True) as kw:
        attract = item(kw, "attractLoop")
        (drift,) = [c for c in attract.children() if c.objectName() == "attractMotion"]
        assert drift.property("running")  # the slow pan goes on all the time
        assert settle(kw.window, kw.images, timeout_s=10)
        assert drift.property("running")


def _held(kw: KioskWindow, source: str) -> tuple[QQmlIncubationController, QQmlComponent]:
    """The window's engine given an incubation controller that makes nothing until told,
    and a component of ``source`` on that engine."""
    engine = qmlEngine(kw.window)
    assert engine is not None
    held = QQmlIncubationController()
    engine.setIncubationController(held)
    component = QQmlComponent(engine)
    component.setData(source.encode(), QUrl())
    return held, component


def test_settle_waits_for_items_the_engine_still_makes_in_the_background(
    rendition_cache: Path,
) -> None:
    """A list made inside an asynchronous Loader (the timeline's) makes its delegates
    between frames, after the Loader's item is there: a screen looked at then lacks
    cards. Held here by an incubation controller that makes nothing until told."""
    with open_window(CONTENT, rendition_cache) as kw:
        held, component = _held(kw, "import QtQuick\nItem {}")
        incubator = QQmlIncubator(QQmlIncubator.IncubationMode.Asynchronous)
        component.create(incubator)
        assert render.incubating(kw.window)
        assert not settle(kw.window, kw.images, timeout_s=0.5)  # it waited, in vain
        held.incubateFor(1000)
        assert incubator.isReady()
        assert not render.incubating(kw.window)
        assert settle(kw.window, kw.images, timeout_s=5)


class _Kept(QQmlIncubator):
    """Hands out the object being made, as a list view is handed its row to place."""

    made: QObject | None = None

    def setInitialState(self, made: QObject) -> None:
        _Kept.made = made


def test_a_row_half_made_reads_visible_until_made_and_made_waits_for_it(
    rendition_cache: Path,
) -> None:
    """A row being made on Qt's time slices has its items at their defaults until its
    bindings run: a control bound to ``visible: false`` reads visible meanwhile (a list
    view culls the row, so nobody sees it). A walk's look at the audience screen waits
    for the rows to be made (``uitools.made``); on a loaded machine one looked between
    and found the timeline's chevron "shown"."""
    with open_window(CONTENT, rendition_cache) as kw:
        rows = "Repeater { model: 40; Item { Item {} } }"
        control = "Rectangle { objectName: 'control'; visible: parent.controls }"
        held, component = _held(
            kw, f"import QtQuick\nItem {{ property bool controls: false; {rows} {control} {rows} }}"
        )
        incubator = _Kept(QQmlIncubator.IncubationMode.Asynchronous)
        component.create(incubator)
        try:
            while _Kept.made is None:
                held.incubateFor(0)
            (shown,) = [c for c in _Kept.made.children() if c.objectName() == "control"]
            assert shown.property("visible") is True and not incubator.isReady()
            QTimer.singleShot(50, lambda: held.incubateFor(1000))  # made on a later turn
            made(kw.window)
            assert incubator.isReady() and shown.property("visible") is False
        finally:
            held.incubateFor(1000)


def test_a_look_keeps_what_it_found_and_never_takes_a_deleted_object_for_a_new_one(
    rendition_cache: Path,
) -> None:
    """The look for transitions keeps the children it found on the window until its
    next look, so PySide hands the same wrappers out again instead of making new ones
    (the look over a page is then ten times faster). An object deleted in between
    leaves only an invalid wrapper behind: the objects made next, wherever they are
    made, are seen for what they are, and their animations counted."""
    source = b"import QtQuick\nItem { NumberAnimation on x { to: 500; duration: 1000 } }"
    with open_window(CONTENT, rendition_cache) as kw:
        engine = qmlEngine(kw.window)
        assert engine is not None
        component = QQmlComponent(engine)
        component.setData(source, QUrl())

        def made(count: int) -> list[QQuickItem]:
            made = []
            for _ in range(count):
                made_item = component.create()
                assert isinstance(made_item, QQuickItem), component.errorString()
                made_item.setParentItem(kw.window.contentItem())
                made.append(made_item)
            return made

        first = made(20)
        assert render.transitions_running(kw.window) == 20
        kept = getattr(kw.window, render._KEPT_CHILDREN)
        assert not any(isinstance(c, QQuickItem) for c in kept)
        animations = [c for c in kept if any(c.parent() is f for f in first)]
        assert len(animations) == 20
        assert all(a.inherits("QQuickNumberAnimation") for a in animations)
        assert first[0].children()[0] is animations[0]  # the kept wrapper handed out again
        for old in first:
            old.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert not any(shiboken6.isValid(a) for a in animations)
        second = made(20)
        assert render.transitions_running(kw.window) == 20
        for new in second:
            (animation,) = new.children()
            assert shiboken6.isValid(animation) and animation.inherits("QQuickNumberAnimation")
            assert animation.property("running")
            new.setProperty("x", 0)
            animation.setProperty("running", False)
        assert render.transitions_running(kw.window) == 0

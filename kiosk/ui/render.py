"""Headless rendering: wait until a screen has settled, then grab it to an image.

Used by ``kiosk render`` (the curators' review tool) and by the UI tests.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from PySide6.QtCore import QEventLoop, QObject, QTimer
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtQml import QQmlProperty, qmlEngine
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.ui.images import ImageStore

_IMAGE_LOADING = 2  # QQuickImage.Status.Loading
_INFINITE = -2  # Animation.Infinite
_AMBIENT_MS = 2000  # longer than any transition: a screen's own slow motion
_FRAME_MS = 16
# a running animation's next frame comes within two ticks (the tick, then the
# window's update request): three ticks of quiet mean nothing in sight moves
_QUIET_MS = 50
_FRAME_TIMEOUT_MS = 200
# A window with this dynamic property true has its transitions off (every Style's
# ``fade`` 0, as the UI tests set it): ``settle`` looks for running animations at once
# instead of waiting a quiet spell for a frame one of them would draw.
TRANSITIONS_OFF = "transitionsOff"
# the Python attribute of a window where its last look for transitions keeps what it found
_KEPT_CHILDREN = "_kiosk_children_looked_at"


def transitions_off(window: QQuickWindow) -> None:
    """Every Style's ``fade`` to 0 (``Style.qml``, found by its type): the screens'
    transitions end at the next frame, and ``settle`` looks instead of waiting."""
    for style in window.findChildren(QObject):
        if style.metaObject().className().startswith("Style_QMLTYPE"):
            style.setProperty("fade", 0)
    window.setProperty(TRANSITIONS_OFF, True)


def pump(milliseconds: int) -> None:
    """Run the event loop for a while (animations, queued signals, async image loads)."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def visual_tree(root: QQuickItem) -> Iterator[QQuickItem]:
    """Every item under ``root`` (view delegates are not QObject children, only visual)."""
    stack = [root]
    while stack:
        item = stack.pop()
        yield item
        stack.extend(reversed(item.childItems()))  # keep document order


def shown_tree(root: QQuickItem, leave_out: tuple[str, ...] = ()) -> Iterator[QQuickItem]:
    """The shown items under ``root``: a hidden item's children are hidden too and not
    looked at (a kept screen out of sight), nor those of an item named in
    ``leave_out``."""
    stack = [root]
    while stack:
        item = stack.pop()
        if not item.isVisible() or (leave_out and item.objectName() in leave_out):
            continue
        yield item
        stack.extend(reversed(item.childItems()))


def images_loading(window: QQuickWindow) -> int:
    """How many visible rendition images are still decoding."""
    return _shown_motion(window)[0]


def views_moving(window: QQuickWindow) -> int:
    """How many Flickables (lists, pages, the gallery) are still moving or snapping."""
    return _shown_motion(window)[1]


def _shown_motion(window: QQuickWindow, images: ImageStore | None = None) -> tuple[int, int, int]:
    """Images decoding, views moving and (with ``images``) pictures whose rendition is
    still being built, in one pass over the shown items (a hidden item's children are
    hidden too)."""
    decoding = moving = building = 0
    for item in shown_tree(window.contentItem()):
        # property() is only asked of items that have it: PySide 6.12 mis-counts the
        # reference of the None it returns for a missing property, and crashes later.
        meta = item.metaObject()
        if meta.indexOfProperty("imageStatus") >= 0:  # a RenditionImage
            decoding += item.property("imageStatus") == _IMAGE_LOADING
            building += images is not None and images.building(item.property("key"))
        if meta.indexOfProperty("moving") >= 0:
            moving += bool(item.property("moving"))
    return decoding, moving, building


def transitions_running(window: QQuickWindow) -> int:
    """How many transitions are running: animations and Behaviors declared in items
    (hidden ones too: an item may be hidden only until its fade-in has begun), and
    asynchronous Loaders still loading. An animation longer than ``_AMBIENT_MS``, or
    looping forever, is a screen's own motion (the attract loop's slow pan), not a
    transition to wait for: it runs as long as its screen shows.

    This looks at every object of the window, so ``settle`` asks it only when frames
    keep coming on their own.

    The children other than items (animations, Behaviors, attached objects) are kept
    on the window until its next look: PySide makes a Python wrapper for each object
    it hands out, and finds the one it made while that is alive (a look over a page
    redrawn in another language 12 ms, 2 ms with them kept). A kept wrapper of an
    object deleted since is invalidated by PySide with it. Nothing is asked of a kept
    one that returns a pointer PySide would tie to it: a QMetaObject's wrapper is not
    invalidated with the object that made it, and one outliving its object would be
    handed out for the next object made at its address. Items are not kept, for the
    same reason (the tests ask them for their metaObject)."""
    count = 0
    kept: list[QObject] = []
    for item in visual_tree(window.contentItem()):
        count += item.inherits("QQuickLoader") and _loading(item)
        children = item.children()
        kept.extend(c for c in children if not isinstance(c, QQuickItem))
        for child in children:
            if child.inherits("QQuickBehavior"):
                count += sum(_running(animation) for animation in child.children())
            else:
                count += _running(child)
    setattr(window, _KEPT_CHILDREN, kept)
    return count


def _loading(loader: QQuickItem) -> bool:
    """An asynchronous Loader still building its item (a synchronous one never is, seen
    from here). Its ``status`` is an enum PySide cannot read, so it is told by the rest."""
    if not loader.property("asynchronous") or not loader.property("active"):
        return False
    wanted = loader.property("sourceComponent") is not None or loader.property("source").isValid()
    return wanted and loader.property("item") is None and loader.property("progress") < 1


def _running(obj: QObject) -> bool:
    if not obj.inherits("QQuickAbstractAnimation") or not obj.property("running"):
        return False
    if obj.property("loops") == _INFINITE:
        return False
    # not obj.metaObject(): see transitions_running
    has_duration = QQmlProperty(obj, "duration").isValid()
    return not (has_duration and obj.property("duration") > _AMBIENT_MS)


def loading(window: QQuickWindow, images: ImageStore) -> bool:
    """A shown picture whose rendition is being built or decoded, a view moving, or
    items the QML engine is still making between frames. Renditions built ahead of
    need (the rest of the site) are not waited for."""
    return any(_shown_motion(window, images)) or incubating(window)


def incubating(window: QQuickWindow) -> bool:
    """Objects the window's QML engine is still making in the background: a view made
    inside an asynchronous Loader makes its delegates that way too, over the next
    frames, after the Loader's item is there."""
    engine = qmlEngine(window)
    controller = engine.incubationController() if engine is not None else None
    return controller is not None and controller.incubatingObjectCount() > 0


class _Frames:
    """Counts the frames a window draws."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> None:
        self.count += 1


def next_frame(window: QQuickWindow, timeout_ms: int = _FRAME_TIMEOUT_MS, ask: bool = True) -> bool:
    """Wait until the window draws a frame (asked for, unless ``ask`` is False); False
    if none came within ``timeout_ms`` (a hidden window, or a still one not asked)."""
    loop = QEventLoop()
    window.frameSwapped.connect(loop.quit)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(timeout_ms)
    if ask:
        window.update()
    loop.exec()
    window.frameSwapped.disconnect(loop.quit)
    drawn = timer.isActive()
    timer.stop()
    return drawn


def settle(
    window: QQuickWindow, images: ImageStore, timeout_s: float = 60.0, *, exact: bool = False
) -> bool:
    """Wait until the shown pictures are built and decoded, views still and
    transitions done; no fixed wait.

    Once nothing is loading or moving, one frame is drawn (its layout may start
    something), then a few animation ticks are waited for: a running animation
    draws another frame in them, a still screen none. Only if one came are the
    transitions looked for, so a screen's own endless motion does not hold the
    wait. A transition out of sight (a picture fading in below the fold) draws no
    frame and is not waited for: the screen shows the same either way. ``exact``
    looks for transitions every time (``kiosk render``: one wait per picture, and a
    fade's last steps change no pixel's colour yet still count). A window whose
    transitions are off (``TRANSITIONS_OFF``) is looked at once a frame is drawn:
    nothing of its own should move, so a quiet spell would only be waited out."""
    deadline = time.monotonic() + timeout_s
    frames = _Frames()
    window.frameSwapped.connect(frames)
    still = bool(window.property(TRANSITIONS_OFF))
    try:
        while time.monotonic() < deadline:
            pump(0)  # queued signals first (a built rendition, a page change)
            if loading(window, images):
                pump(_FRAME_MS)
                continue
            next_frame(window)
            if still:
                pump(0)
                if transitions_running(window) > 0:
                    pump(_FRAME_MS)
                elif not loading(window, images):
                    return True
                continue
            drawn = frames.count
            next_frame(window, _QUIET_MS, ask=False)  # early if an animation draws one
            pump(0)
            look = exact or frames.count > drawn
            if look and transitions_running(window) > 0:
                continue
            if not loading(window, images):
                return True
        return False
    finally:
        window.frameSwapped.disconnect(frames)


def hold_still(window: QQuickWindow) -> None:
    """Hold the attract loop on its first slide, without its slow pan and zoom: a
    rendered screen is a still picture, the same at every run however long the
    images take (the README's screenshots are compared). Call it before waiting for
    the images, so no slide change comes in between, and again before the grab."""
    for item in visual_tree(window.contentItem()):
        if item.objectName() == "attractLoop":
            item.setProperty("still", True)  # stops the slide timer and the drift
            item.setProperty("started", False)  # no cross-fade back to the first
            item.setProperty("slide", 0)
            item.setProperty("motion", 0.0)


def grab(window: QQuickWindow) -> QImage:
    QGuiApplication.processEvents()
    return window.grabWindow()

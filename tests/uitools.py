"""Helpers for UI tests: open the real window, find items, tap and swipe like a visitor."""

from __future__ import annotations

import functools
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import shiboken6
from PIL import Image, ImageChops, ImageStat
from PySide6.QtCore import QObject, QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface, QColor, QImage, QPointingDevice
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from kiosk.content.loader import load_content
from kiosk.content.model import ContentSet
from kiosk.ui.app import KioskWindow, build_window
from kiosk.ui.render import incubating, pump, settle, transitions_off
from kiosk.ui.render import visual_tree as walk
from kiosk.ui.session import make_service
from tests.conftest import BUNDLED

_TOUCH: QPointingDevice | None = None


def load(root: Path) -> ContentSet:
    """The content of ``root``, which must load. The bundled exhibits are loaded once a
    process: forty test modules ask for them as they are collected, and each load
    decodes every picture to check it (0.4 s), in every worker."""
    if root.resolve() == BUNDLED.resolve():
        return _bundled()
    return _loaded(root)


@functools.cache
def _bundled() -> ContentSet:
    return _loaded(BUNDLED)


def _loaded(root: Path) -> ContentSet:
    result = load_content(root)
    assert result.content is not None, [str(e) for e in result.errors]
    return result.content


@contextmanager
def open_window(
    content: ContentSet,
    cache: Path,
    size: tuple[int, int] = (1920, 1080),
    start: str = "home",
    transitions: bool = False,
    **options: object,
) -> Iterator[KioskWindow]:
    """The real window, shown; without its transitions (fades, animated scrolls take
    no time) unless the test is about them."""
    service = make_service(cache, size)
    kw = build_window(content, service, start=start, size=size, **options)  # type: ignore[arg-type]
    if not transitions:
        without_transitions(kw)
    kw.window.show()
    try:
        settle(kw.window, kw.images)
        yield kw
    finally:
        kw.window.close()
        kw.window.deleteLater()
        kw.engine.deleteLater()
        service.shutdown()
        pump(30)


def styles(kw: KioskWindow) -> list[QObject]:
    """The window's Styles (Style.qml): by their type, not by a property named ``fade``,
    which another object may have too."""
    found = [
        o
        for o in kw.window.findChildren(QObject)
        if o.metaObject().className().startswith("Style_QMLTYPE")
    ]
    assert found, "no Style in the window"
    return found


def without_transitions(kw: KioskWindow) -> None:
    """Every Style's ``fade`` to 0: the screens' transitions end at the next frame."""
    assert all(style.metaObject().indexOfProperty("fade") >= 0 for style in styles(kw))
    transitions_off(kw.window)
    assert all(style.property("fade") == 0 for style in styles(kw))


def attract_made_again(kw: KioskWindow) -> None:
    """The attract loop shown a second time (kept since the first), its first slide's
    picture just asked for: the first time builds the renditions, so this one's picture
    is decoded, not built."""
    kw.kiosk.reset_to_attract()
    settle(kw.window, kw.images)
    kw.kiosk.nav.leaveAttract()
    settle(kw.window, kw.images)
    kw.kiosk.reset_to_attract()


def loader_of(kw: KioskWindow, name: str) -> QQuickItem:
    """A screen's loader in the window (a kept screen's stays there while it is away)."""
    return next(i for i in walk(kw.window.contentItem()) if i.objectName() == name)


def kept(kw: KioskWindow, name: str) -> QQuickItem:
    """The screen the loader ``name`` made, in the window or kept out of it."""
    screen = loader_of(kw, name).property("item")
    assert isinstance(screen, QQuickItem), f"{name} holds no screen"
    return screen


# Image.status, as a RenditionImage's imageStatus tells it (an int: PySide cannot read
# the enum): no picture held, or one decoded
NULL, READY = 0, 1


def renditions(root: QQuickItem) -> list[QQuickItem]:
    """The RenditionImages under ``root``, in the window or not."""
    return [i for i in walk(root) if i.metaObject().indexOfProperty("imageStatus") >= 0]


def items(kw: KioskWindow, name: str) -> list[QQuickItem]:
    found = [i for i in walk(kw.window.contentItem()) if i.objectName() == name]
    return [i for i in found if visible(i)]


def items_named(kw: KioskWindow, names: Iterable[str]) -> dict[str, list[QQuickItem]]:
    """``items`` of each name, in one walk of the window (a sweep asks for many)."""
    found: dict[str, list[QQuickItem]] = {name: [] for name in names}
    for i in walk(kw.window.contentItem()):
        named = found.get(i.objectName())
        if named is not None and visible(i):
            named.append(i)
    return found


def item(kw: KioskWindow, name: str) -> QQuickItem:
    found = items(kw, name)
    assert found, f"no visible item named {name!r}"
    return found[0]


def visible(item: QQuickItem | None) -> bool:
    while item is not None:
        if not item.isVisible() or item.opacity() == 0:
            return False
        item = item.parentItem()
    return True


def made(window: QQuickWindow, timeout_s: float = 10.0) -> None:
    """Wait until the window's QML engine has made what it makes on time slices (a list
    view's rows): a row half made has its bindings not yet run, its items at their
    defaults (``visible: true``), and is not drawn until made."""
    deadline = time.monotonic() + timeout_s
    while incubating(window):
        assert time.monotonic() < deadline, "rows still being made"
        pump(1)


def centre(item: QQuickItem) -> QPoint:
    point = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
    return point.toPoint()


def click(kw: KioskWindow, target: QQuickItem | QPoint, settle_ms: int = 400) -> None:
    point = target if isinstance(target, QPoint) else centre(target)
    QTest.mouseClick(kw.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    settle(kw.window, kw.images, timeout_s=30)


def touch_device() -> QPointingDevice:
    global _TOUCH
    if _TOUCH is None:
        _TOUCH = QTest.createTouchDevice()
    return _TOUCH


def tap(kw: KioskWindow, target: QQuickItem | QPoint) -> None:
    """A finger tap: touch press and release at the item's centre."""
    point = target if isinstance(target, QPoint) else centre(target)
    QTest.touchEvent(kw.window, touch_device()).press(0, point, kw.window).commit()
    QTest.touchEvent(kw.window, touch_device()).release(0, point, kw.window).commit()
    settle(kw.window, kw.images, timeout_s=30)


def swipe(kw: KioskWindow, start: QPoint, end: QPoint, steps: int = 12) -> None:
    """A finger drag, one commit per step ~16 ms apart, as a real swipe arrives."""
    device = touch_device()
    QTest.touchEvent(kw.window, device).press(0, start, kw.window).commit()
    for step in range(1, steps + 1):
        pump(16)
        point = start + (end - start) * (step / steps)
        QTest.touchEvent(kw.window, device).move(0, point, kw.window).commit()
    QTest.touchEvent(kw.window, device).release(0, end, kw.window).commit()
    settle(kw.window, kw.images, timeout_s=30)


def key(kw: KioskWindow, key: Qt.Key) -> None:
    QTest.keyClick(kw.window, key)
    settle(kw.window, kw.images, timeout_s=30)


def grab(kw: KioskWindow) -> QImage:
    return kw.window.grabWindow()


def near_colour(a: QColor, b: QColor) -> bool:
    """Within 60 levels over red, green and blue together: a colour as drawn, its
    anti-aliased edges left out."""
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 60


def pixels_like(image: QImage, box: QRect, colour: QColor) -> int:
    """How many pixels inside ``box`` (and the image) are of ``colour``."""
    return sum(
        1
        for y in range(max(0, box.top()), min(image.height(), box.bottom() + 1))
        for x in range(max(0, box.left()), min(image.width(), box.right() + 1))
        if near_colour(image.pixelColor(x, y), colour)
    )


def picture_in(kw: KioskWindow, name: str) -> bool:
    """A picture is drawn where the item ``name`` lies: more than ten colours on a grid
    of samples of that part of the window (a placeholder or an empty area shows one or
    two)."""
    area = item(kw, name)
    box = area.mapRectToScene(QRectF(0, 0, area.width(), area.height())).toRect()
    return distinct_colours(grab(kw).copy(box), 30) > 10


def distinct_colours(image: QImage, samples: int = 40) -> int:
    """How many different colours a grid of sample points shows (blank screens show 1-2)."""
    colours = set()
    for i in range(samples):
        for j in range(samples):
            x = int((i + 0.5) * image.width() / samples)
            y = int((j + 0.5) * image.height() / samples)
            colours.add(image.pixel(x, y))
    return len(colours)


@contextmanager
def accessible_tree(
    kw: KioskWindow, hidden: bool = False
) -> Iterator[tuple[QAccessibleInterface, list[QAccessibleInterface]]]:
    """The window's accessible root and the nodes under it in the order a screen reader
    walks them, from the window down; hidden nodes (and all under them) left out unless
    ``hidden``.

    Every interface is let go of at the end: Qt deletes an item's interface with the
    item, and PySide would hand the stale wrapper to a later object made at the same
    address (seen here: a QQuickItem that came back as a QAccessibleObject)."""
    root = QAccessible.queryAccessibleInterface(kw.window)
    assert root is not None and root.role() == QAccessible.Role.Window
    made: list[QAccessibleInterface] = [root]
    nodes: list[QAccessibleInterface] = []

    def visit(parent: QAccessibleInterface) -> None:
        for i in range(parent.childCount()):
            child = parent.child(i)
            if child is None:
                continue
            made.append(child)
            if hidden or not child.state().invisible:
                nodes.append(child)
                visit(child)

    try:
        visit(root)
        yield root, nodes
    finally:
        for wrapper in made:
            if shiboken6.isValid(wrapper):
                shiboken6.invalidate(wrapper)


def object_name(node: QAccessibleInterface) -> str:
    target = node.object()
    return target.objectName() if target is not None else ""


def reader_hears(kw: KioskWindow) -> list[tuple[QAccessible.Role, str, str]]:
    """What a screen reader reaches in the window as it is now: (role, object name,
    spoken name) per node, hidden parts left out."""
    with accessible_tree(kw) as (_, nodes):
        return [(n.role(), object_name(n), n.text(QAccessible.Text.Name)) for n in nodes]


def pillow(image: QImage) -> Image.Image:
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    size = (rgb.width(), rgb.height())
    return Image.frombytes("RGB", size, bytes(rgb.constBits()), "raw", "RGB", rgb.bytesPerLine())


def difference(a: QImage, b: QImage) -> tuple[int, float]:
    """The largest and the mean difference of a colour channel between two pictures."""
    stat = ImageStat.Stat(ImageChops.difference(pillow(a), pillow(b)))
    return max(high for _, high in stat.extrema), sum(stat.mean) / 3


# each screen's own item, as the navigation names the screen
SCREEN_ITEM = {
    "home": "home",
    "exhibit": "exhibitPage",
    "timeline": "timelinePage",
    "map": "mapPage",
    "about": "aboutPage",
    "gallery": "galleryViewer",
    "attract": "attractLoop",
}


def pages_in_view(kw: KioskWindow) -> list[str]:
    """The screens drawn in the window: visible, with a size, overlapping it."""
    window = kw.window.contentItem().boundingRect()
    found = []
    for i in walk(kw.window.contentItem()):
        if i.objectName() in SCREEN_ITEM.values() and visible(i):
            box = i.mapRectToScene(i.boundingRect())
            if box.isValid() and box.intersects(window):
                found.append(i.objectName())
    return found

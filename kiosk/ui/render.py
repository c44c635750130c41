"""Headless rendering: wait until a screen has settled, then grab it to an image.

Used by ``kiosk render`` (the curators' review tool) and by the UI tests.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.ui.images import ImageStore

_IMAGE_LOADING = 2  # QQuickImage.Status.Loading


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


def images_loading(window: QQuickWindow) -> int:
    """How many visible rendition images are still decoding."""
    count = 0
    for item in visual_tree(window.contentItem()):
        has_status = item.metaObject().indexOfProperty("imageStatus") >= 0
        if has_status and item.isVisible() and item.property("imageStatus") == _IMAGE_LOADING:
            count += 1
    return count


def views_moving(window: QQuickWindow) -> int:
    """How many Flickables (lists, pages, the gallery) are still moving or snapping."""
    # property() is only asked of items that have it: PySide 6.12 mis-counts the
    # reference of the None it returns for a missing property, and crashes later.
    count = 0
    for item in visual_tree(window.contentItem()):
        if item.isVisible() and item.metaObject().indexOfProperty("moving") >= 0:
            count += bool(item.property("moving"))
    return count


def settle(window: QQuickWindow, images: ImageStore, timeout_s: float = 60.0) -> bool:
    """Wait until renditions are built, images decoded, views still and transitions done."""
    deadline = time.monotonic() + timeout_s
    quiet_rounds = 0
    while time.monotonic() < deadline:
        pump(60)
        busy = images.pending > 0 or images_loading(window) > 0 or views_moving(window) > 0
        quiet_rounds = 0 if busy else quiet_rounds + 1
        if quiet_rounds >= 5:  # 300 ms with nothing loading: fades have finished
            return True
    return False


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

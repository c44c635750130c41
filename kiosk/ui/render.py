"""Headless rendering: wait until a screen has settled, then grab it to an image.

Used by ``kiosk render`` (the curators' review tool) and by the UI tests.
"""

from __future__ import annotations

import time

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


def images_loading(window: QQuickWindow) -> int:
    """How many visible Image items are still decoding."""
    count = 0
    for item in window.contentItem().findChildren(QQuickItem):
        if item.metaObject().className() == "QQuickImage" and item.isVisible():
            if item.property("status") == _IMAGE_LOADING:
                count += 1
    return count


def settle(window: QQuickWindow, images: ImageStore, timeout_s: float = 60.0) -> bool:
    """Wait until renditions are built, images decoded and transitions done."""
    deadline = time.monotonic() + timeout_s
    quiet_rounds = 0
    while time.monotonic() < deadline:
        pump(60)
        busy = images.pending > 0 or images_loading(window) > 0
        quiet_rounds = 0 if busy else quiet_rounds + 1
        if quiet_rounds >= 5:  # 300 ms with nothing loading: fades have finished
            return True
    return False


def grab(window: QQuickWindow) -> QImage:
    QGuiApplication.processEvents()
    return window.grabWindow()

"""A real ``kiosk`` process with a visitor (or staff member) at the screen.

Run as ``python tests/kiosk_child.py SCRIPT MARKER -- KIOSK ARGS``: it starts the
kiosk through its own entry point (``kiosk.cli.main``, signal handling and all), and
once the first frame is on screen plays SCRIPT with synthetic touches and clicks on
the window, then writes MARKER. Nothing in the kiosk is patched; the process's
exit code is the kiosk's. Offscreen, input cannot come from outside the process,
hence this driver.

Scripts:
- ``visit``: tap the attract loop (a session starts, home opens), open an exhibit:
  page views and a session still open when the test signals. The exhibit ids
  whose tiles home showed go into MARKER.
- ``staff-quit``: a visit, then the staff gesture (long press in the corner), the
  PIN from ``$KIOSK_TEST_PIN``, Quit kiosk and Really quit.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from kiosk.cli import main
from kiosk.ui.app import ensure_application


def _window() -> QQuickWindow | None:
    for window in QGuiApplication.topLevelWindows():
        if isinstance(window, QQuickWindow) and window.isVisible():
            return window
    return None


def _find(window: QQuickWindow, name: str) -> QQuickItem | None:
    stack = [window.contentItem()]
    while stack:
        item = stack.pop()
        if item.objectName() == name and item.isVisible():
            return item
        stack.extend(item.childItems())
    return None


def _centre(item: QQuickItem) -> QPoint:
    return item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()


def _wait(ms: int) -> None:
    QTest.qWait(ms)


def _tap(window: QQuickWindow, point: QPoint) -> None:
    device = QTest.createTouchDevice()
    QTest.touchEvent(window, device).press(0, point, window).commit()
    _wait(30)
    QTest.touchEvent(window, device).release(0, point, window).commit()
    _wait(600)


def _click(window: QQuickWindow, name: str) -> None:
    item = _wait_for(window, name)
    QTest.mouseClick(
        window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _centre(item)
    )
    _wait(300)


def _wait_for(window: QQuickWindow, name: str, tries: int = 100) -> QQuickItem:
    for _ in range(tries):
        item = _find(window, name)
        if item is not None:
            return item
        _wait(100)
    raise RuntimeError(f"{name} never appeared")


def _tiles(window: QQuickWindow) -> list[str]:
    """The exhibit tiles a visitor sees on home: visible, with a size, in the window."""
    found, stack = [], [window.contentItem()]
    while stack:
        item = stack.pop()
        stack.extend(item.childItems())
        name = item.objectName()
        if name.startswith("tile_") and item.isVisible() and item.width() > 0:
            centre = _centre(item)
            if 0 <= centre.x() < window.width() and 0 <= centre.y() < window.height():
                found.append(name.removeprefix("tile_"))
    return sorted(found)


def _visit(window: QQuickWindow) -> str:
    _wait_for(window, "attractLoop")
    _tap(window, QPoint(window.width() // 2, window.height() // 2))
    tile = _wait_for(window, "tile_alpha")
    tiles = _tiles(window)
    _tap(window, _centre(tile))
    _wait_for(window, "exhibitLoader")
    return " ".join(tiles)


def _staff_quit(window: QQuickWindow) -> str:
    _visit(window)
    corner = _centre(_wait_for(window, "staffCorner"))
    QTest.mousePress(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, corner)
    _wait_for(window, "pinPad", tries=60)
    QTest.mouseRelease(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, corner)
    for digit in os.environ["KIOSK_TEST_PIN"]:
        _click(window, f"pinKey_{digit}")
    _click(window, "pinKey_ok")
    _click(window, "quitButton")
    _click(window, "quitConfirmButton")
    return ""


SCRIPTS = {"visit": _visit, "staff-quit": _staff_quit}


def _play(script: str, marker: Path) -> None:
    window = _window()
    if window is None:
        QTimer.singleShot(100, lambda: _play(script, marker))
        return
    _wait(500)  # the first frames, then the start-up load's after-look
    try:
        seen = SCRIPTS[script](window)
        _write_whole(marker, f"done\n{seen}")
    except Exception as error:  # the parent test reads it and fails
        _write_whole(marker, f"failed: {error!r}\n")


def _write_whole(marker: Path, text: str) -> None:
    """The marker appears with its text: the parent reads it as soon as it exists, and
    a file written in place exists empty for a moment (a CI run read "" once)."""
    partial = marker.with_name(marker.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(marker)


def run(argv: list[str]) -> int:
    script, marker = argv[0], Path(argv[1])
    kiosk_args = argv[argv.index("--") + 1 :]
    app = ensure_application()
    QTimer.singleShot(0, app, lambda: _play(script, marker))
    return main(kiosk_args)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))

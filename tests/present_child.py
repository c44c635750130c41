"""A real ``kiosk --present`` process with a presenter at the keyboard.

Run as ``python tests/present_child.py OUT -- KIOSK ARGS`` with ``$KIOSK_TEST_STEPS``,
a JSON list of steps played once both windows are up:

- ``"key:NAME"``: a key press (``Qt.Key_NAME``) on the console window, or on the
  audience window while the console is hidden (one screen);
- ``"shot:LABEL"``: both windows grabbed to ``OUT/LABEL-audience.png`` and
  ``OUT/LABEL-console.png``, and what each shows (its screen, geometry, every
  visible text, the named items a test looks for) into ``OUT/LABEL.json``;
- ``"wait:MS"``: let the event loop run (animations, the live view) for MS;
- ``"copy:SRC>DST"``: copy file SRC over DST, as an editor saves it (a presenter
  editing the exhibits folder during the talk);
- ``"until:TEXT"``: wait (up to a minute) until the console shows a text containing
  TEXT.

Then ``OUT/done`` is written (or ``OUT/failed`` with the error). Offscreen, keys cannot
come from outside the process, hence this driver; nothing in the kiosk is patched.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from kiosk.cli import main
from kiosk.ui.app import ensure_application

NAMED = ("navBar", "staffCorner", "audienceCurtain", "frozenPicture", "helpLoader", "quitLoader")


def _windows() -> tuple[QQuickWindow, QQuickWindow] | None:
    audience = console = None
    for window in QGuiApplication.topLevelWindows():
        if not isinstance(window, QQuickWindow):
            continue
        names = {item.objectName() for item in _items(window)}
        if "consoleBody" in names:
            console = window
        elif "stage" in names:
            audience = window
    return (audience, console) if audience is not None and console is not None else None


def _one_screen(console: QQuickWindow) -> bool:
    """The console is the one-screen overlay: there is no screen of its own for it."""
    talk = console.property("talk")
    return talk is not None and not talk.two_screens


def _items(window: QQuickWindow) -> list[QQuickItem]:
    found, stack = [], [window.contentItem()]
    while stack:
        item = stack.pop()
        found.append(item)
        stack.extend(item.childItems())
    return found


def _shown(item: QQuickItem) -> bool:
    while item is not None:
        if not item.isVisible() or item.opacity() == 0:
            return False
        item = item.parentItem()
    return True


def _inside(window: QQuickWindow, item: QQuickItem) -> bool:
    box = item.mapRectToScene(item.boundingRect())
    return (
        box.width() > 0
        and box.height() > 0
        and box.right() > 0
        and box.bottom() > 0
        and box.left() < window.width()
        and box.top() < window.height()
    )


def _describe(window: QQuickWindow) -> dict[str, Any]:
    texts: list[str] = []
    named: dict[str, list[float]] = {}
    stack = [window.contentItem()]
    while stack:
        item = stack.pop()
        stack.extend(item.childItems())
        if not _shown(item) or not _inside(window, item):
            continue
        text = item.property("text")
        if (
            isinstance(text, str)
            and text.strip()
            and item.metaObject()
            .className()
            .startswith(("QQuickText", "ScreenText", "SectionHeading"))
        ):
            texts.append(text)
        name = item.objectName()
        if name:
            box = item.mapRectToScene(item.boundingRect())
            named[name] = [box.x(), box.y(), box.width(), box.height()]
            if name == "value":
                named[f"value:{item.property('text')}"] = [item.property("color").name()]
    screen = window.screen()
    return {
        "screen": screen.name() if screen else "",
        "geometry": [window.x(), window.y(), window.width(), window.height()],
        "visible": window.isVisible(),
        "texts": texts,
        "named": named,
    }


def _pictures_pending(window: QQuickWindow) -> int:
    """Pictures in sight still on their placeholder: a rendition the fresh cache
    builds in the background, or one decoding."""
    pending = 0
    for item in _items(window):
        if item.metaObject().indexOfProperty("imageStatus") < 0 or not item.property("key"):
            continue  # not a picture (a RenditionImage); property() only where it exists
        pending += _shown(item) and _inside(window, item) and not item.property("ready")
    return pending


def _settled(window: QQuickWindow, deadline_ms: int = 60_000) -> bool:
    """Wait until ``window``'s pictures are built and decoded and two grabs 200 ms
    apart are the same picture (a picture fades in); whether it already was. The
    first start with an empty cache builds the renditions while the talk goes on,
    longer on a busy machine."""
    previous = window.grabWindow()
    waited = 0
    while waited < deadline_ms:
        QTest.qWait(200)
        waited += 200
        now = window.grabWindow()
        if now == previous and not _pictures_pending(window):
            return waited == 200
        previous = now
    raise RuntimeError(f"the audience picture still changed after {deadline_ms} ms")


def _until(window: QQuickWindow, text: str, deadline_ms: int = 60_000) -> None:
    waited = 0
    while not any(text in shown for shown in _describe(window)["texts"]):
        if waited >= deadline_ms:
            raise RuntimeError(f"the console did not show {text!r} in {deadline_ms} ms")
        QTest.qWait(100)
        waited += 100


def _play(out: Path, steps: list[str]) -> None:
    windows = _windows()
    # with one screen (or mirrored ones) the console stays hidden until C: the audience
    # window is enough
    if windows is None or not (
        windows[1].isVisible() or (_one_screen(windows[1]) and windows[0].isVisible())
    ):
        QTimer.singleShot(100, lambda: _play(out, steps))
        return
    audience, console = windows
    QTest.qWait(1500)  # first frames, renditions, the first live copy on the console
    try:
        for step in steps:
            kind, _, arg = step.partition(":")
            if kind == "key":
                key = getattr(Qt.Key, f"Key_{arg}")
                QTest.keyClick(console if console.isVisible() else audience, key)
                QTest.qWait(80)
            elif kind == "wait":
                QTest.qWait(int(arg))
            elif kind == "copy":
                source, _, target = arg.partition(">")
                shutil.copyfile(source, target)
            elif kind == "until":
                _until(console, arg)
            elif kind == "shot":
                QTest.qWait(700)  # the scroll animation, and a live copy made after it
                if not _settled(audience):  # a picture still fading in, on a busy machine
                    QTest.qWait(700)  # and the console's live copy of the settled screen
                audience.grabWindow().save(str(out / f"{arg}-audience.png"))
                console.grabWindow().save(str(out / f"{arg}-console.png"))
                report = {"audience": _describe(audience), "console": _describe(console)}
                (out / f"{arg}.json").write_text(json.dumps(report), encoding="utf-8")
        (out / "done").write_text("done", encoding="utf-8")
    except Exception as error:  # the parent test reads it and fails
        (out / "failed").write_text(repr(error), encoding="utf-8")


def run(argv: list[str]) -> int:
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    steps = json.loads(os.environ.get("KIOSK_TEST_STEPS", "[]"))
    kiosk_args = argv[argv.index("--") + 1 :]
    app = ensure_application()
    QTimer.singleShot(0, app, lambda: _play(out, steps))
    return main(kiosk_args)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))

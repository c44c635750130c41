"""A tap on "Aa" or a language asks for each picture on the screen once, at the size it
ends up drawn, not once for each step its layout passes through.

In such a tap a picture's box passes through a step for each input laid out again (the
texts measured for the home tiles' line counts, each of the style's sizes, the title's
height); each step that crossed a 32-pixel step of the decode size asked Qt for the
picture at another size, to be decoded beside the tap's frame and thrown away (up to
seven asks for one home cover in a tap from 150 % to 100 %). A picture now asks once
the tap's bindings have settled, and at most once more where the frame's own layout
moves its box again (the home title's height is known only as the frame is laid out,
and the tiles' height follows it in landscape).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtQuick import QQuickItem

from kiosk.ui.app import KioskWindow
from kiosk.ui.render import settle
from tests.conftest import BUNDLED
from tests.uitools import item, load, open_window, tap, visible, walk

pytestmark = pytest.mark.usefixtures("qapp")

CONTENT = load(BUNDLED)


def pictures(kw: KioskWindow) -> list[QQuickItem]:
    """The pictures a visitor sees now, decoded at a size of their own (thumbnails and
    whole covers)."""
    found = []
    for thing in walk(kw.window.contentItem()):
        if thing.objectName() == "picture" and visible(thing):
            holder = thing.parentItem()
            if holder.property("decodeSized") or holder.property("whole"):
                found.append(thing)
    return found


def wanted(picture: QQuickItem) -> QSize:
    """The decode size the picture's holder asks for now."""
    holder = picture.parentItem()
    if holder.property("whole"):
        return QSize(0, int(holder.property("wholeDecodeHeight")))
    box = holder.property("decodeBox")
    return QSize(round(box.width()), round(box.height()))


def asks_in(kw: KioskWindow, press: Callable[[], None]) -> dict[str, int]:
    """``press`` and settle: how many times each picture shown was asked for at another
    size; each then holds the size its box wants."""
    shown = pictures(kw)
    assert shown, "no picture on the screen"
    asks = [0] * len(shown)
    last = [picture.property("sourceSize") for picture in shown]
    hooks = []
    for n, picture in enumerate(shown):

        def ask(n: int = n, picture: QQuickItem = picture) -> None:
            # Qt tells of the size again as the decode ends: a new value is a new ask
            size = picture.property("sourceSize")
            if size != last[n]:
                asks[n] += 1
                last[n] = size

        picture.sourceSizeChanged.connect(ask)  # type: ignore[attr-defined]
        hooks.append((picture, ask))
    try:
        press()
        settle(kw.window, kw.images)
    finally:
        for picture, ask in hooks:
            picture.sourceSizeChanged.disconnect(ask)  # type: ignore[attr-defined]
    for picture in pictures(kw):
        assert picture.property("sourceSize") == wanted(picture)
        assert picture.parentItem().property("imageStatus") == 1  # Ready: drawn, no placeholder
    return {
        f"{n}:{p.parentItem().property('key')}": a
        for n, (p, a) in enumerate(zip(shown, asks, strict=True))
    }


def presses(kw: KioskWindow) -> list[tuple[str, Callable[[], None]]]:
    """Three taps on "Aa" (100 -> 125 -> 150 -> 100 %), then each language in turn."""

    def text_size() -> None:
        tap(kw, item(kw, "textSizeButton"))

    steps: list[tuple[str, Callable[[], None]]] = [(f"Aa {n}", text_size) for n in range(3)]
    codes = CONTENT.site.language_codes
    for code in [*codes[1:], codes[0]]:
        steps.append((code, partial(tap_language, kw, code)))
    return steps


def tap_language(kw: KioskWindow, code: str) -> None:
    tap(kw, item(kw, f"language_{code}"))


# where the pictures' boxes follow the text size (the exhibit page's and the portrait
# home's pictures keep theirs)
@pytest.mark.parametrize(
    ("screen", "size"),
    [("home", (1920, 1080)), ("timeline", (1920, 1080)), ("timeline", (1080, 1920))],
    ids=["home-landscape", "timeline-landscape", "timeline-portrait"],
)
def test_a_tap_asks_for_each_picture_at_its_final_size_not_at_each_step(
    rendition_cache: Path, size: tuple[int, int], screen: str
) -> None:
    with open_window(CONTENT, rendition_cache, size=size) as kw:
        if screen == "timeline":
            kw.kiosk.nav.openTimeline()
        settle(kw.window, kw.images)
        changed = 0
        for label, press in presses(kw):
            asks = asks_in(kw, press)
            assert max(asks.values()) <= 2, f"{label}: {asks}"
            changed += sum(asks.values())
        assert changed > 0  # the taps did resize pictures: the count saw them

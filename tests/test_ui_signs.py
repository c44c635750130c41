"""The buttons' signs are drawn by the kiosk, never taken from the machine's fonts.

Noto Sans (the bundled font) has no home, clock, map, listen, stop or contrast
symbol. Written as text, those came from whatever system font had them (DejaVu here),
and on a machine without one they would be empty boxes. ``Sign.qml`` draws them from
rectangles; every other character a screen writes must be in the bundled font.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QRectF, QUrl
from PySide6.QtGui import QColor, QImage
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from kiosk.content import glyphs
from kiosk.ui.app import MESSAGES, QML_DIR
from kiosk.ui.render import settle
from tests import uitools
from tests.conftest import BUNDLED

DRAWN = "⌂◷◉●◐■▶"
INK = "#123456"
SIZE = 34  # the bar's sign size at 1080p, 100 % text

HARNESS = b"""
import QtQuick

Window {
    width: 900
    height: 120
    visible: true
    color: "white"
    Row {
        objectName: "row"
        x: 20
        y: 30
        spacing: 40
        Repeater {
            model: ["\xe2\x8c\x82", "\xe2\x97\xb7", "\xe2\x97\x89", "\xe2\x97\x8f", "\xe2\x97\x90",
                    "\xe2\x96\xa0", "\xe2\x96\xb6", "\xe2\x80\xb9", "Aa", ""]
            delegate: Sign {
                required property string modelData
                objectName: "sign"
                sign: modelData
                size: 34
                color: "#123456"
            }
        }
    }
}
"""


@pytest.fixture
def signs(qtbot: Any) -> Iterator[tuple[QQuickWindow, list[QQuickItem]]]:
    MESSAGES.lines.clear()
    engine = QQmlApplicationEngine()
    # a base URL inside the qml folder, so Sign resolves as it does in the screens
    engine.loadData(HARNESS, QUrl.fromLocalFile(str(QML_DIR / "SignHarness.qml")))
    window = engine.rootObjects()[0]
    assert isinstance(window, QQuickWindow)
    qtbot.waitExposed(window)
    QTest.qWait(50)
    row = window.findChild(QQuickItem, "row")
    assert row is not None
    found = [i for i in row.childItems() if i.objectName() == "sign"]
    yield window, found
    window.close()
    engine.deleteLater()
    QTest.qWait(20)
    assert MESSAGES.lines == []


def _ink(image: QImage, item: QQuickItem) -> tuple[int, set[tuple[int, int]]]:
    """Pixels of the sign's colour (or close to it) inside the item, and where."""
    box = item.mapRectToScene(item.boundingRect()).toAlignedRect()
    target = QColor(INK)
    where = set()
    for y in range(box.top(), box.bottom() + 1):
        for x in range(box.left(), box.right() + 1):
            if uitools.near_colour(image.pixelColor(x, y), target):
                where.add((x - box.left(), y - box.top()))
    return len(where), where


def test_each_drawn_sign_shows_in_its_colour_and_each_differs(
    signs: tuple[QQuickWindow, list[QQuickItem]],
) -> None:
    window, found = signs
    assert [i.property("sign") for i in found][: len(DRAWN)] == list(DRAWN)
    image = window.grabWindow()
    shapes = []
    for item in found[: len(DRAWN)]:
        assert item.width() > 0 and item.height() > 0
        # the size of a symbol beside words of that size: neither a dot nor a block
        assert 0.6 * SIZE <= item.height() <= SIZE and item.width() <= SIZE
        count, where = _ink(image, item)
        area = item.width() * item.height()
        assert 0.1 * area < count < 0.9 * area, (item.property("sign"), count, area)
        shapes.append(frozenset(where))
        # drawn from rectangles: no text item, so no font of the machine's is asked
        assert not [t for t in _descendants(item) if t.metaObject().className() == "QQuickText"]
    assert len(set(shapes)) == len(DRAWN)  # seven different pictures


def test_other_signs_are_text_in_the_bundled_font_and_an_empty_sign_is_nothing(
    signs: tuple[QQuickWindow, list[QQuickItem]],
) -> None:
    window, found = signs
    image = window.grabWindow()
    chevron, letters, empty = found[len(DRAWN) :]
    for item in (chevron, letters):
        assert [
            t.property("text")
            for t in _descendants(item)
            if t.metaObject().className() == "QQuickText"
        ] == [item.property("sign")]
        assert _ink(image, item)[0] > 0
    assert empty.width() == 0 and empty.height() == 0


def _descendants(item: QQuickItem) -> list[QQuickItem]:
    out = []
    for child in item.childItems():
        out.append(child)
        out.extend(_descendants(child))
    return out


# (window size, text size, language, contrast): the states a person can put the bar in
BAR_STATES = [
    ((1920, 1080), 1.0, "az", False),
    ((1920, 1080), 1.0, "en", True),
    ((1080, 1920), 1.5, "uz", False),
    ((1080, 1920), 1.25, "ru", True),
    ((1280, 800), 1.25, "ru", False),
    ((1280, 800), 1.5, "uz", True),
]


@pytest.mark.parametrize(
    ("size", "scale", "language", "contrast"),
    BAR_STATES,
    ids=lambda v: f"{v[0]}x{v[1]}" if isinstance(v, tuple) else str(v),
)
def test_the_bars_buttons_draw_their_signs_in_every_state(
    size: tuple[int, int], scale: float, language: str, contrast: bool, rendition_cache: Any
) -> None:
    """Home, timeline, map and contrast in the real bar: each sign is drawn (no text
    item holds it), inside its button, left of its words where it has words, in the
    words' colour, at every window size, text size, language and colour scheme."""
    content = uitools.load(BUNDLED)
    with uitools.open_window(content, rendition_cache, size=size) as kw:
        kw.kiosk.language.choose(language)
        kw.kiosk.appearance.set_text_scale(scale)
        kw.kiosk.appearance.set_high_contrast(contrast)
        settle(kw.window, kw.images)
        image = uitools.grab(kw)
        window = QRectF(0, 0, kw.window.width(), kw.window.height())
        for name, sign in [
            ("homeButton", "⌂"),
            ("timelineButton", "◷"),
            ("mapButton", "◉"),
            ("contrastButton", "◐"),
        ]:
            button = uitools.item(kw, name)
            shape = next(i for i in _descendants(button) if i.objectName() == "signShape")
            drawn = shape.parentItem()
            assert drawn.property("sign") == sign
            texts = [
                t.property("text")
                for t in _descendants(button)
                if t.metaObject().className() == "QQuickText"
            ]
            assert sign not in "".join(texts)
            words = next(i for i in _descendants(button) if i.objectName() == "buttonLabel")
            box = drawn.mapRectToScene(drawn.boundingRect())
            assert box.width() > 0 and box.height() > 0
            assert button.mapRectToScene(button.boundingRect()).contains(box)
            assert window.contains(box), (name, box)
            if words.isVisible():  # a narrow window's timeline and map show the sign alone
                assert box.right() <= words.mapRectToScene(words.boundingRect()).left()
            ink = QColor(words.property("color"))
            seen = uitools.pixels_like(image, box.toAlignedRect(), ink)
            assert seen > 0.1 * box.width() * box.height(), (name, seen)


# every character the screens write ---------------------------------------------------

_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
_COMMENT = re.compile(r"//.*$")


def _written(line: str) -> str:
    """The characters inside the string literals of a line of QML, comments left out."""
    return "".join(_STRING.findall(_COMMENT.sub("", line)))


def test_every_character_a_screen_writes_is_in_the_bundled_font() -> None:
    """The drawn signs may be named where a sign is given (``glyph:``, ``sign:``) and
    in Sign.qml; anything else in a string must be a character Noto Sans has."""
    pattern = glyphs._bundled_pattern()
    assert pattern is not None, "the bundled font's character map could not be read"
    missing = []
    for path in sorted(QML_DIR.glob("*.qml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            text = _written(line)
            if path.name == "Sign.qml" or re.match(r"\s*(glyph|sign)\s*:", line):
                text = "".join(c for c in text if c not in DRAWN)
            bad = glyphs.undrawable(text, pattern)
            if bad:
                missing.append(f"{path.name}:{number}: {glyphs.describe(bad)}")
    assert missing == []


def test_the_check_finds_a_symbol_the_font_lacks() -> None:
    pattern = glyphs._bundled_pattern()
    assert glyphs.undrawable(_written('text: "go \u2302 home"  // \u25b6'), pattern) == ["\u2302"]
    assert glyphs.undrawable(_written('text: "Oʻzbekcha Azərbaycanca Русский ‹ ›"'), pattern) == []

"""Text is drawn at the weight its screen asks for, at every size and in every scene graph.

Noto Sans, the bundled font, is one variable font. Asked for a weight the usual way
(``font.weight``), Qt 6 drew it only on some paths. With the software scene graph,
headings over 64 px (the site's title at 125 and 150 % text) came out regular, because
Qt draws glyphs that large as outlines, without the font's variation. DemiBold (the
bar's words, the attract loop's invitation) came out regular at every size. With
OpenGL's distance-field text, seen in a real X11 window, DemiBold was regular too, and
Bold depended on which size was drawn first. Every path draws the font's ``wght``
axis when it is set outright, so every weighted text on screen sets it:
``font.variableAxes: { "wght": Font.Bold }``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QByteArray, QUrl
from PySide6.QtGui import QColor, QFont
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from kiosk.ui.app import QML_DIR
from kiosk.ui.render import settle
from tests import uitools
from tests.conftest import BUNDLED

# what Qt may not draw: a weight asked for other than on the font's axis
ASKED_OTHERWISE = re.compile(r"\bfont\.(weight|bold)\s*[:=]|\.setWeight\(|\.setBold\(")


def test_every_weighted_text_on_screen_sets_the_fonts_weight_axis() -> None:
    offenders = [
        f"{path.name}:{number}: {line.strip()}"
        for path in sorted(QML_DIR.glob("*.qml"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ASKED_OTHERWISE.search(line)
    ]
    mapview = Path(QML_DIR.parent / "mapview.py").read_text(encoding="utf-8")
    assert offenders == []
    assert not ASKED_OTHERWISE.search(mapview)  # the map measures its labels in that font


# the regular weight asked for on the axis: a second face of the one font (below)
REGULAR_ON_THE_AXIS = re.compile(r"\"wght\"\s*:[^}]*Font\.Normal|setVariableAxis\([^)]*Normal")


def test_the_regular_weight_is_the_fonts_default_not_an_axis_set_to_400() -> None:
    """Qt opens a variable font once for each set of axes asked for; ``{"wght": 400}``
    is not ``{}`` to it, though both draw the same (next test). Every face is a
    FreeType face, a HarfBuzz face with the font's shaping tables copied (about 0.4 MB)
    and glyph caches of its own, kept for good: so the regular weight sets no axis."""
    offenders = [
        f"{path.name}:{number}: {line.strip()}"
        for path in [*sorted(QML_DIR.glob("*.qml")), QML_DIR.parent / "mapview.py"]
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if REGULAR_ON_THE_AXIS.search(line)
    ]
    assert offenders == []


SAME_REGULAR = """
import QtQuick

Window {
    width: 1200
    height: 400
    visible: true
    color: "white"
    Text {
        objectName: "onTheAxis"
        x: 20; y: 20
        text: "Azərbaycan \u2013 Oʻzbekiston \u00b7 Узбекистан 1991"
        font.pixelSize: 40
        font.variableAxes: { "wght": Font.Normal }
    }
    Text {
        objectName: "default"
        x: 20; y: 200
        text: "Azərbaycan \u2013 Oʻzbekiston \u00b7 Узбекистан 1991"
        font.pixelSize: 40
    }
}
"""


def test_the_fonts_default_draws_as_its_axis_set_to_the_regular_weight(qtbot: Any) -> None:
    engine = QQmlApplicationEngine()
    engine.loadData(QByteArray(SAME_REGULAR.encode()), QUrl("regular.qml"))
    window = engine.rootObjects()[0]
    assert isinstance(window, QQuickWindow)
    qtbot.waitExposed(window)
    QTest.qWait(50)
    image = window.grabWindow()
    crops = []
    for name in ("onTheAxis", "default"):
        text = window.findChild(QQuickItem, name)
        assert text is not None and text.width() > 400
        crops.append(image.copy(text.mapRectToScene(text.boundingRect()).toAlignedRect()))
    axis, default = crops
    assert axis.size() == default.size()
    assert uitools.pixels_like(axis, axis.rect(), QColor("black")) > 500  # words were drawn
    assert axis == default  # pixel for pixel
    window.close()
    engine.deleteLater()


REFERENCE = b"""
import QtQuick

Window {
    width: 1920
    height: 1080
    visible: true
    component Reference: Text {
        property real wght: 400
        property int pixels: 28
        // as the screens' headings: plain text, wrapped at word boundaries or anywhere
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        font.pixelSize: pixels
        font.variableAxes: { "wght": wght }
    }
    Reference { objectName: "reference" }
}
"""


def _references(
    qtbot: Any, text: QQuickItem, weight: float, backdrop: QColor
) -> tuple[int, int, int]:
    """The same words in the same place, size, wrapping and colour, drawn at the weight
    asked (set on the axis) and at the regular weight, in a window of their own; and
    the pixel size they were drawn at."""
    engine = QQmlApplicationEngine()
    engine.loadData(QByteArray(REFERENCE), QUrl("weights.qml"))
    window = engine.rootObjects()[0]
    assert isinstance(window, QQuickWindow)
    window.setColor(backdrop)
    qtbot.waitExposed(window)
    inks = []
    font = QFont(text.property("font"))
    reference = window.findChild(QQuickItem, "reference")
    assert reference is not None
    for prop in ("text", "width", "lineHeight", "color"):
        reference.setProperty(prop, text.property(prop))
    reference.setProperty("pixels", font.pixelSize())
    reference.setPosition(text.mapToScene(text.boundingRect().topLeft()))
    for wght in (weight, 400.0):
        reference.setProperty("wght", wght)
        QTest.qWait(50)
        box = reference.mapRectToScene(reference.boundingRect())
        inks.append(
            uitools.pixels_like(
                window.grabWindow(), box.toAlignedRect(), QColor(text.property("color"))
            )
        )
    window.close()
    engine.deleteLater()
    return inks[0], inks[1], font.pixelSize()


# (what, start screen, text size, language, the item, the weight its screen asks for)
STATES = [
    ("home title, 150 % text", "home", 1.5, "az", "siteTitle", 700.0),
    ("home title, 125 % text", "home", 1.25, "ru", "siteTitle", 700.0),
    ("attract invitation", "attract", 1.0, "uz", "touchToExplore", 600.0),
]


@pytest.mark.parametrize(
    ("what", "start", "scale", "language", "name", "weight"), STATES, ids=[s[0] for s in STATES]
)
def test_a_weighted_text_is_drawn_at_its_weight(
    what: str,
    start: str,
    scale: float,
    language: str,
    name: str,
    weight: float,
    rendition_cache: Any,
    qtbot: Any,
) -> None:
    content = uitools.load(BUNDLED)
    with uitools.open_window(content, rendition_cache, start=start) as kw:
        kw.kiosk.language.choose(language)
        kw.kiosk.appearance.set_text_scale(scale)
        settle(kw.window, kw.images)
        text = uitools.items(kw, name)[0]
        assert uitools.visible(text) and text.width() > 0 and text.height() > 0
        box = text.mapRectToScene(text.boundingRect())
        assert box.right() <= kw.window.width() and box.bottom() <= kw.window.height()
        image = uitools.grab(kw)
        seen = uitools.pixels_like(image, box.toAlignedRect(), QColor(text.property("color")))
        corner = box.toAlignedRect().topLeft()
        backdrop = image.pixelColor(max(0, corner.x() - 4), max(0, corner.y()))
        asked, regular, pixels = _references(qtbot, text, weight, backdrop)
    assert regular < asked  # the reference tells the two weights apart at all
    # drawn like the weight asked for, not like the regular one
    assert abs(seen - asked) < abs(seen - regular), (what, pixels, seen, asked, regular)


def test_the_map_measures_its_regular_names_in_the_fonts_default_too() -> None:
    """``kiosk.ui.mapview`` measures the labels ``MapView.qml`` draws, in the same font:
    the regular names with no axis, the places' and the two countries' on it."""
    from kiosk.ui.mapview import _font

    regular = _font(22, QFont.Weight.Normal, True)
    assert regular.variableAxisTags() == [] and regular.italic()
    demi = _font(22, QFont.Weight.DemiBold, False)
    assert [tag.toString() for tag in demi.variableAxisTags()] == ["wght"]
    assert demi.variableAxisValue(demi.variableAxisTags()[0]) == 600

"""The presenter's clicks on the console, at random: its buttons (black, white, freeze,
hide, the audience's and the console's languages) and the outline's steps, as a
presenter with a touchpad uses them. After each click the audience screen shows the
talk's step as the console names it (unless blanked or frozen), in the language chosen
for it, with no control, question or key help; the console's own texts stay in its
window; and the console names the step the talk is on.

The walk is seeded, so a failure is the same each run; its message lists the last
clicks.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from kiosk.content.model import ContentSet
from kiosk.ui.render import pump, settle
from kiosk.ui.render import visual_tree as walk
from tests.fakes import FakeClock
from tests.test_present_keys_walk import audience_on_the_talk, content  # noqa: F401
from tests.test_ui_console import presenting
from tests.uitools import visible

pytestmark = pytest.mark.usefixtures("qapp")


def _clickable(console: QQuickWindow) -> list[QQuickItem]:
    """What a presenter can click on the console: its buttons and the outline's rows,
    shown and inside the window."""
    window = QRectF(0, 0, console.width(), console.height())
    found = []
    for item in walk(console.contentItem()):
        kind = item.metaObject().className()
        if not (kind.startswith("ConsoleButton") or item.objectName().startswith("outline_")):
            continue
        box = item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))
        if visible(item) and box.width() > 0 and window.contains(box.center()):
            found.append(item)
    return found


def _label(item: QQuickItem) -> str:
    return item.objectName() or str(item.property("text"))


@pytest.mark.parametrize(
    ("talk", "seed"),
    [("school-visit", 0), ("school-visit", 2), ("every-kind", 1), ("every-kind", 3)],
)
def test_random_console_clicks_keep_the_audience_on_the_talk(
    content: ContentSet,  # noqa: F811
    rendition_cache: Path,
    talk: str,
    seed: int,
) -> None:
    pick = random.Random(seed)
    with presenting(content, rendition_cache, FakeClock(), talk=talk, console=True) as p:
        audience, console = p.kw.window, p.console_window
        state, language = p.state, p.kw.kiosk.language
        clicked: list[str] = []
        pump(50)
        for _ in range(120):
            if not console.isVisible():  # "Hide the console": C brings it back
                QTest.keyClick(audience, Qt.Key.Key_C)
                pump(20)
                clicked.append("C")
            # where things are once the console has laid itself out: the outline scrolls
            # to the step on now at the next turn of the event loop, and a click aimed
            # before it would land on another row (seen once, on a loaded machine)
            pump(30)
            choices = _clickable(console)
            assert choices, (console.isVisible(), clicked[-4:], console.width())
            target = pick.choice(choices)
            clicked.append(_label(target))
            point = target.mapToScene(QPointF(target.width() / 2, target.height() / 2))
            QTest.mouseClick(
                console, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point.toPoint()
            )
            pump(5)
            last = f"seed {seed}, clicks {' | '.join(clicked[-6:])}"
            audience_on_the_talk(p, last)
            view = p.console.property("view")
            assert view["index"] == state.index, last  # the console names the talk's step
            assert view["language"] == p.console.language, last
            if target.objectName().startswith("outline_"):  # a step clicked: its top
                assert state.index == int(target.objectName().removeprefix("outline_")), last
            name = target.objectName()
            if name.startswith("audienceLanguage_"):  # the audience's words, as chosen
                assert language.code == name.removeprefix("audienceLanguage_"), last
            if name.startswith("consoleLanguage_"):  # the console's, the audience's unchanged
                assert p.console.language == name.removeprefix("consoleLanguage_"), last
        settle(audience, p.kw.images)
        assert len(set(clicked)) > 8  # the walk reached most of what can be clicked

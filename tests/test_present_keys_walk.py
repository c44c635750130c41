"""A presenter's keys pressed at random, in either window: the audience screen always
shows the talk's step as the console names it, or the page shown off the talk (unless
blanked or frozen), never a control, a question, a list or the key help.

Found this way: Down and Up changed the gallery's picture (and the open moment) under
a talk's step. The walk is seeded, so a failure is the same each run; its message
lists the last keys. The sample talk, and one with every kind of step (the map too).
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.content.model import ContentSet
from kiosk.ui.presenting import Presentation
from kiosk.ui.render import pump, settle
from kiosk.ui.render import visual_tree as walk
from tests.conftest import BUNDLED
from tests.fakes import FakeClock
from tests.test_ui_console import EVERY_KIND, _controls_shown, presenting
from tests.uitools import load, made, visible

pytestmark = pytest.mark.usefixtures("qapp")

K = Qt.Key
# a clicker's keys, most often; then every other key the presenter's map knows, and a
# few it does not
KEYS = (
    *[K.Key_PageDown] * 6,
    *[K.Key_PageUp] * 3,
    K.Key_Right,
    K.Key_Left,
    K.Key_Space,
    K.Key_Backspace,
    K.Key_Home,
    K.Key_End,
    K.Key_1,
    K.Key_3,
    K.Key_7,
    K.Key_Return,
    K.Key_B,
    K.Key_Period,
    K.Key_W,
    K.Key_F,
    K.Key_P,
    K.Key_R,
    K.Key_L,
    K.Key_S,
    K.Key_C,
    K.Key_Escape,
    K.Key_T,
    K.Key_G,  # a page off the talk: its list, then a number (below) or Enter
    K.Key_G,
    K.Key_M,
    K.Key_F1,
    K.Key_Question,
    K.Key_Tab,
    *[K.Key_Down, K.Key_Up] * 2,
    K.Key_A,
)
SCREEN = {
    "exhibit": "exhibit",
    "image": "gallery",
    "timeline": "timeline",
    "map": "map",
    "about": "about",
}
# names, or the start of names: the map's buttons are named by their place, exhibit
NEVER_ON_THE_AUDIENCE = (
    "quitQuestion",
    "presenterHelp",
    "mapPlaceButton_",
    "mapExhibit_",
    "talkChooser",
    "pageChooser",
)


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> ContentSet:
    root = tmp_path_factory.mktemp("talks") / "exhibits"
    shutil.copytree(BUNDLED, root)
    (root / "talks" / "every-kind.yaml").write_text(EVERY_KIND, encoding="utf-8")
    return load(root)


@pytest.mark.parametrize(
    ("talk", "seed"),
    [
        ("school-visit", 0),
        ("school-visit", 1),
        ("school-visit", 2),
        ("every-kind", 0),
        ("every-kind", 1),
    ],
)
def test_random_presenter_keys_keep_the_audience_on_the_talk(
    content: ContentSet, rendition_cache: Path, talk: str, seed: int
) -> None:
    pick = random.Random(seed)
    with presenting(content, rendition_cache, FakeClock(), talk=talk) as presentation:
        assert presentation.state.talk.id == talk
        audience, console = presentation.kw.window, presentation.console_window
        state = presentation.state
        presenter = presentation.kw.kiosk.presenter
        pressed: list[str] = []
        away = 0  # pages shown off the talk
        for _ in range(200):
            window = pick.choice((audience, console))
            chance = pick.random()
            if chance < 0.1:  # a step's number and Enter, as from the outline
                number = pick.randrange(1, len(state.steps) + 1)
                for digit in str(number):
                    QTest.keyClick(window, getattr(K, f"Key_{digit}"))
                QTest.keyClick(window, K.Key_Return)
                pressed.append(f"{number}+Enter")
            elif chance < 0.14:  # a question: a page off the talk, by its number
                number = pick.randrange(1, 9)
                if not presentation.console_window.isVisible():
                    QTest.keyClick(window, K.Key_C)  # the list is on the console only
                    pressed.append("C")
                QTest.keyClick(window, K.Key_G)
                QTest.keyClick(window, getattr(K, f"Key_{number}"))
                pressed.append(f"G {number}")
                away += presentation.state.away is not None
            else:
                key = pick.choice(KEYS)
                QTest.keyClick(window, key)
                pressed.append(key.name.removeprefix("Key_"))
            pump(5)
            last = f"seed {seed}, keys {' '.join(pressed[-6:])}"
            if presenter.property("helpVisible"):  # the key help only where it is seen
                assert console.isVisible(), last
            if presenter.property("askingToQuit"):  # the presenter stays
                assert console.isVisible(), last  # where the question is
                QTest.keyClick(console, K.Key_Escape)
                pump(5)
                assert not presenter.property("askingToQuit"), last
            audience_on_the_talk(presentation, last)
        settle(audience, presentation.kw.images)
        assert away >= 2  # the walk went off the talk and came back (Esc, PageDown, a step)


def audience_on_the_talk(presentation: Presentation, last: str) -> None:
    """The audience screen shows the talk's step as the console names it (unless
    blanked or frozen), and no control, question or key help.

    Looked at once the list views have made their rows: a row still being made on Qt's
    time slices (the timeline's, after a change of text size) holds its controls at
    their defaults, visible, until its bindings run, and the view draws none of it
    meanwhile (Qt culls a row until it is made). On a loaded machine a look in between
    found the timeline's chevron "shown" on the audience screen."""
    audience, state, nav = presentation.kw.window, presentation.state, presentation.kw.kiosk.nav
    made(audience)
    shown = [
        i.objectName()
        for i in walk(audience.contentItem())
        if i.objectName().startswith(NEVER_ON_THE_AUDIENCE) and visible(i)
    ]
    assert shown == [], last
    assert _controls_shown(audience) == [], last
    assert state.step is not None and 0 <= state.index < len(state.steps), last
    step = state.shown  # the step, or a page shown off the talk (G)
    assert step is not None, last
    if state.blank or state.frozen:
        return
    place = nav.place
    assert place.screen == SCREEN[step.kind], last
    if step.exhibit:
        assert place.exhibit_id == step.exhibit, last
    if step.image is not None:
        assert place.index == step.image, last


def test_down_scrolls_a_page_a_little_and_moves_nothing_else_in_a_talk(
    content: ContentSet, rendition_cache: Path
) -> None:
    with presenting(content, rendition_cache, FakeClock()) as presentation:
        audience, images = presentation.kw.window, presentation.kw.images
        nav, state = presentation.kw.kiosk.nav, presentation.state
        state.jump(0)  # an exhibit page
        settle(audience, images)
        flick = next(i for i in walk(audience.contentItem()) if i.objectName() == "exhibitFlick")
        QTest.keyClick(audience, K.Key_Down)
        settle(audience, images)
        assert flick.property("contentY") > 0
        assert (state.index, nav.place.screen) == (0, "exhibit")
        for kind in ("image", "timeline"):
            state.jump(next(i for i, s in enumerate(state.steps) if s.kind == kind))
            settle(audience, images)
            where = nav.place
            for pressed in (K.Key_Down, K.Key_Up, K.Key_Up):
                QTest.keyClick(audience, pressed)
                pump(20)
                assert nav.place == where, kind

"""The screen-reader tree: what Orca reaches on every screen, walked from Python.

Every button is named in the language on screen, decorative pictures are left out,
content pictures carry their alt text, and each new screen puts the focus on its title.
One window for the whole module; the screens and languages are visited inside it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import shiboken6
from fakes import FakeClock
from PySide6.QtCore import QObject, QRect, Qt
from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QAccessibleInterface
from PySide6.QtQuick import QQuickItem
from readaloudfakes import FakeEngine

from kiosk.content.site_schema import DEFAULTED_STRINGS
from kiosk.runtime.pin import PinPad, PinStore
from kiosk.runtime.readaloud_speaker import Speaker
from kiosk.ui.app import KioskWindow
from kiosk.ui.readaloud_player import ReadAloudPlayer
from kiosk.ui.render import settle
from kiosk.ui.staff import Staff
from tests.conftest import BUNDLED
from tests.uitools import accessible_tree, key, load, object_name, open_window, visible, walk

pytestmark = pytest.mark.usefixtures("qapp")

CONTENT = load(BUNDLED)
EXHIBIT = CONTENT.exhibits[2]  # a gallery, sections with pictures, facts, a next exhibit
LANGUAGES = ("uz", "ru")  # every string differs between these two
BUTTON_ROLES = {
    QAccessible.Role.Button,
    QAccessible.Role.CheckBox,
    QAccessible.Role.RadioButton,
    QAccessible.Role.Link,
    QAccessible.Role.MenuItem,
    QAccessible.Role.PageTab,
    QAccessible.Role.ComboBox,
    QAccessible.Role.Slider,
    QAccessible.Role.SpinBox,
}
GLYPHS = {"‹", "›", "⌂", "◷", "▶", "■", "↓", "ℹ"}
# Presenter screens speak English, as they show it; a language names itself. (The staff
# corner is on every visitor screen: it is named in the visitor's language.)
SAME_IN_EVERY_LANGUAGE = {"quitStay", "quitConfirm", "helpClose"}
VISITOR_SCREENS = ("attract", "home", "exhibit", "gallery", "timeline", "entry", "about", "still")
OVERLAYS = ("pin", "quit", "help")


@dataclass(frozen=True)
class Node:
    """One node of the reader's tree, as plain data (the items change as the walk goes on)."""

    role: QAccessible.Role
    name: str
    object_name: str
    label: str | None  # a NavButton's label as shown, None elsewhere or when hidden


@dataclass(frozen=True)
class Visit:
    """What a screen reader had on one screen in one language."""

    tree: tuple[Node, ...]
    focus: Node | None
    focus_on_screen: bool
    expected_focus: tuple[QAccessible.Role, str]
    decorative_shown: int  # decorative pictures visible on screen
    decorative_heard: int  # ... of which in the reader's tree (must be none)


@dataclass
class Tree:
    nodes: list[QAccessibleInterface]  # what a screen reader reaches, hidden parts left out
    focus: QAccessibleInterface | None  # the window's focused node


@contextmanager
def reading(kw: KioskWindow) -> Iterator[Tree]:
    """The window's accessible tree as it is now, as Orca walks it from the window down
    (every interface let go of at the end: ``tests.uitools.accessible_tree``)."""
    with accessible_tree(kw) as (root, nodes):
        focus = root.focusChild()
        try:
            yield Tree(nodes, focus)
        finally:
            if focus is not None and shiboken6.isValid(focus):
                shiboken6.invalidate(focus)


def node(iface: QAccessibleInterface) -> Node:
    target = iface.object()
    label = None
    if isinstance(target, QQuickItem) and target.metaObject().className().startswith("NavButton"):
        (shown,) = [i for i in walk(target) if i.objectName() == "buttonLabel"]
        label = shown.property("text") if visible(shown) else None
    return Node(iface.role(), iface.text(QAccessible.Text.Name), object_name(iface), label)


def press(kw: KioskWindow, name: str, nth: int = 0) -> None:
    """What Orca does on a button: the accessible press action, no touch."""
    with reading(kw) as tree:
        found = [i for i in tree.nodes if i.object() and i.object().objectName() == name]
        assert len(found) > nth, f"{name} is not in the reader's tree"
        actions = found[nth].actionInterface()
        assert actions is not None
        assert QAccessibleActionInterface.pressAction() in actions.actionNames()
        actions.doAction(QAccessibleActionInterface.pressAction())
        shiboken6.invalidate(actions)
    settle(kw.window, kw.images)


def on_screen(kw: KioskWindow, target: QObject | None) -> bool:
    if not isinstance(target, QQuickItem) or not visible(target):
        return False
    corner = target.mapToScene(target.boundingRect().topLeft()).toPoint()
    box = QRect(corner, target.boundingRect().size().toSize())
    window = QRect(0, 0, kw.window.width(), kw.window.height())
    return not box.isEmpty() and window.contains(box.center())


def word(key: str, language: str) -> str:
    """A word as the kiosk has it: the site's strings, the kiosk's own filled in."""
    return CONTENT.site.strings[key].get(language)


@pytest.fixture(scope="module")
def kw(rendition_cache: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[KioskWindow]:
    store = PinStore(tmp_path_factory.mktemp("pin") / "settings.json")
    store.set_pin("2580")
    staff = Staff(PinPad(store, FakeClock()))
    speech = ReadAloudPlayer(Speaker(FakeEngine(), clock=FakeClock()))
    with open_window(CONTENT, rendition_cache, staff=staff, player=speech) as window:
        window.kiosk.presenter.set_quit_allowed(True)
        yield window
        staff.close()


def show(kw: KioskWindow, screen: str, language: str) -> tuple[QAccessible.Role, str]:
    """Go to ``screen`` in ``language``; the role and name the focus should then have."""
    kiosk, nav, presenter = kw.kiosk, kw.kiosk.nav, kw.kiosk.presenter
    kw.staff.close()
    kiosk.idle.show(False, 0)
    presenter.hideHelp()
    presenter.cancelQuit()
    if screen == "attract":
        kiosk.reset_to_attract()
    else:
        nav.home()
    kiosk.language.choose(language)
    strings = {key: text.get(language) for key, text in CONTENT.site.strings.items()}
    expected = (QAccessible.Role.Heading, CONTENT.site.title.get(language))
    if screen in ("exhibit", "gallery"):
        nav.openExhibit(EXHIBIT.id)
        expected = (QAccessible.Role.Heading, EXHIBIT.title.get(language))
    if screen == "gallery":
        nav.openGallery(1)
        image = EXHIBIT.gallery[1]
        caption = image.caption.get(language) if image.caption else image.alt.get(language)
        expected = (QAccessible.Role.Heading, caption)
    if screen in ("timeline", "entry"):
        nav.openTimeline()
        expected = (QAccessible.Role.Heading, strings["timeline"])
    if screen == "about":
        nav.openAbout()
        expected = (QAccessible.Role.Heading, strings["about"])
    if screen == "still":
        kiosk.idle.show(True, 12)
        expected = (QAccessible.Role.Heading, strings["still_there"])
    if screen == "help":
        presenter.toggle_help()
        expected = (QAccessible.Role.Heading, "Keys")
    if screen == "quit":
        presenter.ask()
        expected = (QAccessible.Role.Heading, "Quit the presentation?")
    if screen == "pin":
        kw.staff.gesture()
        expected = (QAccessible.Role.Grouping, "PIN")
    settle(kw.window, kw.images)
    if screen == "entry":  # opened as Orca would: the card's press action
        press(kw, "timelineCard", nth=2)
        assert nav.place.index == 2
        expected = (QAccessible.Role.Heading, CONTENT.timeline()[2][1].title.get(language))
    return expected


Visits = dict[tuple[str, str], Visit]


def address(target: QObject | None) -> int:
    return shiboken6.getCppPointer(target)[0] if target is not None else 0


def look(kw: KioskWindow, screen: str, language: str) -> Visit:
    expected = show(kw, screen, language)
    with reading(kw) as tree:
        heard = {address(i.object()) for i in tree.nodes}
        decorative = [
            i
            for i in walk(kw.window.contentItem())
            if i.property("decorative") is True and visible(i)
        ]
        return Visit(
            tree=tuple(node(i) for i in tree.nodes),
            focus=node(tree.focus) if tree.focus is not None else None,
            focus_on_screen=tree.focus is not None and on_screen(kw, tree.focus.object()),
            expected_focus=expected,
            decorative_shown=len(decorative),
            decorative_heard=sum(address(i) in heard for i in decorative),
        )


@pytest.fixture(scope="module")
def visits(kw: KioskWindow) -> Visits:
    """Every screen in both languages, walked once for all the tests below."""
    return {
        (screen, language): look(kw, screen, language)
        for language in LANGUAGES
        for screen in VISITOR_SCREENS + OVERLAYS
    }


def test_every_button_is_named_in_the_language_on_screen(visits: Visits) -> None:
    names: dict[tuple[str, str], dict[str, str]] = {}
    for (screen, language), visit in visits.items():
        where = f"{screen} in {language}"
        buttons = [n for n in visit.tree if n.role in BUTTON_ROLES]
        assert len(buttons) >= 2, where
        seen: dict[str, str] = {}
        for n in buttons:
            assert n.name.strip(), f"a button without a name on {where}: {n.object_name}"
            assert n.name not in GLYPHS, f"{n.object_name} is named only {n.name!r} on {where}"
            # what the screen shows is what is heard: a labelled button's name is its label,
            # or ends with it where the label alone says too little ("Text size 100 %"
            # for "Aa 100 %": WCAG 2.5.3, the label in the name)
            assert n.label is None or n.name == n.label or n.name.endswith(" " + n.label), (
                f"{n.object_name} on {where}"
            )
            if n.object_name:
                seen.setdefault(n.object_name, n.name)
        names[screen, language] = seen
        entry = CONTENT.timeline()[2 if screen == "entry" else 0]
        expected = {
            "backButton": word("back", language),
            "homeButton": word("home", language),
            "timelineButton": word("timeline", language),
            "listenButton": word("listen", language),
            "textSizeButton": word("text_size", language) + " 100 %",
            "contrastButton": word("contrast", language),
            "galleryPrevious": word("previous_image", language),
            "galleryNext": word("next_image", language),
            "scrollCueArrow": word("scroll_down", language),
            "aboutButton": word("about", language),
            "continueButton": word("continue", language),
            "attractTouch": word("touch_to_explore", language),
            "timelineOpenExhibit": entry[0].title.get(language),
            **{f"language_{lang.code}": lang.name for lang in CONTENT.site.languages},
            **{f"tile_{e.id}": e.title.get(language) for e in CONTENT.exhibits},
            **{f"galleryThumb_{i}": g.alt.get(language) for i, g in enumerate(EXHIBIT.gallery)},
        }
        for name, wanted in expected.items():
            if name in seen:
                assert seen[name] == wanted, f"{name} on {where}"
    # the buttons of each screen are there ...
    assert {"backButton", "homeButton", "timelineButton", "language_ru", "aboutButton"} <= set(
        names["home", "uz"]
    )
    assert {"listenButton", "scrollCueArrow", "nextExhibit", "galleryThumb_0"} <= set(
        names["exhibit", "uz"]
    )
    assert {"galleryPrevious", "galleryNext"} <= set(names["gallery", "ru"])
    for language in LANGUAGES:  # the exhibit page under the gallery is not heard
        covered = [n for n in visits["gallery", language].tree if n.object_name == "pageTitle"]
        assert not covered and "nextExhibit" not in names["gallery", language]
    assert {"attractTouch"} <= set(names["attract", "ru"])
    assert {"timelineCard", "timelineOpenExhibit"} <= set(names["entry", "ru"])
    assert {"continueButton"} <= set(names["still", "ru"])
    assert {"quitStay", "quitConfirm"} <= set(names["quit", "uz"])
    assert {"helpClose", "staffCorner"} <= set(names["help", "uz"])
    keys = {f"pinKey_{k}" for k in [*"0123456789", "erase", "ok"]}
    assert keys <= set(names["pin", "uz"])
    assert names["pin", "uz"]["pinKey_erase"] == "Erase"
    # ... and every visitor button changes with the language (a language names itself)
    for screen in VISITOR_SCREENS:
        uz, ru = names[screen, "uz"], names[screen, "ru"]
        for name in set(uz) & set(ru) - SAME_IN_EVERY_LANGUAGE:
            if name.startswith(("language_", "attractLanguage_")):
                assert uz[name] == ru[name]
            else:
                assert uz[name] != ru[name], f"{name} on {screen} is {uz[name]!r} in both"


def test_decorative_pictures_are_left_out_and_content_pictures_named(visits: Visits) -> None:
    for (screen, language), visit in visits.items():
        where = f"{screen} in {language}"
        if screen in ("attract", "home", "exhibit"):
            assert visit.decorative_shown > 0, f"no decorative picture shown on {where}"
        assert visit.decorative_heard == 0, f"a decorative picture is in the tree on {where}"
        graphics = [n for n in visit.tree if n.role == QAccessible.Role.Graphic]
        assert all(n.name.strip() for n in graphics), f"an unnamed picture on {where}"
        alts = {n.name for n in graphics}
        if screen == "exhibit":
            assert EXHIBIT.cover.alt.get(language) in alts
            assert {s.image.alt.get(language) for s in EXHIBIT.sections if s.image} <= alts
        if screen == "gallery":
            assert EXHIBIT.gallery[1].alt.get(language) in alts


def test_each_new_screen_puts_the_focus_on_its_title(visits: Visits) -> None:
    for (screen, language), visit in visits.items():
        where = f"{screen} in {language}"
        assert visit.focus is not None, f"no accessible focus on {where}"
        assert (visit.focus.role, visit.focus.name) == visit.expected_focus, where
        assert visit.focus_on_screen, f"the focused title is not on screen: {where}"


def test_keys_and_press_actions_work_with_the_focus_on_a_title(kw: KioskWindow) -> None:
    def heard() -> tuple[QAccessible.Role, str] | None:
        with reading(kw) as tree:
            if tree.focus is None:
                return None
            return tree.focus.role(), tree.focus.text(QAccessible.Text.Name)

    heading, button = QAccessible.Role.Heading, QAccessible.Role.Button
    show(kw, "home", "uz")
    assert heard() == (heading, CONTENT.site.title.get("uz"))
    key(kw, Qt.Key.Key_Right)  # the presenter's arrows: the highlighted tile is named
    assert heard() == (button, CONTENT.exhibits[kw.kiosk.nav.place.index].title.get("uz"))
    key(kw, Qt.Key.Key_Right)
    assert heard() == (button, CONTENT.exhibits[kw.kiosk.nav.place.index].title.get("uz"))
    assert kw.kiosk.nav.place.index >= 1
    press(kw, f"tile_{EXHIBIT.id}")
    assert kw.kiosk.nav.place.exhibit_id == EXHIBIT.id
    assert heard() == (heading, EXHIBIT.title.get("uz"))
    key(kw, Qt.Key.Key_Right)  # the title has the focus; the presenter's keys still work
    following = CONTENT.exhibits[CONTENT.exhibits.index(EXHIBIT) + 1]
    assert kw.kiosk.nav.place.exhibit_id == following.id
    assert heard() == (heading, following.title.get("uz"))
    press(kw, "listenButton")  # Listen turns into Stop, and is named so
    assert kw.kiosk.readAloud.speaking
    with reading(kw) as tree:
        (listen,) = [i for i in tree.nodes if i.object().objectName() == "listenButton"]
        assert listen.text(QAccessible.Text.Name) == DEFAULTED_STRINGS["stop_reading"]["uz"]
    press(kw, "listenButton")
    assert not kw.kiosk.readAloud.speaking
    assert heard() == (heading, following.title.get("uz"))
    press(kw, "language_ru")  # the focus stays, and is read in the new language
    assert kw.kiosk.language.code == "ru"
    assert heard() == (heading, following.title.get("ru"))
    press(kw, "backButton")
    assert kw.kiosk.nav.place.screen == "home"
    assert heard() == (heading, CONTENT.site.title.get("ru"))


@pytest.mark.parametrize("language", ["uz", "az", "ru", "en"])
def test_the_staff_corner_is_named_in_the_visitors_language(kw: KioskWindow, language: str) -> None:
    show(kw, "home", language)
    with reading(kw) as tree:
        (corner,) = [i for i in tree.nodes if i.object().objectName() == "staffCorner"]
        heard = (corner.text(QAccessible.Text.Name), corner.text(QAccessible.Text.Description))
    assert heard == (word("staff_corner", language), word("staff_corner_hint", language))
    if language != "en":
        assert heard[0] != "Staff panel" and heard[1] != "Press and hold for three seconds"
    assert all(text.strip() for text in heard)


def every_node(kw: KioskWindow) -> list[tuple[str, bool, tuple[str, ...]]]:
    """The whole tree as Orca gets it, hidden nodes too: (object name, hidden, the
    object names of the item's ancestors) per node."""
    found: list[tuple[str, bool, tuple[str, ...]]] = []
    with accessible_tree(kw, hidden=True) as (_, nodes):
        for child in nodes:
            target = child.object()
            ancestors: list[str] = []
            up = target.parentItem() if isinstance(target, QQuickItem) else None
            while up is not None:
                ancestors.append(up.objectName())
                up = up.parentItem()
            found.append((object_name(child), bool(child.state().invisible), tuple(ancestors)))
    return found


def of_screen(nodes: list[tuple[str, bool, tuple[str, ...]]], screen: str) -> list[str]:
    """The nodes that are items of the screen whose root is named ``screen``."""
    return [name for name, _, ancestors in nodes if screen in ancestors]


def test_a_screen_left_or_covered_leaves_the_readers_tree(kw: KioskWindow) -> None:
    """Hidden is not enough: Orca lists hidden nodes too, so the buttons of the screen
    the visitor left (or the page under the gallery) must not be in the tree at all."""
    show(kw, "home", "uz")
    assert "tile_" + EXHIBIT.id in of_screen(every_node(kw), "home")
    show(kw, "exhibit", "uz")
    on_page = every_node(kw)
    assert "pageTitle" in of_screen(on_page, "exhibitPage")
    assert of_screen(on_page, "home") == []  # home's tiles went with it
    assert all(not hidden for name, hidden, _ in on_page if name.startswith("tile_"))
    kw.kiosk.nav.home()
    settle(kw.window, kw.images)
    assert of_screen(every_node(kw), "exhibitPage") == []
    # the gallery covers the page: none of the page is heard, hidden or not ...
    show(kw, "exhibit", "uz")
    flick = next(i for i in walk(kw.window.contentItem()) if i.objectName() == "exhibitFlick")
    flick.setProperty("contentY", 600.0)
    settle(kw.window, kw.images)
    kw.kiosk.nav.openGallery(1)
    settle(kw.window, kw.images)
    in_gallery = every_node(kw)
    assert "galleryNext" in of_screen(in_gallery, "galleryViewer")
    assert of_screen(in_gallery, "exhibitPage") == []
    assert of_screen(in_gallery, "home") == []
    # ... and the page is back when it closes, where the visitor left it
    kw.kiosk.nav.back()
    settle(kw.window, kw.images)
    back = every_node(kw)
    assert of_screen(back, "galleryViewer") == []
    shown = [name for name, hidden, a in back if "exhibitPage" in a and not hidden]
    assert {"pageTitle", "nextExhibit", "galleryThumb_1"} <= set(shown)
    flick = next(i for i in walk(kw.window.contentItem()) if i.objectName() == "exhibitFlick")
    assert flick.property("contentY") == pytest.approx(600.0)

"""Staff panel: PIN pad with lockout (fake clock), status, actions, taps, screenshots.

Most tests load the panel in a small window built like Main.qml (the same
StaffCorner, the same Loader around StaffPanel, the same Style) where a stand-in
for the visitor views counts the taps and keys that reach it: fast, and nothing
else on screen. One test drives the real window from ``build_window``. Any QML
warning fails the test.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from unittest.mock import Mock

import pytest
import shiboken6
from PySide6.QtCore import (
    QEventLoop,
    QPoint,
    QPointF,
    Qt,
    QTimer,
    QUrl,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtQml import QQmlApplicationEngine, QQmlComponent, QQmlEngine
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from kiosk.content.model import Theme
from kiosk.runtime.pin import PinPad, PinStore
from kiosk.runtime.staff_status import LanguageCompleteness, LanguageShare, StaffStatus, Today
from kiosk.ui.app import MESSAGES, QML_DIR, ensure_application
from kiosk.ui.staff import (
    CHECK_FAILED_MESSAGE,
    CHECKING_MESSAGE,
    EMPTY_STATUS,
    MAX_LINES,
    PROMPT,
    UNSET_MESSAGE,
    Staff,
    StaffActions,
    at_once,
    status_to_qml,
)
from tests import uitools
from tests.factories import make_site
from tests.fakes import FakeClock
from tests.layouttools import scene_rect

PIN = "2468"
SHOTS = os.environ.get("KIOSK_TEST_SHOTS")  # a folder: keep the screenshots for a person

HARNESS = b"""
import QtQuick

Window {
    id: root
    required property var staff
    required property var theme
    property int visitorTaps: 0
    property int visitorKeys: 0
    visible: true
    color: style.background

    Item {
        id: stage
        objectName: "stage"
        anchors.fill: parent
        focus: true
        Keys.onPressed: (event) => { root.visitorKeys += 1; event.accepted = true }
        Component.onCompleted: forceActiveFocus()

        Rectangle {
            objectName: "visitorView"
            anchors.fill: parent
            color: style.background
            TapHandler { onTapped: root.visitorTaps += 1 }
            Text {
                anchors.centerIn: parent
                text: "Visitor screen"
                textFormat: Text.PlainText
                font.pixelSize: style.display
                color: style.ink
            }
        }
        StaffCorner {
            objectName: "staffCorner"
            anchors { right: parent.right; top: parent.top }
            staff: root.staff
            ui: style
            spokenName: "Staff panel"
            spokenHint: "Press and hold for three seconds"
        }
        Loader {
            objectName: "staffLoader"
            anchors.fill: parent
            active: root.staff.open
            sourceComponent: Component { StaffPanel { staff: root.staff; ui: style } }
        }
    }
    Style {
        id: style
        k: Math.max(0.75, Math.min(root.width, root.height) / 1080)
        portrait: root.height > root.width
        theme: root.theme
    }
}
"""

STATUS = StaffStatus(
    mode="kiosk",
    content_version="a1b2c3d",
    loaded_at="2025-05-14 09:12:03",
    errors=(
        "exhibits/people/exhibit.yaml:12:5: missing required field: title",
        "exhibits/history/exhibit.yaml:40:9: image not found: images/x.jpg",
    ),
    warnings=("exhibits/people/exhibit.yaml:20:7: no 'az' translation",),
    cache="38 of 40 renditions ready, 2 failed",
    speech="Reading aloud: off (espeak-ng is not installed)",
    languages=(
        LanguageCompleteness("uz", "Oʻzbekcha", 100),
        LanguageCompleteness("az", "Azərbaycanca", 96),
        LanguageCompleteness("ru", "Русский", 100),
        LanguageCompleteness("en", "English", 88),
    ),
    today=Today(
        sessions=42,
        top_exhibits=("Friendship Museum (31)", "Fuzuli school (22)", "Culture Days (9)"),
        language_shares=(LanguageShare("uz", 45), LanguageShare("ru", 30)),
    ),
)


@dataclass
class Harness:
    """The window and ways to find, read and tap what it shows."""

    window: QQuickWindow
    engine: QQmlApplicationEngine
    staff: Staff

    def settle(self) -> None:
        """Render one frame: Column, Row and Grid place their children while polishing."""
        loop = QEventLoop()
        self.window.frameSwapped.connect(loop.quit)
        QTimer.singleShot(1000, loop.quit)
        self.window.update()
        loop.exec()
        self.window.frameSwapped.disconnect(loop.quit)

    def find_all(self, name: str, under: QQuickItem | None = None) -> list[QQuickItem]:
        """Items by objectName in the visual tree (Loader items and delegates included)."""
        self.settle()
        found, stack = [], [under or self.window.contentItem()]
        while stack:
            item = stack.pop()
            if item.objectName() == name:
                found.append(item)
            stack.extend(reversed(item.childItems()))
        return found

    def find(self, name: str) -> QQuickItem:
        items = self.find_all(name)
        assert len(items) == 1, f"{len(items)} items named {name}"
        return items[0]

    def text(self, name: str) -> str:
        return str(self.find(name).property("text"))

    def shown(self, name: str) -> bool:
        items = self.find_all(name)
        return bool(items) and all(item.isVisible() for item in items)

    def centre(self, item: QQuickItem) -> QPoint:
        assert item.isVisible(), f"{item.objectName()} is hidden"
        return item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()

    def tap(self, name: str) -> None:
        QTest.mouseClick(
            self.window,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            self.centre(self.find(name)),
        )

    def tap_item(self, item: QQuickItem) -> None:
        QTest.mouseClick(
            self.window,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            self.centre(item),
        )

    def type_pin(self, digits: str) -> None:
        for digit in digits:
            self.tap(f"pinKey_{digit}")
        self.tap("pinKey_ok")

    def grab(self, path: Path) -> QImage:
        self.settle()
        image = self.window.grabWindow()
        image.save(str(path))
        if SHOTS:
            Path(SHOTS).mkdir(parents=True, exist_ok=True)
            image.save(str(Path(SHOTS) / path.name))
        return image


@pytest.fixture(scope="session")
def qapp() -> QGuiApplication:
    """The kiosk's own application (software scene graph, Noto Sans), not a widgets one."""
    return ensure_application()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path: Path) -> PinStore:
    store = PinStore(tmp_path / "settings.json")
    store.set_pin(PIN)
    return store


@pytest.fixture
def actions() -> StaffActions:
    return StaffActions(
        status=Mock(return_value=STATUS), reload_now=Mock(), go_attract=Mock(), quit=Mock()
    )


@pytest.fixture
def staff(store: PinStore, clock: FakeClock, actions: StaffActions) -> Iterator[Staff]:
    # the PIN checked in the test's thread: these tests are about the pad's policy; the
    # checking thread has tests of its own below
    staff = Staff(PinPad(store, clock), actions, clock=clock, check=at_once)
    yield staff
    staff.close()


@pytest.fixture
def open_window(qtbot: Any) -> Iterator[Callable[..., Harness]]:
    """Builds harness windows; at the end, any QML warning on the way fails the test."""
    MESSAGES.lines.clear()
    qInstallMessageHandler(MESSAGES.handler)
    built: list[Harness] = []

    def build(staff: Staff, size: tuple[int, int] = (1920, 1080)) -> Harness:
        engine = QQmlApplicationEngine()
        theme = {name: getattr(Theme(), name) for name in Theme.field_names()}
        engine.setInitialProperties(
            {"staff": staff, "theme": theme, "width": size[0], "height": size[1]}
        )
        # A base URL inside the qml folder, so StaffPanel & co. resolve as in Main.qml.
        engine.loadData(HARNESS, QUrl.fromLocalFile(str(QML_DIR / "StaffHarness.qml")))
        roots = engine.rootObjects()
        assert roots, MESSAGES.lines
        window = roots[0]
        assert isinstance(window, QQuickWindow)
        qtbot.waitExposed(window)
        harness = Harness(window, engine, staff)
        built.append(harness)
        return harness

    yield build
    for harness in built:
        harness.staff.close()  # unload the panel while the window is alive
    QTest.qWait(20)
    for harness in built:
        harness.window.close()
        harness.engine.deleteLater()
    QTest.qWait(20)
    assert MESSAGES.lines == []


def wrong(pin: str = "1357") -> str:
    assert pin != PIN
    return pin


# pure: the status shape the QML binds to ---------------------------------------------


def test_the_qml_mapping_has_every_name_the_panel_reads():
    qml = status_to_qml(STATUS)
    assert set(qml) == set(EMPTY_STATUS) == {"rows", "languages", "today"}
    assert qml["languages"] == [
        {"code": "uz", "name": "Oʻzbekcha", "complete": 100},
        {"code": "az", "name": "Azərbaycanca", "complete": 96},
        {"code": "ru", "name": "Русский", "complete": 100},
        {"code": "en", "name": "English", "complete": 88},
    ]
    for row in qml["rows"] + qml["today"]:
        assert set(row) == {"name", "kind", "text", "tone", "indent"}
        assert row["kind"] in ("heading", "line", "problem")
        assert row["tone"] in ("text", "muted", "warning", "error")
    panel = (QML_DIR / "StaffPanel.qml").read_text(encoding="utf-8")
    for name in EMPTY_STATUS:
        assert f"panel.status.{name}" in panel
    colors = (QML_DIR / "StaffColors.qml").read_text(encoding="utf-8")
    for tone in ("text", "muted", "warning", "error"):
        assert f"property color {tone}:" in colors


def test_status_caps_a_flood_of_errors():
    errors = tuple(f"f.yaml:{n}:1: bad" for n in range(MAX_LINES + 50))
    status = status_to_qml(StaffStatus(errors=errors))
    shown = [row["text"] for row in status["rows"] if row["name"] == "statusError"]
    assert len(shown) == MAX_LINES + 1
    assert shown[-1] == "... and 50 more (see the log)"
    [count] = [row["text"] for row in status["rows"] if row["name"] == "errorCount"]
    assert count.startswith(f"{MAX_LINES + 50} errors")


# the pad -----------------------------------------------------------------------------


def test_gesture_opens_the_pad_and_it_asks_for_the_pin(staff, open_window, actions):
    ui = open_window(staff)
    assert not ui.find_all("staffPanel")
    staff.gesture()
    assert staff.open and not staff.unlocked
    assert ui.shown("pinPad") and not ui.find("staffBody").isVisible()
    assert ui.text("pinMessage") == PROMPT
    assert len(ui.find_all("pinKey_0")) == 1
    assert staff.status == EMPTY_STATUS  # nothing behind the pad
    actions.status.assert_not_called()


def test_wrong_pin_shows_the_tries_left(staff, open_window):
    ui = open_window(staff)
    staff.gesture()
    ui.type_pin(wrong())
    assert ui.text("pinMessage") == "Wrong PIN, 4 tries left"
    staff.submitPin(wrong())
    staff.submitPin(wrong())
    staff.submitPin(wrong())
    assert ui.text("pinMessage") == "Wrong PIN, 1 try left"
    assert not staff.unlocked


def test_five_wrong_pins_lock_the_pad_for_a_minute(staff, open_window, clock):
    ui = open_window(staff)
    staff.gesture()
    for _ in range(5):
        staff.submitPin(wrong())
    assert staff.lockedSeconds == 60
    assert ui.text("pinMessage") == "Locked: try again in 60 s"
    assert not ui.find("pinKey_5").property("usable")  # the keys look and act disabled

    clock.advance(18)
    staff.update_lock()  # what the one-second ticker does
    assert ui.text("pinMessage") == "Locked: try again in 42 s"
    staff.submitPin(PIN)  # even the right PIN is refused while locked
    assert not staff.unlocked
    assert ui.text("pinMessage") == "Locked: try again in 42 s"

    staff.close()  # closing and opening again does not lift the lockout
    staff.gesture()
    assert staff.lockedSeconds == 42

    clock.advance(42)
    staff.update_lock()
    assert staff.lockedSeconds == 0
    assert ui.text("pinMessage") == PROMPT
    ui.type_pin(PIN)
    assert staff.unlocked


def test_lockout_countdown_runs_on_its_own_timer(store, clock, actions, open_window, qtbot):
    staff = Staff(PinPad(store, clock), actions, tick_ms=20, check=at_once)
    ui = open_window(staff)
    staff.gesture()
    for _ in range(5):
        staff.submitPin(wrong())
    clock.advance(59.5)
    qtbot.waitUntil(lambda: ui.text("pinMessage") == "Locked: try again in 1 s", timeout=2000)
    clock.advance(1)
    qtbot.waitUntil(lambda: ui.text("pinMessage") == PROMPT, timeout=2000)
    assert ui.find("pinKey_5").property("usable")
    staff.close()


# the PIN checked on its own thread ---------------------------------------------------


class HeldPad(PinPad):
    """A PinPad whose check waits until the test lets it answer: a slow machine's
    scrypt, held as long as the test needs."""

    def __init__(self, store: PinStore, clock: FakeClock, fails: bool = False) -> None:
        super().__init__(store, clock)
        self.go = threading.Event()
        self.fails = fails
        self.threads: list[str] = []

    def attempt(self, pin: str) -> Any:
        self.threads.append(threading.current_thread().name)
        assert self.go.wait(10), "the test never let the check answer"
        if self.fails:
            raise RuntimeError("a bug in the check")
        return super().attempt(pin)


def test_the_pad_keeps_drawing_while_the_pin_is_checked(store, clock, actions, open_window, qtbot):
    pad = HeldPad(store, clock)
    staff = Staff(pad, actions, clock=clock)  # the kiosk's own: a thread for each check
    ui = open_window(staff)
    staff.gesture()
    for digit in PIN:
        ui.tap(f"pinKey_{digit}")
    typed = ui.window.grabWindow()
    ui.tap("pinKey_ok")  # returns while the check is held
    assert staff.checking and not staff.unlocked
    assert pad.threads and pad.threads[0] != threading.main_thread().name

    # frames go on meanwhile: the dots are drawn empty, keys typed now are not taken
    waiting = ui.window.grabWindow()
    dots = ui.find("pinDots")
    first_dot = dots.mapRectToScene(dots.childItems()[0].boundingRect()).center().toPoint()
    assert typed.pixelColor(first_dot) != waiting.pixelColor(first_dot)
    ui.tap("pinKey_7")
    assert dots.property("filled") == 0
    assert ui.text("pinMessage") == PROMPT  # nothing flickers for a quick check
    qtbot.waitUntil(lambda: ui.text("pinMessage") == CHECKING_MESSAGE, timeout=2000)
    assert ui.shown("pinPad") and not ui.find("staffBody").isVisible()

    pad.go.set()
    qtbot.waitUntil(lambda: staff.unlocked, timeout=3000)
    assert not staff.checking
    assert ui.shown("staffBody") and not ui.find("pinPad").isVisible()
    assert ui.text("statusVersion") == "Version: a1b2c3d"


def test_a_pin_answered_after_the_pad_closed_opens_nothing(
    store, clock, actions, open_window, qtbot
):
    pad = HeldPad(store, clock)
    staff = Staff(pad, actions, clock=clock)
    ui = open_window(staff)
    staff.gesture()
    ui.type_pin(PIN)
    assert staff.checking
    staff.close()  # the staff member walked away, or the idle reset closed it
    staff.gesture()  # and someone else holds the corner again before the answer
    pad.go.set()
    qtbot.waitUntil(lambda: not staff.checking, timeout=3000)
    assert staff.open and not staff.unlocked
    assert ui.shown("pinPad") and ui.text("pinMessage") == PROMPT
    actions.status.assert_not_called()  # nothing of the kiosk showed

    ui.type_pin(PIN)  # the pad takes the next PIN as before
    qtbot.waitUntil(lambda: staff.unlocked, timeout=3000)
    assert len(pad.threads) == 2


def test_a_check_that_fails_says_so_and_the_pad_takes_the_next_pin(
    store, clock, actions, open_window, qtbot
):
    pad = HeldPad(store, clock, fails=True)
    pad.go.set()
    staff = Staff(pad, actions, clock=clock)
    ui = open_window(staff)
    staff.gesture()
    ui.type_pin(PIN)
    qtbot.waitUntil(lambda: ui.text("pinMessage") == CHECK_FAILED_MESSAGE, timeout=3000)
    assert not staff.checking and not staff.unlocked
    pad.fails = False
    ui.type_pin(PIN)
    qtbot.waitUntil(lambda: staff.unlocked, timeout=3000)


def test_a_pin_answered_after_the_panel_is_gone_raises_nothing(store, clock, monkeypatch):
    """A quit while a PIN is checked: the window, and the panel with it, go first."""
    raised: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: raised.append(args.exc_value))
    pad = HeldPad(store, clock)
    staff = Staff(pad)
    staff.gesture()
    staff.submitPin(PIN)
    assert staff.checking
    threads = [t for t in threading.enumerate() if t.name == "kiosk-pin-check"]
    assert len(threads) == 1
    shiboken6.delete(staff)
    pad.go.set()
    threads[0].join(5)
    assert not threads[0].is_alive()
    assert raised == []


def test_the_checking_thread_leaves_the_ui_core(monkeypatch, qtbot):
    from kiosk.runtime import cores
    from kiosk.ui.staff import on_a_worker

    seen: list[str] = []
    monkeypatch.setattr(cores, "leave_ui_core", lambda: seen.append("left"))
    done = threading.Event()

    def job() -> None:
        seen.append(threading.current_thread().name)
        done.set()

    on_a_worker(job)
    assert done.wait(5)
    assert seen == ["left", "kiosk-pin-check"]


def test_no_pin_set_says_how_to_set_one(tmp_path, clock, actions, open_window):
    staff = Staff(PinPad(PinStore(tmp_path / "none.json"), clock), actions, check=at_once)
    ui = open_window(staff)
    staff.gesture()
    assert ui.text("pinMessage") == UNSET_MESSAGE
    ui.type_pin("0000")
    assert not staff.unlocked
    assert ui.text("pinMessage") == UNSET_MESSAGE


def test_keypad_works_by_touch_and_shows_dots_only(staff, open_window, qtbot):
    ui = open_window(staff)
    staff.gesture()
    device = QTest.createTouchDevice()
    pad = ui.find("pinPad")

    def touch(name: str) -> None:
        point = ui.centre(ui.find(name))
        QTest.touchEvent(ui.window, device).press(0, point).commit()
        QTest.touchEvent(ui.window, device).release(0, point).commit()
        qtbot.wait(20)

    for digit in "24":
        touch(f"pinKey_{digit}")
    assert ui.find("pinDots").property("filled") == 2
    touch("pinKey_erase")
    assert ui.find("pinDots").property("filled") == 1
    touch("pinKey_4")
    for digit in PIN[2:]:
        touch(f"pinKey_{digit}")
    assert pad.property("entry") == PIN  # held only here, until OK
    assert PIN not in str(staff.message)
    touch("pinKey_ok")
    assert staff.unlocked
    assert ui.shown("staffBody") and not ui.find("pinPad").isVisible()


def test_ok_needs_the_minimum_number_of_digits(staff, open_window, actions):
    ui = open_window(staff)
    staff.gesture()
    ui.type_pin("24")  # OK is disabled below four digits: no attempt is spent
    assert ui.text("pinMessage") == PROMPT
    assert ui.find("pinDots").property("filled") == 2


def test_keys_are_big_at_1080p(staff, open_window):
    ui = open_window(staff)
    staff.gesture()
    for name in ("pinKey_1", "pinKey_erase", "pinKey_ok"):
        key = ui.find(name)
        assert key.width() >= 96 and key.height() >= 96


HOLD_S = 0.25  # the corner's hold in tests: the real three seconds are not waited for


def test_long_press_in_the_corner_opens_the_pad(staff, open_window, qtbot):
    ui = open_window(staff)
    item = ui.find("staffCorner")
    assert item.property("holdSeconds") == 3  # what staff are told: three seconds
    item.setProperty("holdSeconds", HOLD_S)
    corner = ui.centre(item)
    QTest.mouseClick(ui.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, corner)
    qtbot.wait(int(HOLD_S * 1000) + 100)
    assert not staff.open  # a tap is not enough, however long one waits after it
    QTest.mousePress(ui.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, corner)
    qtbot.wait(int(HOLD_S * 1000) // 2)
    assert not staff.open  # half the hold is not enough either
    qtbot.waitUntil(lambda: staff.open, timeout=int(HOLD_S * 1000) + 1500)
    QTest.mouseRelease(ui.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, corner)
    assert ui.shown("pinPad")


def test_the_panel_swallows_taps_and_keys_then_gives_focus_back(staff, open_window, qtbot):
    ui = open_window(staff)
    staff.gesture()
    QTest.mouseClick(
        ui.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(200, 900)
    )
    QTest.keyClick(ui.window, Qt.Key.Key_Right)
    QTest.keyClick(ui.window, Qt.Key.Key_2)  # typed into the pad, not the visitor view
    assert ui.window.property("visitorTaps") == 0
    assert ui.window.property("visitorKeys") == 0
    assert ui.find("pinDots").property("filled") == 1
    QTest.keyClick(ui.window, Qt.Key.Key_Escape)
    assert not staff.open
    qtbot.wait(20)
    QTest.keyClick(ui.window, Qt.Key.Key_Right)
    assert ui.window.property("visitorKeys") == 1


# the unlocked panel --------------------------------------------------------------------


def unlocked(staff: Staff, open_window: Callable[..., Harness], **kw: Any) -> Harness:
    ui = open_window(staff, **kw)
    staff.gesture()
    staff.submitPin(PIN)
    assert staff.unlocked
    return ui


def test_unlocked_panel_shows_the_status(staff, open_window):
    ui = unlocked(staff, open_window)
    assert ui.text("statusVersion") == "Version: a1b2c3d"
    assert ui.text("statusLoadedAt") == "Loaded: 2025-05-14 09:12:03"
    assert ui.text("statusMode") == "Mode: kiosk"
    assert not ui.find_all("statusPending")
    assert [i.property("text") for i in ui.find_all("statusError")] == list(STATUS.errors)
    assert ui.text("errorCount").startswith("2 errors")
    assert [i.property("text") for i in ui.find_all("statusWarning")] == list(STATUS.warnings)
    assert not ui.find_all("statusClean")
    assert ui.text("statusCache") == "38 of 40 renditions ready, 2 failed"
    assert ui.find("statusSpeech").isVisible()
    assert ui.text("statusSpeech") == "Reading aloud: off (espeak-ng is not installed)"
    assert len(ui.find_all("languageRow")) == 4
    assert ui.text("statusSessions") == "42 visitor sessions"
    top = [i.property("text") for i in ui.find_all("topExhibit")]
    assert top == ["1. Friendship Museum (31)", "2. Fuzuli school (22)", "3. Culture Days (9)"]
    assert ui.text("languageShares") == "Languages: uz 45 %,  ru 30 %"
    assert not ui.find("trialNote").isVisible()


def test_refresh_reads_the_status_again(staff, open_window, actions):
    ui = unlocked(staff, open_window)
    actions.status.return_value = replace(STATUS, errors=(), warnings=(), pending="e5f6")
    ui.tap("refreshButton")
    assert ui.find_all("statusError") == []
    assert ui.shown("statusClean")
    assert ui.text("statusPending") == "Waiting to swap in at the attract loop: e5f6"


def test_a_failing_status_still_leaves_the_actions(staff, open_window, actions):
    actions.status.side_effect = RuntimeError("database is locked")
    ui = unlocked(staff, open_window)
    assert ui.text("statusError") == "status unavailable: database is locked"
    ui.tap("reloadButton")
    actions.reload_now.assert_called_once()


def test_reload_keeps_the_panel_open(staff, open_window, actions):
    ui = unlocked(staff, open_window)
    actions.status.reset_mock()
    ui.tap("reloadButton")
    actions.reload_now.assert_called_once()
    actions.status.assert_called_once()
    assert staff.unlocked
    assert ui.text("panelMessage") == "Reload requested"


def test_return_to_attract_closes_the_panel(staff, open_window, actions):
    ui = unlocked(staff, open_window)
    ui.tap("attractButton")
    actions.go_attract.assert_called_once()
    assert not staff.open and not staff.unlocked
    assert not ui.find_all("staffPanel")


def test_quit_needs_a_confirming_tap(staff, open_window, actions):
    ui = unlocked(staff, open_window)
    ui.tap("quitButton")
    actions.quit.assert_not_called()
    assert ui.shown("quitConfirmRow") and not ui.find("quitButton").isVisible()
    ui.tap("quitCancelButton")
    assert ui.shown("quitButton")
    ui.tap("quitButton")
    ui.tap("quitConfirmButton")
    actions.quit.assert_called_once()


def test_actions_are_refused_while_locked(staff, actions):
    staff.gesture()
    staff.reloadNow()
    staff.returnToAttract()
    staff.quit()
    actions.reload_now.assert_not_called()
    actions.go_attract.assert_not_called()
    actions.quit.assert_not_called()


def test_closing_locks_again(staff, open_window, actions):
    ui = unlocked(staff, open_window)
    ui.tap("closeButton")
    assert not staff.open and not staff.unlocked
    assert staff.status == EMPTY_STATUS
    staff.gesture()
    assert ui.shown("pinPad")
    assert ui.text("pinMessage") == PROMPT


def test_an_unattended_panel_closes_itself(store, clock, actions, open_window, qtbot):
    staff = Staff(PinPad(store, clock), actions, auto_close_ms=150, check=at_once)
    unlocked(staff, open_window)
    qtbot.waitUntil(lambda: not staff.open, timeout=2000)
    assert not staff.unlocked


def test_trial_mode_opens_the_panel_without_a_pin(actions, open_window):
    staff = Staff(None, actions)
    ui = open_window(staff)
    staff.gesture()
    assert staff.unlocked
    assert ui.shown("trialNote")
    assert "trial mode" in ui.text("trialNote")
    assert ui.text("statusVersion") == "Version: a1b2c3d"
    staff.close()


# looking at it ---------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_screenshots_pad_and_panel(staff, open_window, tmp_path, size, qtbot):
    ui = open_window(staff, size=size)
    staff.gesture()
    for digit in "24":
        ui.tap(f"pinKey_{digit}")
    qtbot.wait(50)
    name = f"{size[0]}x{size[1]}"
    pad = ui.grab(tmp_path / f"staff-pad-{name}.png")
    assert (pad.width(), pad.height()) == size
    key = ui.find("pinKey_5")
    corner = key.mapToScene(QPointF(4, key.height() / 2)).toPoint()
    assert pad.pixelColor(corner) != pad.pixelColor(QPoint(10, size[1] - 10))  # keys are drawn

    staff.gesture()
    staff.submitPin(PIN)
    qtbot.wait(50)
    panel = ui.grab(tmp_path / f"staff-panel-{name}.png")
    colours = {panel.pixel(x, y) for x in range(0, size[0], 37) for y in range(0, size[1], 41)}
    assert len(colours) > 10  # text, buttons and bars, not a blank overlay

    # nothing overlaps: the status area and the action buttons sit side by side or stacked
    flick, actions_column = ui.find("statusFlick"), ui.find("sideFlick")
    f = flick.mapRectToScene(flick.boundingRect())
    a = actions_column.mapRectToScene(actions_column.boundingRect())
    assert not f.intersects(a)
    assert a.right() <= size[0] and a.bottom() <= size[1]
    today = ui.find("todaySection")
    t = today.mapRectToScene(today.boundingRect())
    if size[0] > size[1]:  # today's numbers at a glance, beside the scrolling status
        assert a.contains(t) and t.bottom() <= size[1] - 48
    else:
        assert f.contains(t.topLeft())
    for name_ in ("reloadButton", "attractButton", "quitButton"):
        [label] = ui.find_all("buttonLabel", under=ui.find(name_))
        assert label.property("lineCount") == 1, name_


# the real window ---------------------------------------------------------------------------


def test_in_the_real_window(store, clock, actions, tmp_path, rendition_cache, qtbot):
    """Long press on the real corner above the home screen, PIN by touch, keys handed back."""
    MESSAGES.lines.clear()
    staff = Staff(PinPad(store, clock), actions)  # build_window makes the window its parent
    content = uitools.load(make_site(tmp_path / "exhibits"))
    with uitools.open_window(content, rendition_cache, staff=staff) as kw:
        corner_item = uitools.item(kw, "staffCorner")
        assert corner_item.property("holdSeconds") == 3
        corner_item.setProperty("holdSeconds", HOLD_S)
        corner = uitools.centre(corner_item)
        QTest.mousePress(
            kw.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, corner
        )
        qtbot.waitUntil(lambda: staff.open, timeout=int(HOLD_S * 1000) + 1500)
        QTest.mouseRelease(
            kw.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, corner
        )
        assert staff.open
        for digit in PIN:
            uitools.tap(kw, uitools.item(kw, f"pinKey_{digit}"))
        uitools.tap(kw, uitools.item(kw, "pinKey_ok"))
        qtbot.waitUntil(lambda: staff.unlocked, timeout=3000)  # checked on its thread
        assert uitools.item(kw, "statusVersion").property("text") == "Version: a1b2c3d"
        uitools.tap(kw, uitools.item(kw, "attractButton"))
        actions.go_attract.assert_called_once()
        assert not uitools.items(kw, "staffPanel")
        # keyboard works again: the focus is back on the screen's title, keys go on up
        # to the stage
        focus = kw.window.activeFocusItem()
        assert focus is not None and focus.objectName() == "siteTitle"
        while focus is not None and focus.objectName() != "stage":
            focus = focus.parentItem()
        assert focus is not None
    assert MESSAGES.lines == []


def _scene_y(item: QQuickItem) -> float:
    return item.mapToScene(QPointF(0, 0)).y()


def test_a_status_message_does_not_move_the_buttons(staff, open_window, actions):
    ui = unlocked(staff, open_window)
    before = {name: _scene_y(ui.find(name)) for name in ("reloadButton", "quitButton")}
    version_before = _scene_y(ui.find("statusVersion"))
    ui.tap("reloadButton")
    assert ui.shown("panelMessage") and ui.text("panelMessage") == "Reload requested"
    message = ui.find("panelMessage")
    assert message.height() > 10
    assert {name: _scene_y(ui.find(name)) for name in before} == before
    assert _scene_y(ui.find("statusVersion")) == version_before
    # the line lies above the buttons and the status, not over them
    assert _scene_y(message) + message.height() <= min(*before.values(), version_before)


def test_really_quit_is_red_and_counts_down_before_it_goes_away(staff, open_window, actions, clock):
    ui = unlocked(staff, open_window)
    ui.tap("quitButton")
    button = ui.find("quitConfirmButton")
    assert button.property("text") == "Really quit (8)"
    ui.settle()
    image = ui.window.grabWindow()
    corner = button.mapToScene(QPointF(button.width() / 2, 6)).toPoint()
    colour = image.pixelColor(corner)
    assert colour.red() > 150 and colour.green() < 80 and colour.blue() < 80  # red, not teal
    seen: list[str] = []
    while ui.shown("quitConfirmRow") and len(seen) < 20:
        seen.append(ui.find("quitConfirmButton").property("text"))
        clock.advance(1)
        staff.update_quit()  # what the one-second ticker does
    assert seen == [f"Really quit ({n})" for n in range(8, 0, -1)]
    assert ui.shown("quitButton") and not ui.shown("quitConfirmRow")
    actions.quit.assert_not_called()


BUSY_DAY = replace(
    STATUS,
    today=Today(
        sessions=1234,
        top_exhibits=(
            "Azerbaijan - Uzbekistan Friendship Museum (310)",
            "Mirzo Ulugbek School in Fuzuli (220)",
            "Uzbek and Azerbaijani Culture Days (90)",
        ),
        language_shares=(
            LanguageShare("uz", 63),
            LanguageShare("ru", 20),
            LanguageShare("az", 10),
            LanguageShare("en", 7),
        ),
    ),
)


def _scene_rect(item: QQuickItem) -> Any:
    return item.mapRectToScene(item.boundingRect())


@pytest.mark.parametrize(
    "size", [(1920, 1080), (1280, 800), (1080, 1920)], ids=["landscape", "laptop", "portrait"]
)
def test_no_status_line_is_cut_without_a_cue(store, clock, open_window, tmp_path, size):
    """Today's last line ("Languages: uz 63 %, ...") shows whole; where the status list
    is longer than its column, a cue says so and scrolls it."""
    busy = StaffActions(
        status=Mock(return_value=BUSY_DAY), reload_now=Mock(), go_attract=Mock(), quit=Mock()
    )
    staff = Staff(PinPad(store, clock), busy, clock=clock, check=at_once)
    ui = unlocked(staff, open_window, size=size)
    ui.settle()
    ui.grab(tmp_path / f"staff-busy-{size[0]}x{size[1]}.png")
    window = ui.window.contentItem().boundingRect()
    [shares] = ui.find_all("languageShares")
    flick = shares.parentItem()
    while flick.objectName() not in ("statusFlick", "sideFlick"):
        flick = flick.parentItem()
    seen = _scene_rect(flick)
    if size[0] > size[1]:
        # beside the actions only where it fits whole, else at the end of the status list
        side = ui.find("sideFlick")
        assert (
            flick.objectName() == "statusFlick" or side.property("contentHeight") <= side.height()
        )
    for name in ("statusFlick", "sideFlick"):
        column = ui.find(name)
        overflow = column.property("contentHeight") - column.height() > 1
        cues = [c for c in ui.find_all(f"{name}More") if c.isVisible()]
        [label] = ui.find_all(f"{name}MoreLabel")
        if not overflow:
            assert not cues, name
            # not laid out while hidden: its "▾" would load a second font for nothing
            assert label.property("text") == "", name
            continue
        [cue] = cues
        assert label.property("text") == "More below \u25be", name
        rect = _scene_rect(cue)
        assert window.contains(rect) and _scene_rect(column).contains(rect) and rect.height() >= 24
        before = column.property("contentY")
        ui.tap_item(cue)
        ui.settle()
        assert column.property("contentY") > before, name
        column.setProperty("contentY", column.property("contentHeight") - column.height())
        ui.settle()
        assert not cue.isVisible(), name
        assert label.property("text") == "", name
    # the line itself: whole, inside its column and the window, once scrolled to it
    flick.setProperty("contentY", max(0, flick.property("contentHeight") - flick.height()))
    ui.settle()
    line = _scene_rect(shares)
    assert window.contains(line) and _scene_rect(flick).contains(line), (line, seen)
    assert shares.property("lineCount") >= 1 and shares.height() > 10


CUE = b"""
import QtQuick

Item {
    width: 600
    height: 400
    Flickable {
        id: flick
        objectName: "flick"
        width: 600
        height: 0  // not laid out yet, as while the panel is being made
        contentHeight: 1000
    }
    StaffMoreCue {
        objectName: "cue"
        ui: ({ k: 1, body: 28, gap: 24, target: 64 })
        colors: StaffColors {}
        flick: flick
    }
}
"""


@pytest.mark.usefixtures("qapp")
def test_the_more_cue_is_written_only_while_it_shows() -> None:
    """The bundled font has no "▾": laying the cue out loads a second font, kept for
    good. While the panel is being made its columns have no height yet, and a cue
    that was "more" for that moment loaded it for a panel that fits."""
    MESSAGES.lines.clear()
    engine = QQmlEngine()
    component = QQmlComponent(engine)
    component.setData(CUE, QUrl.fromLocalFile(str(QML_DIR / "CueHarness.qml")))
    root = component.create()
    assert root is not None, component.errorString()
    cue = root.findChild(QQuickItem, "cue")
    flick = root.findChild(QQuickItem, "flick")
    label = root.findChild(QQuickItem, "cueLabel")
    assert cue is not None and flick is not None and label is not None
    assert not cue.property("more")
    assert label.property("text") == "", "written for a column with no height yet"
    flick.setHeight(300)
    assert cue.property("more") and cue.isVisible()
    assert label.property("text") == "More below \u25be"
    flick.setProperty("contentY", 700)
    assert not cue.property("more")
    assert label.property("text") == ""
    root.deleteLater()
    engine.deleteLater()
    assert MESSAGES.lines == []


def test_the_panels_rows_take_the_fonts_own_regular_weight_and_headings_its_bold(
    staff, open_window
):
    """A regular row sets no weight axis: the bundled font's default instance is its
    regular weight, and an axis set to 400 outright would make Qt open the font a
    second time (its shaping tables copied again, about 0.4 MB kept for good)."""
    ui = unlocked(staff, open_window)
    regular = [ui.find("statusVersion"), ui.find("statusMode"), *ui.find_all("statusError")]
    headings = [ui.find(name) for name in ("headingContent", "headingLastreload")]
    for row in regular:
        assert row.isVisible() and row.width() > 0
        assert row.property("font").variableAxisTags() == [], row.objectName()
    for row in headings:
        font = row.property("font")
        assert row.isVisible() and [t.toString() for t in font.variableAxisTags()] == ["wght"]
        assert font.variableAxisValue(font.variableAxisTags()[0]) == 700


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_todays_heading_has_the_room_above_it_every_section_has(staff, open_window, size):
    """Stacked under the languages' bars (a tall screen), "Today" is a section like the
    ones above it, with as much room above its heading; beside the actions (a wide one)
    it heads its own column."""
    ui = unlocked(staff, open_window, size=size)

    def text_top(item: QQuickItem) -> float:
        return item.mapToScene(QPointF(0, item.property("topPadding"))).y()

    def bottom(item: QQuickItem) -> float:
        return scene_rect(item).bottom()

    above_languages = text_top(ui.find("headingLanguages")) - bottom(ui.find("statusSpeech"))
    today = ui.find("headingToday")
    assert today.isVisible() and today.height() > 0
    if size[0] > size[1]:
        assert today.property("topPadding") == 0
        return
    last_bar = ui.find_all("languageRow")[-1]
    above_today = text_top(today) - bottom(last_bar)
    assert above_languages > 10
    assert abs(above_today - above_languages) <= 2, (above_today, above_languages)

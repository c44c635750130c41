"""The staff panel's bridge: PIN pad, content status and the few actions staff need.

Every decision lives here or in ``kiosk.runtime.pin.PinPad``: whether a PIN opens
the panel, how long the pad stays locked, which actions are allowed. The QML only
draws: it collects digits (the PIN is held transiently in ``PinPad.qml`` and
passed once to ``submitPin``) and shows ``message``, ``lockedSeconds`` and
``status``.

The PIN is checked on a worker thread (``on_a_worker``): its scrypt hash is slow on
purpose (about 40-60 ms here, more on a small machine) and releases Python's lock, so
the pad keeps drawing while it runs. The answer comes back to the UI thread as a
queued signal; one that arrives after the pad was closed opens nothing.

The wiring supplies a ``StaffActions``. Its ``status()`` returns a
``kiosk.runtime.staff_status.StaffStatus`` (its fields are documented there), and
``status_to_qml`` is the one place it becomes the mapping the QML binds to. While
the panel is locked ``status`` is empty: nothing of the kiosk shows behind the pad.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from kiosk.runtime.pin import LOCKED, MAX_DIGITS, MIN_DIGITS, OK, UNSET, PinPad, PinResult
from kiosk.runtime.staff_panel import QuitConfirmation, status_rows, today_rows
from kiosk.ui.props import shown

if TYPE_CHECKING:
    # Imported when staff look, not at start: its dataclasses cost ~10 ms to create.
    from kiosk.runtime.staff_status import StaffStatus

log = logging.getLogger("kiosk.staff")

MAX_LINES = 200  # errors or warnings shown; a broken folder can produce thousands
AUTO_CLOSE_MS = 120_000  # an unlocked panel left alone on a public screen closes itself
TICK_MS = 1000

PROMPT = "Enter the staff PIN"
CHECKING_MESSAGE = "Checking the PIN..."
CHECKING_SHOWN_MS = 250  # a quicker check shows no message: nothing flickers
CHECK_FAILED_MESSAGE = "The PIN could not be checked: see the log"
UNSET_MESSAGE = "No PIN is set: run `kiosk set-pin` on this machine"


@dataclass
class StaffActions:
    """What the panel can make the kiosk do; the wiring supplies these."""

    status: Callable[[], StaffStatus]  # built when the panel shows it
    reload_now: Callable[[], None]
    go_attract: Callable[[], None]
    quit: Callable[[], None]


# While the panel is locked: the same shape, nothing of the kiosk in it.
EMPTY_STATUS: dict[str, list[Any]] = {"rows": [], "languages": [], "today": []}


def status_to_qml(status: StaffStatus) -> dict[str, list[Any]]:
    """The status as StaffPanel.qml lays it out: the status rows (words and tones
    decided in ``kiosk.runtime.staff_panel``), the language bars, today's rows; long
    problem lists are cut."""
    rows = status_rows(status, _lines(status.errors), _lines(status.warnings))
    return {
        "rows": [row.to_qml() for row in rows],
        "languages": [
            {"code": lang.code, "name": lang.name, "complete": lang.complete}
            for lang in status.languages
        ],
        "today": [row.to_qml() for row in today_rows(status.today)],
    }


def _lines(lines: tuple[str, ...]) -> list[str]:
    if len(lines) <= MAX_LINES:
        return list(lines)
    hidden = len(lines) - MAX_LINES
    return [*lines[:MAX_LINES], f"... and {hidden} more (see the log)"]


def _no_status() -> StaffStatus:
    from kiosk.runtime.staff_status import StaffStatus

    return StaffStatus()


def _nothing() -> None:
    """Stands in for staff actions where there is no running kiosk (render, tests)."""


def on_a_worker(job: Callable[[], None]) -> None:
    """Run ``job`` on a thread of its own, off the UI thread's core."""
    from kiosk.runtime import cores

    cores.start_worker(job, "kiosk-pin-check")


def at_once(job: Callable[[], None]) -> None:
    """Run ``job`` in the caller's thread (tests of the pad's policy)."""
    job()


def wrong_message(remaining: int) -> str:
    return f"Wrong PIN, {remaining} {'try' if remaining == 1 else 'tries'} left"


def locked_message(seconds: int) -> str:
    return f"Locked: try again in {seconds} s"


TRIAL_NOTE = "No PIN (trial mode): anyone can open this panel"
PRESENTATION_NOTE = "No PIN outside kiosk mode: anyone at this window can open this panel"


class Staff(QObject):
    """The pad and the panel. ``pinpad=None``: the panel opens without a PIN (the
    ``--no-pin`` trial, and every mode but kiosk); ``no_pin_note`` says which."""

    openChanged = Signal()
    unlockedChanged = Signal()
    messageChanged = Signal()
    lockedSecondsChanged = Signal()
    statusChanged = Signal()
    quitChanged = Signal()
    checkingChanged = Signal()
    _checked = Signal(object)  # (visit, PinResult or None), from the checking thread

    def __init__(
        self,
        pinpad: PinPad | None,
        actions: StaffActions | None = None,
        parent: QObject | None = None,
        *,
        auto_close_ms: int = AUTO_CLOSE_MS,
        tick_ms: int = TICK_MS,
        no_pin_note: str = TRIAL_NOTE,
        clock: Callable[[], float] = time.monotonic,
        check: Callable[[Callable[[], None]], None] = on_a_worker,
    ) -> None:
        super().__init__(parent)
        self._pinpad = pinpad
        self._check = check
        self._checking = False
        self._visit = 0  # counts the pad's openings: an answer for an earlier one is old
        self._checked.connect(self._take_answer)  # queued from the worker, direct at_once
        self._slow_check = QTimer(self)
        self._slow_check.setSingleShot(True)
        self._slow_check.setInterval(CHECKING_SHOWN_MS)
        self._slow_check.timeout.connect(self._say_checking)
        self._no_pin_note = no_pin_note
        self._actions = actions or StaffActions(
            status=_no_status, reload_now=_nothing, go_attract=_nothing, quit=_nothing
        )
        self._open = False
        self._unlocked = False
        self._message = ""
        self._locked_seconds = 0
        self._status: dict[str, list[Any]] = EMPTY_STATUS  # filled when unlocked
        self._quit = QuitConfirmation(clock)
        self._quit_seen = (False, "")  # what QML last got: asking, label
        self._quit_ticker = QTimer(self)
        self._quit_ticker.setInterval(tick_ms)
        self._quit_ticker.timeout.connect(self.update_quit)
        # Counts the lockout down on screen; PinPad alone decides when it ends.
        self._ticker = QTimer(self)
        self._ticker.setInterval(tick_ms)
        self._ticker.timeout.connect(self.update_lock)
        self._auto_close = QTimer(self)
        self._auto_close.setSingleShot(True)
        self._auto_close.setInterval(auto_close_ms)
        self._auto_close.timeout.connect(self._close_idle)

    def set_actions(self, actions: StaffActions) -> None:
        """The kiosk's actions, once it is built: the window, and so the panel, comes first."""
        self._actions = actions

    # properties ----------------------------------------------------------------------

    open = shown(bool, "_open", openChanged)
    unlocked = shown(bool, "_unlocked", unlockedChanged)
    message = shown(str, "_message", messageChanged)
    lockedSeconds = shown(int, "_locked_seconds", lockedSecondsChanged)
    status = shown(dict, "_status", statusChanged)
    quitAsking = shown(bool, lambda self: self._quit_seen[0], quitChanged)
    quitLabel = shown(str, lambda self: self._quit_seen[1], quitChanged)
    checking = shown(bool, "_checking", checkingChanged)
    trialMode = shown(bool, lambda self: self._pinpad is None)
    noPinNote = shown(str, "_no_pin_note")
    minDigits = shown(int, lambda self: MIN_DIGITS)
    maxDigits = shown(int, lambda self: MAX_DIGITS)

    # state changes -------------------------------------------------------------------

    def _set_open(self, value: bool) -> None:
        if value != self._open:
            self._open = value
            self.openChanged.emit()

    def _set_unlocked(self, value: bool) -> None:
        if value != self._unlocked:
            self._unlocked = value
            self.unlockedChanged.emit()
        if value:
            self.refresh()
        elif self._status is not EMPTY_STATUS:
            self._status = EMPTY_STATUS  # nothing of the kiosk shows behind the pad
            self.statusChanged.emit()
        if not value:
            self._quit.cancel()
            self.update_quit()

    def _set_checking(self, value: bool) -> None:
        if value != self._checking:
            self._checking = value
            self.checkingChanged.emit()

    def _set_message(self, text: str) -> None:
        if text != self._message:
            self._message = text
            self.messageChanged.emit()

    def _set_locked_seconds(self, seconds: int) -> None:
        if seconds != self._locked_seconds:
            self._locked_seconds = seconds
            self.lockedSecondsChanged.emit()

    def _lock_message(self) -> str:
        """The pad's idle line: locked countdown, missing PIN, or the prompt."""
        if self._locked_seconds:
            return locked_message(self._locked_seconds)
        if self._checking:
            return CHECKING_MESSAGE
        if self._pinpad is not None and not self._pinpad.store.is_set():
            return UNSET_MESSAGE
        return PROMPT

    @Slot()
    def update_lock(self) -> None:
        """Ask the PinPad how long it stays locked; the ticker calls this every second."""
        if self._checking:
            return  # the checking thread has the PinPad; its answer updates the lock
        seconds = math.ceil(self._pinpad.seconds_locked()) if self._pinpad else 0
        was_locked = self._locked_seconds > 0
        self._set_locked_seconds(seconds)
        if seconds and self._open and not self._unlocked:
            self._set_message(locked_message(seconds))
            if not self._ticker.isActive():
                self._ticker.start()
            return
        self._ticker.stop()
        if was_locked and self._open and not self._unlocked:
            self._set_message(self._lock_message())

    # slots ---------------------------------------------------------------------------

    @Slot()
    def gesture(self) -> None:
        """The hidden corner was held: show the pad, locked again every time."""
        log.info("staff gesture")
        self._visit += 1
        self._set_unlocked(False)
        self._set_open(True)
        self._auto_close.start()
        if self._pinpad is None:
            self._set_message("")
            self._set_unlocked(True)
            return
        self.update_lock()
        self._set_message(self._lock_message())

    @Slot(str)
    def submitPin(self, pin: str) -> None:
        """Check ``pin`` on the worker; the answer comes to ``_take_answer``. Ignored
        while an earlier PIN is being checked."""
        if not self._open or self._unlocked or self._pinpad is None or self._checking:
            return
        self._auto_close.start()
        self._set_checking(True)
        self._slow_check.start()
        pinpad, visit = self._pinpad, self._visit

        def check() -> None:
            try:
                result: PinResult | None = pinpad.attempt(pin)
            except Exception:  # a bug must not leave the pad checking for ever
                log.exception("staff PIN check failed")
                result = None
            try:
                self._checked.emit((visit, result))
            except RuntimeError:  # the panel went with its window (a quit) meanwhile
                log.info("staff PIN answered after the panel was gone")

        self._check(check)

    def _say_checking(self) -> None:
        if self._checking and self._open and not self._unlocked:
            self._set_message(CHECKING_MESSAGE)

    @Slot(object)
    def _take_answer(self, answer: tuple[int, PinResult | None]) -> None:
        visit, result = answer
        self._slow_check.stop()
        self._set_checking(False)
        if visit != self._visit or not self._open or self._unlocked:
            log.info("staff PIN answered after the pad closed: nothing opens")
            if self._open and not self._unlocked:
                self.update_lock()
                self._set_message(self._lock_message())
            return
        if result is None:
            self._set_message(CHECK_FAILED_MESSAGE)
        elif result.status == OK:
            self._set_message("")
            self._set_locked_seconds(0)
            self._set_unlocked(True)
        elif result.status == LOCKED:
            self.update_lock()
        elif result.status == UNSET:
            self._set_message(UNSET_MESSAGE)
        else:
            self._set_message(wrong_message(result.remaining_tries))

    @Slot()
    def activity(self) -> None:
        """A staff touch on the pad or panel: postpone the automatic close."""
        if self._open:
            self._auto_close.start()

    @Slot()
    def close(self) -> None:
        """Hide the pad or panel; the next gesture asks for the PIN again."""
        self._visit += 1
        self._auto_close.stop()
        self._ticker.stop()
        self._slow_check.stop()
        self._set_unlocked(False)
        self._set_message("")
        self._set_open(False)

    def _close_idle(self) -> None:
        seconds = self._auto_close.interval() // 1000
        log.info("staff panel closed after %d s without a touch", seconds)
        self.close()

    @Slot()
    def refresh(self) -> None:
        """Read the status again (the controller may also call this after a reload)."""
        if not self._unlocked:
            return
        try:
            status = status_to_qml(self._actions.status())
        except Exception as error:  # a status bug must not hide the panel's actions
            log.exception("staff status failed")
            from kiosk.runtime.staff_status import StaffStatus

            status = status_to_qml(StaffStatus(errors=(f"status unavailable: {error}",)))
        if status != self._status:
            self._status = status
            self.statusChanged.emit()

    def _allowed(self, name: str) -> bool:
        if self._open and self._unlocked:
            return True
        log.warning("staff action %s refused: panel not unlocked", name)
        return False

    def _call(self, name: str, action: Callable[[], None]) -> bool:
        """Run one staff action; a failure is logged and shown, never raised into Qt."""
        log.info("staff action: %s", name)
        try:
            action()
        except Exception as error:
            log.exception("staff action %s failed", name)
            self._set_message(f"{name} failed: {error}")
            return False
        return True

    @Slot()
    def reloadNow(self) -> None:
        if self._allowed("reload") and self._call("Reload", self._actions.reload_now):
            self._auto_close.start()
            self._set_message("Reload requested")
            self.refresh()

    @Slot()
    def returnToAttract(self) -> None:
        if self._allowed("attract"):
            self.close()
            self._call("Return to attract", self._actions.go_attract)

    @Slot()
    def quit(self) -> None:
        """Quit the kiosk, no question asked (the panel's button goes through
        ``askQuit`` and ``confirmQuit``)."""
        if self._allowed("quit"):
            self._call("Quit", self._actions.quit)

    @Slot()
    def askQuit(self) -> None:
        """Quit was tapped: ask once more, with a countdown on the confirming button."""
        if self._allowed("quit"):
            self._auto_close.start()
            self._quit.ask()
            self.update_quit()

    @Slot()
    def cancelQuit(self) -> None:
        self._quit.cancel()
        self.update_quit()

    @Slot()
    def confirmQuit(self) -> None:
        """The confirming tap: quits only while the question is still on screen."""
        confirmed = self._quit.confirm()
        self.update_quit()
        if confirmed:
            self.quit()

    @Slot()
    def update_quit(self) -> None:
        """Bring QML up to date with the confirmation (the ticker calls this)."""
        asking = self._quit.asking
        seen = (asking, self._quit.label if asking else "")
        if asking and not self._quit_ticker.isActive():
            self._quit_ticker.start()
        elif not asking:
            self._quit_ticker.stop()
        if seen != self._quit_seen:
            self._quit_seen = seen
            self.quitChanged.emit()

"""The visitor session and idle timeout as a pure state machine.

The UI turns every visitor input into ``touch()`` / ``pointer_down()`` /
``pointer_up()`` and calls ``tick()`` from a timer (every 250 ms is plenty).
Time comes from an injected clock, so every timeout is testable without waiting.
Listeners receive ``IdleEvent`` objects; the UI reacts (show the "still there?"
countdown, go back to the attract loop) and analytics records sessions.
"""

from __future__ import annotations

import enum
import logging
import time
from collections.abc import Callable

from kiosk.content.model import IdleSettings
from kiosk.content.records import Record, record
from kiosk.runtime.listeners import Listeners

log = logging.getLogger("kiosk.idle")

Clock = Callable[[], float]


class IdleState(enum.Enum):
    ATTRACT = "attract"  # nobody there: the attract loop runs
    VISITING = "visiting"  # a session is on
    STILL_THERE = "still_there"  # quiet too long: the countdown shows


SESSION_START = "session_start"
STILL_THERE = "still_there"
ANSWERED = "answered"
RESET = "reset"


@record
class IdleEvent(Record):
    """A change of idle state, for the UI and analytics."""

    kind: str  # SESSION_START, STILL_THERE, ANSWERED or RESET
    reason: str  # "touch", "quiet", "timeout", "staff", ...
    at: float  # clock time of the transition
    state: IdleState  # the state after the transition
    session_s: float | None = None  # on RESET: how long the session lasted
    # On RESET: seconds since the last visitor input (for a timeout, the quiet wait plus
    # the countdown): time nobody touched, which analytics do not count as a visit.
    quiet_s: float | None = None


Listener = Callable[[IdleEvent], None]


class IdleMachine:
    """ATTRACT -> VISITING -> STILL_THERE -> ATTRACT, driven by touches and ticks.

    While a finger is on the screen (``pointer_down`` without ``pointer_up``) no
    timeout fires: a visitor reading with a finger resting on the glass, or a long
    drag, is still there. A pointer held longer than ``max_hold_s`` is treated as
    stuck (a lost release event, a leaning object) so an unattended kiosk still
    returns to attract eventually.
    """

    def __init__(
        self,
        settings: IdleSettings | None = None,
        clock: Clock = time.monotonic,
        *,
        max_hold_s: float = 600.0,
    ) -> None:
        self.settings = settings or IdleSettings()
        self._listeners: Listeners[IdleEvent] = Listeners(log, "idle")
        self._clock = clock
        self._max_hold_s = max_hold_s
        self._state = IdleState.ATTRACT
        now = clock()
        self._last_input = now
        self._countdown_from = now
        self._session_from = now
        self._pointers = 0
        self._pointer_since = now

    @property
    def state(self) -> IdleState:
        return self._state

    @property
    def quiet_s(self) -> float:
        """Seconds since the last visitor input: at a shutdown, the part of an open
        session that nobody touched."""
        return max(0.0, self._clock() - self._last_input)

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """``listener`` gets every ``IdleEvent``; one that raises is logged, and the
        others and the reset still happen."""
        return self._listeners.subscribe(listener)

    def set_settings(self, settings: IdleSettings) -> None:
        """New timings (a content reload); they apply from the next tick."""
        self.settings = settings

    # Visitor input

    def touch(self) -> None:
        """Any visitor input: a tap, a key, a swipe step."""
        now = self._clock()
        self._last_input = now
        if self._state is IdleState.ATTRACT:
            self._session_from = now
            self._enter(IdleState.VISITING, SESSION_START, "touch", now)
        elif self._state is IdleState.STILL_THERE:
            self._enter(IdleState.VISITING, ANSWERED, "touch", now)

    def pointer_down(self) -> None:
        """A finger (or the mouse button) went down; counts as input."""
        if self._pointers == 0:
            self._pointer_since = self._clock()
        self._pointers += 1
        self.touch()

    def pointer_up(self) -> None:
        """A finger lifted: the quiet time starts again from now."""
        self._pointers = max(0, self._pointers - 1)
        self.touch()

    def touch_active(self, active: bool) -> None:
        """Whether any finger is on the screen, for a UI that tracks that itself."""
        if active and self._pointers == 0:
            self.pointer_down()
        elif not active and self._pointers:
            self._pointers = 1
            self.pointer_up()

    @property
    def pointer_held(self) -> bool:
        return self._pointers > 0

    # Time

    def tick(self) -> None:
        """Let time pass: fires the countdown and the reset when they are due."""
        now = self._clock()
        if self._pointers and now - self._pointer_since < self._max_hold_s:
            return
        if self._pointers:
            log.warning(
                "pointer held for %.0f s: treating it as released", now - self._pointer_since
            )
            self._pointers = 0  # the quiet time counts from when it went down
        if self._state is IdleState.VISITING:
            if now - self._last_input >= self.settings.still_there_after_s:
                self._countdown_from = now
                self._enter(IdleState.STILL_THERE, STILL_THERE, "quiet", now)
        elif (
            self._state is IdleState.STILL_THERE
            and now - self._countdown_from >= self.settings.countdown_s
        ):
            self._reset("timeout", now)

    def seconds_left(self) -> float:
        """Seconds of countdown left (0 when no countdown shows); the UI rounds up."""
        if self._state is not IdleState.STILL_THERE:
            return 0.0
        left = self.settings.countdown_s - (self._clock() - self._countdown_from)
        return max(0.0, left)

    def go_attract(self, reason: str = "staff") -> None:
        """Back to the attract loop now (staff action, content swap, language reset)."""
        self._pointers = 0
        if self._state is not IdleState.ATTRACT:
            self._reset(reason, self._clock())

    # Internals

    def _reset(self, reason: str, now: float) -> None:
        self._state = IdleState.ATTRACT
        event = IdleEvent(
            kind=RESET,
            reason=reason,
            at=now,
            state=IdleState.ATTRACT,
            session_s=now - self._session_from,
            quiet_s=max(0.0, now - self._last_input),
        )
        self._listeners.notify(event)

    def _enter(self, state: IdleState, kind: str, reason: str, now: float) -> None:
        self._state = state
        self._listeners.notify(IdleEvent(kind=kind, reason=reason, at=now, state=state))

"""Stop signals that arrive while the kiosk is still starting.

``kiosk [DIR]`` spends its first second or so importing Qt, compiling the QML and
loading the content before ``kiosk.ui.stop_signals`` routes SIGTERM, SIGINT and
SIGHUP through the event loop. Python's own handling in that time is abrupt: SIGTERM
and SIGHUP end the process at once (exit 143 or 129, no ``stop`` line), SIGINT raises
``KeyboardInterrupt`` wherever the start happens to be. A ``systemctl restart``
right after a start, or a reboot while the kiosk comes up, lands there.

So the entry point (``kiosk/__main__.py``) takes the signals in its first lines,
before anything else is imported, and this module adopts what it noted
(``adopt_entry``); the run
command takes them over (``take``), every other command gives Python's handling back
(``release``). A caller of ``kiosk.cli.main`` in its own process (a test driver) gets
them from the run command, before any heavy import. They
only note the signal; nothing can be cleaned up before the kiosk exists. Whoever
takes over (the run command before it imports Qt, the stopper once the event loop
is about to run) reads the note and stops the kiosk its ordinary way: exit 0 and
one ``stop reason=`` line. Qt-free, like the rest of ``kiosk.runtime``.
"""

from __future__ import annotations

# Imported by the entry point before anything else, so only what Python has loaded
# already: no ``typing``, no ``threading``, and ``_signal``, not ``signal`` (which
# makes three enums of 40 members when imported, 1.5 ms)
import _signal as signal

TYPE_CHECKING = False
if TYPE_CHECKING:
    from types import FrameType
    from typing import Any

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
NAMES = {signal.SIGTERM: "SIGTERM", signal.SIGINT: "SIGINT", signal.SIGHUP: "SIGHUP"}


class EarlySignals:
    """Notes the first stop signal until the event loop can act on it."""

    def __init__(self) -> None:
        self.received: int | None = None  # one of STOP_SIGNALS
        # Python's handlers from before: a signal after the kiosk's cleanup has begun
        # ends the process as it always did
        self.defaults: dict[int, Any] = {}

    def install(self) -> EarlySignals:
        """Start noting stop signals; only the main thread may set handlers (an
        in-process caller on another thread keeps Python's defaults)."""
        for number in STOP_SIGNALS:
            try:
                self.defaults[number] = signal.signal(number, self._note)
            except ValueError:  # not the main thread
                break
        return self

    def uninstall(self) -> None:
        """Python's handlers back, as before ``install``."""
        for number, handler in self.defaults.items():
            signal.signal(number, handler)
        self.defaults = {}

    @property
    def reason(self) -> str | None:
        """What the ``stop`` line says (``SIGTERM``...), None while none came."""
        return NAMES[self.received] if self.received is not None else None

    def _note(self, number: int, frame: FrameType | None) -> None:
        if self.received is None:
            self.received = number


_at_entry: EarlySignals | None = None


def adopt_entry(noted: list[int], before: dict[int, Any]) -> None:
    """Take over from the entry point's first lines (``kiosk/__main__.py``): its own
    handlers noted any stop signal in ``noted``; ``before`` are Python's, for
    ``uninstall``. The kiosk's handlers replace the entry point's before the note is
    read, so no signal falls between the two."""
    global _at_entry
    early = EarlySignals()
    for number in STOP_SIGNALS:
        signal.signal(number, early._note)
    early.defaults = dict(before)
    if noted and early.received is None:
        early.received = noted[0]
    _at_entry = early


def take() -> EarlySignals:
    """For the run command: the entry point's handlers, or new ones when the kiosk was
    started some other way (``kiosk.cli.main`` called in a process of one's own)."""
    global _at_entry
    early, _at_entry = _at_entry, None
    return early if early is not None else EarlySignals().install()


def release() -> int | None:
    """For every command but run: Python's own handling back. A stop signal noted
    meanwhile ends the command now, as it would have then: the exit status for
    SIGINT (130, without a traceback), the signal itself for the others."""
    global _at_entry
    early, _at_entry = _at_entry, None
    if early is None:
        return None
    early.uninstall()
    if early.received is None:
        return None
    if early.received == signal.SIGINT:
        return 128 + signal.SIGINT
    signal.raise_signal(early.received)
    return 128 + early.received  # only if the signal was ignored by the caller

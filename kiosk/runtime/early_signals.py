"""Stop signals that arrive while the kiosk is still starting.

``kiosk [DIR]`` spends its first second or so importing Qt, compiling the QML and
loading the content before ``kiosk.ui.stop_signals`` routes SIGTERM, SIGINT and
SIGHUP through the event loop. Python's own handling in that time is abrupt: SIGTERM
and SIGHUP end the process at once (exit 143 or 129, no ``stop`` line), SIGINT raises
``KeyboardInterrupt`` wherever the start happens to be. A ``systemctl restart``
right after a start, or a reboot while the kiosk comes up, lands there.

So the run command installs these handlers first, before any heavy import. They
only note the signal; nothing can be cleaned up before the kiosk exists. Whoever
takes over (the run command before it imports Qt, the stopper once the event loop
is about to run) reads the note and stops the kiosk its ordinary way: exit 0 and
one ``stop reason=`` line. Qt-free, like the rest of ``kiosk.runtime``.
"""

from __future__ import annotations

import signal
import threading
from types import FrameType
from typing import Any

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)


class EarlySignals:
    """Notes the first stop signal until the event loop can act on it."""

    def __init__(self) -> None:
        self.received: signal.Signals | None = None
        # Python's handlers from before: a signal after the kiosk's cleanup has begun
        # ends the process as it always did
        self.defaults: dict[int, Any] = {}

    def install(self) -> EarlySignals:
        """Start noting stop signals; only the main thread may set handlers (an
        in-process caller on another thread keeps Python's defaults)."""
        if threading.current_thread() is threading.main_thread():
            for number in STOP_SIGNALS:
                self.defaults[number] = signal.signal(number, self._note)
        return self

    def uninstall(self) -> None:
        """Python's handlers back, as before ``install``."""
        for number, handler in self.defaults.items():
            signal.signal(number, handler)
        self.defaults = {}

    @property
    def reason(self) -> str | None:
        """What the ``stop`` line says (``SIGTERM``...), None while none came."""
        return self.received.name if self.received is not None else None

    def _note(self, number: int, frame: FrameType | None) -> None:
        if self.received is None:
            self.received = signal.Signals(number)

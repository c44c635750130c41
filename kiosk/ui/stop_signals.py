"""One way out of the event loop: stop signals and the staff Quit end the kiosk alike.

``systemctl stop``, ``restart`` and every reboot send SIGTERM; a terminal sends
SIGINT (Ctrl+C) and SIGHUP (closed). Python runs its signal handlers only between
bytecodes, and a kiosk spends its life inside ``app.exec()`` (C++), so a handler
alone would run late or never. Instead the C-level handler writes the signal
number into a socket (``signal.set_wakeup_fd``); a ``QSocketNotifier`` on the
other end wakes the event loop, which then leaves ``app.exec()`` through
``Stopper.stop``. The code after ``app.exec()`` (the run command's ``finally``)
does the cleanup: the analytics recorder ends the visitor session with reason
``shutdown`` and the last page view's dwell and writes its queue, the record of
checked images is saved, and the ``stop`` line is logged.

A signal that comes earlier, while Qt is imported and the content loaded, is noted
by the run command's first handlers (``kiosk.runtime.early_signals``) and passed on
here, so it too ends the kiosk through the loop, as soon as the loop runs.

``QGuiApplication.exit`` is used, not ``quit``: Qt 6's ``quit`` first asks every
window to close, and in kiosk mode the window refuses (Alt+F4 must not end the
kiosk), which once made the staff panel's Quit do nothing.
"""

from __future__ import annotations

import _signal as signal  # as kiosk.runtime.early_signals: no enums to make
import logging
import socket
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtGui import QGuiApplication

from kiosk.runtime import systemd
from kiosk.runtime.early_signals import NAMES, STOP_SIGNALS

if TYPE_CHECKING:
    from kiosk.runtime.analytics import AnalyticsRecorder  # sqlite3 only in kiosk mode
    from kiosk.runtime.early_signals import EarlySignals

log = logging.getLogger("kiosk")

STAFF = "staff"  # the reason of the staff panel's Quit


class Stopper(QObject):
    """Leaves the event loop once, remembering why (for the ``stop`` log line).

    ``before_stop`` runs first, on the UI thread, with the reason: the run command
    ends the visitor session there with the reason the analytics know ("staff").
    """

    def __init__(
        self,
        app: QGuiApplication,
        before_stop: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(app)
        self.app = app
        self.reason: str | None = None
        self.before_stop = before_stop
        self._pair: tuple[socket.socket, socket.socket] | None = None
        self._notifier: QSocketNotifier | None = None
        self._previous_fd = -1
        self._previous_handlers: dict[int, Any] = {}

    def stop(self, reason: str) -> None:
        """End the kiosk: exit code 0, cleanup after ``app.exec()`` returns."""
        if self.reason is not None:
            return  # a second signal while stopping changes nothing
        self.reason = reason
        systemd.stopping()
        if self.before_stop is not None:
            try:
                self.before_stop(reason)
            except Exception:
                log.exception("preparing to stop failed; stopping anyway")
        self.app.exit(0)

    def install_signals(self, early: EarlySignals | None = None) -> None:
        """Route SIGTERM, SIGINT and SIGHUP through the event loop to ``stop``.

        ``early``: the handlers that noted stop signals while the kiosk was starting
        (``kiosk.runtime.early_signals``). A signal noted there is passed on like one
        that comes now, so the kiosk stops as soon as the loop runs; and the
        handlers from before them are what ``uninstall_signals`` puts back."""
        reader, writer = socket.socketpair()
        reader.setblocking(False)
        writer.setblocking(False)
        self._pair = (reader, writer)
        self._previous_fd = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
        for number in STOP_SIGNALS:
            # The Python-level handler does nothing: the wakeup byte carries the signal.
            self._previous_handlers[number] = signal.signal(number, _ignore)
        if early is not None:
            self._previous_handlers.update(early.defaults)
            if early.received is not None:  # read after ours are in: none falls between
                log.info("stop signal %s came while starting", NAMES[early.received])
                writer.send(bytes([early.received]))

    def listen(self) -> None:
        """Start reading the signals; call just before ``app.exec()``.

        Not in ``install_signals``: start-up processes events (``MainQml.advance``),
        and ``exit`` before ``exec`` is lost. A signal that came during start-up
        waits in the socket and is read as soon as the loop runs.
        """
        if self._pair is None or self._notifier is not None:
            return
        self._notifier = QSocketNotifier(self._pair[0].fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_wakeup)

    def uninstall_signals(self) -> None:
        """Back to the handlers from before (Python's defaults in ``kiosk``, also
        when early ones noted signals while starting): a signal during cleanup ends
        the process."""
        if self._pair is None:
            return
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._previous_fd)
        for number, handler in self._previous_handlers.items():
            signal.signal(number, handler)
        for end in self._pair:
            end.close()
        self._pair = None

    def _on_wakeup(self) -> None:
        assert self._pair is not None
        try:
            data = self._pair[0].recv(64)
        except BlockingIOError:
            return
        for number in data:
            if number in STOP_SIGNALS:
                self.stop(NAMES[number])
                return


def end_session_on_staff_quit(recorder: AnalyticsRecorder | None) -> Callable[[str], None]:
    """``before_stop`` for the run command: a staff Quit ends the visitor session with
    reason "staff"; on a signal the recorder's close ends it with "shutdown"."""

    def before_stop(reason: str) -> None:
        if recorder is not None and reason == STAFF:
            recorder.session_end(STAFF)

    return before_stop


def _ignore(number: int, frame: object) -> None:
    """Stands in for Python's default handlers (SIGINT's KeyboardInterrupt among them)."""

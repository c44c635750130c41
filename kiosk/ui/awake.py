"""A talk keeps the laptop's screens on: the desktop's screen saver held off.

A presenter may talk over one screen for longer than the laptop's idle time (GNOME
blanks its screens after five minutes without a key or the mouse), and a projector
gone black in the middle of a talk is what slide-show programs prevent by asking the
desktop. So does ``kiosk --present``: ``org.freedesktop.ScreenSaver.Inhibit`` on the
session bus, which KDE Plasma, Xfce, LXQt, Cinnamon and MATE answer, and GNOME through
its settings daemon's screen-saver proxy.

The hold is asked for on a bus connection of its own and let go by closing that
connection: the desktop ends a hold whose caller has left the bus, as it does when a
process dies, so no hold outlives the talk. (The cookie ``Inhibit`` returns is never
sent back: ``UnInhibit`` wants an unsigned integer, which PySide cannot send.)
Without a session bus, or with no screen saver on it, the log says so and the talk
goes on.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusPendingCallWatcher

log = logging.getLogger("kiosk.present")

SERVICE = "org.freedesktop.ScreenSaver"
PATH = "/org/freedesktop/ScreenSaver"
CONNECTION = "kiosk-awake"  # the hold's own connection: closed, the hold ends
TIMEOUT_MS = 5000  # a desktop answers at once; one started on demand may take longer
REASON = "Giving a talk on the projector"


class Awake:
    """The screen saver held off while a talk is given."""

    def __init__(self) -> None:
        self.held = False
        self._asking: QDBusPendingCallWatcher | None = None

    def hold(self) -> None:
        """Ask the desktop to keep the screens on; its answer comes later (a desktop
        started on demand by the bus must not hold the talk up)."""
        if self.held or self._asking is not None:
            return
        bus = QDBusConnection.connectToBus(QDBusConnection.BusType.SessionBus, CONNECTION)
        if not bus.isConnected():
            _not_held(f"no session bus ({bus.lastError().message() or 'none'})")
            return
        call = QDBusMessage.createMethodCall(SERVICE, PATH, SERVICE, "Inhibit")
        call.setArguments([QCoreApplication.applicationName() or "kiosk", REASON])
        self._asking = QDBusPendingCallWatcher(bus.asyncCall(call, TIMEOUT_MS))
        self._asking.finished.connect(self._answered)

    def _answered(self, watcher: QDBusPendingCallWatcher) -> None:
        self._asking = None
        watcher.deleteLater()
        if watcher.isError():
            why = watcher.error().name() or "no answer"
            _not_held(f"no screen saver to hold off on the session bus ({why})")
            return
        self.held = True
        log.info("the desktop's screen saver is held off until the talk ends")

    def release(self) -> None:
        """The hold let go, or never made: its connection closed (the desktop ends the
        hold, and an answer still to come is not waited for)."""
        if self.held or self._asking is not None:
            self._asking = None
            QDBusConnection.disconnectFromBus(CONNECTION)
            if self.held:
                log.info("the desktop's screen saver is no longer held off")
            self.held = False


def _not_held(why: str) -> None:
    log.info("%s: the desktop may blank the screens during the talk", why)
    QDBusConnection.disconnectFromBus(CONNECTION)

"""A desktop's screen saver on a test's own session bus, as ``kiosk --present`` finds
one: ``org.freedesktop.ScreenSaver`` at ``/org/freedesktop/ScreenSaver``.

Run as ``python tests/screensaver_fake.py LOG`` with ``DBUS_SESSION_BUS_ADDRESS`` set.
Each call is a JSON line in LOG (``{"call": "Inhibit", "args": [...], "sender":
":1.7"}``), and so is each caller that leaves the bus (``{"gone": ":1.7"}``): a real
desktop ends a hold when its caller leaves, as GNOME's screen-saver proxy and KDE's do.
``ready`` is the first line once the service has its name.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtDBus import (
    QDBusConnection,
    QDBusMessage,
    QDBusServiceWatcher,
    QDBusVirtualObject,
)

SERVICE = "org.freedesktop.ScreenSaver"


class ScreenSaver(QDBusVirtualObject):
    def __init__(self, log: Path, bus: QDBusConnection) -> None:
        super().__init__()
        self._log = log
        self._watcher = QDBusServiceWatcher(
            "", bus, QDBusServiceWatcher.WatchModeFlag.WatchForUnregistration
        )
        self._watcher.serviceUnregistered.connect(lambda name: self.write({"gone": name}))

    def write(self, line: dict[str, object]) -> None:
        with self._log.open("a", encoding="utf-8") as out:
            out.write(json.dumps(line) + "\n")

    def introspect(self, path: str) -> str:
        return ""

    def handleMessage(self, message: QDBusMessage, connection: QDBusConnection) -> bool:
        if message.interface() != SERVICE:
            return False
        sender = message.service()
        self.write({"call": message.member(), "args": message.arguments(), "sender": sender})
        self._watcher.addWatchedService(sender)
        connection.send(message.createReply([42]))  # the hold's cookie
        return True


def main(argv: list[str]) -> int:
    app = QCoreApplication(argv)
    log = Path(argv[1])
    bus = QDBusConnection.sessionBus()
    saver = ScreenSaver(log, bus)
    if not (
        bus.registerVirtualObject("/org/freedesktop/ScreenSaver", saver)
        and bus.registerService(SERVICE)
    ):
        return 1
    saver.write({"ready": True})
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv))

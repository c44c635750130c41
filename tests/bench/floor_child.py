"""The floor for start-up: an empty Qt Quick window, nothing of the kiosk.

Launched by ``bench.py`` under the same conditions as ``kiosk`` (offscreen, software
scene graph, 1920x1080). On the first ``frameSwapped`` it sends ``READY=1`` to
``$NOTIFY_SOCKET``, exactly as the kiosk's controller does through sd_notify, so the
parent times both processes the same way: spawn to datagram.
"""

from __future__ import annotations

import os
import socket
import sys

from PySide6.QtCore import QByteArray, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow, QSGRendererInterface

QML = b"""
import QtQuick
import QtQuick.Window
Window { width: 1920; height: 1080; visible: true; color: "#F7F3EA" }
"""


def _ready() -> None:
    address = os.environ["NOTIFY_SOCKET"]
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.connect(address)
        sock.sendall(b"READY=1")


def main() -> int:
    QQuickWindow.setGraphicsApi(QSGRendererInterface.GraphicsApi.Software)
    app = QGuiApplication(sys.argv[:1])
    engine = QQmlApplicationEngine()
    engine.loadData(QByteArray(QML), QUrl("floor.qml"))
    window = engine.rootObjects()[0]
    assert isinstance(window, QQuickWindow)

    # Not ``Qt.ConnectionType.SingleShotConnection``: the first use of ``Qt`` makes
    # the Python enums of the whole namespace, about 14 ms that an empty window does
    # not need (the kiosk avoids ``Qt`` before its first frame too).
    def first_frame() -> None:
        window.frameSwapped.disconnect(first_frame)
        _ready()

    window.frameSwapped.connect(first_frame)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

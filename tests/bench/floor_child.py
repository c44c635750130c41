"""The floor for start-up: an empty Qt Quick window, nothing of the kiosk.

With ``--text`` (the "text floor", for information): the same window drawing five
lines in the kiosk's bundled font. With ``--kept FILE`` (for information too): the
empty window with PySide's support code kept in FILE as the kiosk keeps it
(``kiosk.runtime.kept_code``), which a plain PySide program compiles at every start.

Launched by ``bench.py`` under the same conditions as ``kiosk`` (offscreen, software
scene graph, 1920x1080). On the first ``frameSwapped`` it sends ``READY=1`` to
``$NOTIFY_SOCKET``, exactly as the kiosk's controller does through sd_notify, so the
parent times both processes the same way: spawn to datagram.
"""

from __future__ import annotations

import os
import socket
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Any

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _kept() -> Any:
    if "--kept" not in sys.argv:
        return nullcontext()
    sys.path.insert(0, REPO)
    from kiosk.runtime.kept_code import cached

    return cached(Path(sys.argv[sys.argv.index("--kept") + 1]))


with _kept():
    from PySide6.QtCore import QByteArray, QUrl
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQml import QQmlApplicationEngine
    from PySide6.QtQuick import QQuickWindow, QSGRendererInterface

QML = b"""
import QtQuick
import QtQuick.Window
Window { width: 1920; height: 1080; visible: true; color: "#F7F3EA" }
"""


# ``--text``: the same window with a few lines in the bundled font, in the kiosk's
# four languages and three weights (registered as the kiosk registers it): what any
# Qt Quick window pays to draw text at all, fontconfig and glyph rasterizing included.
TEXT_QML = """
import QtQuick
import QtQuick.Window
Window {
  width: 1920; height: 1080; visible: true; color: "#F7F3EA"
  Column {
    x: 48; y: 48; spacing: 24
    Text {
      text: "Azərbaycan - Özbəkistan Dostluq Muzeyi"
      font.pixelSize: 64; font.variableAxes: { "wght": 700 }
    }
    Text {
      text: "Oʻzbekiston va Ozarbayjon doʻstligi, gʻoyalar"
      font.pixelSize: 40; font.variableAxes: { "wght": 600 }
    }
    Text { text: "Музей дружбы «Азербайджан - Узбекистан»"; font.pixelSize: 40 }
    Text { text: "The Friendship Museum in Tashkent"; font.pixelSize: 28 }
    Text { text: "Back · Home · Timeline · Map · Contrast · Text size"; font.pixelSize: 28 }
  }
}
"""


def _text_font(app: QGuiApplication) -> None:
    from PySide6.QtGui import QFont, QFontDatabase

    sys.path.insert(0, REPO)
    from kiosk.content.fonts import font_files

    family = ""
    for font_file in font_files():
        family = QFontDatabase.applicationFontFamilies(
            QFontDatabase.addApplicationFont(str(font_file))
        )[0]
    font = QFont(family)
    font.setPixelSize(28)
    app.setFont(font)


def _ready() -> None:
    address = os.environ["NOTIFY_SOCKET"]
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.connect(address)
        sock.sendall(b"READY=1")


def main() -> int:
    QQuickWindow.setGraphicsApi(QSGRendererInterface.GraphicsApi.Software)
    app = QGuiApplication(sys.argv[:1])
    text = "--text" in sys.argv[1:]
    if text:
        _text_font(app)
    engine = QQmlApplicationEngine()
    engine.loadData(QByteArray(TEXT_QML.encode() if text else QML), QUrl("floor.qml"))
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

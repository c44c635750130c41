"""No enum of Qt's namespace in the QML the first frame is made of.

The first time QML looks up one of Qt's own enums (``Qt.Window``, ``Qt.AlignLeft``,
``Qt.Key_Escape``), in a binding or in JavaScript, it builds a table of every enum of
the ``Qt`` namespace (heaptrack: 0.27 MB of heap in 2,700 allocations), kept for good:
0.34 MB less anonymous memory 1.5 s after the first frame without it.
The window's flags were the one such lookup at start; they are written as numbers.
The staff panel and its PIN pad, made only when staff open them, still compare keys
with ``Qt.Key_*``: a staff member's visit may pay for the table.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk.content.model import ContentSet
from kiosk.ui.app import QML_DIR
from tests.conftest import BUNDLED
from tests.uitools import load, open_window

QT_ENUM = re.compile(r"\bQt\.[A-Z]\w*")
MADE_ON_USE = {"StaffPanel.qml", "PinPad.qml"}  # made when staff open the panel


def _uses(source: str) -> list[str]:
    """The Qt enums a QML source names, comments left out."""
    code = "\n".join(line.split("//", 1)[0] for line in source.splitlines())
    return QT_ENUM.findall(code)


def test_the_check_finds_an_enum_of_qts_and_ignores_comments_and_functions() -> None:
    assert _uses("flags: kioskMode ? (Qt.Window | Qt.FramelessWindowHint) : Qt.Window") == [
        "Qt.Window",
        "Qt.FramelessWindowHint",
        "Qt.Window",
    ]
    assert _uses("color: Qt.rgba(0, 0, 0, 0.5)  // not Qt.Window") == []


def test_no_qml_made_before_the_first_frame_names_an_enum_of_qts() -> None:
    named = {
        path.name: _uses(path.read_text(encoding="utf-8"))
        for path in sorted(QML_DIR.glob("*.qml"))
        if path.name not in MADE_ON_USE
    }
    assert {name: uses for name, uses in named.items() if uses} == {}


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("kiosk_mode", [False, True])
def test_the_window_is_frameless_in_kiosk_mode_only(
    rendition_cache: Path, kiosk_mode: bool
) -> None:
    content: ContentSet = load(BUNDLED)
    with open_window(content, rendition_cache, kiosk_mode=kiosk_mode) as kw:
        flags = kw.window.flags()
        assert flags & Qt.WindowType.Window == Qt.WindowType.Window
        frameless = flags & Qt.WindowType.FramelessWindowHint == Qt.WindowType.FramelessWindowHint
        assert frameless == kiosk_mode

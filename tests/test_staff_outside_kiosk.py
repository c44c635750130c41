"""Outside kiosk mode the corner long-press opens the staff panel without a PIN: the
pad could never be passed there when no PIN was set ("No PIN is set")."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickItem, QQuickWindow
from pytestqt.qtbot import QtBot

from kiosk.runtime import paths
from kiosk.runtime.pin import PinStore
from kiosk.ui.render import visual_tree
from kiosk.ui.staff import PRESENTATION_NOTE
from tests.factories import make_site
from tests.test_run_cli import _run_kiosk, _wait_for_first_frame


def _shown(window: QQuickWindow, name: str) -> list[QQuickItem]:
    found = []
    for item in visual_tree(window.contentItem()):
        if item.objectName() != name or item.width() <= 0 or item.height() <= 0:
            continue
        node: QQuickItem | None = item
        while node is not None and node.isVisible() and node.opacity() > 0:
            node = node.parentItem()
        if node is None:
            found.append(item)
    return found


@pytest.mark.parametrize("mode", ["--windowed", "--preview"])
@pytest.mark.parametrize("pin_set", [False, True])
def test_the_corner_opens_the_panel_without_a_pin_outside_kiosk_mode(
    mode: str,
    pin_set: bool,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qapp: QGuiApplication,
    qtbot: QtBot,
) -> None:
    root = make_site(tmp_path / "site")
    state = tmp_path / "state"
    if pin_set:
        PinStore(paths.settings_path(state)).set_pin("482916")
    seen: dict[str, object] = {}

    def during(window: QQuickWindow) -> None:
        staff = window.property("staff")
        _wait_for_first_frame(window, qtbot)
        staff.gesture()  # what the three-second press on the corner calls
        qtbot.waitUntil(lambda: bool(_shown(window, "staffActions")), timeout=10_000)
        seen["unlocked"] = staff.unlocked
        seen["pad"] = bool(_shown(window, "pinPad"))
        seen["quit"] = bool(_shown(window, "quitButton"))
        (note,) = _shown(window, "trialNote")
        seen["note"] = note.property("text")

    args = [mode, "--cache", str(tmp_path / "cache"), "--state-dir", str(state), str(root)]
    _run_kiosk(args, qapp, monkeypatch, during)
    assert seen == {"unlocked": True, "pad": False, "quit": True, "note": PRESENTATION_NOTE}

"""``kiosk`` (run): refuses kiosk mode without a staff PIN; checks images after the first frame."""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickWindow
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.cli import main
from tests.conftest import BUNDLED
from tests.factories import make_site, truncated_jpeg
from tests.process import start


def test_kiosk_mode_without_a_pin_refuses_and_says_how_to_set_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--state-dir", str(tmp_path / "state"), str(BUNDLED)]) == 2
    err = capsys.readouterr().err
    assert "no staff PIN is set" in err
    assert "kiosk set-pin" in err and "--no-pin" in err


def test_a_missing_exhibits_folder_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--windowed", "--state-dir", str(tmp_path), str(tmp_path / "nowhere")]) == 2
    assert "is not a folder of exhibits" in capsys.readouterr().err


def _run_kiosk(
    args: list[str],
    qapp: QGuiApplication,
    monkeypatch: pytest.MonkeyPatch,
    during: Callable[[QQuickWindow], None],
    quits: bool = False,
) -> None:
    """``kiosk ARGS`` in this process, its event loop replaced by ``during(window)``;
    ``quits`` when ``during`` quits the kiosk."""

    def run_during() -> int:
        windows = qapp.topLevelWindows()
        (window,) = [w for w in windows if isinstance(w, QQuickWindow) and w.isVisible()]
        try:
            during(window)
        finally:
            window.close()
            window.deleteLater()
            QTest.qWait(30)
        return 0

    real_exec = QGuiApplication.exec
    monkeypatch.setattr(QGuiApplication, "exec", staticmethod(run_during))
    assert main(args) == 0
    if not quits:
        return
    # A quit during ``during`` (staff Quit: QCoreApplication.exit) leaves Qt's "quit
    # now" flag set, which only a real exec() clears; every later event loop (the next
    # test's QML loading) would return at once.
    QTimer.singleShot(0, qapp, lambda: qapp.exit(0))
    real_exec()


def _wait_for_first_frame(window: QQuickWindow, qtbot: QtBot) -> None:
    frames: list[int] = []
    window.frameSwapped.connect(lambda: frames.append(1))
    qtbot.waitUntil(lambda: bool(frames))


def test_a_truncated_jpeg_shows_the_kiosk_first_then_its_error_with_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QGuiApplication, qtbot: QtBot
) -> None:
    """The start-up load checks JPEGs by header only; the load after the first frame
    decodes them and reports a broken one (here on the preview banner)."""
    root = make_site(tmp_path / "site")
    (root / "alpha" / "images" / "cover.jpg").write_bytes(truncated_jpeg())
    seen: dict[str, object] = {}

    def during(window: QQuickWindow) -> None:
        kiosk = window.property("kiosk")
        at_first_frame: list[list[object]] = []

        def first_frame() -> None:  # read as it is drawn: the later load may be quick
            if not at_first_frame:
                at_first_frame.append(list(kiosk.problems.current))

        window.frameSwapped.connect(first_frame)
        qtbot.waitUntil(lambda: bool(at_first_frame))
        seen["at_first_frame"] = at_first_frame[0]
        qtbot.waitUntil(lambda: bool(kiosk.problems.current), timeout=15_000)
        seen["later"] = list(kiosk.problems.current)
        seen["title"] = kiosk.siteTitle

    args = ["--preview", "--cache", str(tmp_path / "cache"), "--state-dir", str(tmp_path / "s")]
    _run_kiosk([*args, str(root)], qapp, monkeypatch, during)
    assert seen["at_first_frame"] == []
    assert seen["title"]  # the content itself, not the "being updated" screen
    (line,) = [p for p in seen["later"] if "cover.jpg" in str(p)]  # type: ignore[attr-defined]
    assert f"{root / 'alpha' / 'exhibit.yaml'}:" in line and "image file is truncated" in line
    assert "image 'images/cover.jpg' does not open" in line  # the path as the YAML has it


def test_the_garbage_collector_waits_for_the_first_frame_and_no_longer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QGuiApplication, qtbot: QtBot
) -> None:
    seen: list[bool] = []

    def during(window: QQuickWindow) -> None:
        seen.append(gc.isenabled())
        _wait_for_first_frame(window, qtbot)
        # the controller's first-frame slot may run just after this test's own (the
        # order of two slots on one frame is not fixed): on within a second of it
        qtbot.waitUntil(gc.isenabled, timeout=1000)
        seen.append(gc.isenabled())

    root = make_site(tmp_path / "site")
    args = ["--windowed", "--cache", str(tmp_path / "cache"), "--state-dir", str(tmp_path / "s")]
    _run_kiosk([*args, str(root)], qapp, monkeypatch, during)
    assert seen == [False, True]
    assert gc.isenabled()


def test_the_staff_panel_of_the_wired_kiosk_shows_its_status_and_quits_through_shutdown(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qapp: QGuiApplication,
    qtbot: QtBot,
    caplog: pytest.LogCaptureFixture,
) -> None:
    root = make_site(tmp_path / "site")
    seen: dict[str, object] = {}

    def during(window: QQuickWindow) -> None:
        staff = window.property("staff")
        _wait_for_first_frame(window, qtbot)
        staff.gesture()  # --no-pin: the panel opens at once
        seen["status"] = dict(staff.status)
        staff.quit()

    args = ["--windowed", "--no-pin", "--cache", str(tmp_path / "cache")]
    with caplog.at_level(logging.INFO, logger="kiosk"):
        _run_kiosk(
            [*args, "--state-dir", str(tmp_path / "s"), str(root)],
            qapp,
            monkeypatch,
            during,
            quits=True,
        )
    status = seen["status"]
    assert isinstance(status, dict)
    rows = {row["name"]: row["text"] for row in status["rows"]}
    assert rows["statusMode"] == "Mode: windowed"
    assert len(rows["statusVersion"].removeprefix("Version: ")) == 12
    assert rows["statusLoadedAt"] != "Loaded: unknown" and "errorCount" not in rows
    today = {row["name"]: row["text"] for row in status["today"]}
    assert status["languages"] and today["statusSessions"] == "0 visitor sessions"
    assert "quit requested: staff" in caplog.text
    assert "shutting down: staff" in caplog.text


@pytest.mark.parametrize("scene_graph", ["own choice", "opengl"])
def test_a_start_under_x_prints_no_warning(
    tmp_path: Path, xvfb_display: str, scene_graph: str
) -> None:
    """The first-frame hook ran twice under xcb (a second frame already queued, with
    OpenGL's render thread) and libpyside warned "Failed to disconnect" on every start.
    Both scene graphs: the kiosk's own choice (software without a GPU) and OpenGL."""
    root = make_site(tmp_path / "site")
    args = ["--windowed", "--cache", str(tmp_path / "cache"), "--state-dir", str(tmp_path / "s")]
    watchdog = {"WATCHDOG_USEC": "100000"}  # a heartbeat every 50 ms: the event loop runs
    if scene_graph == "opengl":
        watchdog["QSG_RHI_BACKEND"] = "opengl"
    kiosk = start(tmp_path, [*args, str(root)], display=xvfb_display, env=watchdog, listen=True)
    try:
        assert kiosk.notifications is not None
        kiosk.notifications.wait_for("WATCHDOG=1", 10)  # half a second of frames after READY
        kiosk.process.terminate()
        kiosk.wait(30)
    finally:
        kiosk.kill()
    output = kiosk.text()
    assert "Warning" not in output and "Failed to disconnect" not in output, output

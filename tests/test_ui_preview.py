"""What a curator sees in ``--preview``: the PREVIEW badge with the watched folder,
and the content errors on a banner with their count, tall enough to read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtQuick import QQuickItem, QQuickWindow
from pytestqt.qtbot import QtBot

from kiosk.ui.app import KioskWindow
from kiosk.ui.render import next_frame, settle, visual_tree
from tests.conftest import BUNDLED
from tests.factories import make_site
from tests.test_run_cli import _run_kiosk, _wait_for_first_frame
from tests.uitools import grab, item, items, load, open_window

pytestmark = pytest.mark.usefixtures("qapp")
BANNER = QColor("#3A0B10").rgb()
BADGE = QColor("#1D2430").rgb()


@pytest.fixture(scope="module")
def content():
    return load(BUNDLED)


def _box(target: QQuickItem) -> tuple[float, float, float, float]:
    corner = target.mapToScene(QPointF(0, 0))
    return corner.x(), corner.y(), target.width(), target.height()


def _inside(window: QQuickWindow, target: QQuickItem) -> bool:
    x, y, w, h = _box(target)
    return (
        w > 0
        and h > 0
        and x >= 0
        and y >= 0
        and x + w <= window.width() + 0.5
        and (y + h <= window.height() + 0.5)
    )


def _lines(n: int) -> list[str]:
    return [
        f"/srv/exhibits/alpha/exhibit.yaml:{i}:3: unknown field 'titel' (did you mean 'title'?)"
        for i in range(1, n + 1)
    ]


def _show(kw: KioskWindow, lines: list[str]) -> None:
    kw.kiosk.problems.set_watching("/srv/exhibits")
    kw.kiosk.problems.set(lines)
    settle(kw.window, kw.images, timeout_s=30)


def test_the_error_banner_is_seen_with_its_count(content, rendition_cache: Path) -> None:
    with open_window(content, rendition_cache, size=(1280, 800)) as kw:
        kw.kiosk.problems.set_watching("/srv/exhibits")
        settle(kw.window, kw.images, timeout_s=30)
        before = grab(kw)
        _show(kw, _lines(3))
        banner = item(kw, "problemsBanner")
        assert _inside(kw.window, banner)
        shown = items(kw, "problemLine")
        assert len(shown) == 3
        for line in shown:  # each line has room and lies inside the banner, none clipped
            _, y, _, h = _box(line)
            _, top, _, height = _box(banner)
            assert h > 10 and top <= y and y + h <= top + height
        assert item(kw, "problemsCount").property("text").startswith("3 problems")
        # not covered: the banner's own colour is what the window shows at its edges
        image = grab(kw)
        x, y, w, h = _box(banner)
        assert image.pixel(int(x + 4), int(y + h - 4)) == BANNER
        assert image.pixel(int(x + w - 4), int(y + 4)) == BANNER
        assert image != before


def test_a_long_list_scrolls_inside_a_banner_of_at_most_four_tenths(
    content, rendition_cache: Path
) -> None:
    with open_window(content, rendition_cache, size=(1280, 800)) as kw:
        _show(kw, _lines(60))
        banner = item(kw, "problemsBanner")
        assert 0.2 * kw.window.height() < banner.height() <= 0.4 * kw.window.height() + 1
        assert _inside(kw.window, banner)
        assert item(kw, "problemsScrollBar").height() > 0
        problems = item(kw, "problemList")
        problems.setProperty("contentY", problems.property("contentHeight") - problems.height())
        settle(kw.window, kw.images, timeout_s=30)
        texts = [i.property("text") for i in items(kw, "problemLine")]
        last = [i for i in items(kw, "problemLine") if i.property("text") == _lines(60)[-1]]
        assert last, texts[-3:]
        _, y, _, h = _box(last[0])
        _, top, _, height = _box(banner)
        assert y + h <= top + height


def test_the_preview_badge_names_the_folder_and_covers_nothing(
    content, rendition_cache: Path
) -> None:
    with open_window(content, rendition_cache, size=(1280, 800)) as kw:
        assert not items(kw, "previewBadge")  # kiosk and windowed modes: no badge
        _show(kw, _lines(2))
        badge = item(kw, "previewBadge")
        assert _inside(kw.window, badge) and _box(badge)[1] == 0
        assert item(kw, "previewLabel").property("text") == "PREVIEW"
        folder = item(kw, "previewFolder").property("text")
        assert "/srv/exhibits" in folder and "2 problems" in folder
        _show(kw, _lines(1))
        folder = item(kw, "previewFolder").property("text")
        assert folder.endswith("·  1 problem")
        assert item(kw, "problemsCount").property("text").startswith("1 problem in the content")
        stage = item(kw, "stage")
        assert _box(stage)[1] >= badge.height()  # the screens start below it
        assert grab(kw).pixel(int(badge.width() - 4), 4) == BADGE


def test_preview_started_on_a_broken_folder_shows_the_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QGuiApplication, qtbot: QtBot
) -> None:
    root = make_site(tmp_path / "site")
    exhibit = root / "alpha" / "exhibit.yaml"
    exhibit.write_text(exhibit.read_text(encoding="utf-8").replace("title:", "titel:", 1))
    seen: dict[str, Any] = {}

    def during(window: QQuickWindow) -> None:
        _wait_for_first_frame(window, qtbot)
        kiosk = window.property("kiosk")

        def problem_lines() -> list[QQuickItem]:
            tree = visual_tree(window.contentItem())
            return [i for i in tree if i.objectName() == "problemLine" and i.isVisible()]

        # the banner and its lines, laid out (no fixed wait: a slow machine only waits longer)
        qtbot.waitUntil(lambda: any(i.height() > 10 for i in problem_lines()), timeout=10_000)
        next_frame(window)
        found = [i for i in visual_tree(window.contentItem()) if i.objectName() == "problemLine"]
        seen["lines"] = [(i.property("text"), i.height(), i.isVisible()) for i in found]
        banner = [
            i for i in visual_tree(window.contentItem()) if i.objectName() == "problemsBanner"
        ]
        seen["banner"] = [(b.height(), _inside(window, b)) for b in banner]
        seen["watching"] = kiosk.problems.watching

    args = ["--preview", "--cache", str(tmp_path / "cache"), "--state-dir", str(tmp_path / "s")]
    _run_kiosk([*args, str(root)], qapp, monkeypatch, during)
    assert seen["watching"] == str(root)
    ((height, inside),) = seen["banner"]
    assert height > 50 and inside
    lines = seen["lines"]
    assert lines and all(h > 10 and shown for _, h, shown in lines)
    assert any("titel" in text for text, _, _ in lines)

"""What a curator sees in ``--preview``: the PREVIEW badge with the watched folder,
the content errors on a banner with their count, tall enough to read, and the texts
the screen shown cuts short with "…"."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtQuick import QQuickItem, QQuickWindow
from pytestqt.qtbot import QtBot

from kiosk.ui.app import KioskWindow
from kiosk.ui.cut_texts import CutTexts
from kiosk.ui.render import next_frame, settle, visual_tree
from tests.conftest import BUNDLED
from tests.factories import make_site, many_exhibits, tmap, valid_exhibit
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


# A title far longer than a home tile holds: an 80-letter word, then words
LONG = (
    "Межгосударственныйгуманитарныйкультурныйобменмеждуузбекистаномиазербайджаном: "
    + "лидеры, молодёжь, культура, искусство, образование и дружба народов " * 3
).strip()
AMBER = QColor("#F2B134")


def _long_title_site(root: Path, language: str) -> Path:
    title = tmap("Alpha")
    title[language] = LONG
    return make_site(root, {"alpha": valid_exhibit(title=title)})


def test_preview_names_a_text_the_screen_cuts_short_and_forgets_it_once_it_fits(
    tmp_path: Path, rendition_cache: Path, caplog: pytest.LogCaptureFixture
) -> None:
    content = load(_long_title_site(tmp_path / "site", "ru"))
    with open_window(content, rendition_cache, size=(1280, 800)) as kw:
        kw.kiosk.problems.set_watching(str(tmp_path / "site"))
        cut = CutTexts(kw.window, kw.kiosk)
        settle(kw.window, kw.images)
        cut.check()
        assert kw.kiosk.problems.cut == [] and not items(kw, "previewCut")  # uz: it fits
        kw.kiosk.language.choose("ru")
        assert cut.waiting  # looked at once the screen is still, not while it changes
        settle(kw.window, kw.images)
        before = grab(kw)
        with caplog.at_level(logging.WARNING, "kiosk.preview"):
            cut.check()
        settle(kw.window, kw.images)
        assert kw.kiosk.problems.cut == [LONG]
        shown = item(kw, "previewCut")
        assert _inside(kw.window, shown) and shown.width() > 100
        assert shown.property("text").startswith("1 text cut short on this screen: «Межгосуд")
        assert _box(shown)[1] + shown.height() <= item(kw, "previewBadge").height()
        x, y, w, h = (round(v) for v in _box(shown))
        after = grab(kw)
        drawn = [
            (i, j)
            for i in range(x, x + w, 2)
            for j in range(y, y + h)
            if after.pixel(i, j) != before.pixel(i, j)
            and QColor(after.pixel(i, j)).red() > QColor(after.pixel(i, j)).blue() + 60
        ]
        assert len(drawn) > 50  # amber letters on the badge where there were none
        assert "(home, ru, 1280x800)" in caplog.text and "Межгосударственный" in caplog.text
        folder = item(kw, "previewFolder")  # beside it, not under it
        assert _box(folder)[0] + folder.width() <= _box(shown)[0] and folder.width() > 100
        kw.kiosk.language.choose("uz")
        settle(kw.window, kw.images)
        cut.check()
        settle(kw.window, kw.images)
        assert kw.kiosk.problems.cut == [] and not items(kw, "previewCut")


def test_preview_looks_again_once_a_long_home_is_scrolled_to_its_far_tiles(
    tmp_path: Path, rendition_cache: Path
) -> None:
    """A home of twenty exhibits at 1280x800 makes its last tiles only as they scroll
    into sight: a visitor's (or the curator's) scroll is a change to look after."""
    content = load(many_exhibits(tmp_path / "site", 20, {"ru": LONG}))
    with open_window(content, rendition_cache, size=(1280, 800)) as kw:
        cut = CutTexts(kw.window, kw.kiosk)
        kw.kiosk.language.choose("ru")
        settle(kw.window, kw.images)
        cut.check()
        assert kw.kiosk.problems.cut == []  # the twentieth tile is not made yet
        assert not cut.waiting
        tiles = item(kw, "tiles")
        end = tiles.property("originY") + tiles.property("contentHeight") - tiles.height()
        assert end > 0
        tiles.setProperty("contentY", end)  # as a flick leaves it
        assert cut.waiting
        settle(kw.window, kw.images)
        cut.check()
        assert kw.kiosk.problems.cut == [LONG]
        tile = item(kw, "tile_ex20")
        assert _inside(kw.window, tile)


@pytest.mark.parametrize("size", [(1280, 800), (1080, 1920)])
def test_preview_finds_no_text_cut_short_on_any_bundled_screen(
    content, rendition_cache: Path, size: tuple[int, int]
) -> None:
    """The bundled exhibits fit every screen (the layout tests say so pixel by pixel):
    the preview must not cry wolf on them."""
    with open_window(content, rendition_cache, size=size) as kw:
        kw.kiosk.problems.set_watching(str(BUNDLED))
        cut, nav = CutTexts(kw.window, kw.kiosk), kw.kiosk.nav.navigator
        found = []
        for language in ("uz", "az", "ru", "en"):
            kw.kiosk.language.choose(language)
            opens: list[Callable[[], object]] = [nav.open_timeline, nav.open_map, nav.open_about]
            opens += [partial(nav.open_exhibit, e.id) for e in content.exhibits]
            for go in opens:
                go()
                settle(kw.window, kw.images)
                cut.check()
                found += [f"{language} {nav.place.screen}: {t}" for t in kw.kiosk.problems.cut]
            nav.open_exhibit(content.exhibits[0].id)
            nav.back()  # home again
            settle(kw.window, kw.images)
            cut.check()
            found += [f"{language} home: {t}" for t in kw.kiosk.problems.cut]
        assert found == []


def test_a_preview_started_on_a_title_too_long_names_it_and_a_kiosk_looks_for_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QGuiApplication, qtbot: QtBot
) -> None:
    root = _long_title_site(tmp_path / "site", "uz")  # the default language: at the start
    seen: dict[str, Any] = {}

    def during(window: QQuickWindow) -> None:
        _wait_for_first_frame(window, qtbot)
        kiosk = window.property("kiosk")
        qtbot.waitUntil(lambda: kiosk.problems.cut != [], timeout=10_000)
        seen["cut"] = kiosk.problems.cut
        seen["watchers"] = window.findChildren(CutTexts)

    args = ["--cache", str(tmp_path / "cache"), "--state-dir", str(tmp_path / "s")]
    _run_kiosk(["--preview", *args, str(root)], qapp, monkeypatch, during)
    assert seen["cut"] == [LONG] and len(seen["watchers"]) == 1

    def windowed(window: QQuickWindow) -> None:
        _wait_for_first_frame(window, qtbot)
        seen["windowed"] = window.findChildren(CutTexts)

    _run_kiosk(["--windowed", *args, str(root)], qapp, monkeypatch, windowed)
    assert seen["windowed"] == []

"""A visitor's walk through the real window, by touch, mouse and keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from kiosk.content.model import ContentSet
from tests.conftest import BUNDLED
from tests.factories import make_site, valid_exhibit
from tests.uitools import click, item, items, key, load, open_window, swipe, tap

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture(scope="module")
def content() -> ContentSet:
    return load(BUNDLED)


def test_home_exhibit_gallery_swipe_back_timeline_by_touch(content, rendition_cache: Path) -> None:
    with open_window(content, rendition_cache) as kw:
        first = content.exhibits[1]
        tap(kw, item(kw, f"tile_{first.id}"))
        assert kw.kiosk.nav.place.screen == "exhibit"
        assert item(kw, "pageTitle").property("text") == first.title.get("uz")

        # beside the text on a landscape screen: a tap with no scrolling
        tap(kw, item(kw, "galleryThumb_0"))
        assert kw.kiosk.nav.place.screen == "gallery"
        assert kw.kiosk.nav.place.index == 0
        caption = item(kw, "galleryCaption").property("text")
        assert caption == first.gallery[0].caption.get("uz")

        width, height = kw.window.width(), kw.window.height()
        swipe(kw, QPoint(int(width * 0.8), height // 2), QPoint(int(width * 0.2), height // 2))
        assert kw.kiosk.nav.place.index == 1
        assert item(kw, "galleryCaption").property("text") == first.gallery[1].caption.get("uz")

        tap(kw, item(kw, "backButton"))
        assert kw.kiosk.nav.place.screen == "exhibit"
        tap(kw, item(kw, "backButton"))
        assert kw.kiosk.nav.place.screen == "home"
        tap(kw, item(kw, "timelineButton"))
        assert kw.kiosk.nav.place.screen == "timeline"
        dates = [e.date for _, e in content.timeline()]
        assert dates == sorted(dates)
        labels = [i.property("text") for i in items(kw, "timelineLabel")]
        assert labels[0] == content.timeline()[0][1].label.get("uz")


def test_mouse_clicks_work_too(content, rendition_cache: Path) -> None:
    with open_window(content, rendition_cache) as kw:
        click(kw, item(kw, f"tile_{content.exhibits[0].id}"))
        assert kw.kiosk.nav.place.exhibit_id == content.exhibits[0].id
        click(kw, item(kw, "homeButton"))
        assert kw.kiosk.nav.place.screen == "home"


def test_language_switch_changes_visible_text_and_keeps_the_place(
    content, rendition_cache: Path
) -> None:
    exhibit = content.exhibits[0]
    with open_window(content, rendition_cache) as kw:
        assert item(kw, "siteTitle").property("text") == content.site.title.get("uz")
        tap(kw, item(kw, f"tile_{exhibit.id}"))
        assert item(kw, "pageTitle").property("text") == exhibit.title.get("uz")
        tap(kw, item(kw, "language_ru"))
        assert (
            kw.kiosk.nav.place.screen == "exhibit" and kw.kiosk.nav.place.exhibit_id == exhibit.id
        )
        assert item(kw, "pageTitle").property("text") == exhibit.title.get("ru")
        assert any(
            i.property("text") == content.site.strings["back"].get("ru")
            for i in items(kw, "buttonLabel")
        )
        tap(kw, item(kw, "language_az"))
        assert item(kw, "pageTitle").property("text") == exhibit.title.get("az")


def test_keyboard_drives_presentation_mode(content, rendition_cache: Path) -> None:
    ids = [e.id for e in content.exhibits]
    with open_window(content, rendition_cache, size=(1280, 800)) as kw:
        key(kw, Qt.Key.Key_Right)
        key(kw, Qt.Key.Key_Return)
        assert kw.kiosk.nav.place.exhibit_id == ids[1]
        key(kw, Qt.Key.Key_Right)  # PageDown scrolls first: tests/test_ui_presenter.py
        assert kw.kiosk.nav.place.exhibit_id == ids[2]
        key(kw, Qt.Key.Key_Left)
        assert kw.kiosk.nav.place.exhibit_id == ids[1]
        key(kw, Qt.Key.Key_Return)
        assert kw.kiosk.nav.place.screen == "gallery" and kw.kiosk.nav.place.index == 0
        key(kw, Qt.Key.Key_Right)
        assert kw.kiosk.nav.place.index == 1
        key(kw, Qt.Key.Key_L)
        assert kw.kiosk.language.current == "az"
        key(kw, Qt.Key.Key_4)
        assert kw.kiosk.language.current == "en"
        assert kw.kiosk.nav.place.screen == "gallery"
        key(kw, Qt.Key.Key_Escape)
        assert kw.kiosk.nav.place.screen == "exhibit"
        key(kw, Qt.Key.Key_Backspace)
        assert kw.kiosk.nav.place.screen == "home"
        key(kw, Qt.Key.Key_T)
        assert kw.kiosk.nav.place.screen == "timeline"
        key(kw, Qt.Key.Key_Home)
        assert kw.kiosk.nav.place.screen == "home"


def test_double_tap_zooms_and_the_next_image_starts_unzoomed(
    content, rendition_cache: Path
) -> None:
    from PySide6.QtTest import QTest

    from kiosk.ui.render import settle

    exhibit = next(e for e in content.exhibits if len(e.gallery) > 1)
    with open_window(content, rendition_cache) as kw:
        kw.kiosk.nav.openExhibit(exhibit.id)
        kw.kiosk.nav.openGallery(0)
        settle(kw.window, kw.images)
        viewer = item(kw, "galleryPager").property("currentItem")
        assert viewer.property("zoom") == 1
        point = QPoint(kw.window.width() // 3, kw.window.height() // 3)
        for _ in range(2):
            QTest.mouseClick(
                kw.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point, 60
            )
        settle(kw.window, kw.images)
        assert viewer.property("zoom") > 2
        assert viewer.property("contentX") > 0  # zoomed around the tapped point
        tap(kw, item(kw, "galleryNext"))
        assert kw.kiosk.nav.place.index == 1
        assert viewer.property("zoom") == 1


def test_two_finger_pinch_zooms_the_gallery_image(content, rendition_cache: Path) -> None:
    from PySide6.QtTest import QTest

    from kiosk.ui.render import pump, settle
    from tests.uitools import touch_device

    with open_window(content, rendition_cache) as kw:
        kw.kiosk.nav.openExhibit(content.exhibits[0].id)
        kw.kiosk.nav.openGallery(0)
        settle(kw.window, kw.images)
        viewer = item(kw, "galleryPager").property("currentItem")
        cx, cy = kw.window.width() // 2, kw.window.height() // 2
        device = touch_device()
        QTest.touchEvent(kw.window, device).press(0, QPoint(cx - 60, cy), kw.window).press(
            1, QPoint(cx + 60, cy), kw.window
        ).commit()
        for step in range(1, 13):
            pump(16)
            spread = 60 + step * 25
            QTest.touchEvent(kw.window, device).move(0, QPoint(cx - spread, cy), kw.window).move(
                1, QPoint(cx + spread, cy), kw.window
            ).commit()
        QTest.touchEvent(kw.window, device).release(0, QPoint(cx - 360, cy), kw.window).release(
            1, QPoint(cx + 360, cy), kw.window
        ).commit()
        settle(kw.window, kw.images)
        assert viewer.property("zoom") > 2
        assert kw.kiosk.nav.place.index == 0  # a pinch is not a swipe


def test_the_timeline_button_shows_only_when_some_exhibit_has_a_timeline(
    tmp_path: Path, rendition_cache: Path
) -> None:
    without = load(make_site(tmp_path / "without", {"alpha": valid_exhibit(timeline=[])}))
    with open_window(without, rendition_cache) as kw:
        assert items(kw, "timelineButton") == []
    with_one = load(make_site(tmp_path / "with"))
    with open_window(with_one, rendition_cache) as kw:
        tap(kw, item(kw, "timelineButton"))
        assert kw.kiosk.nav.place.screen == "timeline"
        assert [i.property("text") for i in items(kw, "timelineLabel")] == ["2 October 1995 [uz]"]

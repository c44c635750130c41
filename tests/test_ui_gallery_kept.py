"""The gallery viewer is made the first time a gallery opens and kept while other
screens show, as the exhibit page under it: while away it is out of the window, holds
no decoded picture and follows no language tap; opened again it is the same viewer,
showing the picture asked for, unzoomed and drawn, in the language chosen meanwhile,
and another exhibit's gallery shows that exhibit's pictures, no more, no fewer.
Another text size while it is away makes it anew."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtQuick import QQuickItem

from kiosk.ui.app import KioskWindow
from kiosk.ui.render import settle
from kiosk.ui.render import visual_tree as walk
from tests.conftest import BUNDLED
from tests.uitools import (
    NULL,
    READY,
    item,
    items,
    kept,
    load,
    loader_of,
    open_window,
    picture_in,
    renditions,
)

pytestmark = pytest.mark.usefixtures("qapp")

CONTENT = load(BUNDLED)
FIRST, SECOND = CONTENT.exhibits[0], CONTENT.exhibits[1]


def shown_image(kw: KioskWindow) -> QQuickItem:
    """The pager's current picture (a ZoomableImage)."""
    current = item(kw, "galleryPager").property("currentItem")
    assert isinstance(current, QQuickItem)
    return current


def caption(kw: KioskWindow) -> str:
    return str(item(kw, "galleryCaption").property("text"))


def asked(kw: KioskWindow, index: int) -> dict[str, str]:
    """What the bridge says the gallery's picture ``index`` is, in the language shown."""
    return dict(kw.kiosk.page["gallery"][index])


def open_gallery(kw: KioskWindow, exhibit: str, index: int) -> None:
    kw.kiosk.nav.openExhibit(exhibit)
    settle(kw.window, kw.images)
    kw.kiosk.nav.openGallery(index)
    settle(kw.window, kw.images)


def test_the_viewer_is_kept_away_without_pictures_and_shows_the_picture_asked_for(
    rendition_cache: Path,
) -> None:
    with open_window(CONTENT, rendition_cache) as kw:
        nav = kw.kiosk.nav
        open_gallery(kw, FIRST.id, 1)
        viewer = kept(kw, "galleryLoader")
        assert picture_in(kw, "galleryPager")
        assert caption(kw) == asked(kw, 1)["caption"]
        shown_image(kw).setProperty("zoom", 2.5)
        settle(kw.window, kw.images)

        nav.back()  # to the page under it
        settle(kw.window, kw.images)
        assert kept(kw, "galleryLoader") is viewer and shiboken6.isValid(
            viewer
        )  # kept, not made anew
        assert viewer.parentItem() is None  # out of the window and its screen reader's tree
        assert renditions(viewer)
        assert all(p.property("imageStatus") == NULL for p in renditions(viewer))  # let go

        # a language tap on the page: the viewer away follows none
        language = CONTENT.site.default_language
        other = next(code for code in CONTENT.site.language_codes if code != language)
        before = str(
            next(i for i in walk(viewer) if i.objectName() == "galleryCaption").property("text")
        )
        kw.kiosk.language.choose(other)
        settle(kw.window, kw.images)
        assert (
            str(
                next(i for i in walk(viewer) if i.objectName() == "galleryCaption").property("text")
            )
            == before
        )

        nav.openGallery(0)
        settle(kw.window, kw.images)
        assert kept(kw, "galleryLoader") is viewer
        assert viewer.parentItem() is loader_of(kw, "galleryLoader") and viewer.isVisible()
        assert item(kw, "galleryPager").property("currentIndex") == 0
        assert caption(kw) == asked(kw, 0)["caption"] != ""
        assert str(item(kw, "galleryCounter").property("text")) == asked(kw, 0)["position"]
        assert shown_image(kw).property("zoom") == 1  # unzoomed, whatever it was left at
        assert picture_in(kw, "galleryPager")
        assert all(p.property("ready") for p in renditions(viewer) if p.property("key"))

        # another exhibit's gallery: its own pictures and captions, in the same viewer
        nav.home()
        settle(kw.window, kw.images)
        last = len(SECOND.gallery) - 1
        open_gallery(kw, SECOND.id, last)
        assert kept(kw, "galleryLoader") is viewer
        assert kw.kiosk.page["exhibitId"] == SECOND.id
        assert item(kw, "galleryPager").property("currentIndex") == last
        assert caption(kw) == asked(kw, last)["caption"]
        strip = [i for n in range(8) for i in items(kw, f"galleryStripThumb_{n}")]
        assert len(strip) == len(SECOND.gallery)
        assert picture_in(kw, "galleryPager")


def test_another_text_size_while_the_viewer_is_away_makes_it_anew(rendition_cache: Path) -> None:
    with open_window(CONTENT, rendition_cache) as kw:
        open_gallery(kw, FIRST.id, 0)
        viewer = kept(kw, "galleryLoader")
        kw.kiosk.nav.back()
        settle(kw.window, kw.images)
        kw.kiosk.appearance.set_text_scale(1.5)
        settle(kw.window, kw.images)
        assert (
            loader_of(kw, "galleryLoader").property("item") is None
        )  # let go: laid out again for no one else
        kw.kiosk.nav.openGallery(2)
        settle(kw.window, kw.images)
        made = kept(kw, "galleryLoader")
        assert made is not viewer
        assert caption(kw) == asked(kw, 2)["caption"]
        assert picture_in(kw, "galleryPager")


def test_the_pictures_are_let_go_once_the_next_screen_is_drawn_not_in_the_tap(
    rendition_cache: Path,
) -> None:
    """Back from the gallery: the page's first frame does not wait for the viewer's
    pictures to be released (each one sets off its own bindings); they go in the frame
    after, and the page's own pictures likewise when it leaves for home."""
    with open_window(CONTENT, rendition_cache) as kw:
        open_gallery(kw, FIRST.id, 0)
        viewer = kept(kw, "galleryLoader")
        kw.kiosk.nav.back()  # the tap, before any frame is drawn
        assert viewer.parentItem() is None
        assert any(p.property("imageStatus") == READY for p in renditions(viewer))
        settle(kw.window, kw.images)
        assert all(p.property("imageStatus") == NULL for p in renditions(viewer))

        page = next(i for i in walk(kw.window.contentItem()) if i.objectName() == "exhibitPage")
        held = [p for p in renditions(page) if p.property("imageStatus") == READY]
        assert held
        kw.kiosk.nav.home()
        assert all(p.property("imageStatus") == READY for p in held)
        settle(kw.window, kw.images)
        assert all(p.property("imageStatus") == NULL for p in renditions(page))

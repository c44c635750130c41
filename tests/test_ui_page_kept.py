"""The exhibit page is made once and kept while other screens show, as home and the
timeline are: Back to home destroys nothing, and the next exhibit changes the page's
words and pictures in place. While away it is out of the window, holds no decoded
picture and follows no language tap; back on screen it shows the exhibit asked for,
from its top, its cover drawn. Another text size while it is away makes it anew."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtQuick import QQuickItem

from kiosk.ui.render import settle
from kiosk.ui.render import visual_tree as walk
from tests.conftest import BUNDLED
from tests.uitools import (
    NULL,
    READY,
    item,
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


def flick(page: QQuickItem) -> QQuickItem:
    return next(i for i in walk(page) if i.objectName() == "exhibitFlick")


def title(page: QQuickItem) -> str:
    return str(next(i for i in walk(page) if i.objectName() == "pageTitle").property("text"))


def test_the_page_is_kept_away_without_pictures_and_shows_the_next_exhibit_from_its_top(
    rendition_cache: Path,
) -> None:
    with open_window(CONTENT, rendition_cache) as kw:
        nav, language = kw.kiosk.nav, CONTENT.site.default_language
        nav.openExhibit(FIRST.id)
        settle(kw.window, kw.images)
        page = kept(kw, "exhibitLoader")
        assert picture_in(kw, "hero")
        view = flick(page)
        view.setProperty("contentY", 400)
        settle(kw.window, kw.images)

        nav.back()
        settle(kw.window, kw.images)
        assert kept(kw, "exhibitLoader") is page and shiboken6.isValid(page)  # kept, not made anew
        assert page.parentItem() is None  # out of the window and its screen reader's tree
        assert all(p.property("imageStatus") == NULL for p in renditions(page))  # let go

        # a language tap at home: the page away follows none
        other = next(code for code in CONTENT.site.language_codes if code != language)
        kw.kiosk.language.choose(other)
        settle(kw.window, kw.images)
        assert title(page) == FIRST.title.get(language)

        nav.openExhibit(SECOND.id)
        settle(kw.window, kw.images)
        assert kept(kw, "exhibitLoader") is page  # the same page, its words and pictures changed
        assert page.parentItem() is loader_of(kw, "exhibitLoader") and page.isVisible()
        assert title(page) == SECOND.title.get(other)
        assert view.property("contentY") == 0  # another exhibit starts at its top
        assert picture_in(kw, "hero")
        assert all(p.property("ready") for p in renditions(page) if p.property("key"))

        # the same exhibit again, from home: from its top too
        view.setProperty("contentY", 300)
        nav.back()
        settle(kw.window, kw.images)
        nav.openExhibit(SECOND.id)
        settle(kw.window, kw.images)
        assert kept(kw, "exhibitLoader") is page and view.property("contentY") == 0
        assert picture_in(kw, "hero")


def test_another_text_size_while_the_page_is_away_makes_it_anew(rendition_cache: Path) -> None:
    with open_window(CONTENT, rendition_cache) as kw:
        kw.kiosk.nav.openExhibit(FIRST.id)
        settle(kw.window, kw.images)
        page = kept(kw, "exhibitLoader")
        kw.kiosk.nav.back()
        settle(kw.window, kw.images)
        kw.kiosk.appearance.set_text_scale(1.5)
        settle(kw.window, kw.images)
        assert (
            loader_of(kw, "exhibitLoader").property("item") is None
        )  # let go: laid out again for no one else
        kw.kiosk.nav.openExhibit(FIRST.id)
        settle(kw.window, kw.images)
        made = kept(kw, "exhibitLoader")
        assert made is not page
        assert title(made) == FIRST.title.get(CONTENT.site.default_language)
        assert picture_in(kw, "hero")


def test_away_the_page_takes_no_scroll_and_tells_no_place(rendition_cache: Path) -> None:
    """A presenter's PageDown on the About page scrolls the About page: the exhibit
    page kept away moves not, and neither its place nor its edges are told for the
    screen shown (the place kept for Back, the edges the keys ask about)."""
    with open_window(CONTENT, rendition_cache) as kw:
        nav = kw.kiosk.nav
        nav.openExhibit(FIRST.id)
        settle(kw.window, kw.images)
        page = kept(kw, "exhibitLoader")
        nav.home()
        settle(kw.window, kw.images)
        nav.openAbout()
        settle(kw.window, kw.images)
        about_view = item(kw, "aboutFlick")
        kw.kiosk.keys.scrollRequested.emit(0.9)
        settle(kw.window, kw.images)
        scrolled = about_view.property("contentY")
        assert scrolled > 0  # the screen shown scrolled
        assert flick(page).property("contentY") == 0  # the page away did not
        assert nav.scroll == scrolled  # the About page's place, as the navigation keeps it
        # the page away moved (as between visitors): the About page's place stays its own
        flick(page).setProperty("contentY", 200)
        assert nav.scroll == scrolled


def watch_statuses(pictures: list[QQuickItem]) -> dict[int, list[int]]:
    """Every status each picture passes through from now on."""
    seen: dict[int, list[int]] = {id(p): [] for p in pictures}
    for p in pictures:
        heard = p.imageStatusChanged  # type: ignore[attr-defined]
        heard.connect(lambda p=p: seen[id(p)].append(int(p.property("imageStatus"))))
    return seen


def test_pictures_let_go_start_no_decode_on_the_way_out(rendition_cache: Path) -> None:
    """A thumbnail let go goes from drawn to empty at once, on the page and in the
    gallery's strip. Before, its key was emptied, and its decode size and crop were
    undone before its file was: Qt started a decode of the whole 720-pixel thumbnail for
    each step, on its image thread, while the next screen was being drawn beside it."""
    with open_window(CONTENT, rendition_cache) as kw:
        kw.kiosk.nav.openExhibit(FIRST.id)
        settle(kw.window, kw.images)
        page = kept(kw, "exhibitLoader")
        kw.kiosk.nav.openGallery(0)
        settle(kw.window, kw.images)
        viewer = kept(kw, "galleryLoader")
        strip = [p for p in renditions(viewer) if str(p.property("key")).endswith(":thumb")]
        assert strip and all(p.property("imageStatus") == READY for p in strip)
        seen = watch_statuses(strip)
        kw.kiosk.nav.back()  # to the page: the viewer's strip lets go
        settle(kw.window, kw.images)
        assert all(p.property("imageStatus") == NULL for p in strip)  # let go
        assert all(seen[id(p)] == [NULL] for p in strip), seen  # and nothing on the way

        thumbs = [p for p in renditions(page) if str(p.property("key")).endswith(":thumb")]
        assert thumbs and all(p.property("imageStatus") == READY for p in thumbs)
        seen = watch_statuses(thumbs)
        kw.kiosk.nav.back()  # to home: the page's thumbnails let go
        settle(kw.window, kw.images)
        assert all(p.property("imageStatus") == NULL for p in thumbs)
        assert all(seen[id(p)] == [NULL] for p in thumbs), seen

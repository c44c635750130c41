"""What a screen makes when it opens: the marks of a reading only once something is
read, an exhibit page's every section once it has settled, the attract loop's two
holders of slides, with pictures only for the slides that show or come next. And in
what order pictures are asked for: Qt's image thread decodes the latest request first,
so a picture not yet on screen (the attract loop's next slide, a section below an
exhibit's cover) is asked for once the one shown is decoded."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, QTimer
from PySide6.QtQuick import QQuickItem

from kiosk.ui.app import KioskWindow
from kiosk.ui.render import pump, settle
from kiosk.ui.render import visual_tree as walk
from tests.conftest import BUNDLED
from tests.layouttools import scene_rect
from tests.uitools import (
    attract_made_again,
    distinct_colours,
    grab,
    item,
    items,
    load,
    open_window,
    visible,
)

pytestmark = pytest.mark.usefixtures("qapp")

CONTENT = load(BUNDLED)
# the exhibit with the most sections and paragraphs: the page that costs most to open
LONGEST = max(
    CONTENT.exhibits,
    key=lambda e: sum(len(s.body.get(CONTENT.site.default_language)) for s in e.sections),
)


def _made(kw: KioskWindow, type_name: str) -> list[QQuickItem]:
    """Items of a QML type in the window, shown or not."""
    return [
        i for i in walk(kw.window.contentItem()) if i.metaObject().className().startswith(type_name)
    ]


def _named(kw: KioskWindow, name: str) -> list[QQuickItem]:
    return [i for i in walk(kw.window.contentItem()) if i.objectName() == name]


def test_an_exhibit_page_makes_no_reading_marks_until_a_paragraph_is_read(
    rendition_cache: Path,
) -> None:
    with open_window(CONTENT, rendition_cache) as kw:
        kw.kiosk.nav.openExhibit(LONGEST.id)
        settle(kw.window, kw.images)
        assert items(kw, "paragraph")  # the page shows its text
        assert _made(kw, "SentenceMark") == [] and _named(kw, "sentenceMark") == []
        assert _named(kw, "readMark") == []

        # a paragraph read with no place for its sentence: a tint behind all of it
        summary = item(kw, "summary")
        first = next(p for p in items(kw, "paragraph") if summary.isAncestorOf(p))
        summary.setProperty("markStart", -1)
        summary.setProperty("markedPiece", 0)
        settle(kw.window, kw.images)
        (tint,) = items(kw, "readMark")
        assert tint.parentItem() == first
        assert scene_rect(tint).contains(scene_rect(first))
        assert items(kw, "sentenceMark") == []

        # its first sentence: a mark under each of its lines, inside the paragraph
        text = first.property("text")
        end = text.index(".") + 1 if "." in text else len(text)
        summary.setProperty("markEnd", end)
        summary.setProperty("markStart", 0)
        settle(kw.window, kw.images)
        assert items(kw, "readMark") == []
        marks = items(kw, "sentenceMark")
        assert marks and all(m.parentItem() == first for m in marks)
        shown = scene_rect(first).adjusted(-20, -2, 20, 2)
        assert all(shown.contains(scene_rect(m)) for m in marks)

        # read no more: the marks go
        summary.setProperty("markedPiece", -1)
        summary.setProperty("markStart", -1)
        settle(kw.window, kw.images)
        assert items(kw, "sentenceMark") == [] and items(kw, "readMark") == []


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_every_section_of_the_longest_page_shows_in_order_once_it_has_settled(
    size: tuple[int, int], rendition_cache: Path
) -> None:
    with open_window(CONTENT, rendition_cache, size=size) as kw:
        kw.kiosk.nav.openExhibit(LONGEST.id)
        settle(kw.window, kw.images)
        headings = _named(kw, "sectionHeading")
        assert [h.property("text") for h in headings] == [
            s.heading.get(CONTENT.site.default_language) for s in LONGEST.sections
        ]
        tops = [scene_rect(h).top() for h in headings]
        assert tops == sorted(tops) and len(set(tops)) == len(tops)
        flick = item(kw, "exhibitFlick")
        body = QRectF(0, 0, flick.width(), flick.property("contentHeight"))
        last = headings[-1].mapRectToItem(
            flick.property("contentItem"), headings[-1].boundingRect()
        )
        assert body.contains(last)  # the page is as long as all of them


def test_the_attract_loop_makes_two_slide_holders_and_pictures_only_for_the_shown_and_next(
    rendition_cache: Path,
) -> None:
    with open_window(CONTENT, rendition_cache, start="attract") as kw:
        loop = item(kw, "attractLoop")
        loop.setProperty("still", True)
        slides = len(kw.kiosk.property("attractSlides"))
        keys = [s["key"] for s in kw.kiosk.property("attractSlides")]
        assert slides > 3
        for slide in (0, 1, 2, slides - 1, 0):
            loop.setProperty("slide", slide)
            settle(kw.window, kw.images)
            # two holders that take turns, not one for every slide
            assert len(item(kw, "attractPictureArea").childItems()) == 2
            pictures = _named(kw, "attractPicture")
            wanted = {keys[slide], keys[(slide + 1) % slides]}
            assert {p.property("key") for p in pictures} == wanted
            (shown,) = [p for p in items(kw, "attractPicture") if p.parentItem().opacity() == 1]
            assert shown.property("ready") and shown.property("key") == keys[slide]


def test_the_attract_loop_asks_for_the_next_picture_when_a_swap_brings_more_slides(
    rendition_cache: Path,
) -> None:
    first = CONTENT.exhibits[0]
    one = replace(CONTENT, exhibits=(replace(first, gallery=()),), version="one slide")
    with open_window(one, rendition_cache, start="attract") as kw:
        item(kw, "attractLoop").setProperty("still", True)
        settle(kw.window, kw.images)
        assert len(kw.kiosk.property("attractSlides")) == 1
        assert len(_named(kw, "attractPicture")) == 1  # no next slide to hold
        kw.kiosk.set_content(CONTENT)  # swapped in between visitors, at the loop
        settle(kw.window, kw.images)
        keys = [s["key"] for s in kw.kiosk.property("attractSlides")]
        assert {p.property("key") for p in _named(kw, "attractPicture")} == set(keys[:2])


def test_an_exhibit_page_is_made_with_its_content_not_empty_and_then_filled(
    rendition_cache: Path,
) -> None:
    with open_window(CONTENT, rendition_cache) as kw:
        loader = next(i for i in walk(kw.window.contentItem()) if i.objectName() == "exhibitLoader")
        titles: list[str] = []

        def made() -> None:
            page = loader.property("item")
            title = next(i for i in walk(page) if i.objectName() == "pageTitle")
            titles.append(title.property("text"))

        loader.loaded.connect(made)  # type: ignore[attr-defined]  # a Loader's signal
        language = CONTENT.site.default_language
        for exhibit in CONTENT.exhibits[:2]:
            kw.kiosk.nav.openExhibit(exhibit.id)
            settle(kw.window, kw.images)
            assert item(kw, "pageTitle").property("text") == exhibit.title.get(language)
            kw.kiosk.nav.back()
            settle(kw.window, kw.images)
        # made once, with the first exhibit's words; the second changed them in place
        assert titles == [CONTENT.exhibits[0].title.get(language)]


def test_the_attract_loops_next_picture_is_asked_for_once_the_shown_one_is_ready(
    rendition_cache: Path,
) -> None:
    with open_window(CONTENT, rendition_cache) as kw:
        attract_made_again(kw)
        (shown,) = _named(kw, "attractPicture")
        assert shown.parentItem().objectName() == "attractSlide_0"
        assert shown.property("pending"), "the first slide's picture was ready at once"
        settle(kw.window, kw.images)
        assert shown.property("ready")
        pictures = {p.parentItem().objectName(): p for p in _named(kw, "attractPicture")}
        assert sorted(pictures) == ["attractSlide_0", "attractSlide_1"]
        # made and decoded before its turn, but not drawn while it is transparent
        upcoming = pictures["attractSlide_1"]
        for _ in range(200):  # decoded on Qt's image thread (settle looks at what is drawn)
            if upcoming.property("ready"):
                break
            pump(25)
        assert upcoming.property("ready") and not upcoming.parentItem().isVisible()


# an exhibit whose first section, made with the page, has a picture
WITH_PICTURE = next(e for e in CONTENT.exhibits if e.sections and e.sections[0].image)


def test_an_exhibit_pages_cover_is_asked_for_before_its_sections_pictures(
    rendition_cache: Path,
) -> None:
    with open_window(CONTENT, rendition_cache) as kw:
        kw.kiosk.nav.openExhibit(WITH_PICTURE.id)  # once, for the renditions to be built
        settle(kw.window, kw.images)
        kw.kiosk.nav.back()
        settle(kw.window, kw.images)
        kw.kiosk.nav.openExhibit(WITH_PICTURE.id)  # the page is made now
        hero = item(kw, "hero")
        assert hero.property("pending"), "the cover was ready at once"
        held = _named(kw, "sectionPicture")
        assert held and all(p.property("key") == "" for p in held)
        settle(kw.window, kw.images)
        pictures = _named(kw, "sectionPicture")
        wanted = [s.image for s in WITH_PICTURE.sections if s.image]
        assert len([p for p in pictures if p.property("key")]) == len(wanted)
        assert all(p.property("ready") for p in pictures if p.property("key"))

        # a cover asked for again (built later, on a first run) takes back no picture
        keys = [p.property("key") for p in pictures]
        cover = hero.property("key")
        hero.setProperty("key", "")
        hero.setProperty("key", cover)
        assert hero.property("pending")
        assert [p.property("key") for p in _named(kw, "sectionPicture")] == keys
        settle(kw.window, kw.images)


def test_a_section_picture_held_for_the_cover_is_drawn_when_scrolled_to(
    rendition_cache: Path,
) -> None:
    """Held back while the cover decodes, the picture still reaches the screen: in
    sight, of its size, not covered, and drawn (not the flat placeholder)."""
    with open_window(CONTENT, rendition_cache) as kw:
        kw.kiosk.nav.openExhibit(WITH_PICTURE.id)
        settle(kw.window, kw.images)
        picture = _named(kw, "sectionPicture")[0]  # the first section's: it has one
        flick = item(kw, "exhibitFlick")
        top = picture.mapToItem(flick.property("contentItem"), 0, 0).y()
        flick.setProperty("contentY", max(0.0, top - 40))
        settle(kw.window, kw.images)
        box = scene_rect(picture)
        assert visible(picture) and box.width() > 0 and box.height() > 0
        assert QRectF(0, 0, kw.window.width(), kw.window.height()).contains(box)
        # drawn, and not under anything flat: the grabbed box shows the picture's colours
        shot = grab(kw).copy(box.toRect())
        assert distinct_colours(shot) > 20, "the placeholder, or something over it"


def _cover_asked_again(kw: KioskWindow) -> tuple[QQuickItem, QQuickItem, QQuickItem]:
    """An exhibit opened once (its renditions built), left and opened again: its
    cover's holder, the fitted picture and its veiled fill, just asked for."""
    kw.kiosk.nav.openExhibit(WITH_PICTURE.id)
    settle(kw.window, kw.images)
    kw.kiosk.nav.back()
    settle(kw.window, kw.images)
    kw.kiosk.nav.openExhibit(WITH_PICTURE.id)
    hero = item(kw, "hero")
    (picture,) = [i for i in walk(hero) if i.objectName() == "picture"]
    (fill,) = [i for i in walk(hero) if i.objectName() == "pictureFill"]
    return hero, picture, fill


def test_a_covers_veiled_fill_is_drawn_from_the_same_decode_as_the_cover(
    rendition_cache: Path,
) -> None:
    """The fitted cover and the veiled copy that fills its band ask Qt for the same
    picture (source, size, fill mode: Qt's pixmap cache tells fill modes apart), so one
    decode draws both, ready together. A cropped fill was a second decode of the whole
    picture, ready a decode's length before or after the cover."""
    with open_window(CONTENT, rendition_cache) as kw:
        hero, picture, fill = _cover_asked_again(kw)
        assert hero.property("pending"), "the cover was ready at once"
        for asked in ("source", "sourceSize", "sourceClipRect"):  # (PySide cannot read fillMode)
            assert fill.property(asked) == picture.property(asked), asked
        # whichever is decoded first, the other is too by the next turn of the event loop
        together: list[tuple[float, float]] = []

        def look() -> None:
            together.append((picture.property("progress"), fill.property("progress")))

        def decoded(progress: float) -> None:
            if progress == 1 and not together:
                QTimer.singleShot(0, look)

        picture.progressChanged.connect(decoded)  # type: ignore[attr-defined]
        fill.progressChanged.connect(decoded)  # type: ignore[attr-defined]
        settle(kw.window, kw.images)
        pump(50)
        assert together[:1] == [(1, 1)]


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800), (1080, 1920)])
def test_a_cover_is_decoded_once_at_the_size_its_band_draws_it(
    rendition_cache: Path, size: tuple[int, int]
) -> None:
    """A cover is decoded as tall as its fitted picture and at least half as tall as
    the veiled copy that fills its band, not at its rendition's full size (1920 x 1280
    for a band 280 pixels high), and it is asked for only once that size is in place:
    a first request at the full size would be a whole decode for nothing. Both the
    fitted picture and its fill are drawn from that decode."""
    with open_window(CONTENT, rendition_cache, size=size) as kw:
        hero, picture, fill = _cover_asked_again(kw)
        rendition = kw.kiosk.imageSize(hero.property("key"), 0)
        asked = picture.property("sourceSize")
        # asked for with its decode size from the start
        assert str(picture.property("source").toString()) != ""
        assert 0 < asked.height() < rendition.height(), (asked, rendition)
        settle(kw.window, kw.images)
        band_height = hero.height()
        assert asked.height() >= band_height  # the fitted picture is never scaled up
        assert asked.height() >= fill.height() / 2 - 1  # the fill at most twice its decode
        assert fill.property("sourceSize") == asked
        decoded = picture.property("implicitHeight")  # the decoded picture's own height
        assert band_height <= decoded < rendition.height()
        # drawn: the fitted picture and, beside it, its veiled copy (not a plain band)
        shot = grab(kw).copy(scene_rect(hero).toRect())
        painted = picture.property("paintedWidth")
        left = shot.copy(0, 0, int((shot.width() - painted) / 2) - 2, shot.height())
        assert left.width() <= 0 or distinct_colours(left, 12) > 3
        assert distinct_colours(shot, 30) > 10

        # asked for again (its rendition built later, on a first run): never first at
        # the full size, whichever of the source and the size Qt hears of first
        asks: list[tuple[str, int]] = []

        def heard() -> None:
            source = picture.property("source").toString()
            if source:
                asks.append((source, picture.property("sourceSize").height()))

        picture.sourceChanged.connect(heard)  # type: ignore[attr-defined]
        cover = hero.property("key")
        hero.setProperty("key", "")
        hero.setProperty("key", cover)
        settle(kw.window, kw.images)
        assert asks and all(height == asked.height() for _, height in asks), asks


def test_home_is_not_laid_out_again_by_an_idle_reset_nor_by_leaving_the_loop(
    rendition_cache: Path,
) -> None:
    """The attract loop covers the control bar, which keeps its height: home, kept out
    of sight meanwhile, keeps its size, and its tiles ask for no picture again (they
    did twice a visit, ahead of the loop's own slide on Qt's image thread)."""
    with open_window(CONTENT, rendition_cache) as kw:
        home = item(kw, "home")
        size = (home.width(), home.height())
        tiles = [i for i in walk(home) if i.objectName() == "picture"]
        assert tiles
        asked: list[str] = []
        for picture in tiles:
            picture.sourceSizeChanged.connect(lambda: asked.append("size"))  # type: ignore[attr-defined]
            picture.sourceChanged.connect(lambda: asked.append("source"))  # type: ignore[attr-defined]
        kw.kiosk.reset_to_attract()
        settle(kw.window, kw.images)
        assert item(kw, "attractLoop").isVisible()
        kw.kiosk.nav.home()
        settle(kw.window, kw.images)
        assert item(kw, "home") is home and (home.width(), home.height()) == size
        assert asked == []

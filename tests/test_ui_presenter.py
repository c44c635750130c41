"""A presenter's and a visitor's walk in the real window: keys, Back, language changes."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from kiosk.content.model import ContentSet
from kiosk.ui.app import KioskWindow
from kiosk.ui.render import pump, settle
from tests.conftest import BUNDLED
from tests.uitools import grab, item, items, key, load, open_window, tap

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture(scope="module")
def content() -> ContentSet:
    return load(BUNDLED)


def _open_from_timeline(kw: KioskWindow, content: ContentSet) -> str:
    tap(kw, item(kw, "timelineButton"))
    tap(kw, item(kw, "momentCard_1"))  # a moment on the time axis
    assert kw.kiosk.nav.place.index == 1
    target = content.timeline()[1][0].id
    tap(kw, item(kw, "timelineOpenExhibit"))
    assert (kw.kiosk.nav.place.screen, kw.kiosk.nav.place.exhibit_id) == ("exhibit", target)
    return target


def test_back_button_after_timeline_then_exhibit_returns_to_the_timeline(
    content, rendition_cache: Path
) -> None:
    with open_window(content, rendition_cache) as kw:
        _open_from_timeline(kw, content)
        tap(kw, item(kw, "backButton"))
        assert kw.kiosk.nav.place.screen == "timeline"
        assert item(kw, "timelinePage").isVisible()
        assert kw.kiosk.nav.place.index == 1


@pytest.mark.parametrize("size", [(720, 720), (1280, 800)])
def test_back_to_the_timeline_shows_the_last_moment_whole_as_it_was_left(
    content, rendition_cache: Path, size: tuple[int, int]
) -> None:
    last = len(content.timeline()) - 1
    with open_window(content, rendition_cache, size=size) as kw:
        tap(kw, item(kw, "timelineButton"))
        kw.kiosk.nav.focusIndex(last)  # as a tap on its card on the axis does
        settle_ui(kw)
        listing = item(kw, "timelineList")
        view = listing.mapRectToScene(listing.boundingRect())

        def whole_in_view(name: str) -> bool:  # to a pixel: laid out in fractions
            shown = item(kw, name)
            box = shown.mapRectToScene(shown.boundingRect())
            return box.top() >= view.top() - 1 and box.bottom() <= view.bottom() + 1

        assert whole_in_view(f"timelineEntry_{last}")
        tap(kw, item(kw, "timelineOpenExhibit"))  # its exhibit, then Back
        settle_ui(kw)
        tap(kw, item(kw, "backButton"))
        settle_ui(kw)
        assert kw.kiosk.nav.place.index == last
        # whole in the list's view, its exhibit link too (not cut off at the bottom)
        assert whole_in_view(f"timelineEntry_{last}")
        assert whole_in_view("timelineOpenExhibit")


def test_backspace_after_timeline_then_exhibit_returns_to_the_timeline(
    content, rendition_cache: Path
) -> None:
    with open_window(content, rendition_cache) as kw:
        _open_from_timeline(kw, content)
        key(kw, Qt.Key.Key_Backspace)
        assert kw.kiosk.nav.place.screen == "timeline"
        assert item(kw, "timelinePage").isVisible()


def _flick(kw: KioskWindow) -> QQuickItem:
    return item(kw, "exhibitFlick")


def _shown(kw: KioskWindow, name: str) -> bool:
    """Whether an item is on screen: visible, with a size, inside the window's height."""
    target = item(kw, name)
    top = target.mapToScene(QPointF(0, 0)).y()
    bottom = top + target.height()
    return target.width() > 0 and target.height() > 0 and top >= 0 and bottom <= kw.window.height()


def test_down_and_up_scroll_the_exhibit_page_and_do_not_change_exhibit(
    content, rendition_cache: Path
) -> None:
    first = content.exhibits[0].id
    with open_window(content, rendition_cache, size=(1280, 800)) as kw:
        key(kw, Qt.Key.Key_Return)
        assert kw.kiosk.nav.place.exhibit_id == first
        flick = _flick(kw)
        assert flick.property("contentY") == 0
        key(kw, Qt.Key.Key_Down)
        key(kw, Qt.Key.Key_Down)
        scrolled = flick.property("contentY")
        assert scrolled > 0.3 * flick.height()
        assert kw.kiosk.nav.place.exhibit_id == first
        key(kw, Qt.Key.Key_Up)
        assert 0 < flick.property("contentY") < scrolled
        key(kw, Qt.Key.Key_Right)
        assert kw.kiosk.nav.place.exhibit_id == content.exhibits[1].id
        assert _flick(kw).property("contentY") == 0  # the next exhibit starts at its top
        key(kw, Qt.Key.Key_Left)
        assert kw.kiosk.nav.place.exhibit_id == first


def test_page_down_reads_to_the_end_of_the_page_then_opens_the_next_exhibit(
    content, rendition_cache: Path
) -> None:
    ids = [e.id for e in content.exhibits]
    with open_window(content, rendition_cache, size=(1280, 800)) as kw:
        key(kw, Qt.Key.Key_Return)
        flick = _flick(kw)
        end = flick.property("contentHeight") - flick.height()
        assert end > 2 * flick.height()  # the page is several screens long
        positions = [flick.property("contentY")]
        while kw.kiosk.nav.place.exhibit_id == ids[0]:
            assert len(positions) < 40, "PageDown never reached the next exhibit"
            key(kw, Qt.Key.Key_PageDown)
            positions.append(_flick(kw).property("contentY"))
        assert positions[-2] == pytest.approx(end, abs=1)  # the end was shown before moving on
        steps = [b - a for a, b in itertools.pairwise(positions[:-1])]
        assert all(0 < s <= flick.height() for s in steps)  # no text skipped
        assert kw.kiosk.nav.place.exhibit_id == ids[1]
        assert positions[-1] == 0
        key(kw, Qt.Key.Key_PageDown)
        assert kw.kiosk.nav.place.exhibit_id == ids[1]
        key(kw, Qt.Key.Key_PageUp)
        key(kw, Qt.Key.Key_PageUp)
        assert kw.kiosk.nav.place.exhibit_id == ids[0]


def test_quick_presses_each_count_while_the_page_still_scrolls(
    content, rendition_cache: Path
) -> None:
    """A clicker pressed twice in quick succession (its scroll still moving): each press
    is one screenful or one step, as pressed slowly. A press made while the page was
    still scrolling to its end was lost: the page was not yet at its end, so it was
    asked to scroll to where it was already going."""
    ids = [e.id for e in content.exhibits]
    with open_window(content, rendition_cache, size=(1280, 800), transitions=True) as kw:

        def from_the_top(pressed: Qt.Key) -> None:  # the first exhibit, at its top or end
            kw.kiosk.nav.openExhibit(ids[0])
            settle(kw.window, kw.images)
            if pressed == Qt.Key.Key_PageUp:
                while not kw.kiosk.nav.page_edges[1]:
                    key(kw, Qt.Key.Key_PageDown)

        for pressed, expected in ((Qt.Key.Key_PageDown, ids[1]), (Qt.Key.Key_PageUp, ids[-1])):
            from_the_top(pressed)
            presses = 0
            while kw.kiosk.nav.place.exhibit_id == ids[0]:  # slowly: how many it takes
                assert presses < 40, "the page's edge was never passed"
                key(kw, pressed)
                presses += 1
            assert kw.kiosk.nav.place.exhibit_id == expected
            assert presses >= 3  # the page is several screens long
            from_the_top(pressed)
            for _ in range(presses):
                QTest.keyClick(kw.window, pressed)
                pump(60)  # a quick second press: the scroll takes ui.fade, 220 ms
            settle(kw.window, kw.images)
            assert kw.kiosk.nav.place.exhibit_id == expected, pressed


def test_the_end_of_each_page_offers_the_next_exhibit(content, rendition_cache: Path) -> None:
    ids = [e.id for e in content.exhibits]
    with open_window(content, rendition_cache, size=(1280, 800)) as kw:
        key(kw, Qt.Key.Key_Return)
        assert not _shown(kw, "nextExhibit")  # below the first screen
        flick = _flick(kw)
        flick.setProperty("contentY", flick.property("contentHeight") - flick.height())
        settle_ui(kw)
        assert _shown(kw, "nextExhibit")
        label = "Keyingisi: " + content.exhibits[1].title.get("uz")
        assert item(kw, "nextExhibit").property("text") == label
        tap(kw, item(kw, "nextExhibit"))
        assert kw.kiosk.nav.place.exhibit_id == ids[1]


def test_f1_and_question_mark_show_the_key_help(content, rendition_cache: Path) -> None:
    with open_window(content, rendition_cache, size=(1280, 800)) as kw:
        before = grab(kw)
        key(kw, Qt.Key.Key_F1)
        card = item(kw, "presenterHelpCard")
        assert card.width() > 400 and card.height() > 400
        assert _inside(kw, card)
        keys = [i.property("text") for i in items(kw, "helpKeys")]
        assert "Down / Up" in keys and "Ctrl+Q" in keys
        assert grab(kw) != before
        key(kw, Qt.Key.Key_Escape)
        assert not items(kw, "presenterHelp")
        assert kw.kiosk.nav.place.screen == "home"  # Esc closed the help, nothing else
        # PySide's stub lacks Qt's keyClick(QWindow *, char) overload
        QTest.keyClick(kw.window, "?")  # type: ignore[call-overload]
        settle_ui(kw)
        assert items(kw, "presenterHelpCard")


def _inside(kw: KioskWindow, target: QQuickItem) -> bool:
    corner = target.mapToScene(QPointF(0, 0))
    return (
        corner.x() >= 0
        and corner.y() >= 0
        and corner.x() + target.width() <= kw.window.width()
        and corner.y() + target.height() <= kw.window.height()
    )


def settle_ui(kw: KioskWindow) -> None:
    settle(kw.window, kw.images, timeout_s=30)


def test_ctrl_q_asks_to_quit_a_presentation_and_never_a_kiosk(
    content, rendition_cache: Path
) -> None:
    with open_window(content, rendition_cache, size=(1280, 800)) as kw:
        quits: list[int] = []
        kw.kiosk.presenter.quitRequested.connect(lambda: quits.append(1))
        QTest.keyClick(kw.window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
        assert quits == []  # kiosk mode (the default): only the staff panel quits
        key(kw, Qt.Key.Key_Escape)
        assert not items(kw, "quitQuestion")
        kw.kiosk.presenter.set_quit_allowed(True)  # what --windowed and --preview set
        QTest.keyClick(kw.window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
        assert quits == [1]


def test_esc_on_the_home_screen_asks_before_quitting(content, rendition_cache: Path) -> None:
    with open_window(content, rendition_cache, size=(1280, 800)) as kw:
        quits: list[int] = []
        kw.kiosk.presenter.quitRequested.connect(lambda: quits.append(1))
        kw.kiosk.presenter.set_quit_allowed(True)
        before = grab(kw)
        key(kw, Qt.Key.Key_Escape)
        question = item(kw, "quitQuestionText")
        assert question.width() > 100 and question.height() > 20 and _inside(kw, question)
        assert _shown(kw, "quitConfirm") and _shown(kw, "quitStay")
        assert grab(kw) != before
        key(kw, Qt.Key.Key_Right)  # swallowed while asking
        assert kw.kiosk.nav.place.index == 0
        key(kw, Qt.Key.Key_Escape)  # stay
        assert not items(kw, "quitQuestion") and quits == []
        key(kw, Qt.Key.Key_Escape)
        key(kw, Qt.Key.Key_Return)
        assert quits == [1]
        key(kw, Qt.Key.Key_Escape)
        tap(kw, item(kw, "quitConfirm"))
        assert quits == [1, 1]


def test_esc_on_an_exhibit_page_goes_back_without_asking(content, rendition_cache: Path) -> None:
    with open_window(content, rendition_cache, size=(1280, 800)) as kw:
        kw.kiosk.presenter.set_quit_allowed(True)
        key(kw, Qt.Key.Key_Return)
        key(kw, Qt.Key.Key_Escape)
        assert kw.kiosk.nav.place.screen == "home"
        assert not items(kw, "quitQuestion")


def test_a_language_change_keeps_the_gallery_image(content, rendition_cache: Path) -> None:
    exhibit = next(e for e in content.exhibits if len(e.gallery) > 2)
    with open_window(content, rendition_cache, size=(1280, 800)) as kw:
        kw.kiosk.nav.openExhibit(exhibit.id)
        kw.kiosk.nav.openGallery(1)
        settle_ui(kw)
        assert item(kw, "galleryCaption").property("text") == exhibit.gallery[1].caption.get("uz")
        kw.kiosk.language.choose("ru")
        settle_ui(kw)
        assert kw.kiosk.nav.place.index == 1
        assert item(kw, "galleryCaption").property("text") == exhibit.gallery[1].caption.get("ru")
        assert item(kw, "galleryPager").property("currentIndex") == 1
        pager = item(kw, "galleryPager")
        assert pager.property("contentX") == pytest.approx(pager.width(), abs=2)  # image 2 shows
        key(kw, Qt.Key.Key_Right)  # and the next key goes on from there
        assert kw.kiosk.nav.place.index == 2


def test_a_language_change_keeps_the_open_timeline_entry(content, rendition_cache: Path) -> None:
    with open_window(content, rendition_cache, size=(1280, 800)) as kw:
        kw.kiosk.nav.navigator.open_timeline(3)  # the fourth entry open, as a tap does
        settle_ui(kw)
        listing = item(kw, "timelineList")
        listing.setProperty("contentY", listing.property("contentY") + 200)
        settle_ui(kw)
        entry_y = item(kw, "timelineEntry_3").mapToScene(QPointF(0, 0)).y()
        assert _shown(kw, "timelineEntry_3")
        kw.kiosk.language.choose("en")
        settle_ui(kw)
        assert kw.kiosk.nav.place.index == 3
        assert item(kw, "timelineList").property("currentIndex") == 3  # still open
        entry = item(kw, "timelineEntry_3")
        assert entry.mapToScene(QPointF(0, 0)).y() == pytest.approx(entry_y, abs=40)
        assert _shown(kw, "timelineEntry_3")
        labels = [i.property("text") for i in items(kw, "timelineHeading")]
        assert content.timeline()[3][1].title.get("en") in labels


def test_a_language_change_keeps_the_place_on_an_exhibit_page(
    content, rendition_cache: Path
) -> None:
    with open_window(content, rendition_cache, size=(1280, 800)) as kw:
        key(kw, Qt.Key.Key_Return)
        exhibit = kw.kiosk.nav.exhibitId
        headings = []
        for _ in range(4):  # down the page until a section heading is in view
            key(kw, Qt.Key.Key_Down)
            headings = [h for h in items(kw, "sectionHeading") if _visible_in(kw, h)]
            if headings and _flick(kw).property("contentY") > 0:
                break
        flick = _flick(kw)
        assert kw.kiosk.nav.exhibitId == exhibit
        assert headings and flick.property("contentY") > 0
        index = items(kw, "sectionHeading").index(headings[0])
        share = flick.property("contentY") / (flick.property("contentHeight") - flick.height())
        kw.kiosk.language.choose("en")
        settle_ui(kw)
        flick = _flick(kw)
        after = flick.property("contentY") / (flick.property("contentHeight") - flick.height())
        assert after == pytest.approx(share, abs=0.05)
        assert _visible_in(kw, items(kw, "sectionHeading")[index])


def _visible_in(kw: KioskWindow, target: QQuickItem) -> bool:
    top = target.mapToScene(QPointF(0, 0)).y()
    return top >= 0 and top + target.height() <= kw.window.height()


def _read_on(flick: QQuickItem, column: QQuickItem) -> Iterator[tuple[QQuickItem, float]]:
    """Each visible item of the page over the text's column (not beside it: the gallery,
    the facts), with its top in the page's coordinates."""
    from kiosk.ui.render import visual_tree

    content = flick.property("contentItem")
    left = column.mapToScene(QPointF(0, 0)).x()
    right = left + column.width()
    for found in visual_tree(content):
        x = found.mapToScene(QPointF(0, 0)).x()
        if found.isVisible() and x + found.width() > left and x < right:
            yield found, found.mapToItem(content, QPointF(0, 0)).y()


def lines_cut_at_the_top(kw: KioskWindow, flick: QQuickItem, column: QQuickItem) -> list[str]:
    """The texts read on whose line the screen's top edge cuts through, more than a
    pixel from a line's top."""
    top = flick.property("contentY")
    cut = []
    for text, y in _read_on(flick, column):
        lines = text.property("lineCount")
        if not isinstance(lines, int) or lines < 1:
            continue
        first = y + text.property("topPadding")
        height = text.property("contentHeight")
        if not first + 1 < top < first + height - 1:
            continue
        line = height / lines
        into = (top - first) % line
        if 1 < into < line - 1:
            cut.append(f"{text.property('text')[:40]!r} at {into:.1f} of {line:.1f}")
    return cut


def pictures_cut_at_the_top(flick: QQuickItem, column: QQuickItem) -> list[str]:
    """The pictures read on, no taller than the view, whose top the view's top edge has
    passed and whose foot it has not: the foot of a picture at the top of a screenful.
    (A picture taller than the view is cut wherever the screenful starts.)"""
    top = flick.property("contentY")
    cut = []
    for picture, y in _read_on(flick, column):
        if picture.property("imageStatus") is None:
            continue  # not a RenditionImage
        height = picture.height()
        if 0 < height <= flick.height() and y + 1 < top < y + height - 1:
            cut.append(f"{picture.objectName() or 'picture'} at {top - y:.0f} of {height:.0f}")
    return cut


def _page_down_to_the_end(
    kw: KioskWindow, flick: QQuickItem, column: QQuickItem, page: str
) -> None:
    """PageDown to the page's end: each press moves on by at most a screen (nothing
    skipped), and each screenful but the last starts on a whole line, never under the
    top of a picture that fits on the screen."""
    end = flick.property("contentHeight") - flick.height()
    seen = [flick.property("contentY")]
    while flick.property("contentY") < end - 1:
        assert len(seen) < 60
        key(kw, Qt.Key.Key_PageDown)
        top = flick.property("contentY")
        assert seen[-1] < top <= seen[-1] + flick.height(), (page, seen)
        seen.append(top)
        if top < end - 1:
            assert lines_cut_at_the_top(kw, flick, column) == [], (page, seen)
            assert pictures_cut_at_the_top(flick, column) == [], (page, seen)


@pytest.mark.parametrize(
    ("size", "language"), [((800, 600), "ru"), ((1280, 800), "az"), ((1080, 1920), "uz")]
)
def test_each_screenful_of_page_down_starts_on_a_whole_line(
    content, rendition_cache: Path, size: tuple[int, int], language: str
) -> None:
    """A talk's audience reads a page screenful by screenful: never half a line at the
    top of one (the end of a page excepted: it shows the page's end)."""
    with open_window(content, rendition_cache, size=size) as kw:
        kw.kiosk.language.choose(language)
        settle(kw.window, kw.images)
        for exhibit in content.exhibits[:3]:
            kw.kiosk.nav.openExhibit(exhibit.id)
            settle(kw.window, kw.images)
            _page_down_to_the_end(kw, _flick(kw), item(kw, "textColumn"), exhibit.id)


@pytest.mark.parametrize("size", [(800, 600), (1280, 800)])
def test_each_screenful_of_the_sources_starts_on_a_whole_line(
    content, rendition_cache: Path, size: tuple[int, int]
) -> None:
    with open_window(content, rendition_cache, size=size) as kw:
        kw.kiosk.language.choose("ru")
        kw.kiosk.nav.openAbout()
        settle(kw.window, kw.images)
        flick = item(kw, "aboutFlick")
        _page_down_to_the_end(kw, flick, flick, "about")

"""The timeline's time axis and its list: years in proportion with a visible break,
moment cards that do not overlap and can be dragged, taps that open a moment, its
exhibit and its places on the map; and the list's own fixes (the year once, a wider
column at larger text, chevrons centred, Back to an exhibit where it was left)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtQuick import QQuickItem

from kiosk.content.model import ContentSet
from kiosk.runtime.timeaxis import axis, place_cards
from kiosk.ui.app import KioskWindow
from kiosk.ui.render import pump, settle
from tests.conftest import BUNDLED
from tests.factories import MISSING, make_site, valid_exhibit
from tests.layouttools import scene_rect
from tests.uitools import grab, item, items, key, load, open_window, reader_hears, swipe, tap, walk

DATES = ["1991", "1995-10-02", "1997", "2023", "2023-08", "2024"]


@pytest.fixture(scope="module")
def content() -> ContentSet:
    return load(BUNDLED)


def test_years_are_in_proportion_and_a_long_gap_is_a_short_break() -> None:
    shape = axis(DATES)
    ticks = dict(shape.ticks)
    assert list(ticks) == [*range(1991, 1999), 2023, 2024]
    steps = [ticks[y + 1] - ticks[y] for y in range(1991, 1998)]
    assert max(steps) - min(steps) < 1e-9  # one year is one year's length
    ((start, end, first, last),) = shape.breaks
    assert (first, last) == (1999, 2022)
    assert ticks[1998] < start < end <= ticks[2023]
    assert end - start < 2 * steps[0]  # 24 empty years take less than two years' room
    assert list(shape.moments) == sorted(shape.moments)
    assert shape.moments[1] == pytest.approx(ticks[1995] + steps[0] * (9 / 12 + 1 / 365))


def test_cards_keep_their_order_and_never_overlap() -> None:
    lefts = place_cards([100, 110, 120, 900], card=200, gap=20)
    assert all(b - a >= 220 for a, b in itertools.pairwise(lefts))
    assert lefts[3] == 800  # room enough: under its own point


@pytest.fixture(params=[(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def window(
    request: pytest.FixtureRequest, content: ContentSet, rendition_cache: Path
) -> Iterator[KioskWindow]:
    with open_window(content, rendition_cache, size=request.param) as kw:
        yield kw


def _open_timeline(kw: KioskWindow) -> None:
    kw.kiosk.nav.navigator.home()
    kw.kiosk.nav.navigator.open_timeline()
    settle(kw.window, kw.images)


def _cards(kw: KioskWindow) -> list[QQuickItem]:
    found = [i for i in walk(kw.window.contentItem()) if i.objectName().startswith("momentCard_")]
    return sorted(found, key=lambda i: int(i.objectName().split("_")[1]))


def _overlap(a: QRectF, b: QRectF) -> bool:
    return a.intersects(b) and not a.intersected(b).isEmpty()


def test_the_axis_shows_years_and_cards_apart(window: KioskWindow, content: ContentSet) -> None:
    kw = window
    for scale in (1.0, 1.25, 1.5):
        kw.kiosk.appearance.set_text_scale(scale)
        for language in ("uz", "az", "ru", "en"):
            kw.kiosk.language.choose(language)
            _open_timeline(kw)
            where = (kw.window.width(), scale, language)
            flick = item(kw, "timeAxisFlick")
            cards = _cards(kw)
            assert len(cards) == len(content.timeline()), where
            # the cards, in the flick's own coordinates: in date order, none over another
            rects = [QRectF(c.x(), c.y(), c.width(), c.height()) for c in cards]
            for a, b in itertools.pairwise(rects):
                assert a.right() <= b.left(), where
            assert rects[-1].right() <= flick.property("contentWidth"), where
            for card, rect in zip(cards, rects, strict=True):
                assert rect.height() >= 48 and rect.width() >= 48, where
                for text in walk(card):
                    if text.objectName() in ("momentDate", "momentTitle"):
                        # the date and the title are whole inside their card
                        inside = scene_rect(card).contains(scene_rect(text))
                        assert inside, (where, text.property("text"))
            years = [y for y in items(kw, "axisYear")]
            shown = [scene_rect(y) for y in years]
            # at the axis's start, the first year is whole on screen
            assert shown[0].left() >= 0, where
            for a, b in itertools.pairwise(shown):
                assert a.right() <= b.left(), where
            assert items(kw, "axisBreak"), where
            title = scene_rect(item(kw, "timelineTitle"))
            assert title.top() >= 0 and scene_rect(flick).top() >= title.bottom() - 1, where


def test_drag_along_the_axis_and_tap_a_moment(content: ContentSet, rendition_cache: Path) -> None:
    with open_window(content, rendition_cache, size=(1080, 1920)) as kw:
        kw.kiosk.language.choose("en")
        _open_timeline(kw)
        flick = item(kw, "timeAxisFlick")
        rect = scene_rect(flick).toRect()
        assert flick.property("contentWidth") > flick.width()  # more to the right
        y = rect.top() + rect.height() // 2
        swipe(kw, QPoint(rect.right() - 60, y), QPoint(rect.left() + 60, y))
        assert flick.property("contentX") > 100
        timeline = content.timeline()
        last = len(timeline) - 1
        card = _cards(kw)[last]
        assert scene_rect(card).intersects(scene_rect(flick))
        tap(kw, scene_rect(card).intersected(scene_rect(flick)).center().toPoint())
        assert kw.kiosk.nav.place.index == last
        exhibit, entry = timeline[last]
        (open_exhibit,) = items(kw, "timelineOpenExhibit")
        assert open_exhibit.property("text") == exhibit.title.get("en")
        on_map = items(kw, "timelineOnMap")
        assert [b.property("text") for b in on_map] == [
            f"On the map: {p.name.get('en')}" for p in content.places if p.id in entry.places
        ]
        assert scene_rect(item(kw, "timelineList")).contains(scene_rect(on_map[-1]))
        tap(kw, on_map[0])
        assert kw.kiosk.nav.place.screen == "map"
        chosen = content.places[kw.kiosk.nav.place.index]
        assert chosen.id in entry.places
        assert item(kw, "mapPlaceName").property("text") == chosen.name.get("en")
        tap(kw, item(kw, "backButton"))
        assert (kw.kiosk.nav.place.screen, kw.kiosk.nav.place.index) == ("timeline", last)


def test_left_and_right_step_through_moments_and_bring_each_card_into_view(
    content: ContentSet, rendition_cache: Path
) -> None:
    with open_window(content, rendition_cache, size=(1080, 1920)) as kw:
        key(kw, Qt.Key.Key_T)
        flick = scene_rect(item(kw, "timeAxisFlick"))
        for index in range(1, len(content.timeline())):
            key(kw, Qt.Key.Key_Right)
            pump(300)
            assert kw.kiosk.nav.place.index == index
            card = scene_rect(_cards(kw)[index])  # along the axis: whole in view
            assert flick.left() <= card.left() and card.right() <= flick.right()
        # past the last moment, round to the first, open and in view; Left goes back
        key(kw, Qt.Key.Key_Right)
        pump(300)
        assert kw.kiosk.nav.place.index == 0
        assert item(kw, "timelineList").property("currentIndex") == 0
        card = scene_rect(_cards(kw)[0])
        assert flick.left() <= card.left() and card.right() <= flick.right()
        key(kw, Qt.Key.Key_Left)
        assert kw.kiosk.nav.place.index == len(content.timeline()) - 1


def test_every_moment_is_a_named_button_for_a_screen_reader(
    content: ContentSet, rendition_cache: Path
) -> None:
    with open_window(content, rendition_cache) as kw:
        kw.kiosk.language.choose("az")
        _open_timeline(kw)
        heard = reader_hears(kw)
        for index, (_, entry) in enumerate(content.timeline()):
            name = f"{entry.label.get('az')}, {entry.title.get('az')}"
            assert (QAccessible.Role.Button, f"momentCard_{index}", name) in heard


def test_the_list_shows_each_year_once(window: KioskWindow, content: ContentSet) -> None:
    kw = window
    kw.kiosk.language.choose("en")
    _open_timeline(kw)
    assert items(kw, "timelineYear") == []  # no year column beside the label
    entries = [
        i for i in walk(kw.window.contentItem()) if i.objectName().startswith("timelineEntry_")
    ]
    assert entries
    for entry in entries:
        (card,) = [i for i in walk(entry) if i.objectName() == "timelineCard"]
        in_card = {shiboken6.getCppPointer(i)[0] for i in walk(card)}
        beside = [
            t.property("text")
            for t in walk(entry)
            if shiboken6.getCppPointer(t)[0] not in in_card and t.isVisible() and t.property("text")
        ]
        assert beside == []  # the year is said by the label in the card, once
        label = next(t for t in walk(card) if t.objectName() == "timelineLabel")
        heading = next(t for t in walk(card) if t.objectName() == "timelineHeading")
        assert label.property("text")[:4] not in heading.property("text")


def test_larger_text_gets_a_wider_column(content: ContentSet, rendition_cache: Path) -> None:
    with open_window(content, rendition_cache) as kw:
        _open_timeline(kw)
        normal = scene_rect(items(kw, "timelineCard")[0]).width()
        kw.kiosk.appearance.set_text_scale(1.5)
        settle(kw.window, kw.images)
        larger = scene_rect(items(kw, "timelineCard")[0]).width()
        assert larger >= normal * 1.3
        assert larger <= kw.window.width() - 2 * 48


def test_chevrons_sit_in_the_middle_of_their_circles(
    content: ContentSet, rendition_cache: Path
) -> None:
    with open_window(content, rendition_cache) as kw:
        _open_timeline(kw)
        kw.kiosk.nav.focusIndex(1)
        settle(kw.window, kw.images)
        pump(400)
        image = grab(kw)
        ratio = image.width() / kw.window.width()
        shown = scene_rect(item(kw, "timelineList"))
        chevrons = [c for c in items(kw, "timelineChevron") if shown.contains(scene_rect(c))]
        assert len(chevrons) >= 2
        for chevron in chevrons:
            circle = scene_rect(chevron)
            fill = chevron.property("color")
            # the mark: pixels inside the circle's inner square far from its fill colour
            inner = circle.adjusted(
                circle.width() * 0.2,
                circle.height() * 0.2,
                -circle.width() * 0.2,
                -circle.height() * 0.2,
            )
            xs, ys = [], []
            for x in range(int(inner.left() * ratio), int(inner.right() * ratio)):
                for y in range(int(inner.top() * ratio), int(inner.bottom() * ratio)):
                    c = image.pixelColor(x, y)
                    if abs(c.lightness() - fill.lightness()) > 60:
                        xs.append(x / ratio)
                        ys.append(y / ratio)
            assert xs, "no mark drawn"
            middle = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
            assert abs(middle[0] - circle.center().x()) <= 2
            assert abs(middle[1] - circle.center().y()) <= 2


def test_back_from_the_timeline_shows_the_exhibit_where_it_was_left(
    content: ContentSet, rendition_cache: Path
) -> None:
    with open_window(content, rendition_cache) as kw:
        kw.kiosk.nav.openExhibit(content.exhibits[0].id)
        settle(kw.window, kw.images)
        flick = item(kw, "exhibitFlick")
        flick.setProperty("contentY", 900.0)
        settle(kw.window, kw.images)
        tap(kw, item(kw, "timelineButton"))
        assert kw.kiosk.nav.place.screen == "timeline"
        tap(kw, item(kw, "backButton"))
        assert kw.kiosk.nav.place.screen == "exhibit"
        flick = item(kw, "exhibitFlick")
        assert flick.property("contentY") == pytest.approx(900.0, abs=1)
        # another exhibit opened afresh starts at its top
        kw.kiosk.nav.home()
        kw.kiosk.nav.openExhibit(content.exhibits[1].id)
        settle(kw.window, kw.images)
        assert item(kw, "exhibitFlick").property("contentY") == 0


def test_the_layout_of_an_empty_axis_has_every_key_of_a_full_one(
    content: ContentSet, tmp_path: Path
) -> None:
    """QML reads ``axisStart`` and the rest with no fallback: before its width is known,
    and for a site with no dated moment."""
    from kiosk.ui.timeaxis import TimeAxis

    full = TimeAxis(content).layout(1920, 300, 24, 48, 80)
    assert full["moments"]
    undated = load(make_site(tmp_path / "site", {"alpha": valid_exhibit(timeline=MISSING)}))
    for empty in (
        TimeAxis(content).layout(0, 300, 24, 48, 80),
        TimeAxis(undated).layout(1920, 300, 24, 48, 80),
    ):
        assert set(empty) == set(full)
        assert (empty["axisStart"], empty["axisEnd"], empty["moments"]) == (0.0, 0.0, [])

"""The map screen as a visitor sees it: markers and names inside the window, no name
over another or over a marker, targets large enough, a tap on each marker reaching its
exhibits, outlines in high contrast, keys and the screen reader."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QAccessible, QColor
from PySide6.QtQml import QQmlListReference, QQmlProperty
from PySide6.QtQuick import QQuickItem

from kiosk.content import mapgeo
from kiosk.content.model import ContentSet
from kiosk.ui.app import KioskWindow
from tests.conftest import BUNDLED
from tests.layouttools import broken_words, scene_rect
from tests.uitools import (
    difference,
    grab,
    item,
    key,
    load,
    open_window,
    reader_hears,
    swipe,
    tap,
    visible,
    walk,
)

SIZES = [(1920, 1080), (1080, 1920), (1280, 800)]
SCALES = [1.0, 1.25, 1.5]
LANGUAGES = ["uz", "az", "ru", "en"]
MIN_TARGET = 48


@pytest.fixture(scope="module")
def content() -> ContentSet:
    return load(BUNDLED)


@pytest.fixture(params=SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def window(
    request: pytest.FixtureRequest, content: ContentSet, rendition_cache: Path
) -> Iterator[KioskWindow]:
    with open_window(content, rendition_cache, size=request.param) as kw:
        yield kw


def _open_map(kw: KioskWindow, place: int = -1) -> None:
    kw.kiosk.nav.navigator.home()
    kw.kiosk.nav.navigator.open_map(place)
    tap_free_settle(kw)


def tap_free_settle(kw: KioskWindow) -> None:
    from kiosk.ui.render import settle

    settle(kw.window, kw.images, timeout_s=30)


def _named(kw: KioskWindow, prefix: str) -> list[QQuickItem]:
    return [i for i in walk(kw.window.contentItem()) if i.objectName().startswith(prefix)]


def _covered(kw: KioskWindow, button: QQuickItem) -> bool:
    """Whether the panel's scroll cue (which takes taps) lies over the button."""
    cues = [c for c in _named(kw, "scrollCue") if c.isVisible() and c.opacity() > 0]
    return any(_overlap(scene_rect(c), scene_rect(button)) for c in cues)


def _overlap(a: QRectF, b: QRectF) -> bool:
    return a.intersects(b) and not a.intersected(b).isEmpty()


def test_markers_and_names_stay_apart_and_inside(window: KioskWindow, content: ContentSet) -> None:
    kw = window
    size = kw.window.width(), kw.window.height()
    for scale in SCALES:
        kw.kiosk.appearance.set_text_scale(scale)
        for language in LANGUAGES:
            kw.kiosk.language.choose(language)
            _open_map(kw)
            where = f"{size} {scale} {language}"
            view = scene_rect(item(kw, "mapView"))
            window_rect = QRectF(0, 0, *size)
            markers = {
                i.objectName().removeprefix("mapMarker_"): i
                for i in _named(kw, "mapMarker_")
                if i.isVisible()
            }
            assert set(markers) == {p.id for p in content.places}, where
            labels = {i.objectName().removeprefix("mapLabel_"): i for i in _named(kw, "mapLabel_")}
            areas = [i for i in _named(kw, "mapName_") if i.isVisible()]
            assert len(areas) >= 4, where  # the sea and most countries are named
            names = {"caspian", "uzbekistan"} & {
                a.objectName().removeprefix("mapName_") for a in areas
            }
            if scale == 1.0:  # larger names may leave a country unnamed, never the sea
                assert names == {"caspian", "uzbekistan"}, where
            assert "caspian" in names, where
            dots = {
                k: scene_rect(next(c for c in walk(m) if c.objectName() == "mapDot"))
                for k, m in markers.items()
            }
            targets = {k: scene_rect(m) for k, m in markers.items()}
            texts = {f"label {k}": scene_rect(v) for k, v in labels.items()}
            texts |= {a.objectName(): scene_rect(a) for a in areas}
            for place_id, target in targets.items():
                assert target.width() >= MIN_TARGET and target.height() >= MIN_TARGET, where
                for other, other_target in targets.items():  # a tap reaches one marker only
                    assert other == place_id or not _overlap(target, other_target), where
                assert view.contains(dots[place_id]) and window_rect.contains(dots[place_id])
            for name, rect in texts.items():
                assert rect.width() > 0 and rect.height() > 0
                assert view.contains(rect) and window_rect.contains(rect), (where, name)
                for place_id, dot in dots.items():
                    assert not _overlap(rect, dot), (where, name, "over the marker", place_id)
                for other, other_rect in texts.items():
                    if other != name:
                        assert not _overlap(rect, other_rect), (where, name, other)
            # the text inside each name fits its box
            for label in labels.values():
                (text,) = [c for c in label.childItems() if c.property("text")]
                assert text.property("contentWidth") <= label.width(), where


def test_a_tap_on_each_marker_reaches_its_exhibits(
    window: KioskWindow, content: ContentSet
) -> None:
    kw = window
    kw.kiosk.language.choose("en")
    for scale in (1.0, 1.5):
        kw.kiosk.appearance.set_text_scale(scale)
        for place in content.places:
            _open_map(kw)
            tap(kw, item(kw, f"mapMarker_{place.id}"))
            assert kw.kiosk.nav.place.screen == "map"
            assert item(kw, "mapPlaceName").property("text") == place.name.get("en")
            expected = [e.id for e in content.exhibits_at(place.id)]
            buttons = [item(kw, f"mapExhibit_{e}") for e in expected]
            panel = item(kw, "mapPanel")
            shown = scene_rect(panel)
            # the place's name and its first exhibit show at once; the rest by scrolling
            assert shown.contains(scene_rect(item(kw, "mapPlaceName")))
            assert shown.contains(scene_rect(buttons[0]))
            for button in buttons:  # each is whole in the panel and large enough
                while not shown.contains(scene_rect(button)) or _covered(kw, button):
                    start = shown.center().toPoint()  # the visitor drags the panel up
                    swipe(kw, start, start - QPoint(0, int(shown.height() / 3)))
                rect = scene_rect(button)
                assert rect.height() >= MIN_TARGET
                assert shown.contains(rect)
                assert QRectF(0, 0, kw.window.width(), kw.window.height()).contains(rect)
            last = expected[-1]
            tap(kw, item(kw, f"mapExhibit_{last}"))
            assert (kw.kiosk.nav.place.screen, kw.kiosk.nav.place.exhibit_id) == ("exhibit", last)
            tap(kw, item(kw, "backButton"))  # Back returns to the map, the place still chosen
            assert kw.kiosk.nav.place.screen == "map"
            assert item(kw, "mapPlaceName").property("text") == place.name.get("en")


@pytest.mark.parametrize("size", [(1920, 1080)])
def test_high_contrast_draws_outlines_not_fills(
    size: tuple[int, int], content: ContentSet, rendition_cache: Path
) -> None:
    """In high contrast the countries are outlined in black on white, not filled: the
    land is the sea's white, and is left unfilled (white on white drew no pixel a
    visitor sees, and took 2.5 ms of each map drawn at 1080p). The fills come back with
    the colours."""
    with open_window(content, rendition_cache, size=size) as kw:
        _open_map(kw)
        view = item(kw, "mapView")
        origin = view.mapToScene(view.boundingRect().topLeft())
        scale = view.width() / mapgeo.MAP_WIDTH

        def colour_at(lon: float, lat: float) -> QColor:
            x, y = mapgeo.project(lon, lat)
            return grab(kw).pixelColor(int(origin.x() + x * scale), int(origin.y() + y * scale))

        def fills() -> list[float]:  # each outline's fill: its opacity (0: none)
            paths = QQmlProperty(item(kw, "mapShapes"), "data").read()
            assert isinstance(paths, QQmlListReference)
            colours = [QColor(paths.at(i).property("fillColor")) for i in range(paths.count())]
            return [colour.alphaF() for colour in colours]

        sea, land = (51.0, 41.5), (61.0, 43.0)  # mid-Caspian; Uzbekistan near the Aral
        assert colour_at(*sea) != colour_at(*land)  # normally: a sea and a country
        assert fills() == [1.0, 1.0]  # the neighbours, the two countries of the story
        kw.kiosk.appearance.set_high_contrast(True)
        tap_free_settle(kw)
        assert fills() == [0.0, 0.0]
        assert colour_at(*sea).name() == "#ffffff"
        assert colour_at(*land).name() == "#ffffff"
        image = grab(kw)
        rect = scene_rect(view).toRect()
        blacks = sum(
            image.pixelColor(x, y).name() == "#000000"
            for x in range(rect.left() + 2, rect.right() - 2, 3)
            for y in range(rect.top() + 2, rect.bottom() - 2, 3)
        )
        assert blacks > 300  # the coasts and borders are drawn
        kw.kiosk.appearance.set_high_contrast(False)
        tap_free_settle(kw)
        assert fills() == [1.0, 1.0]
        assert colour_at(*sea) != colour_at(*land)


@pytest.mark.parametrize("contrast", [False, True], ids=["colours", "contrast"])
def test_the_map_is_framed_on_every_side(
    contrast: bool, content: ContentSet, rendition_cache: Path
) -> None:
    """The land reaches the map's edges: its frame is drawn over it, all four sides (the
    bottom edge, under land all along, was not drawn). The frame darkens what lies
    under it: each edge's pixels darker than those three pixels inside."""
    with open_window(content, rendition_cache, size=(1920, 1080)) as kw:
        kw.kiosk.appearance.set_high_contrast(contrast)
        _open_map(kw)
        assert visible(item(kw, "mapFrame"))
        box = scene_rect(item(kw, "mapView")).toRect()
        image = grab(kw)
        across = range(box.left() + 8, box.right() - 8, 7)
        down = range(box.top() + 8, box.bottom() - 8, 7)
        sides = {  # (the edge's pixel, the pixel inside it)
            "top": [((x, box.top()), (x, box.top() + 3)) for x in across],
            "bottom": [((x, box.bottom()), (x, box.bottom() - 3)) for x in across],
            "left": [((box.left(), y), (box.left() + 3, y)) for y in down],
            "right": [((box.right(), y), (box.right() - 3, y)) for y in down],
        }
        for side, pairs in sides.items():
            darker = [
                image.pixelColor(*edge).lightness() < image.pixelColor(*inside).lightness() - 10
                for edge, inside in pairs
            ]
            assert sum(darker) >= 0.9 * len(darker), (side, sum(darker), len(darker))


@pytest.mark.parametrize(
    ("size", "scale", "language", "contrast"),
    [
        ((1920, 1080), 1.0, "uz", False),
        ((1080, 1920), 1.25, "az", True),
        ((1280, 800), 1.5, "ru", False),
        ((800, 600), 1.0, "en", True),
    ],
    ids=["1920x1080", "1080x1920-125-contrast", "1280x800-150", "800x600-contrast"],
)
def test_the_outlines_drawn_once_look_as_drawn_at_every_frame(
    size: tuple[int, int],
    scale: float,
    language: str,
    contrast: bool,
    content: ContentSet,
    rendition_cache: Path,
) -> None:
    """The countries' outlines are drawn once into a picture (a layer) and copied at
    each frame after: the picture must be the map a visitor saw drawn directly, pixel
    for pixel, not blurred or half a pixel off. Checked again after a language change,
    which draws the names over it anew."""
    with open_window(content, rendition_cache, size=size) as kw:
        kw.kiosk.appearance.set_text_scale(scale)
        kw.kiosk.appearance.set_high_contrast(contrast)
        _open_map(kw, place=1)
        layer = QQmlProperty(item(kw, "mapOutlines"), "layer.enabled")
        for step in ("opened", "language"):
            if step == "language":
                kw.kiosk.language.choose(language)
                tap_free_settle(kw)
            assert layer.read() is True
            copied = grab(kw)
            assert layer.write(False)
            tap_free_settle(kw)
            drawn = grab(kw)
            assert layer.write(True)
            tap_free_settle(kw)
            largest, _ = difference(copied, drawn)
            assert largest <= 6, (step, largest)  # rounding where the edges blend
            assert difference(grab(kw), copied) == (0, 0.0), step


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_a_language_tap_on_the_map_changes_its_names_in_place(
    size: tuple[int, int], content: ContentSet, rendition_cache: Path
) -> None:
    """The markers, the places' and countries' names and the panel's buttons keep their
    items through language taps and a text size, each showing the new words: made anew
    from each layout, a language tap on the map made every one of them again (61 items
    with their parts at 1080p)."""
    with open_window(content, rendition_cache, size=size) as kw:
        place = content.places[1]
        _open_map(kw, place=1)
        prefixes = ("mapMarker_", "mapLabel_", "mapName_", "mapPlaceButton_", "mapExhibit")
        made = [i for i in walk(kw.window.contentItem()) if i.objectName().startswith(prefixes)]
        assert len(made) >= 3 * len(content.places) + 4  # markers, labels, buttons, areas
        gone: list[str] = []
        for shown in made:
            shown.destroyed.connect(partial(gone.append, shown.objectName()))

        def area_count() -> int:
            return len(_named(kw, "mapName_"))

        # a longer name, or a larger text size, may leave a country's name out where it
        # no longer finds room: that many area names go, and nothing else
        dropped = 0
        for language, scale in [("ru", 1.0), ("az", 1.0), ("en", 1.0), ("uz", 1.0), ("uz", 1.5)]:
            count = area_count()
            kw.kiosk.language.choose(language)
            kw.kiosk.appearance.set_text_scale(scale)
            tap_free_settle(kw)
            dropped += max(0, count - area_count())
            where = (size, language, scale)
            labels = {
                i.objectName().removeprefix("mapLabel_"): [
                    c.property("text") for c in i.childItems() if c.property("text")
                ]
                for i in _named(kw, "mapLabel_")
                if i.isVisible()
            }
            assert labels == {p.id: [p.name.get(language)] for p in content.places}, where
            buttons = {
                i.objectName().removeprefix("mapPlaceButton_")
                for i in _named(kw, "mapPlaceButton_")
                if i.isVisible()
            }
            assert buttons == {p.id for p in content.places}, where
            assert item(kw, "mapPlaceName").property("text") == place.name.get(language), where
            areas = {i.property("text") for i in _named(kw, "mapName_") if i.isVisible()}
            names = {a.key: a.names.get(language) or a.names["en"] for a in mapgeo.AREA_NAMES}
            assert names["caspian"] in areas and areas <= set(names.values()), where
            exhibits = [e.title.get(language) for e in content.exhibits_at(place.id)]
            texts = {i.property("text") for i in walk(kw.window.contentItem()) if visible(i)}
            assert set(exhibits) <= texts, where
        assert all(name.startswith("mapName_") for name in gone), gone
        assert len(gone) <= dropped  # (items made later are not counted in gone)


def test_keys_and_screen_reader_reach_every_place(
    content: ContentSet, rendition_cache: Path
) -> None:
    with open_window(content, rendition_cache) as kw:
        kw.kiosk.language.choose("ru")
        assert kw.kiosk._map is None  # nothing of the map before it is opened
        key(kw, Qt.Key.Key_M)
        assert kw.kiosk.nav.place.screen == "map"
        chosen = []
        for _ in content.places:
            key(kw, Qt.Key.Key_Right)
            chosen.append(item(kw, "mapPlaceName").property("text"))
        assert chosen == [p.name.get("ru") for p in content.places]
        key(kw, Qt.Key.Key_Right)  # round again to the first
        key(kw, Qt.Key.Key_Return)
        first = content.exhibits_at(content.places[0].id)[0]
        assert (kw.kiosk.nav.place.screen, kw.kiosk.nav.place.exhibit_id) == ("exhibit", first.id)
        key(kw, Qt.Key.Key_Escape)
        assert kw.kiosk.nav.place.screen == "map"
        heard = reader_hears(kw)
        for place in content.places:
            name = place.name.get("ru")
            assert (QAccessible.Role.Button, f"mapMarker_{place.id}", name) in heard
            assert (QAccessible.Role.Button, f"mapPlaceButton_{place.id}", name) in heard
        assert any(n == "mapTitle" and text == "Карта" for _, n, text in heard)


def test_the_map_and_the_timeline_load_nothing_before_they_open(tmp_path: Path) -> None:
    """Qt's shapes module (the outlines, the axis) and the map's Python are read when
    the map or the timeline first opens: a fresh process shows home without them."""
    import subprocess
    import sys

    script = """
import sys
from pathlib import Path
from kiosk.content.loader import load_content
from kiosk.ui.app import build_window
from kiosk.ui.render import settle
from kiosk.ui.session import make_service
content = load_content(Path(sys.argv[1])).content
service = make_service(Path(sys.argv[2]), (1920, 1080))
kw = build_window(content, service, start="home", size=(1920, 1080))
kw.window.show()
settle(kw.window, kw.images)
def loaded():
    maps = open("/proc/self/maps").read()
    return ("QuickShapes" in maps, "kiosk.ui.mapview" in sys.modules, kw.kiosk._map is not None)
print("home", *loaded())
kw.kiosk.nav.navigator.open_map(0)
settle(kw.window, kw.images)
print("map", *loaded())
service.shutdown()
"""
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"}
    env["QT_QUICK_BACKEND"] = "software"
    done = subprocess.run(
        [sys.executable, "-c", script, str(BUNDLED), str(tmp_path / "cache")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith(("home", "map"))]
    assert lines == ["home False False False", "map True True True"], done.stderr[-2000:]


def test_no_button_is_cut_at_the_top_of_the_panel_when_a_place_is_chosen(
    window: KioskWindow, content: ContentSet
) -> None:
    """A place chosen scrolls its name to the top of the panel: the place buttons above it
    go out of sight whole, never leaving a sliver of one at the panel's top edge (as at
    1280 x 800, where the panel could not scroll that far)."""
    kw = window
    for scale in (1.0, 1.25, 1.5):
        kw.kiosk.appearance.set_text_scale(scale)
        for index, place in enumerate(content.places):
            _open_map(kw, index)
            panel = item(kw, "mapPanel")
            shown = scene_rect(panel)
            assert shown.contains(scene_rect(item(kw, "mapPlaceName")))
            for button in _named(kw, "mapPlaceButton_"):
                rect = scene_rect(button)
                cut = _overlap(shown, rect) and not shown.contains(rect)
                assert not cut, (scale, place.id, button.objectName(), rect, shown)


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)], ids=["portrait", "landscape"])
def test_under_a_portrait_map_each_exhibit_has_its_picture_title_and_subtitle(
    content: ContentSet, rendition_cache: Path, size: tuple[int, int]
) -> None:
    """Under a portrait map the chosen place's exhibits fill the room a side panel lacks:
    each a card with its cover drawn, its whole title and its subtitle, in every language,
    text size and contrast. Beside a landscape map the panel keeps its narrow buttons."""
    with open_window(content, rendition_cache, size=size) as kw:
        screen = QRectF(0, 0, kw.window.width(), kw.window.height())
        for language, scale, contrast in [
            *((code, 1.0, False) for code in LANGUAGES),
            ("ru", 1.5, False),
            ("az", 1.25, True),
            ("uz", 1.5, True),
        ]:
            kw.kiosk.language.choose(language)
            kw.kiosk.appearance.set_text_scale(scale)
            kw.kiosk.appearance.set_high_contrast(contrast)
            for index, place in enumerate(content.places):
                _open_map(kw, index)
                cards = [c for c in _named(kw, "mapExhibitCover") if c.isVisible()]
                if size[0] > size[1]:
                    assert cards == []
                    assert _named(kw, f"mapExhibit_{content.exhibits_at(place.id)[0].id}")
                    continue
                exhibits = content.exhibits_at(place.id)
                assert len(cards) == len(exhibits), (language, place.id)
                picture = grab(kw)
                panel = scene_rect(item(kw, "mapPanel"))
                for exhibit in exhibits:
                    card = item(kw, f"mapExhibit_{exhibit.id}")
                    box = scene_rect(card)
                    texts = {
                        t.objectName(): t
                        for t in walk(card)
                        if t.objectName() in ("mapExhibitTitle", "mapExhibitSubtitle")
                    }
                    title, subtitle = texts["mapExhibitTitle"], texts["mapExhibitSubtitle"]
                    assert title.property("text") == exhibit.title.get(language)
                    assert subtitle.property("text") == exhibit.subtitle.get(language)
                    for text in (title, subtitle):  # whole inside its card
                        assert box.contains(scene_rect(text)), (language, scale, exhibit.id)
                    assert box.height() >= MIN_TARGET and screen.contains(box)
                    if not panel.contains(box):
                        continue  # further down: the visitor scrolls to it
                    cover = next(c for c in walk(card) if c.objectName() == "mapExhibitCover")
                    assert cover.property("ready"), (language, exhibit.id)
                    area = scene_rect(cover).toRect()
                    colours = {
                        picture.pixelColor(x, y).rgb()
                        for x in range(area.left() + 2, area.right() - 2, 7)
                        for y in range(area.top() + 2, area.bottom() - 2, 7)
                    }
                    assert len(colours) > 8, (language, exhibit.id)  # a picture, drawn


@pytest.mark.parametrize("size", [(800, 600), (1024, 768)], ids=["800x600", "1024x768"])
def test_on_a_small_screen_the_panel_is_as_wide_as_its_widest_word(
    content: ContentSet, rendition_cache: Path, size: tuple[int, int]
) -> None:
    """An old projector's 800 x 600 at 150 %: beside the map, a 40 % panel broke
    "1991–1998 годы" (held together by a no-break space) and "«Азербайджан" in two. The
    panel takes the room its widest word needs, the map keeps the rest and stays whole
    inside the window, in every language and text size, with each place chosen."""
    with open_window(content, rendition_cache, size=size) as kw:
        screen = QRectF(0, 0, kw.window.width(), kw.window.height())
        widened = False
        for scale in SCALES:
            kw.kiosk.appearance.set_text_scale(scale)
            for language in LANGUAGES:
                kw.kiosk.language.choose(language)
                for index, place in enumerate(content.places):
                    _open_map(kw, index)
                    page, view = item(kw, "mapPage"), item(kw, "mapView")
                    where = (scale, language, place.id)
                    assert broken_words(page) == [], where
                    assert page.property("beside"), where
                    assert screen.contains(scene_rect(view)), where
                    assert view.width() >= 0.4 * size[0] - 2 * 48, where
                    widened |= page.property("panelWidth") > min(0.4 * size[0], 460)
        assert widened == (size == (800, 600))

"""The home screen with 5, 6, 9 and 12 exhibits, at every text size, on the landscape,
portrait and laptop screens: every exhibit can be reached, a cue says when more lie
below, the title scrolls away with the tiles, the last row sits in the middle, and no
tile's title or subtitle is cut or broken in a word."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtQuick import QQuickItem

from kiosk.content.model import ContentSet
from kiosk.ui.app import KioskWindow
from kiosk.ui.appearance import TEXT_SCALES
from kiosk.ui.render import settle
from tests.conftest import BUNDLED
from tests.layouttools import broken_words, scene_rect
from tests.test_ui_textsize import relaid
from tests.uitools import item, items, load, open_window, swipe, tap, visible, walk

pytestmark = pytest.mark.usefixtures("qapp")

SIZES = [(1920, 1080), (1080, 1920), (1280, 800)]
COUNTS = [5, 6, 9, 12]


def site_with(count: int, root: Path) -> ContentSet:
    """The bundled site with its exhibits copied until there are ``count``: real titles
    and subtitles in four languages, as long as a curator's."""
    shutil.copytree(BUNDLED, root)
    originals = sorted(p for p in root.iterdir() if (p / "exhibit.yaml").is_file())
    for n in range(len(originals), count):
        source = originals[n % len(originals)]
        copy = root / f"{source.name}-{n}"
        shutil.copytree(source, copy)
        yaml = (copy / "exhibit.yaml").read_text(encoding="utf-8")
        yaml = re.sub(r'^id: "[^"]*"', f'id: "{copy.name}"', yaml, count=1, flags=re.M)
        yaml = re.sub(r'^order: "[^"]*"', f'order: "{60 + n}"', yaml, count=1, flags=re.M)
        (copy / "exhibit.yaml").write_text(yaml, encoding="utf-8")
    content = load(root)
    assert len(content.exhibits) == count
    return content


def viewport(kw: KioskWindow) -> QRectF:
    """Where the tiles can be seen: the grid, above the control bar."""
    grid = scene_rect(item(kw, "tiles"))
    bar_top = scene_rect(item(kw, "navBar")).top()
    return QRectF(grid.left(), grid.top(), grid.width(), min(grid.bottom(), bar_top) - grid.top())


def tiles(kw: KioskWindow) -> list[QQuickItem]:
    return [
        t
        for t in walk(kw.window.contentItem())
        if t.objectName().startswith("tile_") and visible(t)
    ]


def shown_whole(kw: KioskWindow) -> set[str]:
    seen = viewport(kw).adjusted(-1, -1, 1, 1)
    return {t.objectName() for t in tiles(kw) if seen.contains(scene_rect(t))}


def home_problems(kw: KioskWindow, content: ContentSet) -> list[str]:
    problems = []
    grid = item(kw, "tiles")
    grid.setProperty("contentY", grid.property("originY"))
    relaid(kw)
    view = viewport(kw)
    title = scene_rect(item(kw, "siteTitle"))
    if not view.contains(title):
        problems.append("the site title is not on screen at the start")
    start_whole = shown_whole(kw)
    origin = grid.property("originY")
    end = origin + grid.property("contentHeight") - grid.height()
    more = end > origin + 1
    cue = [c for c in items(kw, "scrollCueArrow") if view.contains(scene_rect(c))]
    if more and not cue:
        problems.append("more tiles below and no scroll cue")
    if not more and items(kw, "scrollCueArrow"):
        problems.append("a scroll cue with nothing more below")
    reached = set(start_whole)
    for index in range(len(content.exhibits)):  # where the presenter's arrows take the grid
        kw.kiosk.nav.focusIndex(index)
        relaid(kw)
        reached |= shown_whole(kw)
    kw.kiosk.nav.focusIndex(0)
    wanted = {f"tile_{e.id}" for e in content.exhibits}
    if wanted - reached:
        problems.append(f"never shown whole: {sorted(wanted - reached)}")
    grid.setProperty("contentY", end)
    settle(kw.window, kw.images)  # the cue fades
    if more and items(kw, "scrollCueArrow"):
        problems.append("the scroll cue stays at the end")
    # the last row: in the middle of the grid
    shown = tiles(kw)
    bottom = max(scene_rect(t).top() for t in shown)
    last = [scene_rect(t) for t in shown if abs(scene_rect(t).top() - bottom) < 1]
    middle = (min(r.left() for r in last) + max(r.right() for r in last)) / 2
    if abs(middle - scene_rect(grid).center().x()) > 2:
        problems.append(f"the last row's middle is at {middle:.0f}, not the grid's")
    for text in items(kw, "tileTitle") + items(kw, "tileSubtitle"):
        if text.property("truncated"):
            problems.append(f"{text.property('text')!r} is cut")
    problems += broken_words(grid)
    grid.setProperty("contentY", origin)
    relaid(kw)
    return problems


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[int, ContentSet]:
    return {n: site_with(n, tmp_path_factory.mktemp(f"site{n}") / "exhibits") for n in COUNTS}


def test_nine_exhibits_at_150_percent_in_landscape_are_all_reachable_and_announced(
    sites: dict[int, ContentSet], rendition_cache: Path
) -> None:
    with open_window(sites[9], rendition_cache, size=(1920, 1080)) as kw:
        kw.kiosk.appearance.set_text_scale(1.5)
        relaid(kw)
        problems = home_problems(kw, sites[9])
        assert problems == [], "\n".join(problems)
        # the title scrolled away with the tiles: at the end it is out of sight
        grid = item(kw, "tiles")
        grid.setProperty("contentY", grid.property("originY") + grid.property("contentHeight"))
        relaid(kw)
        title = scene_rect(item(kw, "siteTitle"))
        assert title.bottom() <= scene_rect(grid).top() + 1 or not items(kw, "siteTitle")


@pytest.mark.slow
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("count", COUNTS)
def test_every_exhibit_is_reachable_at_every_size(
    count: int, size: tuple[int, int], sites: dict[int, ContentSet], rendition_cache: Path
) -> None:
    content = sites[count]
    with open_window(content, rendition_cache, size=size) as kw:
        for scale in TEXT_SCALES:
            kw.kiosk.appearance.set_text_scale(scale)
            for language in ("uz", "ru"):
                kw.kiosk.language.choose(language)
                relaid(kw)
                where = f"{count} exhibits at {scale:.0%} in {language}"
                assert home_problems(kw, content) == [], where


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_small_landscape_screen_keeps_every_word_whole_at_every_text_size(
    size: tuple[int, int], sites: dict[int, ContentSet], rendition_cache: Path
) -> None:
    """At 1024x768 and 150 % the site title beside About broke "Azerbaija/n" and the
    tiles "mustahkamlayotganl/ar": About goes under the title there, and the tiles take
    fewer columns, as wide as the widest word needs."""
    content = sites[5]
    with open_window(content, rendition_cache, size=size) as kw:
        for scale in TEXT_SCALES:
            kw.kiosk.appearance.set_text_scale(scale)
            for language in content.site.language_codes:
                kw.kiosk.language.choose(language)
                relaid(kw)
                where = f"{size} at {scale:.0%} in {language}"
                assert home_problems(kw, content) == [], where
                title, about = (
                    scene_rect(item(kw, "siteTitle")),
                    scene_rect(item(kw, "aboutButton")),
                )
                assert not title.intersects(about), where
        # at the kiosk's usual size About still stands beside the title
        kw.kiosk.appearance.set_text_scale(1.0)
        kw.window.resize(1920, 1080)
        relaid(kw)
        title, about = scene_rect(item(kw, "siteTitle")), scene_rect(item(kw, "aboutButton"))
        assert about.left() > title.right() and about.top() < title.bottom()


def test_a_language_tap_lays_the_tiles_widest_word_out_once_not_once_a_tile(
    sites: dict[int, ContentSet], rendition_cache: Path
) -> None:
    """Home finds the widest word of all titles (and subtitles) in one unseen text. Its
    words were joined from the tiles, so a language tap laid it out again at each
    tile's new title: 40 ms a tap with 60 exhibits. They come joined from Python, once."""
    content = sites[12]
    with open_window(content, rendition_cache, size=(1920, 1080)) as kw:
        measures = {
            i.objectName(): i
            for i in walk(kw.window.contentItem())
            if i.objectName() in ("titleWords", "subtitleWords")
        }
        assert set(measures) == {"titleWords", "subtitleWords"}
        changes: list[str] = []
        for name, measure in measures.items():
            measure.textChanged.connect(lambda _text, name=name: changes.append(name))  # type: ignore[attr-defined]
        for language in ("ru", "az", "en", "uz"):
            changes.clear()
            kw.kiosk.language.choose(language)
            relaid(kw)
            assert sorted(changes) == ["subtitleWords", "titleWords"], language
            titles = [e.title.get(language) for e in content.exhibits]
            assert measures["titleWords"].property("text") == "\n".join(titles)
            subtitles = [e.subtitle.get(language) for e in content.exhibits]
            assert measures["subtitleWords"].property("text") == "\n".join(subtitles)
            widest = max(measure.property("contentWidth") for measure in measures.values())
            assert 0 < widest < kw.window.width() / 3, language  # a word, not a whole title


def test_at_800x600_the_title_is_never_a_column_of_a_word_a_line(
    sites: dict[int, ContentSet], rendition_cache: Path
) -> None:
    """Beside About and the map, an 800x600 screen left the Uzbek title a third of the
    width: "«Ozarbayjon / – / Oʻzbekiston» / doʻstlik / muzeyi", a word or a dash a line.
    Where the title would take more than three lines beside them, they stand under it and
    the title is as wide as the page; in every language it takes three lines at most."""
    content = sites[5]
    with open_window(content, rendition_cache, size=(800, 600)) as kw:
        below = []
        for language in content.site.language_codes:
            kw.kiosk.language.choose(language)
            relaid(kw)
            title, about = item(kw, "siteTitle"), item(kw, "aboutButton")
            assert title.property("lineCount") <= 3, language
            assert not scene_rect(title).intersects(scene_rect(about)), language
            if scene_rect(about).top() >= scene_rect(title).bottom():
                below.append(language)
                assert title.width() > 0.8 * kw.window.width(), language
            assert home_problems(kw, content) == [], language
        assert "uz" in below


def tiles_on_screen(kw: KioskWindow) -> dict[str, QRectF]:
    """Each tile seen, at least in part, in the grid's viewport: where it is drawn."""
    seen = viewport(kw)
    return {t.objectName(): scene_rect(t) for t in tiles(kw) if seen.intersects(scene_rect(t))}


def test_back_from_a_tile_cut_by_the_edge_leaves_home_where_it_was(
    sites: dict[int, ContentSet], rendition_cache: Path
) -> None:
    """A visitor taps a tile of the second row whose top half shows at the bottom of
    the screen: back from its exhibit, home is not scrolled to show that tile whole
    (the highlight moving with the presenter's arrows does that); the tiles are where
    the visitor left them."""
    with open_window(sites[12], rendition_cache, size=(1920, 1080)) as kw:
        kw.kiosk.appearance.set_text_scale(1.5)
        relaid(kw)
        grid = item(kw, "tiles")
        columns = grid.property("columns")
        # the second row's top at the middle of the grid: its tiles cut by the edge
        grid.setProperty("contentY", grid.property("cellHeight") - grid.height() / 2)
        settle(kw.window, kw.images)
        view = viewport(kw)
        chosen = f"tile_{sites[12].exhibits[columns].id}"
        cut = next(t for t in tiles(kw) if t.objectName() == chosen)
        rect = scene_rect(cut)
        assert rect.top() < view.bottom() < rect.bottom()  # seen in part, not whole
        before = tiles_on_screen(kw)
        tap(kw, rect.intersected(view).center().toPoint())
        assert kw.kiosk.nav.exhibitId == cut.objectName().removeprefix("tile_")
        tap(kw, item(kw, "backButton"))
        assert kw.kiosk.nav.screen == "home"
        after = tiles_on_screen(kw)
        assert after.keys() == before.keys()
        for name, place in before.items():
            assert abs(after[name].top() - place.top()) <= 1, name


def test_back_from_an_exhibit_finds_home_where_the_visitor_left_it(
    sites: dict[int, ContentSet], rendition_cache: Path
) -> None:
    """Home leaves the window, so the screen reader's tree, while an exhibit shows: Back
    from it, and the Home button, still show the same tiles at the same places the
    visitor scrolled to, also when home is made anew (kiosk.nav keeps its place); after
    an idle reset home starts at its title."""
    with open_window(sites[12], rendition_cache, size=(1920, 1080)) as kw:
        kw.kiosk.appearance.set_text_scale(1.5)
        relaid(kw)
        grid = item(kw, "tiles")
        end = grid.property("contentHeight") - grid.height()
        assert end > grid.height() / 2, "12 exhibits at 150 %: the grid should scroll"
        view = viewport(kw)
        # the visitor drags the tiles up by half a screen
        middle = view.center()
        swipe(kw, middle.toPoint(), (middle - QPointF(0, view.height() / 2)).toPoint())
        scrolled = grid.property("contentY") - grid.property("originY")
        assert scrolled > grid.height() / 4
        before = tiles_on_screen(kw)
        assert not view.contains(scene_rect(item(kw, "siteTitle")))
        # the tile most in view, tapped in the middle of what is seen of it
        seen = {name: rect.intersected(view) for name, rect in before.items()}
        chosen = max(seen, key=lambda name: seen[name].width() * seen[name].height())
        where = seen[chosen].center().toPoint()
        for leave, anew in (("backButton", False), ("homeButton", False), ("backButton", True)):
            tap(kw, where)
            assert kw.kiosk.nav.exhibitId == chosen.removeprefix("tile_")
            assert kw.kiosk.nav.screen == "exhibit"
            assert items(kw, "home") == []
            if anew:  # the kept home dropped: the next is made where kiosk.nav says
                item(kw, "homeLoader").setProperty("active", False)
            tap(kw, item(kw, leave))
            assert kw.kiosk.nav.screen == "home"
            after = tiles_on_screen(kw)
            assert after.keys() == before.keys(), (leave, anew)
            for name, rect in before.items():
                assert abs(after[name].top() - rect.top()) <= 1, (leave, name)
                assert abs(after[name].left() - rect.left()) <= 1, (leave, name)
        # between visitors: home starts at its title again
        tap(kw, where)
        kw.kiosk.reset_to_attract()
        relaid(kw)
        kw.kiosk.nav.leaveAttract()
        relaid(kw)
        assert viewport(kw).contains(scene_rect(item(kw, "siteTitle")))
        grid = item(kw, "tiles")
        assert grid.property("contentY") == pytest.approx(grid.property("originY"))

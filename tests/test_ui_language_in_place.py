"""Another language on an exhibit page changes the words of the paragraphs, bullets,
fact cards and thumbnails already made, instead of making them anew: the page shows
the new language in the same items, drawn in the window, and a page of another length
(the next exhibit) shows its own texts, no more, no fewer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtQuick import QQuickItem

from kiosk.content.model import ContentSet
from kiosk.ui.app import KioskWindow
from kiosk.ui.render import settle
from tests.conftest import BUNDLED
from tests.uitools import grab, item, items, load, open_window, visible

pytestmark = pytest.mark.usefixtures("qapp")

# what a page is made of, by the objectName its items carry
WORDS = ("paragraph", "bullet", "factCard", "sectionHeading")


@pytest.fixture(scope="module")
def content() -> ContentSet:
    return load(BUNDLED)


LANDSCAPE, PORTRAIT = (1920, 1080), (1080, 1920)


@pytest.fixture(params=[LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
def window(
    content: ContentSet, rendition_cache: Path, request: pytest.FixtureRequest
) -> Iterator[KioskWindow]:
    with open_window(content, rendition_cache, size=request.param) as kw:
        yield kw


def made(kw: KioskWindow) -> dict[str, list[int]]:
    """The page's text items and thumbnails, by the address of the object itself."""
    names = (*WORDS, *(f"galleryThumb_{i}" for i in range(len(kw.kiosk.page["gallery"]))))
    return {name: [shiboken6.getCppPointer(i)[0] for i in items(kw, name)] for name in names}


def shown_texts(kw: KioskWindow, name: str) -> list[str]:
    found = [i for i in items(kw, name) if i.property("text") is not None]
    return sorted(str(i.property("text")) for i in found)


def expected(kw: KioskWindow) -> dict[str, list[str]]:
    """What the page's data in the current language says each kind of item shows."""
    page = kw.kiosk.page
    blocks = [*page["summary"], *(b for s in page["sections"] for b in s["blocks"])]
    return {
        "paragraph": sorted(b["text"] for b in blocks if b["kind"] == "paragraph"),
        "bullet": sorted(text for b in blocks for text in b["items"]),
        "sectionHeading": sorted(s["heading"] for s in page["sections"]),
    }


def fact_words(kw: KioskWindow) -> list[tuple[str, str]]:
    cards = items(kw, "factCard")
    return sorted((str(c.property("label")), str(c.property("value"))) for c in cards)


def fact_rows(kw: KioskWindow) -> list[float]:
    """Where each fact card sits in its row (its x): the cards to a row."""
    return [c.x() for c in items(kw, "factCard")]


def inside(kw: KioskWindow, thing: QQuickItem) -> bool:
    corner = thing.mapToScene(thing.boundingRect().topLeft())
    return 0 <= corner.x() < kw.window.width() and 0 <= corner.y() < kw.window.height()


def test_another_language_changes_the_words_of_the_items_already_made(
    window: KioskWindow, content: ContentSet
) -> None:
    kw = window
    exhibit = content.exhibits[-1]  # bullets, four sections, facts and a gallery
    kw.kiosk.nav.openExhibit(exhibit.id)
    settle(kw.window, kw.images)
    before, rows = made(kw), fact_rows(kw)
    assert all(before[name] for name in WORDS), before
    picture = grab(kw)
    cards_kept = 0  # languages whose cards were compared
    for code in content.site.language_codes[1:]:
        kw.kiosk.language.choose(code)
        settle(kw.window, kw.images)
        page = item(kw, "exhibitPage")
        assert visible(page) and inside(kw, page)
        assert inside(kw, item(kw, "pageTitle"))
        for name, want in expected(kw).items():
            assert shown_texts(kw, name) == want, (code, name)
        data = kw.kiosk.page["facts"]
        assert fact_words(kw) == sorted((f["label"], f["value"]) for f in data), code
        # the same objects, not new ones: nothing was made for the new words (the fact
        # cards' rows are made again where another language's longest word changes
        # how many cards a row holds)
        now_made = made(kw)
        if fact_rows(kw) != rows:
            now_made["factCard"] = before["factCard"] = []
        else:
            cards_kept += 1
        assert now_made == before, code
        before, rows = made(kw), fact_rows(kw)
        now = grab(kw)
        assert now != picture, f"{code}: the window did not change"
        picture = now
    # In portrait the cards' rows hold in some languages, so kept cards are compared
    # there; in landscape every language's longest (bold) value gives its rows anew.
    if (kw.window.width(), kw.window.height()) == PORTRAIT:
        assert cards_kept, "no two languages put as many fact cards to a row"


def test_the_next_exhibit_shows_its_own_texts_whatever_their_number(
    window: KioskWindow, content: ContentSet
) -> None:
    """Exhibit to exhibit keeps the page: each has other numbers of sections,
    paragraphs, bullets and facts, and each shows exactly its own (a QML warning from
    an item about to go fails the test too)."""
    kw = window
    kw.kiosk.nav.openExhibit(content.exhibits[0].id)
    settle(kw.window, kw.images)
    for exhibit in content.exhibits[1:]:
        kw.kiosk.nav.nextExhibit()
        settle(kw.window, kw.images)
        assert kw.kiosk.page["exhibitId"] == exhibit.id
        for name, want in expected(kw).items():
            assert shown_texts(kw, name) == want, (exhibit.id, name)
        data = kw.kiosk.page["facts"]
        assert fact_words(kw) == sorted((f["label"], f["value"]) for f in data), exhibit.id
        thumbs = [i for i in range(8) if items(kw, f"galleryThumb_{i}")]
        assert len(thumbs) == len(kw.kiosk.page["gallery"]), exhibit.id


def places(kw: KioskWindow) -> dict[str, set[tuple[object, ...]]]:
    """Where each item the page shows sits among its delegates, from the page's data:
    a paragraph or bullet by its text (the summary or a section), block and bullet; a
    fact card by its row and place in the row; a section heading and a thumbnail by
    their number."""
    page = kw.kiosk.page
    in_a_row = columns(kw)
    texts = [
        ("summary", page["summary"]),
        *((s, sec["blocks"]) for s, sec in enumerate(page["sections"])),
    ]
    return {
        "paragraph": {
            (w, b)
            for w, blocks in texts
            for b, block in enumerate(blocks)
            if block["kind"] == "paragraph"
        },
        "bullet": {
            (w, b, k)
            for w, blocks in texts
            for b, block in enumerate(blocks)
            for k in range(len(block["items"]))
        },
        "factCard": {divmod(i, in_a_row) for i in range(len(page["facts"]))},
        "sectionHeading": {(s,) for s in range(len(page["sections"]))},
        "galleryThumb": {(i,) for i in range(len(page["gallery"]))},
    }


def columns(kw: KioskWindow) -> int:
    """How many fact cards a row holds."""
    return int(item(kw, "factRows").property("columns"))


def shown(kw: KioskWindow, kind: str) -> list[QQuickItem]:
    if kind != "galleryThumb":
        return items(kw, kind)
    return [
        thumb
        for i in range(len(kw.kiosk.page["gallery"]))
        for thumb in items(kw, f"galleryThumb_{i}")
    ]


def test_the_next_exhibit_makes_only_the_items_it_has_more_of(
    window: KioskWindow, content: ContentSet
) -> None:
    """A page of another length keeps the paragraphs, bullets, fact cards, headings and
    thumbnails it shares with the last one and makes only the ones it has more of: an
    exhibit with one section more does not make the others anew. Each item shown is
    marked before the next exhibit; afterwards exactly the places both pages have are
    shown by marked items, and the page shows the new exhibit's words (the test above)."""
    kw = window
    kw.kiosk.nav.openExhibit(content.exhibits[0].id)
    settle(kw.window, kw.images)
    kept_where_the_number_changed = 0
    for exhibit in content.exhibits[1:]:
        was, columns_were = places(kw), columns(kw)
        for kind in was:
            for thing in shown(kw, kind):
                thing.setProperty("keptFromLastExhibit", True)
        kw.kiosk.nav.nextExhibit()
        settle(kw.window, kw.images)
        assert kw.kiosk.page["exhibitId"] == exhibit.id
        now = places(kw)
        for kind, where in now.items():
            found = shown(kw, kind)
            assert len(found) == len(where), (exhibit.id, kind)
            kept = sum(1 for thing in found if thing.property("keptFromLastExhibit"))
            if kind == "factCard" and columns(kw) != columns_were:
                continue  # rows of another width: the cards may go through fewer rows
            assert kept == len(where & was[kind]), (exhibit.id, kind, kept)
            if len(where) != len(was[kind]):
                kept_where_the_number_changed += kept
    # the walk has exhibits whose numbers differ with items kept across them
    assert kept_where_the_number_changed > 0

"""``kiosk validate --screens``: every screen opened headless in every language, text
size and orientation, and the texts Qt cuts short or breaks inside a word on each.

A home tile gives every title the same room and ends a longer one in "…"; a word
longer than its line is broken where the line ends ("Azerbaija/n", found by laying
the text out again as Qt does: ``kiosk.ui.textlines``). ``--preview`` names the texts
cut short on the screen shown; this opens every screen a visitor can reach: home,
each exhibit's page, the timeline, the map with each place chosen, About, the attract
loop and the "still there?" question, at each text size of the Aa button, in each
language. Lists (the timeline, a long home) make their rows only as they scroll into
sight: each is scrolled through, a screenful at a time.

Not looked at: the gallery's captions, the presenter's console.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from PySide6.QtQml import QQmlEngine, QQmlExpression
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.content.model import ContentSet, Problem
from kiosk.content.records import Record, record
from kiosk.content.text_source import TextSources
from kiosk.runtime.navigation import NO_PLACE
from kiosk.ui import textlines
from kiosk.ui.app import KioskWindow
from kiosk.ui.appearance import TEXT_SCALES
from kiosk.ui.cut_texts import shown_texts
from kiosk.ui.images import ImageStore
from kiosk.ui.render import hold_still, settle, shown_tree, transitions_off
from kiosk.ui.session import go_to, opened

SIZES: tuple[tuple[int, int], ...] = ((1920, 1080), (1080, 1920))  # a screen either way up
_LIST_VIEWS = ("QQuickListView", "QQuickGridView")  # rows made as they come into sight
_SETTLE_S = 20.0


@record
class Cut(Record):
    """A text cut short, or with a word broken across two lines, and where it was: the
    screen, language, size and text size."""

    text: str
    screen: str  # "home", "exhibit people", "map Baku", ...
    language: str
    size: tuple[int, int]
    text_size: int  # percent
    broken: str = ""  # the word it breaks in two ("Azerbaijan"); "" for one cut short with "…"


Screen = tuple[str, str, int, str]  # what go_to takes (screen, exhibit, index), and a name
# a screen shown over another: only its own texts are its (home's are home's)
_OVER = {"still-there": "stillThere"}


def screens(content: ContentSet) -> Iterator[Screen]:
    """Every screen a visitor can reach, and its name in a warning."""
    yield "home", "", 0, "home"
    for exhibit in content.exhibits:
        yield "exhibit", exhibit.id, 0, f"exhibit {exhibit.id}"
    if content.timeline():
        yield "timeline", "", 0, "timeline"
    if content.places:
        yield "map", "", NO_PLACE, "map"
        for index, place in enumerate(content.places):
            yield "map", "", index, f"map {place.id}"
    yield "about", "", 0, "about"
    yield "attract", "", 0, "attract"
    yield "still-there", "", 0, "still-there"


def cut_texts(
    content: ContentSet,
    cache: Path | None,
    sizes: tuple[tuple[int, int], ...] = SIZES,
    looked_at: Callable[[int], None] | None = None,
    screens_of: Callable[[ContentSet], Iterable[Screen]] = screens,
) -> list[Cut]:
    """The texts cut short or broken on every screen (``screens_of`` the content), in
    the order looked at; ``looked_at`` hears the count of screens looked at so far."""
    found: list[Cut] = []
    count = 0
    for size in sizes:
        with opened(content, size, cache) as kw:
            transitions_off(kw.window)
            kw.window.show()
            for scale in TEXT_SCALES:
                kw.kiosk.appearance.set_text_scale(scale)
                for language in content.site.language_codes:
                    kw.kiosk.language.choose(language)
                    for screen, exhibit_id, index, name in screens_of(content):
                        texts = _look(kw, screen, exhibit_id, index)
                        where = (name, language, size, round(scale * 100))
                        found += [Cut(text, *where, broken) for text, broken in texts]
                        count += 1
                        if looked_at is not None:
                            looked_at(count)
    return found


Found = tuple[str, str]  # a text, and a word it breaks in two ("" for a text cut short)


def _look(kw: KioskWindow, screen: str, exhibit_id: str, index: int) -> list[Found]:
    kw.kiosk.idle.show(False, 0)
    go_to(kw, screen, exhibit_id, index)
    _still(kw.window, kw.images)
    if screen in _OVER:
        over = [i for i in shown_tree(kw.window.contentItem()) if i.objectName() == _OVER[screen]]
        return _found_in(over)
    found = _found_in([kw.window.contentItem()])
    for view in _lists(kw.window):
        for _ in _screenfuls(view):
            _still(kw.window, kw.images)
            found += [f for f in _found_in([kw.window.contentItem()]) if f not in found]
    return found


def _still(window: QQuickWindow, images: ImageStore) -> None:
    hold_still(window)
    settle(window, images, timeout_s=_SETTLE_S)


def _found_in(roots: list[QQuickItem]) -> list[Found]:
    """The shown texts under ``roots`` cut short, or with a word broken: each once."""
    found: list[Found] = []
    for root in roots:
        for item in shown_texts(root):
            text = str(item.property("text"))
            if not text.strip() or item.width() <= 0:
                continue
            if item.property("truncated"):
                found.append((text, ""))
            else:
                found += [(text, word) for word in _broken(item, text)]
    return list(dict.fromkeys(found))


def _broken(item: QQuickItem, text: str) -> list[str]:
    """The words ``item`` breaks between two of its lines, laid out again as it lays
    them out (``kiosk.ui.textlines``)."""
    wrap, failed = QQmlExpression(
        QQmlEngine.contextForObject(item), item, "wrapMode + 0"
    ).evaluate()
    if failed or not wrap:  # PySide cannot read the enum itself
        return []
    width = item.width() - item.property("leftPadding") - item.property("rightPadding")
    starts = textlines.line_starts(text, item.property("font"), width, int(wrap))
    return [before + after for before, after in textlines.broken_words(text, starts)]


def _lists(window: QQuickWindow) -> list[QQuickItem]:
    """The shown lists longer than their view."""
    return [
        item
        for item in shown_tree(window.contentItem())
        if any(item.inherits(kind) for kind in _LIST_VIEWS) and _longer(item)
    ]


def _longer(view: QQuickItem) -> bool:
    return bool(
        view.property("contentHeight") > view.height() + 1
        or view.property("contentWidth") > view.width() + 1
    )


def _screenfuls(view: QQuickItem) -> Iterator[None]:
    """Moves ``view`` a screenful at a time to its end, then back to its start."""
    vertical = view.property("contentHeight") > view.height() + 1
    axis, length, extent = (
        ("Y", view.height(), "Height") if vertical else ("X", view.width(), "Width")
    )
    origin = float(view.property(f"origin{axis}"))
    end = origin + float(view.property(f"content{extent}")) - length
    position = origin
    while position < end:
        position = min(end, position + length * 0.9)
        view.setProperty(f"content{axis}", position)
        yield
    view.setProperty(f"content{axis}", origin)


TEXT_SIZES = tuple(round(scale * 100) for scale in TEXT_SCALES)
_SHOWN_CHARS = 60  # of a cut text in its message: enough to find it in the file
_MARKS = "«»“”„\"'()[],.;:!?"  # around a broken word, left out of its message


def problems(root: Path, cuts: list[Cut]) -> list[Problem]:
    """One warning a value, language and broken word, at the value's line in its file,
    naming the screens, sizes and text sizes that cut or break it (the folder's, for the
    kiosk's own words). A value shown in several texts (a title on its page, after
    "Next:" on the page before, in About's list) is one warning, quoting the shortest."""
    sources = TextSources(root)
    places: dict[str, tuple[Path, int, int] | None] = {}
    # by the value's place in its file (by the text where none is found), language, word
    Key = tuple[tuple[Path, int, int] | str, str, str]
    grouped: dict[Key, dict[str, dict[tuple[int, int], list[int]]]] = {}
    texts: dict[Key, str] = {}
    for cut in cuts:
        if cut.text not in places:
            places[cut.text] = sources.find(cut.text)
        key = (places[cut.text] or cut.text, cut.language, cut.broken)
        if key not in texts or len(cut.text) < len(texts[key]):
            texts[key] = cut.text
        by_screen = grouped.setdefault(key, {})
        by_screen.setdefault(cut.screen, {}).setdefault(cut.size, []).append(cut.text_size)
    found = []
    for key, by_screen in grouped.items():
        _, language, broken = key
        text = texts[key]
        where = "; ".join(f"{screen} at {_sizes(by_size)}" for screen, by_size in by_screen.items())
        shown = _shown(text, _SHOWN_CHARS)
        word = _shown(broken.strip(_MARKS), 40)  # «Азербайджан: the word, not its marks
        what = f"a word broken in two («{word}»)" if broken else "cut short with '…'"
        message = f"{what} in {language} on {where}: «{shown}»"
        path, line, column = places[text] or (root, 0, 0)
        found.append(Problem(path, line, column, message, "warning"))
    return found


def _shown(text: str, most: int) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


def _sizes(by_size: dict[tuple[int, int], list[int]]) -> str:
    """ "1920x1080 and 1080x1920 at 150 %": a text size named only when not all cut it."""
    every = all(sorted(sizes) == sorted(TEXT_SIZES) for sizes in by_size.values())
    parts = []
    for (width, height), sizes in by_size.items():
        text_sizes = "" if every else " at " + ", ".join(f"{size} %" for size in sorted(sizes))
        parts.append(f"{width}x{height}{text_sizes}")
    return " and ".join(parts) + (", every text size" if every else "")

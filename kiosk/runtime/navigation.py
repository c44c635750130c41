"""Where the visitor is: a small stack of screens, with no Qt in it.

The UI asks this object what to show and tells it what the visitor did; the
keyboard map of presentation mode and the idle reset both act through it, so
touch, clicker and timeout can never disagree about the current screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace

from kiosk.content.records import Record, record
from kiosk.runtime.listeners import Listeners

log = logging.getLogger("kiosk.navigation")

HOME = "home"
EXHIBIT = "exhibit"
GALLERY = "gallery"
TIMELINE = "timeline"
ATTRACT = "attract"
ABOUT = "about"  # the exhibition's sources and credits
MAP = "map"  # the places of the story; a tap on one shows its exhibits
SCREENS = (HOME, EXHIBIT, GALLERY, TIMELINE, ATTRACT, ABOUT, MAP)
NO_PLACE = -1  # the map's index when no place is chosen
# What the help overlay (F1 or ?) and the README list for presenters; the key map
# itself is in kiosk.ui.keys.KeyMap.handle.
PRESENTER_KEYS: tuple[tuple[str, str], ...] = (
    ("Right / Left", "next / previous exhibit (image in the gallery)"),
    ("Down / Up", "scroll the exhibit page or the sources"),
    ("PageDown / PageUp", "scroll a screenful; at the end of a page, the next exhibit"),
    ("Enter / Space", "open the chosen exhibit, or its gallery"),
    ("Backspace / Esc", "back to where you came from"),
    ("Home", "home screen"),
    ("T", "timeline (Right / Left: next / previous moment)"),
    ("M", "map (Right / Left: next / previous place; Enter: its first exhibit)"),
    ("L, 1-9", "next language, or language by number"),
    ("F11", "full screen on / off"),
    ("F1 or ?", "this help"),
    ("Ctrl+Q", "quit (Esc on the home screen asks first; not in kiosk mode)"),
)
MAX_DEPTH = 8  # places Back can return through; older ones above home are forgotten


@record
class Place(Record):
    """Where the visitor is: a screen, and the exhibit and item on it."""

    screen: str
    exhibit_id: str = ""
    index: int = 0  # gallery image, timeline entry, focused home tile or place on the map
    scroll: float = 0.0  # how far an exhibit page (or home) was scrolled when left


class Navigator:
    """A stack of places; the top is what the visitor sees."""

    def __init__(
        self,
        exhibit_ids: Sequence[str],
        gallery_sizes: dict[str, int],
        start: str = ATTRACT,
        map_places: Sequence[Sequence[str]] = (),
        moments: int = 0,
    ) -> None:
        self._stack: list[Place] = [Place(start)]
        self._listeners: Listeners[Place] = Listeners(log, "navigation")
        self.set_content(exhibit_ids, gallery_sizes, map_places, moments)

    def set_content(
        self,
        exhibit_ids: Sequence[str],
        gallery_sizes: dict[str, int],
        map_places: Sequence[Sequence[str]] = (),
        moments: int = 0,
    ) -> None:
        """New content: drop places that no longer exist, keep the rest.

        ``map_places``: for each place on the map, in its order, the ids of the
        exhibits set there. ``moments``: how many entries the timeline has."""
        self._ids = tuple(exhibit_ids)
        self._gallery_sizes = dict(gallery_sizes)
        self._map_places = tuple(tuple(ids) for ids in map_places)
        self._moments = max(0, moments)
        kept = [p for p in self._stack if not p.exhibit_id or p.exhibit_id in self._ids]
        self._stack = [self._clamp(p) for p in kept] or [Place(HOME)]
        self._notify()

    @property
    def place(self) -> Place:
        return self._stack[-1]

    @property
    def depth(self) -> int:
        """Places on the back stack, the current one included (at most ``MAX_DEPTH``)."""
        return len(self._stack)

    def subscribe(self, listener: Callable[[Place], None]) -> Callable[[], None]:
        """``listener`` gets the new place after every move."""
        return self._listeners.subscribe(listener)

    # visitor actions -------------------------------------------------------------

    def home(self) -> None:
        """Home where the visitor left it (its tile and scroll); from the attract loop,
        after an idle reset, at its top."""
        bottom = self._stack[0]
        kept = bottom if bottom.screen == HOME else Place(HOME)
        focus = self.place.index if self.place.screen == HOME else kept.index
        self._set([replace(kept, index=focus)])

    def attract(self) -> None:
        self._set([Place(ATTRACT)])

    def open_exhibit(self, exhibit_id: str) -> None:
        """From the timeline, Back returns to it; from anywhere else, Back goes home."""
        if exhibit_id not in self._ids:
            return
        if self.place.screen in (TIMELINE, MAP):
            self._push(Place(EXHIBIT, exhibit_id))
            return
        stack = [p for p in self._stack if p.screen == HOME] or [Place(HOME)]
        stack[0] = replace(stack[0], index=self._ids.index(exhibit_id))
        self._set([*stack, Place(EXHIBIT, exhibit_id)])

    def open_gallery(self, index: int) -> None:
        place = self.place
        if place.screen != EXHIBIT or not self._gallery_sizes.get(place.exhibit_id):
            return
        self._push(self._clamp(Place(GALLERY, place.exhibit_id, index)))

    def open_timeline(self, index: int = 0) -> None:
        if self.place.screen == TIMELINE:
            return
        self._push(self._clamp(Place(TIMELINE, index=index)))

    @property
    def moments(self) -> int:
        """How many entries the timeline has."""
        return self._moments

    @property
    def places(self) -> int:
        """How many places the map has."""
        return len(self._map_places)

    def open_map(self, place_index: int = NO_PLACE) -> None:
        """The map, with a place chosen (or none); from the map itself, choose it."""
        if self.place.screen == ATTRACT:
            self.home()
        index = place_index if 0 <= place_index < len(self._map_places) else NO_PLACE
        if self.place.screen == MAP:
            self.choose_place(index)
        else:
            self._push(Place(MAP, index=index))

    def choose_place(self, index: int) -> None:
        """A tap on a marker (or on the sea: ``NO_PLACE``)."""
        if self.place.screen == MAP:
            chosen = index if 0 <= index < len(self._map_places) else NO_PLACE
            self._stack[-1] = replace(self.place, index=chosen)
            self._notify()

    def note_scroll(self, offset: float, screen: str = EXHIBIT) -> None:
        """The exhibit page (or home, or the sources) was scrolled: Back to it (from the
        gallery, the timeline, the map; home from an exhibit), or a talk coming back to
        it (``restore``), shows it there again. Only while that screen is the one shown:
        a screen on its way out does not speak for the next. No notification: nothing
        else changes."""
        if self.place.screen == screen and screen in (EXHIBIT, HOME, ABOUT):
            self._stack[-1] = replace(self.place, scroll=max(0.0, offset))

    @property
    def stack(self) -> tuple[Place, ...]:
        """Every place Back would return through, the one shown last (for ``restore``)."""
        return tuple(self._stack)

    def restore(self, places: Sequence[Place]) -> None:
        """``places`` (a ``stack`` noted earlier) shown again as they were: the same
        screen, exhibit, picture, moment or place on the map, and an exhibit page's
        scroll. Places the content no longer has are dropped, as ``set_content`` does."""
        kept = [self._clamp(p) for p in places if not p.exhibit_id or p.exhibit_id in self._ids]
        self._set(kept or [Place(HOME)])

    def open_about(self) -> None:
        """The credits: one level above where the visitor is, so Back returns there."""
        if self.place.screen == ATTRACT:
            self.home()
        if self.place.screen != ABOUT:
            self._push(Place(ABOUT))

    def show_gallery_image(self, index: int) -> None:
        """The visitor swiped: remember which image is showing."""
        if self.place.screen == GALLERY:
            self._stack[-1] = self._clamp(replace(self.place, index=index))
            self._notify()

    def focus(self, index: int) -> None:
        """Keyboard focus on home tiles or timeline entries."""
        if self.place.screen in (HOME, TIMELINE):
            self._stack[-1] = self._clamp(replace(self.place, index=index))
            self._notify()

    def back(self) -> None:
        if self.place.screen == ATTRACT:
            self.home()
        elif len(self._stack) > 1:
            self._stack.pop()
            self._notify()

    def step(self, delta: int) -> None:
        """Left/Right, PageUp/PageDown: the next thing of the same kind."""
        place = self.place
        if place.screen == ATTRACT:
            self.home()
        elif place.screen == HOME and self._ids:
            self.focus((place.index + delta) % len(self._ids))
        elif place.screen == EXHIBIT and self._ids:
            position = (self._ids.index(place.exhibit_id) + delta) % len(self._ids)
            self._stack[-1] = Place(EXHIBIT, self._ids[position])
            home = self._stack[0]
            if home.screen == HOME:
                self._stack[0] = replace(home, index=position)
            self._notify()
        elif place.screen == GALLERY:
            size = self._gallery_sizes.get(place.exhibit_id, 0)
            if size:
                self.show_gallery_image((place.index + delta) % size)
        elif place.screen == TIMELINE and self._moments:
            self.focus((place.index + delta) % self._moments)
        elif place.screen == MAP and self._map_places:
            count = len(self._map_places)
            start = place.index if place.index != NO_PLACE else (-1 if delta > 0 else 0)
            self.choose_place((start + delta) % count)

    def page(self, delta: int, at_start: bool, at_end: bool) -> bool:
        """PageDown/PageUp, what a clicker sends: on an exhibit page the page scrolls
        (returns True) until its end (start), then the next (previous) exhibit shows.
        The sources (About) scroll too, and stop at their ends: nothing comes after."""
        if self.place.screen == ABOUT:
            return True
        if self.place.screen == EXHIBIT and not (at_end if delta > 0 else at_start):
            return True
        self.step(delta)
        return False

    def line(self, delta: int) -> bool:
        """Down/Up: scroll an exhibit page or the sources (returns True); elsewhere,
        like Right/Left."""
        if self.place.screen in (EXHIBIT, ABOUT):
            return True
        self.step(delta)
        return False

    def next_exhibit(self) -> str:
        """The exhibit after the one on screen, in the site's order ("" if none)."""
        place = self.place
        if place.screen not in (EXHIBIT, GALLERY) or len(self._ids) < 2:
            return ""
        return self._ids[(self._ids.index(place.exhibit_id) + 1) % len(self._ids)]

    def activate(self) -> None:
        """Enter: open what has the focus."""
        place = self.place
        if place.screen == ATTRACT:
            self.home()
        elif place.screen == HOME and self._ids:
            self.open_exhibit(self._ids[min(place.index, len(self._ids) - 1)])
        elif place.screen == EXHIBIT:
            self.open_gallery(0)
        elif place.screen == MAP and 0 <= place.index < len(self._map_places):
            here = self._map_places[place.index]
            if here:
                self.open_exhibit(here[0])

    # internals ---------------------------------------------------------------------

    def _clamp(self, place: Place) -> Place:
        if place.screen == GALLERY:
            size = self._gallery_sizes.get(place.exhibit_id, 0)
            return replace(place, index=min(max(0, place.index), max(0, size - 1)))
        if place.screen == HOME:
            return replace(place, index=min(max(0, place.index), max(0, len(self._ids) - 1)))
        if place.screen == TIMELINE:
            return replace(place, index=min(max(0, place.index), max(0, self._moments - 1)))
        if place.screen == MAP and not 0 <= place.index < len(self._map_places):
            return replace(place, index=NO_PLACE)
        return place

    def _push(self, place: Place) -> None:
        """On top of the stack; a long walk forgets its oldest places, never home."""
        self._stack.append(place)
        if len(self._stack) > MAX_DEPTH:
            self._stack = [self._stack[0], *self._stack[-(MAX_DEPTH - 1) :]]
        self._notify()

    def _set(self, stack: list[Place]) -> None:
        self._stack = stack
        self._notify()

    def _notify(self) -> None:
        self._listeners.notify(self.place)

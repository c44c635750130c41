"""Where the visitor is, for QML: the runtime ``Navigator`` behind properties and slots."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.content.model import ContentSet
from kiosk.runtime.navigation import (
    ABOUT,
    ATTRACT,
    HOME,
    NO_PLACE,
    SCREENS,
    TIMELINE,
    Navigator,
    Place,
)


class Navigation(QObject):
    """The screen, exhibit and item on it; every move goes through the ``Navigator``."""

    changed = Signal()
    zoomed = Signal(int)  # gallery image index the visitor zoomed into
    scrolled = Signal()  # home, an exhibit page or About scrolled by the visitor

    def __init__(self, content: ContentSet, start: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        ids, sizes, places, moments = _navigation_content(content)
        self.navigator = Navigator(ids, sizes, start=start, map_places=places, moments=moments)
        self.navigator.subscribe(self._on_place)
        self._ahead: list[Callable[[Place], None]] = []
        self._holding = False
        self._held: Place | None = None  # a move made while the views were held
        self._arriving = False  # a new place on its way to the views (``_on_place``)
        self.page_edges = (True, True)  # the exhibit page is at its start, at its end
        self._content = content  # for the timeline's rows, looked up when Enter needs them

    @property
    def place(self) -> Place:
        return self.navigator.place

    def set_content(self, content: ContentSet) -> None:
        """New content: places that no longer exist are dropped."""
        self.navigator.set_content(*_navigation_content(content))
        self._content = content

    def open_timeline_entry(self) -> None:
        """Enter on the timeline: the exhibit of the open entry, as its link does."""
        place = self.navigator.place
        rows = self._content.timeline() if place.screen == TIMELINE else ()
        if 0 <= place.index < len(rows):
            self.navigator.open_exhibit(rows[place.index][0].id)

    def before_change(self, listener: Callable[[Place], None]) -> None:
        """``listener`` hears of a new place before ``changed`` reaches the views: what
        a screen shows can be ready before the screen is made (QML's bindings hear a
        signal before any other connection to it)."""
        self._ahead.append(listener)

    @contextmanager
    def views_held(self) -> Iterator[None]:
        """Moves made inside reach the views (and ``changed``'s other listeners) once,
        at the end: the idle reset goes to the attract loop and then back to the
        default language, and the loop is made once, in that language, instead of being
        made in the visitor's and then made again. ``place`` is the new one at once
        (analytics asks it whether a language change was a visitor's)."""
        if self._holding:
            yield
            return
        self._holding = True
        try:
            yield
        finally:
            self._holding = False
            held, self._held = self._held, None
            if held is not None:
                self._on_place(held)

    def _on_place(self, place: Place) -> None:
        if self._holding:
            self._held = place
            return
        # the pages change over to the new place: a scroll they make meanwhile (a page
        # laid out for another exhibit, its top while it starts again) is not the new
        # place's, which keeps the scroll it arrived with for the page to show
        self._arriving = True
        try:
            for listener in self._ahead:
                listener(place)
            self.changed.emit()
        finally:
            self._arriving = False

    def _get_screen(self) -> str:
        return self.navigator.place.screen

    screen = Property(str, _get_screen, notify=changed)

    def _get_index(self) -> int:
        return self.navigator.place.index

    index = Property(int, _get_index, notify=changed)  # gallery image, entry or home tile

    def _get_exhibit_id(self) -> str:
        return self.navigator.place.exhibit_id

    exhibitId = Property(str, _get_exhibit_id, notify=changed)

    def _get_screens(self) -> dict[str, str]:
        return _SCREENS

    # The screen names of kiosk.runtime.navigation, so QML compares ``nav.screen``
    # with ``nav.screens.gallery`` and never spells a name itself.
    screens = Property(dict, _get_screens, constant=True)

    @Slot(str)
    def openExhibit(self, exhibit_id: str) -> None:
        self.navigator.open_exhibit(exhibit_id)

    @Slot(int)
    def openGallery(self, index: int) -> None:
        self.navigator.open_gallery(index)

    @Slot(int)
    def showGalleryImage(self, index: int) -> None:
        self.navigator.show_gallery_image(index)

    @Slot()
    def openTimeline(self) -> None:
        self.navigator.open_timeline()

    @Slot()
    @Slot(int)
    def openMap(self, place_index: int = NO_PLACE) -> None:
        self.navigator.open_map(place_index)

    @Slot(int)
    def choosePlace(self, index: int) -> None:
        self.navigator.choose_place(index)

    @Slot(float)
    def noteScroll(self, offset: float) -> None:
        """The exhibit page's scroll, kept for Back (see ``Navigator.note_scroll``)."""
        if not self._arriving:
            self.navigator.note_scroll(offset)
            self.scrolled.emit()

    @Slot(float)
    def noteAboutScroll(self, offset: float) -> None:
        """The sources' scroll, kept for a talk that comes back to them."""
        if not self._arriving:
            self.navigator.note_scroll(offset, ABOUT)
            self.scrolled.emit()

    @Slot(float)
    def noteHomeScroll(self, offset: float) -> None:
        """Home's scroll (from the top of its title), kept for Back from an exhibit."""
        if not self._arriving:
            self.navigator.note_scroll(offset, HOME)
            self.scrolled.emit()

    def _get_scroll(self) -> float:
        return self.navigator.place.scroll

    # where an exhibit page (or home) shown again by Back was scrolled to (0: its top)
    scroll = Property(float, _get_scroll, notify=changed)

    @Slot()
    def openAbout(self) -> None:
        self.navigator.open_about()

    @Slot(int)
    def focusIndex(self, index: int) -> None:
        self.navigator.focus(index)

    @Slot(bool, bool)
    def setPageEdges(self, at_start: bool, at_end: bool) -> None:
        """The exhibit page says whether it is scrolled to its start or its end."""
        self.page_edges = (at_start, at_end)

    @Slot()
    def nextExhibit(self) -> None:
        exhibit_id = self.navigator.next_exhibit()
        if exhibit_id:
            self.navigator.step(1)

    @Slot()
    def back(self) -> None:
        self.navigator.back()

    @Slot()
    def home(self) -> None:
        self.navigator.home()

    @Slot()
    def leaveAttract(self) -> None:
        if self.navigator.place.screen == ATTRACT:
            self.navigator.home()

    @Slot(int)
    def noteZoom(self, index: int) -> None:
        self.zoomed.emit(index)


_SCREENS = {name: name for name in SCREENS}


def _navigation_content(
    content: ContentSet,
) -> tuple[list[str], dict[str, int], list[list[str]], int]:
    return (
        [e.id for e in content.exhibits],
        {e.id: len(e.gallery) for e in content.exhibits},
        [[e.id for e in content.exhibits_at(p.id)] for p in content.places],
        sum(len(e.timeline) for e in content.exhibits),
    )

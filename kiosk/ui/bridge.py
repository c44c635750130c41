"""The one object QML talks to: current language, screen, page data and actions.

QML reads properties and calls slots; every decision (where Back goes, what a key
does, which language comes next) is made here or in ``kiosk.runtime``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    Property,
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Signal,
    Slot,
)

from kiosk.content.model import ContentSet
from kiosk.runtime.navigation import ATTRACT, Navigator, Place
from kiosk.ui import present
from kiosk.ui.images import ImageStore

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

log = logging.getLogger("kiosk.ui")

_Index = QModelIndex | QPersistentModelIndex
# Qt.ItemDataRole values, fixed by Qt's API. Spelled out because the first use of
# PySide's ``Qt`` namespace builds a hundred Python enums (12 ms) before the first
# frame; the key map below imports it on the first key press instead.
_DISPLAY_ROLE = 0
_USER_ROLE = 0x0100


class ExhibitListModel(QAbstractListModel):
    """Home tiles; a language switch changes data in place so views keep their scroll."""

    _ROLES = ("exhibitId", "title", "subtitle", "cover")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []

    def roleNames(self) -> dict[int, QByteArray]:
        base = _USER_ROLE + 1
        return {base + i: QByteArray(name.encode()) for i, name in enumerate(self._ROLES)}

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = _DISPLAY_ROLE) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        offset = role - (_USER_ROLE + 1)
        if 0 <= offset < len(self._ROLES):
            return self._rows[index.row()][self._ROLES[offset]]
        return None

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        same_ids = [r["exhibitId"] for r in rows] == [r["exhibitId"] for r in self._rows]
        if same_ids and rows:
            self._rows = rows
            self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))
        else:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()


class Kiosk(QObject):
    """Bridge between the pure runtime and the views."""

    contentChanged = Signal()
    languageChanged = Signal()
    placeChanged = Signal()
    pageChanged = Signal()
    imageRevisionChanged = Signal()
    resetRequested = Signal()  # views drop scroll positions, zoom and overlays
    fullScreenToggleRequested = Signal()
    idleChanged = Signal()
    problemsChanged = Signal()
    continueRequested = Signal()
    zoomed = Signal(int)  # gallery image index the visitor zoomed into

    def __init__(
        self,
        content: ContentSet,
        images: ImageStore,
        start: str = ATTRACT,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._content = content
        self._images = images
        self._language = content.site.default_language
        self._tiles = ExhibitListModel(self)
        self._page: dict[str, Any] = {}
        self._timeline: list[dict[str, Any]] | None = None  # made when first read
        self._strings: dict[str, str] = {}
        self._still_there = False
        self._seconds_left = 0
        self._problems: list[str] = []
        self.navigator = Navigator(*self._navigation_content(content), start=start)
        self.navigator.subscribe(self._on_place)
        images.revisionChanged.connect(self.imageRevisionChanged)
        self.set_content(content)

    # content and language ----------------------------------------------------------

    @property
    def content(self) -> ContentSet:
        return self._content

    def set_content(self, content: ContentSet) -> None:
        """Swap in a new, already validated content set."""
        self._content = content
        self._images.set_content(content)
        if self._language not in content.site.language_codes:
            self._language = content.site.default_language
        self.navigator.set_content(*self._navigation_content(content))
        self._refresh_language_data()
        self.contentChanged.emit()
        self._images.prefetch_gradually(
            [present.image_key(e.cover, present.THUMB) for e in content.exhibits]
        )

    @staticmethod
    def _navigation_content(content: ContentSet) -> tuple[list[str], dict[str, int]]:
        return [e.id for e in content.exhibits], {e.id: len(e.gallery) for e in content.exhibits}

    def _refresh_language_data(self) -> None:
        language = self._language
        self._strings = present.strings(self._content, language)
        self._tiles.set_rows([present.tile(e, language) for e in self._content.exhibits])
        self._timeline = None
        self._refresh_page()
        self.languageChanged.emit()

    def _refresh_page(self) -> None:
        exhibit = self._content.exhibit(self.navigator.place.exhibit_id)
        page = present.exhibit_page(exhibit, self._language, self._strings) if exhibit else {}
        if page != self._page:
            self._page = page
            self.pageChanged.emit()

    def _get_language(self) -> str:
        return self._language

    def current_language(self) -> str:
        """The visitor's language, for Python callers (``language`` is the QML property)."""
        return self._language

    language = Property(str, _get_language, notify=languageChanged)

    def _get_languages(self) -> list[dict[str, str]]:
        return [{"code": lang.code, "name": lang.name} for lang in self._content.site.languages]

    languages = Property(list, _get_languages, notify=contentChanged)

    def _get_strings(self) -> dict[str, str]:
        return self._strings

    strings = Property(dict, _get_strings, notify=languageChanged)

    def _get_site_title(self) -> str:
        return self._content.site.title.get(self._language)

    siteTitle = Property(str, _get_site_title, notify=languageChanged)

    def _get_site_subtitle(self) -> str:
        subtitle = self._content.site.subtitle
        return subtitle.get(self._language) if subtitle else ""

    siteSubtitle = Property(str, _get_site_subtitle, notify=languageChanged)

    def _get_theme(self) -> dict[str, str]:
        theme = self._content.site.theme
        return {name: getattr(theme, name) for name in theme.field_names()}

    theme = Property(dict, _get_theme, notify=contentChanged)

    def _get_tiles(self) -> ExhibitListModel:
        return self._tiles

    exhibits = Property(QObject, _get_tiles, constant=True)

    def _get_page(self) -> dict[str, Any]:
        return self._page

    page = Property(dict, _get_page, notify=pageChanged)

    def _get_timeline(self) -> list[dict[str, Any]]:
        if self._timeline is None:
            self._timeline = present.timeline(self._content, self._language)
        return self._timeline

    timeline = Property(list, _get_timeline, notify=languageChanged)

    def _get_has_timeline(self) -> bool:
        return any(e.timeline for e in self._content.exhibits)

    # What the home screen's button needs; reading ``timeline`` there would turn
    # every entry into JavaScript at the first frame and at every language switch.
    hasTimeline = Property(bool, _get_has_timeline, notify=contentChanged)

    def _get_attract_images(self) -> list[str]:
        return present.attract_images(self._content)

    attractImages = Property(list, _get_attract_images, notify=contentChanged)

    def _get_attract_texts(self) -> list[str]:
        text = self._content.site.strings.get("touch_to_explore")
        return [text.get(code) for code in self._content.site.language_codes] if text else []

    attractTexts = Property(list, _get_attract_texts, notify=contentChanged)

    @Slot(str)
    def setLanguage(self, code: str) -> None:
        if code in self._content.site.language_codes and code != self._language:
            self._language = code
            self._refresh_language_data()

    @Slot()
    def cycleLanguage(self) -> None:
        codes = self._content.site.language_codes
        self.setLanguage(codes[(codes.index(self._language) + 1) % len(codes)])

    # images ------------------------------------------------------------------------

    def _get_image_revision(self) -> int:
        return self._images.revision

    imageRevision = Property(int, _get_image_revision, notify=imageRevisionChanged)

    @Slot(str, int, result=str)
    def imageUrl(self, key: str, revision: int = 0) -> str:
        """``revision`` is unused: passing it makes the QML binding re-evaluate."""
        return self._images.url(key) if key else ""

    # where the visitor is ------------------------------------------------------------

    def _on_place(self, place: Place) -> None:
        self._refresh_page()
        self.placeChanged.emit()

    def _get_screen(self) -> str:
        return self.navigator.place.screen

    screen = Property(str, _get_screen, notify=placeChanged)

    def _get_place_index(self) -> int:
        return self.navigator.place.index

    placeIndex = Property(int, _get_place_index, notify=placeChanged)

    def _get_exhibit_id(self) -> str:
        return self.navigator.place.exhibit_id

    exhibitId = Property(str, _get_exhibit_id, notify=placeChanged)

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

    @Slot(int)
    def focusIndex(self, index: int) -> None:
        self.navigator.focus(index)

    @Slot()
    def back(self) -> None:
        self.navigator.back()

    @Slot()
    def home(self) -> None:
        self.navigator.home()

    def reset_to_attract(self) -> None:
        """Between visitors: attract loop, default language, views forget their state."""
        self.resetRequested.emit()
        self.navigator.attract()
        self.setLanguage(self._content.site.default_language)

    @Slot(int)
    def noteZoom(self, index: int) -> None:
        self.zoomed.emit(index)

    @Slot()
    def leaveAttract(self) -> None:
        if self.navigator.place.screen == ATTRACT:
            self.navigator.home()

    # idle overlay and content problems (set by the controller) -------------------------

    def _get_attract_slide_ms(self) -> int:
        return int(self._content.site.idle.attract_slide_s * 1000)

    attractSlideMs = Property(int, _get_attract_slide_ms, notify=contentChanged)

    def set_still_there(self, showing: bool, seconds_left: int) -> None:
        if (showing, seconds_left) != (self._still_there, self._seconds_left):
            self._still_there, self._seconds_left = showing, seconds_left
            self.idleChanged.emit()

    def _get_still_there(self) -> bool:
        return self._still_there

    stillThere = Property(bool, _get_still_there, notify=idleChanged)

    def _get_seconds_left(self) -> int:
        return self._seconds_left

    secondsLeft = Property(int, _get_seconds_left, notify=idleChanged)

    @Slot()
    def continueVisit(self) -> None:
        self.continueRequested.emit()

    def set_problems(self, lines: list[str]) -> None:
        if lines != self._problems:
            self._problems = list(lines)
            self.problemsChanged.emit()

    def _get_problems(self) -> list[str]:
        return self._problems

    problems = Property(list, _get_problems, notify=problemsChanged)

    @Slot(int, int, result=bool)
    def handleKey(self, key: int, modifiers: int = 0) -> bool:
        """The presentation keyboard map; returns whether the key was used."""
        from PySide6.QtCore import Qt

        k = Qt.Key
        nav = self.navigator
        actions: dict[Qt.Key, Callable[[], object]] = {
            k.Key_Right: lambda: nav.step(1),
            k.Key_PageDown: lambda: nav.step(1),
            k.Key_Down: lambda: nav.step(1),
            k.Key_Left: lambda: nav.step(-1),
            k.Key_PageUp: lambda: nav.step(-1),
            k.Key_Up: lambda: nav.step(-1),
            k.Key_Return: nav.activate,
            k.Key_Enter: nav.activate,
            k.Key_Space: nav.activate,
            k.Key_Escape: nav.back,
            k.Key_Backspace: nav.back,
            k.Key_Home: nav.home,
            k.Key_T: nav.open_timeline,
            k.Key_L: self.cycleLanguage,
            k.Key_F11: self.fullScreenToggleRequested.emit,
        }
        codes = self._content.site.language_codes
        for number, code in enumerate(codes[:9], start=1):
            actions[getattr(k, f"Key_{number}")] = partial(self.setLanguage, code)
        action = {key_value(k): a for k, a in actions.items()}.get(key)
        if action is None:
            return False
        if nav.place.screen == ATTRACT and key not in (key_value(k.Key_F11), key_value(k.Key_L)):
            nav.home()
            return True
        action()
        return True


def key_value(key: Qt.Key) -> int:
    return int(key.value) if hasattr(key, "value") else int(key)

"""The object QML is given: the content on screen and, as sub-objects, the
language, the navigation, the overlays, read aloud and the key map.

QML reads properties and calls slots; every decision (where Back goes, what a key
does, which language comes next) is made in these objects or in ``kiosk.runtime``.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSize, Signal, Slot

from kiosk.content.model import ContentSet
from kiosk.runtime.navigation import ATTRACT, PRESENTER_KEYS, TIMELINE, Place
from kiosk.ui import present
from kiosk.ui.appearance import Appearance
from kiosk.ui.images import ImageStore
from kiosk.ui.keys import KeyMap
from kiosk.ui.language import Language
from kiosk.ui.models import RowsModel, tile_model
from kiosk.ui.navigation import Navigation
from kiosk.ui.overlays import IdleOverlay, Presenter, Problems
from kiosk.ui.props import part, shown
from kiosk.ui.readaloud import ReadAloud
from kiosk.ui.words import Words

if TYPE_CHECKING:
    from kiosk.ui.mapview import MapScreen
    from kiosk.ui.readaloud_player import ReadAloudPlayer
    from kiosk.ui.timeaxis import TimeAxis

log = logging.getLogger("kiosk.ui")


class Kiosk(QObject):
    """The content on screen, in the visitor's language, at the visitor's place.

    It holds the content set (the one copy the views see) and what QML draws from
    it; each other concern is a sub-object QML reaches as ``kiosk.<name>``:
    ``language`` (the visitor's language), ``nav`` (where the visitor is),
    ``idle`` (the "still there?" overlay), ``problems`` (the curator's banner),
    ``presenter`` (key help and the quit question), ``readAloud`` (the listen button and
    its captions), ``keys`` (the keyboard and clicker map) and ``appearance`` (text
    size and contrast).
    """

    contentChanging = Signal()  # a new set is about to be swapped in (the screens away go)
    contentChanged = Signal()
    textsChanged = Signal()  # the content or the language changed
    tileWordsChanged = Signal()
    pageChanged = Signal()
    imageRevisionChanged = Signal()
    resetRequested = Signal()  # views drop scroll positions, zoom and overlays

    def __init__(
        self,
        content: ContentSet,
        images: ImageStore,
        start: str = ATTRACT,
        player: ReadAloudPlayer | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._content = content
        self._images = images
        self._tiles = tile_model(self)
        self._page: present.Page = present.no_page()
        self._timeline = RowsModel(self)
        self._timeline_made = False  # its rows are made when first read
        self._timeline_stale = False  # its rows wait for the timeline to show again
        self._about: dict[str, Any] | None = None  # made when first read
        self._map: MapScreen | None = None  # made when the map is first opened
        self._time_axis: TimeAxis | None = None  # made when the timeline is first opened
        self._strings: dict[str, str] = {}
        self._words = Words(self)  # the same words, for QML (kiosk.ui.words)
        self._offers_next = True  # a page ends with a button to the next exhibit
        self._language = Language(content, self)
        self._nav = Navigation(content, start, self)
        self._idle = IdleOverlay(self)
        self._problems = Problems(self)
        self._presenter = Presenter(PRESENTER_KEYS, self)
        self._read_aloud = ReadAloud(player, self._where, self)
        self._keys = KeyMap(
            self._nav,
            self._language,
            self._presenter,
            lambda: self._content.site.language_codes,
            self,
        )
        self._appearance = Appearance(self)
        self.language.changed.connect(self._refresh_texts)
        # the page's data follows every move before the views hear of it: an exhibit's
        # page is made once, with its content, not empty and then filled (and its data
        # is built once a move, not again when the views have moved); the timeline's
        # rows, when it shows again in another language
        self.nav.before_change(lambda _place: self._refresh_timeline())
        self.nav.before_change(lambda _place: self._refresh_page())
        # the text being read has left the screen
        self.language.changed.connect(lambda *_: self.readAloud.moved())
        self.nav.changed.connect(self.readAloud.moved)
        self.resetRequested.connect(self.readAloud.reset)
        images.revisionChanged.connect(self.imageRevisionChanged)
        self.set_content(content)

    # the sub-objects ---------------------------------------------------------------------

    language: Language = part(lambda self: self._language)
    nav: Navigation = part(lambda self: self._nav)
    idle: IdleOverlay = part(lambda self: self._idle)
    problems: Problems = part(lambda self: self._problems)
    presenter: Presenter = part(lambda self: self._presenter)
    readAloud: ReadAloud = part(lambda self: self._read_aloud)
    keys: KeyMap = part(lambda self: self._keys)
    appearance: Appearance = part(lambda self: self._appearance)

    # content ---------------------------------------------------------------------------

    @property
    def content(self) -> ContentSet:
        return self._content

    def set_content(self, content: ContentSet) -> None:
        """Swap in a new, already validated content set."""
        self.contentChanging.emit()
        self._content = content
        if self._time_axis is not None:
            self._time_axis.set_content(content)
        self._images.set_content(content)
        self.language.set_content(content)  # may fall back to the default language
        self.nav.set_content(content)
        self._refresh_texts()
        self.readAloud.set_content(content)
        self.contentChanged.emit()
        self._images.prefetch_gradually(
            [present.image_key(e.cover, present.THUMB) for e in content.exhibits]
        )

    def _where(self) -> tuple[ContentSet, Place, str]:
        return self._content, self.nav.place, self.language.current

    def give_talk(self) -> None:
        """``kiosk --present``: the talk decides what comes next, so the pages no longer
        end with a button to the next exhibit in the site's order."""
        self._offers_next = False
        self._refresh_page()

    def reset_to_attract(self) -> None:
        """Between visitors: attract loop, default language, normal text size and
        colours, views forget their state."""
        self.resetRequested.emit()
        # the loop is made once, in the default language and normal text (see views_held)
        with self.nav.views_held():
            self.nav.navigator.attract()
            self.language.reset()
            self.appearance.reset()

    def _refresh_texts(self) -> None:
        language = self.language.current
        self._strings = present.strings(self._content, language)
        tiles = [present.tile(e, language) for e in self._content.exhibits]
        # the widest word first, so home's grid takes its shape before the tiles' words
        # come, and is not laid out twice
        self._tile_words = {
            "titles": "\n".join(tile["title"] for tile in tiles),
            "subtitles": "\n".join(tile["subtitle"] for tile in tiles),
        }
        self.tileWordsChanged.emit()
        self._tiles.set_rows(tiles)
        if self._timeline_made:
            self._timeline_stale = True
            self._refresh_timeline()
        self._about = None
        if self._map is not None:
            self._map.set_content(self._content, language)
        self._refresh_page()
        self._words.set(self._strings)
        self.textsChanged.emit()

    def _refresh_timeline(self) -> None:
        """The timeline's rows in the visitor's language, once it shows. Its page is
        kept while another screen shows (``Main.qml``); its rows change when it shows
        again, before the views hear of the move, so its items change their words at
        that opening, not at every language tap on the other screens."""
        if self._timeline_stale and self.nav.place.screen == TIMELINE:
            self._timeline_stale = False
            self._timeline.set_rows(present.timeline(self._content, self.language.current))

    def _refresh_page(self) -> None:
        exhibit = self._content.exhibit(self.nav.place.exhibit_id)
        language = self.language.current
        following = self._content.exhibit(self.nav.navigator.next_exhibit())
        offered = following if self._offers_next else None
        page = present.no_page()
        if exhibit:
            exhibits = self._content.exhibits
            place = (exhibits.index(exhibit) + 1, len(exhibits))
            page = present.exhibit_page(exhibit, language, self._strings, place, offered)
        if page != self._page:
            self._page = page
            self.pageChanged.emit()

    # every word of the interface in the visitor's language: ``kiosk.strings.back``
    strings = part(lambda self: self._words)

    def _get_site_title(self) -> str:
        return self._content.site.title.get(self.language.current)

    siteTitle = shown(str, _get_site_title, textsChanged)

    def _get_site_subtitle(self) -> str:
        subtitle = self._content.site.subtitle
        return subtitle.get(self.language.current) if subtitle else ""

    siteSubtitle = shown(str, _get_site_subtitle, textsChanged)

    def _get_theme(self) -> dict[str, str]:
        theme = self._content.site.theme
        return {name: getattr(theme, name) for name in theme.field_names()}

    theme = shown(dict, _get_theme, contentChanged)

    exhibits = shown(QObject, "_tiles")

    # every tile's title, and every subtitle, one a line: home finds their widest word
    # in one text each, laid out once a language tap (not once a tile)
    tileWords = shown(dict, "_tile_words", tileWordsChanged)
    page = shown(dict, "_page", pageChanged)

    def _get_timeline(self) -> RowsModel:
        if not self._timeline_made or self._timeline_stale:
            self._timeline_made = True
            self._timeline_stale = False
            self._timeline.set_rows(present.timeline(self._content, self.language.current))
        return self._timeline

    timeline = shown(QObject, _get_timeline)

    def _get_about(self) -> dict[str, Any]:
        if self._about is None:
            self._about = dict(present.about(self._content, self.language.current))
        return self._about

    # Read only by the About screen, which exists only while it shows.
    about = shown(dict, _get_about, textsChanged)

    def _get_map(self) -> QObject:
        if self._map is None:
            from kiosk.ui.mapview import MapScreen  # with the map, not before the first frame

            self._map = MapScreen(self._content, self.language.current, self)
        return self._map

    # Read only by the map screen, which exists only while it shows.
    map = part(_get_map)

    def _get_time_axis(self) -> QObject:
        if self._time_axis is None:
            from kiosk.ui.timeaxis import TimeAxis  # with the timeline, not before

            self._time_axis = TimeAxis(self._content, self)
        return self._time_axis

    # Read only by the timeline screen, which exists only while it shows.
    timeAxis = part(_get_time_axis)

    def _get_has_map(self) -> bool:
        return bool(self._content.places)

    # whether the bar and the home screen offer the map
    hasMap = shown(bool, _get_has_map, contentChanged)

    def _get_has_about(self) -> bool:
        return bool(self._content.exhibits)

    # whether the home screen offers "About this exhibition": not on the "being
    # updated" set of a kiosk with no valid content, whose About would be empty
    hasAbout = shown(bool, _get_has_about, contentChanged)

    def _get_has_timeline(self) -> bool:
        return any(e.timeline for e in self._content.exhibits)

    # What the home screen's button needs; reading ``timeline`` there would turn
    # every entry into JavaScript at the first frame and at every language switch.
    hasTimeline = shown(bool, _get_has_timeline, contentChanged)

    def _get_attract_slides(self) -> list[present.Slide]:
        return present.attract_slides(self._content, self.language.current)

    attractSlides = shown(list, _get_attract_slides, textsChanged)

    def _get_every_language_strings(self) -> dict[str, list[str]]:
        return present.strings_in_every_language(self._content)

    # the control bar sizes each button for its longest word in any language
    everyLanguageStrings = shown(dict, _get_every_language_strings, contentChanged)

    def _get_attract_texts(self) -> list[str]:
        text = self._content.site.strings.get("touch_to_explore")
        return [text.get(code) for code in self._content.site.language_codes] if text else []

    attractTexts = shown(list, _get_attract_texts, contentChanged)

    def _get_attract_slide_ms(self) -> int:
        return int(self._content.site.idle.attract_slide_s * 1000)

    attractSlideMs = shown(int, _get_attract_slide_ms, contentChanged)

    # images ------------------------------------------------------------------------

    imageRevision = shown(int, lambda self: self._images.revision, imageRevisionChanged)

    @Slot(str, int, result=str)
    def imageUrl(self, key: str, revision: int = 0) -> str:
        """``revision`` is unused: passing it makes the QML binding re-evaluate."""
        return self._images.url(key) if key else ""

    @Slot(str, int, result=QSize)
    def imageSize(self, key: str, revision: int = 0) -> QSize:
        """The rendition's pixel size, empty until it is built (``revision`` as above)."""
        return self._images.pixel_size(key) if key else QSize()

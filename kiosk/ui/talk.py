"""What QML is given in ``kiosk --present``: the console's view of the talk, the
audience window's curtain (blank, frozen), and the pictures passed between windows.

No decisions here: ``kiosk.runtime.talk.TalkState`` makes them, these objects show
them. Imported only in presenter mode, after the audience window's first frame.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtQuick import QQuickImageProvider, QQuickItem

from kiosk.content.talks import step_notes
from kiosk.runtime import talk as t
from kiosk.runtime.talk_words import keys, words
from kiosk.ui import present

if TYPE_CHECKING:
    from kiosk.runtime.talk import TalkState
    from kiosk.ui.bridge import Kiosk

PROVIDER = "talk"  # image://talk/live/N, image://talk/frozen/N and image://talk/next/N
LIVE_WIDTH = 960  # the console's copy of the audience screen is made this wide
NEXT_WIDTH = 360  # and its picture of the page's next screenful this wide (shown ~250-330 px)


class Frames:
    """The pictures that travel between the windows: the audience screen as it is now
    and the page's next screenful (for the console), and the audience screen as it was
    when frozen (for the audience)."""

    def __init__(self) -> None:
        self.images: dict[str, QImage] = {"live": QImage(), "frozen": QImage(), "next": QImage()}

    def provider(self) -> FrameProvider:
        """One per engine (an engine owns and deletes its providers)."""
        return FrameProvider(self)


class FrameProvider(QQuickImageProvider):
    def __init__(self, frames: Frames) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)
        self._frames = frames

    def requestImage(self, image_id: str, size: QSize, requested: QSize) -> QImage:
        image = self._frames.images.get(image_id.split("/")[0], QImage())
        if image.isNull():
            image = QImage(16, 9, QImage.Format.Format_RGB32)
            image.fill(Qt.GlobalColor.black)
        return image


class Curtain(QObject):
    """What covers the audience window: a colour, or the picture it had when frozen.

    The audience window also grabs its own stage for the console while ``live`` is on
    (a grab of the stage, under the curtain: the console sees where the talk is even
    while the audience sees black or a frozen picture)."""

    changed = Signal()
    copyRequested = Signal()

    def __init__(self, frames: Frames, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._frames = frames
        self._blank = ""
        self._frozen = False
        self._frozen_revision = 0
        self._live = True
        self._next_wanted = False
        self._grabs: list[Any] = []
        self.live_frame: Callable[[], None] = lambda: None  # set by the console
        self.next_frame: Callable[[], None] = lambda: None  # set by the console

    def show(self, blank: str, frozen: bool, freeze: Callable[[], QImage]) -> None:
        if frozen and not self._frozen:
            self._frames.images["frozen"] = freeze()
            self._frozen_revision += 1
        if (blank, frozen) != (self._blank, self._frozen):
            self._blank, self._frozen = blank, frozen
            self.changed.emit()

    def set_live(self, live: bool) -> None:
        if live != self._live:
            self._live = live
            self.changed.emit()

    def _get_blank(self) -> str:
        return self._blank

    blank = Property(str, _get_blank, notify=changed)  # "", "black" or "white"

    def _get_frozen_url(self) -> str:
        return f"image://{PROVIDER}/frozen/{self._frozen_revision}" if self._frozen else ""

    frozenUrl = Property(str, _get_frozen_url, notify=changed)

    def _get_live(self) -> bool:
        return self._live

    live = Property(bool, _get_live, notify=changed)

    def set_next_wanted(self, wanted: bool) -> None:
        """The console's "next" is more of this page: the copy takes its picture too."""
        if wanted != self._next_wanted:
            self._next_wanted = wanted
            self.changed.emit()
            if wanted:
                self.request_copy()

    def _get_next_wanted(self) -> bool:
        return self._next_wanted

    nextWanted = Property(bool, _get_next_wanted, notify=changed)

    def _get_next_width(self) -> int:
        return NEXT_WIDTH

    nextWidth = Property(int, _get_next_width, constant=True)

    def request_copy(self) -> None:
        """Something moved on the audience screen: the console's copy is made soon."""
        self.copyRequested.emit()

    @Slot(QImage)
    def setLiveFrame(self, image: QImage) -> None:
        self._frames.images["live"] = image
        self.live_frame()

    @Slot(QQuickItem, QRectF, QSize)
    def copyNext(self, page: QQuickItem, screenful: QRectF, size: QSize) -> None:
        """Picture ``page`` (a page's content, the whole of it) at ``size``, and keep the
        part ``screenful`` of it: what the next press will show. One small render of the
        page, once the talk has moved (a page's content item has no QML engine of its
        own to do it from QML)."""
        grab = page.grabToImage(size)
        result = grab.data()
        if result is None:
            return
        self._grabs.append(grab)  # alive until its picture is ready

        def ready() -> None:
            self._grabs.remove(grab)
            if self._next_wanted:
                self._frames.images["next"] = result.image().copy(screenful.toRect())
                self.next_frame()

        result.ready.connect(ready)


class Console(QObject):
    """The presenter console's view of the talk, in the presenter's language."""

    changed = Signal()
    timerChanged = Signal()
    liveChanged = Signal()
    nextChanged = Signal()
    swapRequested = Signal()
    hideRequested = Signal()
    chooseRequested = Signal(int)  # a talk of the chooser, by its place in the list
    chooserRequested = Signal()  # the chooser opened or closed
    pageRequested = Signal(int)  # a page of the pages' list, by its place in it
    pagesRequested = Signal()  # the pages' list opened or closed

    def __init__(
        self,
        kiosk: Kiosk,
        state: TalkState,
        language: str,
        parent: QObject | None = None,
        notices: Callable[[], list[t.Notice]] = list,
        chooser: t.TalkChooser | None = None,
        pages: t.PageChooser | None = None,
    ) -> None:
        super().__init__(parent)
        self._kiosk = kiosk
        self._state = state
        self._language = language
        self._notices = notices  # what the presenter should know of the content
        self._chooser = chooser or t.TalkChooser()  # the talks to give instead (T)
        self._pages = pages or t.PageChooser()  # every page, to show off the talk (G)
        self._live_revision = 0
        self._next_revision = 0
        self._two_screens = False
        self._view: dict[str, Any] = {}
        self._timer: dict[str, Any] = {}
        self.refresh()
        self.tick()

    @property
    def language(self) -> str:
        return self._language

    @property
    def next_kind(self) -> str:
        """What the console's "next" is: "more" (of this page), "moment" (the timeline's
        next), "place" (the map's next), "step" or "end"."""
        return str(self._view.get("nextKind", ""))

    @property
    def two_screens(self) -> bool:
        return self._two_screens

    def set_two_screens(self, two: bool) -> None:
        if two != self._two_screens:
            self._two_screens = two
            self.refresh()

    def refresh(self) -> None:
        """The talk moved (or the content, or a language): everything but the timer."""
        state, content, lang = self._state, self._kiosk.content, self._language
        steps = state.steps
        kind, following = state.next_up()
        if kind == "more" and following is not None and following.kind == t.TIMELINE:
            kind = "moment"  # the timeline's next moment, as the audience will see it
        elif kind == "more" and following is not None and following.kind == t.MAP:
            kind = "place"  # the map's next place
        if kind in ("step", "back") and following is not None:
            next_title = t.step_title(following, content, lang)
            next_image = _step_image(following, content)
        elif kind == "moment":
            next_title, next_image = _next_moment(self._kiosk.nav.place.index + 1, content, lang)
        elif kind == "place":
            next_title, next_image = _next_place(self._kiosk.nav.place.index + 1, content, lang)
        elif kind == "more":
            next_title = t.step_title(following, content, lang) if following else ""
            next_image = ""
        else:
            next_title, next_image = "", ""
        step = state.shown  # off the talk: the page shown, its title and its notes
        said = words(lang)
        view = {
            "title": state.talk.title.get(lang),
            "words": said,
            "notices": [_notice(n, said) for n in self._notices()],
            "keys": keys(lang),
            "outline": [
                {"number": i + 1, "title": t.step_title(s, content, lang), "kind": s.kind}
                for i, s in enumerate(steps)
            ],
            "index": state.index,
            "count": len(steps),
            "current": t.step_title(step, content, lang) if step else "",
            "notes": _notes(step, content, lang),
            "nextKind": kind,
            "nextStepKind": following.kind if kind in ("step", "back") and following else "",
            "nextTitle": next_title,
            "nextImage": next_image,
            "ended": state.ended,
            "blank": state.blank,
            "frozen": state.frozen,
            "typed": state.typed,
            "twoScreens": self._two_screens,
            "language": lang,
            "languages": list(content.site.language_codes),
            "choosing": self._chooser.open,
            "choices": _choices(self._chooser, state.talk.id, said, lang),
            "talksLeftOut": list(self._chooser.left_out[: t.NOTICE_LINES])
            if self._chooser.open
            else [],
            "canChoose": len(content.talks) > 0 or bool(t.talk_file_errors(content)),
            "away": state.away is not None,
            "pagesOpen": self._pages.open,
            "pageChoices": _page_choices(self._pages, state, content, said, lang),
            "pageTyped": self._pages.typed,
            "choiceTyped": self._chooser.typed,
        }
        if view != self._view:
            self._view = view
            self.changed.emit()

    def tick(self) -> None:
        reading = self._state.timer()
        timer = {
            "elapsed": t.format_duration(reading.elapsed_s),
            "left": "" if reading.left_s is None else t.format_duration(reading.left_s),
            "phase": reading.phase,
            "clock": reading.clock,
            "running": reading.running,
            "paused": reading.paused,
        }
        if timer != self._timer:
            self._timer = timer
            self.timerChanged.emit()

    def new_live_frame(self) -> None:
        self._live_revision += 1
        self.liveChanged.emit()

    def new_next_frame(self) -> None:
        self._next_revision += 1
        self.nextChanged.emit()

    def clear_next(self) -> None:
        """No more of this page next: its picture goes (never shown for another page)."""
        if self._next_revision:
            self._next_revision = 0
            self.nextChanged.emit()

    def _get_next_url(self) -> str:
        return f"image://{PROVIDER}/next/{self._next_revision}" if self._next_revision else ""

    nextUrl = Property(str, _get_next_url, notify=nextChanged)

    def _get_view(self) -> dict[str, Any]:
        return self._view

    view = Property(dict, _get_view, notify=changed)

    def _get_timer(self) -> dict[str, Any]:
        return self._timer

    timer = Property(dict, _get_timer, notify=timerChanged)

    def _get_live_url(self) -> str:
        return f"image://{PROVIDER}/live/{self._live_revision}"

    liveUrl = Property(str, _get_live_url, notify=liveChanged)

    @Slot(int)
    def jump(self, index: int) -> None:
        self._state.jump(index)

    @Slot()
    def forward(self) -> None:
        self._state.forward()

    @Slot()
    def backward(self) -> None:
        self._state.backward()

    @Slot(str)
    def toggleBlank(self, colour: str) -> None:
        self._state.toggle_blank(colour)

    @Slot()
    def toggleFreeze(self) -> None:
        self._state.toggle_freeze()

    @Slot(int)
    def choose(self, index: int) -> None:
        """A talk of the open chooser clicked (0-based)."""
        self.chooseRequested.emit(index)

    @Slot()
    def toggleChooser(self) -> None:
        self.chooserRequested.emit()

    @Slot(int)
    def choosePage(self, index: int) -> None:
        """A page of the open pages' list clicked (0-based): shown off the talk."""
        self.pageRequested.emit(index)

    @Slot()
    def togglePages(self) -> None:
        self.pagesRequested.emit()

    @Slot()
    def comeBack(self) -> None:
        """The talk back where it was, after a page shown off it (as Esc)."""
        self._state.come_back()

    @Slot()
    def closeChooser(self) -> None:
        """A click beside the list (a click on a row also reaches it: closing, never
        opening again what the row's click just closed)."""
        if self._chooser.open or self._pages.open:
            self._chooser.close()
            self._pages.close()
            self.refresh()

    @Slot(str)
    def setLanguage(self, code: str) -> None:
        """The console's (and the notes') language; the audience keeps its own."""
        self._language = code
        self.refresh()

    @Slot()
    def swap(self) -> None:
        self.swapRequested.emit()

    @Slot()
    def hide(self) -> None:
        self.hideRequested.emit()


def _choices(
    chooser: t.TalkChooser, current: str, said: dict[str, str], language: str
) -> list[dict[str, Any]]:
    """The talks the open chooser lists: number, title, length, the one on now and the
    one marked."""
    if not chooser.open:
        return []
    rows = []
    for number, talk in enumerate(chooser.talks, start=1):
        length = [said["steps_count"].format(count=len(talk.steps))]
        if talk.duration_s is not None:
            length.append(t.format_duration(talk.duration_s))
        elif talk.end_time:
            length.append(said["ends_at"].format(time=talk.end_time))
        rows.append(
            {
                "number": number,
                "title": talk.title.get(language) if talk.id else said["whole_exhibition"],
                "detail": " · ".join(length),
                "current": talk.id == current,
                "marked": number - 1 == chooser.marked,
            }
        )
    return rows


def _page_choices(
    pages: t.PageChooser, state: t.TalkState, content: Any, said: dict[str, str], language: str
) -> list[dict[str, Any]]:
    """The pages the open list offers: number, title, whether the talk has it (its
    step's number) and whether the audience is shown it now."""
    if not pages.open:
        return []
    rows = []
    for number, page in enumerate(pages.items, start=1):
        steps = [i + 1 for i, step in enumerate(state.steps) if t.same_page(page, step)]
        shown = state.shown
        rows.append(
            {
                "number": number,
                "title": t.step_title(page, content, language),
                "detail": f"{said['step']} {', '.join(map(str, steps))}" if steps else "",
                "current": shown is not None and t.same_page(page, shown),
                "marked": number - 1 == pages.marked,
            }
        )
    return rows


def _notice(notice: t.Notice, said: dict[str, str]) -> dict[str, Any]:
    """A notice as the console shows it: its sentence, and its first lines."""
    lines = list(notice.lines[: t.NOTICE_LINES])
    if len(notice.lines) > t.NOTICE_LINES:
        lines.append(said["more_problems"].format(count=len(notice.lines) - t.NOTICE_LINES))
    return {"kind": notice.kind, "text": said[notice.kind].format(talk=notice.talk), "lines": lines}


def _step_image(step: t.TalkStep, content: Any) -> str:
    """The key of the picture that stands for ``step`` in the console's "next"."""
    exhibit = content.exhibit(step.exhibit or "") if step.exhibit else None
    if exhibit is None:
        return ""
    if step.kind == t.IMAGE and step.image is not None and step.image < len(exhibit.gallery):
        return present.image_key(exhibit.gallery[step.image], present.THUMB)
    return present.image_key(exhibit.cover, present.THUMB)


def _next_moment(index: int, content: Any, language: str) -> tuple[str, str]:
    """The timeline's moment ``index`` as the console's "next" names it (its date and
    title) and the key of its picture (its exhibit's cover, as on its card)."""
    dated = content.timeline()
    if not 0 <= index < len(dated):
        return "", ""
    exhibit, entry = dated[index]
    title = f"{entry.label.get(language)} · {entry.title.get(language)}"
    return title, present.image_key(exhibit.cover, present.THUMB)


def _next_place(index: int, content: Any, language: str) -> tuple[str, str]:
    """The map's place ``index`` as the console's "next" names it: its name and the
    exhibits set there, as the map's panel lists them; no picture of its own (the card
    shows the map's sign)."""
    from kiosk.ui import mapview  # the map's module: on a map step only

    places = mapview.places(content, language)
    if not 0 <= index < len(places):
        return "", ""
    place = places[index]
    return " · ".join([place["name"], *(e["title"] for e in place["exhibits"])]), ""


def _notes(step: t.TalkStep | None, content: Any, language: str) -> str:
    """The step's speaker notes in the presenter's language (the one rule:
    ``kiosk.content.talks.step_notes``)."""
    notes = step_notes(content, step) if step is not None else None
    return notes.get(language) if notes is not None else ""

"""``kiosk --present``: the audience window on the projector, the console on the laptop.

One process, one navigation state, two windows. The audience window is the kiosk's
own window with its audience parts only (no bar, no staff corner, no key map, no
quit question); the console is a second window, made here and only here, on the
laptop's screen, or with one screen an overlay window the presenter shows with
``C``. ``kiosk.runtime.talk`` decides; this module places windows, turns keys into
calls on the talk and hides the audience's cursor until the mouse moves.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, SignalInstance
from PySide6.QtGui import QCursor, QGuiApplication, QScreen
from PySide6.QtQml import QQmlComponent, QQmlEngine
from PySide6.QtQuick import QQuickWindow

from kiosk.content.fallback import FALLBACK_VERSION
from kiosk.content.model import ContentSet, Talk, TalkStep
from kiosk.content.talks import default_talk, missing_talk
from kiosk.runtime import talk as t
from kiosk.runtime.navigation import MAP, NO_PLACE, TIMELINE
from kiosk.ui.app import QML_DIR
from kiosk.ui.awake import Awake
from kiosk.ui.keys import key_value
from kiosk.ui.talk import PROVIDER, Console, Curtain, Frames

if TYPE_CHECKING:
    from kiosk.runtime.reload import ReloadController
    from kiosk.ui.app import KioskWindow
    from kiosk.ui.bridge import Kiosk
    from kiosk.ui.wiring import PresentOptions

log = logging.getLogger("kiosk.present")

TICK_MS = 500  # the console's clock and timer
CURSOR_HIDES_AFTER_MS = 2000  # the audience's mouse pointer, once it stops moving


class AudienceView:
    """``kiosk.runtime.talk.TalkView`` on the audience window."""

    def __init__(self, kiosk: Kiosk) -> None:
        self._kiosk = kiosk
        self.on_change = lambda: None
        self._one_place = False  # a map step that shows one place: no place to walk to

    def show_step(self, step: TalkStep, at_end: bool) -> None:
        nav = self._kiosk.nav.navigator
        self._one_place = step.kind == t.MAP and step.place is not None
        if step.kind in (t.EXHIBIT, t.IMAGE) and step.exhibit:
            nav.open_exhibit(step.exhibit)
            if step.kind == t.IMAGE:
                nav.open_gallery(step.image or 0)
        # never through the home screen: a presentation swaps in edited content there
        elif step.kind == t.TIMELINE:
            moment = nav.moments - 1 if at_end else 0
            if nav.place.screen == TIMELINE:
                nav.focus(moment)
            else:
                nav.open_timeline(moment)
        elif step.kind == t.MAP and step.place is not None:  # the one place the talk names
            places = [place.id for place in self._kiosk.content.places]
            nav.open_map(places.index(step.place) if step.place in places else NO_PLACE)
        elif step.kind == t.MAP:  # the whole map first; from the step after, its last place
            nav.open_map(nav.places - 1 if at_end else NO_PLACE)
        elif step.kind == t.ABOUT:
            nav.open_about()
        if step.kind in t.SCROLLED:
            # once the page is laid out for this exhibit: its top, or its end
            keys = self._kiosk.keys
            QTimer.singleShot(0, keys, partial(keys.pageJumpRequested.emit, at_end))

    def scroll(self, screens: int) -> None:
        nav = self._kiosk.nav.navigator
        if nav.place.screen == TIMELINE:  # the timeline goes moment by moment
            nav.focus(nav.place.index + screens)
            return
        if nav.place.screen == MAP:  # the map place by place, after the whole map
            if not self._one_place:
                nav.choose_place(min(max(NO_PLACE, nav.place.index + screens), nav.places - 1))
            return
        keys = self._kiosk.keys
        keys.scrollRequested.emit(screens * keys.SCREENFUL)

    def page_edges(self) -> tuple[bool, bool]:
        nav = self._kiosk.nav.navigator
        if nav.place.screen == TIMELINE:
            return nav.place.index <= 0, nav.place.index >= nav.moments - 1
        if nav.place.screen == MAP and self._one_place:
            return True, True
        if nav.place.screen == MAP:
            return nav.place.index == NO_PLACE, nav.place.index >= nav.places - 1
        return self._kiosk.nav.page_edges

    def changed(self) -> None:
        self.on_change()

    def leave(self) -> object:
        return self._kiosk.nav.navigator.stack, self._one_place

    def come_back(self, step: TalkStep, left: object) -> None:
        places, self._one_place = left if isinstance(left, tuple) else ((), False)
        if not places:  # nothing noted: the step at its top
            self.show_step(step, at_end=False)
            return
        # the exhibit page takes its kept scroll as it is shown again (ExhibitPage)
        self._kiosk.nav.navigator.restore(places)


def choose_talk(content: ContentSet, name: str | None) -> Talk:
    """The talk file asked for, else the default talk (the whole exhibition); what
    cannot show is left out."""
    if content.version == FALLBACK_VERSION:  # nothing loaded yet: no talk, no step
        log.error("the talk starts once the exhibits folder loads (see its errors above)")
        return Talk(name or "", default_talk(content).title, None, None, ())
    talk = content.talks.get(name) if name else None
    if name and talk is None:
        why, errors = missing_talk(name, content)
        log.error(
            "%s: giving the whole exhibition instead%s",
            why,
            "".join(f"\n  {p}" for p in errors),
        )
    return t.playable(talk or default_talk(content), content)


def system_clock() -> t.Clock:
    return t.Clock(time.monotonic, dt.datetime.now)


class Presentation(QObject):
    """The talk, its two windows and the keys that drive it."""

    def __init__(
        self,
        kw: KioskWindow,
        options: PresentOptions,
        clock: t.Clock | None = None,
        reload: ReloadController | None = None,
    ) -> None:
        super().__init__(kw.window)
        self.kw = kw
        self.options = options
        self._reload = reload  # the edits made during the talk: the console tells of them
        self.wanted: str | None = None  # the screen the audience was put on, by name
        self.console_shown = False  # with one screen: the overlay is shown only when asked
        self._closed = False
        self._placement = t.Placement(0, None)  # until ``show``
        kiosk = kw.kiosk
        self.view = AudienceView(kiosk)
        self.state = t.TalkState(
            choose_talk(kiosk.content, options.talk), self.view, clock or system_clock()
        )
        frames = Frames()
        kw.engine.addImageProvider(PROVIDER, frames.provider())
        self.curtain = Curtain(frames, self)
        language = options.language or kiosk.content.site.default_language
        self.talk_name = options.talk  # the talk file given: --talk, or one chosen (T)
        self.chooser = t.TalkChooser()
        self.pages = t.PageChooser()  # every page, to show one off the talk (G)
        # started without --talk by a presenter who has talk files: the console offers
        # them at once (Enter keeps the whole exhibition)
        self._offer_talks = options.talk is None
        self.console = Console(
            kiosk, self.state, language, self, self._notices, self.chooser, self.pages
        )
        self.curtain.live_frame = self.console.new_live_frame
        self.curtain.next_frame = self.console.new_next_frame
        self.console.changed.connect(self._console_changed)
        self.view.on_change = self._changed
        window = kw.window
        window.setProperty("curtain", self.curtain)
        window.setProperty("audience", True)
        kiosk.presenter.set_quit_allowed(True)
        kiosk.give_talk()
        kiosk.keys.set_talk_keys(self.handle_key)
        kiosk.contentChanged.connect(self._content_changed)
        kiosk.nav.changed.connect(self.console.refresh)
        self.console.swapRequested.connect(self.swap)
        self.console.hideRequested.connect(self.toggle_console)
        self.console.chooseRequested.connect(self._choose_at)
        self.console.chooserRequested.connect(self.toggle_chooser)
        self.console.pageRequested.connect(self._show_page_at)
        self.console.pagesRequested.connect(self.toggle_pages)
        self.console_window = self._make_console()
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._on_tick)
        self._tick.start()
        self._cursor = QTimer(self)
        self._cursor.setSingleShot(True)
        self._cursor.setInterval(CURSOR_HIDES_AFTER_MS)
        self._cursor.timeout.connect(self._hide_cursor)
        window.installEventFilter(self)
        for moved in self._moves():
            moved.connect(self.curtain.request_copy)
        self._hide_cursor()
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.screenAdded.connect(self._screen_added)
        app.screenRemoved.connect(self._screens_changed)
        for screen in app.screens():
            screen.geometryChanged.connect(self._screens_changed)
        self._dress(self.state.talk)
        self.awake = Awake()  # no blanked projector in the middle of the talk
        QTimer.singleShot(0, self, self._hold_awake)  # once the windows are up; answered later
        self.state.begin()

    # windows ---------------------------------------------------------------------------

    def _make_console(self) -> QQuickWindow:
        # The component is the Presentation's child, deleted by Qt, never by Python: PySide
        # counts the window it makes as its child, and the window's screen (from
        # ``screen()``) as the window's; a component Python deleted after the window had
        # gone took the application's screen down with it (the next window crashed).
        component = QQmlComponent(
            self.kw.engine, QUrl.fromLocalFile(str(QML_DIR / "Console.qml")), self
        )
        window = component.createWithInitialProperties(
            {"kiosk": self.kw.kiosk, "talk": self.console}
        )
        if not isinstance(window, QQuickWindow):
            errors = "; ".join(e.toString() for e in component.errors())
            raise RuntimeError(f"the presenter console did not load: {errors}")
        QQmlEngine.setObjectOwnership(window, QQmlEngine.ObjectOwnership.CppOwnership)
        self._component = component  # kept with the window it made
        return window

    def show(self) -> None:
        """Both windows on their screens; again whenever screens come or go, or on ``S``."""
        screens = QGuiApplication.screens()
        names = [screen.name() for screen in screens]
        primary = QGuiApplication.primaryScreen()
        placement = t.place_windows(
            names,
            screens.index(primary) if primary in screens else 0,
            self.options.audience_screen,
            self.wanted,
            [_area(screen) for screen in screens],
        )
        if self.wanted is None and placement.console is not None:
            self.wanted = names[placement.audience]  # and back there if it comes back
        self._placement = placement
        audience, console = self.kw.window, self.console_window
        _put(audience, screens[placement.audience], self.options.windowed)
        one_screen = placement.console is None
        self.console.set_two_screens(not one_screen)
        if one_screen:
            console.setFlag(Qt.WindowType.WindowStaysOnTopHint, True)
            if self.console_shown:
                _put(console, screens[placement.audience], self.options.windowed)
            else:  # the projector pulled out: the console goes with what was on it
                self._console_hidden()
                console.hide()
                audience.requestActivate()
        else:
            console.setFlag(Qt.WindowType.WindowStaysOnTopHint, False)
            assert placement.console is not None
            _put(console, screens[placement.console], self.options.windowed)
        self.curtain.set_live(console.isVisible())
        log.info(
            "audience on %s, console %s%s",
            screens[placement.audience].name(),
            "hidden over it (C shows it)"
            if one_screen and not self.console_shown
            else f"on {console.screen().name()}",
            "; the screens are mirrored (every one shows the audience's picture): set the"
            " displays to extend to have the console on the laptop"
            if placement.mirrored
            else "",
        )
        self.console.refresh()  # its notices: the screens mirrored, or no longer
        if self._offer_talks and self._console_seen():
            self._offer_talks = False
            if self.kw.kiosk.content.talks:
                self.toggle_chooser()

    def close(self) -> None:
        """Everything the talk set up, undone, once: its timers, filter and connections,
        the keys handed back to the kiosk, the picture provider taken off the engine, and
        the console (not a child of the audience window) deleted, then its component.
        Nothing is left for Python's collector to delete after the windows have gone."""
        if self._closed:
            return
        self._closed = True
        self.awake.release()
        self._tick.stop()
        self._cursor.stop()
        kiosk, window = self.kw.kiosk, self.kw.window
        window.removeEventFilter(self)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.disconnect(self._screen_added)
            app.screenRemoved.disconnect(self._screens_changed)
            for screen in app.screens():
                screen.geometryChanged.disconnect(self._screens_changed)
        kiosk.keys.set_talk_keys(None)
        kiosk.contentChanged.disconnect(self._content_changed)
        kiosk.nav.changed.disconnect(self.console.refresh)
        for moved in self._moves():
            moved.disconnect(self.curtain.request_copy)
        self.view.on_change = lambda: None
        self.curtain.live_frame = self.curtain.next_frame = lambda: None
        self.curtain.set_live(False)
        self.kw.engine.removeImageProvider(PROVIDER)
        self.console_window.close()
        self.console_window.deleteLater()
        self._component.deleteLater()  # after the window it made (posted in this order)

    def _moves(self) -> tuple[SignalInstance, ...]:
        """What changes the audience's screen: the console's copy of it is made again."""
        kiosk = self.kw.kiosk
        keys = kiosk.keys
        return (
            kiosk.nav.changed,
            kiosk.textsChanged,
            keys.scrollRequested,
            keys.pageJumpRequested,
            kiosk.appearance.changed,
        )

    def swap(self) -> None:
        names = [screen.name() for screen in QGuiApplication.screens()]
        target = t.swapped(names, self._placement)
        if target is not None:
            self.wanted = target
            self.show()

    def toggle_console(self) -> None:
        """``C``: with one screen, the console overlay in and out; with two, nothing."""
        if self.console.two_screens:
            return
        self.console_shown = not self.console_shown
        self.show()
        if self.console_shown:
            if QGuiApplication.platformName() != "offscreen":  # it cannot, and says so
                self.console_window.raise_()
            self.console_window.requestActivate()

    def _console_hidden(self) -> None:
        """What was on a console no longer seen goes with it: the key help and the
        lists (a number typed for a step must not choose from a list nobody sees)."""
        self.kw.kiosk.presenter.hideHelp()
        self.chooser.close()
        self.pages.close()

    def toggle_chooser(self) -> None:
        """``T``, the console's Talks button: the list of talks to give, open or closed.
        Only on a console that is seen (with one screen, shown with C)."""
        chooser = self.chooser
        if chooser.open:
            chooser.close()
        elif self._console_seen():
            # the newest load's talks: a talk file fixed or added during the setting up
            # is there to choose (choosing it brings the edits in)
            newest = self._waiting() or self.kw.kiosk.content
            self.pages.close()
            chooser.show(t.talk_choices(newest), self.state.talk.id, t.talk_file_errors(newest))
        self.console.refresh()

    def toggle_pages(self) -> None:
        """``G``, the console's Pages button: every page of the exhibition, to show one to
        the audience off the talk (a question about what the talk does not show). Only
        on a console that is seen, and never while the talk has nothing on screen."""
        pages = self.pages
        if pages.open:
            pages.close()
        elif self._console_seen() and self.state.steps:
            self.chooser.close()
            pages.show(t.page_choices(self.kw.kiosk.content), self.state.shown)
        self.console.refresh()

    def _show_page_at(self, index: int) -> None:
        page = self.pages.numbered(index + 1)
        if page is not None:
            self._show_page(page)

    def _show_page(self, page: TalkStep) -> None:
        self.pages.close()
        self.state.show_away(page)

    def _waiting(self) -> ContentSet | None:
        """The edits loaded and waiting, if there are any."""
        return self._reload.pending if self._reload is not None else None

    def _choose_at(self, index: int) -> None:
        talk = self.chooser.numbered(index + 1)
        if talk is not None:
            self._give(talk)

    def _give(self, talk: Talk) -> None:
        """Another talk, from its first step, with its own text size and colours. A talk
        chosen is a talk started again: edits waiting come in first (as a kiosk takes
        them between visitors), and the talk is the one of that name in them."""
        self.chooser.close()
        self.talk_name = talk.id or None
        if self._reload is not None and self._reload.pending is not None:
            self._reload.at_attract()  # swapped in through the kiosk (contentChanged)
        content = self.kw.kiosk.content
        given = content.talks.get(talk.id) if talk.id else default_talk(content)
        if given is None:  # gone from the folder meanwhile: the whole exhibition
            given, self.talk_name = default_talk(content), None
        self.state.change_talk(t.playable(given, content))
        self._dress(given)
        self.console.refresh()

    def _chooser_key(self, key: int) -> bool:
        """A key while a list is open (the talks, the pages): Up, Down, Enter, a number,
        Esc or the list's own key; False for any other, which closes the list and does
        its own work (a clicker's press is never lost to a list the presenter may not
        be looking at)."""
        k = Qt.Key
        talks = self.chooser.open
        chooser: t.Chooser[Any] = self.chooser if talks else self.pages
        take: Callable[[Any], None] = self._give if talks else self._show_page
        if key in (key_value(k.Key_Up), key_value(k.Key_Down)):
            chooser.move(1 if key == key_value(k.Key_Down) else -1)
        elif key in (key_value(k.Key_Return), key_value(k.Key_Enter)):
            item = chooser.taken()
            if item is not None:
                take(item)
                return True
        elif key_value(k.Key_0) <= key <= key_value(k.Key_9):
            item = chooser.type_digit(key - key_value(k.Key_0))
            if item is not None:
                take(item)
                return True
        elif key not in (key_value(k.Key_Escape), key_value(k.Key_T if talks else k.Key_G)):
            chooser.close()
            self.console.refresh()
            return False
        else:
            chooser.close()
        self.console.refresh()
        return True

    def _hold_awake(self) -> None:
        if not self._closed:
            self.awake.hold()

    def _screens_changed(self, *_: object) -> None:
        # a projector plugged in or pulled out, or the displays switched between mirror
        # and extend (a screen moved): the talk goes on, the windows move
        QTimer.singleShot(0, self, self.show)

    def _screen_added(self, screen: QScreen) -> None:
        screen.geometryChanged.connect(self._screens_changed)
        self._screens_changed()

    # the talk ---------------------------------------------------------------------------

    def _changed(self) -> None:
        state = self.state
        self.curtain.show(state.blank, state.frozen, self.kw.window.grabWindow)
        self.curtain.request_copy()
        self.console.refresh()
        self.console.tick()  # P and R show at once, not at the next tick

    def _console_changed(self) -> None:
        # "next" is more of this page: the audience window pictures its next screenful
        wanted = self.console.next_kind == "more"
        self.curtain.set_next_wanted(wanted)
        if not wanted:
            self.console.clear_next()

    def _on_tick(self) -> None:
        self.console.tick()
        self.console.refresh()  # the page's edges move while it scrolls: "next" follows

    def _dress(self, talk: Talk) -> None:
        """The audience's text size and colours as the talk file asks, at its start (the
        console's + / - and K change them from there); what it does not say stays."""
        appearance = self.kw.kiosk.appearance
        if talk.text_size is not None:
            appearance.set_text_scale(talk.text_size / 100)
        if talk.contrast is not None:
            appearance.set_high_contrast(talk.contrast)

    def _content_changed(self) -> None:
        talk = choose_talk(self.kw.kiosk.content, self.talk_name)
        if not self.state.talk.steps and talk.steps:  # the first load: the talk starts
            self._dress(talk)
        if talk.steps != self.state.talk.steps:
            self.state.set_talk(talk)
        else:
            self.state.talk = talk
        self.console.refresh()

    def _notices(self) -> list[t.Notice]:
        """The screens mirrored, the talk asked for and not there, an edit with errors,
        edits waiting: read at each of the console's ticks."""
        reload = self._reload
        mirrored = [t.Notice(t.SCREENS_MIRRORED)] if self._placement.mirrored else []
        if reload is None:
            return mirrored + t.content_notices(self.talk_name, self.kw.kiosk.content)
        return mirrored + t.content_notices(
            self.talk_name,
            self.kw.kiosk.content,
            reload.last_errors,
            reload.last_warnings,
            waiting=reload.pending is not None,
        )

    def handle_key(self, key: int, modifiers: int) -> bool:
        """The presenter's keys, before the kiosk's own (``kiosk.ui.keys``)."""
        k = Qt.Key
        state = self.state
        if (self.chooser.open or self.pages.open) and self._chooser_key(key):
            return True
        appearance = self.kw.kiosk.appearance
        actions: dict[Qt.Key, Callable[[], object]] = {
            k.Key_PageDown: state.forward,
            k.Key_Right: state.forward,
            k.Key_Space: state.forward,
            k.Key_PageUp: state.backward,
            k.Key_Left: state.backward,
            k.Key_Backspace: state.backward,
            k.Key_Home: state.first,
            k.Key_End: state.last,
            k.Key_Down: partial(self._line, 1),
            k.Key_Up: partial(self._line, -1),
            k.Key_B: partial(state.toggle_blank, t.BLACK),
            k.Key_Period: partial(state.toggle_blank, t.BLACK),
            k.Key_W: partial(state.toggle_blank, t.WHITE),
            k.Key_F: state.toggle_freeze,
            k.Key_P: state.toggle_pause,
            k.Key_R: state.reset_timer,
            k.Key_S: self.swap,
            k.Key_C: self.toggle_console,
            # the audience's text, for the room: + (= unshifted, and the keypad's) and -
            k.Key_Plus: partial(appearance.larger, 1),
            k.Key_Equal: partial(appearance.larger, 1),
            k.Key_Minus: partial(appearance.larger, -1),
            k.Key_K: appearance.toggleContrast,
            k.Key_T: self.toggle_chooser,
            k.Key_G: self.toggle_pages,
            k.Key_Return: state.enter,
            k.Key_Enter: state.enter,
            k.Key_Escape: self._escape,
        }
        for digit in range(10):
            actions[getattr(k, f"Key_{digit}")] = partial(state.type_digit, digit)
        # the kiosk's own M (map; T, its timeline, is the talks here) would take the
        # audience off the talk, to a screen the talk does not know: the steps decide
        ignored = [k.Key_M]
        if not self._console_seen():
            # F1 shows the key help on the console: hidden, on no screen (and the next
            # Esc would close it unseen instead of bringing back a blanked screen)
            ignored += [k.Key_F1, k.Key_Question]
        for key_name in ignored:
            actions[key_name] = lambda: None
        action = {key_value(name): a for name, a in actions.items()}.get(key)
        if action is None:
            return False
        action()
        return True

    def _line(self, lines: int) -> None:
        """Down, Up: a page (an exhibit's, About) scrolls a little. Nothing else moves:
        the kiosk's own Down and Up would change the gallery's picture or the open
        moment under the step the talk is on."""
        step = self.state.step
        if step is not None and step.kind in t.SCROLLED:
            keys = self.kw.kiosk.keys
            keys.scrollRequested.emit(lines * keys.LINE)

    def _escape(self) -> None:
        """Esc leaves blank or freeze first; then it asks, on the console, to quit. With
        one screen and the console hidden it asks nothing: the question would show on no
        screen, and until answered it takes every key (the clicker's too), and the
        next Enter quits. C shows the console, then Esc asks."""
        if self.state.escape():
            return
        if self._console_seen():
            self.kw.kiosk.presenter.ask()

    def _console_seen(self) -> bool:
        """Whether the console is on a screen: its own, or shown over the audience."""
        return self.console.two_screens or self.console_shown

    # the audience's mouse pointer and closing -----------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.MouseMove, *_PRESSES):
            self.kw.window.unsetCursor()
            self._cursor.start()
        elif kind == QEvent.Type.Close:
            # the audience window closed (the window manager): the console goes with it
            self.console_window.close()
        # the pointer may point, not press: a click on a picture on the projector would
        # open the gallery under the talk, which goes on from the step it knows. The
        # talk alone moves the audience (the wheel still scrolls, as Down and Up do)
        return kind in _PRESSES

    def _hide_cursor(self) -> None:
        self.kw.window.setCursor(QCursor(Qt.CursorShape.BlankCursor))


_PRESSES = (
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
)


def _area(screen: QScreen) -> t.Area:
    area = screen.geometry()
    return area.x(), area.y(), area.width(), area.height()


def _put(window: QQuickWindow, screen: QScreen, windowed: bool) -> None:
    if window.screen() is not screen:
        window.setScreen(screen)
    area = screen.geometry()
    if windowed:
        size = window.size()
        width = min(max(size.width(), 1280), area.width() - 80)
        height = min(max(size.height(), 720), area.height() - 80)
        window.setGeometry(area.x() + 40, area.y() + 40, width, height)
        window.showNormal()
    else:
        window.setGeometry(area)
        window.showFullScreen()

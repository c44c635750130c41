"""The presentation keyboard and clicker map: what each key does, on every screen.

QML hands every key press to ``kiosk.keys.handle``; the map decides here, with the
navigation, the language and the presenter's overlays it is given. The exhibit page
listens for ``scrollRequested``, the window for ``fullScreenToggleRequested``. The
keys themselves are listed for the help overlay in ``kiosk.runtime.navigation``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.runtime.navigation import ATTRACT, HOME, TIMELINE

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

    from kiosk.ui.language import Language
    from kiosk.ui.navigation import Navigation
    from kiosk.ui.overlays import Presenter


class KeyMap(QObject):
    """One key press in, one action out; ``handle`` says whether the key was used."""

    fullScreenToggleRequested = Signal()
    scrollRequested = Signal(float)  # the exhibit page scrolls by this part of its height
    pageJumpRequested = Signal(bool)  # the exhibit page shows its end (True) or its top

    LINE = 0.2  # Down/Up scroll a fifth of what is visible
    SCREENFUL = 0.85  # PageDown/PageUp: a screenful, keeping a line to read on from

    def __init__(
        self,
        nav: Navigation,
        language: Language,
        presenter: Presenter,
        language_codes: Callable[[], Sequence[str]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._nav = nav
        self._language = language
        self._presenter = presenter
        self._language_codes = language_codes
        self._talk_keys: Callable[[int, int], bool] | None = None

    def _get_screenful(self) -> float:
        return self.SCREENFUL

    # how far PageDown scrolls, in view heights: a talk's page walks its screenfuls with it
    screenful = Property(float, _get_screenful, constant=True)

    def set_talk_keys(self, talk_keys: Callable[[int, int], bool] | None) -> None:
        """``kiosk --present``: the talk's keys (``kiosk.ui.presenting``) come first;
        ``None`` hands the keys back once the talk is closed."""
        self._talk_keys = talk_keys

    @Slot(int, int, int, result=bool)
    def handle(self, key: int, modifiers: int = 0, scan: int = 0) -> bool:
        """The presentation keyboard map; returns whether the key was used. ``scan``:
        the key's place on the keyboard (Qt's ``nativeScanCode``), for a layout that
        types another alphabet there."""
        # PySide's Qt namespace costs 12 ms to build: imported at the first key press,
        # never before the first frame
        from PySide6.QtCore import Qt

        k = Qt.Key
        key = physical_key(key, scan)
        nav = self._nav.navigator
        presenter = self._presenter
        control = key_value(Qt.KeyboardModifier.ControlModifier)
        if key == key_value(k.Key_Q) and modifiers & control:
            return presenter.quit()
        if presenter.asking:  # the quit question takes every key until answered
            if key in _values(k.Key_Return, k.Key_Enter, k.Key_Y):
                presenter.confirmQuit()
            elif key in _values(k.Key_Escape, k.Key_N, k.Key_Backspace):
                presenter.cancelQuit()
            elif self._talk_keys is not None and self._talk_keys(key, modifiers):
                # in a talk, a key of the talk's answers "stay" and does its work: a
                # clicker (whose slide-show button sends Esc) has no key to answer with,
                # and the presenter away from the laptop would find the talk stuck
                presenter.cancelQuit()
            return True
        if presenter.help_showing and key == key_value(k.Key_Escape):
            presenter.hideHelp()
            return True
        if self._talk_keys is not None and self._talk_keys(key, modifiers):
            return True
        if key in _values(k.Key_F1, k.Key_Question):  # after a talk's keys: it may say no
            presenter.toggle_help()
            return True
        if key == key_value(k.Key_Escape) and nav.place.screen == HOME and presenter.ask():
            return True
        at_start, at_end = self._nav.page_edges
        language = self._language
        actions: dict[Qt.Key, Callable[[], object]] = {
            k.Key_Right: lambda: nav.step(1),
            k.Key_Left: lambda: nav.step(-1),
            k.Key_PageDown: lambda: self._scroll(nav.page(1, at_start, at_end), self.SCREENFUL),
            k.Key_PageUp: lambda: self._scroll(nav.page(-1, at_start, at_end), -self.SCREENFUL),
            k.Key_Down: lambda: self._scroll(nav.line(1), self.LINE),
            k.Key_Up: lambda: self._scroll(nav.line(-1), -self.LINE),
            k.Key_Return: self._activate,
            k.Key_Enter: self._activate,
            k.Key_Space: self._activate,
            k.Key_Escape: nav.back,
            k.Key_Backspace: nav.back,
            k.Key_Home: nav.home,
            k.Key_T: nav.open_timeline,
            k.Key_M: nav.open_map,
            k.Key_L: language.cycle,
            k.Key_F11: self.fullScreenToggleRequested.emit,
        }
        for number, code in enumerate(self._language_codes()[:9], start=1):
            actions[getattr(k, f"Key_{number}")] = partial(language.choose, code)
        action = {key_value(k): a for k, a in actions.items()}.get(key)
        if action is None:
            return False
        if nav.place.screen == ATTRACT and key not in (key_value(k.Key_F11), key_value(k.Key_L)):
            nav.home()
            return True
        action()
        return True

    def _activate(self) -> None:
        """Enter, Space: open what has the focus; on the timeline, the open entry's exhibit."""
        if self._nav.place.screen == TIMELINE:
            self._nav.open_timeline_entry()
        else:
            self._nav.navigator.activate()

    def _scroll(self, scroll: bool, fraction: float) -> None:
        if scroll:
            self.scrollRequested.emit(fraction)


# The keys the map names, by their place on the keyboard: xkb's key codes (Qt's
# ``nativeScanCode`` on X11 and Wayland, the same for every layout) of a US keyboard's
# letters and punctuation. With a Russian or Uzbek Cyrillic layout active, the B key
# types "и"; with the Azerbaijani one, the "." key types "ş": the talk's letter keys,
# Ctrl+Q, and a clicker's blank button (it sends the "." key) went unheard.
US_KEYS = {
    **dict(zip(range(24, 34), "QWERTYUIOP", strict=True)),
    **dict(zip(range(38, 47), "ASDFGHJKL", strict=True)),
    **dict(zip(range(52, 59), "ZXCVBNM", strict=True)),
    59: ",",
    60: ".",
    61: "/",
}


def physical_key(key: int, scan: int) -> int:
    """``key`` when it is of the map's alphabet (Latin letters, digits, punctuation, the
    named keys); a letter of another alphabet, the US key in its place."""
    if key < 0x80 or key >= 0x01000000:  # ASCII, or Qt's named keys (arrows, F1, ...)
        return key
    us = US_KEYS.get(scan)
    return ord(us) if us is not None else key


def _values(*keys: Qt.Key) -> tuple[int, ...]:
    return tuple(key_value(k) for k in keys)


def key_value(key: Qt.Key | Qt.KeyboardModifier) -> int:
    return int(key.value) if hasattr(key, "value") else int(cast(int, key))

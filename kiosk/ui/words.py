"""The interface's words for QML, one property a word: ``kiosk.strings.back``.

A dict property is turned into a JavaScript object at every read: all of the site's
words for the one a binding wants, about 0.35 ms here. The control bar reads nine of
them at every language change, an exhibit page eight when it is made, a screen's
buttons one each; a property a word is read in a few microseconds.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Property, QObject, Signal

from kiosk.content.ui_words import DEFAULTED_STRINGS, STRING_KEYS

WORD_KEYS: tuple[str, ...] = (*STRING_KEYS, *DEFAULTED_STRINGS)


class _Words(QObject):
    changed: Signal  # Words's own (a property's notify signal must be its class's)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: dict[str, str] = {}

    def set(self, words: Mapping[str, str]) -> None:
        """The words in another language (or of other content): the bindings that read
        any of them are told once."""
        if words != self._words:
            self._words = dict(words)
            self.changed.emit()

    def get(self, key: str) -> str:
        return self._words.get(key, "")


def _word(key: str) -> Callable[[Any], str]:
    def read(self: _Words) -> str:
        return self.get(key)

    read.__name__ = key
    return read


def _class() -> type[_Words]:
    """A property for every word a site has (``continue`` too, which Python cannot
    name as an attribute; QML reads it as ``strings["continue"]``)."""
    changed = Signal()
    words = {key: Property(str, _word(key), notify=changed) for key in WORD_KEYS}
    return type("Words", (_Words,), {"changed": changed, **words})


Words = _class()

"""The visitor's language: the one place it is kept; everything else listens."""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.content.model import ContentSet


class Language(QObject):
    """The language code on screen and the choices the site offers.

    ``changed(old, new)`` fires once per real change: the texts refresh on it and
    the controller records the visitor's choice.
    """

    changed = Signal(str, str)  # old code, new code
    choicesChanged = Signal()

    def __init__(self, content: ContentSet, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._code = content.site.default_language
        self._codes = content.site.language_codes
        self._default = content.site.default_language
        self._choices = _choices(content)

    @property
    def current(self) -> str:
        """The visitor's language (``code`` in QML)."""
        return self._code

    @property
    def default(self) -> str:
        return self._default

    def set_content(self, content: ContentSet) -> None:
        """New content: keep the visitor's language if it is still offered."""
        self._codes = content.site.language_codes
        self._default = content.site.default_language
        choices = _choices(content)
        if choices != self._choices:
            self._choices = choices
            self.choicesChanged.emit()
        if self._code not in self._codes:
            self._switch(self._default)

    def _get_code(self) -> str:
        return self._code

    code = Property(str, _get_code, notify=changed)

    def _get_choices(self) -> list[dict[str, str]]:
        return self._choices

    choices = Property(list, _get_choices, notify=choicesChanged)

    @Slot(str)
    def choose(self, code: str) -> None:
        """The visitor picked a language (unknown codes are ignored)."""
        if code in self._codes:
            self._switch(code)

    @Slot()
    def cycle(self) -> None:
        """The next language in the site's order (presentation key L)."""
        codes = self._codes
        self.choose(codes[(codes.index(self._code) + 1) % len(codes)])

    def reset(self) -> None:
        """Between visitors: the site's default language."""
        self.choose(self._default)

    def _switch(self, code: str) -> None:
        if code != self._code:
            old, self._code = self._code, code
            self.changed.emit(old, code)


def _choices(content: ContentSet) -> list[dict[str, str]]:
    return [{"code": lang.code, "name": lang.name} for lang in content.site.languages]

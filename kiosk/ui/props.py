"""Read-only QML properties in one line each, instead of a ``_get_x`` method and a
``Property(...)`` per property in every bridge object.

    open = shown(bool, "_open", openChanged)          # QML reads staff.open
    keys = shown(list, "_keys")                        # no signal: constant
    language: Language = part(lambda self: self._language)   # kiosk.language.<...>

Python (and mypy) reads the attribute as the value it holds; QML gets a property of
``kind`` that reads the named attribute (or calls the function) and changes with
``notify``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

from PySide6.QtCore import Property, QObject, Signal

_T = TypeVar("_T")
_Part = TypeVar("_Part", bound=QObject)


def shown(kind: type[_T], read: str | Callable[[Any], _T], notify: Signal | None = None) -> _T:
    """A read-only property: ``read`` names the attribute it shows, or is a function of
    the object; without ``notify`` it is constant."""
    getter = _attribute(read) if isinstance(read, str) else read
    if notify is None:
        return cast(_T, Property(kind, getter, constant=True))
    return cast(_T, Property(kind, getter, notify=notify))


def part(getter: Callable[[Any], _Part]) -> _Part:
    """A constant QObject property: QML reads ``kiosk.<name>.<property>``, and Python
    (and mypy) sees the object itself."""
    return cast(_Part, Property(QObject, getter, constant=True))


def _attribute(name: str) -> Callable[[Any], Any]:
    def read(self: Any) -> Any:
        return getattr(self, name)

    read.__name__ = name.lstrip("_") or name
    return read

"""``@record``: a frozen dataclass that costs less to define.

``@dataclass(frozen=True)`` writes six methods for each class as source text and
compiles each with ``exec`` when the module is imported: about 0.4 ms a class, and
the kiosk defines some forty before its first frame (the content model alone took
10-11 ms of every start). A record is the same dataclass (``fields``, ``replace``,
pickling, keyword and positional construction all as before) whose ``__init__``
alone is generated; its equality, hash, ``repr`` and refusal of assignment are the
methods of one base class, :class:`Record`, written once:

- ``==`` compares the fields that compare, in order, between two records of the
  same class (as a dataclass does); ``hash`` hashes those marked for it;
- assigning to a field, or deleting one, raises ``dataclasses.FrozenInstanceError``
  once ``__init__`` has set it (``__post_init__`` keeps ``object.__setattr__``);
- ``repr`` is the dataclass's ``Name(field=value, ...)``.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError, dataclass, fields
from typing import TYPE_CHECKING, Any, TypeVar, dataclass_transform

T = TypeVar("T")


class Record:
    """What every record shares; see the module's text."""

    __slots__ = ()
    _fields: tuple[str, ...] = ()
    _compared: tuple[str, ...] = ()
    _hashed: tuple[str, ...] = ()
    _shown: tuple[str, ...] = ()

    if not TYPE_CHECKING:  # a type checker reads records as frozen dataclasses

        def __setattr__(self, name: str, value: object) -> None:
            # the generated __init__ sets each field once; after that, it is fixed
            if name in self.__dict__ or name not in self._fields:
                raise FrozenInstanceError(f"cannot assign to field {name!r}")
            object.__setattr__(self, name, value)

        def __delattr__(self, name: str) -> None:
            raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return _values(self, self._compared) == _values(other, self._compared)

    def __hash__(self) -> int:
        return hash(_values(self, self._hashed))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._shown)
        return f"{self.__class__.__qualname__}({shown})"


def _values(item: object, names: tuple[str, ...]) -> tuple[Any, ...]:
    return tuple(getattr(item, name) for name in names)


@dataclass_transform(frozen_default=True)
def record(cls: type[T]) -> type[T]:
    """Make ``cls`` (a subclass of :class:`Record`) a frozen dataclass; see above."""
    if not issubclass(cls, Record):
        raise TypeError(f"{cls.__name__} must derive from Record")
    made: Any = dataclass(cls, repr=False, eq=False)
    every = fields(made)
    made._fields = tuple(f.name for f in every)
    made._compared = tuple(f.name for f in every if f.compare)
    made._hashed = tuple(f.name for f in every if (f.compare if f.hash is None else f.hash))
    made._shown = tuple(f.name for f in every if f.repr)
    return made

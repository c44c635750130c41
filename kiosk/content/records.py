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

And a record is made a dataclass only when something first asks for what a dataclass
knows: making an instance, ``dataclasses.fields``, ``replace`` or ``is_dataclass``,
equality, hash or ``repr``. A warm start unpickles its content (no ``__init__`` runs)
and draws its first frame before any of that: of the 33 records it loads it makes 10,
and writing and compiling the others' ``__init__`` had been 14 M instructions of every
start (1.5 % of it). Until then :class:`Record` stands in for
what ``dataclass`` would have set (``__init__``, ``__dataclass_fields__``...): each
makes the class a dataclass and answers as the dataclass does. A class's own
attributes then hide the stand-ins, so a record made costs nothing more.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError, dataclass, fields
from threading import RLock
from typing import TYPE_CHECKING, Any, TypeVar, dataclass_transform

T = TypeVar("T")

# a class is made a dataclass once, whichever thread asks first (the reload worker
# unpickles and makes content beside the UI thread)
_making = RLock()


class _UntilMade:
    """Stands in for a class attribute that ``dataclass`` (``record``'s second half)
    sets: read on a record class not yet made, it makes the class, then answers."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: object, owner: type) -> Any:
        if owner is Record:  # the base class is no dataclass (``dataclass`` asks it)
            raise AttributeError(self.name)
        return getattr(_made(owner), self.name)


class Record:
    """What every record shares; see the module's text."""

    __slots__ = ()

    if TYPE_CHECKING:  # set on each class once it is made (``_made``)
        _fields: tuple[str, ...]
        _compared: tuple[str, ...]
        _hashed: tuple[str, ...]
        _shown: tuple[str, ...]
    else:  # a type checker reads records as frozen dataclasses
        _fields = _UntilMade()
        _compared = _UntilMade()
        _hashed = _UntilMade()
        _shown = _UntilMade()
        __dataclass_fields__ = _UntilMade()
        __dataclass_params__ = _UntilMade()
        __match_args__ = _UntilMade()

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # only while the class is not made: made, it has an __init__ of its own
            made = _made(type(self))
            made.__init__(self, *args, **kwargs)

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
    """Make ``cls`` (a subclass of :class:`Record`) a frozen dataclass; see above.
    The dataclass is made when first needed (``_made``)."""
    if not issubclass(cls, Record):
        raise TypeError(f"{cls.__name__} must derive from Record")
    if any(base is not Record and issubclass(base, Record) for base in cls.__mro__[1:]):
        return _made(cls)  # a record's subclass would read its base's attributes meanwhile
    return cls


def is_made(cls: type) -> bool:
    """Whether ``cls`` is a dataclass yet (for the tests of start-up)."""
    return "__dataclass_fields__" in vars(cls)


def _made(cls: type[T]) -> type[T]:
    """``cls`` made a frozen dataclass, once, whichever thread asks first."""
    with _making:
        if is_made(cls):
            return cls
        made: Any = dataclass(cls, repr=False, eq=False)
        every = fields(made)
        made._fields = tuple(f.name for f in every)
        made._compared = tuple(f.name for f in every if f.compare)
        made._hashed = tuple(f.name for f in every if (f.compare if f.hash is None else f.hash))
        made._shown = tuple(f.name for f in every if f.repr)
        return made

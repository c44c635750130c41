"""``kiosk.content.records``: a record is a frozen dataclass in all that the kiosk
relies on (fields, replace, equality, hash, repr, pickling, no assignment)."""

from __future__ import annotations

import dataclasses
import pickle
import threading
import time
from dataclasses import field
from typing import Any

import pytest

from kiosk.content import records
from kiosk.content.records import Record, is_made, record


@record
class Point(Record):
    """A record with a default and a field left out of the hash."""

    x: int
    y: int = 0
    tags: tuple[str, ...] = field(default=(), hash=False)
    note: str = field(default="", compare=False, repr=False)


@dataclasses.dataclass(frozen=True)
class Twin:
    """The same fields as a frozen dataclass, to compare the two."""

    x: int
    y: int = 0
    tags: tuple[str, ...] = field(default=(), hash=False)
    note: str = field(default="", compare=False, repr=False)


def test_a_record_is_a_dataclass_with_its_fields_in_order() -> None:
    assert Point(1, 2) == Point(x=1, y=2)
    assert [f.name for f in dataclasses.fields(Point)] == ["x", "y", "tags", "note"]
    assert dataclasses.is_dataclass(Point)


def test_equality_hash_and_repr_are_those_of_a_frozen_dataclass() -> None:
    cases: list[tuple[dict[str, object], dict[str, object]]] = [
        ({"x": 1, "y": 2, "tags": ("a",), "note": "n"}, {"x": 1, "y": 2, "tags": ("a",)}),
        ({"x": 1, "y": 2}, {"x": 1, "y": 3}),
        ({"x": 1}, {"x": 2}),
    ]
    for left, right in cases:
        assert (Point(**left) == Point(**right)) == (Twin(**left) == Twin(**right))  # type: ignore[arg-type]
        assert hash(Point(**left)) == hash(Twin(**left))  # type: ignore[arg-type]
        assert repr(Point(**left)) == repr(Twin(**left)).replace("Twin", "Point")  # type: ignore[arg-type]
    # the field left out of the hash still counts for equality
    assert Point(1, tags=("a",)) != Point(1, tags=("b",))
    assert hash(Point(1, tags=("a",))) == hash(Point(1, tags=("b",)))
    # a record equals only a record of its own class
    assert Point(1) != Twin(1)
    assert Point(1) != (1, 0, (), "")


def test_a_record_cannot_be_changed_after_it_is_made() -> None:
    point = Point(1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.x = 5  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del point.x
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.extra = 1  # type: ignore[attr-defined]
    assert point == Point(1)


def test_replace_and_pickling_give_equal_records() -> None:
    point = Point(1, 2, ("a",), "note")
    assert dataclasses.replace(point, y=7) == Point(1, 7, ("a",), "note")
    again = pickle.loads(pickle.dumps(point))
    assert again == point
    assert again.note == "note"
    with pytest.raises(dataclasses.FrozenInstanceError):
        again.y = 3


def test_the_base_class_is_no_dataclass() -> None:
    assert not dataclasses.is_dataclass(Record)
    with pytest.raises(TypeError):
        dataclasses.fields(Record)  # type: ignore[arg-type]


def test_only_a_record_class_can_be_made_a_record() -> None:
    with pytest.raises(TypeError):

        @record
        class Plain:  # no Record base: its instances could be changed
            x: int


@record
class Later(Record):
    """A record nothing has made yet when its first instance is unpickled."""

    x: int
    tags: tuple[str, ...] = field(default=(), hash=False)
    note: str = field(default="", compare=False, repr=False)


def test_a_record_is_made_a_dataclass_when_first_asked_and_answers_as_one() -> None:
    """A warm start unpickles its content: no ``__init__`` runs, and the classes stay
    unmade until something asks what a dataclass knows."""
    assert not is_made(Later)
    unpickled = Later.__new__(Later)  # what unpickling makes, state set without __init__
    unpickled.__dict__.update(x=1, tags=("a",), note="n")
    assert not is_made(Later)
    assert unpickled == Later(1, ("a",), "other")  # equality ignores what compare=False leaves out
    assert is_made(Later)
    assert hash(unpickled) == hash(Later(1, ("b",)))
    assert repr(unpickled) == "Later(x=1, tags=('a',))"
    assert dataclasses.replace(unpickled, x=2) == Later(2, ("a",))
    assert [f.name for f in dataclasses.fields(Later)] == ["x", "tags", "note"]


@pytest.mark.parametrize(
    "ask",
    [
        lambda cls: dataclasses.fields(cls),
        lambda cls: dataclasses.is_dataclass(cls),
        lambda cls: cls(1),
        lambda cls: cls.__match_args__,
    ],
    ids=["fields", "is_dataclass", "instance", "match_args"],
)
def test_each_way_of_asking_makes_the_record(ask: Any) -> None:
    @record
    class Fresh(Record):
        x: int

    assert not is_made(Fresh)
    ask(Fresh)
    assert is_made(Fresh)
    assert Fresh(1) == Fresh(x=1)
    assert Fresh.__match_args__ == ("x",)
    with pytest.raises(dataclasses.FrozenInstanceError):
        Fresh(1).x = 2  # type: ignore[misc]


def test_a_record_derived_from_a_record_is_made_at_once_with_its_own_fields() -> None:
    @record
    class Base(Record):
        x: int

    Base(1)  # made

    @record
    class Derived(Base):
        y: int = 0

    assert is_made(Derived)
    assert [f.name for f in dataclasses.fields(Derived)] == ["x", "y"]
    assert Derived(1, 2) != Base(1)
    assert repr(Derived(1, 2)).endswith("Derived(x=1, y=2)")


def test_two_threads_asking_at_once_make_the_record_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    @record
    class Shared(Record):
        x: int

    making = records.dataclass
    calls: list[type] = []

    def slow_dataclass(cls: type, **kwargs: Any) -> Any:
        calls.append(cls)
        time.sleep(0.05)  # a wide window for a second thread to come in
        return making(cls, **kwargs)

    monkeypatch.setattr(records, "dataclass", slow_dataclass)
    barrier = threading.Barrier(4)

    def ask() -> None:
        barrier.wait()
        dataclasses.fields(Shared)

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == [Shared]
    assert Shared(3) == Shared(3)

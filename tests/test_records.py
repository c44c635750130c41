"""``kiosk.content.records``: a record is a frozen dataclass in all that the kiosk
relies on (fields, replace, equality, hash, repr, pickling, no assignment)."""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import field

import pytest

from kiosk.content.records import Record, record


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


def test_only_a_record_class_can_be_made_a_record() -> None:
    with pytest.raises(TypeError):

        @record
        class Plain:  # no Record base: its instances could be changed
            x: int

"""The one-line read-only QML properties: what QML's meta-object sees, and Python too."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kiosk.ui.props import part, shown


class _Child(QObject):
    pass


class _Thing(QObject):
    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._count = 3
        self._child = _Child(self)

    count = shown(int, "_count", changed)
    label = shown(str, lambda self: f"{self._count} items", changed)
    fixed = shown(list, lambda self: ["a", "b"])
    child: _Child = part(lambda self: self._child)


def test_properties_read_their_attribute_and_tell_qml_how_they_change() -> None:
    thing = _Thing()
    meta = thing.metaObject()
    count = meta.property(meta.indexOfProperty("count"))
    assert count.isReadable() and not count.isWritable()
    assert count.notifySignal().name().data() == b"changed"
    assert thing.property("count") == 3 and thing.count == 3
    thing._count = 5
    assert thing.property("label") == "5 items"
    fixed = meta.property(meta.indexOfProperty("fixed"))
    assert fixed.isConstant() and thing.property("fixed") == ["a", "b"]
    assert thing.child is thing._child
    assert meta.property(meta.indexOfProperty("child")).isConstant()

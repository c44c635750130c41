"""The Qt bindings must not leak references to Python's singletons.

PySide6 6.12.0 dropped a reference to ``True`` on every signal emit and to ``None``
on every event-loop pass; after some thousands of navigations the kiosk aborted
with "deallocating True". pyproject.toml excludes that release; this test catches
any other that does the same.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QCoreApplication, QObject, Signal

pytestmark = pytest.mark.usefixtures("qapp")


class _Emitter(QObject):
    changed = Signal()


def test_signal_emits_and_event_loop_passes_keep_singleton_references() -> None:
    """A leak drops one reference a pass (500 here); what an earlier test left queued
    (a timer firing once, a flag set from False to True) moves a count by one or two,
    so that is drained first and allowed."""
    emitter = _Emitter()
    emitter.changed.connect(lambda: None)
    for _ in range(50):
        QCoreApplication.processEvents()
    before = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    for _ in range(500):
        emitter.changed.emit()
        QCoreApplication.processEvents()
    after = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    moved = [a - b for a, b in zip(after, before, strict=True)]
    assert all(abs(m) <= 2 for m in moved), moved

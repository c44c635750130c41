"""The one way runtime objects tell others about a change: ``subscribe(listener)``.

Each state machine (idle, navigation, reload) has a few listeners: the UI and
analytics. A listener that raises is logged and the others still run, so one
broken consumer (analytics on a full disk) never stops the kiosk from going back
to attract or from showing the next page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Listeners(Generic[T]):
    def __init__(self, logger: logging.Logger, what: str) -> None:
        self._logger = logger
        self._what = what
        self._listeners: list[Callable[[T], None]] = []

    def subscribe(self, listener: Callable[[T], None]) -> Callable[[], None]:
        """Call ``listener`` with every change from now on; returns the way to stop."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def notify(self, value: T) -> None:
        for listener in list(self._listeners):
            try:
                listener(value)
            except Exception:
                self._logger.exception("%s listener failed on %s", self._what, value)

"""What the recorder hands the writer: one small frozen record per thing that happened.

The recorder stamps each with the time and with tokens (running numbers it gives a
session or a page when it opens) so a later record can name what it closes; the
writer maps tokens to rows. ``Op`` is the whole vocabulary of the queue.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class SessionStarted:
    token: int
    ts: float
    language: str


@dataclass(frozen=True, slots=True)
class SessionEnded:
    """``ts`` is the last touch when it is known; ``idle_tail_s`` the quiet time after it."""

    token: int
    ts: float
    reason: str | None
    idle_tail_s: float | None


@dataclass(frozen=True, slots=True)
class PageOpened:
    token: int
    session: int | None
    ts: float
    page: str
    exhibit_id: str | None


@dataclass(frozen=True, slots=True)
class PageClosed:
    token: int
    dwell_s: float


@dataclass(frozen=True, slots=True)
class VisitorEvent:
    """A row of the ``events`` table; the columns a kind does not use stay ``None``."""

    session: int | None
    ts: float
    kind: str
    exhibit_id: str | None = None
    item: int | None = None
    entry_date: str | None = None
    from_language: str | None = None
    to_language: str | None = None
    answered: int | None = None


@dataclass(frozen=True, slots=True)
class FlushRequest:
    """Not a row: asks the writer to write what came before and say whether it did."""

    done: threading.Event = field(default_factory=threading.Event)
    outcome: list[bool] = field(default_factory=list)

    def answer(self, ok: bool) -> None:
        self.outcome.append(ok)
        self.done.set()

    def wait(self, timeout: float) -> bool:
        return self.done.wait(timeout) and bool(self.outcome) and self.outcome[-1]


Op = SessionStarted | SessionEnded | PageOpened | PageClosed | VisitorEvent

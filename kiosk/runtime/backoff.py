"""When to try again something that failed for a reason that can pass (a full disk).

A rendition that could not be written is not a bad image: once space is freed it
should appear without a restart. Trying it on every frame would spin on a full
disk, so each failure of the same key waits twice as long as the last, from
``first_s`` up to ``longest_s``; a success forgets the key. Qt-free, with an
injected clock: the UI asks ``waiting`` and schedules one wake-up at ``next_in``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass


@dataclass
class _Entry:
    failures: int
    due: float


class Backoff:
    def __init__(
        self,
        first_s: float = 5.0,
        longest_s: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.first_s = first_s
        self.longest_s = longest_s
        self._clock = clock
        self._entries: dict[Hashable, _Entry] = {}

    def failed(self, key: Hashable) -> float:
        """Record a failure; returns how long ``key`` now waits."""
        entry = self._entries.get(key)
        failures = entry.failures + 1 if entry else 1
        wait = min(self.first_s * 2 ** (failures - 1), self.longest_s)
        self._entries[key] = _Entry(failures, self._clock() + wait)
        return wait

    def succeeded(self, key: Hashable) -> None:
        self._entries.pop(key, None)

    def waiting(self, key: Hashable) -> bool:
        """True while ``key`` failed and its wait has not yet passed."""
        entry = self._entries.get(key)
        return entry is not None and self._clock() < entry.due

    def failures(self, key: Hashable) -> int:
        entry = self._entries.get(key)
        return entry.failures if entry else 0

    def next_in(self) -> float | None:
        """Seconds until the next key still waiting may be tried; None when none waits
        (keys whose wait is over are tried when next asked for, not on a timer)."""
        now = self._clock()
        waits = [entry.due - now for entry in self._entries.values() if entry.due > now]
        return min(waits, default=None)

    def keep(self, wanted: Callable[[Hashable], bool]) -> None:
        """Forget the keys no longer ``wanted`` (images of content that went away)."""
        self._entries = {k: v for k, v in self._entries.items() if wanted(k)}

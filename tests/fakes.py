"""A clock the test moves by hand: idle timers, PIN lockouts, debounce and analytics
all take their time from an injected callable, so no test sleeps on the wall clock."""

from __future__ import annotations


class FakeClock:
    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds

"""The retry back-off for failures that can pass, with a fake clock."""

from __future__ import annotations

from kiosk.runtime.backoff import Backoff
from tests.fakes import FakeClock


def test_each_failure_waits_twice_as_long_up_to_the_longest() -> None:
    backoff = Backoff(first_s=5, longest_s=60, clock=FakeClock())
    assert [backoff.failed("a") for _ in range(6)] == [5, 10, 20, 40, 60, 60]
    assert backoff.failures("a") == 6


def test_a_key_waits_until_its_time_then_may_be_tried() -> None:
    clock = FakeClock()
    backoff = Backoff(first_s=5, longest_s=60, clock=clock)
    assert backoff.next_in() is None
    backoff.failed("a")
    assert backoff.waiting("a") and not backoff.waiting("b")
    clock.advance(4)
    assert backoff.waiting("a")
    assert backoff.next_in() == 1
    backoff.failed("b")
    assert backoff.next_in() == 1  # the earliest of the waiting keys
    clock.advance(1)
    assert not backoff.waiting("a")
    assert backoff.next_in() == 4  # "a" may be tried when asked for; "b" still waits
    clock.advance(4)
    assert backoff.next_in() is None


def test_success_and_keep_forget_keys() -> None:
    backoff = Backoff(first_s=5, clock=FakeClock())
    backoff.failed("a")
    backoff.failed("b")
    backoff.succeeded("a")
    assert backoff.failures("a") == 0
    assert backoff.failed("a") == 5  # starts again from the first wait
    backoff.keep(lambda key: key == "a")
    assert backoff.failures("b") == 0 and backoff.failures("a") == 1

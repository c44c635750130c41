"""The idle state machine, driven by a fake clock: no waiting, no Qt."""

from __future__ import annotations

import logging

import pytest

from kiosk.content.model import IdleSettings
from kiosk.runtime.idle import IdleEvent, IdleMachine, IdleState
from tests.fakes import FakeClock

SETTINGS = IdleSettings(still_there_after_s=60.0, countdown_s=10.0)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def machine(clock: FakeClock) -> tuple[IdleMachine, list[IdleEvent]]:
    idle = IdleMachine(SETTINGS, clock)
    events: list[IdleEvent] = []
    idle.subscribe(events.append)
    return idle, events


def kinds(events: list[IdleEvent]) -> list[str]:
    return [event.kind for event in events]


def test_starts_in_attract_and_ticks_do_nothing_there(machine, clock):
    idle, events = machine
    clock.advance(10_000)
    idle.tick()
    assert idle.state is IdleState.ATTRACT
    assert events == []
    assert idle.seconds_left() == 0.0


def test_first_touch_starts_a_session(machine, clock):
    idle, events = machine
    idle.touch()
    assert idle.state is IdleState.VISITING
    assert kinds(events) == ["session_start"]
    assert events[0].reason == "touch"
    assert events[0].at == clock.now


def test_quiet_time_shows_the_countdown_then_resets(machine, clock):
    idle, events = machine
    idle.touch()
    clock.advance(59.9)
    idle.tick()
    assert idle.state is IdleState.VISITING
    clock.advance(0.1)
    idle.tick()
    assert idle.state is IdleState.STILL_THERE
    assert idle.seconds_left() == pytest.approx(10.0)
    clock.advance(4.0)
    idle.tick()
    assert idle.seconds_left() == pytest.approx(6.0)
    assert idle.state is IdleState.STILL_THERE
    clock.advance(6.0)
    idle.tick()
    assert idle.state is IdleState.ATTRACT
    assert kinds(events) == ["session_start", "still_there", "reset"]
    assert events[-1].reason == "timeout"
    assert events[-1].session_s == pytest.approx(70.0)
    assert idle.seconds_left() == 0.0


def test_touches_restart_the_quiet_timer(machine, clock):
    idle, events = machine
    idle.touch()
    for _ in range(5):
        clock.advance(50)
        idle.touch()
        idle.tick()
    assert idle.state is IdleState.VISITING
    assert kinds(events) == ["session_start"]


def test_touch_during_the_countdown_answers_and_restarts_the_quiet_time(machine, clock):
    idle, events = machine
    idle.touch()
    clock.advance(60)
    idle.tick()
    clock.advance(9)
    idle.touch()
    assert idle.state is IdleState.VISITING
    assert kinds(events) == ["session_start", "still_there", "answered"]
    assert events[-1].reason == "touch"
    # The full quiet time applies again, not the rest of the countdown.
    clock.advance(59)
    idle.tick()
    assert idle.state is IdleState.VISITING
    clock.advance(1)
    idle.tick()
    assert idle.state is IdleState.STILL_THERE
    # A second countdown starts full.
    assert idle.seconds_left() == pytest.approx(10.0)


def test_finger_held_down_past_the_timeout_fires_nothing(machine, clock):
    idle, events = machine
    idle.pointer_down()
    assert kinds(events) == ["session_start"]
    for _ in range(20):  # 200 s with a finger resting on the glass
        clock.advance(10)
        idle.tick()
    assert idle.state is IdleState.VISITING
    idle.pointer_up()
    clock.advance(59)
    idle.tick()
    assert idle.state is IdleState.VISITING  # quiet time counts from the release
    clock.advance(1)
    idle.tick()
    assert idle.state is IdleState.STILL_THERE


def test_two_fingers_must_both_lift(machine, clock):
    idle, _ = machine
    idle.pointer_down()
    idle.pointer_down()
    idle.pointer_up()
    clock.advance(500)
    idle.tick()
    assert idle.state is IdleState.VISITING
    assert idle.pointer_held


def test_touch_active_flag_works_like_pointer_down_up(machine, clock):
    idle, events = machine
    idle.touch_active(True)
    idle.touch_active(True)  # repeated reports of the same state are harmless
    clock.advance(300)
    idle.tick()
    assert idle.state is IdleState.VISITING
    idle.touch_active(False)
    assert not idle.pointer_held
    clock.advance(60)
    idle.tick()
    assert kinds(events) == ["session_start", "still_there"]


def test_pointer_down_during_the_countdown_answers(machine, clock):
    idle, events = machine
    idle.touch()
    clock.advance(60)
    idle.tick()
    idle.pointer_down()
    assert idle.state is IdleState.VISITING
    assert kinds(events)[-1] == "answered"


def test_a_stuck_pointer_is_eventually_ignored(clock, caplog):
    idle = IdleMachine(SETTINGS, clock, max_hold_s=120)
    idle.pointer_down()
    clock.advance(119)
    idle.tick()
    assert idle.state is IdleState.VISITING
    clock.advance(1)
    with caplog.at_level(logging.WARNING, logger="kiosk.idle"):
        idle.tick()
    assert idle.state is IdleState.STILL_THERE
    assert "pointer held" in caplog.text


def test_staff_go_attract_resets_with_a_reason(machine, clock):
    idle, events = machine
    idle.touch()
    clock.advance(5)
    idle.go_attract("staff")
    assert idle.state is IdleState.ATTRACT
    assert events[-1].kind == "reset"
    assert events[-1].reason == "staff"
    assert events[-1].session_s == pytest.approx(5.0)
    idle.go_attract("staff")  # already there: no second reset
    assert kinds(events) == ["session_start", "reset"]
    idle.touch()
    assert kinds(events)[-1] == "session_start"


def test_timings_come_from_settings(clock):
    idle = IdleMachine(IdleSettings(still_there_after_s=5, countdown_s=2), clock)
    idle.touch()
    clock.advance(5)
    idle.tick()
    assert idle.state is IdleState.STILL_THERE
    assert idle.seconds_left() == pytest.approx(2.0)
    idle.set_settings(IdleSettings(still_there_after_s=5, countdown_s=30))
    clock.advance(2)
    idle.tick()
    assert idle.state is IdleState.STILL_THERE  # the new countdown applies
    assert idle.seconds_left() == pytest.approx(28.0)


def test_default_settings_are_the_models(clock):
    idle = IdleMachine(clock=clock)
    idle.touch()
    clock.advance(IdleSettings().still_there_after_s - 1)
    idle.tick()
    assert idle.state is IdleState.VISITING
    clock.advance(1)
    idle.tick()
    assert idle.state is IdleState.STILL_THERE


def test_a_failing_listener_does_not_stop_the_reset(clock, caplog):
    def broken(event: IdleEvent) -> None:
        raise RuntimeError("analytics disk full")

    idle = IdleMachine(SETTINGS, clock)
    events: list[IdleEvent] = []
    idle.subscribe(broken)  # first, so it runs before the one that records
    idle.subscribe(events.append)
    idle.touch()
    clock.advance(70)
    idle.tick()
    clock.advance(10)
    idle.tick()
    assert idle.state is IdleState.ATTRACT
    assert kinds(events) == ["session_start", "still_there", "reset"]
    assert "idle listener failed" in caplog.text


def test_an_unsubscribed_listener_hears_nothing_more(machine):
    idle, events = machine
    heard: list[IdleEvent] = []
    stop = idle.subscribe(heard.append)
    idle.touch()
    stop()
    idle.go_attract()
    assert kinds(heard) == ["session_start"]
    assert kinds(events) == ["session_start", "reset"]


def test_a_reset_says_how_long_nobody_had_touched_the_screen(machine, clock):
    """Analytics end the visit at the last touch: the reset carries the quiet tail."""
    idle, events = machine
    idle.touch()
    clock.advance(20)
    idle.touch()  # the last touch, 20 s into the session
    clock.advance(60)
    idle.tick()
    clock.advance(10)
    idle.tick()
    reset = events[-1]
    assert (reset.kind, reset.reason) == ("reset", "timeout")
    assert reset.session_s == pytest.approx(90.0)
    assert reset.quiet_s == pytest.approx(70.0)  # the quiet wait plus the countdown


def test_quiet_time_counts_from_the_last_input() -> None:
    clock = FakeClock()
    machine = IdleMachine(IdleSettings(), clock=clock)
    machine.touch()
    clock.advance(12.5)
    assert machine.quiet_s == 12.5
    machine.touch()
    assert machine.quiet_s == 0.0

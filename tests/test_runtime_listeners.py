"""One listener pattern in runtime: ``subscribe`` returns how to stop, and a listener
that raises is logged while the others still hear the change."""

from __future__ import annotations

import logging

import pytest

from kiosk.runtime.listeners import Listeners
from kiosk.runtime.navigation import EXHIBIT, HOME, Navigator, Place


def test_every_listener_hears_even_after_one_raises(caplog: pytest.LogCaptureFixture) -> None:
    listeners: Listeners[int] = Listeners(logging.getLogger("kiosk.test"), "test")
    heard: list[int] = []

    def broken(value: int) -> None:
        raise RuntimeError("listener bug")

    listeners.subscribe(broken)
    stop = listeners.subscribe(heard.append)
    listeners.notify(1)
    stop()
    listeners.notify(2)
    assert heard == [1]
    assert "test listener failed on 1" in caplog.text


def test_navigator_listeners_use_the_same_pattern(caplog: pytest.LogCaptureFixture) -> None:
    navigator = Navigator(["alpha", "beta"], {"alpha": 2, "beta": 0}, start=HOME)
    places: list[Place] = []

    def broken(place: Place) -> None:
        raise RuntimeError("view bug")

    navigator.subscribe(broken)
    stop = navigator.subscribe(places.append)
    navigator.open_exhibit("beta")
    stop()
    navigator.back()
    assert [(p.screen, p.exhibit_id) for p in places] == [(EXHIBIT, "beta")]
    assert navigator.place.screen == HOME  # the raising listener did not stop the move
    assert "navigation listener failed" in caplog.text

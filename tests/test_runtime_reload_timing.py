"""How soon a curator's save shows in preview, on a fake clock (no wall-clock sleeps).

The folder scan and the load run on worker threads in the kiosk: here a worker
finishes its task only when the next heartbeat comes, the slowest a task that takes
less than a tick can be seen to finish.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import Executor, Future
from pathlib import Path
from typing import Any

from kiosk.content.loader import load_content
from kiosk.content.model import ContentSet
from kiosk.runtime.navigation import ATTRACT, HOME, Place
from kiosk.runtime.reload import ReloadController
from kiosk.runtime.visit import TICK_MS, Visit, reload_timing
from tests.factories import make_site
from tests.fakes import FakeClock
from tests.test_runtime_visit import FakeView


class NextTickExecutor(Executor):
    """Each task runs when ``finish()`` is called: one heartbeat later."""

    def __init__(self) -> None:
        self.waiting: list[tuple[Future[Any], Callable[[], Any]]] = []

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        self.waiting.append((future, lambda: fn(*args, **kwargs)))
        return future

    def finish(self) -> None:
        waiting, self.waiting = self.waiting, []
        for future, task in waiting:
            future.set_result(task())


def seconds_until_a_save_shows(tmp_path: Path, preview: bool) -> float:
    root = make_site(tmp_path / "site")
    clock = FakeClock()
    executor = NextTickExecutor()
    timing = reload_timing(preview)
    reload = ReloadController(
        root,
        lambda r: load_content(r),
        clock=clock,
        executor=executor,
        preview=preview,
        settle_s=timing.settle_s,
    )
    first = reload.load_initial().content
    assert isinstance(first, ContentSet)
    view = FakeView(first, Place(HOME if preview else ATTRACT))  # kiosk mode: between visitors
    visit = Visit(view, reload=reload, preview=preview, reload_every=timing.reload_every)

    def heartbeat() -> None:
        clock.advance(TICK_MS / 1000)
        visit.tick()
        executor.finish()

    for _ in range(20):  # the first look at the folder, and the load after it
        heartbeat()
    assert view.shown_log == []
    exhibit = root / "alpha" / "exhibit.yaml"
    exhibit.write_text(exhibit.read_text(encoding="utf-8").replace("Alpha", "Renamed"))
    later = os.stat(exhibit).st_mtime_ns + 2_000_000_000
    os.utime(exhibit, ns=(later, later))  # a different mtime, whatever the file system's grain
    saved_at = clock()
    while not view.shown_log:
        assert clock() - saved_at < 30, "the save never showed"
        heartbeat()
    assert view.shown.exhibits[0].title.get("uz").startswith("Renamed")
    return clock() - saved_at


def test_a_save_shows_within_two_seconds_in_preview(tmp_path: Path) -> None:
    assert seconds_until_a_save_shows(tmp_path, preview=True) <= 2.0


def test_kiosk_mode_shows_a_save_within_three_seconds_between_visitors(tmp_path: Path) -> None:
    """A look at every poll (once a second), a second of quiet, and what the look and
    the load found read at the next heartbeat, not the next poll. Looking only at every
    other poll, and reading results only at polls, took five seconds here."""
    assert seconds_until_a_save_shows(tmp_path, preview=False) <= 3.0


def test_kiosk_mode_waits_longer_for_a_copy_to_settle(tmp_path: Path) -> None:
    """The kiosk keeps its second of quiet, for copies of many files."""
    timing = reload_timing(preview=False)
    assert timing.settle_s >= 1.0
    assert timing.reload_every * TICK_MS >= 1000
    assert reload_timing(preview=True).settle_s < timing.settle_s

"""Freed memory handed back once the kiosk is quiet (``kiosk.ui.memory``).

Time is a fake clock; the test calls the controller's tick, nothing waits. What the
trim saves is shown by the bench (``bench.py --only soak``), not asserted here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.content.model import ContentSet
from kiosk.runtime.visit import TICK_MS
from kiosk.ui.app import KioskWindow
from kiosk.ui.controller import Controller
from kiosk.ui.memory import QUIET_S, Trimmer, malloc_trim, tidy
from kiosk.ui.render import pump, settle
from tests.conftest import BUNDLED
from tests.fakes import FakeClock
from tests.process import environment
from tests.uitools import load, open_window

TICK_S = TICK_MS / 1000


class Trims:
    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.at: list[float] = []

    def __call__(self) -> int:
        self.at.append(self.clock())
        return 1


def test_trims_once_a_change_has_settled_and_once_per_quiet_spell() -> None:
    clock = FakeClock(1000.0)
    trims = Trims(clock)
    trimmer = Trimmer(trims, clock=clock, quiet_s=1.0)  # made at the first frame
    assert not trimmer.tick()
    clock.advance(0.9)
    assert not trimmer.tick(), "trimmed before the first frame settled"
    clock.advance(0.2)
    assert trimmer.tick()
    clock.advance(60)
    assert not trimmer.tick(), "trimmed again without a change"
    assert trims.at == pytest.approx([1001.1])

    trimmer.changed()  # a tap: a new screen
    clock.advance(0.5)
    trimmer.changed()  # another before the first settled: the wait starts again
    clock.advance(0.8)
    assert not trimmer.tick(), "trimmed while the visitor was still tapping"
    clock.advance(0.3)
    assert trimmer.tick()
    assert trims.at == pytest.approx([1001.1, 1061.1 + 0.5 + 0.8 + 0.3])
    assert trimmer.trims == 2


def test_one_frame_is_asked_for_a_tick_before_each_trim() -> None:
    """The scene graph frees the textures of pictures let go only as it syncs a frame,
    and a screen at rest draws none: the trimmer asks for one before it trims."""
    clock = FakeClock(1000.0)
    done: list[str] = []
    trimmer = Trimmer(
        lambda: done.append("trim"), clock=clock, quiet_s=1.0, frame=lambda: done.append("frame")
    )
    for _ in range(3):  # the controller's quarter-second ticks after the first frame
        clock.advance(0.25)
        trimmer.tick()
    assert done == ["frame"], "the frame comes a tick ahead of the trim"
    clock.advance(0.25)
    assert trimmer.tick()
    assert done == ["frame", "trim"]
    clock.advance(60)
    trimmer.tick()
    assert done == ["frame", "trim"], "a frame or a trim again without a change"

    done.clear()
    clock.advance(10)  # a tick long delayed: still a frame first, the trim at the next
    trimmer.changed()
    clock.advance(5)
    assert not trimmer.tick()
    assert trimmer.tick()
    assert done == ["frame", "trim"]

    done.clear()
    trimmer.changed()
    clock.advance(0.8)
    trimmer.tick()  # the frame asked for
    trimmer.changed()  # a tap before the trim: a new quiet spell, a new frame
    clock.advance(0.8)
    trimmer.tick()
    clock.advance(0.25)
    trimmer.tick()
    assert done == ["frame", "frame", "trim"]


def test_without_malloc_trim_nothing_is_done() -> None:
    clock = FakeClock()
    trimmer = Trimmer(None, clock=clock)
    clock.advance(10)
    assert not trimmer.tick()
    assert trimmer.trims == 0


class Engine:
    def __init__(self, calls: list[str]) -> None:
        self.calls = calls

    def collectGarbage(self) -> None:  # Qt's name
        self.calls.append("collect")


def test_the_javascript_garbage_is_collected_before_the_heaps_are_trimmed() -> None:
    """The screens left are freed by the QML engine's collector: trimming before
    it would leave what it frees in the heaps."""
    calls: list[str] = []
    tidy(Engine(calls), lambda: calls.append("trim"))()  # type: ignore[arg-type]
    assert calls == ["collect", "trim"]
    calls.clear()
    tidy(Engine(calls), None)()  # type: ignore[arg-type]
    assert calls == ["collect"]  # no malloc_trim: the collection alone


def test_elsewhere_than_linux_there_is_no_trim(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kiosk.runtime.glibc.sys.platform", "darwin")
    assert malloc_trim() is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's call")
def test_glibc_trim_is_found_and_runs() -> None:
    trim = malloc_trim()
    assert trim is not None
    assert trim() in (0, 1)  # 1: memory was handed back, 0: there was none to give


def _trims_on_a_fake_clock(kw: KioskWindow, controller: Controller) -> Callable[[float], int]:
    """The running kiosk's trimmer, made by its first frame, on a fake clock that counts
    its trims: ``wait(seconds)`` moves the clock, ticks the controller and says how
    many trims there have been."""
    kw.window.update()
    settle(kw.window, kw.images)
    trimmer = controller.memory
    assert trimmer is not None, "no trimmer once the first frame was drawn"
    clock = FakeClock()
    trims = Trims(clock)
    trimmer.clock, trimmer.trim = clock, trims
    trimmer.changed()

    def wait(seconds: float) -> int:
        """The clock moved on by ``seconds`` a quarter second at a time, with a tick
        at each (one tick for no time at all), as the controller's timer does."""
        left = seconds
        while True:
            step = min(TICK_S, left)
            clock.advance(step)
            left -= step
            controller.tick()
            if left <= 1e-9:
                return len(trims.at)

    return wait


@pytest.mark.usefixtures("qapp")
def test_the_running_kiosk_trims_after_each_change_of_screen_or_language_settles(
    rendition_cache: Path,
) -> None:
    content: ContentSet = load(BUNDLED)
    with open_window(content, rendition_cache) as kw:
        controller = Controller(kw, tick_ms=60_000)
        assert controller.memory is None  # nothing of it before the first frame
        wait = _trims_on_a_fake_clock(kw, controller)
        assert wait(QUIET_S + 0.1) == 1
        kw.kiosk.nav.openAbout()
        settle(kw.window, kw.images)
        assert wait(QUIET_S / 2) == 1, "trimmed in a tap's wake"
        assert wait(QUIET_S / 2 + 0.1) == 2
        assert wait(10) == 2
        kw.kiosk.language.choose("ru")
        settle(kw.window, kw.images)
        assert wait(QUIET_S / 2) == 2
        assert wait(QUIET_S / 2 + 0.1) == 3
        kw.kiosk.nav.home()
        settle(kw.window, kw.images)
        assert wait(QUIET_S + 0.1) == 4


@pytest.mark.usefixtures("qapp")
def test_the_running_kiosk_draws_a_frame_at_rest_before_it_trims(rendition_cache: Path) -> None:
    """Back home from the gallery, nothing moves: yet before the trim one frame is
    drawn, in which the scene graph deletes the textures of the pictures let go."""
    content: ContentSet = load(BUNDLED)
    with open_window(content, rendition_cache) as kw:
        controller = Controller(kw, tick_ms=60_000)
        wait = _trims_on_a_fake_clock(kw, controller)
        assert wait(QUIET_S + 0.5) == 1
        exhibit = next(e for e in content.exhibits if e.gallery)
        kw.kiosk.nav.openExhibit(exhibit.id)
        kw.kiosk.nav.openGallery(0)
        settle(kw.window, kw.images)
        kw.kiosk.nav.home()
        settle(kw.window, kw.images)
        frames: list[int] = []
        kw.window.frameSwapped.connect(lambda: frames.append(1))
        pump(200)
        assert frames == [], "home was still drawing: this would prove nothing"
        assert wait(QUIET_S - 0.25) == 1
        pump(200)
        assert frames == [1], "no frame drawn before the trim"
        assert wait(0.25) == 2
        pump(200)
        assert frames == [1], "a frame drawn again at the trim"


@pytest.mark.usefixtures("qapp")
def test_the_running_kiosk_trims_after_an_overlay_closes(rendition_cache: Path) -> None:
    """The key help, the quit question, the staff panel and "still there?" are made
    when they show and torn down when they close, with no change of place or
    language: what closing one freed is handed back once it has settled too."""
    content: ContentSet = load(BUNDLED)
    with open_window(content, rendition_cache) as kw:
        controller = Controller(kw, tick_ms=60_000)
        wait = _trims_on_a_fake_clock(kw, controller)
        assert wait(QUIET_S + 0.1) == 1
        presenter, staff, idle = kw.kiosk.presenter, kw.staff, kw.kiosk.idle
        presenter.set_quit_allowed(True)  # a presentation, not kiosk mode
        overlays = [
            ("key help", presenter.toggle_help, presenter.hideHelp),
            ("quit question", presenter.ask, presenter.cancelQuit),
            ("staff panel", staff.gesture, staff.close),
            ("still there", lambda: idle.show(True, 10), lambda: idle.show(False, 0)),
        ]
        for name, show, close in overlays:
            done = wait(0)
            show()
            settle(kw.window, kw.images)
            assert wait(QUIET_S / 2) == done, f"{name}: trimmed as it showed"
            close()
            settle(kw.window, kw.images)
            assert wait(QUIET_S / 2) == done, f"{name}: trimmed as it closed"
            assert wait(QUIET_S / 2 + 0.1) == done + 1, f"{name}: not trimmed once closed"


SOURCES = """\
import json, linecache
from kiosk.ui.app import ensure_application  # imports PySide
before = sorted(linecache.cache)
ensure_application()
print(json.dumps({"before": before, "after": sorted(linecache.cache)}))
"""


def test_the_source_lines_pysides_import_left_are_dropped_when_the_application_is_made() -> None:
    """``enum.py``'s 2,048 lines and PySide's own, read by PySide's import: 0.27 MB."""
    run = subprocess.run(
        [sys.executable, "-c", SOURCES],
        capture_output=True,
        text=True,
        check=True,
        env=environment(),
    )
    held = json.loads(run.stdout)
    assert held["after"] == [], f"kept after the application was made (before: {held['before']})"

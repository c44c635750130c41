"""Tap-to-page latency and the memory soak, inside one kiosk process.

Launched by ``bench.py``. Builds the real window the way ``kiosk`` does (bridge,
image store, rendition service, controller with an idle machine and an analytics
recorder), then drives it with synthetic touch from QTimer callbacks inside
``app.exec()``: a plain ``processEvents()`` loop never frees deleted Qt objects and
would look like a leak.

A navigation is timed from just before the synthetic touch (for a swipe: the finger
lifting) to the first ``frameSwapped`` at which the kiosk shows the expected place
and every Image item on screen is ``Ready``. Writes a JSON report to ``--out``.
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import gc
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QPointF, QRectF, QTimer
from PySide6.QtGui import QPointingDevice
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

REPO = Path(__file__).resolve().parents[2]
_READY, _LOADING, _NULL, _ERROR = 1, 2, 0, 3
STEP_TIMEOUT_MS = 4000
SWIPE_SETTLE_MS = 250
SOAK_SWIPE_EVERY = 10  # exhibit visits per swipe pair in the soak
SAMPLE_EVERY = 1000  # soak navigations between two memory samples (taken at home)
REST_MS = 1500  # before a sample: fades finish and deferred deletions run
# between two visitors a museum's kiosk shows its attract loop for minutes; before each
# memory sample the soak's attract loop has a quiet spell too (the trimmer's and a tick)
ATTRACT_REST_MS = 1500


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def pss_mb(key: str = "Pss") -> float:
    """Proportional set size: shared libraries counted once across processes.
    ``Pss_Anon`` is the process's own heap: another process starting or ending with
    the same libraries mapped moves ``Pss`` (their pages are shared anew), not it."""
    with open("/proc/self/smaps_rollup", encoding="ascii") as rollup:
        for line in rollup:
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


class _Mallinfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena", "ordblks", "smblks", "hblks", "hblkhd",
            "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost",
        )
    ]  # fmt: skip


def _mallinfo2() -> Callable[[], _Mallinfo2] | None:
    name = ctypes.util.find_library("c")
    try:
        function = ctypes.CDLL(name).mallinfo2 if name else None
    except (OSError, AttributeError):  # not glibc, or older than 2.33
        return None
    if function is not None:
        function.restype = _Mallinfo2
        function.argtypes = []
    return function


_MALLINFO2 = _mallinfo2()


def heap_mb() -> dict[str, float]:
    """glibc's own count of its heaps, every thread's arena (``mallinfo2``), MB:
    ``in_use``, the bytes of blocks not freed (those of large blocks, which it maps
    one by one, too); ``free``, the room freed inside the heaps and not handed back.
    Anonymous memory that grows with ``in_use`` is memory still used; with ``free``,
    room left between blocks. NaN without glibc."""
    if _MALLINFO2 is None:
        return {"in_use": float("nan"), "free": float("nan")}
    info = _MALLINFO2()
    mb = 1024 * 1024
    return {"in_use": (info.uordblks + info.hblkhd) / mb, "free": info.fordblks / mb}


def memory_now() -> dict[str, float]:
    return {"rss": rss_mb(), "pss": pss_mb(), "anon": pss_mb("Pss_Anon")}


def waited_s() -> float:
    """How long the calling thread has been ready to run and waiting for a core, in
    seconds (the second figure of Linux's ``/proc/thread-self/schedstat``); NaN where
    there is none."""
    try:
        with open("/proc/thread-self/schedstat", encoding="ascii") as stat:
            return int(stat.read().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return float("nan")


def walk(root: QQuickItem) -> Iterator[QQuickItem]:
    """The visual tree (view delegates are child items, not child QObjects)."""
    stack = [root]
    while stack:
        item = stack.pop()
        yield item
        stack.extend(item.childItems())


@dataclass
class Step:
    """One thing a visitor (or the idle timer) does, and how to know it has arrived."""

    kind: str  # tap | swipe | call
    label: str
    expect: Callable[[], bool]
    target: str = ""  # objectName to tap
    within: str = ""  # objectName of the page the target lives in
    point: Callable[[], QPoint] | None = None  # tap here instead of at a target
    call: Callable[[], None] | None = None
    direction: int = 0  # swipe: +1 next image, -1 previous


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    # the main thread's CPU time from the tap to its first frame at the new place: the
    # tap's own work, which load moves far less than the wall time (pictures decode on
    # Qt's image thread and are not in it)
    cpu: dict[str, list[float]] = field(default_factory=dict)
    # every thread's CPU time from the tap to the frame that ends the navigation (its
    # pictures ready): the picture decodes on Qt's image thread are in it. On two cores
    # shared with the image thread, that is the work a tap asks of the machine
    all_cpu: dict[str, list[float]] = field(default_factory=dict)
    # the main thread's time ready to run but waiting for a core, from the tap to its
    # first frame there (Linux's schedstat; NaN elsewhere): on two cores shared with
    # Qt's image and fill threads and the rest of the machine, the part of a slow tap
    # that is not the tap's own work
    wait: dict[str, list[float]] = field(default_factory=dict)
    timeouts: list[str] = field(default_factory=list)
    image_errors: int = 0
    probe_ms: list[float] = field(default_factory=list)
    probes: int = 0
    # The soak measures the process's memory, these lists' included: a time kept per
    # navigation and per frame probed (two floats a navigation) grew it 0.06 MB a thousand.
    keep: bool = True

    def add(self, kind: str, ms: float, cpu_ms: float, all_cpu_ms: float, wait_ms: float) -> None:
        if self.keep:
            self.latencies.setdefault(kind, []).append(ms)
            self.cpu.setdefault(kind, []).append(cpu_ms)
            self.all_cpu.setdefault(kind, []).append(all_cpu_ms)
            self.wait.setdefault(kind, []).append(wait_ms)

    def probed(self, ms: float) -> None:
        self.probes += 1
        if self.keep:
            self.probe_ms.append(ms)


class Driver:
    def __init__(self, kw: Any, controller: Any, args: argparse.Namespace, pin: str = "") -> None:
        self.kw = kw
        self.pin = pin
        self.kiosk = kw.kiosk
        self.window = kw.window
        self.controller = controller
        self.args = args
        self.device: QPointingDevice = QTest.createTouchDevice()
        self.steps = self._scenario()
        self.report: dict[str, Any] = {}
        self.phase = "settle"
        self.budget = 0
        self.gap_ms = 0
        self.results = Results()
        self.step: Step | None = None
        self.started = 0.0
        self.next_frame_ms = float("nan")  # the first frame after the trigger
        self.unlocked_at = 0.0  # when the staff PIN's answer opened the panel
        kw.staff.unlockedChanged.connect(self._on_unlocked)
        self.cpu_started = 0.0
        self.cpu_ms = float("nan")  # the tap's main-thread CPU to its first frame there
        self.wait_started = 0.0
        self.wait_ms = float("nan")  # the main thread's wait for a core, the same span
        self.all_cpu_started = 0.0
        self.all_cpu_ms = float("nan")  # every thread's, the tap to its end (less the probes)
        self.probe_cpu = 0.0  # the driver's own looks at the screen during this step
        self.waiting = False
        self.attempts = 0
        self.navigations = 0
        self.cycles = 0
        self.next_sample = args.sample_every
        self.probe = _probe(kw)
        self.window.frameSwapped.connect(self._on_frame)
        self._watchdog = QTimer()
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._on_timeout)
        self._nudge = QTimer()
        self._nudge.setInterval(100)
        self._nudge.timeout.connect(self.window.update)

    # the scenario ------------------------------------------------------------------

    def _scenario(self) -> Iterator[Step]:
        kiosk = self.kiosk
        content = kiosk.content
        codes = list(content.site.language_codes)
        default = content.site.default_language
        turn = 0
        visits = 0

        def lang_step(page: str) -> Step:
            nonlocal turn
            turn += 1
            code = codes[turn % len(codes)]
            if code == kiosk.language.current:  # a tap that changes nothing is not a tap's work
                turn += 1
                code = codes[turn % len(codes)]
            return Step(
                "tap",
                f"language@{page}",
                lambda: kiosk.language.current == code,
                target=f"language_{code}",  # in the fixed control bar, on every screen
            )

        def at_exhibit(eid: str) -> bool:
            return kiosk.nav.place.screen == "exhibit" and kiosk.nav.place.exhibit_id == eid

        def to_screen(label: str, screen: str, target: str, within: str = "") -> Step:
            """A tap on ``target`` (in the control bar, or ``within`` a page) that
            shows ``screen``."""
            return Step(
                "tap",
                label,
                lambda: kiosk.nav.place.screen == screen,
                target=target,
                within=within,
            )

        while True:
            yield from self._visitor_choices()  # at home: the start, or after an idle reset
            for exhibit in content.exhibits:
                eid, count = exhibit.id, len(exhibit.gallery)
                yield Step(
                    "tap",
                    "tile",
                    partial(at_exhibit, eid),
                    target=f"tile_{eid}",
                    within="home",
                )
                if count:
                    yield Step(
                        "tap",
                        "thumbnail",
                        lambda: kiosk.nav.place.screen == "gallery" and kiosk.nav.place.index == 0,
                        target="galleryThumb_0",
                        within="exhibitPage",
                    )
                    if count > 1:
                        yield Step(
                            "tap",
                            "gallery-next",
                            lambda: kiosk.nav.place.index == 1,
                            target="galleryNext",
                            within="galleryViewer",
                        )
                    visits += 1
                    # a swipe takes ~0.9 s of simulated finger and settling: fewer in the soak
                    every = SOAK_SWIPE_EVERY if self.phase == "soak" else self.args.swipe_every
                    if count > 2 and visits % every == 0:
                        yield Step(
                            "swipe", "swipe", lambda: kiosk.nav.place.index == 2, direction=1
                        )
                        yield Step(
                            "swipe", "swipe", lambda: kiosk.nav.place.index == 1, direction=-1
                        )
                    yield Step(
                        "tap",
                        "back",
                        lambda: kiosk.nav.place.screen == "exhibit",
                        target="backButton",  # the control bar
                    )
                yield lang_step("exhibitPage")
                yield Step(
                    "tap",
                    "back",
                    lambda: kiosk.nav.place.screen == "home",
                    target="backButton",  # the control bar
                )
            yield to_screen("timeline", "timeline", "timelineButton")
            yield lang_step("timelinePage")
            yield to_screen("home", "home", "homeButton")
            yield lang_step("home")
            # About and the map: made at each opening and let go when left
            yield to_screen("about", "about", "aboutButton", within="home")
            yield lang_step("aboutPage")
            yield to_screen("home", "home", "homeButton")
            if kiosk.hasMap:
                yield to_screen("map", "map", "mapButton")
                yield lang_step("mapPage")
                yield to_screen("home", "home", "homeButton")
            self.cycles += 1
            # idle reset: through the idle machine one round, straight to the bridge the next
            if self.cycles % 2:
                reset = lambda: self.controller.go_attract("idle")  # noqa: E731
            else:
                reset = kiosk.reset_to_attract
            yield Step(
                "call",
                "idle-reset",
                lambda: kiosk.nav.place.screen == "attract" and kiosk.language.current == default,
                call=reset,
            )
            if self.cycles % 2:
                centre = lambda: QPoint(self.window.width() // 2, self.window.height() // 3)  # noqa: E731
                yield Step(
                    "tap", "leave-attract", lambda: kiosk.nav.place.screen == "home", point=centre
                )
            else:
                yield Step(
                    "call",
                    "leave-attract",
                    lambda: kiosk.nav.place.screen == "home",
                    call=kiosk.nav.leaveAttract,
                )

    def _visitor_choices(self) -> Iterator[Step]:
        """The text size and colours this run's visitor chooses (``--text-scale``,
        ``--contrast``), at home at the start of each round, as each new visitor who
        wants them does: the idle reset put them back. Timed taps on the control bar's
        "Aa" and "Contrast" like any other; each makes the kept screens anew at their
        next opening (Main.qml, ``dropKept``), so the next visit of each is a first one."""
        from kiosk.ui.appearance import TEXT_SCALES

        appearance = self.kiosk.appearance
        for scale in TEXT_SCALES[1 : TEXT_SCALES.index(self.args.text_scale) + 1]:
            yield Step(
                "tap",
                "text-size",
                partial(lambda scale: appearance.text_scale == scale, scale),
                target="textSizeButton",
            )
        if self.args.contrast:
            yield Step("tap", "contrast", lambda: appearance.high_contrast, target="contrastButton")

    def _first_openings(self) -> Iterator[Step]:
        """Each feature created on first use, opened once (then closed, untimed
        "undo" steps): trigger to the first frame that shows it, images included."""
        kiosk, staff = self.kiosk, self.kw.staff
        presenter = kiosk.presenter
        first = kiosk.content.exhibits[0].id

        def shown(name: str) -> Callable[[], bool]:
            return lambda: self._page(name) is not None

        def home() -> Step:
            return Step(
                "tap", "undo", lambda: kiosk.nav.place.screen == "home", target="homeButton"
            )

        def ask() -> None:
            presenter.set_quit_allowed(True)
            presenter.ask()

        def cancel() -> None:
            presenter.cancelQuit()
            presenter.set_quit_allowed(False)

        yield Step("call", "first:key-help", shown("presenterHelp"), call=presenter.toggle_help)
        yield Step("call", "undo", lambda: not presenter.help_showing, call=presenter.hideHelp)
        yield Step("call", "first:quit-question", shown("quitQuestion"), call=ask)
        yield Step("call", "undo", lambda: not presenter.asking, call=cancel)
        yield Step("tap", "first:about", shown("aboutPage"), target="aboutButton")
        yield home()
        if kiosk.hasMap:
            yield Step("tap", "first:map", shown("mapPage"), target="mapButton")
            yield home()
        yield Step("tap", "first:timeline", shown("timelinePage"), target="timelineButton")
        yield home()
        yield Step("tap", "first:exhibit-page", shown("exhibitPage"), target=f"tile_{first}")
        yield Step(
            "tap",
            "first:gallery",
            shown("galleryViewer"),
            target="galleryThumb_0",
            within="exhibitPage",
        )
        yield Step("tap", "undo", shown("exhibitPage"), target="backButton")
        yield Step("tap", "undo", lambda: kiosk.nav.place.screen == "home", target="backButton")
        yield Step("call", "first:pin-pad", shown("pinPad"), call=staff.gesture)

        # OK to the panel, the PIN's check (on its own thread) included; ``_done`` adds
        # OK to the next frame (the pad draws while the PIN is checked) and the check's
        # answer to the panel
        def ok() -> None:  # as the pad's OK: the PIN handed over, the dots drawn empty
            staff.submitPin(self.pin)
            self.window.update()

        yield Step("call", "first:staff-panel", shown("staffBody"), call=ok)
        yield Step("call", "undo", lambda: not staff.open, call=staff.close)
        yield Step(
            "call", "first:still-there", shown("stillThere"), call=lambda: kiosk.idle.show(True, 10)
        )
        yield Step(
            "call", "undo", lambda: not kiosk.idle.showing, call=lambda: kiosk.idle.show(False, 0)
        )

    # phases ------------------------------------------------------------------------

    def begin(self) -> None:
        self.report["rss_mb_first_frame"] = rss_mb()
        QTimer.singleShot(1500, self._after_start)

    def _after_start(self) -> None:
        gc.collect()
        self.report["rss_mb_start"] = rss_mb()
        self.report["pss_mb_start"] = pss_mb()
        self.report["anon_mb_start"] = pss_mb("Pss_Anon")
        self.report["heap_mb_start"] = heap_mb()
        self.true_refs_start = sys.getrefcount(True)
        self.report["items_start"] = sum(1 for _ in walk(self.window.contentItem()))
        self.report["python_objects_start"] = len(gc.get_objects())
        scenario, self.steps = self.steps, self._first_openings()
        openings = sum(1 for _ in self._first_openings())

        def then() -> None:
            self.report["first_open_ms"] = {
                kind.removeprefix("call:").removeprefix("tap:").removeprefix("first:"): ms[0]
                for kind, ms in self.results.latencies.items()
                if ":first:" in kind
            }
            self.report["first_open_timeouts"] = self.results.timeouts
            QTimer.singleShot(REST_MS, after_rest)

        def after_rest() -> None:  # each feature opened once and closed, at home, at rest
            gc.collect()
            self.report["anon_mb_after_first_openings"] = pss_mb("Pss_Anon")
            self.results = Results()
            self.steps = scenario
            self._run_phase("latency", self.args.navigations, self.args.gap_ms, self._after_latency)

        self._run_phase("first-open", openings, self.args.gap_ms, then)

    def _save(self) -> None:
        """The report so far: if the process dies in the soak, the bench still has it."""
        self.report["true_refcount"] = sys.getrefcount(True)
        self.args.out.write_text(json.dumps(self.report, indent=1), encoding="utf-8")

    def _after_latency(self) -> None:
        self.report["latency"] = self._summary()
        self.report["true_refcount_start"] = self.true_refs_start
        self._save()
        self.results = Results(keep=False)  # the soak's figures are memory, not times
        self._home_then(self._before_soak)

    def _before_soak(self) -> None:
        gc.collect()
        self.report["rss_mb_after_warmup"] = rss_mb()
        self.report["pss_mb_after_warmup"] = pss_mb()
        self.report["anon_mb_after_warmup"] = pss_mb("Pss_Anon")
        self.report["heap_mb_after_warmup"] = heap_mb()
        self.report["soak_memory"] = [{"navigations": 0, **memory_now()}]
        self.next_sample = self.args.sample_every
        if self.probe is not None:
            self.probe.sample(-1)  # the probe's own wrappers and types made first
            self.probe.sample(0)
        self.report["items_after_warmup"] = sum(1 for _ in walk(self.window.contentItem()))
        self._run_phase("soak", self.args.soak, self.args.soak_gap_ms, self._after_soak)

    def _after_soak(self) -> None:
        self.report["soak"] = self._summary()
        self.report["soak_navigations"] = self.navigations
        self.report["soak_s"] = time.perf_counter() - self.soak_started
        self._home_then(self._finish)

    def _finish(self) -> None:
        gc.collect()
        self.report["rss_mb_after_soak"] = rss_mb()
        self.report["pss_mb_after_soak"] = pss_mb()
        self.report["anon_mb_after_soak"] = pss_mb("Pss_Anon")
        self.report["heap_mb_after_soak"] = heap_mb()
        self.report["items_after_soak"] = sum(1 for _ in walk(self.window.contentItem()))
        self.report["python_objects_after_soak"] = len(gc.get_objects())
        if self.args.idle_s > 0:  # Qt Quick drops unused decoded images after ~30 s
            QTimer.singleShot(int(self.args.idle_s * 1000), self._after_idle)
        else:
            self._after_idle()

    def _after_idle(self) -> None:
        gc.collect()
        self.report["rss_mb_after_soak_idle"] = rss_mb()
        self.report["idle_s"] = self.args.idle_s
        from kiosk.ui.app import MESSAGES

        self.report["qml_warnings"] = list(dict.fromkeys(MESSAGES.lines))[:20]
        self.report["qml_warning_count"] = len(MESSAGES.lines)
        self.kw.app.quit()

    def _home_then(self, then: Callable[[], None]) -> None:
        """Back to a calm home screen after a quiet spell on the attract loop (as
        between two visitors), then wait for fades and queued deletions."""
        self.kiosk.reset_to_attract()

        def next_visitor() -> None:
            self.kiosk.nav.leaveAttract()
            QTimer.singleShot(REST_MS, then)

        QTimer.singleShot(ATTRACT_REST_MS, next_visitor)

    def _run_phase(self, name: str, budget: int, gap_ms: int, then: Callable[[], None]) -> None:
        self.phase, self.budget, self.gap_ms, self.then = name, budget, gap_ms, then
        self.navigations = 0
        self.soak_started = time.perf_counter()
        QTimer.singleShot(0, self._next)

    # one step ----------------------------------------------------------------------

    def _next(self) -> None:
        if self.navigations >= self.budget:
            self.then()
            return
        self.step = next(self.steps)
        self.attempts = 0
        self._perform()

    def _perform(self) -> None:
        step = self.step
        assert step is not None
        if step.kind == "call":
            self._start_timing()
            assert step.call is not None
            step.call()
            return
        if step.kind == "swipe":
            # a finger does not land while the pager is still sliding from the last move
            QTimer.singleShot(SWIPE_SETTLE_MS, lambda: self._swipe(step.direction))
            return
        point = step.point() if step.point else self._target_point(step)
        if point is None:
            self.attempts += 1
            if self.attempts > 20:
                self.results.timeouts.append(f"{step.label}: {step.target} not found")
                self._done(None)
            else:
                QTimer.singleShot(30, self._perform)  # scrolled, or the page is still fading in
            return
        self._start_timing()
        QTest.touchEvent(self.window, self.device).press(0, point, self.window).commit()
        QTest.touchEvent(self.window, self.device).release(0, point, self.window).commit()

    def _swipe(self, direction: int) -> None:
        width, height = self.window.width(), self.window.height()
        start = QPoint(int(width * (0.8 if direction > 0 else 0.2)), height // 2)
        end = QPoint(int(width * (0.2 if direction > 0 else 0.8)), height // 2)
        QTest.touchEvent(self.window, self.device).press(0, start, self.window).commit()
        steps = 12

        def move(n: int) -> None:
            if n <= steps:
                point = start + (end - start) * (n / steps)
                QTest.touchEvent(self.window, self.device).move(0, point, self.window).commit()
                QTimer.singleShot(16, lambda: move(n + 1))
            else:
                self._start_timing()
                QTest.touchEvent(self.window, self.device).release(0, end, self.window).commit()

        QTimer.singleShot(16, lambda: move(1))

    def _start_timing(self) -> None:
        self.waiting = True
        self.cpu_ms = float("nan")
        self.wait_ms = float("nan")
        self.wait_started = waited_s()
        self.cpu_started = time.thread_time()
        self.all_cpu_started = time.process_time()
        self.probe_cpu = 0.0
        self.next_frame_ms = float("nan")
        self.started = time.perf_counter()
        self._watchdog.start(STEP_TIMEOUT_MS)
        self._nudge.start()

    def _on_unlocked(self) -> None:
        if self.kw.staff.unlocked:
            self.unlocked_at = time.perf_counter()

    def _on_frame(self) -> None:
        if not self.waiting or self.step is None:
            return
        if self.next_frame_ms != self.next_frame_ms:
            self.next_frame_ms = 1000 * (time.perf_counter() - self.started)
        if not self.step.expect():
            return
        if self.cpu_ms != self.cpu_ms:  # the first frame at the new place
            self.cpu_ms = 1000 * (time.thread_time() - self.cpu_started)
            self.wait_ms = 1000 * (waited_s() - self.wait_started)
        probe_start = time.perf_counter()
        probe_cpu = time.thread_time()
        busy = self._images_not_ready()
        self.probe_cpu += time.thread_time() - probe_cpu
        self.results.probed(1000 * (time.perf_counter() - probe_start))
        if busy:
            return
        self.all_cpu_ms = 1000 * (time.process_time() - self.all_cpu_started - self.probe_cpu)
        self._done(1000 * (probe_start - self.started))

    def _on_timeout(self) -> None:
        if self.waiting and self.step is not None:
            state = f"screen={self.kiosk.nav.place.screen} index={self.kiosk.nav.place.index}"
            self.results.timeouts.append(f"{self.step.label}: {state}")
            self._done(None)

    def _done(self, ms: float | None) -> None:
        step = self.step
        assert step is not None
        self.waiting = False
        self._watchdog.stop()
        self._nudge.stop()
        if ms is not None:
            self.results.add(
                f"{step.kind}:{step.label}", ms, self.cpu_ms, self.all_cpu_ms, self.wait_ms
            )
            if step.label == "first:staff-panel" and self.unlocked_at:
                nan = float("nan")
                self.results.add("call:first:pin-ok", self.next_frame_ms, nan, nan, nan)
                answer_ms = 1000 * (self.unlocked_at - self.started)
                self.results.add(
                    "call:first:staff-panel-after-check", ms - answer_ms, nan, nan, nan
                )
        self.navigations += 1
        if self.probe is not None and self.phase == "soak":
            self.probe.step(step.label)
        if self.phase == "soak" and self.navigations % 100 == 0:
            self.report["soak_navigations"] = self.navigations
            self._save()
        home = self.phase == "soak" and step.label == "leave-attract"
        if home and self.navigations >= self.next_sample:  # back home: the trend, at rest
            self.next_sample += self.args.sample_every
            QTimer.singleShot(REST_MS, self._sample)
            return
        between = self.phase == "soak" and step.label == "idle-reset"
        if between and self.navigations + 1 >= self.next_sample:  # the sample's visitor
            QTimer.singleShot(ATTRACT_REST_MS, self._next)  # comes after a quiet spell
            return
        QTimer.singleShot(self.gap_ms, self._next)

    def _sample(self) -> None:
        """Memory at home after a rest (fades done, deferred deletions run): a leak
        grows from one sample to the next, a cache filling up levels off."""
        gc.collect()
        self.report["soak_memory"].append({"navigations": self.navigations, **memory_now()})
        if self.probe is not None:
            self.probe.sample(self.navigations)
        QTimer.singleShot(self.gap_ms, self._next)

    # finding things on screen --------------------------------------------------------

    def _page(self, name: str) -> QQuickItem | None:
        for item in walk(self.window.contentItem()):
            if item.objectName() == name and item.isVisible():
                return item
        return None

    def _target_point(self, step: Step) -> QPoint | None:
        page = self._page(step.within) if step.within else self.window.contentItem()
        if page is None:
            return None
        target = next(
            (i for i in walk(page) if i.objectName() == step.target and i.isVisible()), None
        )
        if target is None:
            return None
        centre = target.mapToScene(QPointF(target.width() / 2, target.height() / 2))
        if _scroll_into_view(target):
            return None  # scrolled: tap on a later attempt, once the view has moved
        inside = 0 <= centre.x() < self.window.width() and 0 <= centre.y() < self.window.height()
        if not inside:
            return None
        return centre.toPoint()

    def _images_not_ready(self) -> int:
        """Image items on screen that are still loading (or have no source yet)."""
        screen = QRectF(0, 0, self.window.width(), self.window.height())
        busy = 0
        for item in walk(self.window.contentItem()):
            if item.metaObject().className() != "QQuickImage" or not item.isVisible():
                continue
            rect = item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))
            if rect.isEmpty() or not rect.intersects(screen):
                continue
            # a rendition's status, as its RenditionImage tells it (an int: PySide cannot
            # read Image.status, an enum); other images (a cover's fill) are left out
            holder = item.parentItem()
            if holder is None or holder.metaObject().indexOfProperty("imageStatus") < 0:
                continue
            status = holder.property("imageStatus")
            if status == _READY:
                continue
            if status == _ERROR:
                self.results.image_errors += 1
                continue
            wanted = holder.property("key") and holder.property("held") is not False
            if status == _LOADING or (status == _NULL and wanted):
                busy += 1
        return busy

    def _summary(self) -> dict[str, Any]:
        return {
            "latencies_ms": self.results.latencies,
            "cpu_ms": self.results.cpu,
            "all_cpu_ms": self.results.all_cpu,
            "wait_ms": self.results.wait,
            "timeouts": self.results.timeouts,
            "image_errors": self.results.image_errors,
            "probe_ms_median": _median(self.results.probe_ms),
            "probes": self.results.probes,
            "navigations": self.navigations,
        }


def _scroll_into_view(item: QQuickItem) -> bool:
    """Scroll the nearest vertical Flickable so ``item`` is fully shown; True if it moved."""
    parent = item.parentItem()
    while parent is not None:
        if parent.inherits("QQuickFlickable"):
            rect = item.mapRectToItem(parent, QRectF(0, 0, item.width(), item.height()))
            if rect.top() >= 0 and rect.bottom() <= parent.height():
                parent = parent.parentItem()
                continue
            content_y = float(parent.property("contentY"))
            origin = float(parent.property("originY"))
            bottom = origin + float(parent.property("contentHeight")) - parent.height()
            wanted = content_y + rect.top() - max(0.0, (parent.height() - rect.height()) / 2)
            wanted = max(origin, min(bottom, wanted))
            if abs(wanted - content_y) < 0.5:
                return False
            parent.setProperty("contentY", wanted)
            return True
        parent = parent.parentItem()
    return False


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else float("nan")


def arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser()
    parser.add_argument("--content", type=Path, default=REPO / "exhibits")
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--state", type=Path, required=True)
    parser.add_argument("--navigations", type=int, default=200)
    parser.add_argument("--soak", type=int, default=10_000)
    parser.add_argument("--gap-ms", type=int, default=300)
    parser.add_argument("--soak-gap-ms", type=int, default=0, help="between two soak navigations")
    parser.add_argument(
        "--sample-every",
        type=int,
        default=SAMPLE_EVERY,
        help="soak navigations between two memory samples",
    )
    parser.add_argument(
        "--swipe-every", type=int, default=1, help="timed run: a swipe pair every N exhibit visits"
    )
    parser.add_argument(
        "--idle-s",
        type=float,
        default=0.0,
        help="after the soak, also measure RSS after this long at rest",
    )
    parser.add_argument(
        "--text-scale", type=float, default=1.0, help="the visitor's text size (1, 1.25, 1.5)"
    )
    parser.add_argument("--contrast", action="store_true", help="the visitor's high contrast")
    parser.add_argument("--size", default="1920x1080", help="the window, WxH (portrait: 1080x1920)")
    parser.add_argument("--out", type=Path, required=True)
    return parser


def main() -> int:
    args = arguments().parse_args()
    width, height = (int(n) for n in args.size.split("x"))

    from kiosk.content.loader import load_content
    from kiosk.runtime import cores, paths
    from kiosk.runtime.analytics import AnalyticsRecorder
    from kiosk.runtime.idle import IdleMachine
    from kiosk.runtime.pin import PinPad, PinStore
    from kiosk.ui.app import build_window, ensure_application
    from kiosk.ui.controller import Controller
    from kiosk.ui.session import make_service
    from kiosk.ui.staff import Staff

    app = ensure_application()
    result = load_content(args.content)
    assert result.content is not None, [str(e) for e in result.errors]
    content = result.content
    service = make_service(args.cache, (width, height))
    args.state.mkdir(parents=True, exist_ok=True)
    pin = "5831"
    store = PinStore(paths.settings_path(args.state))
    store.set_pin(pin)
    staff = Staff(PinPad(store))  # the PIN pad first, as in kiosk mode
    kw = build_window(content, service, start="home", size=(width, height), staff=staff)
    recorder = AnalyticsRecorder(args.state / "analytics.sqlite", "bench")
    controller = Controller(kw, idle=IdleMachine(content.site.idle), recorder=recorder)
    controller.firstFrame.connect(cores.keep_ui_core)  # as kiosk.ui.wiring.run_kiosk
    driver = Driver(kw, controller, args, pin)
    kw.window.frameSwapped.connect(driver.begin, type=_single_shot())
    kw.window.show()
    code = app.exec()
    recorder.close()
    service.shutdown(wait=False)
    args.out.write_text(json.dumps(driver.report, indent=1), encoding="utf-8")
    return code


def _probe(kw: Any) -> Any:
    """With ``KIOSK_SOAK_PROBE=FILE``, each soak sample also writes what is alive
    (``soak_probe.py``): for finding what grows, not part of the bench's figures."""
    out = os.environ.get("KIOSK_SOAK_PROBE")
    if not out:
        return None
    from soak_probe import Probe  # beside this file

    return Probe(kw, Path(out))


def _single_shot() -> Any:
    from PySide6.QtCore import Qt

    return Qt.ConnectionType.SingleShotConnection


if __name__ == "__main__":
    # Skip interpreter finalization: PySide6 6.12 can abort in its final garbage
    # collection ("bool_dealloc"), after the report has been written.
    sys.stdout.flush()
    os._exit(main())

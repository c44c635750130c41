"""The navigation bench's figures per kind of tap: its times, the main thread's CPU
time, which a busy machine moves far less, every thread's, and how long the main
thread waited for a core (tests/bench/bench.py; the bench itself is not run here)."""

from __future__ import annotations

import math
import os
import subprocess
import sys
import time
from types import SimpleNamespace
from typing import Any

import pytest

from tests.bench.bench import Bench
from tests.bench.nav_child import heap_mb, waited_s


def test_each_kind_of_tap_reports_its_main_thread_cpu_beside_its_times() -> None:
    report: dict[str, Any] = {
        "latency": {
            "latencies_ms": {"tap:tile": [30.0, 20.0, 40.0], "call:idle-reset": [25.0]},
            "cpu_ms": {"tap:tile": [12.0, 10.0, 14.0], "call:idle-reset": [9.0]},
            "all_cpu_ms": {"tap:tile": [30.0, 26.0, 33.0], "call:idle-reset": [21.0]},
            "wait_ms": {"tap:tile": [0.5, 7.0, 0.0], "call:idle-reset": [1.0]},
            "navigations": 4,
        }
    }
    bench = SimpleNamespace(results={})
    Bench._tap_figures(bench, report)  # type: ignore[arg-type]
    kinds = bench.results["tap_to_page_by_kind_ms"]
    assert kinds["tap:tile"] == {
        "n": 3,
        "p50": 30.0,
        "p95": 40.0,
        "cpu_p50": 12.0,
        "all_cpu_p50": 30.0,  # every thread's: the pictures' decodes too
        "wait_p95": 7.0,  # the slow tap's main thread waited 7 ms for a core
    }
    assert kinds["call:idle-reset"]["cpu_p50"] == 9.0
    assert kinds["call:idle-reset"]["all_cpu_p50"] == 21.0


def soak_report(**memory: object) -> dict[str, Any]:
    """A navigation child's report with these memory samples (MB) and the rest fixed."""
    return {
        "pss_mb_start": 100.0,
        "pss_mb_after_warmup": 113.0,
        "pss_mb_after_soak": 114.0,
        "rss_mb_start": 110.0,
        "rss_mb_after_warmup": 124.0,
        "rss_mb_after_soak": 125.0,
        "rss_mb_after_soak_idle": 125.0,
        "soak_navigations": 1000,
        "soak_s": 40.0,
        "items_start": 205,
        "items_after_soak": 205,
        "qml_warning_count": 0,
        "latency": {"timeouts": []},
        "soak": {"timeouts": []},
        **memory,
    }


def soak_figures(report: dict[str, Any]) -> dict[str, Any]:
    bench = SimpleNamespace(results={})
    Bench._soak_figures(bench, report)  # type: ignore[arg-type]
    return bench.results


def test_the_soaks_growth_is_told_in_three_parts_that_add_up() -> None:
    """Anonymous memory: each feature's first opening, the timed taps, the soak."""
    figures = soak_figures(
        soak_report(
            anon_mb_start=45.0,
            anon_mb_after_first_openings=54.0,
            anon_mb_after_warmup=57.5,
            anon_mb_after_soak=58.25,
        )
    )
    assert figures["soak_anon_growth_mb"] == 13.25
    assert figures["soak_anon_growth_openings_mb"] == 9.0
    assert figures["soak_anon_growth_first_round_mb"] == 3.5
    assert figures["soak_anon_growth_after_warmup_mb"] == 0.75
    parts = ("openings", "first_round", "after_warmup")
    assert sum(figures[f"soak_anon_growth_{part}_mb"] for part in parts) == 13.25


def test_the_c_heaps_growth_is_told_as_blocks_in_use_and_room_free() -> None:
    """glibc's own count beside anonymous memory: growth that is blocks still in use
    is not growth that is room left between them."""
    heaps = {
        "heap_mb_start": {"in_use": 13.5, "free": 0.5},
        "heap_mb_after_warmup": {"in_use": 20.5, "free": 1.0},
        "heap_mb_after_soak": {"in_use": 21.0, "free": 1.25},
    }
    figures = soak_figures(soak_report(**heaps))
    assert figures["soak_heap_in_use_growth_mb"] == 7.5
    assert figures["soak_heap_free_growth_mb"] == 0.75
    assert figures["soak_heap_growth_after_warmup_mb"] == 0.5
    del heaps["heap_mb_start"]  # an older child: no figure, not a wrong one
    assert math.isnan(soak_figures(soak_report(**heaps))["soak_heap_in_use_growth_mb"])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallinfo2")
def test_the_heaps_count_sees_a_block_made_and_freed() -> None:
    import ctypes

    before = heap_mb()
    block = ctypes.create_string_buffer(8 * 1024 * 1024)
    held = heap_mb()
    del block
    after = heap_mb()
    assert held["in_use"] - before["in_use"] >= 7.5
    assert held["in_use"] - after["in_use"] >= 7.5
    assert after["free"] >= 0


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity"), reason="Linux's schedstat")
def test_the_wait_for_a_core_is_the_time_others_held_it() -> None:
    """This thread and two busy processes on one core: this thread runs about a third
    of the time and is ready to run, waiting, the rest; the figure is that wait, about
    twice its own CPU time (its time on the core would be about equal to it)."""
    cores = os.sched_getaffinity(0)
    one = {min(cores)}
    busy = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)]
    try:
        for process in busy:
            os.sched_setaffinity(process.pid, one)
        os.sched_setaffinity(0, one)
        start, cpu = waited_s(), time.thread_time()
        deadline = time.monotonic() + 10.0
        while waited_s() - start < 0.05 and time.monotonic() < deadline:
            pass  # ready to run all along: never asleep
        waited, cpu = waited_s() - start, time.thread_time() - cpu
    finally:
        os.sched_setaffinity(0, cores)
        for process in busy:
            process.kill()
            process.wait()
    assert waited >= 0.05
    assert waited > 1.3 * cpu

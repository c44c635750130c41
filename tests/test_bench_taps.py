"""The navigation bench's figures per kind of tap: its times, the main thread's CPU
time, which a busy machine moves far less, and every thread's (tests/bench/bench.py;
the bench itself is not run here)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from tests.bench.bench import Bench


def test_each_kind_of_tap_reports_its_main_thread_cpu_beside_its_times() -> None:
    report: dict[str, Any] = {
        "latency": {
            "latencies_ms": {"tap:tile": [30.0, 20.0, 40.0], "call:idle-reset": [25.0]},
            "cpu_ms": {"tap:tile": [12.0, 10.0, 14.0], "call:idle-reset": [9.0]},
            "all_cpu_ms": {"tap:tile": [30.0, 26.0, 33.0], "call:idle-reset": [21.0]},
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
    }
    assert kinds["call:idle-reset"]["cpu_p50"] == 9.0
    assert kinds["call:idle-reset"]["all_cpu_p50"] == 21.0

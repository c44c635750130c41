"""Benchmarks of the real ``kiosk``: start-up, tap-to-page, memory soak, prepare, scale.

Run from the repository root with the project's virtualenv::

    python tests/bench/bench.py [--quick] [--json FILE]

Not a pytest module (nothing here is named ``test_*``). Every number comes from the
real code: start-up times are the real ``kiosk`` command, timed from just before the
process is spawned to the ``READY=1`` datagram its controller sends through sd_notify
on the first ``frameSwapped`` (the floor's empty window sends the same datagram the
same way). Headless: offscreen platform, software scene graph, 1920x1080.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))

from tests.bench import sitegen  # noqa: E402
from tests.process import environment, x_environment  # noqa: E402  (the tests' own)

PYTHON = sys.executable
KIOSK = [PYTHON, "-c", "import sys; from kiosk.cli import main; sys.exit(main())"]
SIZE = "1920x1080"
OFFSCREEN_SCREEN = "800x800"  # Qt's offscreen platform's one screen


def _kiosk_command() -> list[str]:
    """The installed ``kiosk`` console script next to this interpreter, if there is one."""
    script = Path(PYTHON).with_name("kiosk")
    return [str(script)] if script.exists() else KIOSK


def vm_rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


SMAPS_KEYS = ("Rss", "Pss", "Pss_Anon", "Pss_File", "Pss_Shmem", "Private_Clean", "Private_Dirty")


def smaps_rollup(pid: int) -> dict[str, float]:
    """The process's memory in MB from ``/proc/PID/smaps_rollup``: PSS counts a
    shared library's pages once across the processes that map it, so a kiosk and
    the floor's empty window are compared on what each really adds."""
    figures = {}
    with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
        for line in rollup:
            key, _, rest = line.partition(":")
            if key in SMAPS_KEYS:
                figures[key] = int(rest.split()[0]) / 1024
    return figures


def cpu_seconds(pid: int) -> float:
    """CPU time the process has had so far: its threads, those that already ended (a
    kiosk's preloading thread) and its children it reaped (a first start's loading
    child), from ``/proc/PID/stat`` (in clock ticks, 10 ms). On a machine shared with
    other work, wall time to the first frame is mostly waiting for a core; this is the
    work itself, and moves far less. Each thread's own figure (nanoseconds) would leave
    out what ended before the first frame."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    utime, stime, cutime, cstime = (int(fields[i]) for i in range(11, 15))
    return (utime + stime + cutime + cstime) / os.sysconf("SC_CLK_TCK")


def floor_command(text: bool = False, kept: Path | None = None) -> list[str]:
    """The floor: an empty Qt Quick window started the way the kiosk is; with ``text``,
    the same window drawing five lines in the kiosk's font; with ``kept``, the empty
    window with PySide's support code kept in that file, as the kiosk keeps it (both
    for information only)."""
    extra = ["--text"] if text else []
    if kept is not None:
        extra += ["--kept", str(kept)]
    return [PYTHON, str(HERE / "floor_child.py"), *extra]


def windowed_start(kiosk: list[str], content: Path, cache: Path, state: Path) -> list[str]:
    """How the bench starts a kiosk: windowed at SIZE, on its own cache and state."""
    return [
        *kiosk,
        "--windowed",
        "--size",
        SIZE,
        "--cache",
        str(cache),
        "--state-dir",
        str(state),
        str(content),
    ]


def paired(ours: list[float], theirs: list[float]) -> tuple[float, int]:
    """Two checkouts' starts, round by round: the median of ours minus theirs in ms,
    and in how many rounds ours was the faster. The floor and the machine move
    between rounds far more than two starts in one round differ, so a difference
    taken within each round tells a few milliseconds apart where two medians cannot."""
    differences = [(a - b) * 1000 for a, b in zip(ours, theirs, strict=True)]
    return median(differences), sum(d < 0 for d in differences)


def time_to_first_frame(
    argv: list[str],
    env: dict[str, str],
    workdir: Path,
    settle_s: float = 1.5,
    cwd: Path | None = None,
) -> tuple[float, dict[str, float]]:
    """Seconds from spawn to the READY=1 datagram, and the memory ``settle_s`` later
    (``smaps_rollup`` figures, ``VmRSS``, and ``cpu_s``: CPU time at READY=1)."""
    address = workdir / f"notify-{time.monotonic_ns()}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(str(address))
        sock.settimeout(120)
        log = (workdir / "child.log").open("ab")
        started = time.perf_counter()
        child = subprocess.Popen(
            argv,
            env={**env, "NOTIFY_SOCKET": str(address)},
            stdout=log,
            stderr=log,
            cwd=cwd or workdir,
        )
        try:
            sock.recv(256)
            elapsed = time.perf_counter() - started
            cpu = cpu_seconds(child.pid)
            time.sleep(settle_s)
            memory = smaps_rollup(child.pid)
            memory["cpu_s"] = cpu
            memory["VmRSS"] = vm_rss_mb(child.pid)
        except TimeoutError:
            raise RuntimeError(f"no first frame from {argv}; see {workdir / 'child.log'}") from None
        finally:
            child.terminate()
            child.wait(timeout=30)
            log.close()
            address.unlink(missing_ok=True)
    return elapsed, memory


def timed(argv: list[str], env: dict[str, str], workdir: Path) -> float:
    started = time.perf_counter()
    with (workdir / "child.log").open("ab") as log:
        subprocess.run(argv, env=env, stdout=log, stderr=log, check=True, cwd=workdir)
    return time.perf_counter() - started


# The first rounds of the soak still fill bounded caches (glyphs in each language,
# Qt's gradient cache, decoded pictures) and raise the heap's high-water mark; from
# here on, growth is what a kiosk running for weeks would keep adding.
SLOPE_FROM = 1000
SAMPLE_EVERY = 500  # soak navigations between two samples (each after a 1.5 s rest)


def soak_slope(samples: list[dict[str, float]]) -> float:
    """Anonymous MB per 1,000 navigations, least squares over the samples taken at
    ``SLOPE_FROM`` navigations or later (NaN with fewer than three): a step in the
    first rounds and a steady leak look alike in the growth from start to end."""
    points = [(p["navigations"], p["anon"]) for p in samples if p["navigations"] >= SLOPE_FROM]
    if len(points) < 3:
        return float("nan")
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    if not spread:
        return float("nan")
    return 1000 * sum((x - mean_x) * (y - mean_y) for x, y in points) / spread


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (no interpolation between two samples)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


class Bench:
    def __init__(self, args: argparse.Namespace) -> None:
        self.quick = args.quick
        self.runs = args.runs or (2 if args.quick else 5)
        self.env = environment()  # offscreen, software scene graph
        # the taps (nav, soak, states) on a real X server with the kiosk's own choice of
        # scene graph, as a museum's kiosk draws (QSG_RHI_BACKEND=opengl passes through)
        self.nav_env = x_environment(args.display) if args.display else self.env
        self.tmp = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
        self.keep = args.keep
        self.kiosk = _kiosk_command()
        self.base: Path | None = args.base.resolve() if args.base else None
        self.results: dict[str, Any] = {}
        self.notes: list[str] = []

    def section(self, title: str) -> None:
        print(f"-- {title}", flush=True)

    def fresh(self, name: str) -> Path:
        path = self.tmp / name
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir(parents=True)
        return path

    # start-up -------------------------------------------------------------------

    def start_up(self) -> None:
        """Floor, warm start and first run, one of each per round, rounds interleaved
        (with ``--base``, that checkout's kiosk too): the machine's load drifts, so each
        ratio is taken within a round, and the median over rounds is reported."""
        self.section(f"start-up, {self.runs} runs each, interleaved")
        warm = self._prepared("cache-warm", self.kiosk, self.env)
        if self.base is not None:
            # its own cache: a checkout whose parsed-content format differs would
            # replace the other's cached set at every start, and both would parse
            base_env = {**self.env, "PYTHONPATH": str(self.base)}
            base_kiosk = [str(self.base / ".venv" / "bin" / "kiosk")]
            warm_base = self._prepared("cache-warm-base", base_kiosk, base_env)
        state = self.fresh("state")
        kept = self.tmp / "floor-pyside-support.marshal"  # the kept floor's own
        kinds: dict[str, list[tuple[float, dict[str, float]]]] = {
            "floor": [],
            "kept_floor": [],
            "text_floor": [],
            "cold": [],
            "first": [],
        }
        if self.base is not None:
            kinds.update(base_cold=[], base_first=[])
        for run in range(self.runs + 1):  # run 0 warms the page cache and the QML disk cache
            seen = {"floor": time_to_first_frame(floor_command(), self.env, self.tmp)}
            seen["kept_floor"] = time_to_first_frame(floor_command(kept=kept), self.env, self.tmp)
            seen["text_floor"] = time_to_first_frame(floor_command(text=True), self.env, self.tmp)
            own = ("cold", "first", self.kiosk, self.env, warm)
            base = (
                ("base_cold", "base_first", base_kiosk, base_env, warm_base)
                if self.base is not None
                else None
            )
            # this checkout and --base take turns going first: the second of two
            # starts in a row finds more of the first's pages in the cache
            order = [own] if base is None else [own, base] if run % 2 else [base, own]
            for cold, first, kiosk, env, cache in order:
                seen[cold] = time_to_first_frame(
                    self._run_args(REPO / "exhibits", cache, state, kiosk), env, self.tmp
                )
                empty = self.fresh(f"cache-empty-{cold}-{run}")
                seen[first] = time_to_first_frame(
                    self._run_args(REPO / "exhibits", empty, state, kiosk), env, self.tmp
                )
            if run == 0:
                continue
            for kind, value in seen.items():
                kinds[kind].append(value)
            line = "  ".join(
                f"{kind} {value[0]:.3f} s (cpu {value[1]['cpu_s']:.3f}) {value[1]['Pss']:.0f} MB"
                for kind, value in seen.items()
            )
            print(f"   run {run}: {line}", flush=True)

        def ratios(kind: str, of: str = "Pss") -> float:
            """Median over rounds of the kiosk's figure over the floor's, same round."""
            pairs = zip(kinds[kind], kinds["floor"], strict=True)
            if of == "time":
                return median([k[0] / f[0] for k, f in pairs])
            return median([k[1][of] / f[1][of] for k, f in pairs])

        self.results.update(
            floor_start_s=median([t for t, _ in kinds["floor"]]),
            cold_start_s=median([t for t, _ in kinds["cold"]]),
            first_run_start_s=median([t for t, _ in kinds["first"]]),
            cold_start_ratio=ratios("cold", "time"),
            first_run_start_ratio=ratios("first", "time"),
            text_floor_start_ratio=ratios("text_floor", "time"),
            kept_floor_start_ratio=ratios("kept_floor", "time"),
            cold_over_kept_floor=median(
                [k[0] / t[0] for k, t in zip(kinds["cold"], kinds["kept_floor"], strict=True)]
            ),
            cold_over_text_floor=median(
                [k[0] / t[0] for k, t in zip(kinds["cold"], kinds["text_floor"], strict=True)]
            ),
            text_floor_pss_ratio=ratios("text_floor"),
            floor_cpu_s=median([m["cpu_s"] for _, m in kinds["floor"]]),
            cold_cpu_s=median([m["cpu_s"] for _, m in kinds["cold"]]),
            cold_cpu_ratio=ratios("cold", "cpu_s"),
            first_run_cpu_ratio=ratios("first", "cpu_s"),
            floor_pss_mb=median([m["Pss"] for _, m in kinds["floor"]]),
            pss_mb_start=median([m["Pss"] for _, m in kinds["cold"]]),
            pss_ratio=ratios("cold"),
            pss_mb_first_run=median([m["Pss"] for _, m in kinds["first"]]),
            cli_rss_mb_start=median([m["VmRSS"] for _, m in kinds["cold"]]),
            cli_rss_mb_first_run=median([m["VmRSS"] for _, m in kinds["first"]]),
        )
        for part in ("Pss_Anon", "Pss_File"):
            self.results[f"floor_{part.lower()}_mb"] = median([m[part] for _, m in kinds["floor"]])
            self.results[f"{part.lower()}_mb_start"] = median([m[part] for _, m in kinds["cold"]])
        if self.base is not None:
            self.results.update(
                base_cold_start_s=median([t for t, _ in kinds["base_cold"]]),
                base_first_run_start_s=median([t for t, _ in kinds["base_first"]]),
                base_cold_start_ratio=ratios("base_cold", "time"),
                base_first_run_start_ratio=ratios("base_first", "time"),
                base_pss_mb_start=median([m["Pss"] for _, m in kinds["base_cold"]]),
                base_pss_ratio=ratios("base_cold"),
                base_pss_anon_mb_start=median([m["Pss_Anon"] for _, m in kinds["base_cold"]]),
                base_cold_cpu_s=median([m["cpu_s"] for _, m in kinds["base_cold"]]),
                base_cold_cpu_ratio=ratios("base_cold", "cpu_s"),
                base_first_run_cpu_ratio=ratios("base_first", "cpu_s"),
            )
            for kind in ("cold", "first"):
                difference, faster = paired(
                    [t for t, _ in kinds[kind]], [t for t, _ in kinds[f"base_{kind}"]]
                )
                self.results[f"base_paired_{kind}_ms"] = difference
                self.results[f"base_paired_{kind}_faster"] = faster
        self.notes.append(f"load during start-up runs: {_load()}")

    def _prepared(self, name: str, kiosk: list[str], env: dict[str, str]) -> Path:
        """A rendition cache with every rendition and the parsed content in it."""
        cache = self.fresh(name)
        timed([*kiosk, "prepare", "--cache", str(cache)], env, self.tmp)
        # and for the screen the kiosk sees: the offscreen platform's is 800x800, and a
        # kiosk missing its screen renditions builds them (Pillow, OpenSSL) right after
        # its first frame, inside the 1.5 s before its memory is read
        timed(
            [*kiosk, "prepare", "--cache", str(cache), "--screen", OFFSCREEN_SCREEN], env, self.tmp
        )
        return cache

    def _run_args(
        self, content: Path, cache: Path, state: Path, kiosk: list[str] | None = None
    ) -> list[str]:
        return windowed_start(kiosk or self.kiosk, content, cache, state)

    # navigation and soak ------------------------------------------------------------

    def navigation(self) -> None:
        navigations = 200 if self.quick else 400
        soak = 1000 if self.quick else 10_000
        self.section(f"tap-to-page ({navigations} navigations) and soak ({soak}), one process")
        report = self._nav_child(navigations, soak, idle_s=0 if self.quick else 35)
        self._tap_figures(report)
        self._soak_figures(report)

    def soak(self) -> None:
        """The memory soak alone (issue 24: no more than +10 MB after 10,000
        navigations): each feature opened once, one round of every screen (50 taps,
        timed but not reported), then the navigations. The full run also reads RSS
        after 35 s at rest, once Qt Quick has dropped the decoded pictures of the
        screens left (it keeps up to 2 MB of them for 30 s)."""
        soak = 1000 if self.quick else 10_000
        self.section(f"memory soak: {soak} navigations, one process")
        report = self._nav_child(50, soak, idle_s=0 if self.quick else 35)
        self._soak_figures(report)

    def states(self) -> None:
        """The timed taps again in a visitor's other states (no soak): the target is every
        tap kind, and the text size, the contrast and a portrait screen change what a
        tap lays out and draws. Each round's visitor chooses the state at home with the
        bar's buttons (timed too), after the idle reset put it back."""
        navigations = 100 if self.quick else 200
        self.section(f"tap-to-page in other states ({navigations} navigations each)")
        figures: dict[str, dict[str, Any]] = {}
        for name, options in STATES:
            report = self._nav_child(navigations, 0, idle_s=0, options=options)
            latency = report["latency"]["latencies_ms"]
            taps = {kind: v for kind, v in sorted(latency.items()) if kind.startswith("tap:")}
            figures[name] = {
                "tap_kind_p95_worst_ms": max(
                    (percentile(v, 95) for v in taps.values()), default=float("nan")
                ),
                "by_kind": {
                    kind: {"n": len(v), "p50": percentile(v, 50), "p95": percentile(v, 95)}
                    for kind, v in taps.items()
                },
                "first_open_ms": report.get("first_open_ms", {}),
            }
        self.results["states"] = figures
        self.results["state_tap_kind_p95_worst_ms"] = max(
            (f["tap_kind_p95_worst_ms"] for f in figures.values()), default=float("nan")
        )

    def _nav_child(
        self, navigations: int, soak: int, idle_s: float, options: list[str] | None = None
    ) -> dict[str, Any]:
        cache = self.tmp / "cache-warm"
        if not cache.exists():  # --only nav / soak: the start-up part made none
            timed([*self.kiosk, "prepare", "--cache", str(cache)], self.env, self.tmp)
        out = self.tmp / "nav.json"
        started = time.perf_counter()
        child = subprocess.run(
            [
                PYTHON,
                str(HERE / "nav_child.py"),
                "--cache",
                str(cache),
                "--state",
                str(self.fresh("nav-state")),
                "--navigations",
                str(navigations),
                "--soak",
                str(soak),
                "--sample-every",
                str(SAMPLE_EVERY),
                "--out",
                str(out),
                "--gap-ms",
                "250",  # a little more than the 220 ms page fade
                "--swipe-every",
                "2" if self.quick else "1",
                "--idle-s",
                str(idle_s),
                *(options or []),
            ],
            env=self.nav_env,
            check=False,
            cwd=self.tmp,
        )
        report = json.loads(out.read_text(encoding="utf-8"))
        if child.returncode != 0:
            self.notes.append(
                f"the kiosk process DIED (exit {child.returncode}) after "
                f"{report.get('soak_navigations', 0)} soak navigations; Py_True refcount "
                f"{report.get('true_refcount_start')} at start, {report.get('true_refcount')} "
                "at the last save: see the report"
            )
            report.setdefault("soak", {"timeouts": []})
            report.setdefault("rss_mb_after_soak", float("nan"))
            report.setdefault("pss_mb_after_soak", float("nan"))
            report.setdefault("rss_mb_after_soak_idle", float("nan"))
            report.setdefault("items_after_soak", -1)
            report.setdefault("qml_warning_count", -1)
            report.setdefault("qml_warnings", [])
            report.setdefault("soak_s", float("nan"))
            report.setdefault("soak_navigations", 0)
        self.notes.append(
            f"navigation child ran {time.perf_counter() - started:.0f} s; probe "
            f"(tree walk per frame) median {report['latency']['probe_ms_median']:.2f} ms; "
            f"load at its end: {_load()}"
        )
        if report["qml_warnings"]:
            self.notes.append("QML warnings: " + " | ".join(report["qml_warnings"][:3]))
        timeouts = report["latency"]["timeouts"] + report["soak"]["timeouts"]
        if timeouts:
            self.notes.append(
                f"{len(timeouts)} navigations timed out or missed: " + "; ".join(timeouts[:4])
            )
        report_dict: dict[str, Any] = report
        return report_dict

    def _tap_figures(self, report: dict[str, Any]) -> None:
        latency = report["latency"]["latencies_ms"]
        taps = [ms for kind, values in latency.items() if kind.startswith("tap:") for ms in values]
        swipes = [
            ms for kind, values in latency.items() if kind.startswith("swipe:") for ms in values
        ]
        everything = [ms for values in latency.values() for ms in values]
        self.results.update(
            tap_to_page_ms_p50=percentile(taps, 50),
            tap_to_page_ms_p95=percentile(taps, 95),
            tap_count=len(taps),
            navigations_timed=report["latency"]["navigations"],
            swipe_to_settled_ms_p50=percentile(swipes, 50),
            all_navigations_ms_p95=percentile(everything, 95),
            tap_kind_p95_worst_ms=max(
                (percentile(v, 95) for kind, v in latency.items() if kind.startswith("tap:")),
                default=float("nan"),
            ),
        )
        self.results["first_open_ms"] = report.get("first_open_ms", {})
        cpu = report["latency"].get("cpu_ms", {})
        all_cpu = report["latency"].get("all_cpu_ms", {})
        wait = report["latency"].get("wait_ms", {})
        self.results["tap_to_page_by_kind_ms"] = {
            kind: {
                "n": len(v),
                "p50": percentile(v, 50),
                "p95": percentile(v, 95),
                "cpu_p50": percentile(cpu.get(kind, []), 50),
                "all_cpu_p50": percentile(all_cpu.get(kind, []), 50),
                "wait_p95": percentile(wait.get(kind, []), 95),
            }
            for kind, v in sorted(latency.items())
        }

    def _soak_figures(self, report: dict[str, Any]) -> None:
        """Memory before and after the soak: PSS 1.5 s after the first frame
        (``nav_pss_mb_start``), after one round of every screen, after the soak."""
        after = report["pss_mb_after_soak"]
        nan = float("nan")
        self.results.update(
            nav_pss_mb_start=report["pss_mb_start"],
            pss_mb_after_soak=after,
            pss_mb_after_warmup=report.get("pss_mb_after_warmup", nan),
            soak_pss_growth_mb=after - report["pss_mb_start"],
            soak_pss_growth_after_warmup_mb=after - report.get("pss_mb_after_warmup", nan),
            soak_anon_mb_start=report.get("anon_mb_start", nan),
            soak_anon_growth_mb=report.get("anon_mb_after_soak", nan)
            - report.get("anon_mb_start", nan),
            soak_anon_growth_after_warmup_mb=report.get("anon_mb_after_soak", nan)
            - report.get("anon_mb_after_warmup", nan),
            # the growth in three parts: each feature's first opening, the timed
            # navigations (every screen in every language, the first time), the soak
            soak_anon_growth_openings_mb=report.get("anon_mb_after_first_openings", nan)
            - report.get("anon_mb_start", nan),
            soak_anon_growth_first_round_mb=report.get("anon_mb_after_warmup", nan)
            - report.get("anon_mb_after_first_openings", nan),
            # the C heaps' own count: of the growth, blocks still in use, and room left
            # free between them (the two can move apart from anonymous memory: large
            # blocks are mapped alone, and freed room in whole pages is handed back)
            soak_heap_in_use_growth_mb=heap_growth(report, "in_use"),
            soak_heap_free_growth_mb=heap_growth(report, "free"),
            soak_heap_growth_after_warmup_mb=heap_growth(report, "in_use", "after_warmup"),
            rss_mb_start=report["rss_mb_start"],
            rss_mb_after_warmup=report["rss_mb_after_warmup"],
            rss_mb_after_soak=report["rss_mb_after_soak"],
            rss_mb_after_soak_idle=report["rss_mb_after_soak_idle"],
            soak_navigations=report["soak_navigations"],
            soak_s=report["soak_s"],
            items_start=report["items_start"],
            items_after_soak=report["items_after_soak"],
            python_objects_start=report.get("python_objects_start", -1),
            python_objects_after_soak=report.get("python_objects_after_soak", -1),
            qml_warning_count=report["qml_warning_count"],
            nav_timeouts=len(report["latency"]["timeouts"]) + len(report["soak"]["timeouts"]),
        )
        self.results["soak_memory"] = report.get("soak_memory", [])
        self.results["soak_anon_slope_mb_per_1000"] = soak_slope(self.results["soak_memory"])

    # kiosk prepare ------------------------------------------------------------------

    def prepare(self) -> None:
        photos = 8 if self.quick else 24
        runs = 2 if self.quick else 3
        self.section(f"kiosk prepare on {photos} camera JPEGs (6000x4000), {runs} runs")
        site = sitegen.camera_site(self.fresh("camera-site") / "exhibits", photos)
        rates = []
        for _ in range(runs):
            cache = self.fresh("cache-prepare")
            seconds = timed(
                [*self.kiosk, "prepare", "--cache", str(cache), str(site)], self.env, self.tmp
            )
            rates.append(photos / seconds)
            print(f"   {photos} images in {seconds:.2f} s", flush=True)
        self.results["prepare_images_per_s"] = median(rates)
        self.results["prepare_photos"] = photos

    # scale --------------------------------------------------------------------------

    def scale(self) -> None:
        exhibits = 1000
        runs = 2 if self.quick else 3
        self.section(f"scale: {exhibits} exhibits x 10 images, {runs} runs")
        site = sitegen.scale_site(self.fresh("scale-site") / "exhibits", exhibits, 10)
        validate = []
        for _ in range(runs):
            validate.append(timed([*self.kiosk, "validate", str(site)], self.env, self.tmp))
            print(f"   validate {validate[-1]:.2f} s", flush=True)
        cache = self.fresh("cache-scale")
        if self.quick:  # preparing 20,000 renditions takes about a minute (one fsync each)
            self.notes.append(
                "quick run: scale start-up measured with an EMPTY rendition cache "
                "(renditions build in the background); the full run prepares it"
            )
        else:
            seconds = timed(
                [*self.kiosk, "prepare", "--cache", str(cache), str(site)], self.env, self.tmp
            )
            self.notes.append(
                f"scale cache prepared ({exhibits * 10} images) in {seconds:.0f} s, untimed"
            )
        state = self.fresh("scale-state")
        starts, rss = [], []
        for _ in range(runs):
            s, memory = time_to_first_frame(
                self._run_args(site, cache, state), self.env, self.tmp, settle_s=2.0
            )
            starts.append(s)
            rss.append(memory["VmRSS"])
            print(f"   start {s:.3f} s, RSS {memory['VmRSS']:.0f} MB", flush=True)
        self.results.update(
            scale_exhibits=exhibits,
            scale_validate_s=median(validate),
            scale_start_s=median(starts),
            scale_rss_mb=median(rss),
        )

    def close(self) -> None:
        if not self.keep:
            shutil.rmtree(self.tmp, ignore_errors=True)


def heap_growth(report: dict[str, Any], key: str, since: str = "start") -> float:
    """``nav_child.heap_mb``'s ``key`` after the soak minus at ``since``; NaN if either
    is missing (an older child, or a C library without ``mallinfo2``)."""
    nan = float("nan")
    after = report.get("heap_mb_after_soak", {}).get(key, nan)
    return float(after - report.get(f"heap_mb_{since}", {}).get(key, nan))


FRAME_MS = 1000 / 60  # one frame at 60 Hz

# The visitor's states the ``states`` part times the taps in, besides the default one:
# each name with nav_child's options for it.
STATES: list[tuple[str, list[str]]] = [
    ("text 150 %", ["--text-scale", "1.5"]),
    ("contrast", ["--contrast"]),
    ("portrait", ["--size", "1080x1920"]),
    (
        "portrait, text 125 %, contrast",
        ["--size", "1080x1920", "--text-scale", "1.25", "--contrast"],
    ),
]


def targets(r: dict[str, Any]) -> list[tuple[str, str, Callable[[], bool]]]:
    """Issue 24's targets: start-up and memory as ratios to the empty window measured
    in the same rounds, every kind of tap within one frame."""
    r = {**r}
    for name in ("nav_pss_mb_start", "cold_start_s"):
        r.setdefault(name, float("nan"))
    return [
        ("cold_start_ratio", "<= 1.2 x floor", lambda: r["cold_start_ratio"] <= 1.2),
        ("first_run_start_ratio", "<= 1.5 x floor", lambda: r["first_run_start_ratio"] <= 1.5),
        ("pss_ratio", "<= 1.3 x floor PSS", lambda: r["pss_ratio"] <= 1.3),
        (
            "soak_pss_growth_mb",
            f"<= +10 MB (PSS, {r.get('soak_navigations', 0)} navigations)",
            lambda: r["soak_pss_growth_mb"] <= 10,
        ),
        (
            "tap_kind_p95_worst_ms",
            f"<= {FRAME_MS:.1f} (one frame)",
            lambda: r["tap_kind_p95_worst_ms"] <= FRAME_MS,
        ),
        (
            "state_tap_kind_p95_worst_ms",
            f"<= {FRAME_MS:.1f} (other text sizes, contrast, portrait)",
            lambda: r["state_tap_kind_p95_worst_ms"] <= FRAME_MS,
        ),
        ("prepare_images_per_s", ">= 8", lambda: r["prepare_images_per_s"] >= 8),
        ("scale_validate_s", "<= 5", lambda: r["scale_validate_s"] <= 5),
        (
            "scale_start_s",
            f"<= 2 x cold = {2 * r['cold_start_s']:.3f}",
            lambda: r["scale_start_s"] <= 2 * r["cold_start_s"],
        ),
        ("scale_rss_mb", "<= 300", lambda: r["scale_rss_mb"] <= 300),
    ]


INFO = [
    ("floor_start_s", "empty Qt Quick window, spawn to first frame"),
    ("kept_floor_start_ratio", "kept floor (the window, PySide's support code kept) over it"),
    ("cold_over_kept_floor", "kiosk, warm caches, over the kept floor (same rounds)"),
    ("text_floor_start_ratio", "text floor (the window, five lines of the font) over it"),
    ("cold_over_text_floor", "kiosk, warm caches, over the text floor (same rounds)"),
    ("text_floor_pss_ratio", "text floor's PSS over the floor's"),
    ("cold_start_s", "kiosk, warm caches, spawn to first frame (median)"),
    ("first_run_start_s", "kiosk, empty rendition cache (median)"),
    ("floor_cpu_s", "empty window, CPU time (all threads, children) at its first frame"),
    ("cold_cpu_s", "kiosk, warm caches, CPU time at its first frame"),
    ("cold_cpu_ratio", "  over the floor's (median of rounds): the work, without the waiting"),
    ("first_run_cpu_ratio", "same, empty rendition cache"),
    ("floor_pss_mb", "empty window, PSS 1.5 s after its first frame"),
    ("pss_mb_start", "kiosk, PSS 1.5 s after its first frame"),
    ("pss_anon_mb_start", "  of which anonymous (heaps)"),
    ("floor_pss_anon_mb", "  the floor's anonymous"),
    ("pss_mb_first_run", "kiosk with an empty cache, renditions building (info)"),
    ("base_cold_start_ratio", "--base checkout: warm start over the floor"),
    ("base_first_run_start_ratio", "--base checkout: empty cache over the floor"),
    ("base_pss_ratio", "--base checkout: PSS over the floor"),
    ("base_pss_anon_mb_start", "--base checkout: anonymous PSS"),
    ("base_cold_cpu_ratio", "--base checkout: CPU time at first frame over the floor's"),
    ("base_first_run_cpu_ratio", "--base checkout: same, empty cache"),
    ("base_paired_cold_ms", "this checkout's warm start minus --base's, median of rounds (ms)"),
    ("base_paired_cold_faster", "  rounds where this checkout's was the faster"),
    ("base_paired_first_ms", "same, empty cache (ms)"),
    ("base_paired_first_faster", "  rounds where this checkout's was the faster"),
    ("tap_to_page_ms_p50", "tap to page drawn, all taps, median"),
    ("tap_to_page_ms_p95", "same, 95th percentile"),
    ("cli_rss_mb_start", "kiosk command, VmRSS 1.5 s after first frame (info)"),
    ("cli_rss_mb_first_run", "same, empty cache, renditions building (info)"),
    ("tap_count", "timed taps in the tap-to-page figures"),
    ("swipe_to_settled_ms_p50", "gallery swipe: finger up to caption updated (info)"),
    ("all_navigations_ms_p95", "p95 over taps, swipes and idle resets (info)"),
    ("nav_pss_mb_start", "soak process: PSS 1.5 s after its first frame"),
    ("pss_mb_after_warmup", "  after each feature opened once and one round of every screen"),
    ("pss_mb_after_soak", "  after the soak's navigations"),
    ("soak_pss_growth_after_warmup_mb", "  growth during the soak itself (after the first round)"),
    ("soak_anon_mb_start", "soak process: anonymous PSS (its own heaps) at start"),
    ("soak_anon_growth_mb", "  its growth (PSS also moves as other processes come and go)"),
    ("soak_anon_growth_openings_mb", "  of it, each feature opened once"),
    ("soak_anon_growth_first_round_mb", "  of it, the timed taps (each screen and language)"),
    ("soak_anon_growth_after_warmup_mb", "  same, after the first round"),
    ("soak_heap_in_use_growth_mb", "  C heaps: growth of the blocks in use (mallinfo2)"),
    ("soak_heap_free_growth_mb", "  C heaps: growth of the room free between them"),
    ("soak_heap_growth_after_warmup_mb", "  C heaps: blocks in use, after the first round"),
    (
        "soak_anon_slope_mb_per_1000",
        f"  its slope from {SLOPE_FROM:,} navigations on, MB per 1,000 (info)",
    ),
    ("rss_mb_start", "navigation process: VmRSS at start (info)"),
    ("rss_mb_after_soak", "VmRSS after the soak (info)"),
    ("rss_mb_after_warmup", "after one round of every screen and language (info)"),
    ("rss_mb_after_soak_idle", "after the soak and 35 s at rest (full run only)"),
    ("soak_navigations", "navigations in the soak"),
    ("soak_s", "soak duration"),
    ("items_start", "live QQuickItems at start"),
    ("items_after_soak", "live QQuickItems after the soak"),
    ("python_objects_start", "Python objects tracked by the collector at start"),
    ("python_objects_after_soak", "same after the soak"),
    ("qml_warning_count", "QML warnings during the navigation run"),
    ("scale_exhibits", "exhibits in the scale set (10 images each)"),
]


def print_table(r: dict[str, Any]) -> None:
    print()
    print(f"{'metric':<32} {'value':>10}  {'target':<36} result")
    print("-" * 90)
    for name, target, check in targets(r):
        if name in r:  # a part left out with --only has no figure
            print(f"{name:<32} {r[name]:>10.3f}  {target:<36} {'PASS' if check() else 'MISS'}")
    print("-" * 90)
    for name, text in INFO:
        if name in r:
            value = r[name]
            shown = f"{value:>10.3f}" if isinstance(value, float) else f"{value:>10}"
            print(f"{name:<32} {shown}  {text}")
    print()
    print(
        "tap-to-page by kind (ms; cpu: the main thread's, tap to its first frame there;"
        " all: every thread's, tap to the end, pictures decoded; waited: the main thread"
        " ready to run without a core, tap to its first frame):"
    )
    for kind, stats in r.get("tap_to_page_by_kind_ms", {}).items():
        print(
            f"  {kind:<28} n={stats['n']:<4} p50={stats['p50']:7.1f}  p95={stats['p95']:7.1f}"
            f"  cpu p50={stats.get('cpu_p50', float('nan')):6.1f}"
            f"  all p50={stats.get('all_cpu_p50', float('nan')):6.1f}"
            f"  waited p95={stats.get('wait_p95', float('nan')):5.1f}"
        )
    if r.get("soak_memory"):
        print("memory during the soak, at home after a rest (MB): navigations, RSS, PSS, anon")
        for point in r["soak_memory"]:
            print(
                f"  {point['navigations']:>6}  {point['rss']:7.1f}  {point['pss']:7.1f}"
                f"  {point['anon']:7.1f}"
            )
    for state, figures in r.get("states", {}).items():
        print(f"tap-to-page by kind, {state} (ms):")
        for kind, stats in figures["by_kind"].items():
            print(
                f"  {kind:<28} n={stats['n']:<4} p50={stats['p50']:7.1f}  p95={stats['p95']:7.1f}"
            )
    if r.get("first_open_ms"):
        print("first opening of each feature created on first use, trigger to frame (ms):")
        for feature, ms in r["first_open_ms"].items():
            print(f"  {feature:<28} {ms:7.1f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller run, under 3 minutes")
    parser.add_argument("--json", type=Path, help="write the figures to this JSON file")
    parser.add_argument("--runs", type=int, help="start-up runs per variant (default 5, quick 3)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument(
        "--base",
        type=Path,
        help="start-up only: also time this checkout's kiosk (its .venv), interleaved (A/B)",
    )
    parser.add_argument(
        "--display",
        help="nav, soak and states only: run the kiosk on this X server (Xvfb :9, say) "
        "with its own choice of scene graph (software without a GPU; QSG_RHI_BACKEND=opengl "
        "in this environment for OpenGL) instead of offscreen with the software one",
    )
    parser.add_argument(
        "--only",
        choices=["start", "nav", "soak", "states", "prepare", "scale"],
        action="append",
        help="run only these parts (repeatable; soak: the memory soak without the timed "
        "taps, which nav includes); the table needs all",
    )
    args = parser.parse_args()

    started = time.perf_counter()
    bench = Bench(args)
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(REPO / "kiosk")], check=True)
    if bench.base is not None:  # the same for the other checkout, or it compiles every start
        subprocess.run([PYTHON, "-m", "compileall", "-q", str(bench.base / "kiosk")], check=True)
    print(f"kiosk bench ({'quick' if args.quick else 'full'} run)")
    print(
        f"  byte-compiled kiosk/ first (python -m compileall kiosk): "
        f"PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r} here"
    )
    print(
        f"  machine: {os.cpu_count()} CPUs (shared with other jobs: expect noise), "
        f"Python {platform.python_version()}, {_qt_version()}"
    )
    print(f"  offscreen, software scene graph, {SIZE}; command: {' '.join(bench.kiosk)}")
    if args.display:
        backend = os.environ.get("QSG_RHI_BACKEND") or "the kiosk's own choice"
        print(f"  taps on X display {args.display}, xcb, scene graph: {backend}")
    print(f"  temp folder: {bench.tmp}", flush=True)
    parts = {
        "start": bench.start_up,
        "nav": bench.navigation,
        "soak": bench.soak,
        "states": bench.states,
        "prepare": bench.prepare,
        "scale": bench.scale,
    }
    try:
        for name, part in parts.items():
            # the soak alone is part of nav, so a full run does it once
            if name in (args.only or ["start", "nav", "states", "prepare", "scale"]):
                part()
    finally:
        bench.close()
    results = bench.results
    results["bench_seconds"] = time.perf_counter() - started
    results["quick"] = args.quick
    results["byte_compiled"] = True
    results["cpus"] = os.cpu_count()
    print_table(results)
    for note in bench.notes:
        print(f"note: {note}")
    print(f"bench took {results['bench_seconds']:.0f} s")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


def _load() -> str:
    """The machine's load averages (1, 5, 15 minutes), for the notes."""
    try:
        return " ".join(Path("/proc/loadavg").read_text(encoding="ascii").split()[:3])
    except OSError:
        return "unknown"


def _qt_version() -> str:
    try:
        import PySide6

        return f"PySide6 {PySide6.__version__}"
    except ImportError:
        return "PySide6 missing"


if __name__ == "__main__":
    sys.exit(main())

"""Where a kiosk's start-up goes: a timeline of its steps up to the first frame.

Run from the repository root with the project's virtualenv::

    python tests/bench/startup_profile.py [--runs 5]

Each run is a real ``kiosk --windowed`` process (offscreen, software scene graph,
1920x1080, warm rendition cache) with a ``sitecustomize`` that wraps the steps of
``kiosk.ui.wiring`` in timers, so the kiosk's code is the one that runs. At READY=1
it writes the times, the live items of the window, the ``objectName`` of every
live item and object, the modules loaded and the Python heap (``tracemalloc`` when
``--tracemalloc``), then the parent reads ``/proc/PID/smaps_rollup`` and
``/proc/PID/smaps`` (anonymous memory by kind of mapping, resident pages by file)
once the frame has settled. Prints the medians per step. Not a pytest module.
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))

from tests.bench.bench import floor_command, smaps_rollup  # noqa: E402
from tests.process import environment  # noqa: E402

HOOK = r'''
import json, os, socket, sys, time
T0 = time.perf_counter()
MARKS = []
OUT = os.environ["PROFILE_OUT"]
if os.environ.get("PROFILE_TRACEMALLOC"):
    import tracemalloc
    tracemalloc.start(int(os.environ["PROFILE_TRACEMALLOC"]))


def mark(name, started):
    MARKS.append((name, 1000 * (started - T0), 1000 * (time.perf_counter() - started)))


def wrap(owner, attr, name=None):
    original = getattr(owner, attr)

    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            mark(name or attr, started)

    setattr(owner, attr, timed)


class Finder:
    """Wrap the steps once their modules are imported."""

    targets = {
        "kiosk.ui.app": [("register_fonts", None), ("MainQml.__init__", None),
                         ("MainQml.create", None), ("build_window", None)],
        "kiosk.ui.wiring": [("_assemble", None), ("ImageChecks.load_initial", None),
                            ("ImageChecks.__init__", None)],
        "kiosk.ui.bridge": [("Kiosk.__init__", None)],
        "kiosk.ui.controller": [("Controller.__init__", None)],
        "kiosk.ui.session": [("make_service", None)],
        "kiosk.ui.readaloud": [("ReadAloud.__init__", None)],
        "kiosk.runtime.reload": [("ReloadController.__init__", None)],
        "kiosk.content.fallback": [],
    }

    busy = set()

    def find_spec(self, name, path=None, target=None):
        if name not in self.targets or name in self.busy:
            return None
        self.busy.add(name)
        import importlib.util
        spec = importlib.util.find_spec(name)
        spec.loader = Wrapping(spec.loader, self.targets[name])
        return spec


class Wrapping:
    """The module's own loader, then timers around the named functions."""

    def __init__(self, loader, targets):  # noqa: D107
        self.loader = loader
        self.targets = targets

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module):
        started = time.perf_counter()
        self.loader.exec_module(module)
        mark("import " + module.__name__, started)
        if module.__name__ in AFTER:
            AFTER[module.__name__](module)
        for dotted, _ in self.targets:
            owner = module
            parts = dotted.split(".")
            for part in parts[:-1]:
                owner = getattr(owner, part)
            wrap(owner, parts[-1], dotted)


sys.meta_path.insert(0, Finder())

_send = socket.socket.sendall


def sendall(self, data, *args):
    if b"READY=1" in data:
        ready = 1000 * (time.perf_counter() - T0)
        report = {"ready_ms": ready, "marks": MARKS, "modules": sorted(sys.modules)}
        try:
            from PySide6.QtGui import QGuiApplication
            from PySide6.QtQuick import QQuickWindow
            names, items, objects = [], 0, 0
            for window in QGuiApplication.topLevelWindows():
                if not isinstance(window, QQuickWindow):
                    continue
                stack = [window.contentItem()]
                while stack:
                    item = stack.pop()
                    items += 1
                    if item.objectName():
                        names.append(item.objectName())
                    stack.extend(item.childItems())
                for obj in window.findChildren(object):
                    objects += 1
                    if obj.objectName():
                        names.append(obj.objectName())
            report.update(items=items, objects=objects, names=sorted(set(names)))
        except Exception as error:
            report["error"] = repr(error)
        if os.environ.get("PROFILE_TRACEMALLOC"):
            import tracemalloc
            current, peak = tracemalloc.get_traced_memory()
            snapshot = tracemalloc.take_snapshot()
            top = snapshot.statistics("filename")[:25]
            report["tracemalloc"] = {
                "current_mb": current / 2**20,
                "peak_mb": peak / 2**20,
                "top": [(str(s.traceback[0].filename), s.size / 2**20) for s in top],
            }
        with open(OUT, "w") as out:
            json.dump(report, out)
    return _send(self, data, *args)


socket.socket.sendall = sendall


def _compiled_mark(module):
    """When Main.qml's asynchronous compilation lands on the UI thread."""
    init = module.MainQml.__init__

    def __init__(self, *args, **kwargs):
        init(self, *args, **kwargs)
        started = time.perf_counter()
        name = "Main.qml compiled (since init)"
        self.component.statusChanged.connect(lambda *_: mark(name, started))

    module.MainQml.__init__ = __init__
    create = module.MainQml.create

    def timed_create(self, properties):
        waited = time.perf_counter()
        loading = self.component.isLoading()
        result = create(self, properties)
        if loading:
            MARKS.append(("create: waited for compile", 1000 * (waited - T0), -1))
        return result

    module.MainQml.create = timed_create


AFTER = {"kiosk.ui.app": _compiled_mark}
'''


def run_once(
    argv: list[str], env: dict[str, str], tmp: Path, extra: dict[str, str]
) -> dict[str, Any]:
    hook = tmp / "hook"
    hook.mkdir(exist_ok=True)
    (hook / "sitecustomize.py").write_text(HOOK, encoding="utf-8")
    out = tmp / "profile.json"
    out.unlink(missing_ok=True)
    address = tmp / f"notify-{time.monotonic_ns()}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(str(address))
        sock.settimeout(120)
        child_env = {
            **env,
            **extra,
            "NOTIFY_SOCKET": str(address),
            "PROFILE_OUT": str(out),
            "PYTHONPATH": f"{hook}:{REPO}",
        }
        log = (tmp / "child.log").open("ab")
        started = time.perf_counter()
        child = subprocess.Popen(argv, env=child_env, stdout=log, stderr=log, cwd=tmp)
        try:
            sock.recv(256)
            wall = time.perf_counter() - started
            time.sleep(1.5)
            memory = smaps_rollup(child.pid)
            kinds = mappings(child.pid)
        finally:
            child.terminate()
            child.wait(timeout=30)
            log.close()
            address.unlink(missing_ok=True)
    report = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    report["wall_s"] = wall
    report["smaps"] = memory
    report["mappings"] = kinds
    return report


_ARENA_ALIGN = 64 << 20  # glibc's per-thread malloc arenas start on 64 MB boundaries


def mappings(pid: int) -> dict[str, float]:
    """Where the process's memory is, by kind of mapping (MB, ``/proc/PID/smaps``):
    anonymous memory of the C heap, of the threads' malloc arenas, of thread stacks
    and of other anonymous maps (Python's arenas, decoded pictures, the window's
    backing store, large allocations), then the resident pages of each file mapped
    ("file: NAME"; the QML JavaScript heap is "file: memfd:JSGCHeap:QtQml")."""
    kinds: dict[str, float] = {}
    name, start, size, guard_before = "", 0, 0, False
    previous_guard = False
    with open(f"/proc/{pid}/smaps", encoding="utf-8", errors="replace") as smaps:
        for line in smaps:
            head = line.split()
            if "-" in head[0] and not head[0].endswith(":"):
                low, high = (int(x, 16) for x in head[0].split("-"))
                name = head[5] if len(head) > 5 else ""
                start, size = low, high - low
                guard_before, previous_guard = previous_guard, head[1] == "---p"
            elif head[0] == "Anonymous:" and int(head[1]):
                if name == "[heap]":
                    kind = "anon: C heap (main thread)"
                elif not name and start % _ARENA_ALIGN == 0:
                    kind = "anon: threads' malloc arenas"
                elif name.startswith("[stack") or (guard_before and not name and size == 8 << 20):
                    kind = "anon: thread stacks"  # 8 MB, a guard page below
                elif not name:
                    kind = "anon: other maps (Python arenas, pictures, backing store)"
                else:
                    kind = "anon: in file maps (relocations, data)"
                kinds[kind] = kinds.get(kind, 0.0) + int(head[1]) / 1024
            elif head[0] == "Rss:" and name.startswith("/"):
                key = "file: " + name.rsplit("/", 1)[-1]
                kinds[key] = kinds.get(key, 0.0) + int(head[1]) / 1024
    return kinds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tracemalloc", type=int, default=0, help="frames to keep (0: off)")
    parser.add_argument("--names", action="store_true", help="print the objectNames at READY")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "kiosk")], check=True)
    env = environment()
    tmp = Path(tempfile.mkdtemp(prefix="kiosk-profile-"))
    kiosk = [str(Path(sys.executable).with_name("kiosk"))]
    cache = tmp / "cache"
    subprocess.run(
        [*kiosk, "prepare", "--cache", str(cache)],
        env=env,
        cwd=tmp,
        check=True,
        capture_output=True,
    )
    run_args = [
        *kiosk,
        "--windowed",
        "--size",
        "1920x1080",
        "--cache",
        str(cache),
        "--state-dir",
        str(tmp / "state"),
        str(REPO / "exhibits"),
    ]
    extra = {"PROFILE_TRACEMALLOC": str(args.tracemalloc)} if args.tracemalloc else {}
    kiosk_runs, floor_runs = [], []
    try:
        for run in range(args.runs + 1):
            floor_runs.append(run_once(floor_command(), env, tmp, {}))
            kiosk_runs.append(run_once(run_args, env, tmp, extra))
            if run == 0:  # warms the page cache and the QML disk cache
                kiosk_runs.clear()
                floor_runs.clear()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    summary = _summary(kiosk_runs, floor_runs)
    _print(summary, kiosk_runs[-1], args.names)
    if args.json:
        args.json.write_text(json.dumps(summary, indent=1), encoding="utf-8")
    return 0


def _summary(kiosk_runs: list[dict[str, Any]], floor_runs: list[dict[str, Any]]) -> dict[str, Any]:
    steps: dict[str, list[tuple[float, float]]] = {}
    for report in kiosk_runs:
        for name, at, took in report["marks"]:
            steps.setdefault(name, []).append((at, took))
    med = statistics.median
    return {
        "kiosk_ready_ms": med(r["ready_ms"] for r in kiosk_runs),
        "floor_ready_ms": med(r["ready_ms"] for r in floor_runs),
        "kiosk_wall_s": med(r["wall_s"] for r in kiosk_runs),
        "floor_wall_s": med(r["wall_s"] for r in floor_runs),
        "steps": {
            name: {"at_ms": med(a for a, _ in v), "took_ms": med(t for _, t in v), "n": len(v)}
            for name, v in steps.items()
        },
        "items": med(r.get("items", 0) for r in kiosk_runs),
        "objects": med(r.get("objects", 0) for r in kiosk_runs),
        "floor_items": med(r.get("items", 0) for r in floor_runs),
        "modules": med(len(r["modules"]) for r in kiosk_runs),
        "floor_modules": med(len(r["modules"]) for r in floor_runs),
        "kiosk_smaps": {k: med(r["smaps"][k] for r in kiosk_runs) for k in kiosk_runs[0]["smaps"]},
        "floor_smaps": {k: med(r["smaps"][k] for r in floor_runs) for k in floor_runs[0]["smaps"]},
        "tracemalloc": kiosk_runs[-1].get("tracemalloc"),
        "kiosk_mappings": _median_kinds(kiosk_runs),
        "floor_mappings": _median_kinds(floor_runs),
    }


def _median_kinds(runs: list[dict[str, Any]]) -> dict[str, float]:
    keys = {k for r in runs for k in r["mappings"]}
    return {k: statistics.median(r["mappings"].get(k, 0.0) for r in runs) for k in keys}


def _print(summary: dict[str, Any], last: dict[str, Any], names: bool) -> None:
    print(f"runs: kiosk {summary['steps'] and max(s['n'] for s in summary['steps'].values())}")
    print(
        f"READY (ms after the interpreter's site import): kiosk {summary['kiosk_ready_ms']:.1f}, "
        f"floor {summary['floor_ready_ms']:.1f}"
    )
    print(
        f"spawn to READY: kiosk {summary['kiosk_wall_s']:.3f} s, "
        f"floor {summary['floor_wall_s']:.3f} s"
    )
    print(f"{'step':<40} {'at ms':>8} {'took ms':>8}")
    for name, step in sorted(summary["steps"].items(), key=lambda kv: kv[1]["at_ms"]):
        print(f"{name:<40} {step['at_ms']:8.1f} {step['took_ms']:8.1f}")
    print(
        f"items at READY: kiosk {summary['items']}, floor {summary['floor_items']}; "
        f"QObjects under the window: {summary['objects']}"
    )
    print(f"modules at READY: kiosk {summary['modules']}, floor {summary['floor_modules']}")
    print("smaps_rollup (MB)    kiosk    floor")
    for key in summary["kiosk_smaps"]:
        print(f"  {key:<16} {summary['kiosk_smaps'][key]:8.1f} {summary['floor_smaps'][key]:8.1f}")
    kiosk_kinds, floor_kinds = summary["kiosk_mappings"], summary["floor_mappings"]
    print("by mapping (MB, medians)                                  kiosk    floor     more")
    for key in sorted(
        set(kiosk_kinds) | set(floor_kinds),
        key=lambda k: (not k.startswith("anon"), -(kiosk_kinds.get(k, 0) - floor_kinds.get(k, 0))),
    ):
        mine, floor = kiosk_kinds.get(key, 0.0), floor_kinds.get(key, 0.0)
        if key.startswith("anon") or abs(mine - floor) >= 0.1:
            print(f"  {key[:55]:<55} {mine:7.2f} {floor:8.2f} {mine - floor:+8.2f}")
    if summary["tracemalloc"]:
        tm = summary["tracemalloc"]
        print(f"tracemalloc: {tm['current_mb']:.1f} MB live, peak {tm['peak_mb']:.1f} MB")
        for filename, mb in tm["top"]:
            print(f"  {mb:6.2f} MB  {filename}")
    if names:
        print("objectNames at READY:", " ".join(last.get("names", [])))


if __name__ == "__main__":
    sys.exit(main())

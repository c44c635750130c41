"""What is alive in the soak's kiosk process, at each memory sample.

Used by ``nav_child.py`` when ``KIOSK_SOAK_PROBE=FILE`` is set: one JSON line per
sample with anonymous memory, glibc's heap statistics, Python objects by type,
QObjects under the window and the engine, items in the visual tree and, when
``tracemalloc`` is tracing (``PYTHONTRACEMALLOC=N``), the Python allocations that
grew most since the previous sample; after every soak navigation, the heaps' size
and use (their high-water mark moves there, not at the samples). With
``KIOSK_SOAK_PROBE_GC=1`` it also collects the JavaScript garbage after every
navigation, to tell the garbage waiting for a collection from the rest. For finding
what grows between rounds; the bench's own figures do not use it.

    KIOSK_SOAK_PROBE=/tmp/probe.jsonl python tests/bench/nav_child.py --cache C \
        --state S --out R.json --navigations 50 --soak 3000 --sample-every 250
"""

from __future__ import annotations

import ctypes
import gc
import json
import os
import tempfile
import tracemalloc
from collections import Counter
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from PySide6.QtCore import QObject

_MALLINFO2 = (
    "arena",
    "ordblks",
    "smblks",
    "hblks",
    "hblkhd",
    "usmblks",
    "fsmblks",
    "uordblks",
    "fordblks",
    "keepcost",
)


class _Mallinfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in _MALLINFO2]


def mallinfo2() -> dict[str, float]:
    """glibc's main-arena-and-threads heap totals, in MB (blocks counted where held)."""
    try:
        call = ctypes.CDLL("libc.so.6").mallinfo2
    except (OSError, AttributeError):
        return {}
    call.restype = _Mallinfo2
    info = call()
    return {name: getattr(info, name) / 2**20 for name in _MALLINFO2}


def arenas() -> list[dict[str, float]]:
    """Each malloc arena's size in use by the system and its free bytes, in MB
    (``malloc_info``): the main thread's arena first, then the threads'."""
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return []
    libc.fopen.restype = ctypes.c_void_p
    libc.fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    libc.fclose.argtypes = [ctypes.c_void_p]
    libc.malloc_info.argtypes = [ctypes.c_int, ctypes.c_void_p]
    with tempfile.NamedTemporaryFile(suffix=".xml") as out:
        stream = libc.fopen(out.name.encode(), b"w")
        libc.malloc_info(0, stream)
        libc.fclose(stream)
        root = ElementTree.parse(out.name).getroot()
    result = []
    for heap in root.iter("heap"):
        free = sum(int(t.get("size", 0)) for t in heap.findall("total"))
        current = next(
            (int(t.get("size", 0)) for t in heap.findall("system") if t.get("type") == "current"),
            0,
        )
        result.append(
            {"heap": int(heap.get("nr", -1)), "current": current / 2**20, "free": free / 2**20}
        )
    return result


def sqlite_memory() -> float:
    """SQLite's own allocations in MB (its page caches), process-wide."""
    try:
        lib = ctypes.CDLL("libsqlite3.so.0")
    except OSError:
        return float("nan")
    current, high = ctypes.c_int64(), ctypes.c_int64()
    lib.sqlite3_status64(0, ctypes.byref(current), ctypes.byref(high), 0)
    return current.value / 2**20


def smaps() -> dict[str, float]:
    """Anonymous memory of the process by kind of mapping (heap, other anonymous)."""
    totals: dict[str, float] = {}
    name = ""
    with open("/proc/self/smaps", encoding="ascii", errors="replace") as lines:
        for line in lines:
            head = line.split()
            if head and "-" in head[0] and not head[0].endswith(":"):
                name = head[5] if len(head) > 5 else "[anon]"
                if name not in ("[heap]", "[anon]", "[stack]"):
                    name = "file"
            elif line.startswith("Anonymous:"):
                totals[name] = totals.get(name, 0.0) + int(head[1]) / 1024
    return totals


class Probe:
    def __init__(self, kw: Any, out: Path) -> None:
        self.kw = kw
        self.out = out
        self.types: Counter[str] = Counter()
        self.qtypes: Counter[str] = Counter()
        self.snapshot: tracemalloc.Snapshot | None = None
        self.steps: list[tuple[str, float, float]] = []
        out.write_text("", encoding="utf-8")

    def step(self, label: str) -> None:
        """After each navigation: the heaps' size (their high-water mark) and use."""
        if os.environ.get("KIOSK_SOAK_PROBE_GC"):  # experiment: no JavaScript garbage kept
            self.kw.engine.collectGarbage()
        info = mallinfo2()
        self.steps.append((label, round(info["arena"], 3), round(info["uordblks"], 3)))

    def sample(self, navigations: int) -> None:
        gc.collect()
        types = Counter(type(o).__qualname__ for o in gc.get_objects())
        qtypes = Counter(o.metaObject().className() for o in self.kw.window.findChildren(QObject))
        qtypes.update(
            "engine:" + o.metaObject().className() for o in self.kw.engine.findChildren(QObject)
        )
        items = 0
        stack = [self.kw.window.contentItem()]
        while stack:
            item = stack.pop()
            items += 1
            stack.extend(item.childItems())
        record: dict[str, Any] = {
            "navigations": navigations,
            "anon": _rollup("Pss_Anon"),
            "mallinfo2": mallinfo2(),
            "smaps": smaps(),
            "arenas": arenas(),
            "sqlite_mb": sqlite_memory(),
            "objects": sum(types.values()),
            "qobjects": sum(qtypes.values()),
            "items": items,
            "types_grown": _grown(self.types, types),
            "qtypes_grown": _grown(self.qtypes, qtypes),
            "steps": self.steps,
        }
        self.steps = []
        self.types, self.qtypes = types, qtypes
        if tracemalloc.is_tracing():
            snapshot = tracemalloc.take_snapshot().filter_traces(
                [tracemalloc.Filter(False, tracemalloc.__file__)]
            )
            record["traced_mb"] = tracemalloc.get_traced_memory()[0] / 2**20
            if self.snapshot is not None:
                stats = snapshot.compare_to(self.snapshot, "traceback")[:12]
                record["traced_grown"] = [
                    {
                        "kb": stat.size_diff / 1024,
                        "count": stat.count_diff,
                        "where": [str(frame) for frame in stat.traceback[-6:]],
                    }
                    for stat in stats
                ]
            self.snapshot = snapshot
        with self.out.open("a", encoding="utf-8") as out:
            out.write(json.dumps(record) + "\n")


def _grown(before: Counter[str], after: Counter[str]) -> dict[str, int]:
    changed = {key: after[key] - before[key] for key in after.keys() | before.keys()}
    ranked = sorted(changed.items(), key=lambda kv: -abs(kv[1]))
    return {key: delta for key, delta in ranked[:15] if delta}


def _rollup(key: str) -> float:
    with open("/proc/self/smaps_rollup", encoding="ascii") as rollup:
        for line in rollup:
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")

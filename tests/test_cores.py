"""The UI thread keeps a core of its own once the first frame is drawn, and every
other thread of the kiosk, made before or after, runs on the rest
(``kiosk.runtime.cores``).

The pure part runs in a child interpreter: pinning the pytest worker's own threads
would slow the rest of the suite. The real ``kiosk`` is started with
``KIOSK_PIN_UI=1``, since the suite's environment turns it off (tests/conftest.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import process

REPO = Path(__file__).resolve().parent.parent

TWO_CORES = len(os.sched_getaffinity(0)) >= 2
EXHIBITS = REPO / "exhibits"

CHILD = r"""
import json, os, sys, threading
from concurrent.futures import ThreadPoolExecutor
sys.path.insert(0, sys.argv[1])
from kiosk.runtime import cores

def cpus(tid=0):
    return sorted(os.sched_getaffinity(tid))

out = {"all": cpus()}
started = threading.Event()
stop = threading.Event()
early = threading.Thread(target=lambda: (started.set(), stop.wait()))
early.start(); started.wait()
out["done"] = cores.keep_ui_core(json.loads(sys.argv[2]))
out["ui"] = cpus()
out["early"] = cpus(early.native_id)
late_id = []
late = threading.Thread(target=lambda: (late_id.append(threading.get_native_id()), stop.wait()))
late.start()
while not late_id:
    pass
out["late_before_sweep"] = cpus(late_id[0])
out["moved"] = cores.sweep()
out["late"] = cpus(late_id[0])
with ThreadPoolExecutor(1, initializer=cores.leave_ui_core) as pool:
    out["worker"] = pool.submit(cpus).result()
job_cpus = []
job_done = threading.Event()
cores.start_worker(lambda: (job_cpus.append(cpus()), job_done.set()), "kiosk-test-job")
job_done.wait()
out["job"] = job_cpus[0]
stop.set(); early.join(); late.join()
print(json.dumps(out))
"""


# a thread named as Qt Quick's render thread, running beside the UI thread
RENDER_THREAD = r"""
import ctypes, threading
named = threading.Event()
def render():
    ctypes.CDLL(None).prctl(15, b"QSGRenderThread", 0, 0, 0)  # PR_SET_NAME
    named.set()
    threading.Event().wait()
threading.Thread(target=render, daemon=True).start()
named.wait()
"""


def _child(
    environ: dict[str, str], one_core: bool = False, render_thread: bool = False
) -> dict[str, object]:
    code = CHILD
    if one_core:  # as on a machine that gives the process a single core
        code = "import os\nos.sched_setaffinity(0, {min(os.sched_getaffinity(0))})\n" + code
    if render_thread:
        code = RENDER_THREAD + code
    done = subprocess.run(
        [sys.executable, "-c", code, str(REPO), json.dumps(environ)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


@pytest.mark.skipif(not TWO_CORES, reason="one core: nothing to split (tested below)")
def test_the_ui_thread_keeps_a_core_and_every_other_thread_the_rest() -> None:
    out = _child({})
    everything = out["all"]
    assert isinstance(everything, list)
    ui, rest = everything[:1], everything[1:]
    assert out["done"] is True
    assert out["ui"] == ui
    assert out["early"] == rest  # made before: moved at once
    assert out["late_before_sweep"] == ui  # made by the UI thread: it inherits its core
    assert out["moved"] == 1
    assert out["late"] == rest  # until the next sweep
    assert out["worker"] == rest  # a pool's worker leaves as it starts
    assert out["job"] == rest  # so does a single job's thread (the PIN's check, say)


def test_nothing_changes_when_off_with_a_render_thread_or_on_one_core() -> None:
    off = _child({"KIOSK_PIN_UI": "0"})
    assert off["done"] is False
    assert off["ui"] == off["all"] == off["early"] == off["late"] == off["worker"] == off["job"]
    assert off["moved"] == 0
    threaded = _child({}, render_thread=True)  # Qt draws on its own render thread
    assert threaded["done"] is False
    assert threaded["ui"] == threaded["all"] == threaded["early"] == threaded["worker"]
    single = _child({}, one_core=True)
    assert single["done"] is False
    assert len(single["all"]) == 1  # type: ignore[arg-type]
    assert single["ui"] == single["early"] == single["worker"] == single["all"]


def _cores(listed: str) -> set[int]:
    """``Cpus_allowed_list`` ("0-1,3") as a set of cores."""
    found: set[int] = set()
    for part in listed.split(","):
        first, _, last = part.partition("-")
        found.update(range(int(first), int(last or first) + 1))
    return found


def _threads(pid: int) -> dict[int, tuple[str, set[int]]]:
    """Thread id: (name, the cores it may run on), of a running process."""
    found = {}
    for name in os.listdir(f"/proc/{pid}/task"):
        try:
            comm = Path(f"/proc/{pid}/task/{name}/comm").read_text().strip()
            status = Path(f"/proc/{pid}/task/{name}/status").read_text()
        except OSError:
            continue
        allowed = next(
            line.split(":", 1)[1].strip()
            for line in status.splitlines()
            if line.startswith("Cpus_allowed_list")
        )
        found[int(name)] = (comm, _cores(allowed))
    return found


def _started_split(tmp_path: Path, cache: Path) -> process.Kiosk:
    """A windowed kiosk with the UI thread pinned, once it has split the cores."""
    kiosk = process.start(
        tmp_path,
        ["run", "--windowed", "--size", "1280x720", "--cache", str(cache), str(EXHIBITS)],
        env={"KIOSK_PIN_UI": "1"},
    )
    deadline = time.monotonic() + process.START_TIMEOUT_S
    while "UI thread on core" not in kiosk.text() and time.monotonic() < deadline:
        time.sleep(0.05)  # the split follows READY=1 in the same frame's handling
    assert "UI thread on core" in kiosk.text(), kiosk.text()
    return kiosk


def _off_the_ui_core(pid: int) -> None:
    threads = _threads(pid)
    _, ui = threads[pid]
    assert ui == {min(os.sched_getaffinity(0))}  # the first core, alone
    others = [t for tid, t in threads.items() if tid != pid]
    names = {name for name, _ in others}
    assert "Thread (pooled)" not in names  # QT_NO_GUI_THREADPOOL: fills stay on the UI thread
    for name, allowed in others:
        assert allowed and not allowed & ui, (name, allowed)


@pytest.mark.skipif(not TWO_CORES, reason="one core: nothing to split")
def test_a_running_kiosk_gives_its_ui_thread_a_core_of_its_own(tmp_path: Path) -> None:
    """Renditions built: the pictures are asked for as the first frame is drawn, so
    Qt's picture reader is there when the cores are split, and goes to the others."""
    cache = tmp_path / "cache"
    subprocess.run(
        [sys.executable, "-m", "kiosk", "prepare", "--cache", str(cache), str(EXHIBITS)],
        env=process.environment(),
        check=True,
        capture_output=True,
    )
    kiosk = _started_split(tmp_path, cache)
    try:
        names = {name for name, _ in _threads(kiosk.process.pid).values()}
        assert "QQuickPixmapRea" in names  # the picture reader, the one measured
        _off_the_ui_core(kiosk.process.pid)
    finally:
        kiosk.kill()


@pytest.mark.skipif(not TWO_CORES, reason="one core: nothing to split")
def test_the_picture_reader_made_after_the_split_leaves_the_ui_core_at_once(
    tmp_path: Path,
) -> None:
    """A first start (no rendition built): Qt's picture reader is made by the UI thread
    when the first rendition is ready, long after the split, and would start on the UI
    core. It is moved off as the picture is asked for (kiosk.ui.images), well within
    the quiet second after which the trimmer's sweep would have moved it."""
    kiosk = _started_split(tmp_path, tmp_path / "empty-cache")
    try:
        pid = kiosk.process.pid
        deadline = time.monotonic() + process.START_TIMEOUT_S
        reader = None
        while reader is None and time.monotonic() < deadline:
            reader = next(
                (t for t, (n, _) in _threads(pid).items() if n == "QQuickPixmapRea"), None
            )
            time.sleep(0.005)
        assert reader is not None, "no picture was read"
        ui = _threads(pid)[pid][1]
        moved_by = time.monotonic() + 0.3
        while _threads(pid)[reader][1] & ui and time.monotonic() < moved_by:
            time.sleep(0.005)
        assert not _threads(pid)[reader][1] & ui  # off the UI core within 0.3 s
        _off_the_ui_core(pid)
    finally:
        kiosk.kill()


def test_the_suites_kiosks_keep_every_core(tmp_path: Path) -> None:
    kiosk = process.start(
        tmp_path, ["run", "--windowed", "--size", "1280x720", str(REPO / "exhibits")]
    )
    try:
        pid = kiosk.process.pid
        deadline = time.monotonic() + process.START_TIMEOUT_S
        while "UI thread shares every core" not in kiosk.text() and time.monotonic() < deadline:
            time.sleep(0.05)  # said where it would have split them
        assert "UI thread shares every core: KIOSK_PIN_UI=0" in kiosk.text(), kiosk.text()
        for _, allowed in _threads(pid).values():
            assert allowed == os.sched_getaffinity(0)
        assert "UI thread on core" not in kiosk.text()
    finally:
        kiosk.kill()

"""The UI thread keeps a core of its own; the kiosk's other threads share the rest.

A tap's frame is made on the UI thread, while Qt's picture reader decodes the new
screen's pictures beside it. Measured on a 2-core machine (``perf sched``, the bench's
quick navigation run): when both woke on one core, the UI thread waited there for the
reader's slice to end (about 4 ms, one scheduler tick) while the other core stood
idle, because Linux keeps a thread where its cache is warm. That was the tile, Back,
thumbnail and idle-reset taps' 4-7 ms "waited" at p95. With the UI thread on one core
and every other thread of the kiosk on the others, it never waits behind them.

So once the first frame is drawn, ``keep_ui_core`` puts the UI thread on the first
core the process may use and every other thread on the rest, where the UI thread draws
the frames itself (the software scene graph, as measured). Where Qt draws them on a
render thread of its own (OpenGL on X11), the threads are left where Linux puts them,
as before. A thread inherits the affinity of the thread that made it, so one the UI
thread makes later starts on the UI core: each worker pool leaves it as it starts a
thread (``leave_ui_core``), a single job's thread is started by ``start_worker`` (the
staff PIN's check, the sound check), and ``sweep`` moves any other at every quiet spell.
Nothing changes on a machine that gives the process one core, where
``KIOSK_PIN_UI=0`` is set (the test suite sets it: its workers share the machine), or
where Linux refuses.

Qt-free, like the rest of ``kiosk.runtime``; Linux only (``os.sched_setaffinity``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

log = logging.getLogger("kiosk.cores")

OFF = "KIOSK_PIN_UI"  # "0": leave every thread where Linux puts it
RENDER_THREAD = "QSGRenderThread"  # Qt Quick's, with the threaded render loop

_split: tuple[int, frozenset[int], frozenset[int]] | None = None  # UI thread, its core, the rest


def keep_ui_core(environ: Mapping[str, str] | None = None) -> bool:
    """From the UI thread: put it on a core of its own and the other threads on the
    rest; True if done."""
    global _split
    env = os.environ if environ is None else environ
    if env.get(OFF) == "0":
        log.info("UI thread shares every core: %s=0", OFF)
        return False
    try:
        cores = sorted(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        cores = []
    if len(cores) < 2:
        log.info("UI thread shares every core: %d to share", len(cores))
        return False
    if RENDER_THREAD in _names():
        # Qt's threaded render loop (OpenGL on X11): the frames are drawn on that thread,
        # not on the UI thread, a case not measured; left as Linux places them
        log.info("UI thread shares every core: the scene graph draws on %s", RENDER_THREAD)
        return False
    ui, rest = frozenset(cores[:1]), frozenset(cores[1:])
    try:
        os.sched_setaffinity(0, ui)  # 0: the calling thread
    except OSError as error:
        log.info("UI thread shares every core: %s", error)
        return False
    _split = (threading.get_native_id(), ui, rest)
    moved = sweep()
    log.info("UI thread on core %d, %d other threads on the rest", cores[0], moved)
    return True


def sweep() -> int:
    """Every thread of the process but the UI thread off the UI core; how many moved.
    Nothing before ``keep_ui_core``."""
    if _split is None:
        return 0
    ui_thread, ui, rest = _split
    moved = 0
    for tid in _tasks():
        if tid == ui_thread:
            continue
        try:
            if os.sched_getaffinity(tid) & ui:
                os.sched_setaffinity(tid, rest)
                moved += 1
        except OSError:  # ended meanwhile
            continue
    return moved


def leave_ui_core() -> None:
    """From a worker thread as it starts (an executor's ``initializer``): off the UI
    core, if the UI thread keeps one."""
    if _split is None:
        return
    _, _, rest = _split
    with contextlib.suppress(OSError):
        os.sched_setaffinity(0, rest)


def start_worker(job: Callable[[], None], name: str) -> None:
    """Run ``job`` on a new daemon thread called ``name``, off the UI core from its
    first step (one the UI thread starts would otherwise run there until a sweep)."""

    def run() -> None:
        leave_ui_core()
        job()

    threading.Thread(target=run, name=name, daemon=True).start()


def _tasks() -> list[int]:
    """The process's thread ids (none where ``/proc`` is not there)."""
    try:
        return [int(name) for name in os.listdir("/proc/self/task")]
    except OSError:
        return []


def _names() -> set[str]:
    """The names of the process's threads (``/proc/self/task/*/comm``)."""
    found: set[str] = set()
    for tid in _tasks():
        try:
            with open(f"/proc/self/task/{tid}/comm", encoding="utf-8") as comm:
                found.add(comm.read().strip())
        except OSError:
            continue
    return found


def reset() -> None:
    """Forget the split (tests); the threads keep their affinity."""
    global _split
    _split = None

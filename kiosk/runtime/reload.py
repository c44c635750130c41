"""Live content reload: load off the UI thread, swap only between visitors.

The policy, in one place:

- a valid new set with a new version waits in ``pending`` until the UI reports
  it is at the attract loop (``at_attract()``), so a visitor never has a page
  change under their finger; in preview mode it replaces ``current`` at once;
- an invalid set never replaces anything: its errors are kept in
  ``last_errors`` (staff panel, preview overlay) and logged; they clear when a
  later load succeeds;
- a folder with a release manifest (``kiosk publish``, ``kiosk.runtime.manifest``)
  is accepted only when it matches the manifest exactly; otherwise it is rejected
  like a bad edit, whatever stage its copy is at. Preview mode, where curators
  edit in place, goes by the settle time alone;
- with ``keep_in``, the set shown is kept on disk once a full load has accepted
  it (``kiosk.runtime.last_good``), and a start whose folder does not validate
  starts from it: only a kiosk that never accepted content has nothing to show.

Threading: the loader runs on a worker (an ``Executor``); its result is applied
on the caller's thread the next time it calls ``poll()`` (or ``at_attract()``),
so ``on_event`` and every state change happen on the UI thread and the Qt layer
needs no locks or queued signals.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from kiosk.content.model import ContentSet, LoadResult, Problem
from kiosk.content.records import Record, record
from kiosk.runtime import cores, logs
from kiosk.runtime.last_good import LastGood
from kiosk.runtime.manifest import Verifier
from kiosk.runtime.watch import TreeWatcher

log = logging.getLogger("kiosk.reload")

Loader = Callable[[Path], LoadResult]

PENDING = "pending"  # a new valid set waits for the attract loop
SWAPPED = "swapped"  # ``current`` changed: the UI shows the new set
REJECTED = "rejected"  # the content on disk has errors; ``current`` is unchanged
UNCHANGED = "unchanged"  # loaded fine, nothing new (errors, if any, have cleared)


@record
class ReloadEvent(Record):
    """What a load did to the content shown."""

    kind: str  # PENDING, SWAPPED, REJECTED or UNCHANGED
    version: str | None  # the version loaded (None when rejected)
    errors: tuple[Problem, ...] = ()


class ImmediateExecutor(Executor):
    """Runs each task at once on the caller's thread: for tests and one-shot tools."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:
            future.set_exception(error)
        return future


def _default_loader(root: Path) -> LoadResult:
    from kiosk.content.loader import load_content  # imported late: optional in unit tests

    return load_content(root)


class ReloadController:
    """Decides which content set is current and when new content replaces it.

    ``current`` is the set accepted for the screen; the screen itself takes each
    new one from a SWAPPED event (``kiosk.runtime.visit``), never by comparing."""

    def __init__(
        self,
        root: Path,
        loader: Loader | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
        on_event: Callable[[ReloadEvent], None] | None = None,
        executor: Executor | None = None,
        preview: bool = False,
        settle_s: float = 1.0,
        keep_in: Path | None = None,
    ) -> None:
        self.root = root
        self.preview = preview
        self.on_event = on_event
        self.current: ContentSet | None = None
        self.pending: ContentSet | None = None
        self.last_errors: tuple[Problem, ...] = ()
        self.last_warnings: tuple[Problem, ...] = ()
        self.last_loaded_at: float | None = None  # wall-clock time of the last finished load
        self._loader = loader or _default_loader
        self._wall_clock = wall_clock
        self._owns_executor = executor is None
        self._executor = executor or ThreadPoolExecutor(
            1, thread_name_prefix="kiosk-reload", initializer=cores.leave_ui_core
        )
        # The folder scan runs on its own thread too: on 1,000 exhibits one scan
        # stats 13,000 files (~80 ms), time the UI thread must not lose.
        self._watch_executor = executor or ThreadPoolExecutor(
            1, thread_name_prefix="kiosk-watch", initializer=cores.leave_ui_core
        )
        self._watch_future: Future[bool] | None = None
        self._future: Future[LoadResult] | None = None
        self._again = False  # the tree changed while a load was running
        self.watcher = TreeWatcher(root, settle_s=settle_s, clock=clock, baseline=False)
        self._watching = False  # set by start_watching(), at the latest on the first poll()
        self._looked = False  # the watcher's first look is taken (on the reload thread)
        self._last_good = LastGood(keep_in, root) if keep_in is not None else None
        self._release = None if preview else Verifier(root)
        self._starting = False  # in load_initial: a set checked less is not kept yet
        self.started_from_kept = False  # the folder had errors at start; showing the kept set

    @property
    def busy(self) -> bool:
        return self._future is not None

    def load_initial(self, loader: Loader | None = None) -> LoadResult:
        """Load on the caller's thread, at start-up, before anything is shown.

        ``loader``, for this load only: the start may check less than later loads
        (the kiosk's leaves image decoding to the load after the first frame)."""
        result = self._run_loader(loader, full=False)  # every file's hash after the first frame
        self._starting = True
        try:
            self._apply(result)
        finally:
            self._starting = False
        if self.current is None and self._last_good is not None:
            kept = self._last_good.load()
            if kept is not None:
                self.current = kept
                self.started_from_kept = True
                log.warning(
                    "starting from the last accepted content version=%s exhibits=%d "
                    "(the folder has the errors above)",
                    logs.short(kept.version),
                    len(kept.exhibits),
                )
        return result

    def start_watching(self) -> None:
        """Once the UI is up: the watcher's first look, then a load, both off the
        caller's thread.

        The look is the baseline later changes are measured against; the load after
        it picks up whatever changed while the kiosk was starting, and finishes any
        work the start-up load put off (a loader may check less while the first
        frame waits). Unchanged content arrives as UNCHANGED and nothing moves on
        screen. Not done in ``load_initial``: on 1,000 exhibits a look stats 13,000
        files, which the first frame should not wait for, nor share the GIL with.
        """
        if not self._watching:
            self._watching = True
            self._request()

    def poll(self) -> None:
        """Call from a UI timer (every 250-500 ms): applies a finished load, and
        starts a new one when the exhibits folder changed and settled."""
        self.start_watching()
        self._collect()
        if not self._looked:
            return  # the first look is being taken, with the load after it
        # A look that finished since the last poll is read, and the next one starts
        # at once: a look at every poll. (Starting one only at the poll after reading
        # the last one looked at every other poll, and an edit took up to twice as
        # long to show.) One that finishes at once (an immediate executor) is read now.
        self._read_look()
        if self._watch_future is None:
            self._watch_future = self._watch_executor.submit(self.watcher.poll)
            self._read_look()

    def collect(self) -> None:
        """Call between polls (every heartbeat): applies a finished load, and reads a
        finished look, without starting a new look. The work stays at the polls'
        pace; only its results come sooner (a look or a load finishes in far less
        than the second between two polls in kiosk mode)."""
        self._collect()
        if self._looked:
            self._read_look()

    def reload_now(self) -> None:
        """Load again now (staff panel); the result arrives through ``poll()``."""
        self._request()

    def at_attract(self) -> ContentSet | None:
        """The UI is at the attract loop: the new set to show, or None to keep on."""
        self._collect()
        if self.pending is None:
            return None
        self._swap(self.pending)
        self._keep(self.current)
        return self.current

    def wait(self, timeout: float | None = None) -> None:
        """Block until the running load is applied (tools and tests, never the UI)."""
        while self._future is not None:
            self._future.exception(timeout)  # waits; raises TimeoutError on timeout
            self._collect()

    def close(self) -> None:
        if self._owns_executor:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._watch_executor.shutdown(wait=False, cancel_futures=True)

    # Internals

    def _request(self) -> None:
        if self._future is not None:
            self._again = True
            return
        self._future = self._executor.submit(self._look_and_load)
        self._collect()  # an immediate executor has finished already

    def _read_look(self) -> None:
        if self._watch_future is None or not self._watch_future.done():
            return
        future, self._watch_future = self._watch_future, None
        try:
            changed = future.result()
        except Exception:
            log.exception("scanning %s failed", self.root)
            changed = False
        if changed:
            self._request()

    def _collect(self) -> None:
        future = self._future
        if future is None or not future.done():
            return
        self._future = None
        self._apply(future.result())  # _run_loader never raises
        if self._again:
            self._again = False
            self._request()

    def _look_and_load(self) -> LoadResult:
        if not self._looked:
            self.watcher.rebase()  # before the load: a change from now on is seen
            self._looked = True
        return self._run_loader()

    def _run_loader(self, loader: Loader | None = None, full: bool = True) -> LoadResult:
        """The load, checked against the release manifest when there is one;
        ``full=False`` (at start) checks only the loaded version against the
        release's, which covers every file shown; the files' hashes come later."""
        try:
            manifest = None
            if self._release is not None:
                manifest, problems = self._release.check(full)
                if problems:
                    return LoadResult(None, tuple(problems), ())
            result = (loader or self._loader)(self.root)
            if self._release is not None and manifest is not None and result.content is not None:
                problems = self._release.check_version(manifest, result.content.version)
                if problems:
                    return LoadResult(None, tuple(problems), result.warnings)
            return result
        except Exception as error:
            # A loader bug must look like bad content, not take the kiosk down.
            log.exception("content loader failed on %s", self.root)
            problem = Problem(self.root, 0, 0, f"content could not be loaded: {error!r}")
            return LoadResult(content=None, errors=(problem,), warnings=())

    def _apply(self, result: LoadResult) -> None:
        self.last_loaded_at = self._wall_clock()
        self.last_warnings = result.warnings
        content = result.content
        if content is None:
            self.last_errors = result.errors
            logs.log_reload_rejected(result.errors)
            self._emit(ReloadEvent(REJECTED, None, result.errors))
            return
        self.last_errors = ()
        if self.current is None or (self.preview and content.version != self.current.version):
            self._swap(content)
            self._keep(content)
        elif content.version == self.current.version:
            if self.pending is not None:
                log.info("pending content dropped: the folder is back to the current version")
            self.pending = None
            self._keep(content)  # the load after the first frame confirms the start's set
            self._emit(ReloadEvent(UNCHANGED, content.version))
        elif self.pending is not None and content.version == self.pending.version:
            self._emit(ReloadEvent(UNCHANGED, content.version))
        else:
            self.pending = content
            logs.log_reload_deferred(content.version)
            self._emit(ReloadEvent(PENDING, content.version))

    def _swap(self, content: ContentSet) -> None:
        self.current = content
        self.pending = None
        logs.log_reload_accepted(content.version, len(content.exhibits))
        self._emit(ReloadEvent(SWAPPED, content.version))

    def _keep(self, content: ContentSet | None) -> None:
        """Keep the set shown for the next start, off the caller's thread; not the
        start-up load's (its JPEGs are checked by header only), which the load after
        the first frame confirms."""
        if content is None or self._last_good is None or self._starting:
            return
        with contextlib.suppress(RuntimeError):  # shut down: the next start keeps it
            self._executor.submit(self._last_good.save, content)

    def _emit(self, event: ReloadEvent) -> None:
        if self.on_event is None:
            return
        try:
            self.on_event(event)
        except Exception:
            log.exception("reload listener failed on %s", event.kind)

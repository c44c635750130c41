"""Building many renditions at once (``kiosk prepare``): in parallel, past bad images.

Processes, not threads, by measurement (Pillow releases the GIL while it decodes,
resizes and encodes, so threads come close, but not all the way). On this
project's 2-core machine, with generated 6000x4000 JPEGs (screen 1920x1920 plus
thumb 720x720 each, ~160 ms per image on one core), median of 5 interleaved runs:
4 images, processes 11.7/s, threads 10.5/s; 12 images, processes 12.0/s, threads
10.5/s. One image or one worker runs inline, with no pool at all.

Worker processes are forked when the caller has no other threads (cheap: nothing to
re-import), else started by a fork server (safe with threads, slower to start). A
running UI should use ``RenditionService`` instead.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import (
    Executor,
    Future,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
    as_completed,
)
from dataclasses import dataclass
from pathlib import Path

from kiosk.media.cache import ImageSource, RenditionCache
from kiosk.media.safe_open import RenditionError

Progress = Callable[[int, int, ImageSource, RenditionError | None], None]


@dataclass(frozen=True)
class BuildSummary:
    """Counts are of distinct images (by content hash), not of rendition files."""

    total: int
    built: int  # at least one rendition made now
    cached: int  # every rendition already on disk
    failed: tuple[tuple[ImageSource, RenditionError], ...]
    seconds: float

    @property
    def ok(self) -> bool:
        return not self.failed


@dataclass(frozen=True)
class _Source:
    """A picklable stand-in for an ImageRef (whose texts hold mapping proxies)."""

    path: Path
    sha256: str


def build_all(
    refs: Iterable[ImageSource],
    kinds: Iterable[str] | None,
    cache: RenditionCache,
    workers: int | None = None,
    progress: Progress | None = None,
    *,
    processes: bool = True,
) -> BuildSummary:
    """Make every missing rendition of ``refs``; one bad image is reported, the rest go on.

    ``progress(done, total, ref, error_or_None)`` is called from the calling thread after
    each image. ``workers`` defaults to the number of CPUs; ``processes=False`` uses
    threads instead of processes.
    """
    started = time.perf_counter()
    wanted = list(cache.kinds if kinds is None else kinds)
    unique: dict[str, ImageSource] = {}
    for ref in refs:
        unique.setdefault(ref.sha256, ref)
    total = len(unique)
    done = cached = 0
    failed: list[tuple[ImageSource, RenditionError]] = []

    def report(ref: ImageSource, error: BaseException | None) -> None:
        nonlocal done
        done += 1
        failure = None if error is None else _as_rendition_error(ref, error)
        if failure is not None:
            failed.append((ref, failure))
        if progress is not None:
            progress(done, total, ref, failure)

    todo: list[ImageSource] = []
    for ref in unique.values():
        if cache.missing(ref, wanted):
            todo.append(ref)
        else:
            cached += 1
            report(ref, None)
    count = max(1, min(workers or os.cpu_count() or 1, len(todo)))
    if count == 1:
        for ref in todo:
            try:
                _build_one(cache, ref, wanted)
            except Exception as error:
                report(ref, error)
            else:
                report(ref, None)
    else:
        pool: Executor = (
            ProcessPoolExecutor(count, mp_context=_process_context())
            if processes
            else ThreadPoolExecutor(count, "rendition")
        )
        with pool:
            futures: dict[Future[None], ImageSource] = {
                pool.submit(_build_one, cache, _Source(ref.path, ref.sha256), wanted): ref
                for ref in todo
            }
            for future in as_completed(futures):
                report(futures[future], future.exception())
    built = done - cached - len(failed)
    return BuildSummary(total, built, cached, tuple(failed), time.perf_counter() - started)


def _build_one(cache: RenditionCache, source: ImageSource, kinds: list[str]) -> None:
    cache.build(source, kinds)


def _process_context() -> multiprocessing.context.BaseContext:
    single_threaded = threading.active_count() == 1
    if single_threaded and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if os.name == "posix" else "spawn")


def _as_rendition_error(ref: ImageSource, error: BaseException) -> RenditionError:
    """Anything else is a bug, but still only this image's failure."""
    if isinstance(error, RenditionError):
        return error
    return RenditionError(ref.path, f"unexpected failure: {error!r}")

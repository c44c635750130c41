"""Renditions on demand for a running kiosk, built on background threads.

Pure Python: callbacks run on a worker thread, and the Qt layer marshals them to the
UI thread itself. Threads (not processes) because the UI asks for one image at a
time and wants it soon; Pillow releases the GIL for the heavy parts.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from kiosk.media.cache import ImageSource, RenditionCache
from kiosk.media.errors import RenditionError

logger = logging.getLogger(__name__)

OnReady = Callable[[Path], None]
OnError = Callable[[Exception], None]


class RenditionService:
    """Hands out rendition paths, building missing ones once however often they are asked."""

    def __init__(
        self,
        cache: RenditionCache,
        workers: int = 1,
        initializer: Callable[[], object] | None = None,
    ) -> None:
        """``initializer`` runs in each worker thread as it starts (the kiosk's: off
        the UI thread's core, ``kiosk.runtime.cores``)."""
        self.cache = cache
        self._pool = ThreadPoolExecutor(
            max(1, workers), thread_name_prefix="rendition", initializer=initializer
        )
        self._lock = threading.Lock()
        self._waiting: dict[tuple[str, str], list[tuple[OnReady, OnError]]] = {}
        self._closed = False

    def request(
        self, ref: ImageSource, kind: str, on_ready: OnReady, on_error: OnError
    ) -> Path | None:
        """The rendition's path now if it is cached (no callback then).

        Otherwise None, and exactly one of the callbacks runs later on a worker thread.
        Concurrent requests for the same rendition share one build.
        """
        if kind not in self.cache.boxes:
            raise ValueError(
                f"unknown rendition kind {kind!r}; known: {', '.join(self.cache.kinds)}"
            )
        path = self.cache.cached_path(ref, kind)
        if path is not None:
            return path
        key = (ref.sha256, kind)
        with self._lock:
            if self._closed:
                raise RuntimeError("RenditionService is shut down")
            waiters = self._waiting.get(key)
            if waiters is not None:
                waiters.append((on_ready, on_error))
                return None
            self._waiting[key] = [(on_ready, on_error)]
            self._pool.submit(self._build, ref, kind, key)
        return None

    def pending(self) -> int:
        """How many distinct renditions are queued or being built."""
        with self._lock:
            return len(self._waiting)

    def shutdown(self, wait: bool = True) -> None:
        """Stop taking requests; drop queued builds (their callbacks never run).

        With ``wait`` it returns once the builds already running have finished and
        called back.
        """
        with self._lock:
            self._closed = True
        self._pool.shutdown(wait=wait, cancel_futures=True)

    def _build(self, ref: ImageSource, kind: str, key: tuple[str, str]) -> None:
        path: Path | None = None
        error: Exception | None = None
        try:
            path = self.cache.build(ref, [kind])[kind]
        except RenditionError as failure:
            error = failure
        except Exception as failure:  # a bug, but the caller still deserves an answer
            logger.exception("building %s rendition of %s failed", kind, ref.path)
            error = RenditionError(ref.path, f"unexpected failure: {failure!r}")
        with self._lock:
            waiters = self._waiting.pop(key, [])
        for on_ready, on_error in waiters:
            try:
                if path is not None:
                    on_ready(path)
                else:
                    on_error(error if error is not None else RuntimeError("no rendition"))
            except Exception:
                logger.exception("rendition callback for %s raised", ref.path)

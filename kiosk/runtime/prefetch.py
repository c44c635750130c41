"""The start-up load in a child process, while the kiosk's own process starts Qt.

A start on a folder the parsed-content cache does not know yet (the first run, or the
first after the curators changed something) parses and checks every file before the
first frame can be drawn, on the main thread. Qt's start (importing PySide, the QML
engine, the window) needs none of it, and a machine with two cores could do both at
once, though not on two threads: PySide holds Python's lock while it works. So the
run command, before anything of Qt is loaded (one thread, a small process), forks a
child that makes the start-up load, sends the result back through a pipe and exits;
the kiosk's start-up load takes that result instead of loading again. A valid set
also lands in the parsed-content cache, as with any load, so the next start is warm.

The child's result is the same load the parent would have made (the same folder, the
same checks, the record of images that passed); a folder with errors comes back as
its errors. A child that failed, was killed or sent something unreadable leaves the
parent to load the folder itself, as without a child. Qt-free; systems with ``fork``.
"""

from __future__ import annotations

import _signal as signal  # no enums to make (kiosk.runtime.early_signals)
import contextlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.content.imagerecord import ImageRecord
    from kiosk.content.model import LoadResult

PARSED = "parsed"  # the parsed-content cache's folder in the rendition cache


class Prefetch:
    """The child making the start-up load of a folder."""

    def __init__(self, pid: int, reader: int) -> None:
        self.pid = pid
        self._reader = reader

    def result(self, record: ImageRecord) -> LoadResult | None:
        """The child's load (None if it has none to give: then the caller loads), once
        it is done, with its header-only image checks added to ``record``. Once."""
        pid, self.pid = self.pid, 0
        if not pid:
            return None
        import pickle

        with os.fdopen(self._reader, "rb") as pipe:
            data = pipe.read()  # to its end: the child has sent all and closed, or died
        # ChildProcessError: reaped already (a SIGCHLD handler of the caller's)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
        try:
            loaded, checks = pickle.loads(data)  # from our own child, through our own pipe
        except Exception:  # nothing, or cut short: the child died on the way
            return None
        record.add_header_only_checks(checks)
        return loaded

    def cancel(self) -> None:
        """End the child if its load was never taken (the kiosk stopped first, or
        failed before its load); nothing once ``result`` was called."""
        pid, self.pid = self.pid, 0
        if not pid:
            return
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)  # its default action: it ends at once
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
        os.close(self._reader)


def start(root: Path, cache: Path | None) -> Prefetch | None:
    """Fork the child if the parsed-content cache kept beside the renditions in
    ``cache`` (None: the default folder) has no entry for ``root`` as it is now; None
    when there is nothing to do, or forking is not safe here (Qt loaded, threads)."""
    if not hasattr(os, "fork") or "PySide6.QtCore" in sys.modules:
        return None
    import threading

    if threading.active_count() > 1:  # a fork copies only the calling thread
        return None
    from kiosk.content.parsed_cache import entry_path, fingerprint
    from kiosk.media.cache import default_cache_dir, image_checks_path

    cache_dir = (cache or default_cache_dir()) / PARSED
    if entry_path(cache_dir, fingerprint(root)).exists():
        return None  # a warm start: the cache answers at once
    try:
        reader, writer = os.pipe()
        pid = os.fork()
    except OSError:  # no memory, too many processes or files: the start-up load does it
        return None
    if pid == 0:
        _child(writer, root, cache_dir, image_checks_path(cache))
    os.close(writer)
    return Prefetch(pid, reader)


def _child(writer: int, root: Path, cache_dir: Path, record_path: Path) -> None:
    """Load ``root`` as the kiosk's start-up load does, send the result to ``writer``
    and end, without running anything of the parent's on the way out (its exit
    handlers, its log's ``stop`` line)."""
    status = 1
    try:
        for number in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(number, signal.SIG_DFL)  # a stop ends the child at once
        # The parent's files are not the child's: its state folder's lock (flock, so
        # held for as long as any copy is open: a kiosk started right after the parent
        # ended must get it), its log, its caller's pipes (a caller waiting for the
        # parent's output to end). The parent reports; the child says nothing.
        os.dup2(writer, 3)
        os.closerange(4, os.sysconf("SC_OPEN_MAX"))
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        os.close(devnull)
        import logging
        import pickle

        logging.disable(logging.CRITICAL)
        from kiosk.content.places import cache_root
        from kiosk.runtime import kept_code

        # the load's regular expressions (PyYAML's, the checks') kept compiled from the
        # last first start: this process is the first frame's wait, and has one thread
        with kept_code.cached(cache_root() / kept_code.CONTENT_FILE):
            from kiosk.content.imagerecord import ImageChecks, ImageRecord
            from kiosk.content.parsed_cache import load_cached

            # as the start-up load: the images that passed before are not checked
            # again, the others by header only (the kiosk decodes them after the first
            # frame)
            checks = ImageChecks(ImageRecord(record_path), decode_now=False)
            loaded = load_cached(root, cache_dir, checks)
        data = pickle.dumps((loaded, checks.record.header_only()), pickle.HIGHEST_PROTOCOL)
        with os.fdopen(3, "wb") as pipe:
            pipe.write(data)
        status = 0
    finally:
        os._exit(status)

"""Rendition URLs for QML: cached ones at once, missing ones built in the background.

QML binds ``source: kiosk.imageUrl(key, kiosk.imageRevision)``; the revision goes up
whenever a background build finishes, so only image sources re-evaluate and no
page is rebuilt. Worker threads report through a queued signal, so QML is only
ever touched from the UI thread.

A running kiosk's store is ``held`` until its first frame is drawn: every picture is
asked for after it, cached or not, so neither a decode nor a build (decoding a
photograph) takes a core from the window being made. The first frame drew the
pictures' placeholders anyway (each decode took longer than the rest of the start),
and the five home tiles' decodes, begun while the window was being made, took a core
from it: the warm start was 5 ms faster held (80 paired starts), and the tiles'
pictures were ready no later.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSize, QTimer, QUrl, Signal, Slot

from kiosk.content.model import ContentSet, ImageRef
from kiosk.content.smallhash import sha256_hex
from kiosk.media.errors import CacheWriteError
from kiosk.media.service import RenditionService
from kiosk.runtime import cores
from kiosk.runtime.backoff import Backoff

log = logging.getLogger("kiosk.images")


class ImageStore(QObject):
    """Knows every image of the current content by key, and where its renditions are."""

    revisionChanged = Signal()
    _built = Signal(str, str)  # key, file path (emitted from worker threads)
    _failed = Signal(str, str, bool)  # key, message, may pass (the rendition was not written)

    def __init__(
        self,
        service: RenditionService,
        parent: QObject | None = None,
        retry: Backoff | None = None,
        held: bool = False,
    ) -> None:
        super().__init__(parent)
        self._service = service
        # Renditions that could not be written (full disk) are tried again, later
        # and later; a bad image is not.
        self._retry = retry or Backoff()
        self._retry_timer = QTimer(self)  # one wake-up for every waiting rendition
        self._retry_timer.setSingleShot(True)
        self._retry_timer.timeout.connect(self.retry_due)
        self._refs: dict[str, ImageRef] = {}  # by content hash; keys are "sha256:kind"
        self._urls: dict[str, str] = {}
        self._sizes: dict[str, QSize] = {}  # of renditions on disk, by URL
        self._pending: set[str] = set()
        self._failures: dict[str, str] = {}
        self.revision = 0
        self._held = held
        self._on_release: list[Callable[[], None]] = []
        self._sweep_queued = False
        self._built.connect(self._on_built)
        self._failed.connect(self._on_failed)

    def set_content(self, content: ContentSet) -> None:
        """New content: forget keys that went away, keep URLs of those that stayed."""
        refs = {ref.sha256: ref for ref in content.images()}
        self._urls = {k: v for k, v in self._urls.items() if _sha(k) in refs}
        kept = set(self._urls.values())
        self._sizes = {url: size for url, size in self._sizes.items() if url in kept}
        self._retry.keep(lambda k: _sha(str(k)) in refs)
        self._refs = refs

    def url(self, key: str) -> str:
        """A file URL of the rendition, or "" while it is being built (or failed), or
        while the store is held."""
        if self._held:
            return ""
        known = self._urls.get(key)
        if known is not None:
            return known
        sha, _, kind = key.partition(":")
        ref = self._refs.get(sha)
        made = kind in self._service.cache.boxes  # a rendition the service makes
        if ref is None or not made or key in self._pending or key in self._failures:
            return ""
        if self._retry.waiting(key):
            return ""
        self._pending.add(key)

        def ready(path: Path) -> None:
            self._built.emit(key, str(path))

        def failed(error: Exception) -> None:
            self._failed.emit(key, str(error), isinstance(error, CacheWriteError))

        path = self._service.request(ref, kind, on_ready=ready, on_error=failed)
        if path is not None:
            self._pending.discard(key)
            return self._remember(key, Path(path))
        return ""

    def pixel_size(self, key: str) -> QSize:
        """The rendition's size in pixels (read from its file's header, once), or an
        empty size while it is not built. QML needs it to keep only the middle of a
        cropped thumbnail when it decodes one (``RenditionImage``)."""
        url = self.url(key)  # asked in any order with the URL itself
        if not url:
            return QSize()
        size = self._sizes.get(url)
        if size is None:
            # here, not at the top: no size is asked for before the first frame, and
            # PySide makes the class and its enums on first use (0.2 ms)
            from PySide6.QtGui import QImageReader

            size = self._sizes[url] = QImageReader(QUrl(url).toLocalFile()).size()
        return size

    def release(self) -> None:
        """The first frame is drawn: every picture asked for while held is asked again."""
        if self._held:
            self._held = False
            self.revision += 1
            self.revisionChanged.emit()
            waiting, self._on_release = self._on_release, []
            for go_on in waiting:  # a prefetch asked for while held
                QTimer.singleShot(0, self, go_on)

    def prefetch_gradually(self, keys: Iterable[str], per_slice: int = 100) -> None:
        """Ask for renditions ahead of need (tiles, attract slides, the whole site),
        never blocking: a slice of keys per event-loop turn, so even the cache
        look-ups (a file check each) never hold a frame back. Asked while the store is
        held, it goes on once the store is released."""
        pending = iter(keys)

        def next_slice() -> None:
            if self._held:
                self._on_release.append(next_slice)
                return
            for _ in range(per_slice):
                key = next(pending, None)
                if key is None:
                    return
                self.url(key)
            QTimer.singleShot(0, self, next_slice)

        QTimer.singleShot(0, self, next_slice)

    @property
    def pending(self) -> int:
        return len(self._pending)

    def building(self, key: str) -> bool:
        """Whether the rendition ``key`` is being built (asked for, not ready yet)."""
        return key in self._pending

    @property
    def failures(self) -> dict[str, str]:
        return dict(self._failures)

    def _remember(self, key: str, path: Path) -> str:
        url = QUrl.fromLocalFile(str(path)).toString()
        self._urls[key] = url
        self._sweep_soon()
        return url

    def _sweep_soon(self) -> None:
        """A picture Qt is about to read: its picture reader, a thread the UI thread
        makes at the first one, would start on the UI core (a thread takes the
        affinity of the thread that makes it: ``kiosk.runtime.cores``). Once the
        request is made, after this call, that thread is moved off it, instead of
        decoding beside the UI thread until the next quiet spell: the pictures are
        asked for after the first frame, and on a first start (no rendition built)
        long after the UI thread took its core."""
        if not self._sweep_queued:
            self._sweep_queued = True
            QTimer.singleShot(0, self, self._sweep)

    def _sweep(self) -> None:
        self._sweep_queued = False
        cores.sweep()

    @Slot(str, str)
    def _on_built(self, key: str, path: str) -> None:
        self._pending.discard(key)
        self._retry.succeeded(key)
        if _sha(key) in self._refs:
            self._remember(key, Path(path))
            self.revision += 1
            self.revisionChanged.emit()

    @Slot(str, str, bool)
    def _on_failed(self, key: str, message: str, may_pass: bool) -> None:
        self._pending.discard(key)
        if may_pass:
            wait = self._retry.failed(key)
            first = self._retry.failures(key) == 1  # said once, not at every retry
            log.log(
                logging.WARNING if first else logging.DEBUG,
                "rendition not written key=%s: %s; again in %.0f s",
                key,
                message,
                wait,
            )
            self._schedule_retry()
            return
        self._failures[key] = message
        log.error("rendition failed key=%s: %s", key, message)
        self.revision += 1
        self.revisionChanged.emit()

    @Slot()
    def retry_due(self) -> None:
        """A wait is over: a new revision makes QML ask for its images again, and
        ``url`` builds the ones whose wait has passed."""
        self.revision += 1
        self.revisionChanged.emit()
        self._schedule_retry()

    def _schedule_retry(self) -> None:
        seconds = self._retry.next_in()
        if seconds is None:
            return
        ms = int(seconds * 1000) + 1
        if not self._retry_timer.isActive() or self._retry_timer.remainingTime() > ms:
            self._retry_timer.start(ms)


# The image plugins a kiosk decodes with: its pictures are renditions, JPEG or PNG
# (kiosk.media.pipeline), and PNG is built into Qt.
RENDITION_PLUGINS = ("libqjpeg.so",)
_FORMATS = "imageformats"


def decode_renditions_only(folder: Path) -> bool:
    """Let Qt load only the JPEG image plugin, not all ten of its folder.

    The first picture Qt Quick decodes asks Qt for every format it can read, which
    loads every plugin in ``imageformats/`` (TIFF, WebP, SVG with its library, PDF,
    GIF, ICO...): 0.7-1.4 MB of the kiosk's memory for formats no rendition has.
    ``folder`` (in the rendition cache, the kiosk's own) gets a copy of each Qt
    plugin folder that has other image plugins: links to everything else in it, and
    an ``imageformats/`` with the JPEG plugin only; Qt then looks there instead.
    Call once the application exists, before the first picture. False (and Qt left
    as it was) when there was nothing to do or it could not be done.
    """
    app = QCoreApplication.instance()
    if app is None:
        return False
    paths = []
    changed = False
    for path in app.libraryPaths():
        source = Path(path)
        formats = source / _FORMATS
        if not formats.is_dir() or set(os.listdir(formats)) <= set(RENDITION_PLUGINS):
            paths.append(path)  # no image plugins here, or only those (asked again)
            continue
        try:
            mirror = _mirror(source, folder)
        except OSError as error:
            log.info("all image plugins left to load (%s)", error)
            return False
        paths.append(str(mirror))
        changed = True
    if changed:
        app.setLibraryPaths(paths)
    return changed


def _mirror(source: Path, folder: Path) -> Path:
    """``source`` with only the rendition plugins in its ``imageformats/``: links to
    the real folders and files, made once per Qt installation (again when its
    folder's contents change), whole or not at all, so kiosks starting side by
    side share it."""
    children = sorted(p.name for p in source.iterdir())
    plugins = sorted(n for n in os.listdir(source / _FORMATS) if n in RENDITION_PLUGINS)
    stamp = "\0".join([str(source.resolve()), *children, *plugins])
    mirror = folder / f"qt-plugins-{sha256_hex(stamp.encode())[:16]}"
    _sweep(folder)
    if mirror.is_dir():
        return mirror
    folder.mkdir(parents=True, exist_ok=True)
    building = folder / f"{_BUILDING}{mirror.name}.{os.getpid()}.{time.monotonic_ns()}.tmp"
    (building / _FORMATS).mkdir(parents=True)
    for name in children:
        if name != _FORMATS:
            (building / name).symlink_to((source / name).resolve())
    for name in plugins:
        (building / _FORMATS / name).symlink_to((source / _FORMATS / name).resolve())
    try:
        building.rename(mirror)
    except OSError:
        if not mirror.is_dir():  # not another kiosk's finished copy: a real failure
            raise
        _remove(building)
    return mirror


_BUILDING = "."  # a copy being made: ".qt-plugins-HASH.PID.NS.tmp"


def _sweep(folder: Path) -> None:
    """Copies left half-made by a kiosk that died making them (power cut at its
    first start, a full disk): nothing else would ever remove them. Only those whose
    process is gone; a kiosk starting beside this one may be making its copy now."""
    try:
        with os.scandir(folder) as listing:
            entries = [e for e in listing if e.name.startswith(_BUILDING + "qt-plugins-")]
    except OSError:
        return  # no folder yet
    for entry in entries:
        parts = entry.name.split(".")  # "", "qt-plugins-HASH", PID, NS, "tmp"
        if len(parts) != 5 or parts[4] != "tmp" or not parts[2].isdigit():
            continue
        pid = int(parts[2])
        if pid == os.getpid() or _running(pid):
            continue
        shutil.rmtree(entry.path, ignore_errors=True)
        log.info("removed a half-made copy of the image plugins: %s", entry.name)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's
    return True


def _remove(tree: Path) -> None:
    """A copy another kiosk finished first: links and two folders."""
    for link in (tree / _FORMATS).iterdir():
        link.unlink()
    (tree / _FORMATS).rmdir()
    for link in tree.iterdir():
        link.unlink()
    tree.rmdir()


def _sha(key: str) -> str:
    """The content hash in a rendition key ("sha256:kind")."""
    return key.partition(":")[0]

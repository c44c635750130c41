"""Rendition URLs for QML: cached ones at once, missing ones built in the background.

QML binds ``source: kiosk.imageUrl(key, kiosk.imageRevision)``; the revision goes up
whenever a background build finishes, so only image sources re-evaluate and no
page is rebuilt. Worker threads report through a queued signal, so QML is only
ever touched from the UI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl, Signal, Slot

from kiosk.content.model import ContentSet, ImageRef
from kiosk.media.service import RenditionService

log = logging.getLogger("kiosk.images")


class ImageStore(QObject):
    """Knows every image of the current content by key, and where its renditions are."""

    revisionChanged = Signal()
    _built = Signal(str, str)  # key, file path (emitted from worker threads)
    _failed = Signal(str, str)  # key, message

    def __init__(self, service: RenditionService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._refs: dict[str, ImageRef] = {}  # by content hash; keys are "sha256:kind"
        self._urls: dict[str, str] = {}
        self._pending: set[str] = set()
        self._failures: dict[str, str] = {}
        self.revision = 0
        self._built.connect(self._on_built)
        self._failed.connect(self._on_failed)

    def set_content(self, content: ContentSet) -> None:
        """New content: forget keys that went away, keep URLs of those that stayed."""
        refs = {ref.sha256: ref for ref in content.images()}
        self._urls = {k: v for k, v in self._urls.items() if _sha(k) in refs}
        self._refs = refs

    def url(self, key: str) -> str:
        """A file URL of the rendition, or "" while it is being built (or failed)."""
        known = self._urls.get(key)
        if known is not None:
            return known
        sha, _, kind = key.partition(":")
        ref = self._refs.get(sha)
        made = kind in self._service.cache.boxes  # a rendition the service makes
        if ref is None or not made or key in self._pending or key in self._failures:
            return ""
        self._pending.add(key)

        def ready(path: Path) -> None:
            self._built.emit(key, str(path))

        def failed(error: Exception) -> None:
            self._failed.emit(key, str(error))

        path = self._service.request(ref, kind, on_ready=ready, on_error=failed)
        if path is not None:
            self._pending.discard(key)
            return self._remember(key, Path(path))
        return ""

    def prefetch_gradually(self, keys: Iterable[str], per_slice: int = 100) -> None:
        """Ask for renditions ahead of need (tiles, attract slides, the whole site),
        never blocking: a slice of keys per event-loop turn, so even the cache
        look-ups (a file check each) never hold a frame back."""
        pending = iter(keys)

        def next_slice() -> None:
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

    @property
    def failures(self) -> dict[str, str]:
        return dict(self._failures)

    def _remember(self, key: str, path: Path) -> str:
        url = QUrl.fromLocalFile(str(path)).toString()
        self._urls[key] = url
        return url

    @Slot(str, str)
    def _on_built(self, key: str, path: str) -> None:
        self._pending.discard(key)
        if _sha(key) in self._refs:
            self._remember(key, Path(path))
            self.revision += 1
            self.revisionChanged.emit()

    @Slot(str, str)
    def _on_failed(self, key: str, message: str) -> None:
        self._pending.discard(key)
        self._failures[key] = message
        log.error("rendition failed key=%s: %s", key, message)
        self.revision += 1
        self.revisionChanged.emit()


def _sha(key: str) -> str:
    """The content hash in a rendition key ("sha256:kind")."""
    return key.partition(":")[0]

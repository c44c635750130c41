"""The record of images that passed their check, kept from one run to the next.

Checking decodes every image: most of a load's time. A file whose bytes passed once
passes again, so reloads in a running kiosk and, through the record on disk, the next
start skip it. Only passes are kept: a bad file is checked, and reported, every time.
Each command opens the record with ``image_record`` and hands it to the loader inside
an ``ImageChecks``; nothing else in the process shares it. This module stays light: it
is on the kiosk's start-up path, which a parsed-content cache hit answers.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kiosk.content.atomic import write_atomic
from kiosk.content.images import ImageInfo


class ImageChecks:
    """How one load checks its images: what it is handed, explicitly.

    ``record`` holds the files that passed before (by content hash), which are not
    decoded again. With ``decode_now`` False only headers are checked: the kiosk's
    start-up load (the first frame must not wait for camera-size decodes; the load
    after it decodes them off the UI thread) and ``kiosk prepare`` (building the
    renditions decodes every image anyway). Those images go into the record as
    header-only, and ``ImageRecord.confirm`` makes them passes once built.
    """

    __slots__ = ("decode_now", "record")

    def __init__(self, record: ImageRecord | None = None, *, decode_now: bool = True) -> None:
        self.record = record if record is not None else ImageRecord()
        self.decode_now = decode_now

    def __repr__(self) -> str:
        return f"ImageChecks({self.record.path}, decode_now={self.decode_now})"


@contextmanager
def image_record(path: Path | None) -> Iterator[ImageRecord]:
    """The record kept in ``path`` (read when first needed), saved back on the way out
    if anything was added. ``None``: a record for this run only."""
    record = ImageRecord(path)
    try:
        yield record
    finally:
        record.save()


class ImageRecord:
    """Files that passed ``check_image``, by content hash and extension. Thread-safe."""

    VERSION = 2  # bump when check_image's rules change (2: PNG decoded, MPO accepted)

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._known: dict[str, ImageInfo] = {}
        self._lock = threading.Lock()
        self._unread = path is not None  # the file on disk is read when first needed
        self._headers: dict[str, ImageInfo] = {}  # checked by header only, so far
        self._changed = False

    @property
    def changed(self) -> bool:
        return self._changed

    def get(self, sha256: str, suffix: str) -> ImageInfo | None:
        self._read()
        return self._known.get(_key(sha256, suffix))

    def add(self, sha256: str, suffix: str, info: ImageInfo) -> None:
        self._read()
        with self._lock:
            self._known[_key(sha256, suffix)] = info
            self._changed = True

    def add_header_only(self, sha256: str, suffix: str, info: ImageInfo) -> None:
        """An image whose header passed but which was not decoded: not a pass yet, but
        ``confirm`` makes it one once its bytes were decoded elsewhere."""
        with self._lock:
            self._headers[_key(sha256, suffix)] = info

    def header_only(self) -> dict[str, ImageInfo]:
        """The header-only checks so far, for ``add_header_only_checks`` elsewhere."""
        with self._lock:
            return dict(self._headers)

    def add_header_only_checks(self, checks: dict[str, ImageInfo]) -> None:
        """Another record's ``header_only`` (a load made in another process)."""
        with self._lock:
            self._headers.update(checks)

    def confirm(self, sha256: str, suffix: str) -> bool:
        """These bytes decoded in full elsewhere (a rendition was built from them):
        the header-only check becomes a pass. False if there was none to confirm."""
        with self._lock:
            info = self._headers.pop(_key(sha256, suffix), None)
        if info is None:
            return False
        self.add(sha256, suffix, info)
        return True

    def save(self) -> None:
        """Write the record atomically if it changed; failing to (read-only or full
        disk) only costs speed."""
        if self.path is None or not self._changed:
            return
        self._read()  # keep what the previous runs recorded
        with self._lock:
            images = {
                k: [i.format, i.width, i.height, i.orientation] for k, i in self._known.items()
            }
            self._changed = False
        import json  # a start answered by the parsed-content cache needs none of it

        data = json.dumps({"version": self.VERSION, "images": images}).encode("utf-8")
        try:
            write_atomic(self.path, data, fsync=False)  # no temporary file left on failure
        except OSError:
            self._changed = True  # saved again after the next load, once there is room

    def _read(self) -> None:
        """A start answered by the parsed-content cache never reads the file (10,000
        images: 12 ms). A missing, unreadable or older record is simply empty."""
        if not self._unread:
            return
        with self._lock:
            if not self._unread:
                return  # another thread read it first
            self._unread = False
            assert self.path is not None
            try:
                text = self.path.read_text(encoding="utf-8")
            except (OSError, ValueError):  # none yet (a first start), or unreadable
                return
            import json  # only now: a first start has no record, and needs no json

            try:
                record = json.loads(text)
                if record.get("version") != self.VERSION:
                    return
                known = {k: ImageInfo(*v) for k, v in record["images"].items()}
            except (ValueError, TypeError, KeyError, AttributeError):
                return
            self._known = {**known, **self._known}  # this run's checks win


def _key(sha256: str, suffix: str) -> str:
    return f"{sha256}{suffix.lower()}"

"""The last accepted content set, kept on disk so that it outlives the process.

"A bad edit never reaches the screen" must hold across a power cut, a watchdog
restart or a restart during a half-finished copy too: when the folder does not
validate at start, the kiosk shows what it showed before, not the "being updated"
screen. The set is kept in its parsed form (a pickle, like the parsed-content
cache) in the state folder (``last-good/``): it is state, not cache, and must
survive a cleared cache folder; never in ``exhibits/``. One set is kept, of at most
``MAX_BYTES`` (the bundled five exhibits take 66 KB, about 13 KB an exhibit, so the
bound holds some 2,500 exhibits); a larger one is not kept, and said so. Its images are
drawn from the renditions, which are cached by the originals' content hash, so a
persisted set still draws an image whose original is now broken or missing (as
long as its rendition was built).

A set is kept once a full load has accepted it (``ReloadController`` decides
when), and written only when its version differs from the one on disk, so a
restart on unchanged content costs one directory listing.
"""

from __future__ import annotations

import logging
import os
import pickle
from pathlib import Path
from typing import BinaryIO

from kiosk import __version__
from kiosk.content.model import ContentSet
from kiosk.content.parsed_cache import FORMAT

log = logging.getLogger("kiosk.reload")
MAX_BYTES = 32 * 1024 * 1024
FOLDER = "last-good"  # under the state folder
_PREFIX = "accepted-"
_SUFFIX = ".pickle"


class LastGood:
    """Reads and writes the last accepted set of one exhibits folder."""

    def __init__(self, folder: Path, root: Path, max_bytes: int = MAX_BYTES) -> None:
        self.folder = folder
        self.root = root
        self.max_bytes = max_bytes
        self._saved: str | None = None  # version known to be on disk

    def load(self) -> ContentSet | None:
        """The kept set for this exhibits folder and this kiosk version, or None."""
        for entry in self._entries():
            try:
                with entry.open("rb") as handle:
                    kept = pickle.load(handle)  # our own file, in our own cache folder
            except Exception as error:  # a damaged file is only a lost fallback
                log.warning("last accepted content %s unusable (%s)", entry, error)
                continue
            if (
                isinstance(kept, tuple)
                and len(kept) == 4
                and kept[:3] == (FORMAT, __version__, str(self.root.resolve()))
                and isinstance(kept[3], ContentSet)
            ):
                self._saved = kept[3].version
                return kept[3]
        return None

    def save(self, content: ContentSet) -> None:
        """Keep ``content`` (atomically), unless it is the set already kept."""
        if content.version == self._saved:
            return
        entry = self.folder / f"{_PREFIX}{content.version[:32]}{_SUFFIX}"
        if entry.exists():
            self._saved = content.version
            return
        temp = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with temp.open("wb") as handle:
                kept = (FORMAT, __version__, str(self.root.resolve()), content)
                pickle.dump(
                    kept, _Bounded(handle, self.max_bytes), protocol=pickle.HIGHEST_PROTOCOL
                )
            os.replace(temp, entry)
        except _TooLarge:
            temp.unlink(missing_ok=True)
            log.warning(
                "last accepted content not kept: over %d MB on disk (version=%s)",
                self.max_bytes // (1024 * 1024),
                content.version[:12],
            )
            return
        except OSError as error:  # read-only or full disk: only the fallback is older
            temp.unlink(missing_ok=True)
            log.warning("last accepted content not kept (%s)", error)
            return
        self._saved = content.version
        for old in self._entries():
            if old != entry:
                old.unlink(missing_ok=True)

    def _entries(self) -> list[Path]:
        try:
            return sorted(
                self.folder.glob(f"{_PREFIX}*{_SUFFIX}"),
                key=lambda p: p.stat().st_mtime_ns,
                reverse=True,
            )
        except OSError:
            return []


class _TooLarge(Exception):
    pass


class _Bounded:
    """A write-only file that refuses to grow past ``limit`` bytes: the bound holds
    while pickling, without the whole pickle in memory first."""

    def __init__(self, handle: BinaryIO, limit: int) -> None:
        self.handle = handle
        self.left = limit

    def write(self, data: bytes) -> int:
        self.left -= len(data)
        if self.left < 0:
            raise _TooLarge
        return self.handle.write(data)

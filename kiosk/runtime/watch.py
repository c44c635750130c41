"""A polling watcher over the exhibits folder, with a settle time.

Polling (a stat of every file, about a millisecond for a few hundred) works on
every filesystem, network shares and Syncthing folders included, with no
inotify dependency. A change is reported only once the tree has been quiet for
``settle_s``: an editor's temp-file-and-rename, rsync's hidden temp names and a
copy of many files each become one change, not a burst.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from kiosk.content.tree import IGNORED_PATTERNS, RELEASE_FILE, is_ignored

log = logging.getLogger("kiosk.watch")

__all__ = ["IGNORED_PATTERNS", "RELEASE_FILE", "TreeWatcher", "is_ignored", "snapshot"]


class Stamp(NamedTuple):
    size: int
    mtime_ns: int
    inode: int  # a rename over a file changes it even when size and time do not
    mode: int  # a chmod changes neither: a file made unreadable must be loaded (and reported)


Snapshot = dict[str, Stamp]
# Folders count by presence: their mtime moves with temp files. A folder made
# unreadable is seen all the same: the files under it drop out of the snapshot.
_FOLDER = Stamp(-1, 0, 0, 0)


def snapshot(root: Path) -> Snapshot:
    """``{relative path: Stamp}`` for every content file and folder under ``root``.

    Files that vanish between listing and stat (a rename in flight) are skipped;
    a missing or unreadable root is an empty snapshot.
    """
    result: Snapshot = {}
    stack = [""]
    while stack:
        rel_dir = stack.pop()
        try:
            with os.scandir(root / rel_dir if rel_dir else root) as entries:
                listing = list(entries)
        except OSError:
            continue
        for entry in listing:
            if is_ignored(entry.name):
                continue
            rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
            try:
                if entry.is_dir(follow_symlinks=False):
                    result[rel + "/"] = _FOLDER
                    stack.append(rel)
                    continue
                info = entry.stat()
            except OSError:
                continue
            result[rel] = Stamp(info.st_size, info.st_mtime_ns, info.st_ino, info.st_mode)
    return result


class TreeWatcher:
    """``poll()`` from a timer; it returns True once per settled change."""

    def __init__(
        self,
        root: Path,
        settle_s: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        *,
        baseline: bool = True,
    ) -> None:
        """``baseline=False`` leaves the first look to ``rebase()``, which the caller
        may run on another thread: on 1,000 exhibits a look stats 13,000 files."""
        self.root = root
        self.settle_s = settle_s
        self._clock = clock
        self._reported: Snapshot = snapshot(root) if baseline else {}
        self._latest = self._reported
        self._changed_at: float | None = None  # when the tree last moved, while unsettled

    def poll(self) -> bool:
        now = self._clock()
        current = snapshot(self.root)
        if current != self._latest:
            self._latest = current
            self._changed_at = now  # still moving: wait for quiet again
            return False
        if self._changed_at is None or now - self._changed_at < self.settle_s:
            return False
        self._changed_at = None
        if current == self._reported:  # changed and changed back: nothing to do
            return False
        self._reported = current
        log.debug("exhibits changed under %s", self.root)
        return True

    def rebase(self) -> None:
        """Take the tree as it is now as seen (after a load the caller did itself)."""
        self._reported = self._latest = snapshot(self.root)
        self._changed_at = None

"""One kiosk per state folder.

Two kiosks on one state folder would share one kiosk id, write one analytics database
and one log in turns, and each believe the staff PIN lockout its own. The run command
therefore holds an advisory lock on ``kiosk.lock`` in the state folder for as long as
it runs; the file names the process holding it, so a second kiosk can say which one
(the kernel drops the lock when that process ends, however it ends: no stale lock
after a crash or a power cut). Qt-free.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import BinaryIO

LOCK_FILE = "kiosk.lock"


class StateInUse(Exception):
    """Another process holds the state folder; ``holder`` is its pid when known."""

    def __init__(self, folder: Path, holder: int | None) -> None:
        self.folder = folder
        self.holder = holder
        who = f"process {holder}" if holder is not None else "another process"
        super().__init__(f"another kiosk ({who}) is already running on the state folder {folder}")


def lock_state(folder: Path) -> BinaryIO:
    """Hold ``folder``'s lock until the returned file is closed (or the process ends);
    raises ``StateInUse``, or ``OSError`` when the file cannot be opened at all."""
    path = folder / LOCK_FILE
    handle = path.open("a+b")  # never truncated before the lock is ours
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        text = handle.read(32).decode("ascii", "replace").strip()
        handle.close()
        raise StateInUse(folder, int(text) if text.isdigit() else None) from None
    except OSError:
        handle.close()
        raise
    handle.seek(0)
    handle.truncate()
    handle.write(f"{os.getpid()}\n".encode("ascii"))
    handle.flush()
    return handle

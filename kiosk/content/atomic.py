"""Write a file so readers see the old one or the new one, never half, and leave
nothing behind when the write fails.

The kiosk's own records (settings, the image-check record, the parsed-content cache,
the glyph cache) live on the same disk as the logs and renditions, and that disk can
fill up. A failed write must not leave a zero-byte ``.tmp`` file for every attempt:
the temporary file is removed on every failure, whatever raised. It lives in the
lowest layer so every layer above writes its files the same way.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def write_atomic(path: Path, data: bytes, *, mode: int = 0o644, fsync: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    The temporary name is ``.<name>.<pid>.<random>.tmp``: hidden, never taken for
    the real file, and unique without ``tempfile`` (which costs ~10 ms to import on
    the start-up path). ``fsync`` makes the bytes durable before the rename (records
    that must survive a power cut); caches that are only a faster start skip it.
    Raises ``OSError``; the temporary file is gone by then.
    """
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), mode)  # exactly ``mode``, whatever the umask
            handle.write(data)
            handle.flush()
            if fsync:
                os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise

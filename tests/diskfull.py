"""A real full disk for tests: a tmpfs of a few hundred KB mounted on a test folder.

Only root can mount; elsewhere the tests that need it are skipped with the reason.
``fill`` takes every free byte with one file, ``free`` deletes it: the kiosk's writes
then fail with ENOSPC exactly as on a full SD card, and succeed again afterwards.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def tiny_disk(folder: Path, size_kb: int = 400) -> Iterator[Path]:
    """``folder`` as the mount point of a ``size_kb`` tmpfs, unmounted afterwards."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tiny tmpfs needs root")
    if shutil.which("mount") is None:
        pytest.skip("no mount command")
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0755", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path) -> Path:
    """Take every free byte of ``folder``'s disk; returns the file that holds them."""
    filler = folder / "filler.bin"
    chunk = b"\0" * 4096
    with filler.open("wb", buffering=0) as handle:
        while True:
            try:
                handle.write(chunk)
            except OSError as error:
                assert error.errno == errno.ENOSPC, error
                break
        # what is left is smaller than a chunk: take it byte by byte
        while True:
            try:
                handle.write(b"\0")
            except OSError:
                break
    return filler


def free(filler: Path) -> None:
    filler.unlink()

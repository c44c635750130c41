"""SHA-256 of a few kilobytes without loading OpenSSL.

``import hashlib`` loads libcrypto and initialises OpenSSL: 3-4 MB of the process
and 4-10 ms of a start on a loaded machine, before the first frame, for one digest
of a folder's fingerprint (``kiosk.content.parsed_cache``). CPython's own SHA-256
gives the same digest; where a Python has no such module, ``hashlib`` does. Large
files (release manifests, images) keep using ``hashlib``, which is faster on them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def _builtin_sha256() -> Callable[[bytes], Any]:
    for name in ("_sha256", "_sha2"):  # CPython 3.11, then 3.12 on
        try:
            constructor: Callable[[bytes], Any] = importlib.import_module(name).sha256
            return constructor
        except (ImportError, AttributeError):
            continue
    import hashlib

    return hashlib.sha256


_sha256 = _builtin_sha256()


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data`` as 64 hexadecimal digits, as ``hashlib`` gives it."""
    return str(_sha256(data).hexdigest())

"""PySide's own Python, compiled once and kept, as Python keeps every other module's.

PySide 6 carries the Python half of Shiboken's signature support (``shibokensupport``:
thirteen modules, about 120 KB of source, behind signatures, ``help()`` and error
messages) inside libshiboken, as a zip of *sources*, and a script that unpacks it.
Whenever a process first imports PySide, both are compiled with ``compile()``:
measured with callgrind, 149 M of the 844 M instructions the kiosk's main thread ran
to its first frame (the same in an empty Qt Quick window); kept, the main thread ran
725 M. Python's own modules and the kiosk's come compiled
from ``__pycache__``; these have no such cache.

``cached(path)`` is used around the run command's import of the window's modules,
the first import of PySide. While it is in effect, a ``compile`` of a file under
``shibokensupport/`` or of ``signature_bootstrap.py`` is answered from the file at
``path`` when the source is, byte for byte, the one compiled into it before, by the
same Python and with the same ``__future__`` flags, and compiled (then kept)
otherwise. Any other ``compile`` goes through untouched. So a PySide or Python upgrade
compiles again once, and a file that is missing, damaged, or from another Python is as
good as none. The file is written (to a temporary name, then renamed) only after
something new was compiled; a folder that cannot be written costs the compile each
start, as before, and says so in the log.

The file holds code objects (``marshal``) and is loaded as the kiosk's other caches
are: from the per-user cache folder only the kiosk writes to, as Python trusts its
``__pycache__``. Python-light, no Qt: it runs before PySide is imported.
"""

from __future__ import annotations

import builtins
import logging
import marshal
import os
import sys
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator
    from types import CodeType

logger = logging.getLogger(__name__)

# the zip's folder (the package's name since PySide 2), and the script that unpacks it
SOURCES = ("shibokensupport/", "signature_bootstrap.py")
# in the kiosk's cache folder; each Python its own (its bytecode is its own)
FILE_NAME = f"pyside-support.{sys.implementation.cache_tag}.marshal"
# the flags ``compile`` takes from its caller's code: its ``__future__`` imports
# (CPython's ``PyCF_MASK``; of them only ``annotations`` still changes the code made)
_FUTURE_FLAGS = 0x1FE0000
_FORMAT = 1  # this file's own layout


class SupportCode:
    """The kept code objects, and the ``compile`` that answers from them."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.kept: dict[tuple[str, int], tuple[Any, CodeType]] = _read(path)
        self.compiled: list[str] = []  # the files compiled this time, not found kept
        self.answered: list[str] = []  # the files answered from the kept code
        self._compile = builtins.compile

    def compile(self, source: Any, filename: Any, mode: str, *rest: Any, **named: Any) -> Any:
        """``builtins.compile`` as seen by the code that runs while this is in effect."""
        if rest or named or mode != "exec" or not str(filename).startswith(SOURCES):
            return self._compile(source, filename, mode, *rest, **named)
        # as the caller's own call would: its __future__ flags, not this function's
        flags = sys._getframe(1).f_code.co_flags & _FUTURE_FLAGS
        key = (str(filename), flags)
        kept = self.kept.get(key)
        if kept is not None and kept[0] == source:
            self.answered.append(key[0])
            return kept[1]
        code = self._compile(source, filename, mode, flags, True)
        self.kept[key] = (source, code)
        self.compiled.append(key[0])
        return code

    def save(self) -> None:
        """Write the kept code if anything new was compiled; a failure is only logged."""
        if not self.compiled:
            return
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(temporary, "wb") as out:
                marshal.dump((_FORMAT, sys.version, self.kept), out)
            os.replace(temporary, self.path)
        except (OSError, ValueError) as error:
            logger.info("PySide's support code not kept in %s: %s", self.path, error)
            with suppress(OSError):
                temporary.unlink(missing_ok=True)


@contextmanager
def cached(path: Path) -> Iterator[SupportCode]:
    """While in effect, PySide's support modules compile from the code kept at ``path``."""
    support = SupportCode(path)
    builtins.compile = support.compile
    try:
        yield support
    finally:
        builtins.compile = support._compile
        support.save()


def _read(path: Path) -> dict[tuple[str, int], tuple[Any, CodeType]]:
    try:
        with open(path, "rb") as kept:
            layout, version, code = marshal.load(kept)
    except (OSError, EOFError, ValueError, TypeError):  # none yet, or damaged
        return {}
    if layout != _FORMAT or version != sys.version or not isinstance(code, dict):
        return {}  # another Python's bytecode, or another layout
    return code

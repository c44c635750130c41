"""Code the kiosk keeps compiled from one start to the next, as Python keeps every
module's in ``__pycache__``: PySide's own Python, and regular expressions.

PySide 6 carries the Python half of Shiboken's signature support (``shibokensupport``:
thirteen modules, about 120 KB of source, behind signatures, ``help()`` and error
messages) inside libshiboken, as a zip of *sources*, and a script that unpacks it.
Whenever a process first imports PySide, both are compiled with ``compile()``, and
the signature parser then compiles three large regular expressions with ``re``, whose
parser and code generator are Python too. Measured with callgrind, the compiling was
149 M of the 844 M instructions the kiosk's main thread ran to its first frame (the
same in an empty Qt Quick window), and the three expressions took 36 ms of a 0.5 s
start here. Python's own modules and the kiosk's come compiled from ``__pycache__``;
these had no such cache.

``cached(path)`` is used around the run command's import of the window's modules,
the first import of PySide. While it is in effect:

- a ``compile`` of a file under ``shibokensupport/`` or of ``signature_bootstrap.py``
  is answered from the file at ``path`` when the source is, byte for byte, the one
  compiled into it before, with the same ``__future__`` flags; any other ``compile``
  goes through untouched;
- a regular expression ``re`` has not made yet in this process is made from what
  ``_sre.compile`` (the C half of ``re``) was given for the same pattern and flags
  before; ``_sre`` checks the code it is given, and one it refuses is compiled.

Either is compiled, then kept, when not found. The file holds one Python's code
(``sys.version`` is checked), so a PySide or Python upgrade compiles again once, and a
file that is missing, damaged, or from another Python is as good as none. It is written
(``kiosk.content.atomic``: a temporary name, then renamed) only after something new was
compiled; a folder that cannot be written costs the compiling each start, as before, and
says so in the log.

The stand-ins replace functions of ``builtins`` and ``re`` for the whole process while
in effect: for a process that compiles on one thread only (PySide's import, beside a
preloading thread that runs no Python to speak of; the content load's child process).

The file holds code objects (``marshal``) and is loaded as the kiosk's other caches
are: from the per-user cache folder only the kiosk writes to, as Python trusts its
``__pycache__``. Python-light, no Qt: it runs before PySide is imported.
"""

from __future__ import annotations

import _sre
import builtins
import logging
import marshal
import re._compiler as _compiler
import sys
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.content.atomic import write_atomic

if TYPE_CHECKING:
    from collections.abc import Iterator
    from types import CodeType

logger = logging.getLogger(__name__)

# the zip's folder (the package's name since PySide 2), and the script that unpacks it
SOURCES = ("shibokensupport/", "signature_bootstrap.py")
# in the kiosk's cache folder; each Python its own (its bytecode is its own): around
# PySide's first import (kiosk.commands.run), and around a first start's content load
# in its child (kiosk.runtime.prefetch: PyYAML's and the checks' regular expressions)
PYSIDE_FILE = f"pyside-support.{sys.implementation.cache_tag}.marshal"
CONTENT_FILE = f"content-load.{sys.implementation.cache_tag}.marshal"
# the flags ``compile`` takes from its caller's code: its ``__future__`` imports
# (CPython's ``PyCF_MASK``; of them only ``annotations`` still changes the code made)
_FUTURE_FLAGS = 0x1FE0000
_FORMAT = 2  # this file's own layout

Code = dict[tuple[str, int], tuple[Any, "CodeType"]]
# a regular expression's (pattern, flags) -> the rest of what ``_sre.compile`` was given
Patterns = dict[tuple[Any, int], tuple[Any, ...]]


class KeptCode:
    """The kept code objects and regular expressions, and the stand-ins for
    ``compile`` and ``re``'s compiler that answer from them."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.code, self.patterns = _read(path)
        self.compiled: list[str] = []  # the files compiled this time, not found kept
        self.answered: list[str] = []  # the files answered from the kept code
        self.patterns_compiled: list[Any] = []  # the same for regular expressions
        self.patterns_answered: list[Any] = []
        self._compile = builtins.compile
        self._compile_pattern = _compiler.compile

    def compile(self, source: Any, filename: Any, mode: str, *rest: Any, **named: Any) -> Any:
        """``builtins.compile`` as seen by the code that runs while this is in effect."""
        if rest or named or mode != "exec" or not str(filename).startswith(SOURCES):
            return self._compile(source, filename, mode, *rest, **named)
        # as the caller's own call would: its __future__ flags, not this function's
        try:
            flags = sys._getframe(1).f_code.co_flags & _FUTURE_FLAGS
        except ValueError:  # called from C with no Python below: nothing to inherit
            flags = 0
        key = (str(filename), flags)
        kept = self.code.get(key)
        if kept is not None and kept[0] == source:
            self.answered.append(key[0])
            return kept[1]
        code = self._compile(source, filename, mode, flags, True)
        self.code[key] = (source, code)
        self.compiled.append(key[0])
        return code

    def compile_pattern(self, pattern: Any, flags: int = 0) -> Any:
        """``re``'s compiler (``re._compiler.compile``, which ``re.compile`` calls for a
        pattern not in its own cache) as seen while this is in effect: the parsing and
        code generation, done in Python, answered from what ``_sre.compile`` was given
        for the same pattern and flags before."""
        if not isinstance(pattern, (str, bytes)):
            return self._compile_pattern(pattern, flags)
        key = (pattern, flags)
        kept = self.patterns.get(key)
        if kept is not None:
            with suppress(Exception):  # another Python's _sre refuses: compile it
                compiled = _sre.compile(pattern, *kept)
                self.patterns_answered.append(pattern)
                return compiled
        given: list[tuple[Any, ...]] = []
        make = _sre.compile

        def seen(*arguments: Any) -> Any:
            given.append(arguments)
            return make(*arguments)

        _sre.compile = seen
        try:
            compiled = self._compile_pattern(pattern, flags)
        finally:
            _sre.compile = make
        if len(given) == 1 and given[0][0] == pattern:
            with suppress(Exception):  # another Python's arguments: not kept
                self.patterns[key] = _plain(*given[0][1:])
                self.patterns_compiled.append(pattern)
        return compiled

    def save(self) -> None:
        """Write what is kept if anything new was compiled; a failure is only logged."""
        if not (self.compiled or self.patterns_compiled):
            return
        try:
            data = marshal.dumps((_FORMAT, sys.version, self.code, self.patterns))
            write_atomic(self.path, data, fsync=False)  # a cache: only a faster start
        except (OSError, ValueError) as error:
            logger.info("compiled code not kept in %s: %s", self.path, error)


@contextmanager
def cached(path: Path) -> Iterator[KeptCode]:
    """While in effect, PySide's support modules and every regular expression made are
    compiled from what was kept at ``path``, or compiled and kept there."""
    support = KeptCode(path)
    builtins.compile = support.compile
    _compiler.compile = support.compile_pattern
    try:
        yield support
    finally:
        builtins.compile = support._compile
        _compiler.compile = support._compile_pattern
        support.save()


def _plain(
    flags: int, code: list[int], groups: int, groupindex: dict[str, int], indexgroup: tuple[Any]
) -> tuple[Any, ...]:
    """``_sre.compile``'s arguments but the pattern, as ``marshal`` writes them: the
    code's numbers are ``re``'s named constants, a subclass of ``int``."""
    return (
        int(flags),
        [int(number) for number in code],
        int(groups),
        {str(name): int(group) for name, group in groupindex.items()},
        tuple(indexgroup),
    )


def _read(path: Path) -> tuple[Code, Patterns]:
    try:
        with open(path, "rb") as kept:
            layout, version, code, patterns = marshal.load(kept)
    except (OSError, EOFError, ValueError, TypeError):  # none yet, or damaged
        return {}, {}
    if layout != _FORMAT or version != sys.version:
        return {}, {}  # another Python's bytecode, or another layout
    if not isinstance(code, dict) or not isinstance(patterns, dict):
        return {}, {}
    return code, patterns

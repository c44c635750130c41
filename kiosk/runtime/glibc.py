"""glibc's functions, called without the ``ctypes`` package.

The kiosk makes three foreign calls, all into glibc: ``mallopt`` and ``malloc_trim``
(``kiosk.ui.memory``) and ``prctl`` (a reading's child dies with the kiosk,
``kiosk.runtime.readaloud_engine``). ``ctypes`` is a Python layer over the ``_ctypes``
extension that makes some sixty C types and their helpers when imported: for these
three calls it held about 0.2 MB of the kiosk for good, and took 2-3 ms of its start.
A function here is what ``ctypes`` itself makes for such a call, a C function pointer
of ``_ctypes``: its result a C ``int``, its arguments C ``int``s and ``unsigned
long``s (the size of ``size_t`` and of a pointer on every Linux ABI).
"""

from __future__ import annotations

import sys
from collections.abc import Callable

INT = "i"
ULONG = "L"

_SIMPLE: dict[str, type] = {}


def function(name: str, *arguments: str) -> Callable[..., int] | None:
    """glibc's ``name``, returning a C ``int`` and taking ``arguments`` (``INT`` or
    ``ULONG`` each); None where the C library is not glibc or has no such function."""
    if not sys.platform.startswith("linux"):
        return None
    import _ctypes

    try:
        address = _ctypes.dlsym(_ctypes.dlopen("libc.so.6", _ctypes.RTLD_LOCAL), name)
    except OSError:  # no glibc (musl names its library otherwise), or no such function
        return None
    types = _simple_types()

    class Function(_ctypes.CFuncPtr):
        _flags_ = _ctypes.FUNCFLAG_CDECL
        _restype_ = types[INT]
        _argtypes_ = tuple(types[code] for code in arguments)

    call: Callable[..., int] = Function(address)
    return call


def _simple_types() -> dict[str, type]:
    """The C types the calls take and give (``ctypes.c_int``, ``ctypes.c_ulong``),
    made once."""
    if not _SIMPLE:
        import _ctypes

        class CInt(_ctypes._SimpleCData):
            _type_ = INT

        class CULong(_ctypes._SimpleCData):
            _type_ = ULONG

        _SIMPLE.update({INT: CInt, ULONG: CULong})
    return _SIMPLE

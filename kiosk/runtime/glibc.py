"""C functions called without the ``ctypes`` package: glibc's, and fontconfig's one.

The kiosk makes five foreign calls. Three are into glibc: ``mallopt`` and
``malloc_trim`` (``kiosk.ui.memory``) and ``prctl`` (a reading's child dies with the
kiosk, ``kiosk.runtime.readaloud_engine``). Two are the start's preloading thread's
(``kiosk.runtime.preload``): glibc's ``dlopen`` and fontconfig's ``FcInit``, whose
calls must let go of the GIL, as every foreign call does (``_ctypes.dlopen`` itself
holds it). ``ctypes`` is a Python layer over the ``_ctypes`` extension that makes some
sixty C types and their helpers when imported: for these calls it held about 0.2 MB
of the kiosk for good, and took 2-3 ms of its start. A function here is what
``ctypes`` itself makes for such a call, a C function pointer of ``_ctypes``: its
result and arguments C ``int``s, ``unsigned long``s (the size of ``size_t`` and of a
pointer on every Linux ABI), pointers or strings.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

INT = "i"
ULONG = "L"
POINTER = "P"  # ``void *``: None for NULL
STRING = "z"  # ``const char *``, from bytes

LIBC = "libc.so.6"

_SIMPLE: dict[str, type] = {}


def function(name: str, *arguments: str) -> Callable[..., int] | None:
    """glibc's ``name``, returning a C ``int`` and taking ``arguments`` (``INT`` or
    ``ULONG`` each); None where the C library is not glibc or has no such function."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return c_function(LIBC, name, INT, *arguments)
    except OSError:  # no glibc (musl names its library otherwise), or no such function
        return None


def c_function(library: str, name: str, result: str, *arguments: str) -> Callable[..., Any]:
    """``name`` in the shared library ``library``, its result and arguments given by
    the codes above; raises OSError where the library or the function is missing."""
    import _ctypes

    address = _ctypes.dlsym(_ctypes.dlopen(library, _ctypes.RTLD_LOCAL), name)

    class Function(_ctypes.CFuncPtr):
        _flags_ = _ctypes.FUNCFLAG_CDECL
        _restype_ = _simple_type(result)
        _argtypes_ = tuple(_simple_type(code) for code in arguments)

    call: Callable[..., Any] = Function(address)
    return call


def _simple_type(code: str) -> type:
    """The C type of ``code`` (``ctypes.c_int``, ``c_ulong``, ``c_void_p``,
    ``c_char_p``), made once."""
    if code not in _SIMPLE:
        import _ctypes

        _SIMPLE[code] = type(f"C_{code}", (_ctypes._SimpleCData,), {"_type_": code})
    return _SIMPLE[code]

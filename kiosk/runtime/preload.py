"""Qt's libraries and fontconfig's configuration, loaded on the other core while the
start's own Python goes on.

From PySide's import to the first frame, ``kiosk [DIR]``'s main thread runs Python
with the GIL held; two things it would do on the way take no Python at all:

- linking Qt's libraries, PySide's modules and the plugins the window loads (the
  dynamic linker's relocations and the libraries' static set-up: 25-35 ms here);
- fontconfig's configuration (reading and parsing its XML files: about 10 ms), which
  Qt's font database asks for when the kiosk registers its font.

So the run command calls ``start`` just before it imports the window's modules (on a
start that forked no loading child: beside one, the three would share two cores, and the
first frame waits for the child), and a thread of its own does both, through C function
pointers of ``_ctypes`` whose calls let go of the GIL: the main thread meanwhile runs
PySide's own Python (its signature support, each module's types). When PySide's import
opens the same files, the dynamic linker hands back the libraries already loaded; Qt's
``FcInit`` finds the configuration made. Nothing is loaded that the first frame would
not load: the same files, opened with the flags Python opens extension modules with, in
the order the import needs them. Started any earlier, the thread's loading would hold
the dynamic linker's lock while the command's own imports open Python's extension
modules (the log's ``socket``, ``pickle``): measured, the main thread then waited longer
than it gained. The dynamic linker guards itself: a library PySide's import opens early
is only linked by the import itself. Fontconfig's set-up is not safe beside everything:
it reads the environment and the locale, and making Qt's application writes both (the
environment from Python, the locale with ``setlocale``, which glibc calls unsafe beside
any thread that reads it). With the two at once the kiosk crashed: a segmentation fault
in this thread's ``FcInit`` while the main thread made the application, 3 starts in
about 600 on a busy machine (which of the two writes it met is not known; the crash did
not come again on demand). So ``wait`` is called before the application is made
(``kiosk.ui.app.ensure_application``); normally the thread is done by then.

Qt-free and Python-light, like the rest of ``kiosk.runtime`` at start: ``_thread``
and ``_ctypes`` (through ``kiosk.runtime.glibc``) only, no ``threading``.
"""

from __future__ import annotations

import _thread
import os
import sys

from kiosk.runtime.glibc import INT, LIBC, POINTER, STRING, c_function

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

# PySide's modules the window imports (QtQuick's own import brings QtNetwork and
# QtOpenGL), in the order they are imported; each pulls in its Qt libraries (Qt Quick,
# Qml, Gui, Core, OpenGL, Network, ICU...), and Shiboken, the module they all use.
MODULES = ("QtCore", "QtGui", "QtNetwork", "QtOpenGL", "QtQml", "QtQuick")
SHIBOKEN = ("shiboken6", "Shiboken")
# Qt's plugins the first frame loads, under PySide6/Qt: the platform's is added by
# ``platform_plugin``; Main.qml's QtQuick.Window. Not the JPEG decoder: no picture is
# asked for before the first frame is drawn (``kiosk.ui.images``).
PLUGINS = ("qml/QtQuick/Window/libquickwindowplugin.so",)
FONTCONFIG = "libfontconfig.so.1"


class Preload:
    """The preloading thread's work, and the wait for it."""

    def __init__(self, files: Iterable[str], fontconfig: bool = True) -> None:
        self.files = list(files)
        self.fontconfig = fontconfig
        self.loaded: list[str] = []  # the files opened, for tests and the bench
        self.failed: list[str] = []  # opened by Python or Qt themselves later
        self._done = _thread.allocate_lock()
        self._done.acquire()

    def run(self) -> None:
        try:
            # libc's, not ``_ctypes.dlopen``: that one holds the GIL while it loads
            dlopen = c_function(LIBC, "dlopen", POINTER, STRING, INT)
            for path in self.files:
                if dlopen(os.fsencode(path), sys.getdlopenflags()):
                    self.loaded.append(path)
                else:
                    self.failed.append(path)
            if self.fontconfig:
                c_function(FONTCONFIG, "FcInit", INT)()
        except Exception:  # the start does it all itself, as without this module
            self.failed.append("(preload)")
        finally:
            self._done.release()

    def wait(self) -> None:
        """Until the thread is done (at once, normally: it had the whole import)."""
        self._done.acquire()
        self._done.release()


_started: Preload | None = None


def start(environ: Mapping[str, str] | None = None) -> Preload | None:
    """Preload what ``kiosk [DIR]``'s window will load, on a thread of its own; None
    where there is nothing to do (PySide not found, or not on Linux)."""
    global _started
    if not sys.platform.startswith("linux"):
        return None
    pyside = pyside_folder()
    if pyside is None:
        return None
    plugin = platform_plugin(os.environ if environ is None else environ)
    folder, name = SHIBOKEN
    preload = Preload(
        [
            module_file(os.path.join(os.path.dirname(pyside), folder), name),
            *(module_file(pyside, name) for name in MODULES),
            *(os.path.join(pyside, "Qt", path) for path in (*PLUGINS, *plugin)),
        ]
    )
    _thread.start_new_thread(preload.run, ())
    _started = preload
    return preload


def wait() -> None:
    """Until a started preload is done; at once if none was started (tests, other
    commands). Called before Qt's application is made (the docstring above says why)."""
    if _started is not None:
        _started.wait()


def pyside_folder() -> str | None:
    """PySide6's package folder on ``sys.path``, found without importing it."""
    for entry in sys.path:
        folder = os.path.join(entry or ".", "PySide6")
        if os.path.isfile(os.path.join(folder, "__init__.py")):
            return folder
    return None


def module_file(folder: str, name: str) -> str:
    """The file an extension module ``name`` in ``folder`` is imported from."""
    import _imp

    for suffix in _imp.extension_suffixes():
        path = os.path.join(folder, name + suffix)
        if os.path.isfile(path):
            return path
    return os.path.join(folder, name + ".abi3.so")  # not there: fails, and is noted


def platform_plugin(environ: Mapping[str, str]) -> tuple[str, ...]:
    """The platform plugin Qt will load, as ``plugins/...`` paths: the one
    ``QT_QPA_PLATFORM`` names, else xcb under X11; none where Qt would choose
    otherwise (Wayland), which it then loads itself as before."""
    name = environ.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0]
    if not name and environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY"):
        name = "xcb"
    if not name or not name.replace("-", "").isalnum():
        return ()
    return (f"plugins/platforms/libq{name}.so",)

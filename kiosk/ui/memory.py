"""Handing freed memory back to the system while the kiosk is quiet.

Every screen a visitor opens is made, shown and torn down again. Its JavaScript
objects (and the Qt objects they own) stay until the QML engine's collector next
runs, and what is freed stays in the C library's heaps: glibc keeps freed blocks for
the next allocation and gives back only what lies at a heap's top. So once a change
of screen, language or overlay has settled (``QUIET_S`` after the last one, once per quiet
spell, from the controller's quarter-second tick) the kiosk collects the JavaScript
garbage and then asks ``malloc_trim(0)`` to hand the free whole pages back. Measured
in the quick soak (1,000 navigations, software scene graph): 0.5-2.4 ms for the
collection and 0.2-0.8 ms for the trim, each time; anonymous memory grew 8.4-9.0 MB
from the start instead of 10.0-11.2 MB (the trim alone: 9.3-9.9). Never in a tap's
path: a tap is a change, and the wait starts again from it.

A tick before the trim, the kiosk asks for one frame: Qt Quick's scene graph deletes the
textures of the pictures a screen let go only as it syncs a frame, and a screen at rest
draws none, so they stayed (11 MB for two gallery pictures) until the next touch.

``malloc_trim`` is glibc's (Linux); elsewhere only the collection is done. The one
other setting of glibc's the kiosk makes, a fixed mmap threshold, is here too
(``fix_mmap_threshold``, made before the application exists), and so is the source
PySide's import leaves in ``linecache`` (``forget_source_lines``, at the same time).
"""

from __future__ import annotations

import linecache
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from kiosk.runtime import cores, glibc

if TYPE_CHECKING:
    from PySide6.QtQml import QJSEngine

    from kiosk.ui.app import KioskWindow

log = logging.getLogger("kiosk.memory")

# After a change the old screen fades out (220 ms) and is deleted; a second later the
# kiosk is showing what the visitor asked for and waiting for the next touch.
QUIET_S = 1.0
# A tick before the trim, one frame is drawn (``QQuickWindow.update``): the scene graph
# deletes the textures of pictures let go only as it syncs a frame, and a screen at rest
# draws none. Measured (the soak, 1,500 navigations, a sample at home after each of 14
# quiet spells on the attract loop): without it, 4-5 samples of 14 held two gallery
# pictures' textures (1440x960, 5.4 MB each) until the next touch, 65-66 MB of
# anonymous memory against 54.4-54.8; with it, every sample 54.4-54.7.
FRAME_AHEAD_S = 0.25


_M_MMAP_THRESHOLD = -3  # from glibc's malloc.h


def fix_mmap_threshold() -> None:
    """Hand large freed blocks (decoded images, page trees) back to the system.

    glibc's default lets its mmap threshold grow with each large free, after which
    those blocks stay in the heap: measured here, the first walk through every
    screen kept 24-52 MB that never came back. A fixed 128 KiB threshold keeps a
    kiosk's memory flat over weeks. Set before anything else is made
    (``kiosk.ui.app.ensure_application``): set at the first frame instead, the
    start's own large frees had already raised it, and 0.6 MB more stayed in the heap
    (7 runs each).
    """
    mallopt = glibc.function("mallopt", glibc.INT, glibc.INT)
    if mallopt is None:
        log.info("mallopt unavailable: memory tuning skipped")
        return
    mallopt(_M_MMAP_THRESHOLD, 128 * 1024)


def forget_source_lines() -> None:
    """Drop the source lines that importing PySide left in ``linecache``.

    PySide's import reads the source of ``enum.py`` and of its own ``__init__``
    (2,200 lines) through ``inspect``, and ``linecache`` keeps them for tracebacks
    that seldom come. Dropped before the kiosk's start-up makes most of its Python
    objects, their room is used again: 0.27 MB less anonymous memory 1.5 s after the
    first frame (4 interleaved starts each). A traceback reads its lines afresh.
    """
    linecache.clearcache()


def malloc_trim() -> Callable[[], object] | None:
    """glibc's ``malloc_trim(0)``, or None where the C library has none."""
    trim = glibc.function("malloc_trim", glibc.ULONG)  # a size_t
    if trim is None:
        return None
    return lambda: trim(0)


class Trimmer:
    """Trims once the kiosk has been quiet for ``quiet_s`` since the last change."""

    def __init__(
        self,
        trim: Callable[[], object] | None,
        clock: Callable[[], float] = time.monotonic,
        quiet_s: float = QUIET_S,
        frame: Callable[[], object] = lambda: None,
    ) -> None:
        self.trim = trim
        self.clock = clock
        self.quiet_s = quiet_s
        self.frame = frame
        self.trims = 0
        self._changed_at: float | None = clock()  # made at the first frame: a change
        self._framed = False

    def changed(self, *_args: object) -> None:
        """A new screen, language or page: wait for it to settle before trimming."""
        self._changed_at = self.clock()
        self._framed = False

    def tick(self) -> bool:
        """Trim if the last change has settled and no trim followed it yet; a tick
        before, ask for the frame that lets the scene graph free what it let go."""
        if self._changed_at is None or self.trim is None:
            return False
        quiet = self.clock() - self._changed_at
        if not self._framed and quiet >= self.quiet_s - FRAME_AHEAD_S:
            self._framed = True
            self.frame()
            return False
        if quiet < self.quiet_s:
            return False
        self._changed_at = None  # once per quiet spell
        self.trim()
        self.trims += 1
        return True


def tidy(engine: QJSEngine, trim: Callable[[], object] | None) -> Callable[[], None]:
    """The JavaScript garbage of the screens left collected, then the heaps trimmed."""

    def run() -> None:
        engine.collectGarbage()
        if trim is not None:
            trim()
        cores.sweep()  # a thread made since the last spell leaves the UI core

    return run


def keep_trimmed(kw: KioskWindow) -> Trimmer:
    """A trimmer that hears of every change of place and language in the window, and
    of every overlay shown or closed over it; the caller ticks it (``Controller.tick``).

    An overlay (the key help, the quit question, the PIN pad and the staff panel,
    "still there?") is made when it shows and torn down when it closes, like a screen,
    but changes neither place nor language: what closing it freed stayed in the heaps
    until the next tap on a screen. Measured 1.5 s after each first closing (anonymous
    memory, against the same run without): 0.1-0.4 MB each came back.
    """
    trim = malloc_trim()
    if trim is None:
        log.info("malloc_trim unavailable: freed memory stays with the C library")
    trimmer = Trimmer(tidy(kw.engine, trim), frame=kw.window.update)
    kiosk = kw.kiosk
    for changed in (
        kiosk.nav.changed,
        kiosk.language.changed,
        kiosk.presenter.changed,  # the key help, the quit question
        kiosk.idle.changed,  # "still there?" (and its countdown)
        kw.staff.openChanged,  # the PIN pad, then the staff panel
    ):
        changed.connect(trimmer.changed)
    return trimmer

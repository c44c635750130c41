"""A short soak: hundreds of navigations must not grow memory or leave items behind.

The walk runs inside a real event loop (``QEventLoop.exec``) and each step waits for
the frame it caused: a plain ``processEvents()`` loop never frees deleted Qt objects
and would look like a leak. QML warnings fail the test through ``conftest.py``.
"""

from __future__ import annotations

import gc
import itertools
import sys
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, Qt, QTimer

from kiosk.content.model import ContentSet
from kiosk.ui.app import KioskWindow
from tests.conftest import BUNDLED
from tests.uitools import load, open_window, walk

pytestmark = [pytest.mark.usefixtures("qapp"), pytest.mark.slow]

NAVIGATIONS = 400
RSS_GROWTH_LIMIT_MB = 25.0
REST_MS = 600  # page fades (220 ms) finish and deferred deletions run


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS in /proc/self/status")


def live_items(kw: KioskWindow) -> int:
    return sum(1 for _ in walk(kw.window.contentItem()))


def tour(kw: KioskWindow, content: ContentSet) -> Iterator[Callable[[], None]]:
    """Every screen, every gallery image, every language and an idle reset, forever."""
    kiosk = kw.kiosk
    codes = itertools.cycle(content.site.language_codes[1:] + content.site.language_codes[:1])
    while True:
        for exhibit in content.exhibits:
            yield partial(kiosk.nav.openExhibit, exhibit.id)
            if exhibit.gallery:
                yield lambda: kiosk.nav.openGallery(0)
                for index in range(1, len(exhibit.gallery)):
                    yield partial(kiosk.nav.showGalleryImage, index)
                yield kiosk.nav.back
            code = next(codes)
            yield partial(kiosk.language.choose, code)
            yield kiosk.nav.back
        yield kiosk.nav.openTimeline
        code = next(codes)
        yield partial(kiosk.language.choose, code)
        yield kiosk.nav.home
        yield kiosk.reset_to_attract
        yield kiosk.nav.leaveAttract


def run_steps(kw: KioskWindow, steps: Iterator[Callable[[], None]], count: int) -> int:
    """Take ``count`` steps, each after the previous one's frame, inside ``exec()``."""
    loop = QEventLoop()
    taken = 0
    finished = False

    def step() -> None:
        nonlocal taken, finished
        if finished:
            return
        if taken >= count:
            finished = True
            kw.window.frameSwapped.disconnect(schedule)
            QTimer.singleShot(REST_MS, loop.quit)
            return
        next(steps)()
        taken += 1
        kw.window.update()  # a step that changes nothing visible still gets its frame

    def schedule() -> None:
        QTimer.singleShot(0, step)

    kw.window.frameSwapped.connect(schedule, Qt.ConnectionType.QueuedConnection)
    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(loop.quit)
    watchdog.start(120_000)
    QTimer.singleShot(0, step)
    loop.exec()
    watchdog.stop()
    return taken


def rest_on_home(kw: KioskWindow) -> None:
    """Between visitors: attract, default language, then home; let the fades finish."""
    kw.kiosk.reset_to_attract()
    kw.kiosk.nav.leaveAttract()
    run_steps(kw, iter(()), 0)
    gc.collect()
    assert kw.kiosk.nav.place.screen == "home"


def test_soak_keeps_memory_and_items_flat(rendition_cache: Path) -> None:
    content = load(BUNDLED)
    with open_window(content, rendition_cache) as kw:
        steps = tour(kw, content)
        assert run_steps(kw, steps, 60) == 60  # warm-up: every page, image and language once
        rest_on_home(kw)
        items_before, rss_before = live_items(kw), rss_mb()
        true_refs = sys.getrefcount(True)

        taken = run_steps(kw, steps, NAVIGATIONS)
        assert taken == NAVIGATIONS, f"the walk stalled after {taken} steps"
        rest_on_home(kw)
        # A binding that over-releases Py_True aborts the kiosk ("bool_dealloc") once the
        # count reaches zero, after some thousands of navigations: catch the trend early.
        lost = true_refs - sys.getrefcount(True)
        assert lost < 100, f"Py_True lost {lost} references in {taken} navigations"
        assert live_items(kw) == items_before, "QQuickItems were left behind by the walk"
        growth = rss_mb() - rss_before
        assert growth < RSS_GROWTH_LIMIT_MB, f"RSS grew {growth:.1f} MB in {taken} navigations"

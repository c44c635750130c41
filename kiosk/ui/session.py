"""Opening the kiosk window on a given screen, headless: the core of ``kiosk render``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.media.cache import RenditionCache, default_cache_dir, rendition_boxes
from kiosk.media.service import RenditionService
from kiosk.runtime import cores

# A running kiosk needs only ``make_service`` before its first frame; rendering a
# screen to a picture (``kiosk render``) brings in the rest where it is used.
if TYPE_CHECKING:
    from PySide6.QtGui import QImage

    from kiosk.content.model import ContentSet
    from kiosk.ui.app import KioskWindow


def make_service(cache: Path | None, size: tuple[int, int]) -> RenditionService:
    """Renditions for this screen, and thumbnails of the usual size."""
    return RenditionService(
        RenditionCache(cache or default_cache_dir(), rendition_boxes(size)),
        initializer=cores.leave_ui_core,
    )


def go_to(kw: KioskWindow, screen: str, exhibit_id: str = "", index: int = 0) -> None:
    """Navigate as a visitor would: home, then the exhibit, then its gallery."""
    nav = kw.kiosk.nav.navigator
    if screen == "attract":
        nav.attract()
        return
    nav.home()
    if screen in ("exhibit", "gallery"):
        nav.open_exhibit(exhibit_id)
    if screen == "gallery":
        nav.open_gallery(index)
    if screen == "timeline":
        nav.open_timeline(index)
    if screen == "about":
        nav.open_about()
    if screen == "map":
        nav.open_map(index)
    if screen == "still-there":
        kw.kiosk.idle.show(True, 12)


def open_screen(
    content: ContentSet,
    screen: str,
    exhibit_id: str,
    language: str | None,
    index: int,
    size: tuple[int, int],
    cache: Path | None,
    *,
    text_scale: float = 1.0,
    high_contrast: bool = False,
) -> QImage:
    from kiosk.ui.render import grab, hold_still, settle

    with opened(content, size, cache) as kw:
        if language:
            kw.kiosk.language.choose(language)
        kw.kiosk.appearance.set_text_scale(text_scale)
        kw.kiosk.appearance.set_high_contrast(high_contrast)
        go_to(kw, screen, exhibit_id, index)
        kw.window.show()
        hold_still(kw.window)
        settle(kw.window, kw.images, exact=True)
        hold_still(kw.window)
        return grab(kw.window)


@contextmanager
def opened(content: ContentSet, size: tuple[int, int], cache: Path | None) -> Iterator[KioskWindow]:
    """The window on ``content`` at ``size``, home first, not yet shown; closed and let
    go after (``kiosk validate --screens`` opens one a screen size)."""
    from kiosk.ui.app import build_window

    service = make_service(cache, size)
    kw = build_window(content, service, start="home", size=size)
    try:
        yield kw
    finally:
        kw.window.close()
        kw.window.deleteLater()
        kw.engine.deleteLater()
        service.shutdown()

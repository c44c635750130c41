"""Building the Qt application and the QML window around a ``Kiosk`` bridge."""

from __future__ import annotations

import builtins
import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QtMsgType, QUrl, qInstallMessageHandler
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine, QQmlComponent, QQmlEngine
from PySide6.QtQuick import QQuickWindow, QSGRendererInterface

# The rest of the kiosk is imported where it is used: ``kiosk [DIR]`` starts the QML
# compiling (``MainQml``) before it imports the bridge, the model and the services.
if TYPE_CHECKING:
    from collections.abc import Mapping

    from kiosk.content.model import ContentSet
    from kiosk.media.service import RenditionService
    from kiosk.ui.bridge import Kiosk
    from kiosk.ui.images import ImageStore
    from kiosk.ui.readaloud_player import ReadAloudPlayer
    from kiosk.ui.staff import Staff

log = logging.getLogger("kiosk.ui")
DRM = Path("/sys/class/drm")
# DRM drivers with render nodes that draw nothing themselves: Mesa falls back to software
NOT_GPUS = frozenset({"vgem", "vkms"})
NO_GPU = "no GPU"  # how software_reason's reasons begin when nobody asked for software
QML_DIR = Path(__file__).resolve().parent / "qml"
FONT_FAMILY = "Noto Sans"


def plain_import() -> None:
    """Give Python its own ``import`` back from PySide's.

    Importing PySide replaces the built-in ``__import__`` with its own, kept as
    ``builtins.__feature_import__``, for ``from __feature__ import snake_case`` (PySide's
    documentation, "The __feature__ import"), which the kiosk never uses. That import
    runs some Python for every import statement and, for every module imported after
    it, reads the module's source to see whether it mentions "PySide6": about 360
    import statements and 80 modules before the first frame. PySide keeps the
    original as ``builtins.__orig_import__``; an ``__import__`` that is not PySide's
    (a debugger's, a test's) is left alone.
    """
    own = getattr(builtins, "__orig_import__", None)
    pyside = getattr(builtins, "__feature_import__", None)
    if own is not None and pyside is not None and builtins.__import__ is pyside:
        builtins.__import__ = own


plain_import()  # before the rest of the kiosk is imported


def ensure_application(software: bool = False) -> QGuiApplication:
    """The one QGuiApplication; the software scene graph must be chosen before it exists."""
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    # here, not at the top: imported with Python's own import (plain_import)
    from kiosk.ui.memory import fix_mmap_threshold, forget_source_lines

    fix_mmap_threshold()
    forget_source_lines()
    why = "asked for" if software else software_reason(os.environ)
    if why:
        QQuickWindow.setGraphicsApi(QSGRendererInterface.GraphicsApi.Software)
        if why.startswith(NO_GPU):  # the others were asked for: nothing to tell
            log.info(
                "Qt Quick draws in software: %s (QSG_RHI_BACKEND=opengl draws with OpenGL)", why
            )
    # Not while fontconfig is being set up on the preloading thread: the environment
    # written here and the locale Qt's application sets (setlocale) are what it reads
    from kiosk.runtime import preload

    preload.wait()
    os.environ.setdefault("QT_QUICK_CONTROLS_STYLE", "Basic")
    # Qt's raster engine hands a large fill to a pool of threads and waits for them:
    # on two cores those wait behind the picture reader. The UI thread fills alone
    # (kiosk.runtime.cores: it keeps a core of its own).
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
    app = QGuiApplication([])
    app.setApplicationName("friendship-kiosk")
    register_fonts(app)
    return app


def software_reason(
    env: Mapping[str, str], drm: Path = DRM, platform: str = sys.platform
) -> str | None:
    """Why Qt Quick should draw with its software scene graph here, or None for Qt's
    own choice (OpenGL on Linux).

    Without a GPU, Qt's OpenGL is Mesa's software rasterizer (llvmpipe): it draws the
    whole 1920x1080 window for every frame on the CPU, on a render thread of its own.
    Measured under X (``bench.py --only nav --quick --display``, 2 cores): a tap's
    slowest kind 43-53 ms at p95 against 14.5 with the software scene graph, which
    redraws only what changed; the start 329 against 196 ms; PSS 169 against 80 MB.
    A machine with a GPU has a DRM render node (``/sys/class/drm/renderD*``) whose
    driver draws. ``QT_QUICK_BACKEND`` or ``QSG_RHI_BACKEND`` set by a technician is
    their choice and is kept.
    """
    if env.get("QT_QPA_PLATFORM", "").split(":")[0] == "offscreen":  # with its options too
        return "offscreen"
    if env.get("QT_QUICK_BACKEND") == "software":
        return "QT_QUICK_BACKEND=software"
    if env.get("QT_QUICK_BACKEND") or env.get("QSG_RHI_BACKEND"):
        return None
    if not platform.startswith("linux"):
        return None
    if env.get("LIBGL_ALWAYS_SOFTWARE", "0") not in ("", "0", "false"):
        return f"{NO_GPU}: LIBGL_ALWAYS_SOFTWARE is set"
    for node in sorted(drm.glob("renderD*")):
        try:
            driver = (node / "device" / "driver").resolve(strict=True).name
        except OSError:
            driver = ""  # a node whose driver is not named: a GPU, as Qt would assume
        if driver not in NOT_GPUS:
            return None
    return f"{NO_GPU} found (no DRM render node under {drm} with a driver that draws)"


def register_fonts(app: QGuiApplication) -> str:
    """Noto Sans from the font package, so every machine draws ə ğ ı ş oʻ and Cyrillic alike."""
    from kiosk.content.fonts import font_files

    files = font_files()  # fontconfig set up: ensure_application waited for the preload
    if not files:
        log.error("font package fontpkg-noto-sans missing: falling back to system fonts")
        return app.font().family()
    family = FONT_FAMILY
    for font_file in files:
        font_id = QFontDatabase.addApplicationFont(str(font_file))
        if font_id < 0:
            log.error("could not register font %s", font_file)
            continue
        family = QFontDatabase.applicationFontFamilies(font_id)[0]
    font = QFont(family)
    font.setPixelSize(28)
    app.setFont(font)
    return family


# Qt's own bookkeeping, not a fault of ours or of the content: QUnifiedTimer stops its
# animation driver in a queued call, and when the driver was already stopped (all that
# still ran was paused, or the render loop stopped it as a window closed) it says so.
# Nothing is wrong on screen; it came once in CI at a test's teardown, under load.
QT_BOOKKEEPING = frozenset({"QUnifiedTimer::stopAnimationDriver: driver is not running"})


@dataclass
class QmlMessages:
    """Every QML warning and error; tests fail on any, the kiosk logs them."""

    lines: list[str] = field(default_factory=list)

    def handler(self, kind: QtMsgType, context: object, message: str) -> None:
        quiet = kind == QtMsgType.QtDebugMsg or kind == QtMsgType.QtInfoMsg
        if quiet or message in QT_BOOKKEEPING:
            log.debug("qt: %s", message)
            return
        self.lines.append(message)
        log.warning("qt: %s", message)


MESSAGES = QmlMessages()


class MainQml:
    """``Main.qml`` compiling on Qt's loader thread while Python goes on with start-up.

    Made as soon as the application exists, so that parsing and compiling the QML
    (about 10 ms, no Python, so no GIL) overlaps importing and loading the content
    on the other core; ``build_window`` waits for it only if it is not done yet.
    """

    def __init__(self) -> None:
        self.engine = QQmlApplicationEngine()
        # parented to the engine: the window it makes lives as long as the engine
        self.component = QQmlComponent(self.engine, self.engine)
        self.component.loadUrl(
            QUrl.fromLocalFile(str(QML_DIR / "Main.qml")),
            QQmlComponent.CompilationMode.Asynchronous,
        )

    def advance(self) -> None:
        """Let finished loader-thread steps land: the compiler hands each one back to
        the UI thread through its event queue. Costs microseconds; call between the
        slower steps of start-up."""
        QGuiApplication.processEvents()

    def create(self, properties: dict[str, object]) -> QQuickWindow:
        """The window, once the component is compiled; raises if the QML is broken."""
        if self.component.isLoading():
            from PySide6.QtCore import QEventLoop  # seldom: the compile is done by now

            loop = QEventLoop()
            self.component.statusChanged.connect(loop.quit)
            if self.component.isLoading():  # it may have finished in between
                loop.exec()
        window = self.component.createWithInitialProperties(properties)
        if not isinstance(window, QQuickWindow):
            errors = [e.toString() for e in self.component.errors()]
            raise RuntimeError("the QML window did not load: " + "; ".join(errors + MESSAGES.lines))
        # A root made by a component has no parent: without this, the JavaScript
        # garbage collector may delete the window under us.
        QQmlEngine.setObjectOwnership(window, QQmlEngine.ObjectOwnership.CppOwnership)
        return window


@dataclass
class KioskWindow:
    """What ``build_window`` returns; keeps the Python objects alive with the window."""

    app: QGuiApplication
    engine: QQmlApplicationEngine
    window: QQuickWindow
    kiosk: Kiosk
    images: ImageStore
    staff: Staff


def build_window(
    content: ContentSet,
    service: RenditionService,
    start: str = "attract",
    size: tuple[int, int] = (1920, 1080),
    kiosk_mode: bool = False,
    staff: Staff | None = None,
    qml: MainQml | None = None,
    player: ReadAloudPlayer | None = None,
    hold_images: bool = False,
) -> KioskWindow:
    """The window on ``content``; without a read-aloud ``player`` (render, tests) nothing
    is read aloud, unless one is attached later (``kiosk.readAloud.attach``). With
    ``hold_images``, no picture is asked for until ``images.release()``."""
    from kiosk.ui.bridge import Kiosk
    from kiosk.ui.images import ImageStore, decode_renditions_only
    from kiosk.ui.staff import Staff

    app = ensure_application()
    decode_renditions_only(service.cache.root)  # before the first picture
    qInstallMessageHandler(MESSAGES.handler)
    qml = qml or MainQml()
    images = ImageStore(service, held=hold_images)
    kiosk = Kiosk(content, images, start=start, player=player)
    if staff is None:
        staff = Staff(None)  # no actions: nothing to reload or quit (render, tests)
    window = qml.create(
        {
            "kiosk": kiosk,
            "staff": staff,
            "kioskMode": kiosk_mode,
            "width": size[0],
            "height": size[1],
        }
    )
    for obj in (kiosk, images, staff):
        obj.setParent(window)
    # asynchronous Loaders (an exhibit page's later sections) are made between frames
    qml.engine.setIncubationController(window.incubationController())
    return KioskWindow(app, qml.engine, window, kiosk, images, staff)

"""Wiring the pure runtime to the window: Qt input to the idle machine, a timer for
the heartbeat, signals of the views to ``kiosk.runtime.visit.Visit`` (which decides
what analytics records and when reloaded content goes on screen), a heartbeat to
systemd, and lockdown in kiosk mode.

Each piece is optional so tests (and presentation mode) use only what they need.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickWindow, QSGRendererInterface

from kiosk.runtime import systemd
from kiosk.runtime.visit import TICK_MS, Visit, reload_timing

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent

    from kiosk.content.model import ContentSet
    from kiosk.runtime.analytics import AnalyticsRecorder  # sqlite3 only in kiosk mode
    from kiosk.runtime.idle import IdleMachine
    from kiosk.runtime.navigation import Place
    from kiosk.runtime.reload import ReloadController
    from kiosk.ui.app import KioskWindow
    from kiosk.ui.memory import Trimmer

log = logging.getLogger("kiosk.controller")


class _InputKinds:
    """The kinds of input event the idle machine and kiosk mode look at. Made only
    when a window needs its events filtered (kiosk mode): the first use of
    ``QEvent`` makes the Python enum of its 170 types, about 2 ms of a windowed start."""

    def __init__(self) -> None:
        from PySide6.QtCore import QEvent

        kind = QEvent.Type
        self.press = {kind.MouseButtonPress, kind.TouchBegin, kind.TabletPress}
        self.release = {
            kind.MouseButtonRelease,
            kind.TouchEnd,
            kind.TouchCancel,
            kind.TabletRelease,
        }
        self.activity = {kind.KeyPress, kind.Wheel, kind.TouchUpdate}
        self.close = kind.Close
        self.context_menu = kind.ContextMenu


class WindowView:
    """``kiosk.runtime.visit.KioskView`` on the real window."""

    def __init__(self, kw: KioskWindow) -> None:
        self.kw = kw

    def place(self) -> Place:
        return self.kw.kiosk.nav.place

    def language(self) -> str:
        return self.kw.kiosk.language.current

    def content(self) -> ContentSet:
        return self.kw.kiosk.content

    def show_content(self, content: ContentSet) -> None:
        self.kw.kiosk.set_content(content)

    def show_still_there(self, showing: bool, seconds_left: int) -> None:
        self.kw.kiosk.idle.show(showing, seconds_left)

    def show_problems(self, lines: Sequence[str]) -> None:
        self.kw.kiosk.problems.set(lines)

    def reset_to_attract(self) -> None:
        self.kw.kiosk.reset_to_attract()

    def staff_open(self) -> bool:
        return bool(self.kw.staff.open)

    def refresh_staff(self) -> None:
        self.kw.staff.refresh()  # nothing while the panel is locked


# Qt.EventPriority.HighEventPriority, spelled out: the Qt namespace costs 12 ms to import
_HIGH_PRIORITY = 1


class FrameNow:
    """The frame that shows a visitor's move is drawn as soon as the move is made.

    A change on screen asks the window for a frame (``QWindow.requestUpdate``); where
    the platform does not pace frames to the display (X11 without frame sync, the
    offscreen platform) Qt waits 5 ms before drawing it, to let other input gather.
    After a move (a new screen, another language, text size or contrast) nothing else
    is coming: the frame is asked for at once, ahead of the queued deletion of the
    screen left, which then runs after that frame instead of before it. Animations
    keep Qt's own pace: only a move asks, once per move (Qt's own request still comes
    and finds nothing left to draw).

    Only with the software scene graph, which draws on this thread. With OpenGL
    (Mesa's llvmpipe on a kiosk PC without a GPU, measured in a real X11 window) the
    window hands each frame to its render thread and waits for it: a second frame
    asked for so soon after the first made taps slower, not faster.
    """

    def __init__(self, window: QObject) -> None:
        self.window = window
        self._event: type[QEvent] | None = None  # QEvent's enums made at the first move

    def __call__(self, *_: object) -> None:
        if self._event is None:
            from PySide6.QtCore import QEvent

            self._event = QEvent
            self._kind = QEvent.Type.UpdateRequest
        # posted, not sent: the views finish reacting to the move first (Qt owns it)
        QCoreApplication.postEvent(self.window, self._event(self._kind), _HIGH_PRIORITY)


def _software(window: QQuickWindow) -> bool:
    """The window draws with the software scene graph (on the GUI thread)."""
    software = QSGRendererInterface.GraphicsApi.Software
    return bool(window.rendererInterface().graphicsApi() == software)


class Controller(QObject):
    firstFrame = Signal()  # the window's first frame is on screen: start-up is over

    def __init__(
        self,
        kw: KioskWindow,
        *,
        idle: IdleMachine | None = None,
        reload: ReloadController | None = None,
        recorder: AnalyticsRecorder | None = None,
        kiosk_mode: bool = False,
        preview: bool = False,
        tick_ms: int = TICK_MS,
    ) -> None:
        super().__init__(kw.window)
        self.kw = kw
        self.idle = idle
        self.reload = reload
        self.kiosk_mode = kiosk_mode
        self.visit = Visit(
            WindowView(kw),
            idle=idle,
            reload=reload,
            recorder=recorder,
            preview=preview,
            reload_every=reload_timing(preview, tick_ms).reload_every,
        )
        kiosk = kw.kiosk
        # touches reach the idle machine, and kiosk mode refuses to close
        self._kinds = _InputKinds() if idle is not None or kiosk_mode else None
        if self._kinds is not None:
            kw.window.installEventFilter(self)
        kiosk.nav.changed.connect(self._guard(lambda: self.visit.on_place(kiosk.nav.place)))
        kiosk.language.changed.connect(self._guard(self.visit.on_language))
        kiosk.idle.continueRequested.connect(self._guard(self.visit.visitor_answered))
        kiosk.nav.zoomed.connect(self._guard(self.visit.on_zoom))
        kiosk.readAloud.listened.connect(self._guard(self.visit.on_listen))
        kiosk.keys.fullScreenToggleRequested.connect(self._toggle_full_screen)
        if _software(kw.window):
            self._frame_now = FrameNow(kw.window)
            kiosk.nav.changed.connect(self._frame_now)
            kiosk.language.changed.connect(self._frame_now)
            kiosk.appearance.changed.connect(self._frame_now)
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._guard(self.tick))
        self._timer.start()
        self._watchdog = QTimer(self)
        interval = systemd.watchdog_interval_s()
        if interval:
            self._watchdog.setInterval(int(interval * 1000))
            self._watchdog.timeout.connect(systemd.watchdog)
            self._watchdog.start()
        self._started = False  # the first frame has been shown
        self.memory: Trimmer | None = None  # gives freed memory back once quiet (first frame on)
        # not Qt.ConnectionType.SingleShotConnection: the Qt namespace costs 12 ms to import
        kw.window.frameSwapped.connect(self._first_frame)

    def _send_ready_again(self) -> None:
        if systemd.send_unsent_ready():
            self._watchdog.stop()

    def tick(self) -> None:
        """Every quarter second on the UI thread: timeouts, reloads, the countdown."""
        self.visit.tick()
        if self.memory is not None:
            self.memory.tick()

    def go_attract(self, reason: str = "staff") -> None:
        self.visit.go_attract(reason)

    def _first_frame(self) -> None:
        # With a threaded render loop (xcb) frameSwapped comes from the render thread
        # through the event queue, so a second frame may already be queued when the
        # first is handled: disconnecting again warned "Failed to disconnect".
        if self._started:
            return
        self._started = True
        self.kw.window.frameSwapped.disconnect(self._first_frame)
        systemd.ready("showing content")
        if systemd.ready_unsent() and not self._watchdog.isActive():
            # no ping to carry it: a Type=notify unit without a watchdog would otherwise
            # wait for READY=1 until its start timeout, then stop a kiosk on screen
            self._watchdog.setInterval(int(systemd.RETRY_S * 1000))
            self._watchdog.timeout.connect(self._send_ready_again)
            self._watchdog.start()
        from kiosk.ui.memory import keep_trimmed  # not a module the first frame needs

        self.memory = keep_trimmed(self.kw)
        if self.reload is not None:
            # the watcher's first look, and a load that finishes what the start-up
            # load put off (see ReloadController.start_watching), off the UI thread
            self.reload.start_watching()
        self.firstFrame.emit()

    # input -------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        kinds = self._kinds
        if kinds is None:
            return False
        if self.idle is not None:
            if kind in kinds.press:
                self.idle.pointer_down()
            elif kind in kinds.release:
                self.idle.pointer_up()
            elif kind in kinds.activity:
                self.idle.touch()
        if self.kiosk_mode:
            if kind == kinds.close:
                event.ignore()
                log.info("close request ignored in kiosk mode (quit from the staff panel)")
                return True
            if kind == kinds.context_menu:
                return True
        return False

    def _toggle_full_screen(self) -> None:
        window = self.kw.window
        if self.kiosk_mode:
            return  # kiosk mode is always full screen
        if window.visibility() == window.Visibility.FullScreen:
            window.showNormal()
        else:
            window.showFullScreen()

    # crash-proofing ---------------------------------------------------------------------

    @staticmethod
    def _guard(function: Callable[..., None]) -> Callable[..., None]:
        """A callback that raises is logged and the kiosk carries on."""

        def guarded(*args: object) -> None:
            try:
                function(*args)
            except Exception:
                log.exception("unexpected exception in %s", getattr(function, "__name__", function))

        return guarded


def hide_cursor() -> None:
    from PySide6.QtCore import Qt

    QGuiApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)

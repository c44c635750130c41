"""Wiring the pure runtime to the window: input to the idle machine, reloads to the
screen, navigation to analytics, a heartbeat to systemd, and lockdown in kiosk mode.

Each piece is optional so tests (and presentation mode) use only what they need.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from kiosk.content.fallback import FALLBACK_VERSION
from kiosk.content.model import ContentSet
from kiosk.runtime import systemd
from kiosk.runtime.idle import (
    ANSWERED,
    RESET,
    SESSION_START,
    STILL_THERE,
    IdleEvent,
    IdleMachine,
    IdleState,
)
from kiosk.runtime.navigation import ATTRACT, GALLERY, TIMELINE, Place
from kiosk.runtime.reload import ReloadController, ReloadEvent
from kiosk.ui.app import KioskWindow

if TYPE_CHECKING:
    from kiosk.runtime.analytics import AnalyticsRecorder  # sqlite3 only in kiosk mode

log = logging.getLogger("kiosk.controller")

_PRESS = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.TabletPress}
_RELEASE = {
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.TouchEnd,
    QEvent.Type.TouchCancel,
    QEvent.Type.TabletRelease,
}
_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.Wheel, QEvent.Type.TouchUpdate}


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
        tick_ms: int = 250,
    ) -> None:
        super().__init__(kw.window)
        self.kw = kw
        self.idle = idle
        self.reload = reload
        self.recorder = recorder
        self.kiosk_mode = kiosk_mode
        self.preview = preview
        self._last_place = Place("")
        self._ticks = 0
        self.reload_every = 1 if tick_ms >= 1000 else max(1, 1000 // tick_ms)  # about once a second
        self._language = kw.kiosk.current_language()
        kw.window.installEventFilter(self)
        kw.kiosk.placeChanged.connect(self._on_place)
        kw.kiosk.languageChanged.connect(self._on_language)
        kw.kiosk.continueRequested.connect(self._on_continue)
        kw.kiosk.zoomed.connect(self._on_zoom)
        kw.kiosk.fullScreenToggleRequested.connect(self._toggle_full_screen)
        if idle is not None:
            idle.subscribe(self._guard(self._on_idle))
        if reload is not None:
            reload.on_event = self._guard(self._on_reload)
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
        # not Qt.ConnectionType.SingleShotConnection: the Qt namespace costs 12 ms to import
        kw.window.frameSwapped.connect(self._first_frame)

    # the heartbeat -------------------------------------------------------------------

    def tick(self) -> None:
        """Every quarter second on the UI thread: timeouts, reloads, the countdown."""
        if self.idle is not None:
            if self.kw.staff.open:
                self.idle.touch()  # staff at work: no "still there?" under the panel
            self.idle.tick()
            showing = self.idle.state == IdleState.STILL_THERE
            seconds = math.ceil(self.idle.seconds_left()) if showing else 0
            self.kw.kiosk.set_still_there(showing, seconds)
        self._ticks += 1
        if self.reload is not None and self._ticks % self.reload_every == 0:
            self.reload.poll()

    def _first_frame(self) -> None:
        self.kw.window.frameSwapped.disconnect(self._first_frame)
        systemd.ready("showing content")
        if self.reload is not None:
            # the watcher's first look, and a load that finishes what the start-up
            # load put off (see ReloadController.start_watching), off the UI thread
            self.reload.start_watching()
        self.firstFrame.emit()

    # input -------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if self.idle is not None:
            if kind in _PRESS:
                self.idle.pointer_down()
            elif kind in _RELEASE:
                self.idle.pointer_up()
            elif kind in _ACTIVITY:
                self.idle.touch()
        if self.kiosk_mode:
            if kind == QEvent.Type.Close:
                event.ignore()
                log.info("close request ignored in kiosk mode (quit from the staff panel)")
                return True
            if kind == QEvent.Type.ContextMenu:
                return True
        return False

    def _on_continue(self) -> None:
        if self.idle is not None:
            self.idle.touch()

    def _toggle_full_screen(self) -> None:
        window = self.kw.window
        if self.kiosk_mode:
            return  # kiosk mode is always full screen
        if window.visibility() == window.Visibility.FullScreen:
            window.showNormal()
        else:
            window.showFullScreen()

    # idle and sessions -------------------------------------------------------------------

    def _on_idle(self, event: IdleEvent) -> None:
        kiosk = self.kw.kiosk
        if event.kind == SESSION_START:
            # The attract loop itself goes home when the tap completes: leaving it on
            # the press would drop the release on whatever tile lies underneath.
            if self.recorder:
                self.recorder.session_start(kiosk.current_language())
        elif event.kind == STILL_THERE:
            kiosk.set_still_there(True, math.ceil(self.idle.seconds_left()) if self.idle else 0)
        elif event.kind == ANSWERED:
            kiosk.set_still_there(False, 0)
            if self.recorder:
                self.recorder.still_there(True)
        elif event.kind == RESET:
            kiosk.set_still_there(False, 0)
            if self.recorder:
                if event.reason == "timeout":
                    self.recorder.still_there(False)
                self.recorder.session_end("staff" if event.reason == "staff" else "idle_reset")
            self._swap_if_pending()
            kiosk.reset_to_attract()

    def go_attract(self, reason: str = "staff") -> None:
        if self.idle is not None and self.idle.state != IdleState.ATTRACT:
            self.idle.go_attract(reason)
        else:
            self._swap_if_pending()
            self.kw.kiosk.reset_to_attract()

    # content -----------------------------------------------------------------------------

    def _on_reload(self, event: ReloadEvent) -> None:
        reload = self.reload
        if reload is None:
            return
        showing = self.kw.kiosk.content
        if reload.current is not None and reload.current.version != showing.version:
            self._show(reload.current)  # swapped: preview mode or first valid set
        elif reload.pending is not None and (
            self._between_visitors() or showing.version == FALLBACK_VERSION
        ):
            self._swap_if_pending()
        problems = [str(p) for p in reload.last_errors] if self.preview else []
        self.kw.kiosk.set_problems(problems)
        if self.kw.staff.unlocked:
            self.kw.staff.refresh()

    def _between_visitors(self) -> bool:
        if self.idle is not None:
            return self.idle.state == IdleState.ATTRACT
        return self.kw.kiosk.screen == ATTRACT

    def _swap_if_pending(self) -> None:
        if self.reload is None:
            return
        content = self.reload.at_attract()
        if content is not None:
            self._show(content)

    def _show(self, content: ContentSet) -> None:
        self.kw.kiosk.set_content(content)
        if self.idle is not None:
            self.idle.set_settings(content.site.idle)

    # analytics -------------------------------------------------------------------------

    def _on_place(self) -> None:
        place = self.kw.kiosk.navigator.place
        previous, self._last_place = self._last_place, place
        recorder = self.recorder
        if recorder is None:
            return
        if (place.screen, place.exhibit_id) != (previous.screen, previous.exhibit_id):
            recorder.page_view(place.screen, place.exhibit_id or None)
            if place.screen == GALLERY:
                recorder.gallery_image(place.exhibit_id, place.index)
        elif place.screen == GALLERY and place.index != previous.index:
            recorder.gallery_image(place.exhibit_id, place.index)
        if place.screen == TIMELINE and (
            previous.screen != TIMELINE or place.index != previous.index
        ):
            entries = self.kw.kiosk.content.timeline()
            if 0 <= place.index < len(entries):
                recorder.timeline_open(entries[place.index][1].date)

    def _on_language(self) -> None:
        new = self.kw.kiosk.current_language()
        old, self._language = self._language, new
        if self.recorder and new != old and self.kw.kiosk.screen != ATTRACT:
            self.recorder.language_change(old, new)

    def _on_zoom(self, index: int) -> None:
        place = self.kw.kiosk.navigator.place
        if self.recorder and place.screen == GALLERY:
            self.recorder.gallery_zoom(place.exhibit_id, index)

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

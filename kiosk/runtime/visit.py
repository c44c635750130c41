"""The kiosk's decisions between visitors and during a visit, with no Qt in them.

What goes to analytics when the visitor moves, switches language or zooms; what the
idle machine's events do to the screen; when a reloaded content set replaces the
one on screen. ``kiosk.ui.controller`` turns Qt events and timers into calls here
and implements ``KioskView``; the tests use a fake view and a fake clock.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from kiosk.content.model import ContentSet, left_out
from kiosk.content.records import Record, record
from kiosk.runtime.idle import (
    ANSWERED,
    RESET,
    SESSION_START,
    STILL_THERE,
    IdleEvent,
    IdleMachine,
    IdleState,
)
from kiosk.runtime.navigation import ATTRACT, GALLERY, HOME, TIMELINE, Place
from kiosk.runtime.reload import SWAPPED, ReloadController, ReloadEvent

if TYPE_CHECKING:
    from kiosk.runtime.analytics import AnalyticsRecorder  # sqlite3 only in kiosk mode

log = logging.getLogger("kiosk.visit")

END_BY_STAFF = "staff"  # an idle reset asked for by staff; every other one is "idle_reset"


class KioskView(Protocol):
    """What the decisions read from and do to the screen."""

    def place(self) -> Place:
        """Where the visitor is."""
        ...

    def language(self) -> str:
        """The visitor's language code."""
        ...

    def content(self) -> ContentSet:
        """The content set on screen."""
        ...

    def show_content(self, content: ContentSet) -> None:
        """Put a new, valid content set on screen."""
        ...

    def show_still_there(self, showing: bool, seconds_left: int) -> None:
        """Show, count down or hide the "still there?" overlay."""
        ...

    def show_problems(self, lines: Sequence[str]) -> None:
        """The curator's problem banner (preview mode); empty hides it."""
        ...

    def reset_to_attract(self) -> None:
        """Attract loop, default language, views forget scroll and zoom."""
        ...

    def staff_open(self) -> bool:
        """Whether the staff pad or panel covers the screen."""
        ...

    def refresh_staff(self) -> None:
        """Let an unlocked staff panel read its status again."""
        ...


TICK_MS = 250  # the heartbeat: timeouts, the countdown, looks for edits


@record
class ReloadTiming(Record):
    """How often the exhibits folder is looked at, and how long it must be quiet."""

    settle_s: float  # quiet time before a change is loaded
    reload_every: int  # heartbeat ticks between two looks


def reload_timing(preview: bool, tick_ms: int = TICK_MS) -> ReloadTiming:
    """Kiosk mode looks about once a second and waits a second of quiet: a copy of
    many files lands whole, and the new set waits for the attract loop anyway. A
    curator in preview watches the screen after each save: a look at every tick and
    a short settle put a save on screen within two seconds (an editor's save is one
    write or one rename)."""
    if preview:
        return ReloadTiming(settle_s=0.3, reload_every=1)
    return ReloadTiming(settle_s=1.0, reload_every=max(1, 1000 // tick_ms))


class Visit:
    """Idle, reload and analytics decisions for one kiosk; every part is optional."""

    def __init__(
        self,
        view: KioskView,
        *,
        idle: IdleMachine | None = None,
        reload: ReloadController | None = None,
        recorder: AnalyticsRecorder | None = None,
        preview: bool = False,
        reload_every: int = 1,
    ) -> None:
        self.view = view
        self.idle = idle
        self.reload = reload
        self.recorder = recorder
        self.preview = preview
        self.reload_every = reload_every  # ticks between two looks at the exhibits folder
        self._ticks = 0
        self._last_place = Place("")
        if idle is not None:
            idle.subscribe(self.on_idle)  # the machine logs a listener that raises
        if reload is not None:
            reload.on_event = self.on_reload  # so does the reload controller

    # the heartbeat ---------------------------------------------------------------------

    def tick(self) -> None:
        """Let time pass: timeouts, the countdown, and now and then a look for edits."""
        if self.idle is not None:
            if self.view.staff_open():
                self.idle.touch()  # staff at work: no "still there?" under the panel
            self.idle.tick()
            showing = self.idle.state == IdleState.STILL_THERE
            self.view.show_still_there(showing, self._seconds_left() if showing else 0)
        self._ticks += 1
        if self.reload is not None:
            if self._ticks % self.reload_every == 0:
                self.reload.poll()
            else:
                self.reload.collect()  # what finished since goes on without waiting

    def visitor_answered(self) -> None:
        """The visitor tapped "continue" (or anything): the session goes on."""
        if self.idle is not None:
            self.idle.touch()

    # idle and sessions -------------------------------------------------------------------

    def on_idle(self, event: IdleEvent) -> None:
        view, recorder = self.view, self.recorder
        if event.kind == SESSION_START:
            # The attract loop itself goes home when the tap completes: leaving it on
            # the press would drop the release on whatever tile lies underneath.
            if recorder:
                recorder.session_start(view.language())
        elif event.kind == STILL_THERE:
            view.show_still_there(True, self._seconds_left())
        elif event.kind == ANSWERED:
            view.show_still_there(False, 0)
            if recorder:
                recorder.still_there(True)
        elif event.kind == RESET:
            view.show_still_there(False, 0)
            if recorder:
                if event.reason == "timeout":
                    recorder.still_there(False)
                # The visit ended at the last touch: the quiet wait and the countdown
                # after it are recorded apart, not as time spent on the page.
                reason = END_BY_STAFF if event.reason == "staff" else "idle_reset"
                recorder.session_end(reason, idle_s=event.quiet_s)
            self._swap_if_pending()
            view.reset_to_attract()

    def go_attract(self, reason: str = "staff") -> None:
        """Back to the attract loop now: ends a session, swaps in waiting content."""
        if self.idle is not None and self.idle.state != IdleState.ATTRACT:
            self.idle.go_attract(reason)  # its RESET event does the rest
        else:
            self._swap_if_pending()
            self.view.reset_to_attract()

    def _seconds_left(self) -> int:
        return math.ceil(self.idle.seconds_left()) if self.idle is not None else 0

    # content -----------------------------------------------------------------------------

    def on_reload(self, event: ReloadEvent) -> None:
        """The screen shows what the reload controller swapped in, and nothing else."""
        reload = self.reload
        if reload is None:
            return
        if event.kind == SWAPPED and reload.current is not None:
            self._show(reload.current)  # preview mode, the first valid set, or at attract
        elif reload.pending is not None and self._between_visitors():
            self._swap_if_pending()
        # the errors of talks left out show too: the set loaded, but a talk did not
        problems = [*reload.last_errors, *left_out(reload.last_warnings)]
        self.view.show_problems([str(p) for p in problems] if self.preview else [])
        self.view.refresh_staff()

    def _between_visitors(self) -> bool:
        if self.idle is not None:
            return self.idle.state == IdleState.ATTRACT
        return self.view.place().screen == ATTRACT

    def _swap_if_pending(self) -> None:
        if self.reload is not None:
            self.reload.at_attract()  # a swap arrives as a SWAPPED event

    def _show(self, content: ContentSet) -> None:
        self.view.show_content(content)
        if self.idle is not None:
            self.idle.set_settings(content.site.idle)

    # analytics -------------------------------------------------------------------------

    def on_place(self, place: Place) -> None:
        """Page views, gallery images and timeline entries, each once; without an idle
        reset (a presentation), a new content set waiting goes on screen when the
        presenter comes back to the home screen, the one pause a talk has."""
        previous, self._last_place = self._last_place, place
        if self.idle is None and place.screen == HOME and previous.screen != HOME:
            self._swap_if_pending()
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
            entries = self.view.content().timeline()
            if 0 <= place.index < len(entries):
                recorder.timeline_open(entries[place.index][1].date)

    def on_language(self, old: str, new: str) -> None:
        """A visitor's choice; the reset to the default language at attract is not one."""
        if self.recorder and new != old and self.view.place().screen != ATTRACT:
            self.recorder.language_change(old, new)

    def on_listen(self, exhibit_id: str, language: str, entry_date: str) -> None:
        """A reading started: counted per exhibit (and timeline entry) and language."""
        if self.recorder:
            self.recorder.listen(exhibit_id, language, entry_date or None)

    def on_zoom(self, index: int) -> None:
        place = self.view.place()
        if self.recorder and place.screen == GALLERY:
            self.recorder.gallery_zoom(place.exhibit_id, index)

"""Visitor analytics: a per-kiosk SQLite event store, written off the UI thread.

Privacy note
------------
The kiosk records how its screens are used, never who uses them.

Recorded, per kiosk (the kiosk id is the machine's host name unless configured):

- sessions: a running number per kiosk, start time, end time, how the session ended
  (``idle_reset``, ``staff``, or ``shutdown`` when the program stopped), and the idle
  tail: the seconds from the last touch to the reset;
- page views: the page kind (home, exhibit, gallery, timeline, attract, about), the exhibit
  id, when the page was opened and its dwell: how long it was on screen while the
  visitor was still there;
- gallery images viewed and zoomed (exhibit id and image position), timeline entries
  opened (their ISO date), language choices (language codes), whether the
  "still there?" prompt was answered, and pages read aloud ("listen": the exhibit
  id, the language, and for a timeline entry its ISO date; the language is stored
  in the ``to_language`` column).

Not recorded: names, faces, photos, sound, free text of any kind, touch positions,
device or network identifiers, or anything that could tell one visitor from
another beyond the session number. Every stored value is one of: an exhibit id,
a page kind, an ISO date, a language code, an end reason, or an integer; anything
else is refused before it reaches the database.

Time counted as a visit ends at the last touch. When the kiosk resets for idleness,
nobody touched it for the quiet time and the "still there?" countdown: the session's
end and the last page's dwell stop at the last touch, and that quiet time is kept
apart as the session's ``idle_tail_s``. A shutdown ends an open session at its last
touch too, when the caller knows it (``close(idle_s=...)``); the tail is unknown
(NULL) when it does not, or when a new session began without a reset. Rows older than the retention
period (365 days by default) are deleted when the kiosk starts and once a day.
The database never leaves the machine unless staff copy it for ``kiosk stats``.

Robustness: the UI-facing calls only append to an in-memory queue and never block
or raise. A writer thread commits batches in one transaction each, so a crash loses
at most the batch not yet written. A corrupt database is moved aside
(``analytics.sqlite3.corrupt-<timestamp>``) and a new one started; a full disk or a
locked database is retried; a read-only folder disables recording with one logged
error.

The parts: this module is the recorder (the calls the UI makes, each checked and
stamped); ``analytics_events`` the records it queues; ``analytics_writer`` the thread
that writes them; ``analytics_schema`` the tables and the values allowed in them.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path

from kiosk.runtime.analytics_events import (
    FlushRequest,
    Op,
    PageClosed,
    PageOpened,
    SessionEnded,
    SessionStarted,
    VisitorEvent,
)
from kiosk.runtime.analytics_schema import (
    END_REASONS,
    EVENT_KINDS,
    MIGRATIONS,
    PAGE_KINDS,
    SCHEMA_VERSION,
    SHUTDOWN_REASON,
    AnalyticsError,
    valid_exhibit_id,
    valid_index,
    valid_iso_date,
    valid_language,
    valid_seconds,
)
from kiosk.runtime.analytics_writer import AnalyticsWriter, WriterSettings

__all__ = [
    "END_REASONS",
    "EVENT_KINDS",
    "MIGRATIONS",
    "PAGE_KINDS",
    "SCHEMA_VERSION",
    "SHUTDOWN_REASON",
    "AnalyticsError",
    "AnalyticsRecorder",
]

logger = logging.getLogger("kiosk.analytics")


class AnalyticsRecorder:
    """Records visitor events for one kiosk; every UI-facing call is non-blocking.

    The UI thread calls ``session_start``, ``page_view`` and friends; they validate,
    stamp the time from ``clock`` and append to a queue. A daemon thread writes the
    queue every ``flush_interval_s`` seconds in one transaction.
    """

    def __init__(
        self,
        db_path: Path | str,
        kiosk_id: str | None = None,
        *,
        clock: Callable[[], float] = time.time,
        flush_interval_s: float = 5.0,
        retention_days: float | None = 365,
        max_pending: int = 50_000,
    ) -> None:
        self.db_path = Path(db_path)
        self.kiosk_id = kiosk_id or socket.gethostname()
        self._clock = clock
        self._lock = threading.Lock()
        self._tokens = 0
        self._session: int | None = None  # token of the open session
        self._session_started = 0.0
        self._page: tuple[int, float] | None = None  # token and start of the open page
        self._rejected: set[str] = set()
        self._writer = AnalyticsWriter(
            WriterSettings(
                db_path=self.db_path,
                kiosk_id=self.kiosk_id,
                clock=clock,
                flush_interval_s=flush_interval_s,
                retention_days=retention_days,
                max_pending=max_pending,
            )
        )
        self._thread = threading.Thread(
            target=self._writer.run, name="kiosk-analytics", daemon=True
        )
        self._thread.start()

    @property
    def enabled(self) -> bool:
        """False once recording was given up (read-only folder, newer schema)."""
        return not self._writer.disabled

    # -- UI-facing calls ---------------------------------------------------------------

    def session_start(self, language: str) -> None:
        if not self._check("session_start", valid_language(language)):
            return
        with self._lock:
            now = self._clock()
            if self._session is not None:
                self._end_locked(now, None)
            self._close_page_locked(now)
            self._session = self._next_token()
            self._session_started = now
            self._put(SessionStarted(self._session, now, language))

    def session_end(self, reason: str, idle_s: float | None = None) -> None:
        """The session is over. ``idle_s``: how long nobody had touched the screen when
        it ended (the idle wait and the countdown); the session and its last page end
        that long ago, and the tail is stored apart. ``None`` when it is not known."""
        ok = reason in END_REASONS and (idle_s is None or valid_seconds(idle_s))
        if not self._check("session_end", ok):
            return
        with self._lock:
            if self._session is not None:
                self._end_locked(self._clock(), reason, idle_s)

    def page_view(self, page: str, exhibit_id: str | None = None) -> None:
        ok = page in PAGE_KINDS and (exhibit_id is None or valid_exhibit_id(exhibit_id))
        if not self._check("page_view", ok):
            return
        with self._lock:
            now = self._clock()
            self._close_page_locked(now)
            token = self._next_token()
            self._page = (token, now)
            self._put(PageOpened(token, self._session, now, page, exhibit_id))

    def gallery_image(self, exhibit_id: str, index: int) -> None:
        ok = valid_exhibit_id(exhibit_id) and valid_index(index)
        self._event("gallery_image", ok, exhibit_id=exhibit_id, item=index)

    def gallery_zoom(self, exhibit_id: str, index: int) -> None:
        ok = valid_exhibit_id(exhibit_id) and valid_index(index)
        self._event("gallery_zoom", ok, exhibit_id=exhibit_id, item=index)

    def timeline_open(self, entry_date: str) -> None:
        self._event("timeline_open", valid_iso_date(entry_date), entry_date=entry_date)

    def language_change(self, from_language: str, to_language: str) -> None:
        ok = valid_language(from_language) and valid_language(to_language)
        self._event("language_change", ok, from_language=from_language, to_language=to_language)

    def still_there(self, answered: bool) -> None:
        self._event("still_there", isinstance(answered, bool), answered=int(bool(answered)))

    def listen(self, exhibit_id: str, language: str, entry_date: str | None = None) -> None:
        """A page read aloud: which exhibit (and timeline entry), in which language."""
        ok = (
            valid_exhibit_id(exhibit_id)
            and valid_language(language)
            and (entry_date is None or valid_iso_date(entry_date))
        )
        self._event(
            "listen", ok, exhibit_id=exhibit_id, to_language=language, entry_date=entry_date
        )

    # -- blocking calls (tests, shutdown) ------------------------------------------------

    def flush(self, timeout: float = 10.0) -> bool:
        """Write everything queued so far; True when it reached the database."""
        if self._writer.disabled or not self._thread.is_alive():
            return False
        request = FlushRequest()
        self._writer.put(request)
        return request.wait(timeout)

    def close(self, timeout: float = 10.0, idle_s: float | None = None) -> None:
        """End an open session (reason ``shutdown``), write the queue, stop the writer.
        ``idle_s``: how long nobody had touched the screen, as for ``session_end``."""
        if idle_s is not None and not valid_seconds(idle_s):
            self._check("close", False)
            idle_s = None
        with self._lock:
            if self._session is not None:
                self._end_locked(self._clock(), SHUTDOWN_REASON, idle_s)
            self._close_page_locked(self._clock())
        self._writer.stop()
        self._thread.join(timeout)

    # -- internals -----------------------------------------------------------------------

    def _check(self, call: str, ok: bool) -> bool:
        if ok:
            return not self._writer.disabled
        if call not in self._rejected:  # log each kind of misuse once, not per touch
            self._rejected.add(call)
            logger.warning("analytics: %s called with a value that is not recorded", call)
        return False

    def _event(
        self,
        kind: str,
        ok: bool,
        *,
        exhibit_id: str | None = None,
        item: int | None = None,
        entry_date: str | None = None,
        from_language: str | None = None,
        to_language: str | None = None,
        answered: int | None = None,
    ) -> None:
        if not self._check(kind, ok):
            return
        with self._lock:
            event = VisitorEvent(
                session=self._session,
                ts=self._clock(),
                kind=kind,
                exhibit_id=exhibit_id,
                item=item,
                entry_date=entry_date,
                from_language=from_language,
                to_language=to_language,
                answered=answered,
            )
            self._put(event)

    def _next_token(self) -> int:
        self._tokens += 1
        return self._tokens

    def _put(self, op: Op) -> None:
        self._writer.put(op)

    def _close_page_locked(self, now: float) -> None:
        if self._page is not None:
            token, started = self._page
            self._put(PageClosed(token, max(0.0, now - started)))
            self._page = None

    def _end_locked(self, now: float, reason: str | None, idle_s: float | None = None) -> None:
        assert self._session is not None
        if idle_s is None:
            self._close_page_locked(now)
            self._put(SessionEnded(self._session, now, reason, None))
        else:
            last_touch = max(self._session_started, now - idle_s)
            self._close_page_locked(last_touch)
            self._put(SessionEnded(self._session, last_touch, reason, now - last_touch))
        self._session = None

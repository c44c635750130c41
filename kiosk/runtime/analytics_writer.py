"""The analytics writer: owns the SQLite connection, on its own thread.

It is given what it needs when it is made (the file, the kiosk id, the clock, how
often to write, how long to keep rows, how many records to hold while the disk is
unavailable) and takes records through ``put``; nothing else reaches into it. The
recorder reads ``disabled`` to stop queueing once the store is given up for good.
"""

from __future__ import annotations

import collections
import logging
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kiosk.runtime import analytics_schema as schema
from kiosk.runtime.analytics_events import (
    FlushRequest,
    Op,
    PageClosed,
    PageOpened,
    SessionEnded,
    SessionStarted,
    VisitorEvent,
)
from kiosk.runtime.plural import plural

logger = logging.getLogger("kiosk.analytics")

_DAY_S = 86400.0


@dataclass(frozen=True)
class WriterSettings:
    db_path: Path
    kiosk_id: str
    clock: Callable[[], float]
    flush_interval_s: float
    retention_days: float | None
    max_pending: int


class AnalyticsWriter:
    """Writes queued records in one transaction per batch; runs on one thread only."""

    def __init__(self, settings: WriterSettings) -> None:
        self.settings = settings
        self.disabled = False  # recording given up: read-only folder, newer schema
        self._queue: collections.deque[Op | FlushRequest] = collections.deque()
        self._wake = threading.Event()
        self._stopping = False
        self.conn: sqlite3.Connection | None = None
        self.pending: list[Op] = []
        self.sessions: dict[int, int] = {}  # session token -> session_no
        self.pages: dict[int, int] = {}  # page token -> page_views.id
        self.failing: str | None = None
        self.last_retention = 0.0

    # -- called from other threads ---------------------------------------------------------

    def put(self, op: Op | FlushRequest) -> None:
        """Queue a record (never blocks); a ``FlushRequest`` also wakes the thread."""
        self._queue.append(op)
        if isinstance(op, FlushRequest):
            self._wake.set()

    def stop(self) -> None:
        """Write what is queued, then let ``run`` return."""
        self._stopping = True
        self._wake.set()

    # -- the writer thread -----------------------------------------------------------------

    def run(self) -> None:
        self.connect()
        while True:
            self._wake.wait(self.settings.flush_interval_s)
            self._wake.clear()
            stopping = self._stopping
            self.step()
            if stopping and not self._queue:
                break
        if self.conn is not None:
            self.conn.close()

    def step(self) -> None:
        settings = self.settings
        requests = []
        while self._queue:
            op = self._queue.popleft()
            if isinstance(op, FlushRequest):
                requests.append(op)
            elif not self.disabled:
                self.pending.append(op)
        if len(self.pending) > settings.max_pending:
            dropped = len(self.pending) - settings.max_pending
            del self.pending[:dropped]
            logger.error(
                "analytics: dropped %s (database unavailable)", plural(dropped, "unwritten event")
            )
        if self.conn is None and not self.disabled:
            self.connect()
        ok = self.write() if self.conn is not None else False
        if ok and settings.retention_days and settings.clock() - self.last_retention >= _DAY_S:
            self.retention()
        for request in requests:
            request.answer(ok)

    def connect(self) -> None:
        path = self.settings.db_path
        try:
            self.conn = schema.open_store(path)
        except Exception as exc:
            if schema.is_corrupt(exc):
                self.move_aside(exc)
                try:
                    self.conn = schema.open_store(path)
                except Exception as again:
                    self.fail(again)
            else:
                self.fail(exc)
            return
        self.sessions.clear()
        self.pages.clear()
        if self.settings.retention_days:
            self.retention()

    def fail(self, exc: BaseException) -> None:
        path = self.settings.db_path
        if schema.is_unwritable(exc) or isinstance(exc, schema.AnalyticsError):
            self.disabled = True
            self.pending.clear()
            logger.error("analytics: recording disabled, cannot write %s: %s", path, exc)
        elif self.failing != str(exc):
            self.failing = str(exc)
            logger.error("analytics: cannot write %s, will retry: %s", path, exc)

    def move_aside(self, exc: BaseException) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None
        path = self.settings.db_path
        stamp = datetime.fromtimestamp(self.settings.clock()).strftime("%Y%m%d-%H%M%S")
        target = path.with_name(f"{path.name}.corrupt-{stamp}")
        counter = 1
        while target.exists():
            counter += 1
            target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
        try:
            path.rename(target)
            for suffix in ("-wal", "-journal"):
                side = path.with_name(path.name + suffix)
                if side.exists():
                    side.rename(target.with_name(target.name + suffix))
            path.with_name(path.name + "-shm").unlink(missing_ok=True)
        except OSError as move_error:
            logger.error("analytics: cannot move corrupt %s aside: %s", path, move_error)
            return
        logger.error("analytics: %s is corrupt (%s); moved to %s", path, exc, target.name)

    def write(self, retry: bool = True) -> bool:
        if not self.pending:
            return True
        assert self.conn is not None
        sessions, pages = dict(self.sessions), dict(self.pages)
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            for op in self.pending:
                self.apply(op, sessions, pages)
            self.conn.execute("COMMIT")
        except Exception as exc:
            self.rollback()
            if schema.is_corrupt(exc) and retry:
                self.move_aside(exc)
                self.connect()  # a fresh file; ops of sessions begun in the old one are dropped
                return self.write(retry=False) if self.conn is not None else False
            if schema.is_unwritable(exc):
                self.conn.close()
                self.conn = None
            self.fail(exc)
            return False
        self.sessions, self.pages = sessions, pages
        self.pending.clear()
        if self.failing is not None:
            logger.info("analytics: writing to %s again", self.settings.db_path)
            self.failing = None
        return True

    def rollback(self) -> None:
        try:
            if self.conn is not None and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass

    def apply(self, op: Op, sessions: dict[int, int], pages: dict[int, int]) -> None:
        conn, kiosk = self.conn, self.settings.kiosk_id
        assert conn is not None
        match op:
            case SessionStarted(token=token, ts=ts, language=language):
                conn.execute("INSERT OR IGNORE INTO kiosks VALUES (?, 0)", (kiosk,))
                conn.execute(
                    "UPDATE kiosks SET last_session_no = last_session_no + 1 WHERE kiosk_id = ?",
                    (kiosk,),
                )
                number = conn.execute(
                    "SELECT last_session_no FROM kiosks WHERE kiosk_id = ?", (kiosk,)
                ).fetchone()[0]
                conn.execute(
                    "INSERT INTO sessions (kiosk_id, session_no, started_at, language)"
                    " VALUES (?, ?, ?, ?)",
                    (kiosk, number, ts, language),
                )
                sessions[token] = number
            case SessionEnded(token=token, ts=ts, reason=reason, idle_tail_s=idle_tail):
                ended = sessions.pop(token, None)
                if ended is not None:
                    conn.execute(
                        "UPDATE sessions SET ended_at = ?, end_reason = ?, idle_tail_s = ?"
                        " WHERE kiosk_id = ? AND session_no = ?",
                        (ts, reason, idle_tail, kiosk, ended),
                    )
            case PageOpened(token=token, session=session, ts=ts, page=page, exhibit_id=exhibit):
                in_session = sessions.get(session) if session is not None else None
                if session is None or in_session is not None:  # else its session was lost
                    cursor = conn.execute(
                        "INSERT INTO page_views (kiosk_id, session_no, page, exhibit_id,"
                        " started_at) VALUES (?, ?, ?, ?, ?)",
                        (kiosk, in_session, page, exhibit, ts),
                    )
                    pages[token] = cursor.lastrowid or 0
            case PageClosed(token=token, dwell_s=dwell):
                row = pages.pop(token, None)
                if row is not None:
                    conn.execute("UPDATE page_views SET dwell_s = ? WHERE id = ?", (dwell, row))
            case VisitorEvent(session=session):
                in_session = sessions.get(session) if session is not None else None
                if session is None or in_session is not None:
                    conn.execute(
                        "INSERT INTO events (kiosk_id, session_no, ts, kind, exhibit_id, item,"
                        " entry_date, from_language, to_language, answered)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (
                            kiosk,
                            in_session,
                            op.ts,
                            op.kind,
                            op.exhibit_id,
                            op.item,
                            op.entry_date,
                            op.from_language,
                            op.to_language,
                            op.answered,
                        ),
                    )

    def retention(self) -> None:
        days = self.settings.retention_days
        assert self.conn is not None and days
        now = self.settings.clock()
        cutoff = now - float(days) * _DAY_S
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute("DELETE FROM events WHERE ts < ?", (cutoff,))
            self.conn.execute("DELETE FROM page_views WHERE started_at < ?", (cutoff,))
            self.conn.execute("DELETE FROM sessions WHERE started_at < ?", (cutoff,))
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self.rollback()
            logger.warning("analytics: retention clean-up failed: %s", exc)
            return
        self.last_retention = now

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
"""

from __future__ import annotations

import collections
import logging
import math
import re
import socket
import sqlite3
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.content.exhibit_schema import MAX_ID_LENGTH
from kiosk.runtime.plural import plural

logger = logging.getLogger("kiosk.analytics")

PAGE_KINDS = frozenset({"home", "exhibit", "gallery", "timeline", "attract", "about", "map"})
END_REASONS = frozenset({"idle_reset", "staff"})
SHUTDOWN_REASON = "shutdown"
EVENT_KINDS = frozenset(
    {"gallery_image", "gallery_zoom", "timeline_open", "language_change", "still_there", "listen"}
)

_EXHIBIT_ID = re.compile(rf"[A-Za-z0-9][A-Za-z0-9._-]{{0,{MAX_ID_LENGTH - 1}}}")
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8}){0,2}")
_ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")

# One script per schema version; PRAGMA user_version counts how many have run.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE kiosks (
        kiosk_id TEXT PRIMARY KEY,
        last_session_no INTEGER NOT NULL
    );
    CREATE TABLE sessions (
        kiosk_id TEXT NOT NULL,
        session_no INTEGER NOT NULL,
        started_at REAL NOT NULL,
        language TEXT NOT NULL,
        ended_at REAL,
        end_reason TEXT,
        PRIMARY KEY (kiosk_id, session_no)
    );
    CREATE INDEX sessions_started ON sessions (started_at);
    CREATE TABLE page_views (
        id INTEGER PRIMARY KEY,
        kiosk_id TEXT NOT NULL,
        session_no INTEGER,
        page TEXT NOT NULL,
        exhibit_id TEXT,
        started_at REAL NOT NULL,
        dwell_s REAL
    );
    CREATE INDEX page_views_started ON page_views (started_at);
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        kiosk_id TEXT NOT NULL,
        session_no INTEGER,
        ts REAL NOT NULL,
        kind TEXT NOT NULL,
        exhibit_id TEXT,
        item INTEGER,
        entry_date TEXT,
        from_language TEXT,
        to_language TEXT,
        answered INTEGER
    );
    CREATE INDEX events_ts ON events (ts);
    """,
    # 2: the session ends at the last touch; the idle wait after it is kept apart.
    """
    ALTER TABLE sessions ADD COLUMN idle_tail_s REAL;
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)
_DAY_S = 86400.0
BUSY_TIMEOUT_S = 2.0  # the writer thread waits this long for a lock, then retries later


class AnalyticsError(Exception):
    """A database that cannot be used (for reports, or a schema from a newer version)."""


def _primary_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def is_corrupt(exc: BaseException) -> bool:
    """True for 'file is not a database' and 'database disk image is malformed'."""
    if _primary_code(exc) in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return True
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


def _is_unwritable(exc: BaseException) -> bool:
    if isinstance(exc, PermissionError | NotADirectoryError | FileExistsError):
        return True
    codes = (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM)
    return _primary_code(exc) in codes


def migrate(conn: sqlite3.Connection) -> None:
    """Bring the schema up to ``SCHEMA_VERSION``; refuses a database from a newer kiosk."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise AnalyticsError(f"schema version {version} is newer than {SCHEMA_VERSION}")
    for number in range(version, SCHEMA_VERSION):
        statements = [s for s in MIGRATIONS[number].split(";") if s.strip()]
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in statements:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def open_store(db_path: Path) -> sqlite3.Connection:
    """Open (creating if needed) a writable store in WAL mode, checked and migrated."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(
        db_path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
    )
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise sqlite3.DatabaseError(f"database disk image is malformed ({check})")
        migrate(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def _valid(value: object, pattern: re.Pattern[str]) -> bool:
    return isinstance(value, str) and pattern.fullmatch(value) is not None


def _valid_index(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 1_000_000


def _valid_seconds(value: object) -> bool:
    """A duration the idle machine measured: a finite number of seconds, at least 0."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return math.isfinite(value) and value >= 0


class _FlushTicket:
    def __init__(self) -> None:
        self.done = threading.Event()
        self.ok = False


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
        self._interval = flush_interval_s
        self._retention_days = retention_days
        self._max_pending = max_pending
        self._queue: collections.deque[tuple[Any, ...]] = collections.deque()
        self._wake = threading.Event()
        self._stopping = False
        self._disabled = False
        self._lock = threading.Lock()
        self._tokens = 0
        self._session: int | None = None  # token of the open session
        self._session_started = 0.0
        self._page: tuple[int, float] | None = None  # token and start of the open page
        self._rejected: set[str] = set()
        self._writer = _Writer(self)
        self._thread = threading.Thread(
            target=self._writer.run, name="kiosk-analytics", daemon=True
        )
        self._thread.start()

    @property
    def enabled(self) -> bool:
        """False once recording was given up (read-only folder, newer schema)."""
        return not self._disabled

    # -- UI-facing calls ---------------------------------------------------------------

    def session_start(self, language: str) -> None:
        if not self._check("session_start", _valid(language, _LANGUAGE)):
            return
        with self._lock:
            now = self._clock()
            if self._session is not None:
                self._end_locked(now, None)
            self._close_page_locked(now)
            self._session = self._next_token()
            self._session_started = now
            self._put(("session", self._session, now, language))

    def session_end(self, reason: str, idle_s: float | None = None) -> None:
        """The session is over. ``idle_s``: how long nobody had touched the screen when
        it ended (the idle wait and the countdown); the session and its last page end
        that long ago, and the tail is stored apart. ``None`` when it is not known."""
        ok = reason in END_REASONS and (idle_s is None or _valid_seconds(idle_s))
        if not self._check("session_end", ok):
            return
        with self._lock:
            if self._session is not None:
                self._end_locked(self._clock(), reason, idle_s)

    def page_view(self, page: str, exhibit_id: str | None = None) -> None:
        ok = page in PAGE_KINDS and (exhibit_id is None or _valid(exhibit_id, _EXHIBIT_ID))
        if not self._check("page_view", ok):
            return
        with self._lock:
            now = self._clock()
            self._close_page_locked(now)
            token = self._next_token()
            self._page = (token, now)
            self._put(("page", token, self._session, now, page, exhibit_id))

    def gallery_image(self, exhibit_id: str, index: int) -> None:
        ok = _valid(exhibit_id, _EXHIBIT_ID) and _valid_index(index)
        self._event("gallery_image", ok, exhibit_id=exhibit_id, item=index)

    def gallery_zoom(self, exhibit_id: str, index: int) -> None:
        ok = _valid(exhibit_id, _EXHIBIT_ID) and _valid_index(index)
        self._event("gallery_zoom", ok, exhibit_id=exhibit_id, item=index)

    def timeline_open(self, entry_date: str) -> None:
        self._event("timeline_open", _valid(entry_date, _ISO_DATE), entry_date=entry_date)

    def language_change(self, from_language: str, to_language: str) -> None:
        ok = _valid(from_language, _LANGUAGE) and _valid(to_language, _LANGUAGE)
        self._event("language_change", ok, from_language=from_language, to_language=to_language)

    def still_there(self, answered: bool) -> None:
        self._event("still_there", isinstance(answered, bool), answered=int(bool(answered)))

    def listen(self, exhibit_id: str, language: str, entry_date: str | None = None) -> None:
        """A page read aloud: which exhibit (and timeline entry), in which language."""
        ok = (
            _valid(exhibit_id, _EXHIBIT_ID)
            and _valid(language, _LANGUAGE)
            and (entry_date is None or _valid(entry_date, _ISO_DATE))
        )
        self._event(
            "listen", ok, exhibit_id=exhibit_id, to_language=language, entry_date=entry_date
        )

    # -- blocking calls (tests, shutdown) ------------------------------------------------

    def flush(self, timeout: float = 10.0) -> bool:
        """Write everything queued so far; True when it reached the database."""
        if self._disabled or not self._thread.is_alive():
            return False
        ticket = _FlushTicket()
        self._queue.append(("flush", ticket))
        self._wake.set()
        return ticket.done.wait(timeout) and ticket.ok

    def close(self, timeout: float = 10.0, idle_s: float | None = None) -> None:
        """End an open session (reason ``shutdown``), write the queue, stop the writer.
        ``idle_s``: how long nobody had touched the screen, as for ``session_end``."""
        if idle_s is not None and not _valid_seconds(idle_s):
            self._check("close", False)
            idle_s = None
        with self._lock:
            if self._session is not None:
                self._end_locked(self._clock(), SHUTDOWN_REASON, idle_s)
            self._close_page_locked(self._clock())
        self._stopping = True
        self._wake.set()
        self._thread.join(timeout)

    # -- internals -----------------------------------------------------------------------

    def _check(self, call: str, ok: bool) -> bool:
        if ok:
            return not self._disabled
        if call not in self._rejected:  # log each kind of misuse once, not per touch
            self._rejected.add(call)
            logger.warning("analytics: %s called with a value that is not recorded", call)
        return False

    def _event(self, kind: str, ok: bool, **fields: Any) -> None:
        if not self._check(kind, ok):
            return
        with self._lock:
            self._put(("event", self._session, self._clock(), kind, fields))

    def _next_token(self) -> int:
        self._tokens += 1
        return self._tokens

    def _put(self, op: tuple[Any, ...]) -> None:
        self._queue.append(op)

    def _close_page_locked(self, now: float) -> None:
        if self._page is not None:
            token, started = self._page
            self._put(("dwell", token, max(0.0, now - started)))
            self._page = None

    def _end_locked(self, now: float, reason: str | None, idle_s: float | None = None) -> None:
        if idle_s is None:
            self._close_page_locked(now)
            self._put(("end", self._session, now, reason, None))
        else:
            last_touch = max(self._session_started, now - idle_s)
            self._close_page_locked(last_touch)
            self._put(("end", self._session, last_touch, reason, now - last_touch))
        self._session = None


class _Writer:
    """Owns the connection; runs on the recorder's thread only."""

    def __init__(self, recorder: AnalyticsRecorder) -> None:
        self.r = recorder
        self.conn: sqlite3.Connection | None = None
        self.pending: list[tuple[Any, ...]] = []
        self.sessions: dict[int, int] = {}  # session token -> session_no
        self.pages: dict[int, int] = {}  # page token -> page_views.id
        self.failing: str | None = None
        self.last_retention = 0.0

    def run(self) -> None:
        r = self.r
        self.connect()
        while True:
            r._wake.wait(r._interval)
            r._wake.clear()
            stopping = r._stopping
            self.step()
            if stopping and not r._queue:
                break
        if self.conn is not None:
            self.conn.close()

    def step(self) -> None:
        r = self.r
        tickets = []
        while r._queue:
            op = r._queue.popleft()
            if op[0] == "flush":
                tickets.append(op[1])
            elif not r._disabled:
                self.pending.append(op)
        if len(self.pending) > r._max_pending:
            dropped = len(self.pending) - r._max_pending
            del self.pending[:dropped]
            logger.error(
                "analytics: dropped %s (database unavailable)", plural(dropped, "unwritten event")
            )
        if self.conn is None and not r._disabled:
            self.connect()
        ok = self.write() if self.conn is not None else False
        if ok and r._retention_days and r._clock() - self.last_retention >= _DAY_S:
            self.retention()
        for ticket in tickets:
            ticket.ok = ok
            ticket.done.set()

    def connect(self) -> None:
        try:
            self.conn = open_store(self.r.db_path)
        except Exception as exc:
            if is_corrupt(exc):
                self.move_aside(exc)
                try:
                    self.conn = open_store(self.r.db_path)
                except Exception as again:
                    self.fail(again)
            else:
                self.fail(exc)
            return
        self.sessions.clear()
        self.pages.clear()
        if self.r._retention_days:
            self.retention()

    def fail(self, exc: BaseException) -> None:
        if _is_unwritable(exc) or isinstance(exc, AnalyticsError):
            self.r._disabled = True
            self.pending.clear()
            logger.error("analytics: recording disabled, cannot write %s: %s", self.r.db_path, exc)
        elif self.failing != str(exc):
            self.failing = str(exc)
            logger.error("analytics: cannot write %s, will retry: %s", self.r.db_path, exc)

    def move_aside(self, exc: BaseException) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None
        path = self.r.db_path
        stamp = datetime.fromtimestamp(self.r._clock()).strftime("%Y%m%d-%H%M%S")
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
            if is_corrupt(exc) and retry:
                self.move_aside(exc)
                self.connect()  # a fresh file; ops of sessions begun in the old one are dropped
                return self.write(retry=False) if self.conn is not None else False
            if _is_unwritable(exc):
                self.conn.close()
                self.conn = None
            self.fail(exc)
            return False
        self.sessions, self.pages = sessions, pages
        self.pending.clear()
        if self.failing is not None:
            logger.info("analytics: writing to %s again", self.r.db_path)
            self.failing = None
        return True

    def rollback(self) -> None:
        try:
            if self.conn is not None and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass

    def apply(self, op: tuple[Any, ...], sessions: dict[int, int], pages: dict[int, int]) -> None:
        conn, kiosk = self.conn, self.r.kiosk_id
        assert conn is not None
        kind = op[0]
        if kind == "session":
            _, token, ts, language = op
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
        elif kind == "end":
            _, token, ts, reason, idle_tail = op
            number = sessions.pop(token, None)
            if number is not None:
                conn.execute(
                    "UPDATE sessions SET ended_at = ?, end_reason = ?, idle_tail_s = ?"
                    " WHERE kiosk_id = ? AND session_no = ?",
                    (ts, reason, idle_tail, kiosk, number),
                )
        elif kind == "page":
            _, token, session, ts, page, exhibit_id = op
            number = sessions.get(session) if session is not None else None
            if session is None or number is not None:  # else its session was lost
                cursor = conn.execute(
                    "INSERT INTO page_views (kiosk_id, session_no, page, exhibit_id, started_at)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (kiosk, number, page, exhibit_id, ts),
                )
                pages[token] = cursor.lastrowid or 0
        elif kind == "dwell":
            _, token, dwell = op
            row = pages.pop(token, None)
            if row is not None:
                conn.execute("UPDATE page_views SET dwell_s = ? WHERE id = ?", (dwell, row))
        elif kind == "event":
            _, session, ts, event, fields = op
            number = sessions.get(session) if session is not None else None
            if session is None or number is not None:
                columns = ", ".join(fields)
                marks = ", ".join("?" * len(fields))
                conn.execute(
                    f"INSERT INTO events (kiosk_id, session_no, ts, kind, {columns})"
                    f" VALUES (?, ?, ?, ?, {marks})",
                    (kiosk, number, ts, event, *fields.values()),
                )

    def retention(self) -> None:
        assert self.conn is not None and self.r._retention_days
        now = self.r._clock()
        cutoff = now - float(self.r._retention_days) * _DAY_S
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

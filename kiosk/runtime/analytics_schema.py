"""What the analytics database holds: its tables, their migrations, the values allowed.

The recorder (``analytics.py``) refuses any value these checks do not accept, so
nothing but exhibit ids, page kinds, ISO dates, language codes, end reasons and
numbers ever reaches a row; the writer (``analytics_writer.py``) opens the store
with ``open_store`` and sorts its failures with ``is_corrupt`` and ``is_unwritable``.
"""

from __future__ import annotations

import math
import re
import sqlite3
from pathlib import Path

from kiosk.content.exhibit_schema import MAX_ID_LENGTH

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
BUSY_TIMEOUT_S = 2.0  # the writer thread waits this long for a lock, then retries later
# The writer's page cache, in KiB. It only appends rows (and deletes a day's worth once a
# day), so the pages it needs are the last few of each table and index. SQLite's default,
# 2,000 KiB, kept every page it had touched until the store passed 2 MB: 0.08 MB more
# for every thousand pages a visitor saw, for weeks, and the whole 2 MB at once where
# the start's integrity check read a store that size.
WRITER_CACHE_KIB = 256


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


def is_unwritable(exc: BaseException) -> bool:
    """True when retrying cannot help: a read-only folder, a path that cannot be made."""
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
        conn.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KIB}")  # before the check reads it all
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise sqlite3.DatabaseError(f"database disk image is malformed ({check})")
        migrate(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def valid_exhibit_id(value: object) -> bool:
    return isinstance(value, str) and _EXHIBIT_ID.fullmatch(value) is not None


def valid_language(value: object) -> bool:
    return isinstance(value, str) and _LANGUAGE.fullmatch(value) is not None


def valid_iso_date(value: object) -> bool:
    return isinstance(value, str) and _ISO_DATE.fullmatch(value) is not None


def valid_index(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 1_000_000


def valid_seconds(value: object) -> bool:
    """A duration the idle machine measured: a finite number of seconds, at least 0."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return math.isfinite(value) and value >= 0

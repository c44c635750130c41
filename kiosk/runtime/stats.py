"""Reports over one or several kiosk analytics databases (one file per kiosk).

Databases are opened read-only (``file:...?mode=ro``), so a report can run against
the live database of a running kiosk without disturbing it.

Definitions, so the numbers can be checked by hand:

- Dates are local calendar dates (``tz`` or the machine's zone); ``since`` and
  ``until`` are inclusive. Sessions count on the day and hour they started; page
  views and gallery events count by their own time.
- Session length is end minus start, for sessions that have an end (a session cut
  by a power loss has none): from the first touch to the last. The quiet wait and
  the "still there?" countdown before an idle reset are not in it (the recorder
  stores them apart, as ``idle_tail_s``); databases from kiosks older than schema 2
  counted them in. The 90th percentile interpolates linearly between ranks
  (spreadsheet ``PERCENTILE.INC``, numpy's default).
- Exhibit views are page views of kind ``exhibit``; dwell is their time on screen
  until the visitor left the page, or, for the last page before an idle reset,
  until the last touch.
  A session "reaches" an exhibit when any of its pages (exhibit, gallery,
  timeline) shows that exhibit.
- Languages are counted by sessions: a session uses its start language and every
  language it switched to. ``sessions`` is how many sessions used a language at all;
  ``share`` splits each session evenly over the languages it used, so shares add up
  to 1.
- Listens are pages read aloud, counted per exhibit and language (a timeline entry
  counts for its exhibit).
- Rows present in several files (a database copied twice) count once.
"""

from __future__ import annotations

import sqlite3
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from datetime import time as dtime
from pathlib import Path
from typing import Any

from kiosk.runtime.analytics import SCHEMA_VERSION, AnalyticsError

SessionKey = tuple[str, int, float]  # kiosk id, session number, start time


@dataclass(frozen=True)
class ExhibitStats:
    exhibit_id: str
    views: int
    sessions_reached: int
    median_dwell_s: float | None
    gallery_images: int
    gallery_zooms: int


@dataclass(frozen=True)
class LanguageStats:
    language: str
    sessions: int  # sessions that used the language at some point
    share: float  # of all sessions, each split evenly over its languages


@dataclass(frozen=True)
class ListenStats:
    exhibit_id: str
    language: str
    listens: int


@dataclass(frozen=True)
class KioskStats:
    kiosk_id: str
    sessions: int
    median_session_s: float | None
    page_views: int
    first_day: str | None
    last_day: str | None


@dataclass(frozen=True)
class Report:
    kiosk_ids: tuple[str, ...]
    since: str | None
    until: str | None
    sessions: int
    sessions_per_day: dict[str, int]  # every day from the first to the last with data
    sessions_per_hour: tuple[int, ...]  # 24 values, local hour the session started
    median_session_s: float | None
    p90_session_s: float | None
    unfinished_sessions: int
    end_reasons: dict[str, int]
    page_views: dict[str, int]  # by page kind
    exhibits: tuple[ExhibitStats, ...]  # most viewed first
    languages: tuple[LanguageStats, ...]  # most used first
    timeline_opens: dict[str, int]  # ISO entry date -> opens, most opened first
    still_there: dict[str, int] = field(default_factory=dict)  # answered / unanswered
    kiosks: tuple[KioskStats, ...] = ()
    listens: tuple[ListenStats, ...] = ()  # most listened first

    @property
    def exhibits_by_dwell(self) -> tuple[ExhibitStats, ...]:
        """Exhibits by median dwell, longest first; never-viewed ones last."""
        return tuple(
            sorted(
                self.exhibits,
                key=lambda e: (e.median_dwell_s is None, -(e.median_dwell_s or 0), e.exhibit_id),
            )
        )

    @property
    def first_day(self) -> str | None:
        return next(iter(self.sessions_per_day), None)

    @property
    def last_day(self) -> str | None:
        return next(reversed(self.sessions_per_day), None)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["sessions_per_hour"] = list(self.sessions_per_hour)
        data["exhibits_by_dwell"] = [e.exhibit_id for e in self.exhibits_by_dwell]
        return data


@dataclass
class _Rows:
    sessions: dict[SessionKey, tuple[str, float | None, str | None]] = field(
        default_factory=dict
    )  # key -> language, ended_at, end_reason
    languages: dict[SessionKey, set[str]] = field(default_factory=dict)
    page_views: dict[tuple[Any, ...], float | None] = field(default_factory=dict)
    events: set[tuple[Any, ...]] = field(default_factory=set)


def open_readonly(path: Path) -> sqlite3.Connection:
    """Open an analytics database without ever writing to it; AnalyticsError if unusable."""
    if not path.is_file():
        raise AnalyticsError(f"{path}: no such database file")
    # A live database (its -wal file exists) is read through SQLite's locks; a closed
    # or copied one as immutable, so no -shm/-wal files are left next to it.
    live = path.with_name(path.name + "-wal").exists()
    query = "?mode=ro" if live else "?mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + query, uri=True, timeout=5.0)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.Error as exc:
        raise AnalyticsError(f"{path}: cannot read ({exc})") from exc
    if not {"sessions", "page_views", "events"} <= tables:
        conn.close()
        raise AnalyticsError(f"{path}: not a kiosk analytics database")
    if version > SCHEMA_VERSION:
        conn.close()
        raise AnalyticsError(f"{path}: written by a newer kiosk (schema {version})")
    return conn


def _bounds(since: date | None, until: date | None, tz: tzinfo | None) -> tuple[float, float]:
    def start_of(day: date) -> float:
        return datetime.combine(day, dtime.min, tz).timestamp()

    low = start_of(since) if since else float("-inf")
    high = start_of(until + timedelta(days=1)) if until else float("inf")
    return low, high


def _read(conn: sqlite3.Connection, rows: _Rows, low: float, high: float) -> None:
    keys: dict[tuple[str, int], SessionKey] = {}
    for kiosk, number, started, language, ended, reason in conn.execute(
        "SELECT kiosk_id, session_no, started_at, language, ended_at, end_reason FROM sessions"
    ):
        key = (kiosk, number, started)
        keys[(kiosk, number)] = key
        if low <= started < high:
            rows.sessions[key] = (language, ended, reason)
            rows.languages.setdefault(key, set()).add(language)
    for kiosk, number, to_language in conn.execute(
        "SELECT kiosk_id, session_no, to_language FROM events"
        " WHERE kind = 'language_change' AND session_no IS NOT NULL"
    ):
        changed = keys.get((kiosk, number))
        if changed is not None and changed in rows.languages:
            rows.languages[changed].add(to_language)
    for kiosk, number, page, exhibit, started, dwell in conn.execute(
        "SELECT kiosk_id, session_no, page, exhibit_id, started_at, dwell_s FROM page_views"
        " WHERE started_at >= ? AND started_at < ?",
        (low, high),
    ):
        session = keys.get((kiosk, number)) if number is not None else None
        view = (kiosk, session, page, exhibit, started)
        if rows.page_views.get(view) is None:  # a later copy may know the dwell
            rows.page_views[view] = dwell
    for row in conn.execute(
        "SELECT kiosk_id, session_no, ts, kind, exhibit_id, item, entry_date, answered,"
        " to_language FROM events WHERE kind != 'language_change' AND ts >= ? AND ts < ?",
        (low, high),
    ):
        rows.events.add(row)


def _median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def _percentile(values: Sequence[float], fraction: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    below = int(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


def _days(first: date, last: date) -> Iterable[date]:
    for offset in range((last - first).days + 1):
        yield first + timedelta(days=offset)


def build_report(
    db_paths: Sequence[Path],
    since: date | None = None,
    until: date | None = None,
    tz: tzinfo | None = None,
) -> Report:
    """Read every database (read-only) and compute the figures; AnalyticsError if unusable."""
    low, high = _bounds(since, until, tz)
    rows = _Rows()
    seen: set[Path] = set()
    for path in db_paths:
        if path.resolve() in seen:
            continue
        seen.add(path.resolve())
        conn = open_readonly(path)
        try:
            _read(conn, rows, low, high)
        except sqlite3.Error as exc:
            raise AnalyticsError(f"{path}: cannot read ({exc})") from exc
        finally:
            conn.close()
    return _compute(rows, since, until, tz)


def _compute(rows: _Rows, since: date | None, until: date | None, tz: tzinfo | None) -> Report:
    per_day: Counter[date] = Counter()
    per_hour = [0] * 24
    lengths: dict[str, list[float]] = defaultdict(list)
    per_kiosk: Counter[str] = Counter()
    kiosk_days: dict[str, list[date]] = defaultdict(list)
    reasons: Counter[str] = Counter()
    for (kiosk, _, started), (_, ended, reason) in rows.sessions.items():
        moment = datetime.fromtimestamp(started, tz)
        per_day[moment.date()] += 1
        per_hour[moment.hour] += 1
        per_kiosk[kiosk] += 1
        kiosk_days[kiosk].append(moment.date())
        if ended is not None:
            lengths[kiosk].append(ended - started)
        reasons["unfinished" if ended is None else reason or "unknown"] += 1
    all_lengths = [x for values in lengths.values() for x in values]

    pages: Counter[str] = Counter()
    views: Counter[str] = Counter()
    dwell: dict[str, list[float]] = defaultdict(list)
    reached: dict[str, set[SessionKey]] = defaultdict(set)
    kiosk_views: Counter[str] = Counter()
    for (kiosk, session, page, exhibit, _), seconds in rows.page_views.items():
        pages[page] += 1
        kiosk_views[kiosk] += 1
        if exhibit is None:
            continue
        if page == "exhibit":
            views[exhibit] += 1
            if seconds is not None:
                dwell[exhibit].append(seconds)
        if session is not None:
            reached[exhibit].add(session)

    images: Counter[str] = Counter()
    zooms: Counter[str] = Counter()
    timeline: Counter[str] = Counter()
    prompts: Counter[str] = Counter()
    listens: Counter[tuple[str, str]] = Counter()
    for _, _, _, kind, exhibit, _, entry_date, answered, language in rows.events:
        if kind == "gallery_image":
            images[exhibit] += 1
        elif kind == "gallery_zoom":
            zooms[exhibit] += 1
        elif kind == "timeline_open":
            timeline[entry_date] += 1
        elif kind == "still_there":
            prompts["answered" if answered else "unanswered"] += 1
        elif kind == "listen":
            listens[(exhibit, language)] += 1

    exhibit_ids = set(views) | set(reached) | set(images) | set(zooms)
    exhibits = sorted(
        (
            ExhibitStats(
                exhibit_id=e,
                views=views[e],
                sessions_reached=len(reached[e]),
                median_dwell_s=_median(dwell[e]),
                gallery_images=images[e],
                gallery_zooms=zooms[e],
            )
            for e in exhibit_ids
        ),
        key=lambda s: (-s.views, -s.sessions_reached, s.exhibit_id),
    )

    used: Counter[str] = Counter()
    share: defaultdict[str, float] = defaultdict(float)
    for key in rows.sessions:
        languages = rows.languages[key]
        for language in languages:
            used[language] += 1
            share[language] += 1 / len(languages)
    total = len(rows.sessions)
    languages_stats = sorted(
        (LanguageStats(lang, used[lang], share[lang] / total) for lang in used),
        key=lambda s: (-s.share, -s.sessions, s.language),
    )

    kiosk_ids = sorted(set(per_kiosk) | set(kiosk_views))
    kiosks = tuple(
        KioskStats(
            kiosk_id=k,
            sessions=per_kiosk[k],
            median_session_s=_median(lengths[k]),
            page_views=kiosk_views[k],
            first_day=min(kiosk_days[k]).isoformat() if kiosk_days[k] else None,
            last_day=max(kiosk_days[k]).isoformat() if kiosk_days[k] else None,
        )
        for k in kiosk_ids
    )
    days = {}
    if per_day:
        days = {d.isoformat(): per_day[d] for d in _days(min(per_day), max(per_day))}
    return Report(
        kiosk_ids=tuple(kiosk_ids),
        since=since.isoformat() if since else None,
        until=until.isoformat() if until else None,
        sessions=total,
        sessions_per_day=days,
        sessions_per_hour=tuple(per_hour),
        median_session_s=_median(all_lengths),
        p90_session_s=_percentile(all_lengths, 0.9),
        unfinished_sessions=sum(1 for v in rows.sessions.values() if v[1] is None),
        end_reasons=dict(reasons.most_common()),
        page_views=dict(pages.most_common()),
        exhibits=tuple(exhibits),
        languages=tuple(languages_stats),
        timeline_opens=dict(sorted(timeline.items(), key=lambda kv: (-kv[1], kv[0]))),
        still_there=dict(sorted(prompts.items())),
        kiosks=kiosks,
        listens=tuple(
            ListenStats(exhibit, language, n)
            for (exhibit, language), n in sorted(listens.items(), key=lambda kv: (-kv[1], kv[0]))
        ),
    )

"""What the staff panel shows: the content on screen, the last reload, today's visitors.

Built only when staff open the panel (or a reload lands while it is open), from
plain inputs, so it is tested without a window. The Qt bridge
(``kiosk.ui.staff``) turns a ``StaffStatus`` into the mapping QML binds to, in
one place (``status_to_qml``).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from kiosk.content.model import ContentSet, Problem, left_out
from kiosk.runtime.plural import plural

log = logging.getLogger("kiosk.staff")

TOP_EXHIBITS = 3  # "at a glance": the most viewed few fit beside the action buttons
LOADED_AT_FORMAT = "%Y-%m-%d %H:%M:%S"  # local time
VERSION_CHARS = 12  # enough of a content hash to tell two sets apart on screen


@dataclass(frozen=True)
class LanguageCompleteness:
    """How much of the visitor text one language has."""

    code: str
    name: str
    complete: int  # percent, 0-100


@dataclass(frozen=True)
class LanguageShare:
    """One language's share of today's sessions."""

    code: str
    share: int  # percent


@dataclass(frozen=True)
class Today:
    """Today's analytics at a glance."""

    sessions: int = 0
    top_exhibits: tuple[str, ...] = ()  # ready-made lines, most viewed first, TOP_EXHIBITS at most
    language_shares: tuple[LanguageShare, ...] = ()  # most used first


@dataclass(frozen=True)
class StaffStatus:
    """Everything the staff panel shows below its actions; the empty one shows nothing."""

    mode: str = ""  # "kiosk", "windowed" or "preview"
    content_version: str = ""  # the first VERSION_CHARS of the version on screen
    loaded_at: str = ""  # when the last load finished, LOADED_AT_FORMAT; "" if never
    pending: str = ""  # version of a valid newer set waiting for the attract loop; "" if none
    errors: tuple[str, ...] = ()  # of the last load, one ``file:line:column: message`` each
    warnings: tuple[str, ...] = ()  # same form
    cache: str = ""  # the rendition cache in words
    languages: tuple[LanguageCompleteness, ...] = ()  # in the site's order
    today: Today = Today()
    speech: str = ""  # reading aloud in words: on, or why not


class ReloadState(Protocol):
    """What the staff panel reads of ``kiosk.runtime.reload.ReloadController``."""

    @property
    def last_loaded_at(self) -> float | None: ...
    @property
    def pending(self) -> ContentSet | None: ...
    @property
    def last_errors(self) -> tuple[Problem, ...]: ...
    @property
    def last_warnings(self) -> tuple[Problem, ...]: ...


@dataclass(frozen=True)
class Renditions:
    """The image store's progress: each image has a thumbnail and a screen rendition."""

    total: int
    building: int
    failed: int

    def describe(self) -> str:
        ready = self.total - self.building - self.failed
        return (
            f"{ready} of {plural(self.total, 'rendition')} ready, "
            f"{self.building} building, {self.failed} failed"
        )


def format_loaded_at(timestamp: float | None) -> str:
    return dt.datetime.fromtimestamp(timestamp).strftime(LOADED_AT_FORMAT) if timestamp else ""


def build_status(
    *,
    mode: str,
    content: ContentSet,
    reload: ReloadState,
    renditions: Renditions,
    today: Today,
    speech: str = "",
) -> StaffStatus:
    from kiosk.content.coverage import language_completeness  # only when staff look

    completeness = language_completeness(content)
    return StaffStatus(
        mode=mode,
        content_version=content.version[:VERSION_CHARS],
        loaded_at=format_loaded_at(reload.last_loaded_at),
        pending=reload.pending.version[:VERSION_CHARS] if reload.pending is not None else "",
        # the errors of a talk left out are errors to staff, though the set loaded
        errors=_lines((*reload.last_errors, *left_out(reload.last_warnings))),
        warnings=_lines(tuple(w for w in reload.last_warnings if w.severity == "warning")),
        cache=renditions.describe(),
        languages=tuple(
            LanguageCompleteness(lang.code, lang.name, completeness.get(lang.code, 0))
            for lang in content.site.languages
        ),
        today=today,
        speech=speech,
    )


class SpeechState(Protocol):
    """What the staff panel reads of ``kiosk.runtime.speech.Speaker``."""

    @property
    def available(self) -> bool: ...
    @property
    def reason(self) -> str: ...
    def missing_voices(self, languages: tuple[str, ...]) -> tuple[str, ...]: ...


def speech_status(speaker: SpeechState, languages: tuple[str, ...]) -> str:
    """Reading aloud in one line: why it is not offered, or in which languages it is."""
    if not speaker.available:
        return f"Reading aloud: off ({speaker.reason})"
    missing = speaker.missing_voices(languages)
    if missing:
        return f"Reading aloud: on, but no voice for {', '.join(missing)}"
    return f"Reading aloud: on ({', '.join(languages)})"


def exhibit_titles(content: ContentSet) -> dict[str, str]:
    """Exhibit ids to titles in the default language, for the top-exhibit lines."""
    language = content.site.default_language
    return {e.id: e.title.get(language) for e in content.exhibits}


def today_summary(db: Path | None, titles: Mapping[str, str], day: dt.date) -> Today:
    """The day's sessions, most viewed exhibits and language shares from the analytics
    database; empty when there is none yet or it cannot be read (logged)."""
    if db is None or not db.exists():
        return Today()
    from kiosk.runtime.stats import build_report  # sqlite3: only when staff look

    try:
        report = build_report([db], since=day, until=day)
    except Exception:
        log.exception("today's analytics could not be read")
        return Today()
    return Today(
        sessions=report.sessions,
        top_exhibits=tuple(
            f"{titles.get(e.exhibit_id, e.exhibit_id)} ({e.views})"
            for e in report.exhibits[:TOP_EXHIBITS]
        ),
        language_shares=tuple(
            LanguageShare(lang.language, round(100 * lang.share)) for lang in report.languages
        ),
    )


def _lines(problems: Iterable[Problem]) -> tuple[str, ...]:
    return tuple(str(p) for p in problems)

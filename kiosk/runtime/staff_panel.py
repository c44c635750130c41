"""The staff panel's decisions and words, with no Qt: what each status line says, in
which tone, and the Quit confirmation that counts down before it gives way.

``kiosk.ui.staff`` adapts these to QML; ``StaffPanel.qml`` only lays the rows out.
The panel is for staff and in English (``plural`` makes "1 error", "2 errors").
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from kiosk.content.records import Record, record
from kiosk.runtime.plural import plural

if TYPE_CHECKING:
    from kiosk.runtime.staff_status import StaffStatus, Today

QUIT_CONFIRM_S = 8  # "Really quit (8)" counts down this long, then Quit shows again

# the kinds of row and the tones StaffPanel.qml knows how to draw
HEADING, LINE, PROBLEM = "heading", "line", "problem"
TEXT, MUTED, WARNING, ERROR = "text", "muted", "warning", "error"


@record
class Row(Record):
    """One line of the panel: ``name`` is its objectName (what tests and tools find)."""

    name: str
    kind: str
    text: str
    tone: str = TEXT
    indent: bool = False

    def to_qml(self) -> dict[str, object]:
        return {
            "name": self.name,
            "kind": self.kind,
            "text": self.text,
            "tone": self.tone,
            "indent": self.indent,
        }


def _heading(text: str) -> Row:
    return Row(f"heading{text.replace(' ', '')}", HEADING, text)


def _problems(name: str, lines: Iterable[str], tone: str) -> list[Row]:
    return [Row(name, PROBLEM, line, tone) for line in lines]


def status_rows(status: StaffStatus, errors: list[str], warnings: list[str]) -> list[Row]:
    """The status column, top to bottom (the language bars follow it). ``errors`` and
    ``warnings`` are the lines to show (already cut to a screenful); the counts are the
    status's own."""
    rows = [
        _heading("Content"),
        Row("statusVersion", LINE, f"Version: {status.content_version or 'unknown'}"),
        Row("statusLoadedAt", LINE, f"Loaded: {status.loaded_at or 'unknown'}"),
    ]
    if status.pending:
        waiting = f"Waiting to swap in at the attract loop: {status.pending}"
        rows.append(Row("statusPending", LINE, waiting, WARNING))
    if status.mode:
        rows.append(Row("statusMode", LINE, f"Mode: {status.mode}"))
    rows.append(_heading("Last reload"))
    if not status.errors and not status.warnings:
        rows.append(Row("statusClean", LINE, "No errors or warnings", MUTED))
    if status.errors:
        count = plural(len(status.errors), "error")
        rows.append(
            Row("errorCount", LINE, f"{count}: the last good content stays on screen", ERROR)
        )
        rows += _problems("statusError", errors, ERROR)
    if status.warnings:
        rows.append(Row("warningCount", LINE, plural(len(status.warnings), "warning"), WARNING))
        rows += _problems("statusWarning", warnings, WARNING)
    rows += [_heading("Images"), Row("statusCache", LINE, status.cache or "unknown")]
    if status.speech:
        rows.append(Row("statusSpeech", LINE, status.speech))
    rows.append(_heading("Languages"))
    return rows


def today_rows(today: Today) -> list[Row]:
    """Today's numbers at a glance (beside the actions when the screen is wide)."""
    rows = [
        _heading("Today"),
        Row("statusSessions", LINE, plural(today.sessions, "visitor session")),
    ]
    if today.top_exhibits:
        rows.append(Row("mostViewed", LINE, "Most viewed:", MUTED))
        rows += [
            Row("topExhibit", LINE, f"{number}. {line}", indent=True)
            for number, line in enumerate(today.top_exhibits, start=1)
        ]
    if today.language_shares:
        shares = ",  ".join(f"{share.code} {share.share} %" for share in today.language_shares)
        rows.append(Row("languageShares", LINE, f"Languages: {shares}"))
    return rows


class QuitConfirmation:
    """Quit asks once more: the confirming button counts the seconds down, and when
    they run out (or staff cancel, or the panel closes) Quit shows again."""

    def __init__(self, clock: Callable[[], float], seconds: int = QUIT_CONFIRM_S) -> None:
        self._clock = clock
        self._seconds = seconds
        self._deadline: float | None = None

    def ask(self) -> None:
        self._deadline = self._clock() + self._seconds

    def cancel(self) -> None:
        self._deadline = None

    @property
    def seconds_left(self) -> int:
        """Whole seconds until the question goes away; 0 when it is not asked."""
        if self._deadline is None:
            return 0
        left = math.ceil(self._deadline - self._clock())
        if left <= 0:
            self._deadline = None
            return 0
        return left

    @property
    def asking(self) -> bool:
        return self.seconds_left > 0

    def confirm(self) -> bool:
        """The confirming tap: True when the question was still open (then quit)."""
        confirmed = self.asking
        self._deadline = None
        return confirmed

    @property
    def label(self) -> str:
        return f"Really quit ({self.seconds_left})"

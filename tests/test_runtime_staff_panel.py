"""The staff panel's words and its Quit confirmation, with no Qt and a fake clock."""

from __future__ import annotations

from kiosk.runtime.staff_panel import (
    QUIT_CONFIRM_S,
    QuitConfirmation,
    status_rows,
    today_rows,
)
from kiosk.runtime.staff_status import LanguageShare, StaffStatus, Today
from tests.fakes import FakeClock


def _texts(rows) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for row in rows:
        found.setdefault(row.name, []).append(row.text)
    return found


def test_counts_agree_with_their_number():
    one = StaffStatus(errors=("a.yaml:1:1: bad",), warnings=("a.yaml:2:1: odd",))
    rows = _texts(status_rows(one, list(one.errors), list(one.warnings)))
    assert rows["errorCount"] == ["1 error: the last good content stays on screen"]
    assert rows["warningCount"] == ["1 warning"]
    two = StaffStatus(errors=("x", "y"), warnings=("p", "q", "r"))
    rows = _texts(status_rows(two, ["x", "y"], ["p", "q", "r"]))
    assert rows["errorCount"] == ["2 errors: the last good content stays on screen"]
    assert rows["warningCount"] == ["3 warnings"]
    assert rows["statusError"] == ["x", "y"] and rows["statusWarning"] == ["p", "q", "r"]
    assert "statusClean" not in rows


def test_sessions_and_language_shares_in_words():
    assert _texts(today_rows(Today(sessions=1)))["statusSessions"] == ["1 visitor session"]
    assert _texts(today_rows(Today()))["statusSessions"] == ["0 visitor sessions"]
    today = Today(
        sessions=42,
        top_exhibits=("Museum (31)", "School (22)"),
        language_shares=(LanguageShare("uz", 63), LanguageShare("ru", 37)),
    )
    rows = today_rows(today)
    texts = _texts(rows)
    assert texts["statusSessions"] == ["42 visitor sessions"]
    assert texts["topExhibit"] == ["1. Museum (31)", "2. School (22)"]
    assert texts["languageShares"] == ["Languages: uz 63 %,  ru 37 %"]
    assert [r.indent for r in rows if r.name == "topExhibit"] == [True, True]


def test_an_empty_status_says_unknown_and_clean_and_nothing_more():
    rows = status_rows(StaffStatus(), [], [])
    texts = _texts(rows)
    assert texts["statusVersion"] == ["Version: unknown"]
    assert texts["statusLoadedAt"] == ["Loaded: unknown"]
    assert texts["statusClean"] == ["No errors or warnings"]
    assert texts["statusCache"] == ["unknown"]
    for absent in ("statusPending", "statusMode", "statusSpeech", "errorCount", "warningCount"):
        assert absent not in texts
    assert [r.text for r in rows if r.kind == "heading"] == [
        "Content",
        "Last reload",
        "Images",
        "Languages",
    ]
    pending = status_rows(StaffStatus(pending="e5f6", mode="kiosk"), [], [])
    tones = {r.name: r.tone for r in pending}
    assert tones["statusPending"] == "warning" and tones["statusMode"] == "text"


def test_quit_question_counts_down_then_goes_away():
    clock = FakeClock()
    question = QuitConfirmation(clock)
    assert not question.asking and question.seconds_left == 0
    question.ask()
    labels: list[str] = []
    while question.asking:
        labels.append(question.label)
        clock.advance(1)
    assert labels == [f"Really quit ({n})" for n in range(QUIT_CONFIRM_S, 0, -1)]
    assert question.confirm() is False  # too late: the tap after the question went away


def test_quit_confirmed_in_time_and_cancelled():
    clock = FakeClock()
    question = QuitConfirmation(clock, seconds=8)
    question.ask()
    clock.advance(7.5)
    assert question.label == "Really quit (1)"
    assert question.confirm() is True
    assert not question.asking  # asked once, answered once
    assert question.confirm() is False
    question.ask()
    question.cancel()
    assert not question.asking and question.confirm() is False

"""Settings and ids that validate must also work at run time: timings in range, ids that fit."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from factories import exhibit_text, line_of, make_site, valid_exhibit, valid_site

from kiosk.cli import main
from kiosk.content.exhibit_schema import MAX_ID_LENGTH
from kiosk.content.loader import load_content
from kiosk.runtime.analytics import AnalyticsRecorder


def site_with_idle(tmp_path: Path, **idle: str) -> tuple[Path, str]:
    timings = {"still_there_after": "90", "countdown": "15", "attract_slide": "8", **idle}
    root = make_site(tmp_path / "exhibits", site=valid_site(idle=timings))
    return root, (root / "kiosk.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("still_there_after", "1e12"),  # overflowed the 32-bit Qt timer at start
        ("countdown", "0.001"),  # kept a core busy
        ("attract_slide", "86401"),
        ("countdown", "0.5"),
    ],
)
def test_timing_outside_one_second_to_one_day_is_an_error_with_its_line(
    tmp_path: Path, key: str, value: str
) -> None:
    root, text = site_with_idle(tmp_path, **{key: value})
    result = load_content(root)
    assert result.content is None
    assert [(p.path.name, p.line, p.message) for p in result.errors] == [
        (
            "kiosk.yaml",
            line_of(text, f"{key}:"),
            f"idle.{key} '{value}' must be from 1 to 86400 seconds (1 day)",
        )
    ]


@pytest.mark.parametrize("value", ["1", "86400", "2.5"])
def test_timings_at_the_edges_of_the_range_load(tmp_path: Path, value: str) -> None:
    root, _ = site_with_idle(tmp_path, still_there_after=value, countdown=value)
    content = load_content(root).content
    assert content is not None
    assert content.site.idle.still_there_after_s == float(value)
    assert content.site.idle.countdown_s == float(value)


def test_validate_reports_a_huge_timing_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, text = site_with_idle(tmp_path, still_there_after="1e12")
    code = main(["validate", str(root)])
    out = capsys.readouterr().out
    assert code == 1
    line = line_of(text, "still_there_after:")
    assert out.splitlines()[0].startswith(f"exhibits/kiosk.yaml:{line}:")
    assert "idle.still_there_after '1e12' must be from 1 to 86400 seconds" in out


def test_an_id_too_long_for_analytics_is_an_error_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long_id = "a" * (MAX_ID_LENGTH + 1)
    root = make_site(tmp_path / "exhibits", {"alpha": valid_exhibit(id=long_id)})
    text = exhibit_text(root)
    code = main(["validate", str(root)])
    out = capsys.readouterr().out
    assert code == 1
    assert out.splitlines()[0] == (
        f"exhibits/alpha/exhibit.yaml:{line_of(text, 'id:')}:5: "
        f"id is {MAX_ID_LENGTH + 1} characters long; at most {MAX_ID_LENGTH} fit"
    )


def test_the_longest_valid_id_is_recorded_by_analytics(tmp_path: Path) -> None:
    """The validator's limit and the analytics limit are one number."""
    longest = "-".join(["abcd"] * 16)[:MAX_ID_LENGTH].rstrip("-")
    longest += "x" * (MAX_ID_LENGTH - len(longest))
    assert len(longest) == MAX_ID_LENGTH
    root = make_site(tmp_path / "exhibits", {"alpha": valid_exhibit(id=longest)})
    assert load_content(root).content is not None

    db = tmp_path / "analytics.sqlite3"
    rec = AnalyticsRecorder(db, "kiosk-a", flush_interval_s=60, retention_days=None)
    rec.session_start("uz")
    rec.page_view("exhibit", longest)
    rec.page_view("exhibit", longest + "y")  # refused: longer than any valid id
    assert rec.flush()
    rec.close()
    conn = sqlite3.connect(db)
    try:
        stored = conn.execute("SELECT exhibit_id FROM page_views").fetchall()
    finally:
        conn.close()
    assert stored == [(longest,)]

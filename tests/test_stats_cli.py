"""``kiosk stats``: formats, bounds, chart option and exit codes."""

from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path

import pytest
from PIL import Image
from test_stats import HALL, LOBBY, record

from kiosk.cli import main


@pytest.fixture(autouse=True)
def utc_local_time(monkeypatch: pytest.MonkeyPatch):
    """The CLI reports in local time; make local time UTC for the fixture's sake."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def dbs(tmp_path: Path) -> list[str]:
    folder = tmp_path / "collected"
    folder.mkdir()
    return [
        str(record(folder / "lobby.sqlite3", "lobby", LOBBY)),
        str(record(folder / "hall.sqlite3", "hall", HALL)),
    ]


def test_table(dbs: list[str], capsys) -> None:
    assert main(["stats", *dbs]) == 0
    out = capsys.readouterr().out
    assert "Visitor analytics, 2024-05-01 to 2024-05-03" in out
    assert "kiosks: hall, lobby" in out
    assert "Sessions: 5   median length 3:20   90th percentile 6:00" in out
    assert "  museum                                4         4          1:30       1      1" in out
    assert "Per kiosk" in out  # several kiosks: a breakdown
    assert "  2024-05-02      2  " in out


def test_one_kiosk_has_no_breakdown(dbs: list[str], capsys) -> None:
    assert main(["stats", dbs[0]]) == 0
    assert "Per kiosk" not in capsys.readouterr().out


def test_csv_with_bounds(dbs: list[str], capsys) -> None:
    assert (
        main(["stats", *dbs, "--since", "2024-05-02", "--until", "2024-05-02", "--format", "csv"])
        == 0
    )
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    value = {(r["section"], r["key"], r["metric"]): r["value"] for r in table}
    assert value[("summary", "", "sessions")] == "2"
    assert value[("day", "2024-05-02", "sessions")] == "2"
    assert ("day", "2024-05-03", "sessions") not in value
    assert value[("exhibit", "museum", "views")] == "1"
    assert value[("exhibit", "school", "median_dwell_s")] == "40.0"
    assert value[("language", "az", "share")] == "0.5"
    assert value[("hour", "10", "sessions")] == "2"
    assert value[("kiosk", "hall", "sessions")] == "1"


def test_json_and_a_folder_argument(dbs: list[str], capsys) -> None:
    folder = str(Path(dbs[0]).parent)
    assert main(["stats", folder, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["sessions"] == 5 and data["kiosk_ids"] == ["hall", "lobby"]
    assert data["p90_session_s"] == pytest.approx(360)
    assert data["exhibits"][0] == {
        "exhibit_id": "museum",
        "views": 4,
        "sessions_reached": 4,
        "median_dwell_s": 90,
        "gallery_images": 1,
        "gallery_zooms": 1,
    }
    assert data["exhibits_by_dwell"] == ["museum", "school", "culture"]
    assert len(data["sessions_per_hour"]) == 24


def test_chart_option(dbs: list[str], tmp_path: Path, capsys) -> None:
    out = tmp_path / "out.png"
    assert main(["stats", *dbs, "--chart", str(out), "--chart-size", "1000x640"]) == 0
    with Image.open(out) as image:
        assert image.size == (1000, 640)


def test_default_database_comes_from_the_state_folder(
    dbs: list[str], tmp_path: Path, monkeypatch, capsys
) -> None:
    state = tmp_path / "state"
    monkeypatch.setenv("KIOSK_STATE_DIR", str(state))
    assert main(["stats"]) == 2
    err = capsys.readouterr().err
    assert f"no analytics database at {state / 'analytics.sqlite3'}" in err

    record(state / "analytics.sqlite3", "lobby", LOBBY)
    assert main(["stats", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["sessions"] == 3


def test_state_dir_picks_the_database_as_set_pin_picks_the_settings(
    dbs: list[str], tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("KIOSK_STATE_DIR", str(tmp_path / "elsewhere"))
    state = tmp_path / "state"
    record(state / "analytics.sqlite3", "lobby", LOBBY)
    assert main(["stats", "--state-dir", str(state), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["sessions"] == 3
    empty = tmp_path / "empty"
    assert main(["stats", "--state-dir", str(empty)]) == 2
    assert f"no analytics database at {empty / 'analytics.sqlite3'}" in capsys.readouterr().err
    assert main(["stats", "--state-dir", str(state), dbs[0]]) == 2
    assert "give DB files or --state-dir, not both" in capsys.readouterr().err


def test_csv_rounds_seconds_to_tenths_and_shares_to_thousandths(tmp_path: Path, capsys) -> None:
    start = LOBBY[0][0]
    thirds = [
        (
            start,
            "uz",
            [(0, "page_view", ("exhibit", "museum")), (100 / 3, "session_end", ("staff",))],
        ),
        (start + 600, "ru", [(200 / 3, "session_end", ("staff",))]),
        (start + 1200, "en", [(200 / 3, "session_end", ("staff",))]),
    ]
    db = record(tmp_path / "thirds.sqlite3", "lobby", thirds)
    assert main(["stats", str(db), "--format", "csv"]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    value = {(r["section"], r["key"], r["metric"]): r["value"] for r in table}
    assert value[("summary", "", "median_session_s")] == "66.7"
    assert value[("summary", "", "p90_session_s")] == "66.7"
    assert value[("exhibit", "museum", "median_dwell_s")] == "33.3"
    assert value[("language", "uz", "share")] == "0.333"
    assert value[("kiosk", "lobby", "median_session_s")] == "66.7"
    decimals = [v.split(".")[1] for v in value.values() if "." in v]
    assert decimals and max(map(len, decimals)) <= 3


def test_the_table_says_where_lengths_and_dwell_times_end(dbs: list[str], capsys) -> None:
    assert main(["stats", *dbs]) == 0
    assert "end at the last touch" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["missing.sqlite3"], 2, "no analytics database at missing.sqlite3"),
        (["{junk}"], 1, "junk.sqlite3: cannot read"),
        (["{db}", "--since", "2024-05-03", "--until", "2024-05-01"], 2, "is after --until"),
        (["{db}", "--since", "May 1st"], 2, "not a date"),
        (["{db}", "--chart-size", "huge"], 2, "expected WIDTHxHEIGHT"),
        (["{db}", "--chart-size", "100x100"], 2, "out of range (320x240 to 10000)"),
        (["{db}", "--chart", "{tmp}/no/such/folder/out.png"], 1, "cannot write the chart"),
    ],
)
def test_errors_and_exit_codes(dbs, tmp_path: Path, capsys, argv, code, message) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("not a database\n" * 100)
    argv = [a.format(db=dbs[0], junk=junk, tmp=tmp_path) for a in argv]
    result: str | int | None
    try:
        result = main(["stats", *argv])
    except SystemExit as exit_:  # argparse's own usage errors
        result = exit_.code
    assert result == code
    assert message in capsys.readouterr().err

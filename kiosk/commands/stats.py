"""``kiosk stats [DB ...] [--since D] [--until D] [--format table|csv|json] [--chart PNG]``.

Exit codes: 0 report written, 1 a database or the chart could not be read/written,
2 usage errors and no database found.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from kiosk.commands.args import add_size_argument, add_state_dir_argument
from kiosk.runtime import paths
from kiosk.runtime.analytics import AnalyticsError
from kiosk.runtime.stats import Report, build_report

DB_SUFFIX = ".sqlite3"


def default_database(state_dir: Path | None = None) -> Path:
    """This kiosk's own database: ``<state dir>/analytics.sqlite3``."""
    return paths.analytics_path(state_dir)


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "databases",
        nargs="*",
        type=Path,
        metavar="DB",
        help="analytics databases, one per kiosk, or folders of *.sqlite3 files "
        "(default: analytics.sqlite3 in the state folder, see --state-dir)",
    )
    add_state_dir_argument(parser)
    parser.add_argument("--since", type=_iso_date, help="first day included (YYYY-MM-DD)")
    parser.add_argument("--until", type=_iso_date, help="last day included (YYYY-MM-DD)")
    parser.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="table to read, csv for a spreadsheet, json for tools (default: table)",
    )
    parser.add_argument("--chart", type=Path, metavar="PNG", help="also draw the figures to PNG")
    add_size_argument(
        parser, "--chart-size", (1600, 1000), "chart size", largest=10000, smallest=(320, 240)
    )


def _databases(given: list[Path], state_dir: Path | None) -> list[Path]:
    if not given:
        default = default_database(state_dir)
        return [default] if default.is_file() else []
    found: list[Path] = []
    for path in given:
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.name.endswith(DB_SUFFIX))
        else:
            found.append(path)
    return found


def run(args: argparse.Namespace) -> int:
    err = sys.stderr
    if args.since and args.until and args.since > args.until:
        err.write(f"kiosk stats: --since {args.since} is after --until {args.until}\n")
        return 2
    if args.databases and args.state_dir is not None:
        err.write("kiosk stats: give DB files or --state-dir, not both\n")
        return 2
    databases = _databases(list(args.databases), args.state_dir)
    missing = [p for p in databases if not p.is_file()]
    if not databases or missing:
        default = default_database(args.state_dir)
        where = ", ".join(map(str, missing or args.databases or [default]))
        err.write(
            f"kiosk stats: no analytics database at {where}\n"
            "  (a kiosk creates it when it first runs; pass DB files or folders to merge)\n"
        )
        return 2
    try:
        report = build_report(databases, args.since, args.until)
    except AnalyticsError as exc:
        err.write(f"kiosk stats: {exc}\n")
        return 1
    formatter = {"table": format_table, "csv": format_csv, "json": format_json}[args.format]
    sys.stdout.write(formatter(report))
    if args.chart:
        from kiosk.runtime.chart import render_chart  # Pillow is loaded only when asked

        try:
            render_chart(report, args.chart, size=args.chart_size)
        except OSError as exc:
            err.write(f"kiosk stats: cannot write the chart {args.chart}: {exc}\n")
            return 1
    return 0


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes}:{secs:02d}" if minutes else f"{secs} s"


def _bar(value: int, largest: int, width: int = 40) -> str:
    return "#" * round(width * value / largest) if largest else ""


def _percent(value: float) -> str:
    return f"{value * 100:.1f}%"


def _range(report: Report) -> str:
    first = report.since or report.first_day or "-"
    last = report.until or report.last_day or "-"
    return f"{first} to {last}"


def format_table(report: Report) -> str:
    """Plain text for a terminal or the staff panel."""
    if report.sessions == 0 and not report.kiosk_ids:  # a kiosk that has not run yet
        if report.since or report.until:
            return (
                f"No visits recorded from {report.since or 'the first day'} "
                f"to {report.until or 'today'}.\n"
            )
        return "No visits recorded yet.\n"
    out = [
        f"Visitor analytics, {_range(report)} — kiosks: {', '.join(report.kiosk_ids) or '-'}",
        "",
        f"Sessions: {report.sessions}   median length {_duration(report.median_session_s)}"
        f"   90th percentile {_duration(report.p90_session_s)}"
        f"   unfinished {report.unfinished_sessions}",
        "  (lengths and dwell times end at the last touch, not at the idle reset)",
    ]
    if report.end_reasons:
        out.append("Ended by: " + ", ".join(f"{k} {v}" for k, v in report.end_reasons.items()))
    if report.still_there:
        out.append(
            "Still-there prompts: " + ", ".join(f"{k} {v}" for k, v in report.still_there.items())
        )

    day_max = max(report.sessions_per_day.values(), default=0)
    hour_max = max(report.sessions_per_hour, default=0)

    def section(title: str, header: str, lines: list[str]) -> None:
        out.extend(["", title, *([header] if header else []), *(lines or ["  (none)"])])

    section(
        "Exhibits (by views)",
        f"  {'exhibit':<32}{'views':>7}{'sessions':>10}{'median dwell':>14}"
        f"{'images':>8}{'zooms':>7}",
        [
            f"  {e.exhibit_id:<32}{e.views:>7}{e.sessions_reached:>10}"
            f"{_duration(e.median_dwell_s):>14}{e.gallery_images:>8}{e.gallery_zooms:>7}"
            for e in report.exhibits
        ],
    )
    section(
        "Exhibits (by median dwell)",
        f"  {'exhibit':<32}{'median dwell':>14}",
        [
            f"  {e.exhibit_id:<32}{_duration(e.median_dwell_s):>14}"
            for e in report.exhibits_by_dwell
        ],
    )
    section(
        "Languages (sessions that used each; share splits a session over its languages)",
        f"  {'language':<10}{'sessions':>10}{'share':>9}",
        [
            f"  {lang.language:<10}{lang.sessions:>10}{_percent(lang.share):>9}"
            for lang in report.languages
        ],
    )
    section(
        "Sessions per day",
        "",
        [f"  {day}  {n:>5}  {_bar(n, day_max)}" for day, n in report.sessions_per_day.items()],
    )
    section(
        "Sessions per hour of day",
        "",
        [
            f"  {h:02d}:00  {n:>5}  {_bar(n, hour_max)}"
            for h, n in enumerate(report.sessions_per_hour)
        ],
    )
    if report.page_views:
        section("Page views", "", [f"  {k:<10}{v:>7}" for k, v in report.page_views.items()])
    if report.timeline_opens:
        section(
            "Timeline entries opened",
            "",
            [f"  {k:<12}{v:>7}" for k, v in report.timeline_opens.items()],
        )
    if report.listens:
        section(
            "Read aloud (listens by exhibit and language)",
            f"  {'exhibit':<32}{'language':>10}{'listens':>9}",
            [f"  {x.exhibit_id:<32}{x.language:>10}{x.listens:>9}" for x in report.listens],
        )
    if len(report.kiosks) > 1:
        section(
            "Per kiosk",
            f"  {'kiosk':<24}{'sessions':>10}{'median length':>15}{'page views':>12}  days",
            [
                f"  {k.kiosk_id:<24}{k.sessions:>10}{_duration(k.median_session_s):>15}"
                f"{k.page_views:>12}  {k.first_day or '-'} to {k.last_day or '-'}"
                for k in report.kiosks
            ],
        )
    return "\n".join(out) + "\n"


def _seconds(value: float | None) -> float | None:
    """Tenths of a second: a median of thirteen decimals claims a precision that no
    touchscreen visit has, and makes the spreadsheet harder to read."""
    return None if value is None else round(value, 1)


def _csv_rows(report: Report) -> Iterator[tuple[object, ...]]:
    yield ("summary", "", "sessions", report.sessions)
    yield ("summary", "", "median_session_s", _seconds(report.median_session_s))
    yield ("summary", "", "p90_session_s", _seconds(report.p90_session_s))
    yield ("summary", "", "unfinished_sessions", report.unfinished_sessions)
    yield ("summary", "", "kiosks", " ".join(report.kiosk_ids))
    for reason, n in report.end_reasons.items():
        yield ("end_reason", reason, "sessions", n)
    for answer, n in report.still_there.items():
        yield ("still_there", answer, "prompts", n)
    for day, n in report.sessions_per_day.items():
        yield ("day", day, "sessions", n)
    for hour, n in enumerate(report.sessions_per_hour):
        yield ("hour", f"{hour:02d}", "sessions", n)
    for e in report.exhibits:
        yield ("exhibit", e.exhibit_id, "views", e.views)
        yield ("exhibit", e.exhibit_id, "sessions_reached", e.sessions_reached)
        yield ("exhibit", e.exhibit_id, "median_dwell_s", _seconds(e.median_dwell_s))
        yield ("exhibit", e.exhibit_id, "gallery_images", e.gallery_images)
        yield ("exhibit", e.exhibit_id, "gallery_zooms", e.gallery_zooms)
    for lang in report.languages:
        yield ("language", lang.language, "sessions", lang.sessions)
        yield ("language", lang.language, "share", round(lang.share, 3))
    for page, n in report.page_views.items():
        yield ("page", page, "views", n)
    for entry, n in report.timeline_opens.items():
        yield ("timeline", entry, "opens", n)
    for x in report.listens:
        yield ("listen", f"{x.exhibit_id} {x.language}", "listens", x.listens)
    for k in report.kiosks:
        yield ("kiosk", k.kiosk_id, "sessions", k.sessions)
        yield ("kiosk", k.kiosk_id, "median_session_s", _seconds(k.median_session_s))
        yield ("kiosk", k.kiosk_id, "page_views", k.page_views)


def format_csv(report: Report) -> str:
    """One long table (section, key, metric, value): pivots cleanly in a spreadsheet."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(("section", "key", "metric", "value"))
    for section, key, metric, value in _csv_rows(report):
        writer.writerow((section, key, metric, "" if value is None else value))
    return buffer.getvalue()


def format_json(report: Report) -> str:
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"

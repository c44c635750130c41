"""``kiosk validate [DIR]``: check a content folder the way the kiosk will load it.

Curators run this before copying an edit to a kiosk; tools and CI use ``--json``.
Exit status: 0 valid, 1 content errors (or warnings with ``--strict``), 2 when
DIR is not a content folder at all. Pure Python: never imports Qt.
"""

from __future__ import annotations

import argparse
import json
import stat
import sys
from pathlib import Path

from kiosk.content.loader import SITE_FILE, load_content
from kiosk.content.model import LoadResult, Problem


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from kiosk.commands.args import add_exhibits_argument

    add_exhibits_argument(parser)
    parser.add_argument("--json", action="store_true", help="print a JSON report for tools")
    parser.add_argument(
        "--strict", action="store_true", help="treat warnings (missing translations) as errors"
    )


def run(args: argparse.Namespace) -> int:
    root: Path = args.dir
    usage_problem = _usage_problem(root)
    if usage_problem:
        print(f"kiosk validate: {usage_problem}", file=sys.stderr)
        return 2
    result = load_content(root)
    errors = list(result.errors)
    warnings = list(result.warnings)
    if args.strict:
        errors += [_as_error(w) for w in warnings]
        warnings = []
    if args.json:
        print(json.dumps(_report(root, result, errors, warnings), ensure_ascii=False, indent=2))
    else:
        for problem in [*errors, *warnings]:
            print(_line(root, problem))
        print(_summary(result, errors, warnings))
    return 1 if errors else 0


def _usage_problem(root: Path) -> str | None:
    """DIR is not a content folder at all. One that cannot be read is left to the
    loader, which reports it as a content error naming the file it could not open
    (``Path.exists`` and ``is_file`` raise for those on Python 3.11)."""
    try:
        if not stat.S_ISDIR(root.stat().st_mode):
            return f"{root}: not a folder"
    except (FileNotFoundError, NotADirectoryError):
        return f"{root}: no such folder"
    except OSError:
        return None
    try:
        (root / SITE_FILE).stat()
    except (FileNotFoundError, NotADirectoryError):
        return f"{root}: no {SITE_FILE} in this folder; is it a kiosk content folder?"
    except OSError:
        return None
    return None


def _as_error(problem: Problem) -> Problem:
    return Problem(problem.path, problem.line, problem.column, problem.message, "error")


def _shown(root: Path, path: Path) -> str:
    """Paths relative to DIR's parent (``exhibits/alpha/exhibit.yaml``) or as given."""
    if root.is_absolute():
        try:
            return path.relative_to(root.parent).as_posix()
        except ValueError:
            return str(path)
    return path.as_posix()


def _line(root: Path, problem: Problem) -> str:
    where = _shown(root, problem.path)
    if problem.line:
        where += f":{problem.line}:{problem.column}"
    label = "warning: " if problem.severity == "warning" else ""
    return f"{where}: {label}{problem.message}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _summary(result: LoadResult, errors: list[Problem], warnings: list[Problem]) -> str:
    return (
        f"{_plural(result.exhibit_count, 'exhibit')}, "
        f"{_plural(len(result.language_codes), 'language')}: "
        f"{_plural(len(errors), 'error')}, {_plural(len(warnings), 'warning')}"
    )


def _report(
    root: Path, result: LoadResult, errors: list[Problem], warnings: list[Problem]
) -> dict[str, object]:
    def entries(problems: list[Problem]) -> list[dict[str, object]]:
        return [
            {"path": _shown(root, p.path), "line": p.line, "column": p.column, "message": p.message}
            for p in problems
        ]

    return {
        "valid": not errors,
        "exhibits": result.exhibit_count,
        "languages": list(result.language_codes),
        "errors": entries(errors),
        "warnings": entries(warnings),
        "version": result.content.version if result.content and not errors else None,
    }

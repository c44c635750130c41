"""``kiosk validate [DIR]``: check a content folder the way the kiosk will load it.

Curators run this before copying an edit to a kiosk; tools and CI use ``--json``.
Exit status: 0 valid, 1 content errors (or warnings with ``--strict``), 2 when
DIR is not a content folder at all. Pure Python: never imports Qt.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kiosk.commands import problems
from kiosk.content.loader import load_content
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
    usage_problem = problems.usage_problem(root)
    if usage_problem:
        print(f"kiosk validate: {usage_problem}", file=sys.stderr)
        return 2
    result = load_content(root)
    # a talk with errors is left out of a set that still loads: its errors count here
    errors = [*result.errors, *result.left_out]
    warnings = [w for w in result.warnings if w.severity == "warning"]
    if args.strict:
        errors += [_as_error(w) for w in warnings]
        warnings = []
    errors = problems.in_file_order(root, errors)
    warnings = problems.in_file_order(root, warnings)
    if args.json:
        print(json.dumps(_report(root, result, errors, warnings), ensure_ascii=False, indent=2))
    else:
        for problem in problems.in_file_order(root, [*errors, *warnings]):
            print(problems.problem_line(root, problem))
        print(problems.summary(root, result, len(errors), len(warnings)))
    return 1 if errors else 0


def _as_error(problem: Problem) -> Problem:
    return Problem(problem.path, problem.line, problem.column, problem.message, "error")


def _report(
    root: Path, result: LoadResult, errors: list[Problem], warnings: list[Problem]
) -> dict[str, object]:
    def entries(found: list[Problem]) -> list[dict[str, object]]:
        return [
            {
                "path": problems.shown_path(root, p.path),
                "line": p.line,
                "column": p.column,
                "message": p.message,
            }
            for p in found
        ]

    return {
        "valid": not errors,
        "folder": str(root),
        "exhibits": result.exhibit_count,
        "languages": list(result.language_codes),
        "errors": entries(errors),
        "warnings": entries(warnings),
        "version": result.content.version if result.content and not errors else None,
    }

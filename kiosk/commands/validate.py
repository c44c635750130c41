"""``kiosk validate [DIR]``: check a content folder the way the kiosk will load it.

Curators run this before copying an edit to a kiosk; tools and CI use ``--json``.
Exit status: 0 valid, 1 content errors (or warnings with ``--strict``), 2 when
DIR is not a content folder at all. Pure Python: never imports Qt.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kiosk.commands import problems
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
    status = problems.folder_problem("validate", root)
    if status is not None:
        return status
    checked = problems.check_folder(root, strict=args.strict)
    if args.json:
        report = _report(root, checked.result, checked.errors, checked.warnings)
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        problems.print_problems(root, checked.errors, checked.warnings)
        print(problems.summary(root, checked.result, len(checked.errors), len(checked.warnings)))
    return 1 if checked.errors else 0


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

"""``kiosk validate [DIR]``: check a content folder the way the kiosk will load it.

Curators run this before copying an edit to a kiosk; tools and CI use ``--json``.
Exit status: 0 valid, 1 content errors (or warnings with ``--strict``), 2 when
DIR is not a content folder at all. Pure Python, never importing Qt, unless asked
with ``--screens`` to open every screen headless and name the texts it cuts short or
whose words it breaks.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from kiosk.commands import problems
from kiosk.content.model import ContentSet, LoadResult, Problem


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from kiosk.commands.args import add_exhibits_argument, size_type

    add_exhibits_argument(parser)
    parser.add_argument("--json", action="store_true", help="print a JSON report for tools")
    parser.add_argument(
        "--strict",
        action="store_true",
        help="treat warnings (missing translations, texts cut short) as errors",
    )
    parser.add_argument(
        "--screens",
        action="store_true",
        help="also open every screen in every language and text size, headless, and "
        "warn of each text it cuts short with '…' or whose word it breaks in two "
        "(about ten seconds a screen size)",
    )
    parser.add_argument(
        "--screen-size",
        type=size_type(8000, (320, 240)),
        action="append",
        metavar="WxH",
        help="the screen size for --screens, as often as wanted "
        "(default: 1920x1080 and 1080x1920, either way up)",
    )
    parser.add_argument("--cache", type=Path, help="rendition cache folder for --screens")


def run(args: argparse.Namespace) -> int:
    root: Path = args.dir
    status = problems.folder_problem("validate", root)
    if status is not None:
        return status
    checked = problems.check_folder(root, strict=args.strict)
    content = checked.result.content
    if args.screens and content is not None and not checked.errors:
        cut = _cut_texts(root, content, args.screen_size, args.cache)
        if args.strict:
            checked.errors.extend(Problem(p.path, p.line, p.column, p.message) for p in cut)
        else:
            checked.warnings.extend(cut)
    if args.json:
        report = _report(root, checked.result, checked.errors, checked.warnings)
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        problems.print_problems(root, checked.errors, checked.warnings)
        print(problems.summary(root, checked.result, len(checked.errors), len(checked.warnings)))
    return 1 if checked.errors else 0


def _cut_texts(
    root: Path, content: ContentSet, sizes: list[tuple[int, int]] | None, cache: Path | None
) -> list[Problem]:
    """``--screens``: the texts the screens cut short or break, as warnings."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_QUICK_BACKEND"] = "software"
    from kiosk.ui.app import ensure_application
    from kiosk.ui.screen_fit import SIZES, TEXT_SIZES, cut_texts, problems, screens

    ensure_application()
    shown = tuple(sizes or SIZES)
    total = len(shown) * len(TEXT_SIZES) * len(content.site.language_codes)
    total *= len(list(screens(content)))
    progress = _progress(total) if sys.stderr.isatty() else None
    found = cut_texts(content, cache, shown, looked_at=progress)
    if progress is not None:
        print(file=sys.stderr)
    return problems(root, found)


def _progress(total: int) -> Callable[[int], None]:
    """A line on the terminal, rewritten as the screens are looked at."""

    def looked_at(count: int) -> None:
        if count == total or count % 10 == 0:
            print(f"\rlooking at the screens: {count} of {total}", end="", file=sys.stderr)

    return looked_at


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

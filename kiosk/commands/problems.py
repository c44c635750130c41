"""How ``validate`` and ``publish`` report a content folder: the same lines, the same summary.

Both commands check a folder the way the kiosk will load it, so a curator reads one
format whichever was run: every problem as ``file:line:column: message`` in the order
of the files and their lines, then one summary that names the folder checked.
"""

from __future__ import annotations

import stat
from collections.abc import Iterable
from pathlib import Path

from kiosk.content.loader import SITE_FILE
from kiosk.content.model import LoadResult, Problem
from kiosk.runtime.plural import plural


def usage_problem(root: Path) -> str | None:
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


def shown_path(root: Path, path: Path) -> str:
    """Paths relative to DIR's parent (``exhibits/alpha/exhibit.yaml``) or as given."""
    if root.is_absolute():
        try:
            return path.relative_to(root.parent).as_posix()
        except ValueError:
            return str(path)
    return path.as_posix()


def in_file_order(root: Path, problems: Iterable[Problem]) -> list[Problem]:
    """By file, then line and column: a curator fixes them top to bottom, file by file.
    The site's ``kiosk.yaml`` comes first, then the exhibit folders by name; at the same
    place an error comes before a warning."""
    site_file = root / SITE_FILE
    return sorted(
        problems,
        key=lambda p: (
            p.path != site_file,
            shown_path(root, p.path),
            p.line,
            p.column,
            p.severity != "error",
        ),
    )


def problem_line(root: Path, problem: Problem) -> str:
    where = shown_path(root, problem.path)
    if problem.line:
        where += f":{problem.line}:{problem.column}"
    label = "warning: " if problem.severity == "warning" else ""
    return f"{where}: {label}{problem.message}"


def summary(root: Path, result: LoadResult, errors: int, warnings: int) -> str:
    """``5 exhibits, 4 languages: 0 errors, 0 warnings (checked exhibits)``: the folder
    as given, so a run with the default folder says which one that was."""
    return (
        f"{plural(result.exhibit_count, 'exhibit')}, "
        f"{plural(len(result.language_codes), 'language')}: "
        f"{plural(errors, 'error')}, {plural(warnings, 'warning')} (checked {root})"
    )

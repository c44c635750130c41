"""How the commands open a content folder and report it: one opening, the same lines.

``validate``, ``publish``, ``prepare`` and ``render`` all start alike: a DIR that is
not a content folder at all is one line and exit 2, whichever was run
(``folder_problem``). ``validate`` and ``publish`` then check the folder the way the
kiosk will load it, and the way a release is listed (``check_folder``); ``prepare``
and ``render`` need only loaded content (``load_or_report``). A curator reads one
format whatever was run: errors first, then warnings, each as
``file:line:column: message`` in the order of the files and their lines, then one
summary that names the folder checked.
"""

from __future__ import annotations

import stat
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.content.loader import SITE_FILE
from kiosk.content.model import ContentSet, LoadResult, Problem
from kiosk.runtime.plural import plural

if TYPE_CHECKING:
    from kiosk.content.imagerecord import ImageChecks


def folder_problem(command: str, root: Path) -> int | None:
    """Exit status 2, with one line on stderr, when ``root`` is not a content folder."""
    problem = usage_problem(root)
    if problem is None:
        return None
    print(f"kiosk {command}: {problem}", file=sys.stderr)
    return 2


@dataclass
class Checked:
    """A folder as ``validate`` and ``publish`` see it."""

    result: LoadResult
    errors: list[Problem]
    warnings: list[Problem]
    files: list[str]  # the content files a release lists (``kiosk.content.tree.walk``)


def check_folder(root: Path, *, strict: bool = False) -> Checked:
    """Load ``root`` as the kiosk would, and list it as a release would be: a named
    pipe, a device, a symbolic link to a folder or out of the exhibits folder is an
    error here even where the kiosk never reads it, since ``publish`` would hash it."""
    from kiosk.content.loader import load_content
    from kiosk.content.tree import walk

    result = load_content(root)
    try:
        listing = walk(root)
        files, tree_problems = listing.files, listing.problems
    except OSError:  # the loader has named the folder it could not list
        files, tree_problems = [], []
    named = {p.path for p in result.errors}
    # a talk with errors is left out of a set that still loads: its errors count here
    errors = [*result.errors, *result.left_out]
    errors += [p for p in tree_problems if p.path not in named]
    warnings = [w for w in result.warnings if w.severity == "warning"]
    if strict:
        errors += [Problem(w.path, w.line, w.column, w.message, "error") for w in warnings]
        warnings = []
    return Checked(result, in_file_order(root, errors), in_file_order(root, warnings), files)


def print_problems(root: Path, errors: list[Problem], warnings: list[Problem]) -> None:
    """Errors first, so that a long list of missing translations never hides one."""
    for problem in [*errors, *warnings]:
        print(problem_line(root, problem))


def load_or_report(command: str, root: Path, images: ImageChecks, nothing: str) -> ContentSet | int:
    """The content of ``root`` for a command that draws or builds from it, or the exit
    status once the reason is printed: 2 for no content folder, 1 for content errors
    (listed as ``validate`` lists them, then ``nothing``: what was not done)."""
    from kiosk.content.loader import load_content

    status = folder_problem(command, root)
    if status is not None:
        return status
    result = load_content(root, images)
    if result.content is None:
        for problem in in_file_order(root, list(result.errors)):
            print(problem_line(root, problem), file=sys.stderr)
        count = plural(len(result.errors), "error")
        print(f"kiosk {command}: {count} in {root}; {nothing}", file=sys.stderr)
        return 1
    return result.content


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

"""What counts as content in an exhibits folder, and what may not be in one at all.

One rule for every reader of the folder (the loader, the watcher, ``validate``,
``publish`` and the release manifest): a name the watcher ignores as an editor, sync
or OS leftover (``is_ignored``) is never content, so it is never loaded either; an
image may not be named so (the kiosk would show it and never notice its changes).

``walk`` lists the content files the way ``publish`` hashes them, and refuses, each
with a one-line problem naming it, what must not be in a release: anything that is not
a regular file or a folder (a named pipe would hang whoever reads it, ``/dev/zero``
never ends), a symbolic link to a folder (a loop such as ``images/up -> ..``, or a
second copy of a tree), and a symbolic link that leads out of the exhibits folder.
A symbolic link to a regular file inside the folder is content like any other file.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import field
from pathlib import Path

from kiosk.content.model import Problem
from kiosk.content.records import Record, record

# Hidden names cover rsync (.name.XXXXXX), emacs locks (.#name), vim swap
# (.name.swp), Syncthing (.syncthing.*), .git and .DS_Store; the rest are the
# visible leftovers of editors and downloads. 4913 is vim's write test.
IGNORED_PATTERNS = ("*~", "*.swp", "*.swx", "*.tmp", "*.part", "#*#", "~*", "4913")
# ``kiosk publish``'s release manifest (kiosk.runtime.manifest): hidden, yet watched,
# since it may be the last file of a copy to arrive
RELEASE_FILE = ".kiosk-release.json"


# IGNORED_PATTERNS as string tests: fnmatch compiles a regular expression for each
# pattern, 1.5 ms for these in every process that lists the content (the first start's
# child, the watcher, ``kiosk validate``). tests/test_load_cost.py holds the two equal.
_IGNORED_ENDINGS = ("~", ".swp", ".swx", ".tmp", ".part")


def is_ignored(name: str) -> bool:
    """Whether a file or folder name is an editor, sync or OS artefact, not content."""
    if name.startswith("."):
        return name != RELEASE_FILE
    return (
        name.endswith(_IGNORED_ENDINGS)
        or name.startswith("~")
        or (len(name) >= 2 and name.startswith("#") and name.endswith("#"))
        or name == "4913"
    )


def ignored_part(rel: str) -> str | None:
    """The first part of a relative path the watcher ignores, if any."""
    for part in rel.split("/"):
        if part and part not in (".", "..") and is_ignored(part):
            return part
    return None


def outside(path: Path, root: Path) -> Path | None:
    """Where ``path`` really leads when that is outside the resolved ``root``, else None
    (also when it cannot be resolved: whoever reads it next reports why)."""
    try:
        target = path.resolve()
        if target.is_relative_to(root.resolve()):
            return None
    except (OSError, RuntimeError):
        return None
    return target


def outside_message(target: Path) -> str:
    return (
        f"is a symbolic link that leads outside the exhibits folder (to {target}); "
        "copy what it points to into the folder instead"
    )


@record
class Listing(Record):
    files: list[str] = field(default_factory=list)  # relative, "/" separators, sorted
    problems: list[Problem] = field(default_factory=list)


_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def _kind(mode: int) -> str:
    for test, name in _KINDS:
        if test(mode):
            return name
    return "not a regular file"


def walk(root: Path) -> Listing:
    """Every content file under ``root`` (never opened, so nothing here can block)
    and a problem for each entry that may not be part of a release. Raises ``OSError``
    only when ``root`` itself cannot be listed."""
    listing = Listing()
    real_root = root.resolve()
    stack = [""]
    first = True
    while stack:
        rel_dir = stack.pop()
        try:
            with os.scandir(root / rel_dir if rel_dir else root) as entries:
                found = list(entries)
        except OSError as error:
            if first:
                raise
            reason = error.strerror or type(error).__name__
            message = f"cannot list this folder: {reason}"
            listing.problems.append(Problem(root / rel_dir, 0, 0, message))
            continue
        finally:
            first = False
        for entry in found:
            if is_ignored(entry.name):
                continue
            rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
            problem = _entry_problem(entry, root / rel, real_root)
            if problem == "folder":
                stack.append(rel)
            elif problem is None:
                if rel != RELEASE_FILE:
                    listing.files.append(rel)
            else:
                listing.problems.append(Problem(root / rel, 0, 0, problem))
    listing.files.sort()
    listing.problems.sort(key=lambda p: str(p.path))
    return listing


def _entry_problem(entry: os.DirEntry[str], path: Path, real_root: Path) -> str | None:
    """None for a content file, "folder" for a folder to walk into, else the problem.
    The listing's own file types answer for ordinary files and folders (no system
    call: a release of 13,000 files is listed at every reload)."""
    try:
        if entry.is_dir(follow_symlinks=False):
            return "folder"
        if entry.is_file(follow_symlinks=False):
            return None
    except OSError:
        pass
    try:
        info = path.lstat()
    except FileNotFoundError:
        return "was removed while the folder was read; run again"
    except OSError as error:
        return f"cannot be looked at: {error.strerror or type(error).__name__}"
    if stat.S_ISDIR(info.st_mode):
        return "folder"
    if stat.S_ISREG(info.st_mode):
        return None
    if not stat.S_ISLNK(info.st_mode):
        return f"is {_kind(info.st_mode)}, not a file; remove it from the exhibits folder"
    try:
        target = path.resolve(strict=True)
        mode = target.stat().st_mode
    except RuntimeError:
        return "is a symbolic link that leads back to itself (a loop)"
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "is a symbolic link that leads back to itself (a loop)"
        return "is a symbolic link to nothing (its target is missing); remove it"
    if not target.is_relative_to(real_root):
        return outside_message(target)
    if stat.S_ISDIR(mode):
        return (
            "is a symbolic link to a folder; the kiosk does not follow those, "
            "copy the folder instead"
        )
    if not stat.S_ISREG(mode):
        return f"is a symbolic link to {_kind(mode)}, not a file; remove it"
    return None

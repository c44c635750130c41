"""Resolving a curator's image path safely, then checking and hashing the file once.

A path in ``exhibit.yaml`` must name a file inside the exhibit's own folder. The
written form is checked first (absolute, drive letters, backslashes, ``..``) so the
message can say what to write instead; then the real path is resolved, following
symlinks, and must still lie inside the resolved folder. ``Path.is_relative_to``
compares whole path parts, so ``fuzuli-school-evil`` is not inside ``fuzuli-school``
as a string-prefix test would claim.

Every way the disk can refuse (a folder that cannot be searched, a symbolic link
loop, a file that cannot be read) becomes a message naming the path as written; the
exhibit file's reader puts the line of its ``file:`` field in front.
"""

from __future__ import annotations

import errno
import hashlib
import re
import stat
from pathlib import Path, PurePosixPath

from kiosk.content.imagerecord import ImageChecks
from kiosk.content.images import ImageProblem, check_image, read_image_file
from kiosk.content.records import Record, record
from kiosk.content.tree import ignored_part

_DRIVE = re.compile(r"[A-Za-z]:")


@record
class CheckedImage(Record):
    path: Path  # resolved, inside the exhibit folder
    sha256: str
    width: int  # as displayed (EXIF rotation applied)
    height: int
    size: int  # bytes


def check_file(target: Path, folder: Path, rel: str, images: ImageChecks) -> CheckedImage | str:
    """Read, hash and check one resolved image file as ``images`` says; a message for
    the curator if unfit."""
    problem = _file_problem(target, folder, rel)
    if problem:
        return problem
    try:
        data = read_image_file(target)
    except ImageProblem as refused:
        return f"image {rel!r} {refused}"
    except OSError as error:
        return _unreadable(rel, error)
    sha256 = hashlib.sha256(data).hexdigest()
    info = images.record.get(sha256, target.suffix)
    if info is None:
        try:
            info = check_image(data, target.suffix, decode_now=images.decode_now)
        except ImageProblem as refused:
            return f"image {rel!r} {refused}"
        if images.decode_now:
            images.record.add(sha256, target.suffix, info)
        else:
            images.record.add_header_only(sha256, target.suffix, info)
    width, height = info.display_size
    return CheckedImage(target, sha256, width, height, len(data))


class ImageCache:
    """Each file is read, hashed and checked once, however often it is referenced."""

    def __init__(self, images: ImageChecks | None = None) -> None:
        self._images = images or ImageChecks()
        self._done: dict[Path, CheckedImage | str] = {}

    def check(self, folder: Path, rel: str) -> CheckedImage | str:
        """The checked image, or a message for the curator saying what is wrong."""
        problem = path_syntax_problem(rel)
        if problem:
            return problem
        try:
            target = (folder / rel).resolve()
        except RuntimeError:  # Python 3.11 reports a symbolic link loop this way
            return _loop(rel)
        except OSError as error:
            return _unreadable(rel, error)
        if not target.is_relative_to(folder):
            return (
                f"image path {rel!r} leads outside the exhibit folder (through a symbolic "
                "link); copy the image into the folder instead"
            )
        if target not in self._done:
            self._done[target] = check_file(target, folder, rel, self._images)
        return self._done[target]


def path_syntax_problem(rel: str) -> str | None:
    """What is wrong with how the path is written, before touching the disk."""
    hint = "write it relative to the exhibit folder, like 'images/cover.jpg'"
    if _DRIVE.match(rel):
        return f"image path {rel!r} starts with a drive letter; {hint}"
    if rel.startswith("/"):
        return f"image path {rel!r} is absolute; {hint}"
    if "\\" in rel:
        return f"image path {rel!r} contains '\\'; separate folders with '/'"
    if ".." in PurePosixPath(rel).parts:
        return f"image path {rel!r} contains '..'; images must be inside the exhibit folder"
    ignored = ignored_part(rel)
    if ignored is not None:
        return (
            f"image path {rel!r}: the kiosk takes {ignored!r} for an editor's or a copy's "
            "leftover (a name starting with '.' or '~', or ending in '~', '.tmp', '.part', "
            "'.swp') and would never notice a change to it; rename it"
        )
    return None


def _file_problem(target: Path, folder: Path, rel: str) -> str | None:
    """Whether ``target`` is a file the kiosk may read; one ``stat``, nothing raised."""
    try:
        mode = target.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        return f"image file {rel!r} not found{_near_miss(target, folder)}"
    except OSError as error:
        return _loop(rel) if error.errno == errno.ELOOP else _unreadable(rel, error)
    if not stat.S_ISREG(mode):
        return f"image path {rel!r} is not a file"
    return None


def _unreadable(rel: str, error: OSError) -> str:
    reason = error.strerror or type(error).__name__
    hint = ""
    if error.errno in (errno.EACCES, errno.EPERM):
        hint = "; the kiosk's user must be allowed to read it and open its folders"
    return f"image file {rel!r} cannot be read: {reason}{hint}"


def _loop(rel: str) -> str:
    return f"image path {rel!r} is a symbolic link that leads back to itself (a loop)"


def _near_miss(target: Path, folder: Path) -> str:
    """Suggest a file that differs only slightly (often letter case or extension)."""
    import difflib  # only for a missing file: not on the kiosk's start-up path

    parent = target.parent
    try:
        names = [p.name for p in parent.iterdir() if p.is_file()]
    except OSError:  # no such folder, or one that cannot be listed: no suggestion
        return ""
    close = difflib.get_close_matches(target.name, names, n=1, cutoff=0.6)
    if not close:
        return ""
    suggestion = (parent / close[0]).relative_to(folder).as_posix()
    return f"; did you mean {suggestion!r}?"

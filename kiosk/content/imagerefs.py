"""Resolving a curator's image path safely, then checking and hashing the file once.

A path in ``exhibit.yaml`` must name a file inside the exhibit's own folder. The
written form is checked first (absolute, drive letters, backslashes, ``..``) so the
message can say what to write instead; then the real path is resolved, following
symlinks, and must still lie inside the resolved folder. ``Path.is_relative_to``
compares whole path parts, so ``fuzuli-school-evil`` is not inside ``fuzuli-school``
as a string-prefix test would claim.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from kiosk.content.images import CHECKED, ImageProblem, jpeg_decode_deferred, probe_image

_DRIVE = re.compile(r"[A-Za-z]:")


@dataclass(frozen=True)
class CheckedImage:
    path: Path  # resolved, inside the exhibit folder
    sha256: str
    width: int  # as displayed (EXIF rotation applied)
    height: int
    size: int  # bytes


class ImageCache:
    """Each file is read, hashed and probed once, however often it is referenced."""

    def __init__(self) -> None:
        self._done: dict[Path, CheckedImage | str] = {}

    def check(self, folder: Path, rel: str) -> CheckedImage | str:
        """The checked image, or a message for the curator saying what is wrong."""
        problem = path_syntax_problem(rel)
        if problem:
            return problem
        target = (folder / rel).resolve()
        if not target.is_relative_to(folder):
            return (
                f"image path {rel!r} leads outside the exhibit folder (through a symbolic "
                "link); copy the image into the folder instead"
            )
        if target not in self._done:
            self._done[target] = check_file(target, folder, rel)
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
    return None


def check_file(target: Path, folder: Path, rel: str) -> CheckedImage | str:
    """Read, hash and probe one resolved image file; a message for the curator if unfit.

    A file whose bytes passed before (``CHECKED``) is not probed again. Inside
    ``jpeg_decoding_deferred()`` a JPEG is header-checked only and not recorded.
    """
    if not target.exists():
        return f"image file {rel!r} not found{_near_miss(target, folder)}"
    if not target.is_file():
        return f"image path {rel!r} is not a file"
    try:
        data = target.read_bytes()
    except OSError as error:
        return f"image file {rel!r} cannot be read: {error.strerror or error}"
    sha256 = hashlib.sha256(data).hexdigest()
    info = CHECKED.get(sha256, target.suffix)
    if info is None:
        deferred = jpeg_decode_deferred()
        try:
            info = probe_image(target, data, decode=not deferred)
        except ImageProblem as problem:
            return str(problem)
        if deferred and info.format == "JPEG":
            CHECKED.add_header_only(sha256, target.suffix, info)
        else:
            CHECKED.add(sha256, target.suffix, info)
    width, height = info.display_size
    return CheckedImage(target, sha256, width, height, len(data))


def _near_miss(target: Path, folder: Path) -> str:
    """Suggest a file that differs only slightly (often letter case or extension)."""
    parent = target.parent
    if not parent.is_dir():
        return ""
    names = [p.name for p in parent.iterdir() if p.is_file()]
    close = difflib.get_close_matches(target.name, names, n=1, cutoff=0.6)
    if not close:
        return ""
    suggestion = (parent / close[0]).relative_to(folder).as_posix()
    return f"; did you mean {suggestion!r}?"

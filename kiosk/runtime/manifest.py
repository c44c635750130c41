"""Release manifests: publishing is explicit and all-or-nothing.

The settle time protects only tools that write a temporary file and rename it.
``cp``, SMB, USB copies and editors saving in place can stall longer than any
settle time, and a YAML file cut in half is often still valid (required fields
first, optional lists last). ``kiosk publish`` therefore writes, next to the
content, a manifest of the release: every content file's path, size and SHA-256,
and the content version the loader computes from them. When one is present, the
kiosk accepts a set only when the folder matches it exactly: every listed file
present with its size and hash, no file it does not list, and the loaded
version equal to the published one. Anything else is reported (log, staff panel,
preview banner) and nothing of it is shown, whatever order the files arrived in.
With no manifest (curators editing in place) the settle time is all there is.

Cost: at start only the manifest is read and the loaded version compared with
it (the loader already hashes every file the kiosk shows, so equal versions mean
those files are the release's, byte for byte); the listing and SHA-256 check of
every file runs with the load after the first frame and with every reload, off
the UI thread, re-hashing only files whose size, time or inode changed.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.content.model import Problem
from kiosk.content.records import Record, record
from kiosk.content.tree import RELEASE_FILE, walk

if TYPE_CHECKING:
    import datetime as dt

FORMAT = 1
_CHUNK = 1 << 20


@record
class Entry(Record):
    path: str  # relative, with "/" separators
    size: int
    sha256: str


@record
class Manifest(Record):
    version: str
    files: tuple[Entry, ...]
    published_at: str = ""


def manifest_path(root: Path) -> Path:
    return root / RELEASE_FILE


def content_files(root: Path) -> list[str]:
    """Every content file under ``root`` (what the watcher watches), sorted; entries
    that may not be in a release (``kiosk.content.tree.walk``) are left out here and
    reported by whoever publishes or verifies."""
    return walk(root).files


def sha256_of(path: Path) -> str:
    import hashlib  # OpenSSL: fast on large files, not loaded before the first frame

    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def build(root: Path, version: str, files: list[str], now: dt.datetime | None = None) -> Manifest:
    """The manifest of ``files``, the folder's content files as ``walk`` listed them
    with no problem (``kiosk publish``, after validation): only regular files are
    opened, so nothing here can block on a pipe or a device."""
    entries = []
    for rel in files:
        path = root / rel
        entries.append(Entry(rel, path.stat().st_size, sha256_of(path)))
    import datetime as dt  # only ``kiosk publish`` writes a manifest, never a start

    stamp = (now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds")
    return Manifest(version, tuple(entries), stamp)


def write(root: Path, manifest: Manifest) -> Path:
    """Write atomically: a kiosk never reads half a manifest."""
    data = {
        "format": FORMAT,
        "version": manifest.version,
        "published_at": manifest.published_at,
        "files": [{"path": e.path, "size": e.size, "sha256": e.sha256} for e in manifest.files],
    }
    import json  # here, not at every start: only a published folder has a manifest

    target = manifest_path(root)
    temp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        temp.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
    return target


class ManifestError(Exception):
    """A manifest that cannot be read; the message names the file."""


def read(root: Path) -> Manifest | None:
    """The folder's manifest, None when there is none; raises ``ManifestError``."""
    path = manifest_path(root)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except PermissionError:
        if not os.access(root, os.R_OK | os.X_OK):
            return None  # the folder itself is closed: the load names it, file by file
        raise ManifestError("release manifest unreadable (permission denied)") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ManifestError(f"release manifest unreadable ({error})") from None
    import json  # here, not at every start: only a published folder has a manifest

    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ManifestError(f"release manifest unreadable ({error})") from None
    try:
        if data["format"] != FORMAT:
            raise ManifestError(f"release manifest format {data['format']!r} is not {FORMAT}")
        files = tuple(
            Entry(str(f["path"]), int(f["size"]), str(f["sha256"])) for f in data["files"]
        )
        return Manifest(str(data["version"]), files, str(data.get("published_at", "")))
    except (KeyError, TypeError, ValueError) as error:
        raise ManifestError(f"release manifest malformed ({error!r})") from None


class Verifier:
    """Checks a folder against its manifest, remembering hashes of unchanged files."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._hashes: dict[str, tuple[tuple[int, int, int], str]] = {}

    def check(self, full: bool = True) -> tuple[Manifest | None, list[Problem]]:
        """The manifest (None: no release, anything goes) and how the folder
        differs from it. ``full=False`` (at start) only reads the manifest: the
        version check after the load then vouches for every file shown, and a
        listing of a large folder (13,000 files, ~80 ms) waits for the load after
        the first frame."""
        try:
            manifest = read(self.root)
        except ManifestError as error:
            return None, [Problem(manifest_path(self.root), 0, 0, str(error))]
        if manifest is None or not full:
            return manifest, []
        return manifest, self._differences(manifest)

    def check_version(self, manifest: Manifest, version: str) -> list[Problem]:
        if version == manifest.version:
            return []
        message = (
            f"the content loaded (version {version[:12]}) is not the release "
            f"(version {manifest.version[:12]}); publish again, or wait for the copy to finish"
        )
        return [Problem(manifest_path(self.root), 0, 0, message)]

    def _differences(self, manifest: Manifest) -> list[Problem]:
        problems: list[Problem] = []
        try:
            listing = walk(self.root)
        except OSError as error:
            return [Problem(self.root, 0, 0, f"cannot list the folder ({error})")]
        present = set(listing.files)
        problems += listing.problems
        listed = {entry.path for entry in manifest.files}
        for entry in manifest.files:
            path = self.root / entry.path
            if entry.path not in present:
                problems.append(_problem(path, "listed in the release but missing"))
                continue
            try:
                info = path.stat()
            except OSError as error:
                problems.append(_problem(path, f"cannot be read ({error.strerror})"))
                continue
            if info.st_size != entry.size:
                problems.append(
                    _problem(
                        path,
                        f"is {info.st_size} bytes, the release says {entry.size} "
                        "(still being copied?)",
                    )
                )
            elif self._hash(entry.path, info) != entry.sha256:
                problems.append(_problem(path, "differs from the release (SHA-256)"))
        for rel in sorted(present - listed):
            problems.append(_problem(self.root / rel, "is not part of the release"))
        return problems

    def _hash(self, rel: str, info: os.stat_result) -> str | None:
        stamp = (info.st_size, info.st_mtime_ns, info.st_ino)
        known = self._hashes.get(rel)
        if known is not None and known[0] == stamp:
            return known[1]
        try:
            digest = sha256_of(self.root / rel)
        except OSError:
            return None
        self._hashes[rel] = (stamp, digest)
        return digest


def _problem(path: Path, message: str) -> Problem:
    return Problem(path, 0, 0, f"release manifest: {message}")

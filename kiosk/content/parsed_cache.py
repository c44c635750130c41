"""A parsed-content cache: the last valid content set, reused while nothing changed.

Parsing and checking 1,000 exhibits takes seconds; a kiosk restarting on the same
folder need not do it again. The cache is keyed by a fingerprint of the folder
(every file's name, size, modification time, inode and mode, plus the loader's
version), taken with one ``stat`` per file. Any change, even a touch or a chmod,
means a full load and a new entry. Only valid sets are kept: errors are always
found afresh.

Images are the one exception to "checked once": a set loaded by an
``ImageChecks`` that does not decode (the kiosk's start) is cached with its images
checked by header only. So a hit is trusted only as far as the record of checked
images goes: any image not recorded there is decoded now, and on a failure the whole
folder is loaded afresh, so the broken file is reported with its exhibit file and
line. A checker that does not decode leaves even that to the next load.

The file lives in the kiosk's own per-user cache folder, written by the kiosk
itself, never in ``exhibits/``: curators' files are untrusted, this one is not.
"""

from __future__ import annotations

import contextlib
import logging
import operator
import os
import pickle
import time
import weakref
from pathlib import Path
from types import ModuleType

from kiosk import __version__
from kiosk.content import model
from kiosk.content.atomic import write_atomic
from kiosk.content.imagerecord import ImageChecks
from kiosk.content.model import ContentSet, ImageRef, LoadResult
from kiosk.content.records import Record
from kiosk.content.smallhash import sha256_hex

log = logging.getLogger("kiosk.content")
_LOAD_FORMAT = 11  # bump when what a load reports changes; the model's shape counts by itself
_PREFIX = "content-"


def model_classes(module: ModuleType) -> dict[str, str]:
    """Every record and dataclass defined in ``module`` (the content model: every class
    a pickled content set holds is one of them), by module and name, with its fields'
    names and annotations as written. Read from the classes' own annotations alone:
    resolving them (``typing.get_type_hints``) cost 2.5 ms of every start, and asking
    ``dataclasses.fields`` would make every record a dataclass before the first frame
    (``kiosk.content.records``)."""
    return {
        f"{cls.__module__}.{cls.__qualname__}": ", ".join(
            f"{name}: {kind}" for name, kind in vars(cls).get("__annotations__", {}).items()
        )
        for cls in vars(module).values()
        if isinstance(cls, type)
        and cls.__module__ == module.__name__
        and (issubclass(cls, Record) or "__dataclass_fields__" in vars(cls))
    }


def model_shape(module: ModuleType) -> str:
    """A short hash of ``model_classes``: a field added, removed, renamed or retyped
    anywhere in the model changes it."""
    lines = "\n".join(f"{name}({fields})" for name, fields in sorted(model_classes(module).items()))
    return sha256_hex(lines.encode())[:12]


# in every fingerprint: an entry written by a kiosk with another model is never read
FORMAT = f"{_LOAD_FORMAT}.{model_shape(model)}"


def fingerprint(root: Path) -> str:
    """Every file under ``root`` by name, size, mtime, inode and mode; cheap, no reading.

    The mode counts: a file made unreadable must be loaded again to be reported."""
    lines = [f"{FORMAT}:{__version__}:{root.resolve()}\n"]
    stack = [""]
    while stack:
        rel_dir = stack.pop()
        try:
            with os.scandir(os.path.join(root, rel_dir)) as listing:
                entries = sorted(listing, key=_name)
        except OSError:
            continue
        for entry in entries:
            rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(rel)
                    continue
                st = entry.stat()  # follows links: a changed link target counts
            except OSError:
                continue
            lines.append(f"{rel}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ino}\0{st.st_mode}\n")
    # surrogateescape: a name that is not UTF-8 (a camera's, an old share's) is hashed
    # as the disk gave it instead of failing every load
    text = "".join(lines).encode("utf-8", "surrogateescape")
    return sha256_hex(text)


_name = operator.attrgetter("name")


def load_content(root: Path, images: ImageChecks) -> LoadResult:
    """The full load; imported late, since a cache hit needs neither YAML nor Pillow."""
    from kiosk.content.loader import load_content as full_load

    return full_load(root, images)


def load_cached(
    root: Path, cache_dir: Path | None, images: ImageChecks | None = None
) -> LoadResult:
    """``load_content``, answered from the cache when the folder has not changed."""
    images = images or ImageChecks()
    if cache_dir is None:
        return load_content(root, images)
    key = fingerprint(root)
    entry = entry_path(cache_dir, key)
    cached = _read_once(entry)
    if cached is not None and _images_pass(cached, images):
        return LoadResult(
            cached,
            (),
            cached.warnings,
            exhibit_count=len(cached.exhibits),
            language_codes=cached.site.language_codes,
        )
    result = load_content(root, images)
    if result.content is not None and fingerprint(root) == key:  # unchanged while loading
        _write(entry, result.content)
    return result


def entry_path(cache_dir: Path, key: str) -> Path:
    """Where the set of the folder with fingerprint ``key`` is kept."""
    return cache_dir / f"{_PREFIX}{key[:32]}.pickle"


def unchecked_images(content: ContentSet, images: ImageChecks) -> list[tuple[Path, ImageRef]]:
    """Each image of ``content`` whose bytes have not passed a full check yet (by
    ``images.record``), with its exhibit folder."""
    return [
        (exhibit.folder, ref)
        for exhibit in content.exhibits
        for ref in exhibit.images()
        if images.record.get(ref.sha256, ref.suffix) is None
    ]


def _images_pass(content: ContentSet, images: ImageChecks) -> bool:
    """Finish the checks a load that did not decode left; False sends the caller to a
    full load."""
    if not images.decode_now:
        return True
    unchecked = unchecked_images(content, images)
    if not unchecked:  # every image already checked: no hashing, no decoding (no OpenSSL)
        return True
    from kiosk.content.imagerefs import check_file  # not needed by a start-up cache hit

    for folder, ref in unchecked:
        checked = check_file(ref.path, folder, ref.rel, images)
        if isinstance(checked, str) or checked.sha256 != ref.sha256:
            return False
    return True


# The set last read from an entry, while something still holds it: the load after
# the first frame finds the folder unchanged and gets the set on screen back, not a
# second copy unpickled beside it (0.3 MB of the Python heap that stayed the
# process's after the copy was dropped), as long as the entry is the file it was.
_last_read: tuple[Path, tuple[int, int, int], weakref.ref[ContentSet]] | None = None


def _read_once(entry: Path) -> ContentSet | None:
    """``_read``, or the set already read from this very file, if it is still alive."""
    global _last_read
    try:
        stat = entry.stat()
    except OSError:
        return _read(entry)  # missing: None; unreadable: said by _read
    stamp = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
    last = _last_read
    if last is not None and last[0] == entry and last[1] == stamp:
        alive = last[2]()
        if alive is not None:
            return alive
    content = _read(entry)
    _last_read = (entry, stamp, weakref.ref(content)) if content is not None else None
    return content


def _read(entry: Path) -> ContentSet | None:
    try:
        with entry.open("rb") as handle:
            content = pickle.load(handle)  # our own file, in our own cache folder
    except FileNotFoundError:
        return None
    except Exception as error:  # a damaged entry is only a slower start
        log.warning("parsed-content cache %s unusable (%s); loading afresh", entry, error)
        return None
    return content if isinstance(content, ContentSet) else None


def _write(entry: Path, content: ContentSet) -> None:
    try:
        data = pickle.dumps(content, protocol=pickle.HIGHEST_PROTOCOL)
        write_atomic(entry, data, fsync=False)  # a cache: a lost entry is a slower start
    except OSError as error:  # read-only or full disk: only the next start is slower
        log.warning("parsed-content cache not written (%s)", error)
        return
    for old in _named(entry.parent, _PREFIX, ".pickle"):
        if old != entry:
            with contextlib.suppress(OSError):
                old.unlink()
    _sweep_temporary(entry.parent)


def _sweep_temporary(folder: Path, older_than_s: float = 3600.0) -> None:
    """Temporary files of writers that died (or of versions that left them on a full
    disk); an hour old, so a writer still at work keeps its own."""
    cutoff = time.time() - older_than_s
    for temp in _named(folder, f".{_PREFIX}", ".tmp"):
        with contextlib.suppress(OSError):
            if temp.stat().st_mtime < cutoff:
                temp.unlink()


def _named(folder: Path, start: str, end: str) -> list[Path]:
    """The files in ``folder`` whose names start and end so (none if it cannot be
    listed). ``Path.glob`` made a regular expression of each pattern: 1 ms of a
    first start's child, which writes the entry."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return [folder / name for name in names if name.startswith(start) and name.endswith(end)]

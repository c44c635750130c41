"""Renditions on disk, keyed by the original's content hash, the target box and the
pipeline version, written atomically.

Only final names are ever looked up, and a final name only ever appears through
``os.replace`` of a complete, fsynced temporary file in the same folder. Temporary
names (``.<random>.part``) can never be mistaken for a rendition, so a crash
mid-write leaves at worst an unused temporary file, never a half rendition.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from collections.abc import Iterable, Mapping
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from kiosk.content.places import cache_root
from kiosk.content.records import Record, record
from kiosk.media.errors import CacheWriteError

if TYPE_CHECKING:
    from kiosk.media.pipeline import Box

# The decoding side (Pillow, colour management) is imported when a rendition is built,
# never on the kiosk's start-up path, which only looks renditions up.
PIPELINE_VERSION = 1  # bump when the pipeline would make a different file from the same original

# The rendition kinds, named here once: the views ask for them by these names.
SCREEN = "screen"  # full pages and the gallery, fitted to the screen's long side squared
THUMB = "thumb"  # tiles and gallery strips
DEFAULT_SCREEN_BOX: Box = (1920, 1920)  # the long side squared: serves landscape and portrait
DEFAULT_THUMB_BOX: Box = (720, 720)
_SUFFIXES = (".jpg", ".png")
_TEMP_PREFIX, _TEMP_SUFFIX = ".", ".part"
_KIND_NAME = re.compile(r"[a-z][a-z0-9]*")
_SHA256 = re.compile(r"[0-9a-f]{64}")


class ImageSource(Protocol):
    """What the cache needs of an image: ``kiosk.content.model.ImageRef`` is one."""

    @property
    def path(self) -> Path: ...

    @property
    def sha256(self) -> str: ...


def default_cache_dir() -> Path:
    """Per-user: ``$XDG_CACHE_HOME/friendship-kiosk/renditions`` or ``~/.cache/...``."""
    return cache_root() / "renditions"


def image_checks_path(cache_root: Path | None = None) -> Path:
    """The record of images that passed their check (``kiosk.content.imagerecord``),
    kept beside the renditions: both are derived from the originals' bytes."""
    return (cache_root or default_cache_dir()) / "image-checks.json"


def screen_box(width: int, height: int) -> Box:
    """A screen's rendition box: its long side squared, so one file serves both orientations."""
    side = max(width, height)
    return (side, side)


def rendition_boxes(screen: tuple[int, int], thumb: Box = DEFAULT_THUMB_BOX) -> dict[str, Box]:
    """Every rendition kind and its box, for a screen of ``screen`` (width, height)."""
    return {SCREEN: screen_box(*screen), THUMB: thumb}


@record
class RenditionCache(Record):
    """Where renditions live and which kinds exist (name -> box in pixels)."""

    root: Path = field(default_factory=default_cache_dir)
    boxes: Mapping[str, Box] = field(
        default_factory=lambda: {SCREEN: DEFAULT_SCREEN_BOX, THUMB: DEFAULT_THUMB_BOX}
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "root", Path(self.root))
        object.__setattr__(self, "boxes", dict(self.boxes))  # a private, picklable copy
        for kind, (width, height) in self.boxes.items():
            if not _KIND_NAME.fullmatch(kind):
                raise ValueError(f"rendition kind {kind!r} must be lower-case letters and digits")
            if width < 1 or height < 1:
                raise ValueError(
                    f"rendition box for {kind!r} must be positive, not {width}x{height}"
                )

    def __hash__(self) -> int:
        return hash((self.root, tuple(sorted(self.boxes.items()))))

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(self.boxes)

    def path_for(self, source: ImageSource, kind: str, suffix: str = ".jpg") -> Path:
        """The final name of a rendition, e.g. ``ab/ab12...-screen-1920x1920-v1.jpg``."""
        sha = source.sha256
        if not _SHA256.fullmatch(sha):
            raise ValueError(f"{source.path}: {sha!r} is not a sha256 hex digest")
        width, height = self.boxes[kind]
        name = f"{sha}-{kind}-{width}x{height}-v{PIPELINE_VERSION}{suffix}"
        return self.root / sha[:2] / name

    def cached_path(self, source: ImageSource, kind: str) -> Path | None:
        """The rendition if it is on disk. Only looks in the cache; never opens the original."""
        for suffix in _SUFFIXES:
            path = self.path_for(source, kind, suffix)
            if path.is_file():
                return path
        return None

    def missing(self, source: ImageSource, kinds: Iterable[str] | None = None) -> list[str]:
        """The kinds with no rendition on disk yet (stat only, like ``cached_path``)."""
        wanted = self.kinds if kinds is None else kinds
        return [kind for kind in wanted if self.cached_path(source, kind) is None]

    def build(self, source: ImageSource, kinds: Iterable[str] | None = None) -> dict[str, Path]:
        """Every requested rendition's path, making the missing ones (one decode for all).

        Raises ``BadImageError`` for an image the kiosk refuses, ``CacheWriteError`` when
        the cache cannot be written, ``RenditionError`` for anything else.
        """
        paths: dict[str, Path | None] = {
            kind: self.cached_path(source, kind)
            for kind in (self.kinds if kinds is None else kinds)
        }
        missing = {kind: self.boxes[kind] for kind, path in paths.items() if path is None}
        if missing:
            from kiosk.media.pipeline import render
            from kiosk.media.safe_open import read_original

            data = read_original(source.path, source.sha256)
            for kind, rendition in render(source.path, data, missing).items():
                final = self.path_for(source, kind, rendition.suffix)
                write_atomically(final, rendition.data, source.path)
                paths[kind] = final
        return {kind: path for kind, path in paths.items() if path is not None}

    def sweep_temporary(self, older_than_s: float = 3600.0) -> int:
        """Delete temporary files left by writers that crashed; returns how many."""
        cutoff = time.time() - older_than_s
        removed = 0
        for temp in self.root.glob(f"??/{_TEMP_PREFIX}*{_TEMP_SUFFIX}"):
            with contextlib.suppress(OSError):
                if temp.stat().st_mtime < cutoff:
                    temp.unlink()
                    removed += 1
        return removed


def write_atomically(final: Path, data: bytes, source_path: Path) -> None:
    """Write ``data`` to ``final`` so that ``final`` is either absent or complete."""
    temp: str | None = None
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=final.parent, prefix=_TEMP_PREFIX, suffix=_TEMP_SUFFIX)
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), 0o644)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())  # complete on disk before the name points at it
        os.replace(temp, final)
        temp = None
    except OSError as error:
        reason = error.strerror or str(error)
        raise CacheWriteError(source_path, f"cannot write rendition {final}: {reason}") from error
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)

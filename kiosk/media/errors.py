"""Errors of the rendition pipeline, in a module light enough for the start-up path."""

from __future__ import annotations

from pathlib import Path

from kiosk.content.images import ImageProblem


class RenditionError(Exception):
    """A rendition could not be made; ``str(error)`` names the file and says why."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason

    def __reduce__(self) -> tuple[type[RenditionError], tuple[Path, str]]:
        # Exceptions pickle through ``args``; keep them picklable for process pools.
        return (type(self), (self.path, self.reason))


class BadImageError(RenditionError, ImageProblem):
    """The original is not an image the kiosk will decode: format, size, corrupt, truncated."""


class CacheWriteError(RenditionError):
    """The rendition could not be written: disk full, permission denied, read-only cache."""

"""Decoding a curator's image without trusting it, for the rendition build.

The rules, limits and their thread safety are ``kiosk.content.images``' (the ones the
validator applied to the curator's files); this module turns a refusal into a
``RenditionError`` whose message starts with the file's path, so a caller can log it
or show it on the staff panel as it is.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.content import images
from kiosk.content.images import ImageProblem
from kiosk.media.errors import BadImageError, CacheWriteError, RenditionError

if TYPE_CHECKING:
    from PIL import Image

__all__ = [
    "BadImageError",
    "CacheWriteError",
    "RenditionError",
    "decode",
    "open_image",
    "read_original",
]


def read_original(path: Path, sha256: str | None = None) -> bytes:
    """The file's bytes, refusing oversized files and (given ``sha256``) files changed since.

    The cache is keyed by the content hash the loader recorded; checking it here means a
    rendition never ends up filed under the hash of different bytes.
    """
    try:
        data = images.read_image_file(path)
    except ImageProblem as problem:
        raise BadImageError(path, f"image {problem}") from None
    except OSError as error:
        raise RenditionError(path, f"cannot read the original: {error.strerror or error}") from None
    if sha256 is not None and hashlib.sha256(data).hexdigest() != sha256:
        raise RenditionError(path, "file changed since the content was loaded; reload content")
    return data


def open_image(path: Path, data: bytes | None = None) -> Image.Image:
    """The image with its header checked (format, pixel count), not yet decoded.

    Raises ``BadImageError``. Decode it with ``decode`` so damage there is reported
    the same way.
    """
    if data is None:
        data = read_original(path)
    try:
        return images.open_checked(data, path.suffix)
    except ImageProblem as problem:
        raise BadImageError(path, f"image {problem}") from None


def decode(path: Path, image: Image.Image, draft_size: tuple[int, int] | None = None) -> None:
    """Decode ``image`` (from ``open_image``) in place, or raise ``BadImageError``.

    ``draft_size``: see ``kiosk.content.images.decode``.
    """
    try:
        images.decode(image, draft_size)
    except ImageProblem as problem:
        raise BadImageError(path, f"image {problem}") from None

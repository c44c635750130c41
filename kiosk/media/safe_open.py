"""Decoding a curator's image without trusting it.

Every failure becomes a ``RenditionError`` whose message starts with the file's path,
so a caller can log it or show it on the staff panel as it is. The limits are the ones
``kiosk.content.images`` promised the curator when the content was validated.
"""

from __future__ import annotations

import hashlib
import threading
import warnings
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageFile

from kiosk.content.images import ALLOWED_FORMATS, MAX_IMAGE_BYTES, MAX_PIXELS
from kiosk.media.errors import BadImageError, CacheWriteError, RenditionError

__all__ = [
    "BadImageError",
    "CacheWriteError",
    "RenditionError",
    "decode",
    "open_image",
    "read_original",
]

# Pillow's bomb check warns (rather than fails) between MAX_IMAGE_PIXELS and twice that.
# Turning the warning into an error means changing the global warnings filters, so only
# one thread at a time opens a header; decoding itself runs outside this lock.
_OPEN_LOCK = threading.Lock()


def read_original(path: Path, sha256: str | None = None) -> bytes:
    """The file's bytes, refusing oversized files and (given ``sha256``) files changed since.

    The cache is keyed by the content hash the loader recorded; checking it here means a
    rendition never ends up filed under the hash of different bytes.
    """
    try:
        size = path.stat().st_size
        if size > MAX_IMAGE_BYTES:
            raise BadImageError(path, f"file is {size // (1024 * 1024)} MB; the limit is 80 MB")
        if size == 0:
            raise BadImageError(path, "file is empty")
        data = path.read_bytes()
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
    suffix = path.suffix.lower()
    allowed = [fmt for fmt, suffixes in ALLOWED_FORMATS.items() if suffix in suffixes]
    if not allowed:
        raise BadImageError(path, f"extension {suffix or '(none)'!r} is not .jpg, .png or .webp")
    if data is None:
        data = read_original(path)
    try:
        with _OPEN_LOCK, warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(BytesIO(data), formats=list(ALLOWED_FORMATS))
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise BadImageError(path, "image is too large to decode safely") from None
    except Image.UnidentifiedImageError:
        raise BadImageError(path, "not a JPEG, PNG or WebP image") from None
    except Exception as error:  # Pillow raises many types for broken headers
        raise BadImageError(path, f"does not open: {error}") from None
    if image.format not in allowed:
        image.close()
        raise BadImageError(path, f"is {image.format} data but named {suffix}")
    width, height = image.size
    if width * height > MAX_PIXELS:
        image.close()
        raise BadImageError(
            path,
            f"image is {width}x{height} pixels; the limit is {MAX_PIXELS // 1_000_000} megapixels",
        )
    return image


def decode(path: Path, image: Image.Image, draft_size: tuple[int, int] | None = None) -> None:
    """Decode ``image`` (from ``open_image``) in place, or raise ``BadImageError``.

    ``draft_size`` lets the JPEG decoder scale down by 1/2, 1/4 or 1/8 while decoding
    (never below that size), which is most of the speed of making screen renditions
    from camera originals. Truncated data is always an error: a grey lower half is
    not something to show visitors for weeks.
    """
    if ImageFile.LOAD_TRUNCATED_IMAGES:  # someone flipped Pillow's global; refuse to guess
        raise BadImageError(path, "Pillow is set to load truncated images; refusing to decode")
    try:
        if draft_size is not None and image.format == "JPEG":
            image.draft(None, draft_size)
        image.load()
    except Exception as error:  # truncated data is an OSError, other damage varies
        raise BadImageError(path, f"image data is damaged or truncated: {error}") from None

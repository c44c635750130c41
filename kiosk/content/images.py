"""Checking that a curator's image is one the kiosk can show, without decoding it all.

Shared limits live here so the rendition pipeline (``kiosk.media``) applies the same
rules the validator promised the curator.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

ALLOWED_FORMATS = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",), "WEBP": (".webp",)}
ALLOWED_SUFFIXES = frozenset(s for suffixes in ALLOWED_FORMATS.values() for s in suffixes)
MAX_PIXELS = 60_000_000  # a 60 MP camera image is fine; a 20000x20000 bomb is not
MAX_IMAGE_BYTES = 80 * 1024 * 1024


class ImageProblem(Exception):
    """An image the kiosk refuses; the message is written for a curator."""


@dataclass(frozen=True)
class ImageInfo:
    format: str
    width: int
    height: int


def probe_image(path: Path) -> ImageInfo:
    """Open the header and verify the file's structure; raise ImageProblem if unfit."""
    suffix = path.suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise ImageProblem(
            f"image {path.name!r} has extension {suffix or '(none)'!r}; "
            "use .jpg, .jpeg, .png or .webp"
        )
    size = path.stat().st_size
    if size == 0:
        raise ImageProblem(f"image {path.name!r} is an empty file")
    if size > MAX_IMAGE_BYTES:
        raise ImageProblem(f"image {path.name!r} is {size // (1024 * 1024)} MB; the limit is 80 MB")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path, formats=list(ALLOWED_FORMATS)) as image:
                fmt = image.format or "?"
                width, height = image.size
                if width * height > MAX_PIXELS:
                    raise ImageProblem(
                        f"image {path.name!r} is {width}x{height} pixels; "
                        f"the limit is {MAX_PIXELS // 1_000_000} megapixels"
                    )
                image.verify()
    except ImageProblem:
        raise
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise ImageProblem(f"image {path.name!r} is too large to decode safely") from None
    except Exception as error:  # Pillow raises many types for broken files
        raise ImageProblem(f"image {path.name!r} does not open: {error}") from None
    if suffix not in ALLOWED_FORMATS.get(fmt, ()):
        raise ImageProblem(f"image {path.name!r} is {fmt} data but named {suffix}")
    return ImageInfo(fmt, width, height)

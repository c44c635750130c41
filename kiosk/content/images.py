"""Opening a curator's image without trusting it: the one place the kiosk's rules live.

The validator (``kiosk.content``) and the rendition build (``kiosk.media``) both read,
open, decode and turn an original through the functions here, so ``kiosk validate``
and ``kiosk prepare`` reach the same verdict on the same bytes, by the same limits.

Thread safety: the reload thread checks images while rendition threads build them.
Nothing here changes process-wide state. In particular the warning filters are left
alone (``warnings.catch_warnings`` swaps them for the whole process, whatever lock its
caller holds, so it would silence or raise another thread's warnings): Pillow warns
about a decompression bomb only above ``Image.MAX_IMAGE_PIXELS``, which ``open_checked``
raises to ``MAX_JPEG_PIXELS`` (the one change it makes to Pillow: the same value from
every thread), and the pixel count is checked against the kiosk's own limit for the
format right after the header is read, before anything is decoded. Above twice that,
Pillow refuses on its own.

Errors are ``ImageProblem`` whose message follows the image's name ("is not a JPEG,
PNG or WebP image"), so each layer names the file its own way.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.content.records import Record, record

if TYPE_CHECKING:
    from PIL import Image

# Pillow's format name -> the extensions a file of that format may have. MPO is a
# multi-picture JPEG (some cameras save one): the kiosk shows its first picture.
ALLOWED_FORMATS = {
    "JPEG": (".jpg", ".jpeg"),
    "MPO": (".jpg", ".jpeg"),
    "PNG": (".png",),
    "WEBP": (".webp",),
}
ALLOWED_SUFFIXES = frozenset(s for suffixes in ALLOWED_FORMATS.values() for s in suffixes)
_OPENERS = ["JPEG", "PNG", "WEBP"]  # Pillow's JPEG opener also recognises MPO
MAX_PIXELS = 60_000_000  # decoded whole (PNG, WebP): a 60 MP image fine, a 20000x20000 bomb not
# A baseline JPEG is decoded straight at 1/2, 1/4 or 1/8 of its size (``decode``'s
# draft), so a camera file of 45-100 MP or a large scan costs a fraction of its pixels.
# Measured (``kiosk prepare``, one worker, peak RSS): a 100 MP and a 200 MP baseline
# JPEG 107 MB each, under the kiosk's own ~115-150 MB when running and far under the
# 60 MP PNG the old single limit let through (399 MB). A progressive JPEG keeps every
# coefficient of the whole picture while decoding (~3.3 bytes a pixel: 100 MP took
# 369 MB, 200 MP 669 MB), so it is held to the limit of the formats decoded whole.
MAX_JPEG_PIXELS = 200_000_000
MAX_IMAGE_BYTES = 80 * 1024 * 1024
_ORIENTATION = 0x0112
_LIMITS = (
    f"the limit is {MAX_JPEG_PIXELS // 1_000_000} megapixels for a JPEG, "
    f"{MAX_PIXELS // 1_000_000} for PNG and WebP"
)
_TOO_MANY_PIXELS = f"has too many pixels to decode safely; {_LIMITS}"
_PROGRESSIVE = (
    f"is a progressive JPEG, which must be decoded whole: the limit for those is "
    f"{MAX_PIXELS // 1_000_000} megapixels; save it again as a baseline (standard) JPEG"
)
_SAVE_AGAIN = "save it again from an image editor"


class ImageProblem(Exception):
    """An image the kiosk refuses; the message is written for a curator."""


@record
class ImageInfo(Record):
    """What a check learnt from an image."""

    format: str  # "JPEG" (an MPO's first picture too), "PNG" or "WEBP"
    width: int  # as stored in the file
    height: int
    orientation: int = 1  # EXIF orientation tag; 5-8 mean the picture is shown turned

    @property
    def display_size(self) -> tuple[int, int]:
        """Width and height as the visitor sees them, after EXIF rotation."""
        if self.orientation in (5, 6, 7, 8):
            return self.height, self.width
        return self.width, self.height


def read_image_file(path: Path) -> bytes:
    """The file's bytes, refusing an empty or oversized file before reading it.

    Raises ``ImageProblem``, or ``OSError`` when the file cannot be read.
    """
    _check_byte_count(path.stat().st_size)
    return path.read_bytes()


def open_checked(data: bytes, suffix: str) -> Image.Image:
    """The image in ``data``, its header checked against the kiosk's rules, not decoded.

    ``suffix`` is the file's extension: it must be allowed and match the content.
    Raises ``ImageProblem``; decode the image with ``decode`` so damage found there
    is reported the same way. The caller closes the image.
    """
    suffix = suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise ImageProblem(f"has extension {suffix or '(none)'!r}; use .jpg, .jpeg, .png or .webp")
    _check_byte_count(len(data))
    from PIL import Image  # here, not at the top: a kiosk start with warm caches never needs it

    # Pillow's own bomb check (a warning above 89 MP, an error above twice that) would
    # refuse the large JPEGs the kiosk decodes scaled down; the kiosk's limits, checked
    # below from the header, are the stricter ones for every other format. The same
    # value each time, so threads setting it at once agree.
    if Image.MAX_IMAGE_PIXELS is not None and Image.MAX_IMAGE_PIXELS < MAX_JPEG_PIXELS:
        Image.MAX_IMAGE_PIXELS = MAX_JPEG_PIXELS
    if suffix == ".webp":
        # Pillow's opening registers JPEG and PNG (its ``preinit``) but not WebP: asked
        # for a format it has not registered, it imports every one of its ~45 format
        # plugins (68 ms here, in every process that checks a WebP image). Importing
        # a plugin registers it.
        from PIL import WebPImagePlugin  # noqa: F401  (registered by its import)
    try:
        image = Image.open(io.BytesIO(data), formats=_OPENERS)
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        # The warning arrives as an exception only where filters make it one (tests,
        # ``python -W error``); elsewhere the pixel count below refuses the image.
        raise ImageProblem(_TOO_MANY_PIXELS) from None
    except Image.UnidentifiedImageError:
        raise ImageProblem("is not a JPEG, PNG or WebP image") from None
    except Exception as error:  # Pillow raises many types for broken headers
        raise ImageProblem(f"does not open: {error}; {_SAVE_AGAIN}") from None
    try:
        if suffix not in ALLOWED_FORMATS.get(image.format or "", ()):
            raise ImageProblem(f"is {image_format(image)} data but named {suffix}")
        width, height = image.size
        drafted = image_format(image) == "JPEG" and not image.info.get("progressive")
        if width * height > (MAX_JPEG_PIXELS if drafted else MAX_PIXELS):
            if image_format(image) == "JPEG" and width * height <= MAX_JPEG_PIXELS:
                raise ImageProblem(f"is {width}x{height} pixels and {_PROGRESSIVE}")
            raise ImageProblem(f"is {width}x{height} pixels; {_LIMITS}")
    except ImageProblem:
        image.close()
        raise
    return image


def decode(image: Image.Image, draft_size: tuple[int, int] | None = None) -> None:
    """Decode ``image`` (from ``open_checked``) in place: its first picture, as shown.

    ``draft_size`` lets the JPEG decoder scale down by 1/2, 1/4 or 1/8 while decoding
    (never below that size): the same decoder reading the same data, so it finds the
    same damage, in a fraction of the time. Truncated data is always an error: a grey
    lower half is not something to show visitors for weeks. Raises ``ImageProblem``.
    """
    from PIL import ImageFile

    if ImageFile.LOAD_TRUNCATED_IMAGES:  # someone flipped Pillow's global; refuse to guess
        raise ImageProblem("cannot be checked: Pillow is set to load truncated images")
    try:
        if draft_size is not None and image_format(image) == "JPEG":
            image.draft(None, draft_size)
        image.load()
    except Exception as error:  # truncated data is an OSError, other damage varies
        raise ImageProblem(f"does not open: {error}; {_SAVE_AGAIN}") from None


def image_format(image: Image.Image) -> str:
    """The format as the kiosk treats it: an MPO is a JPEG (its first picture)."""
    fmt = image.format or "?"
    return "JPEG" if fmt == "MPO" else fmt


def orientation(image: Image.Image) -> int:
    """The EXIF orientation (1-8; 1 when there is none or it is unreadable).

    Read as ``ImageOps.exif_transpose`` reads it (EXIF, else XMP), from what Pillow
    has read so far, so it never decodes anything: a PNG's eXIf chunk after the pixels
    counts once the image is decoded (Pillow's PNG ``getexif`` would decode to look).
    """
    from PIL import Image

    try:
        value = Image.Image.getexif(image).get(_ORIENTATION, 1)
    except Exception:  # a broken EXIF block: show the picture as stored
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def check_image(data: bytes, suffix: str, *, decode_now: bool = True) -> ImageInfo:
    """What the validator asks: will this image make a rendition? Raises ``ImageProblem``.

    With ``decode_now`` the first picture is decoded as the rendition build decodes it
    (a JPEG at 1/8 scale), so both reach the same verdict; without, only the header is
    checked and the decode is left to a later load or to the build.
    """
    with open_checked(data, suffix) as image:
        width, height = image.size  # before a draft changes them
        if decode_now:
            decode(image, draft_size=(max(1, width // 8), max(1, height // 8)))
        return ImageInfo(image_format(image), width, height, orientation(image))


def _check_byte_count(size: int) -> None:
    if size == 0:
        raise ImageProblem("is an empty file")
    if size > MAX_IMAGE_BYTES:
        limit = MAX_IMAGE_BYTES // (1024 * 1024)
        raise ImageProblem(f"is {size // (1024 * 1024)} MB; the limit is {limit} MB")

"""Checking that a curator's image is one the kiosk can show, without decoding it all.

Shared limits live here so the rendition pipeline (``kiosk.media``) applies the same
rules the validator promised the curator.
"""

from __future__ import annotations

import io
import json
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.content.atomic import write_atomic

if TYPE_CHECKING:
    from PIL import Image

ALLOWED_FORMATS = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",), "WEBP": (".webp",)}
ALLOWED_SUFFIXES = frozenset(s for suffixes in ALLOWED_FORMATS.values() for s in suffixes)
MAX_PIXELS = 60_000_000  # a 60 MP camera image is fine; a 20000x20000 bomb is not
MAX_IMAGE_BYTES = 80 * 1024 * 1024
_ORIENTATION = 0x0112


class ImageProblem(Exception):
    """An image the kiosk refuses; the message is written for a curator."""


@dataclass(frozen=True)
class ImageInfo:
    """What a check learnt from an image's header."""

    format: str
    width: int  # as stored in the file
    height: int
    orientation: int = 1  # EXIF orientation tag; 5-8 mean the picture is shown turned

    @property
    def display_size(self) -> tuple[int, int]:
        """Width and height as the visitor sees them, after EXIF rotation."""
        if self.orientation in (5, 6, 7, 8):
            return self.height, self.width
        return self.width, self.height


_JPEG_DECODE_DEFERRED: ContextVar[bool] = ContextVar("jpeg_decode_deferred", default=False)


@contextmanager
def jpeg_decoding_deferred() -> Iterator[None]:
    """Within, loads check JPEGs by their header only: ``CHECKED`` holds them as
    header-only (``add_header_only``), not as passes.

    For the kiosk's start: decoding camera-size JPEGs is most of a first load's
    time, and the first frame must not wait for it. Whatever has not passed is
    decoded by a later load off the UI thread, which reports a broken file like any
    other error (``kiosk.content.parsed_cache``); ``kiosk prepare`` confirms them by
    building their renditions. A context variable, so a load on another thread at
    the same time still checks everything.
    """
    token = _JPEG_DECODE_DEFERRED.set(True)
    try:
        yield
    finally:
        _JPEG_DECODE_DEFERRED.reset(token)


def jpeg_decode_deferred() -> bool:
    return _JPEG_DECODE_DEFERRED.get()


def probe_image(path: Path, data: bytes | None = None, *, decode: bool = True) -> ImageInfo:
    """Open the header and check the file's body; raise ImageProblem if unfit.

    ``data`` is the file's bytes when the caller already read them (to hash them),
    so the file is read once. PNG and WebP are checked with ``verify()`` (chunk
    structure and checksums, no pixel decode); JPEG has no such check in Pillow, so
    it is decoded in draft mode at 1/8 scale, which is fast and still notices a
    truncated file (``ImageFile.LOAD_TRUNCATED_IMAGES`` must stay False). With
    ``decode=False`` that JPEG decode is skipped: the header is checked only.
    """
    suffix = path.suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise ImageProblem(
            f"image {path.name!r} has extension {suffix or '(none)'!r}; "
            "use .jpg, .jpeg, .png or .webp"
        )
    size = len(data) if data is not None else path.stat().st_size
    if size == 0:
        raise ImageProblem(f"image {path.name!r} is an empty file")
    if size > MAX_IMAGE_BYTES:
        raise ImageProblem(f"image {path.name!r} is {size // (1024 * 1024)} MB; the limit is 80 MB")
    from PIL import Image  # here, not at the top: a kiosk start with warm caches never needs it

    source: Path | io.BytesIO = io.BytesIO(data) if data is not None else path
    try:
        # Not thread-safe (warning filters are global), but only ever briefly changed.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(source, formats=list(ALLOWED_FORMATS)) as image:
                fmt = image.format or "?"
                width, height = image.size
                if width * height > MAX_PIXELS:
                    raise ImageProblem(
                        f"image {path.name!r} is {width}x{height} pixels; "
                        f"the limit is {MAX_PIXELS // 1_000_000} megapixels"
                    )
                orientation = _orientation(image)
                if fmt == "JPEG":
                    if decode:
                        image.draft(None, (max(1, width // 8), max(1, height // 8)))
                        image.load()
                else:
                    image.verify()
    except ImageProblem:
        raise
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise ImageProblem(
            f"image {path.name!r} has too many pixels to decode safely; "
            f"the limit is {MAX_PIXELS // 1_000_000} megapixels"
        ) from None
    except Exception as error:  # Pillow raises many types for broken files
        raise ImageProblem(
            f"image {path.name!r} does not open: {error}; save it again from an image editor"
        ) from None
    if suffix not in ALLOWED_FORMATS.get(fmt, ()):
        raise ImageProblem(f"image {path.name!r} is {fmt} data but named {suffix}")
    return ImageInfo(fmt, width, height, orientation)


def _orientation(image: Image.Image) -> int:
    """The EXIF orientation found in the header, without loading the image data.

    ``getexif()`` would read a PNG to its end looking for a late eXIf chunk, which
    spoils the ``verify()`` that must follow ``open()`` directly; header EXIF is
    where cameras and editors put it.
    """
    from PIL import Image

    raw = image.info.get("exif")
    if not isinstance(raw, bytes):
        return 1
    exif = Image.Exif()
    try:
        exif.load(raw)
    except Exception:  # a broken EXIF block: show the picture as stored
        return 1
    value = exif.get(_ORIENTATION, 1)
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


class CheckedImages:
    """Files that passed ``probe_image``, by content hash and extension.

    Probing decodes every JPEG (at 1/8 scale): most of a load's time. A file whose
    bytes passed once passes again, so reloads in a running kiosk and, through
    ``load``/``save``, the next start skip it. Only passes are kept: a bad file is
    checked, and reported, every time.
    """

    VERSION = 1  # bump when probe_image's rules change

    def __init__(self) -> None:
        self._known: dict[str, ImageInfo] = {}
        self._lock = threading.Lock()
        self._record: Path | None = None  # a previous run's record, not read yet
        self._headers: dict[str, ImageInfo] = {}  # JPEGs checked by header only, so far
        self.changed = False

    def get(self, sha256: str, suffix: str) -> ImageInfo | None:
        if self._record is not None:
            self._read_record()
        return self._known.get(f"{sha256}{suffix.lower()}")

    def add(self, sha256: str, suffix: str, info: ImageInfo) -> None:
        if self._record is not None:
            self._read_record()
        with self._lock:
            self._known[f"{sha256}{suffix.lower()}"] = info
            self.changed = True

    def add_header_only(self, sha256: str, suffix: str, info: ImageInfo) -> None:
        """A JPEG whose header passed inside ``jpeg_decoding_deferred()``: not a pass
        yet, but ``confirm`` makes it one once its bytes were decoded elsewhere."""
        with self._lock:
            self._headers[f"{sha256}{suffix.lower()}"] = info

    def confirm(self, sha256: str, suffix: str) -> bool:
        """These bytes decoded in full elsewhere (a rendition was built from them):
        the header-only check becomes a pass. False if there was none to confirm."""
        with self._lock:
            info = self._headers.pop(f"{sha256}{suffix.lower()}", None)
        if info is None:
            return False
        self.add(sha256, suffix, info)
        return True

    def load(self, path: Path) -> None:
        """Use a previous run's record, read when first needed: a start answered by
        the parsed-content cache never needs it (10,000 images: 12 ms). A missing or
        unreadable record is simply empty."""
        with self._lock:
            self._record = path

    def _read_record(self) -> None:
        with self._lock:
            path, self._record = self._record, None
            if path is None:
                return  # another thread read it first
            try:
                record = json.loads(path.read_text(encoding="utf-8"))
                if record.get("version") != self.VERSION:
                    return
                known = {k: ImageInfo(*v) for k, v in record["images"].items()}
            except (OSError, ValueError, TypeError, KeyError):
                return
            self._known = {**known, **self._known}  # this run's checks win

    def save(self, path: Path) -> None:
        """Write atomically; failing to (read-only or full disk) only costs speed."""
        if self._record is not None:
            self._read_record()  # keep what the previous runs recorded
        with self._lock:
            images = {
                k: [i.format, i.width, i.height, i.orientation] for k, i in self._known.items()
            }
            self.changed = False
        data = json.dumps({"version": self.VERSION, "images": images}).encode("utf-8")
        try:
            write_atomic(path, data, fsync=False)  # no temporary file left on failure
        except OSError:
            self.changed = True  # saved again after the next load, once there is room


CHECKED = CheckedImages()  # shared by every load in this process

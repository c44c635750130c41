"""From an original to renditions in memory: upright, sRGB, sized, encoded.

Order matters for speed: the JPEG decoder scales down while decoding (draft), the
image is resized before it is rotated and colour-converted, so the costly per-pixel
steps run on screen-sized pixels, not on camera-sized ones.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image

from kiosk.content.images import image_format, orientation
from kiosk.media.safe_open import RenditionError, decode, open_image

if TYPE_CHECKING:
    from PIL import ImageCms

JPEG_QUALITY = 88
# Baseline with optimised Huffman tables, not progressive. Measured on a 1920x1280
# rendition: progressive saves ~2% of the bytes but takes ~2x longer to encode
# (34 ms vs 15 ms) and ~3x longer for the UI to decode (17 ms vs 6 ms); files come
# from a local disk, so progressive's incremental display buys nothing.
JPEG_PROGRESSIVE = False

logger = logging.getLogger(__name__)

Box = tuple[int, int]

# The same table as ``ImageOps.exif_transpose``; applied after resizing, where it is cheap.
_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_SWAPS_AXES = {5, 6, 7, 8}

_CMS_LOCK = threading.Lock()  # lcms profile objects are not safe to share while building


@dataclass(frozen=True)
class Encoded:
    """One rendition, ready to write: ``suffix`` is ``.jpg`` or ``.png``."""

    data: bytes
    suffix: str
    size: Box


def fit_within(size: Box, box: Box) -> Box:
    """The largest size with ``size``'s aspect ratio inside ``box``; never upscaled."""
    width, height = size
    scale = min(box[0] / width, box[1] / height, 1.0)
    return max(1, round(width * scale)), max(1, round(height * scale))


def render(path: Path, data: bytes, boxes: Mapping[str, Box]) -> dict[str, Encoded]:
    """Every requested rendition of one original, decoded once.

    Raises ``BadImageError`` for an image the kiosk refuses, ``RenditionError`` for
    anything else that went wrong on the way.
    """
    if not boxes:
        return {}
    image = open_image(path, data)
    try:
        if image_format(image) != "JPEG":  # no draft mode; a PNG may keep EXIF after the pixels
            decode(path, image)
        turn = orientation(image)
        upright = _upright_size(image.size, turn)
        fitted = [fit_within(upright, box) for box in boxes.values()]
        needed = (max(w for w, _ in fitted), max(h for _, h in fitted))
        decode(path, image, draft_size=_stored(needed, turn))
        icc = image.info.get("icc_profile") or None
        source = _normalise_mode(image)
        upright_size = _upright_size(source.size, turn)
        results = {}
        for kind, box in boxes.items():
            target = _stored(fit_within(upright_size, box), turn)
            sized = source
            if target != source.size:
                # reducing_gap: box-reduce by an integer factor first when shrinking by
                # 2x or more (as Image.thumbnail does): thumbnails cost 18 ms, not 45.
                sized = source.resize(target, Image.Resampling.LANCZOS, reducing_gap=2.0)
            if turn in _TRANSPOSE:
                sized = sized.transpose(_TRANSPOSE[turn])
            results[kind] = _encode(_to_srgb(sized, icc, path))
        return results
    except RenditionError:
        raise
    except Exception as error:
        raise RenditionError(path, f"rendition failed: {error!r}") from error
    finally:
        image.close()


def _upright_size(size: Box, turn: int) -> Box:
    return (size[1], size[0]) if turn in _SWAPS_AXES else size


_stored = _upright_size  # swapping is its own inverse


def _normalise_mode(image: Image.Image) -> Image.Image:
    """One of L, LA, RGB, RGBA, CMYK; alpha dropped when every pixel is opaque."""
    mode = image.mode
    if mode == "1":
        image = image.convert("L")
    elif mode in ("P", "PA"):
        image = image.convert("RGBA" if "transparency" in image.info or mode == "PA" else "RGB")
    elif mode.startswith("I"):  # 16-bit greyscale PNG
        image = image.convert("I").point(lambda value: value * (1 / 257)).convert("L")
    elif mode not in ("L", "LA", "RGB", "RGBA", "CMYK"):
        image = image.convert("RGBA" if "A" in mode else "RGB")
    if image.mode in ("LA", "RGBA"):
        low, _ = image.getchannel("A").getextrema()
        if low == 255:
            image = image.convert("L" if image.mode == "LA" else "RGB")
    return image


def _to_srgb(image: Image.Image, icc: bytes | None, path: Path) -> Image.Image:
    """Colours as the embedded profile means them, expressed in sRGB.

    An image with no profile is taken to be sRGB already (CMYK with no profile gets
    Pillow's plain conversion). A profile lcms cannot use is logged and ignored: a
    slightly off colour is better than a missing photograph.
    """
    from PIL import ImageCms

    alpha = image.getchannel("A") if image.mode in ("LA", "RGBA") else None
    base = image.convert(image.mode[:-1]) if alpha is not None else image
    converted = None
    if icc is not None:
        try:
            transform = _transform(icc, base.mode)
            if transform is not None:
                converted = ImageCms.applyTransform(base, transform)
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError) as error:
            logger.warning("%s: ignoring unusable colour profile (%s)", path, error)
    if converted is None:
        converted = base.convert("RGB") if base.mode == "CMYK" else base
    if alpha is not None:
        converted.putalpha(alpha)
    return converted


@functools.lru_cache(maxsize=16)
def _transform(icc: bytes, mode: str) -> ImageCms.ImageCmsTransform | None:
    """The transform to sRGB, or None when the profile already is sRGB.

    Skipping sRGB to sRGB (what most cameras embed) saves ~20 ms per 1920 px image.
    NOCACHE makes one transform safe to apply from several threads at once.
    """
    from PIL import ImageCms  # colour management loads only when an image needs it

    with _CMS_LOCK:
        profile = ImageCms.ImageCmsProfile(BytesIO(icc))
        description = (profile.profile.profile_description or "").strip()
        if mode in ("RGB", "RGBA") and description.startswith("sRGB"):
            return None
        return ImageCms.buildTransform(
            profile,
            _srgb_profile(),
            mode,
            "RGB",
            renderingIntent=ImageCms.Intent.PERCEPTUAL,
            flags=ImageCms.Flags.NOCACHE | ImageCms.Flags.BLACKPOINTCOMPENSATION,
        )


@functools.cache
def _srgb_profile() -> ImageCms.ImageCmsProfile:
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _encode(image: Image.Image) -> Encoded:
    """PNG when there is transparency, else JPEG; no EXIF, no profile (it is sRGB)."""
    out = BytesIO()
    if image.mode in ("LA", "RGBA"):
        image.save(out, format="PNG", compress_level=6)
        suffix = ".png"
    else:
        image.save(
            out,
            format="JPEG",
            quality=JPEG_QUALITY,
            progressive=JPEG_PROGRESSIVE,
            optimize=not JPEG_PROGRESSIVE,
        )
        suffix = ".jpg"
    return Encoded(out.getvalue(), suffix, image.size)

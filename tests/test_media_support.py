"""Shared helpers for the ``kiosk.media`` tests: image refs, test images, ICC profiles.

The ICC profiles are written byte by byte, because Pillow's ImageCms can only create
sRGB, LAB and XYZ profiles: an Adobe RGB (1998)-like matrix/TRC profile (a real
wide-gamut RGB profile, as curators' cameras embed) and a small CMYK input profile
whose ink model differs from Pillow's naive CMYK conversion.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import cast

from PIL import Image

from kiosk.content.model import ImageRef, Text


def make_ref(path: Path) -> ImageRef:
    """An ImageRef as the loader would make it (size 0x0 for a file that does not open)."""
    try:
        with Image.open(path) as image:
            width, height = image.size
    except Exception:
        width = height = 0
    return ImageRef(
        rel=path.name,
        location=str(path),
        sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
        width=width,
        height=height,
        alt=Text({"en": "a test image"}, "en"),
        credit=Text({"en": "the test suite"}, "en"),
    )


def save_noise_jpeg(path: Path, size: tuple[int, int] = (400, 300)) -> Path:
    """A JPEG with real entropy (so truncating it removes image data)."""
    Image.merge("RGB", [Image.effect_noise(size, 60 + 10 * i) for i in range(3)]).save(
        path, quality=90
    )
    return path


def mean_delta(a: Sequence[Sequence[int]], b: Sequence[Sequence[int]]) -> float:
    """Mean absolute difference per channel over paired colours."""
    diffs = [abs(x - y) for ca, cb in zip(a, b, strict=True) for x, y in zip(ca, cb, strict=True)]
    return sum(diffs) / len(diffs)


def patch_image(mode: str, colours: Sequence[tuple[int, ...]], patch: int = 32) -> Image.Image:
    """Flat patches in a row: flat areas survive JPEG compression nearly unchanged."""
    image = Image.new(mode, (patch * len(colours), patch))
    for index, colour in enumerate(colours):
        image.paste(colour, (index * patch, 0, (index + 1) * patch, patch))
    return image


def patch_centres(image: Image.Image, count: int) -> list[tuple[int, ...]]:
    width, height = image.size
    step = width / count
    # Pillow's stub types getpixel() as any band layout; these images have several bands
    return [
        cast(tuple[int, ...], image.getpixel((int(step * (i + 0.5)), height // 2)))
        for i in range(count)
    ]


# --- colour maths (independent of lcms, so the tests check it rather than echo it) ---

SRGB_TO_XYZ_D50 = (  # Bradford-adapted, as in the sRGB ICC profile
    (0.4360747, 0.3850649, 0.1430804),
    (0.2225045, 0.7168786, 0.0606169),
    (0.0139322, 0.0971045, 0.7141733),
)
SRGB_TO_XYZ_D65 = (
    (0.4124564, 0.3575761, 0.1804375),
    (0.2126729, 0.7151522, 0.0721750),
    (0.0193339, 0.1191920, 0.9503041),
)
XYZ_D65_TO_ADOBE = (
    (2.0413690, -0.5649464, -0.3446944),
    (-0.9692660, 1.8760108, 0.0415560),
    (0.0134474, -0.1183897, 1.0154096),
)
ADOBE_GAMMA = 563 / 256


def srgb_to_linear(value: float) -> float:
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def _apply(matrix: Sequence[Sequence[float]], vector: Sequence[float]) -> list[float]:
    return [sum(m * v for m, v in zip(row, vector, strict=True)) for row in matrix]


def srgb_to_adobe(colour: tuple[int, int, int]) -> tuple[int, int, int]:
    linear = [srgb_to_linear(c / 255) for c in colour]
    adobe = _apply(XYZ_D65_TO_ADOBE, _apply(SRGB_TO_XYZ_D65, linear))
    return tuple(round(255 * min(1.0, max(0.0, c)) ** (1 / ADOBE_GAMMA)) for c in adobe)


# --- ICC writing (ICC.1:2001-04, version 2 profiles) ---


def _s15(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def _xyz_tag(x: float, y: float, z: float) -> bytes:
    return b"XYZ \0\0\0\0" + _s15(x) + _s15(y) + _s15(z)


def _desc_tag(text: str) -> bytes:
    ascii_text = text.encode("ascii") + b"\0"
    return (
        b"desc\0\0\0\0"
        + struct.pack(">I", len(ascii_text))
        + ascii_text
        + struct.pack(">II", 0, 0)  # no Unicode description
        + struct.pack(">HB", 0, 0)
        + b"\0" * 67  # no ScriptCode description
    )


def _text_tag(text: str) -> bytes:
    return b"text\0\0\0\0" + text.encode("ascii") + b"\0"


def _gamma_tag(gamma: float) -> bytes:
    return b"curv\0\0\0\0" + struct.pack(">IH", 1, round(gamma * 256)) + b"\0\0"


def _profile(device_class: bytes, colour_space: bytes, tags: dict[bytes, bytes]) -> bytes:
    table_size = 4 + 12 * len(tags)
    offset = 128 + table_size
    entries, body = [], b""
    for signature, data in tags.items():
        padded = data + b"\0" * (-len(data) % 4)
        entries.append(struct.pack(">4sII", signature, offset + len(body), len(data)))
        body += padded
    size = 128 + table_size + len(body)
    header = (
        struct.pack(">I", size)
        + b"\0\0\0\0"  # preferred CMM
        + struct.pack(">I", 0x02100000)  # version 2.1
        + device_class
        + colour_space
        + b"XYZ "  # profile connection space
        + struct.pack(">6H", 2024, 1, 1, 0, 0, 0)
        + b"acsp"
        + b"\0" * 24  # platform, flags, manufacturer, model, attributes
        + struct.pack(">I", 0)  # rendering intent: perceptual
        + _s15(0.9642)
        + _s15(1.0)
        + _s15(0.8249)  # PCS illuminant D50
        + b"\0" * 48  # creator, profile id, reserved
    )
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + b"".join(entries) + body


def adobe_rgb_profile() -> bytes:
    """An Adobe RGB (1998) compatible profile: Adobe's D50-adapted primaries, gamma 563/256."""
    return _profile(
        b"mntr",
        b"RGB ",
        {
            b"desc": _desc_tag("Test Adobe RGB (1998) compatible"),
            b"cprt": _text_tag("No copyright, test data"),
            b"wtpt": _xyz_tag(0.9642, 1.0, 0.8249),
            b"rXYZ": _xyz_tag(0.60974, 0.31111, 0.01947),
            b"gXYZ": _xyz_tag(0.20528, 0.62567, 0.06087),
            b"bXYZ": _xyz_tag(0.14919, 0.06322, 0.74457),
            b"rTRC": _gamma_tag(ADOBE_GAMMA),
            b"gTRC": _gamma_tag(ADOBE_GAMMA),
            b"bTRC": _gamma_tag(ADOBE_GAMMA),
        },
    )


def impure_inks(c: float, m: float, y: float, k: float) -> tuple[float, float, float]:
    """A CMYK ink model (0..1 in, sRGB 0..1 out) unlike Pillow's naive ``255 - c``.

    Each ink also absorbs some of the other primaries, as real inks do.
    """
    r = (1 - c) * (1 - 0.10 * m) * (1 - 0.02 * y) * (1 - k)
    g = (1 - m) * (1 - 0.25 * c) * (1 - 0.08 * y) * (1 - k)
    b = (1 - y) * (1 - 0.15 * c) * (1 - 0.45 * m) * (1 - k)
    return r, g, b


def cmyk_profile(
    inks: Callable[[float, float, float, float], tuple[float, float, float]] = impure_inks,
    grid: int = 9,
) -> bytes:
    """A CMYK input profile: one lut16 A2B0 table from device CMYK to PCS XYZ (D50)."""
    steps = [i / (grid - 1) for i in range(grid)]
    clut = bytearray()
    for c in steps:  # the first input channel varies slowest
        for m in steps:
            for y in steps:
                for k in steps:
                    linear = [srgb_to_linear(v) for v in inks(c, m, y, k)]
                    xyz = _apply(SRGB_TO_XYZ_D50, linear)
                    clut += struct.pack(">3H", *(min(65535, round(v * 32768)) for v in xyz))
    identity = struct.pack(">2H", 0, 65535)
    lut = (
        b"mft2\0\0\0\0"
        + struct.pack(">4B", 4, 3, grid, 0)
        + b"".join(_s15(v) for v in (1, 0, 0, 0, 1, 0, 0, 0, 1))
        + struct.pack(">2H", 2, 2)
        + identity * 4
        + bytes(clut)
        + identity * 3
    )
    return _profile(
        b"scnr",
        b"CMYK",
        {
            b"desc": _desc_tag("Test CMYK with impure inks"),
            b"cprt": _text_tag("No copyright, test data"),
            b"wtpt": _xyz_tag(0.9642, 1.0, 0.8249),
            b"A2B0": lut,
        },
    )

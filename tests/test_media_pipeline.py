"""The rendition pipeline: upright, sRGB, alpha, sizes."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any, cast

import pytest
from PIL import Image, ImageCms
from test_media_support import (
    adobe_rgb_profile,
    cmyk_profile,
    impure_inks,
    make_ref,
    mean_delta,
    patch_centres,
    patch_image,
    srgb_to_adobe,
)

from kiosk.media import RenditionCache, fit_within, render

SRGB_PATCHES = [
    (200, 40, 40),
    (40, 180, 60),
    (30, 60, 200),
    (128, 128, 128),
    (240, 200, 80),
    (20, 20, 20),
    (90, 200, 210),
]
CMYK_PATCHES = [
    (0, 0, 0, 0),
    (255, 0, 0, 0),
    (0, 255, 0, 0),
    (0, 0, 255, 0),
    (0, 0, 0, 128),
    (128, 64, 0, 0),
    (64, 128, 192, 32),
    (32, 200, 160, 0),
]


def _render_one(path: Path, box: tuple[int, int] = (1920, 1920)) -> Image.Image:
    encoded = render(path, path.read_bytes(), {"screen": box})["screen"]
    image = Image.open(BytesIO(encoded.data))
    image.load()
    return image


def test_fit_within_keeps_aspect_and_never_upscales() -> None:
    assert fit_within((6000, 4000), (1920, 1920)) == (1920, 1280)
    assert fit_within((4000, 6000), (1920, 1920)) == (1280, 1920)
    assert fit_within((6000, 4000), (720, 720)) == (720, 480)
    assert fit_within((100, 80), (1920, 1920)) == (100, 80)
    assert fit_within((10000, 10), (720, 720)) == (720, 1)


def test_exif_orientation_6_comes_out_upright(tmp_path: Path) -> None:
    # Stored landscape 120x80 with a red block at the stored top-left. Orientation 6
    # means "rotate 90 degrees clockwise to view": upright it is 80x120, block top-right.
    stored = Image.new("RGB", (120, 80), (240, 240, 240))
    stored.paste((220, 0, 0), (0, 0, 30, 20))
    exif = Image.Exif()
    exif[0x0112] = 6
    path = tmp_path / "rotated.jpg"
    stored.save(path, quality=95, exif=exif.tobytes())

    out = _render_one(path)

    assert out.size == (80, 120)
    red, grey = (220, 0, 0), (240, 240, 240)
    assert mean_delta([out.getpixel((70, 10))], [red]) < 12  # top-right
    assert mean_delta([out.getpixel((10, 10))], [grey]) < 12  # top-left
    assert mean_delta([out.getpixel((70, 110))], [grey]) < 12  # bottom-right
    assert 0x0112 not in out.getexif()  # EXIF stripped: viewers must not rotate it again
    assert "exif" not in out.info


@pytest.mark.parametrize("suffix", [".png", ".webp"])
def test_exif_orientation_in_png_and_webp(tmp_path: Path, suffix: str) -> None:
    stored = Image.new("RGB", (60, 40), (240, 240, 240))
    stored.paste((0, 0, 220), (0, 0, 20, 10))
    exif = Image.Exif()
    exif[0x0112] = 8  # rotate 90 degrees counter-clockwise to view
    path = tmp_path / f"rotated{suffix}"
    options = cast(dict[str, Any], {"lossless": True} if suffix == ".webp" else {})
    stored.save(path, exif=exif.tobytes(), **options)

    out = _render_one(path)

    assert out.size == (40, 60)
    assert mean_delta([out.getpixel((5, 55))], [(0, 0, 220)]) < 12  # stored top-left
    assert mean_delta([out.getpixel((35, 5))], [(240, 240, 240)]) < 12


def test_orientation_is_applied_before_fitting_a_non_square_box(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x0112] = 8
    path = tmp_path / "tall.jpg"
    Image.new("RGB", (800, 400), (10, 120, 200)).save(path, exif=exif.tobytes())

    assert _render_one(path, box=(1000, 200)).size == (100, 200)


def test_large_jpeg_gives_screen_and_thumb_sizes(tmp_path: Path) -> None:
    path = tmp_path / "big.jpg"
    patch_image("RGB", SRGB_PATCHES[:4], patch=600).resize((2400, 1600)).save(path, quality=90)

    out = render(path, path.read_bytes(), {"screen": (1920, 1920), "thumb": (720, 720)})

    assert out["screen"].size == (1920, 1280)
    assert out["thumb"].size == (720, 480)
    assert out["screen"].suffix == out["thumb"].suffix == ".jpg"
    with Image.open(BytesIO(out["thumb"].data)) as thumb:
        assert thumb.format == "JPEG"
        # colours survive draft decoding and resampling
        assert mean_delta(patch_centres(thumb, 4), SRGB_PATCHES[:4]) < 4


def test_large_jpeg_is_decoded_at_reduced_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.jpg"
    Image.new("RGB", (2400, 1600), (90, 90, 90)).save(path)
    decoded: list[tuple[int, int]] = []
    real_resize = Image.Image.resize

    def spy(
        self: Image.Image, size: tuple[int, int], *args: object, **kwargs: object
    ) -> Image.Image:
        decoded.append(self.size)
        return real_resize(self, size, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Image.Image, "resize", spy)
    out = render(path, path.read_bytes(), {"thumb": (720, 720)})

    assert out["thumb"].size == (720, 480)
    assert decoded == [(1200, 800)]  # JPEG draft: decoded at 1/2 scale, not 2400x1600


def test_small_image_is_not_upscaled(tmp_path: Path) -> None:
    path = tmp_path / "small.png"
    Image.new("RGB", (100, 80), (1, 2, 3)).save(path)
    assert _render_one(path).size == (100, 80)


@pytest.mark.parametrize("suffix", [".png", ".jpg"])
def test_adobe_rgb_profile_is_converted_to_srgb(tmp_path: Path, suffix: str) -> None:
    # The Adobe RGB values are computed with plain matrix maths, not with lcms, so the
    # test checks the profile handling instead of echoing it.
    adobe = patch_image("RGB", [srgb_to_adobe(c) for c in SRGB_PATCHES])
    path = tmp_path / f"adobe{suffix}"
    adobe.save(
        path, icc_profile=adobe_rgb_profile(), **({"quality": 95} if suffix == ".jpg" else {})
    )

    out = _render_one(path)

    assert out.mode == "RGB"
    assert "icc_profile" not in out.info  # plain sRGB, untagged
    assert mean_delta(patch_centres(out, len(SRGB_PATCHES)), SRGB_PATCHES) < 4
    # and ignoring the profile would have been visibly wrong: the test can fail
    assert mean_delta(patch_centres(adobe, len(SRGB_PATCHES)), SRGB_PATCHES) > 10


def test_cmyk_jpeg_with_profile_uses_the_profile(tmp_path: Path) -> None:
    path = tmp_path / "cmyk-profiled.jpg"
    patch_image("CMYK", CMYK_PATCHES).save(path, quality=95, icc_profile=cmyk_profile())
    expected = [
        tuple(round(255 * v) for v in impure_inks(*(x / 255 for x in p))) for p in CMYK_PATCHES
    ]

    out = _render_one(path)

    assert out.mode == "RGB"
    assert mean_delta(patch_centres(out, len(CMYK_PATCHES)), expected) < 6
    naive = patch_centres(patch_image("CMYK", CMYK_PATCHES).convert("RGB"), len(CMYK_PATCHES))
    assert mean_delta(naive, expected) > 15


def test_cmyk_jpeg_without_profile_uses_pillows_conversion(tmp_path: Path) -> None:
    # Pillow writes CMYK JPEGs the Adobe way (inverted, with an APP14 marker) and
    # reads them back, so this covers Adobe-inverted CMYK too.
    path = tmp_path / "cmyk-plain.jpg"
    patches = patch_image("CMYK", CMYK_PATCHES)
    patches.save(path, quality=95)
    with Image.open(path) as check:
        assert check.info.get("adobe") is not None

    out = _render_one(path)

    assert out.mode == "RGB"
    expected = patch_centres(patches.convert("RGB"), len(CMYK_PATCHES))
    assert mean_delta(patch_centres(out, len(CMYK_PATCHES)), expected) < 6


def test_unusable_profile_is_ignored_not_fatal(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "badprofile.png"
    Image.new("RGB", (40, 30), (10, 200, 30)).save(path, icc_profile=b"not an icc profile")

    out = _render_one(path)

    assert mean_delta([out.getpixel((20, 15))], [(10, 200, 30)]) < 2
    assert "badprofile.png" in caplog.text


def test_srgb_tagged_image_skips_the_transform(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    path = tmp_path / "srgb.png"
    patch_image("RGB", SRGB_PATCHES).save(path, icc_profile=srgb)
    calls: list[object] = []
    real_apply = ImageCms.applyTransform

    def spy(*args: object, **kwargs: object) -> object:
        calls.append(args)
        return real_apply(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ImageCms, "applyTransform", spy)

    out = _render_one(path)

    assert calls == []
    assert mean_delta(patch_centres(out, len(SRGB_PATCHES)), SRGB_PATCHES) < 1


def test_alpha_is_kept_as_png(tmp_path: Path) -> None:
    image = Image.new("RGBA", (200, 100), (0, 0, 0, 0))
    image.paste((200, 30, 30, 255), (0, 0, 100, 100))
    image.paste((30, 30, 200, 128), (100, 0, 200, 100))
    path = tmp_path / "logo.png"
    image.save(path)

    encoded = render(path, path.read_bytes(), {"thumb": (100, 100)})["thumb"]

    assert encoded.suffix == ".png"
    with Image.open(BytesIO(encoded.data)) as out:
        assert out.format == "PNG"
        assert out.mode == "RGBA"
        assert out.size == (100, 50)
        assert out.getpixel((20, 25)) == (200, 30, 30, 255)
        assert abs(cast(tuple[int, ...], out.getpixel((80, 25)))[3] - 128) <= 1  # RGBA


def test_webp_with_alpha_becomes_png_and_without_becomes_jpeg(tmp_path: Path) -> None:
    clear = tmp_path / "clear.webp"
    Image.new("RGBA", (30, 30), (10, 200, 10, 60)).save(clear, lossless=True)
    solid = tmp_path / "solid.webp"
    Image.new("RGB", (30, 30), (10, 200, 10)).save(solid, quality=95)

    assert render(clear, clear.read_bytes(), {"thumb": (720, 720)})["thumb"].suffix == ".png"
    assert render(solid, solid.read_bytes(), {"thumb": (720, 720)})["thumb"].suffix == ".jpg"


def test_palette_transparency_is_kept(tmp_path: Path) -> None:
    image = Image.new("P", (40, 40), 0)
    image.putpalette([255, 255, 255, 200, 0, 0] + [0] * 762)
    image.paste(1, (0, 0, 20, 40))
    path = tmp_path / "palette.png"
    image.save(path, transparency=0)

    out = _render_one(path)

    assert out.mode == "RGBA"
    assert out.getpixel((10, 10)) == (200, 0, 0, 255)
    assert cast(tuple[int, ...], out.getpixel((30, 10)))[3] == 0  # RGBA


def test_opaque_alpha_channel_becomes_jpeg(tmp_path: Path) -> None:
    path = tmp_path / "opaque.png"
    Image.new("RGBA", (40, 30), (10, 20, 30, 255)).save(path)
    assert render(path, path.read_bytes(), {"screen": (1920, 1920)})["screen"].suffix == ".jpg"


@pytest.mark.parametrize("mode", ["L", "I;16", "1"])
def test_greyscale_modes_render(tmp_path: Path, mode: str) -> None:
    path = tmp_path / f"grey-{mode.replace(';', '')}.png"
    value = {"L": 128, "I;16": 128 * 257, "1": 1}[mode]
    Image.new(mode, (30, 20), value).save(path)

    out = _render_one(path)

    expected = 255 if mode == "1" else 128
    assert abs(cast(int, out.getpixel((15, 10))) - expected) <= 2  # one band


def test_cache_builds_named_renditions(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    Image.new("RGB", (3000, 1000), (50, 100, 150)).save(path)
    ref = make_ref(path)
    cache = RenditionCache(tmp_path / "cache")

    paths = cache.build(ref)

    sha = ref.sha256
    assert paths == {
        "screen": tmp_path / "cache" / sha[:2] / f"{sha}-screen-1920x1920-v1.jpg",
        "thumb": tmp_path / "cache" / sha[:2] / f"{sha}-thumb-720x720-v1.jpg",
    }
    with Image.open(paths["screen"]) as screen, Image.open(paths["thumb"]) as thumb:
        assert screen.size == (1920, 640)
        assert thumb.size == (720, 240)

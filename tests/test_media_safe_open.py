"""Refusing bad originals with a clear error naming the file: never a crash or a hang."""

from __future__ import annotations

import struct
import warnings
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import cast

import pytest
from PIL import Image, ImageFile
from test_media_support import make_ref, save_noise_jpeg

from kiosk.content.images import ImageProblem
from kiosk.media import BadImageError, RenditionCache, RenditionError, render


def _png_header_only(path: Path, width: int, height: int) -> Path:
    """A PNG that declares ``width`` x ``height`` but holds a few bytes of data: a bomb."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0" * 1000))
        + chunk(b"IEND", b"")
    )
    return path


def _render(path: Path) -> None:
    render(path, path.read_bytes(), {"screen": (1920, 1920), "thumb": (720, 720)})


def test_truncated_jpeg_is_refused(tmp_path: Path) -> None:
    whole = save_noise_jpeg(tmp_path / "whole.jpg")
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False

    with pytest.raises(
        BadImageError, match=r"cut\.jpg: image does not open: image file is truncated"
    ):
        _render(cut)


def test_truncated_png_is_refused(tmp_path: Path) -> None:
    whole = tmp_path / "whole.png"
    Image.merge("RGB", [Image.effect_noise((300, 200), 60) for _ in range(3)]).save(whole)
    cut = tmp_path / "cut.png"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])

    with pytest.raises(BadImageError, match=r"cut\.png: image does not open: "):
        _render(cut)


def test_truncated_large_jpeg_is_refused_with_draft_decoding(tmp_path: Path) -> None:
    whole = save_noise_jpeg(tmp_path / "whole.jpg", size=(2000, 1500))
    cut = tmp_path / "cut-large.jpg"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size * 9 // 10])

    with pytest.raises(BadImageError, match=r"cut-large\.jpg"):
        RenditionCache(tmp_path / "cache").build(make_ref(cut))
    assert not list((tmp_path / "cache").rglob("*.jpg"))


@pytest.mark.parametrize(
    ("width", "height", "reason"),
    [
        (8000, 8000, "is 8000x8000 pixels; the limit is 200 megapixels for a JPEG, 60 for PNG"),
        (10000, 10000, "60 for PNG and WebP"),  # under Pillow's own bound: the kiosk's
        (20000, 20000, "is 20000x20000 pixels; the limit is 200 megapixels for a JPEG, 60 for"),
        (30000, 30000, "too many pixels to decode safely; the limit is 200 megapixels for a"),
    ],
)
def test_decompression_bomb_png_is_refused(
    tmp_path: Path, width: int, height: int, reason: str
) -> None:
    bomb = _png_header_only(tmp_path / "bomb.png", width, height)
    with warnings.catch_warnings():
        # Even where warnings are ignored (a production kiosk), the bomb is an error.
        warnings.simplefilter("ignore")
        with pytest.raises(BadImageError, match=rf"bomb\.png: .*{reason}"):
            _render(bomb)


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        ("anim.gif", lambda p: Image.new("P", (8, 8)).save(p, format="GIF"), "extension '.gif'"),
        ("gif-inside.png", lambda p: Image.new("P", (8, 8)).save(p, format="GIF"), "not a JPEG"),
        ("tiff-inside.jpg", lambda p: Image.new("RGB", (8, 8)).save(p, format="TIFF"), "not a"),
        ("text.jpg", lambda p: p.write_text("hello, I am not a picture"), "not a JPEG"),
        ("jpeg-inside.png", lambda p: Image.new("RGB", (8, 8)).save(p, format="JPEG"), "JPEG data"),
        ("empty.png", lambda p: p.write_bytes(b""), "empty"),
    ],
)
def test_wrong_format_is_refused(
    tmp_path: Path, name: str, make: Callable[[Path], object], reason: str
) -> None:
    path = tmp_path / name
    make(path)
    with pytest.raises(BadImageError) as caught:
        RenditionCache(tmp_path / "cache").build(make_ref(path))
    assert str(caught.value).startswith(f"{path}: ")
    assert reason in str(caught.value)


def test_errors_are_image_problems_and_pickle(tmp_path: Path) -> None:
    import pickle

    error = BadImageError(tmp_path / "x.jpg", "image data is damaged")
    assert isinstance(error, RenditionError)
    assert isinstance(error, ImageProblem)  # the content layer's "curator must fix this"
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is BadImageError
    assert str(copy) == str(error) == f"{tmp_path / 'x.jpg'}: image data is damaged"
    assert copy.path == cast(BadImageError, error).path  # narrowed to ImageProblem above


def test_original_changed_since_loading_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photo.png"
    Image.new("RGB", (20, 20), (1, 2, 3)).save(path)
    ref = make_ref(path)
    Image.new("RGB", (20, 20), (9, 9, 9)).save(path)

    with pytest.raises(RenditionError, match="changed since the content was loaded"):
        RenditionCache(tmp_path / "cache").build(ref)


def test_missing_original_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "gone.png"
    Image.new("RGB", (20, 20)).save(path)
    ref = make_ref(path)
    path.unlink()

    with pytest.raises(RenditionError, match=r"gone\.png: cannot read the original"):
        RenditionCache(tmp_path / "cache").build(ref)

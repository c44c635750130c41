"""One set of image checks for the validator and the rendition build: same verdicts,
same messages, safe on several threads at once."""

from __future__ import annotations

import io
import struct
import threading
import warnings
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import cast

import pytest
from PIL import Image

from kiosk.cli import main
from kiosk.content.images import ImageProblem, check_image
from kiosk.content.loader import load_content
from kiosk.media import BadImageError, RenditionCache, render
from tests.factories import image_item, make_site, valid_exhibit
from tests.test_media_support import make_ref

# -- bytes ----------------------------------------------------------------------------


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    found, pos = [], 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        found.append((data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]))
        pos += 12 + length
    return found


def _png(chunks: list[tuple[bytes, bytes]]) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + b"".join(_chunk(kind, body) for kind, body in chunks)


def apng(*, broken: bool = False) -> bytes:
    """Three frames, the first also the still image; ``broken`` drops the second frame's
    control chunk, a frame-sequence error Pillow meets while reading the first frame
    (its checksums are all right, so a checksum check passes it)."""
    frames = [Image.new("RGB", (40, 30), colour) for colour in ("red", "green", "blue")]
    buffer = io.BytesIO()
    frames[0].save(buffer, "PNG", save_all=True, append_images=frames[1:])
    chunks = _chunks(buffer.getvalue())
    if broken:
        second = [i for i, (kind, _) in enumerate(chunks) if kind == b"fcTL"][1]
        del chunks[second]
    return _png(chunks)


def png_with_late_exif(orientation: int) -> bytes:
    """A 40x20 PNG whose EXIF (orientation) comes after the pixels, as some tools write it."""
    exif = Image.Exif()
    exif[0x0112] = orientation
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "green").save(buffer, "PNG", exif=exif)
    chunks = _chunks(buffer.getvalue())
    late = [c for c in chunks if c[0] == b"eXIf"]
    rest = [c for c in chunks if c[0] != b"eXIf"]
    assert late, "Pillow wrote no eXIf chunk"
    return _png(rest[:-1] + late + rest[-1:])  # just before IEND


def mpo(first: str = "red", second: str = "blue") -> bytes:
    """A multi-picture JPEG, as some cameras save them (a left and a right view)."""
    buffer = io.BytesIO()
    left, right = Image.new("RGB", (64, 48), first), Image.new("RGB", (64, 48), second)
    left.save(buffer, "MPO", save_all=True, append_images=[right])
    return buffer.getvalue()


def bomb_png() -> bytes:
    """10000x10000 declared in a few bytes: Pillow only warns about this size."""
    header = struct.pack(">IIBBBBB", 10_000, 10_000, 8, 0, 0, 0, 0)
    return _png([(b"IHDR", header), (b"IDAT", zlib.compress(b"\0" * 100)), (b"IEND", b"")])


def _jpeg(colour: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def _png_bytes(colour: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (48, 64), colour).save(buffer, "PNG")
    return buffer.getvalue()


def _site_with_cover(tmp_path: Path, name: str, data: bytes) -> Path:
    root = make_site(
        tmp_path / "site", {"alpha": valid_exhibit(cover=image_item(f"images/{name}"))}
    )
    (root / "alpha" / "images" / name).write_bytes(data)
    return root


# -- one verdict ----------------------------------------------------------------------


def test_an_apng_with_a_frame_sequence_error_fails_validate_and_prepare_alike(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _site_with_cover(tmp_path, "moving.png", apng(broken=True))

    assert main(["validate", str(root)]) == 1
    out = capsys.readouterr().out
    assert "exhibit.yaml:" in out and "image 'images/moving.png' does not open: " in out
    assert "APNG contains frame sequence errors" in out

    assert main(["prepare", str(root), "--cache", str(tmp_path / "cache")]) == 1
    out = capsys.readouterr().out
    assert "1 failed" in out and "moving.png: image does not open: " in out


def test_a_whole_apng_passes_both_and_shows_its_first_frame(tmp_path: Path) -> None:
    data = apng()
    assert check_image(data, ".png").format == "PNG"
    path = tmp_path / "moving.png"
    path.write_bytes(data)
    (screen,) = render(path, data, {"screen": (100, 100)}).values()
    rgb = Image.open(io.BytesIO(screen.data)).convert("RGB").getpixel((20, 15))
    red, green, blue = cast(tuple[int, int, int], rgb)
    assert red > 240 and green < 15 and blue < 15  # the first frame, red


def test_a_multi_picture_jpeg_named_jpg_is_accepted_and_its_first_picture_shown(
    tmp_path: Path,
) -> None:
    data = mpo(first="red", second="blue")
    assert Image.open(io.BytesIO(data)).format == "MPO"
    root = _site_with_cover(tmp_path, "stereo.jpg", data)
    result = load_content(root)
    assert result.errors == ()
    assert result.content is not None
    cover = result.content.exhibits[0].cover
    assert (cover.width, cover.height) == (64, 48)

    built = RenditionCache(tmp_path / "cache").build(cover)
    for path in built.values():
        with Image.open(path) as rendition:
            red, green, blue = cast(
                tuple[int, int, int], rendition.convert("RGB").getpixel((10, 10))
            )
            assert red > 200 and green < 60 and blue < 60  # the first picture, not the second


def test_a_multi_picture_jpeg_is_still_refused_under_another_image_name(tmp_path: Path) -> None:
    with pytest.raises(ImageProblem, match=r"^is JPEG data but named \.png$"):
        check_image(mpo(), ".png")


def test_an_unidentified_image_says_which_formats_are_expected(tmp_path: Path) -> None:
    root = _site_with_cover(tmp_path, "cover.jpg", b"GIF89a" + b"\0" * 64)
    (problem,) = load_content(root).errors
    assert problem.message == "image 'images/cover.jpg' is not a JPEG, PNG or WebP image"
    assert problem.line > 0
    path = root / "alpha" / "images" / "cover.jpg"
    with pytest.raises(BadImageError) as caught:
        RenditionCache(tmp_path / "cache").build(make_ref(path))
    assert str(caught.value) == f"{path}: image is not a JPEG, PNG or WebP image"


@pytest.mark.parametrize("orientation", [6, 8])
def test_exif_after_the_pixels_turns_the_picture_for_validator_and_build_alike(
    tmp_path: Path, orientation: int
) -> None:
    data = png_with_late_exif(orientation)
    assert check_image(data, ".png").display_size == (20, 40)
    path = tmp_path / "turned.png"
    path.write_bytes(data)
    (screen,) = render(path, data, {"screen": (100, 100)}).values()
    assert screen.size == (20, 40)


# -- several threads at once ----------------------------------------------------------


def _verdict(check: Callable[[], object]) -> str:
    try:
        check()
    except ImageProblem as problem:  # BadImageError is one too
        return f"refused: {'megapixels' in str(problem)}"
    return "ok"


def test_checks_on_two_threads_leave_the_warning_filters_alone_and_get_every_answer_right(
    tmp_path: Path,
) -> None:
    """The validator (reload thread) and the rendition build (rendition threads) check
    images at the same time; neither may change the process's warning filters, which
    ``warnings.catch_warnings`` would do for every thread at once."""
    files = {
        "a.jpg": _jpeg("teal"),
        "b.png": _png_bytes("orange"),
        "bomb.png": bomb_png(),
        "late.png": png_with_late_exif(6),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)

    def validate(name: str) -> str:
        return _verdict(lambda: check_image(files[name], Path(name).suffix))

    def build(name: str) -> str:
        path = tmp_path / name
        return _verdict(lambda: render(path, files[name], {"thumb": (32, 32)}))

    expected = {name: validate(name) for name in files}
    assert expected == {
        "a.jpg": "ok",
        "b.png": "ok",
        "bomb.png": "refused: True",
        "late.png": "ok",
    }
    assert {name: build(name) for name in files} == expected

    filters = list(warnings.filters)
    seen_changed: list[object] = []
    wrong: list[tuple[str, str]] = []
    done = threading.Event()
    start = threading.Barrier(3)

    def watch() -> None:
        start.wait()
        while not done.is_set():
            if warnings.filters != filters and len(seen_changed) < 3:
                seen_changed.append(list(warnings.filters))

    def work(check: Callable[[str], str]) -> None:
        start.wait()
        for _ in range(80):
            for name in files:
                answer = check(name)
                if answer != expected[name]:
                    wrong.append((name, answer))

    watcher = threading.Thread(target=watch)
    workers = [threading.Thread(target=work, args=(check,)) for check in (validate, build)]
    watcher.start()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    done.set()
    watcher.join()

    assert wrong == []
    assert seen_changed == []
    assert warnings.filters == filters

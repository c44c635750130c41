"""Hostile content: every attack or accident ends as a located error, fast, never a crash.

Each case writes one bad thing into an otherwise valid site and asserts the exact
message, the file and the line, and that loading took under a second (a functional
bound: the kiosk loads off the UI thread, but a hang or a bomb must not get through).
"""

from __future__ import annotations

import copy
import io
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from factories import (
    exhibit_text,
    image_item,
    jpeg_bytes,
    line_of,
    make_site,
    to_yaml,
    valid_exhibit,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from kiosk.content.loader import load_content
from kiosk.content.model import LoadResult, Problem


def load_hostile(root: Path) -> LoadResult:
    """The load, which must end: no speed bound here (speed is for tests/bench/, and a
    bound fails on a busy machine); what keeps hostile files cheap is that the
    constructs that blow up (aliases, deep nesting, huge files) are refused unparsed."""
    return load_content(root)


def single_error(result: LoadResult) -> Problem:
    assert result.content is None
    assert len(result.errors) == 1, [str(p) for p in result.errors]
    return result.errors[0]


# -- YAML attacks ---------------------------------------------------------------------


def raw_exhibit(tmp_path: Path, text: str | bytes) -> tuple[Path, Problem]:
    root = make_site(tmp_path, {"alpha": text})
    problem = single_error(load_hostile(root))
    assert problem.path == root / "alpha" / "exhibit.yaml"
    return root, problem


def test_python_tag(tmp_path: Path) -> None:
    text = to_yaml(valid_exhibit()) + "extra: !!python/object/apply:os.system ['touch /tmp/x']\n"
    _, problem = raw_exhibit(tmp_path, text)
    assert (problem.line, problem.column) == (line_of(text, "extra:"), 8)
    assert problem.message == (
        "tag '!!python/object/apply:os.system' is not allowed; write plain values without tags"
    )


def test_alias_bomb(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{','.join(['*' + prev] * 9)}]")
    root = make_site(tmp_path, {"alpha": "\n".join(lines) + "\n"})
    result = load_hostile(root)
    assert [(p.line, p.column) for p in result.errors] == [(n, 4) for n in range(1, 10)]
    assert result.errors[0].message == "anchor '&a' is not allowed; write each value out in full"


def test_duplicate_key(tmp_path: Path) -> None:
    text = to_yaml(valid_exhibit()) + "id: beta\n"
    _, problem = raw_exhibit(tmp_path, text)
    assert (problem.line, problem.column) == (text.count("\n"), 1)
    assert problem.message == "duplicate key 'id'; it is already set on line 1"


def test_yaml11_coercions_stay_strings(tmp_path: Path) -> None:
    """``no``, ``on``, sexagesimal and dates would be bool/int/date under PyYAML's SafeLoader."""
    title = {"uz": "no", "az": "on", "ru": "1:30", "en": "2024-01-05"}
    text = to_yaml(valid_exhibit(title=title, order="20")).replace("'", "")
    result = load_hostile(make_site(tmp_path, {"alpha": text}))
    assert result.content is not None
    assert dict(result.content.exhibits[0].title.values) == title
    assert result.content.exhibits[0].order == 20


def test_deep_nesting(tmp_path: Path) -> None:
    _, problem = raw_exhibit(tmp_path, "id: " + "[" * 10_000 + "]" * 10_000 + "\n")
    assert (problem.line, problem.message) == (1, "nesting is deeper than 32 levels")
    block = "".join(f"{'  ' * depth}k{depth}:\n" for depth in range(40)) + "  " * 40 + "x\n"
    _, problem = raw_exhibit(tmp_path / "block", block)
    assert (problem.line, problem.column, problem.message) == (
        33,
        65,
        "nesting is deeper than 32 levels",
    )


def test_empty_file(tmp_path: Path) -> None:
    _, problem = raw_exhibit(tmp_path, "# nothing yet\n")
    assert (problem.line, problem.column, problem.message) == (
        1,
        1,
        "file is empty; expected 'key: value' lines",
    )


def test_binary_file(tmp_path: Path) -> None:
    _, problem = raw_exhibit(tmp_path, jpeg_bytes())
    assert (problem.line, problem.column) == (1, 1)
    assert (
        problem.message == "file is not valid UTF-8 text (byte 0xff); save it with UTF-8 encoding"
    )


def test_huge_file(tmp_path: Path) -> None:
    text = to_yaml(valid_exhibit()) + "# padding\n" * 200_000
    _, problem = raw_exhibit(tmp_path, text)
    assert (problem.line, problem.column, problem.message) == (
        1,
        1,
        "file is larger than 1024 KB; is it really a YAML file?",
    )


def test_huge_but_allowed_file_still_loads(tmp_path: Path) -> None:
    data = valid_exhibit()
    data["facts"] = [copy.deepcopy(data["facts"][0]) for _ in range(2_000)]
    root = make_site(tmp_path, {"alpha": data})
    assert (root / "alpha" / "exhibit.yaml").stat().st_size < 1024 * 1024
    result = load_hostile(root)
    assert result.content is not None
    assert len(result.content.exhibits[0].facts) == 2_000


# -- paths ----------------------------------------------------------------------------


def with_cover(
    tmp_path: Path, file: str, prepare: Callable[[Path], None] = lambda _: None
) -> tuple[Problem, int]:
    root = make_site(tmp_path / "site", {"alpha": valid_exhibit(cover=image_item(file))})
    prepare(root)
    problem = single_error(load_hostile(root))
    assert problem.path == root / "alpha" / "exhibit.yaml"
    assert problem.column == 9
    return problem, line_of(exhibit_text(root), f"file: {file}"[:14])


HINT = "write it relative to the exhibit folder, like 'images/cover.jpg'"


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (
            "../beta/images/cover.jpg",
            "image path '../beta/images/cover.jpg' contains '..'; "
            "images must be inside the exhibit folder",
        ),
        (
            "images/../../kiosk.yaml",
            "image path 'images/../../kiosk.yaml' contains '..'; "
            "images must be inside the exhibit folder",
        ),
        ("/etc/passwd", f"image path '/etc/passwd' is absolute; {HINT}"),
        (
            "C:\\Users\\me\\cover.jpg",
            f"image path 'C:\\\\Users\\\\me\\\\cover.jpg' starts with a drive letter; {HINT}",
        ),
        ("c:/cover.jpg", f"image path 'c:/cover.jpg' starts with a drive letter; {HINT}"),
        (
            "images\\cover.jpg",
            "image path 'images\\\\cover.jpg' contains '\\'; separate folders with '/'",
        ),
        ("images/missing.jpg", "image file 'images/missing.jpg' not found"),
        (
            "images/Cover.jpg",
            "image file 'images/Cover.jpg' not found; did you mean 'images/cover.jpg'?",
        ),
        ("images", "image path 'images' is not a file"),
    ],
)
def test_path_forms(tmp_path: Path, file: str, message: str) -> None:
    problem, line = with_cover(tmp_path, file)
    assert problem.line == line
    assert problem.message == message


def test_symlink_out_of_the_folder(tmp_path: Path) -> None:
    secret = tmp_path / "secret.jpg"
    secret.write_bytes(jpeg_bytes())

    def link(root: Path) -> None:
        os.symlink(secret, root / "alpha" / "images" / "link.jpg")

    problem, line = with_cover(tmp_path, "images/link.jpg", link)
    assert problem.line == line
    assert problem.message == (
        "image path 'images/link.jpg' leads outside the exhibit folder (through a symbolic "
        "link); copy the image into the folder instead"
    )


def test_sibling_folder_with_the_same_prefix_is_not_inside(tmp_path: Path) -> None:
    def link(root: Path) -> None:
        evil = root.parent / "alpha-evil"
        evil.mkdir()
        (evil / "x.jpg").write_bytes(jpeg_bytes())
        os.symlink(evil, root / "alpha" / "shared")

    problem, _ = with_cover(tmp_path / "x", "shared/x.jpg", link)
    assert problem.message.startswith("image path 'shared/x.jpg' leads outside the exhibit folder")


def test_symlink_inside_the_folder_is_fine(tmp_path: Path) -> None:
    root = make_site(tmp_path, {"alpha": valid_exhibit(cover=image_item("images/alias.jpg"))})
    os.symlink(root / "alpha" / "images" / "cover.jpg", root / "alpha" / "images" / "alias.jpg")
    assert load_hostile(root).errors == ()


# -- images ---------------------------------------------------------------------------


def big_jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.effect_noise((1600, 1200), 60).convert("RGB").save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def bomb_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(buffer, "PNG")
    return buffer.getvalue()


def replace_cover(data: bytes, name: str = "cover.jpg") -> Callable[[Path], None]:
    def write(root: Path) -> None:
        (root / "alpha" / "images" / name).write_bytes(data)

    return write


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        (
            "cover.jpg",
            lambda: big_jpeg()[:200_000],
            "image 'images/cover.jpg' does not open: image file is truncated",
        ),
        ("cover.jpg", lambda: b"", "image 'images/cover.jpg' is an empty file"),
        (
            "cover.png",
            bomb_png,
            "image 'images/cover.png' has too many pixels to decode safely; "
            "the limit is 200 megapixels for a JPEG, 60 for PNG and WebP",
        ),
        (
            "cover.jpg",
            lambda: Path(__file__).read_bytes(),
            "image 'images/cover.jpg' is not a JPEG, PNG or WebP image",
        ),
        (
            "cover.gif",
            lambda: b"GIF89a",
            "image 'images/cover.gif' has extension '.gif'; use .jpg, .jpeg, .png or .webp",
        ),
    ],
)
def test_bad_images(tmp_path: Path, name: str, make: Callable[[], bytes], message: str) -> None:
    problem, line = with_cover(tmp_path, f"images/{name}", replace_cover(make(), name))
    assert problem.line == line
    assert problem.message.startswith(message)


def test_bomb_png_is_small_on_disk(tmp_path: Path) -> None:
    assert len(bomb_png()) < 100_000


def test_png_data_named_jpg(tmp_path: Path) -> None:
    png = io.BytesIO()
    Image.new("RGB", (8, 8)).save(png, "PNG")
    problem, _ = with_cover(tmp_path, "images/cover.jpg", replace_cover(png.getvalue()))
    assert problem.message == "image 'images/cover.jpg' is PNG data but named .jpg"


def test_webp_and_exif_rotation(tmp_path: Path) -> None:
    def write(root: Path) -> None:
        image = Image.new("RGB", (40, 20), "green")
        exif = Image.Exif()
        exif[0x0112] = 6  # shown turned 90 degrees: 20 wide, 40 high
        image.save(root / "alpha" / "images" / "turned.jpg", "JPEG", exif=exif)
        image.save(root / "alpha" / "images" / "photo.webp", "WEBP")

    root = make_site(
        tmp_path,
        {
            "alpha": valid_exhibit(
                cover=image_item("images/turned.jpg"), gallery=[image_item("images/photo.webp")]
            )
        },
    )
    write(root)
    content = load_hostile(root).content
    assert content is not None
    exhibit = content.exhibits[0]
    assert (exhibit.cover.width, exhibit.cover.height) == (20, 40)
    assert (exhibit.gallery[0].width, exhibit.gallery[0].height) == (40, 20)


# -- anything at all ------------------------------------------------------------------


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.text(max_size=400),
        st.binary(max_size=400),
        st.text(alphabet=":-[]{}&*!|>'\"#%@ \n\tabc01", max_size=200),
    )
)
def test_arbitrary_exhibit_yaml_never_raises(content: str | bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = make_site(Path(folder), {"alpha": content})
        result = load_content(root)
    assert isinstance(result, LoadResult)
    assert result.content is None
    assert all(p.line >= 1 and p.column >= 1 for p in result.errors)

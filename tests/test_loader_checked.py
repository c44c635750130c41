"""Images that passed their check are not decoded again, in this run or the next.

The record is handed to the loader explicitly (``ImageChecks``); nothing is shared
through the process.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content import images
from kiosk.content.imagerecord import ImageChecks, ImageRecord, image_record
from kiosk.content.images import ImageProblem
from kiosk.content.loader import load_content
from tests.factories import make_site


def _refuse(data: bytes, suffix: str, *, decode_now: bool = True) -> images.ImageInfo:
    raise ImageProblem("was decoded again")


def test_a_second_load_skips_images_already_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_site(tmp_path / "site")
    checker = ImageChecks()
    assert load_content(root, checker).content is not None
    monkeypatch.setattr("kiosk.content.imagerefs.check_image", _refuse)
    assert load_content(root, checker).content is not None
    result = load_content(root, ImageChecks())  # another record: checked afresh
    assert result.content is None and "was decoded again" in result.errors[0].message


def test_a_changed_file_is_checked_again(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site")
    checker = ImageChecks()
    assert load_content(root, checker).content is not None
    (root / "alpha" / "images" / "cover.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    result = load_content(root, checker)
    assert result.content is None
    assert any("cover.jpg" in str(e) and "does not open" in str(e) for e in result.errors)


def test_the_record_carries_over_to_the_next_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_site(tmp_path / "site")
    path = tmp_path / "cache" / "image-checks.json"
    with image_record(path) as record:
        assert load_content(root, ImageChecks(record)).content is not None
    assert path.is_file()

    monkeypatch.setattr("kiosk.content.imagerefs.check_image", _refuse)
    with image_record(path) as next_start:
        assert load_content(root, ImageChecks(next_start)).content is not None


def test_a_header_only_check_is_not_recorded_as_a_pass(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site")
    path = tmp_path / "image-checks.json"
    with image_record(path) as record:
        content = load_content(root, ImageChecks(record, decode_now=False)).content
        assert content is not None
        assert record.get(content.exhibits[0].cover.sha256, ".jpg") is None
    assert not path.exists()  # nothing passed, nothing written

    with image_record(path) as record:
        content = load_content(root, ImageChecks(record, decode_now=False)).content
        assert content is not None
        cover = content.exhibits[0].cover
        assert record.confirm(cover.sha256, ".jpg")  # as prepare does once it built it
    assert ImageRecord(path).get(cover.sha256, ".jpg") is not None


def test_an_unreadable_record_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "image-checks.json"
    path.write_text("{not json", encoding="utf-8")
    assert ImageRecord(path).get("0" * 64, ".jpg") is None


def test_a_record_from_older_rules_is_ignored(tmp_path: Path) -> None:
    """An APNG that passed when PNGs were only verified must be decoded now."""
    path = tmp_path / "image-checks.json"
    path.write_text('{"version": 1, "images": {"%s.png": ["PNG", 8, 8, 1]}}' % ("a" * 64))
    assert ImageRecord(path).get("a" * 64, ".png") is None


def test_saving_keeps_the_previous_record_even_if_nothing_read_it(tmp_path: Path) -> None:
    """The record is read lazily; a save must still carry its entries forward."""
    info = images.ImageInfo("JPEG", 32, 24)
    with image_record(tmp_path / "one.json") as earlier:
        earlier.add("a" * 64, ".jpg", info)

    with image_record(tmp_path / "one.json") as this_run:
        this_run.add("b" * 64, ".png", images.ImageInfo("PNG", 24, 16))

    next_run = ImageRecord(tmp_path / "one.json")
    assert next_run.get("a" * 64, ".JPG") == info
    assert next_run.get("b" * 64, ".png") == images.ImageInfo("PNG", 24, 16)

"""Images that passed their check are not decoded again, in this run or the next."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content import images
from kiosk.content.images import CHECKED, CheckedImages, ImageProblem
from kiosk.content.loader import load_content
from tests.factories import make_site


def _refuse(path: Path, data: bytes | None = None, *, decode: bool = True) -> images.ImageInfo:
    raise ImageProblem(f"image {path.name!r} was decoded again")


def test_a_second_load_skips_images_already_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_site(tmp_path / "site")
    assert load_content(root).content is not None
    monkeypatch.setattr("kiosk.content.imagerefs.probe_image", _refuse)
    assert load_content(root).content is not None


def test_a_changed_file_is_checked_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_site(tmp_path / "site")
    assert load_content(root).content is not None
    (root / "alpha" / "images" / "cover.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    result = load_content(root)
    assert result.content is None
    assert any("cover.jpg" in str(e) and "does not open" in str(e) for e in result.errors)


def test_the_record_carries_over_to_the_next_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_site(tmp_path / "site")
    record = tmp_path / "cache" / "image-checks.json"
    fresh = CheckedImages()
    monkeypatch.setattr("kiosk.content.imagerefs.CHECKED", fresh)
    assert load_content(root).content is not None
    fresh.save(record)

    next_start = CheckedImages()
    next_start.load(record)
    monkeypatch.setattr("kiosk.content.imagerefs.CHECKED", next_start)
    monkeypatch.setattr("kiosk.content.imagerefs.probe_image", _refuse)
    assert load_content(root).content is not None


def test_an_unreadable_record_is_ignored(tmp_path: Path) -> None:
    record = tmp_path / "image-checks.json"
    record.write_text("{not json", encoding="utf-8")
    checked = CheckedImages()
    checked.load(record)
    assert checked.get("0" * 64, ".jpg") is None
    assert CHECKED is images.CHECKED


def test_saving_keeps_the_previous_record_even_if_nothing_read_it(tmp_path: Path) -> None:
    """The record is read lazily; a save must still carry its entries forward."""
    info = images.ImageInfo("JPEG", 32, 24)
    earlier = CheckedImages()
    earlier.add("a" * 64, ".jpg", info)
    earlier.save(tmp_path / "one.json")

    this_run = CheckedImages()
    this_run.load(tmp_path / "one.json")
    this_run.add("b" * 64, ".png", images.ImageInfo("PNG", 24, 16))
    this_run.save(tmp_path / "two.json")

    next_run = CheckedImages()
    next_run.load(tmp_path / "two.json")
    assert next_run.get("a" * 64, ".JPG") == info
    assert next_run.get("b" * 64, ".png") == images.ImageInfo("PNG", 24, 16)

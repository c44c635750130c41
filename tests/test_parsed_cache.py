"""The parsed-content cache: reused while the folder is unchanged, never stale."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.content import parsed_cache
from kiosk.content.model import LoadResult
from kiosk.content.parsed_cache import fingerprint, load_cached
from tests.factories import make_site, tmap, valid_exhibit


def _no_loading(root: Path) -> LoadResult:
    raise AssertionError("the folder was parsed again")


def test_an_unchanged_folder_is_answered_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_site(tmp_path / "site")
    first = load_cached(root, tmp_path / "cache")
    assert first.content is not None
    monkeypatch.setattr(parsed_cache, "load_content", _no_loading)
    again = load_cached(root, tmp_path / "cache")
    assert again.content == first.content
    assert again.content.site.strings["home"].get("ru") == "home [ru]"
    assert again.exhibit_count == 1 and again.language_codes == ("uz", "az", "ru", "en")


def test_any_change_to_any_file_means_a_full_load(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site", {"alpha": valid_exhibit(title=tmap("Before"))})
    assert load_cached(root, tmp_path / "cache").content is not None
    exhibit = root / "alpha" / "exhibit.yaml"
    exhibit.write_text(exhibit.read_text(encoding="utf-8").replace("Before", "After"), "utf-8")
    content = load_cached(root, tmp_path / "cache").content
    assert content is not None and content.exhibits[0].title.get("en") == "After [en]"

    image = root / "alpha" / "images" / "cover.jpg"
    stat = image.stat()
    os.utime(image, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    before = fingerprint(root)
    image.write_bytes(b"broken")
    assert fingerprint(root) != before
    result = load_cached(root, tmp_path / "cache")
    assert result.content is None and any("cover.jpg" in str(e) for e in result.errors)


def test_invalid_content_is_never_cached(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site", {"alpha": valid_exhibit(order="ten")})
    assert load_cached(root, tmp_path / "cache").content is None
    assert not list((tmp_path / "cache").glob("content-*.pickle"))


def test_a_damaged_cache_entry_means_a_full_load(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site")
    assert load_cached(root, tmp_path / "cache").content is not None
    (entry,) = (tmp_path / "cache").glob("content-*.pickle")
    entry.write_bytes(b"not a pickle")
    assert load_cached(root, tmp_path / "cache").content is not None


def test_only_the_newest_entry_is_kept(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site", {"alpha": valid_exhibit(title=tmap("One"))})
    load_cached(root, tmp_path / "cache")
    exhibit = root / "alpha" / "exhibit.yaml"
    exhibit.write_text(exhibit.read_text(encoding="utf-8").replace("One", "Two"), "utf-8")
    load_cached(root, tmp_path / "cache")
    assert len(list((tmp_path / "cache").glob("content-*.pickle"))) == 1

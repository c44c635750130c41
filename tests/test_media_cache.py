"""The on-disk cache: keyed names, reuse without the original, atomic writes."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from PIL import Image
from test_media_support import make_ref

import kiosk.media.pipeline
import kiosk.media.safe_open
from kiosk.content.model import ImageRef
from kiosk.media import (
    CacheWriteError,
    RenditionCache,
    RenditionError,
    build_all,
    default_cache_dir,
    screen_box,
)


@pytest.fixture
def ref(tmp_path: Path) -> ImageRef:
    path = tmp_path / "originals" / "photo.jpg"
    path.parent.mkdir()
    Image.new("RGB", (1000, 800), (30, 90, 160)).save(path)
    return make_ref(path)


@pytest.fixture
def cache(tmp_path: Path) -> RenditionCache:
    return RenditionCache(tmp_path / "cache", {"screen": (400, 400), "thumb": (100, 100)})


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.is_file())


def test_default_cache_dir_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "friendship-kiosk" / "renditions"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_cache_dir() == tmp_path / "home" / ".cache" / "friendship-kiosk" / "renditions"


def test_screen_box_is_the_long_side_squared() -> None:
    assert screen_box(1920, 1080) == (1920, 1920)
    assert screen_box(1080, 1920) == (1920, 1920)
    assert screen_box(3840, 2160) == (3840, 3840)


def test_name_carries_hash_kind_box_and_version(ref: ImageRef, cache: RenditionCache) -> None:
    sha = ref.sha256
    assert cache.path_for(ref, "thumb") == cache.root / sha[:2] / f"{sha}-thumb-100x100-v1.jpg"
    bigger = RenditionCache(cache.root, {"thumb": (200, 200)})
    assert bigger.path_for(ref, "thumb") != cache.path_for(ref, "thumb")


def test_bad_kind_names_and_boxes_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="lower-case"):
        RenditionCache(tmp_path, {"../x": (10, 10)})
    with pytest.raises(ValueError, match="positive"):
        RenditionCache(tmp_path, {"thumb": (0, 10)})


def test_second_run_reuses_cache_without_opening_the_original(
    ref: ImageRef, cache: RenditionCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = build_all([ref], None, cache)
    assert (first.built, first.cached, first.failed) == (1, 0, ())
    paths = {kind: cache.cached_path(ref, kind) for kind in cache.kinds}
    assert all(path is not None for path in paths.values())

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("the original was opened")

    monkeypatch.setattr(Image, "open", forbidden)
    monkeypatch.setattr(kiosk.media.safe_open, "read_original", forbidden)
    ref.path.unlink()  # and it is not even there

    second = build_all([ref], None, cache)
    assert (second.built, second.cached, second.failed) == (0, 1, ())
    assert cache.build(ref) == paths
    assert {kind: cache.cached_path(ref, kind) for kind in cache.kinds} == paths


def test_only_missing_kinds_are_built(ref: ImageRef, cache: RenditionCache) -> None:
    thumb = cache.build(ref, ["thumb"])["thumb"]
    assert cache.missing(ref) == ["screen"]
    before = thumb.stat().st_mtime_ns
    cache.build(ref)
    assert thumb.stat().st_mtime_ns == before
    assert cache.missing(ref) == []


def test_crash_while_writing_leaves_no_final_file(
    ref: ImageRef, cache: RenditionCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The disk fills up after part of the rendition was written.
    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full_disk)

    with pytest.raises(CacheWriteError) as caught:
        cache.build(ref)

    message = str(caught.value)
    assert message.startswith(f"{ref.path}: cannot write rendition {cache.root}")
    assert "No space left on device" in message
    assert cache.cached_path(ref, "screen") is None
    assert _files(cache.root) == []  # no final file, and the temporary file is gone
    monkeypatch.undo()
    assert cache.build(ref)["screen"].is_file()


def test_crash_in_rename_leaves_no_final_file(
    ref: ImageRef, cache: RenditionCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(src: str, dst: str) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(os, "replace", refuse)

    with pytest.raises(CacheWriteError, match="Permission denied"):
        cache.build(ref)
    assert _files(cache.root) == []


def test_encoder_failure_writes_nothing(
    ref: ImageRef, cache: RenditionCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(image: Image.Image) -> None:
        raise OSError("encoder error -2")

    monkeypatch.setattr(kiosk.media.pipeline, "_encode", broken)

    with pytest.raises(RenditionError, match=r"photo\.jpg: rendition failed"):
        cache.build(ref)
    assert not cache.root.exists() or _files(cache.root) == []


def test_leftover_temporary_file_is_never_used(ref: ImageRef, cache: RenditionCache) -> None:
    # A writer killed mid-write leaves its temporary file; the final name never appeared.
    folder = cache.root / ref.sha256[:2]
    folder.mkdir(parents=True)
    leftover = folder / f".{ref.sha256}-screen-400x400-v1.jpg.part"
    leftover.write_bytes(b"\xff\xd8\xff\xe0 half a jpeg")
    old = leftover.stat().st_mtime - 7200
    os.utime(leftover, (old, old))

    assert cache.cached_path(ref, "screen") is None
    built = cache.build(ref)["screen"]
    with Image.open(built) as image:
        assert image.size == (400, 320)
    assert cache.sweep_temporary() == 1
    assert not leftover.exists()
    assert built.exists()


def test_fresh_temporary_files_are_left_to_their_writers(
    ref: ImageRef, cache: RenditionCache
) -> None:
    folder = cache.root / "ab"
    folder.mkdir(parents=True)
    (folder / ".x.part").write_bytes(b"in progress")
    assert cache.sweep_temporary() == 0


def test_unwritable_cache_is_a_clear_error(ref: ImageRef, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    cache = RenditionCache(blocker / "renditions")

    with pytest.raises(CacheWriteError, match=r"photo\.jpg: cannot write rendition"):
        cache.build(ref)


def test_renditions_are_readable_by_others(ref: ImageRef, cache: RenditionCache) -> None:
    path = cache.build(ref)["thumb"]
    assert path.stat().st_mode & 0o777 == 0o644

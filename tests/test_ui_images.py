"""ImageStore: rendition URLs by key, for the images of the content shown."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from kiosk.content.model import ContentSet
from kiosk.media import cache as cache_module
from kiosk.media.errors import BadImageError, CacheWriteError
from kiosk.runtime.backoff import Backoff
from kiosk.ui.images import ImageStore
from kiosk.ui.present import SCREEN, THUMB, image_key
from kiosk.ui.session import make_service
from tests.diskfull import fill, free, tiny_disk
from tests.factories import make_site
from tests.fakes import FakeClock
from tests.uitools import load


@pytest.fixture
def store(tmp_path: Path, qapp: object) -> Iterator[ImageStore]:
    service = make_service(tmp_path / "cache", (1920, 1080))
    yield ImageStore(service)
    service.shutdown()


@pytest.fixture
def content(tmp_path: Path) -> ContentSet:
    return load(make_site(tmp_path / "site"))


def test_a_key_of_the_content_is_built_then_has_a_url(
    store: ImageStore, content: ContentSet, qtbot: QtBot
) -> None:
    store.set_content(content)
    key = image_key(content.exhibits[0].cover, THUMB)
    assert store.url(key) == ""  # not built yet: the placeholder shows
    assert store.pending == 1
    qtbot.waitUntil(lambda: store.pending == 0)
    url = store.url(key)
    assert url.startswith("file://") and url.endswith(".jpg")


def test_a_held_store_asks_for_no_picture_until_released(
    tmp_path: Path, content: ContentSet, qtbot: QtBot
) -> None:
    """A running kiosk's store until its first frame: neither a cached rendition's URL
    (Qt would start its decode) nor a build; then every binding asks again."""
    service = make_service(tmp_path / "cache", (1920, 1080))
    ready = ImageStore(service)
    ready.set_content(content)
    key = image_key(content.exhibits[0].cover, THUMB)
    ready.url(key)
    qtbot.waitUntil(lambda: ready.pending == 0)  # now cached on disk
    held = ImageStore(service, held=True)
    held.set_content(content)
    assert held.url(key) == "" and held.pixel_size(key).isEmpty()
    other = image_key(content.exhibits[0].cover, SCREEN)  # not built yet
    assert held.url(other) == "" and held.pending == 0  # nothing built either
    with qtbot.waitSignal(held.revisionChanged):
        held.release()
    assert held.url(key) == ready.url(key) != ""
    assert held.pixel_size(key).width() > 0
    assert held.url(other) == "" and held.pending == 1  # the missing one: built now
    qtbot.waitUntil(lambda: held.pending == 0)
    assert held.url(other).endswith(".jpg")
    revision = held.revision
    held.release()  # once only: no binding re-evaluates for nothing
    assert held.revision == revision
    service.shutdown()


def test_a_prefetch_asked_for_while_held_builds_once_released(
    tmp_path: Path, content: ContentSet, qtbot: QtBot
) -> None:
    """The whole site's renditions are asked for 500 ms after the window is made; on a
    slow machine that can come before the first frame, and they must still be built."""
    service = make_service(tmp_path / "cache", (1920, 1080))
    held = ImageStore(service, held=True)
    held.set_content(content)
    key = image_key(content.exhibits[0].cover, THUMB)
    held.prefetch_gradually([key])
    for _ in range(3):
        QCoreApplication.processEvents()  # its slices run: each finds the store held
    assert held.pending == 0 and not list((tmp_path / "cache").rglob("*-thumb-*"))
    held.release()  # nothing else asks for the key: the prefetch must build it
    qtbot.waitUntil(lambda: bool(list((tmp_path / "cache").rglob("*-thumb-*"))))
    qtbot.waitUntil(lambda: held.pending == 0)
    assert held.url(key) != ""
    service.shutdown()


def test_unknown_images_and_kinds_have_no_url_and_build_nothing(
    store: ImageStore, content: ContentSet
) -> None:
    store.set_content(content)
    cover = content.exhibits[0].cover
    for key in ("0" * 64 + ":thumb", f"{cover.sha256}:poster", cover.sha256, ""):
        assert store.url(key) == ""
    assert store.pending == 0
    assert image_key(cover, SCREEN) != image_key(cover, THUMB)


def test_a_rendition_that_could_not_be_written_is_retried_after_a_wait(
    tmp_path: Path, content: ContentSet, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk is not a bad image: once space is back the image appears."""
    clock = FakeClock()
    service = make_service(tmp_path / "cache", (1920, 1080))
    store = ImageStore(service, retry=Backoff(first_s=5, clock=clock))
    store.set_content(content)
    key = image_key(content.exhibits[0].cover, THUMB)
    real_write = cache_module.write_atomically

    def full_disk(final: Path, data: bytes, source: Path) -> None:
        raise CacheWriteError(source, f"cannot write rendition {final}: No space left on device")

    monkeypatch.setattr(cache_module, "write_atomically", full_disk)
    assert store.url(key) == ""
    qtbot.waitUntil(lambda: store.pending == 0)
    assert store.failures == {}  # not marked as a bad image
    assert store.url(key) == "" and store.pending == 0  # waiting: no build on every frame

    monkeypatch.setattr(cache_module, "write_atomically", real_write)  # space is back
    clock.advance(5)
    revision = store.revision
    store.retry_due()  # what the wake-up timer calls
    assert store.revision == revision + 1  # QML asks for its images again
    assert store.url(key) == ""
    qtbot.waitUntil(lambda: store.pending == 0)
    assert store.url(key).startswith("file://")
    service.shutdown()


def test_a_bad_image_is_not_retried(
    tmp_path: Path, content: ContentSet, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock()
    service = make_service(tmp_path / "cache", (1920, 1080))
    store = ImageStore(service, retry=Backoff(first_s=5, clock=clock))
    store.set_content(content)
    cover = content.exhibits[0].cover
    key = image_key(cover, THUMB)

    def bad(*args: object, **kwargs: object) -> None:
        raise BadImageError(cover.path, "image file is truncated")

    monkeypatch.setattr(cache_module, "write_atomically", bad)
    store.url(key)
    qtbot.waitUntil(lambda: store.pending == 0)
    assert key in store.failures
    clock.advance(3600)
    store.retry_due()
    assert store.url(key) == "" and store.pending == 0
    service.shutdown()


def test_renditions_on_a_real_full_disk_appear_once_space_is_back(
    tmp_path: Path, content: ContentSet, qtbot: QtBot
) -> None:
    clock = FakeClock()
    with tiny_disk(tmp_path / "disk", size_kb=400) as disk:
        service = make_service(disk / "cache", (1920, 1080))
        store = ImageStore(service, retry=Backoff(first_s=5, clock=clock))
        store.set_content(content)
        key = image_key(content.exhibits[0].cover, SCREEN)
        filler = fill(disk)
        store.url(key)
        qtbot.waitUntil(lambda: store.pending == 0)
        assert store.url(key) == "" and store.failures == {}
        assert sorted(p.name for p in disk.rglob("*") if p.is_file()) == ["filler.bin"]
        free(filler)
        clock.advance(5)
        store.retry_due()
        store.url(key)
        qtbot.waitUntil(lambda: store.pending == 0)
        assert store.url(key).startswith("file://")


def test_a_kept_set_draws_an_image_whose_original_is_gone(tmp_path: Path, qtbot: QtBot) -> None:
    """The last accepted set outlives a broken folder: its images come from the
    renditions, cached by the originals' content hash, not from the originals."""
    from kiosk.content.loader import load_content
    from kiosk.runtime.reload import ImmediateExecutor, ReloadController

    site = make_site(tmp_path / "site")
    cache, keep = tmp_path / "cache", tmp_path / "cache" / "parsed"
    first = ReloadController(site, load_content, executor=ImmediateExecutor(), keep_in=keep)
    first.load_initial()
    first.start_watching()  # the load after the first frame keeps the set
    assert first.current is not None
    cover = first.current.exhibits[0].cover
    service = make_service(cache, (1920, 1080))
    built = ImageStore(service)
    built.set_content(first.current)
    for key in (image_key(cover, THUMB), image_key(cover, SCREEN)):
        built.url(key)  # asked for, as the screens do: built in the background
    qtbot.waitUntil(lambda: built.pending == 0, timeout=30_000)
    assert not built.failures
    service.shutdown()

    (site / "alpha" / "images" / "cover.jpg").unlink()
    again = ReloadController(site, load_content, executor=ImmediateExecutor(), keep_in=keep)
    assert again.load_initial().content is None  # the folder names the missing file
    assert again.current is not None and again.current.version == first.current.version
    service = make_service(cache, (1920, 1080))
    try:
        store = ImageStore(service)
        store.set_content(again.current)
        for kind in (THUMB, SCREEN):
            url = store.url(image_key(cover, kind))
            assert url.startswith("file://"), kind
            assert Path(url.removeprefix("file://")).stat().st_size > 0
        assert store.pending == 0 and not store.failures
    finally:
        service.shutdown()

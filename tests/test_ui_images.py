"""ImageStore: rendition URLs by key, for the images of the content shown."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.content.model import ContentSet
from kiosk.ui.images import ImageStore
from kiosk.ui.present import SCREEN, THUMB, image_key
from kiosk.ui.session import make_service
from tests.factories import make_site
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


def test_unknown_images_and_kinds_have_no_url_and_build_nothing(
    store: ImageStore, content: ContentSet
) -> None:
    store.set_content(content)
    cover = content.exhibits[0].cover
    for key in ("0" * 64 + ":thumb", f"{cover.sha256}:poster", cover.sha256, ""):
        assert store.url(key) == ""
    assert store.pending == 0
    assert image_key(cover, SCREEN) != image_key(cover, THUMB)


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
    built.prefetch([image_key(cover, THUMB), image_key(cover, SCREEN)])  # as the kiosk does
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

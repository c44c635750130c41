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

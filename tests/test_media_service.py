"""The background rendition service the UI uses."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from PIL import Image
from test_media_support import make_ref

from kiosk.content.model import ImageRef
from kiosk.media import BadImageError, RenditionCache, RenditionError, RenditionService

TIMEOUT_S = 10


class Recorder:
    def __init__(self) -> None:
        self.ready: list[Path] = []
        self.errors: list[Exception] = []
        self.threads: list[str] = []
        self.done = threading.Event()

    def on_ready(self, path: Path) -> None:
        self.threads.append(threading.current_thread().name)
        self.ready.append(path)
        self.done.set()

    def on_error(self, error: Exception) -> None:
        self.threads.append(threading.current_thread().name)
        self.errors.append(error)
        self.done.set()


@pytest.fixture
def ref(tmp_path: Path) -> ImageRef:
    path = tmp_path / "photo.png"
    Image.new("RGB", (300, 200), (200, 100, 0)).save(path)
    return make_ref(path)


@pytest.fixture
def cache(tmp_path: Path) -> RenditionCache:
    return RenditionCache(tmp_path / "cache", {"screen": (200, 200), "thumb": (60, 60)})


@pytest.fixture
def service(cache: RenditionCache) -> Iterator[RenditionService]:
    service = RenditionService(cache, workers=2)
    yield service
    service.shutdown()


def test_missing_rendition_is_built_and_called_back_from_a_worker(
    ref: ImageRef, cache: RenditionCache, service: RenditionService
) -> None:
    recorder = Recorder()

    assert service.request(ref, "screen", recorder.on_ready, recorder.on_error) is None
    assert recorder.done.wait(TIMEOUT_S)

    assert recorder.ready == [cache.cached_path(ref, "screen")]
    assert recorder.errors == []
    assert recorder.threads[0] != threading.current_thread().name
    assert recorder.threads[0].startswith("rendition")
    assert cache.cached_path(ref, "thumb") is None  # only what was asked for


def test_cached_rendition_is_returned_at_once_without_callbacks(
    ref: ImageRef, cache: RenditionCache, service: RenditionService
) -> None:
    expected = cache.build(ref, ["thumb"])["thumb"]
    recorder = Recorder()

    assert service.request(ref, "thumb", recorder.on_ready, recorder.on_error) == expected
    service.shutdown()
    assert recorder.ready == recorder.errors == []


def test_concurrent_requests_share_one_build(
    ref: ImageRef, cache: RenditionCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    builds: list[list[str]] = []
    real_build = RenditionCache.build

    def slow_build(
        self: RenditionCache, source: ImageRef, kinds: Iterable[str] | None = None
    ) -> dict[str, Path]:
        builds.append(list(kinds or []))
        assert release.wait(TIMEOUT_S)
        return real_build(self, source, kinds)

    monkeypatch.setattr(RenditionCache, "build", slow_build)
    service = RenditionService(cache, workers=2)
    recorders = [Recorder() for _ in range(3)]
    try:
        for recorder in recorders:
            assert service.request(ref, "screen", recorder.on_ready, recorder.on_error) is None
        assert service.pending() == 1
        release.set()
        for recorder in recorders:
            assert recorder.done.wait(TIMEOUT_S)
    finally:
        release.set()
        service.shutdown()

    assert builds == [["screen"]]
    path = cache.cached_path(ref, "screen")
    assert [r.ready for r in recorders] == [[path]] * 3
    assert service.pending() == 0


def test_bad_image_calls_on_error(tmp_path: Path, service: RenditionService) -> None:
    path = tmp_path / "broken.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    recorder = Recorder()

    service.request(make_ref(path), "thumb", recorder.on_ready, recorder.on_error)

    assert recorder.done.wait(TIMEOUT_S)
    [error] = recorder.errors
    assert isinstance(error, BadImageError)
    assert "broken.jpg" in str(error)
    assert recorder.ready == []


def test_a_failing_callback_does_not_stop_the_service(
    ref: ImageRef, tmp_path: Path, service: RenditionService, caplog: pytest.LogCaptureFixture
) -> None:
    def explode(path: Path) -> None:
        raise RuntimeError("the UI went away")

    service.request(ref, "thumb", explode, lambda error: None)
    other = tmp_path / "other.png"
    Image.new("RGB", (90, 90), (1, 1, 1)).save(other)
    recorder = Recorder()
    service.request(make_ref(other), "thumb", recorder.on_ready, recorder.on_error)

    assert recorder.done.wait(TIMEOUT_S)
    service.shutdown()
    assert recorder.ready
    assert "rendition callback" in caplog.text


def test_unknown_kind_and_requests_after_shutdown_are_refused(
    ref: ImageRef, service: RenditionService
) -> None:
    recorder = Recorder()
    with pytest.raises(ValueError, match="unknown rendition kind 'poster'"):
        service.request(ref, "poster", recorder.on_ready, recorder.on_error)
    service.shutdown()
    with pytest.raises(RuntimeError, match="shut down"):
        service.request(ref, "screen", recorder.on_ready, recorder.on_error)


def test_errors_reported_are_rendition_errors(
    tmp_path: Path, service: RenditionService, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "fine.png"
    Image.new("RGB", (10, 10)).save(path)
    ref = make_ref(path)

    def boom(self: RenditionCache, source: ImageRef, kinds: object = None) -> None:
        raise KeyError("bug")

    monkeypatch.setattr(RenditionCache, "build", boom)
    recorder = Recorder()
    service.request(ref, "screen", recorder.on_ready, recorder.on_error)

    assert recorder.done.wait(TIMEOUT_S)
    [error] = recorder.errors
    assert isinstance(error, RenditionError)
    assert "unexpected failure" in str(error)

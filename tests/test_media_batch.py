"""Building many renditions: in parallel, and past bad images."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image
from test_media_support import make_ref, save_noise_jpeg

from kiosk.content.model import ImageRef
from kiosk.media import BadImageError, RenditionCache, RenditionError, build_all


@pytest.fixture
def refs(tmp_path: Path) -> list[ImageRef]:
    folder = tmp_path / "originals"
    folder.mkdir()
    good = [save_noise_jpeg(folder / f"good{i}.jpg", size=(300 + 20 * i, 200)) for i in range(3)]
    whole = save_noise_jpeg(folder / "whole.jpg")
    bad = folder / "bad.jpg"
    bad.write_bytes(whole.read_bytes()[:2000])
    return [make_ref(good[0]), make_ref(bad), make_ref(good[1]), make_ref(good[2])]


@pytest.mark.parametrize("processes", [True, False], ids=["processes", "threads"])
def test_one_bad_image_is_reported_and_the_rest_go_on(
    refs: list[ImageRef], tmp_path: Path, processes: bool
) -> None:
    cache = RenditionCache(tmp_path / "cache", {"screen": (200, 200), "thumb": (50, 50)})
    calls: list[tuple[int, int, str, RenditionError | None]] = []

    summary = build_all(
        refs,
        None,
        cache,
        workers=2,
        progress=lambda done, total, ref, error: calls.append((done, total, ref.rel, error)),
        processes=processes,
    )

    assert (summary.total, summary.built, summary.cached) == (4, 3, 0)
    assert not summary.ok
    [(bad_ref, error)] = summary.failed
    assert bad_ref.rel == "bad.jpg"
    assert isinstance(error, BadImageError)
    assert str(error).startswith(f"{refs[1].path}: ")
    assert [c[:2] for c in calls] == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert sorted(c[2] for c in calls) == sorted(r.rel for r in refs)
    assert [c[2] for c in calls if c[3] is not None] == ["bad.jpg"]
    for ref in refs:
        expected = [] if ref.rel == "bad.jpg" else ["screen", "thumb"]
        assert [k for k in cache.kinds if cache.cached_path(ref, k)] == expected
    assert summary.seconds > 0


def test_same_file_twice_is_built_once(refs: list[ImageRef], tmp_path: Path) -> None:
    copy = tmp_path / "originals" / "copy.jpg"
    shutil.copyfile(refs[0].path, copy)
    cache = RenditionCache(tmp_path / "cache", {"thumb": (50, 50)})

    summary = build_all([refs[0], make_ref(copy)], ["thumb"], cache, workers=1)

    assert (summary.total, summary.built, summary.failed) == (1, 1, ())


def test_unexpected_exception_is_still_only_one_image(
    refs: list[ImageRef], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kiosk.media.batch

    real = kiosk.media.batch._build_one

    def flaky(cache: RenditionCache, source: ImageRef, kinds: list[str]) -> None:
        if source.path.name == "good1.jpg":
            raise ZeroDivisionError("a bug")
        real(cache, source, kinds)

    monkeypatch.setattr(kiosk.media.batch, "_build_one", flaky)
    cache = RenditionCache(tmp_path / "cache", {"thumb": (50, 50)})
    good = [r for r in refs if r.rel != "bad.jpg"]

    summary = build_all(good, None, cache, workers=1)

    assert summary.built == 2
    [(ref, error)] = summary.failed
    assert ref.rel == "good1.jpg"
    assert "unexpected failure: ZeroDivisionError('a bug')" in str(error)


def test_nothing_to_do_is_fine(tmp_path: Path) -> None:
    summary = build_all([], None, RenditionCache(tmp_path / "cache"))
    assert (summary.total, summary.built, summary.cached, summary.failed) == (0, 0, 0, ())


def test_kinds_are_a_subset(refs: list[ImageRef], tmp_path: Path) -> None:
    cache = RenditionCache(tmp_path / "cache", {"screen": (200, 200), "thumb": (50, 50)})
    summary = build_all(refs[:1], ["thumb"], cache, workers=1)
    assert summary.built == 1
    assert cache.missing(refs[0]) == ["screen"]
    with Image.open(cache.cached_path(refs[0], "thumb")) as thumb:
        assert max(thumb.size) == 50

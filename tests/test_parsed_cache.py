"""The parsed-content cache: reused while the folder is unchanged, never stale."""

from __future__ import annotations

import dataclasses
import gc
import os
import types
import typing
import weakref
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from kiosk.content import model, parsed_cache
from kiosk.content.imagerecord import ImageChecks, ImageRecord
from kiosk.content.model import ContentSet, LoadResult
from kiosk.content.parsed_cache import (
    fingerprint,
    load_cached,
    model_classes,
    model_shape,
    unchecked_images,
)
from tests.factories import make_site, tmap, truncated_jpeg, valid_exhibit


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


def test_a_damaged_cache_entry_means_a_full_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_site(tmp_path / "site")
    first = load_cached(root, tmp_path / "cache").content
    assert first is not None
    (entry,) = (tmp_path / "cache").glob("content-*.pickle")
    entry.write_bytes(b"not a pickle")
    again = load_cached(root, tmp_path / "cache").content
    assert again == first  # loaded afresh, the same content
    assert again is not None and again.exhibits[0].title.get("en") == first.exhibits[0].title.get(
        "en"
    )
    # and written again whole: the next start is answered from the cache, equal still
    monkeypatch.setattr(parsed_cache, "load_content", _no_loading)
    assert load_cached(root, tmp_path / "cache").content == first


def _shape(inner_fields: list[tuple[str, type]]) -> str:
    """The shape of a model module holding Inner, Middle and Outer (same class names)."""
    module = types.ModuleType("kiosk_test_model")
    here = {"__module__": module.__name__}
    inner = dataclasses.make_dataclass("Inner", inner_fields, frozen=True, namespace=here)
    inners = types.GenericAlias(tuple, (inner, ...))  # tuple[Inner, ...]
    middle = dataclasses.make_dataclass("Middle", [("inners", inners)], frozen=True, namespace=here)
    outer = dataclasses.make_dataclass(
        "Outer", [("middle", middle | None)], frozen=True, namespace=here
    )
    module.Inner, module.Middle, module.Outer = inner, middle, outer  # type: ignore[attr-defined]
    module.Path = Path  # type: ignore[attr-defined]  # a class from elsewhere: not counted
    return model_shape(module)


def _held(root: type) -> set[type]:
    """Every dataclass a pickled ``root`` can hold, through its fields' types."""
    held: set[type] = set()
    todo = [root]
    while todo:
        cls = todo.pop()
        if cls in held or not dataclasses.is_dataclass(cls):
            continue
        held.add(cls)
        for hint in typing.get_type_hints(cls).values():
            todo.extend(_classes_in(hint))
    return held


def _classes_in(hint: object) -> list[type]:
    found = [hint] if isinstance(hint, type) else []
    for arg in typing.get_args(hint):
        found += _classes_in(arg)
    return found


def test_the_cache_format_follows_the_models_shape(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No hand bump to forget: a field added, renamed or retyped two levels down
    (through a tuple and an optional) changes the format, hence every fingerprint."""
    same = _shape([("x", int)])
    assert _shape([("x", int)]) == same
    assert _shape([("x", int), ("y", int)]) != same
    assert _shape([("z", int)]) != same
    assert _shape([("x", str)]) != same
    # the real model: every class a content set can hold is in the shape
    shaped = set(model_classes(model))
    held = {f"{cls.__module__}.{cls.__qualname__}" for cls in _held(ContentSet)}
    assert {"ContentSet", "Site", "Exhibit", "ImageRef", "Section", "Text", "Problem"} <= {
        name.rsplit(".", 1)[1] for name in held
    }
    assert held <= shaped
    assert parsed_cache.FORMAT.endswith("." + model_shape(model))
    root = make_site(tmp_path / "site")
    before = fingerprint(root)
    monkeypatch.setattr(parsed_cache, "FORMAT", "8.000000000000")
    assert fingerprint(root) != before


def test_only_the_newest_entry_is_kept(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site", {"alpha": valid_exhibit(title=tmap("One"))})
    load_cached(root, tmp_path / "cache")
    exhibit = root / "alpha" / "exhibit.yaml"
    exhibit.write_text(exhibit.read_text(encoding="utf-8").replace("One", "Two"), "utf-8")
    load_cached(root, tmp_path / "cache")
    assert len(list((tmp_path / "cache").glob("content-*.pickle"))) == 1


# Image decoding left to the load after the start ----------------------------------


@pytest.fixture
def checked() -> ImageRecord:
    """A record of checked images of this test's own, as at a first start."""
    return ImageRecord()


def test_a_start_load_checks_images_by_header_and_the_next_load_decodes_them(
    tmp_path: Path, checked: ImageRecord, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_site(tmp_path / "site")
    start, later = ImageChecks(checked, decode_now=False), ImageChecks(checked)
    first = load_cached(root, tmp_path / "cache", start)
    assert first.content is not None
    assert sorted(ref.rel for _, ref in unchecked_images(first.content, later)) == [
        "images/cover.jpg",
        "images/photo.png",
    ]
    assert checked.get(first.content.exhibits[0].cover.sha256, ".jpg") is None

    monkeypatch.setattr(parsed_cache, "load_content", _no_loading)
    again = load_cached(root, tmp_path / "cache", later)  # decodes the images, parses nothing
    assert again.content == first.content
    assert unchecked_images(again.content, later) == []
    assert checked.get(first.content.exhibits[0].cover.sha256, ".jpg") is not None


def test_a_truncated_jpeg_passes_the_start_and_is_reported_by_the_next_load(
    tmp_path: Path, checked: ImageRecord
) -> None:
    root = make_site(tmp_path / "site")
    (root / "alpha" / "images" / "cover.jpg").write_bytes(truncated_jpeg())
    start = load_cached(root, tmp_path / "cache", ImageChecks(checked, decode_now=False))
    assert start.content is not None  # the first frame shows, the cover as a placeholder

    after = load_cached(root, tmp_path / "cache", ImageChecks(checked))
    assert after.content is None
    (error,) = [e for e in after.errors if "cover.jpg" in e.message]
    assert error.path == root / "alpha" / "exhibit.yaml" and error.line > 0
    assert "does not open: image file is truncated" in error.message
    assert checked.get(start.content.exhibits[0].cover.sha256, ".jpg") is None


def test_a_load_on_another_thread_still_decodes_while_the_start_does_not(
    tmp_path: Path, checked: ImageRecord
) -> None:
    root = make_site(tmp_path / "site")
    (root / "alpha" / "images" / "cover.jpg").write_bytes(truncated_jpeg())
    with ThreadPoolExecutor(1) as worker:
        later = worker.submit(load_cached, root, None, ImageChecks(checked))
        start = load_cached(root, None, ImageChecks(checked, decode_now=False))
        result = later.result()
    assert start.content is not None
    assert result.content is None
    assert any("truncated" in e.message for e in result.errors)


def test_a_permission_change_is_a_change(tmp_path: Path) -> None:
    """The mode is in the fingerprint: a file made unreadable is loaded (and reported)
    again, not answered from the cache."""
    root = make_site(tmp_path / "site")
    before = fingerprint(root)
    (root / "alpha" / "images" / "cover.jpg").chmod(0o200)
    assert fingerprint(root) != before


def test_cached_image_paths_stay_text_until_something_asks(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site")
    checker = ImageChecks()  # one record, as in the kiosk: the hit decodes nothing
    loaded = load_cached(root, tmp_path / "cache", checker).content
    assert loaded is not None
    _ = loaded.exhibits[0].cover.path  # made while loading, as by any user
    hit = load_cached(root, tmp_path / "cache", checker).content
    assert hit is not None and hit == loaded
    cover = hit.exhibits[0].cover
    assert "path" not in vars(cover)  # the pickle carried the text only
    assert cover.path == root.resolve() / "alpha" / "images" / "cover.jpg"
    assert cover.path.is_file()


def test_a_file_name_that_is_not_utf8_does_not_break_the_cache(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site")
    odd = os.fsdecode(b"scan-\xff.txt")  # as a camera or an old Windows share may name it
    (root / "alpha" / odd).write_bytes(b"leftover")
    first = load_cached(root, tmp_path / "cache")
    assert first.content is not None, [str(e) for e in first.errors]
    assert fingerprint(root) == fingerprint(root)
    assert load_cached(root, tmp_path / "cache").content == first.content


def test_an_unchanged_folder_gives_back_the_set_already_read_not_a_second_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The load after the first frame finds the start's set: the same objects, not a
    copy unpickled beside them (memory the Python heap kept after the copy went)."""
    root = make_site(tmp_path / "site")
    assert load_cached(root, tmp_path / "cache").content is not None  # writes the entry
    shown = load_cached(root, tmp_path / "cache").content  # the start: read from the entry
    assert shown is not None
    monkeypatch.setattr(parsed_cache, "load_content", _no_loading)
    assert load_cached(root, tmp_path / "cache").content is shown
    # an entry written again (another kiosk, a repair) is read again
    (entry,) = (tmp_path / "cache").glob("content-*.pickle")
    data = entry.read_bytes()
    entry.unlink()
    entry.write_bytes(data)
    again = load_cached(root, tmp_path / "cache").content
    assert again == shown and again is not shown
    # a set nothing holds any more is not kept alive for the next load
    ref = weakref.ref(again)
    del shown, again
    gc.collect()
    assert ref() is None
    assert load_cached(root, tmp_path / "cache").content is not None

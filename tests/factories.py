"""Builders for content folders: a tiny valid site, then one override at a time.

Tests start from ``valid_exhibit()`` / ``valid_site()`` (plain dicts, Picard's
``_valid_manifest(**overrides)`` pattern), change one thing, write the folder with
``make_site`` and look the expected line up with ``line_of`` in the written text, so
each test states the exact message and position it expects.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import yaml
from PIL import Image

from kiosk.content.site_schema import STRING_KEYS

LANGUAGES = ("uz", "az", "ru", "en")
MISSING: Any = object()  # an override value that removes the key


def tmap(text: str, languages: tuple[str, ...] = LANGUAGES) -> dict[str, str]:
    """A text map with a distinct string per language."""
    return {code: f"{text} [{code}]" for code in languages}


def _apply(data: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    for key, value in overrides.items():
        if value is MISSING:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def valid_site(**overrides: Any) -> dict[str, Any]:
    names = {"uz": "Oʻzbekcha", "az": "Azərbaycanca", "ru": "Русский", "en": "English"}
    data: dict[str, Any] = {
        "title": tmap("Friendship Museum"),
        "subtitle": tmap("Tashkent"),
        "languages": [{"code": code, "name": names[code]} for code in LANGUAGES],
        "default_language": "uz",
        "idle": {"still_there_after": "90", "countdown": "15", "attract_slide": "8"},
        "theme": {"background": "#F7F3EA", "accent": "#0099B5"},
        "strings": {key: tmap(key) for key in STRING_KEYS},
    }
    return _apply(data, overrides)


def image_item(file: str = "images/photo.png", *, caption: bool = True) -> dict[str, Any]:
    item: dict[str, Any] = {"file": file, "alt": tmap("A photo"), "credit": tmap("Museum")}
    if caption:
        item["caption"] = tmap("Caption")
    return item


def valid_exhibit(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": "alpha",
        "order": "10",
        "title": tmap("Alpha"),
        "subtitle": tmap("The first exhibit"),
        "summary": tmap("A summary.\n\n- one\n- two\n"),
        "cover": image_item("images/cover.jpg", caption=False),
        "sections": [
            {"heading": tmap("Heading"), "body": tmap("Body text."), "image": image_item()},
        ],
        "facts": [{"label": tmap("Founded"), "value": tmap("1995")}],
        "gallery": [image_item()],
        "timeline": [
            {
                "date": "1995-10-02",
                "label": tmap("2 October 1995"),
                "title": tmap("Opened"),
                "text": tmap("The museum opened."),
            }
        ],
    }
    return _apply(data, overrides)


_valid_exhibit = valid_exhibit  # the name the test guide uses


def to_yaml(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)


def jpeg_bytes(size: tuple[int, int] = (32, 24), colour: str = "teal") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def noise_jpeg() -> bytes:
    """A JPEG of random noise: bytes no other test has (and real entropy to cut)."""
    buffer = io.BytesIO()
    Image.effect_noise((800, 600), 60).convert("RGB").save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def truncated_jpeg() -> bytes:
    """A JPEG whose header is whole and whose pixel data stops halfway."""
    data = noise_jpeg()
    return data[: len(data) // 2]


def png_bytes(size: tuple[int, int] = (24, 16), colour: str = "orange") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def write_images(folder: Path) -> None:
    (folder / "images").mkdir(parents=True, exist_ok=True)
    (folder / "images" / "cover.jpg").write_bytes(jpeg_bytes())
    (folder / "images" / "photo.png").write_bytes(png_bytes())


def make_site(
    root: Path,
    exhibits: dict[str, dict[str, Any] | str | bytes] | None = None,
    site: dict[str, Any] | str | bytes | None = None,
) -> Path:
    """Write ``kiosk.yaml`` and one folder per exhibit (with its images) under ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    _write(root / "kiosk.yaml", valid_site() if site is None else site)
    for slug, content in (exhibits if exhibits is not None else {"alpha": valid_exhibit()}).items():
        folder = root / slug
        folder.mkdir(exist_ok=True)
        write_images(folder)
        _write(folder / "exhibit.yaml", content)
    return root


def many_exhibits(root: Path, count: int, last: dict[str, str]) -> Path:
    """A site of ``count`` small exhibits (``ex01``, ``ex02``...) in that order, the last
    one's title in some languages replaced by ``last`` (a title too long for a tile)."""
    exhibits: dict[str, dict[str, Any] | str | bytes] = {}
    for number in range(1, count + 1):
        title = tmap(f"Exhibit {number}")
        if number == count:
            title.update(last)
        exhibit_id = f"ex{number:02d}"
        exhibits[exhibit_id] = valid_exhibit(id=exhibit_id, order=str(number * 10), title=title)
    return make_site(root, exhibits)


def _write(path: Path, content: dict[str, Any] | str | bytes) -> None:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        text = content if isinstance(content, str) else to_yaml(content)
        path.write_text(text, encoding="utf-8")


def exhibit_text(root: Path, slug: str = "alpha") -> str:
    return (root / slug / "exhibit.yaml").read_text(encoding="utf-8")


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """The 1-based line of the ``nth`` line containing ``needle``."""
    hits = [number for number, line in enumerate(text.splitlines(), 1) if needle in line]
    assert len(hits) >= nth, f"{needle!r} occurs {len(hits)} times"
    return hits[nth - 1]

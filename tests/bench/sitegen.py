"""Generated content folders for the bench: camera-size photos, and a 1,000-exhibit site.

Everything is written under a temporary folder by the bench and never committed.
Images are distinct (the rendition cache is keyed by content hash, so identical
files would be built once and flatter the numbers).
"""

from __future__ import annotations

import io
import random
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

from tests.factories import image_item, make_site, tmap, to_yaml, valid_exhibit, valid_site

CAMERA = (6000, 4000)


def camera_jpeg(index: int, size: tuple[int, int] = CAMERA) -> bytes:
    """A 24 MP JPEG with photo-like entropy (gradient, shapes, sensor noise), ~5-10 MB."""
    rng = random.Random(index)
    small = (size[0] // 8, size[1] // 8)
    base = Image.new("RGB", small, (rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    draw = ImageDraw.Draw(base)
    for _ in range(60):
        x, y = rng.randrange(small[0]), rng.randrange(small[1])
        r = rng.randrange(10, small[0] // 4)
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
    photo = base.resize(size, Image.Resampling.BILINEAR)
    noise = Image.effect_noise(size, 24).convert("RGB")
    photo = Image.blend(photo, noise, 0.12)
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=92)
    return buffer.getvalue()


def small_jpeg(index: int, size: tuple[int, int] = (96, 64)) -> bytes:
    rng = random.Random(index)
    image = Image.new("RGB", size, (rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    ImageDraw.Draw(image).rectangle((8, 8, 40, 40), fill=(index % 256, (index // 256) % 256, 90))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def camera_site(root: Path, photos: int, exhibits: int = 2) -> Path:
    """A valid site whose gallery images are ``photos`` camera-size JPEGs."""
    make_site(root, {}, valid_site())
    per = -(-photos // exhibits)
    written = 0
    for n in range(exhibits):
        count = min(per, photos - written)
        if count <= 0:
            break
        slug = f"camera-{n:02d}"
        folder = root / slug / "images"
        folder.mkdir(parents=True)
        files = []
        for i in range(count):
            name = f"DSC{written + i:05d}.jpg"
            (folder / name).write_bytes(camera_jpeg(written + i))
            files.append(f"images/{name}")
        written += count
        _write_exhibit(root / slug, slug, n, files, with_timeline=False)
    return root


def scale_site(root: Path, exhibits: int = 1000, images_each: int = 10) -> Path:
    """``exhibits`` exhibits, each with ``images_each`` distinct small images."""
    make_site(root, {}, valid_site())
    counter = 0
    for n in range(exhibits):
        slug = f"exhibit-{n:04d}"
        folder = root / slug / "images"
        folder.mkdir(parents=True)
        files = []
        for i in range(images_each):
            name = f"img{i:02d}.jpg"
            (folder / name).write_bytes(small_jpeg(counter))
            counter += 1
            files.append(f"images/{name}")
        _write_exhibit(root / slug, slug, n, files, with_timeline=True)
    return root


def _write_exhibit(folder: Path, slug: str, n: int, files: list[str], with_timeline: bool) -> None:
    """cover = files[0], one section image = files[1], the gallery = the rest (or all)."""
    gallery = files[2:] if len(files) > 2 else files
    overrides: dict[str, Any] = {
        "id": slug,
        "order": str(n + 1),
        "title": tmap(f"Exhibit {n}"),
        "cover": image_item(files[0], caption=False),
        "sections": [
            {
                "heading": tmap("Heading"),
                "body": tmap("Body text."),
                "image": image_item(files[1 % len(files)]),
            }
        ],
        "gallery": [image_item(f) for f in gallery],
    }
    data = valid_exhibit(**overrides)
    if with_timeline:
        day = 1 + n % 28
        month = 1 + (n // 28) % 12
        data["timeline"][0]["date"] = f"{1990 + n // 336}-{month:02d}-{day:02d}"
    else:
        data.pop("timeline", None)
    (folder / "exhibit.yaml").write_text(to_yaml(data), encoding="utf-8")

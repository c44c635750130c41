"""What a load of the content costs wherever it runs: in the first start's child
process (``kiosk.runtime.prefetch``: its CPU slows the kiosk's own start on the other
core), in a running kiosk's reload and in ``kiosk validate``.

Each case loads in a fresh interpreter, as the child does: what a case forbids could
otherwise have been imported or made by an earlier test.
"""

from __future__ import annotations

import fnmatch
import itertools
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from kiosk.content.tree import IGNORED_PATTERNS, RELEASE_FILE, is_ignored
from tests.process import REPO

PROBE = r"""
import fnmatch, sys
from pathlib import Path
from kiosk.content.imagerecord import ImageChecks, ImageRecord
from kiosk.content.parsed_cache import load_cached
from kiosk.content.records import Record

translated = []  # every shell pattern made into a regular expression
_translate = fnmatch.translate
fnmatch.translate = lambda pattern: translated.append(pattern) or _translate(pattern)

# as the first start's child: images checked by header only, against a record of
# earlier checks that a first start does not have yet, and the set written to the
# parsed-content cache
record = ImageRecord(Path(sys.argv[2]) / "no-record-yet.json")
checks = ImageChecks(record, decode_now=False)
loaded = load_cached(Path(sys.argv[1]), Path(sys.argv[3]), checks)
modules = sorted(sys.modules)  # before the probe's own json
classes = [
    value
    for name, module in list(sys.modules.items())
    if name.startswith("kiosk.content.")
    for value in vars(module).values()
    if isinstance(value, type) and value.__module__ == name
]
import json

print(json.dumps({
    "ok": loaded.ok,
    "errors": [p.message for p in loaded.errors],
    "exhibits": len(loaded.content.exhibits) if loaded.content else 0,
    "modules": modules,
    "cached": [p.name for p in Path(sys.argv[3]).iterdir()],
    "translated": translated,
    "dataclasses": sorted(
        f"{c.__module__}.{c.__qualname__}"
        for c in classes
        if "__dataclass_fields__" in vars(c) and not issubclass(c, Record)
    ),
}))
"""


def _load(root: Path, cache: Path, parsed: str) -> dict[str, Any]:
    """A first start's load of ``root`` in a fresh interpreter whose per-user cache is
    ``cache``, with the parsed-content cache in ``cache / parsed`` (new: no entry)."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(root), str(cache), str(cache / parsed)],
        capture_output=True,
        text=True,
        timeout=300,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": str(cache)},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return seen


@pytest.fixture(scope="module")
def load(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The bundled exhibits' load, on a machine that has loaded once before (the fonts'
    character map is cached), with no record of image checks (a first start's)."""
    cache = tmp_path_factory.mktemp("cache")
    _load(REPO / "exhibits", cache, "parsed-1")  # reads the fonts' map, and keeps it
    seen = _load(REPO / "exhibits", cache, "parsed-2")
    assert seen["ok"] and seen["exhibits"] == 5  # the probe saw a whole load
    return seen


def test_the_load_defines_no_dataclass_but_records(load: dict[str, Any]) -> None:
    """A frozen dataclass writes and compiles six methods when its module is imported
    (about a millisecond a class here); a record (``kiosk.content.records``) compiles
    one, and only once an instance is made. The parse tree's nodes are plain classes:
    a load makes thousands."""
    assert load["dataclasses"] == []


def test_a_load_with_nothing_kept_in_json_imports_no_json(load: dict[str, Any]) -> None:
    """The fonts' character map is kept as text; the record of image checks is JSON
    but a first start has none. ``json`` was 4 ms of the first start's child."""
    assert "kiosk.content.glyphs" in load["modules"]  # the characters were checked
    assert "json" not in load["modules"]


def test_a_webp_image_is_checked_without_every_pillow_plugin(tmp_path: Path) -> None:
    """Pillow, asked for a format it has not registered, imports all its ~45 format
    plugins first (68 ms); the WebP plugin alone is enough."""
    root = tmp_path / "exhibits"
    shutil.copytree(REPO / "exhibits", root)
    cover = root / "history" / "images" / "cover.jpg"
    with Image.open(cover) as image:
        image.save(cover.with_suffix(".webp"), "WEBP")
    exhibit = root / "history" / "exhibit.yaml"
    text = exhibit.read_text(encoding="utf-8")
    assert "images/cover.jpg" in text
    exhibit.write_text(text.replace("images/cover.jpg", "images/cover.webp"), encoding="utf-8")
    seen = _load(root, tmp_path / "cache", "parsed")
    assert seen["ok"], seen["errors"]
    assert "PIL.WebPImagePlugin" in seen["modules"]  # the image was checked
    assert "PIL.SgiImagePlugin" not in seen["modules"]  # one of those it never needs


def test_a_load_makes_no_regular_expression_of_a_shell_pattern(load: dict[str, Any]) -> None:
    """``tree.is_ignored`` tests the watcher's patterns as strings, ``fonts.font_files``
    the fonts' names and the parsed-content cache its entries' names: fnmatch (and
    ``Path.glob`` through it) compiled a regular expression a pattern (1.5 ms, 0.7 ms,
    1 ms)."""
    assert load["translated"] == []
    assert "kiosk.content.fonts" in load["modules"]  # the fonts were looked for
    assert len(load["cached"]) == 1  # and the entry written, the folder swept


def test_the_names_set_aside_are_those_of_the_watchers_patterns() -> None:
    # the string tests say what the patterns say, for names made of their pieces
    pieces = ["", "a", "#", "~", ".", "4913", "swp", "swx", "tmp", "part", ".tmp", "TMP", "\n"]
    names = {"".join(parts) for parts in itertools.product(pieces, repeat=3)} - {""}
    for name in sorted(names):
        by_pattern = any(fnmatch.fnmatchcase(name, pattern) for pattern in IGNORED_PATTERNS)
        expected = name != RELEASE_FILE if name.startswith(".") else by_pattern
        assert is_ignored(name) == expected, name

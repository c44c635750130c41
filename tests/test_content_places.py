"""Every rebuildable cache lives under one per-user folder, found one way."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content import glyphs
from kiosk.content.fonts import font_files
from kiosk.content.places import cache_root
from kiosk.media.cache import default_cache_dir


def test_the_cache_root_follows_an_absolute_xdg_cache_home(tmp_path: Path) -> None:
    assert cache_root({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "friendship-kiosk"


def test_a_relative_xdg_cache_home_is_ignored_as_the_spec_says() -> None:
    assert cache_root({"XDG_CACHE_HOME": "relative/cache"}) == (
        Path.home() / ".cache" / "friendship-kiosk"
    )


def test_renditions_and_character_maps_share_the_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    root = tmp_path / "friendship-kiosk"
    assert default_cache_dir() == root / "renditions"
    assert glyphs.cache_file() == root / "glyphs.txt"


def test_the_bundled_fonts_are_found_upright_only() -> None:
    files = font_files()
    assert files, "fontpkg-noto-sans is a dependency: its fonts must be found"
    assert all(f.name.startswith("NotoSans[") and f.suffix == ".ttf" for f in files)
    assert not any("Italic" in f.name for f in files)
    assert files == sorted(files)

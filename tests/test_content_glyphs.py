"""Characters the bundled fonts cannot draw: warned about with file and line, and the
fonts' character map read once, then from a small cache file."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import exhibit_text, line_of, make_site, tmap, valid_exhibit, valid_site
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

from kiosk.cli import main
from kiosk.content import glyphs
from kiosk.content.loader import load_content

EMOJI = "\U0001f600"  # 😀, in no Noto Sans file


def tiny_font(path: Path, characters: str) -> Path:
    """A real TrueType file whose character map holds exactly ``characters``."""
    names = [".notdef", *(f"g{ord(c):x}" for c in characters)]
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({ord(c): f"g{ord(c):x}" for c in characters})
    pen = TTGlyphPen(None)
    pen.moveTo((0, 0))
    pen.lineTo((0, 500))
    pen.lineTo((500, 0))
    pen.closePath()
    builder.setupGlyf({name: pen.glyph() for name in names})
    builder.setupHorizontalMetrics({name: (600, 0) for name in names})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Tiny", "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    builder.save(str(path))
    return path


def test_an_emoji_in_a_title_is_a_warning_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    title = tmap("Alpha")
    title["en"] = f"Friendship {EMOJI}"
    root = make_site(tmp_path / "exhibits", {"alpha": valid_exhibit(title=title)})
    line = line_of(exhibit_text(root), f"en: Friendship {EMOJI}")
    assert main(["validate", str(root)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"exhibits/alpha/exhibit.yaml:{line}:7: warning: 'title.en' has characters the "
        f"kiosk's fonts cannot draw (they show as empty boxes): '{EMOJI}' (U+1F600)",
        f"1 exhibit, 4 languages: 0 errors, 1 warning (checked {root})",
    ]
    assert main(["validate", "--strict", str(root)]) == 1


def test_language_names_are_checked_and_the_museums_scripts_pass(tmp_path: Path) -> None:
    site = valid_site()
    site["languages"][3]["name"] = "English \u2603\U0001f1ec\U0001f1e7"  # snowman, flag
    # Uzbek oʻ, Azerbaijani ə, Cyrillic, guillemets and dashes are all drawable.
    site["title"] = {"uz": "Oʻzbekiston «doʻstlik» – ə", "az": "Ə", "ru": "Дружба", "en": "E"}
    root = make_site(tmp_path / "exhibits", site=site)
    result = load_content(root)
    assert result.content is not None
    text = (root / "kiosk.yaml").read_text(encoding="utf-8")
    assert [(p.path.name, p.line, p.message) for p in result.warnings] == [
        (
            "kiosk.yaml",
            line_of(text, "name: English"),
            "'languages[4].name' has characters the kiosk's fonts cannot draw (they show as "
            "empty boxes): '\u2603' (U+2603), '\U0001f1ec' (U+1F1EC), '\U0001f1e7' (U+1F1E7)",
        )
    ]


def test_invisible_marks_are_not_reported() -> None:
    text = "Two\nlines,\tzero\u200bwidth, soft\u00adhyphen, heart \u2764\ufe0f"
    pattern = glyphs.undrawable_pattern(glyphs.read_ranges(glyphs.font_files()))
    assert glyphs.undrawable(text, pattern) == ["\u2764"]  # the heart; not U+FE0F


def test_undrawable_lists_each_character_once_in_order() -> None:
    pattern = glyphs.undrawable_pattern([(0x20, 0x7E), (0x430, 0x44F)])
    assert glyphs.undrawable("aбé→é😀a→", pattern) == ["é", "→", "😀"]
    assert glyphs.undrawable("plain ascii", pattern) == []
    many = [chr(0x2600 + i) for i in range(7)]
    assert glyphs.describe(many).endswith("'☄' (U+2604) and 2 more")


def test_to_ranges_joins_runs() -> None:
    assert glyphs.to_ranges([5, 1, 2, 3, 9, 10, 3]) == [(1, 3), (5, 5), (9, 10)]


def test_the_character_map_is_cached_and_read_again_when_a_font_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    font = tiny_font(tmp_path / "Tiny.ttf", "ABC")
    cache = tmp_path / "cache" / "glyphs.txt"
    old = tmp_path / "cache" / "glyphs.json"  # the first format's, left by an older kiosk
    old.parent.mkdir()
    old.write_text('{"key": "x", "ranges": [[65, 67]]}', encoding="ascii")
    assert glyphs.drawable_ranges([font], cache) == [(0x41, 0x43)]
    assert cache.is_file()
    assert not old.exists()  # read by nothing: removed with the new file's writing
    assert list(cache.parent.glob(".*.tmp")) == []

    def no_fonttools(fonts: list[Path]) -> list[tuple[int, int]]:
        raise AssertionError("the cache should have answered")

    monkeypatch.setattr(glyphs, "read_ranges", no_fonttools)
    assert glyphs.drawable_ranges([font], cache) == [(0x41, 0x43)]

    monkeypatch.undo()
    tiny_font(font, "XYZé")  # an updated font package: new size and time
    assert glyphs.drawable_ranges([font], cache) == [(0x58, 0x5A), (0xE9, 0xE9)]


def test_a_damaged_cache_is_read_again_from_the_fonts(tmp_path: Path) -> None:
    font = tiny_font(tmp_path / "Tiny.ttf", "ABC")
    cache = tmp_path / "glyphs.txt"
    assert glyphs.drawable_ranges([font], cache) == [(0x41, 0x43)]
    key = cache.read_text(encoding="ascii").partition("\n")[0]
    for damaged in (f"{key}\n41-zz\n", f"{key}\n43-41\n", f"{key}\n41\n", "\xe9", ""):
        cache.write_text(damaged, encoding="latin-1")
        assert glyphs.drawable_ranges([font], cache) == [(0x41, 0x43)], damaged
        assert cache.read_text(encoding="ascii").startswith(key)  # and written anew


def test_a_damaged_font_or_no_fonts_means_no_check(tmp_path: Path, caplog) -> None:
    broken = tmp_path / "Broken.ttf"
    broken.write_bytes(b"not a font")
    assert glyphs.drawable_ranges([broken], None) is None
    assert "characters are not checked" in caplog.text
    assert glyphs.drawable_ranges([], None) is None


def test_the_bundled_fonts_are_the_ones_the_ui_registers() -> None:
    fonts = glyphs.font_files()
    assert [f.name for f in fonts] == ["NotoSans[wdth,wght].ttf"]
    ranges = glyphs.read_ranges(fonts)
    pattern = glyphs.undrawable_pattern(ranges)
    assert glyphs.undrawable("Oʻzbekiston Azərbaycan Узбекистан «»–—“”", pattern) == []
    assert glyphs.undrawable(EMOJI, pattern) == [EMOJI]

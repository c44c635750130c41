"""``kiosk render``: the curators' review tool draws real screens to PNG."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from kiosk.cli import main
from kiosk.content.loader import load_content
from kiosk.runtime.plural import plural
from tests.factories import image_item, make_site, valid_exhibit

pytestmark = pytest.mark.usefixtures("qapp")


def test_renders_a_screen_at_the_requested_size(tmp_path: Path, rendition_cache: Path) -> None:
    out = tmp_path / "exhibit.png"
    code = main(
        [
            "render",
            "--screen",
            "exhibit",
            "--exhibit",
            "fuzuli-school",
            "--lang",
            "az",
            "--size",
            "1080x1920",
            "--cache",
            str(rendition_cache),
            "-o",
            str(out),
        ]
    )
    assert code == 0
    with Image.open(out) as image:
        assert image.size == (1080, 1920)
        assert len(image.convert("RGB").resize((48, 48)).getcolors(48 * 48) or []) > 30


def test_unknown_exhibit_or_language_is_a_usage_error(
    tmp_path: Path, rendition_cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.png"
    base = ["render", "--cache", str(rendition_cache), "-o", str(out)]
    assert main([*base, "--screen", "exhibit", "--exhibit", "nope"]) == 2
    assert "unknown exhibit 'nope'" in capsys.readouterr().err
    assert main([*base, "--lang", "fr"]) == 2
    assert "unknown language 'fr'" in capsys.readouterr().err
    assert not out.exists()


def test_invalid_content_renders_nothing_and_lists_the_errors(
    tmp_path: Path, rendition_cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_site(tmp_path / "site", {"alpha": valid_exhibit(order="ten")})
    out = tmp_path / "x.png"
    assert main(["render", str(root), "--cache", str(rendition_cache), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "site/alpha/exhibit.yaml:2:" in err
    assert f"kiosk render: 1 error in {root}; nothing rendered" in err
    assert not out.exists()


@pytest.mark.parametrize("index", ["9", "3", "-1"])
def test_a_gallery_index_out_of_range_is_refused_naming_the_exhibit(
    index: str, tmp_path: Path, rendition_cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    three = [image_item(), image_item(), image_item()]
    root = make_site(tmp_path / "site", {"alpha": valid_exhibit(gallery=three)})
    out = tmp_path / "x.png"
    argv = ["render", str(root), "--screen", "gallery", "--exhibit", "alpha", "--index", index]
    assert main([*argv, "--cache", str(rendition_cache), "-o", str(out)]) == 2
    assert capsys.readouterr().err == (
        f"render: --index {index} is out of range: exhibit 'alpha' has 3 gallery images "
        "(--index 0 to 2)\n"
    )
    assert not out.exists()


def test_a_timeline_index_out_of_range_says_how_many_entries_there_are(
    tmp_path: Path, rendition_cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_site(tmp_path / "site")
    entries = len(load_content(root).content.timeline())  # type: ignore[union-attr]
    argv = ["render", str(root), "--screen", "timeline", "--index", str(entries)]
    assert main([*argv, "--cache", str(rendition_cache), "-o", str(tmp_path / "x.png")]) == 2
    assert f"the timeline has {plural(entries, 'entry', 'entries')}" in capsys.readouterr().err


def test_screen_option_says_what_it_draws_and_its_default(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["render", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "--screen SCREEN the screen to draw: home, exhibit, gallery," in help_text
    assert "still-there (default: home)" in help_text


def test_renders_larger_text_in_high_contrast(tmp_path: Path, rendition_cache: Path) -> None:
    """What a visitor who chose 150 % and Contrast sees: black on white; other sizes refused."""
    base = ["render", "--screen", "about", "--lang", "ru", "--cache", str(rendition_cache)]
    normal, larger = tmp_path / "normal.png", tmp_path / "larger.png"
    assert main([*base, "-o", str(normal)]) == 0
    assert main([*base, "--text-size", "150", "--contrast", "-o", str(larger)]) == 0
    with Image.open(normal) as before, Image.open(larger) as after:
        corner = (8, 300)  # the page's background, left of the text
        assert before.convert("RGB").getpixel(corner) != (255, 255, 255)
        assert after.convert("RGB").getpixel(corner) == (255, 255, 255)
        colours = {c for _, c in after.convert("RGB").getcolors(1 << 20) or []}
        assert (0, 0, 0) in colours
    with pytest.raises(SystemExit):
        main([*base, "--text-size", "200", "-o", str(larger)])

"""``kiosk prepare``: exit codes, progress and summary; and kiosk.media stays Qt-free."""

from __future__ import annotations

import hashlib
import io
import sys
import types
from pathlib import Path
from types import SimpleNamespace

import pytest
from PIL import Image
from test_media_support import make_ref, save_noise_jpeg

from kiosk.cli import main
from kiosk.commands.prepare import _Names, _ProgressLine
from kiosk.content.imagerecord import ImageRecord
from kiosk.content.model import ImageRef, Problem
from kiosk.media.cache import image_checks_path
from tests.factories import make_site, noise_jpeg, truncated_jpeg, valid_exhibit


def _stub_loader(
    monkeypatch: pytest.MonkeyPatch,
    refs: list[ImageRef] | None,
    errors: tuple[Problem, ...] = (),
) -> list[Path]:
    """Stand in for ``kiosk.content.loader`` so these tests are about prepare only."""
    roots: list[Path] = []

    def load_content(root: Path, images: object = None) -> SimpleNamespace:
        roots.append(root)
        content = None if refs is None else SimpleNamespace(images=lambda: iter(refs))
        return SimpleNamespace(content=content, errors=errors, warnings=())

    module = types.ModuleType("kiosk.content.loader")
    module.load_content = load_content  # type: ignore[attr-defined]
    from kiosk.commands import problems  # before the stand-in: it names the site file

    monkeypatch.setitem(sys.modules, "kiosk.content.loader", module)
    monkeypatch.setattr(problems, "folder_problem", lambda command, root: None)
    return roots


@pytest.fixture
def good_refs(tmp_path: Path) -> list[ImageRef]:
    folder = tmp_path / "exhibits" / "museum"
    folder.mkdir(parents=True)
    Image.new("RGB", (640, 480), (40, 90, 160)).save(folder / "hall.jpg")
    Image.new("RGBA", (100, 100), (200, 0, 0, 100)).save(folder / "logo.png")
    return [make_ref(folder / "hall.jpg"), make_ref(folder / "logo.png")]


def test_prepare_builds_then_reuses(
    tmp_path: Path,
    good_refs: list[ImageRef],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    roots = _stub_loader(monkeypatch, good_refs)
    cache = tmp_path / "cache"
    args = ["prepare", str(tmp_path / "exhibits"), "--cache", str(cache), "--screen", "800x600"]

    assert main(args) == 0
    out, err = capsys.readouterr()
    assert "prepare: 2 images: 2 built, 0 already cached, 0 failed" in out
    assert "prepare: 2/2 images" in err  # plain progress lines: stderr is not a terminal
    assert "\r" not in err
    assert roots == [tmp_path / "exhibits"]
    names = sorted(p.name for p in cache.rglob("*") if p.suffix in (".jpg", ".png"))
    assert len(names) == 4
    assert any(n.endswith("-screen-800x800-v1.jpg") for n in names)
    assert any(n.endswith("-thumb-720x720-v1.png") for n in names)

    assert main(args) == 0
    out, _ = capsys.readouterr()
    assert "2 images: 0 built, 2 already cached, 0 failed" in out


def test_prepare_exits_1_when_an_image_fails(
    tmp_path: Path,
    good_refs: list[ImageRef],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    whole = save_noise_jpeg(tmp_path / "whole.jpg")
    bad = tmp_path / "exhibits" / "museum" / "torn.jpg"
    bad.write_bytes(whole.read_bytes()[:1500])
    _stub_loader(monkeypatch, [*good_refs, make_ref(bad)])

    code = main(["prepare", str(tmp_path / "exhibits"), "--cache", str(tmp_path / "c")])

    out, err = capsys.readouterr()
    assert code == 1
    assert "3 images: 2 built, 0 already cached, 1 failed" in out
    assert "failed: museum/torn.jpg: image does not open: " in out
    assert "prepare: error: museum/torn.jpg: " in err


def test_prepare_exits_1_on_invalid_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    problem = Problem(tmp_path / "museum" / "exhibit.yaml", 3, 7, "missing required field: title")
    _stub_loader(monkeypatch, None, (problem,))

    assert main(["prepare", str(tmp_path), "--cache", str(tmp_path / "c")]) == 1
    _, err = capsys.readouterr()
    assert f"{tmp_path.name}/museum/exhibit.yaml:3:7: missing required field: title" in err
    assert f"kiosk prepare: 1 error in {tmp_path}; nothing built" in err
    assert not (tmp_path / "c").exists()


def test_prepare_defaults_to_the_bundled_exhibits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from kiosk.commands.args import bundled_exhibits

    roots = _stub_loader(monkeypatch, [])
    assert main(["prepare", "--cache", str(tmp_path / "c")]) == 0
    assert roots == [bundled_exhibits()]
    assert "0 images" in capsys.readouterr().out


@pytest.mark.parametrize("bad", [["--screen", "1920"], ["--screen", "0x5"], ["--workers", "0"]])
def test_bad_options_are_usage_errors(
    bad: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stub_loader(monkeypatch, [])
    with pytest.raises(SystemExit) as caught:
        main(["prepare", *bad])
    assert caught.value.code == 2
    assert "kiosk prepare" in capsys.readouterr().err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_is_one_updating_line(
    good_refs: list[ImageRef], tmp_path: Path
) -> None:
    stream = _Terminal()
    line = _ProgressLine(stream, _Names(tmp_path / "exhibits"))
    line.update(1, 2, good_refs[0], None)
    line.update(2, 2, good_refs[1], None)
    line.finish()

    text = stream.getvalue()
    assert "\n" not in text
    assert "\r\x1b[Kprepare: 1/2 images ... museum/hall.jpg" in text
    assert "\r\x1b[Kprepare: 2/2 images ... museum/logo.png" in text
    assert text.endswith("\r\x1b[K")


def test_progress_errors_get_their_own_line_on_a_terminal(
    good_refs: list[ImageRef], tmp_path: Path
) -> None:
    from kiosk.media import BadImageError

    stream = _Terminal()
    line = _ProgressLine(stream, _Names(tmp_path / "exhibits"))
    line.update(1, 2, good_refs[0], None)
    line.update(2, 2, good_refs[1], BadImageError(good_refs[1].path, "damaged"))

    assert "\r\x1b[Kprepare: error: museum/logo.png: damaged\n" in stream.getvalue()


def test_prepare_decodes_images_once_by_building_them_and_records_the_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_site(
        tmp_path / "site", {"alpha": valid_exhibit(), "beta": valid_exhibit(id="beta", order="20")}
    )
    good, bad = root / "alpha" / "images" / "cover.jpg", root / "beta" / "images" / "cover.jpg"
    good.write_bytes(noise_jpeg())
    bad.write_bytes(truncated_jpeg())
    cache = tmp_path / "cache"

    assert main(["prepare", str(root), "--cache", str(cache), "--workers", "1"]) == 1
    out, err = capsys.readouterr()
    # Both are images/cover.jpg: each is named with its exhibit's folder.
    assert "failed: beta/images/cover.jpg: image does not open: image file is truncated" in out
    assert "prepare: error: beta/images/cover.jpg: image does not open" in err
    progress = [line for line in err.splitlines() if " images ... " in line]
    assert progress and progress[0].endswith(" ... alpha/images/cover.jpg"), progress
    assert "1 failed" in out  # and every other image was built

    record = ImageRecord(image_checks_path(cache))
    assert record.get(hashlib.sha256(good.read_bytes()).hexdigest(), ".jpg") is not None
    assert record.get(hashlib.sha256(bad.read_bytes()).hexdigest(), ".jpg") is None

"""A 100-megapixel camera JPEG, prepared by the real ``kiosk prepare``: accepted, built,
and within the kiosk's usual memory while it is built (the JPEG is decoded straight at
a fraction of its size). A progressive one must be decoded whole and is still refused,
with a message that says what to do."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from tests.factories import image_item, make_site, valid_exhibit
from tests.process import environment

SIZE = (12240, 8160)  # 99.9 MP, a medium-format camera's file
USUAL_PEAK_KB = 150 * 1024  # the README's bound for a running kiosk's memory

# A fresh process of its own runs the command, so that its children's peak is the
# command's peak alone (RUSAGE_CHILDREN covers every child a process has waited for).
MEASURE = """
import json, resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps([done.returncode, done.stdout, done.stderr, peak]))
"""


@pytest.fixture(scope="module")
def photographs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("big")
    grain = Image.effect_noise((SIZE[0] // 8, SIZE[1] // 8), 80)
    grain_rgb = Image.merge(
        "RGB", [grain, grain.rotate(180), grain.transpose(Image.Transpose.FLIP_LEFT_RIGHT)]
    )
    picture = grain_rgb.resize(SIZE, Image.Resampling.BILINEAR)
    paths = {"baseline": folder / "baseline.jpg", "progressive": folder / "progressive.jpg"}
    picture.save(paths["baseline"], "JPEG", quality=90)
    picture.save(paths["progressive"], "JPEG", quality=90, progressive=True)
    picture.close()
    return paths


def _prepare(tmp_path: Path, photograph: Path) -> tuple[int, str, str, int]:
    root = make_site(
        tmp_path / "exhibits", {"alpha": valid_exhibit(cover=image_item("images/big.jpg"))}
    )
    (root / "alpha" / "images" / "big.jpg").write_bytes(photograph.read_bytes())
    command = [sys.executable, "-m", "kiosk", "prepare", str(root), "--workers", "1"]
    command += ["--cache", str(tmp_path / "cache")]
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, *command],
        capture_output=True,
        text=True,
        timeout=300,
        env=environment(),
        check=True,
    )
    code, out, err, peak_kb = json.loads(done.stdout)
    return code, out, err, peak_kb


def test_a_100_megapixel_jpeg_is_prepared_within_the_usual_memory(
    tmp_path: Path, photographs: dict[str, Path]
) -> None:
    code, out, err, peak_kb = _prepare(tmp_path, photographs["baseline"])
    assert code == 0, out + err
    assert "0 failed" in out
    built = list((tmp_path / "cache").rglob("*.jpg"))
    assert built, out
    with Image.open(max(built, key=lambda p: p.stat().st_size)) as rendition:
        assert max(rendition.size) == 1920  # screen-sized, from the whole picture
        assert rendition.size[0] / rendition.size[1] == pytest.approx(SIZE[0] / SIZE[1], 0.01)
    assert peak_kb < USUAL_PEAK_KB, f"peak {peak_kb // 1024} MB while preparing"


def test_a_large_progressive_jpeg_is_refused_saying_what_to_do(
    tmp_path: Path, photographs: dict[str, Path]
) -> None:
    code, _out, err, _ = _prepare(tmp_path, photographs["progressive"])
    assert code == 1
    assert (
        "image 'images/big.jpg' is 12240x8160 pixels and is a progressive JPEG, which must be "
        "decoded whole: the limit for those is 60 megapixels; save it again as a baseline "
        "(standard) JPEG"
    ) in err

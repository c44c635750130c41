"""The kiosk loads Qt's JPEG image plugin only: renditions are JPEG or PNG (built in).

Qt Quick's first picture asks Qt for every readable format, which loads every plugin
of ``imageformats/`` (TIFF, WebP, SVG, PDF...) unless the kiosk points Qt at its own
copy of the plugin folders (``kiosk.ui.images.decode_renditions_only``). Each case
runs in a process of its own: plugins, once loaded, stay for the process's life.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from PIL import Image

from tests.factories import make_site
from tests.process import environment, start

CHILD = r"""
import json, sys
from pathlib import Path
from PySide6.QtGui import QGuiApplication, QImage, QImageReader
from kiosk.ui.images import decode_renditions_only

app = QGuiApplication([])
folders = sys.argv[1:-2]
changed = [decode_renditions_only(Path(folder)) for folder in folders]
formats = sorted(bytes(f).decode() for f in QImageReader.supportedImageFormats())
pictures = [QImage(path) for path in sys.argv[-2:]]
print(json.dumps({
    "changed": changed,
    "paths": app.libraryPaths(),
    "formats": formats,
    "sizes": [[p.width(), p.height()] for p in pictures],
    "maps": sorted({line.strip().rsplit("/", 1)[-1] for line in open("/proc/self/maps")
                    if "/imageformats/" in line}),
}))
"""


_OUT: dict[str, Any] = {"capture_output": True, "text": True, "check": True, "timeout": 60}


def _run(tmp_path: Path, *folders: Path) -> dict[str, Any]:
    jpeg, png = tmp_path / "a.jpg", tmp_path / "b.png"
    Image.new("RGB", (40, 30), (200, 30, 30)).save(jpeg)
    Image.new("RGBA", (20, 10), (0, 90, 200, 128)).save(png)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, *map(str, folders), str(jpeg), str(png)],
        env=environment(),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def test_only_the_jpeg_plugin_is_loaded_and_renditions_still_decode(tmp_path: Path) -> None:
    report = _run(tmp_path, tmp_path / "cache")
    assert report["changed"] == [True]
    assert report["sizes"] == [[40, 30], [20, 10]]  # JPEG and PNG both read
    assert "jpeg" in report["formats"] and "png" in report["formats"]
    assert "tiff" not in report["formats"] and "webp" not in report["formats"]
    assert report["maps"] == ["libqjpeg.so"]
    # the copy lives in the folder given, and links to Qt's own folders
    (mirror,) = (tmp_path / "cache").glob("qt-plugins-*")
    assert [p.name for p in (mirror / "imageformats").iterdir()] == ["libqjpeg.so"]
    assert (mirror / "platforms").is_symlink() and (mirror / "platforms").resolve().is_dir()


def test_without_it_qt_loads_every_image_plugin(tmp_path: Path) -> None:
    """What the kiosk saves: the same process, left alone, maps every plugin."""
    report = _run(tmp_path)
    assert report["sizes"] == [[40, 30], [20, 10]]
    assert "tiff" in report["formats"] and "libqtiff.so" in report["maps"]


def test_a_second_window_keeps_the_first_copy_and_kiosks_share_one(tmp_path: Path) -> None:
    """Every window asks (tests, ``kiosk render``): the second finds Qt already
    pointed at a copy and changes nothing (no copy of a copy); a second kiosk on the
    same cache folder reuses the copy the first made."""
    first = _run(tmp_path, tmp_path / "cache", tmp_path / "other")
    assert first["changed"] == [True, False]
    assert not (tmp_path / "other").exists()
    again = _run(tmp_path, tmp_path / "cache")
    assert again["paths"] == first["paths"] and again["maps"] == ["libqjpeg.so"]
    assert len(list((tmp_path / "cache").iterdir())) == 1


def _mapped(pid: int) -> set[str]:
    with open(f"/proc/{pid}/maps", encoding="utf-8") as maps:
        return {line.strip().rsplit("/", 1)[-1] for line in maps if "/imageformats/" in line}


def test_a_running_kiosk_draws_its_pictures_with_the_jpeg_plugin_alone(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site")
    kiosk = start(
        tmp_path,
        [
            "--windowed",
            "--cache",
            str(tmp_path / "cache"),
            "--state-dir",
            str(tmp_path / "state"),
            str(site),
        ],
    )
    try:
        deadline = time.monotonic() + 60  # renditions built after the first frame, then shown
        while "libqjpeg.so" not in _mapped(kiosk.process.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _mapped(kiosk.process.pid) == {"libqjpeg.so"}
    finally:
        kiosk.kill()


def test_copies_left_half_made_by_a_dead_kiosk_are_removed(tmp_path: Path) -> None:
    """A kiosk killed while it made its copy (power cut at its first start) leaves a
    ``.qt-plugins-*.tmp`` folder; the next start removes it, not one whose kiosk is
    still making it."""
    cache = tmp_path / "cache"
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], **_OUT)
    dead_pid = int(gone.stdout)
    dead = cache / f".qt-plugins-0123456789abcdef.{dead_pid}.42.tmp"
    alive = cache / f".qt-plugins-0123456789abcdef.{os.getpid()}.43.tmp"  # this test's
    for left in (dead, alive):
        (left / "imageformats").mkdir(parents=True)
        (left / "platforms").symlink_to(tmp_path)  # links, as a real copy has
    other = cache / ".not-ours.1.2.tmp"
    other.mkdir()
    report = _run(tmp_path, cache)
    assert report["changed"] == [True]
    assert not dead.exists()
    assert alive.is_dir() and other.is_dir() and tmp_path.is_dir()
    assert len(list(cache.glob("qt-plugins-*"))) == 1

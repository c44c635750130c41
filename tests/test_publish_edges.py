"""``kiosk publish`` and ``kiosk validate`` on folders a technician (or an attacker)
might hand them, run as real commands: a named pipe, a link to a device, a link to a
folder, links out of the tree, no folder at all, and names the watcher ignores. Each
is refused with one line naming it, the same in both commands, and never hangs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.commands.args import bundled_exhibits
from kiosk.runtime.watch import RELEASE_FILE
from tests.factories import image_item, jpeg_bytes, line_of, make_site, valid_exhibit
from tests.process import environment, start

HANG_S = 60  # a hang, not a slow machine


def kiosk(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The real command, with a bound: a hang fails the test instead of the suite."""
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        capture_output=True,
        text=True,
        timeout=HANG_S,
        env=environment(),
        cwd=cwd,
    )


def both(root: Path) -> tuple[subprocess.CompletedProcess[str], subprocess.CompletedProcess[str]]:
    return kiosk("validate", str(root)), kiosk("publish", str(root))


def refused_alike(root: Path, entry: Path, message: str) -> None:
    validate, publish = both(root)
    line = f"{entry.relative_to(root.parent)}: {message}"
    assert validate.returncode == 1, validate.stdout + validate.stderr
    assert line in validate.stdout.splitlines(), validate.stdout
    assert publish.returncode == 1, publish.stdout + publish.stderr
    assert line in publish.stdout.splitlines(), publish.stdout
    assert "Traceback" not in publish.stderr + validate.stderr
    assert not (root / RELEASE_FILE).exists()


def test_a_named_pipe_is_refused_not_waited_on(tmp_path: Path) -> None:
    root = make_site(tmp_path / "exhibits")
    pipe = root / "alpha" / "images" / "incoming"
    os.mkfifo(pipe)
    refused_alike(
        root, pipe, "is a named pipe (FIFO), not a file; remove it from the exhibits folder"
    )


def test_a_link_to_a_device_is_refused_not_read_for_ever(tmp_path: Path) -> None:
    root = make_site(tmp_path / "exhibits")
    link = root / "alpha" / "zero.jpg"
    link.symlink_to("/dev/zero")
    refused_alike(
        root,
        link,
        "is a symbolic link that leads outside the exhibits folder (to /dev/zero); "
        "copy what it points to into the folder instead",
    )


def test_a_link_to_a_folder_is_a_clean_error(tmp_path: Path) -> None:
    root = make_site(tmp_path / "exhibits")
    link = root / "alpha" / "images" / "up"
    link.symlink_to("..")
    refused_alike(
        root,
        link,
        "is a symbolic link to a folder; the kiosk does not follow those, copy the folder instead",
    )


def test_an_exhibit_folder_leading_out_of_the_tree_is_refused(tmp_path: Path) -> None:
    elsewhere = make_site(tmp_path / "elsewhere", {"beta": valid_exhibit(id="beta", order="20")})
    root = make_site(tmp_path / "exhibits")
    link = root / "beta"
    link.symlink_to(elsewhere / "beta")
    refused_alike(
        root,
        link,
        f"is a symbolic link that leads outside the exhibits folder (to {elsewhere / 'beta'}); "
        "copy what it points to into the folder instead",
    )


def test_an_image_leading_out_of_the_tree_is_refused_with_its_line(tmp_path: Path) -> None:
    secret = tmp_path / "secret.jpg"
    secret.write_bytes(jpeg_bytes())
    root = make_site(
        tmp_path / "exhibits", {"alpha": valid_exhibit(cover=image_item("images/link.jpg"))}
    )
    (root / "alpha" / "images" / "link.jpg").symlink_to(secret)
    validate, publish = both(root)
    text = (root / "alpha" / "exhibit.yaml").read_text(encoding="utf-8")
    where = f"exhibits/alpha/exhibit.yaml:{line_of(text, 'images/link.jpg')}:"
    for run in (validate, publish):
        assert run.returncode == 1
        assert any(
            line.startswith(where) and "leads outside" in line for line in run.stdout.splitlines()
        )


def test_publish_needs_a_folder_and_never_writes_into_the_package(tmp_path: Path) -> None:
    bundled = bundled_exhibits()
    before = sorted(p.name for p in bundled.iterdir())
    run = kiosk("publish", cwd=tmp_path)
    assert run.returncode == 2
    assert "the following arguments are required: dir" in run.stderr
    assert sorted(p.name for p in bundled.iterdir()) == before
    assert not (bundled / RELEASE_FILE).exists()


@pytest.mark.parametrize("name", [".cover.jpg", "~cover.jpg", "cover.jpg~"])
def test_an_image_name_the_watcher_ignores_is_refused_everywhere(tmp_path: Path, name: str) -> None:
    """The watcher never sees a change to such a name, and a release would leave it
    out: one rule, so validate, publish and the kiosk's loader refuse it alike."""
    root = make_site(
        tmp_path / "exhibits", {"alpha": valid_exhibit(cover=image_item(f"images/{name}"))}
    )
    (root / "alpha" / "images" / name).write_bytes(jpeg_bytes())
    text = (root / "alpha" / "exhibit.yaml").read_text(encoding="utf-8")
    where = f"exhibits/alpha/exhibit.yaml:{line_of(text, name)}:"
    validate, publish = both(root)
    for run in (validate, publish):
        assert run.returncode == 1, run.stdout
        (line,) = [line for line in run.stdout.splitlines() if line.startswith(where)]
        assert f"image path 'images/{name}': the kiosk takes '{name}'" in line
        assert "rename it" in line


def test_the_running_kiosk_refuses_them_too(tmp_path: Path) -> None:
    """The same rule in a real kiosk process: an exhibit folder leading out of the tree
    and an image named like an editor's leftover are content errors in its log (with
    the image's line), and the kiosk shows none of it."""
    elsewhere = make_site(tmp_path / "elsewhere", {"beta": valid_exhibit(id="beta", order="20")})
    root = make_site(
        tmp_path / "exhibits", {"alpha": valid_exhibit(cover=image_item("images/.cover.jpg"))}
    )
    (root / "alpha" / "images" / ".cover.jpg").write_bytes(jpeg_bytes())
    (root / "beta").symlink_to(elsewhere / "beta")
    args = ["--windowed", "--state-dir", str(tmp_path / "state"), "--cache", str(tmp_path / "c")]
    kiosk_process = start(tmp_path, [*args, str(root)])
    try:
        kiosk_process.process.send_signal(signal.SIGTERM)
        assert kiosk_process.wait() == 0
    finally:
        kiosk_process.kill()
    log = kiosk_process.log()
    text = (root / "alpha" / "exhibit.yaml").read_text(encoding="utf-8")
    line = line_of(text, ".cover.jpg")
    assert f"content error: {root / 'alpha' / 'exhibit.yaml'}:{line}:" in log, log
    assert "the kiosk takes '.cover.jpg' for an editor's or a copy's leftover" in log
    assert (
        f"content error: {root / 'beta'}: is a symbolic link that leads outside the "
        f"exhibits folder (to {elsewhere / 'beta'})"
    ) in log
    assert "no valid content at start" in log  # the being-updated screen, not half a set

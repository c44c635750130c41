"""A restart with a broken file on disk, on a real ``kiosk`` process: the visitor sees
what was shown before, staff see the error with its file and line."""

from __future__ import annotations

import re
import shutil
import signal
import time
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.runtime.watch import RELEASE_FILE
from tests.factories import make_site, valid_exhibit
from tests.process import START_TIMEOUT_S, Kiosk, start

pytestmark = pytest.mark.slow  # real kiosks, each started twice


def _args(tmp_path: Path) -> list[str]:
    return ["--state-dir", str(tmp_path / "state"), "--cache", str(tmp_path / "cache"), "--no-pin"]


def _stop(kiosk: Kiosk) -> int:
    try:
        kiosk.process.send_signal(signal.SIGTERM)
        return kiosk.wait()
    finally:
        kiosk.kill()


def test_a_restart_with_a_broken_file_shows_the_previous_content(tmp_path: Path) -> None:
    site = make_site(
        tmp_path / "site", {"alpha": valid_exhibit(), "beta": valid_exhibit(id="beta", order="20")}
    )
    args = [*_args(tmp_path), str(site)]
    first = start(tmp_path, args, script="visit")
    assert first.seen == "alpha beta"
    kept = tmp_path / "state" / "last-good"
    deadline = time.monotonic() + START_TIMEOUT_S  # kept by the load after the first frame
    while not list(kept.glob("accepted-*.pickle")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _stop(first) == 0

    path = site / "beta" / "exhibit.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] += ' "unclosed'  # a YAML syntax error
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    second = start(tmp_path, args, script="visit")
    assert second.seen == "alpha beta"  # beta's tile too: only the kept set has it
    assert _stop(second) == 0
    log = second.log().split(" stop reason=SIGTERM", 1)[1]  # the second run's lines
    assert "starting from the last accepted content" in log
    assert re.search(rf"content error: {re.escape(str(path))}:\d+:\d+: invalid YAML", log), log
    assert "being updated" not in log


def test_the_last_good_content_outlives_a_cleared_cache(tmp_path: Path) -> None:
    """The kept set is state, not cache: the cache folder deleted while the content is
    broken, the restarted kiosk still shows what it showed, not "being updated"."""
    site = make_site(
        tmp_path / "site", {"alpha": valid_exhibit(), "beta": valid_exhibit(id="beta", order="20")}
    )
    args = [*_args(tmp_path), str(site)]
    first = start(tmp_path, args, script="visit")
    kept = tmp_path / "state" / "last-good"
    deadline = time.monotonic() + START_TIMEOUT_S  # kept by the load after the first frame
    while not list(kept.glob("accepted-*.pickle")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _stop(first) == 0

    path = site / "beta" / "exhibit.yaml"
    path.write_text(path.read_text(encoding="utf-8") + 'title: "unclosed\n', encoding="utf-8")
    shutil.rmtree(tmp_path / "cache")

    second = start(tmp_path, args, script="visit")
    assert second.seen == "alpha beta"
    assert _stop(second) == 0
    log = second.log().split(" stop reason=SIGTERM", 1)[1]
    assert "starting from the last accepted content" in log
    assert "being updated" not in log


def test_a_restart_in_the_middle_of_a_published_copy_keeps_the_release(tmp_path: Path) -> None:
    """The copy of a new release stalls half-way with a valid half of a file, and the
    kiosk restarts then (a power cut): it shows the previous release, not the half."""
    old = make_site(
        tmp_path / "old", {"alpha": valid_exhibit(), "beta": valid_exhibit(id="beta", order="20")}
    )
    new_beta = valid_exhibit(id="beta", order="20", title={"uz": "New", "en": "New"})
    new = make_site(tmp_path / "new", {"alpha": valid_exhibit(), "beta": new_beta})
    for release in (old, new):
        assert main(["publish", str(release)]) == 0
    site = tmp_path / "site"
    shutil.copytree(old, site)
    args = [*_args(tmp_path), str(site)]
    first = start(tmp_path, args, script="visit")
    kept = tmp_path / "state" / "last-good"
    deadline = time.monotonic() + START_TIMEOUT_S
    while not list(kept.glob("accepted-*.pickle")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _stop(first) == 0
    shown = re.findall(r"start version=\S+ content=(\w+)", first.log())[-1]

    shutil.copy2(new / RELEASE_FILE, site / RELEASE_FILE)  # rsync and cp take it first
    data = (new / "beta" / "exhibit.yaml").read_bytes()
    (site / "beta" / "exhibit.yaml").write_bytes(data[: data.index(b"\nfacts:") + 1])

    second = start(tmp_path, args, script="visit")
    assert second.seen == "alpha beta"
    assert _stop(second) == 0
    log = second.log().split(" stop reason=SIGTERM", 1)[1]
    assert re.findall(r"start version=\S+ content=(\w+)", log) == [shown]
    assert "is not the release" in log  # the start's check: loaded version against the manifest
    assert f"{site / 'beta' / 'exhibit.yaml'}: release manifest: is " in log  # after the frame

"""Release manifests: a copy stalled half-way for longer than the settle time, with
and without a manifest; a manifest that matches nothing; ``kiosk publish``.
Real loader, real folders, an injected clock (no sleeps)."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content.loader import load_content
from kiosk.runtime import manifest
from kiosk.runtime.reload import (
    PENDING,
    REJECTED,
    ImmediateExecutor,
    ReloadController,
    ReloadEvent,
)
from kiosk.runtime.watch import RELEASE_FILE, is_ignored
from tests.factories import make_site, to_yaml, valid_exhibit
from tests.fakes import FakeClock

SETTLE_S = 1.0


class Kiosk:
    """A reload controller over ``root`` as the running kiosk has it, after start."""

    def __init__(self, root: Path, preview: bool = False) -> None:
        self.clock = FakeClock(0.0)
        self.events: list[ReloadEvent] = []
        self.controller = ReloadController(
            root,
            load_content,
            clock=self.clock,
            executor=ImmediateExecutor(),
            on_event=self.events.append,
            preview=preview,
            settle_s=SETTLE_S,
        )
        self.initial = self.controller.load_initial()
        self.controller.start_watching()
        self.first = self.controller.current

    def stall(self, seconds: float = 10 * SETTLE_S) -> None:
        """Timer ticks while nothing is written: far longer than the settle time."""
        for _ in range(int(seconds / 0.25)):
            self.controller.poll()
            self.clock.advance(0.25)
        self.controller.poll()


def _release(tmp_path: Path, title: str = "Beta, new") -> Path:
    """The curators' finished, published folder."""
    beta = valid_exhibit(id="beta", order="20", title={"uz": title, "en": title})
    staging = make_site(tmp_path / "staging", {"alpha": valid_exhibit(), "beta": beta})
    assert main(["publish", str(staging)]) == 0
    return staging


def _kiosk_folder(tmp_path: Path) -> Path:
    beta = valid_exhibit(id="beta", order="20")
    return make_site(tmp_path / "kiosk", {"alpha": valid_exhibit(), "beta": beta})


def _valid_half(staging: Path) -> bytes:
    """The first part of the new beta/exhibit.yaml, cut where it is still valid YAML
    and a valid exhibit (optional lists come last)."""
    data = (staging / "beta" / "exhibit.yaml").read_bytes()
    half = data[: data.index(b"\nfacts:") + 1]
    probe = staging.parent / "probe"
    shutil.copytree(staging, probe)
    (probe / "beta" / "exhibit.yaml").write_bytes(half)
    assert load_content(probe).content is not None  # the danger: the half is valid
    shutil.rmtree(probe)
    return half


def test_without_a_manifest_a_stalled_valid_half_is_taken(tmp_path: Path) -> None:
    """Today's behaviour, kept where no manifest is published (curators editing in
    place): the settle time is all there is, and it cannot tell a stall from the end."""
    staging = _release(tmp_path)
    (staging / RELEASE_FILE).unlink()
    root = _kiosk_folder(tmp_path)
    kiosk = Kiosk(root)
    (root / "beta" / "exhibit.yaml").write_bytes(_valid_half(staging))
    kiosk.stall()
    assert kiosk.events[-1].kind == PENDING


def test_with_a_manifest_a_stalled_copy_is_never_taken(tmp_path: Path) -> None:
    staging = _release(tmp_path)
    root = _kiosk_folder(tmp_path)
    kiosk = Kiosk(root)
    # rsync and cp -r take the hidden manifest first; then beta's file stalls half-way
    shutil.copy2(staging / RELEASE_FILE, root / RELEASE_FILE)
    beta = root / "beta" / "exhibit.yaml"
    beta.write_bytes(_valid_half(staging))
    kiosk.stall()

    assert kiosk.events[-1].kind == REJECTED
    assert kiosk.controller.pending is None and kiosk.controller.current is kiosk.first
    messages = [str(p) for p in kiosk.controller.last_errors]
    assert any(m.startswith(f"{beta}: release manifest: is ") for m in messages), messages

    beta.write_bytes((staging / "beta" / "exhibit.yaml").read_bytes())  # the copy completes
    kiosk.stall()
    assert kiosk.events[-1].kind == PENDING
    shown = kiosk.controller.at_attract()
    assert shown is not None
    assert shown.version == json.loads((root / RELEASE_FILE).read_text())["version"]
    assert shown.exhibits[1].title.get("en") == "Beta, new"


def test_a_manifest_arriving_last_releases_the_files_before_it(tmp_path: Path) -> None:
    old = _release(tmp_path / "old", title="Beta")
    root = tmp_path / "kiosk"
    shutil.copytree(old, root)
    kiosk = Kiosk(root)
    assert kiosk.initial.content is not None
    staging = _release(tmp_path)
    shutil.copy2(staging / "beta" / "exhibit.yaml", root / "beta" / "exhibit.yaml")
    kiosk.stall()
    assert kiosk.events[-1].kind == REJECTED  # the files are new, the manifest still old
    assert kiosk.controller.pending is None
    shutil.copy2(staging / RELEASE_FILE, root / RELEASE_FILE)  # a watched file, though hidden
    kiosk.stall()
    assert kiosk.events[-1].kind == PENDING


def test_a_manifest_that_matches_nothing_is_reported_never_half_applied(tmp_path: Path) -> None:
    root = _kiosk_folder(tmp_path)
    kiosk = Kiosk(root)
    other = make_site(tmp_path / "other", {"gamma": valid_exhibit(id="gamma")})
    assert main(["publish", str(other)]) == 0
    shutil.copy2(other / RELEASE_FILE, root / RELEASE_FILE)
    kiosk.stall()
    assert kiosk.events[-1].kind == REJECTED
    assert kiosk.controller.current is kiosk.first and kiosk.controller.pending is None
    messages = [str(p) for p in kiosk.controller.last_errors]
    assert (
        f"{root / 'gamma' / 'exhibit.yaml'}: release manifest: listed in the release but missing"
        in messages
    )
    assert (
        f"{root / 'beta' / 'exhibit.yaml'}: release manifest: is not part of the release"
        in messages
    )


def test_same_size_different_bytes_are_caught_at_start_and_after(tmp_path: Path) -> None:
    root = _release(tmp_path)
    path = root / "beta" / "exhibit.yaml"
    path.write_bytes(path.read_bytes().replace(b"Beta, new", b"Beta, NEW"))
    kiosk = Kiosk(root)
    # at start sizes only, but the loaded version is not the release's
    assert kiosk.initial.content is None
    assert "is not the release" in str(kiosk.initial.errors[0])
    # after the first frame, every file's hash
    assert any("differs from the release (SHA-256)" in str(p) for p in kiosk.controller.last_errors)


def test_preview_goes_by_the_settle_time_alone(tmp_path: Path) -> None:
    root = _release(tmp_path)
    kiosk = Kiosk(root, preview=True)
    (root / "alpha" / "notes.txt").write_text("an edit in place", encoding="utf-8")
    kiosk.stall()
    assert kiosk.controller.last_errors == ()


def test_publish_refuses_invalid_content_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_site(tmp_path / "site", {"alpha": to_yaml(valid_exhibit(title="not a map"))})
    assert main(["publish", str(root)]) == 1
    out = capsys.readouterr()
    assert "alpha/exhibit.yaml:" in out.out and "nothing published" in out.err
    assert not (root / RELEASE_FILE).exists()


def test_publish_lists_every_file_with_size_and_hash(tmp_path: Path) -> None:
    root = _release(tmp_path)
    data = json.loads((root / RELEASE_FILE).read_text(encoding="utf-8"))
    assert data["version"] == load_content(root).content.version  # type: ignore[union-attr]
    listed = {f["path"]: f for f in data["files"]}
    on_disk = sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_file() and p.name != RELEASE_FILE
    )
    assert sorted(listed) == on_disk
    cover = root / "alpha" / "images" / "cover.jpg"
    assert listed["alpha/images/cover.jpg"]["size"] == cover.stat().st_size
    assert listed["alpha/images/cover.jpg"]["sha256"] == manifest.sha256_of(cover)
    assert not is_ignored(RELEASE_FILE) and is_ignored(".kiosk-release.json.123.tmp")


def test_a_hundred_random_copies_never_accept_an_unpublished_state(tmp_path: Path) -> None:
    """Published releases copied file by file in random order, some stalled half-way
    for longer than the settle time, half of the rounds followed by a broken edit in
    place: the kiosk only ever shows or holds a published version."""
    rng = random.Random(11)
    releases = [_release(tmp_path / f"r{n}", title=f"Beta {n}") for n in range(4)]
    published = {json.loads((r / RELEASE_FILE).read_text())["version"] for r in releases}
    root = tmp_path / "kiosk"
    shutil.copytree(releases[0], root)
    kiosk = Kiosk(root)
    assert kiosk.initial.content is not None

    def check() -> None:
        for shown in (kiosk.controller.current, kiosk.controller.pending):
            assert shown is None or shown.version in published

    accepted = set()
    for _round in range(100):
        source = rng.choice(releases)
        names = sorted(p.relative_to(source) for p in source.rglob("*") if p.is_file())
        rng.shuffle(names)
        stall_at = rng.randrange(len(names)) if rng.random() < 0.4 else None
        for index, name in enumerate(names):
            data = (source / name).read_bytes()
            if index == stall_at:
                (root / name).write_bytes(data[: len(data) // 2])
                kiosk.stall()
                check()
            (root / name).write_bytes(data)
            kiosk.controller.poll()
            check()
        if rng.random() < 0.5:  # an edit in place, never published
            path = root / "alpha" / "exhibit.yaml"
            path.write_bytes(path.read_bytes().replace(b"Alpha", b"Alpha!", 1))
        kiosk.stall()
        check()
        shown = kiosk.controller.at_attract()
        if shown is not None:
            accepted.add(shown.version)
    assert len(accepted) >= 2  # releases did get through

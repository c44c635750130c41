"""The polling watcher: what counts as a change, and the settle time (fake clock)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.runtime.watch import TreeWatcher, is_ignored, snapshot
from tests.fakes import FakeClock


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "exhibits"
    (root / "museum").mkdir(parents=True)
    (root / "kiosk.yaml").write_text("title: x\n")
    (root / "museum" / "exhibit.yaml").write_text("id: museum\n")
    return root


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(0.0)


@pytest.mark.parametrize(
    "name",
    [
        ".#exhibit.yaml",
        "exhibit.yaml~",
        ".exhibit.yaml.swp",
        "exhibit.yaml.swp",
        ".x.tmp",
        "x.tmp",
        ".exhibit.yaml.Ab3xYz",
        ".git",
        ".DS_Store",
        "#exhibit.yaml#",
        "4913",
        "~$notes.docx",
        "photo.jpg.part",
    ],
)
def test_editor_and_sync_leftovers_are_ignored(name):
    assert is_ignored(name)


@pytest.mark.parametrize("name", ["exhibit.yaml", "cover.jpg", "kiosk.yaml", "mirzo-ulugbek"])
def test_content_names_are_watched(name):
    assert not is_ignored(name)


def test_snapshot_lists_files_and_folders_recursively(tree):
    (tree / "museum" / "img").mkdir()
    (tree / "museum" / "img" / "a.jpg").write_bytes(b"12345")
    (tree / "museum" / ".a.jpg.XyZ123").write_bytes(b"partial")
    (tree / ".git").mkdir()
    (tree / ".git" / "HEAD").write_text("ref")
    shot = snapshot(tree)
    assert set(shot) == {
        "kiosk.yaml",
        "museum/",
        "museum/exhibit.yaml",
        "museum/img/",
        "museum/img/a.jpg",
    }
    assert shot["museum/img/a.jpg"].size == 5


def test_missing_root_is_an_empty_snapshot(tmp_path):
    assert snapshot(tmp_path / "nowhere") == {}


def test_nothing_changed_reports_nothing(tree, clock):
    watcher = TreeWatcher(tree, settle_s=1.0, clock=clock)
    for _ in range(5):
        clock.advance(1)
        assert not watcher.poll()


def test_a_change_is_reported_once_after_the_settle_time(tree, clock):
    watcher = TreeWatcher(tree, settle_s=1.0, clock=clock)
    (tree / "museum" / "exhibit.yaml").write_text("id: museum\ntitle: changed\n")
    assert not watcher.poll()  # seen, not settled
    clock.advance(0.5)
    assert not watcher.poll()
    clock.advance(0.5)
    assert watcher.poll()
    clock.advance(5)
    assert not watcher.poll()  # reported once


def test_writes_keep_postponing_the_report(tree, clock):
    watcher = TreeWatcher(tree, settle_s=1.0, clock=clock)
    target = tree / "museum" / "exhibit.yaml"
    for n in range(5):  # a slow copy: a write every 0.6 s
        target.write_text("id: museum\n" + "x" * n)
        assert not watcher.poll()
        clock.advance(0.6)
    assert not watcher.poll()  # only 0.6 s quiet since the last write
    clock.advance(0.4)
    assert watcher.poll()


def test_changed_and_changed_back_is_no_change(tree, clock):
    target = tree / "kiosk.yaml"
    stat = target.stat()
    watcher = TreeWatcher(tree, settle_s=1.0, clock=clock)
    target.write_text("title: y and more\n")
    assert not watcher.poll()
    target.write_text("title: x\n")
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    clock.advance(2)
    assert not watcher.poll()
    clock.advance(2)
    assert not watcher.poll()


def test_temp_names_alone_are_not_a_change(tree, clock):
    watcher = TreeWatcher(tree, settle_s=1.0, clock=clock)
    (tree / "museum" / ".exhibit.yaml.q8Zr2P").write_text("half")
    (tree / "museum" / "exhibit.yaml.swp").write_text("swap")
    (tree / "museum" / "4913").write_text("")
    assert not watcher.poll()
    clock.advance(2)
    assert not watcher.poll()


def test_a_rename_over_the_file_is_a_change(tree, clock):
    watcher = TreeWatcher(tree, settle_s=1.0, clock=clock)
    target = tree / "museum" / "exhibit.yaml"
    old = target.stat()
    temp = tree / "museum" / ".exhibit.yaml.Q1w2E3"
    temp.write_text("id: museum\n")  # same bytes, same size
    os.utime(temp, ns=(old.st_atime_ns, old.st_mtime_ns))  # rsync -t keeps the time
    os.replace(temp, target)
    watcher.poll()
    clock.advance(1)
    assert watcher.poll()  # the inode changed


def test_a_permission_change_on_a_shown_image_is_a_change(tree, clock):
    """chmod leaves size, time and inode alone; the mode is compared too, so a file
    made unreadable is loaded again (and reported) instead of staying unnoticed."""
    image = tree / "museum" / "cover.jpg"
    image.write_bytes(b"jpeg bytes")
    watcher = TreeWatcher(tree, settle_s=1.0, clock=clock)
    before = image.stat()
    image.chmod(0o200)
    after = image.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (
        before.st_size,
        before.st_mtime_ns,
        before.st_ino,
    )
    watcher.poll()
    clock.advance(1)
    assert watcher.poll()


def test_new_folders_are_watched_too(tree, clock):
    watcher = TreeWatcher(tree, settle_s=1.0, clock=clock)
    (tree / "culture-days" / "images").mkdir(parents=True)
    watcher.poll()
    clock.advance(1)
    assert watcher.poll()
    (tree / "culture-days" / "images" / "a.jpg").write_bytes(b"jpg")
    watcher.poll()
    clock.advance(1)
    assert watcher.poll()


def test_rebase_forgets_pending_changes(tree, clock):
    watcher = TreeWatcher(tree, settle_s=1.0, clock=clock)
    (tree / "kiosk.yaml").write_text("title: new one\n")
    watcher.poll()
    watcher.rebase()
    clock.advance(2)
    assert not watcher.poll()

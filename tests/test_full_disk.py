"""A full disk under the kiosk's own records: every failed write leaves no temporary
file behind, and the next write after space returns succeeds.

The injected failures run everywhere; the tiny tmpfs ones need root (skipped
otherwise, with the reason)."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.content import atomic, parsed_cache
from kiosk.content.atomic import write_atomic
from kiosk.content.imagerecord import ImageRecord
from kiosk.content.images import ImageInfo
from kiosk.content.parsed_cache import load_cached
from kiosk.runtime.paths import write_json_atomic
from kiosk.runtime.pin import PinPad, PinStore
from tests.diskfull import fill, free, tiny_disk
from tests.factories import make_site, valid_exhibit
from tests.fakes import FakeClock


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*.tmp"))


def no_space(*args: object, **kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("fsync", [True, False])
def test_a_failed_atomic_write_removes_its_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fsync: bool
) -> None:
    target = tmp_path / "record.json"
    target.write_bytes(b"old")
    monkeypatch.setattr(atomic.os, "replace", no_space)
    with pytest.raises(OSError, match="No space"):
        write_atomic(target, b"new", fsync=fsync)
    assert leftovers(tmp_path) == []
    assert target.read_bytes() == b"old"  # the reader still sees the whole old file


def test_settings_on_a_full_disk_keep_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "settings.json"
    write_json_atomic(path, {"a": 1})
    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(OSError):
        write_json_atomic(path, {"a": 2})
    assert json.loads(path.read_text()) == {"a": 1}
    assert leftovers(tmp_path) == []


def test_parsed_cache_on_a_real_full_disk(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    root = make_site(tmp_path / "site")
    with tiny_disk(tmp_path / "disk") as disk:
        cache = disk / "parsed"
        cache.mkdir()
        filler = fill(disk)
        result = load_cached(root, cache)
        assert result.content is not None  # the kiosk carries on
        assert "parsed-content cache not written" in caplog.text
        assert leftovers(disk) == []
        assert list(cache.glob("content-*.pickle")) == []
        free(filler)
        assert load_cached(root, cache).content is not None
        assert len(list(cache.glob("content-*.pickle"))) == 1
        assert leftovers(disk) == []


def test_temporary_files_left_by_an_earlier_full_disk_are_swept(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site")
    cache = tmp_path / "parsed"
    cache.mkdir()
    stale = cache / ".content-0123.pickle.4242.tmp"
    stale.write_bytes(b"")
    hour_ago = time.time() - 3700
    os.utime(stale, (hour_ago, hour_ago))
    fresh = cache / ".content-4567.pickle.4343.tmp"  # another writer, still at work
    fresh.write_bytes(b"")
    assert load_cached(root, cache).content is not None
    assert not stale.exists()
    assert fresh.exists()


def test_image_check_record_on_a_real_full_disk(tmp_path: Path) -> None:
    with tiny_disk(tmp_path / "disk") as disk:
        record = disk / "renditions" / "image-checks.json"
        checked = ImageRecord(record)
        checked.add("ab" * 32, ".jpg", ImageInfo("JPEG", 10, 20, 1))
        filler = fill(disk)
        checked.save()
        assert not record.exists()
        assert leftovers(disk) == []  # was: .image-checks.json.<pid>.tmp, zero bytes
        assert checked.changed  # so the next load saves it again
        free(filler)
        checked.save()
        assert record.exists() and not checked.changed
        assert leftovers(disk) == []


def test_pin_lockout_on_a_real_full_disk(tmp_path: Path) -> None:
    with tiny_disk(tmp_path / "disk") as disk:
        store = PinStore(disk / "settings.json")
        store.set_pin("2580")
        clock = FakeClock(1_700_000_000.0)
        pad = PinPad(store, clock)
        filler = fill(disk)
        statuses = [pad.attempt("1111").status for _ in range(5)]
        assert statuses[-1] == "locked"  # held in memory while it cannot be saved
        assert leftovers(disk) == []
        assert store.verify("2580")  # the PIN file was never half-written
        free(filler)
        clock.advance(60)
        pad.attempt("1111")
        assert PinPad(store, clock).seconds_locked() == pytest.approx(120.0)


def test_parsed_cache_write_error_is_only_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    root = make_site(tmp_path / "site")
    monkeypatch.setattr(parsed_cache, "write_atomic", no_space)
    assert load_cached(root, tmp_path / "cache").content is not None
    assert "No space left" in caplog.text


def _wait_for(condition: Callable[[], bool], what: str, timeout_s: float = 60.0) -> None:
    """Poll a condition of the running kiosk; the wait is generous, nothing is timed."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.2)


def test_a_real_kiosk_on_a_full_disk_recovers_once_space_is_back(tmp_path: Path) -> None:
    """Cache and state on a full disk: the kiosk runs; freed space brings back the
    renditions (no restart) and the log file, and no temporary file is left."""
    site = make_site(
        tmp_path / "site", {"alpha": valid_exhibit(), "beta": valid_exhibit(id="beta", order="20")}
    )
    with tiny_disk(tmp_path / "disk", size_kb=1024) as disk:
        cache, state = disk / "cache", disk / "state"
        filler = fill(disk)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "QT_QUICK_BACKEND": "software",
            "XDG_CACHE_HOME": str(tmp_path / "xdg-cache"),
        }
        command = [sys.executable, "-m", "kiosk", "--windowed", "--size", "800x600"]
        command += ["--cache", str(cache), "--state-dir", str(state), str(site)]
        kiosk = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
        )
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.extend(kiosk.stderr or ()), daemon=True)
        reader.start()
        try:
            _wait_for(lambda: any("rendition not written" in line for line in lines), "a failure")
            assert kiosk.poll() is None  # still up on the full disk
            assert not list(cache.rglob("*-thumb-*"))
            free(filler)
            _wait_for(lambda: bool(list(cache.rglob("*-thumb-*"))), "renditions after freeing")

            log_file = state / "kiosk.log"

            def log_file_resumed() -> bool:
                # An edit makes the kiosk log a reload line once it settles; the file
                # is tried again on a line at least RETRY_S after the failure.
                reloads = sum("reload" in line for line in lines)
                with (site / "kiosk.yaml").open("a", encoding="utf-8") as handle:
                    handle.write("# edited\n")
                _wait_for(lambda: sum("reload" in line for line in lines) > reloads, "a reload")
                return log_file.exists() and "log file writable again" in log_file.read_text()

            _wait_for(log_file_resumed, "the log file to be written again", timeout_s=90)
            assert kiosk.poll() is None
        finally:
            kiosk.terminate()
            kiosk.wait(timeout=30)
            reader.join(timeout=5)
            if kiosk.stderr is not None:
                kiosk.stderr.close()
        assert leftovers(disk) == []
        assert list(disk.rglob("*.part")) == []
    assert sum("cannot write the log file" in line for line in lines) == 1

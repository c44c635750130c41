"""The start-up load made by a child process while the kiosk's own process starts Qt
(``kiosk.runtime.prefetch``).

The child is forked only by a process without Qt and without other threads, so the
cases run in a plain Python subprocess (this one has Qt loaded: the refusal is the
first case). Each compares the child's result with the same load made in place.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kiosk.runtime import prefetch
from tests.process import REPO

# Runs in a fresh interpreter: ARGS is a JSON list [case, exhibits folder, cache folder].
SCRIPT = r"""
import json, os, signal, sys, threading
from pathlib import Path
from kiosk.content.imagerecord import ImageChecks, ImageRecord
from kiosk.content.loader import load_content
from kiosk.runtime import prefetch

case, root, cache = json.loads(sys.argv[1])
root, cache = Path(root), Path(cache)
seen = {}
if case == "thread":
    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    seen["started"] = prefetch.start(root, cache) is not None
    stop.set()
    worker.join()
else:
    child = prefetch.start(root, cache)
    seen["started"] = child is not None
    if child is not None:
        pid = child.pid
        if case == "killed":
            os.kill(pid, signal.SIGKILL)
        record = ImageRecord()
        loaded = child.result(record)
        try:
            os.waitpid(pid, os.WNOHANG)
            seen["reaped"] = False
        except ChildProcessError:
            seen["reaped"] = True
        seen["header_only"] = len(record.header_only())
        here = load_content(root, ImageChecks(decode_now=False))
        seen["same"] = loaded == here
        seen["result"] = None if loaded is None else {
            "ok": loaded.ok,
            "errors": [f"{p.path.name}:{p.line}: {p.message}" for p in loaded.errors],
        }
    seen["again"] = prefetch.start(root, cache) is not None
print(json.dumps(seen))
"""


def _python(script: str, *args: str) -> str:
    """What ``script`` printed, run by a fresh interpreter without Qt."""
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _run(case: str, root: Path, cache: Path) -> dict[str, Any]:
    out = _python(SCRIPT, json.dumps([case, str(root), str(cache)]))
    seen: dict[str, Any] = json.loads(out.splitlines()[-1])
    return seen


def test_the_child_makes_the_start_up_load_and_a_second_start_needs_none(
    tmp_path: Path,
) -> None:
    seen = _run("valid", REPO / "exhibits", tmp_path / "cache")
    assert seen["started"] and seen["reaped"]
    assert seen["result"] == {"ok": True, "errors": []}
    assert seen["same"]  # the very set a load in place gives
    assert seen["header_only"] >= 5  # each image's header check, for the kiosk's record
    assert list((tmp_path / "cache" / prefetch.PARSED).glob("content-*.pickle"))
    assert not seen["again"]  # the cache knows the folder now: a warm start forks nothing


def test_a_folder_with_errors_comes_back_as_its_errors_with_file_and_line(
    tmp_path: Path,
) -> None:
    root = tmp_path / "exhibits"
    shutil.copytree(REPO / "exhibits", root)
    exhibit = root / "history" / "exhibit.yaml"
    exhibit.write_text(exhibit.read_text(encoding="utf-8") + "\nsurprise: [", encoding="utf-8")
    seen = _run("errors", root, tmp_path / "cache")
    assert seen["started"] and seen["reaped"] and seen["same"]
    assert seen["result"]["ok"] is False
    assert any(e.startswith("exhibit.yaml:") for e in seen["result"]["errors"])
    assert seen["again"]  # errors are never cached: the next start loads again


def test_a_child_that_dies_leaves_the_load_to_the_kiosk(tmp_path: Path) -> None:
    seen = _run("killed", REPO / "exhibits", tmp_path / "cache")
    assert seen["started"] and seen["reaped"]
    assert seen["result"] is None  # the caller loads the folder itself


def test_no_child_is_forked_beside_other_threads_or_once_qt_is_loaded(tmp_path: Path) -> None:
    assert not _run("thread", REPO / "exhibits", tmp_path / "cache")["started"]
    assert "PySide6.QtCore" in sys.modules  # this test process: Qt is loaded
    assert prefetch.start(REPO / "exhibits", tmp_path / "cache") is None


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_the_child_keeps_none_of_the_parents_files(tmp_path: Path) -> None:
    """A copy of the state folder's lock (flock) in a child would keep a kiosk started
    right after this one from running."""
    probe = r"""
import os, sys, time
from pathlib import Path
from kiosk.runtime import prefetch
held = open(sys.argv[1], "w")  # a file the parent holds, as the state lock
child = prefetch.start(Path(sys.argv[2]), Path(sys.argv[3]))
# The child's result (over 64 KB for the bundled exhibits) fills the pipe: it waits
# for the read below, alive. Looked at once its stderr (a pipe here) is /dev/null:
# the parent's files were closed just before.
for _ in range(1000):
    if os.readlink(f"/proc/{child.pid}/fd/2") == os.devnull:
        break
    time.sleep(0.01)
def target(fd):
    try:
        return os.readlink(f"/proc/{child.pid}/fd/{fd}")
    except FileNotFoundError:  # closed meanwhile: a file of the child's own reading
        return ""
targets = sorted(filter(None, map(target, os.listdir(f"/proc/{child.pid}/fd"))))
from kiosk.content.imagerecord import ImageRecord
print(repr(targets), child.result(ImageRecord()) is not None)
"""
    lock = tmp_path / "lock"
    out = _python(probe, str(lock), str(REPO / "exhibits"), str(tmp_path / "c"))
    targets, _, loaded = out.strip().rpartition(" ")
    assert loaded == "True"  # it went on to send its load
    assert "pipe:" in targets  # the child's result pipe: it was looked at while it worked
    assert str(lock) not in targets

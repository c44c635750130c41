"""A first start's loading child: forked first of all, ended when the kiosk stops
before it takes the load (``Prefetch.cancel``, ``kiosk.commands.run``), and its
regular expressions kept compiled for the next first start (``kiosk.runtime.kept_code``).

The child is forked only by a process without Qt and without other threads, so the
cases run in plain Python subprocesses.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests import process

UNIT = r"""
import json, os, sys
from pathlib import Path
from kiosk.content.imagerecord import ImageRecord
from kiosk.runtime import prefetch

root, cache = Path(sys.argv[1]), Path(sys.argv[2])
child = prefetch.start(root, cache)
pid = child.pid
child.cancel()
try:
    os.waitpid(pid, os.WNOHANG)
    reaped = False
except ChildProcessError:
    reaped = True
seen = {"reaped": reaped, "result": child.result(ImageRecord()), "pid": child.pid}
child.cancel()  # twice: nothing more to do
again = prefetch.start(root, cache)  # the cancelled child cached nothing half-made
loaded = again.result(ImageRecord())
seen["later"] = loaded is not None and loaded.ok
again.cancel()  # after its result: nothing to do
print(json.dumps(seen))
"""

# Becomes the subreaper of what it starts: a child the kiosk leaves behind when it
# exits comes to this process, which then still has a child to wait for.
ORPHANS = r"""
import ctypes, json, os, subprocess, sys
ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
try:
    left = os.waitpid(-1, os.WNOHANG)  # (0, 0): a child still running
    left = "a process was left behind"
except ChildProcessError:
    left = None
print(json.dumps({"code": done.returncode, "stderr": done.stderr, "left": left}))
"""


def test_a_cancelled_child_is_ended_and_reaped_and_gives_no_load(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", UNIT, str(process.REPO / "exhibits"), str(tmp_path / "cache")],
        env=process.environment(),
        capture_output=True,
        text=True,
        check=True,
    )
    seen = json.loads(done.stdout)
    assert seen == {"reaped": True, "result": None, "pid": 0, "later": True}


def test_a_first_start_that_stops_before_its_load_leaves_no_process_behind(
    tmp_path: Path,
) -> None:
    """Kiosk mode with no staff PIN set refuses to start, after the child was forked."""
    kiosk = [
        sys.executable,
        "-m",
        "kiosk",
        "--cache",
        str(tmp_path / "cache"),  # empty: a first start, so a child is forked
        "--state-dir",
        str(tmp_path / "state"),
        str(process.REPO / "exhibits"),
    ]
    done = subprocess.run(
        [sys.executable, "-c", ORPHANS, *kiosk],
        env={**process.environment(), "XDG_CACHE_HOME": str(tmp_path / "xdg")},
        capture_output=True,
        text=True,
        check=True,
    )
    seen = json.loads(done.stdout)
    assert seen["code"] == 2 and "no staff PIN is set" in seen["stderr"]
    assert seen["left"] is None


KEPT = r"""
import json, sys
from pathlib import Path
from kiosk.content.imagerecord import ImageRecord
from kiosk.runtime import prefetch
child = prefetch.start(Path(sys.argv[1]), Path(sys.argv[2]))
loaded = child.result(ImageRecord())
print(json.dumps({"ok": loaded is not None and loaded.ok}))
"""


def test_a_first_starts_child_keeps_its_regular_expressions_for_the_next_one(
    tmp_path: Path,
) -> None:
    """PyYAML's and the checks' regular expressions, made by ``re`` in Python at every
    import, are kept in the cache folder by the first child and answered to the next
    (which then has nothing new to write)."""
    import marshal

    from kiosk.runtime import kept_code

    env = {**process.environment(), "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    kept = tmp_path / "xdg" / "friendship-kiosk" / kept_code.CONTENT_FILE
    written = []
    for run in range(2):
        done = subprocess.run(  # an empty rendition cache each time: a first start
            [sys.executable, "-c", KEPT, str(process.REPO / "exhibits"), str(tmp_path / f"c{run}")],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        assert json.loads(done.stdout) == {"ok": True}
        written.append(kept.stat().st_mtime_ns)
        if run == 0:
            kept.write_bytes(kept.read_bytes())  # a modification time of the test's own
            written[0] = kept.stat().st_mtime_ns
    _, _, code, patterns = marshal.loads(kept.read_bytes())
    assert code == {}  # no PySide in a content load
    import yaml.reader

    assert (yaml.reader.Reader.NON_PRINTABLE.pattern, 0) in patterns
    assert written[1] == written[0]  # the second child found all it compiled kept

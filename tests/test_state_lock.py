"""One kiosk per state folder, on real ``kiosk`` processes: a second one started on the
same folder says which process holds it and exits 2, touching nothing."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from kiosk.runtime import paths
from kiosk.runtime.state_lock import lock_state
from tests.conftest import BUNDLED
from tests.process import environment, start


def test_a_second_kiosk_on_one_state_folder_names_the_first_and_exits_2(tmp_path: Path) -> None:
    state = tmp_path / "state"
    args = ["--windowed", "--state-dir", str(state), "--cache", str(tmp_path / "cache")]
    first = start(tmp_path, [*args, str(BUNDLED)])
    try:
        log_before = (state / paths.LOG_FILE).read_text(encoding="utf-8")
        second = subprocess.run(
            [sys.executable, "-m", "kiosk", *args, str(BUNDLED)],
            env=environment(),
            capture_output=True,
            text=True,
            timeout=120,
            cwd=tmp_path,
        )
        assert second.returncode == 2, second.stderr
        assert second.stderr.splitlines() == [
            f"kiosk: another kiosk (process {first.process.pid}) is already running on the "
            f"state folder {state}; stop it first, or give this one its own --state-dir"
        ]
        # the second wrote nothing; the first may have gone on (its read-aloud check and
        # its word on cores, just after its first frame), so only its own lines may follow
        log_after = (state / paths.LOG_FILE).read_text(encoding="utf-8")
        assert log_after.startswith(log_before)
        added = log_after[len(log_before) :].splitlines()
        assert all(" kiosk.readaloud: " in line or " kiosk.cores: " in line for line in added), (
            added
        )
        assert first.process.poll() is None  # the first runs on, undisturbed
        first.process.send_signal(signal.SIGTERM)
        assert first.wait() == 0
    finally:
        first.kill()
    # once the first has ended, the folder is free again: no stale lock
    lock_state(state).close()

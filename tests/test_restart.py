"""A restart with a broken file on disk, on a real ``kiosk`` process: the visitor sees
what was shown before, staff see the error with its file and line."""

from __future__ import annotations

import re
import signal
import time
from pathlib import Path

from tests.factories import make_site, valid_exhibit
from tests.process import START_TIMEOUT_S, Kiosk, start


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
    kept = tmp_path / "cache" / "parsed"
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

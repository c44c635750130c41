"""Running a real ``kiosk`` process in a test: spawn, wait for READY=1, read its records."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from kiosk.runtime import paths

REPO = Path(__file__).resolve().parent.parent
CHILD = REPO / "tests" / "kiosk_child.py"
START_TIMEOUT_S = 120  # a generous bound on a loaded 2-core machine, not a speed check


def environment() -> dict[str, str]:
    env = dict(os.environ)
    for name in ("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"):
        env.pop(name, None)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        QT_QUICK_BACKEND="software",
        QT_QUICK_CONTROLS_STYLE="Basic",
        PYTHONPATH=str(REPO),
    )
    return env


@dataclass
class Kiosk:
    """A started kiosk process: its handle, log and state folder."""

    process: subprocess.Popen[bytes]
    state: Path
    output: Path
    seen: str = ""  # what the script reported (``visit``: the tiles home showed)

    def wait(self, timeout: float = 60) -> int:
        return self.process.wait(timeout)

    def text(self) -> str:
        return self.output.read_text(encoding="utf-8", errors="replace")

    def log(self) -> str:
        path = self.state / paths.LOG_FILE
        return path.read_text(encoding="utf-8") if path.exists() else ""

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(30)


def start(
    tmp: Path,
    args: list[str],
    *,
    script: str | None = None,
    env: dict[str, str] | None = None,
) -> Kiosk:
    """``kiosk ARGS`` (through ``kiosk_child.py SCRIPT`` when given), returned once
    its first frame is on screen (``READY=1`` on ``$NOTIFY_SOCKET``) and, with a
    script, once the script has run."""
    state = tmp / "state"
    address = tmp / f"notify-{time.monotonic_ns()}"
    output = tmp / f"kiosk-{time.monotonic_ns()}.out"
    marker = tmp / f"script-{time.monotonic_ns()}.done"
    if script is None:
        argv = [sys.executable, "-m", "kiosk", *args]
    else:
        argv = [sys.executable, str(CHILD), script, str(marker), "--", *args]
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(str(address))
        sock.settimeout(START_TIMEOUT_S)
        with output.open("wb") as out:
            process = subprocess.Popen(
                argv,
                env={**environment(), **(env or {}), "NOTIFY_SOCKET": str(address)},
                stdout=out,
                stderr=subprocess.STDOUT,
                cwd=tmp,
            )
        kiosk = Kiosk(process, state, output)
        try:
            while b"READY=1" not in sock.recv(4096):
                pass
        except TimeoutError:
            kiosk.kill()
            raise AssertionError(f"no first frame:\n{kiosk.text()}") from None
        finally:
            address.unlink(missing_ok=True)
    if script is not None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not marker.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        done = marker.read_text(encoding="utf-8") if marker.exists() else "never finished"
        if not done.startswith("done\n") and script != "staff-quit":
            kiosk.kill()
            raise AssertionError(f"script {script}: {done}\n{kiosk.text()}")
        kiosk.seen = done.removeprefix("done\n")
    return kiosk


def rows(db: Path, query: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute(query).fetchall()
    finally:
        conn.close()

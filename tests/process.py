"""Running a real ``kiosk`` process in a test: spawn (offscreen, or in a real window under
Xvfb), wait for READY=1, read its records. Benchmarks use the same environment."""

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
    """How tests and benchmarks (tests/bench/bench.py) run a real kiosk: offscreen,
    software scene graph, no systemd of the caller's."""
    env = dict(os.environ)
    for name in ("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"):
        env.pop(name, None)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        QT_QUICK_BACKEND="software",
        QT_QUICK_CONTROLS_STYLE="Basic",
        XDG_RUNTIME_DIR=env.get("XDG_RUNTIME_DIR", "/tmp/kiosk-test-runtime"),
        PYTHONPATH=str(REPO),
    )
    os.makedirs(env["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)
    return env


def x_environment(display: str) -> dict[str, str]:
    """``environment()`` for a real window on an X server (Xvfb): the xcb platform,
    and the kiosk's own choice of scene graph (``kiosk.ui.app.software_reason``: the
    software one on a machine without a GPU, as CI's; ``QSG_RHI_BACKEND=opengl`` in
    ``env`` for OpenGL through Mesa)."""
    env = environment()
    env.pop("QT_QUICK_BACKEND")
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
    return env


class Notifications:
    """The kiosk's ``sd_notify`` datagrams, received as systemd would receive them."""

    def __init__(self, folder: Path) -> None:
        self.address = folder / f"notify-{time.monotonic_ns()}"
        self.messages: list[str] = []
        self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self._socket.bind(str(self.address))
        self._socket.settimeout(START_TIMEOUT_S)

    def wait_for(self, prefix: str, count: int = 1) -> None:
        """Until ``count`` datagrams starting with ``prefix`` came; TimeoutError after
        ``START_TIMEOUT_S`` of silence."""
        while sum(m.startswith(prefix) for m in self.messages) < count:
            self.messages.append(self._socket.recv(4096).decode("utf-8", "replace"))

    def close(self) -> None:
        self._socket.close()
        self.address.unlink(missing_ok=True)


@dataclass
class Kiosk:
    """A started kiosk process: its handle, log and state folder."""

    process: subprocess.Popen[bytes]
    state: Path
    output: Path
    seen: str = ""  # what the script reported (``visit``: the tiles home showed)
    notifications: Notifications | None = None  # with ``listen=True``: still receiving

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
        if self.notifications is not None:
            self.notifications.close()


def start(
    tmp: Path,
    args: list[str],
    *,
    script: str | None = None,
    env: dict[str, str] | None = None,
    display: str | None = None,
    listen: bool = False,
) -> Kiosk:
    """``kiosk ARGS`` (through ``kiosk_child.py SCRIPT`` when given), returned once
    its first frame is on screen (``READY=1`` on ``$NOTIFY_SOCKET``) and, with a
    script, once the script has run. Offscreen, or in a real window on the X server
    ``display``; ``listen`` keeps receiving its notifications (``kiosk.notifications``,
    closed by ``kill``)."""
    state = tmp / "state"
    output = tmp / f"kiosk-{time.monotonic_ns()}.out"
    marker = tmp / f"script-{time.monotonic_ns()}.done"
    if script is None:
        argv = [sys.executable, "-m", "kiosk", *args]
    else:
        argv = [sys.executable, str(CHILD), script, str(marker), "--", *args]
    base = environment() if display is None else x_environment(display)
    notifications = Notifications(tmp)
    with output.open("wb") as out:
        process = subprocess.Popen(
            argv,
            env={**base, **(env or {}), "NOTIFY_SOCKET": str(notifications.address)},
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=tmp,
        )
    kiosk = Kiosk(process, state, output, notifications=notifications)
    try:
        notifications.wait_for("READY=1")
    except TimeoutError:
        kiosk.kill()
        raise AssertionError(f"no first frame:\n{kiosk.text()}") from None
    finally:
        if not listen:
            notifications.close()
            kiosk.notifications = None
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

"""systemd that stops reading its notify socket never stalls the kiosk.

The watchdog's ping is sent from the UI thread (a hung UI must stop pinging). When
the manager does not read its socket for a while (busy, or being re-executed), the
socket's queue fills (``net.unix.max_dgram_qlen`` datagrams), and a blocking send
then waited on the UI thread: the kiosk stopped drawing, answering touches and even
SIGTERM until the manager read again. A real kiosk, its notify socket left unread
after ``READY=1``, with a ping every 10 ms: once the queue is full, it still stops at
SIGTERM at once, and says in its log that a notification was dropped. And a READY=1
that met a full queue on a unit without a watchdog is sent again once there is room.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.runtime import systemd
from tests.process import START_TIMEOUT_S, Kiosk, environment, start

BUNDLED = Path(__file__).resolve().parent.parent / "exhibits"


def queue_full(address: Path) -> bool:
    """Whether the socket's queue is full: a datagram of our own, sent without
    waiting, is refused (when it is not, it helps fill the queue)."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as probe:
        probe.setblocking(False)
        probe.connect(str(address))
        try:
            probe.send(b"PROBE=1")
        except BlockingIOError:
            return True
    return False


def test_an_unread_notify_socket_does_not_stall_the_kiosk(tmp_path: Path) -> None:
    args = ["--windowed", "--state-dir", str(tmp_path / "state"), "--cache", str(tmp_path / "c")]
    kiosk = start(tmp_path, [*args, str(BUNDLED)], env={"WATCHDOG_USEC": "20000"}, listen=True)
    assert kiosk.notifications is not None
    try:
        # READY=1 was read; nothing more is: the queue fills with pings, one each 10 ms
        deadline = time.monotonic() + 60
        while not queue_full(kiosk.notifications.address):
            assert time.monotonic() < deadline, "the notify socket's queue never filled"
            time.sleep(0.05)
        time.sleep(0.5)  # pings meet the full queue
        assert kiosk.process.poll() is None, kiosk.text()
        asked = time.monotonic()
        kiosk.process.send_signal(signal.SIGTERM)
        try:
            code = kiosk.wait(timeout=20)
        except subprocess.TimeoutExpired:
            raise AssertionError(
                "the kiosk did not stop at SIGTERM with its notify socket full:\n" + kiosk.text()
            ) from None
        assert code == 0, kiosk.text()
        assert time.monotonic() - asked < 20
    finally:
        kiosk.kill()
    assert "sd_notify 'WATCHDOG' failed" in kiosk.log(), kiosk.log()


def test_a_ready_that_found_the_queue_full_is_sent_again_without_a_watchdog(
    tmp_path: Path,
) -> None:
    """A unit with ``Type=notify`` and no ``WatchdogSec``: the manager's queue is full
    when the first frame is drawn, so READY=1 waits its two seconds and is dropped. With
    no ping to carry it, the kiosk sends it again by itself once there is room: else the
    unit would stay "activating" and be stopped at its start timeout, the kiosk on
    screen all along."""
    address = tmp_path / "notify"
    manager = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    manager.bind(str(address))
    manager.settimeout(START_TIMEOUT_S)
    while not queue_full(address):  # the manager is busy: nothing is read
        pass
    state = tmp_path / "state"
    args = ["--windowed", "--state-dir", str(state), "--cache", str(tmp_path / "c")]
    with (tmp_path / "kiosk.out").open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "kiosk", *args, str(BUNDLED)],
            env={**environment(), "NOTIFY_SOCKET": str(address)},
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=tmp_path,
        )
    kiosk = Kiosk(process, state, tmp_path / "kiosk.out")
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while "sd_notify 'READY' failed" not in kiosk.log():
            assert process.poll() is None, kiosk.text()
            assert time.monotonic() < deadline, "READY=1 never met the full queue:\n" + kiosk.text()
            time.sleep(0.1)
        time.sleep(2 * systemd.RETRY_S)  # tries that find the queue still full
        # the manager reads again: what was queued, then READY=1 once there is room
        manager.settimeout(10 * systemd.RETRY_S)
        read = [manager.recv(4096)]
        while not read[-1].startswith(b"READY=1"):
            read.append(manager.recv(4096))
        assert read[-1] == b"READY=1\nSTATUS=showing content"
        assert set(read[:-1]) == {b"PROBE=1"}, read  # the queue was full until now
        assert process.poll() is None, kiosk.text()
        # and only once: nothing more comes (no watchdog, nothing else to say)
        manager.settimeout(3 * systemd.RETRY_S)
        with pytest.raises(TimeoutError):
            manager.recv(4096)
    finally:
        kiosk.kill()
        manager.close()

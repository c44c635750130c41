"""systemd that stops reading its notify socket never stalls the kiosk.

The watchdog's ping is sent from the UI thread (a hung UI must stop pinging). When
the manager does not read its socket for a while (busy, or being re-executed), the
socket's queue fills (``net.unix.max_dgram_qlen`` datagrams), and a blocking send
then waited on the UI thread: the kiosk stopped drawing, answering touches and even
SIGTERM until the manager read again. A real kiosk, its notify socket left unread
after ``READY=1``, with a ping every 10 ms: once the queue is full, it still stops at
SIGTERM at once, and says in its log that a notification was dropped.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import time
from pathlib import Path

from tests.process import start

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

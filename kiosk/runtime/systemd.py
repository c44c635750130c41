"""sd_notify in a few lines of stdlib: readiness and the watchdog for systemd.

Without ``$NOTIFY_SOCKET`` (run by hand, in tests) every call is a no-op. A
failure to notify is logged, never raised: a missing watchdog ping ends in a
restart by systemd anyway, which is the right outcome for a hung kiosk.

The UI thread never waits long on the socket: the watchdog's ping comes from it, and a
manager that reads its socket late (its queue holds ``net.unix.max_dgram_qlen``
datagrams, 10 on some systems) would otherwise stop the kiosk's drawing, touches and
SIGTERM with it. A ping that finds the queue full is dropped and logged; the next one
tries again; so does ``STOPPING=1`` (a stop is not held up for it). ``READY=1``, which
a ``Type=notify`` unit must hear, waits up to ``WAIT_S`` for room, and if still not sent
goes again ahead of each later ping until one is, or every ``RETRY_S`` on a unit without
a watchdog (``tests/test_notify_stall.py``, ``test_runtime_systemd.py``).

``$WATCHDOG_PID`` is deliberately not checked: under ``cage`` the main process
systemd knows is the compositor, and the kiosk (its child) is the one that must
ping; the unit sets ``NotifyAccess=all`` for that.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

log = logging.getLogger("kiosk.systemd")

_reported_failure = False
WAIT_S = 2.0  # the longest READY=1 waits for room in a full queue
RETRY_S = 1.0  # without a watchdog, how often a READY=1 that found no room is sent again
_unsent_ready: str | None = None  # READY=1 that found no room: sent again with each ping


def _address(environ: Mapping[str, str]) -> str | None:
    address = environ.get("NOTIFY_SOCKET")
    if not address:
        return None
    if address.startswith("@"):  # abstract namespace socket
        return "\0" + address[1:]
    return address


def notify(message: str, environ: Mapping[str, str] | None = None, wait_s: float = 0.0) -> bool:
    """Send ``message`` (``READY=1``, ``STATUS=...``) to systemd; True if sent. A full
    queue is waited on for ``wait_s`` at most (none by default)."""
    global _reported_failure
    address = _address(os.environ if environ is None else environ)
    if address is None:
        return False
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.settimeout(wait_s)  # 0: a full queue raises BlockingIOError at once
            sock.connect(address)
            sock.sendall(message.encode("utf-8"))  # tests and the bench hook sendall
    except OSError as error:
        # The watchdog pings every few seconds: log the first failure loudly only.
        level = logging.DEBUG if _reported_failure else logging.WARNING
        log.log(level, "sd_notify %r failed: %s", message.split("=")[0], error)
        _reported_failure = True
        return False
    return True


def ready(status: str | None = None) -> bool:
    """The kiosk is showing content (``Type=notify`` units start counting as up)."""
    global _unsent_ready
    message = "READY=1" if status is None else f"READY=1\nSTATUS={status}"
    sent = notify(message, wait_s=WAIT_S)
    # kept for later only where a manager listens: without $NOTIFY_SOCKET it is no one's
    _unsent_ready = None if sent or _address(os.environ) is None else message
    return sent


def ready_unsent() -> bool:
    """A ``READY=1`` found no room and is still to be sent (``send_unsent_ready``)."""
    return _unsent_ready is not None


def send_unsent_ready() -> bool:
    """Send again a ``READY=1`` that found no room, without waiting; True once sent (or
    when none was left)."""
    global _unsent_ready
    if _unsent_ready is not None and notify(_unsent_ready):
        _unsent_ready = None
    return _unsent_ready is None


def status(text: str) -> bool:
    return notify(f"STATUS={text}")


def stopping() -> bool:
    return notify("STOPPING=1")


def watchdog() -> bool:
    """Ping the watchdog: call it from the UI event loop, so a hung UI stops pinging.
    A ``READY=1`` that found no room goes first."""
    send_unsent_ready()
    return notify("WATCHDOG=1")


def watchdog_interval_s(environ: Mapping[str, str] | None = None) -> float | None:
    """How often to ping: half of ``$WATCHDOG_USEC``, or None when there is no watchdog."""
    env = os.environ if environ is None else environ
    try:
        usec = int(env.get("WATCHDOG_USEC", ""))
    except ValueError:
        return None
    if usec <= 0:
        return None
    return usec / 1_000_000 / 2

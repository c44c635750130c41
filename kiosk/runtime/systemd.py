"""sd_notify in a few lines of stdlib: readiness and the watchdog for systemd.

Without ``$NOTIFY_SOCKET`` (run by hand, in tests) every call is a no-op. A
failure to notify is logged, never raised: a missing watchdog ping ends in a
restart by systemd anyway, which is the right outcome for a hung kiosk.

Sent without waiting: the watchdog's ping comes from the UI thread, and a manager that
reads its socket late (its queue holds ``net.unix.max_dgram_qlen`` datagrams, 10 on
some systems) would otherwise stop the kiosk's drawing, touches and SIGTERM with it.
A notification that finds the queue full is dropped and logged; the next ping tries
again (``tests/test_notify_stall.py``).

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


def _address(environ: Mapping[str, str]) -> str | None:
    address = environ.get("NOTIFY_SOCKET")
    if not address:
        return None
    if address.startswith("@"):  # abstract namespace socket
        return "\0" + address[1:]
    return address


def notify(message: str, environ: Mapping[str, str] | None = None) -> bool:
    """Send ``message`` (``READY=1``, ``STATUS=...``) to systemd; True if sent."""
    global _reported_failure
    address = _address(os.environ if environ is None else environ)
    if address is None:
        return False
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.setblocking(False)  # a full queue raises BlockingIOError, never waits
            sock.connect(address)
            sock.send(message.encode("utf-8"))
    except OSError as error:
        # The watchdog pings every few seconds: log the first failure loudly only.
        level = logging.DEBUG if _reported_failure else logging.WARNING
        log.log(level, "sd_notify %r failed: %s", message.split("=")[0], error)
        _reported_failure = True
        return False
    return True


def ready(status: str | None = None) -> bool:
    """The kiosk is showing content (``Type=notify`` units start counting as up)."""
    message = "READY=1" if status is None else f"READY=1\nSTATUS={status}"
    return notify(message)


def status(text: str) -> bool:
    return notify(f"STATUS={text}")


def stopping() -> bool:
    return notify("STOPPING=1")


def watchdog() -> bool:
    """Ping the watchdog: call it from the UI event loop, so a hung UI stops pinging."""
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

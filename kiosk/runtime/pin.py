"""The staff PIN: stored only as a salted scrypt hash, guarded by a lockout.

A four-digit PIN has 10,000 values, so the hash alone does not make it secret;
what protects the kiosk is the ``PinPad`` lockout and the settings file being
readable only by the kiosk user. The lockout is saved next to the PIN, so pulling
the plug does not buy a visitor fresh tries, and every lockout after the first
comes after one wrong PIN and lasts twice as long (up to an hour): guessing a
4-digit PIN then takes months, not a day. ``kiosk set-pin`` refuses the PINs
tried first (``1234``, ``0000``, ``1212``). The hash keeps the PIN out of backups
and support bundles in plain sight.
"""

from __future__ import annotations

import itertools
import logging
import math
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.content.records import Record, record
from kiosk.runtime.paths import read_json, write_json_atomic
from kiosk.runtime.plural import plural

log = logging.getLogger("kiosk.pin")

PIN_KEY = "staff_pin"
LOCKOUT_KEY = "staff_pin_lockout"
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
HASH_BYTES = 32
MIN_DIGITS = 4
MAX_DIGITS = 8


def check_pin_format(pin: str) -> None:
    """Raise ``ValueError`` with a message a person can act on."""
    if not (pin.isascii() and pin.isdigit()):
        raise ValueError("the PIN must contain digits only (0-9)")
    if not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
        raise ValueError(f"the PIN must have {MIN_DIGITS} to {MAX_DIGITS} digits, not {len(pin)}")


def weak_pin_reason(pin: str) -> str | None:
    """Why ``pin`` is among the first a person would guess, or None.

    Refused: one step repeated (``0000``, ``1234``, ``4321``, ``7890``, ``2468``)
    and a short block repeated (``1212``, ``123123``).
    """
    steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(pin)}
    if len(steps) <= 1:
        return "digits that repeat or count up or down (like 0000, 1234, 4321, 2468)"
    for size in range(2, len(pin) // 2 + 1):
        if len(pin) % size == 0 and pin == pin[:size] * (len(pin) // size):
            return f"a repeated block ({pin[:size]})"
    return None


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    import hashlib  # OpenSSL (3-4 MB): loaded when a PIN is set or checked

    return hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=HASH_BYTES, maxmem=64 * 1024 * 1024
    )


class PinStore:
    """The PIN hash inside the machine's settings JSON file (other keys kept)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _read(self) -> dict[str, Any] | None:
        """The settings, or None when the file cannot be trusted (logged)."""
        try:
            return read_json(self.path)
        except (OSError, ValueError) as error:
            log.error("cannot read settings %s: %s; treating it as no PIN set", self.path, error)
            return None

    def _record(self) -> dict[str, Any] | None:
        settings = self._read()
        record = settings.get(PIN_KEY) if settings else None
        if record is None:
            return None
        try:
            parsed = {
                "salt": bytes.fromhex(record["salt"]),
                "hash": bytes.fromhex(record["hash"]),
                "n": int(record["n"]),
                "r": int(record["r"]),
                "p": int(record["p"]),
            }
        except (KeyError, TypeError, ValueError) as error:
            log.error(
                "settings %s: unusable PIN record (%r); treating it as no PIN set", self.path, error
            )
            return None
        if record.get("scheme") != "scrypt" or not parsed["salt"] or not parsed["hash"]:
            log.error("settings %s: unknown PIN scheme; treating it as no PIN set", self.path)
            return None
        return parsed

    def is_set(self) -> bool:
        return self._record() is not None

    def stamp(self) -> bytes | None:
        """Changes whenever a PIN is set (its salt): how a running pad sees ``set-pin``."""
        record = self._record()
        return None if record is None else record["salt"]

    def set_pin(self, pin: str) -> None:
        """Hash and store ``pin``; ``ValueError`` for a bad PIN, ``OSError`` on write."""
        import secrets  # setting or checking a PIN only: not before the first frame

        check_pin_format(pin)
        salt = secrets.token_bytes(SALT_BYTES)
        digest = _scrypt(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
        settings = self._read()
        if settings is None:
            # A corrupt file is kept aside for a person to look at, not silently lost.
            backup = self.path.with_name(self.path.name + ".corrupt")
            try:
                self.path.replace(backup)
                log.warning("moved unreadable settings to %s", backup)
            except OSError:
                pass
            settings = {}
        settings.pop(LOCKOUT_KEY, None)  # a new PIN, set on the machine, lifts any lockout
        settings[PIN_KEY] = {
            "scheme": "scrypt",
            "n": SCRYPT_N,
            "r": SCRYPT_R,
            "p": SCRYPT_P,
            "salt": salt.hex(),
            "hash": digest.hex(),
        }
        write_json_atomic(self.path, settings, mode=0o600)
        log.info("staff PIN set in %s", self.path)

    def load_lockout(self) -> Lockout:
        """The saved lockout; an unreadable record counts as one lockout already
        served (the next wrong PIN locks), so damaging the file buys no fresh tries."""
        settings = self._read() or {}
        record = settings.get(LOCKOUT_KEY)
        if record is None:
            return Lockout()
        try:
            lockout = Lockout(
                failures=int(record["failures"]),
                level=int(record["level"]),
                locked_until=float(record["locked_until"]),
            )
        except (KeyError, TypeError, ValueError) as error:
            log.error("settings %s: unusable PIN lockout record (%r)", self.path, error)
            return Lockout(level=1)
        if lockout.failures < 0 or lockout.level < 0 or math.isnan(lockout.locked_until):
            log.error("settings %s: unusable PIN lockout record", self.path)
            return Lockout(level=1)
        return lockout

    def save_lockout(self, lockout: Lockout) -> None:
        """Keep the lockout across restarts; a failed write is logged (the pad still
        holds it in memory)."""
        settings = self._read()
        if settings is None:
            return  # an unreadable file is left for a person (set-pin moves it aside)
        if lockout == Lockout():
            if LOCKOUT_KEY not in settings:
                return
            settings.pop(LOCKOUT_KEY)
        else:
            settings[LOCKOUT_KEY] = {
                "failures": lockout.failures,
                "level": lockout.level,
                "locked_until": lockout.locked_until,
            }
        try:
            write_json_atomic(self.path, settings, mode=0o600)
        except OSError as error:
            log.error("cannot save the PIN lockout in %s: %s", self.path, error)

    def verify(self, pin: str) -> bool:
        """Whether ``pin`` matches; False when no PIN is set. No lockout here: use
        ``PinPad`` for anything a visitor can reach."""
        record = self._record()
        if record is None:
            return False
        try:
            candidate = _scrypt(pin, record["salt"], record["n"], record["r"], record["p"])
        except (ValueError, MemoryError) as error:  # parameters scrypt refuses
            log.error("settings %s: PIN record cannot be checked: %s", self.path, error)
            return False
        import hmac  # setting or checking a PIN only: not before the first frame

        return hmac.compare_digest(candidate, record["hash"])


OK = "ok"
WRONG = "wrong"
LOCKED = "locked"
UNSET = "unset"


@record
class PinResult(Record):
    """The answer to a PIN attempt."""

    status: str  # OK, WRONG, LOCKED or UNSET (no PIN stored: the panel stays shut)
    remaining_tries: int = 0  # on WRONG: tries left before the lockout
    seconds_left: float = 0.0  # on LOCKED: how long until the pad opens again

    @property
    def ok(self) -> bool:
        return self.status == OK


@record
class Lockout(Record):
    """What the pad remembers between attempts, and between restarts.

    ``failures``: wrong PINs since the last lockout or right PIN; ``level``: lockouts
    since the last right PIN (each one twice as long); ``locked_until``: wall-clock
    time the current lockout ends (0: not locked).
    """

    failures: int = 0
    level: int = 0
    locked_until: float = 0.0


class PinPad:
    """The PIN entry policy: ``max_tries`` wrong PINs lock the pad for ``lockout_s``;
    after that, each wrong PIN locks it again for twice as long, up to ``max_lockout_s``,
    until the right PIN is entered.

    The clock is wall-clock time because the lockout outlives the process. A clock
    set back cannot stretch a lockout beyond the wait of its level. The PIN file is
    read at every attempt, so ``kiosk set-pin`` takes effect without a restart, and
    lifts the lockout. Attempts while locked are not checked and not counted.
    """

    def __init__(
        self,
        store: PinStore,
        clock: Callable[[], float] = time.time,
        *,
        max_tries: int = 5,
        lockout_s: float = 60.0,
        max_lockout_s: float = 3600.0,
    ) -> None:
        self.store = store
        self._clock = clock
        self.max_tries = max_tries
        self.lockout_s = lockout_s
        self.max_lockout_s = max_lockout_s
        self._stamp = store.stamp()
        self._state = store.load_lockout()

    def wait_for(self, level: int) -> float:
        """The length of the ``level``-th lockout (1 is the first)."""
        return min(self.lockout_s * 2 ** max(level - 1, 0), self.max_lockout_s)

    def _set(self, state: Lockout) -> None:
        if state != self._state:
            self._state = state
            self.store.save_lockout(state)

    def seconds_locked(self) -> float:
        """Seconds until the pad accepts PINs again; 0 when it does now."""
        stamp = self.store.stamp()
        if stamp != self._stamp:  # ``kiosk set-pin`` ran: a new PIN starts afresh
            self._stamp = stamp
            self._state = self.store.load_lockout()
        state = self._state
        if not state.locked_until:
            return 0.0
        left = state.locked_until - self._clock()
        if left <= 0:
            self._set(Lockout(level=state.level))
            return 0.0
        longest = self.wait_for(state.level)
        if left > longest:  # the clock went back: the wait still ends in time
            self._set(Lockout(state.failures, state.level, self._clock() + longest))
            return longest
        return left

    def attempt(self, pin: str) -> PinResult:
        locked = self.seconds_locked()
        if locked:
            return PinResult(LOCKED, seconds_left=locked)
        if not self.store.is_set():
            log.warning("staff PIN entered but none is set; run 'kiosk set-pin'")
            return PinResult(UNSET)
        if self.store.verify(pin):
            self._set(Lockout())
            log.info("staff PIN accepted")
            return PinResult(OK)
        state = self._state
        failures = state.failures + 1
        allowed = self.max_tries if state.level == 0 else 1
        remaining = allowed - failures
        if remaining <= 0:
            level = state.level + 1
            wait = self.wait_for(level)
            self._set(Lockout(0, level, self._clock() + wait))
            log.warning("staff PIN wrong: pad locked for %.0f s (lockout %d)", wait, level)
            return PinResult(LOCKED, seconds_left=wait)
        self._set(Lockout(failures, state.level))
        log.info("staff PIN wrong (%s left)", plural(remaining, "try", "tries"))
        return PinResult(WRONG, remaining_tries=remaining)

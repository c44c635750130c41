"""The staff PIN: stored only as a salted scrypt hash, guarded by a lockout.

A four-digit PIN has 10,000 values, so the hash alone does not make it secret;
what protects the kiosk is the ``PinPad`` lockout (five wrong PINs, then a wait)
and the settings file being readable only by the kiosk user. The hash keeps the
PIN out of backups and support bundles in plain sight.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.runtime.paths import read_json, write_json_atomic

log = logging.getLogger("kiosk.pin")

PIN_KEY = "staff_pin"
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


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
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

    def set_pin(self, pin: str) -> None:
        """Hash and store ``pin``; ``ValueError`` for a bad PIN, ``OSError`` on write."""
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
        return hmac.compare_digest(candidate, record["hash"])


OK = "ok"
WRONG = "wrong"
LOCKED = "locked"
UNSET = "unset"


@dataclass(frozen=True)
class PinResult:
    """The answer to a PIN attempt."""

    status: str  # OK, WRONG, LOCKED or UNSET (no PIN stored: the panel stays shut)
    remaining_tries: int = 0  # on WRONG: tries left before the lockout
    seconds_left: float = 0.0  # on LOCKED: how long until the pad opens again

    @property
    def ok(self) -> bool:
        return self.status == OK


class PinPad:
    """The PIN entry policy: ``max_tries`` wrong PINs lock the pad for ``lockout_s``.

    The file is read at every attempt, so ``kiosk set-pin`` takes effect without
    a restart. Attempts while locked are not checked and not counted.
    """

    def __init__(
        self,
        store: PinStore,
        clock: Callable[[], float] = time.monotonic,
        *,
        max_tries: int = 5,
        lockout_s: float = 60.0,
    ) -> None:
        self.store = store
        self._clock = clock
        self.max_tries = max_tries
        self.lockout_s = lockout_s
        self._wrong = 0
        self._locked_until: float | None = None

    def seconds_locked(self) -> float:
        """Seconds until the pad accepts PINs again; 0 when it does now."""
        if self._locked_until is None:
            return 0.0
        left = self._locked_until - self._clock()
        if left <= 0:
            self._locked_until = None
            self._wrong = 0
            return 0.0
        return left

    def attempt(self, pin: str) -> PinResult:
        locked = self.seconds_locked()
        if locked:
            return PinResult(LOCKED, seconds_left=locked)
        if not self.store.is_set():
            log.warning("staff PIN entered but none is set; run 'kiosk set-pin'")
            return PinResult(UNSET)
        if self.store.verify(pin):
            self._wrong = 0
            log.info("staff PIN accepted")
            return PinResult(OK)
        self._wrong += 1
        remaining = self.max_tries - self._wrong
        if remaining <= 0:
            self._locked_until = self._clock() + self.lockout_s
            log.warning(
                "staff PIN wrong %d times: pad locked for %.0f s", self._wrong, self.lockout_s
            )
            return PinResult(LOCKED, seconds_left=self.lockout_s)
        log.info("staff PIN wrong (%d tries left)", remaining)
        return PinResult(WRONG, remaining_tries=remaining)

"""``kiosk set-pin``: store the staff panel PIN (hashed) for this machine."""

from __future__ import annotations

import argparse
import getpass
import sys

from kiosk.commands.args import add_state_dir_argument
from kiosk.runtime import paths
from kiosk.runtime.pin import (
    MAX_DIGITS,
    MIN_DIGITS,
    PinStore,
    check_pin_format,
    weak_pin_reason,
)


def _check(pin: str) -> None:
    """The format, then the PINs a visitor would try first; ``ValueError`` with why."""
    check_pin_format(pin)
    weak = weak_pin_reason(pin)
    if weak:
        raise ValueError(f"that PIN is too easy to guess: {weak}; choose another")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--pin-stdin",
        action="store_true",
        help="read the PIN from one line of standard input (for scripts) instead of asking",
    )
    add_state_dir_argument(parser)


def _read_pin(from_stdin: bool) -> str:
    """The new PIN; ``ValueError`` with the reason when it cannot be had."""
    if from_stdin:
        line = sys.stdin.readline()
        if not line:
            raise ValueError("no PIN on standard input")
        return line.rstrip("\r\n")
    try:
        first = getpass.getpass(f"New staff PIN ({MIN_DIGITS}-{MAX_DIGITS} digits): ")
        _check(first)
        second = getpass.getpass("Repeat the PIN: ")
    except (EOFError, KeyboardInterrupt):
        raise ValueError("no PIN entered") from None
    if first != second:
        raise ValueError("the two PINs do not match; nothing was changed")
    return first


def run(args: argparse.Namespace) -> int:
    folder = args.state_dir if args.state_dir is not None else paths.state_dir()
    try:
        pin = _read_pin(args.pin_stdin)
        _check(pin)
    except ValueError as error:
        sys.stderr.write(f"kiosk set-pin: {error}\n")
        return 2
    store = PinStore(paths.settings_path(folder))
    try:
        store.set_pin(pin)
    except OSError as error:
        sys.stderr.write(f"kiosk set-pin: cannot write {store.path}: {error}\n")
        return 1
    sys.stdout.write(f"Staff PIN stored (hashed) in {store.path}\n")
    return 0

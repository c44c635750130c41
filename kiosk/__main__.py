"""The entry point: ``kiosk`` (the installed command) and ``python -m kiosk``.

Its first lines take the stop signals, before anything else is even imported: a
``systemctl restart`` or a Ctrl+C in the first milliseconds of a start would otherwise
end the process without its ``stop`` line (SIGTERM) or with a KeyboardInterrupt
traceback (SIGINT). ``_signal`` is the part of Python's ``signal`` module that Python
itself loaded at its start, so taking the signals costs no import at all (``signal``
imports ``enum``: milliseconds a signal could land in). ``kiosk.runtime.early_signals``
then adopts what was noted; ``kiosk.cli`` hands it to the run command, or gives
Python's handling back to every other command.
"""

import _signal  # the C half of ``signal``, loaded by Python itself at its start

_noted: list[int] = []


def _note(number: int, frame: object) -> None:
    if not _noted:
        _noted.append(number)


_STOPS = (_signal.SIGTERM, _signal.SIGINT, _signal.SIGHUP)
# Held back while the handlers change hands: a SIGINT between two of these calls ran
# Python's own handler inside this module (a KeyboardInterrupt traceback naming it,
# seen once in CI's early-stop sweep). Held, it waits for ``_note``.
_held = _signal.pthread_sigmask(_signal.SIG_BLOCK, _STOPS)
_before = {n: _signal.signal(n, _note) for n in _STOPS}
_signal.pthread_sigmask(_signal.SIG_SETMASK, _held)

import sys  # noqa: E402

from kiosk.runtime.early_signals import adopt_entry  # noqa: E402

adopt_entry(_noted, _before)


def main() -> int:
    from kiosk.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())

"""The entry point: ``kiosk`` (the installed command) and ``python -m kiosk``.

Its first lines note stop signals, before anything else of the kiosk is imported: a
``systemctl restart`` or a Ctrl+C in the first milliseconds of a start would
otherwise end the process without its ``stop`` line (SIGTERM) or with a
KeyboardInterrupt traceback (SIGINT). ``kiosk.cli`` hands the note to the run command,
or gives Python's handling back to every other command (``kiosk.runtime.early_signals``).
"""

from kiosk.runtime.early_signals import install_at_entry

install_at_entry()

import sys  # noqa: E402


def main() -> int:
    from kiosk.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())

"""A real ``kiosk`` process that is sent a stop signal while it is still starting.

Run as ``python tests/early_signal_child.py POINT SIGNAL -- KIOSK ARGS``: the kiosk
starts through its own entry point (``kiosk.cli.main``) and, when its start reaches
POINT, the process sends itself SIGNAL with ``os.kill``: a real signal, delivered by
the kernel, at a moment a test could not hit from outside. Points:

- ``logging``: just after the log is set up, before Qt is imported;
- ``content``: during the first content load, after the Qt application and the
  QML engine exist but before the event loop takes stop signals.

Nothing else in the kiosk is changed; the process's exit code is the kiosk's.
"""

from __future__ import annotations

import functools
import os
import signal
import sys
from collections.abc import Callable
from typing import Any


def _then_signal(function: Callable[..., Any], number: int) -> Callable[..., Any]:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        result = function(*args, **kwargs)
        os.kill(os.getpid(), number)
        return result

    return wrapper


def run(argv: list[str]) -> int:
    point, name = argv[0], argv[1]
    number = signal.Signals[name]
    if point == "logging":
        from kiosk.runtime import logs

        logs.setup_logging = _then_signal(logs.setup_logging, number)
    elif point == "content":
        from kiosk.runtime.reload import ReloadController

        load = ReloadController.load_initial
        ReloadController.load_initial = _then_signal(load, number)  # type: ignore[method-assign]
    else:
        raise SystemExit(f"unknown point {point}")
    from kiosk.cli import main

    return main(argv[argv.index("--") + 1 :])


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))

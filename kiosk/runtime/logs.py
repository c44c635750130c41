"""Logging for a machine nobody watches: a rotating file plus stderr (the journal).

Lines are meant for grep: ``2026-11-27T10:00:00 INFO kiosk.reload: reload
accepted version=abc123 exhibits=5``. Logging itself must never take the kiosk
down: an unwritable or full disk degrades to stderr only, said once, and the file
is taken up again when it can be written.
"""

from __future__ import annotations

import atexit
import contextlib
import faulthandler
import logging
import logging.handlers
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from kiosk.runtime.paths import LOG_FILE
from kiosk.runtime.plural import plural

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
DATE_FORMAT = "%Y-%m-%dT%H:%M:%S"
FAULT_FILE = "faulthandler.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
MAX_LOGGED_ERRORS = 20
RETRY_S = 10.0  # how often a broken log file is tried again (opening a file is cheap)

_fault_file: IO[Any] | None = None  # kept open for as long as the process lives


class _MarkedHandler:
    """Mixin tag: handlers ``setup_logging`` installed, so a second call replaces them."""

    kiosk_handler = True


class _StderrHandler(_MarkedHandler, logging.StreamHandler):
    pass


class _FileHandler(_MarkedHandler, logging.handlers.RotatingFileHandler):
    """A rotating file that survives a full or failing disk.

    On a write error it says so once on stderr and stops writing; every
    ``retry_s`` seconds a new line tries to reopen the file, so once space is freed
    the file carries on (with a line saying how many lines only stderr got) instead
    of staying silent until a restart.
    """

    broken = False
    retry_s = RETRY_S
    clock: Callable[[], float] = staticmethod(time.monotonic)
    _retry_at = 0.0
    _lost = 0  # lines that went to stderr only while broken
    _said = False  # the breakage was reported on stderr; once until the file works

    def emit(self, record: logging.LogRecord) -> None:
        if self.broken and (self.clock() < self._retry_at or not self._reopen()):
            self._lost += 1
            return
        super().emit(record)

    def _reopen(self) -> bool:
        """Open the file again and say so in it; False while it still cannot be written."""
        self._close_stream()
        try:
            self.stream = self._open()
        except OSError:
            self._retry_at = self.clock() + self.retry_s
            return False
        self.broken = False
        note = logging.makeLogRecord(
            {
                "name": "kiosk.logs",
                "levelno": logging.WARNING,
                "levelname": "WARNING",
                "msg": "log file writable again; %s went to stderr only",
                "args": (plural(self._lost, "line"),),
                "kiosk_note": True,  # not counted as a lost line if it fails too
            }
        )
        super().emit(note)  # a failure lands in handleError: broken again
        if self.broken:
            return False
        self._lost = 0
        self._said = False
        with contextlib.suppress(Exception):
            sys.stderr.write(f"kiosk: the log file {self.baseFilename} is written again\n")
        return True

    def _close_stream(self) -> None:
        stream, self.stream = self.stream, None
        if stream is not None:
            # unwritten buffered bytes make close() fail again on a full disk
            with contextlib.suppress(OSError, ValueError):
                stream.close()

    def flush(self) -> None:
        if self.broken:
            return
        try:
            super().flush()
        except (OSError, ValueError):
            self.handleError(None)

    def close(self) -> None:
        # A file that was already failing has nothing left to save.
        with contextlib.suppress(OSError, ValueError):
            super().close()

    def handleError(self, record: logging.LogRecord | None) -> None:
        if self.broken:
            return
        self.broken = True
        self._retry_at = self.clock() + self.retry_s
        if record is not None and not getattr(record, "kiosk_note", False):
            self._lost += 1
        if self._said:
            return
        self._said = True
        error = sys.exc_info()[1]
        with contextlib.suppress(Exception):
            sys.stderr.write(
                f"kiosk: cannot write the log file {self.baseFilename} ({error}); "
                f"logging to stderr only until it can be written again\n"
            )


def setup_logging(state_dir: Path | None, level: int | str = logging.INFO) -> Path | None:
    """Log to stderr and to ``kiosk.log`` in ``state_dir``; returns the log file,
    or None when only stderr works. Safe to call again (handlers are replaced)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "kiosk_handler", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    formatter = logging.Formatter(FORMAT, DATE_FORMAT)
    stderr_handler = _StderrHandler(sys.stderr)
    stderr_handler.setFormatter(formatter)
    root.addHandler(stderr_handler)

    if state_dir is None:
        return None
    log_file = state_dir / LOG_FILE
    try:
        state_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        file_handler = _FileHandler(
            log_file, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError as error:
        logging.getLogger("kiosk.logs").warning(
            "cannot write logs in %s (%s); logging to stderr only", state_dir, error
        )
        _enable_faulthandler(None)
        return None
    file_handler.setFormatter(formatter)
    root.addHandler(file_handler)
    _enable_faulthandler(state_dir)
    return log_file


def _enable_faulthandler(state_dir: Path | None) -> None:
    """A crash in C (Qt, a driver) still leaves a Python traceback on disk."""
    global _fault_file
    handle = None
    if state_dir is not None and _fault_file is None:  # once per process
        _report_last_crash(state_dir)
    if state_dir is not None:
        try:
            handle = open(state_dir / FAULT_FILE, "a", encoding="utf-8")  # noqa: SIM115 (kept open)
        except OSError as error:
            logging.getLogger("kiosk.logs").warning("faulthandler to stderr only: %s", error)
    if handle is None:
        # stderr may have no file descriptor (a GUI launcher, a test capture).
        with contextlib.suppress(Exception):
            faulthandler.enable(all_threads=True)
        return
    faulthandler.enable(file=handle, all_threads=True)
    if _fault_file is not None:
        _fault_file.close()
    else:
        atexit.unregister(_close_fault_file)  # once, however often it is set up
        atexit.register(_close_fault_file)
    _fault_file = handle


def _close_fault_file() -> None:
    """At the interpreter's exit: the file is let go with the handler, not left to the
    garbage (an unclosed-file warning in every test process that started a kiosk)."""
    global _fault_file
    if _fault_file is not None:
        faulthandler.disable()
        _fault_file.close()
        _fault_file = None


def _report_last_crash(state_dir: Path) -> None:
    """Say in the log (and the journal) that the last run died in C or was aborted (the
    watchdog's SIGABRT): ``faulthandler.log`` is written only then. Its report moves to
    ``faulthandler.log.1``, replacing an older one, so that it is said once."""
    fault = state_dir / FAULT_FILE
    try:
        with open(fault, encoding="utf-8", errors="replace") as text:
            first = next((line.strip() for line in text if line.strip()), "")
        if not first:
            return
        kept = fault.with_name(FAULT_FILE + ".1")
        os.replace(fault, kept)
    except OSError:
        return  # none: the last run ended as it should (or the folder is unreadable)
    logging.getLogger("kiosk").warning(
        "the last run crashed: %s; its threads' tracebacks are in %s", first, kept
    )


def install_excepthook() -> None:
    """Log uncaught exceptions (Qt slots, threads) at ERROR and carry on."""
    default_hook = sys.excepthook

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            default_hook(kind, value, tb)
            return
        logging.getLogger("kiosk").error("unexpected exception", exc_info=(kind, value, tb))

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else "?"
        logging.getLogger("kiosk").error(
            "unexpected exception in thread %s",
            name,
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
        )

    sys.excepthook = hook
    threading.excepthook = thread_hook


# The standard lines: one place decides their wording, so grep patterns stay valid.


def log_start(version: str, content_version: str | None, mode: str) -> None:
    logging.getLogger("kiosk").info(
        "start version=%s content=%s mode=%s", version, short(content_version), mode
    )


def log_reload_accepted(content_version: str, exhibits: int) -> None:
    logging.getLogger("kiosk.reload").info(
        "reload accepted version=%s exhibits=%d", short(content_version), exhibits
    )


def log_reload_deferred(content_version: str) -> None:
    logging.getLogger("kiosk.reload").info(
        "reload deferred version=%s (waiting for attract)", short(content_version)
    )


def log_reload_rejected(errors: Iterable[object]) -> None:
    """The count on one line, then each error (up to a limit) on its own line."""
    errors = list(errors)
    logger = logging.getLogger("kiosk.reload")
    logger.warning("reload rejected errors=%d (keeping the last good content)", len(errors))
    for error in errors[:MAX_LOGGED_ERRORS]:
        logger.warning("content error: %s", error)
    if len(errors) > MAX_LOGGED_ERRORS:
        logger.warning("content error: ... and %d more", len(errors) - MAX_LOGGED_ERRORS)


def short(content_version: str | None) -> str:
    """A content hash shortened for logs, like a git commit."""
    return content_version[:12] if content_version else "none"


def log_stop(reason: str) -> None:
    """The last line of a run: why it ended (``SIGTERM``, ``staff``, ``window closed``...)."""
    logging.getLogger("kiosk").info("stop reason=%s", reason)

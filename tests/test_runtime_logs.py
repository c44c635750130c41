"""Logging set-up: greppable file lines, stderr fallback, exception hooks."""

from __future__ import annotations

import faulthandler
import logging
import os
import re
import subprocess
import sys
import threading
from pathlib import Path
from typing import TextIO, cast

import pytest

from kiosk.runtime import logs
from tests.diskfull import fill, free, tiny_disk
from tests.fakes import FakeClock

LINE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d (INFO|WARNING|ERROR) [\w.]+: .+$")


@pytest.fixture(autouse=True)
def restore_logging():
    """Leave the root logger, the hooks and faulthandler as pytest had them."""
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    hooks = sys.excepthook, threading.excepthook
    fault_enabled = faulthandler.is_enabled()
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    sys.excepthook, threading.excepthook = hooks
    if logs._fault_file is not None:
        faulthandler.disable()
        logs._fault_file.close()
        logs._fault_file = None
        if fault_enabled:
            faulthandler.enable(file=cast(TextIO, sys.__stderr__))


def read_log(state: Path) -> list[str]:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return (state / "kiosk.log").read_text(encoding="utf-8").splitlines()


def test_lines_go_to_the_file_in_a_greppable_form(tmp_path):
    state = tmp_path / "state"
    assert logs.setup_logging(state) == state / "kiosk.log"
    logs.log_start("0.1.0", "abc123def4567890", "kiosk")
    logs.log_reload_accepted("abc123def4567890", 5)
    logs.log_reload_deferred("fedcba9876543210")
    lines = read_log(state)
    assert all(LINE.match(line) for line in lines), lines
    assert lines[0].endswith("INFO kiosk: start version=0.1.0 content=abc123def456 mode=kiosk")
    assert lines[1].endswith("INFO kiosk.reload: reload accepted version=abc123def456 exhibits=5")
    assert "reload deferred version=fedcba987654" in lines[2]


def test_rejected_reload_logs_the_count_and_each_error(tmp_path):
    logs.setup_logging(tmp_path)
    errors = [f"exhibits/a/exhibit.yaml:{n}:3: bad" for n in range(1, 26)]
    logs.log_reload_rejected(errors)
    lines = read_log(tmp_path)
    assert "WARNING kiosk.reload: reload rejected errors=25" in lines[0]
    assert lines[1].endswith("content error: exhibits/a/exhibit.yaml:1:3: bad")
    assert len(lines) == 1 + logs.MAX_LOGGED_ERRORS + 1
    assert lines[-1].endswith("and 5 more")


def test_stderr_gets_the_same_lines(tmp_path, capsys):
    logs.setup_logging(tmp_path)
    logging.getLogger("kiosk.test").warning("disk nearly full")
    assert re.search(r"WARNING kiosk.test: disk nearly full", capsys.readouterr().err)


def test_setting_up_twice_does_not_double_lines(tmp_path):
    logs.setup_logging(tmp_path)
    logs.setup_logging(tmp_path)
    logging.getLogger("kiosk").info("once")
    assert sum("once" in line for line in read_log(tmp_path)) == 1


def test_faulthandler_writes_into_the_state_dir(tmp_path):
    logs.setup_logging(tmp_path)
    assert faulthandler.is_enabled()
    assert logs._fault_file is not None
    assert Path(logs._fault_file.name) == tmp_path / "faulthandler.log"


def test_the_fault_file_is_closed_at_exit(tmp_path):
    """Kept open while the process lives, closed at its exit with the handler: not left
    to the interpreter's last sweep (an "unclosed file" warning, an error under pytest's
    filters, at the end of every test worker that ran a kiosk in its own process)."""
    code = """
import atexit, faulthandler, sys
from pathlib import Path
from kiosk.runtime import logs

def last():  # registered first, so run after every handler registered later
    handle = logs._fault_file
    print("open" if handle is not None and not handle.closed else "closed")
    print("enabled" if faulthandler.is_enabled() else "disabled")

atexit.register(last)
logs.setup_logging(Path(sys.argv[1]))
logs.setup_logging(Path(sys.argv[1]))  # set up again: closed all the same, once
"""
    done = subprocess.run(
        [sys.executable, "-W", "error", "-c", code, str(tmp_path / "state")],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(Path(logs.__file__).parents[2])},
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "state" / "faulthandler.log").exists()
    assert done.stdout.split() == ["closed", "disabled"], done.stdout + done.stderr
    assert "Warning" not in done.stderr and "Exception" not in done.stderr, done.stderr


def test_a_start_after_a_crash_says_so_once_and_keeps_the_report(tmp_path):
    report = (
        "Fatal Python error: Segmentation fault\n\nCurrent thread 0x7f (most recent call first):\n"
    )
    (tmp_path / "faulthandler.log").write_text(report, encoding="utf-8")
    logs.setup_logging(tmp_path)
    said = [line for line in read_log(tmp_path) if "last run crashed" in line]
    assert len(said) == 1 and "WARNING kiosk:" in said[0], said
    assert "Fatal Python error: Segmentation fault" in said[0]
    assert str(tmp_path / "faulthandler.log.1") in said[0]
    assert (tmp_path / "faulthandler.log.1").read_text(encoding="utf-8") == report
    assert (tmp_path / "faulthandler.log").read_text(encoding="utf-8") == ""  # this run's
    logs._report_last_crash(tmp_path)  # as the next start would: nothing more to say
    assert sum("last run crashed" in line for line in read_log(tmp_path)) == 1


def test_a_start_after_a_clean_stop_says_nothing_of_a_crash(tmp_path):
    (tmp_path / "faulthandler.log").write_text("", encoding="utf-8")  # the last run's, unused
    logs.setup_logging(tmp_path)
    assert not any("crashed" in line for line in read_log(tmp_path))
    assert not (tmp_path / "faulthandler.log.1").exists()


def test_unwritable_state_dir_falls_back_to_stderr(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert logs.setup_logging(blocker / "state") is None
    logging.getLogger("kiosk").info("still running")
    err = capsys.readouterr().err
    assert err.count("logging to stderr only") == 1
    assert "still running" in err


def test_a_disk_error_while_running_is_reported_once(tmp_path, capsys):
    logs.setup_logging(tmp_path)
    file_handler = next(h for h in logging.getLogger().handlers if isinstance(h, logs._FileHandler))
    assert file_handler.stream is not None
    file_handler.stream.close()  # every write now fails, as on a full disk
    for n in range(3):
        logging.getLogger("kiosk").info("line %d", n)
    err = capsys.readouterr().err
    assert err.count("cannot write the log file") == 1
    assert "line 2" in err  # stderr carries on


def test_excepthook_logs_and_returns(tmp_path):
    logs.setup_logging(tmp_path)
    logs.install_excepthook()
    try:
        raise ValueError("slot blew up")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    text = "\n".join(read_log(tmp_path))
    assert "ERROR kiosk: unexpected exception" in text
    assert "ValueError: slot blew up" in text


def test_thread_exceptions_are_logged(tmp_path):
    logs.setup_logging(tmp_path)
    logs.install_excepthook()

    def work() -> None:
        raise RuntimeError("worker failed")

    thread = threading.Thread(target=work, name="loader")
    thread.start()
    thread.join()
    text = "\n".join(read_log(tmp_path))
    assert "unexpected exception in thread loader" in text
    assert "RuntimeError: worker failed" in text


def file_handler() -> logs._FileHandler:
    return next(h for h in logging.getLogger().handlers if isinstance(h, logs._FileHandler))


def test_the_log_file_is_taken_up_again_once_it_can_be_written(tmp_path, capsys):
    clock = FakeClock()
    logs.setup_logging(tmp_path)
    handler = file_handler()
    handler.clock = clock
    assert handler.stream is not None
    handler.stream.close()  # every write now fails, as on a full disk
    log = logging.getLogger("kiosk")
    for n in range(3):
        log.info("lost %d", n)
    clock.advance(logs.RETRY_S - 1)
    log.info("still lost")  # too early to try again
    assert handler.broken
    clock.advance(1)
    log.info("back again")
    assert not handler.broken
    lines = read_log(tmp_path)
    assert not any("lost" in line for line in lines)
    assert lines[-2].endswith(
        "WARNING kiosk.logs: log file writable again; 4 lines went to stderr only"
    )
    assert lines[-1].endswith("INFO kiosk: back again")
    err = capsys.readouterr().err
    assert err.count("cannot write the log file") == 1
    assert "still lost" in err  # stderr had every line meanwhile
    assert "is written again" in err


def test_a_full_disk_then_freed_space_resumes_the_log_file(tmp_path, capsys):
    """On a real 400 KB tmpfs: fill it, log until writes fail, free it, log again."""
    clock = FakeClock()
    with tiny_disk(tmp_path / "disk") as disk:
        state = disk / "state"
        logs.setup_logging(state)
        handler = file_handler()
        handler.clock = clock
        log = logging.getLogger("kiosk")
        log.info("before the disk filled")
        filler = fill(disk)
        for n in range(200):  # more than the log file's last, partly used page
            log.info("while full %03d %s", n, "x" * 60)
        assert handler.broken
        clock.advance(logs.RETRY_S)
        log.info("still full")  # the retry fails too: no second stderr message
        assert handler.broken
        free(filler)
        clock.advance(logs.RETRY_S)
        log.info("space is back")
        lines = read_log(state)
        handler.close()
        logging.getLogger().removeHandler(handler)
    assert lines[0].endswith("before the disk filled")
    assert lines[-1].endswith("INFO kiosk: space is back")
    assert "log file writable again" in lines[-2]
    assert capsys.readouterr().err.count("cannot write the log file") == 1

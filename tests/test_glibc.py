"""glibc's functions without the ``ctypes`` package (``kiosk.runtime.glibc``).

The memory settings (``mallopt``, ``malloc_trim``) and read-aloud's parent-death
signal (``prctl``) are the kiosk's only foreign calls; made through ``_ctypes``
directly, the ``ctypes`` package and its types are never imported.
"""

from __future__ import annotations

import _ctypes
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from kiosk.runtime import glibc

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's calls")

M_MMAP_THRESHOLD = -3  # glibc's malloc.h
PR_SET_PDEATHSIG = 1  # linux/prctl.h


@linux_only
def test_a_function_is_called_with_its_arguments_and_gives_its_result() -> None:
    absolute = glibc.function("abs", glibc.INT)
    assert absolute is not None
    assert absolute(-5) == 5
    mallopt = glibc.function("mallopt", glibc.INT, glibc.INT)
    assert mallopt is not None
    assert mallopt(M_MMAP_THRESHOLD, 128 * 1024) == 1  # glibc: 1 on success
    trim = glibc.function("malloc_trim", glibc.ULONG)
    assert trim is not None
    assert trim(0) in (0, 1)


@linux_only
def test_an_argument_of_another_type_is_refused_before_the_call() -> None:
    mallopt = glibc.function("mallopt", glibc.INT, glibc.INT)
    assert mallopt is not None
    with pytest.raises(_ctypes.ArgumentError):
        mallopt("128k", 1)
    with pytest.raises(TypeError):
        mallopt(M_MMAP_THRESHOLD)  # too few


def test_a_function_glibc_does_not_have_is_none() -> None:
    assert glibc.function("no_such_function_in_libc", glibc.INT) is None


def test_elsewhere_than_linux_there_is_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kiosk.runtime.glibc.sys.platform", "darwin")
    assert glibc.function("mallopt", glibc.INT, glibc.INT) is None


NO_CTYPES = """\
import sys
from kiosk.ui.memory import fix_mmap_threshold, malloc_trim
from kiosk.runtime.readaloud_engine import _die_with_parent
fix_mmap_threshold()
trim = malloc_trim()
assert trim is not None and trim() in (0, 1)
assert _die_with_parent() is not None
print("ctypes" in sys.modules)
"""


@linux_only
def test_the_kiosks_foreign_calls_do_not_import_ctypes() -> None:
    """``ctypes`` held about 0.2 MB of the kiosk from its start, for three calls."""
    found = subprocess.run(
        [sys.executable, "-c", NO_CTYPES], capture_output=True, text=True, check=True
    )
    assert found.stdout.strip() == "False"


PARENT = """\
import subprocess, sys, time
from kiosk.runtime.readaloud_engine import _die_with_parent
child = subprocess.Popen(["sleep", "600"], preexec_fn=_die_with_parent())
print(child.pid, flush=True)
time.sleep(600)
"""


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().split(") ", 1)[1].startswith("Z")  # a zombie is gone too
    except FileNotFoundError:
        return True


@linux_only
def test_the_parent_death_signal_is_asked_through_prctl() -> None:
    """A reading's child is killed with the kiosk: ``prctl(PR_SET_PDEATHSIG, SIGKILL)``."""
    parent = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(PARENT)], stdout=subprocess.PIPE, text=True
    )
    assert parent.stdout is not None
    pid = int(parent.stdout.readline())
    try:
        assert not _gone(pid)
        parent.send_signal(signal.SIGKILL)
        parent.wait(30)
        deadline = time.monotonic() + 30  # a bound for a loaded machine, not a speed check
        while not _gone(pid) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert _gone(pid), "the child outlived its parent"
    finally:
        if not _gone(pid):
            os.kill(pid, signal.SIGKILL)
        if parent.poll() is None:
            parent.kill()
            parent.wait(10)
        parent.stdout.close()

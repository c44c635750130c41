"""The read-aloud engine: espeak-ng as a child process, offline.

The text goes to espeak-ng on its standard input; its command line is a fixed list
(voice, speed, volume), never a string a shell parses, so nothing a curator writes
can become an option or a command. Starting a reading stops the one before: two
voices at once would be noise.

The child never outlives the kiosk. On Linux it asks the kernel, between fork and
exec, for SIGKILL when its parent dies (``PR_SET_PDEATHSIG``), which covers a
``kill -9`` of the kiosk that no handler of ours would see; a normal exit kills it
through ``atexit`` too, and that is all other systems get. The kernel sends the
signal when the *thread* that started the child ends, so readings are started
from the UI thread, which lives as long as the kiosk.

This module is imported for the first reading, ``subprocess`` with it: the sound check
and the list of voices, asked after the first frame, are ``readaloud_check``'s.

``kiosk.runtime.readaloud_speaker.Speaker`` takes an engine as an argument: tests give
it a fake that records the exact text and voice; the kiosk gives it ``EspeakEngine``.
Without espeak-ng the engine's ``reason`` says why, for the staff panel.
"""

from __future__ import annotations

import _signal  # the numbers alone: ``signal`` makes three enums of 70 members
import atexit
import contextlib
import logging
import os
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Protocol

from kiosk.runtime import glibc
from kiosk.runtime.readaloud_check import (
    INSTALL_HINT,
    PROGRAM,
    VOICES,
    EspeakProgram,
    SpeechProgram,
    voice_for,
)

if TYPE_CHECKING:
    import subprocess  # imported for a reading (EspeakPlayback), not before

logger = logging.getLogger("kiosk.readaloud")

_PR_SET_PDEATHSIG = 1
_STOP_WAIT_S = 2.0


@dataclass(frozen=True)
class Utterance:
    """Exactly what an engine is asked to say, and how."""

    text: str
    voice: str
    rate_wpm: int
    volume: int


class Playback(Protocol):
    """One reading in progress."""

    def finished(self) -> bool:
        """True once the reading ended by itself (or was stopped)."""
        ...

    def stop(self) -> None:
        """End the reading now; returns once it has ended."""
        ...

    def problem(self) -> str:
        """What the engine complained about, once finished ("" when nothing)."""
        ...


class Engine(SpeechProgram, Protocol):
    """A speech program that reads (``readaloud_check.SpeechProgram``: the rest)."""

    def play(self, utterance: Utterance) -> Playback: ...


# -- the real engine ------------------------------------------------------------------


def _die_with_parent() -> Callable[[], None] | None:
    """A ``preexec_fn`` asking for SIGKILL when the kiosk dies; None where impossible.

    It runs in the forked child before exec, so it only makes one foreign call
    prepared here and compares two pids: no imports, locks or logging there."""
    if not sys.platform.startswith("linux"):
        return None
    prctl = glibc.function("prctl", glibc.INT, *[glibc.ULONG] * 4)
    if prctl is None:
        return None
    parent = os.getpid()
    kill = _signal.SIGKILL

    def preexec() -> None:
        prctl(_PR_SET_PDEATHSIG, kill, 0, 0, 0)
        if os.getppid() != parent:  # the kiosk died before the request: never speak
            os._exit(1)

    return preexec


_live: set[subprocess.Popen[bytes]] = set()
_live_lock = threading.Lock()


@atexit.register
def _kill_children() -> None:
    """A normal exit of the kiosk (SIGTERM, staff quit) silences any reading."""
    with _live_lock:
        children = list(_live)
        _live.clear()
    for child in children:
        _kill(child)


def _kill(child: subprocess.Popen[bytes]) -> None:
    import subprocess  # already imported: the child is one of its

    if child.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            child.kill()
    try:
        child.wait(_STOP_WAIT_S)
    except subprocess.TimeoutExpired:
        logger.error("read-aloud: %s (pid %d) did not end after SIGKILL", PROGRAM, child.pid)


def _feed(pipe: IO[bytes], data: bytes) -> None:
    """Write the text and close, off the UI thread: a long text fills the pipe."""
    try:
        pipe.write(data)
        pipe.close()
    except (OSError, ValueError):  # the reading was stopped before it had all the text
        pass


class EspeakPlayback:
    def __init__(self, command: list[str], text: str) -> None:
        import subprocess  # with the first reading, not at start

        # closed in _close, once the child is gone: not a with-block's lifetime
        self._errors = tempfile.TemporaryFile()  # noqa: SIM115
        self.child = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=self._errors,
            close_fds=True,
            preexec_fn=_die_with_parent(),
        )
        with _live_lock:
            _live.add(self.child)
        assert self.child.stdin is not None
        self._feeder = threading.Thread(
            target=_feed,
            args=(self.child.stdin, text.encode("utf-8")),
            name="kiosk-speech-input",
            daemon=True,
        )
        self._feeder.start()
        self._problem = ""
        self._closed = False

    @property
    def pid(self) -> int:
        return self.child.pid

    def finished(self) -> bool:
        if self.child.poll() is None:
            return False
        self._close()
        return True

    def stop(self) -> None:
        _kill(self.child)
        self._close()

    def problem(self) -> str:
        return self._problem

    def _close(self) -> None:
        if self._closed:
            return
        self._closed = True
        with _live_lock:
            _live.discard(self.child)
        self._feeder.join(_STOP_WAIT_S)
        if self.child.stdin is not None and not self.child.stdin.closed:
            with contextlib.suppress(OSError):
                self.child.stdin.close()
        self._errors.seek(0)
        said = self._errors.read(4096).decode("utf-8", "replace")
        self._errors.close()
        # espeak-ng exits 0 even when it found no sound device; its last line says so
        lines = [line.strip() for line in said.splitlines() if line.strip()]
        code = self.child.returncode
        if code not in (0, -_signal.SIGKILL):
            self._problem = f"{PROGRAM} exited with {code}: {lines[-1] if lines else ''}".strip()
        elif lines and code == 0:
            self._problem = f"{PROGRAM}: {lines[-1]}"


class EspeakEngine(EspeakProgram):
    """espeak-ng found on PATH (or at ``program``), reading."""

    @classmethod
    def taking_over(cls, found: EspeakProgram) -> EspeakEngine:
        """The engine of the first reading: espeak-ng where the check found it, with
        the voices it listed (not asked again on the UI thread)."""
        engine = cls.__new__(cls)
        vars(engine).update(vars(found))  # the program's path, reason and voices
        return engine

    def command(self, utterance: Utterance) -> list[str]:
        """The fixed command line: the text itself is never on it."""
        return [
            self.program,
            "--stdin",
            "-v",
            utterance.voice,
            "-s",
            str(utterance.rate_wpm),
            "-a",
            str(utterance.volume),
        ]

    def play(self, utterance: Utterance) -> EspeakPlayback:
        return EspeakPlayback(self.command(utterance), utterance.text)


__all__ = ["INSTALL_HINT", "PROGRAM", "VOICES", "EspeakEngine", "Utterance", "voice_for"]

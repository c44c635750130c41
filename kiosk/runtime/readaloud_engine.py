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

The sound check and the list of voices run right after the first frame, so they do
without ``subprocess``: each is a short child started with ``os.posix_spawn``, waited
for with a time limit (``_run``). ``subprocess``, with the ``signal`` module's enums it
imports, held 0.26 MB of the kiosk from the first frame on; it is now imported with the
first reading. Neither of those two children speaks (the check says a blank at volume
0), so they go without the parent-death signal (``os.posix_spawn`` runs no code in the
child) and end within their time limit, killed if they must.

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
import re
import select
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Protocol

from kiosk.runtime import glibc

if TYPE_CHECKING:
    import subprocess  # imported for a reading (EspeakPlayback), not before

logger = logging.getLogger("kiosk.readaloud")

PROGRAM = "espeak-ng"
# espeak-ng voice per kiosk language code; "en" alone would be British English
# under another name, so it is named. A code not listed is tried as a voice name.
VOICES = {"uz": "uz", "az": "az", "ru": "ru", "en": "en-us"}
INSTALL_HINT = "install it with: apt-get install espeak-ng"
_VOICE_NAME = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})*")
_PR_SET_PDEATHSIG = 1
_STOP_WAIT_S = 2.0
SOUND_CHECK_TIMEOUT_S = 10.0
VOICES_TIMEOUT_S = 10.0


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


class Engine(Protocol):
    reason: str  # why the engine cannot speak; "" when it can

    def play(self, utterance: Utterance) -> Playback: ...

    def voices(self) -> frozenset[str]:
        """The voice names the engine has."""
        ...

    def check_sound(self) -> str:
        """Open the sound output without saying anything; "" when it works, else what
        went wrong. Blocks for a moment: called off the UI thread."""
        ...


def voice_for(language: str) -> str | None:
    """The espeak-ng voice for a kiosk language code; None for a code that is not one."""
    voice = VOICES.get(language, language)
    return voice if _VOICE_NAME.fullmatch(voice) else None


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


class EspeakEngine:
    """espeak-ng found on PATH (or at ``program``)."""

    def __init__(self, program: str = PROGRAM) -> None:
        self.program = shutil.which(program) or ""
        self.reason = "" if self.program else f"{program} is not installed; {INSTALL_HINT}"
        self._voices: frozenset[str] | None = None

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

    def check_sound(self) -> str:
        """espeak-ng says a blank at volume 0: it opens the default sound output as a
        reading would, and with none it complains on stderr (and still exits 0)."""
        if not self.program:
            return self.reason
        try:
            code, _, errors = _run(
                [self.program, "--stdin", "-a", "0"], b" ", SOUND_CHECK_TIMEOUT_S
            )
        except OSError as exc:  # TimeoutError is one
            return f"cannot start {PROGRAM}: {exc}"
        said = errors.decode("utf-8", "replace")
        lines = [line.strip() for line in said.splitlines() if line.strip()]
        if code != 0:
            return f"{PROGRAM} exited with {code}: {lines[-1] if lines else ''}".strip()
        return f"{PROGRAM}: {lines[-1]}" if lines else ""

    def voices(self) -> frozenset[str]:
        """Voice names and languages espeak-ng lists (asked once, when first needed)."""
        if self._voices is None:
            self._voices = frozenset()
            if self.program:
                try:
                    _, out, _ = _run([self.program, "--voices"], b"", VOICES_TIMEOUT_S)
                    listing = out.decode("utf-8", "replace")
                except OSError as exc:  # TimeoutError is one
                    logger.error("read-aloud: cannot list %s voices: %s", PROGRAM, exc)
                    listing = ""
                self._voices = _parse_voices(listing)
        return self._voices


def _parse_voices(listing: str) -> frozenset[str]:
    """``espeak-ng --voices``: "Pty Language Age/Gender VoiceName File Other ..." rows."""
    names: set[str] = set()
    for row in listing.splitlines()[1:]:
        columns = row.split()
        if len(columns) >= 5:
            names.add(columns[1])  # the language, which -v also takes
            names.add(columns[4].rsplit("/", 1)[-1].lower())  # the voice file
    return frozenset(names)


# -- the short children: the sound check and the voice list -------------------------


def _run(argv: list[str], data: bytes, timeout: float) -> tuple[int, bytes, bytes]:
    """Run ``argv`` (a path first) with ``data`` on its standard input, as
    ``subprocess.run`` would with ``close_fds`` and ``capture_output``: (exit status,
    standard output, standard error), a negative status the signal that ended it.
    OSError when it cannot start; TimeoutError once it has been killed, after
    ``timeout`` seconds."""
    stdin_read, stdin_write = os.pipe()
    out_read, out_write = os.pipe()
    err_read, err_write = os.pipe()
    actions = [
        (os.POSIX_SPAWN_DUP2, stdin_read, 0),
        (os.POSIX_SPAWN_DUP2, out_write, 1),
        (os.POSIX_SPAWN_DUP2, err_write, 2),
        *[(os.POSIX_SPAWN_CLOSE, fd) for fd in _inheritable_fds()],
    ]
    try:
        pid = os.posix_spawn(
            argv[0],
            argv,
            os.environ,
            file_actions=actions,
            # as ``subprocess`` does: Python ignores SIGPIPE, its children should not
            setsigdef=(_signal.SIGPIPE, _signal.SIGXFSZ),
        )
    except OSError:
        for fd in (stdin_write, out_read, err_read):
            os.close(fd)
        raise
    finally:
        for fd in (stdin_read, out_write, err_write):
            os.close(fd)
    with contextlib.suppress(OSError):  # a child that ended without reading it
        os.write(stdin_write, data)
    os.close(stdin_write)
    chunks: dict[int, list[bytes]] = {out_read: [], err_read: []}
    open_fds = [out_read, err_read]
    deadline = time.monotonic() + timeout
    try:
        while open_fds:
            left = deadline - time.monotonic()
            ready = select.select(open_fds, [], [], max(0.0, left))[0] if left > 0 else []
            if not ready:
                os.kill(pid, _signal.SIGKILL)
                os.waitpid(pid, 0)
                raise TimeoutError(f"{argv[0]} did not finish within {timeout:g} s")
            for fd in ready:
                chunk = os.read(fd, 65536)
                if chunk:
                    chunks[fd].append(chunk)
                else:
                    open_fds.remove(fd)
    finally:
        os.close(out_read)
        os.close(err_read)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), b"".join(chunks[out_read]), b"".join(chunks[err_read])


def _inheritable_fds() -> list[int]:
    """This process's descriptors past the three standard ones that a child would
    inherit (``close_fds``); none known where there is no ``/proc``."""
    try:
        names = os.listdir("/proc/self/fd")
    except OSError:
        return []
    fds = []
    for name in names:
        fd = int(name)
        try:
            if fd > 2 and os.get_inheritable(fd):
                fds.append(fd)
        except OSError:  # the listing's own descriptor, closed since
            continue
    return fds

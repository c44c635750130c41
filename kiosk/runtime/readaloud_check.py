"""What the kiosk knows of reading aloud before its first reading: whether espeak-ng is
there, which voices it has, whether the sound output works.

The Listen button shows only where all three say yes, so the kiosk finds them out
right after its first frame (the sound output off the UI thread); the player that
reads (``kiosk.ui.readaloud_player``, ``readaloud_speaker``, ``readaloud_engine``, and
with them ``subprocess``) is made at the first reading. ``SpeechCheck`` holds what is
known, and the player's ``Speaker`` takes it over. Made with the check, the player and
its modules held 0.37 MB of the kiosk's memory from the first frame on (``subprocess``
with the ``signal`` module's enums 0.26 MB of it); the check alone holds 0.08 MB
(this module, its thread's leftovers), measured 1.5 s after the first frame.

So the two children asked here, the sound check and the list of voices, are started
with ``os.posix_spawn`` and waited for with a time limit (``_run``). Neither speaks
(the check says a blank at volume 0), so they go without the parent-death signal that
a reading's child has (``os.posix_spawn`` runs no code in the child); they end within
their time limit, killed if they must.
"""

from __future__ import annotations

import _signal  # the numbers alone: ``signal`` makes three enums of 70 members
import contextlib
import logging
import os
import re
import select
import shutil
import time
from collections.abc import Callable
from typing import Protocol

logger = logging.getLogger("kiosk.readaloud")

PROGRAM = "espeak-ng"
# espeak-ng voice per kiosk language code; "en" alone would be British English
# under another name, so it is named. A code not listed is tried as a voice name.
VOICES = {"uz": "uz", "az": "az", "ru": "ru", "en": "en-us"}
INSTALL_HINT = "install it with: apt-get install espeak-ng"
_VOICE_NAME = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})*")
SOUND_CHECK_TIMEOUT_S = 10.0
VOICES_TIMEOUT_S = 10.0
SOUND_HINT = "check that a sound device is connected and the kiosk's user may use it"
RECHECK_S = 180.0  # after a failure the sound output is looked at again, at most this often
CHECKING = "checking the sound output"


class SoundOutput:
    """Whether the sound output works, as far as the kiosk knows.

    Unknown until first checked (the kiosk checks once after its first frame, off the
    UI thread); after a failure (a check, or a reading that failed) it is looked at
    again between visitors, but at most every ``recheck_s``: a screen with no sound
    device does not offer, fail and withdraw the Listen button all day."""

    def __init__(
        self, clock: Callable[[], float], *, checked: bool = False, recheck_s: float = RECHECK_S
    ) -> None:
        self._clock = clock
        self.recheck_s = recheck_s
        self.known = checked  # ``checked=True``: taken as working (tools, tests)
        self.checking = False
        self.problem = ""  # what is wrong with it, in words for the staff panel
        self._since = clock()

    @property
    def working(self) -> bool:
        return self.known and not self.problem

    @property
    def reason(self) -> str:
        """Why it is not known to work ("" when it is)."""
        return self.problem or ("" if self.known else CHECKING)

    def due(self) -> bool:
        """Time to look: never looked, or failed at least ``recheck_s`` ago."""
        if self.checking:
            return False
        if not self.known:
            return True
        return bool(self.problem) and self._clock() - self._since >= self.recheck_s

    def begin(self) -> None:
        self.checking = True

    def checked(self, problem: str) -> None:
        self.checking = False
        self.known = True
        self.problem = problem
        self._since = self._clock()

    def failed(self, problem: str) -> None:
        self.known = True
        self.problem = problem
        self._since = self._clock()


def voice_for(language: str) -> str | None:
    """The espeak-ng voice for a kiosk language code; None for a code that is not one."""
    voice = VOICES.get(language, language)
    return voice if _VOICE_NAME.fullmatch(voice) else None


class SpeechProgram(Protocol):
    """What is asked of a speech program before it reads (``readaloud_engine.Engine``
    adds the reading)."""

    reason: str  # why the program cannot speak; "" when it can

    def voices(self) -> frozenset[str]:
        """The voice names the program has."""
        ...

    def check_sound(self) -> str:
        """Open the sound output without saying anything; "" when it works, else what
        went wrong. Blocks for a moment: called off the UI thread."""
        ...


class EspeakProgram:
    """espeak-ng found on PATH (or at ``program``), before any reading."""

    def __init__(self, program: str = PROGRAM) -> None:
        self.program = shutil.which(program) or ""
        self.reason = "" if self.program else f"{program} is not installed; {INSTALL_HINT}"
        self._voices: frozenset[str] | None = None

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


class SpeechCheck:
    """Whether reading aloud can be offered, and in which languages: the program is
    there and the sound output is known to work (a failed reading withdraws it, so a
    visitor never taps a button that does nothing)."""

    def __init__(self, engine: SpeechProgram, sound: SoundOutput) -> None:
        self.engine = engine
        self.sound = sound

    @property
    def available(self) -> bool:
        """Offered: the engine is there and the sound output is known to work."""
        return not self.engine.reason and self.sound.working

    @property
    def reason(self) -> str:
        """Why reading aloud is not offered ("" when it is)."""
        return self.engine.reason or self.sound.reason

    def sound_check_due(self) -> bool:
        """Whether to look at the sound output now (first, or a while after a failure:
        headphones plugged back in, a sound server restarted)."""
        return not self.engine.reason and self.sound.due()

    def sound_checked(self, problem: str) -> None:
        """What ``engine.check_sound()`` found ("" when the output works)."""
        if problem:
            logger.warning("read-aloud: no sound output: %s", problem)
            self.sound.checked(f"no sound output: {problem}; {SOUND_HINT}")
        else:
            self.sound.checked("")

    def can_read(self, language: str) -> bool:
        voice = voice_for(language)
        return self.available and voice is not None and voice in self.engine.voices()

    def missing_voices(self, languages: tuple[str, ...]) -> tuple[str, ...]:
        """The languages the engine has no voice for (for the staff panel)."""
        if not self.available:
            return languages
        return tuple(code for code in languages if not self.can_read(code))


def _parse_voices(listing: str) -> frozenset[str]:
    """``espeak-ng --voices``: "Pty Language Age/Gender VoiceName File Other ..." rows."""
    names: set[str] = set()
    for row in listing.splitlines()[1:]:
        columns = row.split()
        if len(columns) >= 5:
            names.add(columns[1])  # the language, which -v also takes
            names.add(columns[4].rsplit("/", 1)[-1].lower())  # the voice file
    return frozenset(names)


# -- the two short children ---------------------------------------------------------


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

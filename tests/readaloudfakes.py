"""A read-aloud engine that records what it was asked to say instead of saying it."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from kiosk.runtime.readaloud_engine import VOICES, Utterance


class FakePlayback:
    def __init__(self, utterance: Utterance) -> None:
        self.utterance = utterance
        self.ended = False  # the reading came to its end by itself
        self.stopped = False
        self.complaint = ""

    def finished(self) -> bool:
        return self.ended or self.stopped

    def stop(self) -> None:
        self.stopped = True

    def problem(self) -> str:
        return self.complaint if self.finished() else ""


class FakeEngine:
    def __init__(
        self, reason: str = "", voices: frozenset[str] | None = None, sound_problem: str = ""
    ) -> None:
        self.reason = reason
        self.sound_problem = sound_problem  # what check_sound finds ("" : a working output)
        self.sound_checks = 0
        self._voices = frozenset(VOICES.values()) if voices is None else voices
        self.played: list[FakePlayback] = []

    def play(self, utterance: Utterance) -> FakePlayback:
        playback = FakePlayback(utterance)
        self.played.append(playback)
        return playback

    def voices(self) -> frozenset[str]:
        return self._voices

    def check_sound(self) -> str:
        self.sound_checks += 1
        return self.sound_problem

    @property
    def said(self) -> list[tuple[str, str]]:
        """(voice, text) of every reading, in order."""
        return [(p.utterance.voice, p.utterance.text) for p in self.played]


# -- real espeak-ng processes on a machine without a sound card -------------------------

_SINK = """\
import sys, time
while sys.stdin.buffer.read(4410):  # 22050 Hz, 16 bit: a tenth of a second
    time.sleep(0.1)
"""


def real_time_sound_device(folder: Path) -> dict[str, str]:
    """Environment for a sound device on machines with none: ALSA's file plugin pipes
    the audio to a reader that takes it at the speed of playback, so espeak-ng speaks
    as long as it would through a speaker (with no device it finishes at once). The
    PulseAudio server is pointed nowhere, so a developer's speakers stay silent."""
    sink = folder / "sink.py"
    sink.write_text(_SINK, encoding="utf-8")
    config = folder / "asound.conf"
    config.write_text(
        "pcm.!default {\n  type file\n  slave { pcm { type null } }\n"
        f'  file "|exec {sys.executable} {sink}"\n  format "raw"\n}}\n',
        encoding="utf-8",
    )
    return {"ALSA_CONFIG_PATH": str(config), "PULSE_SERVER": str(folder / "no-pulse")}


def running(pid: int) -> bool:
    """A live process (a zombie waiting for a parent that does not reap is not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def children_of(pid: int) -> list[int]:
    """The live processes whose parent is ``pid``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        state, parent = stat.rsplit(")", 1)[1].split()[:2]
        if int(parent) == pid and state != "Z":
            found.append(int(entry.name))
    return found


def wait_until_playing(pid: int, limit_s: float = 10.0) -> bool:
    """Poll /proc until espeak-ng ``pid`` has opened the sound device: the file
    plugin of ``real_time_sound_device`` has started its reader as espeak-ng's child."""
    deadline = time.monotonic() + limit_s
    while running(pid) and not children_of(pid) and time.monotonic() < deadline:
        time.sleep(0.02)
    return bool(children_of(pid))


def program_of(pid: int) -> str:
    return Path(Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0].decode()).name


def wait_until_gone(pid: int, limit_s: float = 10.0) -> bool:
    """Poll /proc until ``pid`` is gone; a limit, not a speed requirement."""
    deadline = time.monotonic() + limit_s
    while running(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not running(pid)

"""The espeak-ng engine itself: its command line, its voices, its audio, the sound
check, and a child that never outlives the kiosk (real processes, checked in /proc)."""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
import wave
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from readaloudfakes import (
    program_of,
    real_time_sound_device,
    running,
    wait_until_gone,
    wait_until_playing,
)

from kiosk.content.loader import load_content
from kiosk.content.spoken import exhibit_text
from kiosk.runtime.readaloud_engine import EspeakEngine, Utterance, voice_for
from kiosk.runtime.readaloud_speaker import Speaker

BUNDLED = Path(__file__).resolve().parents[1] / "exhibits"
LANGUAGES = ("uz", "az", "ru", "en")


# -- with espeak-ng ---------------------------------------------------------------------

needs_espeak = pytest.mark.skipif(
    shutil.which("espeak-ng") is None,
    reason="espeak-ng is not installed (apt-get install espeak-ng)",
)


@needs_espeak
def test_the_real_check_finds_no_sound_device_here_and_one_through_alsa(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """This machine has no sound card: espeak-ng exits 0 but complains, and the check
    says so; with ALSA's file plugin as the device it passes."""
    monkeypatch.setenv("ALSA_CONFIG_PATH", str(tmp_path / "no-card.conf"))
    (tmp_path / "no-card.conf").write_text("pcm.!default { type hw card 99 }\n")
    monkeypatch.setenv("PULSE_SERVER", str(tmp_path / "no-pulse"))
    problem = EspeakEngine().check_sound()
    assert problem.startswith("espeak-ng") and problem != "espeak-ng: "
    for name, value in real_time_sound_device(tmp_path).items():
        monkeypatch.setenv(name, value)
    assert EspeakEngine().check_sound() == ""


def test_missing_program_is_unavailable_with_a_reason() -> None:
    engine = EspeakEngine("no-such-speech-program")
    speaker = Speaker(engine)
    assert not speaker.available
    assert speaker.reason == (
        "no-such-speech-program is not installed; install it with: apt-get install espeak-ng"
    )
    assert not speaker.start("Text.", "en")


@needs_espeak
def test_the_text_is_never_on_the_command_line() -> None:
    engine = EspeakEngine()
    text = "Hello; $(touch /tmp/x) `id` -w out.wav"
    command = engine.command(Utterance(text, "en-us", 150, 100))
    assert command[1:] == ["--stdin", "-v", "en-us", "-s", "150", "-a", "100"]
    assert Path(command[0]).name == "espeak-ng"


@needs_espeak
def test_espeak_has_a_voice_for_every_kiosk_language() -> None:
    assert Speaker(EspeakEngine()).missing_voices(LANGUAGES) == ()


def wav_seconds_and_peak(command: list[str], text: str) -> tuple[float, int]:
    out = subprocess.run(
        [*command, "--stdout"],
        input=text.encode("utf-8"),
        capture_output=True,
        check=True,
        timeout=120,
    ).stdout
    with wave.open(io.BytesIO(out)) as audio:
        assert (audio.getnchannels(), audio.getsampwidth()) == (1, 2)
        data = audio.readframes(1 << 30)  # --stdout cannot go back to write the length
        rate = audio.getframerate()
    samples = memoryview(data).cast("h")
    return len(samples) / rate, max(abs(s) for s in samples)


@needs_espeak
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_gives_audio_of_plausible_length(language: str) -> None:
    """The page's first lines, as the kiosk would say them, at 150 words per minute:
    about 12-14 letters a second, so a second of audio per 6-30 letters is plausible,
    and the audio is not silence."""
    content = load_content(BUNDLED).content
    assert content is not None
    text = "\n".join(exhibit_text(content.exhibits[0], language).splitlines()[:3])
    voice = voice_for(language)
    assert voice is not None
    command = EspeakEngine().command(Utterance(text, voice, 150, 100))
    seconds, peak = wav_seconds_and_peak(command, text)
    assert len(text) / 30 <= seconds <= len(text) / 6, (len(text), seconds)
    assert peak > 1000


@needs_espeak
def test_a_louder_setting_gives_louder_audio() -> None:
    engine = EspeakEngine()
    quiet = wav_seconds_and_peak(engine.command(Utterance("Hello.", "en-us", 150, 20)), "Hello.")
    loud = wav_seconds_and_peak(engine.command(Utterance("Hello.", "en-us", 150, 180)), "Hello.")
    assert loud[1] > 2 * quiet[1]


# -- the child's lifetime -----------------------------------------------------------------


@pytest.fixture
def sound_in_real_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    env = real_time_sound_device(tmp_path)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return env


LONG_TEXT = "The Friendship Museum opened in Tashkent in 2023. " * 40


@needs_espeak
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_stop_kills_the_child(sound_in_real_time: dict[str, str]) -> None:
    engine = EspeakEngine()
    speaker = Speaker(engine)
    assert speaker.start(LONG_TEXT, "en")
    playback = speaker._playback
    assert playback is not None
    pid = playback.pid  # type: ignore[attr-defined]
    assert program_of(pid) == "espeak-ng"
    assert wait_until_playing(pid)  # it is speaking (and would for over a minute)
    assert speaker.speaking and running(pid)
    speaker.stop()
    assert not running(pid)
    assert not speaker.speaking


PARENT = """\
import sys, time
import kiosk.runtime.readaloud_engine
from kiosk.runtime.readaloud_speaker import RECHECK_S, SoundOutput, Speaker
if sys.argv[1] == "exit":  # as on a system without a parent-death signal: atexit alone
    kiosk.runtime.readaloud_engine._die_with_parent = lambda: None
speaker = Speaker()
assert speaker.start(sys.stdin.read(), "en"), speaker.reason
print(speaker._playback.pid, flush=True)
if sys.argv[1] == "exit":
    sys.exit(0)
time.sleep(600)
"""


@contextmanager
def parent_reading(
    how: str, env_extra: dict[str, str]
) -> Iterator[tuple[subprocess.Popen[str], int]]:
    """A Python process reading aloud as the kiosk does (``PARENT``), and the pid of its
    espeak-ng; neither outlives the test, whatever it finds."""
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT, how],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, **env_extra},
    )
    assert parent.stdin is not None and parent.stdout is not None
    pid = 0
    try:
        parent.stdin.write(LONG_TEXT)
        parent.stdin.close()
        pid = int(parent.stdout.readline())
        yield parent, pid
    finally:
        if pid and running(pid):
            os.kill(pid, signal.SIGKILL)
        if parent.poll() is None:
            parent.kill()
            parent.wait(10)
        parent.stdout.close()


@needs_espeak
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux's")
def test_a_killed_kiosk_leaves_no_espeak_running(sound_in_real_time: dict[str, str]) -> None:
    with parent_reading("sleep", sound_in_real_time) as (parent, pid):
        assert running(pid) and program_of(pid) == "espeak-ng"
        parent.send_signal(signal.SIGKILL)
        parent.wait(10)
        assert wait_until_gone(pid), f"espeak-ng (pid {pid}) still speaking after kill -9"


@needs_espeak
def test_a_kiosk_that_exits_normally_leaves_no_espeak_running(
    sound_in_real_time: dict[str, str],
) -> None:
    with parent_reading("exit", sound_in_real_time) as (parent, pid):
        assert parent.wait(10) == 0
        assert wait_until_gone(pid), f"espeak-ng (pid {pid}) still speaking after exit"


@needs_espeak
def test_no_sound_device_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """espeak-ng exits 0 when it finds no sound device; the staff panel should know."""
    config = tmp_path / "asound.conf"
    config.write_text(
        textwrap.dedent("pcm.!default {\n  type hw\n  card 99\n}\n"), encoding="utf-8"
    )
    monkeypatch.setenv("ALSA_CONFIG_PATH", str(config))
    monkeypatch.setenv("PULSE_SERVER", str(tmp_path / "no-pulse"))
    speaker = Speaker(EspeakEngine())
    assert speaker.start("Hello.", "en")
    deadline = time.monotonic() + 10
    while speaker.speaking and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not speaker.speaking
    assert speaker.problem.startswith("espeak-ng: "), speaker.problem


# -- the sound check and the voice list, without ``subprocess`` -------------------------

# A stand-in for espeak-ng: it lists two voices, complains about the sound device as
# espeak-ng does (on standard error, exiting 0), and reads a text to its end.
STAND_IN = """\
#!/bin/sh
case "$1" in
  --voices)
    echo "Pty Language       Age/Gender VoiceName          File                 Other Languages"
    echo " 5  en-us           --/M      English_(America)  gmw/en-US"
    echo " 5  uz              --/M      Uzbek              trk/uz"
    ;;
  *)
    cat > /dev/null
    echo "ALSA lib pcm.c: Unknown PCM default" >&2
    echo "error: No such file or directory" >&2
    ;;
esac
"""

# In a fresh interpreter: the check and the list as the kiosk makes them after its
# first frame, then a reading; which of the two modules each brought in.
CHECKER = """\
import sys
from kiosk.runtime.readaloud_engine import EspeakEngine, Utterance
engine = EspeakEngine(sys.argv[1])
print(engine.check_sound())
print(",".join(sorted(engine.voices())))
print(",".join(m for m in ("subprocess", "signal") if m in sys.modules) or "-")
playback = engine.play(Utterance("Hello.", "en-us", 150, 100))
playback.stop()
print(",".join(m for m in ("subprocess", "signal") if m in sys.modules) or "-")
"""


def stand_in(folder: Path, script: str = STAND_IN) -> Path:
    program = folder / "espeak-ng"
    program.write_text(script, encoding="utf-8")
    program.chmod(0o755)
    return program


def test_the_sound_check_and_the_voice_list_leave_subprocess_for_the_first_reading(
    tmp_path: Path,
) -> None:
    """The kiosk checks the sound output and lists the voices right after its first
    frame; ``subprocess`` (and the ``signal`` enums it brings) held 0.26 MB of memory
    from then on, so it comes with the first reading instead."""
    out = subprocess.run(
        [sys.executable, "-c", CHECKER, str(stand_in(tmp_path))],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
    ).stdout.splitlines()
    assert out == [
        "espeak-ng: error: No such file or directory",  # its last line, as before
        "en-us,uz",
        "-",
        "subprocess,signal",
    ]


def test_the_checks_child_is_killed_at_its_time_limit(tmp_path: Path) -> None:
    from kiosk.runtime import readaloud_check

    pids = tmp_path / "pid"
    hangs = stand_in(tmp_path, f"#!/bin/sh\necho $$ > {pids}\nexec sleep 600\n")
    with pytest.raises(TimeoutError):
        readaloud_check._run([str(hangs)], b"", 0.5)
    assert not running(int(pids.read_text()))


def test_the_checks_child_gets_its_input_and_nothing_else_of_the_kiosk(tmp_path: Path) -> None:
    """Standard input, output and error are its own pipes; a descriptor of the kiosk
    that a child could inherit is closed in it, as ``close_fds`` did."""
    from kiosk.runtime import readaloud_check

    kept_read, kept_write = os.pipe()
    os.set_inheritable(kept_write, True)
    try:
        code, out, errors = readaloud_check._run(
            ["/bin/sh", "-c", f"cat; echo said >&2; [ -e /proc/self/fd/{kept_write} ]; exit $?"],
            b"a text",
            10,
        )
    finally:
        os.close(kept_read)
        os.close(kept_write)
    assert (code, out, errors) == (1, b"a text", b"said\n")
    assert readaloud_check._run(["/bin/sh", "-c", "kill -9 $$"], b"", 10)[0] == -signal.SIGKILL


def test_a_program_that_cannot_start_is_said_so(tmp_path: Path) -> None:
    broken = tmp_path / "espeak-ng"
    broken.write_text("not a program", encoding="utf-8")
    broken.chmod(0o755)
    engine = EspeakEngine(str(broken))
    assert engine.check_sound().startswith("cannot start espeak-ng: [Errno 8]")
    assert engine.voices() == frozenset()


def test_the_first_readings_speaker_takes_over_what_the_check_found(tmp_path: Path) -> None:
    """The player made at the first reading reads with espeak-ng where the check found
    it, and with the voices it listed, not asked again on the UI thread."""
    from kiosk.runtime.readaloud_check import EspeakProgram, SoundOutput, SpeechCheck

    found = EspeakProgram(str(stand_in(tmp_path)))
    check = SpeechCheck(found, SoundOutput(time.monotonic, checked=True))
    assert check.can_read("en") and not check.can_read("ru")
    (tmp_path / "espeak-ng").unlink()  # a second listing would find nothing
    speaker = Speaker.taking_over(check)
    assert isinstance(speaker.engine, EspeakEngine) and speaker.sound is check.sound
    assert speaker.engine.program == found.program
    assert speaker.can_read("en") and speaker.engine.voices() == found.voices()

"""Reading aloud: exact text and voice per language, one reading at a time, and an
espeak-ng child that never outlives the kiosk (real processes, checked in /proc)."""

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
from pathlib import Path

import pytest
from fakes import FakeClock
from speechfakes import (
    FakeEngine,
    program_of,
    real_time_sound_device,
    running,
    wait_until_gone,
    wait_until_playing,
)

from kiosk.content.loader import load_content
from kiosk.content.spoken import exhibit_text
from kiosk.runtime.readaloud_captions import split_sentences
from kiosk.runtime.readaloud_engine import EspeakEngine, Utterance, voice_for
from kiosk.runtime.readaloud_speaker import RECHECK_S, SoundOutput, Speaker

BUNDLED = Path(__file__).resolve().parents[1] / "exhibits"
LANGUAGES = ("uz", "az", "ru", "en")
TEXTS = {
    "uz": "Doʻstlik muzeyi.\nToshkentda ochildi.",
    "az": "Dostluq Muzeyi.\nDaşkənddə açıldı.",
    "ru": "Музей дружбы.\nОткрыт в Ташкенте.",
    "en": "The Friendship Museum.\nIt opened in Tashkent.",
}


# -- with a fake engine ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "voice"), [("uz", "uz"), ("az", "az"), ("ru", "ru"), ("en", "en-us")]
)
def test_exact_text_and_voice_per_language_a_sentence_at_a_time(language: str, voice: str) -> None:
    engine = FakeEngine()
    speaker = Speaker(engine, rate_wpm=130, volume=90)
    assert speaker.start(TEXTS[language], language)
    first, second = split_sentences(TEXTS[language])
    assert [p.utterance for p in engine.played] == [Utterance(first, voice, 130, 90)]
    assert speaker.speaking and speaker.language == language
    engine.played[0].ended = True  # the voice came to the end of the first sentence
    assert speaker.speaking and speaker.captions.sentence == second
    assert [p.utterance for p in engine.played][1:] == [Utterance(second, voice, 130, 90)]
    engine.played[1].ended = True
    assert not speaker.speaking and speaker.captions.index == -1
    assert len(engine.played) == 2


def test_a_new_reading_stops_the_one_before() -> None:
    engine = FakeEngine()
    speaker = Speaker(engine)
    speaker.start(TEXTS["en"], "en")
    speaker.start(TEXTS["ru"], "ru")
    first, second = engine.played
    assert first.stopped and not second.stopped
    assert speaker.language == "ru"


def test_stop_ends_the_reading_and_its_captions() -> None:
    engine = FakeEngine()
    speaker = Speaker(engine)
    speaker.start(TEXTS["az"], "az")
    assert speaker.captions.sentence == "Dostluq Muzeyi."
    speaker.stop()
    assert engine.played[0].stopped
    assert not speaker.speaking
    assert (speaker.captions.index, speaker.captions.sentence, speaker.language) == (-1, "", "")
    speaker.stop()  # twice is harmless


def test_a_reading_that_ends_by_itself_is_noticed_with_the_engines_complaint(
    caplog: pytest.LogCaptureFixture,
) -> None:
    engine = FakeEngine()
    speaker = Speaker(engine)
    speaker.start(TEXTS["uz"], "uz")
    engine.played[0].ended = True
    engine.played[0].complaint = "espeak-ng: error: No such file or directory"
    assert not speaker.speaking
    assert speaker.captions.index == -1
    assert speaker.problem == "espeak-ng: error: No such file or directory"
    assert "No such file or directory" in caplog.text


def test_a_failed_reading_withdraws_reading_aloud_until_a_later_check_finds_sound() -> None:
    clock = FakeClock()
    engine = FakeEngine()
    speaker = Speaker(engine, clock=clock)
    assert speaker.start(TEXTS["en"], "en")
    engine.played[0].ended = True
    engine.played[0].complaint = "espeak-ng: error: No such file or directory"
    assert not speaker.speaking
    assert not speaker.available and not speaker.can_read("en")
    assert speaker.reason == (
        "the last reading failed: espeak-ng: error: No such file or directory; "
        "check that a sound device is connected and the kiosk's user may use it"
    )
    assert not speaker.start(TEXTS["en"], "en") and len(engine.played) == 1
    # the next visitors do not get it back at once: a look at most every few minutes
    clock.advance(RECHECK_S - 1)
    assert not speaker.sound_check_due()
    clock.advance(1)
    assert speaker.sound_check_due()
    speaker.sound.begin()
    assert not speaker.sound_check_due()  # one look at a time
    speaker.sound_checked(engine.check_sound())
    assert speaker.available and speaker.start(TEXTS["en"], "en")


def test_the_sound_output_is_unknown_until_checked_then_rechecked_after_a_while() -> None:
    clock = FakeClock()
    engine = FakeEngine(sound_problem="espeak-ng: error: No such file or directory")
    speaker = Speaker(engine, clock=clock, sound=SoundOutput(clock))
    assert not speaker.available and speaker.reason == "checking the sound output"
    assert speaker.sound_check_due()
    speaker.sound.begin()
    speaker.sound_checked(engine.check_sound())
    assert not speaker.available
    assert speaker.reason == (
        "no sound output: espeak-ng: error: No such file or directory; "
        "check that a sound device is connected and the kiosk's user may use it"
    )
    assert not speaker.start(TEXTS["en"], "en") and engine.played == []
    assert not speaker.sound_check_due()
    clock.advance(RECHECK_S)
    assert speaker.sound_check_due()
    engine.sound_problem = ""  # headphones plugged in
    speaker.sound.begin()
    speaker.sound_checked(engine.check_sound())
    assert speaker.available and speaker.reason == ""
    clock.advance(10 * RECHECK_S)
    assert not speaker.sound_check_due()  # a working output is not looked at again
    assert engine.sound_checks == 2


def test_without_espeak_ng_there_is_nothing_to_check() -> None:
    speaker = Speaker(
        FakeEngine(reason="espeak-ng is not installed"), sound=SoundOutput(FakeClock())
    )
    assert not speaker.sound_check_due()
    assert speaker.reason == "espeak-ng is not installed"


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
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


def test_captions_follow_the_voice_not_a_clock() -> None:
    """However long espeak-ng takes over a sentence, the caption stays on it until the
    voice has finished it: the caption is the sentence the voice is given."""
    clock = FakeClock()
    engine = FakeEngine()
    speaker = Speaker(engine, rate_wpm=175, clock=clock)
    speaker.start("One.\nTwo.", "en")
    assert speaker.captions.sentence == "One."
    clock.advance(600)
    assert speaker.speaking and speaker.captions.sentence == "One."
    engine.played[0].ended = True
    assert speaker.speaking and speaker.captions.sentence == "Two."
    assert engine.said == [("en-us", "One."), ("en-us", "Two.")]


def test_a_sentence_that_fails_ends_the_reading_with_its_complaint() -> None:
    engine = FakeEngine()
    speaker = Speaker(engine)
    speaker.start("One.\nTwo.\nThree.", "en")
    engine.played[0].ended = True
    assert speaker.speaking
    engine.played[1].ended = True
    engine.played[1].complaint = "espeak-ng: error: No such file or directory"
    assert not speaker.speaking and len(engine.played) == 2
    assert speaker.problem.endswith("No such file or directory") and not speaker.available


def test_without_an_engine_nothing_is_offered_and_the_reason_is_kept() -> None:
    engine = FakeEngine(
        reason="espeak-ng is not installed; install it with: apt-get install espeak-ng"
    )
    speaker = Speaker(engine)
    assert not speaker.available
    assert "apt-get install espeak-ng" in speaker.reason
    assert not speaker.start(TEXTS["en"], "en")
    assert engine.played == [] and not speaker.speaking
    assert speaker.missing_voices(LANGUAGES) == LANGUAGES


def test_a_language_without_a_voice_is_not_read() -> None:
    engine = FakeEngine(voices=frozenset({"ru", "en-us"}))
    speaker = Speaker(engine)
    assert speaker.missing_voices(LANGUAGES) == ("uz", "az")
    assert not speaker.start(TEXTS["uz"], "uz")
    assert engine.played == []
    assert speaker.start(TEXTS["ru"], "ru")


def test_nothing_to_read_starts_nothing() -> None:
    engine = FakeEngine()
    speaker = Speaker(engine)
    assert not speaker.start("  \n ", "en")
    assert engine.played == []


@pytest.mark.parametrize("code", ["-w", "--stdout", "en us", "../x", "EN", ""])
def test_a_code_that_is_not_a_voice_name_never_reaches_the_command_line(code: str) -> None:
    assert voice_for(code) is None
    engine = FakeEngine(voices=frozenset({code}))
    assert not Speaker(engine).start("Text.", code)
    assert engine.played == []


def test_new_settings_apply_to_the_next_reading() -> None:
    engine = FakeEngine()
    speaker = Speaker(engine)
    speaker.configure(rate_wpm=200, volume=40)
    speaker.start(TEXTS["en"], "en")
    assert (engine.played[0].utterance.rate_wpm, engine.played[0].utterance.volume) == (200, 40)


# -- with espeak-ng ---------------------------------------------------------------------

needs_espeak = pytest.mark.skipif(
    shutil.which("espeak-ng") is None,
    reason="espeak-ng is not installed (apt-get install espeak-ng)",
)


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


def start_parent(how: str, env_extra: dict[str, str]) -> tuple[subprocess.Popen[str], int]:
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT, how],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, **env_extra},
    )
    assert parent.stdin is not None and parent.stdout is not None
    parent.stdin.write(LONG_TEXT)
    parent.stdin.close()
    pid = int(parent.stdout.readline())
    return parent, pid


@needs_espeak
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux's")
def test_a_killed_kiosk_leaves_no_speech_running(sound_in_real_time: dict[str, str]) -> None:
    parent, pid = start_parent("sleep", sound_in_real_time)
    try:
        assert running(pid) and program_of(pid) == "espeak-ng"
        parent.send_signal(signal.SIGKILL)
        parent.wait(10)
        assert wait_until_gone(pid), f"espeak-ng (pid {pid}) still speaking after kill -9"
    finally:
        if running(pid):
            os.kill(pid, signal.SIGKILL)
        parent.stdout.close()  # type: ignore[union-attr]


@needs_espeak
def test_a_kiosk_that_exits_normally_leaves_no_speech_running(
    sound_in_real_time: dict[str, str],
) -> None:
    parent, pid = start_parent("exit", sound_in_real_time)
    try:
        assert parent.wait(10) == 0
        assert wait_until_gone(pid), f"espeak-ng (pid {pid}) still speaking after exit"
    finally:
        if running(pid):
            os.kill(pid, signal.SIGKILL)
        parent.stdout.close()  # type: ignore[union-attr]


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

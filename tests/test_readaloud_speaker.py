"""The speaker over a fake engine: exact text and voice per language, one reading at a
time, sentence by sentence, and what happens when the voice or the sound output fails."""

from __future__ import annotations

import pytest
from fakes import FakeClock
from readaloudfakes import FakeEngine

from kiosk.runtime.readaloud_captions import split_sentences
from kiosk.runtime.readaloud_engine import Utterance, voice_for
from kiosk.runtime.readaloud_speaker import RECHECK_S, SoundOutput, Speaker

LANGUAGES = ("uz", "az", "ru", "en")
TEXTS = {
    "uz": "Doʻstlik muzeyi.\nToshkentda ochildi.",
    "az": "Dostluq Muzeyi.\nDaşkənddə açıldı.",
    "ru": "Музей дружбы.\nОткрыт в Ташкенте.",
    "en": "The Friendship Museum.\nIt opened in Tashkent.",
}


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

"""Captions: sentences and which one is being read, from an injected clock."""

from __future__ import annotations

import io
import shutil
import subprocess
import wave
from pathlib import Path

import pytest
from fakes import FakeClock

from kiosk.content.loader import load_content
from kiosk.content.spoken import exhibit_text
from kiosk.runtime.readaloud_captions import (
    Captions,
    CaptionTrack,
    sentence_seconds,
    split_sentences,
)
from kiosk.runtime.readaloud_engine import voice_for

BUNDLED = Path(__file__).resolve().parents[1] / "exhibits"


def test_sentences_split_at_stops_and_lines() -> None:
    text = "The school.\nIt opened in 2023. It has 960 places! Why? «Dostluq» muzeyi.\nLast line"
    assert split_sentences(text) == (
        "The school.",
        "It opened in 2023.",
        "It has 960 places!",
        "Why?",
        "«Dostluq» muzeyi.",
        "Last line",
    )


def test_abbreviations_before_lower_case_do_not_split() -> None:
    assert split_sentences("В 2023 г. в Ташкенте открыт музей. Потом школа.") == (
        "В 2023 г. в Ташкенте открыт музей.",
        "Потом школа.",
    )


def test_closing_quotes_stay_with_their_sentence() -> None:
    assert split_sentences("He said “it opened.” Then it closed.") == (
        "He said “it opened.”",
        "Then it closed.",
    )


def test_blank_lines_and_spaces_are_not_sentences() -> None:
    assert split_sentences("\n  \nOne.   \n\n  Two  words. \n") == ("One.", "Two words.")


def test_longer_sentences_last_longer_and_a_faster_rate_is_shorter() -> None:
    short, long = "Short one.", "A much longer sentence with many more words in it."
    assert sentence_seconds(long, "en", 150) > sentence_seconds(short, "en", 150)
    assert sentence_seconds(long, "en", 200) < sentence_seconds(long, "en", 150)
    assert sentence_seconds(long, "en", 175) == pytest.approx(2 * sentence_seconds(long, "en", 350))


def test_track_says_which_sentence_is_read_at_each_moment() -> None:
    track = CaptionTrack(("One.", "Two two.", "Three."), (1.0, 3.0, 4.0))
    assert [track.index_at(t) for t in (0.0, 0.99, 1.0, 2.9, 3.0, 3.99, 4.0, 60.0)] == [
        0,
        0,
        1,
        1,
        2,
        2,
        2,  # the estimate ran out; the voice may still be on the last sentence
        2,
    ]
    assert CaptionTrack((), ()).index_at(1.0) == -1


def test_estimated_track_ends_add_up() -> None:
    track = CaptionTrack.estimate("One.\nTwo words here.", "ru", 150)
    first = sentence_seconds("One.", "ru", 150)
    assert track.sentences == ("One.", "Two words here.")
    assert track.ends_s == pytest.approx(
        (first, first + sentence_seconds("Two words here.", "ru", 150))
    )
    assert track.duration_s == track.ends_s[-1]


def test_captions_follow_the_injected_clock_and_stop() -> None:
    clock = FakeClock()
    captions = Captions(clock)
    assert (captions.index, captions.sentence) == (-1, "")
    captions.start(CaptionTrack(("One.", "Two."), (1.0, 2.0)))
    assert (captions.index, captions.sentence) == (0, "One.")
    clock.advance(1.5)
    assert (captions.index, captions.sentence) == (1, "Two.")
    captions.stop()
    assert (captions.index, captions.sentence) == (-1, "")
    assert captions.sentences == ("One.", "Two.")


# -- against real espeak-ng audio -------------------------------------------------------

needs_espeak = pytest.mark.skipif(
    shutil.which("espeak-ng") is None,
    reason="espeak-ng is not installed (apt-get install espeak-ng)",
)


def audio_seconds(text: str, voice: str, rate: int) -> float:
    out = subprocess.run(
        ["espeak-ng", "--stdin", "--stdout", "-v", voice, "-s", str(rate)],
        input=text.encode("utf-8"),
        capture_output=True,
        check=True,
        timeout=120,
    ).stdout
    with wave.open(io.BytesIO(out)) as audio:
        # --stdout cannot seek back to fill in the length: count what was written
        frames = len(audio.readframes(1 << 30)) // (audio.getsampwidth() * audio.getnchannels())
        return frames / audio.getframerate()


@needs_espeak
@pytest.mark.parametrize("language", ["uz", "az", "ru", "en"])
def test_estimate_is_near_the_real_audio_of_a_whole_page(language: str) -> None:
    """The last exhibit was not used to fit the pace; a page within 20 % of its audio
    keeps the caption within a sentence or so of the voice."""
    content = load_content(BUNDLED).content
    assert content is not None
    text = exhibit_text(content.exhibits[-1], language, content.site.string("facts", language))
    voice = voice_for(language)
    assert voice is not None
    real = audio_seconds(text, voice, 150)
    estimate = CaptionTrack.estimate(text, language, 150).duration_s
    assert 0.8 * real <= estimate <= 1.2 * real, (real, estimate)

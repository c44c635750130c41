"""The listen button and caption strip in the real window, with a fake speech engine:
what is read, when it stops, what is counted, what a visitor sees while it speaks."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fakes import FakeClock
from PySide6.QtCore import QPointF
from speechfakes import FakeEngine

from kiosk.content.model import SpeechSettings
from kiosk.runtime.analytics import AnalyticsRecorder
from kiosk.runtime.idle import IdleMachine
from kiosk.runtime.readaloud_captions import split_sentences
from kiosk.runtime.readaloud_engine import VOICES
from kiosk.runtime.readaloud_speaker import Speaker
from kiosk.runtime.readaloud_text import reading_for
from kiosk.runtime.staff_status import speech_status
from kiosk.ui.app import KioskWindow
from kiosk.ui.controller import Controller
from kiosk.ui.readaloud_player import ReadAloudPlayer
from kiosk.ui.render import settle
from tests.conftest import BUNDLED
from tests.uitools import grab, item, items, load, open_window, tap

pytestmark = pytest.mark.usefixtures("qapp")

CONTENT = load(BUNDLED)
EXHIBIT = CONTENT.exhibits[2]


@contextmanager
def window(
    cache: Path, engine: FakeEngine | None = None, **options: object
) -> Iterator[tuple[KioskWindow, FakeEngine]]:
    engine = engine if engine is not None else FakeEngine()
    control = ReadAloudPlayer(Speaker(engine, clock=FakeClock()))
    with open_window(CONTENT, cache, speech=control, **options) as kw:
        yield kw, engine


def open_exhibit(kw: KioskWindow) -> None:
    kw.kiosk.nav.openExhibit(EXHIBIT.id)
    settle(kw.window, kw.images)


def said_here(kw: KioskWindow) -> str:
    reading = reading_for(CONTENT, kw.kiosk.nav.place, kw.kiosk.language.current)
    assert reading is not None
    return reading.text


def test_listen_reads_the_page_in_the_visitors_language_and_a_second_tap_stops(
    rendition_cache: Path,
) -> None:
    with window(rendition_cache) as (kw, engine):
        assert items(kw, "listenButton") == []  # home: nothing to read
        kw.kiosk.language.choose("az")
        open_exhibit(kw)
        silent = item(kw, "listenButton").mapRectToScene(item(kw, "listenButton").boundingRect())
        tap(kw, item(kw, "listenButton"))
        # "Stop" in place of "Listen": the same box, nothing beside it moves
        speaking = item(kw, "listenButton").mapRectToScene(item(kw, "listenButton").boundingRect())
        assert speaking == silent
        expected = reading_for(CONTENT, kw.kiosk.nav.place, "az")
        assert expected is not None
        assert engine.said == [(VOICES["az"], expected.text)]
        assert kw.kiosk.speech.speaking
        tap(kw, item(kw, "listenButton"))
        assert engine.played[0].stopped and not kw.kiosk.speech.speaking
        assert items(kw, "captionStrip") == []


def test_the_caption_strip_shows_the_sentence_being_read_above_the_bar(
    rendition_cache: Path,
) -> None:
    with window(rendition_cache) as (kw, _):
        open_exhibit(kw)
        before = grab(kw)
        tap(kw, item(kw, "listenButton"))
        strip = item(kw, "captionStrip")
        sentence = item(kw, "captionSentence")
        assert sentence.property("text") == kw.kiosk.speech.currentSentence != ""
        reading = reading_for(CONTENT, kw.kiosk.nav.place, "uz")
        assert reading is not None
        assert sentence.property("text") == split_sentences(reading.text)[0]
        strip_bottom = strip.mapToScene(QPointF(0, strip.height())).y()
        bar_top = item(kw, "navBar").mapToScene(QPointF(0, 0)).y()
        assert strip.height() >= 48 and abs(strip_bottom - bar_top) <= 1
        assert strip.width() == kw.window.width()
        after = grab(kw)
        y = int(strip.mapToScene(QPointF(0, strip.height() / 2)).y())
        changed = sum(
            before.pixel(x, y) != after.pixel(x, y) for x in range(0, kw.window.width(), 20)
        )
        assert changed > kw.window.width() // 20 // 2  # a solid band, drawn


@pytest.mark.parametrize("move", ["navigation", "language", "idle reset"])
def test_moving_away_stops_the_reading(move: str, rendition_cache: Path) -> None:
    with window(rendition_cache) as (kw, engine):
        open_exhibit(kw)
        tap(kw, item(kw, "listenButton"))
        assert kw.kiosk.speech.speaking
        if move == "navigation":
            tap(kw, item(kw, "homeButton"))
        elif move == "language":
            tap(kw, item(kw, "language_ru"))
        else:
            kw.kiosk.reset_to_attract()
            settle(kw.window, kw.images)
        assert engine.played[0].stopped and not kw.kiosk.speech.speaking


def test_without_espeak_there_is_no_listen_button(rendition_cache: Path) -> None:
    missing = FakeEngine(reason="espeak-ng is not installed")
    with window(rendition_cache, missing) as (kw, _):
        open_exhibit(kw)
        assert items(kw, "listenButton") == []
        assert item(kw, "homeButton")  # the rest of the bar as ever


def test_a_reading_that_fails_takes_the_button_away_until_the_next_visitor(
    rendition_cache: Path,
) -> None:
    """espeak-ng with no sound device ends at once: the visitor must not be left with a
    button that does nothing, and the staff panel must say why."""
    with window(rendition_cache) as (kw, engine):
        open_exhibit(kw)
        tap(kw, item(kw, "listenButton"))
        engine.played[0].ended = True
        engine.played[0].complaint = "espeak-ng: error: No such file or directory"
        control = kw.kiosk.speech.control
        assert control is not None
        control.poll()  # the look the timer takes while a reading goes on
        settle(kw.window, kw.images)
        assert items(kw, "listenButton") == []
        assert item(kw, "homeButton")  # the rest of the bar as ever
        staff_line = speech_status(control.speaker, CONTENT.site.language_codes)
        assert staff_line.startswith("Reading aloud: off (the last reading failed: espeak-ng")
        kw.kiosk.reset_to_attract()  # the next visitor
        settle(kw.window, kw.images)
        open_exhibit(kw)
        tap(kw, item(kw, "listenButton"))
        assert len(engine.played) == 2 and kw.kiosk.speech.speaking


def test_a_language_without_a_voice_has_no_listen_button(rendition_cache: Path) -> None:
    with window(rendition_cache, FakeEngine(voices=frozenset({"ru", "en-us"}))) as (kw, _):
        open_exhibit(kw)
        assert items(kw, "listenButton") == []  # uz, the default
        kw.kiosk.language.choose("ru")
        settle(kw.window, kw.images)
        assert item(kw, "listenButton")


def test_gallery_and_open_timeline_entry_are_read_too(rendition_cache: Path) -> None:
    with window(rendition_cache) as (kw, engine):
        open_exhibit(kw)
        kw.kiosk.nav.openGallery(0)
        settle(kw.window, kw.images)
        tap(kw, item(kw, "listenButton"))
        assert engine.said[-1][1] == said_here(kw)
        kw.kiosk.nav.openTimeline()
        kw.kiosk.nav.focusIndex(0)
        settle(kw.window, kw.images)
        tap(kw, item(kw, "listenButton"))
        _, entry = CONTENT.timeline()[0]
        assert engine.said[-1][1] == said_here(kw)
        assert entry.title.get("uz") in engine.said[-1][1]


def test_a_reading_is_counted_with_exhibit_language_and_entry(
    rendition_cache: Path, tmp_path: Path
) -> None:
    clock = FakeClock(1_790_000_000.0)
    db = tmp_path / "analytics.sqlite3"
    recorder = AnalyticsRecorder(db, "lobby", clock=clock, flush_interval_s=3600)
    with window(rendition_cache, start="attract", kiosk_mode=True) as (kw, _):
        idle = IdleMachine(CONTENT.site.idle, clock=clock)
        controller = Controller(kw, idle=idle, recorder=recorder, kiosk_mode=True, tick_ms=60_000)
        tap(kw, item(kw, "attractLoop"))
        tap(kw, item(kw, "language_en"))
        open_exhibit(kw)
        tap(kw, item(kw, "listenButton"))
        kw.kiosk.nav.openTimeline()
        kw.kiosk.nav.focusIndex(0)
        settle(kw.window, kw.images)
        tap(kw, item(kw, "listenButton"))
        controller.kiosk_mode = False  # let the window close
    recorder.close()
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT exhibit_id, to_language, entry_date FROM events WHERE kind = 'listen'"
        ).fetchall()
    finally:
        conn.close()
    owner, entry = CONTENT.timeline()[0]
    assert rows == [(EXHIBIT.id, "en", None), (owner.id, "en", entry.date)]


def test_the_sites_speech_settings_reach_the_speaker_and_follow_new_content(
    rendition_cache: Path,
) -> None:
    with window(rendition_cache) as (kw, engine):
        speaker = kw.kiosk.speech.control.speaker  # type: ignore[union-attr]
        assert (speaker.rate_wpm, speaker.volume) == (
            CONTENT.site.speech.rate_wpm,
            CONTENT.site.speech.volume,
        )
        slower = dataclasses.replace(
            CONTENT,
            site=dataclasses.replace(CONTENT.site, speech=SpeechSettings(rate_wpm=90, volume=60)),
        )
        kw.kiosk.set_content(slower)
        open_exhibit(kw)
        tap(kw, item(kw, "listenButton"))
        utterance = engine.played[-1].utterance
        assert (utterance.rate_wpm, utterance.volume) == (90, 60)

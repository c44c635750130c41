"""The listen button and caption strip in the real window, with a fake read-aloud engine:
what is read, when it stops, what is counted, what a visitor sees while it speaks."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fakes import FakeClock
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor
from PySide6.QtQuick import QQuickItem
from readaloudfakes import FakeEngine

from kiosk.content.model import SpeechSettings
from kiosk.content.site_schema import DEFAULTED_STRINGS
from kiosk.content.spoken import CAPTION, HEADING
from kiosk.runtime.analytics import AnalyticsRecorder
from kiosk.runtime.idle import IdleMachine
from kiosk.runtime.readaloud_captions import split_sentences
from kiosk.runtime.readaloud_check import SpeechCheck
from kiosk.runtime.readaloud_engine import VOICES
from kiosk.runtime.readaloud_speaker import RECHECK_S, SoundOutput, Speaker
from kiosk.runtime.readaloud_text import FACTS, Reading, reading_for
from kiosk.runtime.staff_status import speech_status
from kiosk.ui.app import KioskWindow
from kiosk.ui.controller import Controller
from kiosk.ui.readaloud_player import ReadAloudPlayer
from kiosk.ui.render import settle
from kiosk.ui.textlines import span_lines
from tests.conftest import BUNDLED
from tests.layouttools import scene_rect, share_changed
from tests.uitools import grab, item, items, load, open_window, tap, visible

pytestmark = pytest.mark.usefixtures("qapp")

CONTENT = load(BUNDLED)
EXHIBIT = CONTENT.exhibits[2]


@contextmanager
def window(
    cache: Path, engine: FakeEngine | None = None, **options: Any
) -> Iterator[tuple[KioskWindow, FakeEngine]]:
    engine = engine if engine is not None else FakeEngine()
    control = ReadAloudPlayer(Speaker(engine, clock=FakeClock()))
    with open_window(CONTENT, cache, player=control, **options) as kw:
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
        assert engine.said == [(VOICES["az"], split_sentences(expected.text)[0])]
        assert kw.kiosk.readAloud.speaking
        tap(kw, item(kw, "listenButton"))
        assert engine.played[0].stopped and not kw.kiosk.readAloud.speaking
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
        assert sentence.property("text") == kw.kiosk.readAloud.currentSentence != ""
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


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1280, 800)], ids=str)
def test_the_scroll_cue_stays_above_the_caption_strip_while_reading(
    size: tuple[int, int], rendition_cache: Path
) -> None:
    """The strip lies over the foot of the page: the page's scroll cue moves up above
    it, so the arrow is never under the strip."""
    with window(rendition_cache, size=size) as (kw, _):
        open_exhibit(kw)
        tap(kw, item(kw, "listenButton"))
        assert kw.kiosk.readAloud.speaking
        strip = scene_rect(item(kw, "captionStrip"))
        arrow = scene_rect(item(kw, "scrollCueArrow"))  # more below: the page is long
        assert strip.height() >= 48
        assert arrow.bottom() <= strip.top() and arrow.top() >= 0
        # what a visitor sees: the arrow's own colour beside its chevron, not the strip's
        shot = grab(kw)
        beside = arrow.center() - QPointF(arrow.width() / 4, 0)
        seen = QColor(shot.pixel(beside.toPoint()))
        under_strip = QColor(shot.pixel(int(strip.left()) + 4, int(strip.center().y())))
        assert seen != under_strip


@pytest.mark.parametrize("move", ["navigation", "language", "idle reset"])
def test_moving_away_stops_the_reading(move: str, rendition_cache: Path) -> None:
    with window(rendition_cache) as (kw, engine):
        open_exhibit(kw)
        tap(kw, item(kw, "listenButton"))
        assert kw.kiosk.readAloud.speaking
        if move == "navigation":
            tap(kw, item(kw, "homeButton"))
        elif move == "language":
            tap(kw, item(kw, "language_ru"))
        else:
            kw.kiosk.reset_to_attract()
            settle(kw.window, kw.images)
        assert engine.played[0].stopped and not kw.kiosk.readAloud.speaking


def test_without_espeak_there_is_no_listen_button(rendition_cache: Path) -> None:
    missing = FakeEngine(reason="espeak-ng is not installed")
    with window(rendition_cache, missing) as (kw, _):
        open_exhibit(kw)
        assert items(kw, "listenButton") == []
        assert item(kw, "homeButton")  # the rest of the bar as ever


def _fail_the_reading(kw: KioskWindow, engine: FakeEngine) -> None:
    engine.played[-1].ended = True
    engine.played[-1].complaint = "espeak-ng: error: No such file or directory"
    player = kw.kiosk.readAloud.player
    assert player is not None
    player.poll()  # the look the timer takes while a reading goes on
    settle(kw.window, kw.images)


def _shown_inside(kw: KioskWindow, name: str) -> QRectF:
    [found] = items(kw, name)
    assert visible(found), name
    rect = scene_rect(found)
    window = QRectF(0, 0, kw.window.width(), kw.window.height())
    assert rect.width() > 40 and rect.height() > 20 and window.contains(rect), (name, rect)
    return rect


@pytest.mark.parametrize("language", ["uz", "az", "ru", "en"])
def test_a_reading_that_fails_says_so_then_takes_the_button_away(
    rendition_cache: Path, language: str
) -> None:
    """The sound device went away: the visitor sees why in their language, on the
    caption strip above the bar (the button still there, not hidden by it), then the
    button goes; the staff panel says what to check."""
    with window(rendition_cache) as (kw, engine):
        kw.kiosk.language.choose(language)
        open_exhibit(kw)
        tap(kw, item(kw, "listenButton"))
        _fail_the_reading(kw, engine)
        notice = _shown_inside(kw, "captionSentence")
        assert (
            item(kw, "captionSentence").property("text") == DEFAULTED_STRINGS["no_sound"][language]
        )
        assert item(kw, "captionSentence").property("lineCount") == 1
        strip = _shown_inside(kw, "captionStrip")
        button = _shown_inside(kw, "listenButton")
        assert strip.contains(notice) and not strip.intersects(button)
        assert strip.bottom() <= scene_rect(item(kw, "navBar")).top() + 1
        assert not kw.kiosk.readAloud.speaking
        kw.kiosk.readAloud.end_notice()  # what its timer does after a few seconds
        settle(kw.window, kw.images)
        assert items(kw, "listenButton") == []
        assert items(kw, "captionStrip") == []
        assert item(kw, "homeButton")  # the rest of the bar as ever
        player = kw.kiosk.readAloud.player
        assert player is not None
        staff_line = speech_status(player.speaker, CONTENT.site.language_codes)
        assert staff_line.startswith("Reading aloud: off (the last reading failed: espeak-ng")
        assert "sound device" in staff_line


def test_after_a_failure_the_next_visitors_get_listen_back_only_when_the_sound_works(
    rendition_cache: Path,
) -> None:
    """Not offered, failed and withdrawn all day: after a failure the sound output is
    looked at again between visitors, at most every few minutes (a fake clock here)."""
    clock = FakeClock()
    engine = FakeEngine()
    player = ReadAloudPlayer(Speaker(engine, clock=clock), run_check=lambda job: job())
    with open_window(CONTENT, rendition_cache, player=player) as kw:
        open_exhibit(kw)
        tap(kw, item(kw, "listenButton"))
        engine.sound_problem = "espeak-ng: error: No such file or directory"
        _fail_the_reading(kw, engine)
        kw.kiosk.readAloud.end_notice()
        kw.kiosk.reset_to_attract()  # the next visitor, a minute later
        clock.advance(60)
        open_exhibit(kw)
        assert items(kw, "listenButton") == [] and engine.sound_checks == 0
        kw.kiosk.reset_to_attract()  # three minutes on: looked at, still no sound
        clock.advance(RECHECK_S)
        kw.kiosk.reset_to_attract()
        open_exhibit(kw)
        assert items(kw, "listenButton") == [] and engine.sound_checks == 1
        engine.sound_problem = ""  # a technician plugged the speakers back in
        clock.advance(RECHECK_S)
        kw.kiosk.reset_to_attract()
        open_exhibit(kw)
        assert engine.sound_checks == 2
        _shown_inside(kw, "listenButton")
        tap(kw, item(kw, "listenButton"))
        assert len(engine.played) == 2 and kw.kiosk.readAloud.speaking


def test_with_no_sound_device_at_start_listen_is_never_offered(rendition_cache: Path) -> None:
    """The kiosk attaches its player after the first frame and checks the sound output
    off the UI thread: until the answer, and with no device, there is no Listen."""
    jobs: list[Callable[[], None]] = []
    clock = FakeClock()
    engine = FakeEngine(sound_problem="espeak-ng: error: No such file or directory")
    speaker = Speaker(engine, clock=clock, sound=SoundOutput(clock))
    with open_window(CONTENT, rendition_cache) as kw:
        open_exhibit(kw)
        assert items(kw, "listenButton") == []  # no player yet: the first frame is drawn
        kw.kiosk.readAloud.attach(ReadAloudPlayer(speaker, run_check=jobs.append))
        settle(kw.window, kw.images)
        assert items(kw, "listenButton") == [] and len(jobs) == 1  # checking
        assert speech_status(speaker, ("en",)) == "Reading aloud: off (checking the sound output)"
        jobs.pop()()
        settle(kw.window, kw.images)
        assert items(kw, "listenButton") == []
        assert items(kw, "captionStrip") == []  # nothing to say: nothing was offered
        staff_line = speech_status(speaker, CONTENT.site.language_codes)
        assert staff_line.startswith("Reading aloud: off (no sound output: espeak-ng: error")
        assert "check that a sound device is connected" in staff_line


def test_with_sound_listen_shows_once_the_check_is_in(rendition_cache: Path) -> None:
    jobs: list[Callable[[], None]] = []
    clock = FakeClock()
    speaker = Speaker(FakeEngine(), clock=clock, sound=SoundOutput(clock))
    with open_window(CONTENT, rendition_cache) as kw:
        open_exhibit(kw)
        kw.kiosk.readAloud.attach(ReadAloudPlayer(speaker, run_check=jobs.append))
        settle(kw.window, kw.images)
        assert items(kw, "listenButton") == []
        jobs.pop()()
        settle(kw.window, kw.images)
        button = _shown_inside(kw, "listenButton")
        assert button.top() >= scene_rect(item(kw, "navBar")).top() - 1


def test_the_kiosk_makes_its_player_at_the_first_reading_from_what_its_check_found(
    rendition_cache: Path,
) -> None:
    """The running kiosk gives only a ``SpeechCheck`` after its first frame: the button
    shows once the sound output is known to work, as before, and the player (with the
    engine and ``subprocess``) is made by the first tap on it, taking over the check's
    sound output, so a failed reading withdraws the button as before."""
    jobs: list[Callable[[], None]] = []
    clock = FakeClock()
    engine = FakeEngine()
    check = SpeechCheck(engine, SoundOutput(clock))
    with open_window(CONTENT, rendition_cache) as kw:
        read_aloud = kw.kiosk.readAloud
        read_aloud._run_check = jobs.append
        open_exhibit(kw)
        read_aloud.attach_check(check)
        settle(kw.window, kw.images)
        assert items(kw, "listenButton") == [] and len(jobs) == 1  # checking
        jobs.pop()()
        settle(kw.window, kw.images)
        assert item(kw, "listenButton") and read_aloud.player is None
        assert speech_status(read_aloud.speech, ("uz", "en")) == "Reading aloud: on (uz, en)"
        tap(kw, item(kw, "listenButton"))
        player = read_aloud.player
        assert player is not None and player.speaker.sound is check.sound
        expected = reading_for(CONTENT, kw.kiosk.nav.place, kw.kiosk.language.current)
        assert expected is not None
        assert engine.said == [(VOICES["uz"], split_sentences(expected.text)[0])]
        assert read_aloud.speaking and item(kw, "captionStrip")
        _fail_the_reading(kw, engine)
        assert not check.available and item(kw, "captionStrip")  # the notice, then no button
        read_aloud.end_notice()
        settle(kw.window, kw.images)
        assert items(kw, "listenButton") == []


def test_without_espeak_the_check_offers_nothing_and_makes_no_player(
    rendition_cache: Path,
) -> None:
    jobs: list[Callable[[], None]] = []
    made: list[SpeechCheck] = []
    missing = FakeEngine(reason="espeak-ng is not installed; install it with: apt-get ...")
    check = SpeechCheck(missing, SoundOutput(FakeClock()))
    with open_window(CONTENT, rendition_cache) as kw:
        read_aloud = kw.kiosk.readAloud
        read_aloud._run_check = jobs.append
        open_exhibit(kw)
        read_aloud.attach_check(check, made.append)  # type: ignore[arg-type]
        settle(kw.window, kw.images)
        assert jobs == [] and items(kw, "listenButton") == []  # nothing to check
        assert item(kw, "homeButton")  # the rest of the bar as ever
        read_aloud.toggle()  # a key, say: still nothing is made
        read_aloud.readSection(0)
        assert made == [] and read_aloud.player is None
        assert speech_status(read_aloud.speech, ("en",)) == (
            "Reading aloud: off (espeak-ng is not installed; install it with: apt-get ...)"
        )


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
        assert engine.said[-1][1] == split_sentences(said_here(kw))[0]
        kw.kiosk.nav.openTimeline()
        kw.kiosk.nav.focusIndex(0)
        settle(kw.window, kw.images)
        tap(kw, item(kw, "listenButton"))
        _, entry = CONTENT.timeline()[0]
        assert engine.said[-1][1] == split_sentences(said_here(kw))[0]
        assert entry.title.get("uz") in said_here(kw)


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
        speaker = kw.kiosk.readAloud.player.speaker  # type: ignore[union-attr]
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


def _section_rects(kw: KioskWindow) -> list[QRectF]:
    return [scene_rect(h) for h in items(kw, "sectionHeading")]


def test_a_section_is_read_alone_from_its_own_play_control(rendition_cache: Path) -> None:
    """Each section heading has a play control beside it (not over it); a tap reads
    that section only, marks it in the margin and keeps it in view; a second tap stops."""
    with window(rendition_cache) as (kw, engine):
        open_exhibit(kw)
        controls = items(kw, "sectionListen")
        headings = items(kw, "sectionHeading")
        assert len(controls) == len(EXHIBIT.sections) == len(headings) >= 2
        for control, title in zip(controls, headings, strict=True):
            c, h = scene_rect(control), scene_rect(title)
            assert not c.intersects(h) and c.width() >= 48 and c.height() >= 48
        last = len(EXHIBIT.sections) - 1
        flick = item(kw, "exhibitFlick")
        flick.setProperty("contentY", 0)
        settle(kw.window, kw.images)
        # the last section's control is below the fold: a keyboard or screen reader
        # presses it without scrolling first
        kw.kiosk.readAloud.readSection(last)
        settle(kw.window, kw.images)
        reading = reading_for(CONTENT, kw.kiosk.nav.place, "uz", section=last)
        assert reading is not None
        assert engine.said == [("uz", split_sentences(reading.text)[0])]
        assert kw.kiosk.readAloud.readingSection == last
        [mark] = items(kw, "sectionReadMark")
        view = scene_rect(flick)
        heading = _section_rects(kw)[last]
        assert view.contains(heading), (view, heading)  # scrolled to it
        m = scene_rect(mark)
        assert m.width() >= 4 and m.height() >= heading.height() and m.right() <= heading.left()
        tap(kw, items(kw, "sectionListen")[last])  # the same control again: stop
        assert engine.played[0].stopped and not kw.kiosk.readAloud.speaking
        assert items(kw, "sectionReadMark") == []


def test_the_whole_page_reading_marks_and_follows_each_section(rendition_cache: Path) -> None:
    clock = FakeClock()
    engine = FakeEngine()
    player = ReadAloudPlayer(Speaker(engine, clock=clock))
    with open_window(CONTENT, rendition_cache, player=player) as kw:
        open_exhibit(kw)
        tap(kw, item(kw, "listenButton"))
        reading = reading_for(CONTENT, kw.kiosk.nav.place, "uz")
        assert reading is not None
        sentences = split_sentences(reading.text)
        flick = item(kw, "exhibitFlick")
        seen: list[int] = []
        for index, text in enumerate(sentences):
            if index:
                engine.played[-1].ended = True  # the voice finished the sentence before
            player.poll()
            settle(kw.window, kw.images)
            assert engine.said[-1][1] == text
            section = reading.section_of(index)
            assert kw.kiosk.readAloud.readingSection == section
            piece = reading.piece_of(index)
            marks = items(kw, "sentenceMark")  # the lines of the sentence being read
            assert items(kw, "readMark") == []  # never the whole paragraph
            on_card = section == FACTS and piece >= 0  # a key fact marks its whole card
            assert bool(marks) == (piece != HEADING if section >= 0 else not on_card), index
            if marks and section >= 0:  # the head's marks: tests/test_ui_readaloud_head.py
                mark = scene_rect(marks[0])
                said = split_sentences(text)[0][:12]
                texts = [t for t in items(kw, "paragraph") + items(kw, "bullet")]
                under = [t for t in texts if scene_rect(t).contains(mark.center())]
                assert piece == CAPTION or any(said in t.property("text") for t in under)
                assert scene_rect(flick).contains(mark)  # on screen
            if section >= 0 and (not seen or seen[-1] != section):
                seen.append(section)
                heading = _section_rects(kw)[section]
                assert scene_rect(flick).contains(heading.topLeft()), (section, heading)
                assert len(items(kw, "sectionReadMark")) == 1
        assert seen == list(range(len(EXHIBIT.sections)))


def _sentence_pair(reading: Reading) -> int:
    """A sentence followed by another in the same paragraph of a section."""
    for index in range(len(reading.sections) - 1):
        here = (reading.section_of(index), reading.piece_of(index))
        if (
            here[0] >= 0
            and here[1] >= 0
            and here
            == (
                reading.section_of(index + 1),
                reading.piece_of(index + 1),
            )
        ):
            return index
    raise AssertionError("no paragraph of two sentences on the page")


@pytest.mark.parametrize("contrast", [False, True], ids=["paper", "contrast"])
@pytest.mark.parametrize("scale", [1.0, 1.25, 1.5])
def test_the_sentence_being_read_is_marked_on_the_page_and_not_the_next(
    rendition_cache: Path, scale: float, contrast: bool
) -> None:
    """What a visitor sees while a paragraph is read: the sentence the voice is on is
    marked (the pixels behind it change) and the next sentence of the same paragraph is
    not; when the voice moves on, so does the mark. Pixels of the window, marked and not."""
    engine = FakeEngine()
    player = ReadAloudPlayer(Speaker(engine, clock=FakeClock()))
    with open_window(CONTENT, rendition_cache, player=player) as kw:
        kw.kiosk.appearance.set_text_scale(scale)
        kw.kiosk.appearance.set_high_contrast(contrast)
        open_exhibit(kw)
        reading = reading_for(CONTENT, kw.kiosk.nav.place, "uz")
        assert reading is not None
        first = _sentence_pair(reading)
        tap(kw, item(kw, "listenButton"))
        for _ in range(first):
            engine.played[-1].ended = True
            player.poll()
        settle(kw.window, kw.images)
        for index in (first, first + 1):  # the voice on a sentence, then on the next
            if index > first:
                engine.played[-1].ended = True
                player.poll()
                settle(kw.window, kw.images)
            assert player.sentenceIndex == index
            (start, end), (after, stop) = reading.span_of(index), reading.span_of(index + 1)
            said = split_sentences(reading.text)[index]
            [text] = [t for t in items(kw, "paragraph") if said[:20] in t.property("text")]
            shown = text.property("text")
            assert " ".join(shown[start:end].split()) in (said, said[:-1])
            lines = span_lines(
                shown,
                text.property("font"),
                text.width(),
                text.property("lineHeight"),
                0,
                len(shown),
            )
            assert len(lines) == text.property("lineCount")  # laid out as Qt laid it out

            def boxes(a: int, b: int, text: QQuickItem = text, shown: str = shown) -> list[QRectF]:
                laid = span_lines(
                    shown, text.property("font"), text.width(), text.property("lineHeight"), a, b
                )
                return [text.mapRectToScene(r) for r in laid]

            this, following = boxes(start, end), boxes(after, stop)
            if index > first:  # the one before, now read: not marked any more
                following = boxes(*reading.span_of(index - 1))
            view = scene_rect(item(kw, "exhibitFlick"))
            strip = scene_rect(item(kw, "captionStrip"))
            assert all(view.contains(b) and not strip.intersects(b) for b in this)
            marked = grab(kw)
            kw.kiosk.readAloud.stop()
            settle(kw.window, kw.images)
            plain = grab(kw)
            assert share_changed(marked, plain, this) > 0.5, (scale, contrast, index)
            inset = kw.window.height() / 1080 * 24 / 3  # the mark's padding beside a sentence
            others = [b.adjusted(inset, 0, -inset, 0) for b in following if b.width() > 2 * inset]
            others = [b for b in others if view.contains(b) and not strip.intersects(b)]
            assert others, "the other sentence is not on screen"
            assert share_changed(marked, plain, others) < 0.02, (scale, contrast, index)
            if index == first:  # read again from where it was
                tap(kw, item(kw, "listenButton"))
                for _ in range(first):
                    engine.played[-1].ended = True
                    player.poll()
                settle(kw.window, kw.images)

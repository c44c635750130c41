"""The Qt adapter for reading aloud: properties QML binds to, and the child's lifetime."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from fakes import FakeClock
from PySide6.QtCore import QObject
from PySide6.QtQml import QQmlComponent, QQmlEngine
from readaloudfakes import FakeEngine, program_of, real_time_sound_device, running, wait_until_gone

from kiosk.content.model import SpeechSettings
from kiosk.runtime.readaloud_engine import EspeakEngine
from kiosk.runtime.readaloud_speaker import Speaker
from kiosk.ui.readaloud_player import ReadAloudPlayer

pytestmark = pytest.mark.usefixtures("qapp")

TEXT = "The Friendship Museum.\nIt opened in Tashkent."


def make_control(engine: FakeEngine | None = None) -> tuple[ReadAloudPlayer, FakeEngine, FakeClock]:
    engine = engine if engine is not None else FakeEngine()
    clock = FakeClock()
    return ReadAloudPlayer(Speaker(engine, rate_wpm=175, clock=clock)), engine, clock


def test_toggle_starts_then_stops_with_signals() -> None:
    control, engine, _ = make_control()
    changes: list[bool] = []
    started: list[str] = []
    control.speakingChanged.connect(lambda: changes.append(control.speaking))
    control.started.connect(started.append)
    control.toggle(TEXT, "en")
    assert control.speaking and engine.said == [("en-us", "The Friendship Museum.")]
    assert (control.currentSentence, control.sentenceIndex) == ("The Friendship Museum.", 0)
    control.toggle(TEXT, "en")
    assert not control.speaking and engine.played[0].stopped
    assert (control.currentSentence, control.sentenceIndex) == ("", -1)
    assert changes == [True, False] and started == ["en"]


def test_the_caption_moves_on_with_the_voice_while_the_timer_runs() -> None:
    control, engine, clock = make_control()
    control.read(TEXT, "ru")
    assert control._timer.isActive()
    clock.advance(60)
    control.poll()  # what the timer does every POLL_MS: the voice is still on it
    assert (control.currentSentence, control.sentenceIndex) == ("The Friendship Museum.", 0)
    engine.played[0].ended = True  # espeak-ng finished the first sentence
    control.poll()
    assert (control.currentSentence, control.sentenceIndex) == ("It opened in Tashkent.", 1)
    assert engine.said[-1] == ("ru", "It opened in Tashkent.")
    engine.played[1].ended = True
    control.poll()
    assert not control.speaking and control.currentSentence == ""
    assert not control._timer.isActive()  # no wake-ups while silent


def test_stop_and_settings() -> None:
    control, engine, _ = make_control()
    control.configure(SpeechSettings(rate_wpm=120, volume=60))
    assert control.read(TEXT, "az")
    assert (engine.played[0].utterance.rate_wpm, engine.played[0].utterance.volume) == (120, 60)
    control.stop()
    assert not control.speaking and engine.played[0].stopped


def test_unavailable_engine_offers_nothing() -> None:
    control, engine, _ = make_control(FakeEngine(reason="espeak-ng is not installed"))
    assert not control.available and control.reason == "espeak-ng is not installed"
    assert not control.read(TEXT, "en")
    control.toggle(TEXT, "en")
    assert not control.speaking and engine.played == []


def test_qml_bindings_follow_the_properties() -> None:
    control, _, _ = make_control()
    engine = QQmlEngine()
    engine.rootContext().setContextProperty("player", control)
    component = QQmlComponent(engine)
    component.setData(
        b"import QtQuick\n"
        b"Text { property bool shown: !!player && player.available && player.speaking;"
        b' text: player ? player.currentSentence : "" }',
        "inline.qml",
    )
    item = component.create()
    assert item is not None, component.errorString()
    assert (item.property("shown"), item.property("text")) == (False, "")
    control.read(TEXT, "en")
    assert (item.property("shown"), item.property("text")) == (True, "The Friendship Museum.")
    control.stop()
    assert (item.property("shown"), item.property("text")) == (False, "")


needs_espeak = pytest.mark.skipif(
    shutil.which("espeak-ng") is None,
    reason="espeak-ng is not installed (apt-get install espeak-ng)",
)


@needs_espeak
def test_stop_kills_the_espeak_child(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in real_time_sound_device(tmp_path).items():
        monkeypatch.setenv(name, value)
    control = ReadAloudPlayer(Speaker(EspeakEngine()))
    assert control.read(TEXT * 20, "en")
    pid = control.speaker._playback.pid  # type: ignore[union-attr]
    assert running(pid) and program_of(pid) == "espeak-ng"
    control.stop()
    assert not running(pid) and not control.speaking


QUITTING_APP = """\
import sys
from PySide6.QtCore import QCoreApplication, QTimer
import kiosk.runtime.readaloud_engine
from kiosk.runtime.readaloud_speaker import Speaker
from kiosk.ui.readaloud_player import ReadAloudPlayer

kiosk.runtime.readaloud_engine._die_with_parent = lambda: None  # the quit alone must stop it
app = QCoreApplication([])
control = ReadAloudPlayer(Speaker())
assert control.read("The Friendship Museum opened in Tashkent. " * 40, "en")
pid = control.speaker._playback.pid
print(pid, flush=True)
QTimer.singleShot(300, app.quit)
app.exec()
"""


@needs_espeak
def test_quitting_the_application_stops_the_reading(tmp_path: Path) -> None:
    """Before Python's own exit handlers: the staff Quit ends the reading with the loop."""
    env = {**os.environ, **real_time_sound_device(tmp_path)}
    script = (
        textwrap.dedent(QUITTING_APP)
        + "print('running' if control.speaker.speaking else 'stopped', flush=True)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60
    )
    lines = done.stdout.split()
    assert done.returncode == 0, done.stderr
    assert lines[1] == "stopped"
    assert wait_until_gone(int(lines[0]))


def test_adapter_is_a_qobject_for_the_bridge_to_own() -> None:
    parent = QObject()
    control = ReadAloudPlayer(Speaker(FakeEngine()), parent)
    assert control.parent() is parent

"""A real ``kiosk --present`` process on two screens (Qt's offscreen platform with a
laptop and a projector, from a JSON configuration): the audience window is on the
projector and shows content only, in the audience's language; the console is on the
laptop with the notes, the next step and the timer. Keys are pressed on the console
window by ``tests/present_child.py``, which grabs both windows to PNG.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from kiosk.content.loader import load_content
from kiosk.ui import present
from tests import process

pytestmark = pytest.mark.slow  # real kiosks on two screens

LAPTOP = {"name": "laptop", "x": 0, "y": 0, "width": 1280, "height": 800, "logicalDpi": 96}
PROJECTOR = {
    "name": "projector",
    "x": 1280,
    "y": 0,
    "width": 1920,
    "height": 1080,
    "logicalDpi": 96,
}
CHILD = process.REPO / "tests" / "present_child.py"
EXHIBITS = process.REPO / "exhibits"
STEPS = [
    "shot:start",
    "key:PageDown",
    "shot:scrolled",
    "key:B",
    "shot:black",
    "key:Escape",
    "key:F",
    "key:End",
    "shot:frozen",
    "key:Escape",
    # the About screen, screenful by screenful, then one press more
    *["key:PageDown", "wait:400"] * 8,
    "shot:over",
    "key:Escape",
    "shot:quit",
    "key:Escape",
    "key:3",
    "key:Return",
    "shot:jumped",
]


def _run(
    tmp: Path,
    screens: list[dict[str, Any]],
    args: list[str],
    steps: list[str] = STEPS,
    exhibits: Path = EXHIBITS,
    bus: str = "",
) -> Path:
    config = tmp / "screens.json"
    config.write_text(json.dumps({"screens": screens}), encoding="utf-8")
    out = tmp / "out"
    env = {
        **process.environment(),
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "KIOSK_TEST_STEPS": json.dumps(steps),
    }
    if bus:  # a session bus of the test's own (a desktop's, with its screen saver)
        env["DBUS_SESSION_BUS_ADDRESS"] = bus
    argv = [sys.executable, str(CHILD), str(out), "--", "--present", *args]
    argv += ["--cache", str(tmp / "cache"), "--state-dir", str(tmp / "state"), str(exhibits)]
    log = tmp / "kiosk.out"
    with log.open("wb") as sink:
        child = subprocess.Popen(argv, env=env, stdout=sink, stderr=subprocess.STDOUT, cwd=tmp)
        deadline = time.monotonic() + process.START_TIMEOUT_S
        while not (out / "done").exists() and not (out / "failed").exists():
            if child.poll() is not None or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        child.terminate()
        child.wait(60)
    text = log.read_text(encoding="utf-8", errors="replace")
    assert (out / "done").exists(), (
        f"{(out / 'failed').read_text() if (out / 'failed').exists() else 'no result'}\n{text}"
    )
    assert "Traceback" not in text and "qt: " not in text, text
    return out


@pytest.fixture(scope="module")
def two_screens(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("present")
    return _run(tmp, [LAPTOP, PROJECTOR], ["--talk", "school-visit", "--presenter-language", "en"])


def _shot(out: Path, label: str) -> dict[str, Any]:
    return json.loads((out / f"{label}.json").read_text(encoding="utf-8"))


def _english_only_words() -> set[str]:
    """Every interface word and exhibit title whose English differs from its Uzbek."""
    content = load_content(EXHIBITS).content
    assert content is not None
    words: set[str] = set()
    for language, other in (("en", "uz"),):
        ui, ui_other = present.strings(content, language), present.strings(content, other)
        words |= {v for k, v in ui.items() if v != ui_other[k] and len(v) > 3}
        for exhibit in content.exhibits:
            for text in (exhibit.title, exhibit.subtitle):
                if text.get(language) != text.get(other):
                    words.add(text.get(language))
    return words | {"Quit the presentation?", "Quit the talk?", "Notes", "Next"}


def test_the_audience_window_fills_the_projector_and_the_console_the_laptop(
    two_screens: Path,
) -> None:
    shot = _shot(two_screens, "start")
    audience, console = shot["audience"], shot["console"]
    assert audience["screen"] == "projector"
    assert audience["geometry"] == [1280, 0, 1920, 1080]
    assert console["screen"] == "laptop"
    assert console["geometry"] == [0, 0, 1280, 800]
    assert audience["visible"] and console["visible"]


def test_the_audience_sees_content_only_and_no_english(two_screens: Path) -> None:
    english = _english_only_words()
    for label in ("start", "scrolled", "over", "quit", "jumped"):
        audience = _shot(two_screens, label)["audience"]
        named = audience["named"]
        assert "navBar" not in named and "staffCorner" not in named, label
        assert "quitQuestion" not in named and "presenterHelp" not in named, label
        assert audience["texts"], label  # content is on show
        leaked = [t for t in audience["texts"] if any(w in t for w in english)]
        assert not leaked, (label, leaked)
        notes = _shot(two_screens, label)["console"]["texts"]
        assert not set(audience["texts"]) & {t for t in notes if "Ask" in t}  # no notes
    # the bottom rows of the projected picture are the page, not a bar
    picture = Image.open(two_screens / "start-audience.png").convert("RGB")
    assert picture.size == (1920, 1080)


def test_the_console_shows_notes_next_step_and_timer(two_screens: Path) -> None:
    console = _shot(two_screens, "start")["console"]
    texts = " ".join(console["texts"])
    assert "Say hello" in texts  # the first step's notes, in the presenter's English
    named = console["named"]
    for name in (
        "liveView",
        "nextStep",
        "nextTitle",
        "notes",
        "outline",
        "consoleTimer",
        "timeLeft",
    ):
        assert name in named, name
    assert "15:00" in texts  # a 15-minute talk, not started yet
    # counting from the first press: what is left and what has gone make the talk's 15
    # minutes (the shot waits for the audience's pictures, longer on a busy machine)
    scrolled = _shot(two_screens, "scrolled")["console"]["texts"]
    left = _seconds(scrolled[scrolled.index("Time left") - 1])
    gone = _seconds(scrolled[scrolled.index("Elapsed") - 1])
    assert abs(left + gone - 15 * 60) <= 1 and gone < 5 * 60, scrolled


def _seconds(clock: str) -> int:
    minutes, _, seconds = clock.partition(":")
    return int(minutes) * 60 + int(seconds)


def test_blank_covers_the_projector_in_black_and_esc_brings_the_content_back(
    two_screens: Path,
) -> None:
    black = Image.open(two_screens / "black-audience.png").convert("RGB")
    assert black.getextrema() == ((0, 0), (0, 0), (0, 0))
    assert (
        "The audience sees a blank screen (Esc)" in _shot(two_screens, "black")["console"]["texts"]
    )
    after = Image.open(two_screens / "frozen-audience.png").convert("RGB")
    assert after.getextrema() != ((0, 0), (0, 0), (0, 0))


def test_freeze_keeps_the_audience_picture_while_the_console_moves_on(two_screens: Path) -> None:
    before = Image.open(two_screens / "scrolled-audience.png").convert("RGB")
    frozen = Image.open(two_screens / "frozen-audience.png").convert("RGB")
    assert _rms(before, frozen) < 2  # End was pressed, the audience still sees the old picture
    console = _shot(two_screens, "frozen")["console"]
    assert any(t.startswith("Frozen") for t in console["texts"])
    assert "Step 9 / 9" in console["texts"]  # the console is on the last step


def test_the_last_step_says_the_talk_is_over_on_the_console_only(two_screens: Path) -> None:
    over = _shot(two_screens, "over")
    assert "The talk is over" in over["console"]["texts"]
    assert "Step 9 / 9" in over["console"]["texts"]  # no wrap to the first step
    assert not any("over" in t for t in over["audience"]["texts"])


def test_esc_asks_to_quit_on_the_console_not_in_front_of_the_audience(two_screens: Path) -> None:
    quit_shot = _shot(two_screens, "quit")
    assert any("Quit the talk?" in t for t in quit_shot["console"]["texts"])
    assert not any("Quit" in t for t in quit_shot["audience"]["texts"])


def test_number_and_enter_jump_to_that_step(two_screens: Path) -> None:
    assert "Step 3 / 9" in _shot(two_screens, "jumped")["console"]["texts"]


def _rms(a: Image.Image, b: Image.Image) -> float:
    from PIL import ImageChops, ImageStat

    diff = ImageStat.Stat(ImageChops.difference(a, b))
    return sum(diff.rms) / 3


def test_nothing_of_the_presenter_is_loaded_before_the_first_frame_without_present(
    tmp_path: Path,
) -> None:
    from tests.test_startup_imports import _at_first_frame

    hook = tmp_path / "hook"
    hook.mkdir()
    loaded = set(_at_first_frame(tmp_path, hook, "windowed")["modules"])
    assert "kiosk.ui.bridge" in loaded  # the hook saw the window's start
    presenter = {"kiosk.ui.presenting", "kiosk.ui.talk", "kiosk.runtime.talk"}
    assert not presenter & loaded


def test_a_broken_talk_and_edits_during_the_talk_are_told_on_the_console_only(
    tmp_path: Path,
) -> None:
    """The presenter rehearses with the talk file open in an editor: a typo at the
    start, then the fix saved while the talk runs."""
    root = tmp_path / "exhibits"
    shutil.copytree(EXHIBITS, root)
    talk = root / "talks" / "school-visit.yaml"
    good = tmp_path / "school-visit.yaml"
    shutil.copyfile(talk, good)
    text = good.read_text("utf-8")
    talk.write_text(text.replace('exhibit: "people"', 'exhibit: "poeple"', 1), "utf-8")
    line = text[: text.index('exhibit: "people"')].count("\n") + 1
    steps = [
        "shot:broken",
        "key:PageDown",
        f"copy:{good}>{talk}",
        "until:or the talk is started again",
        "shot:fixed",
        "key:T",  # the talks to choose from: the fixed one is there
        "until:1.  For a school class",
        "key:1",
        "until:Step 1 / 9",
        "shot:chosen",
    ]
    args = ["--talk", "school-visit", "--presenter-language", "en"]
    out = _run(tmp_path, [LAPTOP, PROJECTOR], args, steps, root)
    broken = _shot(out, "broken")
    console = broken["console"]["texts"]
    assert any("“school-visit” has errors and was left out" in said for said in console)
    assert (
        f"talks/school-visit.yaml:{line}:14: unknown exhibit id 'poeple'; did you mean 'people'?"
        in console
    )
    assert "contentNotices" in broken["console"]["named"]
    audience = broken["audience"]
    assert "contentNotices" not in audience["named"] and "problemsBanner" not in audience["named"]
    assert not any("school-visit" in said or "poeple" in said for said in audience["texts"])
    # the whole exhibition instead, shown on the projector from its first exhibit
    content = load_content(EXHIBITS).content
    assert content is not None
    assert content.exhibits[0].title.get("uz") in audience["texts"]
    fixed = _shot(out, "fixed")["console"]["texts"]
    assert (
        "Edits to the exhibits folder show when a talk is chosen (T) or the talk is started"
        " again." in fixed
    )
    assert any("has errors and was left out" in said for said in fixed)  # still true of this run
    # chosen on the console (T, then its number): the talk starts on the fixed file, as
    # if started again; nothing is left out or waiting any more
    chosen = _shot(out, "chosen")
    said = chosen["console"]["texts"]
    assert not any("left out" in line or "show when" in line for line in said)
    first = content.exhibit("history")
    assert first is not None
    assert "1.  " + first.title.get("en") in said  # its outline
    assert first.title.get("uz") in chosen["audience"]["texts"]


def test_with_one_screen_esc_and_f1_wait_for_the_console_and_the_talk_goes_on(
    tmp_path: Path,
) -> None:
    """A projector alone (or mirrored): the console is hidden, so Esc and F1, whose
    question and help show on it, do nothing until C shows it; the clicker still works."""
    projector = {**PROJECTOR, "x": 0}
    steps = [
        "shot:start",
        "key:Escape",
        "key:F1",
        "shot:keys",
        "key:PageDown",
        "key:PageDown",
        "shot:moved",
        "key:C",
        "key:Escape",
        "shot:asked",
        "key:Escape",
        "key:C",
        "shot:hidden",
    ]
    args = ["--talk", "school-visit", "--presenter-language", "en"]
    out = _run(tmp_path, [projector], args, steps)
    start, keys = _shot(out, "start"), _shot(out, "keys")
    assert not start["console"]["visible"] and start["audience"]["geometry"] == [0, 0, 1920, 1080]
    for shot in (start, keys):
        for window in ("audience", "console"):
            named = shot[window]["named"]
            assert "quitQuestion" not in named and "presenterHelp" not in named, window
            assert "consoleQuestion" not in named, window
    assert not keys["console"]["visible"]
    # the clicker was not taken by a question nobody could see: the talk moved on
    before = Image.open(out / "keys-audience.png").convert("RGB")
    moved = Image.open(out / "moved-audience.png").convert("RGB")
    assert _rms(before, moved) > 2
    asked = _shot(out, "asked")
    assert asked["console"]["visible"] and asked["console"]["screen"] == "projector"
    assert any("Quit the talk?" in said for said in asked["console"]["texts"])
    assert not any("Quit" in said for said in asked["audience"]["texts"])
    hidden = _shot(out, "hidden")
    assert not hidden["console"]["visible"] and hidden["audience"]["visible"]


def test_with_mirrored_displays_the_projector_never_shows_the_console_unasked(
    tmp_path: Path,
) -> None:
    """A laptop's displays set to mirror (two screens at one place): a console on the
    laptop's screen would be on the projector too, notes and all. It is the one-screen
    overlay instead, and says, when C shows it, why and what to change."""
    mirror = {**PROJECTOR, "x": 0}
    steps = ["shot:start", "key:PageDown", "shot:moved", "key:C", "shot:shown", "key:C"]
    steps += ["shot:hidden"]
    args = ["--talk", "school-visit", "--presenter-language", "en"]
    out = _run(tmp_path, [LAPTOP, mirror], args, steps)
    start = _shot(out, "start")
    assert not start["console"]["visible"]
    assert start["audience"]["visible"] and start["audience"]["screen"] == "projector"
    assert start["audience"]["geometry"] == [0, 0, 1920, 1080]
    before = Image.open(out / "start-audience.png").convert("RGB")
    moved = Image.open(out / "moved-audience.png").convert("RGB")
    assert _rms(before, moved) > 2  # the clicker moves the talk on
    assert not _shot(out, "moved")["console"]["visible"]
    shown = _shot(out, "shown")
    assert shown["console"]["visible"] and shown["console"]["screen"] == "projector"
    said = " ".join(shown["console"]["texts"])
    assert "The screens show the same picture (mirrored)" in said
    assert "the audience sees this console too" in said
    assert "contentNotices" in shown["console"]["named"]
    assert not any("mirrored" in text for text in shown["audience"]["texts"])
    assert not _shot(out, "hidden")["console"]["visible"]


SCREENSAVER = process.REPO / "tests" / "screensaver_fake.py"


def _lines(log: Path) -> list[dict[str, Any]]:
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


def _wait_for(log: Path, wanted: Any, timeout_s: float = 30) -> list[dict[str, Any]]:
    deadline = time.monotonic() + timeout_s
    while not any(wanted(line) for line in _lines(log)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return _lines(log)


@pytest.fixture
def session_bus() -> Iterator[str]:
    """A session bus of the test's own, as a desktop session has: its address."""
    program = shutil.which("dbus-daemon")
    if program is None:
        pytest.skip("dbus-daemon is not installed (Debian: dbus-daemon)")
    daemon = subprocess.Popen(
        [program, "--session", "--nofork", "--print-address=1"], stdout=subprocess.PIPE, text=True
    )
    assert daemon.stdout is not None
    try:
        address = daemon.stdout.readline().strip()
        assert address.startswith("unix:"), address
        yield address
    finally:
        daemon.terminate()
        daemon.wait(30)
        daemon.stdout.close()


def test_a_talk_holds_the_desktops_screen_saver_off_and_lets_go_when_it_ends(
    tmp_path: Path, session_bus: str
) -> None:
    """A presenter talking over one screen for ten minutes must not see the laptop
    blank the projector: the talk asks the desktop's screen saver (on the session bus,
    as a desktop offers it) to hold off, and the hold ends with the talk: its caller
    leaves the bus, which a desktop takes as the end of the hold."""
    log = tmp_path / "screensaver.jsonl"
    env = {**process.environment(), "DBUS_SESSION_BUS_ADDRESS": session_bus}
    env["QT_QPA_PLATFORM"] = "offscreen"
    saver = subprocess.Popen([sys.executable, str(SCREENSAVER), str(log)], env=env)
    try:
        assert any("ready" in line for line in _wait_for(log, lambda line: "ready" in line))
        args = ["--talk", "school-visit", "--presenter-language", "en"]
        _run(tmp_path, [LAPTOP, PROJECTOR], args, ["wait:500", "shot:start"], bus=session_bus)
        # the kiosk has quit (SIGTERM, as the parent ends it)
        lines = _wait_for(log, lambda line: "gone" in line)
    finally:
        saver.terminate()
        saver.wait(30)
    calls = [line for line in lines if "call" in line]
    assert len(calls) == 1, lines
    (call,) = calls
    assert call["call"] == "Inhibit" and call["args"][1] == "Giving a talk on the projector"
    assert call["args"][0] == "friendship-kiosk"  # the name the desktop lists
    assert {"gone": call["sender"]} in lines  # the hold's caller left: the hold ends
    log_text = (tmp_path / "kiosk.out").read_text(encoding="utf-8")
    assert "screen saver is held off until the talk ends" in log_text


def test_without_a_screen_saver_on_the_bus_the_talk_goes_on_and_the_log_says_so(
    tmp_path: Path, session_bus: str
) -> None:
    args = ["--talk", "school-visit", "--presenter-language", "en"]
    out = _run(tmp_path, [LAPTOP, PROJECTOR], args, STEPS[:3], bus=session_bus)
    assert "Step 1 / 9" in _shot(out, "start")["console"]["texts"]
    log_text = (tmp_path / "kiosk.out").read_text(encoding="utf-8")
    assert "no screen saver to hold off on the session bus" in log_text
    assert "ServiceUnknown" in log_text

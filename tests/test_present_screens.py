"""A projector pulled out and plugged in again in the middle of a talk, on a real X
server (Xvfb with two RandR monitors): the windows move, the talk goes on, and the
audience window comes back to the projector when it returns."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.process import start, x_environment

LAPTOP = "1280/338x800/211+0+0"
PROJECTOR = "1920/508x1080/286+1280+0"


@pytest.fixture
def two_monitors() -> Iterator[str]:
    for tool in ("Xvfb", "xrandr", "xdotool"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed")
    read_end, write_end = os.pipe()
    # -noreset: without it the server forgets the monitors when xrandr disconnects
    server = subprocess.Popen(
        [
            *("Xvfb", "-displayfd", str(write_end), "-screen", "0", "3200x1080x24"),
            *("-noreset", "-nolisten", "tcp"),
        ],
        pass_fds=(write_end,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as numbers:
            display = ":" + numbers.readline().strip()
        _xrandr(display, "--setmonitor", "laptop", LAPTOP, "none")
        _xrandr(display, "--setmonitor", "projector", PROJECTOR, "none")
        yield display
    finally:
        server.terminate()
        server.wait(timeout=10)


def _xrandr(display: str, *args: str) -> None:
    subprocess.run(["xrandr", *args], env=x_environment(display), check=True, timeout=30)


def _wait_for(
    kiosk_text: Callable[[], str], needle: str, count: int = 1, timeout: float = 30
) -> str:
    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        text = kiosk_text()
        if text.count(needle) >= count:
            return text
        time.sleep(0.2)
    raise AssertionError(f"{needle!r} x{count} never came:\n{text}")


# the kiosk's own choice (software where the machine has no GPU, as here and in CI), and
# OpenGL as a laptop with a GPU draws (here through Mesa's software rasterizer)
SCENE_GRAPHS = {"own choice": {}, "opengl": {"QSG_RHI_BACKEND": "opengl"}}


@pytest.mark.parametrize("scene_graph", SCENE_GRAPHS)
def test_the_talk_goes_on_when_the_projector_goes_and_comes_back(
    tmp_path: Path, two_monitors: str, scene_graph: str
) -> None:
    args = ["--present", "--talk", "school-visit", "--cache", str(tmp_path / "cache")]
    args += ["--state-dir", str(tmp_path / "state"), str(Path(__file__).parents[1] / "exhibits")]
    kiosk = start(tmp_path, args, display=two_monitors, env=SCENE_GRAPHS[scene_graph])
    env = x_environment(two_monitors)
    try:
        _wait_for(kiosk.text, "audience on projector, console on laptop")
        if scene_graph == "opengl":
            assert "draws in software" not in kiosk.text()
        # the pages listed on the console when the cable comes out: the list goes with
        # the console, so a step's number typed next is a step's, not a page off the talk
        subprocess.run(["xdotool", "mousemove", "100", "100", "key", "g"], env=env, check=True)
        _xrandr(two_monitors, "--delmonitor", "projector")
        text = _wait_for(kiosk.text, "audience on ", count=2)
        assert "audience on projector" not in text.split("audience on ")[-1]
        keys = ["xdotool", "mousemove", "100", "100", "key", "--delay", "200", "2", "Return"]
        subprocess.run([*keys, "End"], env=env, check=True)
        _xrandr(two_monitors, "--setmonitor", "projector", PROJECTOR, "none")
        text = _wait_for(kiosk.text, "audience on projector", count=2)
        # the last step (the About screen) screenful by screenful, then one press more
        presses = ["xdotool", "key", "--delay", "400", *["Next"] * 10]
        subprocess.run(presses, env=env, check=True, timeout=60)
        text = _wait_for(kiosk.text, "talk 'school-visit': over")
        assert kiosk.process.poll() is None
        # this machine may have no sound device: that one warning is the read-aloud
        # check's, said once; any other warning is the talk's
        warnings = [w for w in text.splitlines() if "WARNING" in w and "no sound output" not in w]
        assert "Traceback" not in text and warnings == [], text
        assert "a page off the talk" not in text
    finally:
        kiosk.kill()


def test_ctrl_q_quits_a_talk_on_a_russian_keyboard_layout(
    tmp_path: Path, two_monitors: str
) -> None:
    """The laptop's keyboard set to Russian (as many are in Tashkent): Ctrl with the Q
    key types Ctrl+Й, and the talk still quits; its keys are read by their place."""
    if shutil.which("setxkbmap") is None:
        pytest.skip("setxkbmap is not installed (Debian: x11-xkb-utils)")
    env = x_environment(two_monitors)
    subprocess.run(["setxkbmap", "ru"], env=env, check=True, timeout=30)
    args = ["--present", "--talk", "school-visit", "--cache", str(tmp_path / "cache")]
    args += ["--state-dir", str(tmp_path / "state"), str(Path(__file__).parents[1] / "exhibits")]
    kiosk = start(tmp_path, args, display=two_monitors)
    try:
        _wait_for(kiosk.text, "audience on projector, console on laptop")
        # the Q key's place (xkb's key code 24), as the keyboard sends it
        subprocess.run(
            ["xdotool", "mousemove", "100", "100", "key", "ctrl+24"], env=env, check=True
        )
        assert kiosk.wait(30) == 0
        assert "stop reason=keyboard" in kiosk.text()
    finally:
        kiosk.kill()

"""What the first frame waits for: a warm start reads no YAML and runs no checks.

An unchanged exhibits folder is answered by the parsed-content cache, so PyYAML and
the content checks are only needed by the reload thread, after the first frame. A
module on the window's path that imports them (as ``kiosk.ui.present`` once did,
through the credits) costs every start tens of milliseconds. This test records
``sys.modules`` at the moment the real ``kiosk`` sends READY=1 (first frame drawn).
"""

from __future__ import annotations

import json
from pathlib import Path

from tests import process

# Written into the child's path as sitecustomize: at READY=1, dump the loaded modules.
HOOK = """
import json, socket, sys, threading
_send = socket.socket.sendall
def sendall(self, data, *args):
    if b"READY=1" in data:
        with open(OUT, "w") as out:
            json.dump(sorted(sys.modules), out)
    return _send(self, data, *args)
socket.socket.sendall = sendall
"""

NOT_BEFORE_FIRST_FRAME = (
    "yaml",
    "kiosk.content.yamlsafe",
    "kiosk.content.checks",
    # read-aloud: the player, the espeak-ng engine and the sound check come after it
    "kiosk.ui.readaloud_player",
    "kiosk.runtime.readaloud_speaker",
    "kiosk.runtime.readaloud_engine",
    "kiosk.runtime.readaloud_captions",
    "kiosk.runtime.readaloud_text",
)


def _modules_at_first_frame(tmp: Path, hook: Path, name: str) -> set[str]:
    out = tmp / f"{name}.json"
    (hook / "sitecustomize.py").write_text(f"OUT = {str(out)!r}\n{HOOK}", encoding="utf-8")
    kiosk = process.start(
        tmp,
        ["run", "--windowed", "--size", "1280x720", str(process.REPO / "exhibits")],
        env={
            "PYTHONPATH": f"{process.REPO}:{hook}",
            "XDG_CACHE_HOME": str(tmp / "cache"),
            "KIOSK_STATE_DIR": str(tmp / "state"),
        },
    )
    kiosk.process.terminate()
    assert kiosk.wait() == 0, kiosk.text()
    return set(json.loads(out.read_text(encoding="utf-8")))


def test_a_warm_start_draws_its_first_frame_without_yaml_or_the_checks(tmp_path: Path) -> None:
    hook = tmp_path / "hook"
    hook.mkdir()
    cold = _modules_at_first_frame(tmp_path, hook, "cold")  # fills the parsed-content cache
    warm = _modules_at_first_frame(tmp_path, hook, "warm")
    assert "kiosk.ui.bridge" in warm  # the hook saw the window's start, not an empty process
    assert "yaml" in cold  # an empty cache parses the YAML before the first frame
    assert not {m for m in NOT_BEFORE_FIRST_FRAME if m in warm}

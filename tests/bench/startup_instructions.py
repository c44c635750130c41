"""Start-up as instructions, not seconds: the same work counts the same on a busy machine.

Run from the repository root with the project's virtualenv::

    python tests/bench/startup_instructions.py [--base ../other-checkout] [--first]

Each process (the floor's empty Qt Quick window, this checkout's ``kiosk --windowed``
on the bundled exhibits with warm caches, and ``--base``'s) runs once to warm its
caches, then once under ``valgrind --tool=callgrind``, which counts the instructions
every thread executes; a ``sitecustomize`` ends the process the moment it sends
READY=1 (its first frame). Prints the main thread's count (the one the first frame
waits for; Qt's loader thread compiles QML beside it, image threads decode pictures),
every thread's, and the kiosk's main thread over the floor's. Wall time on a machine
shared with other work moves by tens of percent between runs; these counts repeat to
within a fraction of a percent. They are not the issue's targets (spawn to first
frame, in seconds: ``bench.py --only start``), but an A/B of two checkouts that load
cannot blur. ``--first`` counts the kiosks' first runs instead: the counted start
finds its rendition and content cache empty (Qt's own QML cache stays warm, as in
``bench.py``'s first run). Takes about a minute a process. Not a pytest module.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))

from tests.bench.bench import OFFSCREEN_SCREEN, floor_command, windowed_start  # noqa: E402
from tests.process import environment  # noqa: E402

# sitecustomize: the first READY=1 datagram sent ends the process, so the count stops
# at the first frame (the kiosk's controller and the floor both send it with sendall)
HOOK = """
import os, socket, sys
_send = socket.socket.sendall
def sendall(self, data, *args):
    result = _send(self, data, *args)
    if b"READY=1" in data:
        sys.stdout.flush(); sys.stderr.flush()
        os._exit(0)
    return result
socket.socket.sendall = sendall
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", type=Path, help="another checkout with its own .venv")
    parser.add_argument("--first", action="store_true", help="count first runs (empty caches)")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is needed: apt-get install valgrind", file=sys.stderr)
        return 2
    checkouts = [REPO, *([args.base.resolve()] if args.base else [])]
    for checkout in checkouts:  # byte-compiled, as the installed package is
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", str(checkout / "kiosk")],
            capture_output=True,
            check=True,
        )
    tmp = Path(tempfile.mkdtemp(prefix="kiosk-instructions-"))
    try:
        hook = tmp / "hook"
        hook.mkdir()
        (hook / "sitecustomize.py").write_text(HOOK, encoding="utf-8")
        env = {**environment(), "NOTIFY_SOCKET": str(tmp / "notify")}
        runs = {"floor": (floor_command(), env)}
        kiosk = [str(Path(sys.executable).with_name("kiosk"))]
        runs["kiosk"] = (_kiosk(kiosk, tmp, "kiosk", env), env)
        if args.base is not None:
            base = args.base.resolve()
            base_env = {**env, "PYTHONPATH": str(base)}
            base_kiosk = [str(base / ".venv" / "bin" / "kiosk")]
            runs["base"] = (_kiosk(base_kiosk, tmp, "base", base_env), base_env)
        counts = {}
        for name, (argv, run_env) in runs.items():
            hooked = {**run_env, "PYTHONPATH": f"{hook}:{run_env.get('PYTHONPATH', '')}"}
            _notify_socket(tmp)
            subprocess.run(argv, env=hooked, cwd=tmp, capture_output=True, check=False)  # warm
            if args.first and name != "floor":
                shutil.rmtree(tmp / f"cache-{name}")
            counts[name] = _count(argv, hooked, tmp, name)
            main_thread, every = counts[name]
            print(f"{name:6} main thread {main_thread / 1e6:8.1f} M, all {every / 1e6:8.1f} M")
        floor = counts["floor"][0]
        for name in ("kiosk", "base"):
            if name in counts:
                print(f"{name}: main thread {counts[name][0] / floor:.3f} x the floor's")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def _kiosk(kiosk: list[str], tmp: Path, name: str, env: dict[str, str]) -> list[str]:
    """The kiosk's command with a warm rendition cache of its own."""
    cache = tmp / f"cache-{name}"
    for extra in ([], ["--screen", OFFSCREEN_SCREEN]):
        subprocess.run(
            [*kiosk, "prepare", "--cache", str(cache), *extra],
            env=env,
            cwd=tmp,
            capture_output=True,
            check=True,
        )
    return windowed_start(kiosk, REPO / "exhibits", cache, tmp / f"state-{name}")


def _notify_socket(tmp: Path) -> None:
    """A datagram socket at NOTIFY_SOCKET that nobody reads: the READY=1 lands."""
    import socket

    path = tmp / "notify"
    path.unlink(missing_ok=True)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    listener.bind(str(path))
    _notify_socket.keep = listener  # type: ignore[attr-defined]


def _count(argv: list[str], env: dict[str, str], tmp: Path, name: str) -> tuple[int, int]:
    """(main thread, every thread) instructions up to READY=1, of the kiosk's own
    process: a first start's child (``kiosk.runtime.prefetch``) writes files of its
    own, by its process id, and is left out."""
    _notify_socket(tmp)
    process = subprocess.Popen(
        [
            "valgrind",
            "--tool=callgrind",
            "--separate-threads=yes",
            f"--callgrind-out-file={tmp / f'callgrind-{name}.%p'}",
            *argv,
        ],
        env=env,
        cwd=tmp,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    process.wait()
    threads = sorted(tmp.glob(f"callgrind-{name}.{process.pid}-*"))
    totals = [_summary(path) for path in threads]
    if not totals:
        raise RuntimeError(f"callgrind wrote nothing for {name}")
    return totals[0], sum(totals)


def _summary(path: Path) -> int:
    with path.open(encoding="utf-8", errors="replace") as lines:
        for line in lines:
            if line.startswith("summary:"):
                return int(line.split()[1])
    return 0


if __name__ == "__main__":
    sys.exit(main())

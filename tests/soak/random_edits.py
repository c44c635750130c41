"""Seeded random edits against a running ``kiosk``: it only ever accepts complete,
valid content.

Run from the repository root with the project's virtualenv::

    python tests/soak/random_edits.py [--edits 100] [--seed 11] [--keep DIR]

A real ``kiosk`` process (kiosk mode, ``--no-pin``, offscreen) watches a copy of the
bundled exhibits. Kiosk mode, not ``--windowed``: a new set goes on screen only at the
attract loop, which a kiosk with no visitor shows all the time and a windowed one
never (a windowed kiosk logs ``reload deferred`` and keeps its set). The script then
edits that folder as curators and their tools do, one edit at a time, about half of
them broken:

- in place (no release manifest): a title changed to a unique marker, written whole
  (through a rename or over the file) or stalled half-way for less than the settle
  time; broken YAML, an unknown key, an image that is missing, cut short or not an
  image, a duplicated exhibit folder;
- published (``kiosk publish`` on a staging copy, then the files copied over one by
  one in random order, the manifest first or last): a valid release; one whose copy
  stalls half-way inside a file until the kiosk has looked at the half and refused
  it; one whose copy stops half-way for good (a USB stick pulled out); a broken set
  that ``kiosk publish`` refused, copied over anyway. When the kiosk's folder has no
  manifest yet, the copy brings it first: a folder without one goes by the settle
  time alone, so a release copied into it with the manifest last is unprotected until
  the manifest arrives (see the README, "Several kiosks").

After each edit it waits for the kiosk's verdict in its log (``reload accepted
version=...``, the line logged when a set goes on screen; ``reload rejected``) and
checks: every set accepted is one of the valid states the script completed on disk,
never a broken or half-written one; after a valid edit the kiosk shows exactly that
state; after a broken one it shows what it showed before. The versions compared are
the loader's content versions (a hash of every file's name and bytes), computed by
the script on its own copy of each state.

Timing: the kiosk looks at its folder once a second and waits a second of quiet, so
an edit takes 2-4 s (a stalled copy, waited on twice, about 6); 100 edits took 6
minutes on the development machine. No timing is asserted. A test runs a seeded
slice of six (tests/test_random_edits.py).
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import io
import os
import random
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from kiosk.cli import main as kiosk_main  # noqa: E402
from kiosk.content.imagerecord import ImageChecks, ImageRecord  # noqa: E402
from kiosk.content.loader import load_content  # noqa: E402
from kiosk.runtime import last_good  # noqa: E402
from kiosk.runtime.watch import RELEASE_FILE  # noqa: E402
from tests.process import START_TIMEOUT_S, Kiosk, start  # noqa: E402

VERDICT_TIMEOUT_S = 90.0  # a bound for a loaded machine, not a speed check
SHORT_STALL_S = 0.3  # well under the kiosk's settle time (1 s)

IN_PLACE_VALID = ("title", "stall-in-place")
PUBLISHED_VALID = ("publish", "stall-publish")
IN_PLACE_BROKEN = (
    "bad-yaml",
    "unknown-key",
    "missing-image",
    "truncated-image",
    "not-an-image",
    "duplicate-exhibit",
)
PUBLISHED_BROKEN = ("interrupted-publish", "refused-publish")
VALID = IN_PLACE_VALID + PUBLISHED_VALID

ACCEPTED = re.compile(r"reload accepted version=(\w+)")
REJECTED = re.compile(r"reload rejected errors=(\d+)")
CONTENT_ERROR = re.compile(r"content error: (.*)")
START = re.compile(r" start version=\S+ content=(\w+)")

Files = dict[str, bytes]  # relative path ("alpha/exhibit.yaml") -> bytes


def kinds(seed: int) -> Iterator[str]:
    """The edits' kinds, half of them broken or incomplete: a sequence of its own, so
    a seed's kinds can be known before the run."""
    rng = random.Random(f"kinds-{seed}")
    while True:
        broken = rng.random() < 0.5
        yield rng.choice(IN_PLACE_BROKEN + PUBLISHED_BROKEN if broken else VALID)


@dataclass
class Summary:
    """What the run did and what the kiosk's log said about it."""

    kinds: collections.Counter[str] = field(default_factory=collections.Counter)
    accepted: int = 0  # valid edits the kiosk put on screen
    refused: int = 0  # broken edits the kiosk rejected, keeping what it showed
    partial_refused: int = 0  # half-way states of stalled copies, looked at and refused
    wrong: list[str] = field(default_factory=list)  # accepted sets that were never valid
    missed: list[str] = field(default_factory=list)  # edits with no (or the wrong) verdict
    log_counts: collections.Counter[str] = field(default_factory=collections.Counter)
    errors_seen: collections.Counter[str] = field(default_factory=collections.Counter)
    seconds: float = 0.0
    trace: list[str] = field(default_factory=list)  # one line per edit (``--verbose``)

    @property
    def ok(self) -> bool:
        return not self.wrong and not self.missed

    def lines(self) -> list[str]:
        valid = sum(n for kind, n in self.kinds.items() if kind in VALID)
        out = [
            f"edits: {sum(self.kinds.values())} ({valid} valid, "
            f"{sum(self.kinds.values()) - valid} broken or incomplete) in {self.seconds:.0f} s",
        ]
        out += [f"  {kind:<20} {n}" for kind, n in sorted(self.kinds.items())]
        out.append(
            f"accepted={self.accepted} refused={self.refused} "
            f"partial_refused={self.partial_refused} wrong={len(self.wrong)} "
            f"missed={len(self.missed)}"
        )
        out.append(
            "kiosk log: " + " ".join(f"{name}={n}" for name, n in sorted(self.log_counts.items()))
        )
        out += [f"  error: {text} x{n}" for text, n in self.errors_seen.most_common()]
        out += [f"WRONG: {line}" for line in self.wrong]
        out += [f"MISSED: {line}" for line in self.missed]
        return out


# the states --------------------------------------------------------------------------


def read_tree(root: Path) -> Files:
    files: Files = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            files[path.relative_to(root).as_posix()] = path.read_bytes()
    return files


def _exhibit_files(files: Files) -> list[str]:
    return sorted(rel for rel in files if rel.endswith("/exhibit.yaml"))


def _images(files: Files) -> list[str]:
    return sorted(rel for rel in files if rel.endswith((".jpg", ".png")))


def _set_title(text: str, marker: str) -> str:
    lines = text.splitlines(keepends=True)
    at = lines.index("title:\n")
    for i in range(at + 1, len(lines)):
        if lines[i].startswith("  en:"):
            lines[i] = f'  en: "{marker}"\n'
            return "".join(lines)
    raise ValueError("no English title")


def valid_change(good: Files, rng: random.Random, number: int) -> Files:
    """One or two exhibits get a new English title, unique to this edit."""
    files = dict(good)
    for i, rel in enumerate(rng.sample(_exhibit_files(files), rng.choice((1, 1, 2)))):
        text = files[rel].decode("utf-8")
        files[rel] = _set_title(text, f"Soak marker {number:04d}.{i}").encode("utf-8")
    return files


def broken_change(good: Files, rng: random.Random, kind: str, number: int) -> Files:
    files = dict(good)
    rel = rng.choice(_exhibit_files(files))
    text = files[rel].decode("utf-8")
    if kind == "bad-yaml":
        lines = text.splitlines(keepends=True)
        at = lines.index("title:\n") + 1
        lines[at] = lines[at].rstrip("\n") + ' "unclosed\n'
        files[rel] = "".join(lines).encode("utf-8")
    elif kind == "unknown-key":
        files[rel] = (text + f"\nmood_{number}: cheerful\n").encode("utf-8")
    elif kind == "missing-image":
        folder = rel.rsplit("/", 1)[0]
        images = [i for i in _images(files) if i.startswith(folder + "/")]
        if images and rng.random() < 0.5:
            del files[rng.choice(images)]  # referenced by its exhibit.yaml
        else:
            changed = text.replace('file: "images/cover.jpg"', 'file: "images/gone.jpg"', 1)
            files[rel] = changed.encode("utf-8")
    elif kind == "truncated-image":
        image = rng.choice(_images(files))
        files[image] = files[image][: len(files[image]) // 2]
    elif kind == "not-an-image":
        image = rng.choice([i for i in _images(files) if i.endswith(".jpg")])
        files[image] = b"this is a note, not a photograph\n"
    elif kind == "duplicate-exhibit":
        folder = rel.rsplit("/", 1)[0]
        for name, data in good.items():
            if name.startswith(folder + "/"):
                files[f"{folder}-copy{number}/{name[len(folder) + 1 :]}"] = data
    else:
        raise ValueError(kind)
    return files


class Staging:
    """The script's own copy of each state: its content version, and releases."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.checks = ImageChecks(ImageRecord(None))  # each image decoded once per bytes

    def write(self, files: Files) -> None:
        sync(self.root, {**files, **self._manifest()}, rng=None)

    def version(self, files: Files) -> str | None:
        """The loader's content version of ``files``, None when they do not load."""
        self.write(files)
        result = load_content(self.root, self.checks)
        return result.content.version if result.content is not None else None

    def publish(self) -> int:
        """``kiosk publish`` on the staging copy; its exit status."""
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            return kiosk_main(["publish", str(self.root)])

    def _manifest(self) -> Files:
        path = self.root / RELEASE_FILE
        return {RELEASE_FILE: path.read_bytes()} if path.exists() else {}

    def manifest(self) -> bytes:
        return (self.root / RELEASE_FILE).read_bytes()


# writing into the watched folder -----------------------------------------------------


def write_whole(path: Path, data: bytes, atomic: bool) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if atomic:  # an editor's save: a hidden temporary name, then a rename
        temp = path.with_name(f".{path.name}.soak")
        temp.write_bytes(data)
        os.replace(temp, path)
    else:  # ``cp``, an SMB share: over the file, in place
        path.write_bytes(data)


def write_half(path: Path, data: bytes) -> io.BufferedWriter:
    """The first half of ``data`` in place; the open file, to finish later."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = path.open("wb")
    handle.write(data[: len(data) // 2])
    handle.flush()
    return handle


def finish(handle: io.BufferedWriter, data: bytes) -> None:
    handle.write(data[len(data) // 2 :])
    handle.close()


def differences(root: Path, target: Files) -> tuple[list[str], list[str]]:
    """Files to write and files to delete to turn ``root`` into ``target``."""
    present = read_tree(root)
    writes = [rel for rel, data in target.items() if present.get(rel) != data]
    deletes = [rel for rel in present if rel not in target]
    return writes, deletes


def delete(root: Path, rel: str) -> None:
    (root / rel).unlink()
    parent = (root / rel).parent
    while parent != root and not any(parent.iterdir()):
        parent.rmdir()
        parent = parent.parent


def sync(root: Path, target: Files, rng: random.Random | None) -> None:
    writes, deletes = differences(root, target)
    if rng is not None:
        rng.shuffle(writes)
    for rel in deletes:
        delete(root, rel)
    for rel in writes:
        write_whole(root / rel, target[rel], atomic=rng is not None and rng.random() < 0.5)


# the kiosk's side ----------------------------------------------------------------------


class KioskLog:
    """The running kiosk's own account (its stderr): what it accepted and refused."""

    def __init__(self, kiosk: Kiosk) -> None:
        self.kiosk = kiosk
        self.mark = 0

    def lines(self) -> list[str]:
        return self.kiosk.text().splitlines()

    def since(self, mark: int) -> list[str]:
        return self.lines()[mark:]

    def now(self) -> int:
        return len(self.lines())

    def wait_for(self, mark: int, pattern: re.Pattern[str], value: str | None = None) -> bool:
        """Until a line after ``mark`` matches (with ``value`` as its group); False
        when the bound passes or the kiosk died."""
        deadline = time.monotonic() + VERDICT_TIMEOUT_S
        while time.monotonic() < deadline and self.kiosk.process.poll() is None:
            for line in self.since(mark):
                found = pattern.search(line)
                if found and (value is None or found.group(1) == value[:12]):
                    return True
            time.sleep(0.05)
        return False


# the run -------------------------------------------------------------------------------


class Run:
    def __init__(self, work: Path, seed: int) -> None:
        self.work = work
        self.rng = random.Random(seed)  # what each edit changes, and how it is written
        self.kinds = kinds(seed)
        self.live = work / "exhibits"
        shutil.copytree(REPO / "exhibits", self.live, ignore=shutil.ignore_patterns("README.md"))
        self.staging = Staging(work / "staging")
        self.good = read_tree(self.live)
        version = self.staging.version(self.good)
        assert version is not None, "the bundled exhibits do not load"
        self.allowed = {version[:12]}  # every valid state completed on disk
        self.shown = version[:12]
        self.summary = Summary()
        self.kiosk: Kiosk | None = None
        self.log: KioskLog | None = None

    def start(self) -> None:
        args = ["--no-pin", "--state-dir", str(self.work / "state")]
        args += ["--cache", str(self.work / "cache"), str(self.live)]
        self.kiosk = start(self.work, args)
        self.log = KioskLog(self.kiosk)
        # The load after the first frame is done once it kept the set as the last good.
        kept = self.work / "state" / last_good.FOLDER
        deadline = time.monotonic() + START_TIMEOUT_S
        while not list(kept.glob("accepted-*.pickle")):
            assert time.monotonic() < deadline, f"no last good set kept in {kept}"
            time.sleep(0.05)
        started = START.findall(self.kiosk.text())
        assert started == [self.shown], (started, self.shown)

    def stop(self) -> int:
        assert self.kiosk is not None and self.log is not None
        self.kiosk.process.terminate()
        code = self.kiosk.wait()
        text = self.kiosk.text()
        self.summary.log_counts.update(
            {
                "reload accepted": len(ACCEPTED.findall(text)),
                "reload deferred": text.count("reload deferred"),
                "reload rejected": len(REJECTED.findall(text)),
                "release manifest": text.count("release manifest:"),
                "unexpected exception": text.count("unexpected exception"),
                "stop": text.count(" stop reason="),
            }
        )
        for message in CONTENT_ERROR.findall(text):
            self.summary.errors_seen[_error_kind(message)] += 1
        return code

    def has_manifest(self) -> bool:
        return (self.live / RELEASE_FILE).exists()

    def edit(self, number: int) -> None:
        kind = next(self.kinds)
        self.summary.kinds[kind] += 1
        assert self.log is not None
        mark = self.log.now()
        began = time.monotonic()
        self._apply(number, kind, mark)
        self._check(number, kind, mark)
        self.summary.trace.append(
            f"edit {number:3d} {kind:<20} {time.monotonic() - began:5.1f} s  shown={self.shown}"
        )

    def _apply(self, number: int, kind: str, mark: int) -> None:
        assert self.log is not None
        if kind in VALID:
            target = valid_change(self.good, self.rng, number)
            version = self.staging.version(target)
            assert version is not None, f"edit {number}: the valid change does not load"
            if kind in IN_PLACE_VALID:
                self._in_place(target, stall=kind == "stall-in-place")
            else:
                self._publish(target, mark, stall=kind == "stall-publish")
            self.allowed.add(version[:12])
            self.good = target
            if self.log.wait_for(mark, ACCEPTED, version):
                self.summary.accepted += 1
                self.shown = version[:12]
            else:
                self.summary.missed.append(f"edit {number} {kind}: {version[:12]} never shown")
        elif kind == "interrupted-publish":
            target = valid_change(self.good, self.rng, number)
            assert self.staging.version(target) is not None
            self._publish(target, mark, interrupt=True)
            self._expect_refusal(number, kind, mark)
        elif kind == "refused-publish":
            target = broken_change(self.good, self.rng, self.rng.choice(IN_PLACE_BROKEN), number)
            assert self.staging.version(target) is None, f"edit {number}: not broken"
            assert self.staging.publish() == 1, f"edit {number}: kiosk publish took a broken set"
            manifest = self._live_manifest()  # the copy brings no new manifest
            sync(self.live, {**target, **manifest}, self.rng)
            self._expect_refusal(number, kind, mark)
        else:
            target = broken_change(self.good, self.rng, kind, number)
            assert self.staging.version(target) is None, f"edit {number} {kind}: not broken"
            manifest = self._live_manifest() if self.rng.random() < 0.5 else {}
            sync(self.live, {**target, **manifest}, self.rng)
            self._expect_refusal(number, kind, mark)

    def _live_manifest(self) -> Files:
        path = self.live / RELEASE_FILE
        return {RELEASE_FILE: path.read_bytes()} if path.exists() else {}

    def _in_place(self, target: Files, stall: bool) -> None:
        """A curator's save: the manifest, if any, goes first (editing in place)."""
        writes, deletes = differences(self.live, target)
        if RELEASE_FILE in deletes:
            deletes.remove(RELEASE_FILE)
            delete(self.live, RELEASE_FILE)
        for rel in deletes:
            delete(self.live, rel)
        self.rng.shuffle(writes)
        last = writes.pop()  # the file with the marker, or the last repair
        for rel in writes:
            write_whole(self.live / rel, target[rel], atomic=self.rng.random() < 0.5)
        if stall:
            handle = write_half(self.live / last, target[last])
            time.sleep(SHORT_STALL_S)  # shorter than the settle time: that is its promise
            finish(handle, target[last])
        else:
            write_whole(self.live / last, target[last], atomic=self.rng.random() < 0.5)

    def _publish(
        self, target: Files, mark: int, stall: bool = False, interrupt: bool = False
    ) -> None:
        """``kiosk publish`` on staging, then a file-by-file copy into the live folder."""
        self.staging.write(target)
        assert self.staging.publish() == 0
        release = {**target, RELEASE_FILE: self.staging.manifest()}
        writes, deletes = differences(self.live, release)
        writes.remove(RELEASE_FILE)
        self.rng.shuffle(writes)
        if not self.has_manifest() or self.rng.random() < 0.5:
            writes.insert(0, RELEASE_FILE)  # rsync's order: hidden names sort first
        else:
            writes.append(RELEASE_FILE)
        steps: list[tuple[str, str]] = [("write", rel) for rel in writes]
        steps += [("delete", rel) for rel in deletes]
        half = self.rng.randrange(len(steps)) if (stall or interrupt) else -1
        while half >= 0 and steps[half][0] != "write":
            half -= 1
        for i, (action, rel) in enumerate(steps):
            if action == "delete":
                delete(self.live, rel)
                continue
            if i != half:
                write_whole(self.live / rel, release[rel], atomic=False)
                continue
            handle = write_half(self.live / rel, release[rel])
            if interrupt:
                handle.close()
                return  # the stick is pulled out: the rest never arrives
            # Stalled for as long as it takes the kiosk to look at the half-way folder
            # and refuse it (at least the settle time), then the copy goes on.
            assert self.log is not None
            if self.log.wait_for(mark, REJECTED):
                self.summary.partial_refused += 1
            finish(handle, release[rel])

    def _expect_refusal(self, number: int, kind: str, mark: int) -> None:
        assert self.log is not None
        if self.log.wait_for(mark, REJECTED):
            self.summary.refused += 1
        else:
            self.summary.missed.append(f"edit {number} {kind}: never refused")

    def _check(self, number: int, kind: str, mark: int) -> None:
        """Every set accepted since ``mark`` was a complete valid state; a broken edit
        put nothing new on screen."""
        assert self.log is not None
        for line in self.log.since(mark):
            found = ACCEPTED.search(line)
            if found is None:
                continue
            version = found.group(1)
            if version not in self.allowed:
                self.summary.wrong.append(f"edit {number} {kind}: accepted {version}: {line}")
            elif kind not in VALID:
                self.summary.wrong.append(f"edit {number} {kind}: swapped on a broken edit")
            self.shown = version


def _error_kind(message: str) -> str:
    """A content error without its path and position, for counting."""
    text = re.sub(r"^\S+?:\d+:\d+: ", "", message)
    text = re.sub(r"^/\S+: ", "", text)
    text = re.sub(r"\d+", "N", text)
    text = re.sub(r"'[^']*'|\"[^\"]*\"", "'...'", text)
    return text[:90]


def run(edits: int, seed: int, work: Path) -> Summary:
    """``edits`` seeded random edits against a real kiosk on a copy of the bundled
    exhibits, in ``work``."""
    started = time.monotonic()
    soak = Run(work, seed)
    soak.start()
    try:
        for number in range(1, edits + 1):
            soak.edit(number)
    finally:
        code = soak.stop()
        soak.summary.seconds = time.monotonic() - started
    if code != 0:
        soak.summary.missed.append(f"the kiosk exited with {code}")
    return soak.summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=100)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--verbose", action="store_true", help="a line per edit")
    args = parser.parse_args()
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=False)
        summary = run(args.edits, args.seed, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="kiosk-soak-") as work:
            summary = run(args.edits, args.seed, Path(work))
    if args.verbose:
        print("\n".join(summary.trace))
    print("\n".join(summary.lines()))
    return 0 if summary.ok else 1


if __name__ == "__main__":
    sys.exit(main())

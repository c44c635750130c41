"""Reload policy with a fake loader over a real folder, a fake clock and a
synchronous executor: edits, bad edits, half-written files, rsync renames."""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path
from typing import cast

import pytest

from kiosk.content.model import (
    ContentSet,
    Exhibit,
    IdleSettings,
    ImageRef,
    Language,
    LoadResult,
    Problem,
    Site,
    Text,
    Theme,
)
from kiosk.content.site_schema import STRING_KEYS
from kiosk.runtime.reload import (
    PENDING,
    REJECTED,
    SWAPPED,
    UNCHANGED,
    ImmediateExecutor,
    ReloadController,
    ReloadEvent,
)
from kiosk.runtime.watch import is_ignored
from tests.fakes import FakeClock


def text(value: str) -> Text:
    return Text({"en": value}, "en")


def fake_load(root: Path) -> LoadResult:
    """A stand-in for the real loader with the same contract.

    An exhibit file is complete when its last line is ``end``; a line containing
    ``bad`` is an error at that line. The version hashes every content file.
    """
    errors: list[Problem] = []
    exhibits: list[Exhibit] = []
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and not any(is_ignored(part) for part in path.relative_to(root).parts):
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not is_ignored(p.name)):
        path = folder / "exhibit.yaml"
        lines = path.read_text().splitlines() if path.is_file() else []
        if not lines or lines[-1] != "end":
            errors.append(Problem(path, len(lines) or 1, 1, "file ends before 'end'"))
        errors += [
            Problem(path, n, 1, "bad value") for n, line in enumerate(lines, 1) if "bad" in line
        ]
        cover = ImageRef("cover.jpg", str(folder / "cover.jpg"), "0", 1, 1, text(""), text(""))
        exhibits.append(
            Exhibit(
                folder.name, len(exhibits), folder, text(folder.name), text(""), text(""), cover
            )
        )
    if errors:
        return LoadResult(None, tuple(errors), ())
    site = Site(text("Kiosk"), (Language("en", "English"),), "en", IdleSettings(), {}, Theme())
    content = ContentSet(root, site, tuple(exhibits), digest.hexdigest())
    return LoadResult(content, (), ())


@pytest.fixture
def root(tmp_path: Path) -> Path:
    folder = tmp_path / "exhibits"
    (folder / "museum").mkdir(parents=True)
    (folder / "museum" / "exhibit.yaml").write_text("title: Museum\nend\n")
    return folder


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(0.0)


class Kiosk:
    """The controller plus the events it sent, and a helper to let time pass."""

    def __init__(self, root: Path, clock: FakeClock, preview: bool = False) -> None:
        self.clock = clock
        self.events: list[ReloadEvent] = []
        self.controller = ReloadController(
            root,
            fake_load,
            clock=clock,
            wall_clock=lambda: 1234.5,
            on_event=self.events.append,
            executor=ImmediateExecutor(),
            preview=preview,
        )
        self.controller.load_initial()
        at_start = list(self.events)
        self.controller.start_watching()  # as at the first frame: the baseline, a load
        self.events[:] = at_start  # that load's own event is tested on its own below
        self.first = self.controller.current

    def settle(self) -> None:
        """Timer ticks: the change is seen, the tree stays quiet, the load runs."""
        self.controller.poll()
        self.clock.advance(1.0)
        self.controller.poll()

    def kinds(self) -> list[str]:
        return [event.kind for event in self.events]


@pytest.fixture
def kiosk(root: Path, clock: FakeClock) -> Kiosk:
    return Kiosk(root, clock)


def test_initial_load_becomes_current(kiosk):
    assert kiosk.first is not None
    assert [e.id for e in kiosk.first.exhibits] == ["museum"]
    assert kiosk.kinds() == [SWAPPED]
    assert kiosk.controller.last_loaded_at == 1234.5
    assert kiosk.controller.last_errors == ()


def test_valid_edit_waits_for_attract(kiosk, root):
    (root / "museum" / "exhibit.yaml").write_text("title: Museum, revised\nend\n")
    kiosk.settle()
    controller = kiosk.controller
    assert controller.current is kiosk.first  # a visitor may be reading it
    assert controller.pending is not None
    assert controller.pending.version != kiosk.first.version
    assert kiosk.kinds() == [SWAPPED, PENDING]
    for _ in range(5):  # more timer ticks change nothing
        kiosk.clock.advance(1)
        controller.poll()
    assert controller.current is kiosk.first
    new = controller.at_attract()
    assert new is not None
    assert controller.current is new
    assert controller.pending is None
    assert kiosk.kinds() == [SWAPPED, PENDING, SWAPPED]
    assert controller.at_attract() is None  # nothing more to swap


def test_nothing_pending_means_attract_keeps_the_set(kiosk):
    assert kiosk.controller.at_attract() is None
    assert kiosk.controller.current is kiosk.first


def test_preview_swaps_at_once(root, clock):
    kiosk = Kiosk(root, clock, preview=True)
    (root / "museum" / "exhibit.yaml").write_text("title: Draft\nend\n")
    kiosk.settle()
    assert kiosk.controller.current is not kiosk.first
    assert kiosk.controller.pending is None
    assert kiosk.kinds() == [SWAPPED, SWAPPED]


def test_bad_edit_keeps_the_old_set_and_records_where(kiosk, root, caplog):
    path = root / "museum" / "exhibit.yaml"
    path.write_text("title: Museum\nyear: bad\nend\n")
    kiosk.settle()
    controller = kiosk.controller
    assert controller.current is kiosk.first
    assert controller.pending is None
    assert controller.at_attract() is None
    assert [str(p) for p in controller.last_errors] == [f"{path}:2:1: bad value"]
    assert kiosk.events[-1].kind == REJECTED
    assert kiosk.events[-1].errors == controller.last_errors
    assert "reload rejected errors=1" in caplog.text
    assert f"{path}:2:1: bad value" in caplog.text
    # The curator fixes it: the errors clear, and the fix waits for attract.
    path.write_text("title: Museum\nyear: 2020\nend\n")
    kiosk.settle()
    assert controller.last_errors == ()
    assert controller.pending is not None
    assert kiosk.kinds()[-2:] == [REJECTED, PENDING]


def test_fixing_back_to_the_shown_version_clears_the_errors(kiosk, root):
    path = root / "museum" / "exhibit.yaml"
    original = path.read_text()
    path.write_text("title: bad\nend\n")
    kiosk.settle()
    assert kiosk.controller.last_errors
    path.write_text(original)
    kiosk.settle()
    assert kiosk.controller.last_errors == ()
    assert kiosk.events[-1].kind == UNCHANGED
    assert kiosk.controller.pending is None


def test_a_bad_edit_after_a_good_one_keeps_the_good_one_pending(kiosk, root):
    path = root / "museum" / "exhibit.yaml"
    path.write_text("title: Better\nend\n")
    kiosk.settle()
    good = kiosk.controller.pending
    path.write_text("title: bad\nend\n")
    kiosk.settle()
    assert kiosk.controller.pending is good
    assert kiosk.controller.last_errors
    assert kiosk.controller.at_attract() is good


def test_reverting_drops_the_pending_set(kiosk, root):
    path = root / "museum" / "exhibit.yaml"
    original = path.read_text()
    path.write_text("title: Maybe\nend\n")
    kiosk.settle()
    path.write_text(original)
    kiosk.settle()
    assert kiosk.controller.pending is None
    assert kiosk.controller.at_attract() is None


def test_a_file_written_in_two_halves_is_never_swapped_half(kiosk, root):
    path = root / "museum" / "exhibit.yaml"
    full = "title: Museum\nsummary: a long text\nend\n"
    loaded: list[str] = []

    def loader(r: Path) -> LoadResult:
        loaded.append(path.read_text())
        return fake_load(r)

    kiosk.controller._loader = loader
    with open(path, "w") as handle:
        handle.write(full[:15])
        handle.flush()
        kiosk.controller.poll()  # the first half is seen...
        kiosk.clock.advance(0.5)
        kiosk.controller.poll()  # ...but has not settled
        handle.write(full[15:])
    kiosk.clock.advance(0.5)
    kiosk.controller.poll()  # the size changed again: the wait restarts
    assert loaded == []
    kiosk.clock.advance(1.0)
    kiosk.controller.poll()
    assert loaded == [full]  # loaded once, whole
    assert kiosk.controller.pending is not None
    assert kiosk.controller.at_attract() is kiosk.controller.current


def test_a_slow_writer_half_is_rejected_not_shown(kiosk, root):
    """A pause longer than the settle time: validation stops the half file."""
    path = root / "museum" / "exhibit.yaml"
    with open(path, "w") as handle:
        handle.write("title: Mus")
        handle.flush()
        kiosk.settle()
        assert kiosk.events[-1].kind == REJECTED
        assert kiosk.controller.at_attract() is None
        assert kiosk.controller.current is kiosk.first
        handle.write("eum, new\nend\n")
    kiosk.settle()
    assert kiosk.controller.last_errors == ()
    assert kiosk.controller.at_attract() is not None


def test_a_new_exhibit_folder_appears(kiosk, root):
    (root / "culture-days").mkdir()
    (root / "culture-days" / "exhibit.yaml").write_text("title: Culture Days\nend\n")
    kiosk.settle()
    new = kiosk.controller.at_attract()
    assert new is not None
    assert [e.id for e in new.exhibits] == ["culture-days", "museum"]


def test_a_folder_rsynced_in_with_temp_names_is_picked_up_whole(kiosk, root):
    folder = root / "fuzuli-school"
    folder.mkdir()
    controller = kiosk.controller
    kiosk.settle()  # the empty folder: rejected (no exhibit.yaml), nothing shown
    assert controller.last_errors
    temp_yaml = folder / ".exhibit.yaml.Xk39aB"
    temp_image = folder / ".cover.jpg.p0QwE2"
    temp_yaml.write_text("title: School\n")
    kiosk.clock.advance(2)
    controller.poll()
    temp_yaml.write_text("title: School\nend\n")  # rsync still writing
    temp_image.write_bytes(b"\xff\xd8 jpeg bytes")
    kiosk.clock.advance(2)
    controller.poll()
    kiosk.clock.advance(2)
    controller.poll()
    assert kiosk.kinds()[-1] == REJECTED  # temp names are not content: no reload yet
    os.replace(temp_image, folder / "cover.jpg")
    os.replace(temp_yaml, folder / "exhibit.yaml")
    kiosk.settle()
    assert controller.last_errors == ()
    new = controller.at_attract()
    assert new is not None
    assert new.exhibit("fuzuli-school") is not None
    assert new.version == cast(ContentSet, fake_load(root).content).version


def test_an_existing_exhibit_replaced_by_rename_over(kiosk, root):
    target = root / "museum" / "exhibit.yaml"
    temp = root / "museum" / ".exhibit.yaml.a1B2c3"
    temp.write_text("title: Museum v2\nend\n")
    kiosk.controller.poll()
    kiosk.clock.advance(3)
    kiosk.controller.poll()
    assert kiosk.controller.pending is None
    os.replace(temp, target)
    kiosk.settle()
    assert kiosk.controller.pending is not None


def test_reload_now_loads_without_a_change(kiosk, root):
    kiosk.controller.reload_now()
    assert kiosk.events[-1].kind == UNCHANGED
    (root / "museum" / "exhibit.yaml").write_text("title: Now\nend\n")
    kiosk.controller.reload_now()  # no settle wait: staff asked for it
    assert kiosk.events[-1].kind == PENDING


def test_a_loader_crash_is_a_rejection_not_a_crash(kiosk, caplog):
    def broken(root: Path) -> LoadResult:
        raise RuntimeError("loader bug")

    kiosk.controller._loader = broken
    kiosk.controller.reload_now()
    assert kiosk.controller.current is kiosk.first
    assert "loader bug" in kiosk.controller.last_errors[0].message
    assert "content loader failed" in caplog.text


def test_first_valid_set_is_shown_at_once_when_nothing_was(tmp_path, clock):
    root = tmp_path / "exhibits"
    (root / "museum").mkdir(parents=True)
    (root / "museum" / "exhibit.yaml").write_text("title: bad\nend\n")
    kiosk = Kiosk(root, clock)
    assert kiosk.controller.current is None
    assert kiosk.kinds() == [REJECTED]
    (root / "museum" / "exhibit.yaml").write_text("title: fine\nend\n")
    kiosk.settle()
    assert kiosk.controller.current is not None  # nobody was seeing anything
    assert kiosk.kinds() == [REJECTED, SWAPPED]


def test_a_failing_listener_does_not_stop_the_reload(kiosk, root, caplog):
    def broken(event: ReloadEvent) -> None:
        raise RuntimeError("ui gone")

    kiosk.controller.on_event = broken
    (root / "museum" / "exhibit.yaml").write_text("title: New\nend\n")
    kiosk.settle()
    assert kiosk.controller.pending is not None
    assert "reload listener failed" in caplog.text


def test_loads_run_on_a_worker_and_apply_on_the_callers_thread(root, clock):
    loader_threads: list[str] = []
    event_threads: list[str] = []
    gate = threading.Event()

    def slow_load(path: Path) -> LoadResult:
        loader_threads.append(threading.current_thread().name)
        gate.wait(5)
        return fake_load(path)

    controller = ReloadController(
        root,
        slow_load,
        clock=clock,
        on_event=lambda e: event_threads.append(threading.current_thread().name),
    )
    try:
        controller.reload_now()
        assert controller.busy
        controller.reload_now()  # asked again while busy: one more load, later
        controller.poll()
        assert controller.current is None  # still loading: nothing applied
        gate.set()
        controller.wait(5)
        assert controller.current is not None
        assert not controller.busy
    finally:
        controller.close()
    assert len(loader_threads) == 2
    assert all(name.startswith("kiosk-reload") for name in loader_threads)
    assert event_threads == [threading.current_thread().name] * 2


# With the real loader: a small valid site, edited the ways curators and rsync do.

SITE_YAML = """\
title: {en: "Friendship Museum"}
languages:
  - {code: en, name: English}
default_language: en
strings:
""" + "".join(f'  {key}: {{en: "{key}"}}\n' for key in STRING_KEYS)

EXHIBIT_YAML = """\
id: museum
order: "10"
title: {en: "%s"}
subtitle: {en: "Tashkent"}
summary: {en: "A museum of friendship."}
cover:
  file: images/cover.jpg
  alt: {en: "The museum"}
  credit: {en: "Test"}
"""


@pytest.fixture
def real_site(tmp_path: Path) -> Path:
    image = pytest.importorskip("PIL.Image")
    root = tmp_path / "site"
    (root / "museum" / "images").mkdir(parents=True)
    (root / "kiosk.yaml").write_text(SITE_YAML, encoding="utf-8")
    (root / "museum" / "exhibit.yaml").write_text(EXHIBIT_YAML % "Museum", encoding="utf-8")
    image.new("RGB", (64, 48), (0, 153, 181)).save(root / "museum" / "images" / "cover.jpg")
    return root


def test_real_loader_edit_error_fix_and_rsync(real_site, clock):
    loader = pytest.importorskip("kiosk.content.loader")
    events: list[ReloadEvent] = []
    controller = ReloadController(
        real_site,
        loader.load_content,
        clock=clock,
        on_event=events.append,
        executor=ImmediateExecutor(),
    )
    first = controller.load_initial()
    assert first.ok, [str(p) for p in first.errors]
    shown = controller.current
    assert shown is not None

    def settle() -> None:
        controller.poll()
        clock.advance(1.0)
        controller.poll()

    path = real_site / "museum" / "exhibit.yaml"
    path.write_text(EXHIBIT_YAML % "Museum of Friendship", encoding="utf-8")
    settle()
    assert controller.pending is not None
    assert controller.current is shown

    path.write_text(EXHIBIT_YAML.replace('"Tashkent"}', '"Tashkent"'), encoding="utf-8")
    settle()
    assert events[-1].kind == REJECTED
    assert controller.last_errors
    assert all(p.path.name == "exhibit.yaml" and p.line > 0 for p in controller.last_errors)
    assert controller.current is shown

    temp = path.with_name(".exhibit.yaml.Zx81Qa")  # rsync: temp name, then rename over
    temp.write_text(EXHIBIT_YAML % "Museum, rsynced", encoding="utf-8")
    settle()
    assert events[-1].kind == REJECTED  # the temp file alone changed nothing
    os.replace(temp, path)
    settle()
    assert controller.last_errors == ()
    new = controller.at_attract()
    assert new is not None
    assert new.exhibits[0].title.get("en") == "Museum, rsynced"


# start_watching: the first look and the load after it -------------------------------


def _started(root: Path, clock: FakeClock) -> tuple[ReloadController, list[ReloadEvent]]:
    events: list[ReloadEvent] = []
    controller = ReloadController(
        root, fake_load, clock=clock, on_event=events.append, executor=ImmediateExecutor()
    )
    controller.load_initial()
    events.clear()
    return controller, events


def test_start_watching_loads_once_more_and_nothing_moves(root: Path, clock: FakeClock) -> None:
    controller, events = _started(root, clock)
    first = controller.current
    controller.start_watching()
    controller.start_watching()  # once only
    assert [e.kind for e in events] == [UNCHANGED]
    assert controller.current is first and controller.pending is None


def test_an_edit_made_while_the_kiosk_started_is_picked_up(root: Path, clock: FakeClock) -> None:
    controller, events = _started(root, clock)
    (root / "museum" / "exhibit.yaml").write_text("title: Newer\nend\n")  # before the look
    controller.start_watching()
    assert [e.kind for e in events] == [PENDING]
    assert controller.pending is not None
    controller.poll()
    clock.advance(5.0)
    controller.poll()  # the edit is in the baseline: no second load
    assert [e.kind for e in events] == [PENDING]


def test_the_first_poll_starts_watching_when_nobody_did(root: Path, clock: FakeClock) -> None:
    controller, events = _started(root, clock)
    controller.poll()
    assert [e.kind for e in events] == [UNCHANGED]
    (root / "museum" / "exhibit.yaml").write_text("title: Later\nend\n")
    controller.poll()
    clock.advance(1.0)
    controller.poll()
    assert [e.kind for e in events] == [UNCHANGED, PENDING]

"""The last accepted set outlives the process: a start with errors on disk shows it,
the errors are still reported, and a fix is swapped in at the next attract."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.loader import load_content
from kiosk.runtime.last_good import LastGood
from kiosk.runtime.reload import PENDING, ImmediateExecutor, ReloadController, ReloadEvent
from tests.factories import make_site, to_yaml, valid_exhibit
from tests.fakes import FakeClock


def _controller(
    root: Path, keep: Path, clock: FakeClock, events: list[ReloadEvent] | None = None
) -> ReloadController:
    return ReloadController(
        root,
        load_content,
        clock=clock,
        executor=ImmediateExecutor(),
        keep_in=keep,
        on_event=None if events is None else events.append,
    )


def _run_once(root: Path, keep: Path, clock: FakeClock) -> ReloadController:
    """A kiosk's start: the start-up load, then the load after the first frame."""
    controller = _controller(root, keep, clock)
    controller.load_initial()
    controller.start_watching()
    return controller


def _break(root: Path) -> int:
    """A YAML syntax error in beta's exhibit.yaml; the line it is on."""
    path = root / "beta" / "exhibit.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2] + ' "unclosed'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 3


@pytest.fixture
def site(tmp_path: Path) -> Path:
    beta = valid_exhibit(id="beta", order="20")
    return make_site(tmp_path / "site", {"alpha": valid_exhibit(), "beta": beta})


def test_a_start_with_a_broken_file_shows_the_last_accepted_set(site: Path, tmp_path: Path):
    keep, clock = tmp_path / "keep", FakeClock(0.0)
    first = _run_once(site, keep, clock).current
    assert first is not None
    line = _break(site)

    again = _controller(site, keep, clock)
    result = again.load_initial()

    assert result.content is None  # the folder itself does not validate
    assert again.current is not None and again.current.version == first.version
    assert [e.id for e in again.current.exhibits] == ["alpha", "beta"]
    assert again.started_from_kept
    # still reported, with file and line: the staff panel and banner read last_errors
    assert any(
        p.path == site / "beta" / "exhibit.yaml" and p.line >= line for p in again.last_errors
    ), [str(p) for p in again.last_errors]


def test_the_fixed_folder_is_swapped_in_at_the_next_attract(site: Path, tmp_path: Path):
    keep, clock = tmp_path / "keep", FakeClock(0.0)
    first = _run_once(site, keep, clock).current
    assert first is not None
    _break(site)
    events: list[ReloadEvent] = []
    again = _controller(site, keep, clock, events)
    again.load_initial()
    again.start_watching()  # still broken: the kept set stays
    assert again.current is not None and again.current.version == first.version

    fixed = valid_exhibit(id="beta", order="20", title={"uz": "Beta", "en": "Beta"})
    (site / "beta" / "exhibit.yaml").write_text(to_yaml(fixed), encoding="utf-8")
    again.poll()
    clock.advance(1.0)
    again.poll()

    assert events[-1].kind == PENDING
    assert again.current.version == first.version  # a visitor may be at the screen
    shown = again.at_attract()
    assert shown is not None and shown.version != first.version
    assert again.last_errors == ()
    # and that set is the one a later start with errors falls back to
    _break(site)
    later = _controller(site, keep, clock)
    later.load_initial()
    assert later.current is not None and later.current.version == shown.version


def test_only_a_kiosk_that_never_accepted_content_has_nothing(site: Path, tmp_path: Path):
    _break(site)
    controller = _controller(site, tmp_path / "keep", FakeClock(0.0))
    controller.load_initial()
    assert controller.current is None and not controller.started_from_kept


def test_the_start_up_load_alone_is_not_kept(site: Path, tmp_path: Path):
    """Its JPEGs may be checked by header only; the load after the first frame keeps it."""
    keep = tmp_path / "keep"
    controller = _controller(site, keep, FakeClock(0.0))
    controller.load_initial()
    assert not list(keep.glob("accepted-*"))
    controller.start_watching()
    assert len(list(keep.glob("accepted-*"))) == 1


def test_a_set_kept_for_another_folder_is_not_used(site: Path, tmp_path: Path):
    keep, clock = tmp_path / "keep", FakeClock(0.0)
    _run_once(site, keep, clock)
    other = make_site(tmp_path / "other", {"alpha": valid_exhibit()})
    (other / "alpha" / "exhibit.yaml").write_text("id: [", encoding="utf-8")
    assert LastGood(keep, other).load() is None
    controller = _controller(other, keep, clock)
    controller.load_initial()
    assert controller.current is None


def test_a_damaged_kept_file_is_only_a_lost_fallback(site: Path, tmp_path: Path, caplog):
    keep, clock = tmp_path / "keep", FakeClock(0.0)
    _run_once(site, keep, clock)
    (kept,) = keep.glob("accepted-*")
    kept.write_bytes(b"not a pickle")
    assert LastGood(keep, site).load() is None
    assert "unusable" in caplog.text


def test_a_set_over_the_size_bound_is_not_kept(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site")
    content = load_content(root).content
    assert content is not None
    keep = tmp_path / "kept"
    LastGood(keep, root, max_bytes=1000).save(content)
    assert list(keep.iterdir()) == []  # nothing half-written left behind
    LastGood(keep, root).save(content)
    assert LastGood(keep, root).load() == content

"""Test set-up: headless Qt with the software scene graph, set before any Qt app exists."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["QT_QUICK_BACKEND"] = "software"
os.environ.setdefault("QT_QUICK_CONTROLS_STYLE", "Basic")
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp/kiosk-test-runtime")
# the suite's workers and the kiosks they start share the machine: no UI thread takes a
# core of its own (kiosk.runtime.cores; tests/test_cores.py runs kiosks that do)
os.environ["KIOSK_PIN_UI"] = "0"
os.makedirs(os.environ["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)

import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
BUNDLED = REPO / "exhibits"


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """``-n auto``: half as many workers again as the cores this run may use. With one
    worker a core, a third of the cores' time went to waiting (for a kiosk a test
    started, a window's frame, an X server): a worker waiting leaves its core to
    another (measured on two cores: 404 s with two workers, 313 s with three, the same
    CPU time)."""
    if config.option.numprocesses != "auto":
        return None
    if hasattr(os, "sched_getaffinity"):  # the cores this run may use (Linux)
        cores = len(os.sched_getaffinity(0))
    else:
        cores = os.cpu_count() or 1
    return cores + cores // 2


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Files with a slow test go first: in parallel (one file a worker at a time) a long
    file taken last would run alone at the end. Files keep their order among
    themselves, and tests theirs."""
    slow = {item.path for item in items if item.get_closest_marker("slow") is not None}
    items.sort(key=lambda item: item.path not in slow)


@pytest.fixture(autouse=True)
def _fail_on_qml_warnings() -> Iterator[None]:
    """Any QML warning or error during a test fails it (pure tests never load Qt)."""
    app_module = sys.modules.get("kiosk.ui.app")
    if app_module is not None:
        app_module.MESSAGES.lines.clear()
    yield
    app_module = sys.modules.get("kiosk.ui.app")
    if app_module is not None:
        lines = list(app_module.MESSAGES.lines)
        app_module.MESSAGES.lines.clear()
        assert not lines, "QML warnings:\n" + "\n".join(lines)


@pytest.fixture(scope="session")
def rendition_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One rendition cache for the whole run: the bundled images are built once."""
    return tmp_path_factory.mktemp("renditions")


@pytest.fixture(scope="session")
def qapp():
    """The kiosk's own application (software scene graph, Noto Sans registered), not
    pytest-qt's plain one: every UI test draws with the fonts visitors see."""
    from kiosk.ui.app import ensure_application

    return ensure_application()


@pytest.fixture
def xvfb_display() -> Iterator[str]:
    """A private X server (Xvfb), for what only a real window with a render thread
    shows; start the kiosk on it with ``tests.process.start(..., display=...)``."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as numbers:
            yield ":" + numbers.readline().strip()
    finally:
        server.terminate()
        server.wait(timeout=10)

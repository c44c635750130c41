"""Where the suite's CPU time goes, file by file: a pytest plugin.

On two cores the suite's three workers keep both cores busy nearly all the time, so its
length is its CPU time over two; ``--durations`` counts the wall time a test waits too
(a kiosk it started, a frame). Loaded by name, it counts each test's CPU time (its
worker's and the children it waited for: the real ``kiosk`` processes) and prints the
files that took most at the end::

    .venv/bin/python -m pytest -p tests.bench.suite_cpu

Each worker writes its tests' counts to a folder of its own run; the controller adds
them up. Measures only: it changes nothing a test does.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

_SHOWN = 25  # files printed
_rows: list[tuple[str, float, float]] = []


def _cpu() -> tuple[float, float]:
    """This process's CPU seconds, and those of its children it has waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Iterator[None]:
    own, children = _cpu()
    yield
    own_after, children_after = _cpu()
    _rows.append((item.nodeid, own_after - own, children_after - children))


def pytest_configure(config: pytest.Config) -> None:
    if not hasattr(config, "workerinput"):  # the controller (or a run without workers)
        folder = tempfile.mkdtemp(prefix="suite-cpu-")
        os.environ["KIOSK_SUITE_CPU"] = folder  # the workers it starts inherit it


@pytest.hookimpl(tryfirst=True)  # before the worker tells the controller it is done
def pytest_sessionfinish(session: pytest.Session) -> None:
    workerinput = getattr(session.config, "workerinput", None)
    if workerinput is not None:  # a worker: its tests' counts, for the controller
        folder = Path(os.environ["KIOSK_SUITE_CPU"])
        (folder / f"{workerinput['workerid']}.json").write_text(json.dumps(_rows), "utf-8")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if hasattr(terminalreporter.config, "workerinput"):
        return  # a worker's summary goes nowhere: the controller's adds them all up
    folder = Path(os.environ["KIOSK_SUITE_CPU"])
    rows = list(_rows)  # the tests this process ran (all of them, without workers)
    for found in sorted(folder.glob("*.json")):
        rows += json.loads(found.read_text(encoding="utf-8"))
    own: dict[str, float] = {}
    children: dict[str, float] = {}
    for nodeid, mine, theirs in rows:
        path = nodeid.split("::")[0]
        own[path] = own.get(path, 0.0) + mine
        children[path] = children.get(path, 0.0) + theirs
    shutil.rmtree(folder, ignore_errors=True)
    total = sum(own.values()) + sum(children.values())
    write = terminalreporter.write_line
    write(f"CPU time of the tests: {total:.0f} s ({sum(children.values()):.0f} s in processes)")
    for path in sorted(own, key=lambda p: -(own[p] + children[p]))[:_SHOWN]:
        write(f"{own[path] + children[path]:7.1f} s  {children[path]:6.1f} in processes  {path}")

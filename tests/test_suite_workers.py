"""The suite's ``-n auto``: half as many workers again as the cores the run may use,
and the other choices (``-n 0``, ``-n 4``, ``-n logical``) left to pytest-xdist."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from tests import conftest


def _config(numprocesses: object) -> Any:
    return SimpleNamespace(option=SimpleNamespace(numprocesses=numprocesses))


@pytest.mark.parametrize(("cores", "workers"), [(1, 1), (2, 3), (4, 6), (8, 12)])
def test_auto_is_half_as_many_workers_again_as_the_cores(
    monkeypatch: pytest.MonkeyPatch, cores: int, workers: int
) -> None:
    monkeypatch.setattr(conftest.os, "sched_getaffinity", lambda _pid: set(range(cores)))
    assert conftest.pytest_xdist_auto_num_workers(_config("auto")) == workers


def test_without_the_linux_call_the_machine_s_cores_count(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delattr(conftest.os, "sched_getaffinity")
    monkeypatch.setattr(conftest.os, "cpu_count", lambda: 2)
    assert conftest.pytest_xdist_auto_num_workers(_config("auto")) == 3


@pytest.mark.parametrize("asked", ["logical", 0, 4])
def test_any_other_choice_is_pytest_xdist_s(asked: object) -> None:
    assert conftest.pytest_xdist_auto_num_workers(_config(asked)) is None

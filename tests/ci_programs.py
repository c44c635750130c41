"""For CI (loaded for every run by pyproject's ``addopts``; acts only where ``CI`` is set,
as ``.ci/run`` sets it): a test skipped for
want of a system program (Xvfb, xdotool, espeak-ng, setpriv, mount) fails instead.

On a developer's machine such a skip is a fair answer ("not installed here", listed by
``-ra``); in CI it would let the read-aloud, real-window and start-up-under-X tests
pass by not running, which is how a fresh machine once passed with 20 of them skipped.
Only when ``CI`` is set: a local run with the plugin loaded but no ``CI`` is unchanged.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

import pytest

MISSING_PROGRAM = re.compile(r"is not installed|^no \w+ command|no setpriv", re.IGNORECASE)


def _reason(report: pytest.TestReport) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2]).removeprefix("Skipped: ")
    return str(longrepr)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    report: pytest.TestReport = outcome.get_result()  # type: ignore[attr-defined]
    if not os.environ.get("CI") or not report.skipped or hasattr(report, "wasxfail"):
        return
    reason = _reason(report)
    if MISSING_PROGRAM.search(reason):
        report.outcome = "failed"
        report.longrepr = f"CI: a system program this test needs is missing: {reason}"

"""A seeded slice of the random-edit run (tests/soak/random_edits.py) against a real
``kiosk`` process: it accepts only complete, valid content states.

Six edits, chosen by the seed to cover every way content arrives: a publish, a
broken set copied although ``kiosk publish`` refused it, a file saved in place with
a short stall, a missing image, a copy pulled out half-way, and a copy that stalls
inside a file until the kiosk has looked at the half and refused it. The full run
is 100 edits (``python tests/soak/random_edits.py``).
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from tests.soak.random_edits import VALID, kinds, run

SEED = 397
EDITS = 6


def test_the_seeded_slice_covers_every_way_content_arrives() -> None:
    assert list(itertools.islice(kinds(SEED), EDITS)) == [
        "publish",
        "refused-publish",
        "stall-in-place",
        "missing-image",
        "interrupted-publish",
        "stall-publish",
    ]


@pytest.mark.slow  # a real kiosk, six edits waited on
def test_a_running_kiosk_accepts_only_complete_valid_states(tmp_path: Path) -> None:
    summary = run(EDITS, SEED, tmp_path)
    report = "\n".join(summary.lines() + summary.trace)
    assert summary.wrong == [], report
    assert summary.missed == [], report
    valid = sum(n for kind, n in summary.kinds.items() if kind in VALID)
    assert summary.accepted == valid == 3, report  # each valid edit went on screen
    assert summary.refused == EDITS - valid, report  # each broken one was refused
    assert summary.partial_refused == 1, report  # the stalled copy's half, looked at
    assert summary.log_counts["unexpected exception"] == 0, report

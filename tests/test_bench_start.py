"""The start-up bench's comparison of two checkouts (tests/bench/bench.py; the bench
itself is not run here): a difference taken within each round, not two medians."""

from __future__ import annotations

import pytest

from tests.bench.bench import paired


def test_two_checkouts_are_compared_round_by_round() -> None:
    # the machine slows down by 100 ms from round to round; within each round this
    # checkout is 5 ms faster, but once, 3 ms slower
    ours = [0.150, 0.245, 0.355, 0.450, 0.553]
    theirs = [0.155, 0.250, 0.360, 0.455, 0.550]
    difference, faster = paired(ours, theirs)
    assert round(difference, 6) == -5.0
    assert faster == 4


def test_rounds_of_two_checkouts_must_match() -> None:
    with pytest.raises(ValueError):
        paired([0.1, 0.2], [0.1])

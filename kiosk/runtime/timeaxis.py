"""The time axis: years in proportion, long empty stretches shown as a short break,
and the moment cards placed along it without overlapping.

Pure arithmetic, no Qt: the timeline screen asks where each year, break, moment and
card goes for the width it has.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

# A run of at least this many years with no moment is drawn as a break this many
# years wide: 1999-2022 would otherwise take two thirds of the screen and say nothing.
GAP_YEARS = 5
BREAK_YEARS = 1.5


@dataclass(frozen=True)
class Axis:
    """Positions as parts of the axis's length (0 to 1)."""

    ticks: tuple[tuple[int, float], ...]  # each year shown, where it begins
    breaks: tuple[tuple[float, float, int, int], ...]  # from, to, and the years left out
    moments: tuple[float, ...]  # each moment, in the order given
    end: float = 1.0


def year_fraction(date: str) -> float:
    """``1995``, ``1995-10`` or ``1995-10-02`` as a year with its part gone by."""
    parts = date.split("-")
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else 1
    day = int(parts[2]) if len(parts) > 2 else 1
    return year + (month - 1) / 12 + (day - 1) / 365


def axis(dates: Sequence[str]) -> Axis:
    """The axis for these ISO dates, from the first moment's year to the year after the last."""
    if not dates:
        return Axis((), (), ())
    years = sorted({int(d[:4]) for d in dates})
    first, last = years[0], years[-1] + 1
    # stretches: (start year, end year, drawn length in years, is a break)
    stretches: list[tuple[int, int, float, bool]] = []
    start = first
    for before, after in itertools.pairwise(years):
        # a stretch shows the year after its last moment too ("1997-1998" ends there)
        if after - before - 2 >= GAP_YEARS:
            stretches.append((start, before + 2, float(before + 2 - start), False))
            stretches.append((before + 2, after, BREAK_YEARS, True))
            start = after
    stretches.append((start, last, float(last - start), False))
    total = sum(length for _, _, length, _ in stretches)

    def at(value: float) -> float:
        offset = 0.0
        for index, (begin, end, length, is_break) in enumerate(stretches):
            if value < end or index == len(stretches) - 1:
                if is_break:
                    return (offset + length / 2) / total
                return (offset + min(1.0, (value - begin) / (end - begin)) * length) / total
            offset += length
        return 1.0

    ticks = tuple(
        (year, at(year))
        for begin, end, _, is_break in stretches
        if not is_break
        for year in range(begin, end)
    )
    breaks = []
    offset = 0.0
    for begin, end, length, is_break in stretches:
        if is_break:
            breaks.append((offset / total, (offset + length) / total, begin, end - 1))
        offset += length
    return Axis(ticks, tuple(breaks), tuple(at(year_fraction(d)) for d in dates))


def place_cards(
    points: Sequence[float], card: float, gap: float, start: float = 0.0
) -> list[float]:
    """Left edges of cards ``card`` wide, each as near its point (its centre) as it can be,
    in order, never overlapping, none left of ``start``."""
    lefts: list[float] = []
    for point in points:
        left = point - card / 2
        if lefts:
            left = max(left, lefts[-1] + card + gap)
        lefts.append(max(start, left))
    return lefts


def named_years(
    ticks: Sequence[tuple[int, float]], moment_years: set[int], label_width: float
) -> list[bool]:
    """Which years' numbers show where they would touch: every year with a moment,
    then the others that keep ``label_width`` from every number shown."""
    shown: list[float] = [x for year, x in ticks if year in moment_years]
    named = []
    for year, x in ticks:
        if year in moment_years:
            named.append(True)
        elif all(abs(x - other) >= label_width for other in shown):
            named.append(True)
            shown.append(x)
        else:
            named.append(False)
    return named

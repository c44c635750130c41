"""The navigation bench in a visitor's other states (tests/bench/bench.py, ``--only
states``): each round's visitor chooses the text size and contrast with the bar's
buttons, as timed taps, after the idle reset put them back; no language tap asks for
the language already chosen; the figures per state and the worst of them. The bench
itself is not run here."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from types import SimpleNamespace
from typing import Any

import pytest

from kiosk.ui.appearance import Appearance
from tests.bench.bench import STATES, Bench
from tests.bench.nav_child import Driver, Step, arguments
from tests.conftest import BUNDLED
from tests.uitools import load

CONTENT = load(BUNDLED)


class Visitor:
    """What the scenario reads of the kiosk, changed as each step's tap would change it."""

    def __init__(self) -> None:
        self.content = CONTENT
        self.hasMap = bool(CONTENT.places)  # as the bridge tells it
        self.appearance = Appearance()
        self.language = SimpleNamespace(current=CONTENT.site.default_language)
        place = SimpleNamespace(screen="home", exhibit_id="", index=0)
        self.nav = SimpleNamespace(place=place, leaveAttract=lambda: None)

    def reset_to_attract(self) -> None:
        """The idle reset: the next visitor starts from the site's defaults."""
        self.appearance.reset()
        self.language.current = CONTENT.site.default_language

    def does(self, step: Step) -> None:
        if step.call is not None:
            step.call()
        elif step.target == "textSizeButton":
            self.appearance.stepTextSize()
        elif step.target == "contrastButton":
            self.appearance.toggleContrast()
        elif step.target.startswith("language_"):
            self.language.current = step.target.removeprefix("language_")


def scenario(visitor: Visitor, *options: str) -> Iterator[Step]:
    args = arguments().parse_args(["--cache", "-", "--state", "-", "--out", "-", *options])
    idle = SimpleNamespace(go_attract=lambda why: visitor.reset_to_attract())
    driver: Any = SimpleNamespace(
        kiosk=visitor, args=args, phase="latency", cycles=0, controller=idle, window=None
    )
    driver._visitor_choices = lambda: Driver._visitor_choices(driver)
    for step in Driver._scenario(driver):
        yield step
        visitor.does(step)


def test_each_round_s_visitor_chooses_the_state_at_home_with_the_bar_s_buttons() -> None:
    visitor = Visitor()
    steps = list(islice(scenario(visitor, "--text-scale", "1.5", "--contrast"), 200))
    rounds = [i for i, step in enumerate(steps) if step.label == "leave-attract"]
    assert len(rounds) >= 2
    for start in [0, *(i + 1 for i in rounds)][:3]:
        chosen = steps[start : start + 3]
        assert [s.target for s in chosen] == ["textSizeButton", "textSizeButton", "contrastButton"]
        assert all(s.kind == "tap" for s in chosen)  # timed like any other tap
    # each step arrives when the visitor's tap has done it: 125 %, 150 %, then contrast
    visitor = Visitor()
    walk = scenario(visitor, "--text-scale", "1.5", "--contrast")
    seen = []
    for step in islice(walk, 3):
        assert not step.expect()  # not there before its tap
        seen.append(step)
    next(walk)  # the third tap done
    assert visitor.appearance.text_scale == 1.5 and visitor.appearance.high_contrast
    assert all(step.expect() for step in seen[1:])


def test_the_default_visitor_chooses_nothing() -> None:
    steps = list(islice(scenario(Visitor()), 200))
    assert not any(s.target in ("textSizeButton", "contrastButton") for s in steps)


@pytest.mark.parametrize("options", [(), ("--contrast",)])
def test_no_language_tap_asks_for_the_language_already_chosen(options: tuple[str, ...]) -> None:
    """Such a tap changes nothing on screen, and the bench timed it to its 100 ms nudge."""
    visitor = Visitor()
    taps = 0
    for step in islice(scenario(visitor, *options), 400):
        if step.target.startswith("language_"):
            assert step.target != f"language_{visitor.language.current}"
            taps += 1
    assert taps > 20


def test_the_states_part_reports_each_state_and_the_worst_tap_kind() -> None:
    worst = {name: 10.0 + i for i, (name, _) in enumerate(STATES)}
    asked: list[list[str]] = []

    def child(navigations: int, soak: int, idle_s: float, options: list[str]) -> dict[str, Any]:
        asked.append(options)
        name = STATES[len(asked) - 1][0]
        return {
            "latency": {
                "latencies_ms": {
                    "tap:tile": [5.0, worst[name]],
                    "tap:text-size": [4.0],
                    "call:idle-reset": [99.0],  # not a tap
                }
            },
            "first_open_ms": {"timeline": 20.0},
        }

    bench: Any = SimpleNamespace(
        quick=True, results={}, section=lambda title: None, _nav_child=child
    )
    Bench.states(bench)
    assert asked == [options for _, options in STATES]
    figures = bench.results["states"]
    assert list(figures) == [name for name, _ in STATES]
    last = STATES[-1][0]
    assert figures[last]["tap_kind_p95_worst_ms"] == worst[last]
    assert figures[last]["by_kind"]["tap:text-size"] == {"n": 1, "p50": 4.0, "p95": 4.0}
    assert "call:idle-reset" not in figures[last]["by_kind"]
    assert bench.results["state_tap_kind_p95_worst_ms"] == max(worst.values())

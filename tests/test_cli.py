"""The ``kiosk`` entry point: usage lines name the command as it was typed, every
option says what it does and what it defaults to, counts agree with their nouns."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from kiosk.cli import COMMANDS, _build_parser, main
from kiosk.runtime.plural import plural


@pytest.mark.parametrize(
    ("argv", "usage"),
    [
        *[([name, "--help"], f"usage: kiosk {name} [-h]") for name in COMMANDS],
        (["--windowed", "--help"], "usage: kiosk [-h]"),
    ],
)
def test_help_names_the_command(
    argv: list[str], usage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith(usage)


def test_overview_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for name in COMMANDS:
        assert f"\n  {name} " in out


@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_option_has_help_and_shows_its_default(command: str) -> None:
    parser = _build_parser(command)
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        name = "/".join(action.option_strings) or action.dest
        assert action.help, f"kiosk {command} {name} has no help text"
        has_default = action.default not in (None, False, [], argparse.SUPPRESS)
        if has_default:
            assert "default" in action.help, f"kiosk {command} {name}: no default in its help"


def test_state_dir_means_the_same_wherever_it_is_taken() -> None:
    helps = {
        command: next(a.help for a in _build_parser(command)._actions if a.dest == "state_dir")
        for command in ("run", "set-pin", "stats")
    }
    assert len(set(helps.values())) == 1, helps


@pytest.mark.parametrize(
    ("count", "expected"),
    [(0, "0 sessions"), (1, "1 session"), (2, "2 sessions"), (1, "1 try"), (3, "3 tries")],
)
def test_counts_agree_with_their_nouns(count: int, expected: str) -> None:
    word = expected.split(" ", 1)[1]
    singular, plural_form = ("try", "tries") if word.startswith("tr") else ("session", None)
    assert plural(count, singular, plural_form) == expected


def test_an_option_first_costs_no_spelling_suggestions() -> None:
    """``kiosk --windowed`` starts the kiosk: the nearest-command search (difflib) is
    loaded only for a word that is neither an option nor a folder."""
    script = (
        "import sys\n"
        "from kiosk.cli import _unknown_command\n"
        "assert _unknown_command('--windowed') is None\n"
        "print('difflib' in sys.modules)\n"
        "assert 'valdiate' in (_unknown_command('valdiate') or '')\n"
        "print('difflib' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True"]

"""The ``kiosk`` entry point: usage lines name the command as it was typed."""

from __future__ import annotations

import pytest

from kiosk.cli import COMMANDS, main


@pytest.mark.parametrize(
    ("argv", "usage"),
    [
        (["run", "--help"], "usage: kiosk run [-h]"),
        (["--windowed", "--help"], "usage: kiosk [-h]"),
        (["validate", "--help"], "usage: kiosk validate [-h]"),
        (["init", "--help"], "usage: kiosk init [-h]"),
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

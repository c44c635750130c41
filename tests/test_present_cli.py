"""``kiosk --present`` on the command line: its options, and the talk it gives."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content.talks import default_talk
from kiosk.ui.presenting import choose_talk
from tests.conftest import BUNDLED
from tests.uitools import load


@pytest.mark.parametrize(
    "option",
    [["--talk", "school-visit"], ["--audience-screen", "2"], ["--presenter-language", "ru"]],
)
def test_the_talk_options_need_present(
    option: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--windowed", *option, "--state-dir", str(tmp_path), str(BUNDLED)]) == 2
    assert "go with --present" in capsys.readouterr().err


def test_screens_are_counted_from_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--present", "--audience-screen", "0", str(BUNDLED)])
    assert stop.value.code == 2
    assert "is not a screen number" in capsys.readouterr().err


def test_a_talk_that_is_not_there_gives_the_default_talk_and_says_so(
    caplog: pytest.LogCaptureFixture,
) -> None:
    content = load(BUNDLED)
    with caplog.at_level(logging.ERROR, "kiosk.present"):
        talk = choose_talk(content, "no-such-talk")
    assert talk.steps == default_talk(content).steps  # as the handout without a talk
    assert "unknown talk 'no-such-talk'; talks: school-visit" in caplog.text
    assert len(choose_talk(content, "school-visit").steps) == 9


@pytest.mark.parametrize(
    "given",
    ["school-visit", "school-visit.yaml", "talks/school-visit.yaml", "/x/talks/school-visit.YML"],
)
def test_a_talk_is_named_by_its_name_or_its_file(given: str) -> None:
    """A presenter may give the file, as a file manager or a shell completes it."""
    from kiosk.commands import handout, run

    for command in (run, handout):
        parser = argparse.ArgumentParser()
        command.add_arguments(parser)
        extra = ["--out", "x.pdf"] if command is handout else []
        assert parser.parse_args(["--talk", given, *extra]).talk == "school-visit"

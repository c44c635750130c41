"""``kiosk`` (run): refuses kiosk mode without a staff PIN, before opening any window."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import main
from tests.conftest import BUNDLED


def test_kiosk_mode_without_a_pin_refuses_and_says_how_to_set_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--state-dir", str(tmp_path / "state"), str(BUNDLED)]) == 2
    err = capsys.readouterr().err
    assert "no staff PIN is set" in err
    assert "kiosk set-pin" in err and "--no-pin" in err


def test_a_missing_exhibits_folder_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--windowed", "--state-dir", str(tmp_path), str(tmp_path / "nowhere")]) == 2
    assert "is not a folder of exhibits" in capsys.readouterr().err

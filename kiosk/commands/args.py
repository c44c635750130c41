"""Arguments several commands share: the exhibits folder and ``WIDTHxHEIGHT`` sizes."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path


def bundled_exhibits() -> Path:
    """The sample exhibits: beside the package in a checkout or an editable install,
    inside it (``kiosk/sample_exhibits``) in a regular install or a wheel."""
    package = Path(__file__).resolve().parents[1]
    beside = package.parent / "exhibits"
    if (beside / "kiosk.yaml").is_file():
        return beside
    return package / "sample_exhibits"


def add_exhibits_argument(parser: argparse.ArgumentParser) -> None:
    """The optional DIR every screen command takes, defaulting to the bundled exhibits."""
    parser.add_argument(
        "dir",
        nargs="?",
        type=Path,
        default=bundled_exhibits(),
        help="exhibits folder (default: the bundled exhibits)",
    )


def size_type(
    largest: int = 16384, smallest: tuple[int, int] = (1, 1)
) -> Callable[[str], tuple[int, int]]:
    """An argparse type for ``WIDTHxHEIGHT`` (screens, windows, renditions, charts)."""

    def parse(text: str) -> tuple[int, int]:
        try:
            width, height = (int(part) for part in text.lower().split("x"))
        except ValueError:
            message = f"expected WIDTHxHEIGHT such as 1920x1080, not {text!r}"
            raise argparse.ArgumentTypeError(message) from None
        low_w, low_h = smallest
        if not (low_w <= width <= largest and low_h <= height <= largest):
            low = f"{low_w}x{low_h}" if smallest != (1, 1) else "1"
            raise argparse.ArgumentTypeError(f"size {text!r} is out of range ({low} to {largest})")
        return width, height

    return parse

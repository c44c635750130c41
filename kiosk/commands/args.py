"""Arguments several commands share: the exhibits folder, the machine's state folder and
``WIDTHxHEIGHT`` sizes, each with one meaning and one help text wherever it appears."""

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


STATE_DIR_HELP = (
    "this machine's state folder: logs, settings (the staff PIN) and analytics "
    "(default: $KIOSK_STATE_DIR, $XDG_STATE_HOME/friendship-kiosk or "
    "~/.local/state/friendship-kiosk)"
)


def add_state_dir_argument(parser: argparse.ArgumentParser) -> None:
    """``--state-dir``: the folder ``kiosk`` keeps its PIN, logs and analytics in, so
    ``set-pin`` and ``stats`` look where ``run`` writes."""
    parser.add_argument("--state-dir", type=Path, default=None, metavar="DIR", help=STATE_DIR_HELP)


def add_size_argument(
    parser: argparse.ArgumentParser,
    flag: str,
    default: tuple[int, int],
    help_text: str,
    *,
    largest: int = 16384,
    smallest: tuple[int, int] = (1, 1),
) -> None:
    """A ``WxH`` option whose help always shows its default, written as it is typed."""
    width, height = default
    parser.add_argument(
        flag,
        type=size_type(largest, smallest),
        default=default,
        metavar="WxH",
        help=f"{help_text} (default: {width}x{height})",
    )


def talk_name(text: str) -> str:
    """``--talk``: a talk's name, as its file is called in ``talks/`` without
    ``.yaml``; the file's name or path (``talks/visit.yaml``, as a file manager or a
    shell's completion gives it) names the same talk."""
    path = Path(text)
    return path.stem if path.suffix.lower() in (".yaml", ".yml") else text

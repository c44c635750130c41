"""Command line: ``kiosk [run options] [DIR]`` or ``kiosk COMMAND ...``.

Each command lives in its own module with ``add_arguments(parser)`` and
``run(args) -> int``; it is imported only when used, so ``kiosk validate`` never
loads Qt.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

COMMANDS: dict[str, tuple[str, str]] = {
    "run": ("kiosk.ui.cli_run", "start the kiosk (the default command)"),
    "validate": ("kiosk.content.cli_validate", "check exhibit content and list every problem"),
    "prepare": ("kiosk.media.cli_prepare", "build all image renditions ahead of time"),
    "render": ("kiosk.ui.cli_render", "render a screen headless to PNG"),
    "stats": ("kiosk.runtime.cli_stats", "report on visitor analytics"),
    "set-pin": ("kiosk.runtime.cli_pin", "set the staff panel PIN"),
    "service-unit": ("kiosk.runtime.cli_service", "print a systemd unit for this kiosk"),
}


def bundled_exhibits() -> Path:
    """The exhibits shipped with the repository (next to the ``kiosk`` package).

    An editable install finds them beside the package; otherwise ``./exhibits``.
    """
    beside = Path(__file__).resolve().parent.parent / "exhibits"
    return beside if beside.is_dir() else Path.cwd() / "exhibits"


def add_exhibits_argument(parser: argparse.ArgumentParser) -> None:
    """The optional DIR every screen command takes, defaulting to the bundled exhibits."""
    parser.add_argument(
        "dir",
        nargs="?",
        type=Path,
        default=bundled_exhibits(),
        help="exhibits folder (default: the bundled exhibits)",
    )


def size_type(largest: int = 16384) -> Callable[[str], tuple[int, int]]:
    """An argparse type for ``WIDTHxHEIGHT`` (screens, windows, renditions)."""

    def parse(text: str) -> tuple[int, int]:
        try:
            width, height = (int(part) for part in text.lower().split("x"))
        except ValueError:
            message = f"expected WIDTHxHEIGHT such as 1920x1080, not {text!r}"
            raise argparse.ArgumentTypeError(message) from None
        if not (0 < width <= largest and 0 < height <= largest):
            raise argparse.ArgumentTypeError(f"size {text!r} is out of range (1 to {largest})")
        return width, height

    return parse


def _build_parser(command: str) -> argparse.ArgumentParser:
    module_name, help_text = COMMANDS[command]
    prog = "kiosk" if command == "run" else f"kiosk {command}"
    parser = argparse.ArgumentParser(prog=prog, description=help_text)
    importlib.import_module(module_name).add_arguments(parser)
    return parser


def _usage() -> str:
    lines = ["usage: kiosk [--windowed] [--preview] [DIR]", "       kiosk COMMAND [options]", ""]
    lines.append("commands:")
    lines += [f"  {name:<13} {help_text}" for name, (_, help_text) in COMMANDS.items()]
    lines.append("\n'kiosk COMMAND --help' describes a command's options.")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in ("-h", "--help"):
        print(_usage())
        return 0
    command = args.pop(0) if args and args[0] in COMMANDS else "run"
    parser = _build_parser(command)
    namespace = parser.parse_args(args)  # exits with 2 on usage errors
    module = importlib.import_module(COMMANDS[command][0])
    return int(module.run(namespace))


if __name__ == "__main__":
    sys.exit(main())

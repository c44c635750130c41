"""Command line: ``kiosk [run options] [DIR]`` or ``kiosk COMMAND ...``.

Each command lives in its own module under ``kiosk.commands`` with
``add_arguments(parser)`` and ``run(args) -> int``; it is imported only when used,
so ``kiosk validate`` never loads Qt.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

COMMANDS: dict[str, tuple[str, str]] = {
    "run": ("kiosk.commands.run", "start the kiosk (the default command)"),
    "validate": ("kiosk.commands.validate", "check exhibit content and list every problem"),
    "publish": ("kiosk.commands.publish", "validate content and write its release manifest"),
    "prepare": ("kiosk.commands.prepare", "build all image renditions ahead of time"),
    "init": ("kiosk.commands.init", "copy the sample exhibits to start a museum's own content"),
    "render": ("kiosk.commands.render", "render a screen headless to PNG"),
    "handout": ("kiosk.commands.handout", "write a printable PDF handout of the exhibits"),
    "stats": ("kiosk.commands.stats", "report on visitor analytics"),
    "set-pin": ("kiosk.commands.pin", "set the staff panel PIN"),
    "service-unit": ("kiosk.commands.service", "print a systemd unit for this kiosk"),
}


def _build_parser(command: str, named: bool = True) -> argparse.ArgumentParser:
    """The command's parser; ``named`` is false for ``kiosk [DIR]``, run's short form."""
    module_name, help_text = COMMANDS[command]
    prog = f"kiosk {command}" if named else "kiosk"
    parser = argparse.ArgumentParser(prog=prog, description=help_text)
    importlib.import_module(module_name).add_arguments(parser)
    return parser


def _usage() -> str:
    lines = ["usage: kiosk [--windowed] [--preview] [DIR]", "       kiosk COMMAND [options]", ""]
    lines.append("commands:")
    lines += [f"  {name:<13} {help_text}" for name, (_, help_text) in COMMANDS.items()]
    lines.append("\n'kiosk COMMAND --help' describes a command's options.")
    return "\n".join(lines)


def _unknown_command(word: str) -> str | None:
    """``kiosk valdiate``: a bare word that is neither a command nor a folder; the
    nearest command, or the list of them."""
    from pathlib import Path

    if word.startswith("-") or "/" in word or Path(word).exists():
        return None
    import difflib  # only for a word that is no option: not on every start

    start = f"{word!r} is neither a command nor a folder"
    close = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.5)
    if close:
        return f"{start}; did you mean 'kiosk {close[0]}'?"
    return f"{start}; the commands are {', '.join(COMMANDS)} ('kiosk --help' says more)"


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in ("-h", "--help"):
        print(_usage())
        return 0
    named = bool(args) and args[0] in COMMANDS
    if args and not named:
        unknown = _unknown_command(args[0])
        if unknown:
            print(f"kiosk: {unknown}", file=sys.stderr)
            return 2
    command = args.pop(0) if named else "run"
    if command != "run":
        from kiosk.runtime import early_signals

        stopped = early_signals.release()
        if stopped is not None:
            return stopped
    parser = _build_parser(command, named)
    namespace = parser.parse_args(args)  # exits with 2 on usage errors
    module = importlib.import_module(COMMANDS[command][0])
    return int(module.run(namespace))


if __name__ == "__main__":
    sys.exit(main())

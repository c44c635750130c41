"""``kiosk init DIR``: start a museum's own content from a copy of the sample exhibits.

The copy is a complete, valid content folder (``kiosk.yaml`` plus one folder per
exhibit) that curators then edit. It never writes into a folder that already has
files, so it cannot overwrite a museum's content. Exit status: 0 copied, 2 when DIR
is not empty or cannot be written.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", type=Path, help="new exhibits folder (must not exist, or be empty)")


def run(args: argparse.Namespace) -> int:
    from kiosk.commands.args import bundled_exhibits
    from kiosk.runtime.plural import plural

    target: Path = args.dir
    source = bundled_exhibits()
    try:
        if target.exists() and (not target.is_dir() or any(target.iterdir())):
            print(f"kiosk init: {target}: already exists and is not empty", file=sys.stderr)
            return 2
        target.mkdir(parents=True, exist_ok=True)
        shutil.copytree(
            source,
            target,
            dirs_exist_ok=True,
            ignore=shutil.ignore_patterns(".*", "__pycache__"),
        )
    except OSError as error:
        reason = error.strerror or type(error).__name__
        print(f"kiosk init: {error.filename or target}: {reason}", file=sys.stderr)
        return 2
    exhibits = sorted(p.parent.name for p in target.glob("*/exhibit.yaml"))
    copied = plural(len(exhibits), "sample exhibit")
    print(f"copied {copied} to {target}: {', '.join(exhibits)}")
    print(f"next: edit {target / 'kiosk.yaml'}, then check with 'kiosk validate {target}'")
    print(f"      and see it with 'kiosk --preview {target}'")
    return 0

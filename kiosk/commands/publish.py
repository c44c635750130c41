"""``kiosk publish [DIR]``: validate a content folder and mark it as a release.

Run it on the curators' copy when an edit is finished, then copy the folder (and
its ``.kiosk-release.json``) to the kiosks with any tool: a kiosk accepts the new
content only once its folder matches the manifest file for file, so a copy that
stalls half-way, in any order, is never shown (``kiosk.runtime.manifest``).
Exit status: 0 published, 1 content errors (nothing written), 2 not a content
folder (or the installed package's own samples). Pure Python: never imports Qt.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk.commands import problems
from kiosk.runtime import manifest
from kiosk.runtime.plural import plural
from kiosk.runtime.watch import snapshot


def add_arguments(parser: argparse.ArgumentParser) -> None:
    # No default: the bundled sample exhibits are the package's own files (in a
    # checkout, tracked ones), and a release manifest written among them would be
    # a stray file in site-packages or in the repository.
    parser.add_argument("dir", type=Path, help="the exhibits folder to publish")


def run(args: argparse.Namespace) -> int:
    root: Path = args.dir
    status = problems.folder_problem("publish", root)
    if status is not None:
        return status
    if _inside_the_package(root):
        print(
            f"kiosk publish: {root} is inside the installed kiosk package; copy the "
            "exhibits out first (kiosk init DIR) and publish that folder",
            file=sys.stderr,
        )
        return 2
    before = snapshot(root)
    checked = problems.check_folder(root)
    problems.print_problems(root, checked.errors, checked.warnings)
    content = checked.result.content
    if content is None or checked.errors:
        print(problems.summary(root, checked.result, len(checked.errors), len(checked.warnings)))
        print("nothing published: fix the errors above and publish again", file=sys.stderr)
        return 1
    release = manifest.build(root, content.version, checked.files)
    if snapshot(root) != before:
        print("kiosk publish: the folder changed while it was read; run again", file=sys.stderr)
        return 1
    path = manifest.write(root, release)
    print(problems.summary(root, checked.result, 0, len(checked.warnings)))
    print(
        f"published version {content.version[:12]}: "
        f"{plural(len(release.files), 'file')} listed in {path}"
    )
    return 0


def _inside_the_package(root: Path) -> bool:
    import kiosk

    package = Path(kiosk.__file__).resolve().parent
    return root.resolve().is_relative_to(package)

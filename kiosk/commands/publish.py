"""``kiosk publish [DIR]``: validate a content folder and mark it as a release.

Run it on the curators' copy when an edit is finished, then copy the folder (and
its ``.kiosk-release.json``) to the kiosks with any tool: a kiosk accepts the new
content only once its folder matches the manifest file for file, so a copy that
stalls half-way, in any order, is never shown (``kiosk.runtime.manifest``).
Exit status: 0 published, 1 content errors (nothing written), 2 not a content
folder. Pure Python: never imports Qt.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk.commands import problems
from kiosk.content.loader import load_content
from kiosk.runtime import manifest
from kiosk.runtime.plural import plural
from kiosk.runtime.watch import snapshot


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from kiosk.commands.args import add_exhibits_argument

    add_exhibits_argument(parser)


def run(args: argparse.Namespace) -> int:
    root: Path = args.dir
    usage_problem = problems.usage_problem(root)
    if usage_problem:
        print(f"kiosk publish: {usage_problem}", file=sys.stderr)
        return 2
    before = snapshot(root)
    result = load_content(root)
    for problem in problems.in_file_order(root, [*result.errors, *result.warnings]):
        print(problems.problem_line(root, problem))
    errors = [*result.errors, *result.left_out]  # a talk with errors counts, as in validate
    if result.content is None or errors:
        warnings = len(result.warnings) - len(result.left_out)
        print(problems.summary(root, result, len(errors), warnings))
        print("nothing published: fix the errors above and publish again", file=sys.stderr)
        return 1
    release = manifest.build(root, result.content.version)
    if snapshot(root) != before:
        print("kiosk publish: the folder changed while it was read; run again", file=sys.stderr)
        return 1
    path = manifest.write(root, release)
    print(problems.summary(root, result, 0, len(result.warnings)))
    print(
        f"published version {result.content.version[:12]}: "
        f"{plural(len(release.files), 'file')} listed in {path}"
    )
    return 0

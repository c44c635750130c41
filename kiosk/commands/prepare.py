"""``kiosk prepare [DIR]``: build every image rendition ahead of time.

Run it after editing content (or at install time) so the kiosk never decodes an
original in front of a visitor. Exit status: 0 when every rendition exists, 1 when
the content is invalid or any image failed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from kiosk.media.batch import BuildSummary, build_all
from kiosk.media.cache import (
    DEFAULT_THUMB_BOX,
    ImageSource,
    RenditionCache,
    default_cache_dir,
    image_checks_path,
    rendition_boxes,
)
from kiosk.media.safe_open import RenditionError
from kiosk.runtime.plural import plural

if TYPE_CHECKING:
    from kiosk.content.imagerecord import ImageRecord

DEFAULT_SCREEN = (1920, 1080)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number, not {text!r}")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from kiosk.commands.args import add_exhibits_argument, add_size_argument

    add_exhibits_argument(parser)
    parser.add_argument(
        "--cache", type=Path, help=f"rendition cache folder (default: {default_cache_dir()})"
    )
    add_size_argument(
        parser,
        "--screen",
        DEFAULT_SCREEN,
        "the kiosk's screen; renditions fit its long side squared",
    )
    add_size_argument(parser, "--thumb", DEFAULT_THUMB_BOX, "box that thumbnails fit in")
    parser.add_argument(
        "--workers", type=_positive, help="parallel builds (default: number of CPUs)"
    )


def run(args: argparse.Namespace) -> int:
    from kiosk.content.imagerecord import image_record

    with image_record(image_checks_path(args.cache)) as record:
        return _prepare(args, record)


def _prepare(args: argparse.Namespace, record: ImageRecord) -> int:
    from kiosk.commands.problems import load_or_report
    from kiosk.content.imagerecord import ImageChecks

    root: Path = args.dir
    # Building a rendition decodes the image in full, so decoding it first to check it
    # would be done twice (a third of the time on camera files): a broken one fails
    # its build instead, named in the summary, and every other image is still built.
    content = load_or_report(
        "prepare", root, ImageChecks(record, decode_now=False), "nothing built"
    )
    if isinstance(content, int):
        return content
    boxes = rendition_boxes(args.screen, args.thumb)
    cache = RenditionCache(args.cache if args.cache is not None else default_cache_dir(), boxes)
    cache.sweep_temporary()
    names = _Names(root)
    display = _ProgressLine(sys.stderr, names)
    summary = build_all(
        content.images(), None, cache, workers=args.workers, progress=display.update
    )
    display.finish()
    failed = {source.sha256 for source, _ in summary.failed}
    for ref in content.images():
        if ref.sha256 not in failed:  # built now or before, from these very bytes
            record.confirm(ref.sha256, ref.suffix)  # the kiosk's next start need not decode it
    _print_summary(summary, cache, names)
    return 0 if summary.ok else 1


class _Names:
    """Images named from the exhibits folder (``fuzuli-school/images/cover.jpg``): every
    exhibit may have its own ``images/cover.jpg``, so the file name alone says nothing."""

    def __init__(self, root: Path) -> None:
        self.roots = (root.absolute(), root.resolve())

    def image(self, path: Path) -> str:
        for root in self.roots:
            if path.is_relative_to(root):
                return path.relative_to(root).as_posix()
        return str(path)

    def error(self, error: RenditionError) -> str:
        return f"{self.image(error.path)}: {error.reason}"


class _ProgressLine:
    """One line rewritten in place on a terminal; occasional plain lines otherwise."""

    def __init__(self, stream: TextIO, names: _Names, interval_s: float = 2.0) -> None:
        self.stream = stream
        self.names = names
        self.tty = stream.isatty()
        self.interval_s = interval_s
        self.last = float("-inf")
        self.shown = False

    def update(self, done: int, total: int, ref: ImageSource, error: RenditionError | None) -> None:
        line = f"prepare: {done}/{plural(total, 'image')} ... {self.names.image(ref.path)}"
        if error is not None:
            self._clear()
            print(f"prepare: error: {self.names.error(error)}", file=self.stream)
        now = time.monotonic()
        if self.tty:
            self.stream.write(f"\r\x1b[K{line}")
            self.stream.flush()
            self.shown = True
        elif done == total or done == 1 or now - self.last >= self.interval_s:
            print(line, file=self.stream)
            self.last = now

    def finish(self) -> None:
        self._clear()

    def _clear(self) -> None:
        if self.tty and self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


def _print_summary(summary: BuildSummary, cache: RenditionCache, names: _Names) -> None:
    print(
        f"prepare: {plural(summary.total, 'image')}: {summary.built} built, {summary.cached} "
        f"already cached, {len(summary.failed)} failed in {summary.seconds:.1f} s "
        f"(cache: {cache.root})"
    )
    for _ref, error in summary.failed:
        print(f"  failed: {names.error(error)}")

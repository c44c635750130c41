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
    from kiosk.commands.args import add_exhibits_argument, size_type

    add_exhibits_argument(parser)
    parser.add_argument(
        "--cache", type=Path, help=f"rendition cache folder (default: {default_cache_dir()})"
    )
    parser.add_argument(
        "--screen",
        type=size_type(),
        default=DEFAULT_SCREEN,
        metavar="WxH",
        help="the kiosk's screen; renditions fit its long side squared (default: 1920x1080)",
    )
    parser.add_argument(
        "--thumb",
        type=size_type(),
        default=DEFAULT_THUMB_BOX,
        metavar="WxH",
        help="box that thumbnails fit in (default: {}x{})".format(*DEFAULT_THUMB_BOX),
    )
    parser.add_argument(
        "--workers", type=_positive, help="parallel builds (default: number of CPUs)"
    )


def run(args: argparse.Namespace) -> int:
    from kiosk.content.imagerecord import image_record

    with image_record(image_checks_path(args.cache)) as record:
        return _prepare(args, record)


def _prepare(args: argparse.Namespace, record: ImageRecord) -> int:
    from kiosk.content.imagerecord import ImageChecks
    from kiosk.content.loader import load_content

    root: Path = args.dir
    # Building a rendition decodes the image in full, so decoding it first to check it
    # would be done twice (a third of the time on camera files): a broken one fails
    # its build instead, named in the summary, and every other image is still built.
    result = load_content(root, ImageChecks(record, decode_now=False))
    if result.content is None:
        for problem in result.errors:
            print(problem, file=sys.stderr)
        print(f"prepare: {root} has {len(result.errors)} error(s); nothing built", file=sys.stderr)
        return 1
    boxes = rendition_boxes(args.screen, args.thumb)
    cache = RenditionCache(args.cache if args.cache is not None else default_cache_dir(), boxes)
    cache.sweep_temporary()
    display = _ProgressLine(sys.stderr)
    summary = build_all(
        result.content.images(), None, cache, workers=args.workers, progress=display.update
    )
    display.finish()
    failed = {source.sha256 for source, _ in summary.failed}
    for ref in result.content.images():
        if ref.sha256 not in failed:  # built now or before, from these very bytes
            record.confirm(ref.sha256, ref.suffix)  # the kiosk's next start need not decode it
    _print_summary(summary, cache)
    return 0 if summary.ok else 1


class _ProgressLine:
    """One line rewritten in place on a terminal; occasional plain lines otherwise."""

    def __init__(self, stream: TextIO, interval_s: float = 2.0) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.interval_s = interval_s
        self.last = float("-inf")
        self.shown = False

    def update(self, done: int, total: int, ref: ImageSource, error: RenditionError | None) -> None:
        line = f"prepare: {done}/{total} images ... {ref.path.name}"
        if error is not None:
            self._clear()
            print(f"prepare: error: {error}", file=self.stream)
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


def _print_summary(summary: BuildSummary, cache: RenditionCache) -> None:
    print(
        f"prepare: {summary.total} images: {summary.built} built, {summary.cached} already "
        f"cached, {len(summary.failed)} failed in {summary.seconds:.1f} s (cache: {cache.root})"
    )
    for _ref, error in summary.failed:
        print(f"  failed: {error}")

"""``kiosk render``: draw any screen headless to a PNG, for curators and for tests."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.runtime.plural import plural

if TYPE_CHECKING:
    from kiosk.content.model import ContentSet

SCREENS = ("home", "exhibit", "gallery", "timeline", "map", "about", "attract", "still-there")
TEXT_SIZES = (100, 125, 150)  # kiosk.ui.appearance.TEXT_SCALES, without importing Qt here


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from kiosk.commands.args import add_exhibits_argument, add_size_argument

    add_exhibits_argument(parser)
    parser.add_argument(
        "--screen",
        choices=SCREENS,
        default="home",
        metavar="SCREEN",
        help=f"the screen to draw: {', '.join(SCREENS)} (default: home)",
    )
    parser.add_argument("--exhibit", help="exhibit id (exhibit and gallery screens)")
    parser.add_argument("--lang", help="language code (default: the site's default)")
    parser.add_argument(
        "--index",
        type=int,
        default=0,
        help="gallery image, timeline entry or place on the map (shown chosen), "
        "counted from 0 (default: 0)",
    )
    add_size_argument(parser, "--size", (1920, 1080), "screen size", largest=8000)
    parser.add_argument(
        "--text-size",
        type=int,
        choices=TEXT_SIZES,
        default=100,
        help="text size in percent, as a visitor sets it with the Aa button (default: 100)",
    )
    parser.add_argument("--contrast", action="store_true", help="high contrast, black on white")
    parser.add_argument("--cache", type=Path, help="rendition cache folder")
    parser.add_argument("-o", "--output", type=Path, required=True, help="PNG file to write")


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_QUICK_BACKEND"] = "software"
    from kiosk.commands.problems import load_or_report
    from kiosk.content.imagerecord import ImageChecks, image_record
    from kiosk.media.cache import image_checks_path

    with image_record(image_checks_path(args.cache)) as record:
        content = load_or_report("render", args.dir, ImageChecks(record), "nothing rendered")
    if isinstance(content, int):
        return content
    if args.lang and args.lang not in content.site.language_codes:
        codes = ", ".join(content.site.language_codes)
        print(f"render: unknown language {args.lang!r}; the site has {codes}", file=sys.stderr)
        return 2
    exhibit_id = args.exhibit or (content.exhibits[0].id if content.exhibits else "")
    if args.screen in ("exhibit", "gallery") and content.exhibit(exhibit_id) is None:
        known = ", ".join(e.id for e in content.exhibits)
        print(f"render: unknown exhibit {exhibit_id!r}; known: {known}", file=sys.stderr)
        return 2
    index_problem = _index_problem(content, args.screen, exhibit_id, args.index)
    if index_problem:
        print(f"render: {index_problem}", file=sys.stderr)
        return 2

    from kiosk.ui.session import open_screen

    image = open_screen(
        content,
        args.screen,
        exhibit_id,
        args.lang,
        args.index,
        args.size,
        args.cache,
        text_scale=args.text_size / 100,
        high_contrast=args.contrast,
    )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(args.output), "PNG"):  # type: ignore[call-overload]
        print(f"render: could not write {args.output}", file=sys.stderr)
        return 1
    print(f"render: {args.screen} {args.size[0]}x{args.size[1]} -> {args.output}")
    return 0


def _index_problem(content: ContentSet, screen: str, exhibit_id: str, index: int) -> str | None:
    """``--index`` outside what the screen has: the kiosk would quietly show another
    image (or none), so the curator would review the wrong picture."""
    if screen == "gallery":
        exhibit = content.exhibit(exhibit_id)
        count = len(exhibit.gallery) if exhibit is not None else 0
        where = f"exhibit {exhibit_id!r} has {plural(count, 'gallery image')}"
    elif screen == "timeline":
        count = len(content.timeline())
        where = f"the timeline has {plural(count, 'entry', 'entries')}"
    elif screen == "map":
        count = len(content.places)  # the place shown chosen, with its exhibits
        where = f"the map has {plural(count, 'place')}"
    else:
        return None
    if 0 <= index < count:
        return None
    if count == 0:
        return f"--index {index}: {where}"
    return f"--index {index} is out of range: {where} (--index 0 to {count - 1})"

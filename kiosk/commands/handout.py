"""``kiosk handout [DIR] --lang uz --out FILE.pdf``: a printable A4 handout.

The same content as the screens, in one language: a cover with the contents, each
exhibit on its own pages (pictures, text, key facts, captions and credits), the
timeline, the map (a site with places) and the sources. ``--talk NAME`` follows one
talk's steps; ``--notes`` adds the speaker notes as a script. Exit status: 0 written,
1 content errors or the file could not be written, 2 a wrong language or talk.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.runtime.plural import plural

if TYPE_CHECKING:
    from kiosk.content.model import ContentSet


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from kiosk.commands.args import add_exhibits_argument, talk_name

    add_exhibits_argument(parser)
    parser.add_argument("--lang", help="language code (default: the site's default)")
    parser.add_argument(
        "--talk",
        metavar="NAME",
        type=talk_name,
        help="follow one talk (talks/NAME.yaml; its file's name or path too)",
    )
    parser.add_argument(
        "--notes", action="store_true", help="add the speaker notes, as a script for the presenter"
    )
    parser.add_argument("--cache", type=Path, help="rendition cache folder")
    parser.add_argument("-o", "--out", type=Path, required=True, help="PDF file to write")


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.content.imagerecord import ImageChecks, image_record
    from kiosk.content.loader import load_content
    from kiosk.media.cache import image_checks_path

    with image_record(image_checks_path(args.cache)) as record:
        result = load_content(args.dir, ImageChecks(record))
    if result.content is None:
        for problem in result.errors:
            print(problem, file=sys.stderr)
        print(
            f"handout: {plural(len(result.errors), 'content error')}; nothing written",
            file=sys.stderr,
        )
        return 1
    content = result.content
    language = args.lang or content.site.default_language
    if language not in content.site.language_codes:
        codes = ", ".join(content.site.language_codes)
        print(f"handout: unknown language {language!r}; the site has {codes}", file=sys.stderr)
        return 2
    talk = None
    if args.talk is not None:
        talk = content.talks.get(args.talk)
        if talk is None:
            print(f"handout: {_no_talk(args.talk, content)}", file=sys.stderr)
            return 2

    from kiosk.media.cache import RenditionCache, default_cache_dir, rendition_boxes
    from kiosk.ui.handout import Options, application, write_handout

    cache = RenditionCache(args.cache or default_cache_dir(), rendition_boxes((1920, 1080)))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with application():
        written = write_handout(content, Options(language, talk, args.notes), args.out, cache)
    if not args.out.is_file() or args.out.stat().st_size == 0:
        print(f"handout: could not write {args.out}", file=sys.stderr)
        return 1
    print(f"handout: {plural(written.pages, 'page')} ({language}) -> {args.out}")
    return 0


def _no_talk(name: str, content: ContentSet) -> str:
    """Why ``--talk NAME`` names nothing: a talk left out for its errors says so."""
    from kiosk.content.talks import missing_talk

    why, errors = missing_talk(name, content)
    return "\n".join((f"{why}:" if errors else why, *(str(p) for p in errors)))

"""Which characters the kiosk's bundled fonts can draw, so validation can warn about
the rest (emoji, rare scripts) before a visitor sees an empty box.

The fonts are the ``fontpkg-noto-sans`` files the UI registers, found by
``kiosk.content.fonts`` for both. Their character maps are read with fontTools, which
costs about 0.1 s (import and parse), so the map is kept as a list of code-point
ranges in a small cache file keyed by each font file's path, size and modification
time; after the first run a load pays about a millisecond. The file is two lines of
text (the key, then the ranges in hexadecimal), read without ``json``: importing it
was 4 ms of every load that had nothing else to read with it (the first start's child
process). The parsed-content cache keeps the warnings with the content, so a kiosk
start answered from it never looks here.

Without the font package or fontTools, or with unreadable fonts, nothing is checked
(logged once): the UI then draws with the system's fonts anyway.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
from collections.abc import Iterable
from pathlib import Path

from kiosk.content.atomic import write_atomic
from kiosk.content.fonts import font_files
from kiosk.content.places import cache_root

log = logging.getLogger("kiosk.content")

CACHE_FORMAT = 2  # 2: text, not JSON
OLD_CACHE_NAME = "glyphs.json"  # format 1, removed when format 2 is written
# Never drawn as a glyph, so never a box: the line breaks and tabs visitor text may
# hold, the soft hyphen, zero-width and direction marks, word joiners, variation
# selectors (the "emoji style" U+FE0F after a character the font has) and the BOM.
_INVISIBLE: tuple[tuple[int, int], ...] = (
    (0x09, 0x0A),
    (0xAD, 0xAD),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x2064),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
)
MAX_LISTED = 5  # characters named in one warning; the rest are counted


def cache_file() -> Path:
    """Beside the kiosk's other caches (``kiosk.content.places``)."""
    return cache_root() / "glyphs.txt"


def _key(fonts: Iterable[Path]) -> str:
    parts = [str(CACHE_FORMAT)]
    for font in fonts:
        st = font.stat()
        parts.append(f"{font}\0{st.st_size}\0{st.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def to_ranges(points: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted code points as inclusive ``(first, last)`` runs."""
    ranges: list[tuple[int, int]] = []
    for point in sorted(set(points)):
        if ranges and point == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], point)
        else:
            ranges.append((point, point))
    return ranges


def _merged(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching runs joined (without walking every code point)."""
    merged: list[tuple[int, int]] = []
    for first, last in sorted(ranges):
        if merged and first <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def read_ranges(fonts: list[Path]) -> list[tuple[int, int]]:
    """Every code point any of ``fonts`` maps to a glyph, read with fontTools."""
    from fontTools.ttLib import TTFont

    points: set[int] = set()
    for font in fonts:
        with font.open("rb") as handle, TTFont(handle, lazy=True) as face:
            points.update(face.getBestCmap() or {})
    return to_ranges(points)


def drawable_ranges(fonts: list[Path], cache: Path | None) -> list[tuple[int, int]] | None:
    """The fonts' code-point ranges, from ``cache`` when it matches them; None when
    they cannot be read."""
    if not fonts:
        return None
    try:
        key = _key(fonts)
    except OSError as error:
        log.warning("bundled fonts unreadable (%s): characters are not checked", error)
        return None
    if cache is not None:
        try:
            cached = _read_cache(cache, key)
        except (OSError, ValueError):  # missing, damaged or not ASCII: read the fonts again
            cached = None
        if cached is not None:
            return cached
    try:
        ranges = read_ranges(fonts)
    except Exception as error:  # fontTools missing, or a damaged font file
        log.warning("bundled fonts unreadable (%s): characters are not checked", error)
        return None
    if cache is not None:
        data = f"{key}\n{' '.join(f'{a:x}-{b:x}' for a, b in ranges)}\n"
        try:
            write_atomic(cache, data.encode("ascii"), fsync=False)
            # the first format's file, which no version reads any more
            cache.with_name(OLD_CACHE_NAME).unlink(missing_ok=True)
        except OSError as error:  # only the next load is slower
            log.info("glyph cache %s not written (%s)", cache, error)
    return ranges


def _read_cache(cache: Path, key: str) -> list[tuple[int, int]] | None:
    """The ranges kept in ``cache`` if it was written for ``key`` (None: for other
    fonts). Raises ``OSError`` or ``ValueError``."""
    written_for, _, ranges = cache.read_text(encoding="ascii").partition("\n")
    if written_for != key:
        return None
    found = [tuple(int(end, 16) for end in part.split("-")) for part in ranges.split()]
    if not all(len(pair) == 2 and pair[0] <= pair[1] for pair in found):
        raise ValueError("not a list of ranges")
    return [(first, last) for first, last in found]


def undrawable_pattern(ranges: list[tuple[int, int]]) -> re.Pattern[str]:
    """A pattern matching any one character outside ``ranges`` (and not invisible)."""
    allowed = _merged([*ranges, *_INVISIBLE])
    parts = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in allowed
    )
    return re.compile(f"[^{parts}]")


@functools.cache
def _bundled_pattern() -> re.Pattern[str] | None:
    ranges = drawable_ranges(font_files(), cache_file())
    return None if ranges is None else undrawable_pattern(ranges)


def undrawable(text: str, pattern: re.Pattern[str] | None = None) -> list[str]:
    """The distinct characters of ``text`` the bundled fonts cannot draw, in order."""
    if text.isascii():  # every font the kiosk could ship has ASCII: the common case
        return []
    pattern = pattern if pattern is not None else _bundled_pattern()
    if pattern is None:
        return []
    return list(dict.fromkeys(pattern.findall(text)))


def describe(characters: list[str]) -> str:
    """``'😀' (U+1F600), ...``: the character as written and its code, for a curator."""
    named = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in characters[:MAX_LISTED])
    more = len(characters) - MAX_LISTED
    return f"{named} and {more} more" if more > 0 else named

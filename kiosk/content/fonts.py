"""The bundled font files: Noto Sans from the ``fontpkg-noto-sans`` package.

One place finds them, for the two that need them: the window registers them with Qt
(``kiosk.ui.app``), and validation reads their character maps (``kiosk.content.glyphs``).
Kept free of other imports: the window asks for them before its first frame.
"""

from __future__ import annotations

import os
from pathlib import Path

# upright only: nothing on screen is italic, and each file is 4 MB to parse. Told by
# the name's start and end: ``Path.glob`` made a regular expression of the pattern
# (0.7 ms before the first frame, and again in the process that checks the content).
FONT_PREFIX = "NotoSans["
FONT_SUFFIX = ".ttf"


def font_files() -> list[Path]:
    """The bundled font files in a stable order, or none when the package is missing."""
    try:
        from fontpkg_noto_sans import ROOT
    except ImportError:
        return []
    folder = Path(ROOT) / "files"
    try:
        names = os.listdir(folder)
    except OSError:  # as the glob it replaces: no folder, no fonts
        return []
    return sorted(
        folder / name
        for name in names
        if name.startswith(FONT_PREFIX) and name.endswith(FONT_SUFFIX)
    )

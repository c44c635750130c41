"""The bundled font files: Noto Sans from the ``fontpkg-noto-sans`` package.

One place finds them, for the two that need them: the window registers them with Qt
(``kiosk.ui.app``), and validation reads their character maps (``kiosk.content.glyphs``).
Kept free of other imports: the window asks for them before its first frame.
"""

from __future__ import annotations

from pathlib import Path

# upright only: nothing on screen is italic, and each file is 4 MB to parse
FONT_GLOB = "NotoSans[[]*.ttf"


def font_files() -> list[Path]:
    """The bundled font files in a stable order, or none when the package is missing."""
    try:
        from fontpkg_noto_sans import ROOT
    except ImportError:
        return []
    return sorted((Path(ROOT) / "files").glob(FONT_GLOB))

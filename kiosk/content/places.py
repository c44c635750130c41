"""Where the kiosk keeps what it can rebuild from the content: one per-user cache folder.

Renditions (``kiosk.media.cache``), the parsed-content cache, the fonts' character
maps (``kiosk.content.glyphs``) and PySide's compiled support code
(``kiosk.runtime.kept_code``) all live under it, so clearing it is always safe.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

APP_DIR_NAME = "friendship-kiosk"


def cache_root(environ: Mapping[str, str] | None = None) -> Path:
    """``$XDG_CACHE_HOME/friendship-kiosk``, else ``~/.cache/friendship-kiosk``."""
    env = os.environ if environ is None else environ
    base = env.get("XDG_CACHE_HOME")
    if base and Path(base).is_absolute():  # the XDG spec says: ignore relative values
        return Path(base) / APP_DIR_NAME
    return Path.home() / ".cache" / APP_DIR_NAME

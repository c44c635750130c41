"""Is there a screen for Qt to open a window on? Asked before Qt is loaded.

Without one, Qt's xcb platform aborts the process (a core dump) after a misleading
hint about ``libxcb-cursor0``; a technician starting ``kiosk`` over ssh deserves one
clear line instead. Imports nothing from Qt.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

X11_SOCKETS = Path("/tmp/.X11-unix")
HINT = (
    "start it in a desktop session, under a virtual screen (xvfb-run kiosk --windowed), "
    "or headless with --platform offscreen"
)


def display_problem(environ: Mapping[str, str], x11_sockets: Path = X11_SOCKETS) -> str | None:
    """Why no window can be opened here, in one line; ``None`` when one can (or may)."""
    platform = environ.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0].strip()
    if platform not in ("", "xcb") and not platform.startswith("wayland"):
        return None  # offscreen, eglfs, linuxfb...: no window system to ask about
    display = environ.get("DISPLAY", "")
    if platform in ("", "wayland", "wayland-egl") and environ.get("WAYLAND_DISPLAY"):
        return None
    if platform.startswith("wayland"):
        return f"no Wayland display to open a window on (WAYLAND_DISPLAY is not set): {HINT}"
    if not display:
        return f"no display to open a window on (DISPLAY is not set): {HINT}"
    local = re.fullmatch(r"(?:unix)?:(\d+)(?:\.\d+)?", display)
    if local and x11_sockets.is_dir() and not (x11_sockets / f"X{local.group(1)}").exists():
        return f"no X server is running on display {display}: {HINT}"
    return None

"""Where this machine keeps its own state: logs, settings, the analytics database.

Kept outside ``exhibits/`` on purpose: content is distributed to every kiosk
(git, rsync, Syncthing), while the PIN and the logs belong to one machine.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kiosk.content.atomic import write_atomic
from kiosk.content.places import APP_DIR_NAME

SETTINGS_FILE = "settings.json"
LOG_FILE = "kiosk.log"
ANALYTICS_FILE = "analytics.sqlite3"


def state_dir(environ: Mapping[str, str] | None = None) -> Path:
    """``$KIOSK_STATE_DIR``, else ``$XDG_STATE_HOME/friendship-kiosk``, else
    ``~/.local/state/friendship-kiosk``. Nothing is created here."""
    env = os.environ if environ is None else environ
    explicit = env.get("KIOSK_STATE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    xdg = env.get("XDG_STATE_HOME")
    if xdg and Path(xdg).is_absolute():  # the XDG spec says: ignore relative values
        return Path(xdg) / APP_DIR_NAME
    home = env.get("HOME")
    base = Path(home) if home else Path.home()
    return base / ".local" / "state" / APP_DIR_NAME


def ensure_state_dir(path: Path | None = None) -> Path:
    """Create the state folder (private to the kiosk user); raises ``OSError``."""
    folder = state_dir() if path is None else path
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def settings_path(folder: Path | None = None) -> Path:
    return (state_dir() if folder is None else folder) / SETTINGS_FILE


def analytics_path(folder: Path | None = None) -> Path:
    return (state_dir() if folder is None else folder) / ANALYTICS_FILE


def read_json(path: Path) -> dict[str, Any]:
    """The JSON object in ``path``; ``{}`` when the file does not exist.

    Raises ``OSError`` or ``ValueError`` (corrupt JSON, not an object): callers
    decide how to carry on.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    import json  # here: a windowed start reads no settings before its first frame

    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a JSON object, found {type(data).__name__}")
    return data


def write_json_atomic(path: Path, data: Mapping[str, Any], mode: int = 0o600) -> None:
    """Write ``data`` so that readers see the old file or the new one, never half.

    A temporary file in the same folder (created with ``mode``), flushed to disk,
    then renamed over the target; on any failure (a full disk) it is removed.
    """
    import json

    text = json.dumps(data, indent=2, sort_keys=True) + "\n"
    write_atomic(path, text.encode("utf-8"), mode=mode)

"""Image renditions: safe opening of curators' images, screen-sized copies cached on disk.

Pillow only, never Qt. The UI decodes renditions, never originals.
"""

import importlib
from typing import Any

# Names are imported on first use: the kiosk's start-up needs only the cache and the
# service, not the batch builder's process pool or the colour-management module.
_HOMES = {
    "BuildSummary": "batch",
    "build_all": "batch",
    "DEFAULT_SCREEN_BOX": "cache",
    "DEFAULT_THUMB_BOX": "cache",
    "ImageSource": "cache",
    "RenditionCache": "cache",
    "default_cache_dir": "cache",
    "screen_box": "cache",
    "PIPELINE_VERSION": "cache",
    "Encoded": "pipeline",
    "fit_within": "pipeline",
    "render": "pipeline",
    "BadImageError": "safe_open",
    "CacheWriteError": "safe_open",
    "RenditionError": "safe_open",
    "decode": "safe_open",
    "open_image": "safe_open",
    "read_original": "safe_open",
    "RenditionService": "service",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'kiosk.media' has no attribute {name!r}")
    return getattr(importlib.import_module(f"kiosk.media.{home}"), name)


__all__ = [
    "DEFAULT_SCREEN_BOX",
    "DEFAULT_THUMB_BOX",
    "PIPELINE_VERSION",
    "BadImageError",
    "BuildSummary",
    "CacheWriteError",
    "Encoded",
    "ImageSource",
    "RenditionCache",
    "RenditionError",
    "RenditionService",
    "build_all",
    "decode",
    "default_cache_dir",
    "fit_within",
    "open_image",
    "read_original",
    "render",
    "screen_box",
]

"""Image renditions: safe opening of curators' images, screen-sized copies cached on disk.

Pillow only, never Qt. The UI decodes renditions, never originals.
"""

from kiosk.media.batch import BuildSummary, build_all
from kiosk.media.cache import (
    DEFAULT_SCREEN_BOX,
    DEFAULT_THUMB_BOX,
    ImageSource,
    RenditionCache,
    default_cache_dir,
    screen_box,
)
from kiosk.media.pipeline import PIPELINE_VERSION, Encoded, fit_within, render
from kiosk.media.safe_open import (
    BadImageError,
    CacheWriteError,
    RenditionError,
    decode,
    open_image,
    read_original,
)
from kiosk.media.service import RenditionService

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

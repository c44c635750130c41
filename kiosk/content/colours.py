"""Contrast between two theme colours, as WCAG 2.2 measures it.

A curator choosing a pale grey for subtitles cannot see that a visitor with weak
sight will not read it; the site loader warns when a text colour of the theme falls
below 4.5:1 against a background it is drawn on. Pure Python: no Qt.
"""

from __future__ import annotations

BODY_TEXT = 4.5  # WCAG 2.2 AA for body text (large text needs 3:1)


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """Relative luminance of ``#RRGGBB``."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)


def contrast_ratio(a: str, b: str) -> float:
    """From 1 (the same colour) to 21 (black on white)."""
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)

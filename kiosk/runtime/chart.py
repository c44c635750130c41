"""One-image summary of a report, drawn with Pillow (no plotting library needed).

Four panels: exhibits by views, sessions per hour of day, sessions per day, and
language shares as one stacked bar. Text uses Noto Sans (from ``fontpkg_noto_sans``)
so exhibit titles in Cyrillic or Azerbaijani Latin render; Pillow's built-in font
is the fallback.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from kiosk.runtime.plural import plural
from kiosk.runtime.stats import Report

logger = logging.getLogger("kiosk.analytics")

PAPER = "#F6F1E7"
INK = "#1F2430"
MUTED = "#6B6559"
GRID = "#DDD5C4"
SERIES = ("#0099B5", "#1EB53A", "#CE1126", "#00B5E2", "#509E2F", "#EF3340", "#8A6D3B", "#5C5C8A")

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont
Box = tuple[float, float, float, float]


def _font_file() -> Path | None:
    try:
        from fontpkg_noto_sans import ROOT
    except ImportError:
        return None
    path = Path(ROOT) / "files" / "NotoSans[wdth,wght].ttf"
    return path if path.is_file() else None


@cache
def _font(size: int, bold: bool = False) -> Font:
    path = _font_file()
    if path is None:
        return ImageFont.load_default(size)
    font = ImageFont.truetype(str(path), size)
    with contextlib.suppress(OSError, ValueError):  # no variation support: default weight
        axes = font.get_variation_axes()
        font.set_variation_by_axes(
            [
                (650 if bold else 400) if a["name"] in (b"Weight", "Weight") else a["default"] or 0
                for a in axes
            ]
        )
    return font


def _fit(draw: ImageDraw.ImageDraw, text: str, font: Font, width: float) -> str:
    """The text, shortened with an ellipsis to fit ``width`` pixels."""
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text + "…"


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes} min {secs:02d} s" if minutes else f"{secs} s"


class _Canvas:
    def __init__(self, size: tuple[int, int]) -> None:
        self.image = Image.new("RGB", size, PAPER)
        self.draw = ImageDraw.Draw(self.image)
        self.scale = min(size[0] / 1600, size[1] / 1000)

    def px(self, value: float) -> int:
        return max(1, round(value * self.scale))

    def text(self, xy: tuple[float, float], text: str, size: float, **kw: object) -> None:
        font = _font(self.px(size), bool(kw.pop("bold", False)))
        self.draw.text(xy, text, font=font, fill=kw.pop("fill", INK), **kw)  # type: ignore[arg-type]

    def panel(self, box: Box, title: str) -> Box:
        """Draw a titled panel; returns the box left for the figure."""
        x0, y0, x1, y1 = box
        self.text((x0, y0), title, 26, bold=True)
        top = y0 + self.px(44)
        self.draw.line((x0, top - self.px(8), x1, top - self.px(8)), fill=GRID, width=self.px(2))
        return (x0, top, x1, y1)

    def empty(self, box: Box) -> None:
        x0, y0, x1, y1 = box
        self.text(((x0 + x1) / 2, (y0 + y1) / 2), "no data", 22, fill=MUTED, anchor="mm")


def _exhibits(c: _Canvas, box: Box, report: Report, labels: Mapping[str, str]) -> None:
    inner = c.panel(box, "Exhibits by views")
    exhibits = [e for e in report.exhibits if e.views]
    if not exhibits:
        return c.empty(inner)
    x0, y0, x1, y1 = inner
    row = c.px(40)
    exhibits = exhibits[: max(1, int((y1 - y0) // row))]
    label_w = (x1 - x0) * 0.38
    font = _font(c.px(20))
    top = max(e.views for e in exhibits)
    bar_x0, bar_x1 = x0 + label_w + c.px(12), x1 - c.px(60)
    for i, e in enumerate(exhibits):
        y = y0 + i * row
        label = _fit(c.draw, labels.get(e.exhibit_id, e.exhibit_id), font, label_w)
        c.text((x0, y + row / 2), label, 20, anchor="lm")
        end = bar_x0 + (bar_x1 - bar_x0) * e.views / top
        c.draw.rectangle((bar_x0, y + row * 0.18, end, y + row * 0.82), fill=SERIES[0])
        c.text((end + c.px(8), y + row / 2), str(e.views), 20, anchor="lm")


def _columns(
    c: _Canvas, box: Box, values: list[int], names: list[str], every: int, color: str
) -> None:
    x0, y0, x1, y1 = box
    if not values or not any(values):
        return c.empty(box)
    base = y1 - c.px(32)
    top = max(values)
    step = (x1 - x0) / len(values)
    c.draw.line((x0, base, x1, base), fill=MUTED, width=c.px(2))
    for i, value in enumerate(values):
        left = x0 + i * step + step * 0.15
        height = (base - y0 - c.px(28)) * value / top
        if value:
            c.draw.rectangle((left, base - height, left + step * 0.7, base), fill=color)
        if value == top:
            c.text((left + step * 0.35, base - height - c.px(4)), str(value), 18, anchor="md")
        if i % every == 0:
            c.text((left + step * 0.35, base + c.px(6)), names[i], 18, fill=MUTED, anchor="ma")


def _languages(c: _Canvas, box: Box, report: Report) -> None:
    inner = c.panel(box, "Languages (share of sessions)")
    if not report.languages:
        return c.empty(inner)
    x0, y0, x1, _ = inner
    bar_h = c.px(56)
    left = x0
    for i, lang in enumerate(report.languages):
        right = left + (x1 - x0) * lang.share
        color = SERIES[i % len(SERIES)]
        c.draw.rectangle((left, y0, right, y0 + bar_h), fill=color)
        if right - left > c.px(70):
            c.text(
                ((left + right) / 2, y0 + bar_h / 2), lang.language, 22, fill="white", anchor="mm"
            )
        left = right
    legend_y = y0 + bar_h + c.px(24)
    column = (x1 - x0) / 2
    for i, lang in enumerate(report.languages):
        lx = x0 + (i % 2) * column
        ly = legend_y + (i // 2) * c.px(34)
        c.draw.rectangle((lx, ly, lx + c.px(22), ly + c.px(22)), fill=SERIES[i % len(SERIES)])
        text = f"{lang.language}  {lang.share * 100:.1f}%  ({plural(lang.sessions, 'session')})"
        c.text((lx + c.px(32), ly + c.px(11)), text, 20, anchor="lm")


def render_chart(
    report: Report,
    out_path: Path | str,
    size: tuple[int, int] = (1600, 1000),
    labels: Mapping[str, str] | None = None,
) -> Path:
    """Draw the report to a PNG at ``out_path``; ``labels`` maps exhibit ids to titles."""
    c = _Canvas(size)
    width, height = size
    margin = c.px(48)
    first = report.since or report.first_day or "-"
    last = report.until or report.last_day or "-"
    c.text((margin, margin * 0.6), f"Visitor analytics  {first} – {last}", 40, bold=True)
    kiosks = ", ".join(report.kiosk_ids) or "-"
    summary = (
        f"Kiosks: {kiosks}    Sessions: {report.sessions}    "
        f"median length {_duration(report.median_session_s)},  "
        f"90th percentile {_duration(report.p90_session_s)}"
    )
    c.text(
        (margin, margin * 0.6 + c.px(58)),
        _fit(c.draw, summary, _font(c.px(22)), width - 2 * margin),
        22,
        fill=MUTED,
    )
    top = margin * 0.6 + c.px(120)
    gap = c.px(56)
    mid_x = width / 2
    mid_y = top + (height - top - margin) * 0.55
    _exhibits(c, (margin, top, mid_x - gap / 2, mid_y - gap / 2), report, labels or {})
    hours = c.panel(
        (mid_x + gap / 2, top, width - margin, mid_y - gap / 2), "Sessions by hour of day"
    )
    _columns(
        c, hours, list(report.sessions_per_hour), [f"{h:02d}" for h in range(24)], 3, SERIES[1]
    )
    days = c.panel((margin, mid_y + gap / 2, mid_x - gap / 2, height - margin), "Sessions per day")
    names = [d[5:] for d in report.sessions_per_day]  # MM-DD
    _columns(
        c, days, list(report.sessions_per_day.values()), names, max(1, len(names) // 6), SERIES[3]
    )
    _languages(c, (mid_x + gap / 2, mid_y + gap / 2, width - margin, height - margin), report)
    out = Path(out_path)
    c.image.save(out, format="PNG")
    return out

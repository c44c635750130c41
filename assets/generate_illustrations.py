"""Regenerate every bundled exhibit illustration (Pillow only, deterministic).

No photographs of the museum, the school or the events are bundled, so the
exhibits use calm geometric illustrations instead: the two national flags drawn
from their legal construction rules, ornamental star tilings and rosettes, and
abstract compositions (block shapes, timeline and calendar motifs, linked rings).
Nothing here depicts a real building or person.

Run from the repository root::

    .venv/bin/python assets/generate_illustrations.py

Every image is drawn at a multiple of its final size and reduced for
anti-aliasing. Random choices use fixed seeds, so the output is the same each run.
A few images are rendered at camera size (4800 x 3200) so that the kiosk's
rendition pipeline has real work to do.
"""

from __future__ import annotations

import math
import random
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
EXHIBITS = ROOT / "exhibits"

Point = tuple[float, float]
RGB = tuple[int, int, int]

# --- palette ---------------------------------------------------------------------


def hex_rgb(value: str) -> RGB:
    value = value.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


PAPER = hex_rgb("#F7F3EA")
PAPER_DEEP = hex_rgb("#EDE4D3")
SAND = hex_rgb("#E4D6BC")
OCHRE = hex_rgb("#B89A5E")
INK = hex_rgb("#1D2430")
WHITE = (255, 255, 255)

UZ_BLUE = hex_rgb("#0099B5")
UZ_GREEN = hex_rgb("#1EB53A")
UZ_RED = hex_rgb("#CE1126")
AZ_BLUE = hex_rgb("#00B5E2")
AZ_RED = hex_rgb("#EF3340")
AZ_GREEN = hex_rgb("#509E2F")


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """``a`` moved toward ``b`` by ``t`` (0 = a, 1 = b)."""
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


def tint(colour: RGB, t: float) -> RGB:
    """``colour`` softened toward paper (t = 0 keeps it, 1 is paper)."""
    return mix(colour, PAPER, t)


UZ = (UZ_BLUE, UZ_GREEN, UZ_RED)
AZ = (AZ_BLUE, AZ_RED, AZ_GREEN)

# --- geometry --------------------------------------------------------------------


def polar(cx: float, cy: float, r: float, angle: float) -> Point:
    return (cx + r * math.cos(angle), cy + r * math.sin(angle))


def star_points(
    cx: float, cy: float, outer: float, inner: float, n: int, rotation: float = -math.pi / 2
) -> list[Point]:
    """A star with ``n`` points, the first pointing at ``rotation`` (default: up)."""
    pts = []
    for i in range(2 * n):
        r = outer if i % 2 == 0 else inner
        pts.append(polar(cx, cy, r, rotation + i * math.pi / n))
    return pts


def regular_star_inner(outer: float, n: int, skip: int) -> float:
    """Inner radius of the regular star polygon {n/skip}."""
    return outer * math.cos(math.pi * skip / n) / math.cos(math.pi * (skip - 1) / n)


# --- canvas ----------------------------------------------------------------------


class Canvas:
    """An RGB image drawn in final-pixel coordinates at ``ss`` times the size."""

    def __init__(self, width: int, height: int, ss: int = 2, background: RGB = PAPER):
        self.width, self.height, self.ss = width, height, ss
        self.img = Image.new("RGB", (width * ss, height * ss), background)
        self.draw = ImageDraw.Draw(self.img)

    def _p(self, pts: Iterable[Point]) -> list[Point]:
        s = self.ss
        return [(x * s, y * s) for x, y in pts]

    def _w(self, width: float) -> int:
        return max(1, round(width * self.ss)) if width else 0

    def polygon(
        self,
        pts: Sequence[Point],
        fill: RGB | None = None,
        outline: RGB | None = None,
        width: float = 0,
    ) -> None:
        self.draw.polygon(
            self._p(pts),
            fill=fill,
            outline=outline if width else None,
            width=self._w(width) if width else 1,
        )

    def circle(
        self,
        cx: float,
        cy: float,
        r: float,
        fill: RGB | None = None,
        outline: RGB | None = None,
        width: float = 0,
    ) -> None:
        s = self.ss
        self.draw.ellipse(
            (s * (cx - r), s * (cy - r), s * (cx + r), s * (cy + r)),
            fill=fill,
            outline=outline if width else None,
            width=self._w(width) if width else 1,
        )

    def rect(
        self, x0: float, y0: float, x1: float, y1: float, fill: RGB, radius: float = 0
    ) -> None:
        s = self.ss
        box = (s * x0, s * y0, s * x1 - 1, s * y1 - 1)
        if radius:
            self.draw.rounded_rectangle(box, radius=radius * s, fill=fill)
        else:
            self.draw.rectangle(box, fill=fill)

    def line(self, pts: Sequence[Point], fill: RGB, width: float) -> None:
        self.draw.line(self._p(pts), fill=fill, width=self._w(width), joint="curve")

    def arc(
        self, cx: float, cy: float, r: float, start: float, end: float, fill: RGB, width: float
    ) -> None:
        """An arc band whose outer edge is at ``r``; angles in degrees, clockwise."""
        s = self.ss
        self.draw.arc(
            (s * (cx - r), s * (cy - r), s * (cx + r), s * (cy + r)),
            start,
            end,
            fill=fill,
            width=self._w(width),
        )

    def result(self) -> Image.Image:
        return self.img.reduce(self.ss) if self.ss > 1 else self.img


def paper_background(
    canvas: Canvas, top: RGB = PAPER, bottom: RGB = PAPER_DEEP, vignette: float = 0.35
) -> None:
    """A smooth vertical paper gradient with a soft vignette (no noise: it compresses)."""
    size = canvas.img.size
    ramp = Image.linear_gradient("L").resize(size, Image.Resampling.BICUBIC)
    base = Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), ramp)
    if vignette:
        radial = Image.radial_gradient("L").resize(size, Image.Resampling.BICUBIC)
        radial = radial.point(lambda v: round(min(255, v * 1.25) * vignette))
        base = Image.composite(Image.new("RGB", size, mix(bottom, OCHRE, 0.25)), base, radial)
    canvas.img.paste(base)


# --- ornaments -------------------------------------------------------------------


def eight_star(
    c: Canvas,
    cx: float,
    cy: float,
    r: float,
    fill: RGB,
    outline: RGB | None = None,
    width: float = 0,
    rotation: float = -math.pi / 2,
) -> None:
    """An eight-pointed star made of two overlapping squares ({8/2})."""
    c.polygon(
        star_points(cx, cy, r, regular_star_inner(r, 8, 2), 8, rotation), fill, outline, width
    )


def five_star(c: Canvas, cx: float, cy: float, r: float, fill: RGB) -> None:
    c.polygon(star_points(cx, cy, r, regular_star_inner(r, 5, 2), 5), fill)


def star_and_cross_field(
    c: Canvas,
    x0: float,
    y0: float,
    x1: float,
    y1: float,
    a: float,
    colours: Sequence[RGB],
    strap: RGB,
    strap_width: float,
) -> None:
    """A lattice of eight-pointed stars; the gaps between them read as crosses."""
    r = a * 0.5
    inner = regular_star_inner(r, 8, 2)
    cols = int((x1 - x0) / a) + 2
    rows = int((y1 - y0) / a) + 2
    for j in range(-1, rows):
        for i in range(-1, cols):
            cx, cy = x0 + i * a, y0 + j * a
            colour = colours[(i + j) % len(colours)]
            pts = star_points(cx, cy, r, inner, 8, -math.pi / 2)
            c.polygon(pts, colour, strap, strap_width)
            # a small eight-pointed star in the cross between four stars
            c.polygon(
                star_points(
                    cx + a / 2,
                    cy + a / 2,
                    a * 0.16,
                    regular_star_inner(a * 0.16, 8, 3),
                    8,
                    -math.pi / 8,
                ),
                strap,
            )


def rosette(
    c: Canvas,
    cx: float,
    cy: float,
    radius: float,
    n: int,
    colours: Sequence[RGB],
    strap: RGB,
    ground: RGB,
    rotation: float = -math.pi / 2,
    strap_width: float | None = None,
) -> None:
    """A layered n-fold tile rosette: star, petals, kites, a ring of beads."""
    sw = strap_width if strap_width is not None else radius * 0.018
    c1, c2, c3 = colours[0], colours[1], colours[2]
    step = 2 * math.pi / n
    r_star, r_valley = radius * 0.40, radius * 0.27
    r_mid, r_petal, r_kite = radius * 0.57, radius * 0.74, radius * 0.84

    c.circle(cx, cy, radius, ground, strap, sw * 1.4)
    c.circle(cx, cy, radius * 0.93, tint(c1, 0.82), strap, sw)
    for k in range(n):
        t = rotation + k * step
        # kite on the axis of each star tip
        kite = [
            polar(cx, cy, r_star, t),
            polar(cx, cy, r_mid, t + step / 4),
            polar(cx, cy, r_kite, t),
            polar(cx, cy, r_mid, t - step / 4),
        ]
        c.polygon(kite, c2, strap, sw)
        # petal in each valley of the star
        petal = [
            polar(cx, cy, r_star, t),
            polar(cx, cy, r_mid, t + step / 4),
            polar(cx, cy, r_petal, t + step / 2),
            polar(cx, cy, r_mid, t + 3 * step / 4),
            polar(cx, cy, r_star, t + step),
            polar(cx, cy, r_valley, t + step / 2),
        ]
        c.polygon(petal, tint(c3, 0.15), strap, sw)
        # bead ring
        bx, by = polar(cx, cy, radius * 0.885, t + step / 2)
        c.circle(bx, by, radius * 0.035, strap)
    c.polygon(star_points(cx, cy, r_star, r_valley, n, rotation), c1, strap, sw)
    inner_n = n // 2 if n >= 12 else n
    c.polygon(
        star_points(cx, cy, r_valley * 0.78, r_valley * 0.5, inner_n, rotation + step / 2),
        tint(c1, 0.7),
        strap,
        sw,
    )
    c.circle(cx, cy, r_valley * 0.24, strap)


# --- flags -----------------------------------------------------------------------


def uzbek_crescent_offset() -> float:
    """Horizontal distance between the two crescent circles of the Uzbek flag.

    The flag law (250 x 125 units) gives the outer circle (diameter 30, 20 from
    the hoist) and says the lower row of stars is 3.5 from the lower end of the
    crescent; it leaves the inner arc open. As on the Wikimedia construction
    sheet, the inner radius is taken equal to the outer one, and the offset is
    solved so that the lower horn is 3.5 from the first star of the lower row.
    """
    star_x, star_y, star_r = 44.0, 32.0, 3.0
    lo, hi = 1.0, 15.0
    for _ in range(60):
        d = (lo + hi) / 2
        horn = (35 + d / 2, 20 + math.sqrt(15**2 - (d / 2) ** 2))
        gap = math.dist(horn, (star_x, star_y)) - star_r
        # a larger offset moves the horn right and up, toward the star
        if gap < 3.5:
            hi = d
        else:
            lo = d
    return (lo + hi) / 2


def draw_uzbek_flag(c: Canvas, x: float, y: float, height: float) -> None:
    """The flag of Uzbekistan, 1:2, from the construction given in its flag law."""
    u = height / 125.0  # the law's flag is 250 x 125 cm

    def R(x0: float, y0: float, x1: float, y1: float, colour: RGB) -> None:
        c.rect(x + x0 * u, y + y0 * u, x + x1 * u, y + y1 * u, colour)

    R(0, 0, 250, 40, UZ_BLUE)
    R(0, 40, 250, 42.5, UZ_RED)
    R(0, 42.5, 250, 82.5, WHITE)
    R(0, 82.5, 250, 85, UZ_RED)
    R(0, 85, 250, 125, UZ_GREEN)
    d = uzbek_crescent_offset()
    c.circle(x + 35 * u, y + 20 * u, 15 * u, WHITE)
    c.circle(x + (35 + d) * u, y + 20 * u, 15 * u, UZ_BLUE)
    rows = ((8, 3), (20, 4), (32, 5))  # centre height, number of stars (right-aligned)
    for cy, count in rows:
        for k in range(count):
            five_star(c, x + (92 - 12 * k) * u, y + cy * u, 3 * u, WHITE)


def draw_azerbaijan_flag(c: Canvas, x: float, y: float, height: float) -> None:
    """The flag of Azerbaijan, 1:2, from the construction given in its flag law."""
    h = height
    c.rect(x, y, x + 2 * h, y + h / 3, AZ_BLUE)
    c.rect(x, y + h / 3, x + 2 * h, y + 2 * h / 3, AZ_RED)
    c.rect(x, y + 2 * h / 3, x + 2 * h, y + h, AZ_GREEN)
    cx, cy = x + h, y + h / 2
    # emblem rectangle 0.4h x 0.3h (3:4, diagonal h/2) centred on the flag
    c.circle(cx - 0.05 * h, cy, 0.15 * h, WHITE)  # outer circle: diameter 0.3h
    c.circle(cx - h / 60, cy, 0.125 * h, AZ_RED)  # inner circle: diameter h/4
    star_cx = cx + 0.2 * h - h / 12
    c.polygon(star_points(star_cx, cy, h / 12, h / 24, 8, -math.pi / 2), WHITE)


def flag_png(
    draw_flag: Callable[[Canvas, float, float, float], None], path: Path, height: int = 750
) -> None:
    c = Canvas(2 * height, height, ss=4)
    draw_flag(c, 0, 0, height)
    save(c.result(), path)


def flags_pair(path: Path, width: int = 2400, height: int = 1400) -> None:
    """Both flags side by side on paper, each with a soft shadow."""
    ss = 3
    c = Canvas(width, height, ss)
    paper_background(c, vignette=0.25)
    fh = height * 0.30
    gap = width * 0.06
    fw = 2 * fh
    total = 2 * fw + gap
    x0 = (width - total) / 2
    y0 = (height - fh) / 2 - height * 0.02
    for i, drawer in enumerate((draw_uzbek_flag, draw_azerbaijan_flag)):
        fx = x0 + i * (fw + gap)
        soft_shadow(c, fx, y0, fx + fw, y0 + fh, blur_px=height * 0.02)
        drawer(c, fx, y0, fh)
    # an ornamental rule beneath
    ry = y0 + fh + height * 0.14
    c.line([(x0, ry), (x0 + total, ry)], OCHRE, 2.5)
    for k in range(9):
        eight_star(c, x0 + total * k / 8, ry, height * 0.012, OCHRE)
    save(c.result(), path)


def soft_shadow(c: Canvas, x0: float, y0: float, x1: float, y1: float, blur_px: float) -> None:
    """A blurred shadow under a rectangle (computed on a small, cheap mask)."""
    from PIL import ImageFilter

    s = c.ss
    pad = int(blur_px * 3)
    w, h = int((x1 - x0) + 2 * pad), int((y1 - y0) + 2 * pad)
    small = 4
    mask = Image.new("L", (max(1, w // small), max(1, h // small)), 0)
    md = ImageDraw.Draw(mask)
    md.rectangle(
        (
            pad // small,
            pad // small + blur_px * 0.3 / small,
            (w - pad) // small,
            (h - pad) // small + blur_px * 0.6 / small,
        ),
        fill=70,
    )
    mask = mask.filter(ImageFilter.GaussianBlur(blur_px / small))
    mask = mask.resize((w * s, h * s), Image.Resampling.BICUBIC)
    shade = Image.new("RGB", mask.size, mix(INK, PAPER_DEEP, 0.3))
    c.img.paste(shade, (int((x0 - pad) * s), int((y0 - pad) * s)), mask)


# --- compositions ----------------------------------------------------------------


def linked_rings(path: Path, width: int = 1920, height: int = 1280) -> None:
    """Friendship: two linked rings over a quiet lattice, each woven of its flag's
    three bands (Uzbekistan: blue, white, green with thin red lines; Azerbaijan:
    blue, red, green). No stars ride on the rings: a ring of stars on blue reads as
    the flag of the European Union."""
    ss = 2
    c = Canvas(width, height, ss)
    paper_background(c)
    star_and_cross_field(
        c, 0, 0, width, height, 160, (tint(SAND, 0.35), tint(SAND, 0.55)), tint(SAND, 0.8), 3
    )
    # veil the lattice toward the middle so the rings stay calm
    size = c.img.size
    veil = Image.radial_gradient("L").resize(size, Image.Resampling.BICUBIC)
    veil = veil.point(lambda v: max(0, 235 - v * 2))
    c.img.paste(Image.new("RGB", size, PAPER), (0, 0), veil)

    cy = height / 2
    r_out, band = height * 0.30, height * 0.10
    centres = (width / 2 - r_out * 0.62, width / 2 + r_out * 0.62)
    edge = mix(INK, PAPER, 0.45)

    def ring_layer(cx: float, bands: tuple[RGB, RGB, RGB], divider: RGB | None) -> Image.Image:
        layer = Canvas(width, height, ss, (0, 0, 0))
        layer.img = Image.new("RGBA", c.img.size, (0, 0, 0, 0))
        layer.draw = ImageDraw.Draw(layer.img)
        step = band / 3
        for k, colour in enumerate(bands):
            layer.circle(cx, cy, r_out - k * step, colour)
        layer.circle(cx, cy, r_out - band, (0, 0, 0, 0))  # type: ignore[arg-type]
        if divider is not None:
            for k in (1, 2):
                layer.circle(cx, cy, r_out - k * step, None, divider, 4)
        layer.circle(cx, cy, r_out, None, edge, 3)
        layer.circle(cx, cy, r_out - band, None, edge, 3)
        return layer.img

    left = ring_layer(centres[0], (UZ_BLUE, WHITE, UZ_GREEN), UZ_RED)
    right = ring_layer(centres[1], (AZ_BLUE, AZ_RED, AZ_GREEN), None)
    for layer in (left, right):
        shadow = layer.getchannel("A").point(lambda v: v * 0.18)
        shadow = shadow.transform(
            shadow.size, Image.Transform.AFFINE, (1, 0, -6 * ss, 0, 1, -10 * ss)
        )
        c.img.paste(Image.new("RGB", c.img.size, INK), (0, 0), shadow)
    c.img.paste(left, (0, 0), left)
    c.img.paste(right, (0, 0), right)
    # over-under: the left ring passes over the right one at the top crossing
    wedge = Image.new("L", c.img.size, 0)
    wd = ImageDraw.Draw(wedge)
    mx = width / 2 * ss
    wd.rectangle((mx - band * 1.6 * ss, 0, mx + band * 1.6 * ss, cy * ss), fill=255)
    wedge = ImageChops.multiply(wedge, left.getchannel("A"))
    c.img.paste(left.convert("RGB"), (0, 0), wedge)
    # two small green accents, one per flag
    for cx, colour in zip(centres, (UZ_GREEN, AZ_GREEN), strict=True):
        rosette(
            c,
            cx,
            cy,
            (r_out - band) * 0.42,
            12,
            (colour, tint(colour, 0.45), tint(colour, 0.25)),
            PAPER,
            tint(colour, 0.85),
        )
    save(c.result(), path)


def big_rosette(path: Path, width: int, height: int, ss: int = 2) -> None:
    """A large 16-fold rosette in both flags' colours over a star-and-cross field."""
    c = Canvas(width, height, ss)
    paper_background(c)
    u = width / 1920
    star_and_cross_field(
        c,
        0,
        0,
        width,
        height,
        200 * u,
        (tint(AZ_BLUE, 0.8), tint(UZ_GREEN, 0.82), tint(AZ_RED, 0.84), tint(UZ_BLUE, 0.8)),
        PAPER,
        5 * u,
    )
    cx, cy, r = width / 2, height / 2, height * 0.40
    c.circle(cx, cy, r * 1.08, PAPER, tint(OCHRE, 0.3), 4 * u)
    rosette(c, cx, cy, r, 16, (UZ_BLUE, AZ_RED, AZ_BLUE), PAPER, tint(UZ_GREEN, 0.7))
    c.circle(cx, cy, r * 1.04, None, tint(OCHRE, 0.4), 2 * u)
    save(c.result(), path, quality=85)


def school_blocks(path: Path, width: int = 1920, height: int = 1280) -> None:
    """An abstract school: stacked blocks and window grids, not a likeness of a building."""
    c = Canvas(width, height, 2)
    paper_background(c, top=mix(PAPER, AZ_BLUE, 0.08), vignette=0.2)
    # a large soft sun disc
    c.circle(width * 0.74, height * 0.30, height * 0.17, tint(OCHRE, 0.75))
    c.circle(width * 0.74, height * 0.30, height * 0.12, tint(OCHRE, 0.55))
    ground = height * 0.80
    c.rect(0, ground, width, height, tint(AZ_GREEN, 0.55))
    c.rect(0, ground, width, ground + 10, tint(AZ_GREEN, 0.35))
    blocks = [  # x0, x1, top, colour
        (width * 0.14, width * 0.44, height * 0.46, mix(SAND, PAPER, 0.1)),
        (width * 0.40, width * 0.62, height * 0.34, mix(SAND, OCHRE, 0.22)),
        (width * 0.58, width * 0.88, height * 0.50, mix(SAND, PAPER, 0.25)),
    ]
    for x0, x1, top, colour in blocks:
        c.rect(x0 + 14, top + 14, x1 + 14, ground, mix(INK, PAPER_DEEP, 0.75))
        c.rect(x0, top, x1, ground, colour)
        c.rect(x0 - 10, top - 18, x1 + 10, top, mix(colour, INK, 0.18))
        cols = max(3, int((x1 - x0) / 70))
        rows = max(2, int((ground - top - 120) / 95))
        cw = (x1 - x0) / cols
        for j in range(rows):
            for i in range(cols):
                wx = x0 + i * cw + cw * 0.22
                wy = top + 50 + j * 95
                glass = tint(AZ_BLUE if (i + j) % 3 else UZ_BLUE, 0.35)
                c.rect(wx, wy, wx + cw * 0.56, wy + 56, glass, radius=4)
    # a doorway and a band of eight-pointed stars over the central block
    x0, x1, top = blocks[1][0], blocks[1][1], blocks[1][2]
    mid = (x0 + x1) / 2
    c.rect(mid - 60, ground - 150, mid + 60, ground, mix(UZ_BLUE, INK, 0.25), radius=8)
    for k in range(5):
        eight_star(c, x0 + (x1 - x0) * (k + 0.5) / 5, top + 28, 16, WHITE)
    # three stylised trees
    for tx, s in ((width * 0.07, 1.0), (width * 0.93, 1.15), (width * 0.965, 0.8)):
        c.rect(tx - 6 * s, ground - 90 * s, tx + 6 * s, ground, mix(OCHRE, INK, 0.3))
        c.circle(tx, ground - 130 * s, 62 * s, tint(UZ_GREEN, 0.3))
    # a path of tiles toward the door
    for k in range(6):
        w = 40 + k * 22
        yy = ground + 18 + k * 38
        c.rect(mid - w, yy, mid + w, yy + 22, tint(SAND, 0.2), radius=6)
    save(c.result(), path)


def places_grid(path: Path, width: int, height: int, count: int = 960, ss: int = 2) -> None:
    """One small star for each of the 960 places: 40 columns by 24 rows."""
    c = Canvas(width, height, ss)
    paper_background(c, vignette=0.18)
    cols, rows = 40, 24
    assert cols * rows == count
    margin_x, margin_y = width * 0.08, height * 0.1
    cw = (width - 2 * margin_x) / cols
    ch = (height - 2 * margin_y) / rows
    r = min(cw, ch) * 0.36
    stops = [UZ_BLUE, UZ_GREEN, AZ_GREEN, AZ_BLUE]
    for j in range(rows):
        for i in range(cols):
            t = (i / (cols - 1)) * 0.8 + (j / (rows - 1)) * 0.2
            seg = min(len(stops) - 2, int(t * (len(stops) - 1)))
            local = t * (len(stops) - 1) - seg
            colour = mix(stops[seg], stops[seg + 1], local)
            x = margin_x + (i + 0.5) * cw
            y = margin_y + (j + 0.5) * ch
            c.circle(x, y, r, tint(colour, 0.55))
            eight_star(c, x, y, r * 0.62, colour)
    save(c.result(), path, quality=85)


def tile_panel(
    path: Path,
    palette: Sequence[RGB],
    width: int = 1920,
    height: int = 1280,
    tile: float = 170,
    ss: int = 2,
    quality: int = 88,
) -> None:
    """A tiled panel of eight-pointed stars with a plain frame.

    Only the eight-pointed star the other pictures use: a six-pointed star can be
    read as a religious symbol, and nothing in the exhibits is about religion.
    ``tile`` is the star spacing at 1920 px wide, so two panels can differ."""
    c = Canvas(width, height, ss)
    paper_background(c, vignette=0.2)
    u = width / 1920
    m = 90 * u
    star_and_cross_field(
        c, m, m, width - m, height - m, tile * u, [tint(p, 0.42) for p in palette], PAPER, 6 * u
    )
    # frame: cover the overflow, then a double rule
    c.rect(0, 0, width, m, PAPER)
    c.rect(0, height - m, width, height, PAPER)
    c.rect(0, 0, m, height, PAPER)
    c.rect(width - m, 0, width, height, PAPER)
    for inset, w in ((m, 6 * u), (m - 22 * u, 2 * u)):
        c.polygon(
            [
                (inset, inset),
                (width - inset, inset),
                (width - inset, height - inset),
                (inset, height - inset),
            ],
            None,
            OCHRE,
            w,
        )
    save(c.result(), path, quality=quality)


def medallions_joined(path: Path, width: int = 1920, height: int = 1280) -> None:
    """Culture days: two medallions, one in each flag's colours, joined by arcs."""
    c = Canvas(width, height, 2)
    paper_background(c)
    cy = height * 0.52
    r = height * 0.22
    left, right = width * 0.26, width * 0.74
    # arcs (exchange in both directions) drawn as dotted paths of small stars
    for lift, colour in ((0.36, UZ_BLUE), (0.27, AZ_BLUE), (-0.27, UZ_GREEN), (-0.36, AZ_GREEN)):
        span = right - left
        steps = 40
        for s in range(1, steps):
            t = s / steps
            x = left + span * t
            y = cy - math.sin(math.pi * t) * height * lift
            clear = r * 1.25
            if math.dist((x, y), (left, cy)) < clear or math.dist((x, y), (right, cy)) < clear:
                continue
            size = 9 if s % 2 else 5
            c.circle(x, y, size, tint(colour, 0.25 if s % 2 else 0.5))
    for cx, palette in ((left, (UZ_BLUE, UZ_GREEN, UZ_RED)), (right, (AZ_RED, AZ_BLUE, AZ_GREEN))):
        c.circle(cx + 8, cy + 14, r * 1.12, mix(PAPER_DEEP, INK, 0.12))
        c.circle(cx, cy, r * 1.12, PAPER, tint(OCHRE, 0.3), 4)
        rosette(c, cx, cy, r, 12, palette, PAPER, tint(palette[1], 0.8))
    save(c.result(), path)


def rosette_sheet(path: Path, width: int = 1920, height: int = 1280) -> None:
    """Six tile rosettes, alternating the two flags' palettes, on a quiet ground."""
    c = Canvas(width, height, 2)
    paper_background(c, vignette=0.2)
    palettes = [(UZ_BLUE, UZ_GREEN, UZ_RED), (AZ_RED, AZ_BLUE, AZ_GREEN)]
    cols, rows = 3, 2
    cell = min(width / (cols + 0.4), height / (rows + 0.3))
    gx = (width - cols * cell) / 2
    gy = (height - rows * cell) / 2
    folds = (8, 12, 10, 12, 16, 8)
    for j in range(rows):
        for i in range(cols):
            k = j * cols + i
            cx, cy = gx + (i + 0.5) * cell, gy + (j + 0.5) * cell
            pal = palettes[(i + j) % 2]
            rot = -math.pi / 2 + (math.pi / folds[k] if k % 2 else 0)
            rosette(c, cx, cy, cell * 0.42, folds[k], pal, PAPER, tint(pal[2], 0.85), rot)
    save(c.result(), path)


def timeline_motif(path: Path, width: int = 1920, height: int = 1280) -> None:
    """History, 1991-1998: a time axis with medallions for 1991, 1995 and 1997-1998
    (a bar for the two embassy years); no text is drawn. Later years belong to
    other exhibits, so the axis stops at 1999."""
    c = Canvas(width, height, 2)
    paper_background(c)
    # faint concentric arcs: the long shared past before the axis begins
    for k in range(9):
        rr = height * (0.25 + 0.11 * k)
        c.arc(-height * 0.35, height * 0.52, rr, -70, 70, tint(SAND, 0.2 + 0.06 * k), 3)
    y = height * 0.52
    axis = mix(INK, PAPER, 0.35)
    xa, xb, ya, yb = width * 0.1, width * 0.92, 1990.0, 1999.0

    def X(year: float) -> float:
        return xa + (xb - xa) * (year - ya) / (yb - ya)

    c.line([(xa, y), (xb, y)], axis, 5)
    for yr in range(math.ceil(ya), math.floor(yb) + 1):
        c.line([(X(yr), y - 10), (X(yr), y + 10)], mix(INK, PAPER, 0.5), 2)
    c.rect(X(1997), y - 11, X(1999), y + 11, AZ_BLUE, radius=11)
    events = [  # year, up (+1) or down (-1), colours
        (1991.0, 1, (UZ_BLUE, AZ_BLUE, UZ_GREEN)),
        (1995.75, -1, (AZ_RED, UZ_BLUE, AZ_GREEN)),
        (1998.0, 1, (AZ_BLUE, UZ_GREEN, UZ_RED)),
    ]
    lift, mr = height * 0.2, height * 0.09
    for when, side, pal in events:
        x = X(when)
        stem_end = y - side * lift
        c.line([(x, y), (x, stem_end)], mix(INK, PAPER, 0.45), 3)
        c.circle(x, y, 12, pal[0], PAPER, 3)
        my = stem_end - side * mr
        c.circle(x + 5, my + 8, mr * 1.08, mix(PAPER_DEEP, INK, 0.1))
        rosette(c, x, my, mr, 12, pal, PAPER, tint(pal[0], 0.82))
    save(c.result(), path)


def calendar_motif(path: Path, width: int = 1920, height: int = 1280) -> None:
    """A month sheet for October 1995 (Monday-first): the second day is marked."""
    import calendar

    c = Canvas(width, height, 2)
    paper_background(c, vignette=0.2)
    sheet_w, sheet_h = width * 0.56, height * 0.74
    sx, sy = (width - sheet_w) / 2, (height - sheet_h) / 2
    soft_shadow(c, sx, sy, sx + sheet_w, sy + sheet_h, blur_px=18)
    c.rect(sx, sy, sx + sheet_w, sy + sheet_h, WHITE, radius=18)
    # header band in both flags' blues
    c.rect(sx, sy, sx + sheet_w, sy + sheet_h * 0.16, UZ_BLUE, radius=18)
    c.rect(sx, sy + sheet_h * 0.10, sx + sheet_w, sy + sheet_h * 0.16, UZ_BLUE)
    c.rect(sx, sy + sheet_h * 0.16, sx + sheet_w, sy + sheet_h * 0.175, AZ_BLUE)
    for k in range(2):  # binding rings
        rx = sx + sheet_w * (0.3 + 0.4 * k)
        c.circle(rx, sy, 16, mix(INK, PAPER, 0.3))
        c.circle(rx, sy, 8, WHITE)
    weeks = calendar.Calendar(firstweekday=0).monthdayscalendar(1995, 10)
    gx0, gy0 = sx + sheet_w * 0.07, sy + sheet_h * 0.25
    cw = sheet_w * 0.86 / 7
    ch = sheet_h * 0.68 / len(weeks)
    for i in range(7):  # weekday markers: short bars
        c.rect(
            gx0 + i * cw + cw * 0.3,
            gy0 - 26,
            gx0 + i * cw + cw * 0.7,
            gy0 - 18,
            tint(INK, 0.7) if i < 5 else tint(AZ_RED, 0.5),
            radius=4,
        )
    for j, week in enumerate(weeks):
        for i, day in enumerate(week):
            x, yy = gx0 + i * cw, gy0 + j * ch
            box = (x + cw * 0.12, yy + ch * 0.12, x + cw * 0.88, yy + ch * 0.88)
            if not day:
                continue
            if day == 2:
                mxc, myc = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
                c.rect(*box, tint(UZ_GREEN, 0.55), radius=12)
                eight_star(c, mxc, myc, min(cw, ch) * 0.33, AZ_RED)
                five_star(c, mxc, myc, min(cw, ch) * 0.14, WHITE)
            else:
                c.rect(*box, mix(PAPER, WHITE, 0.3), radius=10)
                # a dot count hint: small marks, not numerals
                c.circle((box[0] + box[2]) / 2, (box[1] + box[3]) / 2, 5, tint(INK, 0.75))
    save(c.result(), path)


def constellation(path: Path, width: int = 1920, height: int = 1280, seed: int = 1995) -> None:
    """People: a network of linked circles in both flags' colours (no likenesses)."""
    rng = random.Random(seed)
    c = Canvas(width, height, 2)
    paper_background(c)
    nodes: list[tuple[float, float, RGB, float]] = []
    for side, palette, cx in ((0, UZ, width * 0.32), (1, AZ, width * 0.68)):
        for ring, count in ((0.0, 1), (0.14, 6), (0.27, 11)):
            for k in range(count):
                ang = 2 * math.pi * k / max(1, count) + rng.uniform(-0.18, 0.18) + side * 0.4
                rr = height * ring * rng.uniform(0.9, 1.1)
                x, y = polar(cx, height * 0.5, rr, ang)
                size = 34 if ring == 0 else (18 if ring < 0.2 else 12)
                nodes.append((x, y, palette[(k + int(ring * 10)) % 3], size))
    links = []
    for a in range(len(nodes)):
        for b in range(a + 1, len(nodes)):
            dist = math.dist(nodes[a][:2], nodes[b][:2])
            if dist < height * 0.2 or (dist < width * 0.42 and rng.random() < 0.035):
                links.append((a, b, dist))
    for a, b, dist in links:
        colour = mix(nodes[a][2], nodes[b][2], 0.5)
        c.line(
            [nodes[a][:2], nodes[b][:2]], tint(colour, 0.62 if dist < height * 0.2 else 0.75), 2.5
        )
    for nx, ny, colour, node_size in nodes:
        c.circle(nx, ny, node_size * 1.45, tint(colour, 0.8))
        c.circle(nx, ny, node_size, colour)
        if node_size > 20:
            eight_star(c, nx, ny, node_size * 0.6, WHITE)
    save(c.result(), path)


def braid(path: Path, width: int = 1920, height: int = 1280) -> None:
    """Generations: two bands in the flags' colours woven into one braid."""
    c = Canvas(width, height, 2)
    paper_background(c)
    cy = height * 0.46
    amplitude = height * 0.12
    wavelength = width * 0.28
    band = height * 0.055
    x_start, x_end = width * 0.08, width * 0.92

    def strand(sign: float, x0: float, x1: float) -> list[Point]:
        steps = max(2, int((x1 - x0) / 6))
        return [
            (x, cy + sign * amplitude * math.sin(2 * math.pi * (x - x_start) / wavelength))
            for x in (x0 + (x1 - x0) * i / steps for i in range(steps + 1))
        ]

    strands = ((1.0, UZ_BLUE), (-1.0, AZ_RED))
    for sign, _ in strands:  # soft shadow under both
        c.line(
            [(x + 6, y + 10) for x, y in strand(sign, x_start, x_end)],
            mix(PAPER_DEEP, INK, 0.12),
            band,
        )
    for sign, colour in strands:
        c.line(strand(sign, x_start, x_end), colour, band)
        c.line(strand(sign, x_start, x_end), PAPER, 3)
    # at every other crossing the first band passes over the second: a woven braid
    for k in range(int((x_end - x_start) / (wavelength / 2)) + 1):
        x = x_start + k * wavelength / 2
        if k % 2 == 1 and x_start < x - band < x + band < x_end:
            piece = strand(1.0, x - band * 1.6, x + band * 1.6)
            c.line(piece, UZ_BLUE, band)
            c.line(piece, PAPER, 3)
    # a bead row beneath, echoing both flags' stars
    count = 24
    for k in range(count + 1):
        bx = x_start + (x_end - x_start) * k / count
        if k % 2:
            five_star(c, bx, cy + amplitude * 2.6, 10, tint(OCHRE, 0.1))
        else:
            eight_star(c, bx, cy + amplitude * 2.6, 12, tint(OCHRE, 0.1))
    save(c.result(), path)


# --- output ----------------------------------------------------------------------


def save(img: Image.Image, path: Path, quality: int = 88) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    if path.suffix.lower() == ".png":
        img.save(tmp, "PNG", optimize=True)
    else:
        img.convert("RGB").save(
            tmp,
            "JPEG",
            quality=quality,
            optimize=True,
            progressive=True,
            subsampling=0 if quality >= 88 else 2,
        )
    tmp.replace(path)


def jobs() -> list[tuple[str, Callable[[], None]]]:
    E = EXHIBITS
    fm, fs, cd, hi, pe = (
        E / "friendship-museum/images",
        E / "fuzuli-school/images",
        E / "culture-days/images",
        E / "history/images",
        E / "people/images",
    )
    return [
        # friendship-museum
        ("friendship-museum/cover.jpg", lambda: linked_rings(fm / "cover.jpg")),
        ("friendship-museum/rosette.jpg", lambda: big_rosette(fm / "rosette.jpg", 4800, 3200)),
        (
            "friendship-museum/flag-uzbekistan.png",
            lambda: flag_png(draw_uzbek_flag, fm / "flag-uzbekistan.png"),
        ),
        (
            "friendship-museum/flag-azerbaijan.png",
            lambda: flag_png(draw_azerbaijan_flag, fm / "flag-azerbaijan.png"),
        ),
        # fuzuli-school
        ("fuzuli-school/cover.jpg", lambda: school_blocks(fs / "cover.jpg")),
        ("fuzuli-school/places-960.jpg", lambda: places_grid(fs / "places-960.jpg", 4800, 3200)),
        (
            "fuzuli-school/star-tiles.jpg",
            lambda: tile_panel(fs / "star-tiles.jpg", (AZ_BLUE, UZ_GREEN, AZ_RED, UZ_BLUE)),
        ),
        # culture-days
        ("culture-days/cover.jpg", lambda: medallions_joined(cd / "cover.jpg")),
        (
            "culture-days/star-tiles.jpg",
            lambda: tile_panel(
                cd / "star-tiles.jpg",
                (UZ_BLUE, AZ_RED, UZ_GREEN, AZ_BLUE, UZ_RED, AZ_GREEN),
                4800,
                3200,
                tile=240,
                quality=85,
            ),
        ),
        ("culture-days/rosettes.jpg", lambda: rosette_sheet(cd / "rosettes.jpg")),
        # history
        ("history/cover.jpg", lambda: timeline_motif(hi / "cover.jpg")),
        ("history/calendar-1995.jpg", lambda: calendar_motif(hi / "calendar-1995.jpg")),
        ("history/flags.png", lambda: flags_pair(hi / "flags.png")),
        # people
        ("people/cover.jpg", lambda: constellation(pe / "cover.jpg")),
        ("people/braid.jpg", lambda: braid(pe / "braid.jpg")),
        ("people/rosette.jpg", lambda: rosette_single(pe / "rosette.jpg")),
    ]


def rosette_single(path: Path, width: int = 1920, height: int = 1280) -> None:
    """One 12-fold rosette in the colours of the flag of Azerbaijan."""
    c = Canvas(width, height, 2)
    paper_background(c)
    star_and_cross_field(
        c, 0, 0, width, height, 150, (tint(SAND, 0.3), tint(SAND, 0.5)), tint(SAND, 0.8), 3
    )
    cx, cy, r = width / 2, height / 2, height * 0.38
    c.circle(cx + 8, cy + 14, r * 1.1, mix(PAPER_DEEP, INK, 0.12))
    c.circle(cx, cy, r * 1.1, PAPER, tint(OCHRE, 0.3), 4)
    rosette(c, cx, cy, r, 12, (AZ_RED, AZ_BLUE, AZ_GREEN), PAPER, tint(AZ_BLUE, 0.82))
    save(c.result(), path)


def main(argv: list[str]) -> int:
    only = set(argv)
    for name, job in jobs():
        if only and not any(o in name for o in only):
            continue
        start = time.perf_counter()
        job()
        print(f"{name:42s} {time.perf_counter() - start:5.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

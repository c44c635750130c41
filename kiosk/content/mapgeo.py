"""The map's geography: its projection, its frame, and the names drawn on it.

Pure math, no Qt: the loader checks that a place lies inside the frame, the map
screen places markers with the same ``project``, and ``assets/make_map.py`` draws
the country outlines (``kiosk/ui/map/region.json``) with it too, so a marker always
sits where the outlines say it is.

The projection is a Lambert conformal conic with standard parallels 37° and 45°
N, the usual choice for a region wider than it is tall at middle latitudes: the
Caspian keeps its shape, and neither country is stretched as plate carrée would
stretch them (a degree of longitude at 41° N is only three quarters of one of
latitude).
"""

from __future__ import annotations

import math

from kiosk.content.records import Record, record

# Standard parallels, the parallel of origin and the central meridian, in degrees.
PARALLELS = (37.0, 45.0)
ORIGIN = (58.0, 41.0)  # lon, lat: between Baku and Tashkent
EARTH_KM = 6371.0

# The frame the map shows, in degrees: west, east along the middle parallel, and
# south, north along the central meridian; the frame is the rectangle they span
# once projected (its corners lie a little outside these numbers).
FRAME_DEGREES = (40.5, 75.5, 35.0, 47.5)
# Map units: the frame is this wide; its height follows from the projection.
MAP_WIDTH = 1000.0


def _growth(lat: float) -> float:
    """tan(π/4 + φ/2) for a latitude φ in degrees: a parallel's radius on the cone
    falls as its n-th power (``lcc``), and the cone's constants are made of it."""
    return math.tan(math.pi / 4 + math.radians(lat) / 2)


def _constants() -> tuple[float, float, float]:
    south, north = PARALLELS
    n = math.log(math.cos(math.radians(south)) / math.cos(math.radians(north))) / math.log(
        _growth(north) / _growth(south)
    )
    f = math.cos(math.radians(south)) * _growth(south) ** n / n
    rho0 = f / _growth(ORIGIN[1]) ** n
    return n, f, rho0


_N, _F, _RHO0 = _constants()


def lcc(lon: float, lat: float) -> tuple[float, float]:
    """Lambert conformal conic, in km east and north of the origin."""
    rho = _F / _growth(lat) ** _N
    theta = _N * math.radians(lon - ORIGIN[0])
    return EARTH_KM * rho * math.sin(theta), EARTH_KM * (_RHO0 - rho * math.cos(theta))


def inverse_lcc(x: float, y: float) -> tuple[float, float]:
    """Longitude and latitude of a point in km from the origin."""
    x, y = x / EARTH_KM, _RHO0 - y / EARTH_KM
    rho = math.copysign(math.hypot(x, y), _N)
    theta = math.atan2(x, y)
    lat = 2 * math.atan((_F / rho) ** (1 / _N)) - math.pi / 2
    return ORIGIN[0] + math.degrees(theta / _N), math.degrees(lat)


@record
class Frame(Record):
    """The rectangle shown, in km; map units put its top left at 0, 0, y down."""

    left: float
    right: float
    bottom: float
    top: float

    @property
    def scale(self) -> float:
        """Map units per km."""
        return MAP_WIDTH / (self.right - self.left)

    @property
    def height(self) -> float:
        """The frame's height in map units (its width is ``MAP_WIDTH``)."""
        return (self.top - self.bottom) * self.scale

    def to_map(self, x: float, y: float) -> tuple[float, float]:
        return (x - self.left) * self.scale, (self.top - y) * self.scale


def _frame() -> Frame:
    west, east, south, north = FRAME_DEGREES
    middle = (south + north) / 2
    return Frame(
        lcc(west, middle)[0],
        lcc(east, middle)[0],
        lcc(ORIGIN[0], south)[1],
        lcc(ORIGIN[0], north)[1],
    )


FRAME = _frame()


def project(lon: float, lat: float) -> tuple[float, float]:
    """A point in map units: x from 0 (west edge) to ``MAP_WIDTH``, y down from the top."""
    return FRAME.to_map(*lcc(lon, lat))


def inside(lon: float, lat: float, margin: float = 0.02) -> bool:
    """Whether a point shows on the map, ``margin`` (a part of the width) inside its edge,
    so that its marker is whole."""
    x, y = project(lon, lat)
    room = margin * MAP_WIDTH
    return room <= x <= MAP_WIDTH - room and room <= y <= FRAME.height - room


def frame_degrees_bounds() -> tuple[float, float, float, float]:
    """West, east, south, north of everything the frame shows (its corners included)."""
    points = []
    for i in range(21):
        t = i / 20
        for x, y in (
            (FRAME.left + t * (FRAME.right - FRAME.left), FRAME.bottom),
            (FRAME.left + t * (FRAME.right - FRAME.left), FRAME.top),
            (FRAME.left, FRAME.bottom + t * (FRAME.top - FRAME.bottom)),
            (FRAME.right, FRAME.bottom + t * (FRAME.top - FRAME.bottom)),
        ):
            points.append(inverse_lcc(x, y))
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    return min(lons), max(lons), min(lats), max(lats)


# The two countries of the story are drawn stronger than their neighbours.
FOCUS = ("Uzbekistan", "Azerbaijan")
# Natural Earth names of every country drawn (any part inside the frame).
COUNTRIES = (
    "Uzbekistan",
    "Azerbaijan",
    "Kazakhstan",
    "Turkmenistan",
    "Kyrgyzstan",
    "Tajikistan",
    "Afghanistan",
    "Iran",
    "Russia",
    "Georgia",
    "Armenia",
    "Turkey",
    "China",
    "Pakistan",
    "Iraq",
    "Syria",
)


@record
class AreaName(Record):
    """A country or sea named on the map: its words, and where the name may go
    (longitude, latitude, best first); the map uses the first spot where the name
    covers no marker and no other name, or leaves it out."""

    key: str
    names: dict[str, str]
    spots: tuple[tuple[float, float], ...]
    sea: bool = False
    focus: bool = False


AREA_NAMES: tuple[AreaName, ...] = (
    AreaName(
        "uzbekistan",
        {"uz": "Oʻzbekiston", "az": "Özbəkistan", "ru": "Узбекистан", "en": "Uzbekistan"},
        ((63.3, 41.9), (64.0, 40.3), (61.5, 42.6), (59.3, 43.6), (62.0, 40.8)),
        focus=True,
    ),
    AreaName(
        "azerbaijan",
        {"uz": "Ozarbayjon", "az": "Azərbaycan", "ru": "Азербайджан", "en": "Azerbaijan"},
        ((47.6, 41.25), (47.4, 40.7), (46.5, 41.6), (48.2, 41.6), (47.0, 40.3)),
        focus=True,
    ),
    AreaName(
        "caspian",
        {
            "uz": "Kaspiy dengizi",
            "az": "Xəzər dənizi",
            "ru": "Каспийское море",
            "en": "Caspian Sea",
        },
        ((50.9, 42.0), (51.0, 39.3), (50.5, 43.5), (51.4, 45.2), (50.8, 37.9), (51.8, 41.0)),
        sea=True,
    ),
    AreaName(
        "kazakhstan",
        {"uz": "Qozogʻiston", "az": "Qazaxıstan", "ru": "Казахстан", "en": "Kazakhstan"},
        ((66.5, 46.0), (60.5, 46.5), (70.5, 45.5)),
    ),
    AreaName(
        "turkmenistan",
        {"uz": "Turkmaniston", "az": "Türkmənistan", "ru": "Туркменистан", "en": "Turkmenistan"},
        ((58.8, 39.3), (59.5, 40.6)),
    ),
    AreaName(
        "iran",
        {"uz": "Eron", "az": "İran", "ru": "Иран", "en": "Iran"},
        ((55.0, 36.2), (58.5, 35.8), (49.5, 36.2)),
    ),
    AreaName(
        "afghanistan",
        {"uz": "Afgʻoniston", "az": "Əfqanıstan", "ru": "Афганистан", "en": "Afghanistan"},
        ((66.0, 35.8), (64.0, 35.6)),
    ),
    AreaName(
        "russia",
        {"uz": "Rossiya", "az": "Rusiya", "ru": "Россия", "en": "Russia"},
        ((45.5, 46.3), (44.5, 44.8)),
    ),
    AreaName(
        "georgia",
        {"uz": "Gruziya", "az": "Gürcüstan", "ru": "Грузия", "en": "Georgia"},
        ((43.6, 42.3),),
    ),
    AreaName(
        "armenia",
        {"uz": "Armaniston", "az": "Ermənistan", "ru": "Армения", "en": "Armenia"},
        ((44.6, 40.6),),
    ),
    AreaName(
        "turkey",
        {"uz": "Turkiya", "az": "Türkiyə", "ru": "Турция", "en": "Türkiye"},
        ((41.8, 39.3),),
    ),
    AreaName(
        "kyrgyzstan",
        {"uz": "Qirgʻiziston", "az": "Qırğızıstan", "ru": "Киргизия", "en": "Kyrgyzstan"},
        ((74.5, 41.6), (74.0, 42.4)),
    ),
    AreaName(
        "tajikistan",
        {"uz": "Tojikiston", "az": "Tacikistan", "ru": "Таджикистан", "en": "Tajikistan"},
        ((70.9, 38.7), (72.8, 38.6)),
    ),
)

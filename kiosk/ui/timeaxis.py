"""The timeline's time axis for QML: where years, breaks, moments and their cards go.

Made when the timeline is first opened (``Kiosk.timeAxis``); the arithmetic is in
``kiosk.runtime.timeaxis``. The layout handed to QML has every key of its schema (a
``TypedDict``, as in ``kiosk.ui.present``), even before the view's width is known:
QML reads them with no fallback, and ``tests/test_present_schema.py`` checks them.
"""

from __future__ import annotations

from typing import TypedDict

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.content.model import ContentSet
from kiosk.runtime.timeaxis import axis, named_years, place_cards


class Tick(TypedDict):
    year: int
    x: float
    named: bool  # the year's number shows (it would touch no other shown number)


class Break(TypedDict):
    """Where the axis is broken for years in which nothing happened."""

    x0: float
    x1: float
    first: int  # the first year left out
    last: int  # and the last


class Moment(TypedDict):
    x: float  # the moment on the axis
    card: float  # its card's left edge


class Layout(TypedDict):
    """``TimeAxis.layout``: pixels along the axis."""

    width: float  # the axis's whole length, scrolled when wider than the view
    axisStart: float
    axisEnd: float
    ticks: list[Tick]
    breaks: list[Break]
    moments: list[Moment]


class TimeAxis(QObject):
    """``kiosk.timeAxis`` in QML."""

    changed = Signal()

    def __init__(self, content: ContentSet, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._dates: list[str] = []
        self._revision = 0
        self.set_content(content)

    def set_content(self, content: ContentSet) -> None:
        self._dates = [entry.date for _, entry in content.timeline()]
        self._revision += 1
        self.changed.emit()

    def _get_revision(self) -> int:
        return self._revision

    # passed to ``layout`` so a binding calling it runs again for new content
    revision = Property(int, _get_revision, notify=changed)

    @Slot(float, float, float, float, float, int, result=dict)
    def layout(
        self,
        width: float,
        card: float,
        gap: float,
        pad: float,
        year_width: float,
        revision: int = 0,
    ) -> Layout:
        """Pixels along an axis in a view ``width`` wide: cards ``card`` wide, ``gap``
        apart, ``pad`` kept at each end; a year's number is ``year_width`` wide. The axis
        is longer than the view (and the view scrolls) when the cards need more room."""
        count = len(self._dates)
        if width <= 0 or not count:
            return Layout(
                width=max(0.0, width), axisStart=0.0, axisEnd=0.0, ticks=[], breaks=[], moments=[]
            )
        length = max(width - 2 * pad, count * (card + gap) * 1.15)
        shape = axis(self._dates)
        points = [pad + f * length for f in shape.moments]
        lefts = place_cards(points, card, gap, start=pad / 2)
        content_width = max(width, pad + length + pad, lefts[-1] + card + pad / 2)
        ticks = [(year, pad + f * length) for year, f in shape.ticks]
        moment_years = {int(d[:4]) for d in self._dates}
        return Layout(
            width=content_width,
            axisStart=pad,
            axisEnd=pad + length,
            ticks=[
                Tick(year=year, x=x, named=named)
                for (year, x), named in zip(
                    ticks, named_years(ticks, moment_years, year_width), strict=True
                )
            ],
            breaks=[
                Break(x0=pad + a * length, x1=pad + b * length, first=first, last=last)
                for a, b, first, last in shape.breaks
            ],
            moments=[Moment(x=point, card=left) for point, left in zip(points, lefts, strict=True)],
        )

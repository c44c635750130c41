"""The first frame reads only the QML types it shows.

A type named in ``Main.qml`` (``sourceComponent: Component { ExhibitPage {} }``, or a
cast ``as ExhibitPage``) is read, compiled and kept with ``Main.qml`` itself, with every
type it names in turn, whether or not it is ever made. Fifteen such types of screens
made later (the exhibit page and the eight it uses, the attract loop, still-there, the
two banners, the caption strip, the curtain) cost 0.25 MB of anonymous memory and
0.43 MB of RSS at start. Their Loaders name them by file: each is read when first made.
The exhibit page's, the commonest first opening, begins reading at the visit's first
touch, so the release that opens a page does not wait for Qt's loader thread.

The engine's URL interceptor sees every QML file it reads.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtQml import QQmlAbstractUrlInterceptor, QQmlApplicationEngine
from PySide6.QtTest import QTest

import kiosk.ui.app
from kiosk.content.model import ContentSet
from tests.conftest import BUNDLED
from tests.uitools import centre, items, load, open_window, touch_device

CONTENT: ContentSet = load(BUNDLED)

# screens made after the first frame, and the types only they use
MADE_LATER = {
    "ExhibitPage.qml",
    "ExhibitSection.qml",
    "ExhibitSide.qml",
    "FactCard.qml",
    "HeroCaption.qml",
    "ReadMark.qml",
    "SectionHeading.qml",
    "SentenceMark.qml",
    "TextBlocks.qml",
    "AttractLoop.qml",
    "StillThere.qml",
    "ProblemsBanner.qml",
    "PreviewBadge.qml",
    "CaptionStrip.qml",
    "AudienceCurtain.qml",
}


class FilesRead(QQmlAbstractUrlInterceptor):
    """The name of every QML file the engine reads (the loader thread asks too)."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def intercept(self, url: QUrl | str, kind: QQmlAbstractUrlInterceptor.DataType) -> QUrl:
        url = QUrl(url)  # Qt hands a QUrl; PySide's signature allows a string too
        if kind == QQmlAbstractUrlInterceptor.DataType.QmlFile:
            self.names.add(url.fileName())
        return url


@pytest.fixture
def read(monkeypatch: pytest.MonkeyPatch) -> Iterator[FilesRead]:
    """The next window's engine tells ``read`` each QML file, from ``Main.qml`` on."""
    seen = FilesRead()

    class Engine(QQmlApplicationEngine):
        def __init__(self) -> None:
            super().__init__()
            self.addUrlInterceptor(seen)

    monkeypatch.setattr(kiosk.ui.app, "QQmlApplicationEngine", Engine)
    yield seen


@pytest.mark.usefixtures("qapp")
def test_home_at_its_first_frame_has_read_none_of_the_screens_made_later(
    read: FilesRead, rendition_cache: Path
) -> None:
    with open_window(CONTENT, rendition_cache, start="home") as kw:
        assert items(kw, "home")
        assert {"Main.qml", "Home.qml", "ExhibitTile.qml"} <= read.names  # the spy sees
        assert read.names & MADE_LATER == set()


@pytest.mark.usefixtures("qapp")
def test_the_first_touch_starts_reading_the_exhibit_page_before_the_release_opens_it(
    read: FilesRead, rendition_cache: Path
) -> None:
    exhibit = CONTENT.exhibits[0].id
    with open_window(CONTENT, rendition_cache, start="home") as kw:
        point = centre(items(kw, f"tile_{exhibit}")[0])
        QTest.touchEvent(kw.window, touch_device()).press(0, point, kw.window).commit()
        assert "ExhibitPage.qml" in read.names
        assert kw.kiosk.nav.place.screen == "home"  # a press opens nothing
        QTest.touchEvent(kw.window, touch_device()).release(0, point, kw.window).commit()
        assert kw.kiosk.nav.place.exhibit_id == exhibit
        assert items(kw, "exhibitPage")  # made at the release, not a frame later
        assert {"ExhibitSection.qml", "TextBlocks.qml"} <= read.names

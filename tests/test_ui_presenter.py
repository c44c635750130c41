"""A presenter's and a visitor's walk in the real window: keys, Back, language changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.conftest import BUNDLED
from tests.uitools import item, key, load, open_window, tap

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture(scope="module")
def content():  # type: ignore[no-untyped-def]
    return load(BUNDLED)


def _open_from_timeline(kw, content) -> str:  # type: ignore[no-untyped-def]
    tap(kw, item(kw, "timelineButton"))
    tap(kw, item(kw, "timelineEntry_1"))
    assert kw.kiosk.nav.place.index == 1
    target = content.timeline()[1][0].id
    tap(kw, item(kw, "timelineOpenExhibit"))
    assert (kw.kiosk.nav.place.screen, kw.kiosk.nav.place.exhibit_id) == ("exhibit", target)
    return target


def test_back_button_after_timeline_then_exhibit_returns_to_the_timeline(
    content, rendition_cache: Path
) -> None:
    with open_window(content, rendition_cache) as kw:
        _open_from_timeline(kw, content)
        tap(kw, item(kw, "backButton"))
        assert kw.kiosk.nav.place.screen == "timeline"
        assert item(kw, "timelinePage").isVisible()
        assert kw.kiosk.nav.place.index == 1


def test_backspace_after_timeline_then_exhibit_returns_to_the_timeline(
    content, rendition_cache: Path
) -> None:
    with open_window(content, rendition_cache) as kw:
        _open_from_timeline(kw, content)
        key(kw, Qt.Key.Key_Backspace)
        assert kw.kiosk.nav.place.screen == "timeline"
        assert item(kw, "timelinePage").isVisible()

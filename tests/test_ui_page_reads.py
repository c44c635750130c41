"""``kiosk.page`` is read once per screen that shows it: each read turns the whole
exhibit page (every paragraph, picture and fact) into JavaScript, about as long as
laying out a paragraph, at each new page and each language. The window follows the
exhibit by the navigation's id, and a new exhibit still takes the focus to its title."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.content.model import ContentSet
from kiosk.ui.app import QML_DIR
from kiosk.ui.render import settle
from tests.conftest import BUNDLED
from tests.uitools import load, open_window

READ = re.compile(r"\bkiosk\.page\b")
COMMENT = re.compile(r"//.*$", re.MULTILINE)


def reads_of_the_page(path: Path) -> int:
    return len(READ.findall(COMMENT.sub("", path.read_text(encoding="utf-8"))))


def test_each_screen_reads_the_page_once_and_the_window_not_at_all() -> None:
    reads = {path.name: reads_of_the_page(path) for path in QML_DIR.glob("*.qml")}
    assert reads["Main.qml"] == 0, "the window reads the exhibit's id from kiosk.nav"
    assert reads["ExhibitPage.qml"] == reads["GalleryViewer.qml"] == 1
    assert {name for name, count in reads.items() if count > 1} == set(), reads


@pytest.mark.usefixtures("qapp")
def test_the_next_exhibit_takes_the_focus_to_its_title(rendition_cache: Path) -> None:
    content: ContentSet = load(BUNDLED)
    with open_window(content, rendition_cache) as kw:
        kw.kiosk.nav.openExhibit(content.exhibits[0].id)
        settle(kw.window, kw.images)
        kw.window.contentItem().forceActiveFocus()  # elsewhere, as after a tap on the bar
        kw.kiosk.nav.nextExhibit()
        settle(kw.window, kw.images)
        focused = kw.window.activeFocusItem()
        assert focused is not None and focused.objectName() == "pageTitle"
        assert focused.property("text") == content.exhibits[1].title.get("uz")

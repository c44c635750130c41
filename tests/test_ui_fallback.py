"""The "being updated" screen: each language's line once, readable, in the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickItem

from kiosk.content.fallback import _MESSAGE, fallback_content
from tests.uitools import open_window, visible


def _shown_texts(root: QQuickItem) -> list[str]:
    texts, stack = [], [root]
    while stack:
        item = stack.pop()
        stack.extend(item.childItems())
        text = item.property("text")
        if isinstance(text, str) and text and visible(item) and item.height() > 0:
            texts.append(text)
    return texts


def _items(root: QQuickItem, name: str) -> list[QQuickItem]:
    found, stack = [], [root]
    while stack:
        item = stack.pop()
        stack.extend(item.childItems())
        if item.objectName() == name:
            found.append(item)
    return found


def test_the_attract_loop_shows_each_language_line_once(
    tmp_path: Path, qapp: QGuiApplication
) -> None:
    content = fallback_content(tmp_path)
    with open_window(content, tmp_path / "cache", size=(1280, 800), start="attract") as kw:
        shown = _shown_texts(kw.window.contentItem())
        for line in _MESSAGE.values():
            assert shown.count(line) == 1, shown
        lines = [item for item in _items(kw.window.contentItem(), "touchToExplore")]
        assert len(lines) == len(_MESSAGE)
        for item in lines:
            bottom = item.mapToScene(item.boundingRect().bottomRight())
            assert visible(item) and item.width() > 0 and 0 < bottom.y() <= 800


def test_a_visitor_on_the_being_updated_home_finds_no_empty_about(
    tmp_path: Path, qapp: QGuiApplication
) -> None:
    """The "being updated" set has no exhibits: About would be an empty page."""
    content = fallback_content(tmp_path)
    with open_window(content, tmp_path / "cache", size=(1280, 800)) as kw:
        (subtitle,) = _items(kw.window.contentItem(), "siteSubtitle")
        assert visible(subtitle) and subtitle.property("text") == _MESSAGE["uz"]
        (about,) = _items(kw.window.contentItem(), "aboutButton")
        assert not visible(about)
        assert not any(visible(i) for i in _items(kw.window.contentItem(), "homeMapButton"))

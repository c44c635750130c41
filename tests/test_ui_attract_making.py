"""What an idle reset makes and draws on the main thread: the attract loop's texts laid
out once, at their own width; its drift started once the shown picture is there, so
nothing is drawn anew while that picture is decoded beside it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl
from PySide6.QtQml import QQmlComponent
from PySide6.QtQuick import QQuickItem

import kiosk.ui
from kiosk.ui.render import settle
from kiosk.ui.render import visual_tree as walk
from tests.conftest import BUNDLED
from tests.uitools import attract_made_again, item, load, open_window

pytestmark = pytest.mark.usefixtures("qapp")

CONTENT = load(BUNDLED)
LOOP = Path(kiosk.ui.__file__).parent / "qml" / "AttractLoop.qml"
TEXTS = ("attractTitle", "slideTitle", "touchToExplore")


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_loops_texts_have_their_width_before_they_are_laid_out(
    size: tuple[int, int], rendition_cache: Path
) -> None:
    """A text is laid out when it is completed, and again when its width changes: one
    whose width came later (anchors take effect when their item is completed, after the
    texts inside it) was laid out twice, first at no width. The loop is made here as
    its Loader makes it (its size given before it is completed); no text's width may
    change once it has been laid out."""
    with open_window(CONTENT, rendition_cache, size=size, start="attract") as kw:
        shown = item(kw, "attractLoop")
        component = QQmlComponent(kw.engine, QUrl.fromLocalFile(str(LOOP)))
        loop = component.beginCreate(kw.engine.rootContext())
        assert isinstance(loop, QQuickItem), component.errorString()
        initial = {"kiosk": shown.property("kiosk"), "ui": shown.property("ui")}
        component.setInitialProperties(loop, {**initial, "width": size[0], "height": size[1]})
        moved: list[str] = []  # texts whose width changed after they were laid out
        watched: list[str] = []

        def watch(made: QObject, laid_out: bool) -> None:
            name = made.objectName()
            if name not in TEXTS:
                return
            watched.append(name)
            laid = [laid_out]  # a text is laid out at its completion: its height comes

            def height_came() -> None:
                laid[0] = True

            def width_changed() -> None:
                if laid[0]:
                    moved.append(name)

            made.implicitHeightChanged.connect(height_came)  # type: ignore[attr-defined]
            made.widthChanged.connect(width_changed)  # type: ignore[attr-defined]

        for made in loop.findChildren(QQuickItem):
            watch(made, False)
            if made.metaObject().className() == "QQuickRepeater":
                # its texts are made when it is completed, and completed before it adds them
                made.itemAdded.connect(lambda _, added: watch(added, True))  # type: ignore[attr-defined]
        component.completeCreate()
        try:
            assert sorted(set(watched)) == sorted(TEXTS)
            assert watched.count("touchToExplore") == len(CONTENT.site.language_codes)
            assert moved == [], f"laid out again at another width: {moved}"
            # and at their width: the column's, inside the panel's margins
            for text in [i for i in walk(loop) if i.objectName() in TEXTS]:
                assert 0 < text.width() < size[0]
        finally:
            loop.deleteLater()


def test_the_drift_starts_when_the_shown_picture_is_ready(rendition_cache: Path) -> None:
    with open_window(CONTENT, rendition_cache) as kw:
        attract_made_again(kw)
        loop = item(kw, "attractLoop")
        drift = loop.findChild(QObject, "attractMotion")
        assert drift is not None
        (shown,) = [i for i in walk(loop) if i.objectName() == "attractPicture"]
        assert shown.property("pending"), "the first slide's picture was ready at once"
        assert not drift.property("running") and loop.property("motion") == 0
        settle(kw.window, kw.images)
        assert shown.property("ready") and drift.property("running")

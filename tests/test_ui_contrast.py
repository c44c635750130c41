"""High contrast ("Contrast" in the control bar) and the contrast of every text.

Every shown text, on every screen, in the normal theme and in high contrast, is
measured against the pixels actually behind it (``tests.contrasttools``): 4.5:1 for
body text, 3:1 for large text (WCAG 2.2). High contrast is black on white; the idle
reset between visitors turns it off.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor

from kiosk.ui.app import KioskWindow
from kiosk.ui.render import hold_still, settle
from tests.conftest import BUNDLED
from tests.contrasttools import contrast, evaluate, failures, measure
from tests.layouttools import kind, scroll_to_end
from tests.test_ui_textsize import go_to, relaid
from tests.uitools import grab, item, items, load, open_window, tap, visible, walk

pytestmark = pytest.mark.usefixtures("qapp")

CONTENT = load(BUNDLED)
SIZES = [(1920, 1080), (1080, 1920)]
# every exhibit page (each has its own pictures and blocks); one gallery, since every
# gallery draws its caption on the same solid bar
SCREENS = [
    "home",
    *(e.id for e in CONTENT.exhibits),
    f"{CONTENT.exhibits[2].id} gallery",
    "timeline",
    "about",
    "attract",
]


def rgb(colour: QColor) -> tuple[int, int, int]:
    return (colour.red(), colour.green(), colour.blue())


def pixel(kw: KioskWindow, point: QPointF) -> tuple[int, int, int]:
    return rgb(QColor(grab(kw).pixel(point.toPoint())))


def test_the_measure_catches_faint_text_and_text_on_a_picture(rendition_cache: Path) -> None:
    """The check itself: a pale subtitle, and the attract title with its band taken away
    and a picture under it (white letters straight on a light illustration), both fail."""
    with open_window(CONTENT, rendition_cache, size=(1920, 1080)) as kw:
        assert failures(kw) == []
        subtitle = item(kw, "siteSubtitle")
        subtitle.setProperty("color", QColor("#C9C4B8"))
        assert any(subtitle.property("text")[:30] in f for f in failures(kw))
        go_to(kw, "attract")
        hold_still(kw.window)  # its first slide: no other comes while the test waits
        settle(kw.window, kw.images)
        title = item(kw, "attractTitle")
        assert failures(kw) == []
        # the picture drawn under the title, cropped to fill with no veil, its band
        # taken away; asked for afresh (Qt's Image loses a load that was retaining the
        # last picture if told mid-way to retain none, as a whole picture turned into a
        # cropped one is)
        shown = item(kw, "attractSlide_0")
        picture = next(i for i in walk(shown) if i.objectName() == "attractPicture")
        key = picture.property("key")
        picture.setProperty("key", "")
        picture.setProperty("whole", False)
        picture.setProperty("key", key)
        area = item(kw, "attractPictureArea")
        area.setProperty("y", 0)
        area.setProperty("height", kw.window.height())
        title.parentItem().setProperty("color", QColor(0, 0, 0, 0))
        settle(kw.window, kw.images)
        assert picture.property("ready") and picture.property("imageStatus") == 1
        assert any(title.property("text")[:30] in f for f in failures(kw))


def measure_both_modes(kw: KioskWindow, where: str) -> int:
    """Measure the screen in both modes (the same page, recoloured), assert, and say
    how many texts were measured."""
    count = 0
    for high_contrast in (False, True):
        kw.kiosk.appearance.set_high_contrast(high_contrast)
        relaid(kw)
        readings = measure(kw)
        count += len(readings)
        mode = "high contrast" if high_contrast else "normal theme"
        assert [str(r) for r in readings if r.ratio < r.needed] == [], f"{where}, {mode}"
    kw.kiosk.appearance.set_high_contrast(False)
    return count


@pytest.mark.slow
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_text_reads_on_what_is_behind_it_in_both_modes(
    size: tuple[int, int], rendition_cache: Path
) -> None:
    language = "az" if size[0] > size[1] else "uz"
    with open_window(CONTENT, rendition_cache, size=size) as kw:
        kw.kiosk.language.choose(language)
        measured = 0
        for screen in SCREENS:
            go_to(kw, screen)
            measured += measure_both_modes(kw, screen)
            for name in ("exhibitFlick", "aboutFlick"):
                for flick in items(kw, name):  # the rest of the page, scrolled to
                    scroll_to_end(kw, flick)
                    measure_both_modes(kw, f"{screen} scrolled")
        go_to(kw, "home")
        kw.kiosk.idle.show(True, 12)  # "still there?" over the home screen
        settle(kw.window, kw.images)
        overlay = item(kw, "stillThere")
        for high_contrast in (False, True):
            kw.kiosk.appearance.set_high_contrast(high_contrast)
            relaid(kw)
            assert len(measure(kw, overlay)) == 3  # question, countdown, button
            assert failures(kw, overlay) == [], f"still there?, high contrast {high_contrast}"
        # every screen had its texts measured (the buttons' signs are drawn, not text:
        # they take the colour of their button's words, measured here)
        assert measured > 2 * 18 * len(SCREENS)


def test_the_contrast_button_turns_black_on_white_and_the_idle_reset_turns_it_off(
    rendition_cache: Path,
) -> None:
    with open_window(CONTENT, rendition_cache, size=(1080, 1920)) as kw:
        go_to(kw, CONTENT.exhibits[0].id)
        title = item(kw, "pageTitle")
        # the page background, in the margin beside the title
        left = title.mapToScene(QPointF(0, title.height() / 2))
        corner = QPointF(left.x() / 2, left.y())
        normal_background = pixel(kw, corner)
        assert normal_background != (255, 255, 255)
        tap(kw, item(kw, "contrastButton"))
        assert kw.kiosk.appearance.high_contrast
        assert pixel(kw, corner) == (255, 255, 255)
        assert rgb(title.property("color")) == (0, 0, 0)
        # the button shows it is on: filled, its label light on the fill
        button = item(kw, "contrastButton")
        assert button.property("selected") is True
        fill = pixel(kw, button.mapToScene(QPointF(6, button.height() / 2)))
        assert contrast(fill, (255, 255, 255)) >= 3
        kw.kiosk.reset_to_attract()  # between visitors
        kw.kiosk.nav.leaveAttract()
        go_to(kw, CONTENT.exhibits[0].id)
        assert not kw.kiosk.appearance.high_contrast
        assert pixel(kw, corner) == normal_background


def test_in_high_contrast_focus_and_selection_still_show(rendition_cache: Path) -> None:
    """The chosen language and the highlighted tile stand out from their neighbours by
    3:1 at least (WCAG 2.2 non-text contrast), also with no theme colours."""
    with open_window(CONTENT, rendition_cache, size=(1920, 1080)) as kw:
        kw.kiosk.appearance.set_high_contrast(True)
        settle(kw.window, kw.images)
        chosen = item(kw, f"language_{CONTENT.site.default_language}")
        other = next(
            item(kw, f"language_{c}")
            for c in CONTENT.site.language_codes
            if c != CONTENT.site.default_language
        )
        # a point inside each button, off its label
        chosen_fill = pixel(kw, chosen.mapToScene(QPointF(chosen.height() / 2, 8)))
        other_fill = pixel(kw, other.mapToScene(QPointF(other.height() / 2, 8)))
        assert contrast(chosen_fill, other_fill) >= 3
        focused, plain = (item(kw, "tile_" + e.id) for e in CONTENT.exhibits[:2])
        assert kw.kiosk.nav.index == 0  # the first tile has the keyboard's highlight
        assert evaluate(focused, "border.width") >= 3 > evaluate(plain, "border.width")
        edge = focused.mapToScene(QPointF(focused.width() / 2, 1))
        assert contrast(pixel(kw, edge), (255, 255, 255)) >= 3


def test_the_staff_panel_keeps_its_size_and_colours_whatever_the_visitor_chose(
    rendition_cache: Path,
) -> None:
    def panel_look(kw: KioskWindow) -> tuple[list[int], tuple[int, int, int]]:
        (panel,) = [i for i in walk(kw.window.contentItem()) if i.objectName() == "staffLoader"]
        texts = [t for t in walk(panel) if kind(t) == "QQuickText" and visible(t)]
        background = rgb(panel.property("item").property("color"))
        return sorted(t.property("font").pixelSize() for t in texts), background

    with open_window(CONTENT, rendition_cache, size=(1920, 1080)) as kw:
        kw.staff.gesture()  # the hidden gesture; no PIN set in tests: the panel opens
        settle(kw.window, kw.images)
        assert kw.staff.open
        normal = panel_look(kw)
        assert normal[0]  # the panel's texts were found
        kw.kiosk.appearance.set_text_scale(1.5)
        kw.kiosk.appearance.set_high_contrast(True)
        relaid(kw)
        assert panel_look(kw) == normal

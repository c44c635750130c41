"""Larger text ("Aa" in the control bar): 100 %, 125 %, 150 %, back to 100 % between
visitors. At every size, on every screen, in every language and both orientations,
no text is cut or drawn over another, touch targets stay large, and the bar fits.

One window per orientation; the sizes, languages and screens are walked inside it.
The layout checks at 100 % are those of ``test_ui_layout``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import FakeClock
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QAccessible
from readaloudfakes import FakeEngine

from kiosk.commands.render import TEXT_SIZES
from kiosk.runtime.readaloud_speaker import Speaker
from kiosk.ui.app import KioskWindow
from kiosk.ui.appearance import TEXT_SCALES, Appearance
from kiosk.ui.readaloud_player import ReadAloudPlayer
from kiosk.ui.render import settle
from tests.conftest import BUNDLED
from tests.layouttools import scene_rect, text_problems
from tests.test_ui_layout import cut_texts, small_targets
from tests.uitools import items, items_named, load, open_window, tap, walk

pytestmark = pytest.mark.usefixtures("qapp")

CONTENT = load(BUNDLED)
LANGUAGES = CONTENT.site.language_codes
SIZES = [
    (1920, 1080),
    (1080, 1920),
    (1024, 768),
    (1280, 800),
    (1366, 768),
    (800, 1280),
]
LARGER = [s for s in TEXT_SCALES if s > 1]
SCROLLING = ("exhibitFlick", "aboutFlick", "timelineList", "mapPanel")


def test_the_size_steps_through_three_and_wraps_and_the_reset_puts_it_back() -> None:
    appearance = Appearance()
    seen = []
    for _ in range(4):
        seen.append(appearance.text_scale)
        appearance.stepTextSize()
    assert seen == [1.0, 1.25, 1.5, 1.0]
    appearance.stepTextSize()
    appearance.toggleContrast()
    assert (appearance.text_scale, appearance.high_contrast) == (1.5, True)
    appearance.reset()
    assert (appearance.text_scale, appearance.high_contrast) == (1.0, False)
    with pytest.raises(ValueError):
        appearance.set_text_scale(2.0)
    # kiosk render offers the same sizes (it names them without importing Qt)
    assert tuple(round(s * 100) for s in TEXT_SCALES) == TEXT_SIZES


def bar_buttons(kw: KioskWindow) -> dict[str, QRectF]:
    """Where each shown button of the bar is, rounded to whole pixels."""
    found = {}
    for bar in items(kw, "navBar"):
        for button in walk(bar):
            name = button.objectName()
            if button.isVisible() and (name.endswith("Button") or name.startswith("language_")):
                found[name] = QRectF(scene_rect(button).toRect())
    return found


def bar_problems(kw: KioskWindow) -> list[str]:
    """Bar buttons outside the window, overlapping one another, or too small to tap."""
    width, height = kw.window.width(), kw.window.height()
    (bar,) = items(kw, "navBar")
    buttons = [
        b
        for b in walk(bar)
        if b.isVisible() and (b.objectName().endswith("Button") or "language_" in b.objectName())
    ]
    problems = []
    rects = [(b.objectName(), scene_rect(b)) for b in buttons]
    for i, (name, rect) in enumerate(rects):
        if rect.left() < 0 or rect.right() > width + 0.5 or rect.bottom() > height + 0.5:
            problems.append(f"{name} reaches outside the window")
        if not scene_rect(bar).contains(rect):
            problems.append(f"{name} sticks out of the bar")
        if rect.width() < 48 or rect.height() < 48:
            problems.append(f"{name} is {rect.width():.0f}x{rect.height():.0f}")
        for other, other_rect in rects[i + 1 :]:
            shared = rect.intersected(other_rect)
            if shared.width() > 0.5 and shared.height() > 0.5:
                problems.append(f"{name} overlaps {other}")
    return problems


def screen_problems(kw: KioskWindow) -> list[str]:
    problems = cut_texts(kw) + small_targets(kw) + bar_problems(kw)
    for flicks in items_named(kw, SCROLLING).values():
        for flick in flicks:
            problems += text_problems(flick)
    return problems


def relaid(kw: KioskWindow) -> None:
    """Wait for a new layout on the same screen (a size or language change)."""
    settle(kw.window, kw.images)


def go_to(kw: KioskWindow, screen: str) -> None:
    nav = kw.kiosk.nav
    nav.home()
    exhibit, _, gallery = screen.partition(" ")
    if screen == "timeline":
        nav.openTimeline()
        nav.focusIndex(1)  # an open entry, with its text
    elif screen == "about":
        nav.openAbout()
    elif screen == "map":
        nav.openMap(0)  # a place chosen, with its exhibits
    elif screen == "attract":
        nav.navigator.attract()
    elif screen != "home":
        nav.openExhibit(exhibit)
        if gallery:
            nav.openGallery(len(CONTENT.exhibit(exhibit).gallery) - 1)  # type: ignore[union-attr]
    settle(kw.window, kw.images)


SCREENS = [
    "home",
    *(e.id for e in CONTENT.exhibits),
    *(f"{e.id} gallery" for e in CONTENT.exhibits),
    "timeline",
    "map",
    "about",
    "attract",
]


@pytest.mark.slow
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_screen_at_every_larger_size_is_uncut(
    size: tuple[int, int], rendition_cache: Path
) -> None:
    speech = ReadAloudPlayer(Speaker(FakeEngine(), clock=FakeClock()))  # Listen in the bar too
    with open_window(CONTENT, rendition_cache, size=size, player=speech) as kw:
        checked = 0
        for screen in SCREENS:
            go_to(kw, screen)
            for scale in LARGER:
                kw.kiosk.appearance.set_text_scale(scale)
                bar: dict[str, QRectF] = {}  # each bar button, as the first language placed it
                for language in LANGUAGES if screen != "attract" else LANGUAGES[:1]:
                    kw.kiosk.language.choose(language)
                    relaid(kw)
                    where = f"{screen} at {scale:.0%} in {language}"
                    problems = cut_texts(kw) if screen == "attract" else screen_problems(kw)
                    assert problems == [], where
                    for name, rect in bar_buttons(kw).items():
                        assert bar.setdefault(name, rect) == rect, f"{name} moved: {where}"
                    checked += 1
            kw.kiosk.appearance.set_text_scale(1.0)
        assert checked == (len(SCREENS) - 1) * len(LARGER) * len(LANGUAGES) + len(LARGER)


@pytest.mark.slow
def test_every_screen_of_a_five_by_four_monitor_is_uncut_with_a_two_row_bar(
    rendition_cache: Path,
) -> None:
    """A 1280x1024 touch monitor, no reading aloud on the machine: the bar keeps two rows
    (its sides a gap wide, not the margin) on every screen in every language, every
    button in place whatever the language, and nothing on any screen is cut or overlaps."""
    with open_window(CONTENT, rendition_cache, size=(1280, 1024)) as kw:
        for screen in SCREENS[:-1]:  # the attract loop has no bar
            go_to(kw, screen)
            bar: dict[str, QRectF] = {}
            for language in LANGUAGES:
                kw.kiosk.language.choose(language)
                relaid(kw)
                where = f"{screen} in {language}"
                assert screen_problems(kw) == [], where
                buttons = bar_buttons(kw)
                assert len({round(rect.top()) for rect in buttons.values()}) == 2, where
                assert min(rect.left() for rect in buttons.values()) < 40, where  # sides in
                for name, rect in buttons.items():
                    assert bar.setdefault(name, rect) == rect, f"{name} moved: {where}"


def test_the_aa_button_grows_the_text_and_the_idle_reset_shrinks_it(
    rendition_cache: Path,
) -> None:
    with open_window(CONTENT, rendition_cache, size=(1080, 1920)) as kw:
        kw.kiosk.nav.openExhibit(CONTENT.exhibits[0].id)
        settle(kw.window, kw.images)

        def title_size() -> int:
            return int(items(kw, "pageTitle")[0].property("font").pixelSize())

        def button_label() -> str:
            (button,) = items(kw, "textSizeButton")
            return str(button.property("text"))

        normal = title_size()
        labels, sizes = [], []
        for _ in range(3):
            (button,) = items(kw, "textSizeButton")
            tap(kw, button)  # as a visitor does: the bar's button, on screen
            labels.append(button_label())
            sizes.append(title_size())
        assert labels == ["125 %", "150 %", "100 %"]
        assert sizes == [round(normal * 1.25), round(normal * 1.5), normal]
        (button,) = items(kw, "textSizeButton")
        tap(kw, button)
        assert title_size() > normal
        bar_top = items(kw, "navBar")[0].mapToScene(QPointF(0, 0)).y()
        assert bar_top > kw.window.height() / 2  # still within a seated visitor's reach
        kw.kiosk.reset_to_attract()  # what the idle timeout does between visitors
        kw.kiosk.nav.leaveAttract()
        kw.kiosk.nav.openExhibit(CONTENT.exhibits[0].id)
        settle(kw.window, kw.images)
        assert title_size() == normal and button_label() == "100 %"


def test_text_size_and_contrast_are_named_in_the_visitors_language(
    rendition_cache: Path,
) -> None:
    """What a screen reader says for the two buttons: the words of kiosk.yaml."""
    strings = CONTENT.site.strings
    with open_window(CONTENT, rendition_cache, size=(1920, 1080)) as kw:
        for language in LANGUAGES:
            kw.kiosk.language.choose(language)
            relaid(kw)
            size = QAccessible.queryAccessibleInterface(items(kw, "textSizeButton")[0])
            contrast = QAccessible.queryAccessibleInterface(items(kw, "contrastButton")[0])
            assert size.role() == contrast.role() == QAccessible.Role.Button
            assert size.text(QAccessible.Text.Name) == strings["text_size"].get(language) + " 100 %"
            assert contrast.text(QAccessible.Text.Name) == strings["contrast"].get(language)
            assert all(strings[k].get(language) for k in ("text_size", "contrast"))
        assert not contrast.state().checked
        kw.kiosk.appearance.toggleContrast()
        relaid(kw)
        assert contrast.state().checked

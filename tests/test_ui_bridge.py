"""The bridge's sub-objects without a window: language, navigation, overlays, and the
content on screen held once by ``Kiosk``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import cast

import pytest

from kiosk.content.model import ContentSet
from kiosk.runtime.navigation import EXHIBIT, GALLERY, HOME, SCREENS
from kiosk.ui.app import QML_DIR
from kiosk.ui.bridge import Kiosk
from kiosk.ui.images import ImageStore
from kiosk.ui.overlays import IdleOverlay, Problems
from kiosk.ui.session import make_service
from tests.factories import make_site, tmap, valid_exhibit
from tests.uitools import load

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def content(tmp_path: Path) -> ContentSet:
    return load(make_site(tmp_path / "site", {"alpha": valid_exhibit(title=tmap("Alpha"))}))


@pytest.fixture
def kiosk(tmp_path: Path, content: ContentSet) -> Iterator[Kiosk]:
    service = make_service(tmp_path / "cache", (1280, 800))
    yield Kiosk(content, ImageStore(service), start=HOME)
    service.shutdown()


def test_the_language_changes_once_and_says_from_what(kiosk: Kiosk) -> None:
    changes: list[tuple[str, str]] = []
    kiosk.language.changed.connect(lambda old, new: changes.append((old, new)))
    kiosk.language.choose("ru")
    kiosk.language.choose("ru")  # already: no signal
    kiosk.language.choose("xx")  # not offered: ignored
    kiosk.language.cycle()
    kiosk.language.reset()
    assert changes == [("uz", "ru"), ("ru", "en"), ("en", "uz")]
    assert kiosk.language.current == "uz"


def test_the_texts_follow_the_language(kiosk: Kiosk) -> None:
    kiosk.nav.openExhibit("alpha")
    kiosk.language.choose("az")
    assert kiosk.page["title"] == "Alpha [az]"
    assert kiosk.siteTitle == kiosk.content.site.title.get("az")


def test_content_without_the_visitors_language_falls_back_to_the_default(
    kiosk: Kiosk, content: ContentSet
) -> None:
    kiosk.language.choose("en")
    changes: list[tuple[str, str]] = []
    kiosk.language.changed.connect(lambda old, new: changes.append((old, new)))
    fewer = tuple(lang for lang in content.site.languages if lang.code != "en")
    smaller = replace(content, site=replace(content.site, languages=fewer), version="v2")
    kiosk.set_content(smaller)
    assert kiosk.content is smaller
    assert changes == [("en", content.site.default_language)]
    # PySide's stub types a Property attribute as the descriptor, not its value
    choices = cast(list[dict[str, str]], kiosk.language.choices)
    assert [c["code"] for c in choices] == [lang.code for lang in fewer]


def test_navigation_reports_each_move_and_zoom(kiosk: Kiosk) -> None:
    moves: list[tuple[str, str, int]] = []
    zooms: list[int] = []
    nav = kiosk.nav
    # PySide's stub types a Property attribute as the descriptor, not its value
    nav.changed.connect(
        lambda: moves.append(
            (cast(str, nav.screen), cast(str, nav.exhibitId), cast(int, nav.index))
        )
    )
    nav.zoomed.connect(zooms.append)
    nav.openExhibit("alpha")
    nav.openGallery(0)
    nav.noteZoom(0)
    nav.back()
    assert moves == [(EXHIBIT, "alpha", 0), (GALLERY, "alpha", 0), (EXHIBIT, "alpha", 0)]
    assert nav.place.screen == EXHIBIT and zooms == [0]


def test_reset_to_attract_forgets_language_and_place(kiosk: Kiosk) -> None:
    resets: list[bool] = []
    kiosk.resetRequested.connect(lambda: resets.append(True))
    kiosk.nav.openExhibit("alpha")
    kiosk.language.choose("ru")
    kiosk.reset_to_attract()
    assert resets == [True]
    assert kiosk.nav.place.screen == "attract"
    assert kiosk.language.current == kiosk.content.site.default_language


def test_overlays_signal_only_real_changes() -> None:
    idle, problems = IdleOverlay(), Problems()
    idle_signals: list[bool] = []
    problem_signals: list[bool] = []
    idle.changed.connect(lambda: idle_signals.append(True))
    problems.changed.connect(lambda: problem_signals.append(True))
    idle.show(True, 12)
    idle.show(True, 12)
    idle.show(True, 11)
    problems.set(["a.yaml:1:1: bad"])
    problems.set(["a.yaml:1:1: bad"])
    assert len(idle_signals) == 2 and (idle.showing, idle.seconds_left) == (True, 11)
    assert len(problem_signals) == 1 and problems.current == ["a.yaml:1:1: bad"]


def test_the_sub_objects_are_the_same_objects_every_time(kiosk: Kiosk) -> None:
    assert kiosk.language is kiosk.language and kiosk.nav is kiosk.nav
    assert kiosk.property("language") is kiosk.language  # what QML reads
    assert kiosk.property("nav") is kiosk.nav
    assert kiosk.property("idle") is kiosk.idle
    assert kiosk.property("problems") is kiosk.problems


def test_qml_takes_screen_names_from_python(kiosk: Kiosk) -> None:
    assert kiosk.nav.screens == {name: name for name in SCREENS}
    spelled = re.compile(r"""screen\s*===\s*["']|current\s*===\s*["']""")
    for path in QML_DIR.glob("*.qml"):
        assert not spelled.search(path.read_text(encoding="utf-8")), path.name

"""``kiosk validate --screens``: every screen opened headless, and each text it cuts
short named at its line in the curator's file.

A home tile ends a title longer than its room in "…" (by design: every tile gives
its title the same room). ``kiosk validate`` alone cannot see it; ``--preview`` sees
it on the screen shown. ``--screens`` opens them all, in every language and text
size, and scrolls each list through (a long home makes its far tiles only then).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.commands import validate
from kiosk.content.model import Problem
from kiosk.content.text_source import TextSources
from kiosk.ui import screen_fit
from kiosk.ui.screen_fit import Cut, cut_texts, problems
from tests import factories
from tests.factories import exhibit_text, line_of, make_site, tmap, valid_exhibit
from tests.process import environment
from tests.uitools import load

pytestmark = pytest.mark.usefixtures("qapp")

LONG_RU = (
    "Межгосударственныйгуманитарныйкультурныйобменмеждуузбекистаномиазербайджаном "
    "и дружба народов на протяжении многих десятилетий"
)
SIZE = (1280, 800)


def many_exhibits(root: Path, count: int = 20) -> Path:
    """Exhibits, the last with a Russian title no tile holds: at 1280x800 the
    twentieth's tile is made only when the home is scrolled to it."""
    return factories.many_exhibits(root, count, {"ru": LONG_RU})


def test_the_command_names_the_cut_title_at_its_line_in_the_exhibit_file(tmp_path: Path) -> None:
    """The curator's way: the command in a shell, its lines as validate prints them."""
    root = many_exhibits(tmp_path / "site", count=3)
    options = ["--screens", "--screen-size", "1280x800", "--cache", str(tmp_path / "cache")]
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "validate", *options, str(root)],
        env=environment(),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr  # a warning: the kiosk shows it
    line = line_of(exhibit_text(root, "ex03"), "Межгосударственный")
    (warning,) = [out for out in done.stdout.splitlines() if "cut short" in out]
    assert warning.startswith(f"site/ex03/exhibit.yaml:{line}:")
    assert "warning: cut short with '…' in ru on home at 1280x800, every text size" in warning
    assert "«Межгосударственныйгуманитарный" in warning
    # on its own page the title's 80-letter word is broken in two where its line ends
    broken = [out for out in done.stdout.splitlines() if "a word broken in two" in out]
    # one warning for the value, naming its page and the "next" link of the page before
    (page,) = [out for out in broken if "exhibit ex03 at 1280x800" in out]
    assert page.startswith(f"site/ex03/exhibit.yaml:{line}:")
    assert "exhibit ex02 at 1280x800" in page
    assert "«Межгосударственныйгуманитарныйкультурны…»" in page
    assert "0 errors" in done.stdout.splitlines()[-1]


def test_far_tiles_are_looked_at_by_scrolling_the_home_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = load(many_exhibits(tmp_path / "site"))
    cache = tmp_path / "cache"
    home = [screen for screen in screen_fit.screens(content) if screen[0] == "home"]
    cuts = cut_texts(content, cache, sizes=(SIZE,), screens_of=lambda _: home)
    assert {(c.text, c.screen, c.language, c.broken) for c in cuts} == {(LONG_RU, "home", "ru", "")}
    assert sorted(c.text_size for c in cuts) == [100, 125, 150]
    # the tile is not there before the home scrolls: without it, it is not found
    monkeypatch.setattr(screen_fit, "_lists", lambda window: [])
    assert cut_texts(content, cache, sizes=(SIZE,), screens_of=lambda _: home) == []


def test_a_word_longer_than_its_line_is_named_on_every_screen_that_breaks_it(
    tmp_path: Path,
) -> None:
    """Qt breaks a word wider than its line where the line ends: the page title, the
    "next" link of the exhibit before, the list of exhibits on About."""
    content = load(many_exhibits(tmp_path / "site", count=2))
    broken = [c for c in cut_texts(content, tmp_path / "cache", sizes=(SIZE,)) if c.broken]
    word = LONG_RU.split()[0]
    assert {c.broken for c in broken} == {word}
    assert {c.language for c in broken} == {"ru"}
    screens = {c.screen for c in broken}
    assert {"exhibit ex02", "exhibit ex01"} <= screens  # its page, the next link before it
    assert all(c.text.endswith(LONG_RU) for c in broken)


def test_strict_makes_a_cut_text_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_site(tmp_path / "site")
    where = Problem(root / "alpha" / "exhibit.yaml", 3, 5, "cut short", "warning")
    monkeypatch.setattr(validate, "_cut_texts", lambda *args: [where])
    arguments = dict(dir=root, screens=True, screen_size=None, cache=None, json=True)
    for strict, status in [(False, 0), (True, 1)]:
        args = argparse.Namespace(strict=strict, **arguments)
        assert validate.run(args) == status
    # without --screens nothing is opened (validate stays pure Python)
    monkeypatch.setattr(validate, "_cut_texts", lambda *args: pytest.fail("opened screens"))
    assert validate.run(argparse.Namespace(**{**arguments, "screens": False, "strict": True})) == 0


def test_the_json_report_lists_a_cut_text_with_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_site(tmp_path / "site")
    where = Problem(root / "alpha" / "exhibit.yaml", 3, 5, "cut short with '…' in ru", "warning")
    monkeypatch.setattr(validate, "_cut_texts", lambda *args: [where])
    args = argparse.Namespace(
        dir=root, screens=True, screen_size=None, cache=None, json=True, strict=False
    )
    assert validate.run(args) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["valid"] is True
    shown = {"path": "site/alpha/exhibit.yaml", "line": 3, "column": 5}
    assert shown.items() <= report["warnings"][-1].items()


def test_a_shown_text_is_found_at_the_line_its_value_starts(tmp_path: Path) -> None:
    folded = valid_exhibit(
        title=tmap("Alpha"), subtitle={**tmap("The first exhibit"), "ru": "Длинный\n  подзаголовок"}
    )
    root = make_site(tmp_path / "site", {"alpha": folded})
    text = exhibit_text(root, "alpha")
    sources = TextSources(root)
    place = sources.find("Alpha [ru]")
    assert place is not None and place[:2] == (
        root / "alpha" / "exhibit.yaml",
        line_of(text, "Alpha [ru]"),
    )
    # the same words however the file wrapped them
    place = sources.find("Длинный подзаголовок")
    assert place is not None and place[1] == line_of(text, "Длинный")
    # words around a value (a number before a title) still name the value
    place = sources.find("3.  The first exhibit [en]")
    assert place is not None and place[1] == line_of(text, "The first exhibit [en]")
    assert sources.find("Nothing of the curator's") is None
    assert sources.find("1.  ru") is None  # a short value inside a text names nothing


def test_one_warning_a_text_and_language_naming_each_screen_and_size(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site")
    title = "Alpha [ru]"
    cuts = [
        Cut(title, "home", "ru", (1920, 1080), 150),
        Cut(title, "home", "ru", (1080, 1920), 100),
        Cut(title, "home", "ru", (1080, 1920), 125),
        Cut(title, "home", "ru", (1080, 1920), 150),
        Cut(title, "attract", "ru", (1080, 1920), 150),
        Cut(title, "home", "en", (1920, 1080), 150),  # another language: its own line
        Cut("A word of the kiosk's own", "about", "ru", (1920, 1080), 100),
        Cut(title, "exhibit alpha", "ru", (1920, 1080), 150, broken="Alpha"),
    ]
    found = problems(root, cuts)
    assert [p.message for p in found] == [
        "cut short with '…' in ru on home at 1920x1080 at 150 % and 1080x1920 at 100 %, "
        "125 %, 150 %; attract at 1080x1920 at 150 %: «Alpha [ru]»",
        "cut short with '…' in en on home at 1920x1080 at 150 %: «Alpha [ru]»",
        "cut short with '…' in ru on about at 1920x1080 at 100 %: «A word of the kiosk's own»",
        "a word broken in two («Alpha») in ru on exhibit alpha at 1920x1080 at 150 %: «Alpha [ru]»",
    ]
    line = line_of(exhibit_text(root, "alpha"), "Alpha [ru]")
    assert [(p.path, p.line, p.severity) for p in found] == [
        (root / "alpha" / "exhibit.yaml", line, "warning"),
        (root / "alpha" / "exhibit.yaml", line, "warning"),
        (root, 0, "warning"),  # not the curator's words: the folder
        (root / "alpha" / "exhibit.yaml", line, "warning"),
    ]
    every = problems(root, [Cut(title, "home", "ru", (1920, 1080), s) for s in (100, 125, 150)])
    assert every[0].message.startswith(
        "cut short with '…' in ru on home at 1920x1080, every text size"
    )
    long = problems(root, [Cut("x" * 100, "home", "ru", (1920, 1080), 100)])
    assert long[0].message.endswith("«" + "x" * 59 + "…»")
    # a word in guillemets is named without them: «Азербайджан», not ««Азербайджан»
    quoted = Cut("Музей «Азербайджан»", "map", "ru", (800, 600), 150, broken="«Азербайджан»")
    (named,) = problems(root, [quoted])
    assert named.message.startswith("a word broken in two («Азербайджан») in ru on map")


def test_a_value_shown_in_several_texts_is_one_warning_quoting_the_shortest(
    tmp_path: Path,
) -> None:
    """The same long title broken on its page, after "Далее:" on the page before and in
    About's list: one warning at its line, naming the three screens."""
    root = many_exhibits(tmp_path / "site", count=2)
    word = LONG_RU.split()[0]
    cuts = [
        Cut("Далее: " + LONG_RU, "exhibit ex01", "ru", (800, 600), 150, broken=word),
        Cut(LONG_RU, "exhibit ex02", "ru", (800, 600), 150, broken=word),
        Cut(LONG_RU, "about", "ru", (800, 600), 150, broken=word),
        Cut(LONG_RU, "home", "ru", (800, 600), 150),  # cut short: a warning of its own
    ]
    found = problems(root, cuts)
    shown = LONG_RU[:59] + "…"
    assert [p.message for p in found] == [
        f"a word broken in two («{word[:39]}…») in ru on exhibit ex01 at 800x600 at 150 %; "
        f"exhibit ex02 at 800x600 at 150 %; about at 800x600 at 150 %: «{shown}»",
        f"cut short with '…' in ru on home at 800x600 at 150 %: «{shown}»",
    ]
    line = line_of(exhibit_text(root, "ex02"), "Межгосударственный")
    assert {(p.path, p.line) for p in found} == {(root / "ex02" / "exhibit.yaml", line)}


def test_a_terminal_sees_how_many_screens_are_looked_at(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Half a minute a screen size: the terminal's line says how far it is, rewritten."""
    looked_at = validate._progress(25)
    for count in range(1, 26):
        looked_at(count)
    written = capsys.readouterr()
    assert written.out == ""  # the warnings' stream stays the report's
    assert written.err.split("\r")[1:] == [
        "looking at the screens: 10 of 25",
        "looking at the screens: 20 of 25",
        "looking at the screens: 25 of 25",
    ]

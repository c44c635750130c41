"""``kiosk handout``: a printable A4 PDF, checked as a reader gets it.

Real ``kiosk handout`` processes write the bundled exhibits in each language; poppler's
tools read them back: the words (``pdftotext``), the fonts (``pdffonts``), the pages
(``pdfinfo``) and the pictures (``pdfimages``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from factories import image_item, make_site, tmap, to_yaml, valid_exhibit
from PIL import Image
from process import environment

from kiosk.content.loader import load_content
from kiosk.content.model import ContentSet, Talk, TalkStep, Text
from kiosk.ui.handout_plan import ABOUT, EXHIBIT, MAP, TIMELINE, handout_parts, word

pytestmark = pytest.mark.slow  # eight handouts made and read back

REPO = Path(__file__).resolve().parents[1]
BUNDLED = REPO / "exhibits"
LANGUAGES = ("uz", "az", "ru", "en")
TIMEOUT_S = 180


@dataclass(frozen=True)
class Pdf:
    path: Path
    stdout: str

    def text(self, page: int | None = None) -> str:
        pages = ["-f", str(page), "-l", str(page)] if page else []
        return _run(["pdftotext", "-enc", "UTF-8", *pages, str(self.path), "-"])

    def pages(self) -> int:
        info = _run(["pdfinfo", str(self.path)])
        match = re.search(r"^Pages:\s+(\d+)$", info, re.MULTILINE)
        assert match, info
        return int(match.group(1))

    def fonts(self) -> list[list[str]]:
        lines = _run(["pdffonts", str(self.path)]).splitlines()[2:]
        return [line.split() for line in lines]


def _run(argv: list[str]) -> str:
    if shutil.which(argv[0]) is None:
        pytest.skip(f"{argv[0]} is not installed (Debian's poppler-utils)")
    return subprocess.run(argv, capture_output=True, text=True, check=True, timeout=60).stdout


def handout(root: Path, out: Path, cache: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    argv = [sys.executable, "-m", "kiosk", "handout", str(root), "--cache", str(cache)]
    return subprocess.run(
        [*argv, "--out", str(out), *extra],
        capture_output=True,
        text=True,
        env=environment(),
        timeout=TIMEOUT_S,
    )


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("renditions")


@pytest.fixture(scope="module")
def bundled() -> ContentSet:
    result = load_content(BUNDLED)
    assert result.content is not None
    return result.content


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory, cache: Path) -> dict[str, Pdf]:
    folder = tmp_path_factory.mktemp("handouts")
    made = {}
    for language in LANGUAGES:
        out = folder / f"handout-{language}.pdf"
        done = handout(BUNDLED, out, cache, "--lang", language)
        assert done.returncode == 0, done.stderr
        made[language] = Pdf(out, done.stdout)
    return made


@pytest.mark.parametrize("language", LANGUAGES)
def test_handout_has_the_titles_and_captions_of_its_language(
    pdfs: dict[str, Pdf], bundled: ContentSet, language: str
) -> None:
    text = pdfs[language].text()
    flat = " ".join(text.split())  # lines broken by the layout join again
    assert " ".join(bundled.site.title.get(language).split()) in flat

    def flat_text(text: str) -> str:  # a no-break space ("1998 годы") compares as one
        return " ".join(text.split())

    for exhibit in bundled.exhibits:
        assert flat_text(exhibit.title.get(language)) in flat, exhibit.id
        for image in exhibit.gallery:
            assert image.caption is not None
            assert " ".join(image.caption.get(language).split()) in flat
    others = [code for code in LANGUAGES if code != language]
    for exhibit in bundled.exhibits:  # and no other language's titles
        for other in others:
            if exhibit.title.get(other) != exhibit.title.get(language):
                assert flat_text(exhibit.title.get(other)) not in flat, (exhibit.id, other)


def test_letters_of_every_alphabet_survive(pdfs: dict[str, Pdf]) -> None:
    uzbek = pdfs["uz"].text()
    assert "Oʻzbekiston" in uzbek and "doʻstlik" in uzbek  # U+02BB, not an apostrophe
    assert "Ulugʻbek" in uzbek
    azerbaijani = pdfs["az"].text()
    for letter in "əğışçöüƏ":
        assert letter in azerbaijani, letter
    assert "Дружбы" in pdfs["ru"].text() or "дружбы" in pdfs["ru"].text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_font_is_embedded_and_selectable(pdfs: dict[str, Pdf], language: str) -> None:
    fonts = pdfs[language].fonts()
    assert fonts, "no fonts: the text would not be selectable"
    for row in fonts:
        name, emb, uni = row[0], row[-5], row[-3]
        assert emb == "yes", f"{name} is not embedded"
        assert uni == "yes", f"{name} has no Unicode map: copied text would be garbage"
        assert name.startswith("NotoSans"), name


@pytest.mark.parametrize("language", LANGUAGES)
def test_headings_are_printed_bold(pdfs: dict[str, Pdf], language: str) -> None:
    """A PDF embeds the instance of the variable font it draws. Asked for as a weight
    (``setFontWeight``), every title and heading was printed regular, with only
    NotoSans-Regular embedded; set on the font's axis, the bold instance is there."""
    names = [row[0] for row in pdfs[language].fonts()]
    assert any(name.startswith("NotoSans") and "700" in name for name in names), names
    assert "NotoSans-Regular" in names  # and the body text stays regular


def test_each_exhibit_starts_a_page_named_in_the_contents(
    pdfs: dict[str, Pdf], bundled: ContentSet
) -> None:
    pdf = pdfs["en"]
    count = pdf.pages()
    assert pdf.stdout.startswith(f"handout: {count} pages (en)")
    cover = pdf.text(1)
    strings = {k: t.get("en") for k, t in bundled.site.strings.items()}
    parts = [e.title.get("en") for e in bundled.exhibits] + [strings["timeline"], strings["about"]]
    for title in parts:
        match = re.search(re.escape(title) + r"\s+(\d+)", cover)
        assert match, f"{title!r} not in the contents"
        page = int(match.group(1))
        first_line = pdf.text(page).strip().splitlines()[0]
        assert title.startswith(first_line.strip()), (title, page, first_line)
    assert count >= 1 + len(bundled.exhibits) + 2


def test_pages_are_numbered_out_of_the_total(pdfs: dict[str, Pdf]) -> None:
    pdf = pdfs["ru"]
    count = pdf.pages()
    for page in (2, count):
        assert f"{page} / {count}" in pdf.text(page)
    assert "/ " not in pdf.text(1).splitlines()[-1]  # the cover carries no number


def test_pictures_come_from_the_rendition_cache(
    pdfs: dict[str, Pdf], cache: Path, bundled: ContentSet
) -> None:
    listed = _run(["pdfimages", "-list", str(pdfs["uz"].path)])
    rows = [row.split() for row in listed.splitlines()[2:]]
    # the map is drawn for print, across the text (kiosk.ui.handout_map): no rendition
    (drawn,) = [row for row in rows if int(row[3]) > 1920]
    assert bundled.site.strings["map"].get("uz") in pdfs["uz"].text(int(drawn[0]))
    listing = [row for row in rows if row is not drawn]
    sizes = {(row[3], row[4]) for row in listing}
    assert listing and all(max(int(w), int(h)) <= 1920 for w, h in sizes)
    # every picture of the exhibits is printed, each its own (one file once)
    objects = {row[10] for row in listing}
    assert len(objects) == len({ref.sha256 for ref in bundled.images()})
    made = {p.name.split("-")[0] for p in cache.rglob("*-screen-*")}
    assert {ref.sha256 for ref in bundled.images()} <= made


def test_talk_handout_with_notes_is_a_script(
    tmp_path: Path, cache: Path, bundled: ContentSet
) -> None:
    out = tmp_path / "talk.pdf"
    done = handout(BUNDLED, out, cache, "--lang", "az", "--talk", "school-visit", "--notes")
    assert done.returncode == 0, done.stderr
    text = " ".join(Pdf(out, done.stdout).text().split())
    talk = bundled.talks["school-visit"]
    assert talk.title.get("az") in text
    assert word("notes", "az") in text and word("step", "az", n=2) in text
    for step in talk.steps:
        assert step.notes is not None
        first_sentence = step.notes.get("az").split(".")[0]
        assert first_sentence in text, first_sentence
    plain = tmp_path / "plain.pdf"
    done = handout(BUNDLED, plain, cache, "--lang", "az", "--talk", "school-visit")
    assert done.returncode == 0, done.stderr
    assert word("notes", "az") not in Pdf(plain, done.stdout).text()


def test_a_talk_with_the_map_prints_its_places_and_what_is_there(
    tmp_path: Path, cache: Path, bundled: ContentSet
) -> None:
    root = tmp_path / "exhibits"
    shutil.copytree(BUNDLED, root)
    talk = 'title: {uz: "Joylar", az: "Yerlər", ru: "Места", en: "Places"}\n'
    talk += 'steps:\n  - screen: "map"\n'
    talk += '    notes: {uz: "a", az: "Yerləri göstərin", ru: "в", en: "d"}\n'
    talk += '  - screen: "map"\n    place: "baku"\n'  # one place: named in its notes' heading
    talk += '    notes: {uz: "b", az: "Bakıda mədəniyyət günləri", ru: "г", en: "e"}\n'
    (root / "talks" / "places.yaml").write_text(talk, encoding="utf-8")
    out = tmp_path / "places.pdf"
    done = handout(root, out, cache, "--lang", "az", "--talk", "places", "--notes")
    assert done.returncode == 0, done.stderr
    pdf = Pdf(out, done.stdout)
    page = next(
        n for n in range(2, pdf.pages() + 1) if "Yerləri göstərin" in pdf.text(n)
    )  # the map's page, its notes at the top
    lines = [line.strip() for line in pdf.text(page).splitlines() if line.strip()]
    assert bundled.site.strings["map"].get("az") in lines
    baku = bundled.place("baku")
    assert baku is not None
    assert f"{word('step', 'az', n=2)} · {baku.name.get('az')}" in lines
    assert "Bakıda mədəniyyət günləri" in lines
    for place in bundled.places:
        assert place.name.get("az") in lines
        for exhibit in bundled.exhibits_at(place.id):
            assert exhibit.title.get("az") in lines
    # the map itself, drawn across the text: its sea, its land, a marker per place
    listed = _run(["pdfimages", "-list", "-f", str(page), "-l", str(page), str(out)])
    (row,) = listed.splitlines()[2:]  # one picture on the page
    width, height = (int(v) for v in row.split()[3:5])
    assert width >= 1900 and 0.4 < height / width < 0.55, row
    prefix = tmp_path / "map"
    _run(["pdftoppm", "-r", "60", "-png", "-f", str(page), "-l", str(page), str(out), str(prefix)])
    (png,) = tmp_path.glob("map*.png")
    drawn = Image.open(png).convert("RGB")
    theme = bundled.site.theme
    sea = _mix(theme.background, theme.accent, 0.22)
    assert _share(drawn, sea) > 0.01  # the Caspian, at the least
    assert _share(drawn, _mix(theme.background, "#000000", 8 / 255)) > 0.05  # the land
    assert _share(drawn, _rgb(theme.accent_text)) > 0.0002  # the markers and borders


def test_content_text_is_printed_as_typed_never_as_markup(tmp_path: Path, cache: Path) -> None:
    caption = "<b>bold</b> &amp; <img src=x> [link](y)"
    gallery = [{**image_item(), "caption": {"uz": caption, "en": "x"}}]
    root = make_site(tmp_path / "site", {"alpha": valid_exhibit(gallery=gallery)})
    out = tmp_path / "markup.pdf"
    done = handout(root, out, cache, "--lang", "uz")
    assert done.returncode == 0, done.stderr
    assert caption in Pdf(out, done.stdout).text()


def test_wrong_language_or_talk_is_refused_with_the_choices(tmp_path: Path, cache: Path) -> None:
    out = tmp_path / "x.pdf"
    done = handout(BUNDLED, out, cache, "--lang", "fr")
    assert (done.returncode, done.stderr.strip()) == (
        2,
        "handout: unknown language 'fr'; the site has uz, az, ru, en",
    )
    done = handout(BUNDLED, out, cache, "--talk", "school-visti")
    assert (done.returncode, done.stderr.strip()) == (
        2,
        "handout: unknown talk 'school-visti'; did you mean 'school-visit'?",
    )
    assert not out.exists()


def test_a_talk_left_out_for_its_errors_says_why(tmp_path: Path, cache: Path) -> None:
    root = make_site(tmp_path / "site")
    (root / "talks").mkdir()
    broken = {"title": tmap("T"), "steps": [{"exhibit": "alpah"}]}
    (root / "talks" / "visit.yaml").write_text(to_yaml(broken), "utf-8")
    done = handout(root, tmp_path / "x.pdf", cache, "--talk", "visit")
    assert done.returncode == 2
    assert "talk 'visit' has errors and was left out" in done.stderr
    assert "did you mean 'alpha'?" in done.stderr


# the plan: what goes in, in which order (no Qt) ---------------------------------------


def _notes(text: str) -> Text:
    return Text({"en": text}, "en")


def test_plan_without_a_talk_follows_the_kiosk(bundled: ContentSet) -> None:
    parts = handout_parts(bundled, None, with_notes=True)
    assert [(p.kind, p.exhibit) for p in parts] == [
        *[(EXHIBIT, e.id) for e in bundled.exhibits],
        (TIMELINE, None),
        (MAP, None),  # the bundled site has places: the kiosk offers its map
        (ABOUT, None),
    ]
    assert all(p.notes == [] for p in parts)  # the bundled exhibits carry no notes
    without_places = replace(bundled, places=())
    assert [p.kind for p in handout_parts(without_places, None, False)][-3:] == [
        EXHIBIT,
        TIMELINE,
        ABOUT,
    ]


def test_plan_with_a_talk_follows_its_steps_each_exhibit_once(bundled: ContentSet) -> None:
    steps = (
        TalkStep("about", None, None, _notes("hello"), 3),
        TalkStep("exhibit", "people", None, _notes("one"), 4),
        TalkStep("image", "history", 1, _notes("two"), 5),
        TalkStep("exhibit", "people", None, None, 6),
    )
    talk = Talk("t", _notes("T"), None, None, steps)
    parts = handout_parts(bundled, talk, with_notes=True)
    assert [(p.kind, p.exhibit) for p in parts] == [
        (EXHIBIT, "people"),
        (EXHIBIT, "history"),
        (ABOUT, None),  # the sources always close the handout
    ]
    assert [(n.step, n.picture, n.notes.get("en")) for n in parts[1].notes] == [(3, 2, "two")]
    assert [n.step for n in parts[2].notes] == [1]
    assert handout_parts(bundled, talk, with_notes=False)[0].notes == []


def _rgb(colour: str) -> tuple[int, int, int]:
    value = int(colour.lstrip("#"), 16)
    return value >> 16, (value >> 8) & 255, value & 255


def _mix(a: str, b: str, share: float) -> tuple[int, int, int]:
    return tuple(  # type: ignore[return-value]
        round(x * (1 - share) + y * share) for x, y in zip(_rgb(a), _rgb(b), strict=True)
    )


def _share(picture: Image.Image, colour: tuple[int, int, int], near: int = 6) -> float:
    """The part of the page's pixels within ``near`` of ``colour`` on every channel."""
    data = picture.tobytes()
    pixels = list(zip(data[0::3], data[1::3], data[2::3], strict=True))
    close = sum(all(abs(p - c) <= near for p, c in zip(px, colour, strict=True)) for px in pixels)
    return close / len(pixels)

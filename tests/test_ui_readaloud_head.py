"""Read-aloud of an exhibit page's head: the title, subtitle, summary and key facts
are marked on the page while they are read, as the sections' sentences are."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import FakeClock
from PySide6.QtCore import QRectF
from PySide6.QtQuick import QQuickItem
from readaloudfakes import FakeEngine

from kiosk.content.spoken import HEADING, SUBTITLE, sentence
from kiosk.runtime.navigation import EXHIBIT, Place
from kiosk.runtime.readaloud_captions import split_sentences
from kiosk.runtime.readaloud_speaker import Speaker
from kiosk.runtime.readaloud_text import FACTS, HEAD, NO_SPAN, reading_for
from kiosk.ui import present
from kiosk.ui.app import KioskWindow
from kiosk.ui.readaloud_player import ReadAloudPlayer
from kiosk.ui.render import settle
from kiosk.ui.textlines import span_lines
from tests.conftest import BUNDLED
from tests.layouttools import scene_rect, share_changed
from tests.uitools import grab, item, items, load, open_window, tap

pytestmark = pytest.mark.usefixtures("qapp")

CONTENT = load(BUNDLED)
LANGUAGES = ("uz", "az", "ru", "en")


def _head_texts(exhibit_index: int, language: str) -> dict[int, str]:
    """The head's pieces as the page shows them: title, subtitle, summary blocks."""
    exhibit = CONTENT.exhibits[exhibit_index]
    page = present.exhibit_page(exhibit, language, present.strings(CONTENT, language))
    shown = {HEADING: page["title"], SUBTITLE: page["subtitle"]}
    for block in page["summary"]:
        if block["kind"] == "paragraph":
            shown[block["piece"]] = block["text"]
        for n, text in enumerate(block["items"]):
            shown[block["piece"] + n] = text
    return shown


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_head_sentence_has_its_place_in_the_text_the_page_shows(language: str) -> None:
    for number, exhibit in enumerate(CONTENT.exhibits):
        reading = reading_for(CONTENT, Place(EXHIBIT, exhibit.id), language)
        assert reading is not None
        sentences = split_sentences(reading.text)
        assert len(reading.sections) == len(reading.pieces) == len(reading.spans)
        assert len(sentences) == len(reading.sections)
        shown = _head_texts(number, language)
        head = [i for i, s in enumerate(reading.sections) if s == HEAD]
        # the head is read first, in its order: title, subtitle, then the summary
        assert head == list(range(len(head)))
        assert reading.piece_of(0) == HEADING
        assert any(reading.piece_of(i) == SUBTITLE for i in head) == bool(shown[SUBTITLE])
        assert len([i for i in head if reading.piece_of(i) >= 0]) >= 2  # the summary
        for index in head:
            text = shown[reading.piece_of(index)]
            start, end = reading.span_of(index)
            assert (start, end) != NO_SPAN, (language, exhibit.id, sentences[index])
            # the span is that sentence, as shown (its stop added for the voice aside)
            said = sentences[index]
            assert " ".join(text[start:end].split()) in (said, said.rstrip("."))
        # each piece's sentences, every one of them, and nothing else
        for piece, text in shown.items():
            ours = [sentences[i] for i in head if reading.piece_of(i) == piece]
            assert ours == list(split_sentences(sentence(text))), (piece, text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_key_facts_are_read_last_each_on_its_card(language: str) -> None:
    heading = CONTENT.site.string("facts", language)
    for exhibit in CONTENT.exhibits:
        reading = reading_for(CONTENT, Place(EXHIBIT, exhibit.id), language)
        assert reading is not None
        sentences = split_sentences(reading.text)
        facts = [i for i, s in enumerate(reading.sections) if s == FACTS]
        assert (
            facts
            and facts[-1] == len(sentences) - 1
            and facts == list(range(facts[0], len(sentences)))
        )
        first = facts[0]
        assert reading.piece_of(first) == HEADING
        start, end = reading.span_of(first)
        assert heading[start:end].rstrip(".") == sentences[first].rstrip(".")
        numbers = [reading.piece_of(i) for i in facts[1:]]
        assert sorted(set(numbers)) == list(range(len(exhibit.facts))) and numbers == sorted(
            numbers
        )
        for index in facts[1:]:  # "label: value": shown apart, the card is marked whole
            fact = exhibit.facts[reading.piece_of(index)]
            assert fact.value.get(language).split()[-1] in " ".join(
                sentences[i] for i in facts if reading.piece_of(i) == reading.piece_of(index)
            )
            assert reading.span_of(index) == NO_SPAN


# -- on the page ----------------------------------------------------------------------

SHOWN = CONTENT.exhibits[2]


def _read_to(kw: KioskWindow, engine: FakeEngine, player: ReadAloudPlayer, index: int) -> None:
    """The voice moved on to the ``index``-th sentence of the reading in progress."""
    while player.sentenceIndex < index:
        engine.played[-1].ended = True
        player.poll()
    settle(kw.window, kw.images)
    assert player.sentenceIndex == index


def _lines_of(text: QQuickItem, start: int, end: int) -> list[QRectF]:
    shown = text.property("text")
    laid = span_lines(
        shown, text.property("font"), text.width(), text.property("lineHeight"), start, end
    )
    return [text.mapRectToScene(r) for r in laid]


def _summary_text(kw: KioskWindow, said: str) -> QQuickItem:
    summary = item(kw, "summary")
    [text] = [
        t
        for t in items(kw, "paragraph") + items(kw, "bullet")
        if said[:20] in t.property("text") and summary.isAncestorOf(t)
    ]
    return text


@pytest.mark.parametrize("contrast", [False, True], ids=["paper", "contrast"])
@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_the_summary_sentence_being_read_is_marked_and_not_its_neighbours(
    rendition_cache: Path, scale: float, contrast: bool
) -> None:
    """The voice on the summary's second sentence: at least half of that sentence's
    area looks different from the page unmarked, and the sentences either side of it
    (the summary's first, the first section's heading) do not."""
    engine = FakeEngine()
    player = ReadAloudPlayer(Speaker(engine, clock=FakeClock()))
    with open_window(CONTENT, rendition_cache, player=player) as kw:
        kw.kiosk.appearance.set_text_scale(scale)
        kw.kiosk.appearance.set_high_contrast(contrast)
        kw.kiosk.nav.openExhibit(SHOWN.id)
        settle(kw.window, kw.images)
        reading = reading_for(CONTENT, kw.kiosk.nav.place, "uz")
        assert reading is not None
        sentences = split_sentences(reading.text)
        summary = [
            i
            for i in range(len(sentences))
            if reading.section_of(i) == HEAD and reading.piece_of(i) >= 0
        ]
        first, second = summary[0], summary[1]
        tap(kw, item(kw, "listenButton"))
        _read_to(kw, engine, player, second)
        assert engine.said[-1][1] == sentences[second]
        text = _summary_text(kw, sentences[second])
        this = _lines_of(text, *reading.span_of(second))
        before = _lines_of(_summary_text(kw, sentences[first]), *reading.span_of(first))
        after_index = second + 1
        assert (reading.section_of(after_index), reading.piece_of(after_index)) == (0, HEADING)
        heading = items(kw, "sectionHeading")[0]
        after = _lines_of(heading, *reading.span_of(after_index))
        view = scene_rect(item(kw, "exhibitFlick"))
        strip = scene_rect(item(kw, "captionStrip"))
        assert this and all(view.contains(b) and not strip.intersects(b) for b in this)
        marked = grab(kw)
        kw.kiosk.readAloud.stop()
        settle(kw.window, kw.images)
        plain = grab(kw)
        assert share_changed(marked, plain, this) > 0.5, (scale, contrast)
        inset = kw.window.height() / 1080 * 24 / 3  # the mark's padding beside a sentence
        others = [b.adjusted(inset, 0, -inset, 0) for b in before + after if b.width() > 2 * inset]
        others = [b for b in others if view.contains(b) and not strip.intersects(b)]
        assert len(others) >= 2, "the sentences either side are not on screen"
        assert share_changed(marked, plain, others) < 0.02, (scale, contrast)


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_the_head_and_the_key_facts_are_marked_where_they_are_and_kept_in_view(
    rendition_cache: Path, size: tuple[int, int]
) -> None:
    """Title, subtitle, summary: the sentence's own lines are marked, in the text that
    shows it; the key facts' heading too; a fact (read as "label: value") marks its card."""
    engine = FakeEngine()
    player = ReadAloudPlayer(Speaker(engine, clock=FakeClock()))
    with open_window(CONTENT, rendition_cache, size=size, player=player) as kw:
        kw.kiosk.appearance.set_text_scale(1.25)
        kw.kiosk.nav.openExhibit(SHOWN.id)
        settle(kw.window, kw.images)
        reading = reading_for(CONTENT, kw.kiosk.nav.place, "uz")
        assert reading is not None
        sentences = split_sentences(reading.text)
        tap(kw, item(kw, "listenButton"))
        view = scene_rect(item(kw, "exhibitFlick"))
        cards = items(kw, "factCard")
        assert len(cards) == len(SHOWN.facts)
        for index, said in enumerate(sentences):
            section, piece = reading.section_of(index), reading.piece_of(index)
            if section not in (HEAD, FACTS):
                continue
            _read_to(kw, engine, player, index)
            view = scene_rect(item(kw, "exhibitFlick"))
            strip = scene_rect(item(kw, "captionStrip"))
            marks = [scene_rect(m) for m in items(kw, "sentenceMark")]
            cards_marked = [c for c in cards if item_visible_mark(c)]
            if section == FACTS and piece >= 0:
                assert marks == [] and len(cards_marked) == 1, (index, said)
                card = cards_marked[0]
                assert card.property("value") == SHOWN.facts[piece].value.get("uz")
                box = scene_rect(card)
                assert view.contains(box) and not strip.intersects(box), (index, box, view)
                continue
            assert cards_marked == [] and marks, (index, said)
            where = {
                (HEAD, HEADING): item(kw, "pageTitle"),
                (HEAD, SUBTITLE): item(kw, "pageSubtitle"),
                (FACTS, HEADING): item(kw, "factsHeading"),
            }
            text = where.get((section, piece)) or _summary_text(kw, said)
            lines = _lines_of(text, *reading.span_of(index))
            assert len(marks) == len(lines), (index, said)
            for mark, line in zip(marks, lines, strict=True):
                assert mark.contains(line.center()) and mark.height() >= line.height() * 0.9
                assert view.contains(mark) and not strip.intersects(mark), (index, mark, view)


def item_visible_mark(card: QQuickItem) -> bool:
    marks = [c for c in card.childItems() if c.objectName() == "factMark"]
    return any(m.isVisible() for m in marks)

"""The listen button's text for each screen of the bundled exhibits."""

from __future__ import annotations

from pathlib import Path

from kiosk.content.loader import load_content
from kiosk.content.model import ContentSet
from kiosk.content.spoken import CAPTION, HEADING, sentence
from kiosk.runtime.navigation import ATTRACT, EXHIBIT, GALLERY, HOME, TIMELINE, Place
from kiosk.runtime.readaloud_captions import split_sentences
from kiosk.runtime.readaloud_text import FACTS, HEAD, NO_SECTION, Reading, reading_for
from kiosk.ui import present

BUNDLED = Path(__file__).resolve().parents[1] / "exhibits"


def bundled() -> ContentSet:
    content = load_content(BUNDLED).content
    assert content is not None
    return content


def test_exhibit_page_reads_its_text_with_the_sites_facts_heading() -> None:
    content = bundled()
    exhibit = content.exhibits[1]
    reading = reading_for(content, Place(EXHIBIT, exhibit.id), "az")
    assert reading is not None and reading.exhibit_id == exhibit.id and reading.entry_date is None
    lines = reading.text.splitlines()
    assert lines[0].rstrip(".") == exhibit.title.get("az").rstrip(".")
    assert "Əsas faktlar." in lines  # the site's "facts" string in Azerbaijani
    assert reading.text != reading_for(content, Place(EXHIBIT, exhibit.id), "ru").text  # type: ignore[union-attr]


def test_gallery_reads_the_open_images_caption() -> None:
    content = bundled()
    exhibit = next(e for e in content.exhibits if len(e.gallery) > 1)
    reading = reading_for(content, Place(GALLERY, exhibit.id, 1), "en")
    caption = exhibit.gallery[1].caption
    assert caption is not None
    assert reading == Reading(caption.get("en").rstrip(".") + ".", exhibit.id)


def test_timeline_reads_the_open_entry_and_names_its_date() -> None:
    content = bundled()
    exhibit, entry = content.timeline()[2]
    reading = reading_for(content, Place(TIMELINE, index=2), "ru")
    assert reading is not None
    assert (reading.exhibit_id, reading.entry_date) == (exhibit.id, entry.date)
    assert reading.text.splitlines()[0].rstrip(".") == entry.label.get("ru").rstrip(".")


def test_nothing_to_read_on_home_attract_or_a_vanished_place() -> None:
    content = bundled()
    assert reading_for(content, Place(HOME), "uz") is None
    assert reading_for(content, Place(ATTRACT), "uz") is None
    assert reading_for(content, Place(EXHIBIT, "gone"), "uz") is None
    assert reading_for(content, Place(TIMELINE, index=10_000), "uz") is None
    assert reading_for(content, Place(GALLERY, content.exhibits[0].id, 10_000), "uz") is None


def test_one_section_is_read_alone_and_every_sentence_knows_its_section() -> None:
    content = bundled()
    exhibit = content.exhibits[0]
    place = Place(EXHIBIT, exhibit.id)
    whole = reading_for(content, place, "en")
    assert whole is not None
    sentences = split_sentences(whole.text)
    assert len(whole.sections) == len(sentences)
    assert whole.section_of(0) == HEAD  # the title
    for index in range(len(exhibit.sections)):
        one = reading_for(content, place, "en", section=index)
        assert one is not None and one.exhibit_id == exhibit.id
        assert one.text.splitlines()[0].rstrip(".") == exhibit.sections[index].heading.get(
            "en"
        ).rstrip(".")
        assert set(one.sections) == {index}
        # the section's sentences are the ones the whole reading marks with its number
        marked = [s for s, n in zip(sentences, whole.sections, strict=True) if n == index]
        assert marked == list(split_sentences(one.text))
    assert whole.sections[-1] == FACTS  # the key facts
    assert reading_for(content, place, "en", section=len(exhibit.sections)) is None
    assert whole.section_of(len(sentences)) == NO_SECTION


def test_each_sentence_knows_its_paragraph_or_bullet_as_the_screen_counts_them() -> None:
    content = bundled()
    exhibit, index = next(
        (e, i)
        for e in content.exhibits
        for i, s in enumerate(e.sections)
        if "\n- " in "\n" + s.body.get("en") and s.image is not None
    )
    reading = reading_for(content, Place(EXHIBIT, exhibit.id), "en", section=index)
    assert reading is not None
    sentences = split_sentences(reading.text)
    assert len(reading.pieces) == len(sentences)
    assert reading.piece_of(0) == HEADING and reading.pieces[-1] == CAPTION
    blocks = present.blocks(exhibit.sections[index].body, "en")  # as the page shows them
    shown = [(b["piece"], b["text"]) for b in blocks if b["kind"] == "paragraph"]
    shown += [(b["piece"] + n, item) for b in blocks for n, item in enumerate(b["items"])]
    for number, text in shown:  # each paragraph's and bullet's own sentences
        marked = [s for s, p in zip(sentences, reading.pieces, strict=True) if p == number]
        assert marked == list(split_sentences(sentence(text))), (number, text)

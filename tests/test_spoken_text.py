"""What is read aloud: the visitor text of a page, plain, in one language, with fallback."""

from __future__ import annotations

from pathlib import Path

from factories import image_item, make_site, valid_exhibit

from kiosk.content.loader import load_content
from kiosk.content.model import Exhibit
from kiosk.content.spoken import exhibit_text, gallery_image_text, sentence, timeline_entry_text


def two_languages(uz: str, en: str) -> dict[str, str]:
    """A text written in Uzbek (the default) and English only: az and ru fall back."""
    return {"uz": uz, "en": en}


def load_one(tmp_path: Path) -> Exhibit:
    cover = image_item("images/cover.jpg")
    cover["caption"] = two_languages("Muqova izohi", "Cover caption")
    section_image = image_item("images/photo.png")
    section_image["caption"] = two_languages("Maktab binosi", "The school building")
    gallery = image_item("images/photo.png")
    gallery["caption"] = two_languages("Galereya izohi", "Gallery caption")
    exhibit = valid_exhibit(
        title=two_languages("Maktab", "The school"),
        subtitle=two_languages("Fuzuli", "Fuzuli"),
        summary=two_languages(
            "Maktab ochildi.\n\nUnda:\n- kutubxona\n- ikki tilda darslar\n",
            "The school opened.\n\nIt has:\n- a library\n- classes in two languages\n",
        ),
        cover=cover,
        sections=[
            {
                "heading": two_languages("Loyiha", "The project"),
                "body": two_languages(
                    "Ijtimoiy loyiha! Yana <b>bir</b> gap", "A social project! One <b>more</b> line"
                ),
                "image": section_image,
            }
        ],
        facts=[
            {"label": two_languages("Qurilgan", "Built:"), "value": two_languages("2023", "2023")},
            {"label": two_languages("Sigʻimi", "Capacity"), "value": two_languages("960", "960")},
        ],
        gallery=[gallery],
        timeline=[
            {
                "date": "2023-08",
                "label": two_languages("2023-yil avgust", "August 2023"),
                "title": two_languages("Maktab qurildi", "The school was built"),
                "text": two_languages("Fuzulida.\n\n- 960 oʻrin", "In Fuzuli.\n\n- 960 places"),
            }
        ],
    )
    result = load_content(make_site(tmp_path, {"school": exhibit}))
    assert result.content is not None, [str(p) for p in result.errors]
    return result.content.exhibits[0]


def test_exhibit_page_text_in_english(tmp_path: Path) -> None:
    exhibit = load_one(tmp_path)
    assert exhibit_text(exhibit, "en", "Key facts") == "\n".join(
        [
            "The school.",
            "Fuzuli.",
            "The school opened.",
            "It has:",
            "a library.",
            "classes in two languages.",
            "The project.",
            "A social project! One <b>more</b> line.",
            "The school building.",
            "Key facts.",
            "Built: 2023.",
            "Capacity: 960.",
        ]
    )


def test_exhibit_page_text_in_uzbek(tmp_path: Path) -> None:
    exhibit = load_one(tmp_path)
    assert exhibit_text(exhibit, "uz", "Asosiy maʼlumotlar") == "\n".join(
        [
            "Maktab.",
            "Fuzuli.",
            "Maktab ochildi.",
            "Unda:",
            "kutubxona.",
            "ikki tilda darslar.",
            "Loyiha.",
            "Ijtimoiy loyiha! Yana <b>bir</b> gap.",
            "Maktab binosi.",
            "Asosiy maʼlumotlar.",
            "Qurilgan: 2023.",
            "Sigʻimi: 960.",
        ]
    )


def test_a_missing_translation_reads_the_default_language_like_the_screen(
    tmp_path: Path,
) -> None:
    exhibit = load_one(tmp_path)
    assert exhibit_text(exhibit, "ru", "Ключевые факты") == exhibit_text(
        exhibit, "uz", "Asosiy maʼlumotlar"
    ).replace("Asosiy maʼlumotlar.", "Ключевые факты.")


def test_no_file_name_or_folder_is_ever_read(tmp_path: Path) -> None:
    exhibit = load_one(tmp_path)
    for language in ("uz", "az", "ru", "en"):
        for text in (
            exhibit_text(exhibit, language, "Key facts"),
            gallery_image_text(exhibit, 0, language),
            timeline_entry_text(exhibit.timeline[0], language),
        ):
            assert "images/" not in text and ".png" not in text and ".jpg" not in text
            assert str(tmp_path) not in text


def test_open_gallery_image_reads_its_caption(tmp_path: Path) -> None:
    exhibit = load_one(tmp_path)
    assert gallery_image_text(exhibit, 0, "en") == "Gallery caption."
    assert gallery_image_text(exhibit, 0, "az") == "Galereya izohi."
    assert gallery_image_text(exhibit, 1, "en") == ""


def test_open_timeline_entry_text(tmp_path: Path) -> None:
    entry = load_one(tmp_path).timeline[0]
    assert (
        timeline_entry_text(entry, "en")
        == "August 2023.\nThe school was built.\nIn Fuzuli.\n960 places."
    )


def test_facts_heading_is_left_out_when_not_given(tmp_path: Path) -> None:
    text = exhibit_text(load_one(tmp_path), "en")
    assert "Key facts" not in text
    assert text.endswith("The school building.\nBuilt: 2023.\nCapacity: 960.")


def test_sentence_keeps_the_curators_own_stop() -> None:
    assert sentence("Really?") == "Really?"
    assert sentence("«Dostluq»!") == "«Dostluq»!"
    assert sentence("“Quoted.”") == "“Quoted.”"
    assert sentence("  two\n lines ") == "two lines."
    assert sentence("Heading") == "Heading."
    assert sentence("   ") == ""

"""Captions: the sentences of a reading, where each one is in the text the page shows,
and which one is being read."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.loader import load_content
from kiosk.content.spoken import section_pieces, sentence
from kiosk.runtime.readaloud_captions import Captions, sentence_spans, split_sentences

BUNDLED = Path(__file__).resolve().parents[1] / "exhibits"


def test_sentences_split_at_stops_and_lines() -> None:
    text = "The school.\nIt opened in 2023. It has 960 places! Why? «Dostluq» muzeyi.\nLast line"
    assert split_sentences(text) == (
        "The school.",
        "It opened in 2023.",
        "It has 960 places!",
        "Why?",
        "«Dostluq» muzeyi.",
        "Last line",
    )


def test_abbreviations_before_lower_case_do_not_split() -> None:
    assert split_sentences("В 2023 г. в Ташкенте открыт музей. Потом школа.") == (
        "В 2023 г. в Ташкенте открыт музей.",
        "Потом школа.",
    )
    assert split_sentences("1991-yil 25-dek. kuni ochildi. Bu muhim.") == (
        "1991-yil 25-dek. kuni ochildi.",
        "Bu muhim.",
    )


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "Muzeyni Sh. Rashidov ochdi. Keyin maktab.",
            ("Muzeyni Sh. Rashidov ochdi.", "Keyin maktab."),
        ),
        ("Gʻ. Gʻulom sheʼri oʻqildi. Bu yaxshi.", ("Gʻ. Gʻulom sheʼri oʻqildi.", "Bu yaxshi.")),
        ("Şeiri H. Cavid yazıb. Sonra.", ("Şeiri H. Cavid yazıb.", "Sonra.")),
        (
            "Музей открыл Ш. Р. Рашидов. Потом школа.",
            ("Музей открыл Ш. Р. Рашидов.", "Потом школа."),
        ),
        (
            "A poem by A. Navoiy was read. Then music.",
            ("A poem by A. Navoiy was read.", "Then music."),
        ),
    ],
    ids=["uz", "uz-digraph", "az", "ru", "en"],
)
def test_initials_before_a_name_do_not_end_a_sentence(
    text: str, sentences: tuple[str, ...]
) -> None:
    assert split_sentences(text) == sentences


def test_closing_quotes_stay_with_their_sentence() -> None:
    assert split_sentences("He said “it opened.” Then it closed.") == (
        "He said “it opened.”",
        "Then it closed.",
    )


def test_blank_lines_and_spaces_are_not_sentences() -> None:
    assert split_sentences("\n  \nOne.   \n\n  Two  words. \n") == ("One.", "Two words.")


def test_spans_point_at_each_sentence_in_the_text_as_shown() -> None:
    shown = "  It opened in 2023.  It has\n960 places! «Why?» Last"
    spans = sentence_spans(shown)
    assert [shown[start:end] for start, end in spans] == [
        "It opened in 2023.",
        "It has\n960 places!",
        "«Why?»",
        "Last",
    ]


@pytest.mark.parametrize("language", ["uz", "az", "ru", "en"])
def test_every_bundled_paragraph_has_a_span_per_spoken_sentence(language: str) -> None:
    """The page finds the sentence the voice is on in the paragraph it shows: as many
    spans as the voice has sentences, each the same words."""
    content = load_content(BUNDLED).content
    assert content is not None
    for exhibit in content.exhibits:
        for index in range(len(exhibit.sections)):
            for _, text in section_pieces(exhibit, index, language):
                spoken = split_sentences(sentence(text))
                shown = [" ".join(text[s:e].split()) for s, e in sentence_spans(text)]
                assert len(shown) == len(spoken), (exhibit.id, text)
                for words, said in zip(shown, spoken, strict=True):
                    assert said == words or said == words + ".", (words, said)


def test_captions_name_the_sentence_being_read_and_move_on_when_told() -> None:
    captions = Captions()
    assert (captions.index, captions.sentence) == (-1, "")
    captions.start(("One.", "Two."))
    assert (captions.index, captions.sentence) == (0, "One.")
    assert captions.advance()
    assert (captions.index, captions.sentence) == (1, "Two.")
    assert not captions.advance()  # that was the last one
    assert (captions.index, captions.sentence) == (1, "Two.")
    captions.stop()
    assert (captions.index, captions.sentence) == (-1, "")
    assert captions.sentences == ("One.", "Two.")

"""The bundled exhibits read as museum labels: our own words, short, not repeated.

Every fact comes from one news article (``../shared/seed/friendship-article.txt``
beside the repository). The labels may use its facts, never its sentences: no
text, in any language, shares a run of ``RUN`` consecutive words with it (its title,
cited as the source, aside). The check does not need the article:
``article_runs.txt`` holds a hash of each of its runs (nothing of its text), and
while the article is there a test keeps that file in step with it. After the
article changes, run ``python tests/test_exhibit_text.py [path/to/article.txt]``.

The museum speaks in its own voice: facts are stated plainly, and the article is
named in an exhibit's texts at most once (for the one judgement it quotes); each
exhibit's source line says where everything came from.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterator, Mapping
from dataclasses import fields, is_dataclass
from pathlib import Path

import pytest

from kiosk.commands.args import bundled_exhibits
from kiosk.content.loader import load_content
from kiosk.content.model import BulletList, ContentSet, Exhibit, Text
from kiosk.content.richtext import parse_blocks

REPO = Path(__file__).resolve().parent.parent
ARTICLE = REPO.parent / "shared" / "seed" / "friendship-article.txt"
RUNS_FILE = Path(__file__).with_name("article_runs.txt")
RUN = 8  # words in a row shared with the article that make a sentence copied
REPEAT_RUN = 8  # words in a row a summary may not share with its own sections
MAX_SENTENCE_WORDS = 24  # "under 25 words"
MAX_SECTION_WORDS_EN = 110  # a standing visitor reads it in under 30 s
# Judgements the article makes; a label may repeat one only as the article's.
EVALUATIONS = (
    "vivid",
    "landmark",
    "true demonstration",
    "tested by time",
    "crucial",
    "significant",
    "rich history",
    "special place",
    "special attention",
    "deep spiritual",
)
ATTRIBUTION = re.compile(r"\b(article|report|reports|says|puts it|calls|describes|words)\b")
# The article's vocabulary: as the museum's own words it reads as a press release,
# so a label uses one only inside quotation marks, in a sentence naming the article.
PRESS_RELEASE = (
    "vivid symbol",
    "solid foundation",
    "brotherly solidarity",
    "true demonstration",
    "liberated territories",
    "national leader",
    "essential component",
    "tested by time",
)
# The cited source's title: naming it is a citation, not a copied sentence.
SOURCE_TITLE = "Uzbekistan, Azerbaijan Friendship: Rooted in History, Focused on Future"
# How each language names the source in running text ("the article says", ...).
NAMES_THE_SOURCE = {
    "en": re.compile(r"\b(?:article|report|publication)s?\b|Caspian Post|\bUzA\b", re.I),
    "uz": re.compile(r"\bmaqola|\bnashr|Caspian Post|\bUzA\b", re.I),
    "az": re.compile(r"\bməqalə|\bnəşr|Caspian Post|\bUzA\b", re.I),
    "ru": re.compile(r"\bстать(?:я|и|е|ю|ей|ёй)\b|\bиздани|\bматериал|Caspian Post|\bУзА\b", re.I),
}
# Uzbek oʻ and gʻ take U+02BB (the turned comma); the apostrophe and quotation marks
# that look like it are other characters, and U+02BB belongs after o and g only.
UZ_WRONG_TURNED_COMMA = re.compile(r"[OoGg][\u2018\u2019'`\u00b4\u02bc]|(?<![OoGg])\u02bb")
# Russian keeps a number with its unit or noun on one line ("2023\u00a0г.", "{seconds}\u00a0с").
RU_BREAKABLE_NUMBER = re.compile(r"(?:\d|\{seconds\})[ \t\n]+(?=[^\W\d_])")

_WORD = re.compile(r"[^\W_]+")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def words(text: str) -> list[str]:
    """Lower-case words; punctuation, quotes and dashes are only separators."""
    return _WORD.findall(text.lower())


def run_hashes(text: str, size: int = RUN) -> set[str]:
    tokens = words(text)
    return {
        hashlib.sha256(" ".join(tokens[i : i + size]).encode()).hexdigest()[:16]
        for i in range(len(tokens) - size + 1)
    }


def sentences(text: str) -> list[str]:
    """Sentences of a safe-format text; each bullet point counts as one."""
    found: list[str] = []
    for block in parse_blocks(text):
        if isinstance(block, BulletList):
            found += block.items
        else:
            found += [s for s in _SENTENCE_END.split(block.text) if s.strip()]
    return found


def texts_of(value: object, where: str) -> Iterator[tuple[str, Text]]:
    """Every visitor text in a content object, named by its field path."""
    if isinstance(value, Text):
        yield where, value
    elif isinstance(value, Mapping):
        for key, entry in value.items():
            yield from texts_of(entry, f"{where}.{key}")
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            yield from texts_of(getattr(value, f.name), f"{where}.{f.name}")
    elif isinstance(value, tuple):
        for index, entry in enumerate(value):
            yield from texts_of(entry, f"{where}[{index + 1}]")


@pytest.fixture(scope="module")
def content() -> ContentSet:
    result = load_content(bundled_exhibits())
    assert result.content is not None, [str(p) for p in result.errors]
    return result.content


def exhibit_ids(content: ContentSet) -> list[str]:
    return [e.id for e in content.exhibits]


def committed_runs() -> set[str]:
    return set(RUNS_FILE.read_text(encoding="ascii").split())


def test_the_committed_run_hashes_match_the_article() -> None:
    if not ARTICLE.is_file():
        pytest.skip(f"the source article is not at {ARTICLE}; checked against {RUNS_FILE.name}")
    expected = run_hashes(ARTICLE.read_text(encoding="utf-8"))
    assert committed_runs() == expected, "run: python tests/test_exhibit_text.py"


def test_no_text_copies_a_run_of_words_from_the_article(content: ContentSet) -> None:
    article = committed_runs()
    copied = [
        f"{where} [{code}]: {value}"
        for where, text in [
            *texts_of(content.site, "kiosk.yaml"),
            *(pair for e in content.exhibits for pair in texts_of(e, e.id)),
        ]
        for code, value in text.values.items()
        if run_hashes(value.replace(SOURCE_TITLE, " ")) & article
    ]
    assert copied == []


def test_the_run_check_finds_a_copied_sentence() -> None:
    """The check itself: a sentence lifted from the article is found, in any case
    and punctuation; the same facts in other words are not."""
    copied = "THE OPENING OF EMBASSIES in Tashkent and Baku, in 1997–1998, marked the beginning!"
    own = "Embassies opened in Tashkent and Baku in 1997–1998; active engagement began."
    assert run_hashes(copied) & committed_runs()
    assert not run_hashes(own) & committed_runs()


def test_summaries_are_two_sentences_that_sections_do_not_repeat(content: ContentSet) -> None:
    problems = []
    for exhibit in content.exhibits:
        for code in content.site.language_codes:
            summary = exhibit.summary.get(code)
            if len(sentences(summary)) != 2:
                problems.append(f"{exhibit.id} [{code}] summary: {sentences(summary)}")
            section_runs = set().union(
                *(run_hashes(s.body.get(code), REPEAT_RUN) for s in exhibit.sections)
            )
            for sentence in sentences(summary):
                if run_hashes(sentence, REPEAT_RUN) & section_runs:
                    problems.append(f"{exhibit.id} [{code}] repeated: {sentence}")
    assert problems == []


def test_the_repeat_check_finds_a_summary_sentence_in_a_section() -> None:
    body = "Some lead-in. The museum opened in Tashkent in 2023, for the centenary."
    summary = "The museum opened in Tashkent in 2023, for the centenary. Another one."
    assert run_hashes(sentences(summary)[0], REPEAT_RUN) & run_hashes(body, REPEAT_RUN)


def body_texts(exhibit: Exhibit) -> Iterator[tuple[str, Text]]:
    yield f"{exhibit.id}.summary", exhibit.summary
    for index, section in enumerate(exhibit.sections, 1):
        yield f"{exhibit.id}.sections[{index}]", section.body
    for index, entry in enumerate(exhibit.timeline, 1):
        yield f"{exhibit.id}.timeline[{index}]", entry.text


def test_sentences_are_under_25_words_in_every_language(content: ContentSet) -> None:
    long = [
        f"{where} [{code}] {len(words(sentence))} words: {sentence}"
        for exhibit in content.exhibits
        for where, text in body_texts(exhibit)
        for code, value in text.values.items()
        for sentence in sentences(value)
        if len(words(sentence)) > MAX_SENTENCE_WORDS
    ]
    assert long == []


def test_each_section_reads_in_under_30_seconds_and_says_more_than_one_thing(
    content: ContentSet,
) -> None:
    problems = []
    for exhibit in content.exhibits:
        for index, section in enumerate(exhibit.sections, 1):
            english = section.body.get("en")
            if len(words(english)) > MAX_SECTION_WORDS_EN:
                problems.append(f"{exhibit.id}.sections[{index}]: {len(words(english))} words")
            for code, value in section.body.values.items():
                if len(sentences(value)) < 2:
                    problems.append(f"{exhibit.id}.sections[{index}] [{code}]: one sentence")
    assert problems == []


def test_judgements_are_the_articles_not_ours(content: ContentSet) -> None:
    unattributed = [
        f"{where}: {sentence}"
        for exhibit in content.exhibits
        for where, text in texts_of(exhibit, exhibit.id)
        for sentence in sentences(text.get("en"))
        if any(term in sentence.lower() for term in EVALUATIONS)
        and not ATTRIBUTION.search(sentence.lower())
    ]
    assert unattributed == []


def test_the_story_runs_in_time(content: ContentSet) -> None:
    """History (1991-1998) first; each exhibit's first event no earlier than the last's."""
    assert exhibit_ids(content)[0] == "history"
    firsts = [min(t.date for t in e.timeline) for e in content.exhibits if e.timeline]
    assert firsts == sorted(firsts)


def all_texts(content: ContentSet) -> Iterator[tuple[str, Text]]:
    yield from texts_of(content.site, "kiosk.yaml")
    for exhibit in content.exhibits:
        yield from texts_of(exhibit, exhibit.id)


def source_mentions(exhibit: Exhibit, code: str) -> list[str]:
    """Where an exhibit's texts (its source line aside) name the article."""
    return [
        f"{where}: {match.group(0)}"
        for where, text in texts_of(exhibit, exhibit.id)
        if ".credits[" not in where and code in text.values
        for match in NAMES_THE_SOURCE[code].finditer(text.values[code])
    ]


def test_each_exhibit_names_the_article_at_most_once_in_each_language(
    content: ContentSet,
) -> None:
    """The museum states facts itself; the article is named only for the one
    judgement an exhibit quotes, and its source line credits the rest."""
    counted = {
        f"{exhibit.id} [{code}]": source_mentions(exhibit, code)
        for exhibit in content.exhibits
        for code in content.site.language_codes
    }
    assert {key: found for key, found in counted.items() if len(found) > 1} == {}
    for exhibit in content.exhibits:
        assert len(exhibit.credits) == 1, f"{exhibit.id}: one source line"
        assert "The Caspian Post" in exhibit.credits[0].text.get("en")


def test_the_count_finds_each_way_of_naming_the_article() -> None:
    said = {
        "en": "The article calls it rich. The report adds more.",
        "uz": "Maqolaga koʻra, boy. Maqolada yana aytiladi.",
        "az": "Məqaləyə görə, zəngin. Məqalədə daha deyilir.",
        "ru": "Статья называет его богатым. Как отмечается в статье, ещё.",
    }
    assert {code: len(NAMES_THE_SOURCE[code].findall(text)) for code, text in said.items()} == {
        "en": 2,
        "uz": 2,
        "az": 2,
        "ru": 2,
    }
    assert not NAMES_THE_SOURCE["ru"].search("Его открытие стало частью, чтобы стать ближе.")


def test_press_release_words_are_quoted_and_attributed(content: ContentSet) -> None:
    loose = [
        f"{where}: {sentence}"
        for where, text in all_texts(content)
        for sentence in sentences(text.get("en"))
        for term in PRESS_RELEASE
        if term in sentence.lower()
        and not (
            ATTRIBUTION.search(sentence.lower())
            and re.search(rf"[“\"][^”\"]*{term}[^”\"]*[”\"]", sentence, re.I)
        )
    ]
    assert loose == []


def test_russian_numbers_keep_their_units_on_the_line(content: ContentSet) -> None:
    breakable = [
        f"{where}: {value[max(0, m.start() - 12) : m.end() + 12]!r}"
        for where, text in all_texts(content)
        for value in [text.values.get("ru", "")]
        for m in RU_BREAKABLE_NUMBER.finditer(value)
    ]
    assert breakable == []


def test_the_russian_check_finds_a_plain_space() -> None:
    assert RU_BREAKABLE_NUMBER.search("в 2023 г.")
    assert RU_BREAKABLE_NUMBER.search("через {seconds} с")
    assert not RU_BREAKABLE_NUMBER.search(
        "в 2023\u00a0г., через {seconds}\u00a0с, {index} из {count}"
    )


def test_uzbek_o_and_g_take_the_turned_comma(content: ContentSet) -> None:
    wrong = [
        f"{where}: {value[max(0, m.start() - 12) : m.end() + 12]!r}"
        for where, text in all_texts(content)
        for value in [text.values.get("uz", "")]
        for m in UZ_WRONG_TURNED_COMMA.finditer(value)
    ]
    assert wrong == []


def test_the_uzbek_check_finds_look_alike_marks() -> None:
    for lookalike in ("Oʼzbekiston", "O’zbekiston", "O'zbekiston", "Ulug‘bek", "taʻlim"):
        assert UZ_WRONG_TURNED_COMMA.search(lookalike), lookalike
    assert not UZ_WRONG_TURNED_COMMA.search("Oʻzbekiston, Ulugʻbek, taʼlim, maʼlumot")


def years_in(text: str) -> list[int]:
    return [int(y) for y in re.findall(r"\b(1[89]\d\d|20\d\d)\b", text)]


def test_the_history_exhibit_holds_1991_to_1998_only(content: ContentSet) -> None:
    """The founding years only: no later year, no "today", no leaders, no closing."""
    history = content.exhibit("history")
    assert history is not None
    later = [
        f"{where}: {text.get('en')}"
        for where, text in texts_of(history, "history")
        if ".credits[" not in where
        and (
            any(year > 1998 for year in years_in(text.get("en")))
            or re.search(r"\btoday\b|\bnow\b|Karimov|Aliyev|Mirziyoyev", text.get("en"))
        )
    ]
    assert later == []


def test_the_leaders_appear_in_one_exhibit(content: ContentSet) -> None:
    """Both pairs of leaders are named together once, on the same footing."""
    naming = [
        e.id
        for e in content.exhibits
        if any("Islam Karimov" in text.get("en") for _, text in texts_of(e, e.id))
    ]
    assert naming == ["people"]


def test_the_exhibits_follow_the_story_in_time(content: ContentSet) -> None:
    """1991-1998, this museum (2023), Fuzuli (August 2023), the Culture Days (2024),
    then people and youth, with the closing thought last."""
    assert exhibit_ids(content) == [
        "history",
        "friendship-museum",
        "fuzuli-school",
        "culture-days",
        "people",
    ]
    closing = content.exhibits[-1].sections[-1]
    assert closing.heading.get("en") == "More than diplomacy"


if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else ARTICLE
    runs = sorted(run_hashes(source.read_text(encoding="utf-8")))
    RUNS_FILE.write_text("\n".join(runs) + "\n", encoding="ascii")
    sys.stdout.write(f"{len(runs)} run hashes written to {RUNS_FILE}\n")

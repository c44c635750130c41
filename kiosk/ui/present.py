"""Turn the content model into plain dicts and lists for QML, in one language.

No Qt here either: these are the shapes the views bind to, tested without a window.
Images are referred to by a key (``sha256:kind``) that the bridge turns into a
rendition URL once that rendition exists.

Each kind of dict has its schema below (a ``TypedDict``), and every dict handed to QML
has every key of its schema, whatever the content leaves out: an empty string, an
empty list or ``None`` where the schema says so. QML reads the keys without guards
(``|| ""``); ``tests/test_present_schema.py`` checks each dict against its schema.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict

from kiosk.content.model import BulletList, ContentSet, Exhibit, ImageRef, Text
from kiosk.content.richtext import parse_blocks
from kiosk.media.cache import SCREEN, THUMB

if TYPE_CHECKING:
    from kiosk.content.credits import CreditLine

# The rendition kinds (the second half of an image key) are named by the cache that
# makes them. QML never spells them: it gets whole keys from the dicts below.


class Block(TypedDict):
    """A paragraph (``text``, no ``items``) or a bullet list (``items``, no ``text``)."""

    kind: str  # "paragraph" or "list"
    text: str
    items: list[str]
    piece: int  # read aloud's number of the paragraph, or of the list's first bullet


class Image(TypedDict):
    key: str  # the rendition this screen shows
    thumb: str  # the key of the strip's picture
    alt: str
    credit: str
    caption: str  # "" for an image without one
    aspect: float  # width / height


class GalleryImage(Image):
    position: str  # "2 / 5", in the site's wording


class Tile(TypedDict):
    exhibitId: str
    title: str
    subtitle: str
    cover: str  # image key


class Section(TypedDict):
    heading: str
    blocks: list[Block]
    image: Image | None


class Fact(TypedDict):
    label: str
    value: str


class NextExhibit(TypedDict):
    exhibitId: str
    title: str


class Page(TypedDict):
    """The exhibit on screen; with none (home, timeline, about) ``no_page()``."""

    exhibitId: str
    place: str  # "Exhibit 2 of 5", in the site's wording
    readingTime: str  # "About 3 minutes to read", in the site's wording
    title: str
    subtitle: str
    summary: list[Block]
    hero: Image
    sections: list[Section]
    facts: list[Fact]
    gallery: list[GalleryImage]
    next: NextExhibit | None  # the page's button to the next exhibit, if it has one


class MapLink(TypedDict):
    index: int  # the place's on the map
    name: str


class TimelineRow(TypedDict):
    date: str
    firstOfYear: bool  # where each year begins
    label: str
    title: str
    blocks: list[Block]
    exhibitId: str
    exhibitTitle: str
    cover: str  # image key: the moment's card shows its exhibit's cover
    places: list[MapLink]  # the places on the map it links to


class Credit(TypedDict):
    label: str
    blocks: list[Block]


class ImageCredit(TypedDict):
    credit: str
    images: list[str]  # each image's caption, or its alt text when it has none


class AboutExhibit(TypedDict):
    exhibitId: str
    title: str
    credits: list[Credit]
    images: list[ImageCredit]


class About(TypedDict):
    title: str
    credits: list[Credit]
    exhibits: list[AboutExhibit]


class Slide(TypedDict):
    key: str  # image key
    title: str  # of the exhibit it belongs to


def no_page() -> Page:
    """What QML sees when no exhibit is on screen: every key, all empty."""
    return Page(
        exhibitId="",
        place="",
        readingTime="",
        title="",
        subtitle="",
        summary=[],
        hero=Image(key="", thumb="", alt="", credit="", caption="", aspect=1.5),
        sections=[],
        facts=[],
        gallery=[],
        next=None,
    )


def image_key(image: ImageRef, kind: str) -> str:
    return f"{image.sha256}:{kind}"


def blocks(text: Text, language: str) -> list[Block]:
    return _blocks(text.get(language))


def _blocks(text: str) -> list[Block]:
    """Paragraphs and lists; ``piece`` numbers the paragraphs and bullets in order (a
    list's first bullet), as read-aloud counts them to mark the one being read."""
    result: list[Block] = []
    piece = 0
    for block in parse_blocks(text):
        if isinstance(block, BulletList):
            items = list(block.items)
            result.append(Block(kind="list", text="", items=items, piece=piece))
            piece += len(items)
        else:
            result.append(Block(kind="paragraph", text=block.text, items=[], piece=piece))
            piece += 1
    return result


def _image(image: ImageRef, kind: str, language: str) -> Image:
    return Image(
        key=image_key(image, kind),
        thumb=image_key(image, THUMB),
        alt=image.alt.get(language),
        credit=image.credit.get(language),
        caption=image.caption.get(language) if image.caption else "",
        aspect=image.width / image.height if image.height else 1.5,
    )


def tile(exhibit: Exhibit, language: str) -> Tile:
    return Tile(
        exhibitId=exhibit.id,
        title=exhibit.title.get(language),
        subtitle=exhibit.subtitle.get(language),
        cover=image_key(exhibit.cover, THUMB),
    )


# A visitor standing at a screen reads about 180 words a minute (slower than at a desk).
WORDS_A_MINUTE = 180


def reading_minutes(exhibit: Exhibit, language: str) -> int:
    """About how long the page's words take to read, in whole minutes, one at least."""
    texts = [exhibit.title, exhibit.subtitle, exhibit.summary]
    for section in exhibit.sections:
        texts += [section.heading, section.body]
    for fact in exhibit.facts:
        texts += [fact.label, fact.value]
    words = sum(len(text.get(language).split()) for text in texts)
    return max(1, round(words / WORDS_A_MINUTE))


def exhibit_page(
    exhibit: Exhibit,
    language: str,
    strings: dict[str, str],
    place: tuple[int, int] = (1, 1),
    following: Exhibit | None = None,
) -> Page:
    """One exhibit's page; ``place`` is its number among the exhibits and how many there
    are, ``following`` the exhibit the page's last button opens (none: no button)."""
    count = len(exhibit.gallery)
    position = strings.get("image_position", "{index} / {count}")
    index, total = place
    return Page(
        exhibitId=exhibit.id,
        place=strings["exhibit_position"]
        .replace("{index}", str(index))
        .replace("{count}", str(total)),
        readingTime=strings["reading_time"].replace(
            "{minutes}", str(reading_minutes(exhibit, language))
        ),
        title=exhibit.title.get(language),
        subtitle=exhibit.subtitle.get(language),
        summary=blocks(exhibit.summary, language),
        hero=_image(exhibit.cover, SCREEN, language),
        sections=[
            Section(
                heading=s.heading.get(language),
                blocks=blocks(s.body, language),
                image=_image(s.image, SCREEN, language) if s.image else None,
            )
            for s in exhibit.sections
        ],
        facts=[
            Fact(label=f.label.get(language), value=f.value.get(language)) for f in exhibit.facts
        ],
        gallery=[
            GalleryImage(
                **_image(image, SCREEN, language),
                position=position.replace("{index}", str(i + 1)).replace("{count}", str(count)),
            )
            for i, image in enumerate(exhibit.gallery)
        ],
        next=(
            NextExhibit(exhibitId=following.id, title=following.title.get(language))
            if following
            else None
        ),
    )


def timeline(content: ContentSet, language: str) -> list[TimelineRow]:
    dated = content.timeline()
    years = [entry.date[:4] for _, entry in dated]
    place_index = {place.id: i for i, place in enumerate(content.places)}
    return [
        TimelineRow(
            date=entry.date,
            firstOfYear=row == 0 or years[row - 1] != years[row],
            label=entry.label.get(language),
            title=entry.title.get(language),
            blocks=blocks(entry.text, language),
            exhibitId=exhibit.id,
            exhibitTitle=exhibit.title.get(language),
            cover=image_key(exhibit.cover, THUMB),
            places=[
                MapLink(index=place_index[p.id], name=p.name.get(language))
                for p in content.places
                if p.id in entry.places
            ],
        )
        for row, (exhibit, entry) in enumerate(dated)
    ]


def about(content: ContentSet, language: str) -> About:
    """The "About this exhibition" screen: the site's credits, then each exhibit's own
    credits and its images grouped by credit, every text already split into blocks."""
    from kiosk.content.credits import about_page  # the about screen only: on first use

    page = about_page(content, language)
    return About(
        title=page.title,
        credits=_credit_lines(page.credits),
        exhibits=[
            AboutExhibit(
                exhibitId=exhibit.id,
                title=exhibit.title,
                credits=_credit_lines(exhibit.credits),
                images=[
                    ImageCredit(credit=group.credit, images=list(group.images))
                    for group in exhibit.images
                ],
            )
            for exhibit in page.exhibits
        ],
    )


def _credit_lines(lines: tuple[CreditLine, ...]) -> list[Credit]:
    return [Credit(label=line.label, blocks=_blocks(line.text)) for line in lines]


def strings(content: ContentSet, language: str) -> dict[str, str]:
    """Every word of the interface in ``language``: kiosk.yaml's, and the kiosk's own
    wording for those it leaves out (``DEFAULTED_STRINGS``, filled in by the loader), so
    every key QML reads is there (``STRING_KEYS`` and ``DEFAULTED_STRINGS``)."""
    return {key: text.get(language) for key, text in content.site.strings.items()}


def strings_in_every_language(content: ContentSet) -> dict[str, list[str]]:
    """Each UI word in every language of the site: the control bar sizes its buttons
    for the longest, so they do not move when the visitor changes language."""
    every = [strings(content, code) for code in content.site.language_codes]
    return {key: [words[key] for words in every] for key in every[0]}


def attract_slides(content: ContentSet, language: str) -> list[Slide]:
    """The attract loop's slides: each exhibit's cover, then the galleries, no repeats,
    each with the title of the exhibit it belongs to."""
    slides: dict[str, str] = {}
    site = _letters(content.site.title.get(language))

    def title(exhibit: Exhibit) -> str:
        # an exhibit named as the site (the museum's own) is not named twice on a slide
        # that shows the site's name above it
        words = exhibit.title.get(language)
        return "" if site and (site in _letters(words) or _letters(words) in site) else words

    for exhibit in content.exhibits:
        slides.setdefault(image_key(exhibit.cover, SCREEN), title(exhibit))
    for exhibit in content.exhibits:
        for image in exhibit.gallery:
            slides.setdefault(image_key(image, SCREEN), title(exhibit))
    return [Slide(key=key, title=title) for key, title in slides.items()]


def _letters(text: str) -> str:
    """A title as its letters and digits alone, for comparing two spellings of a name."""
    return "".join(c for c in text.casefold() if c.isalnum())

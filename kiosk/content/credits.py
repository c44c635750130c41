"""Sources and credits: the ``credits`` field of ``kiosk.yaml`` and of each exhibit.

A museum label may draw on a publication, but it names it where a visitor can see
it. The site names the sources of the whole exhibition and who made its pictures;
an exhibit names its own sources; every image already carries its own credit.
``about_page`` gathers the three, in one language, for an "About this exhibition"
screen, so the screen only lays out plain strings.

Reading the field from YAML is ``kiosk.content.credit_schema``: this module is on the
window's start-up path (``kiosk.ui.present``) and imports neither PyYAML nor the
checks.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.content.model import ContentSet, Credit, Exhibit, ImageRef


@dataclass(frozen=True)
class CreditLine:
    """A credit in one language: "Source" and what it names."""

    label: str
    text: str  # safe text format


@dataclass(frozen=True)
class ImageCredits:
    """Images of one exhibit that share a credit, in the order the exhibit shows them."""

    credit: str  # "Generated illustration", a photographer
    images: tuple[str, ...]  # each image's caption, or its alt text when it has none


@dataclass(frozen=True)
class ExhibitCredits:
    id: str
    title: str
    credits: tuple[CreditLine, ...]
    images: tuple[ImageCredits, ...]


@dataclass(frozen=True)
class AboutPage:
    """Everything an "About this exhibition" screen shows, in one language."""

    title: str  # the site's title
    credits: tuple[CreditLine, ...]  # the whole exhibition's sources and credits
    exhibits: tuple[ExhibitCredits, ...]  # in display order


# The map's sources, in the kiosk's own words: shown on the About screen whenever the
# content has places (and so a map). A language the kiosk has no wording for gets English.
MAP_CREDIT = {
    "uz": (
        "Xarita",
        "Davlatlar chegaralari: Natural Earth (jamoat mulki). "
        "Joylar koordinatalari: GeoNames gazetteri (CC BY 4.0).",
    ),
    "az": (
        "Xəritə",
        "Ölkələrin sərhədləri: Natural Earth (ictimai mülkiyyət). "
        "Yerlərin koordinatları: GeoNames qazetiri (CC BY 4.0).",
    ),
    "ru": (
        "Карта",
        "Границы стран: Natural Earth (общественное достояние). "
        "Координаты мест: географический справочник GeoNames (CC BY 4.0).",
    ),
    "en": (
        "Map",
        "Country outlines: Natural Earth (public domain). "
        "Coordinates of places: the GeoNames gazetteer (CC BY 4.0).",
    ),
}


def about_page(content: ContentSet, language: str) -> AboutPage:
    """The credits in ``language``; a missing translation falls back to the default."""
    site = content.site
    credits = _lines(site.credits, language)
    if content.places:
        credits += (CreditLine(*MAP_CREDIT.get(language, MAP_CREDIT["en"])),)
    return AboutPage(
        site.title.get(language),
        credits,
        tuple(exhibit_credits(e, language) for e in content.exhibits),
    )


def exhibit_credits(exhibit: Exhibit, language: str) -> ExhibitCredits:
    return ExhibitCredits(
        exhibit.id,
        exhibit.title.get(language),
        _lines(exhibit.credits, language),
        _image_credits(tuple(exhibit.images()), language),
    )


def _lines(credits: tuple[Credit, ...], language: str) -> tuple[CreditLine, ...]:
    return tuple(CreditLine(c.label.get(language), c.text.get(language)) for c in credits)


def _image_credits(images: tuple[ImageRef, ...], language: str) -> tuple[ImageCredits, ...]:
    """Grouped by credit: fifteen "Generated illustration" lines would say nothing more."""
    groups: dict[str, list[str]] = {}
    for image in images:
        shown = image.caption if image.caption is not None else image.alt
        groups.setdefault(image.credit.get(language), []).append(shown.get(language))
    return tuple(ImageCredits(credit, tuple(shown)) for credit, shown in groups.items())

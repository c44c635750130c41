"""``<slug>/exhibit.yaml``: one exhibit page, checked field by field.

The id and order are returned even when the rest of the exhibit is broken, so the
loader can still tell the curator about clashes with other exhibits in the same pass.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from kiosk.content.checks import Checker, Languages, child, item, quote
from kiosk.content.credit_schema import read_credits
from kiosk.content.imagerecord import ImageChecks
from kiosk.content.imagerefs import ImageCache
from kiosk.content.model import Exhibit, Fact, ImageRef, Problem, Section, Text, TimelineEntry
from kiosk.content.place_schema import PlaceRef, read_place_refs
from kiosk.content.records import Record, record
from kiosk.content.yamlsafe import Node, ScalarNode

# The longest id analytics stores (kiosk.runtime.analytics checks ids against it):
# a longer one would validate and then never appear in ``kiosk stats``.
MAX_ID_LENGTH = 80
_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_ORDER = re.compile(r"[0-9]{1,6}")
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_IMAGE_REQUIRED = ("file", "alt", "credit")


@record
class ExhibitResult(Record):
    path: Path
    exhibit: Exhibit | None
    id: str
    id_node: Node | None
    order: int | None
    order_node: Node | None
    errors: list[Problem]
    warnings: list[Problem]
    place_refs: tuple[PlaceRef, ...] = ()  # every ``place:`` in the file, checked by the loader


def read_exhibit(
    root: Node | None,
    path: Path,
    languages: Languages,
    texts: dict[Text, Text] | None = None,
    images: ImageChecks | None = None,
) -> ExhibitResult:
    """Check one exhibit's tree (``root`` None: its YAML was already reported unusable).

    ``texts`` is the loader's pool of texts, shared by every file (see ``Checker``);
    ``images`` is how the loader has images checked (see ``ImageChecks``)."""
    c = _ExhibitChecker(path, languages, texts, images)
    if root is None:
        return ExhibitResult(path, None, "", None, None, None, [], [])
    f = c.fields(
        root,
        "",
        required=("id", "order", "title", "subtitle", "summary", "cover"),
        optional=("sections", "facts", "gallery", "timeline", "credits", "notes", "place"),
    )
    exhibit_id = c.matching(
        f.get("id"), "id", _ID, "must use only lowercase letters a-z, digits and single '-'"
    )
    if len(exhibit_id) > MAX_ID_LENGTH:
        c.error(f["id"], f"id is {len(exhibit_id)} characters long; at most {MAX_ID_LENGTH} fit")
        exhibit_id = ""
    order_text = c.matching(
        f.get("order"), "order", _ORDER, 'must be a whole number from 0 to 999999, like "20"'
    )
    order = int(order_text) if order_text else None
    title = c.text_map(f.get("title"), "title")
    subtitle = c.text_map(f.get("subtitle"), "subtitle")
    summary = c.text_map(f.get("summary"), "summary")
    cover = c.image(f.get("cover"), "cover", caption_required=False)
    sections = tuple(
        c.section(n, item("sections", i))
        for i, n in enumerate(c.sequence(f.get("sections"), "sections"))
    )
    facts = tuple(
        c.fact(n, item("facts", i)) for i, n in enumerate(c.sequence(f.get("facts"), "facts"))
    )
    gallery = tuple(
        c.image(n, item("gallery", i), caption_required=True)
        for i, n in enumerate(c.sequence(f.get("gallery"), "gallery"))
    )
    timeline = tuple(
        c.timeline_entry(n, item("timeline", i))
        for i, n in enumerate(c.sequence(f.get("timeline"), "timeline"))
    )
    credits = read_credits(c, f.get("credits"))
    notes = c.text_map(f["notes"], "notes") if "notes" in f else None  # for presenters
    places = read_place_refs(c, f.get("place"), "place")
    c.place_refs.extend(places)
    exhibit = None
    if not c.errors and cover is not None and order is not None:
        exhibit = Exhibit(
            id=exhibit_id,
            order=order,
            folder=c.folder,
            title=title,
            subtitle=subtitle,
            summary=summary,
            cover=cover,
            sections=sections,
            facts=facts,
            gallery=tuple(image for image in gallery if image is not None),
            timeline=timeline,
            credits=credits,
            notes=notes,
            places=tuple(dict.fromkeys(ref.id for ref in places)),
        )
    return ExhibitResult(
        path,
        exhibit,
        exhibit_id,
        f.get("id"),
        order,
        f.get("order"),
        c.errors,
        c.warnings,
        tuple(c.place_refs),
    )


class _ExhibitChecker(Checker):
    def __init__(
        self,
        path: Path,
        languages: Languages,
        texts: dict[Text, Text] | None = None,
        images: ImageChecks | None = None,
    ) -> None:
        super().__init__(path, languages, texts)
        self.folder = path.parent.resolve()
        self.cache = ImageCache(images)
        self.place_refs: list[PlaceRef] = []

    def image(self, node: Node | None, where: str, *, caption_required: bool) -> ImageRef | None:
        required = (*_IMAGE_REQUIRED, "caption") if caption_required else _IMAGE_REQUIRED
        f = self.fields(node, where, required=required, optional=("caption",))
        rel = self.text(f.get("file"), child(where, "file"))
        alt = self.text_map(f.get("alt"), child(where, "alt"))
        credit = self.text_map(f.get("credit"), child(where, "credit"))
        caption = self.text_map(f["caption"], child(where, "caption")) if "caption" in f else None
        if not rel:
            return None
        checked = self.cache.check(self.folder, rel)
        if isinstance(checked, str):
            self.error(f["file"], checked)
            return None
        return ImageRef(
            rel,
            str(checked.path),
            checked.sha256,
            checked.width,
            checked.height,
            alt,
            credit,
            caption,
        )

    def section(self, node: Node, where: str) -> Section:
        f = self.fields(node, where, required=("heading", "body"), optional=("image",))
        heading = self.text_map(f.get("heading"), child(where, "heading"))
        body = self.text_map(f.get("body"), child(where, "body"))
        image = None
        if "image" in f:
            image = self.image(f["image"], child(where, "image"), caption_required=False)
        return Section(heading, body, image)

    def fact(self, node: Node, where: str) -> Fact:
        f = self.fields(node, where, required=("label", "value"))
        return Fact(
            self.text_map(f.get("label"), child(where, "label")),
            self.text_map(f.get("value"), child(where, "value")),
        )

    def timeline_entry(self, node: Node, where: str) -> TimelineEntry:
        f = self.fields(
            node, where, required=("date", "label", "title", "text"), optional=("place",)
        )
        date = self.date(f.get("date"), child(where, "date"))
        places = read_place_refs(self, f.get("place"), child(where, "place"))
        self.place_refs.extend(places)
        return TimelineEntry(
            date,
            self.text_map(f.get("label"), child(where, "label")),
            self.text_map(f.get("title"), child(where, "title")),
            self.text_map(f.get("text"), child(where, "text")),
            tuple(dict.fromkeys(ref.id for ref in places)),
        )

    def date(self, node: Node | None, where: str) -> str:
        value = self.text(node, where)
        match = _DATE.fullmatch(value) if value else None
        if value and not (match and _real_date(*match.groups())):
            assert isinstance(node, ScalarNode)
            self.error(
                node,
                f"date {quote(value)} is not a valid date; write YYYY, YYYY-MM or "
                'YYYY-MM-DD, like "1995-10-02"',
            )
            return ""
        return value


def _real_date(year: str, month: str | None, day: str | None) -> bool:
    try:
        datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return False
    return True

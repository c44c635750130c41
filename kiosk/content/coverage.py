"""How complete each language is: the share of visitor texts written in it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields, is_dataclass

from kiosk.content.model import ContentSet, Text


def _texts(value: object) -> Iterator[Text]:
    if isinstance(value, Text):
        yield value
    elif is_dataclass(value) and not isinstance(value, type):
        # every field: a new text field (or a list of them) is counted without a change
        # here; ids, paths and hashes are not texts and yield nothing
        for f in fields(value):
            yield from _texts(getattr(value, f.name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _texts(item)


def language_completeness(content: ContentSet) -> dict[str, int]:
    """Percent of texts (site strings and every exhibit) present in each language."""
    texts = list(_texts(content.exhibits)) + list(content.site.strings.values())
    texts += _texts(content.site.credits)
    texts.append(content.site.title)
    total = len(texts) or 1
    return {
        code: round(100 * sum(1 for t in texts if t.has(code)) / total)
        for code in content.site.language_codes
    }

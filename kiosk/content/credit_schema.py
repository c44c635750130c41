"""The ``credits`` field of ``kiosk.yaml`` and of each exhibit, read and checked.

What a visitor sees of the credits is ``kiosk.content.credits``.
"""

from __future__ import annotations

from kiosk.content.checks import Checker, child, item
from kiosk.content.model import Credit
from kiosk.content.yamlsafe import Node

CREDIT_KEYS = ("label", "text")


def read_credits(c: Checker, node: Node | None, where: str = "credits") -> tuple[Credit, ...]:
    """A list of ``{label, text}`` text maps, checked like every other field."""
    credits = []
    for index, entry in enumerate(c.sequence(node, where)):
        at = item(where, index)
        f = c.fields(entry, at, required=CREDIT_KEYS)
        credits.append(
            Credit(
                c.text_map(f.get("label"), child(at, "label")),
                c.text_map(f.get("text"), child(at, "text")),
            )
        )
    return tuple(credits)

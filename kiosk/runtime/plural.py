"""Counts in the English the command line, the logs and the reports are written in.

"1 session", "2 sessions", "1 try left": every count printed for staff or curators
goes through ``plural`` so none reads "1 sessions". Visitor-facing words come from
the content's translations, never from here.
"""

from __future__ import annotations


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``count`` with the word in the form that agrees with it; ``plural_form``
    for words that do not just take an "s" (``plural(n, "try", "tries")``)."""
    word = singular if count == 1 else (plural_form or f"{singular}s")
    return f"{count} {word}"

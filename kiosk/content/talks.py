"""What a talk shows and what the presenter says, for every view of a talk.

The presenter console, the audience window and the printed handout all walk the same
steps; these few rules are written once, here, without Qt.
"""

from __future__ import annotations

from kiosk.content.model import ContentSet, Talk, TalkStep, Text


def exhibits_talk(content: ContentSet) -> Talk:
    """The talk given when none is named: every exhibit in order, then the timeline
    and the sources. No time limit; the only notes are the exhibits' own."""
    steps = [TalkStep("exhibit", e.id, None, None, 0) for e in content.exhibits]
    steps += [TalkStep("timeline", None, None, None, 0), TalkStep("about", None, None, None, 0)]
    return Talk("", content.site.title, None, None, tuple(steps))


def step_notes(content: ContentSet, step: TalkStep) -> Text | None:
    """The step's own notes; an exhibit step without them has its exhibit's ``notes:``."""
    if step.notes is not None:
        return step.notes
    if step.kind == "exhibit" and step.exhibit is not None:
        exhibit = content.exhibit(step.exhibit)
        return exhibit.notes if exhibit is not None else None
    return None

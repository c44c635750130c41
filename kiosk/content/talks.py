"""What a talk shows and what the presenter says, for every view of a talk.

The presenter console, the audience window and the printed handout all walk the same
steps; these few rules are written once, here, without Qt: the talk given when none is
named, why a named talk is not there, and the speaker notes of a step.
"""

from __future__ import annotations

from kiosk.content.model import ContentSet, Problem, Talk, TalkStep, Text, left_out

EXHIBIT = "exhibit"
IMAGE = "image"
TIMELINE = "timeline"
MAP = "map"
ABOUT = "about"


def default_talk(content: ContentSet) -> Talk:
    """The talk given when none is named (``kiosk --present`` without ``--talk``, and
    the handout without one): every exhibit in the site's order, then the timeline, the
    map (a site with places), and the sources, as the kiosk itself offers them. No time
    limit; the only notes are the exhibits' own (``step_notes``)."""
    steps = [TalkStep(EXHIBIT, e.id, None, None, 0) for e in content.exhibits]
    steps.append(TalkStep(TIMELINE, None, None, None, 0))
    if content.places:
        steps.append(TalkStep(MAP, None, None, None, 0))
    steps.append(TalkStep(ABOUT, None, None, None, 0))
    return Talk("", content.site.title, None, None, tuple(steps))


def missing_talk(name: str, content: ContentSet) -> tuple[str, tuple[Problem, ...]]:
    """Why ``--talk NAME`` names no talk of ``content``, in a sentence, and the errors
    of its file when it was left out for them (``kiosk.content.loader``)."""
    from kiosk.content.checks import suggest  # only for a mistake

    broken = tuple(p for p in left_out(content.warnings) if p.path.name == f"{name}.yaml")
    if broken:
        return f"talk {name!r} has errors and was left out", broken
    known = tuple(content.talks)
    hint = suggest(name, known, "talks") if known else "there are no talks"
    return f"unknown talk {name!r}; {hint}", ()


def step_notes(content: ContentSet, step: TalkStep) -> Text | None:
    """The speaker notes of ``step``: its own; else, for an exhibit step, its exhibit's
    ``notes:``. A picture step without notes has none: the exhibit's notes belong to
    its page, and saying them again at each of its pictures would repeat them."""
    if step.notes is not None:
        return step.notes
    if step.kind == EXHIBIT and step.exhibit is not None:
        exhibit = content.exhibit(step.exhibit)
        return exhibit.notes if exhibit is not None else None
    return None

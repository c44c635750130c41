"""A talk in progress, with no Qt in it: where the presenter is, what the audience sees.

One navigation state drives both windows of ``kiosk --present``: the audience window
(content only, on the projector) and the presenter console (on the laptop).
``kiosk.ui.talk`` turns keys, clicks and a timer into calls here and implements
``TalkView`` on the audience window; the tests use a fake view and a fake clock.

A clicker sends PageDown/PageUp (some Right/Left): each press is one screenful. On
an exhibit page that is the next screenful of the page until its end, then the next
step; on the timeline, the next moment until the last one; on the map, the whole map
first, then each place in turn. Backwards, the top of a page (the first moment, the
whole map) goes to the *end* of the previous step, so going back shows
what was on screen a moment ago. The last step does not wrap: one more
press says, on the console only, that the talk is over.

A question may ask for a page the talk does not show (the map, another exhibit): ``G``
puts any page of the exhibition on the audience's screen *off the talk* (``show_away``)
and the talk waits where it was. Esc, or paging past either end of that page, brings
the talk back to the very screenful it left (``come_back``); a step chosen from the
outline ends the detour there.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Generic, Protocol, TypeVar

from kiosk.content.fallback import FALLBACK_VERSION
from kiosk.content.model import ContentSet, Problem, Talk, TalkStep, left_out
from kiosk.content.talks import ABOUT, EXHIBIT, IMAGE, MAP, TIMELINE, default_talk, missing_talk

log = logging.getLogger("kiosk.talk")

STEP_KINDS = (EXHIBIT, IMAGE, TIMELINE, MAP, ABOUT)
SCROLLED = (EXHIBIT, ABOUT)  # read screenful by screenful
# and the timeline moment by moment, the map place by place; a picture is one screenful
PAGED = (*SCROLLED, TIMELINE, MAP)

BLACK = "black"
WHITE = "white"

CLOSING_S = 2 * 60  # the time left turns amber in the last two minutes (pdfpc: last-minutes)
OK, CLOSING, OVER = "ok", "closing", "over"  # the colour of the time left


class TalkView(Protocol):
    """What the talk does to the audience window."""

    def show_step(self, step: TalkStep, at_end: bool) -> None:
        """Show ``step``: at the top of its page (the timeline's first moment, the map
        with no place chosen), or scrolled to its end (its last moment, its last place)."""
        ...

    def scroll(self, screens: int) -> None:
        """Scroll the page on screen by whole screenfuls (negative: up); on the
        timeline, open the moment that many after (before) the open one; on the map,
        choose the place that many after (before)."""
        ...

    def page_edges(self) -> tuple[bool, bool]:
        """Whether the page on screen is scrolled to its start, and to its end; on the
        timeline, whether its first moment is open, and its last; on the map, whether no
        place is chosen, and whether its last one is."""
        ...

    def changed(self) -> None:
        """Something the console shows changed (step, blank, freeze, the typed number)."""
        ...

    def leave(self) -> object:
        """Where the audience is now, kept while it is shown a page off the talk."""
        ...

    def come_back(self, step: TalkStep, left: object) -> None:
        """Show ``step`` again exactly where ``leave`` found it (its screenful, moment,
        place or picture)."""
        ...


@dataclass(frozen=True)
class Clock:
    """The talk's time: ``monotonic`` for the elapsed time, ``now`` for the wall clock
    and an end time. Injected, so tests never wait."""

    monotonic: Callable[[], float]
    now: Callable[[], dt.datetime]


@dataclass(frozen=True)
class TimerReading:
    """What the console's timer shows."""

    elapsed_s: int
    left_s: int | None  # None: the talk has neither a duration nor an end time
    phase: str  # OK, CLOSING or OVER: the colour of the time left
    clock: str  # the wall clock, "HH:MM"
    running: bool  # the timer starts at the first move of the talk (or ``P``)
    paused: bool  # ``P`` stopped it; ``P`` again goes on from the same time


def playable(talk: Talk, content: ContentSet) -> Talk:
    """``talk`` without the steps the content cannot show (an exhibit gone, an image
    index past the gallery), so a reload never leaves the presenter on a broken step."""
    steps = tuple(s for s in talk.steps if _can_show(s, content))
    if len(steps) != len(talk.steps):
        log.warning("talk %r: %d step(s) skipped", talk.id, len(talk.steps) - len(steps))
    return replace(talk, steps=steps)  # the rest as written (its text size, its contrast)


def _can_show(step: TalkStep, content: ContentSet) -> bool:
    """Whether ``step`` would put something on the audience's screen: never an empty
    page (the "being updated" set of a kiosk with no valid content has no exhibits, so
    no timeline and no sources; the audience keeps its message instead)."""
    if step.kind == TIMELINE:
        return bool(content.timeline())
    if step.kind == ABOUT:
        return bool(content.exhibits)
    if step.kind == MAP:  # a site without places.yaml has no map; a place gone, no step
        return bool(content.places) and (
            step.place is None or content.place(step.place) is not None
        )
    exhibit = content.exhibit(step.exhibit or "")
    if exhibit is None:
        return False
    return step.kind == EXHIBIT or (step.image is not None and step.image < len(exhibit.gallery))


class TalkState:
    """The presenter's place in the talk, the audience's curtain and the timer."""

    def __init__(self, talk: Talk, view: TalkView, clock: Clock) -> None:
        self.talk = talk
        self._view = view
        self._clock = clock
        self.index = 0
        self.ended = False  # one press past the last step: the console says so
        self.blank = ""  # "", BLACK or WHITE: the audience sees only that colour
        self.frozen = False  # the audience keeps the picture it had; the console moves on
        self.typed = ""  # digits typed for a jump (number + Enter)
        self.away: TalkStep | None = None  # a page shown off the talk (G); the step waits
        self._left: object = None  # where the audience was on the step, to come back to
        self._started_at: float | None = None
        self._paused_at: float | None = None

    @property
    def steps(self) -> tuple[TalkStep, ...]:
        return self.talk.steps

    @property
    def step(self) -> TalkStep | None:
        """The talk's step (off the talk, the one it comes back to)."""
        return self.steps[self.index] if self.steps else None

    @property
    def shown(self) -> TalkStep | None:
        """What the audience is shown: the page off the talk, else the step."""
        return self.away or self.step

    def begin(self) -> None:
        """Put the first step on the audience screen (the timer waits for the first move)."""
        if self.steps:
            self._view.show_step(self.steps[0], at_end=False)
        self._view.changed()

    def set_talk(self, talk: Talk) -> None:
        """Reloaded content: the same step number, as near as the new talk allows."""
        self.talk = talk
        self.index = min(self.index, max(0, len(talk.steps) - 1))
        self.ended = False
        self.away = None
        if self.steps:
            self._view.show_step(self.steps[self.index], at_end=False)
        self._view.changed()

    def change_talk(self, talk: Talk) -> None:
        """Another talk chosen on the console: its first step, the timer back at 0:00
        and waiting for the first move, nothing frozen (a blank screen stays blank)."""
        self.talk = talk
        self.index = 0
        self.ended = False
        self.away = None
        self.frozen = False
        self.typed = ""
        self._started_at = self._paused_at = None
        log.info("talk %r: chosen on the console", talk.id)
        if self.steps:
            self._view.show_step(self.steps[0], at_end=False)
        self._view.changed()

    # moving -------------------------------------------------------------------------

    def forward(self) -> None:
        """PageDown, Right, Space: the next screenful, else the next step; never wraps."""
        self._start_timer()
        if self.away is not None:
            self._page_away(1)
            return
        if self.ended or not self.steps:
            return
        if self._scrolls() and not self._view.page_edges()[1]:
            self._view.scroll(1)
        elif self.index == len(self.steps) - 1:
            self.ended = True
            log.info("talk %r: over", self.talk.id)
        else:
            self._go(self.index + 1, at_end=False)
            return
        self._view.changed()

    def backward(self) -> None:
        """PageUp, Left: the screenful before, else the END of the previous step."""
        self._start_timer()
        if self.away is not None:
            self._page_away(-1)
            return
        if self.ended:
            self.ended = False  # back on the last step, as the audience still sees it
        elif self._scrolls() and not self._view.page_edges()[0]:
            self._view.scroll(-1)
        elif self.index > 0:
            self._go(self.index - 1, at_end=True)
            return
        self._view.changed()

    def first(self) -> None:
        """Home."""
        self.jump(0)

    def last(self) -> None:
        """End."""
        self.jump(len(self.steps) - 1)

    def jump(self, index: int) -> None:
        """A click in the outline, or number + Enter (0-based here): the top of that step."""
        if not self.steps:
            return
        self._start_timer()
        self._go(min(max(0, index), len(self.steps) - 1), at_end=False)

    def type_digit(self, digit: int) -> None:
        self.typed = (self.typed + str(digit))[-3:]
        self._view.changed()

    def enter(self) -> bool:
        """Enter after a number: jump to that step (1-based, as the outline counts)."""
        if not self.typed:
            return False
        number, self.typed = int(self.typed), ""
        if 1 <= number <= len(self.steps):
            self.jump(number - 1)
        else:
            self._view.changed()
        return True

    def _go(self, index: int, at_end: bool) -> None:
        self.index = index
        self.ended = False
        self.away = None  # a step chosen from the outline ends a page off the talk
        self.typed = ""
        self._view.show_step(self.steps[index], at_end=at_end)
        self._view.changed()

    def _scrolls(self) -> bool:
        step = self.shown
        return step is not None and step.kind in PAGED

    # a page off the talk --------------------------------------------------------------

    def show_away(self, page: TalkStep) -> None:
        """``G``: ``page`` on the audience's screen, off the talk (a question about
        something the talk does not show). The talk waits where it was, the timer goes on
        as it was (a page shown before the talk starts does not start it); another page
        chosen meanwhile keeps the same place to come back to."""
        if self.away is None:
            self._left = self._view.leave()
        self.away = page
        self.typed = ""
        log.info(
            "talk %r: a page off the talk (%s %s)", self.talk.id, page.kind, page.exhibit or ""
        )
        self._view.show_step(page, at_end=False)
        self._view.changed()

    def come_back(self) -> bool:
        """Esc, or paging past an end of the page off the talk: the talk's step again,
        at the screenful it left. False when no page was off the talk."""
        if self.away is None:
            return False
        self.away = None
        if self.steps:
            self._view.come_back(self.steps[self.index], self._left)
        self._view.changed()
        return True

    def _page_away(self, by: int) -> None:
        at_start, at_end = self._view.page_edges()
        if self._scrolls() and not (at_end if by > 0 else at_start):
            self._view.scroll(by)
            self._view.changed()
        else:
            self.come_back()

    # the audience's curtain -----------------------------------------------------------

    def toggle_blank(self, colour: str) -> None:
        """``b`` and ``.`` black, ``w`` white; the same key again shows the content."""
        self.blank = "" if self.blank == colour else colour
        self._view.changed()

    def toggle_freeze(self) -> None:
        self.frozen = not self.frozen
        self._view.changed()

    def escape(self) -> bool:
        """Esc leaves a blank or frozen screen (or a half-typed number) first, then a
        page off the talk; False when there was nothing to leave."""
        if not (self.blank or self.frozen or self.typed):
            return self.come_back()
        self.blank, self.frozen, self.typed = "", False, ""
        self._view.changed()
        return True

    # time -----------------------------------------------------------------------------

    def _start_timer(self) -> None:
        if self._started_at is None:
            self._started_at = self._clock.monotonic()

    def toggle_pause(self) -> None:
        """``P`` (as pdfpc): stop the elapsed time (and a duration's time left), or go on
        from where it stopped. Before the first move it starts the timer. A paused timer
        stays paused while the talk moves on, until ``P`` again."""
        now = self._clock.monotonic()
        if self._started_at is None:
            self._started_at = now
        elif self._paused_at is None:
            self._paused_at = now
        else:
            self._started_at += now - self._paused_at
            self._paused_at = None
        self._view.changed()

    def reset_timer(self) -> None:
        """``R`` (as pdfpc): the elapsed time back to 0:00, waiting, as at the start, for
        the next move (or ``P``); the talk stays where it is."""
        self._started_at = self._paused_at = None
        self._view.changed()

    def timer(self) -> TimerReading:
        now = self._clock.now()
        started, paused_at = self._started_at, self._paused_at
        upto = paused_at if paused_at is not None else self._clock.monotonic()
        elapsed = int(upto - started) if started is not None else 0
        left = _time_left(self.talk, elapsed, now)
        phase = OK if left is None or left > CLOSING_S else CLOSING if left >= 0 else OVER
        running = started is not None and paused_at is None
        return TimerReading(
            elapsed, left, phase, now.strftime("%H:%M"), running, paused_at is not None
        )

    # what the console shows -----------------------------------------------------------

    def next_up(self) -> tuple[str, TalkStep | None]:
        """What the next press shows: ("more", this step) while the page has more below
        (the timeline more moments, the map more places), ("step", the next step), or
        ("end", None) on the last screenful. Off the talk: ("more", the page), else
        ("back", the step the talk comes back to)."""
        if self.away is not None:
            if self._scrolls() and not self._view.page_edges()[1]:
                return ("more", self.away)
            return ("back", self.step)
        step = self.step
        if step is None or self.ended:
            return ("end", None)
        if self._scrolls() and not self._view.page_edges()[1]:
            return ("more", step)
        if self.index + 1 < len(self.steps):
            return ("step", self.steps[self.index + 1])
        return ("end", None)


Item = TypeVar("Item")


class Chooser(Generic[Item]):
    """A list on the console to choose from: open or not, which row is marked (the one
    Enter takes), and a number being typed."""

    def __init__(self) -> None:
        self.open = False
        self.marked = 0
        self.items: list[Item] = []
        self.typed = ""  # digits of a row's number, until it is whole (``type_digit``)

    def _show(self, items: list[Item], marked: int) -> None:
        self.items = items
        self.marked = marked if 0 <= marked < len(items) else 0
        self.typed = ""
        self.open = True

    def close(self) -> None:
        self.open = False
        self.typed = ""

    def move(self, by: int) -> None:
        """Up, Down: the mark one row up or down, held at the first and the last."""
        self.marked = max(0, min(len(self.items) - 1, self.marked + by))
        self.typed = ""

    def numbered(self, number: int) -> Item | None:
        """The row with this number in the list (counted from 1), if there is one."""
        return self.items[number - 1] if 1 <= number <= len(self.items) else None

    def type_digit(self, digit: int) -> Item | None:
        """A digit of a row's number: the row, as soon as no row's number is longer and
        begins with the digits typed (with nine rows or fewer, at its one digit; with
        twelve, "1" waits for "12" or Enter); meanwhile the number so far marks its row.
        None while it waits, or for no such row."""
        typed = (self.typed + str(digit)).lstrip("0")
        if not typed:
            return None
        if int(typed) * 10 > len(self.items):
            self.typed = ""
            return self.numbered(int(typed))
        self.typed = typed
        self.marked = int(typed) - 1
        return None

    def taken(self) -> Item | None:
        """Enter: the row marked (or numbered so far)."""
        self.typed = ""
        return self.items[self.marked] if self.items else None


class TalkChooser(Chooser[Talk]):
    """The console's list of the talks to give (``T``)."""

    def __init__(self) -> None:
        super().__init__()
        self.left_out: tuple[str, ...] = ()  # talk files with errors, located (not chosen)

    @property
    def talks(self) -> list[Talk]:
        return self.items

    def show(self, talks: list[Talk], current: str, left_out: tuple[str, ...] = ()) -> None:
        """Opened with ``talks`` (``talk_choices``), the talk on now marked."""
        self.left_out = left_out
        ids = [talk.id for talk in talks]
        self._show(talks, ids.index(current) if current in ids else 0)


class PageChooser(Chooser[TalkStep]):
    """The console's list of every page of the exhibition (``G``), to show one off the
    talk."""

    def show(self, pages: list[TalkStep], shown: TalkStep | None) -> None:
        """Opened with ``pages`` (``page_choices``), the page on the audience's screen
        marked."""
        same = [i for i, page in enumerate(pages) if shown is not None and same_page(page, shown)]
        self._show(pages, same[0] if same else 0)


def same_page(page: TalkStep, step: TalkStep) -> bool:
    """Whether ``step`` shows ``page`` (one of ``page_choices``)."""
    if page.exhibit is not None:  # an exhibit's page: from the page, or one of its pictures
        return page.exhibit == step.exhibit
    return page.kind == step.kind


def page_choices(content: ContentSet) -> list[TalkStep]:
    """Every page a talk can show off its steps: each exhibit's page in the site's
    order, the timeline, the map (a site with places), the sources; what cannot show
    (no timeline without dates) left out."""
    return [page for page in default_talk(content).steps if _can_show(page, content)]


def talk_choices(content: ContentSet) -> list[Talk]:
    """What the console offers to give: each talk file, by its name (numbers in it
    counted: ``grade-2`` before ``grade-10``), then the whole exhibition (the talk given
    when none is named)."""
    names = sorted(content.talks, key=_by_number)
    return [*(content.talks[name] for name in names), default_talk(content)]


def _by_number(name: str) -> list[tuple[int, str]]:
    return [(int(part), "") if part.isdigit() else (-1, part) for part in re.split(r"(\d+)", name)]


def talk_file_errors(content: ContentSet) -> tuple[str, ...]:
    """The errors of the talk files left out of ``content``, each located inside the
    exhibits folder (``talks/hall.yaml:4:12: ...``): the console's list names them, so
    a talk missing from it is never a mystery."""
    return tuple(
        _located(p, content) for p in left_out(content.warnings) if p.path.parent.name == "talks"
    )


def _time_left(talk: Talk, elapsed_s: int, now: dt.datetime) -> int | None:
    if talk.duration_s is not None:
        return talk.duration_s - elapsed_s
    if talk.end_time:
        end = parse_end_time(talk.end_time, now)
        return int((end - now).total_seconds()) if end else None
    return None


def parse_end_time(text: str, now: dt.datetime) -> dt.datetime | None:
    """``"HH:MM"`` in the clock's time zone, the nearest such time to ``now``: today's,
    or tomorrow's for an evening talk that ends after midnight (more than twelve hours
    before ``now`` today), or yesterday's for one that ran past it (more than twelve hours
    ahead); None if it is not a time."""
    try:
        hours, minutes = (int(part) for part in text.split(":"))
        end = now.replace(hour=hours, minute=minutes, second=0, microsecond=0)
    except ValueError:
        return None
    half_a_day = dt.timedelta(hours=12)
    if end < now - half_a_day:
        return end + dt.timedelta(days=1)
    if end > now + half_a_day:
        return end - dt.timedelta(days=1)
    return end


def format_duration(seconds: int) -> str:
    """``12:05``, ``1:02:03``; negative times (over the end) with a minus sign."""
    sign = "-" if seconds < 0 else ""
    minutes, secs = divmod(abs(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{sign}{hours}:{minutes:02}:{secs:02}" if hours else f"{sign}{minutes}:{secs:02}"


# what the console says of the content ---------------------------------------------------

TALK_LEFT_OUT = "talk_left_out"  # the talk asked for has errors: the whole exhibition instead
TALK_UNKNOWN = "talk_unknown"  # there is no such talk: the same
FOLDER_ERRORS = "folder_errors"  # an edit has errors: the talk goes on as it was loaded
EDITS_WAITING = "edits_waiting"  # an edit loaded fine: it shows when the talk starts again
NOTHING_LOADED = "nothing_loaded"  # no content ever loaded: "being updated" until it does
SCREENS_MIRRORED = "screens_mirrored"  # mirrored displays: the audience sees the console
NOTICE_LINES = 4  # problem lines shown under a notice; "and N more" for the rest


@dataclass(frozen=True)
class Notice:
    """One thing the presenter should know about the content (``kind``, a sentence
    in the console's words), with the file:line:column lines behind it."""

    kind: str
    lines: tuple[str, ...] = ()
    talk: str = ""  # the talk asked for, named in the sentence


def content_notices(
    asked: str | None,
    content: ContentSet,
    errors: Sequence[Problem] = (),
    warnings: Sequence[Problem] = (),
    waiting: bool = False,
) -> list[Notice]:
    """What the console tells the presenter of the content, never the audience.

    ``asked``: the talk named with ``--talk``; ``content``: the set on screen;
    ``errors``, ``warnings``: the last load's (an edit rejected, a talk left out);
    ``waiting``: an edit loaded and waits for the next start (the talk on screen
    never changes under the presenter). Another talk's errors are not this talk's
    business; the staff panel and ``kiosk validate`` list them. A folder that never
    loaded (the "being updated" set) has no talk to speak of: only its errors."""
    if content.version == FALLBACK_VERSION:  # no talk, no exhibit: the folder's errors
        return [Notice(NOTHING_LOADED, tuple(_located(p, content) for p in errors))]
    notices = []
    shown: tuple[Problem, ...] = ()
    if asked and asked not in content.talks:
        why, shown = missing_talk(asked, content)
        lines = tuple(_located(p, content) for p in shown) if shown else (why,)
        notices.append(Notice(TALK_LEFT_OUT if shown else TALK_UNKNOWN, lines, asked))
    own = [p for p in left_out(warnings) if asked and p.path.name == f"{asked}.yaml"]
    wrong = [p for p in (*errors, *own) if p not in shown]
    if wrong:
        notices.append(Notice(FOLDER_ERRORS, tuple(_located(p, content) for p in wrong)))
    elif waiting:
        notices.append(Notice(EDITS_WAITING))
    return notices


def _located(problem: Problem, content: ContentSet) -> str:
    """``talks/visit.yaml:4:12: ...``: the path inside the exhibits folder, as a
    presenter finds it in their editor's side bar."""
    try:
        inside = problem.path.relative_to(content.root)
    except ValueError:
        return str(problem)
    return str(Problem(inside, problem.line, problem.column, problem.message, problem.severity))


# where the windows go ---------------------------------------------------------------


Area = tuple[int, int, int, int]  # a screen's place on the desktop: x, y, width, height


@dataclass(frozen=True)
class Placement:
    """Which screen each window goes to; ``console`` None: one screen, so the console
    is an overlay window the presenter shows and hides over the audience window.
    ``mirrored``: there are other screens, but each shows part of the audience's
    picture (displays set to mirror): the console has no screen of its own."""

    audience: int
    console: int | None
    mirrored: bool = False


def place_windows(
    screens: Sequence[str],
    primary: int,
    requested: int | None,
    wanted: str | None = None,
    areas: Sequence[Area] = (),
) -> Placement:
    """The audience on the screen named ``wanted`` if it is there (the one it was put
    on: a projector unplugged and plugged in again gets the talk back), else on the
    screen asked for (``--audience-screen``, 0-based), else on the first screen that is
    not the laptop's own and does not show its picture; the console on the laptop's.
    The laptop's own screen is its built-in panel (``eDP``, ``LVDS``, ``DSI``), else
    the system's primary. A screen asked for that is not there is ignored.

    ``areas`` (each screen's, in order; none given: every screen its own): screens
    that overlap show the same pixels, as mirrored displays do. The console never goes
    on a screen that overlaps the audience's, where the projector would show the
    speaker's notes; with no other screen it is the one-screen overlay."""
    count = len(screens)
    if count <= 1:
        return Placement(0, None)
    primary = primary if 0 <= primary < count else 0
    # the laptop's own panel, whichever screen the system made primary: a projector
    # set as the primary display must not get the console, notes and all
    primary = next((i for i, name in enumerate(screens) if built_in(name)), primary)

    def apart(a: int, b: int) -> bool:
        return len(areas) != count or not _overlap(areas[a], areas[b])

    others = [i for i in range(count) if i != primary]
    if wanted is not None and wanted in screens:
        audience = list(screens).index(wanted)
    elif requested is not None and 0 <= requested < count:
        audience = requested
    else:
        audience = next((i for i in others if apart(i, primary)), others[0])
    console = next((i for i in (primary, *others) if i != audience and apart(i, audience)), None)
    return Placement(audience, console, mirrored=console is None)


BUILT_IN = ("edp", "lvds", "dsi")  # connectors of a laptop's own panel, as systems name them


def built_in(name: str) -> bool:
    """``eDP-1``, ``LVDS1``, ``DSI-1``: the screen is the laptop's own panel."""
    return name.lower().startswith(BUILT_IN)


def _overlap(a: Area, b: Area) -> bool:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


def swapped(screens: Sequence[str], placement: Placement) -> str | None:
    """``S``: the name of the screen the audience moves to (the console's), if any."""
    return screens[placement.console] if placement.console is not None else None


def step_title(step: TalkStep, content: ContentSet, language: str) -> str:
    """The step as the outline names it, in ``language``."""
    strings = content.site.strings
    if step.kind == TIMELINE:
        text = strings.get("timeline")
        return text.get(language) if text else "Timeline"
    if step.kind == ABOUT:
        text = strings.get("about")
        return text.get(language) if text else "About"
    if step.kind == MAP:
        text = strings.get("map")
        title = text.get(language) if text else "Map"
        place = content.place(step.place) if step.place else None
        return f"{title} · {place.name.get(language)}" if place else title
    exhibit = content.exhibit(step.exhibit or "")
    title = exhibit.title.get(language) if exhibit else step.exhibit or ""
    if step.kind == IMAGE and step.image is not None:
        return f"{title} · {step.image + 1}"
    return title

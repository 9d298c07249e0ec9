"""Planning vital week cycles: four consecutive working days, one hour a day.

A cycle's four days follow each other on the calendar and are all working days of the
organisation: no weekend, public holiday or closing day inside it (docs/domain.md: Ascension
week leaves no room for a cycle). When the chosen start does not allow that, the planner
says why and proposes the nearest start that does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from werkleren_desktop.domain.calendar import WorkCalendar
from werkleren_desktop.domain.constants import AttendanceStatus
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.i18n import N_, _

CYCLE_DAYS = 4
# The years a session may lie in: the holiday table's, and those for which the calendar
# file's time zone (the EU's summer time since 1996) is exact.
FIRST_YEAR = 2000
LAST_YEAR = 2100
DEFAULT_DURATION = 60
DEFAULT_START = dt.time(15, 0)
SEARCH_DAYS = 120  # how far the planner looks for the nearest possible start
MAX_SERIES = 26

# The program's own outline of the four days; an organisation can write its own.
DEFAULT_OUTLINE: tuple[str, ...] = (
    N_("Choose a work situation and the question to work on"),
    N_("Analyse the situation, with AI where useful"),
    N_("Try an improvement in the work itself"),
    N_("Reflect: what did we learn, what gave energy, what is next"),
)


ATTENDANCE_STATUS_LABELS: dict[AttendanceStatus, str] = {
    AttendanceStatus.PRESENT: N_("present"),
    AttendanceStatus.ABSENT: N_("absent"),
    AttendanceStatus.EXCUSED: N_("excused"),
}


def default_outline() -> list[str]:
    return [_(theme) for theme in DEFAULT_OUTLINE]


@dataclass(frozen=True)
class CycleProposal:
    """Four days, or why the chosen start cannot hold them and the nearest that can."""

    requested: dt.date
    days: tuple[dt.date, ...]  # empty when no start was found within SEARCH_DAYS
    problem: str = ""  # why the requested start does not work; empty when it does

    @property
    def moved(self) -> bool:
        return bool(self.days) and self.days[0] != self.requested


def _why_not(calendar: WorkCalendar, start: dt.date) -> str | None:
    """Why no cycle can start on ``start``; None when it can."""
    for offset in range(CYCLE_DAYS):
        day = start + dt.timedelta(days=offset)
        if day.isoweekday() not in calendar.working_days:
            return _("{day} is not a working day.").format(day=format_date(day, "full"))
        reason = calendar.closure_reason(day)
        if reason is not None:
            return _("{day} the organisation is closed ({reason}).").format(
                day=format_date(day, "full"), reason=reason
            )
    return None


def cycle_days(start: dt.date) -> tuple[dt.date, ...]:
    return tuple(start + dt.timedelta(days=i) for i in range(CYCLE_DAYS))


def propose_cycle(
    calendar: WorkCalendar, start: dt.date, not_before: dt.date | None = None
) -> CycleProposal:
    """Four consecutive working days from ``start``, or from the nearest start that has them.

    Earlier and later starts are tried alternately, so the nearest wins; on a tie the later
    one, because a plan usually moves forward. No start before ``not_before`` is proposed.
    """
    problem = _why_not(calendar, start) or ""
    if not problem and (not_before is None or start >= not_before):
        return CycleProposal(start, cycle_days(start))
    for distance in range(1, SEARCH_DAYS + 1):
        for candidate in (start + dt.timedelta(days=distance), start - dt.timedelta(days=distance)):
            if not_before is not None and candidate < not_before:
                continue
            if _why_not(calendar, candidate) is None:
                return CycleProposal(start, cycle_days(candidate), problem)
    return CycleProposal(start, (), problem)


def propose_series(
    calendar: WorkCalendar, first_start: dt.date, count: int, interval_weeks: int
) -> list[CycleProposal]:
    """The next ``count`` cycles, every ``interval_weeks`` weeks, each moved where needed."""
    if not 1 <= count <= MAX_SERIES:
        raise ValidationError(
            _("Plan between 1 and {n} cycles at a time.").format(n=MAX_SERIES), "count"
        )
    if not 1 <= interval_weeks <= 52:
        raise ValidationError(_("The interval lies between 1 and 52 weeks."), "interval")
    proposals: list[CycleProposal] = []
    for number in range(count):
        wanted = first_start + dt.timedelta(weeks=interval_weeks * number)
        previous = next((p.days[-1] for p in reversed(proposals) if p.days), None)
        # a cycle never starts before the previous one has ended
        not_before = previous + dt.timedelta(days=1) if previous else None
        proposals.append(propose_cycle(calendar, wanted, not_before))
    return proposals


def consecutive_warning(calendar: WorkCalendar, days: list[dt.date]) -> str | None:
    """A warning when sessions, after moving one, no longer fall on consecutive working days."""
    ordered = sorted(days)
    if len(set(ordered)) != len(ordered):
        return _("Two sessions fall on the same day.")
    for day in ordered:
        if not calendar.is_working_day(day):
            return _("{day} is not a working day of the organisation.").format(
                day=format_date(day, "full")
            )
    if (ordered[-1] - ordered[0]).days != len(ordered) - 1:
        return _("The four sessions are no longer on consecutive days.")
    return None


def check_session_day(day: dt.date, field: str = "days") -> None:
    """A ValidationError when ``day`` lies outside the years a session may lie in."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValidationError(
            _("A session lies in the years {first} to {last}.").format(
                first=FIRST_YEAR, last=LAST_YEAR
            ),
            field,
        )


@dataclass(frozen=True)
class SessionTimes:
    """When and where the sessions of a cycle are held."""

    start_time: dt.time = DEFAULT_START
    duration_minutes: int = DEFAULT_DURATION
    location: str = ""

    def validated(self) -> SessionTimes:
        if not 5 <= self.duration_minutes <= 480:
            raise ValidationError(_("A session lasts between 5 minutes and 8 hours."), "duration")
        location = " ".join(self.location.split())
        if len(location) > 200:
            raise ValidationError(_("The location is too long."), "location")
        return SessionTimes(self.start_time, self.duration_minutes, location)


def cycle_on(spans: Iterable[tuple[int, dt.date, dt.date]], day: dt.date) -> int | None:
    """The cycle a situation of ``day`` belongs to, of a group's cycles as (id, first day,
    last day), cancelled ones left out: a situation logged during one of the group's
    week cycles belongs to that cycle."""
    return next((cycle_id for cycle_id, first, last in spans if first <= day <= last), None)


def overlaps(start_a: dt.datetime, minutes_a: int, start_b: dt.datetime, minutes_b: int) -> bool:
    return start_a < start_b + dt.timedelta(minutes=minutes_b) and start_b < (
        start_a + dt.timedelta(minutes=minutes_a)
    )


# --- the printed attendance list: what it shows, without how -------------------------


@dataclass(frozen=True)
class ListSession:
    """A session as the attendance list prints it."""

    starts_at: dt.datetime
    duration_minutes: int
    location: str
    theme: str
    cancelled: bool


@dataclass(frozen=True)
class AttendanceListData:
    """Everything the attendance list of one cycle prints."""

    organisation: str
    logo_png: bytes | None
    group: str
    expert: str
    sessions: tuple[ListSession, ...]
    members: tuple[str, ...]


# --- the cycle as a workbook ----------------------------------------------------------

# The program's own library of working methods (werkvormen), in the spirit of the
# article: appealing forms of learning from one's own work, some with AI, some with a
# colleague or expert on call, each with an element of vitality or meaning. The
# organisation edits and extends the library; these are where it starts.
DEFAULT_METHODS: tuple[tuple[str, str, bool, bool, str], ...] = (
    (
        N_("Situation round"),
        N_(
            "Each brings a recent situation from their own work; the group chooses the one "
            "to work on and puts the question into words."
        ),
        False,
        False,
        N_("Start standing, with coffee: what gave you energy this week?"),
    ),
    (
        N_("Think it through with AI"),
        N_(
            "In pairs of young and old, ask an AI assistant for causes and solutions of the "
            "situation; the group checks what it says against practice."
        ),
        True,
        False,
        N_("Pairs of young and old at one screen"),
    ),
    (
        N_("Ask the expert"),
        N_(
            "The colleague or expert on call joins for half an hour: the group asks, the "
            "expert answers and asks back."
        ),
        False,
        True,
        N_("What makes this work meaningful to the expert?"),
    ),
    (
        N_("Try it in the work"),
        N_(
            "Each tries one improvement in their own work today and notes what happened, "
            "for tomorrow's session."
        ),
        False,
        False,
        N_("Walk to the workplace together"),
    ),
    (
        N_("Walk and talk"),
        N_(
            "In pairs, walk outside for twenty minutes while talking the question through; "
            "each pair reports back in one sentence."
        ),
        False,
        False,
        N_("Outside and moving"),
    ),
    (
        N_("A mistake as a lesson"),
        N_(
            "Someone tells about something that went wrong, without blame; the group asks "
            "what the situation teaches, not who caused it."
        ),
        False,
        False,
        N_("Thank the one who tells"),
    ),
    (
        N_("Feedback both ways"),
        N_(
            "Young and old tell each other what they saw the other do well in the "
            "situation, and what they would try differently."
        ),
        False,
        False,
        N_("Each names one thing they learned from the other"),
    ),
    (
        N_("Reflection round"),
        N_(
            "What did we learn, what gave energy, what do we take on next? The group writes "
            "down the outcome and the next step."
        ),
        False,
        False,
        N_("Each names what gave meaning this week"),
    ),
)
METHOD_NAME_MAX = 120
METHOD_TEXT_MAX = 2000
VITALITY_MAX = 300
WORKBOOK_TEXT_MAX = 4000


@dataclass(frozen=True)
class MethodRow:
    """A working method of the library; ``id`` None: a new one not stored yet."""

    id: int | None
    name: str
    description: str = ""
    uses_ai: bool = False
    with_others: bool = False  # a colleague or an expert joins
    vitality: str = ""  # the element of vitality or meaning
    retired: bool = False

    def traits(self) -> str:
        """What the method brings in, as one short line ("with AI · with a colleague or
        expert · vitality: ...")."""
        parts = []
        if self.uses_ai:
            parts.append(_("with AI"))
        if self.with_others:
            parts.append(_("with a colleague or expert"))
        if self.vitality:
            parts.append(_("vitality and meaning: {what}").format(what=self.vitality))
        return " · ".join(parts)


def default_methods() -> list[MethodRow]:
    return [
        MethodRow(None, _(name), _(description), ai, others, _(vitality))
        for name, description, ai, others, vitality in DEFAULT_METHODS
    ]


def _tidy(text: str) -> str:
    return " ".join(text.split())


def clean_methods(rows: list[MethodRow]) -> list[MethodRow]:
    """The library as it will be stored: spaces tidied, every method named once and
    not too long."""
    cleaned = [
        MethodRow(
            r.id,
            _tidy(r.name),
            r.description.strip(),
            r.uses_ai,
            r.with_others,
            _tidy(r.vitality),
            r.retired,
        )
        for r in rows
    ]
    seen: set[str] = set()
    for row in cleaned:
        if not row.name:
            raise ValidationError(_("A working method needs a name."), "methods")
        if len(row.name) > METHOD_NAME_MAX:
            raise ValidationError(
                _("A method's name is at most {n} characters.").format(n=METHOD_NAME_MAX),
                "methods",
            )
        if len(row.description) > METHOD_TEXT_MAX:
            raise ValidationError(
                _("The description of “{name}” is at most {n} characters.").format(
                    name=row.name, n=METHOD_TEXT_MAX
                ),
                "methods",
            )
        if len(row.vitality) > VITALITY_MAX:
            raise ValidationError(
                _("The vitality element of “{name}” is at most {n} characters.").format(
                    name=row.name, n=VITALITY_MAX
                ),
                "methods",
            )
        if row.name.casefold() in seen:
            raise ValidationError(
                _("Two working methods are called “{name}”.").format(name=row.name), "methods"
            )
        seen.add(row.name.casefold())
    return cleaned


@dataclass(frozen=True)
class DayPlan:
    """What the group does on one day of the cycle, and what it noted."""

    session_id: int
    method_id: int | None
    notes: str = ""


@dataclass(frozen=True)
class WorkbookInput:
    """The workbook of a cycle as a form holds it."""

    question: str
    situation_ids: tuple[int, ...]
    days: tuple[DayPlan, ...]
    outcome: str = ""
    next_step: str = ""

    def validated(self) -> WorkbookInput:
        texts = {
            "question": (self.question.strip(), _("The question")),
            "outcome": (self.outcome.strip(), _("What came of it")),
            "next_step": (self.next_step.strip(), _("The next step")),
        }
        for field, (text, label) in texts.items():
            if len(text) > WORKBOOK_TEXT_MAX:
                raise ValidationError(
                    _("{what} is at most {n} characters.").format(what=label, n=WORKBOOK_TEXT_MAX),
                    field,
                )
        days = []
        for number, day in enumerate(self.days, start=1):
            notes = day.notes.strip()
            if len(notes) > WORKBOOK_TEXT_MAX:
                raise ValidationError(
                    _("The notes of day {n} are at most {max} characters.").format(
                        n=number, max=WORKBOOK_TEXT_MAX
                    ),
                    f"notes_{number}",
                )
            days.append(DayPlan(day.session_id, day.method_id, notes))
        return WorkbookInput(
            texts["question"][0],
            tuple(dict.fromkeys(self.situation_ids)),
            tuple(days),
            texts["outcome"][0],
            texts["next_step"][0],
        )


@dataclass(frozen=True)
class GuideDay:
    """One day of the printed session guide."""

    day_number: int
    starts_at: dt.datetime
    duration_minutes: int
    location: str
    theme: str
    method: MethodRow | None
    notes: str
    cancelled: bool


@dataclass(frozen=True)
class SessionGuideData:
    """Everything the printed session guide of a cycle shows: one page per day."""

    organisation: str
    logo_png: bytes | None
    group: str
    expert: str
    question: str
    situations: tuple[str, ...]  # the titles of the situations the cycle takes up
    days: tuple[GuideDay, ...]

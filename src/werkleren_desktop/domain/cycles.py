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

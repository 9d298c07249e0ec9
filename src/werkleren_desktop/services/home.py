"""What the home page shows: the state of the organisation at a glance."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, or_, select

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import Person
from werkleren_desktop.domain.calendar import ClosedDay
from werkleren_desktop.domain.certificates import EXPIRING_MONTHS
from werkleren_desktop.domain.constants import RequestStatus
from werkleren_desktop.services.conversations import DueRow, due_overview
from werkleren_desktop.services.cycles import cycles_of_year
from werkleren_desktop.services.organisation import load_settings
from werkleren_desktop.services.privacy import LeaverRow, retention_due
from werkleren_desktop.services.requests import RequestRow, list_requests
from werkleren_desktop.services.training import CertificateRow, budgets, expiring_certificates

LOOK_AHEAD_DAYS = 90
UPCOMING_CLOSED_DAYS = 5


@dataclass(frozen=True)
class HomeSummary:
    organisation_name: str
    today: dt.date
    active_people: int  # in service today: started, and not left (as the people page counts)
    starting_later: int  # entered already, starting after today
    joined_this_year: int
    left_this_year: int
    upcoming_closed_days: tuple[ClosedDay, ...]
    conversations: tuple[DueRow, ...]  # where each person's conversation of this half stands
    budget_cents: int  # this year's training budget of everyone employed in it
    budget_spent_cents: int  # what the budgets carry of training followed
    budget_reserved_cents: int  # and of training planned
    cycles_this_year: int
    cycles_ahead: int  # of them, those not finished yet
    certificates: tuple[CertificateRow, ...]  # expired lately or expiring in the coming months
    leavers_to_review: tuple[LeaverRow, ...]  # left longer ago than the retention period
    retention_months: int
    requests_waiting: tuple[RequestRow, ...] = ()  # learning requests not answered, oldest first
    certificate_months: int = EXPIRING_MONTHS  # the window in which one is "expiring"


def home_summary(database: SessionFactory, today: dt.date) -> HomeSummary | None:
    settings = load_settings(database)
    if settings is None:
        return None
    year_start = dt.date(today.year, 1, 1)
    employed_today = or_(Person.out_of_service.is_(None), Person.out_of_service >= today)

    def people_counts() -> tuple[int, int, int, int]:
        with database() as db:  # one statement: on a server each is a round trip
            row = db.execute(
                select(
                    func.count(Person.id).filter(Person.in_service <= today, employed_today),
                    func.count(Person.id).filter(Person.in_service > today, employed_today),
                    func.count(Person.id).filter(
                        Person.in_service >= year_start, Person.in_service <= today
                    ),
                    func.count(Person.id).filter(
                        Person.out_of_service >= year_start, Person.out_of_service <= today
                    ),
                )
            ).one()
        return (row[0] or 0, row[1] or 0, row[2] or 0, row[3] or 0)

    # the parts do not depend on each other: side by side on a server
    (
        (active, later, joined, left),
        budget_rows,
        (cycles, cycles_ahead),
        conversations,
        certificates,
        leavers,
        waiting,
    ) = database.at_once(
        people_counts,
        lambda: budgets(database, today.year, settings),
        lambda: cycles_of_year(database, today.year, today),
        lambda: due_overview(database, today, settings.conversation_schedule),
        lambda: expiring_certificates(database, today, settings.certificate_warning_months),
        lambda: retention_due(database, today, settings.retention_months),
        lambda: list_requests(database, status=RequestStatus.OPEN),
    )
    closed = []
    for day in settings.work_calendar().closed_days(
        today, today + dt.timedelta(days=LOOK_AHEAD_DAYS)
    ):
        closed.append(day)
        if len(closed) == UPCOMING_CLOSED_DAYS:
            break
    return HomeSummary(
        organisation_name=settings.name,
        today=today,
        active_people=active,
        starting_later=later,
        joined_this_year=joined,
        left_this_year=left,
        upcoming_closed_days=tuple(closed),
        conversations=tuple(conversations),
        budget_cents=sum(b.budget_cents for b in budget_rows),
        budget_spent_cents=sum(b.spent_cents for b in budget_rows),
        budget_reserved_cents=sum(b.reserved_cents for b in budget_rows),
        cycles_this_year=cycles,
        cycles_ahead=cycles_ahead,
        certificates=tuple(certificates),
        leavers_to_review=tuple(leavers),
        retention_months=settings.retention_months,
        requests_waiting=tuple(reversed(waiting)),
        certificate_months=settings.certificate_warning_months,
    )

"""The yearly overview: one row for every person employed at some point in the year,
with all their learning, and the organisation's totals.

Each figure is a grouped query over the year, all joined to the people in one
statement, so the overview of a care group with ten years of history takes a blink;
the screen and every export use this one result.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Date, DateTime, Integer, Select, bindparam, false, func, select
from sqlalchemy.orm import aliased

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import (
    Agreement,
    Attendance,
    CycleSession,
    LearningSituation,
    Organisation,
    Person,
    SituationConsultation,
    SituationPerson,
    TalentConversation,
    Training,
    TrainingBudget,
)
from werkleren_desktop.domain.constants import (
    AgreementStatus,
    AttendanceStatus,
    SituationKind,
    TrainingStatus,
)
from werkleren_desktop.domain.people import full_name, sort_key
from werkleren_desktop.domain.training import (
    LearningSplit,
    PersonYear,
    SharedCounts,
    check_year,
    learning_split,
    totals,
)
from werkleren_desktop.errors import UserError
from werkleren_desktop.i18n import _
from werkleren_desktop.services.organisation import load_settings
from werkleren_desktop.services.training import TrainingRow, budget_sums, list_trainings


@dataclass(frozen=True)
class YearOverview:
    organisation: str
    logo_png: bytes | None
    year: int
    rows: tuple[PersonYear, ...]  # by name
    total: PersonYear
    split: LearningSplit


# the year's bounds, bound when the statement runs: the statement is built once
FIRST, LAST = bindparam("first", type_=Date), bindparam("last", type_=Date)
START, END = bindparam("start", type_=DateTime), bindparam("end", type_=DateTime)
NEXT_FIRST = bindparam("next_first", type_=Date)
NEXT_LAST = bindparam("next_last", type_=Date)
YEAR = bindparam("year", type_=Integer)


@cache
def _statement() -> Select[*tuple[Any, ...]]:
    """Every figure a grouped query of its own over the year, joined to the people who
    were employed in it, in one statement; built once (building it took about as long
    as SQLite took to run it)."""
    situations = (
        select(
            SituationPerson.person_id.label("person_id"),
            *(
                func.count().filter(LearningSituation.kind == kind).label(kind.value)
                for kind in SituationKind
            ),
            func.coalesce(func.sum(LearningSituation.minutes), 0).label("minutes"),
        )
        .join(LearningSituation, LearningSituation.id == SituationPerson.situation_id)
        .where(LearningSituation.occurred_on.between(FIRST, LAST))
        .group_by(SituationPerson.person_id)
        .cte("situations_of_year")
    )
    consultations = (
        # the year's situations first (by date), then their consultations and learners;
        # with the planner's statistics (db.engine.refresh_statistics) this reads only
        # the year, not every consultation of ten years
        select(SituationPerson.person_id.label("person_id"), func.count().label("n"))
        .select_from(LearningSituation)
        .join(SituationConsultation, SituationConsultation.situation_id == LearningSituation.id)
        .join(SituationPerson, SituationPerson.situation_id == LearningSituation.id)
        .where(LearningSituation.occurred_on.between(FIRST, LAST))
        .group_by(SituationPerson.person_id)
        .cte("consultations_of_year")
    )
    attended = (
        select(
            Attendance.person_id.label("person_id"),
            func.count().label("n"),
            func.coalesce(func.sum(CycleSession.duration_minutes), 0).label("minutes"),
        )
        .join(CycleSession, CycleSession.id == Attendance.session_id)
        .where(
            Attendance.status == AttendanceStatus.PRESENT,
            CycleSession.cancelled.is_(False),
            CycleSession.starts_at >= START,
            CycleSession.starts_at < END,
        )
        .group_by(Attendance.person_id)
        .cte("attended_in_year")
    )
    # the organisation's setting read in the same statement, so that the statement need
    # not wait for the settings (a round trip less on a server)
    spent, reserved = budget_sums(
        func.coalesce(
            select(Organisation.required_training_on_budget).limit(1).scalar_subquery(), false()
        )
    )
    training = (
        select(
            Training.person_id.label("person_id"),
            func.count().label("n"),
            func.sum(Training.minutes).filter(Training.required.is_(True)).label("req_min"),
            func.sum(Training.minutes).filter(Training.required.is_(False)).label("vol_min"),
            func.sum(Training.cost_cents).filter(Training.required.is_(True)).label("req_ct"),
            func.sum(Training.cost_cents).filter(Training.required.is_(False)).label("vol_ct"),
            spent.label("budget_spent"),
            reserved.label("budget_reserved"),
        )
        .where(Training.starts_on.between(FIRST, LAST), Training.status != TrainingStatus.CANCELLED)
        .group_by(Training.person_id)
        .cte("training_of_year")
    )
    expiring = (
        select(Training.person_id.label("person_id"), func.count().label("n"))
        .where(
            Training.certificate_expires_on.between(NEXT_FIRST, NEXT_LAST),
            Training.status != TrainingStatus.CANCELLED,
        )
        .group_by(Training.person_id)
        .cte("expiring_next_year")
    )
    budgets = (
        select(TrainingBudget.person_id.label("person_id"), TrainingBudget.amount_cents)
        .where(TrainingBudget.year == YEAR)
        .cte("budget_of_year")
    )
    held = (
        select(TalentConversation.person_id.label("person_id"), func.count().label("n"))
        .where(TalentConversation.held_on.between(FIRST, LAST))
        .group_by(TalentConversation.person_id)
        .cte("held_in_year")
    )
    agreements = (
        select(TalentConversation.person_id.label("person_id"), func.count().label("n"))
        .join(Agreement, Agreement.conversation_id == TalentConversation.id)
        .where(
            TalentConversation.held_on.between(FIRST, LAST),
            Agreement.status == AgreementStatus.OPEN,
        )
        .group_by(TalentConversation.person_id)
        .cte("agreements_open")
    )
    manager = aliased(Person)
    zero = func.coalesce  # a person without a row in a figure has 0 of it
    return (
        select(
            Person.id,
            Person.first_name,
            Person.last_name,
            Person.job_title,
            manager.first_name,
            manager.last_name,
            Person.in_service,
            Person.out_of_service,
            *(zero(situations.c[kind.value], 0) for kind in SituationKind),
            zero(situations.c.minutes, 0),
            zero(attended.c.n, 0),
            zero(attended.c.minutes, 0),
            zero(consultations.c.n, 0),
            zero(training.c.n, 0),
            zero(training.c.req_min, 0),
            zero(training.c.vol_min, 0),
            zero(training.c.req_ct, 0),
            zero(training.c.vol_ct, 0),
            zero(training.c.budget_spent, 0),
            zero(training.c.budget_reserved, 0),
            budgets.c.amount_cents,
            zero(held.c.n, 0),
            zero(agreements.c.n, 0),
            zero(expiring.c.n, 0),
        )
        .outerjoin(manager, manager.id == Person.manager_id)
        .outerjoin(situations, situations.c.person_id == Person.id)
        .outerjoin(attended, attended.c.person_id == Person.id)
        .outerjoin(consultations, consultations.c.person_id == Person.id)
        .outerjoin(training, training.c.person_id == Person.id)
        .outerjoin(budgets, budgets.c.person_id == Person.id)
        .outerjoin(held, held.c.person_id == Person.id)
        .outerjoin(agreements, agreements.c.person_id == Person.id)
        .outerjoin(expiring, expiring.c.person_id == Person.id)
        .where(_employed())
    )


def _employed() -> Any:
    """The person was employed at some point in the year (is a row of the overview)."""
    return (Person.in_service <= LAST) & (
        (Person.out_of_service.is_(None)) | (Person.out_of_service >= FIRST)
    )


@cache
def _shared_statements() -> tuple[Select[SituationKind, int, int], Select[int]]:
    """The year's situations by kind with their consultations, and the sessions held,
    each counted once, of the people in the overview."""
    # the year's situations by date first, then whether one of the listed took part
    # (a correlated EXISTS: ten times as fast as IN over every learner of ten years);
    # their consultations in the same pass
    of_listed = (
        select(SituationPerson.situation_id)
        .join(Person, Person.id == SituationPerson.person_id)
        .where(SituationPerson.situation_id == LearningSituation.id, _employed())
        .exists()
    )
    consulted = (
        select(func.count())
        .where(SituationConsultation.situation_id == LearningSituation.id)
        .scalar_subquery()
    )
    situations = (
        select(LearningSituation.kind, func.count(), func.coalesce(func.sum(consulted), 0))
        .where(LearningSituation.occurred_on.between(FIRST, LAST), of_listed)
        .group_by(LearningSituation.kind)
    )
    sessions_held = (
        select(func.count(func.distinct(Attendance.session_id)))
        .join(CycleSession, CycleSession.id == Attendance.session_id)
        .join(Person, Person.id == Attendance.person_id)
        .where(
            Attendance.status == AttendanceStatus.PRESENT,
            CycleSession.cancelled.is_(False),
            CycleSession.starts_at >= START,
            CycleSession.starts_at < END,
            _employed(),
        )
    )
    return situations, sessions_held


def _shared_counts(database: SessionFactory, bounds: dict[str, Any]) -> list[Callable[[], Any]]:
    """The two reads of the shared counts: the situations by kind with their
    consultations, and the sessions held (put together by ``_shared``)."""
    situations, sessions_held = _shared_statements()

    def by_kind() -> list[Any]:
        with database() as db:
            return list(db.execute(situations, bounds))

    def held() -> int:
        with database() as db:
            return int(db.execute(sessions_held, bounds).scalar_one())

    return [by_kind, held]


def _shared(rows: list[Any], held: int) -> SharedCounts:
    by_kind: dict[SituationKind, int] = {}
    consultations = 0
    for kind, n, consulted in rows:
        by_kind[SituationKind(kind)] = int(n)
        consultations += int(consulted)
    return SharedCounts(situations_by_kind=by_kind, consultations=consultations, sessions_held=held)


def year_overview(database: SessionFactory, year: int) -> YearOverview:
    """The per-person sums of a year and the organisation's totals."""
    check_year(year)
    bounds: dict[str, Any] = {
        "first": dt.date(year, 1, 1),
        "last": dt.date(year, 12, 31),
        "start": dt.datetime(year, 1, 1),
        "end": dt.datetime(year + 1, 1, 1),
        "next_first": dt.date(year + 1, 1, 1),
        "next_last": dt.date(year + 1, 12, 31),
        "year": year,
    }
    kinds = list(SituationKind)
    keyed = []

    def per_person() -> list[Any]:
        with database() as db:
            return list(db.execute(_statement(), bounds))

    # the per-person sums and the shared counts take about as long on the large demo:
    # side by side on a server, with the settings, each on a connection of its own
    settings, people, situations, held = database.at_once(
        lambda: load_settings(database), per_person, *_shared_counts(database, bounds)
    )
    shared = _shared(situations, held)
    if settings is None:
        raise UserError(_("There is no organisation yet; start one first."))
    for row in people:
        pid, given, family, job, m_given, m_family, in_service, out_of_service = row[:8]
        counts = row[8 : 8 + len(kinds)]
        (
            minutes,
            sessions_n,
            sessions_minutes,
            consulted_n,
            trainings_n,
            required_minutes,
            voluntary_minutes,
            required_cents,
            voluntary_cents,
            budget_spent,
            budget_reserved,
            own_budget,
            held_n,
            open_n,
            expiring_n,
        ) = (int(v) if v is not None else None for v in row[8 + len(kinds) :])
        keyed.append(
            (
                sort_key(given, family),
                PersonYear(
                    person_id=pid,
                    name=full_name(given, family),
                    job_title=job or "",
                    manager_name=full_name(m_given, m_family) if m_given is not None else "",
                    in_service=in_service,
                    out_of_service=out_of_service,
                    situations_by_kind={k: int(n) for k, n in zip(kinds, counts, strict=True)},
                    situation_minutes=minutes or 0,
                    sessions_attended=sessions_n or 0,
                    session_minutes=sessions_minutes or 0,
                    consultations=consulted_n or 0,
                    trainings=trainings_n or 0,
                    required_minutes=required_minutes or 0,
                    voluntary_minutes=voluntary_minutes or 0,
                    required_cents=required_cents or 0,
                    voluntary_cents=voluntary_cents or 0,
                    budget_cents=own_budget
                    if own_budget is not None
                    else settings.default_training_budget_cents,
                    budget_spent_cents=budget_spent or 0,
                    budget_reserved_cents=budget_reserved or 0,
                    conversations_held=held_n or 0,
                    open_agreements=open_n or 0,
                    certificates_expiring=expiring_n or 0,
                ),
            )
        )
    rows = [row for _key, row in sorted(keyed, key=lambda item: item[0])]  # as lists sort names
    total = totals(rows, shared)
    return YearOverview(
        settings.name,
        settings.logo_png,
        year,
        tuple(rows),
        total,
        learning_split(total),
    )


def year_trainings(database: SessionFactory, year: int) -> tuple[TrainingRow, ...]:
    """Every training that counts in the year (by its start; cancelled ones never), for
    the exports that list them."""
    return tuple(
        t for t in list_trainings(database, year) if t.status is not TrainingStatus.CANCELLED
    )

"""The yearly overview: one row for every person employed at some point in the year,
with all their learning, and the organisation's totals.

Each figure is one grouped query over the year, so the overview of a care group with
ten years of history takes a blink; the screen and every export use this one result.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Executable, func, select
from sqlalchemy.orm import Session, aliased

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import (
    Agreement,
    AgreementStatus,
    Attendance,
    AttendanceStatus,
    CycleSession,
    LearningSituation,
    Person,
    SituationConsultation,
    SituationKind,
    SituationPerson,
    TalentConversation,
    Training,
    TrainingBudget,
    TrainingStatus,
)
from werkleren_desktop.domain.people import list_name
from werkleren_desktop.domain.training import (
    LearningSplit,
    PersonYear,
    check_year,
    learning_split,
    totals,
)
from werkleren_desktop.errors import UserError
from werkleren_desktop.i18n import _
from werkleren_desktop.services.organisation import load_settings
from werkleren_desktop.services.training import TrainingRow, list_trainings


@dataclass(frozen=True)
class YearOverview:
    organisation: str
    logo_png: bytes | None
    year: int
    rows: tuple[PersonYear, ...]  # by name
    total: PersonYear
    split: LearningSplit
    trainings: tuple[TrainingRow, ...]  # every training that counts in the year


def _per_person(session: Session, query: Executable) -> dict[int, tuple[Any, ...]]:
    return {row[0]: tuple(row[1:]) for row in session.execute(query)}


def year_overview(sessions: SessionFactory, year: int) -> YearOverview:
    settings = load_settings(sessions)
    if settings is None:
        raise UserError(_("There is no organisation yet; start one first."))
    check_year(year)
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    start, end = dt.datetime(year, 1, 1), dt.datetime(year + 1, 1, 1)
    with sessions() as session:
        manager = aliased(Person)
        people = session.execute(
            select(
                Person.id,
                Person.first_name,
                Person.last_name,
                Person.job_title,
                manager.first_name,
                manager.last_name,
                Person.in_service,
                Person.out_of_service,
            )
            .outerjoin(manager, manager.id == Person.manager_id)
            .where(
                Person.in_service <= last,
                (Person.out_of_service.is_(None)) | (Person.out_of_service >= first),
            )
        ).all()

        by_kind: dict[int, dict[SituationKind, int]] = defaultdict(dict)
        situation_minutes: dict[int, int] = defaultdict(int)
        for person_id, kind, count, minutes in session.execute(
            select(
                SituationPerson.person_id,
                LearningSituation.kind,
                func.count(),
                func.coalesce(func.sum(LearningSituation.minutes), 0),
            )
            .join(LearningSituation, LearningSituation.id == SituationPerson.situation_id)
            .where(LearningSituation.occurred_on.between(first, last))
            .group_by(SituationPerson.person_id, LearningSituation.kind)
        ):
            by_kind[person_id][kind] = int(count)
            situation_minutes[person_id] += int(minutes or 0)

        consulted = (
            select(SituationConsultation.situation_id, func.count().label("n"))
            .group_by(SituationConsultation.situation_id)
            .subquery()
        )
        consultations = _per_person(
            session,
            # consultations counted per situation first (few rows), then spread over the
            # people who learned from it: the planner no longer walks every situation
            select(SituationPerson.person_id, func.sum(consulted.c.n))
            .select_from(consulted)
            .join(LearningSituation, LearningSituation.id == consulted.c.situation_id)
            .join(SituationPerson, SituationPerson.situation_id == consulted.c.situation_id)
            .where(LearningSituation.occurred_on.between(first, last))
            .group_by(SituationPerson.person_id),
        )
        sessions_attended = _per_person(
            session,
            select(
                Attendance.person_id,
                func.count(),
                func.coalesce(func.sum(CycleSession.duration_minutes), 0),
            )
            .join(CycleSession, CycleSession.id == Attendance.session_id)
            .where(
                Attendance.status == AttendanceStatus.PRESENT,
                CycleSession.cancelled.is_(False),
                CycleSession.starts_at >= start,
                CycleSession.starts_at < end,
            )
            .group_by(Attendance.person_id),
        )
        counted = (
            Training.starts_on.between(first, last),
            Training.status != TrainingStatus.CANCELLED,
        )
        training = _per_person(
            session,
            select(
                Training.person_id,
                func.count(),
                func.sum(Training.minutes).filter(Training.required.is_(True)),
                func.sum(Training.minutes).filter(Training.required.is_(False)),
                func.sum(Training.cost_cents).filter(Training.required.is_(True)),
                func.sum(Training.cost_cents).filter(Training.required.is_(False)),
            )
            .where(*counted)
            .group_by(Training.person_id),
        )
        expiring = _per_person(
            session,
            select(Training.person_id, func.count())
            .where(
                Training.certificate_expires_on.between(
                    dt.date(year + 1, 1, 1), dt.date(year + 1, 12, 31)
                ),
                Training.status != TrainingStatus.CANCELLED,
            )
            .group_by(Training.person_id),
        )
        budgets = _per_person(
            session,
            select(TrainingBudget.person_id, TrainingBudget.amount_cents).where(
                TrainingBudget.year == year
            ),
        )
        held = _per_person(
            session,
            select(TalentConversation.person_id, func.count())
            .where(TalentConversation.held_on.between(first, last))
            .group_by(TalentConversation.person_id),
        )
        agreements = _per_person(
            session,
            select(TalentConversation.person_id, func.count())
            .join(Agreement, Agreement.conversation_id == TalentConversation.id)
            .where(
                TalentConversation.held_on.between(first, last),
                Agreement.status == AgreementStatus.OPEN,
            )
            .group_by(TalentConversation.person_id),
        )

    def one(table: dict[int, tuple[Any, ...]], person_id: int, index: int = 0) -> int:
        values = table.get(person_id)
        return int(values[index] or 0) if values else 0

    keyed = []
    for pid, given, family, job, m_given, m_family, in_service, out_of_service in people:
        keyed.append(
            (
                list_name(given, family).casefold(),
                PersonYear(
                    person_id=pid,
                    name=f"{given} {family}",
                    job_title=job or "",
                    manager_name=f"{m_given} {m_family}" if m_given is not None else "",
                    in_service=in_service,
                    out_of_service=out_of_service,
                    situations_by_kind={k: by_kind[pid].get(k, 0) for k in SituationKind},
                    situation_minutes=situation_minutes.get(pid, 0),
                    sessions_attended=one(sessions_attended, pid, 0),
                    session_minutes=one(sessions_attended, pid, 1),
                    consultations=one(consultations, pid),
                    trainings=one(training, pid, 0),
                    required_minutes=one(training, pid, 1),
                    voluntary_minutes=one(training, pid, 2),
                    required_cents=one(training, pid, 3),
                    voluntary_cents=one(training, pid, 4),
                    budget_cents=one(budgets, pid)
                    if pid in budgets
                    else settings.default_training_budget_cents,
                    conversations_held=one(held, pid),
                    open_agreements=one(agreements, pid),
                    certificates_expiring=one(expiring, pid),
                ),
            )
        )
    rows = [row for _key, row in sorted(keyed, key=lambda item: item[0])]  # as lists sort names
    total = totals(rows)
    return YearOverview(
        settings.name,
        settings.logo_png,
        year,
        tuple(rows),
        total,
        learning_split(total),
        tuple(
            t for t in list_trainings(sessions, year) if t.status is not TrainingStatus.CANCELLED
        ),
    )

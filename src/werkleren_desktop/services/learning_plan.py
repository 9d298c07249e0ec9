"""The learning and development plan of a year, ready for a SLIM application: where the
organisation stands (the latest scan up to the year's end), the formal training planned
in the year, and the learning during work in vital week cycles (the sessions and the
hours of their members), with what the SLIM scheme says it pays."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, case, func, select

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import (
    CycleSession,
    GroupMembership,
    LearningGroup,
    Organisation,
    Scan,
    Training,
    WeekCycle,
)
from werkleren_desktop.domain.constants import FundKind, TrainingStatus
from werkleren_desktop.domain.funds import FundRule
from werkleren_desktop.domain.scans import BY_KEY, Question, perspective_mean, question_mean
from werkleren_desktop.services.funds import fund_of_kind
from werkleren_desktop.services.scans import scan_result

WEAKEST = 5  # characteristics named as where to grow


@dataclass(frozen=True)
class ScanStanding:
    title: str
    held_on: dt.date
    responses: int
    mean: float | None  # over the learning perspective
    questions: tuple[tuple[Question, float | None], ...]
    weakest: tuple[tuple[str, float], ...]  # the characteristic's label, its mean


@dataclass(frozen=True)
class PlannedTraining:
    title: str
    courses: int  # different start days
    participants: int
    minutes: int
    cost_cents: int
    required: int  # participants for whom it is required for the job


@dataclass(frozen=True)
class CycleHours:
    group: str
    cycles: int
    sessions: int
    session_minutes: int  # the sessions' own length, added up
    member_minutes: int  # each session's length times the members on its day


@dataclass(frozen=True)
class LearningPlan:
    year: int
    organisation: str
    logo_png: bytes | None
    scan: ScanStanding | None
    trainings: tuple[PlannedTraining, ...]
    cycles: tuple[CycleHours, ...]
    scheme: FundRule | None

    @property
    def training_cost_cents(self) -> int:
        return sum(t.cost_cents for t in self.trainings)

    @property
    def training_minutes(self) -> int:
        return sum(t.minutes for t in self.trainings)

    @property
    def cycle_member_minutes(self) -> int:
        return sum(c.member_minutes for c in self.cycles)


def learning_plan(database: SessionFactory, year: int) -> LearningPlan:
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    scheme = fund_of_kind(database, FundKind.PLAN)
    with database() as db:
        organisation = db.scalars(select(Organisation)).first()
        latest = db.scalar(
            select(Scan.id)
            .where(Scan.held_on <= last)
            .order_by(Scan.held_on.desc(), Scan.id.desc())
            .limit(1)
        )
        trainings = db.execute(
            select(
                Training.title,
                func.count(func.distinct(Training.starts_on)),
                func.count(),
                func.sum(Training.minutes),
                func.sum(Training.cost_cents),
                func.sum(case((Training.required, 1), else_=0)),
            )
            .where(
                Training.starts_on.between(first, last),
                Training.status != TrainingStatus.CANCELLED,
            )
            .group_by(Training.title)
            .order_by(func.sum(Training.cost_cents).desc(), Training.title)
        ).all()
        members = (
            select(func.count())
            .where(
                GroupMembership.group_id == WeekCycle.group_id,
                GroupMembership.joined <= func.date(CycleSession.starts_at),
                (GroupMembership.left_on.is_(None))
                | (GroupMembership.left_on >= func.date(CycleSession.starts_at)),
            )
            .scalar_subquery()
        )
        sessions = db.execute(
            select(
                LearningGroup.name,
                func.count(func.distinct(WeekCycle.id)),
                func.count(),
                func.sum(CycleSession.duration_minutes),
                func.sum(CycleSession.duration_minutes * members),
            )
            .join(WeekCycle, WeekCycle.id == CycleSession.cycle_id)
            .join(LearningGroup, LearningGroup.id == WeekCycle.group_id)
            .where(
                and_(
                    CycleSession.starts_at >= dt.datetime.combine(first, dt.time()),
                    CycleSession.starts_at < dt.datetime.combine(last + dt.timedelta(1), dt.time()),
                ),
                CycleSession.cancelled.is_(False),
                WeekCycle.cancelled.is_(False),
            )
            .group_by(LearningGroup.name)
            .order_by(LearningGroup.name)
        ).all()
        name = organisation.name if organisation else ""
        logo = organisation.logo_png if organisation else None
    return LearningPlan(
        year,
        name,
        logo,
        _standing(database, latest) if latest is not None else None,
        tuple(
            PlannedTraining(t, c, p, m or 0, cost or 0, int(r or 0))
            for t, c, p, m, cost, r in trainings
        ),
        tuple(CycleHours(g, c, s, m or 0, mm or 0) for g, c, s, m, mm in sessions),
        scheme,
    )


def _standing(database: SessionFactory, scan_id: int) -> ScanStanding:
    result = scan_result(database, scan_id)
    means = [(key, r.mean) for key, r in result.items.items() if r.mean is not None]
    weakest = sorted(means, key=lambda kv: (kv[1], kv[0]))[:WEAKEST]
    return ScanStanding(
        result.scan.title,
        result.scan.held_on,
        result.scan.responses,
        perspective_mean(result.items),
        tuple((q, question_mean(result.items, q)) for q in Question),
        tuple((BY_KEY[key].label(), mean) for key, mean in weakest),
    )

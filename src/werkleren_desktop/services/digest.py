"""Wat we leerden: per learning group and period, what came of its week cycles and of
the work situations it learned from, to hang up or hand out. A learning culture
documents, shares and applies its lessons (docs/domain.md); this is the sharing.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import (
    CycleSession,
    CycleSituation,
    LearningGroup,
    LearningSituation,
    Person,
    WeekCycle,
    WorkAgreement,
)
from werkleren_desktop.domain.constants import WorkAgreementKind
from werkleren_desktop.domain.lessons import CycleLesson, Digest, check_period
from werkleren_desktop.domain.people import full_name
from werkleren_desktop.domain.work_agreements import PrintedAgreement
from werkleren_desktop.errors import UserError
from werkleren_desktop.i18n import _
from werkleren_desktop.services.organisation import load_settings
from werkleren_desktop.services.workbook import situation_links


def digest(database: SessionFactory, group_id: int, first: dt.date, last: dt.date) -> Digest:
    """What the group learned in ``first`` to ``last``: its cycles that ended in the
    period and have a result, and the situations of the group (its own, logged during
    its cycles or taken up by them) with an outcome or a next step."""
    check_period(first, last)
    settings = load_settings(database)
    with database() as db:
        group = db.get(LearningGroup, group_id)
        if group is None:
            raise UserError(_("This learning group no longer exists."))
        spans = db.execute(
            select(
                WeekCycle.id,
                WeekCycle.question,
                WeekCycle.outcome,
                WeekCycle.next_step,
                CycleSession.starts_at,
            )
            .join(CycleSession, CycleSession.cycle_id == WeekCycle.id)
            .where(WeekCycle.group_id == group_id, WeekCycle.cancelled.is_(False))
            .order_by(WeekCycle.id, CycleSession.starts_at)
        ).all()
        days: dict[int, list[dt.date]] = {}
        texts: dict[int, tuple[str, str, str]] = {}
        for cycle_id, question, outcome, next_step, starts_at in spans:
            days.setdefault(cycle_id, []).append(starts_at.date())
            texts[cycle_id] = (question, outcome, next_step)
        ended = [c for c in days if first <= max(days[c]) <= last and (texts[c][1] or texts[c][2])]
        lessons = [CycleLesson(min(days[c]), max(days[c]), *texts[c]) for c in ended]
        of_group = select(WeekCycle.id).where(WeekCycle.group_id == group_id)
        taken_up = select(CycleSituation.situation_id).where(CycleSituation.cycle_id.in_(of_group))
        situations = situation_links(
            db,
            LearningSituation.occurred_on.between(first, last)
            & or_(LearningSituation.outcome != "", LearningSituation.next_step != "")
            & or_(
                LearningSituation.group_id == group_id,
                LearningSituation.cycle_id.in_(of_group),
                LearningSituation.id.in_(taken_up),
            ),
        )
        name = group.name
        agreements = _agreements(db, ended, [s.id for s in situations], last)
    return Digest(
        organisation=settings.name if settings else "",
        logo_png=settings.logo_png if settings else None,
        group=name,
        first=first,
        last=last,
        cycles=tuple(sorted(lessons, key=lambda c: c.first_day)),
        situations=situations,
        agreements=agreements,
    )


def _agreements(
    db: Session, cycle_ids: list[int], situation_ids: list[int], day: dt.date
) -> tuple[PrintedAgreement, ...]:
    """The work agreements made from these cycles and situations that hold on ``day``
    (made by then, not withdrawn by then), by title: what the lessons became."""
    if not cycle_ids and not situation_ids:
        return ()
    found = db.execute(
        select(WorkAgreement, Person.first_name, Person.last_name)
        .outerjoin(Person, Person.id == WorkAgreement.contact_id)
        .where(
            or_(
                WorkAgreement.cycle_id.in_(cycle_ids), WorkAgreement.situation_id.in_(situation_ids)
            ),
            WorkAgreement.agreed_on <= day,
            or_(WorkAgreement.withdrawn_on.is_(None), WorkAgreement.withdrawn_on > day),
        )
        .order_by(WorkAgreement.title, WorkAgreement.id)
    )
    return tuple(
        PrintedAgreement(
            WorkAgreementKind(a.kind),
            a.title,
            a.text,
            full_name(given, family) if given is not None else "",
            "",
            a.agreed_on,
        )
        for a, given, family in found
    )

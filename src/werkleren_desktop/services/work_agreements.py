"""Werkafspraken (domain/work_agreements.py): made from an outcome, found by anyone.

An agreement says where it came from: a work situation of the log or a week cycle,
described as it is now (its title, its day, its group, what came of it), or in the
words of whoever wrote it down. A source deleted later leaves the agreement with the
words it was given, or says it is no longer known.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import (
    CycleSession,
    GroupMembership,
    LearningGroup,
    LearningSituation,
    Person,
    SituationPerson,
    WeekCycle,
    WorkAgreement,
)
from werkleren_desktop.domain.constants import WorkAgreementKind
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.people import full_name
from werkleren_desktop.domain.work_agreements import (
    AgreementBook,
    PrintedAgreement,
    WorkAgreementInput,
    check_withdrawal,
    opening_title,
    search_text,
)
from werkleren_desktop.errors import UserError, ValidationError
from werkleren_desktop.i18n import _
from werkleren_desktop.services.organisation import load_settings
from werkleren_desktop.services.undo import Deleted, delete_keeping
from werkleren_desktop.services.versions import Stamp, refuse_if_changed, stamp_of


@dataclass(frozen=True)
class Source:
    """Where an agreement came from, as it reads now."""

    description: str  # "Work situation ‘Lekkage na oplevering’ of 3 March 2026 (group …)"
    lesson: str  # what came of it there (outcome, next step), "" when nothing was written


@dataclass(frozen=True)
class WorkAgreementRow:
    id: int
    kind: WorkAgreementKind
    title: str
    text: str
    contact_id: int | None
    contact_name: str  # "" when nobody (the one to ask was erased)
    contact_left: bool  # the one to ask is out of service: ask someone to take it over
    situation_id: int | None
    cycle_id: int | None
    origin: str  # in the writer's words
    source: Source
    agreed_on: dt.date
    withdrawn_on: dt.date | None
    stamp: Stamp
    found_in: str  # what a search looks in, folded (domain.work_agreements.search_text)

    def holds(self, today: dt.date) -> bool:
        return self.withdrawn_on is None or self.withdrawn_on > today

    def data(self) -> WorkAgreementInput:
        return WorkAgreementInput(
            self.kind,
            self.title,
            self.text,
            self.contact_id,
            self.agreed_on,
            self.situation_id,
            self.cycle_id,
            self.origin,
        )


def _gone() -> UserError:
    return UserError(_("This work agreement no longer exists."))


def _lesson(outcome: str, next_step: str) -> str:
    parts = []
    if outcome.strip():
        parts.append(_("Outcome: {text}").format(text=outcome.strip()))
    if next_step.strip():
        parts.append(_("Next step: {text}").format(text=next_step.strip()))
    return "\n".join(parts)


def _situation_sources(db: Session, ids: set[int]) -> dict[int, Source]:
    if not ids:
        return {}
    found = db.execute(
        select(
            LearningSituation.id,
            LearningSituation.title,
            LearningSituation.occurred_on,
            LearningSituation.outcome,
            LearningSituation.next_step,
            LearningGroup.name,
        )
        .outerjoin(LearningGroup, LearningGroup.id == LearningSituation.group_id)
        .where(LearningSituation.id.in_(ids))
    )
    sources = {}
    for situation_id, title, day, outcome, next_step, group in found:
        text = _("Work situation “{title}” of {day}").format(title=title, day=format_date(day))
        if group:
            text = _("{situation}, learning group {group}").format(situation=text, group=group)
        sources[situation_id] = Source(text, _lesson(outcome, next_step))
    return sources


def _cycle_sources(db: Session, ids: set[int]) -> dict[int, Source]:
    if not ids:
        return {}
    found = db.execute(
        select(
            WeekCycle.id,
            WeekCycle.question,
            WeekCycle.outcome,
            WeekCycle.next_step,
            LearningGroup.name,
            func.min(CycleSession.starts_at),
            func.max(CycleSession.starts_at),
        )
        .join(LearningGroup, LearningGroup.id == WeekCycle.group_id)
        .outerjoin(CycleSession, CycleSession.cycle_id == WeekCycle.id)
        .where(WeekCycle.id.in_(ids))
        .group_by(
            WeekCycle.id, WeekCycle.question, WeekCycle.outcome, WeekCycle.next_step,
            LearningGroup.name,
        )
    )  # fmt: skip
    sources = {}
    for cycle_id, question, outcome, next_step, group, first, last in found:
        text = _("Week cycle of learning group {group}").format(group=group)
        if first is not None:
            text = _("{cycle}, {first} to {last}").format(
                cycle=text, first=format_date(first.date()), last=format_date(last.date())
            )
        if question.strip():
            text = _("{cycle}: “{question}”").format(cycle=text, question=question.strip())
        sources[cycle_id] = Source(text, _lesson(outcome, next_step))
    return sources


def list_work_agreements(
    database: SessionFactory, today: dt.date, agreement_id: int | None = None
) -> list[WorkAgreementRow]:
    """Every work agreement (or the one ``agreement_id``), those that hold first, then
    by title. On a server a login that may not read a source sees that there is one."""
    query = (
        select(WorkAgreement, Person.first_name, Person.last_name, Person.out_of_service)
        .outerjoin(Person, Person.id == WorkAgreement.contact_id)
        .order_by(WorkAgreement.title, WorkAgreement.id)
    )
    if agreement_id is not None:
        query = query.where(WorkAgreement.id == agreement_id)
    with database() as db:
        found = db.execute(query).all()
        situations = _situation_sources(
            db, {a.situation_id for a, *_rest in found if a.situation_id is not None}
        )
        cycles = _cycle_sources(db, {a.cycle_id for a, *_rest in found if a.cycle_id is not None})
    rows = []
    for agreement, first, last, out_of_service in found:
        source = _source(agreement, situations, cycles, database.seat is not None)
        contact = full_name(first, last) if first is not None else ""
        rows.append(
            WorkAgreementRow(
                id=agreement.id,
                kind=WorkAgreementKind(agreement.kind),
                title=agreement.title,
                text=agreement.text,
                contact_id=agreement.contact_id,
                contact_name=contact,
                contact_left=out_of_service is not None and out_of_service < today,
                situation_id=agreement.situation_id,
                cycle_id=agreement.cycle_id,
                origin=agreement.origin,
                source=source,
                agreed_on=agreement.agreed_on,
                withdrawn_on=agreement.withdrawn_on,
                stamp=stamp_of(agreement),
                found_in=search_text(
                    agreement.title, agreement.text, contact, agreement.origin, source.description
                ),
            )
        )
    rows.sort(key=lambda r: not r.holds(today))  # stable: by title within each
    return rows


def _source(
    agreement: WorkAgreement,
    situations: dict[int, Source],
    cycles: dict[int, Source],
    seat: bool = False,
) -> Source:
    """The situation's or the cycle's description, else the words given; a source that
    cannot be read (another team's situation on a server) is said to exist. A manager's
    or a professional's offline copy holds no pointer to what its login may not read
    (``storage.server_copy``): there a missing source is one they cannot see."""
    if agreement.situation_id is not None:
        return situations.get(
            agreement.situation_id, Source(_("A work situation from the learning log"), "")
        )
    if agreement.cycle_id is not None:
        return cycles.get(agreement.cycle_id, Source(_("A week cycle"), ""))
    if agreement.origin:
        return Source(agreement.origin, "")
    if seat:
        return Source(_("A work situation or week cycle you cannot see here"), "")
    return Source(_("No longer known: what it came from was removed."), "")


def source_of(database: SessionFactory, data: WorkAgreementInput) -> Source:
    """Where a new agreement comes from, as the form says it before it is saved."""
    with database() as db:
        if data.situation_id is not None:
            found = _situation_sources(db, {data.situation_id}).get(data.situation_id)
        elif data.cycle_id is not None:
            found = _cycle_sources(db, {data.cycle_id}).get(data.cycle_id)
        else:
            found = Source(data.origin, "")
    if found is None:
        raise UserError(_("What it came from no longer exists."))
    return found


def read_work_agreement(
    database: SessionFactory, agreement_id: int, today: dt.date
) -> WorkAgreementRow:
    found = list_work_agreements(database, today, agreement_id)
    if not found:
        raise _gone()
    return found[0]


def _check_links(db: Session, data: WorkAgreementInput) -> None:
    if db.scalar(select(Person.id).where(Person.id == data.contact_id)) is None:
        raise ValidationError(_("Someone chosen no longer exists."), "contact")
    if data.situation_id is not None and db.get(LearningSituation, data.situation_id) is None:
        raise ValidationError(_("This learning situation no longer exists."), "origin")
    if data.cycle_id is not None and db.get(WeekCycle, data.cycle_id) is None:
        raise ValidationError(_("This week cycle no longer exists."), "origin")


def save_work_agreement(
    database: SessionFactory,
    agreement_id: int | None,
    data: WorkAgreementInput,
    today: dt.date,
    version: int | None = None,
) -> int:
    """A new work agreement, or a change to one read at ``version``; returns its id."""
    data = data.validated(today)
    with database.begin() as db:
        _check_links(db, data)
        if agreement_id is None:
            agreement = WorkAgreement()
            db.add(agreement)
        else:
            found = db.get(WorkAgreement, agreement_id)
            if found is None:
                raise _gone()
            refuse_if_changed(found, version)
            agreement = found
            if agreement.withdrawn_on is not None and agreement.withdrawn_on < data.agreed_on:
                raise ValidationError(
                    _("A work agreement cannot stop before it was agreed."), "agreed_on"
                )
        agreement.kind = data.kind
        agreement.title = data.title
        agreement.text = data.text
        agreement.contact_id = data.contact_id
        agreement.situation_id = data.situation_id
        agreement.cycle_id = data.cycle_id
        agreement.origin = data.origin
        agreement.agreed_on = data.agreed_on
        db.flush()
        return agreement.id


def withdraw(
    database: SessionFactory,
    agreement_id: int,
    day: dt.date | None,
    today: dt.date,
    version: int | None = None,
) -> None:
    """The agreement no longer holds from ``day`` on; None: it holds again."""
    with database.begin() as db:
        agreement = db.get(WorkAgreement, agreement_id)
        if agreement is None:
            raise _gone()
        refuse_if_changed(agreement, version)
        if day is not None:
            check_withdrawal(agreement.agreed_on, day, today)
        agreement.withdrawn_on = day


def delete_work_agreement(database: SessionFactory, agreement_id: int) -> Deleted:
    with database.begin() as db:
        agreement = db.get(WorkAgreement, agreement_id)
        if agreement is None:
            raise _gone()
        return delete_keeping(
            db, agreement, _("Work agreement “{title}”").format(title=agreement.title)
        )


def _in_service(today: dt.date) -> ColumnElement[bool]:
    return or_(Person.out_of_service.is_(None), Person.out_of_service >= today)


def _started(
    outcome: str, next_step: str, fallback_title: str, contact_id: int | None, today: dt.date
) -> WorkAgreementInput:
    text = "\n\n".join(part.strip() for part in (outcome, next_step) if part.strip())
    return WorkAgreementInput(
        WorkAgreementKind.AGREEMENT,
        opening_title(outcome) or fallback_title,
        text,
        contact_id,
        today,
    )


def from_situation(
    database: SessionFactory, situation_id: int, today: dt.date
) -> WorkAgreementInput:
    """A new agreement to start from a situation: its outcome and next step as the
    text, the outcome's first sentence as the title, whom to ask the first in service
    who learned from it."""
    with database() as db:
        situation = db.get(LearningSituation, situation_id)
        if situation is None:
            raise UserError(_("This learning situation no longer exists."))
        learner = db.scalar(
            select(SituationPerson.person_id)
            .join(Person, Person.id == SituationPerson.person_id)
            .where(SituationPerson.situation_id == situation_id, _in_service(today))
            .order_by(SituationPerson.person_id)
            .limit(1)
        )
        started = _started(situation.outcome, situation.next_step, situation.title, learner, today)
    return replace(started, situation_id=situation_id)


def from_cycle(database: SessionFactory, cycle_id: int, today: dt.date) -> WorkAgreementInput:
    """A new agreement to start from a week cycle's result; whom to ask the group's
    expert on call when that is a colleague in service, else a member of the group."""
    with database() as db:
        cycle = db.get(WeekCycle, cycle_id)
        if cycle is None:
            raise UserError(_("This week cycle no longer exists."))
        group = cycle.group
        contact = db.scalar(
            select(Person.id).where(Person.id == group.expert_id, _in_service(today))
        )
        if contact is None:
            contact = db.scalar(
                select(GroupMembership.person_id)
                .join(Person, Person.id == GroupMembership.person_id)
                .where(
                    GroupMembership.group_id == group.id,
                    or_(GroupMembership.left_on.is_(None), GroupMembership.left_on >= today),
                    _in_service(today),
                )
                .order_by(GroupMembership.joined, GroupMembership.person_id)
                .limit(1)
            )
        started = _started(cycle.outcome, cycle.next_step, cycle.question, contact, today)
    return replace(started, cycle_id=cycle_id)


@dataclass(frozen=True)
class MadeFrom:
    """An agreement as the situation or the cycle it came from lists it."""

    id: int
    title: str
    kind: WorkAgreementKind
    withdrawn_on: dt.date | None


def made_from(
    database: SessionFactory, situation_id: int | None = None, cycle_id: int | None = None
) -> list[MadeFrom]:
    """The agreements made from a situation or a cycle, oldest first."""
    query = select(
        WorkAgreement.id, WorkAgreement.title, WorkAgreement.kind, WorkAgreement.withdrawn_on
    ).order_by(WorkAgreement.agreed_on, WorkAgreement.id)
    if situation_id is not None:
        query = query.where(WorkAgreement.situation_id == situation_id)
    elif cycle_id is not None:
        query = query.where(WorkAgreement.cycle_id == cycle_id)
    else:
        return []
    with database() as db:
        return [
            MadeFrom(i, title, WorkAgreementKind(kind), withdrawn)
            for i, title, kind, withdrawn in db.execute(query)
        ]


def agreement_book(database: SessionFactory, today: dt.date) -> AgreementBook:
    """The agreements that hold today, instructions after agreements, by title."""
    settings = load_settings(database)
    rows = [r for r in list_work_agreements(database, today) if r.holds(today)]
    rows.sort(key=lambda r: (r.kind is WorkAgreementKind.INSTRUCTION, r.title.casefold()))
    return AgreementBook(
        organisation=settings.name if settings else "",
        logo_png=settings.logo_png if settings else None,
        day=today,
        agreements=tuple(
            PrintedAgreement(
                r.kind,
                r.title,
                r.text,
                r.contact_name if not r.contact_left else "",
                r.source.description,
                r.agreed_on,
            )
            for r in rows
        ),
    )

"""The week cycle as the group's workbook: the question it works on, the situations
from the learning log it takes up, per day a working method from the organisation's
library and short notes, and what came of it; the printed session guide.

A cycle is started "when the work gives cause": from a situation of the log, whose
title and question become the cycle's (``CycleDraft.situation_ids``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, delete, func, or_, select
from sqlalchemy.orm import Session, selectinload

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import (
    CycleSession,
    CycleSituation,
    GroupMembership,
    LearningSituation,
    Person,
    SituationPerson,
    WeekCycle,
    WorkingMethod,
)
from werkleren_desktop.domain.cycles import (
    GuideDay,
    MethodRow,
    SessionGuideData,
    WorkbookInput,
    clean_methods,
    default_methods,
)
from werkleren_desktop.domain.people import full_name, sort_key
from werkleren_desktop.domain.situations import SituationLink
from werkleren_desktop.errors import UserError, ValidationError
from werkleren_desktop.i18n import _
from werkleren_desktop.services.organisation import load_settings
from werkleren_desktop.services.versions import Stamp, refuse_if_changed, stamp_of, touch

# how far before a cycle the situations it may take up reach back
CANDIDATE_DAYS = 183
CANDIDATE_LIMIT = 200


# --- the library of working methods ---------------------------------------------------


def _method_row(method: WorkingMethod) -> MethodRow:
    return MethodRow(
        method.id,
        method.name,
        method.description,
        method.uses_ai,
        method.with_others,
        method.vitality,
        method.retired,
    )


def ensure_methods(database: SessionFactory) -> None:
    """Give a new organisation the program's own library, in its language."""
    with database() as db:
        if db.scalar(select(func.count()).select_from(WorkingMethod)):
            return
    with database.begin() as db:
        if db.scalar(select(func.count()).select_from(WorkingMethod)):
            return  # another window gave it meanwhile
        add_methods(db, default_methods())


def add_methods(db: Session, rows: list[MethodRow], start: int = 1) -> list[WorkingMethod]:
    """Store new methods in the caller's transaction, from place ``start`` on."""
    methods = [
        WorkingMethod(
            position=position,
            name=row.name,
            description=row.description,
            uses_ai=row.uses_ai,
            with_others=row.with_others,
            vitality=row.vitality,
            retired=row.retired,
        )
        for position, row in enumerate(rows, start=start)
    ]
    db.add_all(methods)
    return methods


def list_methods(database: SessionFactory, include_retired: bool = False) -> list[MethodRow]:
    """The library in its order; retired methods only when asked for."""
    ensure_methods(database)
    query = select(WorkingMethod).order_by(WorkingMethod.position, WorkingMethod.id)
    if not include_retired:
        query = query.where(WorkingMethod.retired.is_(False))
    with database() as db:
        return [_method_row(m) for m in db.scalars(query)]


def save_methods(database: SessionFactory, rows: list[MethodRow]) -> None:
    """Store the library in this order: edited, added and retired in one go. A method
    is never deleted: the sessions that used it keep it."""
    with database.begin() as db:
        store_methods(db, rows)


def store_methods(db: Session, rows: list[MethodRow]) -> None:
    """``save_methods`` inside a transaction of the caller's (the settings')."""
    cleaned = clean_methods(rows)
    stored = {m.id: m for m in db.scalars(select(WorkingMethod))}
    for position, row in enumerate(cleaned, start=1):
        if row.id is None:
            add_methods(db, [row], start=position)
            continue
        method = stored.get(row.id)
        if method is None:
            raise UserError(_("A working method was removed meanwhile; open the settings again."))
        method.position = position
        method.name = row.name
        method.description = row.description
        method.uses_ai = row.uses_ai
        method.with_others = row.with_others
        method.vitality = row.vitality
        method.retired = row.retired


# --- the workbook ---------------------------------------------------------------------


@dataclass(frozen=True)
class WorkbookDay:
    session_id: int
    day_number: int
    starts_at: dt.datetime
    theme: str
    method: MethodRow | None
    notes: str
    cancelled: bool


@dataclass(frozen=True)
class CycleWorkbook:
    cycle_id: int
    group_id: int
    group_name: str
    first_day: dt.date
    last_day: dt.date
    question: str
    outcome: str
    next_step: str
    days: tuple[WorkbookDay, ...]
    taken_up: tuple[SituationLink, ...]  # from the log, chosen for the cycle
    logged_during: tuple[SituationLink, ...]  # logged during the cycle (their cycle_id)
    stamp: Stamp

    @property
    def situations(self) -> tuple[SituationLink, ...]:
        """Every situation of the cycle once: those it took up, then those it produced."""
        seen = {s.id for s in self.taken_up}
        return self.taken_up + tuple(s for s in self.logged_during if s.id not in seen)


def _cycle(db: Session, cycle_id: int) -> WeekCycle:
    cycle = db.get(
        WeekCycle,
        cycle_id,
        options=[selectinload(WeekCycle.sessions).selectinload(CycleSession.method)],
    )
    if cycle is None:
        raise UserError(_("This week cycle no longer exists."))
    return cycle


def situation_links(db: Session, where: ColumnElement[bool]) -> tuple[SituationLink, ...]:
    """The situations ``where`` selects, by date, with who learned from each."""
    situations = list(
        db.scalars(
            select(LearningSituation)
            .where(where)
            .order_by(LearningSituation.occurred_on, LearningSituation.id)
        )
    )
    names: dict[int, list[tuple[str, str]]] = {}
    if situations:
        for situation_id, given, family in db.execute(
            select(SituationPerson.situation_id, Person.first_name, Person.last_name)
            .join(Person, Person.id == SituationPerson.person_id)
            .where(SituationPerson.situation_id.in_([s.id for s in situations]))
        ):
            names.setdefault(situation_id, []).append(
                (sort_key(given, family), full_name(given, family))
            )
    return tuple(
        SituationLink(
            s.id,
            s.occurred_on,
            s.title,
            s.kind,
            ", ".join(name for _key, name in sorted(names.get(s.id, []))),
            s.outcome,
            s.next_step,
        )
        for s in situations
    )


def cycle_workbook(database: SessionFactory, cycle_id: int) -> CycleWorkbook:
    with database() as db:
        cycle = _cycle(db, cycle_id)
        ordered = sorted(cycle.sessions, key=lambda s: s.starts_at)
        taken = select(CycleSituation.situation_id).where(CycleSituation.cycle_id == cycle.id)
        return CycleWorkbook(
            cycle_id=cycle.id,
            group_id=cycle.group_id,
            group_name=cycle.group.name,
            first_day=ordered[0].starts_at.date(),
            last_day=ordered[-1].starts_at.date(),
            question=cycle.question,
            outcome=cycle.outcome,
            next_step=cycle.next_step,
            days=tuple(
                WorkbookDay(
                    s.id,
                    s.day_number,
                    s.starts_at,
                    s.theme,
                    _method_row(s.method) if s.method is not None else None,
                    s.notes,
                    s.cancelled or cycle.cancelled,
                )
                for s in ordered
            ),
            taken_up=situation_links(db, LearningSituation.id.in_(taken)),
            logged_during=situation_links(db, LearningSituation.cycle_id == cycle.id),
            stamp=stamp_of(cycle),
        )


def candidate_situations(database: SessionFactory, cycle_id: int) -> list[SituationLink]:
    """The situations a cycle may take up: those of the group, or of people who were in
    it around the cycle, from half a year before the cycle to its last day, newest
    first; with those it already takes up, whenever they were."""
    with database() as db:
        cycle = _cycle(db, cycle_id)
        days = [s.starts_at.date() for s in cycle.sessions]
        first, last = min(days), max(days)
        since = first - dt.timedelta(days=CANDIDATE_DAYS)
        members = select(GroupMembership.person_id).where(
            GroupMembership.group_id == cycle.group_id,
            GroupMembership.joined <= last,
            or_(GroupMembership.left_on.is_(None), GroupMembership.left_on >= since),
        )
        of_members = select(SituationPerson.situation_id).where(
            SituationPerson.person_id.in_(members)
        )
        recent = (
            select(LearningSituation.id)
            .where(
                LearningSituation.occurred_on.between(since, last),
                or_(
                    LearningSituation.group_id == cycle.group_id,
                    LearningSituation.id.in_(of_members),
                ),
            )
            .order_by(LearningSituation.occurred_on.desc(), LearningSituation.id.desc())
            .limit(CANDIDATE_LIMIT)
        )
        chosen = select(CycleSituation.situation_id).where(CycleSituation.cycle_id == cycle.id)
        ids = set(db.scalars(recent)) | set(db.scalars(chosen))
        links = situation_links(db, LearningSituation.id.in_(ids)) if ids else ()
    return sorted(links, key=lambda s: (s.occurred_on, s.id), reverse=True)


def save_workbook(
    database: SessionFactory, cycle_id: int, data: WorkbookInput, version: int | None = None
) -> None:
    """Store the workbook; ``version`` is the cycle's as the form read it (a save after
    someone else changed the cycle is refused, ``services.versions``)."""
    clean = data.validated()
    with database.begin() as db:
        cycle = _cycle(db, cycle_id)
        refuse_if_changed(cycle, version)
        sessions = {s.id: s for s in cycle.sessions}
        methods = {m.id: m for m in db.scalars(select(WorkingMethod))}
        changed = False
        for number, day in enumerate(clean.days, start=1):
            item = sessions.get(day.session_id)
            if item is None:
                raise UserError(_("A session of this cycle was removed meanwhile."))
            if day.method_id is not None and day.method_id not in methods:
                raise ValidationError(
                    _("The working method of day {n} no longer exists.").format(n=number),
                    f"method_{number}",
                )
            if (item.method_id, item.notes) != (day.method_id, day.notes):
                item.method_id, item.notes = day.method_id, day.notes
                changed = True
        found = set(
            db.scalars(
                select(LearningSituation.id).where(LearningSituation.id.in_(clean.situation_ids))
            )
        )
        if len(found) != len(clean.situation_ids):
            raise UserError(_("A chosen situation was removed meanwhile; choose again."))
        before = set(
            db.scalars(
                select(CycleSituation.situation_id).where(CycleSituation.cycle_id == cycle.id)
            )
        )
        if before != found:
            db.execute(delete(CycleSituation).where(CycleSituation.cycle_id == cycle.id))
            db.add_all(CycleSituation(cycle_id=cycle.id, situation_id=s) for s in found)
            changed = True
        cycle.question = clean.question
        cycle.outcome = clean.outcome
        cycle.next_step = clean.next_step
        if changed and not db.is_modified(cycle, include_collections=False):
            touch(cycle)  # the sessions or situations changed: the workbook did


# --- the printed session guide --------------------------------------------------------


def session_guide_data(database: SessionFactory, cycle_id: int) -> SessionGuideData:
    """What the printed session guide of a cycle shows: one page per day."""
    settings = load_settings(database)
    book = cycle_workbook(database, cycle_id)
    with database() as db:
        cycle = _cycle(db, cycle_id)
        group = cycle.group
        expert = group.expert.full_name if group.expert else group.expert_name
        details = {s.id: (s.duration_minutes, s.location) for s in cycle.sessions}
    return SessionGuideData(
        organisation=settings.name if settings else "",
        logo_png=settings.logo_png if settings else None,
        group=book.group_name,
        expert=expert,
        question=book.question,
        situations=tuple(s.title for s in book.taken_up),
        days=tuple(
            GuideDay(
                d.day_number,
                d.starts_at,
                details[d.session_id][0],
                details[d.session_id][1],
                d.theme,
                d.method,
                d.notes,
                d.cancelled,
            )
            for d in book.days
        ),
    )

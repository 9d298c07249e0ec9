"""Mijn team: what a manager reads of the people who report to them, directly or
through others (docs/roles.md), and of the learning groups and week cycles those
people are in.

The team is found from the people's public columns (who reports to whom), the same
walk down the managers as the server's ``werkleren_people()``; the server's policies
keep every other table to the team's rows whatever is asked. A manager's login reads
the team's personal columns through ``person_private``; on a laptop (tests, and the
owner) the same functions read them from ``person``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, or_, select

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import (
    Agreement,
    Attendance,
    CycleSession,
    GroupMembership,
    LearningGroup,
    LearningRequest,
    LearningSituation,
    Person,
    SituationPerson,
    TalentConversation,
    Training,
    WeekCycle,
)
from werkleren_desktop.domain.constants import (
    AgreementStatus,
    AttendanceStatus,
    RequestStatus,
    TrainingStatus,
)
from werkleren_desktop.domain.conversations import add_months
from werkleren_desktop.domain.people import full_name
from werkleren_desktop.services.conversations import DueRow, due_overview
from werkleren_desktop.services.cycles import MemberMark, session_marks
from werkleren_desktop.services.organisation import load_settings
from werkleren_desktop.services.reach import personal_fields
from werkleren_desktop.services.training import BudgetRow, budgets

MONTHS_BACK = 3  # the team's sessions shown, and their check-ins averaged: since then


def _since(today: dt.date) -> dt.datetime:
    return dt.datetime.combine(add_months(today, -MONTHS_BACK), dt.time())


def team_of(database: SessionFactory, manager_id: int, today: dt.date) -> dict[int, int | None]:
    """The people in service today who report to ``manager_id``, directly or through
    others (the manager left out), with their direct manager."""
    with database() as db:
        people = db.execute(
            select(Person.id, Person.manager_id, Person.in_service, Person.out_of_service)
        ).all()
    below: dict[int, list[int]] = {}
    for pid, manager, _in, _out in people:
        if manager is not None:
            below.setdefault(manager, []).append(pid)
    found: set[int] = set()
    waiting = list(below.get(manager_id, []))
    while waiting:
        pid = waiting.pop()
        if pid in found or pid == manager_id:  # a loop in the managers ends here
            continue
        found.add(pid)
        waiting.extend(below.get(pid, []))
    return {
        pid: manager
        for pid, manager, in_service, out in people
        if pid in found and in_service <= today and (out is None or out >= today)
    }


@dataclass(frozen=True)
class TeamMember:
    """One person of a manager's team, with where their learning stands."""

    id: int
    name: str
    job_title: str
    manager_name: str  # their direct manager
    direct: bool  # reports to the manager of the team directly
    email: str
    contract_minutes: int | None
    notes: str
    groups: tuple[str, ...]  # the learning groups they are in today
    due: DueRow | None  # this half year's talent conversation (None: no manager)
    open_agreements: int
    open_requests: int
    situations: int  # learning situations of this year they learned from
    training_minutes: int  # training followed this year
    training_planned: int  # training planned from today on
    budget: BudgetRow | None
    sessions_present: int  # of the sessions recorded for them in the last months
    sessions_recorded: int
    energy: float | None  # their mean check-in in those sessions
    meaning: float | None


def _counts(db: object, query: object) -> dict[int, int]:
    return {pid: int(n) for pid, n in db.execute(query)}  # type: ignore[attr-defined]


def _private(
    database: SessionFactory, ids: Collection[int]
) -> dict[int, tuple[str, int | None, str]]:
    """E-mail, contract hours and notes of ``ids``: a login with a role reads them
    through the view of the personal columns it may see."""
    columns: tuple[Any, ...]
    if database.seat is None:
        columns = (Person.id, Person.email, Person.contract_minutes, Person.notes)
    else:
        view = personal_fields(database).c
        columns = (view.id, view.email, view.contract_minutes, view.notes)
    with database() as db:
        return {
            pid: (email or "", minutes, notes or "")
            for pid, email, minutes, notes in db.execute(
                select(*columns).where(columns[0].in_(ids))
            )
        }


def team(database: SessionFactory, manager_id: int, today: dt.date) -> list[TeamMember]:
    """The manager's team in service today, by surname, with their groups, this half
    year's conversation, open agreements and requests, this year's learning
    situations, training and budget, and their check-ins of the last months."""
    reports = team_of(database, manager_id, today)
    if not reports:
        return []
    ids = list(reports)
    year_start, year_end = dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)
    since = _since(today)
    settings = load_settings(database)
    with database() as db:
        people = db.execute(
            select(Person.id, Person.first_name, Person.last_name, Person.job_title)
            .where(Person.id.in_(ids))
            .order_by(Person.sort_key, Person.id)
        ).all()
        names = {
            pid: full_name(first, last)
            for pid, first, last in db.execute(
                select(Person.id, Person.first_name, Person.last_name).where(
                    Person.id.in_(set(reports.values()) - {None})
                )
            )
        }
        groups: dict[int, list[str]] = {}
        for pid, name in db.execute(
            select(GroupMembership.person_id, LearningGroup.name)
            .join(LearningGroup, LearningGroup.id == GroupMembership.group_id)
            .where(
                GroupMembership.person_id.in_(ids),
                GroupMembership.joined <= today,
                or_(GroupMembership.left_on.is_(None), GroupMembership.left_on >= today),
            )
            .order_by(LearningGroup.name)
        ):
            groups.setdefault(pid, []).append(name)
        agreements = _counts(
            db,
            select(TalentConversation.person_id, func.count(Agreement.id))
            .join(Agreement, Agreement.conversation_id == TalentConversation.id)
            .where(
                TalentConversation.person_id.in_(ids),
                Agreement.status == AgreementStatus.OPEN,
            )
            .group_by(TalentConversation.person_id),
        )
        requests = _counts(
            db,
            select(LearningRequest.person_id, func.count(LearningRequest.id))
            .where(
                LearningRequest.person_id.in_(ids),
                LearningRequest.status == RequestStatus.OPEN,
            )
            .group_by(LearningRequest.person_id),
        )
        situations = _counts(
            db,
            select(SituationPerson.person_id, func.count(func.distinct(LearningSituation.id)))
            .join(LearningSituation, LearningSituation.id == SituationPerson.situation_id)
            .where(
                SituationPerson.person_id.in_(ids),
                LearningSituation.occurred_on.between(year_start, year_end),
            )
            .group_by(SituationPerson.person_id),
        )
        followed = _counts(
            db,
            select(Training.person_id, func.coalesce(func.sum(Training.minutes), 0))
            .where(
                Training.person_id.in_(ids),
                Training.status == TrainingStatus.DONE,
                Training.starts_on.between(year_start, year_end),
            )
            .group_by(Training.person_id),
        )
        planned = _counts(
            db,
            select(Training.person_id, func.count(Training.id))
            .where(
                Training.person_id.in_(ids),
                Training.status == TrainingStatus.PLANNED,
                Training.ends_on >= today,
            )
            .group_by(Training.person_id),
        )
        present = Attendance.status == AttendanceStatus.PRESENT
        check_ins = {
            pid: (int(marked), int(was), energy, meaning)
            for pid, marked, was, energy, meaning in db.execute(
                select(
                    Attendance.person_id,
                    func.count(Attendance.id),
                    func.count(Attendance.id).filter(present),
                    func.avg(Attendance.energy).filter(present),
                    func.avg(Attendance.meaning).filter(present),
                )
                .join(CycleSession, CycleSession.id == Attendance.session_id)
                .where(
                    Attendance.person_id.in_(ids),
                    CycleSession.starts_at >= since,
                    func.date(CycleSession.starts_at) <= today,
                )
                .group_by(Attendance.person_id)
            )
        }
    private = _private(database, ids)
    due = (
        {
            row.person_id: row
            for row in due_overview(database, today, settings.conversation_schedule)
        }
        if settings is not None
        else {}
    )
    budget = {row.person_id: row for row in budgets(database, today.year, settings)}
    members = []
    for pid, first, last, job in people:
        email, minutes, notes = private.get(pid, ("", None, ""))
        marked, was, energy, meaning = check_ins.get(pid, (0, 0, None, None))
        members.append(
            TeamMember(
                id=pid,
                name=full_name(first, last),
                job_title=job,
                manager_name=names.get(manager, "") if (manager := reports[pid]) else "",
                direct=reports[pid] == manager_id,
                email=email,
                contract_minutes=minutes,
                notes=notes,
                groups=tuple(groups.get(pid, [])),
                due=due.get(pid),
                open_agreements=agreements.get(pid, 0),
                open_requests=requests.get(pid, 0),
                situations=situations.get(pid, 0),
                training_minutes=followed.get(pid, 0),
                training_planned=planned.get(pid, 0),
                budget=budget.get(pid),
                sessions_present=was,
                sessions_recorded=marked,
                energy=float(energy) if energy is not None else None,
                meaning=float(meaning) if meaning is not None else None,
            )
        )
    return members


# --- the team's groups and week cycles -----------------------------------------------


@dataclass(frozen=True)
class TeamSession:
    """A session of a week cycle of a group that someone of the team was in that day,
    with what was recorded of the team there."""

    id: int
    group_id: int
    group_name: str
    day_number: int
    starts_at: dt.datetime
    location: str
    theme: str
    cancelled: bool
    team: tuple[str, ...]  # the team's members in the group that day
    recorded: int  # of them, with attendance recorded
    present: int
    energy: float | None  # the mean check-in of the team's present ones
    meaning: float | None

    def took_place(self, today: dt.date) -> bool:
        return not self.cancelled and self.starts_at.date() <= today


@dataclass(frozen=True)
class TeamGroup:
    id: int
    name: str
    theme: str
    team: tuple[str, ...]  # who of the team is in it today
    others: int  # how many others are in it today


def team_groups(
    database: SessionFactory, manager_id: int, today: dt.date
) -> tuple[list[TeamGroup], list[TeamSession]]:
    """The learning groups the team is in today, and the sessions from three months ago
    on (the coming ones too) of every group that someone of the team was in on the
    session's day, in the order of the calendar."""
    reports = team_of(database, manager_id, today)
    ids = set(reports)
    if not ids:
        return [], []
    since = _since(today)
    day = func.date(CycleSession.starts_at)
    with database() as db:
        names = {
            pid: full_name(first, last)
            for pid, first, last in db.execute(
                select(Person.id, Person.first_name, Person.last_name).where(Person.id.in_(ids))
            )
        }
        memberships = db.execute(
            select(
                GroupMembership.group_id,
                GroupMembership.person_id,
                GroupMembership.joined,
                GroupMembership.left_on,
            ).where(
                GroupMembership.group_id.in_(
                    select(GroupMembership.group_id).where(GroupMembership.person_id.in_(ids))
                )
            )
        ).all()
        group_ids = {gid for gid, pid, _j, _l in memberships if pid in ids}
        groups_found = db.execute(
            select(LearningGroup.id, LearningGroup.name, LearningGroup.theme)
            .where(LearningGroup.id.in_(group_ids))
            .order_by(LearningGroup.name)
        ).all()
        sessions = db.execute(
            select(
                CycleSession.id,
                WeekCycle.group_id,
                LearningGroup.name,
                CycleSession.day_number,
                CycleSession.starts_at,
                CycleSession.location,
                CycleSession.theme,
                or_(CycleSession.cancelled, WeekCycle.cancelled),
            )
            .join(WeekCycle, WeekCycle.id == CycleSession.cycle_id)
            .join(LearningGroup, LearningGroup.id == WeekCycle.group_id)
            .where(WeekCycle.group_id.in_(group_ids), CycleSession.starts_at >= since)
            .order_by(CycleSession.starts_at, CycleSession.id)
        ).all()
        marks: dict[int, list[tuple[int, AttendanceStatus, int | None, int | None]]] = {}
        for sid, pid, status, energy, meaning in db.execute(
            select(
                Attendance.session_id,
                Attendance.person_id,
                Attendance.status,
                Attendance.energy,
                Attendance.meaning,
            )
            .join(CycleSession, CycleSession.id == Attendance.session_id)
            .join(WeekCycle, WeekCycle.id == CycleSession.cycle_id)
            .where(
                and_(WeekCycle.group_id.in_(group_ids), CycleSession.starts_at >= since),
                Attendance.person_id.in_(ids),
                day <= today,
            )
        ):
            marks.setdefault(sid, []).append((pid, AttendanceStatus(status), energy, meaning))

    def in_group(group_id: int, on: dt.date) -> list[int]:
        return [
            pid
            for gid, pid, joined, left in memberships
            if gid == group_id and joined <= on and (left is None or left >= on)
        ]

    groups = []
    for gid, name, theme in groups_found:
        now = in_group(gid, today)
        in_team = [names[pid] for pid in now if pid in ids]
        if in_team:
            groups.append(
                TeamGroup(gid, name, theme, tuple(sorted(in_team)), len(now) - len(in_team))
            )
    shown = []
    for sid, gid, group_name, number, starts_at, place, theme, cancelled in sessions:
        ours = [pid for pid in in_group(gid, starts_at.date()) if pid in ids]
        if not ours:
            continue
        recorded = [m for m in marks.get(sid, []) if m[0] in ours]
        there = [m for m in recorded if m[1] is AttendanceStatus.PRESENT]
        energies = [m[2] for m in there if m[2]]
        meanings = [m[3] for m in there if m[3]]
        shown.append(
            TeamSession(
                sid,
                gid,
                group_name,
                number,
                starts_at,
                place,
                theme,
                bool(cancelled),
                tuple(sorted(names[pid] for pid in ours)),
                len(recorded),
                len(there),
                sum(energies) / len(energies) if energies else None,
                sum(meanings) / len(meanings) if meanings else None,
            )
        )
    return groups, shown


def team_marks(
    database: SessionFactory, manager_id: int, session_id: int, today: dt.date
) -> list[MemberMark]:
    """The members of the team expected at a session, with what was recorded for each:
    what a manager records the attendance of (the rest of the group is not theirs)."""
    ids = set(team_of(database, manager_id, today))
    return [mark for mark in session_marks(database, session_id) if mark.person_id in ids]

"""Use cases around vital week cycles: plan, check conflicts, move, cancel, attend."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, selectinload

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import (
    Attendance,
    CycleSession,
    CycleSituation,
    GroupMembership,
    LearningGroup,
    LearningSituation,
    Person,
    WeekCycle,
)
from werkleren_desktop.db.portable import one_writer_at_a_time
from werkleren_desktop.domain.constants import (
    AttendanceStatus,
)
from werkleren_desktop.domain.cycles import (
    CYCLE_DAYS,
    WORKBOOK_TEXT_MAX,
    AttendanceListData,
    ListSession,
    SessionTimes,
    check_session_day,
    consecutive_warning,
    default_outline,
    overlaps,
)
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.people import full_name
from werkleren_desktop.errors import UserError, ValidationError
from werkleren_desktop.i18n import _
from werkleren_desktop.services.organisation import load_settings
from werkleren_desktop.services.undo import Deleted, delete_keeping


@dataclass(frozen=True)
class CycleDraft:
    group_id: int
    days: tuple[dt.date, ...]
    times: SessionTimes
    themes: tuple[str, ...]
    # started from the log "when the work gives cause": the question and the situations
    # the cycle takes up (its workbook, services.workbook)
    question: str = ""
    situation_ids: tuple[int, ...] = ()

    def starts(self) -> list[dt.datetime]:
        return [dt.datetime.combine(day, self.times.start_time) for day in self.days]


@dataclass(frozen=True)
class AttendanceInput:
    person_id: int
    status: AttendanceStatus
    energy: int | None = None
    meaning: int | None = None
    note: str = ""


@dataclass(frozen=True)
class SessionEvent:
    """A session as a calendar shows it."""

    uid: str
    sequence: int
    cycle_id: int
    group_id: int
    group_name: str
    day_number: int
    starts_at: dt.datetime
    duration_minutes: int
    location: str
    theme: str
    cancelled: bool
    # (name, e-mail or "") of the members on the day, by surname; empty unless asked for
    attendees: tuple[tuple[str, str], ...]


def cycle_outline(database: SessionFactory) -> list[str]:
    """The themes of the four days: the organisation's own, or the program's outline."""
    settings = load_settings(database)
    if settings is not None and settings.cycle_outline:
        return list(settings.cycle_outline)
    return default_outline()


def _members_on(db: Session, group_id: int, day: dt.date) -> list[Person]:
    return list(
        db.scalars(
            select(Person)
            .join(GroupMembership, GroupMembership.person_id == Person.id)
            .where(
                GroupMembership.group_id == group_id,
                GroupMembership.joined <= day,
                or_(GroupMembership.left_on.is_(None), GroupMembership.left_on >= day),
            )
            .order_by(Person.sort_key, Person.id)
        )
    )


def _active_sessions_between(
    db: Session, first: dt.datetime, last: dt.datetime, exclude_cycle: int | None
) -> list[CycleSession]:
    query = (
        select(CycleSession)
        .join(WeekCycle)
        .options(selectinload(CycleSession.cycle).selectinload(WeekCycle.group))
        .where(
            CycleSession.cancelled.is_(False),
            WeekCycle.cancelled.is_(False),
            CycleSession.starts_at >= first - dt.timedelta(hours=9),
            CycleSession.starts_at <= last + dt.timedelta(hours=9),
        )
    )
    if exclude_cycle is not None:
        query = query.where(WeekCycle.id != exclude_cycle)
    return list(db.scalars(query))


def check_conflicts(
    database: SessionFactory, draft: CycleDraft, exclude_cycle: int | None = None
) -> list[str]:
    """Everything that clashes with the draft, in words; an empty list when nothing does."""
    with database() as db:
        return _conflicts(db, draft, exclude_cycle)


def _conflicts(db: Session, draft: CycleDraft, exclude_cycle: int | None) -> list[str]:
    problems: list[str] = []
    starts = draft.starts()
    minutes = draft.times.duration_minutes
    others = _active_sessions_between(db, min(starts), max(starts), exclude_cycle)
    for start in starts:
        when = format_date(start.date(), "full")
        members = _members_on(db, draft.group_id, start.date())
        member_ids = {p.id for p in members}
        for person in members:
            if person.out_of_service is not None and person.out_of_service < start.date():
                problems.append(
                    _("{name} is out of service by {day}.").format(name=person.full_name, day=when)
                )
        for other in others:
            if not overlaps(start, minutes, other.starts_at, other.duration_minutes):
                continue
            location = draft.times.location.casefold()
            if location and other.location.casefold() == location:
                problems.append(
                    _("{location} is taken on {day} by {group}.").format(
                        location=other.location, day=when, group=other.cycle.group.name
                    )
                )
            if other.cycle.group_id == draft.group_id:
                problems.append(
                    _("The group already meets on {day} at that time.").format(day=when)
                )
                continue
            busy = [
                p for p in _members_on(db, other.cycle.group_id, start.date()) if p.id in member_ids
            ]
            for person in busy:
                problems.append(
                    _("{name} already has a session of {group} on {day}.").format(
                        name=person.full_name,
                        group=other.cycle.group.name,
                        day=when,
                    )
                )
    return list(dict.fromkeys(problems))  # each problem once, in order


def _validate(draft: CycleDraft) -> CycleDraft:
    if len(draft.days) != CYCLE_DAYS:
        raise ValidationError(_("A week cycle has four sessions."), "days")
    for day in draft.days:
        check_session_day(day)
    times = draft.times.validated()
    themes = tuple(" ".join(t.split())[:300] for t in draft.themes)
    question = draft.question.strip()
    if len(question) > WORKBOOK_TEXT_MAX:
        raise ValidationError(
            _("{what} is at most {n} characters.").format(
                what=_("The question"), n=WORKBOOK_TEXT_MAX
            ),
            "question",
        )
    return CycleDraft(
        draft.group_id,
        draft.days,
        times,
        themes + ("",) * (4 - len(themes)),
        question,
        tuple(dict.fromkeys(draft.situation_ids)),
    )


def _add_cycle(db: Session, draft: CycleDraft) -> int:
    group = db.get(LearningGroup, draft.group_id)
    if group is None:
        raise UserError(_("This learning group no longer exists."))
    cycle = WeekCycle(group_id=group.id, question=draft.question)
    for number, (start, theme) in enumerate(
        zip(draft.starts(), draft.themes, strict=True), start=1
    ):
        cycle.sessions.append(
            CycleSession(
                day_number=number,
                starts_at=start,
                duration_minutes=draft.times.duration_minutes,
                location=draft.times.location,
                theme=theme,
                uid=uuid.uuid4().hex,
            )
        )
    db.add(cycle)
    db.flush()
    if draft.situation_ids:
        found = set(
            db.scalars(
                select(LearningSituation.id).where(LearningSituation.id.in_(draft.situation_ids))
            )
        )
        if len(found) != len(draft.situation_ids):
            raise UserError(_("The situation this cycle takes up was removed meanwhile."))
        db.add_all(CycleSituation(cycle_id=cycle.id, situation_id=s) for s in found)
    return cycle.id


def plan_cycle(database: SessionFactory, draft: CycleDraft) -> int:
    """Store a cycle with its four sessions; returns its id. Conflicts are checked before."""
    return plan_series(database, [draft])[0]


def plan_series(
    database: SessionFactory,
    drafts: Sequence[CycleDraft],
    accepted: Collection[str] | None = None,
) -> list[int]:
    """Several cycles at once, in one transaction: all of them or none.

    ``accepted`` are the clashes (``check_conflicts``) the user saw and planned anyway;
    one that was not among them (another manager planned a session meanwhile) refuses
    the plan in a sentence. Plans wait for each other, so that two made at once see
    each other's sessions (and one group's cycles never share a day)."""
    valid = [_validate(d) for d in drafts]
    with database.begin() as db:
        one_writer_at_a_time(db, "planning")
        if accepted is not None:
            found = [p for draft in valid for p in _conflicts(db, draft, None)]
            new = [p for p in dict.fromkeys(found) if p not in set(accepted)]
            if new:
                raise UserError(
                    _(
                        "Meanwhile someone else planned sessions that clash with this plan: "
                        "{list} Nothing was planned; look at the plan again."
                    ).format(list=" ".join(new[:5]))
                )
        planned = []
        for draft in valid:
            _refuse_shared_day(db, draft.group_id, draft.days, exclude_cycle=None)
            planned.append(_add_cycle(db, draft))  # flushed: the next draft sees it
        return planned


def _refuse_shared_day(
    db: Session, group_id: int, days: Sequence[dt.date], exclude_cycle: int | None
) -> None:
    """A group has one week cycle on a day: refuse a day on which another cycle of the
    group (neither it nor that session cancelled) already meets."""
    query = (
        select(CycleSession.starts_at, WeekCycle.id)
        .join(WeekCycle, WeekCycle.id == CycleSession.cycle_id)
        .where(
            WeekCycle.group_id == group_id,
            WeekCycle.cancelled.is_(False),
            CycleSession.cancelled.is_(False),
            CycleSession.starts_at >= dt.datetime.combine(min(days), dt.time.min),
            CycleSession.starts_at <= dt.datetime.combine(max(days), dt.time.max),
        )
    )
    wanted = set(days)
    for starts_at, cycle_id in db.execute(query):
        if cycle_id != exclude_cycle and starts_at.date() in wanted:
            group = db.get(LearningGroup, group_id)
            raise UserError(
                _(
                    "{group} already meets on {day} in another week cycle; a group has one "
                    "cycle on a day. Choose other days, or cancel the other cycle first."
                ).format(
                    group=group.name if group else "?",
                    day=format_date(starts_at.date(), "full"),
                )
            )


def _cycle(db: Session, cycle_id: int) -> WeekCycle:
    cycle = db.get(WeekCycle, cycle_id)
    if cycle is None:
        raise UserError(_("This week cycle no longer exists."))
    return cycle


def _cycle_session(db: Session, session_id: int) -> CycleSession:
    found = db.get(CycleSession, session_id)
    if found is None:
        raise UserError(_("This session no longer exists."))
    return found


def move_session(database: SessionFactory, session_id: int, starts_at: dt.datetime) -> str | None:
    """Move one session; returns a warning when the four are no longer consecutive.

    The sessions are numbered again in date order: day 1 is the first meeting, whichever
    was planned first (each keeps its theme)."""
    check_session_day(starts_at.date(), "starts_at")
    with database.begin() as db:
        one_writer_at_a_time(db, "planning")
        moved = _cycle_session(db, session_id)
        if not moved.cancelled:
            _refuse_shared_day(
                db, moved.cycle.group_id, [starts_at.date()], exclude_cycle=moved.cycle_id
            )
        moved.starts_at = starts_at
        ordered = sorted(moved.cycle.sessions, key=lambda s: (s.starts_at, s.id))
        for number, item in enumerate(ordered, start=1):
            item.day_number = number
        days = [s.starts_at.date() for s in ordered if not s.cancelled]
    settings = load_settings(database)
    calendar = settings.work_calendar() if settings else None
    return consecutive_warning(calendar, days) if calendar else None


def cancel_session(database: SessionFactory, session_id: int) -> None:
    with database.begin() as db:
        _cycle_session(db, session_id).cancelled = True


def cancel_cycle(database: SessionFactory, cycle_id: int) -> None:
    with database.begin() as db:
        cycle = _cycle(db, cycle_id)
        cycle.cancelled = True
        for item in cycle.sessions:
            item.cancelled = True


def remove_cycle(database: SessionFactory, cycle_id: int) -> Deleted:
    """Take a cancelled week cycle out of the list; what it returns puts it back
    (services.undo). A cycle that still takes place is cancelled first, so that the
    next calendar export cancels its sessions in everyone's calendar."""
    with database.begin() as db:
        cycle = _cycle(db, cycle_id)
        if not cycle.cancelled:
            raise UserError(_("Only a cancelled week cycle can be removed; cancel it first."))
        return delete_keeping(db, cycle, _("Week cycle of {group}").format(group=cycle.group.name))


def record_attendance(
    database: SessionFactory,
    session_id: int,
    entries: Sequence[AttendanceInput],
    today: dt.date,
) -> None:
    """Attendance and check-ins for one session that took place (today's included),
    replacing what was there, in one go."""
    for entry in entries:
        for score, field in ((entry.energy, "energy"), (entry.meaning, "meaning")):
            if score is not None and not 1 <= score <= 5:
                raise ValidationError(_("A score lies between 1 and 5."), field)
        if entry.status is not AttendanceStatus.PRESENT and (entry.energy or entry.meaning):
            raise ValidationError(
                _("Energy and meaning are only recorded for someone who was there."), "energy"
            )
    with database.begin() as db:
        # two managers recording a session at once: the second waits for the first and
        # then replaces its rows, so that each form's marks stand whole, never a mix (a
        # lock of its own: a manager may not lock the session, which is not theirs)
        one_writer_at_a_time(db, "attendance")
        item = _cycle_session(db, session_id)
        if item.starts_at.date() > today:
            raise UserError(
                _(
                    "Attendance is recorded for a session that has taken place; this one is "
                    "on {day}."
                ).format(day=format_date(item.starts_at.date(), "full"))
            )
        # one statement per person that adds or replaces their row (one's own check-in
        # at the same moment does not make it fail)
        for entry in entries:
            put_attendance(
                db,
                session_id,
                entry.person_id,
                entry.status,
                entry.energy,
                entry.meaning,
                entry.note.strip(),
            )


def put_attendance(
    db: Session,
    session_id: int,
    person_id: int,
    status: AttendanceStatus,
    energy: int | None,
    meaning: int | None,
    note: str,
) -> None:
    """Add or replace one person's attendance at a session, in one statement."""
    insert = postgresql_insert if db.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = insert(Attendance).values(
        session_id=session_id,
        person_id=person_id,
        status=status,
        energy=energy,
        meaning=meaning,
        note=note,
    )
    db.execute(
        statement.on_conflict_do_update(
            index_elements=["session_id", "person_id"],
            set_={
                "status": statement.excluded.status,
                "energy": statement.excluded.energy,
                "meaning": statement.excluded.meaning,
                "note": statement.excluded.note,
            },
        )
    )


def session_events(
    database: SessionFactory,
    group_id: int | None = None,
    *,
    with_attendees: bool = True,
    days: tuple[dt.date, dt.date] | None = None,
) -> list[SessionEvent]:
    """Every session (cancelled ones too, so calendars can cancel them), oldest first;
    only those from the first to the last of ``days`` when given.

    Plain columns, not objects: ten years hold tens of thousands of sessions. The
    attendees (for a calendar file) are left out where only the window's calendar needs
    the sessions, and the window's calendar asks for the months around the one shown."""
    with database() as db:
        return read_session_events(db, group_id, with_attendees=with_attendees, days=days)


def read_session_events(
    db: Session,
    group_id: int | None = None,
    *,
    with_attendees: bool = True,
    days: tuple[dt.date, dt.date] | None = None,
) -> list[SessionEvent]:
    """``session_events`` inside a transaction the caller holds."""
    query = (
        select(
            CycleSession.uid,
            CycleSession.sequence,
            CycleSession.cycle_id,
            WeekCycle.group_id,
            LearningGroup.name,
            CycleSession.day_number,
            CycleSession.starts_at,
            CycleSession.duration_minutes,
            CycleSession.location,
            CycleSession.theme,
            CycleSession.cancelled | WeekCycle.cancelled,
        )
        .join(WeekCycle, WeekCycle.id == CycleSession.cycle_id)
        .join(LearningGroup, LearningGroup.id == WeekCycle.group_id)
        .order_by(CycleSession.starts_at, CycleSession.id)
    )
    members_query = (
        select(
            GroupMembership.group_id,
            GroupMembership.joined,
            GroupMembership.left_on,
            Person.first_name,
            Person.last_name,
            Person.email,
        )
        .join(Person, GroupMembership.person_id == Person.id)
        .order_by(Person.sort_key, Person.id)
    )
    if group_id is not None:
        query = query.where(WeekCycle.group_id == group_id)
        members_query = members_query.where(GroupMembership.group_id == group_id)
    if days is not None:
        query = query.where(
            CycleSession.starts_at >= dt.datetime.combine(days[0], dt.time()),
            CycleSession.starts_at < dt.datetime.combine(days[1] + dt.timedelta(days=1), dt.time()),
        )
    # one query for every membership, not one per session
    memberships: dict[int, list[tuple[dt.date, dt.date | None, str, str]]] = {}
    if with_attendees:
        for member_group, joined, left_on, first, last, email in db.execute(members_query):
            memberships.setdefault(member_group, []).append(
                (joined, left_on, full_name(first, last), email or "")
            )
    events: list[SessionEvent] = []
    for row in db.execute(query):
        day = row[6].date()
        attendees = tuple(
            (name, email)
            for joined, left_on, name, email in memberships.get(row[3], [])
            if joined <= day and (left_on is None or left_on >= day)
        )
        events.append(SessionEvent(*row[:10], bool(row[10]), attendees))
    return events


def group_id_by_name(database: SessionFactory, name: str) -> int:
    with database() as db:
        matches = db.scalars(
            select(LearningGroup.id).where(LearningGroup.name.ilike(name.strip()))
        ).all()
    if not matches:
        raise UserError(_("There is no learning group called “{name}”.").format(name=name))
    if len(matches) > 1:
        raise UserError(_("More than one learning group is called “{name}”.").format(name=name))
    return matches[0]


@dataclass(frozen=True)
class CycleRow:
    id: int
    group_id: int
    group_name: str
    first_day: dt.date
    last_day: dt.date
    location: str
    cancelled: bool
    attended: int  # present marks
    expected: int  # the members on the days with attendance recorded (or the marks, if more)

    @property
    def attendance_rate(self) -> float | None:
        return self.attended / self.expected if self.expected else None


@dataclass(frozen=True)
class SessionRow:
    id: int
    day_number: int
    starts_at: dt.datetime
    duration_minutes: int
    location: str
    theme: str
    cancelled: bool
    recorded: int
    present: int
    mean_energy: float | None
    mean_meaning: float | None


@dataclass(frozen=True)
class MemberMark:
    person_id: int
    name: str
    status: AttendanceStatus | None
    energy: int | None
    meaning: int | None
    note: str


@dataclass(frozen=True)
class CycleDetail:
    id: int
    group_id: int
    group_name: str
    cancelled: bool
    sessions: tuple[SessionRow, ...]


def _mean(values: list[int]) -> float | None:
    return sum(values) / len(values) if values else None


def list_cycles(
    database: SessionFactory, group_id: int | None = None, ending_from: dt.date | None = None
) -> list[CycleRow]:
    """Every cycle with its days and turnout, from two grouped queries (ten years of a
    care group are thousands of cycles and tens of thousands of attendance marks); with
    ``ending_from``, only those whose last day is on or after it (the upcoming ones: the
    turnout of the past is most of the work)."""
    # the sessions of the cycles listed: all, or those of cycles that end on or after the
    # day, which have a session (cancelled or not: its last day counts them all) starting
    # on or after that day's midnight
    listed = (
        ()
        if ending_from is None
        else (
            CycleSession.cycle_id.in_(
                select(CycleSession.cycle_id).where(
                    CycleSession.starts_at >= dt.datetime.combine(ending_from, dt.time())
                )
            ),
        )
    )
    spans = (
        select(
            CycleSession.cycle_id,
            func.min(CycleSession.starts_at),
            func.max(CycleSession.starts_at),
            func.max(case((CycleSession.day_number == 1, CycleSession.location))),  # day 1
        )
        .where(*listed)
        .group_by(CycleSession.cycle_id)
        .subquery()
    )
    query = (
        select(
            WeekCycle.id,
            WeekCycle.group_id,
            LearningGroup.name,
            WeekCycle.cancelled,
            spans.c[1],
            spans.c[2],
            spans.c[3],
        )
        .join(LearningGroup, LearningGroup.id == WeekCycle.group_id)
        .join(spans, spans.c.cycle_id == WeekCycle.id)
    )
    # turnout: present over expected, over the sessions with attendance recorded; expected
    # is the group's members on the session's day (or the marks, when more were marked).
    # Marks and members are counted per session in two grouped queries joined afterwards
    # (a subquery per session made the server count the members six thousand times)
    per_session = (
        select(
            CycleSession.id.label("session_id"),
            CycleSession.cycle_id.label("cycle_id"),
            func.count(Attendance.id).label("marks"),
            func.count(Attendance.id)
            .filter(Attendance.status == AttendanceStatus.PRESENT)
            .label("present"),
        )
        .join(Attendance, Attendance.session_id == CycleSession.id)
        .where(CycleSession.cancelled.is_(False))
        .group_by(CycleSession.id, CycleSession.cycle_id)
    )
    day = func.date(CycleSession.starts_at)
    members_per_session = (
        select(CycleSession.id.label("session_id"), func.count(GroupMembership.id).label("members"))
        .join(WeekCycle, WeekCycle.id == CycleSession.cycle_id)
        .join(
            GroupMembership,
            and_(
                GroupMembership.group_id == WeekCycle.group_id,
                GroupMembership.joined <= day,
                or_(GroupMembership.left_on.is_(None), GroupMembership.left_on >= day),
            ),
        )
        .where(CycleSession.cancelled.is_(False))
        .where(select(Attendance.id).where(Attendance.session_id == CycleSession.id).exists())
        .group_by(CycleSession.id)
    )
    if group_id is not None:
        query = query.where(WeekCycle.group_id == group_id)
        in_group = CycleSession.cycle_id.in_(
            select(WeekCycle.id).where(WeekCycle.group_id == group_id)
        )
        per_session = per_session.where(in_group)
        members_per_session = members_per_session.where(WeekCycle.group_id == group_id)
    per_session = per_session.where(*listed)
    members_per_session = members_per_session.where(*listed)
    recorded = per_session.subquery()
    counted = members_per_session.subquery()
    members = func.coalesce(counted.c.members, 0)
    marks = (
        select(
            recorded.c.cycle_id,
            func.sum(case((members > recorded.c.marks, members), else_=recorded.c.marks)),
            func.sum(recorded.c.present),
        )
        .select_from(recorded)
        .outerjoin(counted, counted.c.session_id == recorded.c.session_id)
        .group_by(recorded.c.cycle_id)
    )
    with database() as db:
        turnout = {cycle_id: (int(n), int(present)) for cycle_id, n, present in db.execute(marks)}
        rows = [
            CycleRow(
                id=cycle_id,
                group_id=group,
                group_name=name,
                first_day=first.date(),
                last_day=last.date(),
                location=location or "",
                cancelled=cancelled,
                attended=turnout.get(cycle_id, (0, 0))[1],
                expected=turnout.get(cycle_id, (0, 0))[0],
            )
            for cycle_id, group, name, cancelled, first, last, location in db.execute(query)
        ]
    rows.sort(key=lambda r: (r.first_day, r.group_name))
    return rows


def cycle_detail(database: SessionFactory, cycle_id: int) -> CycleDetail:
    with database() as db:
        cycle = _cycle(db, cycle_id)
        rows = []
        for item in sorted(cycle.sessions, key=lambda s: s.starts_at):
            present = [a for a in item.attendance if a.status is AttendanceStatus.PRESENT]
            rows.append(
                SessionRow(
                    id=item.id,
                    day_number=item.day_number,
                    starts_at=item.starts_at,
                    duration_minutes=item.duration_minutes,
                    location=item.location,
                    theme=item.theme,
                    cancelled=item.cancelled or cycle.cancelled,
                    recorded=len(item.attendance),
                    present=len(present),
                    mean_energy=_mean([a.energy for a in present if a.energy]),
                    mean_meaning=_mean([a.meaning for a in present if a.meaning]),
                )
            )
        return CycleDetail(cycle.id, cycle.group_id, cycle.group.name, cycle.cancelled, tuple(rows))


def session_marks(database: SessionFactory, session_id: int) -> list[MemberMark]:
    """The members expected at a session, with what was recorded for each so far."""
    with database() as db:
        item = _cycle_session(db, session_id)
        recorded = {a.person_id: a for a in item.attendance}
        members = _members_on(db, item.cycle.group_id, item.starts_at.date())
        people = {p.id: p for p in members}
        for person_id in recorded.keys() - people.keys():  # marked once, left the group since
            person = db.get(Person, person_id)
            if person is not None:
                people[person_id] = person
        marks = []
        for person in sorted(people.values(), key=lambda p: (p.sort_key, p.id)):
            mark = recorded.get(person.id)
            marks.append(
                MemberMark(
                    person.id,
                    person.full_name,
                    mark.status if mark else None,
                    mark.energy if mark else None,
                    mark.meaning if mark else None,
                    mark.note if mark else "",
                )
            )
        return marks


def attendance_list_data(database: SessionFactory, cycle_id: int) -> AttendanceListData:
    """What the printed attendance list of a cycle shows."""

    settings = load_settings(database)
    with database() as db:
        cycle = _cycle(db, cycle_id)
        group = cycle.group
        ordered = sorted(cycle.sessions, key=lambda s: s.starts_at)
        members: dict[int, str] = {}
        for item in ordered:
            for person in _members_on(db, group.id, item.starts_at.date()):
                members.setdefault(person.id, person.full_name)
        expert = group.expert.full_name if group.expert else group.expert_name
        return AttendanceListData(
            organisation=settings.name if settings else "",
            logo_png=settings.logo_png if settings else None,
            group=group.name,
            expert=expert,
            sessions=tuple(
                ListSession(
                    s.starts_at,
                    s.duration_minutes,
                    s.location,
                    s.theme,
                    s.cancelled or cycle.cancelled,
                )
                for s in ordered
            ),
            members=tuple(members.values()),
        )


@dataclass(frozen=True)
class TrendPoint:
    """One past cycle of a group: turnout and how the sessions felt on average."""

    first_day: dt.date
    attendance_rate: float
    mean_energy: float | None
    mean_meaning: float | None


def group_trend(database: SessionFactory, group_id: int, today: dt.date) -> list[TrendPoint]:
    """The group's held cycles with attendance recorded, oldest first."""
    query = (
        select(WeekCycle)
        .where(WeekCycle.group_id == group_id, WeekCycle.cancelled.is_(False))
        .options(selectinload(WeekCycle.sessions).selectinload(CycleSession.attendance))
    )
    points: list[TrendPoint] = []
    with database() as db:
        spells = db.execute(
            select(GroupMembership.joined, GroupMembership.left_on).where(
                GroupMembership.group_id == group_id
            )
        ).all()

        def expected(item: CycleSession) -> int:
            """The group's members on the session's day, or the marks if more."""
            day = item.starts_at.date()
            members = sum(
                1 for joined, left in spells if joined <= day and (left is None or left >= day)
            )
            return max(members, len(item.attendance))

        for cycle in db.scalars(query):
            held = [
                s
                for s in cycle.sessions
                if not s.cancelled and s.starts_at.date() < today and s.attendance
            ]
            marks = [a for s in held for a in s.attendance]
            if not marks:
                continue
            present = [a for a in marks if a.status is AttendanceStatus.PRESENT]
            points.append(
                TrendPoint(
                    first_day=min(s.starts_at.date() for s in cycle.sessions),
                    attendance_rate=len(present) / sum(expected(s) for s in held),
                    mean_energy=_mean([a.energy for a in present if a.energy]),
                    mean_meaning=_mean([a.meaning for a in present if a.meaning]),
                )
            )
    return sorted(points, key=lambda p: p.first_day)


def cycles_of_year(database: SessionFactory, year: int, today: dt.date) -> tuple[int, int]:
    """How many cycles (not cancelled) start in ``year``, and how many of them end on or
    after ``today``: counted by the database, for the home page (a care organisation
    of ten times the large demo holds thousands a year)."""
    first, last = func.min(CycleSession.starts_at), func.max(CycleSession.starts_at)
    # only the cycles with a session in the year are grouped (ten years of sessions are
    # many): a cycle that starts in it has one
    in_year = select(CycleSession.cycle_id).where(
        CycleSession.starts_at >= dt.datetime(year, 1, 1),
        CycleSession.starts_at < dt.datetime(year + 1, 1, 1),
    )
    spans = (
        select(last.label("last"))
        .join(WeekCycle, WeekCycle.id == CycleSession.cycle_id)
        .where(WeekCycle.cancelled.is_(False), CycleSession.cycle_id.in_(in_year))
        .group_by(CycleSession.cycle_id)
        .having(first >= dt.datetime(year, 1, 1), first < dt.datetime(year + 1, 1, 1))
        .subquery()
    )
    ahead = spans.c.last >= dt.datetime.combine(today, dt.time())
    query = select(func.count(), func.count().filter(ahead)).select_from(spans)
    with database() as db:
        counted, not_ended = db.execute(query).one()
    return int(counted), int(not_ended or 0)

"""Use cases around learning groups: list, save, members in and out, close."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, null, or_, select
from sqlalchemy.orm import Session, aliased

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import (
    GroupMembership,
    LearningGroup,
    Organisation,
    Person,
)
from werkleren_desktop.domain.constants import (
    GroupStatus,
)
from werkleren_desktop.domain.groups import (
    DEFAULT_MIXED_AGE_SPAN,
    GroupInput,
    GroupMix,
    check_membership_dates,
    group_mix,
    mixes_generations,
)
from werkleren_desktop.domain.people import full_name
from werkleren_desktop.errors import UserError, ValidationError
from werkleren_desktop.i18n import _
from werkleren_desktop.services.versions import UNREAD, Stamp, refuse_if_changed, stamp_of


@dataclass(frozen=True)
class GroupRow:
    id: int
    name: str
    theme: str
    status: GroupStatus
    starts: dt.date
    ends: dt.date | None
    members: int
    expert: str

    def is_open(self, day: dt.date) -> bool:
        """Still running on ``day``: active and not ended before it (a group to plan
        for, to join)."""
        return self.status is GroupStatus.ACTIVE and (self.ends is None or self.ends >= day)


@dataclass(frozen=True)
class MemberRow:
    membership_id: int
    person_id: int
    name: str
    job_title: str
    birth_year: int | None
    joined: dt.date
    left_on: dt.date | None

    def is_current(self, day: dt.date) -> bool:
        return self.joined <= day and (self.left_on is None or self.left_on >= day)


@dataclass(frozen=True)
class GroupDetail:
    id: int
    group: GroupInput
    status: GroupStatus
    expert: str
    members: tuple[MemberRow, ...]  # current and former, earliest first
    mix: GroupMix  # of the current members
    stamp: Stamp = UNREAD  # the version of ``group`` read


def _current(day: dt.date):  # type: ignore[no-untyped-def]
    return (GroupMembership.joined <= day) & (
        or_(GroupMembership.left_on.is_(None), GroupMembership.left_on >= day)
    )


def _expert_text(group: LearningGroup) -> str:
    if group.expert is not None:
        return group.expert.full_name
    return group.expert_name


def list_groups(database: SessionFactory, today: dt.date) -> list[GroupRow]:
    counts = (
        select(GroupMembership.group_id, func.count().label("n"))
        .where(_current(today))
        .group_by(GroupMembership.group_id)
        .subquery()
    )
    expert = aliased(Person)
    query = (
        # the experts in the same statement (not one more per group: the bench counts),
        # by the columns every login may read (docs/roles.md)
        select(LearningGroup, func.coalesce(counts.c.n, 0), expert.first_name, expert.last_name)
        .outerjoin(counts, counts.c.group_id == LearningGroup.id)
        .outerjoin(expert, expert.id == LearningGroup.expert_id)
        .order_by(LearningGroup.status, LearningGroup.name)
    )
    with database() as db:
        return [
            GroupRow(
                g.id,
                g.name,
                g.theme,
                g.status,
                g.starts,
                g.ends,
                n,
                full_name(first, last) if first is not None else g.expert_name,
            )
            for g, n, first, last in db.execute(query)
        ]


def _get(db: Session, group_id: int, *, lock: bool = False) -> LearningGroup:
    """The group; with ``lock``, other saves that lock it wait until this one is done
    (a server's row lock; on SQLite the write lock already does that)."""
    group = db.get(LearningGroup, group_id, with_for_update=lock)
    if group is None:
        raise UserError(_("This learning group no longer exists."))
    return group


def group_detail(database: SessionFactory, group_id: int, today: dt.date) -> GroupDetail:
    with database() as db:
        group = _get(db, group_id)
        # the birth years make the mix of young and old: personal, so the beheerder's
        # (a manager's or a professional's login sees the members without them)
        personal = database.seat is None
        rows = db.execute(
            select(
                GroupMembership.id,
                Person.id,
                Person.first_name,
                Person.last_name,
                Person.job_title,
                Person.birth_year if personal else null(),
                GroupMembership.joined,
                GroupMembership.left_on,
            )
            .join(Person, GroupMembership.person_id == Person.id)
            .where(GroupMembership.group_id == group_id)
            .order_by(Person.sort_key, GroupMembership.joined)
        ).all()
        members = tuple(
            MemberRow(mid, pid, full_name(first, last), job, born, joined, left_on)
            for mid, pid, first, last, job, born, joined, left_on in rows
        )
        # a closed group shows the mix it had when it closed
        on = group.ends if group.status is GroupStatus.CLOSED and group.ends else today
        return GroupDetail(
            id=group.id,
            group=GroupInput(
                name=group.name,
                starts=group.starts,
                theme=group.theme,
                ends=group.ends,
                expert_id=group.expert_id,
                expert_name=group.expert_name,
                expert_contact=group.expert_contact,
            ),
            status=group.status,
            expert=_expert_text(group),
            members=members,
            mix=group_mix((m.birth_year for m in members if m.is_current(on)), on, wanted_span(db)),
            stamp=stamp_of(group),
        )


def save_group(
    database: SessionFactory,
    data: GroupInput,
    group_id: int | None = None,
    version: int | None = None,
) -> int:
    """Create or change a group; ``version`` is the version the form read."""
    data = data.validated()
    with database.begin() as db:
        if data.expert_id is not None and db.get(Person, data.expert_id) is None:
            raise ValidationError(_("The chosen colleague no longer exists."), "expert")
        group = LearningGroup(status=GroupStatus.ACTIVE) if group_id is None else _get(db, group_id)
        refuse_if_changed(group, version if group_id is not None else None)
        group.name = data.name
        group.theme = data.theme
        group.starts = data.starts
        group.ends = data.ends
        group.expert_id = data.expert_id
        group.expert_name = data.expert_name
        group.expert_contact = data.expert_contact
        db.add(group)
        db.flush()
        return group.id


def add_member(database: SessionFactory, group_id: int, person_id: int, joined: dt.date) -> None:
    add_members(database, group_id, (person_id,), joined)


def add_members(
    database: SessionFactory, group_id: int, person_ids: Sequence[int], joined: dt.date
) -> None:
    """Add people to a group from ``joined``: all of them, or none (the first that
    cannot join says why)."""
    if not person_ids:
        raise ValidationError(_("Tick at least one person."), "person")
    with database.begin() as db:
        # two managers adding the same person at once: the second waits, then sees it
        group = _get(db, group_id, lock=True)
        for person_id in person_ids:
            _add_member(db, group, person_id, joined)


def _add_member(db: Session, group: LearningGroup, person_id: int, joined: dt.date) -> None:
    group_id = group.id
    person = db.get(Person, person_id)
    if person is None:
        raise UserError(_("This person no longer exists."))
    name = person.full_name
    if group.status is GroupStatus.CLOSED:
        raise ValidationError(_("This group is closed; reopen it to add members."), "person")
    if person.out_of_service is not None and person.out_of_service < joined:
        raise ValidationError(_("{name} is out of service by then.").format(name=name), "joined")
    if joined < person.in_service:
        raise ValidationError(
            _("{name} is not yet in service by then.").format(name=name), "joined"
        )
    overlapping = db.scalar(
        select(func.count())
        .select_from(GroupMembership)
        .where(
            GroupMembership.group_id == group_id,
            GroupMembership.person_id == person_id,
            or_(GroupMembership.left_on.is_(None), GroupMembership.left_on >= joined),
        )
    )
    if overlapping:
        raise ValidationError(
            _("{name} is already a member of this group.").format(name=name), "person"
        )
    db.add(GroupMembership(group_id=group_id, person_id=person_id, joined=joined))


def end_membership(database: SessionFactory, membership_id: int, left_on: dt.date) -> None:
    """Someone leaves a group; the membership stays as history."""
    with database.begin() as db:
        membership = db.get(GroupMembership, membership_id)
        if membership is None:
            raise UserError(_("This membership no longer exists."))
        check_membership_dates(membership.joined, left_on)
        membership.left_on = left_on


def set_group_status(
    database: SessionFactory, group_id: int, status: GroupStatus, day: dt.date
) -> None:
    """Close a group (its members leave it on ``day``) or reopen it."""
    with database.begin() as db:
        group = _get(db, group_id)
        group.status = status
        if status is GroupStatus.CLOSED:
            if day < group.starts:
                raise ValidationError(_("The end date cannot be before the start date."), "ends")
            group.ends = day
            for membership in group.memberships:
                if membership.left_on is None or membership.left_on > day:
                    membership.left_on = max(day, membership.joined)
        else:
            group.ends = None


def wanted_span(db: Session) -> int:
    """The organisation's years between youngest and oldest for a group to mix."""
    span = db.scalar(select(Organisation.mixed_age_span).limit(1))
    return span if span is not None else DEFAULT_MIXED_AGE_SPAN


@dataclass(frozen=True)
class Outsider:
    """Someone in service who is in no active learning group."""

    person_id: int
    name: str
    job_title: str


@dataclass(frozen=True)
class Mixing:
    """Everyone in a mixed group: of the people in service, who is in an active group
    that mixes generations (its youngest and oldest member at least ``span`` years
    apart), who is in groups that do not, and who is in none."""

    span: int
    in_service: int
    in_mixed: int
    in_unmixed: int  # in active groups, none of which mixes (or whose mix is unknown)
    no_group: tuple[Outsider, ...]  # by surname

    @property
    def share(self) -> float | None:
        """The share in percent in a mixed group; None when nobody is in service."""
        return 100 * self.in_mixed / self.in_service if self.in_service else None


def mixing(database: SessionFactory, today: dt.date) -> Mixing | None:
    """The indicator "everyone in a mixed group" on ``today``; None for a manager's or
    a professional's login, which does not read the birth years it rests on."""
    if database.seat is not None:
        return None
    in_service = (Person.in_service <= today) & (
        Person.out_of_service.is_(None) | (Person.out_of_service >= today)
    )
    active_group = (
        (LearningGroup.status == GroupStatus.ACTIVE)
        & (LearningGroup.starts <= today)
        & (LearningGroup.ends.is_(None) | (LearningGroup.ends >= today))
    )
    with database() as db:
        span = wanted_span(db)
        people = db.execute(
            select(Person.id, Person.first_name, Person.last_name, Person.job_title)
            .where(in_service)
            .order_by(Person.sort_key, Person.id)
        ).all()
        members = db.execute(
            select(GroupMembership.group_id, Person.id, Person.birth_year, in_service)
            .join(LearningGroup, LearningGroup.id == GroupMembership.group_id)
            .join(Person, Person.id == GroupMembership.person_id)
            .where(active_group, _current(today))
        ).all()
    births: dict[int, list[int | None]] = {}
    groups_of: dict[int, set[int]] = {}
    for group_id, person_id, birth_year, serving in members:
        births.setdefault(group_id, []).append(birth_year)
        if serving:
            groups_of.setdefault(person_id, set()).add(group_id)
    mixed_groups = {g for g, years in births.items() if mixes_generations(years, span)}
    in_mixed = sum(1 for groups in groups_of.values() if groups & mixed_groups)
    return Mixing(
        span=span,
        in_service=len(people),
        in_mixed=in_mixed,
        in_unmixed=len(groups_of) - in_mixed,
        no_group=tuple(
            Outsider(pid, full_name(first, last), job or "")
            for pid, first, last, job in people
            if pid not in groups_of
        ),
    )

"""Use cases around people: list, look up, save, record leaving."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased, undefer_group

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import (
    GroupMembership,
    LearningGroup,
    Person,
    TalentConversation,
)
from werkleren_desktop.db.portable import one_writer_at_a_time
from werkleren_desktop.domain.people import (
    PersonInput,
    check_manager_chain,
    full_name,
    list_name,
    sort_key,
)
from werkleren_desktop.errors import UserError, ValidationError
from werkleren_desktop.i18n import _
from werkleren_desktop.services.functions import link_function
from werkleren_desktop.services.reach import reports_only, within_reach
from werkleren_desktop.services.versions import UNREAD, Stamp, refuse_if_changed, stamp_of

# a Person's personal columns are deferred (db.models): queries of the beheerder that
# use them load them with the rest, in the same statement
PERSONAL = undefer_group("personal")


@dataclass(frozen=True)
class PersonRow:
    """One line of the people list."""

    id: int
    first_name: str
    last_name: str
    email: str
    job_title: str
    manager_id: int | None
    manager_name: str
    in_service: dt.date
    out_of_service: dt.date | None
    birth_year: int | None
    contract_minutes: int | None

    @property
    def full_name(self) -> str:
        return full_name(self.first_name, self.last_name)

    def is_active(self, day: dt.date) -> bool:
        return self.in_service <= day and (
            self.out_of_service is None or self.out_of_service >= day
        )

    def has_left(self, day: dt.date) -> bool:
        return self.out_of_service is not None and self.out_of_service < day


@dataclass(frozen=True)
class MembershipRow:
    group_id: int
    group_name: str
    joined: dt.date
    left_on: dt.date | None


@dataclass(frozen=True)
class PersonOverview:
    """Everything the person page shows about one person."""

    id: int
    person: PersonInput
    manager_name: str
    direct_reports: tuple[str, ...]
    memberships: tuple[MembershipRow, ...]
    # the latest talent conversation held: a record, or the date noted for before them
    last_conversation_on: dt.date | None = None
    stamp: Stamp = UNREAD  # the version of ``person`` read


def list_people(database: SessionFactory) -> list[PersonRow]:
    """Everybody, who is still here and who left, sorted by surname. A manager's or a
    professional's login (``database.seat``) may read only the columns every colleague
    sees (docs/roles.md): their rows come without e-mail, birth year and hours."""
    manager = aliased(Person)
    personal = database.seat is None
    query = (
        select(
            Person.id,
            Person.first_name,
            Person.last_name,
            Person.job_title,
            Person.manager_id,
            Person.in_service,
            Person.out_of_service,
            manager.first_name,
            manager.last_name,
            *((Person.email, Person.birth_year, Person.contract_minutes) if personal else ()),
        )
        .outerjoin(manager, Person.manager_id == manager.id)
        .order_by(Person.sort_key, Person.id)
    )
    with database() as db:
        return [
            PersonRow(
                id=row[0],
                first_name=row[1],
                last_name=row[2],
                email=(row[9] or "") if personal else "",
                job_title=row[3],
                manager_id=row[4],
                manager_name=f"{row[7]} {row[8]}" if row[7] is not None else "",
                in_service=row[5],
                out_of_service=row[6],
                birth_year=row[10] if personal else None,
                contract_minutes=row[11] if personal else None,
            )
            for row in db.execute(query)
        ]


def people_within_reach(database: SessionFactory, reports: bool = False) -> list[PersonRow]:
    """The people list of those this login may see the records of (everyone for a
    beheerder); with ``reports``, a manager's list leaves themselves out (their own
    conversations and training are their manager's)."""
    everyone = list_people(database)
    if database.seat is None:
        return everyone
    reach = reports_only if reports else within_reach
    with database() as db:
        ids = set(db.scalars(select(Person.id).where(reach(database, Person.id))))
    return [p for p in everyone if p.id in ids]


def input_of(person: Person) -> PersonInput:
    """A stored person as the domain sees them."""
    return PersonInput(
        first_name=person.first_name,
        last_name=person.last_name,
        in_service=person.in_service,
        email=person.email or "",
        job_title=person.job_title,
        manager_id=person.manager_id,
        out_of_service=person.out_of_service,
        birth_year=person.birth_year,
        contract_minutes=person.contract_minutes,
        notes=person.notes,
        last_conversation_on=person.last_conversation_on,
    )


def _get(db: Session, person_id: int) -> Person:
    """The person with their personal columns (the beheerder's forms edit them)."""
    person = db.get(Person, person_id, options=[PERSONAL])
    if person is None:
        raise UserError(_("This person no longer exists."))
    return person


def get_person(database: SessionFactory, person_id: int) -> PersonInput:
    return read_person(database, person_id)[0]


def read_person(database: SessionFactory, person_id: int) -> tuple[PersonInput, Stamp]:
    """The person as a form edits them, with the version read."""
    with database() as db:
        person = _get(db, person_id)
        return input_of(person), stamp_of(person)


def person_overview(database: SessionFactory, person_id: int) -> PersonOverview:
    with database() as db:
        person = _get(db, person_id)
        reports = db.scalars(
            select(Person)
            .where(Person.manager_id == person_id)
            .order_by(Person.sort_key, Person.id)
        ).all()
        memberships = db.execute(
            select(GroupMembership, LearningGroup.name)
            .join(LearningGroup, GroupMembership.group_id == LearningGroup.id)
            .where(GroupMembership.person_id == person_id)
            .order_by(GroupMembership.joined.desc())
        ).all()
        recorded = db.scalar(
            select(func.max(TalentConversation.held_on)).where(
                TalentConversation.person_id == person_id
            )
        )
        noted = person.last_conversation_on
        return PersonOverview(
            id=person.id,
            person=input_of(person),
            manager_name=person.manager.full_name if person.manager else "",
            direct_reports=tuple(r.full_name for r in reports if r.out_of_service is None),
            memberships=tuple(
                MembershipRow(m.group_id, name, m.joined, m.left_on) for m, name in memberships
            ),
            last_conversation_on=max((d for d in (recorded, noted) if d), default=None),
            stamp=stamp_of(person),
        )


def _manager_graph(db: Session) -> tuple[dict[int, int | None], dict[int, str]]:
    managers: dict[int, int | None] = {}
    names: dict[int, str] = {}
    for pid, manager_id, first, last in db.execute(
        select(Person.id, Person.manager_id, Person.first_name, Person.last_name)
    ):
        managers[pid] = manager_id
        names[pid] = full_name(first, last)
    return managers, names


def save_person(
    database: SessionFactory,
    data: PersonInput,
    today: dt.date,
    person_id: int | None = None,
    version: int | None = None,
) -> int:
    """Create or change a person in one transaction; returns the person's id.

    ``version`` is the version the form read (EditConflictError when the person changed
    since). Saves that change someone's manager wait for each other, so that two made
    at once cannot together close a circle of managers."""
    data = data.validated(today)
    with database.begin() as db:
        one_writer_at_a_time(db, "manager chain")
        if person_id is not None:
            refuse_if_changed(_get(db, person_id), version)
        if data.manager_id is not None and db.get(Person, data.manager_id) is None:
            raise ValidationError(_("The chosen manager no longer exists."), "manager")
        managers, names = _manager_graph(db)
        if person_id is not None:
            names[person_id] = data.full_name
        check_manager_chain(person_id, data.manager_id, managers, names)
        person = Person() if person_id is None else _get(db, person_id)
        apply_input(person, data)
        link_function(db, person)  # the function the job title names
        db.add(person)
        db.flush()
        return person.id


def person_values(data: PersonInput) -> dict[str, object]:
    """The columns of a stored person, by attribute name, as ``data`` fills them."""
    return {
        "first_name": data.first_name,
        "last_name": data.last_name,
        "sort_key": sort_key(data.first_name, data.last_name),
        "email": data.email or None,
        "job_title": data.job_title,
        "manager_id": data.manager_id,
        "in_service": data.in_service,
        "out_of_service": data.out_of_service,
        "birth_year": data.birth_year,
        "contract_minutes": data.contract_minutes,
        "notes": data.notes,
        "last_conversation_on": data.last_conversation_on,
    }


def apply_input(person: Person, data: PersonInput) -> None:
    for name, value in person_values(data).items():
        setattr(person, name, value)


def note_last_conversation(
    database: SessionFactory, person_ids: Sequence[int], day: dt.date | None, today: dt.date
) -> int:
    """Note for several people at once when their last talent conversation was held
    (None forgets it): an owner's first day, before the program kept records. All or
    nobody; a date that does not fit someone names them. Returns how many were noted."""
    with database.begin() as db:
        people = db.scalars(
            select(Person)
            .where(Person.id.in_(person_ids))
            .order_by(Person.sort_key)
            .options(PERSONAL)
        ).all()
        if len(people) < len(set(person_ids)):
            raise UserError(_("Someone chosen no longer exists; look at the list again."))
        refused: dict[str, list[str]] = {}
        for person in people:
            noted = replace(input_of(person), last_conversation_on=day)
            for problem in noted.problems(today):
                if problem.field == "last_conversation_on":
                    refused.setdefault(str(problem), []).append(person.full_name)
        if refused:
            message, names = next(iter(refused.items()))
            raise ValidationError(
                message
                + " "
                + _("This concerns: {names}.").format(names=", ".join(names[:10]))
                + (" " + _("And {n} more.").format(n=len(names) - 10) if len(names) > 10 else ""),
                "last_conversation_on",
            )
        for person in people:
            person.last_conversation_on = day
        return len(people)


def record_leaving(
    database: SessionFactory, person_id: int, last_day: dt.date, today: dt.date
) -> None:
    """Record that someone leaves: their history stays, their open group places end."""
    with database.begin() as db:
        person = _get(db, person_id)
        replace(input_of(person), out_of_service=last_day).validated(today)
        person.out_of_service = last_day
        for membership in db.scalars(
            select(GroupMembership).where(
                GroupMembership.person_id == person_id, GroupMembership.left_on.is_(None)
            )
        ):
            membership.left_on = max(last_day, membership.joined)


def person_id_by_name(database: SessionFactory, name: str) -> int:
    """The person called ``name`` ("Zoë van den Berg", "Berg, Zoë van den") or with that
    e-mail address, for the command line; it must point at exactly one person."""
    wanted = " ".join(name.split()).casefold()
    with database() as db:
        people = db.execute(
            select(Person.id, Person.first_name, Person.last_name, Person.email)
        ).all()
    matches = [
        pid
        for pid, first, last, email in people
        if wanted
        in {
            full_name(first, last).casefold(),
            list_name(first, last).casefold(),
            (email or "").casefold(),
        }
    ]
    if not matches:
        raise UserError(_("There is nobody called “{name}”.").format(name=name))
    if len(matches) > 1:
        raise UserError(
            _("More than one person is called “{name}”; use the e-mail address.").format(name=name)
        )
    return matches[0]

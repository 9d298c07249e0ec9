"""Use cases of formal training: record it (for several people at once), budgets per
person and year, and certificates that expire."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, delete, false, func, or_, select, true
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, selectinload

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import (
    Person,
    Training,
    TrainingBudget,
)
from werkleren_desktop.domain.constants import (
    TrainingForm,
    TrainingStatus,
)
from werkleren_desktop.domain.conversations import add_months
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import full_name
from werkleren_desktop.domain.training import TrainingInput, check_year
from werkleren_desktop.errors import UserError, ValidationError
from werkleren_desktop.i18n import _
from werkleren_desktop.services.organisation import load_settings
from werkleren_desktop.services.undo import Deleted, delete_keeping
from werkleren_desktop.services.versions import Stamp, refuse_if_changed, stamp_of

CERTIFICATE_MONTHS = 3  # certificates that expire within this many months are shown


@dataclass(frozen=True)
class TrainingRow:
    id: int
    person_id: int
    person_name: str
    title: str
    provider: str
    form: TrainingForm
    starts_on: dt.date
    ends_on: dt.date
    minutes: int
    cost_cents: int
    required: bool
    in_working_time: bool
    status: TrainingStatus
    certificate: str
    certificate_expires_on: dt.date | None
    study_cost_agreement: bool


def list_trainings(
    database: SessionFactory, year: int | None = None, person_id: int | None = None
) -> list[TrainingRow]:
    """Training newest first; ``year`` keeps those that count in that year (by start).
    Plain columns from one query: a care group records thousands of trainings."""
    query = (
        select(
            Training.id,
            Training.person_id,
            func.trim(Person.first_name + " " + Person.last_name),
            Training.title,
            Training.provider,
            Training.form,
            Training.starts_on,
            Training.ends_on,
            Training.minutes,
            Training.cost_cents,
            Training.required,
            Training.in_working_time,
            Training.status,
            Training.certificate,
            Training.certificate_expires_on,
            Training.study_cost_agreement,
        )
        .join(Person, Person.id == Training.person_id)
        .order_by(Training.starts_on.desc(), Training.id.desc())
    )
    if year is not None:
        query = query.where(Training.starts_on.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    if person_id is not None:
        query = query.where(Training.person_id == person_id)
    with database() as db:
        return [TrainingRow(*row) for row in db.execute(query)]


def get_training(database: SessionFactory, training_id: int) -> TrainingInput:
    return read_training(database, training_id)[0]


def read_training(database: SessionFactory, training_id: int) -> tuple[TrainingInput, Stamp]:
    """The training as its form edits it, with the version read."""
    with database() as db:
        t = _get(db, training_id)
        return TrainingInput(
            person_ids=(t.person_id,),
            title=t.title,
            form=t.form,
            starts_on=t.starts_on,
            ends_on=t.ends_on,
            minutes=t.minutes,
            cost_cents=t.cost_cents,
            provider=t.provider,
            required=t.required,
            in_working_time=t.in_working_time,
            status=t.status,
            certificate=t.certificate,
            certificate_expires_on=t.certificate_expires_on,
            study_cost_agreement=t.study_cost_agreement,
            notes=t.notes,
        ), stamp_of(t)


def _get(db: Session, training_id: int) -> Training:
    training = db.get(Training, training_id)
    if training is None:
        raise UserError(_("This training no longer exists."))
    return training


def save_training(
    database: SessionFactory,
    data: TrainingInput,
    today: dt.date,
    training_id: int | None = None,
    version: int | None = None,
) -> list[int]:
    """A new training is stored once per person (each has their own hours, cost and
    certificate); a change applies to the one record (``version``: the version its
    form read). Returns the ids."""
    data = data.validated(today)
    if training_id is not None and len(data.person_ids) != 1:
        raise ValidationError(_("A recorded training belongs to one person."), "people")
    with database.begin() as db:
        people = {p.id: p for p in db.scalars(select(Person).where(Person.id.in_(data.person_ids)))}
        if set(people) != set(data.person_ids):
            raise ValidationError(_("Someone chosen no longer exists."), "people")
        for person in people.values():
            if person.out_of_service is not None and data.starts_on > person.out_of_service:
                raise ValidationError(
                    _("{name} had left before the training started.").format(name=person.full_name),
                    "people",
                )
        records = (
            [_get(db, training_id)]
            if training_id is not None
            else [Training() for _person in data.person_ids]
        )
        if training_id is not None:
            refuse_if_changed(records[0], version)
        for record, person_id in zip(records, data.person_ids, strict=True):
            record.person_id = person_id
            for name in (
                "title",
                "provider",
                "form",
                "starts_on",
                "ends_on",
                "minutes",
                "cost_cents",
                "required",
                "in_working_time",
                "status",
                "certificate",
                "certificate_expires_on",
                "study_cost_agreement",
                "notes",
            ):
                setattr(record, name, getattr(data, name))
            db.add(record)
        db.flush()
        return [record.id for record in records]


def delete_training(database: SessionFactory, training_id: int) -> Deleted:
    """Delete a training; what it returns puts it back (see services.undo)."""
    with database.begin() as db:
        training = _get(db, training_id)
        return delete_keeping(db, training, _("Training “{title}”").format(title=training.title))


# --- budgets -------------------------------------------------------------------------


def budget_sums(
    required_on_budget: bool | ColumnElement[bool],
) -> tuple[ColumnElement[int], ColumnElement[int]]:
    """The sums of cost that a person's development budget carries, over the Training
    rows of a query: spent (followed) and reserved (planned), as
    domain.training.budget_charge decides for one training. ``required_on_budget`` is
    the setting, or a bound parameter that will hold it."""
    setting = (
        (true() if required_on_budget else false())
        if isinstance(required_on_budget, bool)
        else required_on_budget
    )
    carried = or_(Training.required.is_(False), setting)
    return tuple(  # type: ignore[return-value]
        func.coalesce(func.sum(Training.cost_cents).filter(carried, Training.status == status), 0)
        for status in (TrainingStatus.DONE, TrainingStatus.PLANNED)
    )


@dataclass(frozen=True)
class BudgetRow:
    person_id: int
    person_name: str
    year: int
    budget_cents: int
    overridden: bool
    spent_cents: int  # training followed that the budget carries
    reserved_cents: int = 0  # training planned that the budget carries

    @property
    def used(self) -> float | None:
        return None if self.budget_cents <= 0 else 100 * self.spent_cents / self.budget_cents

    @property
    def left_cents(self) -> int:
        """What is neither spent nor reserved (below zero when overdrawn)."""
        return self.budget_cents - self.spent_cents - self.reserved_cents


def set_budget(database: SessionFactory, person_id: int, year: int, cents: int | None) -> None:
    """A person's budget for a year; None goes back to the organisation's default."""
    if cents is not None and cents < 0:
        raise ValidationError(_("An amount cannot be negative."), "budget")
    check_year(year)
    with database.begin() as db:
        if cents is None:
            db.execute(
                delete(TrainingBudget).where(
                    TrainingBudget.person_id == person_id, TrainingBudget.year == year
                )
            )
            return
        # one statement that inserts or replaces: two managers setting the same budget
        # at once both succeed, the later one's amount stays (a delete and an insert
        # made the second fail on the one-per-year rule)
        insert = postgresql_insert if db.get_bind().dialect.name == "postgresql" else sqlite_insert
        statement = insert(TrainingBudget).values(
            person_id=person_id, year=year, amount_cents=cents
        )
        db.execute(
            statement.on_conflict_do_update(
                index_elements=["person_id", "year"],
                set_={"amount_cents": statement.excluded.amount_cents},
            )
        )


def budgets(
    database: SessionFactory, year: int, settings: OrganisationSettings | None = None
) -> list[BudgetRow]:
    """Budget, spending and reservations of everyone employed at some point in the year
    (``settings``: the organisation's, when the caller has read them already)."""
    settings = settings or load_settings(database)
    default = settings.default_training_budget_cents if settings else 0
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    with database() as db:
        people = db.execute(
            select(Person.id, Person.first_name, Person.last_name)
            .where(
                Person.in_service <= last,
                (Person.out_of_service.is_(None)) | (Person.out_of_service >= first),
            )
            .order_by(Person.sort_key, Person.id)
        ).all()
        overrides = dict(
            db.execute(
                select(TrainingBudget.person_id, TrainingBudget.amount_cents).where(
                    TrainingBudget.year == year
                )
            ).all()
        )
        spent, reserved = budget_sums(settings.required_training_on_budget if settings else False)
        carried = {
            pid: (int(done), int(planned))
            for pid, done, planned in db.execute(
                select(Training.person_id, spent, reserved)
                .where(Training.starts_on.between(first, last))
                .group_by(Training.person_id)
            )
        }
    return [
        BudgetRow(
            pid,
            full_name(given, family),
            year,
            overrides.get(pid, default),
            pid in overrides,
            *carried.get(pid, (0, 0)),
        )
        for pid, given, family in people
    ]


# --- certificates --------------------------------------------------------------------


@dataclass(frozen=True)
class CertificateRow:
    training_id: int
    person_id: int
    person_name: str
    certificate: str
    expires_on: dt.date

    def has_expired(self, today: dt.date) -> bool:
        """Expired already (the last day it was valid lies before ``today``)."""
        return self.expires_on < today


def expiring_certificates(
    database: SessionFactory,
    today: dt.date,
    months: int = CERTIFICATE_MONTHS,
    person_id: int | None = None,
) -> list[CertificateRow]:
    """Certificates of people in service that expire from today within ``months``,
    soonest first (already expired ones within the last month too)."""
    query = (
        select(Training)
        .join(Person, Person.id == Training.person_id)
        .where(
            Training.certificate_expires_on.between(
                today - dt.timedelta(days=31), add_months(today, months)
            ),
            Training.status != TrainingStatus.CANCELLED,
            (Person.out_of_service.is_(None)) | (Person.out_of_service >= today),
        )
        .options(selectinload(Training.person))
        .order_by(Training.certificate_expires_on)
    )
    if person_id is not None:
        query = query.where(Training.person_id == person_id)
    with database() as db:
        rows = [
            CertificateRow(t.id, t.person_id, t.person.full_name, t.certificate, expires)
            for t in db.scalars(query)
            if (expires := t.certificate_expires_on) is not None
        ]
    # a certificate renewed by a later training no longer expires
    renewed = _renewed(database, rows)
    return [r for r in rows if (r.person_id, r.certificate.casefold()) not in renewed]


def _renewed(database: SessionFactory, rows: list[CertificateRow]) -> set[tuple[int, str]]:
    if not rows:
        return set()
    with database() as db:
        later = db.execute(
            select(Training.person_id, Training.certificate, Training.certificate_expires_on).where(
                Training.person_id.in_({r.person_id for r in rows}),
                Training.certificate != "",
                Training.status != TrainingStatus.CANCELLED,
            )
        ).all()
    latest: dict[tuple[int, str], dt.date] = {}
    for person_id, name, expires in later:
        if expires is not None:
            key = (person_id, name.casefold())
            latest[key] = max(latest.get(key, expires), expires)
    return {
        (r.person_id, r.certificate.casefold())
        for r in rows
        if latest.get((r.person_id, r.certificate.casefold()), r.expires_on) > r.expires_on
    }

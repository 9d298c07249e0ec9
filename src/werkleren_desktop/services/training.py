"""Use cases of formal training: record it (for several people at once), budgets per
person and year, and certificates that expire."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import ColumnElement, delete, false, func, or_, select, true
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import (
    CertificateType,
    Organisation,
    Person,
    Training,
    TrainingBudget,
)
from werkleren_desktop.domain.certificates import (
    EXPIRING_MONTHS,
    MAX_GRACE_MONTHS,
    CertificateRule,
    Obtained,
    Standing,
    refresher_refusal,
    standing,
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
from werkleren_desktop.services.certificates import (
    ensure_certificate_types,
    history_in,
    rule_of,
)
from werkleren_desktop.services.functions import check_skill
from werkleren_desktop.services.organisation import load_settings
from werkleren_desktop.services.undo import Deleted, delete_keeping
from werkleren_desktop.services.versions import Stamp, refuse_if_changed, stamp_of


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
            certificate_type_id=t.certificate_type_id,
            refresher=t.refresher,
            skill_id=t.skill_id,
            skill_level=t.skill_level,
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
        data = _with_certificate_rule(db, data, records[0] if training_id is not None else None)
        check_skill(db, data.skill_id, records[0].skill_id if training_id is not None else None)
        for record, person_id in zip(records, data.person_ids, strict=True):
            if data.refresher and data.status is not TrainingStatus.CANCELLED:
                assert data.certificate_type_id is not None  # validated
                rule = rule_of(db.get_one(CertificateType, data.certificate_type_id))
                history = history_in(db, person_id, data.certificate_type_id, training_id)
                refusal = refresher_refusal(rule, history, data.ends_on)
                if refusal:
                    who = people[person_id].full_name
                    raise ValidationError(
                        refusal if len(people) == 1 else f"{who}: {refusal}", "refresher"
                    )
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
                "certificate_type_id",
                "refresher",
                "skill_id",
                "skill_level",
            ):
                setattr(record, name, getattr(data, name))
            db.add(record)
        db.flush()
        return [record.id for record in records]


def _with_certificate_rule(
    db: Session, data: TrainingInput, record: Training | None
) -> TrainingInput:
    """The certificate named by its type: the type's name, and the expiry its rule gives
    where none was entered. A retired type is kept by the trainings that name it, not
    chosen anew."""
    if data.certificate_type_id is None:
        return data
    kind = db.get(CertificateType, data.certificate_type_id)
    if kind is None:
        raise ValidationError(_("This certificate type no longer exists."), "certificate")
    if kind.retired and (record is None or record.certificate_type_id != kind.id):
        raise ValidationError(
            _(
                "“{name}” is no longer offered for new training (Training › Certificate types)."
            ).format(name=kind.name),
            "certificate",
        )
    expires = data.certificate_expires_on
    if expires is None and data.status is not TrainingStatus.CANCELLED:
        expires = rule_of(kind).expires_on(data.ends_on)
    return replace(data, certificate=kind.name, certificate_expires_on=expires)


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


def warning_months_in(db: Session) -> int:
    """The organisation's window before expiry in which a certificate is listed."""
    months = db.scalar(select(Organisation.certificate_warning_months).limit(1))
    return months if months is not None else EXPIRING_MONTHS


def warning_months(database: SessionFactory) -> int:
    with database() as db:
        return warning_months_in(db)


@dataclass(frozen=True)
class CertificateRow:
    training_id: int  # the training that set the expiry
    person_id: int
    person_name: str
    certificate: str
    expires_on: dt.date
    grace_until: dt.date | None = None  # a refresher still renews it up to this day
    type_id: int | None = None  # its certificate type; None for a name typed without one
    refresher_renews: bool = False  # by its type's rule

    def renewal_by_refresher(self, today: dt.date) -> bool:
        """Whether a refresher course renews it today (valid still, or in its grace)."""
        if self.type_id is None or not self.refresher_renews:
            return False
        return not self.has_expired(today) or self.in_grace(today)

    def has_expired(self, today: dt.date) -> bool:
        """Expired already (the last day it was valid lies before ``today``)."""
        return self.expires_on < today

    def in_grace(self, today: dt.date) -> bool:
        """Expired, but a refresher course still renews it today."""
        grace = self.grace_until
        return self.has_expired(today) and grace is not None and today <= grace


SHOWN_AFTER_EXPIRY = dt.timedelta(days=31)  # an expired certificate stays listed this long


def expiring_certificates(
    database: SessionFactory,
    today: dt.date,
    months: int | None = None,
    person_id: int | None = None,
) -> list[CertificateRow]:
    """Certificates of people in service that expire from today within ``months`` (the
    organisation's setting unless given), soonest first; expired ones stay while a
    refresher still renews them (their grace period) and for a month after. One that a
    later training renewed, or that one planned will renew, is not listed. A certificate
    with a type follows its rule (domain.certificates.standing); a name typed without
    one, the latest expiry."""
    ensure_certificate_types(database)  # the names typed before linked, once, first
    in_service = (Person.out_of_service.is_(None)) | (Person.out_of_service >= today)
    columns = (
        Training.id,
        Training.person_id,
        Training.certificate,
        Training.certificate_type_id,
        Training.status,
        Training.ends_on,
        Training.certificate_expires_on,
        Training.refresher,
    )
    with database() as db:
        if months is None:
            months = warning_months_in(db)
        candidates = select(Training.person_id).join(Person, Person.id == Training.person_id)
        candidates = candidates.where(
            Training.certificate_expires_on.between(
                add_months(today - SHOWN_AFTER_EXPIRY, -MAX_GRACE_MONTHS),
                add_months(today, months),
            ),
            Training.status != TrainingStatus.CANCELLED,
            in_service,
        )
        if person_id is not None:
            candidates = candidates.where(Training.person_id == person_id)
        people = set(db.scalars(candidates.distinct()))
        if not people:
            return []
        named = select(Person.id, func.trim(Person.first_name + " " + Person.last_name))
        # (a list: a Result has keys(), so dict() would read it as a mapping)
        names: dict[int, str] = dict(db.execute(named.where(Person.id.in_(people))).all())
        trainings = db.execute(
            select(*columns).where(
                Training.person_id.in_(people),
                Training.certificate != "",
                Training.status != TrainingStatus.CANCELLED,
            )
        ).all()
        rules = {t.id: rule_of(t) for t in db.scalars(select(CertificateType))}
    groups: dict[tuple[int, int | str], list[Any]] = {}
    for row in trainings:
        key = row.certificate_type_id or row.certificate.casefold()
        groups.setdefault((row.person_id, key), []).append(row)
    found: list[CertificateRow] = []
    for (person, key), rows in groups.items():
        rule = rules.get(key) if isinstance(key, int) else None
        shown = (
            _by_rule(rule, rows, today, months)
            if rule is not None
            else _by_date(rows, today, months)
        )
        if shown is not None:
            training, expires, grace = shown
            found.append(
                CertificateRow(
                    training.id,
                    person,
                    names[person],
                    training.certificate,
                    expires,
                    grace,
                    training.certificate_type_id if rule is not None else None,
                    rule is not None and rule.refresher_renews,
                )
            )
    return sorted(found, key=lambda r: (r.expires_on, r.person_name))


def _by_rule(
    rule: CertificateRule, rows: list[Any], today: dt.date, months: int
) -> tuple[Any, dt.date, dt.date | None] | None:
    done = [r for r in rows if r.status is TrainingStatus.DONE]
    history = [Obtained(r.ends_on, r.certificate_expires_on, r.refresher) for r in done]
    status = standing(rule, history, today, months)
    expires = status.expires_on
    if expires is None or status.standing is Standing.VALID:
        return None
    last_chance = max(expires, status.grace_until or expires)  # to renew it by a refresher
    if status.standing is Standing.EXPIRED and last_chance < today - SHOWN_AFTER_EXPIRY:
        return None
    planned = [
        r.certificate_expires_on
        for r in rows
        if r.status is TrainingStatus.PLANNED and r.certificate_expires_on is not None
    ]
    if planned and max(planned) > expires:
        return None  # a renewal is planned
    setter = max((r for r in done if r.certificate_expires_on == expires), key=lambda r: r.ends_on)
    return setter, expires, status.grace_until


def _by_date(
    rows: list[Any], today: dt.date, months: int
) -> tuple[Any, dt.date, dt.date | None] | None:
    dated = [r for r in rows if r.certificate_expires_on is not None]
    if not dated:
        return None
    latest = max(dated, key=lambda r: (r.certificate_expires_on, r.ends_on))
    expires = latest.certificate_expires_on
    if not today - SHOWN_AFTER_EXPIRY <= expires <= add_months(today, months):
        return None
    return latest, expires, None

"""Use cases of an apprentice's placement (domain.apprenticeship): the placement with its
workplace trainer, the weeks of guidance and progress talks written down, and the
evidence per study year the subsidy for practical learning asks for."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import Apprenticeship, GuidanceEntry, Person
from werkleren_desktop.domain.apprenticeship import (
    Entry,
    EntryInput,
    PlacementInput,
    YearSummary,
    year_summary,
)
from werkleren_desktop.domain.constants import GuidanceKind
from werkleren_desktop.domain.funds import study_year_of
from werkleren_desktop.domain.people import full_name, sort_key
from werkleren_desktop.errors import UserError, ValidationError
from werkleren_desktop.i18n import _


@dataclass(frozen=True)
class TrainerChoice:
    id: int
    name: str
    job_title: str


@dataclass(frozen=True)
class PlacementView:
    person_id: int
    apprentice: str
    trainer_id: int | None
    trainer: str  # "" when the trainer was erased
    school: str
    programme: str
    starts_on: dt.date
    ends_on: dt.date | None
    entries: tuple[Entry, ...]

    def placement(self) -> PlacementInput:
        return PlacementInput(
            self.trainer_id, self.starts_on, self.ends_on, self.school, self.programme
        )

    def study_years(self, today: dt.date) -> list[YearSummary]:
        """Each study year the placement falls in, the latest first."""
        last = self.ends_on or max(today, self.starts_on)
        found = (
            year_summary(year, self.starts_on, self.ends_on, self.entries, today)
            for year in range(study_year_of(self.starts_on), study_year_of(last) + 1)
        )
        return sorted((y for y in found if y is not None), key=lambda y: -y.start_year)


def trainer_choices(
    database: SessionFactory, person_id: int, today: dt.date
) -> list[TrainerChoice]:
    """Who could guide the apprentice: everyone in service but themselves, by name."""
    with database() as db:
        rows = db.execute(
            select(Person.id, Person.first_name, Person.last_name, Person.job_title).where(
                Person.id != person_id,
                Person.in_service <= today,
                (Person.out_of_service.is_(None)) | (Person.out_of_service >= today),
            )
        ).all()
    rows = sorted(rows, key=lambda r: sort_key(r.first_name, r.last_name))
    return [TrainerChoice(r.id, full_name(r.first_name, r.last_name), r.job_title) for r in rows]


def read_placement(database: SessionFactory, person_id: int) -> PlacementView | None:
    with database() as db:
        record = db.get(Apprenticeship, person_id)
        if record is None:
            return None
        apprentice = _person(db, person_id)
        trainer = db.get(Person, record.trainer_id) if record.trainer_id is not None else None
        entries = db.scalars(
            select(GuidanceEntry)
            .where(GuidanceEntry.person_id == person_id)
            .order_by(GuidanceEntry.held_on, GuidanceEntry.id)
        ).all()
        return PlacementView(
            person_id,
            full_name(apprentice.first_name, apprentice.last_name),
            record.trainer_id,
            full_name(trainer.first_name, trainer.last_name) if trainer is not None else "",
            record.school,
            record.programme,
            record.starts_on,
            record.ends_on,
            tuple(
                Entry(e.id, e.held_on, GuidanceKind(e.kind), e.minutes, e.summary, e.initials)
                for e in entries
            ),
        )


def save_placement(database: SessionFactory, person_id: int, data: PlacementInput) -> None:
    """The placement of ``person_id``, new or changed; what was written down before its
    new first day is refused (it would fall outside the placement)."""
    data = data.validated(person_id)
    with database.begin() as db:
        _person(db, person_id)
        if data.trainer_id is not None and db.get(Person, data.trainer_id) is None:
            raise ValidationError(_("This colleague no longer exists."), "trainer_id")
        earliest = db.scalar(
            select(GuidanceEntry.held_on)
            .where(GuidanceEntry.person_id == person_id)
            .order_by(GuidanceEntry.held_on)
            .limit(1)
        )
        if earliest is not None and earliest < data.starts_on:
            raise ValidationError(
                _(
                    "Guidance was written down before this day; the placement starts on "
                    "it or earlier."
                ),
                "starts_on",
            )
        record = db.get(Apprenticeship, person_id) or Apprenticeship(person_id=person_id)
        record.trainer_id, record.starts_on, record.ends_on = (
            data.trainer_id,
            data.starts_on,
            data.ends_on,
        )
        record.school, record.programme = data.school, data.programme
        db.add(record)


def remove_placement(database: SessionFactory, person_id: int) -> None:
    """The placement and everything written down of it."""
    with database.begin() as db:
        record = db.get(Apprenticeship, person_id)
        if record is not None:
            db.delete(record)


def save_entry(
    database: SessionFactory,
    person_id: int,
    data: EntryInput,
    today: dt.date,
    entry_id: int | None = None,
) -> int:
    with database.begin() as db:
        placement = db.get(Apprenticeship, person_id)
        if placement is None:
            raise UserError(_("Save the placement first."))
        data = data.validated(placement.starts_on, today)
        if placement.ends_on is not None and data.held_on > placement.ends_on:
            raise ValidationError(_("This day lies after the placement ended."), "held_on")
        record = GuidanceEntry(person_id=person_id) if entry_id is None else _entry(db, entry_id)
        record.held_on, record.kind, record.minutes = data.held_on, data.kind, data.minutes
        record.summary, record.initials = data.summary, data.initials
        db.add(record)
        db.flush()
        return record.id


def delete_entry(database: SessionFactory, entry_id: int) -> None:
    with database.begin() as db:
        db.delete(_entry(db, entry_id))


def _entry(db: Session, entry_id: int) -> GuidanceEntry:
    record = db.get(GuidanceEntry, entry_id)
    if record is None:
        raise UserError(_("This entry no longer exists."))
    return record


def _person(db: Session, person_id: int) -> Person:
    person = db.get(Person, person_id)
    if person is None:
        raise UserError(_("This person no longer exists."))
    return person

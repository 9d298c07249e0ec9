"""Attendance of formal training per day, as sector training funds ask for it: a course is
the trainings of the same title, provider and dates (one per participant); its days are
the organisation's working days from the first to the last, and the first and last day
themselves (a course may fall on a Saturday). Each participant is present on a day or
not; a day not marked yet is neither."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import delete, select

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import Person, Training, TrainingAttendance
from werkleren_desktop.domain.calendar import WorkCalendar
from werkleren_desktop.domain.constants import TrainingStatus
from werkleren_desktop.domain.people import full_name, sort_key
from werkleren_desktop.errors import UserError
from werkleren_desktop.i18n import _
from werkleren_desktop.services.organisation import calendar_of


def course_days(calendar: WorkCalendar, first: dt.date, last: dt.date) -> tuple[dt.date, ...]:
    days = {first, last}
    day = first
    while day <= last:
        if calendar.is_working_day(day):
            days.add(day)
        day += dt.timedelta(days=1)
    return tuple(sorted(days))


@dataclass(frozen=True)
class Participant:
    training_id: int
    name: str
    marks: dict[dt.date, bool]  # the days marked so far

    def share_present(self, days: tuple[dt.date, ...]) -> float | None:
        """The share of the course's days present, of those marked; None: none marked."""
        marked = [self.marks[d] for d in days if d in self.marks]
        return sum(marked) / len(marked) if marked else None


@dataclass(frozen=True)
class Course:
    title: str
    provider: str
    starts_on: dt.date
    ends_on: dt.date
    minutes: int  # per participant, for the whole course
    days: tuple[dt.date, ...]
    participants: tuple[Participant, ...]

    def minutes_per_day(self) -> int:
        return round(self.minutes / len(self.days)) if self.days else 0


def read_course(database: SessionFactory, training_id: int) -> Course:
    """The course ``training_id`` is part of, with everyone who follows it (not cancelled)
    and the days marked."""
    calendar = calendar_of(database)
    with database() as db:
        one = db.get(Training, training_id)
        if one is None:
            raise UserError(_("This training no longer exists."))
        rows = db.execute(
            select(Training.id, Person.first_name, Person.last_name)
            .join(Person, Person.id == Training.person_id)
            .where(
                Training.title == one.title,
                Training.provider == one.provider,
                Training.starts_on == one.starts_on,
                Training.ends_on == one.ends_on,
                Training.status != TrainingStatus.CANCELLED,
            )
        ).all()
        ids = [r.id for r in rows]
        marks: dict[int, dict[dt.date, bool]] = {i: {} for i in ids}
        for tid, day, present in db.execute(
            select(TrainingAttendance.training_id, TrainingAttendance.day,
                   TrainingAttendance.present).where(TrainingAttendance.training_id.in_(ids))
        ):  # fmt: skip
            marks[tid][day] = present
        course = (one.title, one.provider, one.starts_on, one.ends_on, one.minutes)
    order = {r.id: sort_key(r.first_name, r.last_name) for r in rows}
    participants = sorted(
        (Participant(r.id, full_name(r.first_name, r.last_name), marks[r.id]) for r in rows),
        key=lambda p: order[p.training_id],
    )
    title, provider, starts, ends, minutes = course
    return Course(title, provider, starts, ends, minutes, course_days(calendar, starts, ends),
                  tuple(participants))  # fmt: skip


def save_attendance(
    database: SessionFactory,
    marks: Mapping[tuple[int, dt.date], bool | None],
    today: dt.date,
) -> None:
    """Each (training, day) present, absent, or not marked (None), in one transaction;
    a day after today cannot be marked yet."""
    with database.begin() as db:
        for (training_id, day), present in marks.items():
            db.execute(
                delete(TrainingAttendance).where(
                    TrainingAttendance.training_id == training_id, TrainingAttendance.day == day
                )
            )
            if present is None:
                continue
            if day > today:
                raise UserError(_("A day after today cannot be marked yet."))
            if db.get(Training, training_id) is None:
                raise UserError(_("This training no longer exists."))
            db.add(TrainingAttendance(training_id=training_id, day=day, present=present))

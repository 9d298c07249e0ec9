"""The AVG (GDPR) rights of the people in the data: see everything stored about one
person (inzage), erase a person for good, and review people who left long ago.

An export holds nobody else's data: other people are named by their role ("manager",
"colleague"), also inside free text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session, selectinload

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import (
    Agreement,
    AgreementOwner,
    Attendance,
    CycleSession,
    GroupMembership,
    LearningGroup,
    LearningSituation,
    Person,
    SituationConsultation,
    SituationPerson,
    TalentConversation,
    Training,
    TrainingBudget,
    WeekCycle,
)
from werkleren_desktop.domain.conversations import SECTION_BY_KEY, add_months
from werkleren_desktop.domain.situations import anonymise
from werkleren_desktop.errors import UserError
from werkleren_desktop.i18n import _

RETENTION_MONTHS = 24  # the Dutch guideline: about two years after leaving


def _get(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise UserError(_("This person no longer exists."))
    return person


def _others(session: Session, person_id: int, role: str) -> dict[str, str]:
    """Every other person's name mapped to a role, to take them out of free text."""
    return {
        f"{first} {last}": role
        for pid, first, last in session.execute(
            select(Person.id, Person.first_name, Person.last_name)
        )
        if pid != person_id
    }


def _day(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


PERSON_FILE_FORMAT = "werkleren-desktop/person-file"
PERSON_FILE_VERSION = 2  # docs/person-file.schema.json describes it


def person_file(
    sessions: SessionFactory, person_id: int, now: dt.datetime | None = None
) -> dict[str, Any]:
    """Everything stored about one person, in every role they have in the data (as a
    professional, a manager, a colleague consulted, a group's expert), as plain data for
    the JSON and the PDF. Other people are named by their role only, in every text."""
    exported_at = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    with sessions() as session:
        person = _get(session, person_id)
        others = _others(session, person_id, _("a colleague"))

        def clean(value: str | None) -> str:
            return anonymise(value, others) if value else ""

        memberships = session.execute(
            select(LearningGroup.name, GroupMembership.joined, GroupMembership.left_on)
            .join(LearningGroup, LearningGroup.id == GroupMembership.group_id)
            .where(GroupMembership.person_id == person_id)
            .order_by(GroupMembership.joined)
        ).all()
        attendance = session.execute(
            select(
                CycleSession.starts_at,
                LearningGroup.name,
                Attendance.status,
                Attendance.energy,
                Attendance.meaning,
                Attendance.note,
            )
            .join(CycleSession, CycleSession.id == Attendance.session_id)
            .join(WeekCycle, WeekCycle.id == CycleSession.cycle_id)
            .join(LearningGroup, LearningGroup.id == WeekCycle.group_id)
            .where(Attendance.person_id == person_id)
            .order_by(CycleSession.starts_at)
        ).all()
        situations = session.scalars(
            select(LearningSituation)
            .join(SituationPerson, SituationPerson.situation_id == LearningSituation.id)
            .where(SituationPerson.person_id == person_id)
            .options(
                selectinload(LearningSituation.answers),
                selectinload(LearningSituation.people),
                selectinload(LearningSituation.consultations),
            )
            .order_by(LearningSituation.occurred_on)
        ).all()
        consulted = session.execute(
            select(LearningSituation.occurred_on, LearningSituation.title)
            .join(SituationConsultation, SituationConsultation.situation_id == LearningSituation.id)
            .where(SituationConsultation.person_id == person_id)
            .order_by(LearningSituation.occurred_on)
        ).all()
        trainings = session.scalars(
            select(Training).where(Training.person_id == person_id).order_by(Training.starts_on)
        ).all()
        budgets = session.execute(
            select(TrainingBudget.year, TrainingBudget.amount_cents)
            .where(TrainingBudget.person_id == person_id)
            .order_by(TrainingBudget.year)
        ).all()
        conversations = session.scalars(
            select(TalentConversation)
            .where(TalentConversation.person_id == person_id)
            .options(
                selectinload(TalentConversation.sections),
                selectinload(TalentConversation.agreements),
                selectinload(TalentConversation.corrections),
            )
            .order_by(TalentConversation.planned_on)
        ).all()
        as_manager = session.scalars(
            select(TalentConversation)
            .where(TalentConversation.manager_id == person_id)
            .options(selectinload(TalentConversation.agreements))
            .order_by(TalentConversation.planned_on)
        ).all()
        expert_for = session.execute(
            select(LearningGroup.name, LearningGroup.starts, LearningGroup.ends)
            .where(LearningGroup.expert_id == person_id)
            .order_by(LearningGroup.starts)
        ).all()
        reports = session.scalar(
            select(func.count()).select_from(Person).where(Person.manager_id == person_id)
        )
        return {
            "format": PERSON_FILE_FORMAT,
            "version": PERSON_FILE_VERSION,
            "exported_at": exported_at.isoformat(timespec="seconds"),
            "person": {
                "first_name": person.first_name,
                "last_name": person.last_name,
                "email": person.email,
                "job_title": clean(person.job_title),
                "has_manager": person.manager_id is not None,
                "manages_people": int(reports or 0),
                "in_service": _day(person.in_service),
                "out_of_service": _day(person.out_of_service),
                "birth_year": person.birth_year,
                "contract_minutes_per_week": person.contract_minutes,
                "notes": clean(person.notes),
            },
            "learning_groups": [
                {"group": clean(name), "joined": _day(joined), "left": _day(left)}
                for name, joined, left in memberships
            ],
            "week_cycle_attendance": [
                {
                    "session": starts.isoformat(timespec="minutes"),
                    "group": clean(group),
                    "status": str(status),
                    "energy": energy,
                    "meaning": meaning,
                    "note": clean(note),
                }
                for starts, group, status, energy, meaning, note in attendance
            ],
            "learning_situations": [
                {
                    "date": _day(s.occurred_on),
                    "title": clean(s.title),
                    "kind": str(s.kind),
                    "situation": clean(s.description),
                    "with_colleagues": len(s.people) - 1,
                    "answers": [
                        {"question": clean(a.question_text), "answer": clean(a.answer)}
                        for a in s.answers
                    ],
                    "tried": clean(s.tried),
                    "outcome": clean(s.outcome),
                    "next_step": clean(s.next_step),
                    "status": str(s.status),
                    "ai_used": s.ai_used,
                    "ai_tool": clean(s.ai_tool),
                    "ai_contribution": clean(s.ai_contribution),
                    "ai_checked": clean(s.ai_checked),
                    "consulted": len(s.consultations),
                    "minutes": s.minutes,
                    "in_working_time": s.in_working_time,
                }
                for s in situations
            ],
            "consulted_by_colleagues": [
                {"date": _day(day), "situation": clean(title)} for day, title in consulted
            ],
            "trainings": [
                {
                    "title": clean(t.title),
                    "provider": clean(t.provider),
                    "form": str(t.form),
                    "starts_on": _day(t.starts_on),
                    "ends_on": _day(t.ends_on),
                    "minutes": t.minutes,
                    "cost_cents": t.cost_cents,
                    "required_for_the_job": t.required,
                    "in_working_time": t.in_working_time,
                    "status": str(t.status),
                    "certificate": clean(t.certificate),
                    "certificate_expires_on": _day(t.certificate_expires_on),
                    "study_cost_agreement": t.study_cost_agreement,
                    "notes": clean(t.notes),
                }
                for t in trainings
            ],
            "training_budgets": [{"year": year, "amount_cents": cents} for year, cents in budgets],
            "talent_conversations": [
                {
                    "planned_on": _day(c.planned_on),
                    "held_on": _day(c.held_on),
                    "place": clean(c.place),
                    "sections": [
                        {
                            "part": _(SECTION_BY_KEY[s.key].title)
                            if s.key in SECTION_BY_KEY
                            else s.key,
                            "preparation": clean(s.preparation),
                            "notes": clean(s.notes),
                        }
                        for s in c.sections
                    ],
                    "agreements": [_agreement(a, clean) for a in c.agreements],
                    "signed_by_professional_on": _day(c.professional_signed_on),
                    "signed_by_manager_on": _day(c.manager_signed_on),
                    "corrections": [
                        {
                            "made_at": x.made_at.isoformat(timespec="minutes"),
                            "part": clean(x.part),
                            "before": clean(x.before),
                            "after": clean(x.after),
                            "reason": clean(x.reason),
                        }
                        for x in c.corrections
                    ],
                }
                for c in conversations
            ],
            # the conversations they held with others: their own part only
            "conversations_as_manager": [
                {
                    "planned_on": _day(c.planned_on),
                    "held_on": _day(c.held_on),
                    "place": clean(c.place),
                    "signed_by_you_on": _day(c.manager_signed_on),
                    "your_agreements": [
                        _agreement(a, clean)
                        for a in c.agreements
                        if a.owner in (AgreementOwner.MANAGER, AgreementOwner.BOTH)
                    ],
                }
                for c in as_manager
            ],
            "expert_for_groups": [
                {"group": clean(name), "from": _day(starts), "until": _day(ends)}
                for name, starts, ends in expert_for
            ],
        }


def _agreement(agreement: Agreement, clean: Callable[[str | None], str]) -> dict[str, Any]:
    return {
        "what": clean(agreement.what),
        "owner": str(agreement.owner),
        "due_on": _day(agreement.due_on),
        "status": str(agreement.status),
        "why": clean(agreement.review_note),
    }


@dataclass(frozen=True)
class Erasure:
    name: str
    situations_removed: int
    conversations_removed: int


def erase_person(sessions: SessionFactory, person_id: int) -> Erasure:
    """Remove a person and all their personal data for good, in one transaction.

    Their own learning situations go (shared ones stay for the others), and so do
    their training, budgets, attendance and conversation records. Where other people's
    records name them, the name becomes "former colleague" and links are cleared.
    With secure_delete the erased data are overwritten in the file.
    """
    former = _("former colleague")
    with sessions.begin() as session:
        person = _get(session, person_id)
        name = person.full_name
        own = select(SituationPerson.situation_id).where(SituationPerson.person_id == person_id)
        shared = (
            select(SituationPerson.situation_id)
            .where(SituationPerson.situation_id.in_(own))
            .group_by(SituationPerson.situation_id)
            .having(func.count() > 1)
        )
        alone = session.scalars(
            select(LearningSituation.id).where(
                LearningSituation.id.in_(own), LearningSituation.id.not_in(shared)
            )
        ).all()
        session.execute(delete(LearningSituation).where(LearningSituation.id.in_(alone)))
        conversations = session.scalar(
            select(func.count()).where(TalentConversation.person_id == person_id)
        )
        # where others' records name them: a role instead, links cleared
        session.execute(
            update(SituationConsultation)
            .where(SituationConsultation.person_id == person_id)
            .values(person_id=None, outside_name=former)
        )
        session.execute(
            update(TalentConversation)
            .where(TalentConversation.manager_signed_name == name)
            .values(manager_signed_name=_("former manager"))
        )
        session.execute(
            update(LearningGroup)
            .where(LearningGroup.expert_id == person_id)
            .values(expert_id=None, expert_name=former)
        )
        replacements = {name: former}
        for situation in session.scalars(
            select(LearningSituation).where(LearningSituation.id.in_(own))
        ):
            for field in ("title", "description", "tried", "outcome", "next_step"):
                setattr(situation, field, anonymise(getattr(situation, field), replacements))
        session.delete(person)  # cascades: memberships, attendance, training, conversations
        return Erasure(name, len(alone), int(conversations or 0))


@dataclass(frozen=True)
class LeaverRow:
    person_id: int
    name: str
    left_on: dt.date


def retention_due(
    sessions: SessionFactory, today: dt.date, months: int = RETENTION_MONTHS
) -> list[LeaverRow]:
    """People who left more than ``months`` ago: to review, and to erase if nothing
    requires keeping their data."""
    with sessions() as session:
        rows = session.execute(
            select(Person.id, Person.first_name, Person.last_name, Person.out_of_service)
            .where(Person.out_of_service.is_not(None))
            .order_by(Person.out_of_service)
        ).all()
    return [
        LeaverRow(pid, f"{first} {last}", left)
        for pid, first, last, left in rows
        if left is not None and add_months(left, months) < today
    ]

"""Use cases of onboarding a new colleague (domain.onboarding): a plan proposed with the
usual steps, the certificates the function requires and an experienced colleague as
buddy; saved with each step's date on the organisation's working days and, where asked,
the first talent conversation planned; steps ticked off as they are done."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import (
    CertificateType,
    FunctionRequirement,
    OnboardingPlan,
    OnboardingStep,
    Person,
    TalentConversation,
)
from werkleren_desktop.domain.conversations import ConversationPlan
from werkleren_desktop.domain.onboarding import (
    OnboardingInput,
    StepInput,
    StepOwner,
    standard_steps,
    working_day,
)
from werkleren_desktop.domain.people import full_name, sort_key
from werkleren_desktop.errors import UserError, ValidationError
from werkleren_desktop.i18n import _
from werkleren_desktop.services.conversations import plan_in
from werkleren_desktop.services.organisation import calendar_of


@dataclass(frozen=True)
class BuddyCandidate:
    id: int
    name: str
    job_title: str
    in_service: dt.date
    same_function: bool
    same_team: bool


@dataclass(frozen=True)
class Proposal:
    """What a new plan starts from: the colleague's first day, the usual steps with the
    certificates their function requires, and the colleagues who could be their buddy,
    the most likely first (same function, same team, longest in service)."""

    person_id: int
    person_name: str
    starts_on: dt.date
    steps: tuple[StepInput, ...]
    candidates: tuple[BuddyCandidate, ...]
    has_manager: bool


def required_certificates(db: Session, function_id: int | None) -> list[str]:
    """The names of the certificate types ``function_id`` requires, by name."""
    if function_id is None:
        return []
    return list(
        db.scalars(
            select(CertificateType.name)
            .join(FunctionRequirement, FunctionRequirement.certificate_type_id
                  == CertificateType.id)
            .where(FunctionRequirement.function_id == function_id)
            .order_by(func.lower(CertificateType.name))
        )
    )  # fmt: skip


def propose_plan(database: SessionFactory, person_id: int, today: dt.date) -> Proposal:
    with database() as db:
        person = _person(db, person_id)
        required = required_certificates(db, person.function_id)
        others = db.execute(
            select(
                Person.id, Person.first_name, Person.last_name, Person.job_title,
                Person.in_service, Person.function_id, Person.manager_id,
            ).where(
                Person.id != person_id,
                Person.in_service <= today,
                Person.out_of_service.is_(None) | (Person.out_of_service >= today),
            )
        ).all()  # fmt: skip
    candidates = [
        BuddyCandidate(
            o.id,
            full_name(o.first_name, o.last_name),
            o.job_title,
            o.in_service,
            person.function_id is not None and o.function_id == person.function_id,
            person.manager_id is not None and o.manager_id == person.manager_id,
        )
        for o in others
        if o.id != person.manager_id  # the buddy is a colleague, not the manager
    ]
    order = {o.id: sort_key(o.first_name, o.last_name) for o in others}
    candidates.sort(key=lambda c: (not c.same_function, not c.same_team, c.in_service,
                                   order[c.id]))  # fmt: skip
    return Proposal(
        person_id,
        person.full_name,
        person.in_service,
        standard_steps(required),
        tuple(candidates),
        person.manager_id is not None,
    )


def _person(db: Session, person_id: int) -> Person:
    person = db.get(Person, person_id)
    if person is None:
        raise UserError(_("This person no longer exists."))
    return person


def save_plan(database: SessionFactory, data: OnboardingInput, today: dt.date) -> None:
    """The plan with its steps dated on the organisation's working days, in one
    transaction, with (where asked, and not planned already) the first talent
    conversation on its step's day. Saving again replaces the steps; a step that keeps
    its words keeps the day it was done."""
    data = data.validated()
    calendar = calendar_of(database)
    with database.begin() as db:
        person = _person(db, data.person_id)
        if person.out_of_service is not None and person.out_of_service < data.starts_on:
            raise ValidationError(_("{name} has left by then.").format(name=person.full_name),
                                  "starts_on")  # fmt: skip
        if data.buddy_id is not None:
            buddy = db.get(Person, data.buddy_id)
            if buddy is None or (buddy.out_of_service is not None and buddy.out_of_service < today):
                raise ValidationError(_("The buddy chosen is no longer in service."), "buddy")
        plan = db.get(OnboardingPlan, data.person_id)
        done: dict[str, dt.date] = {}
        if plan is None:
            plan = OnboardingPlan(person_id=data.person_id)
            db.add(plan)
        else:
            done = {s.title: s.done_on for s in plan.steps if s.done_on is not None}
            db.execute(delete(OnboardingStep).where(OnboardingStep.person_id == data.person_id))
            db.expire(plan, ["steps"])
        plan.buddy_id, plan.starts_on = data.buddy_id, data.starts_on
        db.flush()
        for position, step in enumerate(data.steps, start=1):
            db.add(
                OnboardingStep(
                    person_id=data.person_id,
                    position=position,
                    title=step.title,
                    working_day=step.working_day,
                    due_on=working_day(calendar, data.starts_on, step.working_day),
                    owner=step.owner,
                    done_on=done.get(step.title),
                )
            )
        conversation = next((s for s in data.steps if s.conversation), None)
        if data.plan_conversation and conversation is not None:
            day = working_day(calendar, data.starts_on, conversation.working_day)
            planned = db.scalar(
                select(func.count()).where(
                    TalentConversation.person_id == data.person_id,
                    TalentConversation.planned_on >= data.starts_on,
                )
            )
            if not planned:
                if person.manager_id is None:
                    raise ValidationError(
                        _("{name} has no manager to hold the conversation with; choose one "
                          "first, or leave the conversation out.").format(name=person.full_name),
                        "plan_conversation",
                    )  # fmt: skip
                plan_in(db, data.person_id, ConversationPlan(day))


@dataclass(frozen=True)
class StepRow:
    id: int
    title: str
    working_day: int
    due_on: dt.date
    owner: StepOwner
    done_on: dt.date | None


@dataclass(frozen=True)
class PlanView:
    person_id: int
    person_name: str
    manager_name: str
    buddy_id: int | None
    buddy_name: str
    starts_on: dt.date
    steps: tuple[StepRow, ...]

    def done(self) -> int:
        return sum(1 for s in self.steps if s.done_on is not None)

    def late(self, today: dt.date) -> list[StepRow]:
        return [s for s in self.steps if s.done_on is None and s.due_on < today]


def read_plan(database: SessionFactory, person_id: int) -> PlanView | None:
    with database() as db:
        plan = db.get(OnboardingPlan, person_id)
        if plan is None:
            return None
        person = _person(db, person_id)
        buddy = db.get(Person, plan.buddy_id) if plan.buddy_id is not None else None
        manager = db.get(Person, person.manager_id) if person.manager_id is not None else None
        return PlanView(
            person_id,
            person.full_name,
            manager.full_name if manager is not None else "",
            plan.buddy_id,
            buddy.full_name if buddy is not None else "",
            plan.starts_on,
            tuple(
                StepRow(s.id, s.title, s.working_day, s.due_on, s.owner, s.done_on)
                for s in plan.steps
            ),
        )


def mark_step(
    database: SessionFactory, step_id: int, done_on: dt.date | None, today: dt.date
) -> None:
    """A step done on a day (not later than today), or not done after all (None)."""
    if done_on is not None and done_on > today:
        raise ValidationError(_("A step is ticked off once it is done."), "done_on")
    with database.begin() as db:
        step = db.get(OnboardingStep, step_id)
        if step is None:
            raise UserError(_("This step no longer exists."))
        step.done_on = done_on


def remove_plan(database: SessionFactory, person_id: int) -> None:
    with database.begin() as db:
        db.execute(delete(OnboardingPlan).where(OnboardingPlan.person_id == person_id))

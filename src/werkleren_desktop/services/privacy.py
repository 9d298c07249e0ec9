"""The AVG (GDPR) rights of the people in the data: see everything stored about one
person (inzage), erase a person for good, and review people who left long ago.

An export holds nobody else's data: other people are named by their role ("manager",
"colleague"), also inside free text.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, delete, func, select, text, update
from sqlalchemy.orm import Session, selectinload, undefer_group

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import (
    Agreement,
    Apprenticeship,
    Attendance,
    CycleSession,
    ExitConversation,
    Fund,
    FundClaim,
    FundClaimTraining,
    GroupMembership,
    GuidanceEntry,
    LearningGroup,
    LearningRequest,
    LearningSituation,
    OnboardingPlan,
    OnboardingStep,
    Person,
    PersonSkill,
    SituationAnswer,
    SituationConsultation,
    SituationPerson,
    Skill,
    TalentConversation,
    Training,
    TrainingAttendance,
    TrainingBudget,
    WeekCycle,
    WorkAgreement,
)
from werkleren_desktop.domain.constants import (
    AgreementOwner,
)
from werkleren_desktop.domain.conversations import SECTION_BY_KEY, add_months
from werkleren_desktop.domain.people import full_name
from werkleren_desktop.domain.situations import NAME_PARTICLES, Anonymiser
from werkleren_desktop.errors import UserError
from werkleren_desktop.i18n import N_, _
from werkleren_desktop.services.situations import refresh_search_text
from werkleren_desktop.storage.drafts import DraftStore

RETENTION_MONTHS = 24  # the Dutch guideline: about two years after leaving


def _get(db: Session, person_id: int) -> Person:
    person = db.get(Person, person_id, options=[undefer_group("personal")])
    if person is None:
        raise UserError(_("This person no longer exists."))
    return person


def _others(db: Session, person_id: int, role: str) -> dict[str, str]:
    """Every other person's name mapped to a role, to take them out of free text."""
    return {
        full_name(first, last): role
        for pid, first, last in db.execute(select(Person.id, Person.first_name, Person.last_name))
        if pid != person_id
    }


def _day(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


PERSON_FILE_FORMAT = "werkleren-desktop/person-file"
PERSON_FILE_VERSION = 13  # docs/person-file.schema.json describes it


def person_file(
    database: SessionFactory, person_id: int, now: dt.datetime | None = None
) -> dict[str, Any]:
    """Everything stored about one person, in every role they have in the data (as a
    professional, a manager, a colleague consulted, a group's expert, the one to ask about
    a work agreement), as plain data for
    the JSON and the PDF. Other people are named by their role only, in every text."""
    exported_at = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    with database() as db:
        person = _get(db, person_id)
        anonymised = Anonymiser(_others(db, person_id, _("a colleague")))

        def clean(value: str | None) -> str:
            return anonymised(value) if value else ""

        memberships = db.execute(
            select(LearningGroup.name, GroupMembership.joined, GroupMembership.left_on)
            .join(LearningGroup, LearningGroup.id == GroupMembership.group_id)
            .where(GroupMembership.person_id == person_id)
            .order_by(GroupMembership.joined)
        ).all()
        attendance = db.execute(
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
        situations = db.scalars(
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
        consulted = db.execute(
            select(LearningSituation.occurred_on, LearningSituation.title)
            .join(SituationConsultation, SituationConsultation.situation_id == LearningSituation.id)
            .where(SituationConsultation.person_id == person_id)
            .order_by(LearningSituation.occurred_on)
        ).all()
        # situations they brought in for others ("ingebracht door"), not learning themselves
        brought_in = db.execute(
            select(LearningSituation.occurred_on, LearningSituation.title)
            .where(
                LearningSituation.brought_in_by == person_id,
                ~LearningSituation.id.in_(
                    select(SituationPerson.situation_id).where(
                        SituationPerson.person_id == person_id
                    )
                ),
            )
            .order_by(LearningSituation.occurred_on)
        ).all()
        trainings = db.scalars(
            select(Training).where(Training.person_id == person_id).order_by(Training.starts_on)
        ).all()
        attended = db.execute(
            select(Training.title, TrainingAttendance.day, TrainingAttendance.present)
            .join(Training, Training.id == TrainingAttendance.training_id)
            .where(Training.person_id == person_id)
            .order_by(TrainingAttendance.day)
        ).all()
        onboarding = db.execute(
            select(OnboardingStep.title, OnboardingStep.due_on, OnboardingStep.owner,
                   OnboardingStep.done_on)
            .where(OnboardingStep.person_id == person_id)
            .order_by(OnboardingStep.position)
        ).all()  # fmt: skip
        leaving = db.scalar(select(ExitConversation).where(ExitConversation.person_id == person_id))
        placement = db.get(Apprenticeship, person_id)
        guidance = db.execute(
            select(GuidanceEntry.held_on, GuidanceEntry.kind, GuidanceEntry.minutes,
                   GuidanceEntry.summary, GuidanceEntry.initials)
            .where(GuidanceEntry.person_id == person_id)
            .order_by(GuidanceEntry.held_on, GuidanceEntry.id)
        ).all()  # fmt: skip
        trainer_for = db.scalars(
            select(Apprenticeship.starts_on)
            .where(Apprenticeship.trainer_id == person_id)
            .order_by(Apprenticeship.starts_on)
        ).all()
        claimed = db.execute(
            select(Fund.name, Training.title, FundClaim.claimed_on)
            .join(FundClaim, FundClaim.fund_id == Fund.id)
            .join(FundClaimTraining, FundClaimTraining.claim_id == FundClaim.id)
            .join(Training, Training.id == FundClaimTraining.training_id)
            .where(Training.person_id == person_id)
            .order_by(Training.starts_on, FundClaim.id)
        ).all()
        buddy_for = db.scalars(
            select(OnboardingPlan.starts_on)
            .where(OnboardingPlan.buddy_id == person_id)
            .order_by(OnboardingPlan.starts_on)
        ).all()
        skills_seen = db.execute(
            select(Skill.name, PersonSkill.level, PersonSkill.assessed_on, PersonSkill.note)
            .join(Skill, Skill.id == PersonSkill.skill_id)
            .where(PersonSkill.person_id == person_id)
            .order_by(PersonSkill.assessed_on)
        ).all()
        budgets = db.execute(
            select(TrainingBudget.year, TrainingBudget.amount_cents)
            .where(TrainingBudget.person_id == person_id)
            .order_by(TrainingBudget.year)
        ).all()
        conversations = db.scalars(
            select(TalentConversation)
            .where(TalentConversation.person_id == person_id)
            .options(
                selectinload(TalentConversation.sections),
                selectinload(TalentConversation.own_preparations),
                selectinload(TalentConversation.agreements),
                selectinload(TalentConversation.corrections),
            )
            .order_by(TalentConversation.planned_on)
        ).all()
        requests = db.scalars(
            select(LearningRequest)
            .where(LearningRequest.person_id == person_id)
            .order_by(LearningRequest.asked_on, LearningRequest.id)
        ).all()
        # others' requests addressed to them or answered by them: their own part only
        answered = db.scalars(
            select(LearningRequest)
            .where(
                (LearningRequest.addressed_to == person_id)
                | (LearningRequest.answered_by == person_id),
                LearningRequest.person_id != person_id,
            )
            .order_by(LearningRequest.asked_on, LearningRequest.id)
        ).all()
        as_manager = db.scalars(
            select(TalentConversation)
            .where(TalentConversation.manager_id == person_id)
            .options(selectinload(TalentConversation.agreements))
            .order_by(TalentConversation.planned_on)
        ).all()
        expert_for = db.execute(
            select(LearningGroup.name, LearningGroup.starts, LearningGroup.ends)
            .where(LearningGroup.expert_id == person_id)
            .order_by(LearningGroup.starts)
        ).all()
        contact_for = db.execute(
            select(
                WorkAgreement.kind,
                WorkAgreement.title,
                WorkAgreement.agreed_on,
                WorkAgreement.withdrawn_on,
            )
            .where(WorkAgreement.contact_id == person_id)
            .order_by(WorkAgreement.agreed_on, WorkAgreement.id)
        ).all()
        reports = db.scalar(
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
                "last_conversation_before_records": _day(person.last_conversation_on),
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
                    "brought_in_by_them": s.brought_in_by == person_id,
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
            "brought_in_for_colleagues": [
                {"date": _day(day), "situation": clean(title)} for day, title in brought_in
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
                    # their part of the preparation entered on their behalf (ingebracht door)
                    "preparation_brought_in_by_you": c.preparation_brought_in,
                    # what they wrote in their own window (Mijn gesprek), shared or not
                    "own_preparation": [
                        {
                            "part": _(SECTION_BY_KEY[p.key].title)
                            if p.key in SECTION_BY_KEY
                            else p.key,
                            "text": clean(p.text),
                            "shared_at": p.shared_at.astimezone().isoformat(timespec="minutes")
                            if p.shared_at is not None
                            else None,
                        }
                        for p in c.own_preparations
                    ],
                    "agreements": [_agreement(a, clean) for a in c.agreements],
                    "signed_by_professional_on": _day(c.professional_signed_on),
                    "signed_by_manager_on": _day(c.manager_signed_on),
                    "corrections": [
                        {
                            "made_at": x.made_at.astimezone().isoformat(timespec="minutes"),
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
            "learning_requests": [
                {
                    "asked_on": _day(r.asked_on),
                    "kind": str(r.kind),
                    "question": clean(r.question),
                    "status": str(r.status),
                    "answer": clean(r.answer),
                    "answered_on": _day(r.answered_on),
                    "outcome": clean(r.outcome),
                }
                for r in requests
            ],
            "requests_to_you_as_manager": [
                {
                    "asked_on": _day(r.asked_on),
                    "kind": str(r.kind),
                    "status": str(r.status),
                    "answered_on": _day(r.answered_on),
                    "your_answer": clean(r.answer) if r.answered_by == person_id else "",
                }
                for r in answered
            ],
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
            "contact_for_work_agreements": [
                {
                    "kind": str(kind),
                    "title": clean(title),
                    "from": _day(agreed_on),
                    "until": _day(withdrawn_on),
                }
                for kind, title, agreed_on, withdrawn_on in contact_for
            ],
            "training_attendance": [
                {"training": clean(title), "day": _day(day), "present": present}
                for title, day, present in attended
            ],
            "onboarding_steps": [
                {
                    "step": clean(title),
                    "date": _day(due),
                    "whose": str(owner),
                    "done_on": _day(done),
                }
                for title, due, owner, done in onboarding
            ],
            "buddy_for_new_colleagues": [{"from": _day(day)} for day in buddy_for],
            "apprenticeship": [
                {
                    "school": clean(placement.school),
                    "programme": clean(placement.programme),
                    "starts_on": _day(placement.starts_on),
                    "ends_on": _day(placement.ends_on),
                    "has_workplace_trainer": placement.trainer_id is not None,
                }
            ]
            if placement is not None
            else [],
            "guidance_and_progress": [
                {
                    "date": _day(held_on),
                    "kind": str(kind),
                    "minutes": minutes,
                    "what": clean(summary),
                    "initials": initials,
                }
                for held_on, kind, minutes, summary, initials in guidance
            ],
            "workplace_trainer_for_apprentices": [{"from": _day(day)} for day in trainer_for],
            "fund_claims": [
                {"fund": clean(fund), "training": clean(title), "claimed_on": _day(on)}
                for fund, title, on in claimed
            ],
            "exit_conversation": [
                {
                    "held_on": _day(leaving.held_on),
                    "why_you_left": clean(leaving.reason),
                    "what_worked_well": clean(leaving.went_well),
                    "what_could_be_better": clean(leaving.could_be_better),
                    "knowledge_to_hand_over": clean(leaving.handover),
                }
            ]
            if leaving is not None
            else [],
            "skill_levels_seen": [
                {"skill": clean(skill), "level": level, "date": _day(on), "note": clean(note)}
                for skill, level, on, note in skills_seen
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


# Every column where people write freely, by table: where an erased person's name is
# looked for (tests/services/test_privacy.py fails when a text column is not classed).
FREE_TEXT_COLUMNS: dict[str, tuple[str, ...]] = {
    "person": ("job_title", "notes"),
    "learning_group": ("name", "theme", "expert_name", "expert_contact"),
    "talent_conversation": ("place",),
    "training": ("title", "provider", "certificate", "notes"),
    "agreement": ("what", "review_note"),
    "conversation_correction": ("part", "before", "after", "reason"),
    "conversation_section": ("preparation", "notes"),
    "own_preparation": ("text",),
    "week_cycle": ("question", "outcome", "next_step"),
    "cycle_session": ("location", "theme", "notes"),
    "working_method": ("name", "description", "vitality"),
    "learning_situation": (
        "title", "description", "tried", "outcome", "next_step", "ai_tool",
        "ai_contribution", "ai_checked",
    ),
    "attendance": ("note",),
    "situation_answer": ("question_text", "answer"),
    "situation_consultation": ("outside_name",),
    "closing_period": ("description",),
    "guiding_question": ("text",),
    "scan": ("title", "note"),
    "scan_answer": ("remark",),
    "learning_request": ("question", "answer", "outcome"),
    "work_agreement": ("title", "text", "origin"),
    "certificate_type": ("name", "description", "source"),
    "job_function": ("name", "description"),
    "skill": ("name", "description"),
    "person_skill": ("note",),
    "onboarding_step": ("title",),
    "exit_conversation": ("reason", "went_well", "could_be_better", "handover"),
    "fund": ("name", "description", "source"),
    "fund_claim": ("reference", "note"),
    "guidance_entry": ("summary",),
}  # fmt: skip
TABLE_LABELS = {
    "person": N_("Person"),
    "learning_group": N_("Learning group"),
    "talent_conversation": N_("Talent conversation"),
    "training": N_("Training"),
    "agreement": N_("Agreement"),
    "conversation_correction": N_("Correction"),
    "conversation_section": N_("Talent conversation"),
    "own_preparation": N_("Talent conversation"),
    "week_cycle": N_("Week cycle"),
    "cycle_session": N_("Week-cycle session"),
    "working_method": N_("Working method"),
    "learning_situation": N_("Learning situation"),
    "attendance": N_("Attendance"),
    "situation_answer": N_("Answer to a guiding question"),
    "situation_consultation": N_("Consultation"),
    "closing_period": N_("Closing day"),
    "guiding_question": N_("Guiding question"),
    "scan": N_("Scan"),
    "scan_answer": N_("Scan remark"),
    "learning_request": N_("Learning request"),
    "work_agreement": N_("Work agreement"),
    "certificate_type": N_("Certificate type"),
    "job_function": N_("Function"),
    "skill": N_("Skill"),
    "person_skill": N_("Skill level seen"),
    "onboarding_step": N_("Onboarding step"),
    "exit_conversation": N_("Exit conversation"),
    "fund": N_("Fund"),
    "fund_claim": N_("Claim on a fund"),
    "guidance_entry": N_("Guidance of an apprentice"),
    "draft": N_("A form not saved yet"),
}
EXCERPT = 60  # characters each side of a mention


@dataclass(frozen=True)
class Mention:
    """A place where the erased person is named, outside their own records."""

    table: str  # or "draft"
    column: str  # or the draft's kind
    row_id: int
    text: str  # the whole text as stored
    excerpt: str  # a few words around the first mention
    first_name_only: bool  # only the first name (or a surname others share): the user decides

    @property
    def where(self) -> str:
        return _(TABLE_LABELS.get(self.table, self.table))

    @property
    def place(self) -> tuple[str, str, int]:
        return self.table, self.column, self.row_id


@dataclass(frozen=True)
class ErasurePlan:
    person_id: int
    name: str
    situations_removed: int
    conversations_removed: int
    mentions: tuple[Mention, ...]  # replaced for sure: the full name, an own surname
    first_name_mentions: tuple[Mention, ...]  # listed for the user to choose


@dataclass(frozen=True)
class Erasure:
    name: str
    situations_removed: int
    conversations_removed: int
    mentions_replaced: int = 0
    # on a server: whether the planner's statistics were written anew too (only the
    # database's owner may); if not, sampled values may stay until they are
    statistics_rewritten: bool = True


def _other_names(db: Session, person_id: int) -> list[tuple[str, str]]:
    return [
        (first, last)
        for pid, first, last in db.execute(select(Person.id, Person.first_name, Person.last_name))
        if pid != person_id
    ]


def _name_terms(person: Person, others: Sequence[tuple[str, str]]) -> tuple[list[str], list[str]]:
    """(terms replaced for sure, terms only offered): the full name and the surname
    (with and without its particles) when nobody else has it; the first name, and a
    surname someone else has too, are only offered."""
    surname = person.last_name.strip()
    core = " ".join(p for p in surname.split() if p.casefold() not in NAME_PARTICLES)
    shared = {last.casefold() for _first, last in others} | {
        " ".join(p for p in last.split() if p.casefold() not in NAME_PARTICLES).casefold()
        for _first, last in others
    }
    certain, offered = [person.full_name], [person.first_name.strip()]
    for term in dict.fromkeys(t for t in (surname, core) if t):
        (offered if term.casefold() in shared else certain).append(term)
    return certain, [t for t in offered if t and t not in certain]


def _pattern(terms: Sequence[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _excerpt(value: str, match: re.Match[str]) -> str:
    start, end = max(0, match.start() - EXCERPT), min(len(value), match.end() + EXCERPT)
    words = " ".join(value[start:end].split())
    return ("…" if start else "") + words + ("…" if end < len(value) else "")


def _remove_own_records(db: Session, person: Person) -> tuple[int, int]:
    """Delete the person and what is theirs alone, inside the caller's transaction:
    (situations removed, conversations removed). Others' records lose the links."""
    former = _("former colleague")
    own = select(SituationPerson.situation_id).where(SituationPerson.person_id == person.id)
    shared = (
        select(SituationPerson.situation_id)
        .where(SituationPerson.situation_id.in_(own))
        .group_by(SituationPerson.situation_id)
        .having(func.count() > 1)
    )
    alone = db.scalars(
        select(LearningSituation.id).where(
            LearningSituation.id.in_(own), LearningSituation.id.not_in(shared)
        )
    ).all()
    db.execute(delete(LearningSituation).where(LearningSituation.id.in_(alone)))
    conversations = db.scalar(select(func.count()).where(TalentConversation.person_id == person.id))
    db.execute(
        update(SituationConsultation)
        .where(SituationConsultation.person_id == person.id)
        .values(person_id=None, outside_name=former)
    )
    db.execute(
        update(TalentConversation)
        .where(TalentConversation.manager_signed_name == person.full_name)
        .values(manager_signed_name=_("former manager"), version=TalentConversation.version + 1)
    )
    db.execute(
        update(LearningGroup)
        .where(LearningGroup.expert_id == person.id)
        .values(expert_id=None, expert_name=former, version=LearningGroup.version + 1)
    )
    # their work agreements stay the organisation's, waiting for someone new to ask
    db.execute(
        update(WorkAgreement)
        .where(WorkAgreement.contact_id == person.id)
        .values(contact_id=None, version=WorkAgreement.version + 1)
    )
    db.delete(person)  # cascades: memberships, attendance, training, conversations
    db.flush()
    return len(alone), int(conversations or 0)


def _mentions(
    db: Session, certain: Sequence[str], offered: Sequence[str], drafts: DraftStore | None
) -> tuple[list[Mention], list[Mention]]:
    """Every remaining text that names the person: (for sure, to choose)."""
    sure_pattern, offered_pattern = _pattern(certain), _pattern(offered) if offered else None
    terms = [*certain, *offered]
    sure: list[Mention] = []
    choose: list[Mention] = []

    def classify(table: str, column: str, row_id: int, value: str) -> None:
        found = sure_pattern.search(value)
        if found:
            sure.append(Mention(table, column, row_id, value, _excerpt(value, found), False))
        if offered_pattern is None:
            return
        # the first name alone, also beside the full name ("Anna de Wit ... Anna belt")
        rest = sure_pattern.sub(lambda m: " " * len(m.group()), value)
        other = offered_pattern.search(rest)
        if other:
            choose.append(Mention(table, column, row_id, value, _excerpt(value, other), True))

    for table, columns in FREE_TEXT_COLUMNS.items():
        for column in columns:
            # a first sieve in SQL (LIKE ignores the case of A-Z), the exact test in Python
            likes = " OR ".join(f"{column} LIKE :t{n}" for n in range(len(terms) * 2))
            values = {}
            for n, term in enumerate(terms):
                values[f"t{2 * n}"] = f"%{term}%"
                values[f"t{2 * n + 1}"] = f"%{term.casefold()}%"
            for row_id, value in db.execute(
                text(f"SELECT id, {column} FROM {table} WHERE {likes}"),
                values,
            ):
                if value:
                    classify(table, column, int(row_id), str(value))
    if drafts is not None:
        for kind, state in drafts.all_states():
            dumped = json.dumps(state, ensure_ascii=False)
            classify("draft", kind, 0, dumped)
    return sure, choose


def plan_erasure(
    database: SessionFactory, person_id: int, drafts: DraftStore | None = None
) -> ErasurePlan:
    """What erasing the person would remove and change, without changing anything: the
    erasure is carried out in a transaction that is then rolled back."""
    with database.trial() as db:
        person = _get(db, person_id)
        name = person.full_name
        certain, offered = _name_terms(person, _other_names(db, person_id))
        situations, conversations = _remove_own_records(db, person)
        sure, choose = _mentions(db, certain, offered, drafts)
    return ErasurePlan(person_id, name, situations, conversations, tuple(sure), tuple(choose))


def erase_person(
    database: SessionFactory,
    person_id: int,
    *,
    first_name_mentions: Sequence[Mention] = (),
    drafts: DraftStore | None = None,
) -> Erasure:
    """Remove a person and all their personal data for good, in one transaction.

    Their own learning situations go (shared ones stay for the others), and so do their
    training, budgets, attendance and conversation records. Wherever the data still name
    them (the full name, a surname nobody else has; the ``first_name_mentions`` the user
    chose), the name becomes "former colleague", also in forms not saved yet. Afterwards
    nothing of them stays readable in the data file: freed pages are overwritten
    (secure_delete), the search index is merged and the write-ahead log emptied.
    """
    former = _("former colleague")
    chosen = {m.place for m in first_name_mentions}
    _may_leave_no_trace(database)
    with database.begin() as db:
        person = _get(db, person_id)
        name = person.full_name
        certain, offered = _name_terms(person, _other_names(db, person_id))
        situations, conversations = _remove_own_records(db, person)
        sure, choose = _mentions(db, certain, offered, drafts)
        replace_sure = _pattern(certain)
        replace_all = _pattern([*certain, *offered])
        # every place once: the full name for sure, the first name where the user chose
        places = {m.place: m for m in sure} | {m.place: m for m in choose if m.place in chosen}
        searched: set[int] = set()  # situations whose texts changed
        for place, mention in places.items():
            new = (replace_all if place in chosen else replace_sure).sub(former, mention.text)
            if mention.table == "draft":
                if drafts is not None:
                    drafts.replace_state(mention.column, json.loads(new))
            else:
                db.execute(
                    text(f"UPDATE {mention.table} SET {mention.column} = :new WHERE id = :id"),
                    {"new": new, "id": mention.row_id},
                )
                if mention.table == "learning_situation":
                    searched.add(mention.row_id)
                elif mention.table == "situation_answer":
                    searched.update(
                        db.scalars(
                            select(SituationAnswer.situation_id).where(
                                SituationAnswer.id == mention.row_id
                            )
                        )
                    )
        # the search's folded copy of those texts must not keep the name either
        refresh_search_text(db, searched)
    rewritten = _leave_no_trace(database)
    return Erasure(name, situations, conversations, len(places), rewritten)


def _may_leave_no_trace(database: SessionFactory) -> None:
    """On the shared server only its administrator may erase: the tables are written
    anew afterwards, which only the schema's owner may do. Said before anything changes."""
    from werkleren_desktop.storage.server_admin import is_administrator

    engine = _engine(database)
    if engine.dialect.name == "postgresql" and not is_administrator(engine):
        raise UserError(
            _(
                "On the shared server only its administrator can erase a person: the data "
                "are then rewritten so that nothing of them stays. Nothing has been changed."
            )
        )


def _engine(database: SessionFactory) -> Engine:
    with database() as db:
        return db.get_bind().engine


def _leave_no_trace(database: SessionFactory) -> bool:
    """Nothing deleted stays readable in the data: in the file, the search index merged
    into fresh pages (its old ones overwritten, secure_delete) and the write-ahead log
    written back and emptied; on the server, every table written anew (VACUUM FULL).
    Returns False when the server's statistics could not be written anew as well."""
    engine = _engine(database)
    if engine.dialect.name == "postgresql":
        from werkleren_desktop.storage.server_admin import rewrite_tables

        return rewrite_tables(engine)
    with database.begin() as db:
        db.execute(text("INSERT INTO situation_search(situation_search) VALUES ('optimize')"))
    with database() as db:
        db.connection().exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return True


@dataclass(frozen=True)
class LeaverRow:
    person_id: int
    name: str
    left_on: dt.date


def retention_due(
    database: SessionFactory, today: dt.date, months: int = RETENTION_MONTHS
) -> list[LeaverRow]:
    """People who left more than ``months`` ago: to review, and to erase if nothing
    requires keeping their data."""
    with database() as db:
        rows = db.execute(
            select(Person.id, Person.first_name, Person.last_name, Person.out_of_service)
            .where(Person.out_of_service.is_not(None))
            .order_by(Person.out_of_service)
        ).all()
    return [
        LeaverRow(pid, full_name(first, last), left)
        for pid, first, last, left in rows
        if left is not None and add_months(left, months) < today
    ]

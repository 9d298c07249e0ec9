"""Use cases of the talent-development conversations: plan, prepare, hold, sign, correct,
and see who is due and which agreements are open."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from sqlalchemy import distinct, func, null, select
from sqlalchemy.orm import Session, aliased, selectinload

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import (
    Agreement,
    Attendance,
    ConversationCorrection,
    ConversationSection,
    CycleSession,
    LearningRequest,
    LearningSituation,
    Organisation,
    OwnPreparation,
    Person,
    SituationConsultation,
    SituationPerson,
    TalentConversation,
    Training,
    TrainingBudget,
)
from werkleren_desktop.domain.constants import (
    AgreementOwner,
    AgreementStatus,
    AttendanceStatus,
    RequestKind,
    RequestStatus,
    SignMark,
    SituationKind,
    TrainingStatus,
)
from werkleren_desktop.domain.conversations import (
    SECTION_BY_KEY,
    SECTION_KEYS,
    ConversationPlan,
    ConversationSchedule,
    DueStatus,
    RecordInput,
    Signature,
    clean_preparation,
    clean_reason,
    due_status,
    half_year,
)
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.people import full_name
from werkleren_desktop.domain.requests import RequestLine
from werkleren_desktop.errors import UserError, ValidationError
from werkleren_desktop.i18n import _
from werkleren_desktop.services.reach import personal_fields, reports_only
from werkleren_desktop.services.training import budget_sums
from werkleren_desktop.services.versions import (
    UNREAD,
    Stamp,
    current_stamp,
    refuse_if_changed,
    stamp_of,
    touch,
)


@dataclass(frozen=True)
class PeriodFacts:
    """What a person's learning looked like between two days, from the program's own data."""

    first_day: dt.date
    last_day: dt.date
    situations_by_kind: dict[SituationKind, int]
    situation_minutes: int
    situations_with_ai: int
    times_consulted: int
    cycles_attended: int
    sessions_attended: int
    session_minutes: int
    trainings_done: int = 0
    training_minutes: int = 0
    training_cents: int = 0
    budget_year: int = 0  # the year of the period's end, and its budget and spending
    budget_cents: int = 0
    budget_spent_cents: int = 0  # training followed that the budget carries
    budget_reserved_cents: int = 0  # training planned that the budget carries

    @property
    def situations(self) -> int:
        return sum(self.situations_by_kind.values())


@dataclass(frozen=True)
class AgreementView:
    id: int
    conversation_id: int
    made_on: dt.date
    person_id: int
    person_name: str
    manager_name: str
    what: str
    owner: AgreementOwner
    due_on: dt.date | None
    status: AgreementStatus
    review_note: str
    reviewed_in_id: int | None


@dataclass(frozen=True)
class CorrectionView:
    made_at: dt.datetime
    part: str
    before: str
    after: str
    reason: str


@dataclass(frozen=True)
class ConversationView:
    """Everything a form or a record shows. ``id`` is None for a conversation that is not
    planned yet (a preparation form printed ahead)."""

    id: int | None
    person_id: int
    person_name: str
    job_title: str
    manager_id: int | None
    manager_name: str
    planned_on: dt.date | None
    starts_at: dt.time | None
    place: str
    held_on: dt.date | None
    period_start: dt.date
    period_end: dt.date
    facts: PeriodFacts
    preparation: dict[str, str] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    agreements: tuple[AgreementView, ...] = ()
    earlier: tuple[AgreementView, ...] = ()  # agreements of earlier conversations to account for
    professional_signature: Signature | None = None
    manager_signature: Signature | None = None
    corrections: tuple[CorrectionView, ...] = ()
    stamp: Stamp = UNREAD  # the version read
    # learning requests asked or answered in the period, or still waiting: they come up
    requests: tuple[RequestLine, ...] = ()
    # the professional's part of the preparation is theirs (ingebracht door): entered on
    # their behalf on a laptop, or shared from their own window on a server
    preparation_brought_in: bool = False

    @property
    def locked(self) -> bool:
        return self.professional_signature is not None and self.manager_signature is not None


@dataclass(frozen=True)
class ConversationRow:
    id: int
    person_id: int
    person_name: str
    manager_name: str
    planned_on: dt.date
    starts_at: dt.time | None
    place: str
    held_on: dt.date | None
    signatures: int  # 0, 1 or 2

    @property
    def locked(self) -> bool:
        return self.signatures == 2


@dataclass(frozen=True)
class DueRow:
    person_id: int
    person_name: str
    manager_id: int | None
    manager_name: str
    due_on: dt.date | None
    status: DueStatus
    conversation_id: int | None  # the planned or held conversation of this half year
    conversation_on: dt.date | None
    # the latest conversation held: a record, or the date noted for the time before them
    last_held_on: dt.date | None = None


# --- reading -------------------------------------------------------------------------


def _name(person: Person | None) -> str:
    return person.full_name if person is not None else ""


def period_facts(
    database: SessionFactory, person_id: int, first_day: dt.date, last_day: dt.date
) -> PeriodFacts:
    with database() as db:
        return _facts(db, person_id, first_day, last_day)


def _facts(db: Session, person_id: int, first_day: dt.date, last_day: dt.date) -> PeriodFacts:
    in_period = LearningSituation.occurred_on.between(first_day, last_day)
    by_kind: dict[SituationKind, int] = dict.fromkeys(SituationKind, 0)
    minutes = with_ai = 0
    rows = db.execute(
        select(
            LearningSituation.kind,
            func.count(),
            func.coalesce(func.sum(LearningSituation.minutes), 0),
            func.count().filter(LearningSituation.ai_used.is_(True)),
        )
        .join(SituationPerson, SituationPerson.situation_id == LearningSituation.id)
        .where(SituationPerson.person_id == person_id, in_period)
        .group_by(LearningSituation.kind)
    )
    for kind, count, kind_minutes, kind_ai in rows:
        by_kind[kind] = int(count)
        minutes += int(kind_minutes or 0)
        with_ai += int(kind_ai or 0)
    consulted = db.scalar(
        select(func.count())
        .select_from(SituationConsultation)
        .join(LearningSituation, LearningSituation.id == SituationConsultation.situation_id)
        .where(SituationConsultation.person_id == person_id, in_period)
    )
    start = dt.datetime.combine(first_day, dt.time())
    end = dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time())
    attended = db.execute(
        select(
            func.count(),
            func.count(distinct(CycleSession.cycle_id)),
            func.coalesce(func.sum(CycleSession.duration_minutes), 0),
        )
        .select_from(Attendance)
        .join(CycleSession, CycleSession.id == Attendance.session_id)
        .where(
            Attendance.person_id == person_id,
            Attendance.status == AttendanceStatus.PRESENT,
            CycleSession.cancelled.is_(False),
            CycleSession.starts_at >= start,
            CycleSession.starts_at < end,
        )
    ).one()
    trainings = db.execute(
        select(
            func.count(),
            func.coalesce(func.sum(Training.minutes), 0),
            func.coalesce(func.sum(Training.cost_cents), 0),
        ).where(
            Training.person_id == person_id,
            Training.status == TrainingStatus.DONE,
            Training.starts_on.between(first_day, last_day),
        )
    ).one()
    year = last_day.year
    # what the development budget carries, as the budget page counts it
    required_on_budget = bool(db.scalar(select(Organisation.required_training_on_budget)))
    spent, reserved = db.execute(
        select(*budget_sums(required_on_budget)).where(
            Training.person_id == person_id,
            Training.starts_on.between(dt.date(year, 1, 1), dt.date(year, 12, 31)),
        )
    ).one()
    own_budget = db.scalar(
        select(TrainingBudget.amount_cents).where(
            TrainingBudget.person_id == person_id, TrainingBudget.year == year
        )
    )
    default_budget = db.scalar(select(Organisation.default_training_budget_cents))
    return PeriodFacts(
        first_day,
        last_day,
        by_kind,
        minutes,
        with_ai,
        int(consulted or 0),
        int(attended[1]),
        int(attended[0]),
        int(attended[2]),
        int(trainings[0]),
        int(trainings[1]),
        int(trainings[2]),
        year,
        int(own_budget if own_budget is not None else default_budget or 0),
        int(spent or 0),
        int(reserved or 0),
    )


def _agreement_view(agreement: Agreement) -> AgreementView:
    conversation = agreement.conversation
    return AgreementView(
        agreement.id,
        conversation.id,
        conversation.held_on or conversation.planned_on,
        conversation.person_id,
        _name(conversation.person),
        _name(conversation.manager),
        agreement.what,
        agreement.owner,
        agreement.due_on,
        agreement.status,
        agreement.review_note,
        agreement.reviewed_in_id,
    )


def _signature(name: str | None, day: dt.date | None, mark: SignMark | None) -> Signature | None:
    if name is None or day is None:
        return None
    return Signature(name, day, mark or SignMark.SEEN)


def _get(db: Session, conversation_id: int) -> TalentConversation:
    conversation = db.get(TalentConversation, conversation_id)
    if conversation is None:
        raise UserError(_("This conversation no longer exists."))
    return conversation


def _person(db: Session, person_id: int) -> Person:
    person = db.get(Person, person_id)
    if person is None:
        raise UserError(_("This person no longer exists."))
    return person


def _previous_held(db: Session, person_id: int, before: dt.date) -> dt.date | None:
    return db.scalar(
        select(func.max(TalentConversation.held_on)).where(
            TalentConversation.person_id == person_id, TalentConversation.held_on < before
        )
    )


def _earlier_agreements(
    db: Session, person_id: int, conversation_id: int | None
) -> list[AgreementView]:
    """What the person and manager agreed before and still have to account for: open
    agreements of earlier conversations, and those accounted for in this one."""
    query = (
        select(Agreement)
        .join(TalentConversation, TalentConversation.id == Agreement.conversation_id)
        .where(TalentConversation.person_id == person_id)
        .options(selectinload(Agreement.conversation).selectinload(TalentConversation.person))
        .order_by(TalentConversation.planned_on, Agreement.position)
    )
    if conversation_id is not None:
        query = query.where(Agreement.conversation_id != conversation_id)
    return [
        _agreement_view(a)
        for a in db.scalars(query)
        if a.status is AgreementStatus.OPEN
        or (conversation_id is not None and a.reviewed_in_id == conversation_id)
    ]


def _requests_in(
    db: Session, person_id: int, start: dt.date, end: dt.date
) -> tuple[RequestLine, ...]:
    """The person's learning requests of the period: asked or answered after the last
    conversation and up to this one, or asked before and still waiting."""
    r = LearningRequest
    rows = db.scalars(
        select(r)
        .where(
            r.person_id == person_id,
            r.asked_on <= end,
            (r.asked_on > start) | (r.answered_on > start) | (r.status == RequestStatus.OPEN),
        )
        .order_by(r.asked_on, r.id)
    )
    return tuple(
        RequestLine(
            row.asked_on,
            RequestKind(row.kind),
            row.question,
            RequestStatus(row.status),
            row.answer,
            row.outcome,
        )
        for row in rows
    )


def get_conversation(database: SessionFactory, conversation_id: int) -> ConversationView:
    with database() as db:
        c = _get(db, conversation_id)
        person = c.person
        end = c.held_on or c.planned_on
        start = _previous_held(db, person.id, end) or person.in_service
        sections = {s.key: s for s in c.sections}
        return ConversationView(
            id=c.id,
            person_id=person.id,
            person_name=person.full_name,
            job_title=person.job_title,
            manager_id=c.manager_id,
            manager_name=_name(c.manager),
            planned_on=c.planned_on,
            starts_at=c.starts_at,
            place=c.place,
            held_on=c.held_on,
            period_start=start,
            period_end=end,
            facts=_facts(db, person.id, start, end),
            preparation={k: sections[k].preparation if k in sections else "" for k in SECTION_KEYS},
            notes={k: sections[k].notes if k in sections else "" for k in SECTION_KEYS},
            agreements=tuple(_agreement_view(a) for a in c.agreements),
            earlier=tuple(_earlier_agreements(db, person.id, c.id)),
            requests=_requests_in(db, person.id, start, end),
            professional_signature=_signature(
                c.professional_signed_name, c.professional_signed_on, c.professional_mark
            ),
            manager_signature=_signature(
                c.manager_signed_name, c.manager_signed_on, c.manager_mark
            ),
            corrections=tuple(
                CorrectionView(x.made_at, x.part, x.before, x.after, x.reason)
                for x in c.corrections
            ),
            stamp=stamp_of(c),
            preparation_brought_in=c.preparation_brought_in or _shared_by_professional(db, c.id),
        )


def _shared_by_professional(db: Session, conversation_id: int) -> bool:
    """Whether the professional shared their own preparation of it (Mijn gesprek)."""
    return (
        db.scalar(
            select(OwnPreparation.id)
            .where(
                OwnPreparation.conversation_id == conversation_id,
                OwnPreparation.shared_at.is_not(None),
            )
            .limit(1)
        )
        is not None
    )


def conversation_stamp(database: SessionFactory, conversation_id: int) -> Stamp:
    """The conversation's version as stored now (a form that saved and stays open)."""
    return current_stamp(database, TalentConversation, conversation_id)


def next_conversation(database: SessionFactory, person_id: int, today: dt.date) -> ConversationView:
    """The person's next conversation to prepare: the planned one not yet held, or, when
    none is planned, one ahead with the facts since the last conversation until today."""
    with database() as db:
        person = _person(db, person_id)
        planned = db.scalar(
            select(TalentConversation.id)
            .where(
                TalentConversation.person_id == person_id,
                TalentConversation.held_on.is_(None),
            )
            .order_by(TalentConversation.planned_on)
            .limit(1)
        )
        if planned is None:
            start = _previous_held(db, person_id, today + dt.timedelta(days=1))
            start = start or person.in_service
            return ConversationView(
                id=None,
                person_id=person.id,
                person_name=person.full_name,
                job_title=person.job_title,
                manager_id=person.manager_id,
                manager_name=_name(person.manager),
                planned_on=None,
                starts_at=None,
                place="",
                held_on=None,
                period_start=start,
                period_end=today,
                facts=_facts(db, person.id, start, today),
                earlier=tuple(_earlier_agreements(db, person.id, None)),
                requests=_requests_in(db, person.id, start, today),
            )
    return get_conversation(database, planned)


def latest_held(database: SessionFactory, person_id: int) -> ConversationView:
    with database() as db:
        _person(db, person_id)
        held = db.scalar(
            select(TalentConversation.id)
            .where(
                TalentConversation.person_id == person_id,
                TalentConversation.held_on.is_not(None),
            )
            .order_by(TalentConversation.held_on.desc())
            .limit(1)
        )
    if held is None:
        raise UserError(_("No conversation with this person has been held yet."))
    return get_conversation(database, held)


def list_conversations(
    database: SessionFactory, person_id: int | None = None
) -> list[ConversationRow]:
    """Every conversation, newest first, from one query of plain columns (a care group
    has thousands)."""
    person, manager = aliased(Person), aliased(Person)
    query = (
        select(
            TalentConversation.id,
            TalentConversation.person_id,
            person.first_name,
            person.last_name,
            manager.first_name,
            manager.last_name,
            TalentConversation.planned_on,
            TalentConversation.starts_at,
            TalentConversation.place,
            TalentConversation.held_on,
            TalentConversation.professional_signed_on,
            TalentConversation.manager_signed_on,
        )
        .join(person, person.id == TalentConversation.person_id)
        .outerjoin(manager, manager.id == TalentConversation.manager_id)
        .order_by(TalentConversation.planned_on.desc(), TalentConversation.id.desc())
    )
    if person_id is not None:
        query = query.where(TalentConversation.person_id == person_id)
    # a manager's list: the conversations they hold (their own are in Mijn gesprek)
    query = query.where(reports_only(database, TalentConversation.person_id))
    with database() as db:
        return [
            ConversationRow(
                cid,
                pid,
                full_name(given, family),
                full_name(m_given, m_family) if m_given is not None else "",
                planned_on,
                starts_at,
                place,
                held_on,
                (professional is not None) + (signed_by_manager is not None),
            )
            for (
                cid,
                pid,
                given,
                family,
                m_given,
                m_family,
                planned_on,
                starts_at,
                place,
                held_on,
                professional,
                signed_by_manager,
            ) in db.execute(query)
        ]


def open_agreements(database: SessionFactory) -> list[AgreementView]:
    """Every open agreement in the organisation, the soonest due first (no date last);
    plain columns from one query, as a care group has thousands of conversations."""
    person, manager = aliased(Person), aliased(Person)
    query = (
        select(
            Agreement.id,
            TalentConversation.id,
            func.coalesce(TalentConversation.held_on, TalentConversation.planned_on),
            TalentConversation.person_id,
            person.first_name,
            person.last_name,
            manager.first_name,
            manager.last_name,
            Agreement.what,
            Agreement.owner,
            Agreement.due_on,
            Agreement.status,
            Agreement.review_note,
            Agreement.reviewed_in_id,
        )
        .join(TalentConversation, TalentConversation.id == Agreement.conversation_id)
        .join(person, person.id == TalentConversation.person_id)
        .outerjoin(manager, manager.id == TalentConversation.manager_id)
        .where(
            Agreement.status == AgreementStatus.OPEN,
            reports_only(database, TalentConversation.person_id),
        )
    )
    with database() as db:
        views = [
            AgreementView(
                agreement_id,
                conversation_id,
                made_on,
                person_id,
                full_name(given, family),
                full_name(m_given, m_family) if m_given is not None else "",
                what,
                owner,
                due_on,
                status,
                review_note,
                reviewed_in_id,
            )
            for (
                agreement_id,
                conversation_id,
                made_on,
                person_id,
                given,
                family,
                m_given,
                m_family,
                what,
                owner,
                due_on,
                status,
                review_note,
                reviewed_in_id,
            ) in db.execute(query)
        ]
    # ties by id: the same order on any database
    return sorted(views, key=lambda a: (a.due_on is None, a.due_on or dt.date.max, a.made_on, a.id))


def due_overview(
    database: SessionFactory, today: dt.date, schedule: ConversationSchedule
) -> list[DueRow]:
    """For every person in service with a direct manager (the conversation is between
    the two): where their conversation of this half year stands.

    A last conversation noted with the person (for the time before the program kept
    records) counts as held in its half year, as a record would."""
    half_start, half_end = half_year(today)
    personal = database.seat is None
    manager = aliased(Person)
    with database() as db:
        # plain columns, not objects: a care group has thousands in service (#34)
        people = db.execute(
            select(
                Person.id,
                Person.first_name,
                Person.last_name,
                Person.manager_id,
                manager.first_name,
                manager.last_name,
                Person.in_service,
                # the noted last conversation of each in this query: the beheerder's
                # from the person, a manager's through the view of the team's personal
                # columns (below)
                Person.last_conversation_on if personal else null(),
            )
            .outerjoin(manager, manager.id == Person.manager_id)
            .where(
                Person.in_service <= today,
                (Person.out_of_service.is_(None)) | (Person.out_of_service >= today),
                Person.manager_id.is_not(None),
                # a manager's: the team's, without their own (their manager holds it)
                reports_only(database, Person.id),
            )
            .order_by(Person.id)  # the same on every database (no order: as stored)
        ).all()
        view = personal_fields(database)
        noted_before: dict[int, dt.date | None] = (
            {row[0]: row[7] for row in people}
            if personal
            else {
                row[0]: row[1] for row in db.execute(select(view.c.id, view.c.last_conversation_on))
            }
        )
        conversations = db.execute(
            select(
                TalentConversation.person_id,
                TalentConversation.id,
                TalentConversation.planned_on,
                TalentConversation.held_on,
            ).where(
                (TalentConversation.held_on.between(half_start, half_end))
                | (
                    TalentConversation.held_on.is_(None)
                    & (TalentConversation.planned_on >= half_start)
                )
            )
        ).all()
        latest: dict[int, dt.date] = dict(
            db.execute(  # type: ignore[arg-type]
                select(TalentConversation.person_id, func.max(TalentConversation.held_on))
                .where(TalentConversation.held_on.is_not(None))
                .group_by(TalentConversation.person_id)
            ).all()
        )
    held: dict[int, tuple[int, dt.date]] = {}
    planned: dict[int, tuple[int, dt.date]] = {}
    for person_id, conversation_id, planned_on, held_on in conversations:
        if held_on is not None:
            held[person_id] = (conversation_id, held_on)
        elif person_id not in planned or planned_on < planned[person_id][1]:
            planned[person_id] = (conversation_id, planned_on)
    rows = []
    for person_id, first, last, manager_id, m_first, m_last, in_service, _noted in people:
        due_on = schedule.due_in(half_start, in_service)
        noted = noted_before.get(person_id)
        noted_in_half = noted is not None and half_start <= noted <= half_end
        this = held.get(person_id) or planned.get(person_id)
        status = due_status(
            due_on,
            today,
            person_id in held or noted_in_half,
            planned[person_id][1] if person_id in planned else None,
        )
        conversation_on = this[1] if this else None
        if person_id not in held and noted_in_half:
            conversation_on = noted  # held, with no record of it in the program
        recorded = latest.get(person_id)
        rows.append(
            DueRow(
                person_id,
                full_name(first, last),
                manager_id,
                full_name(m_first, m_last) if m_first is not None else "",
                due_on,
                status,
                this[0] if this else None,
                conversation_on,
                max((d for d in (recorded, noted) if d is not None), default=None),
            )
        )
    return rows


# --- changing ------------------------------------------------------------------------


def _refuse_locked(conversation: TalentConversation) -> None:
    if conversation.professional_signed_on and conversation.manager_signed_on:
        raise UserError(_("This record is signed by both and locked; change it with a correction."))


def _plan(
    db: Session,
    person_id: int,
    plan: ConversationPlan,
    conversation_id: int | None,
    held_on: dt.date | None = None,
    version: int | None = None,
) -> TalentConversation:
    person = _person(db, person_id)
    plan = plan.validated(person.in_service, person.out_of_service)
    if plan.manager_id is not None and plan.manager_id == person_id:
        raise ValidationError(_("Someone cannot hold the conversation with themselves."), "manager")
    if conversation_id is None:
        conversation = TalentConversation(person_id=person_id)
        db.add(conversation)
    else:
        conversation = _get(db, conversation_id)
        _refuse_locked(conversation)
        refuse_if_changed(conversation, version)
        touch(conversation)  # its sections and agreements are part of it
    held_on = held_on or conversation.held_on
    if held_on is not None and plan.planned_on > held_on:
        raise ValidationError(
            _("The conversation was held on {day}; plan it on or before that day.").format(
                day=format_date(held_on)
            ),
            "planned_on",
        )
    conversation.planned_on = plan.planned_on
    conversation.starts_at = plan.starts_at
    conversation.place = plan.place
    conversation.manager_id = plan.manager_id if plan.manager_id else person.manager_id
    return conversation


def plan_in(db: Session, person_id: int, plan: ConversationPlan) -> TalentConversation:
    """A new conversation planned within the caller's transaction (an onboarding plan's
    first conversation, saved with the plan)."""
    return _plan(db, person_id, plan, None)


def _prepare(conversation: TalentConversation, texts: dict[str, str]) -> None:
    for key, section in _sections(conversation).items():
        section.preparation = texts[key]


def _record(db: Session, conversation: TalentConversation, record: RecordInput) -> None:
    conversation.held_on = record.held_on
    for key, section in _sections(conversation).items():
        section.notes = record.notes[key]

    existing = {a.id: a for a in conversation.agreements}
    kept = []
    for position, item in enumerate(record.agreements, start=1):
        agreement = existing.get(item.id) if item.id is not None else None
        if agreement is None:
            agreement = Agreement(status=AgreementStatus.OPEN, review_note="")
        agreement.position = position
        agreement.what = item.what
        agreement.owner = item.owner
        agreement.due_on = item.due_on
        kept.append(agreement)
    dropped = [a for a in conversation.agreements if a not in kept]
    if any(a.reviewed_in_id is not None for a in dropped):
        raise UserError(
            _("An agreement that a later conversation accounted for cannot be removed.")
        )
    conversation.agreements = kept

    wanted = [r.agreement_id for r in record.reviews]
    earlier = {a.id: a for a in db.scalars(select(Agreement).where(Agreement.id.in_(wanted)))}
    for review in record.reviews:
        agreement = earlier.get(review.agreement_id)
        if agreement is None or agreement.conversation.person_id != conversation.person_id:
            raise UserError(_("An earlier agreement no longer exists."))
        agreement.status = review.status
        agreement.review_note = review.note
        agreement.reviewed_in_id = (
            None if review.status is AgreementStatus.OPEN else conversation.id
        )


def plan_conversation(
    database: SessionFactory,
    person_id: int,
    plan: ConversationPlan,
    conversation_id: int | None = None,
) -> int:
    with database.begin() as db:
        conversation = _plan(db, person_id, plan, conversation_id)
        db.flush()
        return conversation.id


def save_conversation(
    database: SessionFactory,
    person_id: int,
    plan: ConversationPlan,
    preparation: dict[str, str],
    record: RecordInput | None,
    today: dt.date,
    conversation_id: int | None = None,
    version: int | None = None,
    preparation_brought_in: bool | None = None,
) -> int:
    """Plan, preparation and (once held) the record, as the form holds them, in one
    transaction: all of it is stored or none. ``version``: the version the form read;
    ``preparation_brought_in``: whether the professional brought in their part of the
    preparation (None: as it was)."""
    preparation = clean_preparation(preparation)
    record = record.validated(today) if record is not None else None
    with database.begin() as db:
        held_on = record.held_on if record is not None else None
        if held_on is not None and plan.planned_on > held_on:
            plan = replace(plan, planned_on=held_on)  # held earlier than planned
        conversation = _plan(db, person_id, plan, conversation_id, held_on, version)
        _prepare(conversation, preparation)
        if preparation_brought_in is not None:
            conversation.preparation_brought_in = preparation_brought_in
        if record is not None:
            db.flush()
            _record(db, conversation, record)
        db.flush()
        return conversation.id


def delete_conversation(database: SessionFactory, conversation_id: int) -> None:
    """Only a conversation that was not held can go (a cancelled appointment)."""
    with database.begin() as db:
        conversation = _get(db, conversation_id)
        if conversation.held_on is not None:
            raise UserError(_("A conversation that was held stays on record."))
        db.delete(conversation)


def _sections(conversation: TalentConversation) -> dict[str, ConversationSection]:
    sections = {s.key: s for s in conversation.sections}
    for key in SECTION_KEYS:
        if key not in sections:
            sections[key] = ConversationSection(key=key, preparation="", notes="")
            conversation.sections.append(sections[key])
    return sections


def save_preparation(database: SessionFactory, conversation_id: int, texts: dict[str, str]) -> None:
    texts = clean_preparation(texts)
    with database.begin() as db:
        conversation = _get(db, conversation_id)
        _refuse_locked(conversation)
        _prepare(conversation, texts)


def save_record(
    database: SessionFactory, conversation_id: int, record: RecordInput, today: dt.date
) -> None:
    """The conversation as held: its date, the notes, the agreements made, and how each
    earlier agreement went; all in one transaction."""
    record = record.validated(today)
    with database.begin() as db:
        conversation = _get(db, conversation_id)
        _refuse_locked(conversation)
        conversation.planned_on = min(conversation.planned_on, record.held_on)
        _record(db, conversation, record)


def sign_conversation(
    database: SessionFactory,
    conversation_id: int,
    side: AgreementOwner,
    signature: Signature,
    today: dt.date,
) -> None:
    """Sign for the professional or for the manager; with both, the record is locked.
    Only the person concerned signs their side: the professional of the conversation,
    and the manager who held it (a first name alone, or anyone else, is refused)."""
    with database.begin() as db:
        conversation = _get(db, conversation_id)
        signature = signature.validated(conversation.held_on, today)
        concerned = _name(
            conversation.person if side is AgreementOwner.PROFESSIONAL else conversation.manager
        )
        if not concerned:
            raise ValidationError(
                _("No manager is recorded for this conversation; choose one first."), "signature"
            )
        if signature.name != concerned:
            raise ValidationError(
                _("{name} signs this side, and no one else.").format(name=concerned), "signature"
            )
        if side is AgreementOwner.PROFESSIONAL:
            conversation.professional_signed_name = signature.name
            conversation.professional_signed_on = signature.signed_on
            conversation.professional_mark = signature.mark
        elif side is AgreementOwner.MANAGER:
            conversation.manager_signed_name = signature.name
            conversation.manager_signed_on = signature.signed_on
            conversation.manager_mark = signature.mark
        else:
            raise ValueError(side)


def correct_record(
    database: SessionFactory,
    conversation_id: int,
    key: str,
    text: str,
    reason: str,
    now: dt.datetime,
) -> None:
    """Change the notes of one section of a signed record; the old text and the reason
    are kept as history and printed with the record."""
    reason = clean_reason(reason)
    text = clean_preparation({key: text})[key]
    with database.begin() as db:
        conversation = _get(db, conversation_id)
        section = _sections(conversation)[key]
        if section.notes == text:
            raise ValidationError(_("The text is the same as before; nothing to correct."), key)
        db.add(
            ConversationCorrection(
                conversation=conversation,
                made_at=now.replace(microsecond=0),
                part=_(SECTION_BY_KEY[key].title),
                before=section.notes,
                after=text,
                reason=reason,
            )
        )
        section.notes = text

"""Use cases of funds and claims (domain.funds): the list of funds with their rules
(shipped with the common Dutch ones, edited by the organisation), claims on a fund for a
course with the checks of its rule, the hours and cost per fund and year, and what the
evidence of a claim holds."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, replace

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import Fund, FundClaim, FundClaimTraining, Training
from werkleren_desktop.domain.constants import FundKind, TrainingStatus
from werkleren_desktop.domain.funds import (
    SHIPPED,
    Check,
    ClaimFacts,
    ClaimInput,
    ClaimParticipant,
    FundRule,
    Verdict,
    check_claim,
    claim_deadline,
)
from werkleren_desktop.errors import ReadOnlyError, UserError, ValidationError
from werkleren_desktop.i18n import _
from werkleren_desktop.services.training_attendance import Course, read_course

# --- the funds -----------------------------------------------------------------------


@dataclass(frozen=True)
class FundRow:
    id: int
    rule: FundRule
    retired: bool
    claims: int  # how many claims name it

    @property
    def name(self) -> str:
        return self.rule.name


def rule_of(record: Fund) -> FundRule:
    claim_by = (
        (record.claim_by_month, record.claim_by_day)
        if record.claim_by_month is not None and record.claim_by_day is not None
        else None
    )
    return FundRule(
        record.name,
        record.description,
        FundKind(record.kind),
        record.min_presence_percent,
        record.min_minutes,
        record.apply_before_start,
        record.claim_within_months,
        claim_by,
        record.evidence_within_months,
        record.trainer_sign_days,
        record.manager_sign_days,
        record.signatures_on_day,
        record.share_percent,
        record.max_cents,
        record.runs_until,
        record.source,
    )


def fund_record(record: Fund, rule: FundRule) -> Fund:
    record.name, record.description, record.kind = rule.name, rule.description, rule.kind
    record.min_presence_percent, record.min_minutes = rule.min_presence_percent, rule.min_minutes
    record.apply_before_start = rule.apply_before_start
    record.claim_within_months = rule.claim_within_months
    record.claim_by_month, record.claim_by_day = rule.claim_by or (None, None)
    record.evidence_within_months = rule.evidence_within_months
    record.trainer_sign_days, record.manager_sign_days = (
        rule.trainer_sign_days,
        rule.manager_sign_days,
    )
    record.signatures_on_day, record.share_percent = rule.signatures_on_day, rule.share_percent
    record.max_cents, record.runs_until, record.source = (
        rule.max_cents,
        rule.runs_until,
        rule.source,
    )
    return record


def ensure_funds(database: SessionFactory) -> None:
    """Give an organisation without funds the shipped ones, once. A professional's or
    manager's own login on a server reads the list but does not write it."""
    if database.seat is not None:
        return
    with database() as db:
        if db.scalar(select(func.count()).select_from(Fund)):
            return
    try:
        with database.begin() as db:
            db.add_all(fund_record(Fund(), rule) for rule in SHIPPED)
    except IntegrityError:
        pass  # another window of the organisation wrote them just now
    except ReadOnlyError:
        pass  # the copy of a server's data kept to read offline: read as it is


def list_funds(database: SessionFactory, include_retired: bool = False) -> list[FundRow]:
    """The funds by name, each with the number of claims on it."""
    ensure_funds(database)
    used = select(FundClaim.fund_id, func.count().label("n")).group_by(FundClaim.fund_id).subquery()
    query = (
        select(Fund, func.coalesce(used.c.n, 0))
        .outerjoin(used, used.c.fund_id == Fund.id)
        .order_by(func.lower(Fund.name))
    )
    if not include_retired:
        query = query.where(Fund.retired.is_(False))
    with database() as db:
        return [FundRow(f.id, rule_of(f), f.retired, n) for f, n in db.execute(query)]


def fund_of_kind(database: SessionFactory, kind: FundKind) -> FundRule | None:
    """The first fund of a kind still offered (praktijkleren, SLIM), for what its
    documents say of the scheme; None: the organisation has none."""
    ensure_funds(database)
    with database() as db:
        record = db.scalars(
            select(Fund).where(Fund.kind == kind, Fund.retired.is_(False)).order_by(Fund.id)
        ).first()
        return rule_of(record) if record is not None else None


def save_fund(database: SessionFactory, rule: FundRule, fund_id: int | None = None) -> int:
    """A new fund or a change of one; a name is used once. A change of the rule applies to
    the checks of its claims from now on."""
    rule = rule.validated()
    with database.begin() as db:
        clash = db.scalar(
            select(Fund.id).where(
                func.lower(Fund.name) == rule.name.casefold(), Fund.id != (fund_id or 0)
            )
        )
        if clash is not None:
            raise ValidationError(
                _("There already is a fund called “{name}”.").format(name=rule.name), "name"
            )
        record = Fund() if fund_id is None else _fund(db, fund_id)
        db.add(fund_record(record, rule))
        db.flush()
        return record.id


def retire_fund(database: SessionFactory, fund_id: int, retired: bool) -> None:
    """A fund no longer offered for new claims (``retired``), or offered again; its claims
    keep it."""
    with database.begin() as db:
        _fund(db, fund_id).retired = retired


def _fund(db: Session, fund_id: int) -> Fund:
    record = db.get(Fund, fund_id)
    if record is None:
        raise UserError(_("This fund no longer exists."))
    return record


# --- courses to claim for ------------------------------------------------------------


@dataclass(frozen=True)
class CourseChoice:
    """A course (the trainings of one title, provider and dates), by one of its
    trainings."""

    training_id: int
    title: str
    provider: str
    starts_on: dt.date
    ends_on: dt.date
    participants: int


def claimable_courses(database: SessionFactory, since: dt.date) -> list[CourseChoice]:
    """The courses that start on or after ``since`` and are not cancelled, newest first."""
    query = (
        select(
            func.min(Training.id),
            Training.title,
            Training.provider,
            Training.starts_on,
            Training.ends_on,
            func.count(),
        )
        .where(Training.starts_on >= since, Training.status != TrainingStatus.CANCELLED)
        .group_by(Training.title, Training.provider, Training.starts_on, Training.ends_on)
        .order_by(Training.starts_on.desc(), Training.title)
    )
    with database() as db:
        return [CourseChoice(*row) for row in db.execute(query)]


# --- claims --------------------------------------------------------------------------


@dataclass(frozen=True)
class ClaimParticipantRow:
    training_id: int
    name: str
    minutes: int
    cost_cents: int
    marks: dict[dt.date, bool]


@dataclass(frozen=True)
class ClaimDetail:
    """A claim with its fund's rule, its course and participants, and the checks."""

    id: int
    fund_id: int
    rule: FundRule
    claim: ClaimInput
    course: Course  # the claim's participants only
    participants: tuple[ClaimParticipantRow, ...]
    checks: tuple[Check, ...]
    deadline: dt.date | None

    @property
    def cost_cents(self) -> int:
        return sum(p.cost_cents for p in self.participants)

    @property
    def minutes(self) -> int:
        return sum(p.minutes for p in self.participants)

    def verdict(self) -> Verdict:
        """The worst of the checks: not met, to do, or met."""
        found = {c.verdict for c in self.checks}
        for verdict in (Verdict.NOT_MET, Verdict.TO_DO):
            if verdict in found:
                return verdict
        return Verdict.MET


def save_claim(
    database: SessionFactory, claim: ClaimInput, today: dt.date, claim_id: int | None = None
) -> int:
    """A new claim or a change of one, in one transaction; its participants' trainings are
    of one course."""
    claim = claim.validated(today)
    with database.begin() as db:
        fund = _fund(db, claim.fund_id)
        if fund.retired and (claim_id is None or _claim(db, claim_id).fund_id != fund.id):
            raise ValidationError(_("This fund is no longer offered."), "fund_id")
        courses = db.execute(
            select(Training.title, Training.provider, Training.starts_on, Training.ends_on)
            .where(Training.id.in_(claim.training_ids))
            .distinct()
        ).all()
        found = db.scalar(
            select(func.count()).select_from(Training).where(Training.id.in_(claim.training_ids))
        )
        if found != len(claim.training_ids):
            raise UserError(_("A participant's training no longer exists."))
        if len(courses) != 1:
            raise ValidationError(
                _("A claim covers the participants of one course."), "training_ids"
            )
        record = FundClaim() if claim_id is None else _claim(db, claim_id)
        record.fund_id, record.reference = claim.fund_id, claim.reference
        record.applied_on, record.claimed_on = claim.applied_on, claim.claimed_on
        record.amount_cents, record.granted_cents = claim.amount_cents, claim.granted_cents
        record.evidence_requested_on = claim.evidence_requested_on
        record.evidence_sent_on = claim.evidence_sent_on
        record.trainer_signed_on = claim.trainer_signed_on
        record.manager_signed_on = claim.manager_signed_on
        record.note = claim.note
        db.add(record)
        db.flush()
        db.execute(delete(FundClaimTraining).where(FundClaimTraining.claim_id == record.id))
        db.add_all(FundClaimTraining(claim_id=record.id, training_id=t) for t in claim.training_ids)
        return record.id


def delete_claim(database: SessionFactory, claim_id: int) -> None:
    with database.begin() as db:
        db.delete(_claim(db, claim_id))


def _claim(db: Session, claim_id: int) -> FundClaim:
    record = db.get(FundClaim, claim_id)
    if record is None:
        raise UserError(_("This claim no longer exists."))
    return record


def _input_of(record: FundClaim, training_ids: tuple[int, ...]) -> ClaimInput:
    return ClaimInput(
        record.fund_id,
        training_ids,
        record.reference,
        record.applied_on,
        record.claimed_on,
        record.amount_cents,
        record.granted_cents,
        record.evidence_requested_on,
        record.evidence_sent_on,
        record.trainer_signed_on,
        record.manager_signed_on,
        record.note,
    )


def claim_detail(database: SessionFactory, claim_id: int, today: dt.date) -> ClaimDetail:
    with database() as db:
        record = _claim(db, claim_id)
        rule = rule_of(_fund(db, record.fund_id))
        rows = db.execute(
            select(Training.id, Training.minutes, Training.cost_cents)
            .join(FundClaimTraining, FundClaimTraining.training_id == Training.id)
            .where(FundClaimTraining.claim_id == claim_id)
        ).all()
        claim = _input_of(record, tuple(sorted(r.id for r in rows)))
    if not rows:
        raise UserError(_("The participants of this claim no longer exist."))
    costs = {r.id: (r.minutes, r.cost_cents) for r in rows}
    course = _claimed_course(database, costs)
    return _detail(claim_id, rule, claim, course, costs, today)


def preview_checks(
    database: SessionFactory, claim: ClaimInput, today: dt.date
) -> tuple[tuple[Check, ...], dt.date | None]:
    """The checks of a claim as it stands in the form, before it is saved."""
    if not claim.training_ids:
        return (Check(Verdict.NOT_MET, _("The claim names no participants.")),), None
    with database() as db:
        rule = rule_of(_fund(db, claim.fund_id))
        costs = {
            r.id: (r.minutes, r.cost_cents)
            for r in db.execute(
                select(Training.id, Training.minutes, Training.cost_cents).where(
                    Training.id.in_(claim.training_ids)
                )
            )
        }
    if not costs:
        raise UserError(_("A participant's training no longer exists."))
    course = _claimed_course(database, costs)
    detail = _detail(0, rule, claim, course, costs, today)
    return detail.checks, detail.deadline


def _claimed_course(database: SessionFactory, costs: dict[int, tuple[int, int]]) -> Course:
    """The course of the claimed trainings (``costs`` by training), with only them."""
    whole = read_course(database, min(costs))
    return replace(
        whole, participants=tuple(p for p in whole.participants if p.training_id in costs)
    )


def _detail(
    claim_id: int,
    rule: FundRule,
    claim: ClaimInput,
    course: Course,
    costs: dict[int, tuple[int, int]],
    today: dt.date,
) -> ClaimDetail:
    days = course.days
    facts = ClaimFacts(
        course.starts_on,
        course.ends_on,
        course.minutes,
        len(days),
        [
            ClaimParticipant(
                p.name,
                sum(1 for d in days if p.marks.get(d)),
                sum(1 for d in days if d in p.marks),
            )
            for p in course.participants
        ],
        claim.applied_on,
        claim.claimed_on,
        claim.evidence_requested_on,
        claim.evidence_sent_on,
        claim.trainer_signed_on,
        claim.manager_signed_on,
    )
    participants = tuple(
        ClaimParticipantRow(p.training_id, p.name, *costs[p.training_id], p.marks)
        for p in course.participants
    )
    return ClaimDetail(
        claim_id,
        claim.fund_id,
        rule,
        claim,
        course,
        participants,
        tuple(check_claim(rule, facts, today)),
        claim_deadline(rule, course.ends_on),
    )


@dataclass(frozen=True)
class ClaimRow:
    id: int
    fund: str
    title: str
    starts_on: dt.date
    participants: int
    claimed_on: dt.date | None
    amount_cents: int
    granted_cents: int | None
    verdict: Verdict
    to_do: str  # the first thing to do or not met, or ""


def list_claims(database: SessionFactory, today: dt.date) -> list[ClaimRow]:
    """Every claim, the newest course first, with the worst of its checks."""
    with database() as db:
        ids = db.scalars(select(FundClaim.id)).all()
    rows = []
    for claim_id in ids:
        try:
            detail = claim_detail(database, claim_id, today)
        except UserError:
            continue  # its participants were all erased: nothing to show or claim
        first = next((c.text for c in detail.checks if c.verdict == detail.verdict()), "")
        rows.append(
            ClaimRow(
                claim_id,
                detail.rule.name,
                detail.course.title,
                detail.course.starts_on,
                len(detail.participants),
                detail.claim.claimed_on,
                detail.claim.amount_cents,
                detail.claim.granted_cents,
                detail.verdict(),
                first if detail.verdict() != Verdict.MET else "",
            )
        )
    return sorted(rows, key=lambda r: (r.starts_on, r.id), reverse=True)


# --- hours and cost per fund and year ------------------------------------------------


@dataclass(frozen=True)
class FundYear:
    fund: str
    year: int  # of the course's first day
    claims: int
    participants: int
    minutes: int
    cost_cents: int
    claimed_cents: int
    granted_cents: int | None  # None: no claim of the year granted yet


def totals_per_fund_and_year(database: SessionFactory) -> list[FundYear]:
    """Per fund and year: the claims, their participants, the hours and cost of their
    trainings, what was claimed and what was granted. A claim counts in the year its
    course began."""
    with database() as db:
        trainings = db.execute(
            select(
                FundClaim.id,
                Fund.name,
                Training.starts_on,
                Training.minutes,
                Training.cost_cents,
            )
            .join(Fund, Fund.id == FundClaim.fund_id)
            .join(FundClaimTraining, FundClaimTraining.claim_id == FundClaim.id)
            .join(Training, Training.id == FundClaimTraining.training_id)
        ).all()
        amounts = {
            r.id: (r.amount_cents, r.granted_cents)
            for r in db.execute(
                select(FundClaim.id, FundClaim.amount_cents, FundClaim.granted_cents)
            )
        }
    per: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0, 0, 0])
    claims: dict[tuple[str, int], set[int]] = defaultdict(set)
    for claim_id, fund, starts_on, minutes, cost in trainings:
        key = (fund, starts_on.year)
        claims[key].add(claim_id)
        figures = per[key]
        figures[0] += 1
        figures[1] += minutes
        figures[2] += cost
    return [
        FundYear(
            fund,
            year,
            len(claims[(fund, year)]),
            per[(fund, year)][0],
            per[(fund, year)][1],
            per[(fund, year)][2],
            sum(amounts[c][0] for c in claims[(fund, year)]),
            _granted([amounts[c][1] for c in claims[(fund, year)]]),
        )
        for fund, year in sorted(per, key=lambda k: (-k[1], k[0].casefold()))
    ]


def _granted(amounts: list[int | None]) -> int | None:
    known = [a for a in amounts if a is not None]
    return sum(known) if known else None

"""Leervragen (domain/requests.py): asked, answered, and what came of them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import LearningRequest, Person
from werkleren_desktop.domain.constants import RequestKind, RequestStatus
from werkleren_desktop.domain.people import full_name
from werkleren_desktop.domain.requests import AnswerInput, RequestInput
from werkleren_desktop.errors import UserError, ValidationError
from werkleren_desktop.i18n import _
from werkleren_desktop.services.versions import Stamp, refuse_if_changed, stamp_of


@dataclass(frozen=True)
class RequestRow:
    id: int
    person_id: int
    person_name: str
    addressed_to: int | None  # their manager when they asked
    addressed_to_name: str  # "" when nobody (no manager when asked)
    kind: RequestKind
    question: str
    asked_on: dt.date
    status: RequestStatus
    answer: str
    answered_on: dt.date | None
    answered_by_name: str
    outcome: str
    stamp: Stamp


def _gone() -> UserError:
    return UserError(_("This learning request no longer exists."))


def ask(database: SessionFactory, data: RequestInput, today: dt.date) -> int:
    """A new request, open, addressed to the person's manager of today."""
    data = data.validated(today)
    with database.begin() as db:
        # the columns every login may read (docs/roles.md), not the whole person
        person = db.execute(
            select(Person.id, Person.manager_id).where(Person.id == data.person_id)
        ).one_or_none()
        if person is None:
            raise ValidationError(_("Someone chosen no longer exists."), "person")
        request = LearningRequest(
            person_id=person.id,
            addressed_to=person.manager_id,
            kind=data.kind,
            question=data.question,
            asked_on=data.asked_on,
            status=RequestStatus.OPEN,
        )
        db.add(request)
        db.flush()
        return request.id


def _reworded(
    db: Session,
    request_id: int,
    kind: RequestKind,
    question: str,
    today: dt.date,
    version: int | None,
) -> LearningRequest:
    """The stored request, read for a change from ``version``, with its question as
    given: reworded only while it is open (an answered one keeps its question)."""
    request = db.get(LearningRequest, request_id)
    if request is None:
        raise _gone()
    refuse_if_changed(request, version)
    asked = RequestInput(request.person_id, kind, question, request.asked_on).validated(today)
    if (asked.kind, asked.question) != (request.kind, request.question):
        if request.status is not RequestStatus.OPEN:
            raise ValidationError(
                _("An answered request keeps its question; ask a new one instead."),
                "question",
            )
        request.kind, request.question = asked.kind, asked.question
    return request


def save_request(
    database: SessionFactory,
    request_id: int,
    kind: RequestKind,
    question: str,
    data: AnswerInput,
    today: dt.date,
    answered_by: int | None = None,
    version: int | None = None,
) -> None:
    """A request's wording (while it is open), its answer and what came of it, in one
    save; ``answered_by`` is who answered (the manager), None for the owner."""
    with database.begin() as db:
        request = _reworded(db, request_id, kind, question, today, version)
        data = data.validated(request.asked_on, today)
        if (
            answered_by is not None
            and db.scalar(select(Person.id).where(Person.id == answered_by)) is None
        ):
            answered_by = None
        request.status = data.status
        request.answer = data.answer
        request.answered_on = data.answered_on
        request.answered_by = answered_by if data.status is not RequestStatus.OPEN else None
        request.outcome = data.outcome


def note_own_request(
    database: SessionFactory,
    request_id: int,
    kind: RequestKind,
    question: str,
    outcome: str,
    today: dt.date,
    version: int | None = None,
) -> None:
    """The asker's own save: the question reworded while the request is open, and what
    came of it; the answer is the manager's and stays as it is."""
    with database.begin() as db:
        request = _reworded(db, request_id, kind, question, today, version)
        request.outcome = outcome.strip()


def delete_request(database: SessionFactory, request_id: int) -> None:
    with database.begin() as db:
        request = db.get(LearningRequest, request_id)
        if request is None:
            raise _gone()
        db.delete(request)


def list_requests(
    database: SessionFactory,
    person_id: int | None = None,
    status: RequestStatus | None = None,
    addressed_to: int | None = None,
) -> list[RequestRow]:
    """Requests, newest first: of one person, in one state, addressed to one manager."""
    asker, addressee, answerer = aliased(Person), aliased(Person), aliased(Person)
    query = (
        select(
            LearningRequest,
            asker.first_name,
            asker.last_name,
            addressee.first_name,
            addressee.last_name,
            answerer.first_name,
            answerer.last_name,
        )
        .join(asker, asker.id == LearningRequest.person_id)
        .outerjoin(addressee, addressee.id == LearningRequest.addressed_to)
        .outerjoin(answerer, answerer.id == LearningRequest.answered_by)
        .order_by(LearningRequest.asked_on.desc(), LearningRequest.id.desc())
    )
    if person_id is not None:
        query = query.where(LearningRequest.person_id == person_id)
    if status is not None:
        query = query.where(LearningRequest.status == status)
    if addressed_to is not None:
        query = query.where(LearningRequest.addressed_to == addressed_to)
    with database() as db:
        return [
            RequestRow(
                id=r.id,
                person_id=r.person_id,
                person_name=full_name(a_first, a_last),
                addressed_to=r.addressed_to,
                addressed_to_name=full_name(m_first, m_last) if m_first is not None else "",
                kind=RequestKind(r.kind),
                question=r.question,
                asked_on=r.asked_on,
                status=RequestStatus(r.status),
                answer=r.answer,
                answered_on=r.answered_on,
                answered_by_name=full_name(b_first, b_last) if b_first is not None else "",
                outcome=r.outcome,
                stamp=stamp_of(r),
            )
            for r, a_first, a_last, m_first, m_last, b_first, b_last in db.execute(query)
        ]


def read_request(database: SessionFactory, request_id: int) -> RequestRow:
    with database() as db:
        person = db.scalar(
            select(LearningRequest.person_id).where(LearningRequest.id == request_id)
        )
    if person is None:
        raise _gone()
    found = [r for r in list_requests(database, person) if r.id == request_id]
    if not found:
        raise _gone()
    return found[0]

"""Use cases of the conversation when someone leaves (domain.exit_conversation): its
record, and what the leaver's knowledge is tied to in the program (the work agreements
they are the one to ask about, the groups they are expert on call for), to hand over."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import ExitConversation, LearningGroup, Person, WorkAgreement
from werkleren_desktop.domain.constants import GroupStatus
from werkleren_desktop.domain.exit_conversation import QUESTIONS, ExitInput
from werkleren_desktop.errors import UserError, ValidationError
from werkleren_desktop.i18n import _


@dataclass(frozen=True)
class ExitView:
    person_id: int
    person_name: str
    out_of_service: dt.date | None
    manager_id: int | None  # the person's manager, who holds it unless another is noted
    manager_name: str
    record: ExitInput | None
    agreements: tuple[str, ...]  # work agreements they are the one to ask about
    groups: tuple[str, ...]  # learning groups they are expert on call for


def read_exit(database: SessionFactory, person_id: int) -> ExitView:
    with database() as db:
        person = db.get(Person, person_id)
        if person is None:
            raise UserError(_("This person no longer exists."))
        stored = _stored(db, person_id)
        manager_id = stored.manager_id if stored is not None else person.manager_id
        manager = db.get(Person, manager_id) if manager_id is not None else None
        agreements = db.scalars(
            select(WorkAgreement.title)
            .where(WorkAgreement.contact_id == person_id, WorkAgreement.withdrawn_on.is_(None))
            .order_by(WorkAgreement.title)
        ).all()
        groups = db.scalars(
            select(LearningGroup.name)
            .where(LearningGroup.expert_id == person_id,
                   LearningGroup.status == GroupStatus.ACTIVE)
            .order_by(LearningGroup.name)
        ).all()  # fmt: skip
        record = (
            ExitInput(stored.held_on, stored.manager_id,
                      **{key: getattr(stored, key) for key, _question in QUESTIONS})
            if stored is not None
            else None
        )  # fmt: skip
        return ExitView(
            person_id,
            person.full_name,
            person.out_of_service,
            manager_id,
            manager.full_name if manager is not None else "",
            record,
            tuple(agreements),
            tuple(groups),
        )


def _stored(db: Session, person_id: int) -> ExitConversation | None:
    return db.scalar(select(ExitConversation).where(ExitConversation.person_id == person_id))


def save_exit(database: SessionFactory, person_id: int, data: ExitInput, today: dt.date) -> None:
    """The record of the conversation, new or changed."""
    with database.begin() as db:
        person = db.get(Person, person_id)
        if person is None:
            raise UserError(_("This person no longer exists."))
        data = data.validated(person.in_service, today)
        if data.manager_id == person_id:
            raise ValidationError(
                _("Someone cannot hold the conversation with themselves."), "manager"
            )
        stored = _stored(db, person_id) or ExitConversation(person_id=person_id)
        stored.held_on, stored.manager_id = data.held_on, data.manager_id or person.manager_id
        for key, _question in QUESTIONS:
            setattr(stored, key, getattr(data, key))
        db.add(stored)

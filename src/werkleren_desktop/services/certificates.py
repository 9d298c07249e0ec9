"""Use cases of certificate types: the list with its rules (shipped with common Dutch
ones, edited by the organisation), linking the certificate names typed before there
were types, and someone's history of one certificate (domain.certificates)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import CertificateType, Training
from werkleren_desktop.domain.certificates import (
    SHIPPED,
    CertificateRule,
    Obtained,
    Proposal,
    Status,
    propose,
    standing,
)
from werkleren_desktop.domain.constants import TrainingStatus
from werkleren_desktop.errors import ReadOnlyError, UserError, ValidationError
from werkleren_desktop.i18n import _


@dataclass(frozen=True)
class CertificateTypeRow:
    id: int
    rule: CertificateRule
    retired: bool
    trainings: int  # how many trainings name it

    @property
    def name(self) -> str:
        return self.rule.name


def rule_of(record: CertificateType) -> CertificateRule:
    return CertificateRule(
        record.name,
        record.description,
        record.valid_months,
        record.grace_months,
        record.refresher_renews,
        record.source,
    )


def ensure_certificate_types(database: SessionFactory) -> None:
    """Give an organisation without certificate types the shipped ones, once, and link
    each certificate name typed without a type that names exactly one type (its own name
    or a known spelling); the others wait for the user (``unlinked_names``). Writes only
    when there is something to do. A professional's or manager's own login on a server
    reads the list but does not write it."""
    if database.seat is not None:
        return
    with database() as db:
        seeded = bool(db.scalar(select(func.count()).select_from(CertificateType)))
        typed = _typed_names(db)
        names = dict(db.execute(select(CertificateType.name, CertificateType.id)).all())
    certain = {t: p.candidates[0] for t in typed if (p := propose(t, names)).certain}
    if seeded and not certain:
        return
    try:
        with database.begin() as db:
            if not seeded:
                types = [_record(CertificateType(), rule) for rule in SHIPPED]
                db.add_all(types)
                db.flush()
                names = {t.name: t.id for t in types}
            _link_certain(db, names)
    except IntegrityError:
        pass  # another window of the organisation wrote them just now
    except ReadOnlyError:
        pass  # the copy of a server's data kept to read offline: read as it is


def _record(record: CertificateType, rule: CertificateRule) -> CertificateType:
    record.name, record.description = rule.name, rule.description
    record.valid_months, record.grace_months = rule.valid_months, rule.grace_months
    record.refresher_renews, record.source = rule.refresher_renews, rule.source
    return record


def _link_certain(db: Session, ids: Mapping[str, int]) -> None:
    for typed in _typed_names(db):
        proposal = propose(typed, ids)
        if proposal.certain:
            _link(db, typed, ids[proposal.candidates[0]])


def _typed_names(db: Session) -> list[str]:
    return list(
        db.scalars(
            select(Training.certificate)
            .where(Training.certificate != "", Training.certificate_type_id.is_(None))
            .distinct()
            .order_by(Training.certificate)
        )
    )


def _link(db: Session, typed: str, type_id: int) -> None:
    db.execute(
        update(Training)
        .where(Training.certificate == typed, Training.certificate_type_id.is_(None))
        .values(certificate_type_id=type_id)
    )


def list_certificate_types(
    database: SessionFactory, include_retired: bool = False
) -> list[CertificateTypeRow]:
    """The types by name, each with the number of trainings that name it."""
    ensure_certificate_types(database)
    used = (
        select(Training.certificate_type_id, func.count().label("n"))
        .group_by(Training.certificate_type_id)
        .subquery()
    )
    query = (
        select(CertificateType, func.coalesce(used.c.n, 0))
        .outerjoin(used, used.c.certificate_type_id == CertificateType.id)
        .order_by(func.lower(CertificateType.name))
    )
    if not include_retired:
        query = query.where(CertificateType.retired.is_(False))
    with database() as db:
        return [
            CertificateTypeRow(t.id, rule_of(t), t.retired, count) for t, count in db.execute(query)
        ]


def save_certificate_type(
    database: SessionFactory, rule: CertificateRule, type_id: int | None = None
) -> int:
    """A new type or a change of one; a name is used once. A change of the rule applies
    to the trainings that name the type from now on (their stored expiry dates stay)."""
    rule = rule.validated()
    with database.begin() as db:
        clash = db.scalar(
            select(CertificateType.id).where(
                func.lower(CertificateType.name) == rule.name.casefold(),
                CertificateType.id != (type_id or 0),
            )
        )
        if clash is not None:
            raise ValidationError(
                _("There already is a certificate called “{name}”.").format(name=rule.name), "name"
            )
        record = CertificateType() if type_id is None else _get(db, type_id)
        db.add(_record(record, rule))
        db.flush()
        if type_id is not None:  # the trainings show the type's name as it is now
            db.execute(
                update(Training)
                .where(Training.certificate_type_id == record.id)
                .values(certificate=rule.name)
            )
        return record.id


def retire_certificate_type(database: SessionFactory, type_id: int, retired: bool) -> None:
    """A type no longer offered for new trainings (``retired``), or offered again; the
    trainings that name it keep it."""
    with database.begin() as db:
        _get(db, type_id).retired = retired


def _get(db: Session, type_id: int) -> CertificateType:
    record = db.get(CertificateType, type_id)
    if record is None:
        raise UserError(_("This certificate type no longer exists."))
    return record


def get_rule(database: SessionFactory, type_id: int) -> CertificateRule:
    with database() as db:
        return rule_of(_get(db, type_id))


# --- names typed before there were types ----------------------------------------------


@dataclass(frozen=True)
class TypedName:
    proposal: Proposal
    trainings: int


def unlinked_names(database: SessionFactory) -> list[TypedName]:
    """Certificate names typed before there were types and not linked to one, with
    how many trainings carry each and the types they may mean."""
    ensure_certificate_types(database)
    with database() as db:
        counts = Counter(
            db.scalars(
                select(Training.certificate).where(
                    Training.certificate != "", Training.certificate_type_id.is_(None)
                )
            )
        )
        names = list(db.scalars(select(CertificateType.name).order_by(CertificateType.name)))
    return [
        TypedName(propose(typed, names), count)
        for typed, count in sorted(counts.items(), key=lambda item: item[0].casefold())
    ]


def link_names(database: SessionFactory, chosen: Mapping[str, int | None]) -> int:
    """Link each typed name to the type the user chose (None: leave it as typed, for
    a certificate that is no type of the list); returns how many trainings were linked."""
    linked = 0
    with database.begin() as db:
        known = set(db.scalars(select(CertificateType.id)))
        for typed, type_id in chosen.items():
            if type_id is None:
                continue
            if type_id not in known:
                raise UserError(_("This certificate type no longer exists."))
            linked += (
                db.scalar(
                    select(func.count()).where(
                        Training.certificate == typed, Training.certificate_type_id.is_(None)
                    )
                )
                or 0
            )
            _link(db, typed, type_id)
    return linked


# --- someone's history of one certificate --------------------------------------------


def history_in(
    db: Session, person_id: int, type_id: int, leave_out: int | None = None
) -> list[Obtained]:
    """The followed trainings of ``person_id`` that ended in the certificate, oldest
    first (``leave_out``: the training being changed)."""
    query = (
        select(Training.ends_on, Training.certificate_expires_on, Training.refresher)
        .where(
            Training.person_id == person_id,
            Training.certificate_type_id == type_id,
            Training.status == TrainingStatus.DONE,
        )
        .order_by(Training.ends_on)
    )
    if leave_out is not None:
        query = query.where(Training.id != leave_out)
    return [Obtained(on, expires, refresher) for on, expires, refresher in db.execute(query)]


def certificate_history(
    database: SessionFactory, person_id: int, type_id: int
) -> tuple[CertificateRule, list[Obtained]]:
    with database() as db:
        return rule_of(_get(db, type_id)), history_in(db, person_id, type_id)


def followed_by(db: Session, people: list[int]) -> dict[tuple[int, int], list[Obtained]]:
    """The followed trainings of ``people`` that ended in a certificate of a type, by
    person and type, oldest first: what their standing is read from."""
    rows = db.execute(
        select(
            Training.person_id,
            Training.certificate_type_id,
            Training.ends_on,
            Training.certificate_expires_on,
            Training.refresher,
        )
        .where(
            Training.person_id.in_(people),
            Training.certificate_type_id.is_not(None),
            Training.status == TrainingStatus.DONE,
        )
        .order_by(Training.ends_on)
    )
    found: dict[tuple[int, int], list[Obtained]] = {}
    for person, type_id, ends, expires, refresher in rows:
        if type_id is not None:  # (the query keeps only these)
            found.setdefault((person, type_id), []).append(Obtained(ends, expires, refresher))
    return found


@dataclass(frozen=True)
class CertificateHistory:
    """One certificate of one person: its rule, where they stand, and the trainings
    that obtained and renewed it (oldest first)."""

    name: str
    rule: CertificateRule
    status: Status
    history: tuple[Obtained, ...]


def person_certificates(
    database: SessionFactory, person_id: int, today: dt.date, months: int
) -> list[CertificateHistory]:
    """Every certificate type ``person_id`` followed a training of, by name, with their
    renewals and where they stand ``today`` (``months``: the warning window)."""
    with database() as db:
        followed = followed_by(db, [person_id])
        kinds = {t.id: t for t in db.scalars(select(CertificateType))}
    histories = {type_id: history for (_person, type_id), history in followed.items()}
    found = [
        CertificateHistory(
            kinds[type_id].name,
            rule_of(kinds[type_id]),
            standing(rule_of(kinds[type_id]), history, today, months),
            tuple(history),
        )
        for type_id, history in histories.items()
    ]
    return sorted(found, key=lambda h: h.name.casefold())

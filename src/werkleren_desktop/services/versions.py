"""Versions of the records that forms edit: what a form read, and a refusal to save
over a change made since (``models.Versioned``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import bindparam, update
from sqlalchemy.orm import Session, object_session

from werkleren_desktop.db.engine import SessionFactory, changed_elsewhere_sentence, login_of
from werkleren_desktop.db.models import Versioned
from werkleren_desktop.errors import EditConflictError, UserError
from werkleren_desktop.i18n import _


@dataclass(frozen=True)
class Stamp:
    """The version of a record as it was read, and who changed it last, when."""

    version: int
    changed_by: str = ""
    changed_at: dt.datetime | None = None


UNREAD = Stamp(0)  # no record was read (a new one)


def stamp_of(record: Versioned) -> Stamp:
    return Stamp(record.version, record.changed_by, record.changed_at)


def current_stamp(database: SessionFactory, model: type[Versioned], record_id: int) -> Stamp:
    """The version of a record as it is stored now (after a save by the same form)."""
    with database() as db:
        record = db.get(model, record_id)
        if record is None:
            raise UserError(_("This record no longer exists."))
        return stamp_of(record)


def my_login(database: SessionFactory) -> str:
    """The login this program's changes are stored under."""
    with database() as db:
        return login_of(db)


def refuse_if_changed(record: Versioned, read: int | None) -> None:
    """Refuse a save made from version ``read`` when the record moved on since.

    ``read`` is None where nothing was read first (a new record, a command that names
    what it changes): the save then applies to the record as it is. Otherwise the row
    is locked first (on a server; SQLite's write lock does it already) and its version
    read again: a save under way elsewhere is waited for and then seen, and none can
    come between this check and the write.
    """
    if read is None:
        return
    db = object_session(record)
    if db is not None and db.get_bind().dialect.name == "postgresql":
        db.refresh(record, with_for_update=True)
    if record.version != read:
        raise EditConflictError(changed_elsewhere_sentence())


def update_many(db: Session, model: type[Versioned], rows: Sequence[Mapping[str, object]]) -> None:
    """Change many records with one statement (each row: ``id`` and the columns to set,
    the same columns in every row), raising each one's version and saying who changed
    it and when; the ORM's own bulk update would want the version of each row read."""
    if not rows:
        return
    table = model.__table__  # type: ignore[attr-defined]
    columns = [key for key in rows[0] if key != "id"]
    statement = (
        update(table)
        .where(table.c.id == bindparam("row_id"))
        .values(
            {
                **{key: bindparam(f"new_{key}") for key in columns},
                "version": table.c.version + 1,
                "changed_by": login_of(db),
                "changed_at": dt.datetime.now(dt.UTC),
            }
        )
    )
    db.execute(
        statement,
        [{"row_id": row["id"], **{f"new_{key}": row[key] for key in columns}} for row in rows],
    )


def touch(record: Versioned) -> None:
    """Count a change of a record's parts (its answers, sections, agreements) as a
    change of the record: its version rises, and forms open on it learn so."""
    record.changed_at = dt.datetime.now(dt.UTC)

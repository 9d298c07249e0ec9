"""A deleted record can be brought back until the program closes: kept in memory only,
so nothing deleted stays in the data file. (Erasing a person is final: it has no undo.)

What a delete takes with it is read from the schema itself: the rows of tables whose
foreign key deletes in cascade, recursively, and the links of tables whose key is set
to NULL (a learning situation logged in a week cycle). Putting it back inserts every
row again, new ids where needed, and sets those links back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, insert, select, update
from sqlalchemy.orm import Session

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import Base


@dataclass(frozen=True)
class _Rows:
    table: str
    rows: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class _Links:
    """Rows of ``table`` whose ``column`` pointed at a deleted row: (their key, the id)."""

    table: str
    column: str
    links: tuple[tuple[dict[str, Any], Any], ...]


@dataclass(frozen=True)
class Deleted:
    """What one delete removed, to put back; ``what`` says it in the status bar."""

    what: str
    rows: tuple[_Rows, ...]  # parents before children
    links: tuple[_Links, ...]


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def capture(db: Session, table_name: str, ids: list[Any], what: str) -> Deleted:
    """Everything a delete of ``ids`` in ``table_name`` will remove; call it in the
    delete's own transaction, before the delete."""
    rows: list[_Rows] = []
    links: list[_Links] = []
    _collect(db, _table(table_name), ids, rows, links)
    return Deleted(what, tuple(rows), tuple(links))


def delete_keeping(db: Session, record: Any, what: str) -> Deleted:
    """Delete ``record`` (an ORM object with an ``id``) in the caller's transaction, and
    return what puts it back."""
    kept = capture(db, record.__tablename__, [record.id], what)
    db.delete(record)
    return kept


def _collect(
    db: Session, table: Table, ids: list[Any], rows: list[_Rows], links: list[_Links]
) -> None:
    if not ids:
        return
    key = _primary(table)
    found = [dict(r._mapping) for r in db.execute(select(table).where(key.in_(ids)))]
    rows.append(_Rows(table.name, tuple(found)))
    for other in Base.metadata.sorted_tables:
        for fk in other.foreign_keys:
            if fk.column.table is not table:
                continue
            referring = fk.parent
            if fk.ondelete == "CASCADE":
                child_key = list(other.primary_key.columns)
                children = db.execute(select(*child_key).where(referring.in_(ids))).all()
                if len(child_key) == 1:
                    _collect(db, other, [c[0] for c in children], rows, links)
                else:  # a link table without an id of its own: its rows whole
                    whole = db.execute(select(other).where(referring.in_(ids))).all()
                    rows.append(_Rows(other.name, tuple(dict(r._mapping) for r in whole)))
            elif fk.ondelete == "SET NULL":
                pointing = db.execute(
                    select(*other.primary_key.columns, referring).where(referring.in_(ids))
                ).all()
                if pointing:
                    names = [c.name for c in other.primary_key.columns]
                    links.append(
                        _Links(
                            other.name,
                            referring.name,
                            tuple((dict(zip(names, p[:-1], strict=True)), p[-1]) for p in pointing),
                        )
                    )


def _primary(table: Table) -> Any:
    (key,) = table.primary_key.columns
    return key


def restore(database: SessionFactory, deleted: Deleted) -> None:
    """Put back what ``deleted`` holds, in one transaction. A row whose id was taken
    meanwhile gets a new one, and the rows that pointed at it follow."""
    new_ids: dict[tuple[str, Any], Any] = {}  # (table, old id) -> id now
    with database.begin() as db:
        for group in deleted.rows:
            table = _table(group.table)
            single = len(table.primary_key.columns) == 1
            for row in group.rows:
                values = dict(row)
                for fk in table.foreign_keys:
                    old = values.get(fk.parent.name)
                    mapped = new_ids.get((fk.column.table.name, old))
                    if mapped is not None:
                        values[fk.parent.name] = mapped
                if single:
                    key = _primary(table)
                    old_id = values[key.name]
                    taken = db.execute(select(key).where(key == old_id)).first()
                    if taken is not None:
                        del values[key.name]
                    new_id = db.execute(insert(table).values(values).returning(key)).scalar_one()
                    new_ids[(table.name, old_id)] = new_id
                else:
                    db.execute(insert(table).values(values))
        for link in deleted.links:
            table = _table(link.table)
            column = table.c[link.column]
            target = next(fk.column.table.name for fk in column.foreign_keys)
            for key_values, old in link.links:
                where = [table.c[name] == value for name, value in key_values.items()]
                db.execute(
                    update(table)
                    .where(*where)
                    .values({column.name: new_ids.get((target, old), old)})
                )

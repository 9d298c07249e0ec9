"""Importing people from a file: plan first (nothing stored), then apply in one go.

The plan says per row whether it is new, changes someone already known, changes
nothing, or is wrong and why; importing the same file twice therefore adds nobody.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, replace

from sqlalchemy import select

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import Person
from werkleren_desktop.domain.people import (
    PersonInput,
    check_manager_chain,
    parse_birth_year,
    parse_hours,
)
from werkleren_desktop.domain.people_import import (
    FIELDS,
    Table,
    cell_text,
    missing_required,
    parse_date,
)
from werkleren_desktop.errors import UserError, ValidationError
from werkleren_desktop.i18n import _
from werkleren_desktop.services.people import apply_input, input_of


class RowStatus(enum.StrEnum):
    NEW = "new"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    ERROR = "error"


@dataclass
class PlannedRow:
    line: int
    name: str
    status: RowStatus
    message: str = ""
    person: PersonInput | None = None
    existing_id: int | None = None
    manager_text: str = ""
    manager_id: int | None = None  # a person already stored
    manager_line: int | None = None  # a new person further up or down the file

    def fail(self, message: str) -> None:
        self.status = RowStatus.ERROR
        self.message = message


@dataclass(frozen=True)
class ImportPlan:
    rows: tuple[PlannedRow, ...]

    def count(self, status: RowStatus) -> int:
        return sum(1 for row in self.rows if row.status is status)

    @property
    def to_store(self) -> tuple[PlannedRow, ...]:
        return tuple(r for r in self.rows if r.status in (RowStatus.NEW, RowStatus.UPDATE))

    @property
    def errors(self) -> tuple[PlannedRow, ...]:
        return tuple(r for r in self.rows if r.status is RowStatus.ERROR)


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _read_row(
    line: int, cells: tuple[object, ...], mapping: dict[str, int], today: dt.date
) -> tuple[PlannedRow, PersonInput | None]:
    def cell(name: str) -> object:
        index = mapping.get(name)
        return cells[index] if index is not None and index < len(cells) else None

    first, last = cell_text(cell("first_name")), cell_text(cell("last_name"))
    row = PlannedRow(
        line, f"{first} {last}".strip(), RowStatus.NEW, manager_text=cell_text(cell("manager"))
    )
    try:
        in_service = parse_date(cell("in_service"), "in_service")
        if in_service is None:
            raise ValidationError(_("The date in service is missing."), "in_service")
        birth = cell("birth_year")
        person = PersonInput(
            first_name=first,
            last_name=last,
            in_service=in_service,
            email=cell_text(cell("email")),
            job_title=cell_text(cell("job_title")),
            out_of_service=parse_date(cell("out_of_service"), "out_of_service"),
            birth_year=birth if isinstance(birth, int) else parse_birth_year(cell_text(birth)),
            contract_minutes=parse_hours(cell_text(cell("hours"))),
        ).validated(today)
    except ValidationError as error:
        row.fail(str(error))
        return row, None
    return row, person


def plan_import(
    sessions: SessionFactory, table: Table, mapping: dict[str, int], today: dt.date
) -> ImportPlan:
    """What importing ``table`` would do, row by row; the database is not changed."""
    missing = missing_required(mapping)
    if missing:
        raise UserError(
            _("Say which column holds: {fields}.").format(
                fields=", ".join(_(FIELDS[f]) for f in missing)
            )
        )
    with sessions() as session:
        stored = list(session.scalars(select(Person)))
    by_email = {_fold(p.email): p for p in stored if p.email}
    by_name: dict[str, list[Person]] = {}
    for p in stored:
        by_name.setdefault(_fold(f"{p.first_name} {p.last_name}"), []).append(p)

    rows: list[PlannedRow] = []
    seen: dict[str, int] = {}  # e-mail or name -> line
    for line, cells in table.rows:
        row, person = _read_row(line, cells, mapping, today)
        rows.append(row)
        if person is None:
            continue
        keys = [_fold(person.email)] if person.email else []
        keys.append(_fold(person.full_name))
        earlier = next((seen[k] for k in keys if k in seen), None)
        if earlier is not None:
            row.fail(_("This person is already on line {line}.").format(line=earlier))
            continue
        seen.update((k, line) for k in keys)
        match = by_email.get(_fold(person.email)) if person.email else None
        if match is None:
            namesakes = by_name.get(_fold(person.full_name), [])
            match = namesakes[0] if len(namesakes) == 1 else None
        if match is not None:
            row.existing_id = match.id
            person = replace(person, notes=match.notes)
        row.person = person

    _resolve_managers(rows, by_email, by_name)
    _check_loops(rows, stored)
    for row in rows:
        if row.status is RowStatus.ERROR or row.person is None or row.existing_id is None:
            continue
        current = next(p for p in stored if p.id == row.existing_id)
        same_manager = row.manager_line is None and row.manager_id == current.manager_id
        unchanged = same_manager and replace(row.person, manager_id=current.manager_id) == (
            input_of(current)
        )
        row.status = RowStatus.UNCHANGED if unchanged else RowStatus.UPDATE
    return ImportPlan(tuple(rows))


def _resolve_managers(
    rows: list[PlannedRow],
    by_email: dict[str, Person],
    by_name: dict[str, list[Person]],
) -> None:
    in_file: dict[str, PlannedRow] = {}
    for row in rows:
        if row.person is not None:
            in_file[_fold(row.person.full_name)] = row
            if row.person.email:
                in_file[_fold(row.person.email)] = row
    for row in rows:
        if row.person is None or not row.manager_text:
            continue
        key = _fold(row.manager_text)
        target = in_file.get(key)
        if target is not None:
            if target.status is RowStatus.ERROR:
                row.fail(_("The manager on line {line} has an error.").format(line=target.line))
            elif target.existing_id is not None:
                row.manager_id = target.existing_id
            else:
                row.manager_line = target.line
            continue
        candidates = [by_email[key]] if key in by_email else by_name.get(key, [])
        if len(candidates) == 1:
            row.manager_id = candidates[0].id
        elif not candidates:
            row.fail(_("Unknown manager “{name}”.").format(name=row.manager_text))
        else:
            row.fail(
                _("“{name}” is the name of more than one person; use the e-mail address.").format(
                    name=row.manager_text
                )
            )


def _check_loops(rows: list[PlannedRow], stored: list[Person]) -> None:
    """Refuse rows whose manager would make a chain loop, taking the file as a whole."""
    managers: dict[int, int | None] = {p.id: p.manager_id for p in stored}
    names = {p.id: f"{p.first_name} {p.last_name}" for p in stored}

    def node(row: PlannedRow) -> int:
        return row.existing_id if row.existing_id is not None else -row.line

    by_line = {row.line: row for row in rows}
    for row in rows:
        if row.status is RowStatus.ERROR or row.person is None:
            continue
        managers[node(row)] = (
            node(by_line[row.manager_line]) if row.manager_line is not None else row.manager_id
        )
        names[node(row)] = row.person.full_name
    for row in rows:
        if row.status is RowStatus.ERROR or row.person is None:
            continue
        try:
            check_manager_chain(node(row), managers[node(row)], managers, names)
        except ValidationError as error:
            row.fail(str(error))
    # a row whose manager is a new row that failed cannot be stored either
    changed = True
    while changed:
        changed = False
        for row in rows:
            target = by_line.get(row.manager_line) if row.manager_line is not None else None
            if row.status is not RowStatus.ERROR and target and target.status is RowStatus.ERROR:
                row.fail(_("The manager on line {line} has an error.").format(line=target.line))
                changed = True


def apply_import(sessions: SessionFactory, plan: ImportPlan) -> ImportResult:
    """Store the new and changed rows of ``plan`` in one transaction: all or nothing."""
    created = updated = 0
    with sessions.begin() as session:
        stored: dict[int, Person] = {}
        for row in plan.to_store:
            assert row.person is not None
            if row.existing_id is None:
                person = Person()
                created += 1
            else:
                person = session.get(Person, row.existing_id) or Person()
                updated += 1
            apply_input(person, replace(row.person, manager_id=None))
            session.add(person)
            stored[row.line] = person
        session.flush()
        for row in plan.to_store:
            person = stored[row.line]
            person.manager_id = (
                stored[row.manager_line].id if row.manager_line is not None else row.manager_id
            )
    return ImportResult(created, updated)

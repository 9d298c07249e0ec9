"""Importing people from a file: plan first (nothing stored), then apply in one go.

The plan says per row whether it is new, changes someone already known, changes
nothing, or is wrong and why; importing the same file twice therefore adds nobody.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace

from sqlalchemy import func, insert, select

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import Person
from werkleren_desktop.db.portable import one_writer_at_a_time
from werkleren_desktop.domain.formatting import format_number
from werkleren_desktop.domain.people import (
    PersonInput,
    full_name,
    has_manager_loop,
    parse_birth_year,
    parse_hours,
)
from werkleren_desktop.domain.people_import import (
    FIELDS,
    Problem,
    Table,
    cell_problem,
    cell_text,
    column_name,
    missing_required,
    parse_date,
)
from werkleren_desktop.domain.text import shortened
from werkleren_desktop.errors import UserError, ValidationError
from werkleren_desktop.i18n import _
from werkleren_desktop.services.functions import link_functions
from werkleren_desktop.services.people import person_values
from werkleren_desktop.services.versions import update_many


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
    problems: list[Problem] = field(default_factory=list)  # blocking ones make an error
    person: PersonInput | None = None
    existing_id: int | None = None
    manager_text: str = ""
    manager_id: int | None = None  # a person already stored
    manager_line: int | None = None  # a new person further up or down the file
    keys: tuple[str, ...] = ()  # the name and e-mail address others may name them by

    def fail(self, message: str, column: str = "") -> None:
        self.status = RowStatus.ERROR
        self.problems.append(Problem(self.line, column, message))

    def remark(self, message: str) -> None:
        self.problems.append(Problem(self.line, "", message, blocking=False))

    @property
    def message(self) -> str:
        """Every problem of the row in one text, each with its column."""
        return " ".join(
            f"{p.column}: {p.message}" if p.column else p.message for p in self.problems
        )


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

    @property
    def problems(self) -> list[Problem]:
        """Every problem and remark of the file, in the order of its lines."""
        return [problem for row in self.rows for problem in row.problems]

    def summary(self) -> str:
        return _("{new} new, {updated} changed, {same} unchanged, {bad} with errors.").format(
            new=format_number(self.count(RowStatus.NEW)),
            updated=format_number(self.count(RowStatus.UPDATE)),
            same=format_number(self.count(RowStatus.UNCHANGED)),
            bad=format_number(self.count(RowStatus.ERROR)),
        )


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


# a rule of PersonInput names the form's field; the import names the file's column
_FIELD_OF_RULE = {"contract_hours": "hours", "last_conversation_on": "last_conversation"}
_FIELD_OF_COLUMN = {"hours": "contract_minutes", "last_conversation": "last_conversation_on"}


def _read_row(
    line: int,
    cells: tuple[object, ...],
    mapping: dict[str, int],
    headers: Sequence[str],
    today: dt.date,
) -> PlannedRow:
    """One line of the file as a planned row with every problem it has, each named by
    its column, and the person it describes when it has none."""
    row = PlannedRow(line, "", RowStatus.NEW)
    fields_of = {index: name for name, index in mapping.items()}
    bad: set[str] = set()
    for index, content in enumerate(cells):
        field_name = fields_of.get(index)
        problem = cell_problem(content, stored=field_name is not None)
        if problem is not None:
            row.fail(problem, column_name(headers, index))
            if field_name is not None:
                bad.add(field_name)

    def cell(name: str) -> object:
        index = mapping.get(name)
        if name in bad or index is None or index >= len(cells):
            return None
        return cells[index]

    def fail(error: ValidationError) -> None:
        name = _FIELD_OF_RULE.get(error.field or "", error.field or "")
        if name in bad:
            return  # said once per column
        bad.add(name)
        index = mapping.get(name)
        row.fail(str(error), column_name(headers, index) if index is not None else "")

    def raw(name: str) -> str:
        index = mapping.get(name)
        return cell_text(cells[index]) if index is not None and index < len(cells) else ""

    row.name = shortened(f"{raw('first_name')} {raw('last_name')}", 80)  # shown as it came
    first, last = cell_text(cell("first_name")), cell_text(cell("last_name"))
    row.keys = tuple(
        _fold(k) for k in (full_name(first, last), cell_text(cell("email"))) if k.strip()
    )
    row.manager_text = cell_text(cell("manager"))
    dates: dict[str, dt.date | None] = {}
    for name in ("in_service", "out_of_service", "last_conversation"):
        try:
            dates[name] = parse_date(cell(name), name)
        except ValidationError as error:
            fail(error)
            dates[name] = None
    if dates["in_service"] is None and "in_service" not in bad:
        fail(ValidationError(_("The date in service is missing."), "in_service"))
    birth = cell("birth_year")
    birth_year: int | None = None
    contract_minutes: int | None = None
    try:
        birth_year = birth if isinstance(birth, int) else parse_birth_year(cell_text(birth))
    except ValidationError as error:
        fail(error)
    try:
        contract_minutes = parse_hours(cell_text(cell("hours")))
    except ValidationError as error:
        fail(error)
    person = PersonInput(
        first_name=first,
        last_name=last,
        # an unreadable date in service stands in as the day out of service (or today),
        # so that the other rules are still checked without a false "out before in"
        in_service=dates["in_service"] or dates["out_of_service"] or today,
        email=cell_text(cell("email")),
        job_title=cell_text(cell("job_title")),
        out_of_service=dates["out_of_service"],
        birth_year=birth_year,
        contract_minutes=contract_minutes,
        last_conversation_on=dates["last_conversation"],
    )
    for rule in person.problems(today):
        fail(rule)
    order = {column_name(headers, i): i for i in range(len(cells))}
    row.problems.sort(key=lambda p: order.get(p.column, -1))  # as the file's columns go
    if row.status is not RowStatus.ERROR:
        row.person = person.tidied()
    return row


def plan_import(
    database: SessionFactory, table: Table, mapping: dict[str, int], today: dt.date
) -> ImportPlan:
    """What importing ``table`` would do, row by row; the database is not changed."""
    missing = missing_required(mapping)
    if missing:
        raise UserError(
            _("Say which column holds: {fields}.").format(
                fields=", ".join(_(FIELDS[f]) for f in missing)
            )
        )
    stored = _stored_people(database)
    by_email = {_fold(p.email): i for i, p in stored.items() if p.email}
    by_name: dict[str, list[int]] = {}
    for i, p in stored.items():
        by_name.setdefault(_fold(p.full_name), []).append(i)

    rows: list[PlannedRow] = []
    seen: dict[str, int] = {}  # e-mail or name -> line
    matched: dict[int, int] = {}  # a stored person -> the line that changes them
    kept = [_FIELD_OF_COLUMN.get(f, f) for f in FIELDS if f not in mapping and f != "manager"]
    for line, cells in table.rows:
        row = _read_row(line, cells, mapping, table.headers, today)
        if line in table.notes:
            row.remark(table.notes[line])
        rows.append(row)
        person = row.person
        if person is None:
            continue
        keys = [_fold(person.email)] if person.email else []
        keys.append(_fold(person.full_name))
        earlier = next((seen[k] for k in keys if k in seen), None)
        if earlier is not None:
            row.person = None
            row.fail(_("This person is already on line {line}.").format(line=earlier))
            continue
        seen.update((k, line) for k in keys)
        match = by_email.get(_fold(person.email)) if person.email else None
        if match is None:
            namesakes = by_name.get(_fold(person.full_name), [])
            match = namesakes[0] if len(namesakes) == 1 else None
        if match is not None and match in matched:  # by name here, by e-mail there
            row.person = None
            row.fail(_("This person is already on line {line}.").format(line=matched[match]))
        elif match is not None:
            matched[match] = line
            row.existing_id = match
            # what the file has no column for stays as it was, and so do the notes
            known = stored[match]
            row.person = replace(person, notes=known.notes, **{f: getattr(known, f) for f in kept})
            if "manager" not in mapping:
                row.manager_id = known.manager_id

    _resolve_managers(rows, stored, by_email, by_name)
    _refuse_loops(rows, stored)
    _leave_out_failed_managers(rows, stored)
    for row in rows:
        if row.status is RowStatus.ERROR or row.person is None or row.existing_id is None:
            continue
        current = stored[row.existing_id]
        unchanged = row.manager_line is None and replace(row.person, manager_id=row.manager_id) == (
            current
        )
        row.status = RowStatus.UNCHANGED if unchanged else RowStatus.UPDATE
    return ImportPlan(tuple(rows))


def _stored_people(database: SessionFactory) -> dict[int, PersonInput]:
    """Everyone stored, as the import compares them: one query of plain rows (the
    objects of the ORM took seconds for a large organisation)."""
    columns = [
        func.coalesce(Person.email, "") if f.name == "email" else Person.__table__.c[f.name]
        for f in fields(PersonInput)
    ]  # in the order of PersonInput's fields
    with database() as db:
        rows = db.execute(select(Person.__table__.c.id, *columns)).all()
    return {person_id: PersonInput(*values) for person_id, *values in rows}


def _without_manager(row: PlannedRow, stored: dict[int, PersonInput], reason: str) -> None:
    """Import ``row`` all the same: a new person without a manager, a known one with the
    manager already recorded; the plan says so."""
    row.manager_line = None
    if row.existing_id is None:
        row.manager_id = None
        row.remark(reason + " " + _("Imported without a manager."))
    else:
        row.manager_id = stored[row.existing_id].manager_id
        row.remark(reason + " " + _("The manager already recorded stays."))


def _resolve_managers(
    rows: list[PlannedRow],
    stored: dict[int, PersonInput],
    by_email: dict[str, int],
    by_name: dict[str, list[int]],
) -> None:
    in_file: dict[str, PlannedRow] = {}
    for row in sorted(rows, key=lambda r: r.person is None):  # rows without errors first
        for key in row.keys:
            in_file.setdefault(key, row)
    for row in rows:
        if row.person is None or not row.manager_text:
            continue
        key = _fold(row.manager_text)
        target = in_file.get(key)
        if target is not None and target.person is not None:
            if target.existing_id is not None:
                row.manager_id = target.existing_id
            else:
                row.manager_line = target.line
            continue
        candidates = [by_email[key]] if key in by_email else by_name.get(key, [])
        if len(candidates) == 1:  # known already, even if their own line has an error
            row.manager_id = candidates[0]
        elif target is not None:
            row.manager_line = target.line  # a new person whose line has an error: see below
        elif not candidates:
            _without_manager(
                row, stored, _("Unknown manager “{name}”.").format(name=shortened(row.manager_text))
            )
        else:
            _without_manager(
                row,
                stored,
                _("“{name}” is the name of more than one person; use the e-mail address.").format(
                    name=shortened(row.manager_text)
                ),
            )


def _node(row: PlannedRow) -> int:
    """A person in the chain of managers: a stored id, or minus the line of a new row."""
    return row.existing_id if row.existing_id is not None else -row.line


def _refuse_loops(rows: list[PlannedRow], stored: dict[int, PersonInput]) -> None:
    """Refuse the rows whose manager would close a loop in the chain of managers, the
    file taken as a whole (one walk over every chain: linear in the number of people)."""
    managers: dict[int, int | None] = {i: p.manager_id for i, p in stored.items()}
    names = {i: p.full_name for i, p in stored.items()}
    by_line = {row.line: row for row in rows}
    file_rows: dict[int, PlannedRow] = {}
    for row in rows:
        if row.status is RowStatus.ERROR or row.person is None:
            continue
        target = by_line[row.manager_line] if row.manager_line is not None else None
        if target is not None:
            managers[_node(row)] = None if target.status is RowStatus.ERROR else _node(target)
        else:
            managers[_node(row)] = row.manager_id
        names[_node(row)] = row.person.full_name
        file_rows[_node(row)] = row
    done: set[int] = set()
    for start in file_rows:
        path: list[int] = []
        on_path: set[int] = set()
        current: int | None = start
        while current is not None and current not in done and current not in on_path:
            path.append(current)
            on_path.add(current)
            current = managers.get(current)
        if current is not None and current in on_path:  # the walk came round: a loop
            loop = path[path.index(current) :]
            for node in loop:
                member = file_rows.get(node)
                manager = managers[node]
                if member is not None and manager is not None:
                    member.fail(
                        _(
                            "{manager} cannot be the manager of {person}: {person} is already "
                            "{manager}'s manager, directly or further up."
                        ).format(
                            manager=shortened(names.get(manager, "?")),
                            person=shortened(names.get(node, "?")),
                        )
                    )
        done.update(path)


def _leave_out_failed_managers(rows: list[PlannedRow], stored: dict[int, PersonInput]) -> None:
    """A row whose manager is a new row that cannot be stored is imported without."""
    by_line = {row.line: row for row in rows}
    for row in rows:
        if row.status is RowStatus.ERROR or row.manager_line is None:
            continue
        target = by_line[row.manager_line]
        if target.status is RowStatus.ERROR:
            _without_manager(
                row,
                stored,
                _("The manager on line {line} has an error.").format(line=target.line),
            )


def apply_import(database: SessionFactory, plan: ImportPlan) -> ImportResult:
    """Store the new and changed rows of ``plan`` in one transaction: all or nothing.

    New people go in with one statement of many rows, then every manager and change
    with one more; row by row through the ORM took 19 s for 100,000 people."""
    new = [row for row in plan.to_store if row.existing_id is None]
    changed = [row for row in plan.to_store if row.existing_id is not None]
    with database.begin() as db:
        # the file was checked against the managers as they were; checked again below,
        # against the managers as they are, with other saves of managers waiting
        one_writer_at_a_time(db, "manager chain")
        ids: dict[int, int] = {}  # line -> the id of the person stored from it
        if new:
            inserted = db.scalars(
                insert(Person).returning(Person.id, sort_by_parameter_order=True),
                [_values(row, manager_id=None) for row in new],
            )
            ids = dict(zip((row.line for row in new), inserted, strict=True))
        ids.update((row.line, row.existing_id) for row in changed if row.existing_id)

        def manager(row: PlannedRow) -> int | None:
            return ids[row.manager_line] if row.manager_line is not None else row.manager_id

        managed = [
            {"id": ids[row.line], "manager_id": manager(row)}
            for row in new
            if manager(row) is not None
        ]
        update_many(db, Person, managed)
        update_many(
            db, Person, [{"id": ids[row.line], **_values(row, manager(row))} for row in changed]
        )
        link_functions(db, ids.values())  # the functions their job titles name
        managers: dict[int, int | None] = dict(
            db.execute(select(Person.id, Person.manager_id)).all()
        )
        if has_manager_loop(managers):
            raise UserError(
                _(
                    "Since the file was checked, someone else changed who manages whom, and "
                    "together with the file that would make a circle of managers. Nothing "
                    "was imported; check the file again."
                )
            )
    return ImportResult(len(new), len(changed))


def _values(row: PlannedRow, manager_id: int | None) -> dict[str, object]:
    assert row.person is not None
    return person_values(replace(row.person, manager_id=manager_id))

"""Reading a list of people from CSV or XLSX as Dutch offices save them.

Dutch Excel writes CSV with semicolons, in Windows-1252 or UTF-8 (with or without a
byte-order mark), and dates as dd-mm-jjjj. Headers may be Dutch or English. This
module only reads and interprets; services.people_import decides what to store.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from werkleren_desktop.errors import UserError, ValidationError
from werkleren_desktop.i18n import N_, _

FIELDS: dict[str, str] = {
    "first_name": N_("First name"),
    "last_name": N_("Surname"),
    "email": N_("E-mail"),
    "job_title": N_("Job title"),
    "manager": N_("Manager"),
    "in_service": N_("In service"),
    "out_of_service": N_("Out of service"),
    "birth_year": N_("Birth year"),
    "hours": N_("Hours per week"),
}
REQUIRED = ("first_name", "last_name", "in_service")

_ALIASES: dict[str, tuple[str, ...]] = {
    "first_name": ("voornaam", "roepnaam", "first name", "firstname", "given name"),
    "last_name": ("achternaam", "naam", "surname", "last name", "lastname", "family name"),
    "email": ("e-mail", "email", "e-mailadres", "emailadres", "mail", "e-mail address"),
    "job_title": ("functie", "functienaam", "job title", "title", "function", "role"),
    "manager": ("leidinggevende", "manager", "direct leidinggevende", "supervisor"),
    "in_service": (
        "in dienst",
        "datum in dienst",
        "indienst",
        "start date",
        "in service",
        "hired",
        "date in service",
    ),
    "out_of_service": (
        "uit dienst",
        "datum uit dienst",
        "uitdienst",
        "end date",
        "out of service",
        "left",
        "date out of service",
    ),
    "birth_year": ("geboortejaar", "birth year", "year of birth"),
    "hours": ("uren", "uren per week", "contracturen", "hours", "hours per week", "contract hours"),
}
MAX_FILE_BYTES = 20 * 1024 * 1024


def _key(header: str) -> str:
    text = unicodedata.normalize("NFKC", header).strip().lower()
    return re.sub(r"[\s_]+", " ", text)


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[object, ...]], ...]  # (line number as the user sees it, cells)


def read_table(path: Path) -> Table:
    """The header and rows of a CSV or XLSX file; a UserError when it cannot be read."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise UserError(
            _("The file {name} cannot be read: {reason}").format(
                name=path.name, reason=error.strerror or error
            )
        ) from error
    if size > MAX_FILE_BYTES:
        raise UserError(_("The file {name} is too large to import.").format(name=path.name))
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        return _read_xlsx(path)
    if path.suffix.lower() in {".csv", ".txt", ".tsv"}:
        return _read_csv(path.read_bytes())
    raise UserError(
        _("Choose a CSV or Excel (.xlsx) file; {name} is neither.").format(name=path.name)
    )


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _read_csv(data: bytes) -> Table:
    text = _decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    lines = [(reader.line_num, tuple(row)) for row in reader]
    return _table(lines)


def _read_xlsx(path: Path) -> Table:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise UserError(
            _("The file {name} is not an Excel workbook that can be read.").format(name=path.name)
        ) from error
    try:
        sheet = workbook.worksheets[0]
        lines = [
            (number, tuple(row))
            for number, row in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        workbook.close()
    return _table(lines)


def _blank(cell: object) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _table(lines: Sequence[tuple[int, tuple[object, ...]]]) -> Table:
    lines = [(n, row) for n, row in lines if not all(_blank(c) for c in row)]
    if not lines:
        raise UserError(_("The file is empty."))
    header = lines[0][1]
    headers = tuple("" if c is None else str(c).strip() for c in header)
    return Table(headers, tuple(lines[1:]))


def guess_mapping(headers: Sequence[str]) -> dict[str, int]:
    """Which column holds which field, recognised from Dutch and English headers."""
    mapping: dict[str, int] = {}
    for index, header in enumerate(headers):
        key = _key(header)
        for field_name, aliases in _ALIASES.items():
            if field_name not in mapping and key in aliases:
                mapping[field_name] = index
                break
    return mapping


def missing_required(mapping: dict[str, int]) -> list[str]:
    return [f for f in REQUIRED if f not in mapping]


_DATE_PATTERNS = (
    (re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$"), ("d", "m", "y")),
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), ("y", "m", "d")),
)


def parse_date(cell: object, field_name: str) -> dt.date | None:
    if _blank(cell):
        return None
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    text = str(cell).strip()
    text = text.split(" ")[0]  # "15-03-2021 00:00" from some exports
    for pattern, order in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            parts = dict(zip(order, (int(g) for g in match.groups()), strict=True))
            try:
                return dt.date(parts["y"], parts["m"], parts["d"])
            except ValueError:
                break
    raise ValidationError(
        _("“{text}” is not a date; write it like 15-03-2021.").format(text=cell), field_name
    )


def cell_text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


@dataclass
class RawPerson:
    """One data row, with each mapped field as text or date, before the database is asked."""

    line: int
    values: dict[str, object] = field(default_factory=dict)

    def text(self, name: str) -> str:
        return cell_text(self.values.get(name))

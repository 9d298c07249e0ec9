"""Reading a list of people from CSV or XLSX as Dutch offices save them.

Dutch Excel writes CSV with semicolons, in Windows-1252 or UTF-8 (with or without a
byte-order mark), and dates as dd-mm-jjjj. Headers may be Dutch or English. This
module only reads and interprets; services.people_import decides what to store.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import functools
import io
import re
import unicodedata
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO
from xml.parsers import expat

from defusedxml import ElementTree
from openpyxl.utils import column_index_from_string, get_column_letter

from werkleren_desktop.domain.formatting import format_list, format_number
from werkleren_desktop.domain.text import (
    REPLACEMENT,
    character_name,
    shortened,
    unsafe_character,
)
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
    "last_conversation": N_("Last conversation"),
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
    "last_conversation": (
        "laatste gesprek",
        "datum laatste gesprek",
        "laatste talentgesprek",
        "laatste talentontwikkelgesprek",
        "laatste functioneringsgesprek",
        "last conversation",
        "last talent conversation",
    ),
}
# What is read at most, so that a hostile or broken file stops early with a sentence
# instead of taking minutes and gigabytes (the README names these limits).
MAX_FILE_BYTES = 20 * 1024 * 1024  # the file as it lies on disk
MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # everything inside an Excel workbook, unpacked
MAX_WORKBOOK_PARTS = 1_000  # files inside an Excel workbook
MAX_ROWS = 100_000  # rows of data, besides the header
MAX_COLUMNS = 200  # columns that hold anything
MAX_CELL_CHARACTERS = 2_000  # one cell
MAX_PROBLEMS_SHOWN = 200  # the preview and the command line list this many problems

# The csv module refuses fields over 128 KiB with an error that names nothing; let it
# read any field the file can hold, and name an overlong cell with its line and column.
csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES))

_EXCEL_ROWS, _EXCEL_COLUMNS = 1_048_576, 16_384  # what a valid workbook can address


def _key(header: str) -> str:
    text = unicodedata.normalize("NFKC", header).strip().lower()
    return re.sub(r"[\s_]+", " ", text)


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[object, ...]], ...]  # (line number as the user sees it, cells)
    notes: Mapping[int, str] = field(default_factory=dict)  # line -> how it was read
    header_line: int = 1


@dataclass(frozen=True)
class Problem:
    """Something wrong with one line of the file, or worth knowing about it."""

    line: int
    column: str  # the column as the user knows it ("Achternaam", "kolom C"); "" for the row
    message: str
    blocking: bool = True  # False: the row is imported, and the user is told why and how

    def __str__(self) -> str:
        if self.column:
            return _("line {line}, {column}: {message}").format(
                line=self.line, column=self.column, message=self.message
            )
        return _("line {line}: {message}").format(line=self.line, message=self.message)


def column_letter(index: int) -> str:
    """A, B, ..., Z, AA: the letters Excel shows above column ``index`` (from 0)."""
    return get_column_letter(index + 1)


def column_name(headers: Sequence[str], index: int) -> str:
    """How a message names a column: its header, or its letter when it has none."""
    header = shortened(headers[index], 40) if index < len(headers) else ""
    return header or _("column {letter}").format(letter=column_letter(index))


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
        raise UserError(
            _("The file {name} is larger than {megabytes} MB; a staff list never is.").format(
                name=path.name, megabytes=MAX_FILE_BYTES // (1024 * 1024)
            )
        )
    try:
        if path.suffix.lower() in {".xlsx", ".xlsm"}:
            return _read_xlsx(path)
        if path.suffix.lower() in {".csv", ".txt", ".tsv"}:
            return _read_csv(path.read_bytes())
    except OSError as error:
        raise UserError(
            _("The file {name} cannot be read: {reason}").format(
                name=path.name, reason=error.strerror or error
            )
        ) from error
    raise UserError(
        _("Choose a CSV or Excel (.xlsx) file; {name} is neither.").format(name=path.name)
    )


def _decode(data: bytes) -> tuple[str, dict[int, str]]:
    """The text of a CSV file, and a note for each line in another encoding than the rest.

    Excel saves CSV as UTF-8 (with or without byte-order mark), as Windows-1252, or as
    UTF-16 ("Unicode text"); a file pieced together from several sources holds lines of
    both of the first two. Each line is read in the encoding it is written in, so that
    one old line does not turn every accent of the others into "Ã«".
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), {}
        except UnicodeDecodeError as error:
            raise UserError(_("The file is damaged: it cannot be read as text.")) from error
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8"), {}
    except UnicodeDecodeError:
        pass
    texts: list[str] = []
    utf8: list[int] = []
    legacy: list[int] = []
    for number, raw in enumerate(data.splitlines(keepends=True), start=1):
        try:
            texts.append(raw.decode("utf-8"))
            if not raw.isascii():
                utf8.append(number)
        except UnicodeDecodeError:
            # the five bytes Windows-1252 leaves undefined become �, refused per cell
            texts.append(raw.decode("cp1252", errors="replace"))
            legacy.append(number)
    notes: dict[int, str] = {}
    if utf8 and legacy:
        minority, note = (
            (
                legacy,
                _(
                    "This line is written in Windows-1252, the rest of the file in UTF-8; "
                    "it was read as Windows-1252. Check its names."
                ),
            )
            if len(legacy) <= len(utf8)
            else (
                utf8,
                _(
                    "This line is written in UTF-8, the rest of the file in Windows-1252; "
                    "it was read as UTF-8. Check its names."
                ),
            )
        )
        notes = dict.fromkeys(minority, note)
    return "".join(texts), notes


def _read_csv(data: bytes) -> Table:
    text, encoding_notes = _decode(data)
    first_line = text.splitlines()[0] if text else ""
    delimiter = max(";,\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    lines: list[tuple[int, tuple[object, ...]]] = []
    notes: dict[int, str] = {}
    start = 1
    try:
        for cells in reader:
            end = reader.line_num
            if not all(_blank(c) for c in cells):
                _refuse_more_rows(len(lines))
                if not all(_blank(c) for c in cells[MAX_COLUMNS:]):
                    raise _refuse_wide_line(start)
                lines.append((start, tuple(cells[:MAX_COLUMNS])))
                note = next(
                    (encoding_notes[n] for n in range(start, end + 1) if n in encoding_notes),
                    None,
                )
                if note:
                    notes[start] = note
            start = end + 1
    except csv.Error as error:  # the module's own words name no line
        raise UserError(_("Line {line} cannot be read as CSV.").format(line=start)) from error
    return _table(lines, notes)


def _refuse_more_rows(rows_so_far: int) -> None:
    """Stop reading at the first row beyond the limit (the header is not counted)."""
    if rows_so_far > MAX_ROWS:
        raise UserError(
            _(
                "The file has more than {rows} rows; at most {rows} people are imported at "
                "once. Split the file."
            ).format(rows=format_number(MAX_ROWS))
        )


def _refuse_wide_line(line: int) -> UserError:
    return UserError(
        _(
            "Line {line} has more than {columns} columns; at most {columns} are read. Remove "
            "the columns that are not needed."
        ).format(line=line, columns=MAX_COLUMNS)
    )


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


_CELL_REFERENCE = re.compile(r"^([A-Z]{1,3})([0-9]{1,7})$")


@dataclass(frozen=True)
class _Extent:
    rows: int  # the last row that holds a value
    columns: int  # the last column that holds a value


def _measure_workbook(path: Path) -> _Extent:
    """How far the first sheet's values reach, read without building it, refusing a
    workbook beyond the limits (a zip bomb: a small file that unpacks to gigabytes)."""
    with zipfile.ZipFile(path) as archive:
        parts = archive.infolist()
        if len(parts) > MAX_WORKBOOK_PARTS or (
            sum(part.file_size for part in parts) > MAX_UNPACKED_BYTES
        ):
            raise UserError(
                _(
                    "The workbook {name} unpacks to more than {megabytes} MB; a staff list "
                    "never does. Save the sheet as CSV, or copy it into a new workbook."
                ).format(name=path.name, megabytes=MAX_UNPACKED_BYTES // (1024 * 1024))
            )
        # zipfile stops at the size each part declares, so what it unpacks stays bounded
        with archive.open(_first_sheet(archive)) as stream:
            return _measure_sheet(stream)


def _first_sheet(archive: zipfile.ZipFile) -> str:
    """The path inside the workbook of its first sheet, as Excel lists them."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    sheet = next(e for e in workbook.iter() if _local(e.tag) == "sheet")
    sheet_id = next(value for name, value in sheet.attrib.items() if _local(name) == "id")
    relations = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    target = next(e.get("Target", "") for e in relations.iter() if e.get("Id") == sheet_id)
    return target.lstrip("/") if target.startswith("/") else f"xl/{target}"


@functools.lru_cache(maxsize=1024)
def _column_index(letters: str) -> int:
    return column_index_from_string(letters)


class _SheetMeasure:
    """Walks a sheet's XML with expat, keeping nothing but counts: where the values
    end, and a stop at the first row or column beyond the limits. (openpyxl builds each
    row whole before it looks at it, so a row of a million cells costs gigabytes.)"""

    def __init__(self) -> None:
        self.last_row = self.last_column = self.rows_with_values = 0
        self.row_number = self.column = 0
        self.row_has_value = False

    def start(self, name: str, attributes: dict[str, str]) -> None:
        local = name.rpartition("}")[2]
        if local == "c":
            reference = _CELL_REFERENCE.match(attributes.get("r", ""))
            self.column = _column_index(reference.group(1)) if reference else self.column + 1
            if self.column > _EXCEL_COLUMNS:
                raise ValueError("a column beyond any sheet")
        elif local in {"v", "is"}:
            if self.column > MAX_COLUMNS:
                raise _refuse_wide_line(self.row_number)
            self.row_has_value = True
            self.last_column = max(self.last_column, self.column)
        elif local == "row":
            self.end_row()
            number = attributes.get("r", "")
            self.row_number = int(number) if number.isdigit() else self.row_number + 1
            self.column, self.row_has_value = 0, False
            if self.row_number > _EXCEL_ROWS:
                raise ValueError("a row beyond any sheet")

    def end_row(self) -> None:
        if self.row_has_value:
            self.rows_with_values += 1
            self.last_row = self.row_number
            self.row_has_value = False
            _refuse_more_rows(self.rows_with_values - 1)


def _refuse_declarations(*_args: object) -> None:
    raise ValueError("a document type or entity in a workbook")  # none belongs there


def _measure_sheet(stream: IO[bytes]) -> _Extent:
    measure = _SheetMeasure()
    parser = expat.ParserCreate(namespace_separator="}")
    parser.StartElementHandler = measure.start
    # as defusedxml does: no document type, so no entity can expand to gigabytes
    parser.StartDoctypeDeclHandler = _refuse_declarations
    parser.EntityDeclHandler = _refuse_declarations
    parser.ParseFile(stream)
    measure.end_row()
    return _Extent(measure.last_row, measure.last_column)


def _read_xlsx(path: Path) -> Table:
    from openpyxl import load_workbook

    try:
        extent = _measure_workbook(path)
        workbook = load_workbook(path, read_only=True, data_only=True)
    except UserError:
        raise
    except Exception as error:  # zipfile, XML and openpyxl raise many kinds for a broken file
        raise UserError(
            _("The file {name} is not an Excel workbook that can be read.").format(name=path.name)
        ) from error
    if not extent.rows:
        raise UserError(_("The file is empty."))
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(
            min_row=1, max_row=extent.rows, min_col=1, max_col=extent.columns, values_only=True
        )
        lines = [
            (number, tuple(row))
            for number, row in enumerate(rows, start=1)
            if not all(_blank(c) for c in row)
        ]
    except Exception as error:
        raise UserError(
            _("The file {name} is not an Excel workbook that can be read.").format(name=path.name)
        ) from error
    finally:
        workbook.close()
    return _table(lines, {})


def _blank(cell: object) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _table(lines: Sequence[tuple[int, tuple[object, ...]]], notes: Mapping[int, str]) -> Table:
    lines = [(n, row) for n, row in lines if not all(_blank(c) for c in row)]
    if not lines:
        raise UserError(_("The file is empty."))
    header = lines[0][1]
    headers = tuple("" if c is None else " ".join(str(c).split()) for c in header)
    return Table(headers, tuple(lines[1:]), notes, header_line=lines[0][0])


def guess_mapping(headers: Sequence[str]) -> dict[str, int]:
    """Which column holds which field, recognised from Dutch and English headers; the
    first of two columns with a header for the same field (see ``doubled_columns``)."""
    mapping: dict[str, int] = {}
    for index, header in enumerate(headers):
        field_name = _field_of(header)
        if field_name is not None and field_name not in mapping:
            mapping[field_name] = index
    return mapping


def _field_of(header: str) -> str | None:
    key = _key(header)
    return next((name for name, aliases in _ALIASES.items() if key in aliases), None)


def doubled_columns(table: Table) -> list[Problem]:
    """A sentence for each field that more than one column's header names."""
    columns: dict[str, list[int]] = {}
    for index, header in enumerate(table.headers):
        field_name = _field_of(header)
        if field_name is not None:
            columns.setdefault(field_name, []).append(index)
    return [
        Problem(
            table.header_line,
            "",
            _("Columns {columns} are all headed {field}.").format(
                columns=format_list([column_letter(i) for i in indexes]),
                field=_(FIELDS[field_name]),
            ),
        )
        for field_name, indexes in columns.items()
        if len(indexes) > 1
    ]


def missing_required(mapping: dict[str, int]) -> list[str]:
    return [f for f in REQUIRED if f not in mapping]


def cell_problem(cell: object, *, stored: bool = True) -> str | None:
    """Why a cell cannot be read as it is, or None: too long (which hints at a missing
    quotation mark that swallowed the lines after it), and for a cell that will be stored,
    an invisible control character or bytes the file's encoding does not define."""
    if not isinstance(cell, str):
        return None
    if len(cell) > MAX_CELL_CHARACTERS:
        return _(
            "The cell holds {n} characters, more than {most}; is a closing quotation mark missing?"
        ).format(n=format_number(len(cell)), most=format_number(MAX_CELL_CHARACTERS))
    if not stored:
        return None
    unsafe = unsafe_character(cell)
    if unsafe is not None:
        return _("The cell holds the invisible control character {code}; remove it.").format(
            code=character_name(unsafe)
        )
    if REPLACEMENT in cell:
        return _(
            "The cell holds a character that cannot be read in this file's encoding: “{text}”."
        ).format(text=shortened(cell))
    return None


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
        _("“{text}” is not a date; write it like 15-03-2021.").format(text=shortened(cell)),
        field_name,
    )


def cell_text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()

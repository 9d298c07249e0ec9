"""Who holds what: the matrix of people against certificates and skills, its cells as
text and colour, made once for the window, the spreadsheet and the printed page alike."""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from werkleren_desktop.documents.overview_export import HEADER_FILL, put_value
from werkleren_desktop.documents.pdf import (
    LANDSCAPE_FRAME_WIDTH,
    Letterhead,
    grid,
    render,
    styles,
    text,
    title_block,
)
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.qualifications import LEVELS, Mark, cell_text, level_text
from werkleren_desktop.i18n import _, n_
from werkleren_desktop.services.functions import QualificationMatrix

# the colour of a cell by where its person stands, readable in black and white too (the
# cell says it in words)
GREEN, YELLOW, ORANGE, RED = "#E3F1E4", "#FFF1C6", "#FFDDB0", "#F6D3D0"
COLOURS: dict[Mark, str] = {
    Mark.VALID: GREEN,
    Mark.MET: GREEN,
    Mark.EXPIRING: YELLOW,
    Mark.GRACE: ORANGE,
    Mark.BELOW: ORANGE,
    Mark.EXPIRED: RED,
    Mark.MISSING: RED,
}
COLUMNS_PER_TABLE = 7  # certificate and skill columns side by side on a landscape page


def subject(matrix: QualificationMatrix) -> str:
    """Whose matrix: a function, a manager's team, both, or everyone in service."""
    if matrix.function and matrix.team_of:
        return _("{function} in the team of {name}").format(
            function=matrix.function, name=matrix.team_of
        )
    if matrix.function:
        return _("everyone who is {function}").format(function=matrix.function)
    if matrix.team_of:
        return _("team of {name}").format(name=matrix.team_of)
    return _("everyone in service")


def on_day(matrix: QualificationMatrix) -> str:
    """ "team of Łukasz Wójcik, on 30 November 2026"."""
    return _("{subject}, on {date}").format(subject=subject(matrix), date=format_date(matrix.today))


def _first_up(said: str) -> str:
    return said[:1].upper() + said[1:]


def legend() -> str:
    """What the colours, the bold cells and the empty ones say, and the skill levels."""
    levels = "; ".join(level_text(level) for level in LEVELS)
    return _(
        "Green: valid, or at the level required. Yellow: expires within the warning window "
        "of the settings. Orange: expired but a refresher still renews it, or below the "
        "level required. Red: expired, or missing where the function requires it. Bold: "
        "required by the person's function. An empty cell: neither required nor held. "
        "Skill levels: {levels}."
    ).format(levels=levels)


def headers(matrix: QualificationMatrix) -> list[str]:
    return [_("Name"), _("Job title"), *(c.name for c in matrix.columns)]


# --- the spreadsheet -----------------------------------------------------------------


def matrix_xlsx(matrix: QualificationMatrix) -> bytes:
    """One sheet: a row per person, a column per certificate, each cell in words and
    coloured by where the person stands; the header and names stay in view."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _("Who holds what")[:31]
    # every text through put_value: a name or job title that starts with "=" stays text
    for column, head in enumerate(headers(matrix), start=1):
        cell = sheet.cell(row=1, column=column)
        put_value(cell, head)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for line, row in enumerate(matrix.rows, start=2):
        put_value(sheet.cell(row=line, column=1), row.name)
        put_value(sheet.cell(row=line, column=2), row.job_title)
        for column, held in enumerate(row.cells, start=3):
            cell = sheet.cell(row=line, column=column)
            said = cell_text(held)
            if said:
                put_value(cell, said)
            if held.required:
                cell.font = Font(bold=True)
            colour = COLOURS.get(held.mark)
            if colour is not None:
                cell.fill = PatternFill("solid", fgColor=colour.lstrip("#"))
    for column in range(1, len(headers(matrix)) + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 30 if column <= 2 else 20
    sheet.freeze_panes = "C2"
    put_value(sheet.cell(row=len(matrix.rows) + 3, column=1), legend())
    put_value(sheet.cell(row=len(matrix.rows) + 4, column=1), _first_up(on_day(matrix)))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- the printed page -----------------------------------------------------------------


def _table(matrix: QualificationMatrix, columns: range) -> Table:
    s = styles()
    head = [_("Name"), *(matrix.columns[c].name for c in columns)]
    rows: list[list[object]] = [[Paragraph(text(h), s["cell_bold"]) for h in head]]
    for row in matrix.rows:
        name = text(row.name + (f"\n{row.job_title}" if row.job_title else ""))
        rows.append(
            [
                Paragraph(name, s["cell"]),
                *(
                    Paragraph(
                        text(cell_text(row.cells[c])),
                        s["cell_bold"] if row.cells[c].required else s["cell"],
                    )
                    for c in columns
                ),
            ]
        )
    name_width = 60 * mm
    other = (LANDSCAPE_FRAME_WIDTH - name_width) / COLUMNS_PER_TABLE
    table = Table(
        rows, colWidths=[name_width] + [other] * len(columns), repeatRows=1, hAlign="LEFT"
    )
    style = grid()
    for line, row in enumerate(matrix.rows, start=1):
        for place, column in enumerate(columns, start=1):
            colour = COLOURS.get(row.cells[column].mark)
            if colour is not None:
                style.add("BACKGROUND", (place, line), (place, line), colors.HexColor(colour))
    table.setStyle(style)
    return table


def empty_text() -> str:
    return _(
        "Nobody here holds a certificate or a skill yet, and no function of theirs requires one."
    )


def matrix_pdf(
    matrix: QualificationMatrix, organisation: str, logo_png: bytes | None, made_on: dt.date
) -> bytes:
    """The matrix on landscape pages: the certificates, then the skills, at most seven
    side by side, the next ones in a table of their own below."""
    s = styles()
    head = Letterhead(organisation, logo_png, _("Who holds what"), subject(matrix))
    story: list[Flowable] = [
        title_block(head, _("Who holds what: certificates and skills")),
        Paragraph(text(_first_up(on_day(matrix))), s["subtitle"]),
        Spacer(0, 2 * mm),
    ]
    if not matrix.columns:
        story.append(Paragraph(text(empty_text()), s["body"]))
    # the certificates' tables first, then the skills': each at most seven columns wide
    certificates = len(matrix.certificates)  # (the columns hold them first)
    for start, end in ((0, certificates), (certificates, len(matrix.columns))):
        for first in range(start, end, COLUMNS_PER_TABLE):
            columns = range(first, min(first + COLUMNS_PER_TABLE, end))
            story += [_table(matrix, columns), Spacer(0, 4 * mm)]
    story.append(Paragraph(text(legend()), s["small"]))
    story.append(
        Paragraph(
            text(n_("{n} person", "{n} people", len(matrix.rows)).format(n=len(matrix.rows))),
            s["small"],
        )
    )
    return render(head, story, made_on, landscape=True)

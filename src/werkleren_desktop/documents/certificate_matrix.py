"""Who holds which certificate: the matrix's cells as text and colour, made once for the
window, the spreadsheet and the printed page alike."""

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
from werkleren_desktop.domain.certificates import STANDING_LABELS, Standing, Status
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.i18n import _, n_
from werkleren_desktop.services.certificates import CertificateMatrix

# the colour of a cell by where its person stands, readable in black and white too (the
# cell says it in words)
COLOURS: dict[Standing, str] = {
    Standing.VALID: "#E3F1E4",
    Standing.EXPIRING: "#FFF1C6",
    Standing.GRACE: "#FFDDB0",
    Standing.EXPIRED: "#F6D3D0",
}
TYPES_PER_TABLE = 7  # certificate columns side by side on a landscape page


def cell_text(status: Status) -> str:
    """ "until 02-03-2027", "expires 30-01-2027", "refresher until …", "expired …", or
    "" where the certificate was never obtained."""
    expires = format_date(status.expires_on, "short") if status.expires_on else ""
    if status.standing is Standing.MISSING:
        return ""
    if status.standing is Standing.VALID:
        return _("until {date}").format(date=expires) if expires else _("valid")
    if status.standing is Standing.EXPIRING:
        return _("expires {date}").format(date=expires)
    if status.standing is Standing.GRACE:
        grace = format_date(status.grace_until, "short") if status.grace_until else ""
        return _("refresher until {date}").format(date=grace)
    return _("expired {date}").format(date=expires)


def subject(matrix: CertificateMatrix) -> str:
    """Whose matrix: a manager's team, or everyone in service."""
    if matrix.team_of:
        return _("team of {name}").format(name=matrix.team_of)
    return _("everyone in service")


def on_day(matrix: CertificateMatrix) -> str:
    """ "team of Łukasz Wójcik, on 30 November 2026"."""
    return _("{subject}, on {date}").format(subject=subject(matrix), date=format_date(matrix.today))


def _first_up(said: str) -> str:
    return said[:1].upper() + said[1:]


def legend() -> str:
    """What the colours say, and what an empty cell means."""
    states = ", ".join(
        _(STANDING_LABELS[state]) for state in (Standing.VALID, Standing.EXPIRING,
                                                Standing.GRACE, Standing.EXPIRED)
    )  # fmt: skip
    return _(
        "Green to red: {states}. An empty cell: never obtained. Expiring means within the "
        "warning window of the settings; in its grace period a refresher still renews a "
        "certificate."
    ).format(states=states)


def headers(matrix: CertificateMatrix) -> list[str]:
    return [_("Name"), _("Job title"), *(t.name for t in matrix.types)]


# --- the spreadsheet -----------------------------------------------------------------


def matrix_xlsx(matrix: CertificateMatrix) -> bytes:
    """One sheet: a row per person, a column per certificate, each cell in words and
    coloured by where the person stands; the header and names stay in view."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _("Certificates")[:31]
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
        for column, status in enumerate(row.cells, start=3):
            cell = sheet.cell(row=line, column=column)
            if status.standing is not Standing.MISSING:
                put_value(cell, cell_text(status))
            colour = COLOURS.get(status.standing)
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


def _table(matrix: CertificateMatrix, columns: range) -> Table:
    s = styles()
    head = [_("Name"), *(matrix.types[c].name for c in columns)]
    rows: list[list[object]] = [[Paragraph(text(h), s["cell_bold"]) for h in head]]
    for row in matrix.rows:
        rows.append(
            [
                Paragraph(text(row.name), s["cell"]),
                *(Paragraph(text(cell_text(row.cells[c])), s["cell"]) for c in columns),
            ]
        )
    name_width = 60 * mm
    other = (LANDSCAPE_FRAME_WIDTH - name_width) / TYPES_PER_TABLE
    table = Table(
        rows, colWidths=[name_width] + [other] * len(columns), repeatRows=1, hAlign="LEFT"
    )
    style = grid()
    for line, row in enumerate(matrix.rows, start=1):
        for place, column in enumerate(columns, start=1):
            colour = COLOURS.get(row.cells[column].standing)
            if colour is not None:
                style.add("BACKGROUND", (place, line), (place, line), colors.HexColor(colour))
    table.setStyle(style)
    return table


def matrix_pdf(
    matrix: CertificateMatrix, organisation: str, logo_png: bytes | None, made_on: dt.date
) -> bytes:
    """The matrix on landscape pages: at most seven certificates side by side, the next
    ones in a table of their own below."""
    s = styles()
    head = Letterhead(organisation, logo_png, _("Who holds which certificate"), subject(matrix))
    story: list[Flowable] = [
        title_block(head, _("Who holds which certificate")),
        Paragraph(text(_first_up(on_day(matrix))), s["subtitle"]),
        Spacer(0, 2 * mm),
    ]
    if not matrix.types:
        story.append(
            Paragraph(text(_("Nobody here followed a training with a certificate yet.")), s["body"])
        )
    for first in range(0, len(matrix.types), TYPES_PER_TABLE):
        columns = range(first, min(first + TYPES_PER_TABLE, len(matrix.types)))
        story += [_table(matrix, columns), Spacer(0, 4 * mm)]
    story.append(Paragraph(text(legend()), s["small"]))
    story.append(
        Paragraph(
            text(n_("{n} person", "{n} people", len(matrix.rows)).format(n=len(matrix.rows))),
            s["small"],
        )
    )
    return render(head, story, made_on, landscape=True)

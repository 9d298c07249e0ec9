"""The yearly overview as a printable PDF, an Excel workbook and a CSV file.

All three take their figures from overview_columns, like the screen does. No cell can
ever run as a formula: in the CSV a text that starts with =, +, - or @ gets a leading
apostrophe (as spreadsheets themselves show typed text), in the workbook every text is
stored as text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, MergedCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
)

from werkleren_desktop.documents.overview_columns import (
    COLUMNS,
    SCREEN_COLUMNS,
    SPLIT_COLOUR,
    Column,
    Kind,
    Value,
    euros,
    hours,
    key_figures,
    percent,
    shown,
    split_bars,
    split_frame,
    split_sentence,
    title,
    totals_note,
)
from werkleren_desktop.documents.pdf import (
    FONT,
    FONT_BOLD,
    INK,
    LANDSCAPE_FRAME_WIDTH,
    SHADE,
    Letterhead,
    fact_table,
    grid,
    plain_style,
    render,
    styles,
    text,
    title_block,
)
from werkleren_desktop.documents.table_layout import fit_columns
from werkleren_desktop.domain.constants import (
    SituationKind,
)
from werkleren_desktop.domain.situations import KIND_SHORT_LABELS
from werkleren_desktop.domain.training import (
    FORM_LABELS,
    TRAINING_STATUS_LABELS,
    budget_context,
)
from werkleren_desktop.i18n import _
from werkleren_desktop.services.overview import YearOverview
from werkleren_desktop.services.training import TrainingRow

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
EURO_FORMAT = '"€" #,##0.00'
HOURS_FORMAT = "#,##0.0"
PERCENT_FORMAT = '0.0" %"'
DATE_FORMAT = "dd-mm-yyyy"


def inert(value: str) -> str:
    """Text that a spreadsheet shows as text and never runs as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


# --- CSV ------------------------------------------------------------------------------


def overview_csv(overview: YearOverview) -> bytes:
    """As Dutch Excel opens it by double-clicking: semicolons, decimal commas, UTF-8
    with a byte-order mark. One row per person, then the organisation's totals."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([inert(title(c)) for c in COLUMNS])
    for row in (*overview.rows, overview.total):
        writer.writerow([_csv_value(c.value(row)) for c in COLUMNS])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _csv_value(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return str(value).replace(".", ",")
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, int):
        return str(value)
    return inert(str(value))


# --- XLSX -----------------------------------------------------------------------------

HEADER_FILL = PatternFill("solid", fgColor="EEF1F4")


def put_value(cell: Cell | MergedCell, value: Value, kind: Kind = Kind.TEXT) -> None:
    """A value in a cell as what it is: text stays text (never a formula, whatever it
    starts with; characters a sheet cannot hold left out), figures get their format."""
    if isinstance(cell, MergedCell):  # the sheets merge no cells; a guard for the types
        return
    if isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"  # text stays text, even "=SUM(...)"
        return
    cell.value = value
    if kind is Kind.EURO:
        cell.number_format = EURO_FORMAT
    elif kind is Kind.HOURS:
        cell.number_format = HOURS_FORMAT
    elif kind is Kind.PERCENT:
        cell.number_format = PERCENT_FORMAT
    elif kind is Kind.DATE:
        cell.number_format = DATE_FORMAT


def _table_sheet(
    sheet: Worksheet, headers: Sequence[str], rows: Sequence[Sequence[tuple[Value, Kind]]]
) -> None:
    """A header row that stays in view, an autofilter, and columns wide enough."""
    for index, header in enumerate(headers, start=1):
        cell = sheet.cell(row=1, column=index)
        put_value(cell, header, Kind.TEXT)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row_number, row in enumerate(rows, start=2):
        for index, (value, kind) in enumerate(row, start=1):
            put_value(sheet.cell(row=row_number, column=index), value, kind)
    sheet.freeze_panes = "B2"
    last = get_column_letter(len(headers))
    sheet.auto_filter.ref = f"A1:{last}{max(1, len(rows)) + 1}"
    for index, header in enumerate(headers, start=1):
        cells = (len(_csv_value(row[index - 1][0])) for row in rows)
        widest = max([len(header) * 0.8, *cells])
        sheet.column_dimensions[get_column_letter(index)].width = min(45, max(9, widest + 2))
    sheet.row_dimensions[1].height = 32


def _note(sheet: Worksheet, row: int, note: str, *, columns: int, width: float) -> None:
    """A remark across ``columns`` cells (``width`` characters wide together), wrapped
    in its row instead of running on past the printed page."""
    put_value(sheet.cell(row=row, column=1), note, Kind.TEXT)
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
    sheet.cell(row=row, column=1).alignment = Alignment(wrap_text=True, vertical="top")
    lines = -(-len(note) // int(width * 1.1))  # about 1.1 characters per unit of width
    sheet.row_dimensions[row].height = 15 * lines + 3


def overview_xlsx(overview: YearOverview, trainings: Sequence[TrainingRow]) -> bytes:
    """A summary sheet, a sheet per person and a sheet with every training."""
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = _("Summary")[:31]
    put_value(
        summary["A1"], _("Yearly learning overview {year}").format(year=overview.year), Kind.TEXT
    )
    summary["A1"].font = Font(bold=True, size=14)
    put_value(summary["A2"], overview.organisation, Kind.TEXT)
    figures = key_figures(overview)
    for number, figure in enumerate(figures, start=4):
        put_value(summary.cell(row=number, column=1), figure.label, Kind.TEXT)
        put_value(summary.cell(row=number, column=2), figure.value, figure.kind)
    summary.column_dimensions["A"].width = 42
    summary.column_dimensions["B"].width = 16
    notes = (
        totals_note(),
        split_frame(),
        budget_context(),
    )
    for number, note in enumerate(notes, start=len(figures) + 5):
        _note(summary, number, note, columns=2, width=42 + 16)
    summary.page_setup.fitToWidth = 1

    people = book.create_sheet(_("Per person")[:31])
    _table_sheet(
        people,
        [title(c) for c in COLUMNS],
        [[(c.value(r), c.kind) for c in COLUMNS] for r in (*overview.rows, overview.total)],
    )
    for cell in people[people.max_row]:
        cell.font = Font(bold=True)
    people.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{people.max_row - 1}"
    _note(people, people.max_row + 2, totals_note(), columns=8, width=110)
    people.page_setup.orientation = "landscape"
    people.page_setup.fitToWidth = 1
    people.page_setup.fitToHeight = 0
    people.sheet_properties.pageSetUpPr.fitToPage = True
    people.print_title_rows = "1:1"

    training_sheet = book.create_sheet(_("Trainings")[:31])
    headers = [
        _("Name"), _("Title"), _("Provider"), _("Form"), _("Starts on"), _("Ends on"), _("Hours"),
        _("Cost"), _("Required for the job"), _("In working time"), _("Status"),
        _("Certificate"), _("Expires"), _("Study-cost agreement"),
    ]  # fmt: skip
    yes, no = _("yes"), _("no")
    _table_sheet(
        training_sheet,
        headers,
        [
            [
                (t.person_name, Kind.TEXT),
                (t.title, Kind.TEXT),
                (t.provider, Kind.TEXT),
                (_(FORM_LABELS[t.form]), Kind.TEXT),
                (t.starts_on, Kind.DATE),
                (t.ends_on, Kind.DATE),
                (hours(t.minutes), Kind.HOURS),
                (euros(t.cost_cents), Kind.EURO),
                (yes if t.required else no, Kind.TEXT),
                (yes if t.in_working_time else no, Kind.TEXT),
                (_(TRAINING_STATUS_LABELS[t.status]), Kind.TEXT),
                (t.certificate, Kind.TEXT),
                (t.certificate_expires_on, Kind.DATE),
                (yes if t.study_cost_agreement else no, Kind.TEXT),
            ]
            for t in trainings
        ],
    )
    book.properties.creator = "Werkleren Desktop"
    book.properties.title = _("Yearly learning overview {year}").format(year=overview.year)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- PDF ------------------------------------------------------------------------------


def _split_chart(overview: YearOverview, width: float) -> Drawing:
    """Logged learning hours in work situations, week cycles and training, a bar each."""
    labels, values = split_bars(overview)
    drawing = Drawing(width, 48 * mm)
    drawing.add(String(0, 44 * mm, _("Learning hours logged"), fontName=FONT_BOLD, fontSize=9))
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 28 * mm, 4 * mm, width - 40 * mm, 36 * mm
    chart.data = [values]
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.reverseDirection = True
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.bars[0].fillColor = colors.HexColor(SPLIT_COLOUR)
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%.0f"
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    drawing.add(chart)
    return drawing


def _kinds_chart(overview: YearOverview, width: float) -> Drawing:
    drawing = Drawing(width, 48 * mm)
    drawing.add(String(0, 44 * mm, _("Situations by kind"), fontName=FONT_BOLD, fontSize=9))
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 10 * mm, 8 * mm, width - 14 * mm, 32 * mm
    chart.data = [[overview.total.situations_by_kind.get(k, 0) for k in SituationKind]]
    chart.categoryAxis.categoryNames = [_(KIND_SHORT_LABELS[k]) for k in SituationKind]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.bars[0].fillColor = colors.HexColor("#9aa5b1")
    chart.bars[0].strokeColor = None
    drawing.add(chart)
    return drawing


DENSE_PADDING = 3.5  # points each side: thirteen columns on a landscape page
ROOM_FOR_HEADING = 55 * mm  # the heading, its explanation, the header and a few rows


def _person_table(overview: YearOverview) -> Table:
    """The table per person, laid out so that every header word and figure fits; the
    header repeats on every page, the organisation's totals last, in bold."""
    columns: tuple[Column, ...] = SCREEN_COLUMNS
    body = [[shown(c.value(r), c.kind) for c in columns] for r in (*overview.rows, overview.total)]
    last = len(body)
    layout = fit_columns(
        [title(c) for c in columns],
        body,
        LANDSCAPE_FRAME_WIDTH,
        flexible=0,
        flexible_at_least=40 * mm,
        bold_rows=[last - 1],
        padding=DENSE_PADDING,
    )
    rows: list[list[object]] = [list(layout.header([title(c) for c in columns]))]
    for number, values in enumerate(body, start=1):
        rows.append([layout.wrapping(values[0], bold=number == last), *values[1:]])
    table = Table(rows, colWidths=layout.widths, repeatRows=1)
    style = layout.style(grid())
    style.add("VALIGN", (0, 0), (-1, 0), "BOTTOM")
    for index, column in enumerate(columns):
        if column.kind is not Kind.TEXT:
            style.add("ALIGN", (index, 1), (index, -1), "RIGHT")
    style.add("FONTNAME", (0, last), (-1, last), FONT_BOLD)
    style.add("BACKGROUND", (0, last), (-1, last), SHADE)
    style.add("LINEABOVE", (0, last), (-1, last), 1, INK)
    table.setStyle(style)
    return table


def overview_pdf(overview: YearOverview, made_on: dt.date) -> bytes:
    s = styles()
    head = Letterhead(
        overview.organisation,
        overview.logo_png,
        _("Yearly learning overview {year}").format(year=overview.year),
    )
    figures = [(f.label, shown(f.value, f.kind)) for f in key_figures(overview)]
    half = (len(figures) + 1) // 2
    left = fact_table(figures[:half], 70 * mm)
    right = fact_table(figures[half:], 70 * mm)
    columns = Table([[left, right]], colWidths=[125 * mm, 125 * mm])
    columns.setStyle(plain_style([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    split_text = (
        split_sentence(overview, lambda share: shown(percent(share), Kind.HOURS))
        + " "
        + split_frame()
    )
    charts = Table(
        [[_split_chart(overview, 120 * mm), _kinds_chart(overview, 110 * mm)]],
        colWidths=[130 * mm, 120 * mm],
    )
    story: list[Flowable] = [
        title_block(head, _("Yearly learning overview {year}").format(year=overview.year)),
        Paragraph(text(overview.organisation), s["subtitle"]),
        Spacer(0, 3 * mm),
        columns,
        Spacer(0, 2 * mm),
        KeepTogether([charts, Paragraph(text(split_text), s["small"])]),
        Paragraph(
            _("Budget used: {used}.").format(
                used=shown(percent(overview.total.budget_used), Kind.PERCENT) or "—"
            )
            + " "
            + budget_context(),
            s["small"],
        ),
        # the heading never stands alone at the foot of a page: with room for a few
        # of the table's rows, or on the next page
        CondPageBreak(ROOM_FOR_HEADING),
        Paragraph(_("Per person"), s["heading"]),
        Paragraph(
            _(
                "Everyone employed at some point in {year}, also those with nothing "
                "logged. A training counts in the year it starts."
            ).format(year=overview.year),
            s["small"],
        ),
        Spacer(0, 2 * mm),
        _person_table(overview),
        Spacer(0, 2 * mm),
        Paragraph(text(totals_note()), s["small"]),
    ]
    return render(head, story, made_on, landscape=True)


EXPORT_FORMATS = ("pdf", "xlsx", "csv")


def export_overview(
    overview: YearOverview, kind: str, made_on: dt.date, trainings: Sequence[TrainingRow]
) -> bytes:
    """The overview in one of EXPORT_FORMATS: what the CLI and the window write. The
    workbook lists every training of the year (``services.overview.year_trainings``)."""
    if kind == "pdf":
        return overview_pdf(overview, made_on)
    if kind == "xlsx":
        return overview_xlsx(overview, trainings)
    if kind == "csv":
        return overview_csv(overview)
    raise ValueError(kind)

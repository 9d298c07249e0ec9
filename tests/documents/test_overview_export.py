"""The yearly overview's exports, opened again and compared with the domain figures."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from tests.conftest import TODAY
from werkleren_desktop.db.models import SituationKind, TrainingForm, TrainingStatus
from werkleren_desktop.documents.overview_columns import COLUMNS, SCREEN_COLUMNS, title
from werkleren_desktop.documents.overview_export import (
    overview_csv,
    overview_pdf,
    overview_xlsx,
)
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.domain.situations import SituationInput
from werkleren_desktop.domain.training import TrainingInput
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.overview import YearOverview, year_overview, year_trainings
from werkleren_desktop.services.people import save_person
from werkleren_desktop.services.situations import save_situation
from werkleren_desktop.services.training import save_training
from werkleren_desktop.storage.data_store import DataStore

D = dt.date
SNEAKY = '=HYPERLINK("http://x";"klik")'


@pytest.fixture
def overview(store: DataStore) -> YearOverview:
    create_organisation(store.sessions, OrganisationSettings(name="Bakkerij Zoë & Co"))
    anna = save_person(store.sessions, PersonInput("Anna", "de Wit", D(2015, 1, 1)), TODAY)
    sneaky = save_person(
        store.sessions, PersonInput("Piet", "Plus", D(2020, 1, 1), job_title=SNEAKY), TODAY
    )
    save_person(store.sessions, PersonInput("@Kees", "-Min", D(2020, 1, 1)), TODAY)
    save_situation(
        store.sessions,
        SituationInput(D(2025, 3, 4), "Oven", SituationKind.IMPROVE, (anna, sneaky), minutes=90),
        TODAY,
    )
    save_training(
        store.sessions,
        TrainingInput(
            (anna,), "+BHV herhaling", TrainingForm.COURSE, D(2025, 4, 1), D(2025, 4, 1),
            450, 45050, required=True, status=TrainingStatus.DONE, certificate="BHV",
            certificate_expires_on=D(2026, 4, 1),
        ),
        TODAY,
    )  # fmt: skip
    return year_overview(store.sessions, 2025)


def test_the_workbook(overview: YearOverview, store: DataStore) -> None:
    trainings = year_trainings(store.sessions, 2025)
    book = openpyxl.load_workbook(io.BytesIO(overview_xlsx(overview, trainings)))
    assert book.sheetnames == ["Samenvatting", "Per persoon", "Opleidingen"]
    people = book["Per persoon"]
    assert people.freeze_panes == "B2" and people.auto_filter.ref.startswith("A1:")
    headers = [cell.value for cell in people[1]]
    assert headers[:3] == ["Naam", "Functie", "Leidinggevende"]
    by_name = {row[0].value: row for row in people.iter_rows(min_row=2)}
    anna = next(r for r in overview.rows if r.name == "Anna de Wit")
    cells = by_name["Anna de Wit"]
    for column, cell in zip(COLUMNS, cells, strict=True):
        value = column.value(anna)
        if isinstance(value, Decimal):
            assert Decimal(str(cell.value)) == value, column.key
        elif isinstance(value, dt.date):
            assert isinstance(cell.value, dt.datetime) and cell.value.date() == value, column.key
        elif value:  # an empty text is an empty cell
            assert cell.value == value, column.key
    cost = cells[headers.index("Kosten")]
    assert cost.value == Decimal("450.50") or cost.value == 450.5
    assert (
        "€" in cost.number_format
        and cells[headers.index("In dienst")].number_format == "dd-mm-yyyy"
    )
    # a text that looks like a formula stays text
    job = by_name["Piet Plus"][1]
    assert job.data_type == "s" and job.value == SNEAKY
    # one situation of two people is one situation; their 90 minutes are 3 person-hours
    total = by_name["Organisatie"]
    assert total[headers.index("Situaties")].value == 1
    assert Decimal(str(total[headers.index("Uren in het werk")].value)) == Decimal("3.0")
    assert total[headers.index("In dienst")].value is None  # no date in the totals row
    assert cells[headers.index("Uren in het werk")].number_format == "#,##0.0"
    # the remark under the table wraps in merged cells instead of running off the page
    note = people.cell(row=people.max_row, column=1)
    assert str(note.value).startswith("In de totaalrij telt elke situatie")
    assert note.alignment.wrap_text and any(
        r.min_row == note.row for r in people.merged_cells.ranges
    )
    assert people.page_setup.orientation == "landscape"
    listed = book["Opleidingen"]
    assert listed["B2"].value == "+BHV herhaling" and listed["B2"].data_type == "s"
    summary = {row[0].value: row[1].value for row in book["Samenvatting"].iter_rows(min_row=4)}
    assert summary["Mensen in dienst in het jaar"] == 3
    assert summary["Budget gebruikt"] == 0  # the only training is required: not charged


def test_the_csv_opens_in_dutch_excel(overview: YearOverview) -> None:
    data = overview_csv(overview)
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    header, *body, total = rows
    assert header[0] == "Naam" and total[0] == "Organisatie"
    anna = next(r for r in body if r[0] == "Anna de Wit")
    assert anna[header.index("Kosten")] == "450,50"
    assert anna[header.index("Uren in het werk")] == "1,5"
    assert anna[header.index("In dienst")] == "01-01-2015"
    # nothing can run as a formula
    for row in rows:
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row)
    kees = next(r for r in body if r[0].startswith("'@Kees"))
    assert kees[0] == "'@Kees -Min"
    piet = next(r for r in body if r[0] == "Piet Plus")
    assert piet[1] == "'" + SNEAKY
    assert total[header.index("Situaties")] == str(overview.total.situations) == "1"
    assert total[header.index("In dienst")] == "" and total[header.index("Uit dienst")] == ""


def test_the_pdf_reads_back(overview: YearOverview) -> None:
    reader = PdfReader(io.BytesIO(overview_pdf(overview, TODAY)))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for expected in (
        "Jaaroverzicht leren 2025",
        "Bakkerij Zoë & Co",
        "Anna de Wit",
        "Piet Plus",
        "€ 450,50",
        "Organisatie",
        "70:20:10",
        f"pagina 1 van {len(reader.pages)}",
    ):
        assert expected in text, expected
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # landscape
    # every header word whole (never "Raadpl eginge n"), the totals explained
    words = set(text.split())
    for column in SCREEN_COLUMNS:
        for word in title(column).split():
            assert word in words, word
    assert "In de totaalrij telt elke situatie, raadpleging en sessie één keer" in text
    assert "Persoonsuren leren in het werk 3,0" in text


def test_big_figures_fit_their_columns() -> None:
    """Every header word and every figure, also the totals of a large organisation, fits
    its column with room on both sides."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from werkleren_desktop.documents.pdf import FONT, FONT_BOLD, LANDSCAPE_FRAME_WIDTH
    from werkleren_desktop.documents.table_layout import fit_columns

    titles = [title(c) for c in SCREEN_COLUMNS]
    person = ["Zoë van den Berg-IJzerman", "18", "14,3", "16", "16,0", "7", "2", "20,0",
              "€ 1.478,00", "€ 750,00", "197,1 %", "2", "0"]  # fmt: skip
    totals = ["Organisatie", "12.345", "12.345,6", "4.321", "9.876,5", "3.210", "543",
              "23.456,7", "€ 338.421,02", "€ 246.200,00", "137,5 %", "456", "321"]  # fmt: skip
    layout = fit_columns(titles, [person] * 250 + [totals], LANDSCAPE_FRAME_WIDTH,
                         flexible_at_least=40 * mm, bold_rows=[250], padding=3.5)  # fmt: skip
    assert sum(layout.widths) <= LANDSCAPE_FRAME_WIDTH + 0.01
    for column, width in enumerate(layout.widths[1:], start=1):
        room = width - 2 * layout.padding
        assert stringWidth(totals[column], FONT_BOLD, layout.body_size) < room
        for word in titles[column].split():
            assert stringWidth(word, FONT_BOLD, layout.header_size) < room, word
    assert layout.widths[0] >= 40 * mm and FONT

"""The printed attendance list, read back as text, and its pages looked at in numbers."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from werkleren_desktop.documents.attendance_list import (
    GUEST_ROWS,
    NAME_COLUMN,
    SIGNATURE_ROW,
    AttendanceListData,
    ListSession,
    attendance_list_pdf,
    signature_table,
)
from werkleren_desktop.documents.pdf import CELL_PADDING, CELL_SIDE_PADDING, FRAME_WIDTH, styles

TODAY = dt.date(2026, 11, 28)

MEMBERS = ("Łukasz Wójcik", "Şükrü Yılmaz", "Zoë van den Berg-IJzerman", "IJsbrand de Vries")


def data(members: tuple[str, ...] = MEMBERS) -> AttendanceListData:
    start = dt.datetime(2026, 11, 30, 15)
    return AttendanceListData(
        organisation="Bakkerij De Korenschoof",
        logo_png=None,
        group="Brood & banket",
        expert="Marloes de Haan",
        sessions=tuple(
            ListSession(
                start + dt.timedelta(days=n - 1),
                60,
                "Leerlokaal",
                f"Thema {n}",
                cancelled=n == 4,
            )
            for n in range(1, 5)
        ),
        members=members,
    )


def text_of(pdf: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(text.split()), len(reader.pages)  # lines wrap inside table cells


def test_the_list_holds_names_dates_times_and_signature_room() -> None:
    text, pages = text_of(attendance_list_pdf(data(), dt.date(2026, 11, 28)))
    assert pages == 1
    for expected in (
        "Presentielijst vitale weekcyclus",
        "Bakkerij De Korenschoof",
        "Brood & banket",
        "Marloes de Haan",
        "maandag 30 november 2026",
        "15:00–16:00",
        "Leerlokaal",
        "Thema 1",
        "afgezegd",
        "Handtekeningen",
        "Dag 1 30-11-2026",
        "Handtekening begeleider of leidinggevende",
        "pagina 1 van 1",
        *MEMBERS,
    ):
        assert expected in text, expected


def test_a_long_list_flows_onto_the_next_page_with_its_header() -> None:
    many = tuple(f"Medewerker {i:02}" for i in range(40))
    text, pages = text_of(attendance_list_pdf(data(many), dt.date(2026, 11, 28)))
    assert pages >= 2
    assert f"pagina {pages} van {pages}" in text
    # the signature table repeats its header row on every page it runs onto
    assert text.count("Naam Dag 1 30-11-2026") == pages
    assert "Medewerker 39" in text


def test_columns_follow_the_dates_and_a_cancelled_day_has_none() -> None:
    """The first session moved after the others: it is day 4 now, and day 3 is cancelled."""
    start = dt.datetime(2026, 11, 30, 15)
    sessions = (
        ListSession(start + dt.timedelta(days=4), 60, "Leerlokaal", "Kies", cancelled=False),
        ListSession(start + dt.timedelta(days=1), 60, "Leerlokaal", "Analyseer", cancelled=False),
        ListSession(start + dt.timedelta(days=2), 60, "Leerlokaal", "Verbeter", cancelled=False),
        ListSession(start + dt.timedelta(days=3), 60, "Leerlokaal", "Terugblik", cancelled=True),
    )
    text, pages = text_of(attendance_list_pdf(replace(data(), sessions=sessions), TODAY))
    assert pages == 1
    assert "Naam Dag 1 01-12-2026 Dag 2 02-12-2026 Dag 4 04-12-2026 Łukasz Wójcik" in text
    assert "Dag 3 03-12-2026" not in text
    assert "Dag 3 (donderdag 3 december 2026) is afgezegd; daarvoor is geen kolom." in text
    # the sessions in date order, the cancelled one marked as such
    assert (
        "1 dinsdag 1 december 2026 15:00–16:00 Leerlokaal Analyseer "
        "2 woensdag 2 december 2026 15:00–16:00 Leerlokaal Verbeter "
        "3 donderdag 3 december 2026 15:00–16:00 Leerlokaal afgezegd – Terugblik "
        "4 vrijdag 4 december 2026 15:00–16:00 Leerlokaal Kies"
    ) in text


def test_a_cancelled_cycle_has_nothing_to_sign() -> None:
    cancelled = tuple(replace(s, cancelled=True) for s in data().sessions)
    text, _pages = text_of(attendance_list_pdf(replace(data(), sessions=cancelled), TODAY))
    assert "Deze weekcyclus is afgezegd; er valt niets te tekenen." in text
    assert "Naam" not in text and "Handtekening begeleider" not in text


def test_a_long_name_wraps_and_its_row_grows_with_room_to_sign() -> None:
    long_name = (
        "Anna-Maria Wilhelmina Theodora van der Heijden-Vermeulen tot Oud-Beijerland "
        "en Sint-Maartensdijk"
    )
    held = [(n, s) for n, s in enumerate(data().sessions, start=1) if not s.cancelled]
    table = signature_table(("Jan Bos", long_name), held, FRAME_WIDTH)
    table.wrap(FRAME_WIDTH, 800)
    _header, short, long, *guests = table._rowHeights  # reportlab's computed heights
    name = Paragraph(long_name, styles()["cell"])
    _width, text_height = name.wrap(NAME_COLUMN - 2 * CELL_SIDE_PADDING, 800)
    assert text_height >= 3 * styles()["cell"].leading  # three lines or more
    assert long >= text_height + 2 * CELL_PADDING + 2 * mm  # room, not up to the border
    assert short == SIGNATURE_ROW and guests == [SIGNATURE_ROW] * GUEST_ROWS
    # the whole table fits the page's width, whatever the number of sessions
    assert sum(table._colWidths) == pytest.approx(FRAME_WIDTH)
    text, _pages = text_of(attendance_list_pdf(replace(data(), members=(long_name,)), TODAY))
    assert "Anna-Maria Wilhelmina Theodora van der" in text and "Sint-Maartensdijk" in text


def test_every_header_of_the_sessions_fits_its_column() -> None:
    """'Leeromgeving' (the article's word for a cycle's place) ran into 'Thema'."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from werkleren_desktop.documents.attendance_list import _sessions_table
    from werkleren_desktop.documents.pdf import CELL_SIDE_PADDING, FONT_BOLD, register_fonts

    register_fonts()
    table = _sessions_table([])
    headers = [cell.text for cell in table._cellvalues[0]]
    assert "Leeromgeving" in headers
    for header, width in zip(headers, table._colWidths, strict=True):
        widest = max(stringWidth(w, FONT_BOLD, 9) for w in header.split())
        assert widest + 2 * CELL_SIDE_PADDING <= width, header

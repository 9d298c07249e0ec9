"""The printed attendance list, read back as text, and its pages looked at in numbers."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from werkleren_desktop.documents.attendance_list import (
    AttendanceListData,
    ListSession,
    attendance_list_pdf,
)

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
                n,
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

"""Every printed form read back with pypdf: header words whole, names in every script
in the text layer, fonts embedded, the metadata complete, headings and signatures
with what they belong to, and a very long name kept inside the page's header."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.platypus import Flowable, Paragraph

from tests.conftest import TODAY
from tests.documents.test_conversation_form import ORGANISATION, agreement, view
from werkleren_desktop.db.models import SignMark
from werkleren_desktop.documents.attendance_list import (
    AttendanceListData,
    ListSession,
    attendance_list_pdf,
)
from werkleren_desktop.documents.conversation_form import preparation_pdf, record_pdf
from werkleren_desktop.documents.pdf import FALLBACK_FONT, Letterhead, render, styles, text
from werkleren_desktop.documents.scan_documents import scan_form_pdf
from werkleren_desktop.documents.session_guide import session_guide_pdf
from werkleren_desktop.domain.conversations import SECTION_KEYS, Signature
from werkleren_desktop.domain.cycles import GuideDay, MethodRow, SessionGuideData

NAMES = {
    "Chinese": "王小明",
    "Japanese": "さくら 山田",
    "Korean": "김민준",
    "Vietnamese": "Nguyễn Thị Minh Khai",
    "Greek": "Ἀλέξανδρος Παπαδόπουλος",
    "Cyrillic": "Дмитрий Иванов",
    "Hindi": "अनन्या शर्मा",  # no font here has it: at least in the text layer
    "Thai": "สมชาย ใจดี",
}
# a surname of about 150 characters, as the person's record allows
LONG_SURNAME = "van der " + "Oldenbarnevelt tot Wijngaarden-Gansevoort " * 3 + "van Ende"


def read(pdf: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def attendance(members: tuple[str, ...]) -> bytes:
    start = dt.datetime(2026, 11, 30, 15)
    sessions = tuple(
        ListSession(start + dt.timedelta(days=n), 60, "Leerlokaal", f"Thema {n}", False)
        for n in range(4)
    )
    data = AttendanceListData("Bakkerij", None, "Brood", "", sessions, members)
    return attendance_list_pdf(data, TODAY)


def guide_data(**changes: Any) -> SessionGuideData:
    start = dt.datetime(2026, 11, 30, 15)
    method = MethodRow(
        1, "Doordenken met AI", "In tweetallen.", True, True, "Samen achter één scherm"
    )
    days = tuple(
        GuideDay(
            n + 1, start + dt.timedelta(days=n), 60, "Leerlokaal", f"Thema {n}", method, "", False
        )
        for n in range(4)
    )
    fields: dict[str, Any] = {
        "organisation": "Thuiszorg De Linde",
        "logo_png": None,
        "group": "Wondzorg",
        "expert": "",
        "question": "Hoe voorkomen we dat een wond weer opengaat?",
        "situations": ("Wond geneest niet",),
        "days": days,
    }
    return SessionGuideData(**(fields | changes))


FORMS: dict[str, Callable[[str], bytes]] = {
    "preparation": lambda name: preparation_pdf(ORGANISATION, view(person_name=name), TODAY),
    "record": lambda name: record_pdf(
        ORGANISATION,
        view(
            person_name=name,
            held_on=dt.date(2026, 11, 20),
            notes=dict.fromkeys(SECTION_KEYS, "Goed gesprek."),
            agreements=(agreement("Leerling begeleiden"),),
            professional_signature=Signature(name, dt.date(2026, 11, 21), SignMark.AGREED),
        ),
        TODAY,
    ),
    "attendance": lambda name: attendance((name, "Jan Bos")),
    "session guide": lambda name: session_guide_pdf(guide_data(expert=name), TODAY),
}


@pytest.mark.parametrize("form", sorted(FORMS))
@pytest.mark.parametrize("script", sorted(NAMES))
def test_names_in_every_script_are_in_the_text(form: str, script: str) -> None:
    name = NAMES[script]
    _reader, content = read(FORMS[form](name))
    for part in name.split():
        assert part in content, (script, part)


def test_chinese_japanese_and_korean_are_drawn_with_an_embedded_font() -> None:
    reader, _content = read(FORMS["record"](NAMES["Chinese"] + " " + NAMES["Korean"]))
    fonts: dict[str, bool] = {}
    for page in reader.pages:
        resources: Any = page["/Resources"]
        for reference in resources["/Font"].values():
            font = reference.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            fonts[str(font["/BaseFont"])] = embedded
    assert any(FALLBACK_FONT in name for name in fonts), fonts
    assert all(fonts.values()), fonts  # every font embedded, no bare Helvetica
    assert not any("Helvetica" in name for name in fonts)


def test_header_words_are_whole() -> None:
    _reader, form = read(scan_form_pdf("Bakkerij", None, TODAY, "Teamsessie"))
    _reader, record = read(FORMS["record"]("Anna de Wit"))
    _reader, listed = read(FORMS["attendance"]("Anna de Wit"))
    for content, headers in (
        (form, ("Nr.", "n.v.t.", "Bestaand perspectief (1)", "Duurzaam perspectief (5)")),
        (record, ("Wat", "Wie", "Klaar op")),
        (listed, ("Dag", "Datum", "Tijd", "Leeromgeving", "Thema", "Naam")),
    ):
        words = set(content.split())
        for header in headers:
            for word in header.split():
                assert word in words, word


def test_the_metadata_is_complete() -> None:
    reader, _content = read(FORMS["record"]("Anna de Wit"))
    info = reader.metadata
    assert info is not None
    assert info.title == "Talentontwikkelgesprek · verslag Anna de Wit"
    assert info.subject == "Anna de Wit"
    assert info.author == ORGANISATION.name
    catalog: Any = reader.trailer["/Root"]
    assert catalog["/Lang"] == "nl-NL"
    reader, _content = read(scan_form_pdf("Bakkerij", None, TODAY))
    assert reader.metadata is not None and reader.metadata.subject == "Waar staan we?"


def test_a_long_surname_stays_inside_the_header() -> None:
    """The header's right half shrinks and then shortens a name; the name is whole in
    the form itself, where it wraps."""
    name = f"Anna {LONG_SURNAME}"
    reader, content = read(FORMS["preparation"](name))
    assert len(LONG_SURNAME) >= 140 and name in content
    first_page = reader.pages[0]
    width = float(first_page.mediabox.width)
    pieces: list[tuple[float, str]] = []

    def visitor(value: str, _cm: object, tm: list[float], _fonts: object, _size: float) -> None:
        if value.strip():
            pieces.append((tm[4], value))

    first_page.extract_text(visitor_text=visitor)
    header = [x for x, value in pieces if "Talentontwikkelgesprek · voorbereiding" in value]
    assert header, pieces[:5]
    assert min(header) >= width / 2  # the right half only, clear of the organisation
    assert any("…" in value for _x, value in pieces)


def test_a_heading_never_ends_a_page() -> None:
    """Enough paragraphs that a heading would land at a page's foot: it moves along."""
    s = styles()
    head = Letterhead("Bakkerij", None, "Test")
    story: list[Flowable] = []
    for number in range(40):
        story.append(Paragraph(text(f"Kop {number}"), s["heading"]))
        story.append(Paragraph(text("Tekst. " * (30 + number % 7)), s["body"]))
    reader, _content = read(render(head, story, TODAY))
    for page in reader.pages:
        lines = [line for line in page.extract_text().splitlines() if line.strip()]
        body = [line for line in lines if not line.startswith(("Bakkerij", "Gemaakt op"))]
        assert not body[-1].startswith("Kop "), body[-3:]


@pytest.mark.parametrize("sentences", range(10, 90, 8))
def test_the_signatures_stay_with_the_agreements(sentences: int) -> None:
    """Whatever the length of the notes, the page with the signatures also holds the
    agreements they sign: never a page of signatures alone."""
    pdf = record_pdf(
        ORGANISATION,
        view(
            held_on=dt.date(2026, 11, 20),
            notes=dict.fromkeys(SECTION_KEYS, "Goed gesprek. " * sentences),
            agreements=(agreement("Leerling begeleiden"), agreement("VCA halen")),
        ),
        TODAY,
    )
    reader, _content = read(pdf)
    texts = [" ".join(page.extract_text().split()) for page in reader.pages]
    signed = [page for page in texts if "Handtekeningen" in page]
    assert len(signed) == 1
    assert "Wat Wie Klaar op" in signed[0] and "VCA halen" in signed[0]


def test_the_scan_form_prints_the_culture_traits_in_the_articles_own_words() -> None:
    _reader, form = read(scan_form_pdf("Bakkerij", None, TODAY, "Teamsessie"))
    flat = " ".join(form.split())
    for trait, words in (
        ("Fouten zien als leermomenten", "In plaats van fouten te bestraffen, worden ze in een"),
        ("Feedback als kernonderdeel", "maar als een tweerichtingsproces waarbij iedereen"),
        ("Proactieve houding", "verandering gezien als een kans in plaats van een bedreiging"),
    ):
        assert trait in flat and words in flat, trait

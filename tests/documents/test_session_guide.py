"""The printed session guide of a week cycle, read back with pypdf: a page per day
with the question, the day's working method and room for notes."""

from __future__ import annotations

import dataclasses
import io

from pypdf import PdfReader

from tests.conftest import TODAY
from tests.documents.test_printed_forms import guide_data
from werkleren_desktop.documents.session_guide import session_guide_pdf


def pages(pdf: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def test_a_page_per_day_with_question_method_and_room_for_notes() -> None:
    read = pages(session_guide_pdf(guide_data(expert="Marloes de Haan"), TODAY))
    assert len(read) == 4
    for number, page in enumerate(read, start=1):
        assert f"Vitale weekcyclus, dag {number} van 4" in page
        assert "Hoe voorkomen we dat een wond weer opengaat?" in page
        assert "Uit het leerlogboek: Wond geneest niet" in page
        assert "Doordenken met AI" in page and "In tweetallen." in page
        assert "Met AI als hulpmiddel, en met de collega of expert op afroep." in page
        assert "Vitaliteit en zingeving: Samen achter één scherm" in page
        assert "Op afroep Marloes de Haan" in page
        assert "Notities" in page
    assert all("Voor morgen" in page for page in read[:3])
    assert "Wat ervan kwam" in read[3] and "De volgende stap" in read[3]
    assert "maandag 30 november 2026, 15:00–16:00" in read[0]


def test_an_open_question_a_day_without_method_and_a_cancelled_day() -> None:
    data = guide_data(question="", situations=())
    days = list(data.days)
    days[1] = dataclasses.replace(days[1], method=None, notes="Verband meenemen")
    days[2] = dataclasses.replace(days[2], cancelled=True)
    read = pages(session_guide_pdf(dataclasses.replace(data, days=tuple(days)), TODAY))
    assert "Schrijf de vraag op waaraan de groep werkt." in read[0]
    assert "Uit het leerlogboek" not in read[0]
    assert "Nog geen werkvorm gekozen" in read[1]
    assert "Eerder genoteerd Verband meenemen" in read[1]
    assert "Deze bijeenkomst is afgezegd." in read[2] and "Notities" not in read[2]

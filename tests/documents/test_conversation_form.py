"""The printed talent conversation, read back: preparation form, blank form, record."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from tests.conftest import TODAY
from werkleren_desktop.db.models import AgreementOwner, AgreementStatus, SignMark, SituationKind
from werkleren_desktop.documents.conversation_form import (
    Organisation,
    preparation_pdf,
    record_pdf,
)
from werkleren_desktop.domain.conversations import SECTION_KEYS, Signature
from werkleren_desktop.services.conversations import (
    AgreementView,
    ConversationView,
    CorrectionView,
    PeriodFacts,
)

D = dt.date
ORGANISATION = Organisation("Installatiebedrijf Van Dijk & Zn.", None)


def pages(pdf: bytes) -> list[str]:
    """Each page's text with its line breaks as spaces (wrapping depends on widths)."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def agreement(what: str, status: AgreementStatus = AgreementStatus.OPEN, note: str = ""):
    return AgreementView(
        1, 1, D(2026, 3, 10), 2, "Şükrü Yılmaz", "Marieke de Boer", what,
        AgreementOwner.MANAGER, D(2026, 9, 1), status, note, None,
    )  # fmt: skip


def view(**changes) -> ConversationView:
    facts = PeriodFacts(
        D(2026, 3, 10),
        D(2026, 11, 20),
        {SituationKind.ANALYSE: 3, SituationKind.IMPROVE: 2, SituationKind.INNOVATE: 0,
         SituationKind.PERFORM: 1},
        390, 2, 4, 2, 7, 420, 1, 960, 45000, 2026, 75000, 45000,
    )  # fmt: skip
    base = ConversationView(
        id=2,
        person_id=2,
        person_name="Şükrü Yılmaz",
        job_title="Monteur",
        manager_id=1,
        manager_name="Marieke de Boer",
        planned_on=D(2026, 11, 20),
        starts_at=dt.time(10, 0),
        place="Kantoor",
        held_on=None,
        period_start=D(2026, 3, 10),
        period_end=D(2026, 11, 20),
        facts=facts,
        preparation={"talents": "Uitleggen aan leerlingen."},
        earlier=(agreement("Tijd vrijmaken voor de leergroep"),),
    )
    return base if not changes else ConversationView(**{**base.__dict__, **changes})


def test_the_preparation_form_holds_the_facts_of_the_period() -> None:
    text = "\n".join(pages(preparation_pdf(ORGANISATION, view(), TODAY)))
    for expected in (
        "Talentontwikkelgesprek",
        "Voorbereiding",
        "Şükrü Yılmaz",
        "Marieke de Boer",
        "vrijdag 20 november 2026 om 10:00, Kantoor",
        "10 maart 2026 tot 20 november 2026",
        "6 situaties (analyseren 3, verbeteren 2, innoveren 0, zelf beter performen 1)",
        "6,5 uur",
        "2 cycli, 7 sessies bijgewoond (7 uur)",
        "1 opleiding (16 uur, € 450,00)",
        "Opleidingsbudget 2026 € 450,00 van € 750,00 gebruikt",
        "Tijd vrijmaken voor de leergroep",
        "☐ nagekomen ☐ deels nagekomen ☐ niet nagekomen",
        "Uitleggen aan leerlingen.",
        "Deel van de professional",
        "Deel van de leidinggevende",
        "Nieuwe afspraken",
        "Vertrouwelijk",
        "Installatiebedrijf Van Dijk & Zn.",
    ):
        assert expected in text, expected
    first = pages(preparation_pdf(ORGANISATION, view(), TODAY))[0]
    assert "Talentontwikkelgesprek · voorbereiding · Şükrü Yılmaz" in first
    assert "pagina 1 van" in first


def test_a_blank_form_names_no_one() -> None:
    text = "\n".join(pages(preparation_pdf(ORGANISATION, None, TODAY)))
    assert "Professional" in text and "____" in text
    assert "Feiten over de periode" not in text and "Şükrü" not in text


def test_the_record_with_reviews_agreements_signatures_and_a_long_answer() -> None:
    long_answer = "\n\n".join(
        f"Alinea {n}: " + "Hij legt geduldig uit hoe een warmtepomp werkt. " * 12
        for n in range(1, 25)
    )
    signed = view(
        held_on=D(2026, 11, 20),
        notes=dict.fromkeys(SECTION_KEYS, "") | {"talents": long_answer},
        earlier=(agreement("VCA halen", AgreementStatus.PARTLY, "Examen verzet."),),
        agreements=(agreement("Leerling begeleiden"),),
        professional_signature=Signature("Şükrü Yılmaz", D(2026, 11, 21), SignMark.AGREED),
        manager_signature=Signature("Marieke de Boer", D(2026, 11, 21)),
        corrections=(
            CorrectionView(dt.datetime(2026, 11, 25, 9, 5), "Talenten", "Oud", "Nieuw", "Typefout"),
        ),
    )
    texts = pages(record_pdf(ORGANISATION, signed, TODAY))
    text = "\n".join(texts)
    assert len(texts) >= 3
    # the long answer flows over pages instead of being cut off
    assert "Alinea 1:" in text and "Alinea 24:" in text
    assert sum("Alinea" in page for page in texts) >= 2
    assert all("Şükrü Yılmaz" in page and "Vertrouwelijk" in page for page in texts)
    for expected in (
        "Verslag",
        "Gehouden op",
        "VCA halen",
        "☒ deels nagekomen",
        "Examen verzet.",
        "Leerling begeleiden",
        "Handtekeningen",
        "☒ voor akkoord",
        "21 november 2026",
        "Correcties na ondertekening",
        "Reden: Typefout",
        f"pagina {len(texts)} van {len(texts)}",
    ):
        assert expected in text, expected


@pytest.mark.parametrize("name", ["Łukasz Wójcik", "IJsbrand de Vries", "Zoë van den Berg"])
def test_every_european_name_prints(name: str) -> None:
    text = "\n".join(pages(preparation_pdf(ORGANISATION, view(person_name=name), TODAY)))
    assert name in text

"""The printed sign-up sheet for forming learning groups, read back with pypdf."""

from __future__ import annotations

import io

from pypdf import PdfReader

from tests.conftest import TODAY
from werkleren_desktop.documents.signup_sheet import SignupQuestion, signup_sheet_pdf


def pages(pdf: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def test_blocks_with_the_questions_asked_and_blank_ones_two_to_a_page() -> None:
    asked = (
        SignupQuestion("Hoe plannen we de wijkroutes met tijd voor een praatje?", "Rita de Vries"),
        SignupQuestion("Hoe leren we nieuwe collega's de tillift gebruiken?"),
    )
    read = pages(signup_sheet_pdf("Thuiszorg De Linde", None, asked, TODAY, 15))
    assert len(read) == 2  # four blocks: the two asked, two blank
    first = read[0]
    assert "Vorm een leergroep rond een vraag" in first
    assert "minstens 15 jaar tussen de jongste en de oudste" in first
    assert "Vraag 1 Hoe plannen we de wijkroutes met tijd voor een praatje?" in first
    assert "gevraagd door Rita de Vries" in first
    assert "Vraag 2 Hoe leren we nieuwe collega's de tillift gebruiken?" in first
    assert "Vraag 3" in read[1] and "Vraag 4" in read[1]
    for page in read:
        assert page.count("Naam Geboortejaar Functie Paraaf") == 2
        assert page.count("Collega of expert op afroep") == 2


def test_many_questions_make_more_pages_and_fill_the_last() -> None:
    asked = tuple(SignupQuestion(f"Vraag over het werk nummer {n}") for n in range(5))
    read = pages(signup_sheet_pdf("De Linde", None, asked, TODAY, 20))
    assert len(read) == 3 and "Vraag 6" in read[2]  # the last page full with a blank block
    assert "minstens 20 jaar" in read[0]

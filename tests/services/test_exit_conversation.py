"""The conversation when someone leaves (services.exit_conversation): its checks, the
knowledge tied to the leaver in the program, and the form on paper read back with pypdf,
filled in and blank."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from tests.conftest import TODAY
from werkleren_desktop.documents.exit_form import exit_pdf
from werkleren_desktop.domain.constants import WorkAgreementKind
from werkleren_desktop.domain.exit_conversation import ExitInput
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.domain.work_agreements import WorkAgreementInput
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.services.exit_conversation import read_exit, save_exit
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import record_leaving, save_person
from werkleren_desktop.services.work_agreements import save_work_agreement
from werkleren_desktop.storage.data_store import DataStore

D = dt.date


@pytest.fixture
def leaver(store: DataStore) -> int:
    create_organisation(store.sessions, OrganisationSettings(name="Van Dijk"))
    boss = save_person(store.sessions, PersonInput("Bea", "Baas", D(2010, 1, 1)), TODAY)
    anna = save_person(
        store.sessions, PersonInput("Anna", "de Wit", D(2019, 3, 1), manager_id=boss), TODAY
    )
    save_work_agreement(
        store.sessions,
        None,
        WorkAgreementInput(WorkAgreementKind.AGREEMENT, "Overdracht bij de klant",
                           "Eerst de hoofdkraan dicht", anna, D(2025, 5, 1), origin="overleg"),
        TODAY,
    )  # fmt: skip
    record_leaving(store.sessions, anna, D(2026, 12, 31), TODAY)
    return anna


def test_the_record_its_checks_and_what_to_hand_over(store: DataStore, leaver: int) -> None:
    view = read_exit(store.sessions, leaver)
    assert view.record is None and view.manager_name == "Bea Baas"
    assert view.agreements == ("Overdracht bij de klant",)
    for wrong, field in (
        (ExitInput(TODAY + dt.timedelta(days=1), reason="Verhuizing"), "held_on"),
        (ExitInput(D(2019, 1, 1), reason="Verhuizing"), "held_on"),
        (ExitInput(TODAY, reason="  "), "reason"),
        (ExitInput(TODAY, handover="x" * 5001), "handover"),
    ):
        with pytest.raises(ValidationError) as refused:
            save_exit(store.sessions, leaver, wrong, TODAY)
        assert refused.value.field == field
    save_exit(store.sessions, leaver, ExitInput(TODAY, reason=" Verhuizing naar Zwolle "), TODAY)
    stored = read_exit(store.sessions, leaver).record
    assert stored is not None and stored.reason == "Verhuizing naar Zwolle"
    assert stored.held_on == TODAY


def test_the_form_on_paper_filled_in_and_blank(store: DataStore, leaver: int) -> None:
    blank = read_exit(store.sessions, leaver)
    printed = " ".join(
        " ".join(p.extract_text() for p in PdfReader(
            io.BytesIO(exit_pdf(blank, "Van Dijk", None, TODAY))).pages).split()
    )  # fmt: skip
    assert "Vertrekgesprek met Anna de Wit" in printed and "31 december 2026" in printed
    assert "Waarom gaat u weg" in printed
    assert "Aanspreekpunt voor ‘Overdracht bij de klant’" in printed
    written = ExitInput(TODAY, reason="Verhuizing naar Zwolle", handover="De klantenlijst met Bram")
    save_exit(store.sessions, leaver, written, TODAY)
    filled = " ".join(
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(
            exit_pdf(read_exit(store.sessions, leaver), "Van Dijk", None, TODAY))).pages).split()
    )  # fmt: skip
    assert "Verhuizing naar Zwolle" in filled and "De klantenlijst met Bram" in filled
    assert "Gehouden op 28 november 2026" in filled

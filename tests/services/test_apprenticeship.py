"""An apprentice's placement (services.apprenticeship, domain.apprenticeship): the study
years it falls in with their weeks and weeks of guidance, entries refused outside the
placement, and the evidence per study year read back with pypdf."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from tests.conftest import TODAY
from werkleren_desktop.documents.placement_evidence import placement_evidence_pdf
from werkleren_desktop.domain.apprenticeship import Entry, EntryInput, PlacementInput, year_summary
from werkleren_desktop.domain.constants import FundKind, GuidanceKind
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.errors import UserError, ValidationError
from werkleren_desktop.services.apprenticeship import (
    delete_entry,
    read_placement,
    remove_placement,
    save_entry,
    save_placement,
    trainer_choices,
)
from werkleren_desktop.services.funds import fund_of_kind
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import save_person
from werkleren_desktop.storage.data_store import DataStore

D = dt.date
GUIDE, TALK = GuidanceKind.GUIDANCE, GuidanceKind.PROGRESS


def test_a_study_years_weeks_and_weeks_guided() -> None:
    entries = [
        Entry(1, D(2026, 7, 30), GUIDE, 60, "Kranen", "MV"),  # the study year before
        Entry(2, D(2026, 9, 1), GUIDE, 90, "Leidingwerk", "MV"),  # Tuesday, week 36
        Entry(3, D(2026, 9, 3), GUIDE, 30, "Leidingwerk", ""),  # the same week
        Entry(4, D(2026, 9, 14), TALK, 0, "Voortgang", "MV"),  # a talk is not guidance
        Entry(5, D(2026, 10, 5), GUIDE, 60, "Cv-ketel", "MV"),
    ]
    year = year_summary(2026, D(2026, 6, 1), None, entries, D(2026, 11, 28))
    assert year is not None
    assert (year.first, year.last) == (D(2026, 8, 1), D(2026, 11, 28))
    # Saturday 1 August to Saturday 28 November: 18 calendar weeks, two of them guided
    assert (year.weeks, year.weeks_guided, year.guidance_minutes) == (18, 2, 180)
    assert [e.id for e in year.entries] == [2, 3, 4, 5]
    assert (year.progress_talks, year.not_initialled) == (1, 1)
    before = year_summary(2025, D(2026, 6, 1), None, entries, D(2026, 11, 28))
    assert before is not None and before.first == D(2026, 6, 1) and before.last == D(2026, 7, 31)
    # a placement that ended before the study year does not fall in it
    assert year_summary(2026, D(2025, 9, 1), D(2026, 6, 30), entries, TODAY) is None


@pytest.fixture
def people(store: DataStore) -> list[int]:
    create_organisation(store.sessions, OrganisationSettings(name="Van Dijk Installatie"))
    return [
        save_person(store.sessions, PersonInput(first, last, D(2020, 1, 1)), TODAY)
        for first, last in (("Sem", "Bakker"), ("Marco", "Vermeer"), ("Ilse", "Kok"))
    ]


def test_a_placement_its_entries_and_evidence(store: DataStore, people: list[int]) -> None:
    sem, marco, _ilse = people
    assert [c.name for c in trainer_choices(store.sessions, sem, TODAY)] == [
        "Ilse Kok", "Marco Vermeer",
    ]  # fmt: skip
    with pytest.raises(ValidationError) as own:
        save_placement(store.sessions, sem, PlacementInput(sem, D(2026, 8, 31)))
    assert own.value.field == "trainer_id"
    with pytest.raises(UserError):
        save_entry(store.sessions, sem, EntryInput(D(2026, 9, 1), GUIDE, 60, "x"), TODAY)
    placement = PlacementInput(marco, D(2026, 8, 31), None, "ROC Midden ", "Eerste monteur")
    save_placement(store.sessions, sem, placement)
    for day, kind, minutes, summary, initials in (
        (D(2026, 9, 1), GUIDE, 90, "Leidingwerk solderen", "MV"),
        (D(2026, 9, 14), TALK, 0, "Eerste voortgangsgesprek: tempo goed", "MV"),
        (D(2026, 10, 6), GUIDE, 60, "Cv-ketel onderhoud", ""),
    ):
        save_entry(store.sessions, sem, EntryInput(day, kind, minutes, summary, initials), TODAY)
    for refused, field in (
        (EntryInput(D(2026, 8, 30), GUIDE, 60, "Te vroeg"), "held_on"),
        (EntryInput(TODAY + dt.timedelta(days=1), GUIDE, 60, "Morgen"), "held_on"),
        (EntryInput(D(2026, 9, 2), GUIDE, 0, "Zonder tijd"), "minutes"),
        (EntryInput(D(2026, 9, 2), TALK, 0, "  "), "summary"),
    ):
        with pytest.raises(ValidationError) as wrong:
            save_entry(store.sessions, sem, refused, TODAY)
        assert wrong.value.field == field
    # the placement cannot start after what was written down of it
    with pytest.raises(ValidationError) as late:
        save_placement(store.sessions, sem, PlacementInput(marco, D(2026, 9, 2)))
    assert late.value.field == "starts_on"
    view = read_placement(store.sessions, sem)
    assert view is not None and view.school == "ROC Midden" and view.trainer == "Marco Vermeer"
    [year] = view.study_years(TODAY)
    assert (year.weeks_guided, year.progress_talks, year.not_initialled) == (2, 1, 1)
    scheme = fund_of_kind(store.sessions, FundKind.PLACEMENT)
    pdf = placement_evidence_pdf(view, year, scheme, "Van Dijk Installatie", None, TODAY)
    words = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    for expected in (
        "Bewijs praktijkleren, studiejaar 2026-2027",
        "Sem Bakker",
        "Marco Vermeer",
        "ROC Midden",
        "Eerste monteur",
        "31 augustus 2026 tot en met 28 november 2026",
        "13 weken, waarvan 2 met begeleiding vastgelegd",
        "01-09-2026",
        "Eerste voortgangsgesprek: tempo goed",
        "€ 2.700,00",
        "1 regel zonder paraaf",
    ):
        assert expected in words, expected
    # an entry deleted; the placement removed with what was written down of it
    delete_entry(store.sessions, view.entries[-1].id)
    remove_placement(store.sessions, sem)
    with store.engine.connect() as sql:
        assert sql.execute(text("SELECT count(*) FROM guidance_entry")).scalar() == 0
    assert read_placement(store.sessions, sem) is None

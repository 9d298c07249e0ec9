"""Wat we leerden: a group's lessons of a period, on screen and on paper."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from tests.conftest import TODAY
from werkleren_desktop.documents.digest import digest_pdf
from werkleren_desktop.domain.constants import SituationKind
from werkleren_desktop.domain.cycles import DayPlan, SessionTimes, WorkbookInput, cycle_days
from werkleren_desktop.domain.groups import GroupInput
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.domain.situations import SituationInput
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.services.cycles import CycleDraft, plan_cycle
from werkleren_desktop.services.digest import digest
from werkleren_desktop.services.groups import add_member, save_group
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import save_person
from werkleren_desktop.services.situations import save_situation
from werkleren_desktop.services.workbook import cycle_workbook, save_workbook
from werkleren_desktop.storage.data_store import DataStore

D = dt.date


@pytest.fixture
def org(store: DataStore) -> dict[str, int]:
    create_organisation(store.sessions, OrganisationSettings(name="Thuiszorg De Linde"))
    anna = save_person(store.sessions, PersonInput("Anna", "de Wit", D(2020, 1, 1)), TODAY)
    group = save_group(store.sessions, GroupInput("Wondzorg", D(2026, 1, 1)))
    other = save_group(store.sessions, GroupInput("Valpreventie", D(2026, 1, 1)))
    add_member(store.sessions, group, anna, D(2026, 1, 1))
    return {"anna": anna, "group": group, "other": other}


def situation(store: DataStore, org, day: dt.date, title: str, **more: object) -> int:
    data = SituationInput(day, title, SituationKind.IMPROVE, (org["anna"],), **more)  # type: ignore[arg-type]
    return save_situation(store.sessions, data, TODAY)


def test_the_cycles_results_and_the_situations_outcomes_of_the_period(
    store: DataStore, org
) -> None:
    times = SessionTimes(dt.time(14), 60, "")
    draft = CycleDraft(org["group"], cycle_days(D(2026, 10, 5)), times, ("",) * 4)
    cycle = plan_cycle(store.sessions, draft)
    book = cycle_workbook(store.sessions, cycle)
    days = tuple(DayPlan(d.session_id, None) for d in book.days)
    save_workbook(
        store.sessions,
        cycle,
        WorkbookInput("Hoe sluit een wond?", (), days, "Vast protocol", "Team uitleggen"),
    )
    own = situation(store, org, D(2026, 9, 1), "Verband knelde", group_id=org["group"],
                    outcome="Ander verband gekozen")  # fmt: skip
    situation(store, org, D(2026, 9, 2), "Zonder uitkomst", group_id=org["group"])
    situation(store, org, D(2026, 9, 3), "Van een ander", group_id=org["other"], outcome="X")
    situation(store, org, D(2026, 3, 1), "Te vroeg", group_id=org["group"], outcome="Y")
    found = digest(store.sessions, org["group"], D(2026, 8, 30), D(2026, 11, 28))
    assert [(c.question, c.outcome, c.next_step) for c in found.cycles] == [
        ("Hoe sluit een wond?", "Vast protocol", "Team uitleggen")
    ]
    assert [s.id for s in found.situations] == [own]
    assert found.situations[0].people == "Anna de Wit"
    pdf = digest_pdf(found, TODAY)
    page = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "Wat we leerden: Wondzorg" in page
    assert "Uit de weekcycli Hoe sluit een wond?" in page
    assert "Wat ervan kwam: Vast protocol" in page and "Volgende stap: Team uitleggen" in page
    assert "Uit het werk Verband knelde" in page and "Ander verband gekozen" in page
    assert "Van een ander" not in page and "Zonder uitkomst" not in page


def test_the_work_agreements_made_from_the_lessons_that_hold_at_the_end(
    store: DataStore, org
) -> None:
    from werkleren_desktop.domain.constants import WorkAgreementKind
    from werkleren_desktop.domain.work_agreements import WorkAgreementInput
    from werkleren_desktop.services.work_agreements import save_work_agreement

    own = situation(store, org, D(2026, 9, 1), "Verband knelde", group_id=org["group"],
                    outcome="Ander verband gekozen")  # fmt: skip
    other = situation(store, org, D(2026, 9, 3), "Van een ander", group_id=org["other"],
                      outcome="X")  # fmt: skip

    def agreement(title: str, situation_id: int, withdrawn: dt.date | None = None) -> None:
        made = save_work_agreement(
            store.sessions,
            None,
            WorkAgreementInput(WorkAgreementKind.INSTRUCTION, title, "Zo doen we het.",
                               org["anna"], D(2026, 9, 10), situation_id),
            TODAY,
        )  # fmt: skip
        if withdrawn is not None:
            from werkleren_desktop.services.work_agreements import withdraw

            withdraw(store.sessions, made, withdrawn, TODAY)

    agreement("Verband losser", own)
    agreement("Oud verband", own, withdrawn=D(2026, 10, 1))
    agreement("Van de ander", other)
    found = digest(store.sessions, org["group"], D(2026, 8, 30), D(2026, 11, 28))
    assert [(a.title, a.contact) for a in found.agreements] == [("Verband losser", "Anna de Wit")]
    pdf = digest_pdf(found, TODAY)
    page = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "Wat we afspraken Verband losser Instructie Zo doen we het." in page
    assert "Aanspreekpunt: Anna de Wit" in page and "Oud verband" not in page
    # a period that ended before it was withdrawn still shows it
    earlier = digest(store.sessions, org["group"], D(2026, 8, 30), D(2026, 9, 20))
    assert [a.title for a in earlier.agreements] == ["Oud verband", "Verband losser"]


def test_an_empty_period_says_so_and_a_wrong_one_is_refused(store: DataStore, org) -> None:
    found = digest(store.sessions, org["group"], D(2026, 1, 1), D(2026, 2, 1))
    assert found.empty
    page = PdfReader(io.BytesIO(digest_pdf(found, TODAY))).pages[0].extract_text()
    assert "nog geen resultaten" in " ".join(page.split())
    with pytest.raises(ValidationError, match="einddatum"):
        digest(store.sessions, org["group"], D(2026, 2, 1), D(2026, 1, 1))
    with pytest.raises(ValidationError, match="drie jaar"):
        digest(store.sessions, org["group"], D(2020, 1, 1), D(2026, 1, 1))

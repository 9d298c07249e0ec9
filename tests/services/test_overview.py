"""The yearly overview's sums against records built by hand."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from tests.conftest import TODAY
from werkleren_desktop.db.models import (
    SituationKind,
    TrainingForm,
    TrainingStatus,
)
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.domain.situations import SituationInput
from werkleren_desktop.domain.training import TrainingInput, learning_split
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.services.data_store import DataStore
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.overview import year_overview, year_trainings
from werkleren_desktop.services.people import save_person
from werkleren_desktop.services.situations import save_situation
from werkleren_desktop.services.training import (
    budgets,
    expiring_certificates,
    save_training,
    set_budget,
)

D = dt.date


@pytest.fixture
def org(store: DataStore) -> dict[str, int]:
    create_organisation(
        store.sessions, OrganisationSettings(name="Van Dijk", default_training_budget_cents=75000)
    )
    people = {
        "anna": PersonInput("Anna", "de Wit", D(2015, 1, 1)),
        "joiner": PersonInput("Joris", "Nieuw", D(2025, 9, 1)),
        "leaver": PersonInput("Lieke", "Weg", D(2018, 1, 1), out_of_service=D(2025, 3, 31)),
        "gone": PersonInput("Gert", "Lang Weg", D(2010, 1, 1), out_of_service=D(2024, 6, 30)),
    }
    return {key: save_person(store.sessions, data, TODAY) for key, data in people.items()}


def training(people: tuple[int, ...], start: dt.date, end: dt.date, hours: int, euros: int,
             required: bool = False, **extra: object) -> TrainingInput:  # fmt: skip
    return TrainingInput(
        people, "Cursus", TrainingForm.COURSE, start, end, hours * 60, euros * 100,
        required=required, status=TrainingStatus.DONE, **extra,  # type: ignore[arg-type]
    )  # fmt: skip


def test_sums_per_person_and_for_the_organisation(store: DataStore, org) -> None:
    anna, joiner, leaver = org["anna"], org["joiner"], org["leaver"]
    for day, who, kind, minutes, consulted in (
        (D(2025, 2, 3), (anna, leaver), SituationKind.ANALYSE, 30, ("Expert",)),
        (D(2025, 10, 1), (anna,), SituationKind.IMPROVE, 60, ("Expert", "Leverancier")),
        (D(2025, 12, 31), (joiner,), SituationKind.INNOVATE, 45, ()),
        (D(2026, 1, 1), (anna,), SituationKind.PERFORM, 600, ("Expert",)),  # next year
    ):
        save_situation(
            store.sessions,
            SituationInput(day, "S", kind, who, minutes=minutes, consulted_outside=consulted),
            TODAY,
        )
    save_training(
        store.sessions,
        training((anna, joiner), D(2025, 11, 3), D(2025, 11, 4), 16, 450, True),
        TODAY,
    )
    # spans New Year: counts in the year it starts
    save_training(
        store.sessions,
        training((anna,), D(2025, 12, 15), D(2026, 1, 20), 24, 900, certificate="BHV",
                 certificate_expires_on=D(2026, 12, 15)),
        TODAY,
    )  # fmt: skip
    cancelled = replace(
        training((anna,), D(2025, 5, 1), D(2025, 5, 1), 8, 300), status=TrainingStatus.CANCELLED
    )
    save_training(store.sessions, cancelled, TODAY)
    set_budget(store.sessions, anna, 2025, 200000)

    overview = year_overview(store.sessions, 2025)
    rows = {r.person_id: r for r in overview.rows}
    assert set(rows) == {anna, joiner, leaver}  # Gert left in 2024
    a = rows[anna]
    assert a.situations_by_kind[SituationKind.ANALYSE] == 1 and a.situations == 2
    assert a.situation_minutes == 90
    assert (a.consultations, rows[leaver].consultations, rows[joiner].consultations) == (3, 1, 0)
    assert (a.trainings, a.required_minutes, a.voluntary_minutes) == (2, 16 * 60, 24 * 60)
    assert (a.required_cents, a.voluntary_cents, a.cost_cents) == (45000, 90000, 135000)
    assert a.budget_cents == 200000 and a.budget_used == pytest.approx(67.5)
    assert a.certificates_expiring == 1
    j = rows[joiner]
    assert (j.situations, j.situation_minutes, j.trainings, j.budget_cents) == (1, 45, 1, 75000)
    assert rows[leaver].situations == 1 and rows[leaver].trainings == 0
    total = overview.total
    assert total.situations == 4 and total.situation_minutes == 30 + 60 + 30 + 45
    assert total.cost_cents == 45000 * 2 + 90000
    assert total.budget_cents == 200000 + 75000 + 75000
    split = overview.split
    assert (split.experience_minutes, split.formal_minutes) == (165, (16 * 2 + 24) * 60)
    listed = [t.title for t in year_trainings(store.sessions, 2025)]
    assert listed.count("Cursus") == 3  # not the cancelled one

    # the budget page shows the same spending
    spent = {b.person_id: b for b in budgets(store.sessions, 2025)}
    assert spent[anna].spent_cents == a.cost_cents and spent[anna].overridden
    assert not spent[joiner].overridden


def test_a_year_without_data(store: DataStore, org) -> None:
    overview = year_overview(store.sessions, 2019)
    assert {r.name for r in overview.rows} == {"Anna de Wit", "Lieke Weg", "Gert Lang Weg"}
    assert overview.total.situations == 0 and overview.total.cost_cents == 0
    assert overview.split.shares() is None  # no data, never "0%"
    assert learning_split(overview.total).total_minutes == 0


def test_training_rules(store: DataStore, org) -> None:
    anna = org["anna"]
    with pytest.raises(ValidationError, match=r"art\. 7:611a BW"):
        save_training(
            store.sessions,
            training(
                (anna,), D(2026, 3, 1), D(2026, 3, 1), 8, 100, True, study_cost_agreement=True
            ),
            TODAY,
        )
    with pytest.raises(ValidationError, match="nog niet begonnen"):
        save_training(
            store.sessions, training((anna,), D(2027, 3, 1), D(2027, 3, 1), 8, 100), TODAY
        )
    with pytest.raises(ValidationError, match="Kies wie"):
        save_training(store.sessions, training((), D(2026, 3, 1), D(2026, 3, 1), 8, 100), TODAY)
    with pytest.raises(ValidationError, match="al vertrokken"):
        save_training(
            store.sessions, training((org["gone"],), D(2026, 3, 1), D(2026, 3, 1), 8, 1), TODAY
        )


def test_certificates_that_expire_soon(store: DataStore, org) -> None:
    anna = org["anna"]
    save_training(
        store.sessions,
        training((anna,), D(2024, 1, 10), D(2024, 1, 10), 8, 100, certificate="BHV",
                 certificate_expires_on=D(2027, 1, 10)),
        TODAY,
    )  # fmt: skip
    (row,) = expiring_certificates(store.sessions, TODAY)
    assert (row.person_name, row.certificate, row.expires_on) == (
        "Anna de Wit",
        "BHV",
        D(2027, 1, 10),
    )
    # renewed: the later certificate replaces it
    save_training(
        store.sessions,
        training((anna,), D(2026, 11, 20), D(2026, 11, 20), 8, 100, certificate="bhv",
                 certificate_expires_on=D(2027, 11, 20)),
        TODAY,
    )  # fmt: skip
    assert expiring_certificates(store.sessions, TODAY) == []

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
from werkleren_desktop.storage.data_store import DataStore

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
    # the budget carries the voluntary training, not the required one (art. 7:611a BW)
    assert (a.budget_spent_cents, a.budget_reserved_cents) == (90000, 0)
    assert a.budget_cents == 200000 and a.budget_used == pytest.approx(45.0)
    assert a.certificates_expiring == 1
    j = rows[joiner]
    assert (j.situations, j.situation_minutes, j.trainings, j.budget_cents) == (1, 45, 1, 75000)
    assert rows[leaver].situations == 1 and rows[leaver].trainings == 0
    total = overview.total
    # the situation of Anna and Lieke is one situation, with one consultation; its 30
    # minutes are an hour of person-hours
    assert total.situations == 3 and total.situation_minutes == 30 + 60 + 30 + 45
    assert total.consultations == 1 + 2
    assert total.in_service is None  # the totals row has no date
    assert total.cost_cents == 45000 * 2 + 90000
    assert total.budget_cents == 200000 + 75000 + 75000
    split = overview.split
    assert (split.work_minutes, split.formal_minutes) == (165, (16 * 2 + 24) * 60)
    listed = [t.title for t in year_trainings(store.sessions, 2025)]
    assert listed.count("Cursus") == 3  # not the cancelled one

    # the budget page shows the same spending
    spent = {b.person_id: b for b in budgets(store.sessions, 2025)}
    assert spent[anna].spent_cents == a.budget_spent_cents and spent[anna].overridden
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


def test_the_totals_against_sql_written_here(store: DataStore) -> None:
    """The demo's years: counts of things each thing once, hours as person-hours, every
    other figure the sum of the rows, against statements written by hand."""
    from sqlalchemy import text

    from werkleren_desktop.services.demo import DemoSize, generate_demo

    generate_demo(store.sessions, DemoSize.SMALL, today=TODAY)
    employed = (
        "SELECT id FROM person WHERE in_service <= :last"
        " AND (out_of_service IS NULL OR out_of_service >= :first)"
    )
    for year in (2025, 2026):
        bounds = {"first": f"{year}-01-01", "last": f"{year}-12-31"}
        moments = {"start": f"{year}-01-01 00:00:00", "end": f"{year + 1}-01-01 00:00:00"}
        overview = year_overview(store.sessions, year)
        total = overview.total
        with store.engine.connect() as sql:
            situations = sql.execute(
                text(
                    "SELECT count(*) FROM learning_situation s WHERE s.occurred_on"
                    " BETWEEN :first AND :last AND EXISTS (SELECT 1 FROM situation_person sp"
                    f" WHERE sp.situation_id = s.id AND sp.person_id IN ({employed}))"
                ),
                bounds,
            ).scalar_one()
            by_kind: dict[str, int] = dict(
                sql.execute(
                    text(
                        "SELECT kind, count(DISTINCT s.id) FROM learning_situation s"
                        " JOIN situation_person sp ON sp.situation_id = s.id"
                        f" WHERE s.occurred_on BETWEEN :first AND :last"
                        f" AND sp.person_id IN ({employed}) GROUP BY kind"
                    ),
                    bounds,
                ).all()
            )
            person_minutes = sql.execute(
                text(
                    "SELECT coalesce(sum(s.minutes), 0) FROM learning_situation s"
                    " JOIN situation_person sp ON sp.situation_id = s.id"
                    f" WHERE s.occurred_on BETWEEN :first AND :last"
                    f" AND sp.person_id IN ({employed})"
                ),
                bounds,
            ).scalar_one()
            consultations = sql.execute(
                text(
                    "SELECT count(*) FROM situation_consultation c"
                    " JOIN learning_situation s ON s.id = c.situation_id"
                    " WHERE s.occurred_on BETWEEN :first AND :last AND EXISTS (SELECT 1"
                    " FROM situation_person sp WHERE sp.situation_id = s.id"
                    f" AND sp.person_id IN ({employed}))"
                ),
                bounds,
            ).scalar_one()
            sessions_held, session_person_minutes = sql.execute(
                text(
                    "SELECT count(DISTINCT cs.id), coalesce(sum(cs.duration_minutes), 0)"
                    " FROM attendance a JOIN cycle_session cs ON cs.id = a.session_id"
                    " WHERE a.status = 'present' AND NOT cs.cancelled"
                    " AND cs.starts_at >= :start AND cs.starts_at < :end"
                    f" AND a.person_id IN ({employed})"
                ),
                bounds | moments,
            ).one()
            cost = sql.execute(
                text(
                    "SELECT coalesce(sum(cost_cents), 0) FROM training WHERE status != 'cancelled'"
                    f" AND starts_on BETWEEN :first AND :last AND person_id IN ({employed})"
                ),
                bounds,
            ).scalar_one()
            training_minutes = sql.execute(
                text(
                    "SELECT coalesce(sum(minutes), 0) FROM training WHERE status != 'cancelled'"
                    f" AND starts_on BETWEEN :first AND :last AND person_id IN ({employed})"
                ),
                bounds,
            ).scalar_one()
        assert situations > 50 and total.situations == situations
        assert {k.value: n for k, n in total.situations_by_kind.items() if n} == by_kind
        assert total.situation_minutes == person_minutes
        assert total.consultations == consultations
        assert (total.sessions_attended, total.session_minutes) == (
            sessions_held,
            session_person_minutes,
        )
        assert total.cost_cents == cost
        # the split: the week cycles a part of their own beside the work situations,
        # together learning in and around the work; training apart
        split = overview.split
        assert (split.work_minutes, split.cycle_minutes, split.formal_minutes) == (
            person_minutes,
            session_person_minutes,
            training_minutes,
        )
        assert split.in_and_around_work_minutes == person_minutes + session_person_minutes
        shares = split.shares()
        assert shares is not None and sum(shares) == pytest.approx(100)
        assert shares[1] == pytest.approx(100 * session_person_minutes / split.total_minutes)
        # shared things count once: fewer than the rows added up, as in the demo
        assert total.situations < sum(r.situations for r in overview.rows)
        assert total.sessions_attended < sum(r.sessions_attended for r in overview.rows)

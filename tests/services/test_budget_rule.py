"""The training budget: required training (art. 7:611a BW) is the employer's to pay and
by default not charged to the person's budget; training followed is spent, training
planned reserved. Every place that shows a budget agrees with SQL written here."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import text

from tests.conftest import TODAY
from werkleren_desktop.db.models import TrainingForm, TrainingStatus
from werkleren_desktop.domain.training import TrainingInput, budget_charge, describe_budget_use
from werkleren_desktop.services.conversations import period_facts
from werkleren_desktop.services.demo import DemoSize, generate_demo
from werkleren_desktop.services.home import home_summary
from werkleren_desktop.services.organisation import load_settings, save_settings
from werkleren_desktop.services.overview import year_overview
from werkleren_desktop.services.training import budgets, save_training
from werkleren_desktop.storage.data_store import DataStore

D = dt.date


@pytest.mark.parametrize(
    ("required", "status", "on_budget", "charge"),
    [
        (False, TrainingStatus.DONE, False, TrainingStatus.DONE),
        (False, TrainingStatus.PLANNED, False, TrainingStatus.PLANNED),
        (False, TrainingStatus.CANCELLED, False, None),
        (True, TrainingStatus.DONE, False, None),
        (True, TrainingStatus.PLANNED, False, None),
        (True, TrainingStatus.DONE, True, TrainingStatus.DONE),
        (True, TrainingStatus.PLANNED, True, TrainingStatus.PLANNED),
        (True, TrainingStatus.CANCELLED, True, None),
    ],
)
def test_what_the_budget_carries(required, status, on_budget, charge) -> None:
    assert budget_charge(required, status, on_budget) is charge


def test_the_words_for_a_budget() -> None:
    assert describe_budget_use(45000, 75000, 0, share=True) == (
        "€\xa0450,00 van €\xa0750,00 gebruikt (60 %)"
    )
    assert describe_budget_use(45000, 75000, 20000) == (
        "€\xa0450,00 van €\xa0750,00 gebruikt, €\xa0200,00 gereserveerd voor geplande opleidingen"
    )


def expected(store: DataStore, year: int, required_counts: bool) -> dict[int, tuple[int, int]]:
    """Per person: (spent, reserved) of the year, straight from the training table."""
    carried = "1 = 1" if required_counts else "NOT required"
    with store.engine.connect() as sql:
        rows = sql.execute(
            text(
                "SELECT person_id,"
                " sum(CASE WHEN status = 'done' THEN cost_cents ELSE 0 END),"
                " sum(CASE WHEN status = 'planned' THEN cost_cents ELSE 0 END)"
                f" FROM training WHERE {carried} AND starts_on BETWEEN :first AND :last"
                " GROUP BY person_id"
            ),
            {"first": dt.date(year, 1, 1), "last": dt.date(year, 12, 31)},
        ).all()
    return {pid: (int(spent), int(reserved)) for pid, spent, reserved in rows}


@pytest.mark.parametrize("required_counts", [False, True])
def test_every_budget_figure_agrees_with_sql(store: DataStore, required_counts: bool) -> None:
    generate_demo(store.sessions, DemoSize.SMALL, today=TODAY)
    # planned this year, voluntary and required, whatever the demo's dice gave
    someone = next(b.person_id for b in budgets(store.sessions, TODAY.year))
    for required in (False, True):
        save_training(
            store.sessions,
            TrainingInput(
                (someone,), "Gepland", TrainingForm.COURSE, D(TODAY.year, 12, 14),
                D(TODAY.year, 12, 14), 240, 31500, required=required,
                status=TrainingStatus.PLANNED,
            ),
            TODAY,
        )  # fmt: skip
    settings = load_settings(store.sessions)
    assert settings is not None and not settings.required_training_on_budget  # the default
    if required_counts:
        save_settings(store.sessions, replace(settings, required_training_on_budget=True))
    with store.engine.connect() as sql:
        mixed = sql.execute(
            text(
                "SELECT count(DISTINCT required), count(DISTINCT status) FROM training"
                " WHERE starts_on >= :first AND status != 'cancelled'"
            ),
            {"first": dt.date(TODAY.year, 1, 1)},
        ).one()
    assert mixed == (2, 2)  # the year holds required and voluntary, followed and planned

    for year in (TODAY.year - 1, TODAY.year):
        want = expected(store, year, required_counts)
        rows = {b.person_id: b for b in budgets(store.sessions, year)}
        for pid, row in rows.items():
            assert (row.spent_cents, row.reserved_cents) == want.get(pid, (0, 0)), pid
        overview = {r.person_id: r for r in year_overview(store.sessions, year).rows}
        for pid, person in overview.items():
            assert (person.budget_spent_cents, person.budget_reserved_cents) == want.get(
                pid, (0, 0)
            )
            assert person.budget_used == (
                100 * person.budget_spent_cents / person.budget_cents
                if person.budget_cents
                else None
            )
        busiest = max(want, key=lambda pid: sum(want[pid]))
        facts = period_facts(store.sessions, busiest, dt.date(year, 1, 1), dt.date(year, 6, 30))
        assert (facts.budget_spent_cents, facts.budget_reserved_cents) == want[busiest]

    summary = home_summary(store.sessions, TODAY)
    assert summary is not None
    this_year = expected(store, TODAY.year, required_counts)
    employed = {b.person_id for b in budgets(store.sessions, TODAY.year)}
    assert summary.budget_spent_cents == sum(this_year.get(p, (0, 0))[0] for p in employed)
    assert summary.budget_reserved_cents == sum(this_year.get(p, (0, 0))[1] for p in employed)
    assert summary.budget_reserved_cents > 0

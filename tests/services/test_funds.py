"""Funds and claims (services.funds): the shipped funds written once and edited, a claim
on a course checked against the attendance marked, saved all or nothing, the hours and
cost per fund and year against SQL written here, and the evidence read back with pypdf."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from tests.conftest import TODAY
from werkleren_desktop.documents.claim_evidence import claim_evidence_pdf
from werkleren_desktop.domain.constants import FundKind, TrainingForm, TrainingStatus
from werkleren_desktop.domain.funds import SHIPPED, ClaimInput, FundRule, Verdict
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.domain.training import TrainingInput
from werkleren_desktop.errors import UserError, ValidationError
from werkleren_desktop.services.funds import (
    claim_detail,
    claimable_courses,
    delete_claim,
    fund_of_kind,
    list_claims,
    list_funds,
    preview_checks,
    retire_fund,
    save_claim,
    save_fund,
    totals_per_fund_and_year,
)
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import save_person
from werkleren_desktop.services.training import save_training
from werkleren_desktop.services.training_attendance import read_course, save_attendance
from werkleren_desktop.storage.data_store import DataStore

D = dt.date


@pytest.fixture
def people(store: DataStore) -> list[int]:
    create_organisation(store.sessions, OrganisationSettings(name="Van Dijk Installatie"))
    return [
        save_person(store.sessions, PersonInput(first, last, D(2020, 1, 1)), TODAY)
        for first, last in (("Anna", "de Wit"), ("Bram", "Visser"), ("Cor", "Jansen"))
    ]


def course(store: DataStore, people: list[int], title: str, first: dt.date, last: dt.date,
           hours: int, cost: int) -> list[int]:  # fmt: skip
    return save_training(
        store.sessions,
        TrainingInput(tuple(people), title, TrainingForm.COURSE, first, last, minutes=hours * 60,
                      cost_cents=cost, provider="Opleidingshuis Techniek",
                      status=TrainingStatus.DONE),
        TODAY,
    )  # fmt: skip


def fund_id(store: DataStore, name: str) -> int:
    return next(f.id for f in list_funds(store.sessions) if f.name == name)


def test_the_shipped_funds_are_written_once_and_edited(store: DataStore, people: list[int]) -> None:
    funds = list_funds(store.sessions)
    assert [f.rule for f in funds] == sorted(SHIPPED, key=lambda r: r.name.casefold())
    list_funds(store.sessions)  # a second reading writes nothing more
    with store.engine.connect() as sql:
        assert sql.execute(text("SELECT count(*) FROM fund")).scalar() == len(SHIPPED)
    otib = next(f for f in funds if f.name == "OTIB")
    save_fund(store.sessions, replace(otib.rule, min_presence_percent=90), otib.id)
    assert fund_of_kind(store.sessions, FundKind.COURSE) is not None
    changed = next(f for f in list_funds(store.sessions) if f.id == otib.id)
    assert changed.rule.min_presence_percent == 90 and changed.rule.claim_by == (3, 1)
    with pytest.raises(ValidationError) as clash:
        save_fund(store.sessions, FundRule("otib"))
    assert clash.value.field == "name"
    retire_fund(store.sessions, otib.id, True)
    assert otib.id not in {f.id for f in list_funds(store.sessions)}
    assert otib.id in {f.id for f in list_funds(store.sessions, include_retired=True)}
    assert fund_of_kind(store.sessions, FundKind.PLACEMENT).name == "Praktijkleren"  # type: ignore[union-attr]


def test_a_claim_checked_against_the_days_marked(store: DataStore, people: list[int]) -> None:
    trainings = course(store, people, "Warmtepompen", D(2026, 11, 19), D(2026, 11, 20), 14, 45000)
    assert [c.title for c in claimable_courses(store.sessions, D(2026, 1, 1))] == ["Warmtepompen"]
    days = read_course(store.sessions, trainings[0]).days
    # Anna and Bram both days, Cor only the first: 50%
    marks = {(t, d): True for t in trainings for d in days}
    marks[(trainings[2], days[1])] = False
    save_attendance(store.sessions, marks, TODAY)
    otib = fund_id(store, "OTIB")
    claim = ClaimInput(otib, tuple(trainings), "OTIB-17", amount_cents=90000)
    checks, deadline = preview_checks(store.sessions, claim, TODAY)
    assert deadline == D(2027, 3, 1)
    claim_id = save_claim(store.sessions, claim, TODAY)
    detail = claim_detail(store.sessions, claim_id, TODAY)
    assert detail.checks == checks
    assert [c.verdict for c in detail.checks] == [Verdict.MET, Verdict.NOT_MET, Verdict.TO_DO]
    assert "Cor Jansen: aanwezig 50% van de dagen" in detail.checks[1].text
    assert detail.verdict() == Verdict.NOT_MET
    assert (detail.minutes, detail.cost_cents) == (3 * 14 * 60, 135000)
    # Cor left out of the claim: every check met but the claim still to send
    save_claim(store.sessions, replace(claim, training_ids=tuple(trainings[:2])), TODAY, claim_id)
    detail = claim_detail(store.sessions, claim_id, TODAY)
    assert [p.name for p in detail.participants] == ["Bram Visser", "Anna de Wit"]  # by last name
    assert detail.verdict() == Verdict.TO_DO
    [row] = list_claims(store.sessions, TODAY)
    assert (row.fund, row.participants, row.verdict) == ("OTIB", 2, Verdict.TO_DO)
    assert row.to_do.startswith("Declareer uiterlijk 1 maart 2027")


def test_a_claim_covers_one_course_and_is_saved_whole(store: DataStore, people: list[int]) -> None:
    first = course(store, people[:1], "Warmtepompen", D(2026, 11, 19), D(2026, 11, 20), 14, 45000)
    other = course(store, people[1:2], "VCA", D(2026, 10, 5), D(2026, 10, 5), 8, 20000)
    oom = fund_id(store, "OOM")
    with pytest.raises(ValidationError) as two:
        save_claim(store.sessions, ClaimInput(oom, (first[0], other[0])), TODAY)
    assert two.value.field == "training_ids"
    with pytest.raises(UserError):
        save_claim(store.sessions, ClaimInput(oom, (first[0], 9999)), TODAY)
    with store.engine.connect() as sql:
        assert sql.execute(text("SELECT count(*) FROM fund_claim")).scalar() == 0
    claim_id = save_claim(store.sessions, ClaimInput(oom, (first[0],)), TODAY)
    delete_claim(store.sessions, claim_id)
    with store.engine.connect() as sql:
        assert sql.execute(text("SELECT count(*) FROM fund_claim_training")).scalar() == 0


def test_hours_and_cost_per_fund_and_year_as_sql_counts_them(
    store: DataStore, people: list[int]
) -> None:
    a = course(store, people, "Warmtepompen", D(2026, 11, 19), D(2026, 11, 20), 14, 45000)
    b = course(store, people[:2], "VCA", D(2025, 10, 6), D(2025, 10, 6), 8, 20000)
    c = course(store, people[1:], "BHV", D(2026, 3, 2), D(2026, 3, 2), 6, 15000)
    otib, oom = fund_id(store, "OTIB"), fund_id(store, "OOM")
    save_claim(store.sessions, ClaimInput(otib, tuple(a), amount_cents=100000,
                                          granted_cents=90000), TODAY)  # fmt: skip
    save_claim(store.sessions, ClaimInput(otib, tuple(b[:1]), amount_cents=20000), TODAY)
    save_claim(store.sessions, ClaimInput(oom, tuple(c), amount_cents=30000,
                                          granted_cents=30000), TODAY)  # fmt: skip
    found = {(r.fund, r.year): r for r in totals_per_fund_and_year(store.sessions)}
    with store.engine.connect() as sql:
        expected = sql.execute(
            text(
                "SELECT f.name, CAST(strftime('%Y', t.starts_on) AS INTEGER) AS year,"
                " count(DISTINCT c.id), count(*), sum(t.minutes), sum(t.cost_cents)"
                " FROM fund_claim c JOIN fund f ON f.id = c.fund_id"
                " JOIN fund_claim_training ct ON ct.claim_id = c.id"
                " JOIN training t ON t.id = ct.training_id GROUP BY f.name, year"
            )
            if store.engine.dialect.name == "sqlite"
            else text(
                "SELECT f.name, CAST(extract(year FROM t.starts_on) AS INTEGER) AS year,"
                " count(DISTINCT c.id), count(*), sum(t.minutes), sum(t.cost_cents)"
                " FROM fund_claim c JOIN fund f ON f.id = c.fund_id"
                " JOIN fund_claim_training ct ON ct.claim_id = c.id"
                " JOIN training t ON t.id = ct.training_id GROUP BY f.name, year"
            )
        ).all()
        money: dict[str, int] = dict(
            sql.execute(
                text(
                    "SELECT f.name || '/' || x.y, sum(c.amount_cents) FROM fund_claim c"
                    " JOIN fund f ON f.id = c.fund_id JOIN (SELECT ct.claim_id,"
                    " min(t.starts_on) AS y FROM fund_claim_training ct JOIN training t"
                    " ON t.id = ct.training_id GROUP BY ct.claim_id) x ON x.claim_id = c.id"
                    " GROUP BY f.name, x.y"
                )
            ).all()
        )
    assert len(found) == len(expected) == 3
    for name, year, claims, participants, minutes, cost in expected:
        row = found[(name, year)]
        assert (row.claims, row.participants, row.minutes, row.cost_cents) == (
            claims, participants, minutes, cost,
        )  # fmt: skip
        assert row.claimed_cents == sum(
            v for k, v in money.items() if k.startswith(f"{name}/{year}")
        )
    assert found[("OTIB", 2026)].granted_cents == 90000
    assert [(r.fund, r.year) for r in totals_per_fund_and_year(store.sessions)] == [
        ("OOM", 2026), ("OTIB", 2026), ("OTIB", 2025),
    ]  # fmt: skip


def test_the_evidence_read_back(store: DataStore, people: list[int]) -> None:
    trainings = course(store, people, "Warmtepompen", D(2026, 11, 19), D(2026, 11, 20), 14, 45000)
    days = read_course(store.sessions, trainings[0]).days
    save_attendance(store.sessions, {(t, d): True for t in trainings for d in days}, TODAY)
    plan = fund_id(store, "Sectorplanplus")
    claim_id = save_claim(
        store.sessions,
        ClaimInput(plan, tuple(trainings), "SPP-2026-4", trainer_signed_on=D(2026, 11, 23),
                   amount_cents=120000, note="Via de regioregeling"),
        TODAY,
    )  # fmt: skip
    detail = claim_detail(store.sessions, claim_id, TODAY)
    pdf = claim_evidence_pdf(detail, "Van Dijk Installatie", None, TODAY)
    reader = PdfReader(io.BytesIO(pdf))
    words = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    for expected in (
        "Bewijs bij een declaratie bij Sectorplanplus",
        "SPP-2026-4",
        "Warmtepompen",
        "Opleidingshuis Techniek",
        "19 november 2026 tot en met 20 november 2026; 2 dagen",
        "De opleider heeft getekend op 23 november 2026",
        "Anna de Wit",
        "Cor Jansen",
        "2 van 2 (2 gemarkeerd)",
        "€ 1.350,00",
        "Via de regioregeling",
        "vinkjes in plaats van handtekeningen",
    ):
        assert expected in words, expected

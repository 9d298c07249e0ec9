"""The funds' rules (domain.funds): each shipped fund's conditions held against a claim's
facts, on the day before and after each term; the rules refused when they cannot hold;
the study years of the subsidy for practical learning."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest

from werkleren_desktop.domain.constants import FundKind
from werkleren_desktop.domain.funds import (
    SHIPPED,
    ClaimFacts,
    ClaimInput,
    ClaimParticipant,
    FundRule,
    Verdict,
    check_claim,
    claim_deadline,
    study_year_days,
    study_year_label,
    study_year_of,
)
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.i18n import set_language

D = dt.date
FUNDS = {rule.name: rule for rule in SHIPPED}


@pytest.fixture(autouse=True)
def english() -> None:
    set_language("en")


def facts(**changes: object) -> ClaimFacts:
    """A two-day course of 8 hours in November 2026 with two participants, all present."""
    base = ClaimFacts(
        D(2026, 11, 19),
        D(2026, 11, 20),
        8 * 60,
        2,
        [ClaimParticipant("Anna de Wit", 2, 2), ClaimParticipant("Bram Visser", 2, 2)],
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def verdicts(rule: FundRule, f: ClaimFacts, today: dt.date) -> list[tuple[Verdict, str]]:
    return [(c.verdict, c.text) for c in check_claim(rule, f, today)]


def test_every_shipped_rule_holds_and_says_where_it_comes_from() -> None:
    assert {"OTIB", "OOM", "Colland", "Sectorplanplus", "Praktijkleren", "SLIM"} <= set(FUNDS)
    for rule in SHIPPED:
        assert rule.validated() == rule
        assert "2026" in rule.source and len(rule.source) > 80


def test_otib_presence_of_80_percent_and_6_hours() -> None:
    otib = FUNDS["OTIB"]
    assert otib.min_presence_percent == 80 and otib.min_minutes == 6 * 60
    met = verdicts(otib, facts(), D(2026, 12, 1))
    assert met[0] == (Verdict.MET, "The course takes 8 hours; the fund asks at least 6 hours.")
    assert met[1] == (Verdict.MET, "All 2 participants were present at least 80% of the days.")
    # five days, four present is 80%: met; three of five is 60%: not met
    five = facts(
        days=5, participants=[ClaimParticipant("Anna", 4, 5), ClaimParticipant("Bram", 3, 5)]
    )
    checks = verdicts(otib, five, D(2026, 12, 1))
    assert (Verdict.NOT_MET, "Bram: present 60% of the days; the fund asks at least 80%.") in checks
    assert not any("Anna" in text for _v, text in checks)
    # five and a half hours is too short
    short = verdicts(otib, facts(minutes=5 * 60 + 30), D(2026, 12, 1))
    assert short[0] == (
        Verdict.NOT_MET,
        "The course takes 5.5 hours; the fund asks at least 6 hours.",
    )


def test_presence_still_open_or_already_lost() -> None:
    otib = FUNDS["OTIB"]
    # one of five days marked, present: the other four can still make it
    open_ = facts(days=5, participants=[ClaimParticipant("Anna", 1, 1)])
    assert (Verdict.TO_DO, "Anna: 1 of 5 days marked; mark the others (Aanwezigheid…).") in (
        verdicts(otib, open_, D(2026, 12, 1))
    )
    # two of five absent already: 80% can no longer be reached
    lost = facts(days=5, participants=[ClaimParticipant("Anna", 1, 3)])
    assert verdicts(otib, lost, D(2026, 12, 1))[1] == (
        Verdict.NOT_MET,
        "Anna: absent too often to reach 80% (present 1 of 5 days).",
    )
    # nobody named
    assert (Verdict.NOT_MET, "The claim names no participants.") in verdicts(
        otib, facts(participants=[]), D(2026, 12, 1)
    )


def test_otib_claims_by_1_march_of_the_next_year() -> None:
    otib = FUNDS["OTIB"]
    assert claim_deadline(otib, D(2026, 11, 20)) == D(2027, 3, 1)
    assert claim_deadline(otib, D(2026, 1, 5)) == D(2027, 3, 1)
    on_time = verdicts(otib, facts(), D(2027, 2, 27))[-1]
    assert on_time == (Verdict.TO_DO, "Claim by March 1, 2027 (2 days left).")
    assert verdicts(otib, facts(), D(2027, 3, 1))[-1] == (
        Verdict.TO_DO, "Claim by March 1, 2027 (0 days left).",
    )  # fmt: skip
    assert verdicts(otib, facts(), D(2027, 3, 2))[-1] == (
        Verdict.NOT_MET, "Not claimed by the last day, March 1, 2027.",
    )  # fmt: skip
    claimed = verdicts(otib, facts(claimed_on=D(2027, 3, 1)), D(2027, 6, 1))[-1]
    assert claimed == (Verdict.MET, "Claimed on March 1, 2027, by the last day March 1, 2027.")


def test_oom_applies_before_the_course_and_claims_within_4_months() -> None:
    oom = FUNDS["OOM"]
    assert claim_deadline(oom, D(2026, 11, 20)) == D(2027, 3, 20)
    assert claim_deadline(oom, D(2026, 10, 31)) == D(2027, 2, 28)  # the month's last day
    before = verdicts(oom, facts(), D(2026, 11, 18))
    assert before[0] == (Verdict.TO_DO, "Apply before the first day, November 19, 2026.")
    assert verdicts(oom, facts(), D(2026, 11, 19))[0][0] == Verdict.NOT_MET
    assert verdicts(oom, facts(applied_on=D(2026, 11, 18)), D(2026, 12, 1))[0][0] == Verdict.MET
    # applied on the first day itself is not before the course
    assert verdicts(oom, facts(applied_on=D(2026, 11, 19)), D(2026, 12, 1))[0][0] == Verdict.NOT_MET
    late = verdicts(oom, facts(claimed_on=D(2027, 3, 21)), D(2027, 4, 1))[-1]
    assert late == (
        Verdict.NOT_MET,
        "Claimed on March 21, 2027, after the last day March 20, 2027.",
    )


def test_colland_evidence_within_2_months_of_a_check() -> None:
    colland = FUNDS["Colland"]
    assert verdicts(colland, facts(), D(2026, 12, 1))[-1][0] == Verdict.NOTE
    asked = facts(evidence_requested_on=D(2027, 1, 31))
    assert verdicts(colland, asked, D(2027, 3, 31))[-1] == (
        Verdict.TO_DO, "The fund asked for the evidence: send it by March 31, 2027.",
    )  # fmt: skip
    assert verdicts(colland, asked, D(2027, 4, 1))[-1][0] == Verdict.NOT_MET
    sent = replace(asked, evidence_sent_on=D(2027, 3, 31))
    assert verdicts(colland, sent, D(2027, 5, 1))[-1][0] == Verdict.MET


def test_sectorplanplus_signatures_trainer_7_days_manager_3_weeks() -> None:
    plan = FUNDS["Sectorplanplus"]
    checks = verdicts(plan, facts(), D(2026, 11, 27))
    assert checks[0][0] == Verdict.NOTE and "ticks" in checks[0][1]
    assert checks[1] == (
        Verdict.TO_DO,
        "The trainer signs the attendance lists by November 27, 2026.",
    )
    assert checks[2] == (
        Verdict.TO_DO,
        "The manager signs the attendance lists by December 11, 2026.",
    )
    later = verdicts(plan, facts(), D(2026, 11, 28))
    assert later[1] == (Verdict.NOT_MET, "The trainer did not sign by November 27, 2026.")
    signed = facts(trainer_signed_on=D(2026, 11, 27), manager_signed_on=D(2026, 12, 12))
    checks = verdicts(plan, signed, D(2026, 12, 20))
    assert checks[1][0] == Verdict.MET
    assert checks[2] == (
        Verdict.NOT_MET,
        "The manager signed on December 12, 2026, after December 11, 2026.",
    )


def test_a_fund_without_conditions_asks_nothing() -> None:
    assert check_claim(FundRule("Eigen regeling"), facts(), D(2026, 12, 1)) == []
    assert FundRule("Eigen regeling").describe() == "no conditions recorded"
    assert FUNDS["OTIB"].describe() == (
        "at least 80% present, at least 6 hours, claim by March 1 of the next year"
    )


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": "  "}, "name"),
        ({"min_presence_percent": 0}, "min_presence_percent"),
        ({"min_presence_percent": 101}, "min_presence_percent"),
        ({"min_minutes": 0}, "min_minutes"),
        ({"claim_within_months": 0}, "claim_within_months"),
        ({"claim_by": (2, 29)}, "claim_by"),
        ({"claim_by": (13, 1)}, "claim_by"),
        ({"trainer_sign_days": -1}, "trainer_sign_days"),
        ({"share_percent": 120}, "share_percent"),
        ({"max_cents": 0}, "max_cents"),
        ({"source": "x" * 1501}, "source"),
    ],
)
def test_a_rule_that_cannot_hold_is_refused_on_its_field(
    changes: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        replace(FUNDS["OTIB"], **changes).validated()
    assert refused.value.field == field


def test_a_claim_as_entered() -> None:
    today = D(2026, 12, 1)
    claim = ClaimInput(1, (3, 2, 3), " OTIB-2026-  17 ", note="  per post ")
    assert claim.validated(today) == ClaimInput(1, (2, 3), "OTIB-2026- 17", note="per post")
    for changes, field in (
        ({"training_ids": ()}, "training_ids"),
        ({"claimed_on": D(2026, 12, 2)}, "claimed_on"),
        ({"applied_on": D(2026, 11, 2), "claimed_on": D(2026, 11, 1)}, "claimed_on"),
        ({"evidence_sent_on": D(2026, 11, 1)}, "evidence_requested_on"),
        ({"evidence_requested_on": D(2026, 11, 2), "evidence_sent_on": D(2026, 11, 1)},
         "evidence_sent_on"),
        ({"amount_cents": -1}, "amount"),
        ({"reference": "x" * 101}, "reference"),
    ):  # fmt: skip
        with pytest.raises(ValidationError) as refused:
            replace(claim, **changes).validated(today)
        assert refused.value.field == field


def test_study_years_run_from_august_to_july() -> None:
    assert study_year_of(D(2026, 7, 31)) == 2025
    assert study_year_of(D(2026, 8, 1)) == 2026
    assert study_year_label(2027) == "2027-2028"
    assert study_year_days(2027) == (D(2027, 8, 1), D(2028, 7, 31))
    assert FUNDS["Praktijkleren"].kind == FundKind.PLACEMENT
    assert FUNDS["Praktijkleren"].runs_until == study_year_days(2027)[1]

"""Onboarding a new colleague (domain.onboarding, services.onboarding): steps on working
days that skip weekends, closed public holidays and closing days; the certificates the
function requires; an experienced buddy proposed; the first talent conversation planned
with the plan; steps ticked off; the checklist on paper read back with pypdf."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from tests.conftest import TODAY
from werkleren_desktop.domain.calendar import ClosingPeriodSpan, WorkCalendar
from werkleren_desktop.domain.onboarding import (
    OnboardingInput,
    StepInput,
    StepOwner,
    standard_steps,
    working_day,
)
from werkleren_desktop.domain.organisation import ClosingPeriodInput, OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.domain.qualifications import FunctionInput
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.services.certificates import list_certificate_types
from werkleren_desktop.services.functions import save_function
from werkleren_desktop.services.onboarding import (
    mark_step,
    propose_plan,
    read_plan,
    save_plan,
)
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import save_person
from werkleren_desktop.storage.data_store import DataStore

D = dt.date


def test_working_days_skip_weekends_holidays_and_closing_days() -> None:
    calendar = WorkCalendar(
        closing_periods=(ClosingPeriodSpan(D(2026, 12, 28), D(2026, 12, 31), "Kerstsluiting"),)
    )
    # Thursday 24 December 2026: day 1; Christmas on Friday and Saturday, the weekend,
    # the closing days to New Year's Day: day 2 is Monday 4 January
    assert working_day(calendar, D(2026, 12, 24), 1) == D(2026, 12, 24)
    assert working_day(calendar, D(2026, 12, 24), 2) == D(2027, 1, 4)
    # a first day in the weekend: day 1 is the Monday after
    assert working_day(calendar, D(2026, 11, 28), 1) == D(2026, 11, 30)
    assert working_day(calendar, D(2026, 11, 28), 5) == D(2026, 12, 4)
    assert working_day(calendar, D(2026, 11, 28), 6) == D(2026, 12, 7)
    # a four-day week (Monday to Thursday)
    four = WorkCalendar(working_days=frozenset({1, 2, 3, 4}))
    assert working_day(four, D(2026, 11, 30), 5) == D(2026, 12, 7)


def test_the_usual_steps_hold_the_required_certificates_and_the_first_conversation() -> None:
    steps = standard_steps(["BHV", "VCA Basis"])
    assert [s.working_day for s in steps] == sorted(s.working_day for s in steps)
    titles = [s.title for s in steps]
    assert "Certificaat BHV gehaald (vereist voor de functie)" in titles
    conversation = [s for s in steps if s.conversation]
    assert len(conversation) == 1 and conversation[0].working_day == 60
    for wrong, field in (
        (OnboardingInput(1, 1, TODAY, steps), "buddy"),
        (OnboardingInput(1, 2, TODAY, ()), "steps"),
        (OnboardingInput(1, 2, TODAY, (StepInput(" ", 1),)), "steps"),
        (OnboardingInput(1, 2, TODAY, (StepInput("Welkom", 0),)), "steps"),
        (OnboardingInput(1, 2, TODAY, (StepInput("Welkom", 131),)), "steps"),
    ):
        with pytest.raises(ValidationError) as refused:
            wrong.validated()
        assert refused.value.field == field


@pytest.fixture
def org(store: DataStore) -> dict[str, int]:
    sessions = store.sessions
    create_organisation(
        sessions,
        OrganisationSettings(
            name="Van Dijk",
            closing_periods=(
                ClosingPeriodInput(D(2026, 12, 28), D(2026, 12, 31), "Kerstsluiting"),
            ),
        ),
    )
    types = {t.name: t.id for t in list_certificate_types(sessions)}
    save_function(sessions, FunctionInput("Monteur", certificates=(types["VCA Basis"],)))
    boss = save_person(sessions, PersonInput("Bea", "Baas", D(2010, 1, 1), job_title="Teamleider"),
                       TODAY)  # fmt: skip
    found = {"boss": boss}
    for key, first, since, title in (
        ("old", "Oscar", D(2009, 3, 1), "Monteur"),
        ("mid", "Mira", D(2018, 3, 1), "Monteur"),
        ("planner", "Pia", D(2005, 3, 1), "Planner"),
        ("new", "Noor", D(2026, 12, 24), "Monteur"),
    ):
        found[key] = save_person(
            sessions,
            PersonInput(first, "Jansen", since, job_title=title, manager_id=boss),
            TODAY,
        )
    return found


def test_a_plan_proposed_saved_and_ticked_off(store: DataStore, org) -> None:
    sessions = store.sessions
    proposal = propose_plan(sessions, org["new"], TODAY)
    assert proposal.starts_on == D(2026, 12, 24)
    # the buddy: the same function first, longest in service; never the manager
    assert [c.id for c in proposal.candidates][:2] == [org["old"], org["mid"]]
    assert org["boss"] not in {c.id for c in proposal.candidates}
    assert any("VCA Basis" in s.title for s in proposal.steps)
    save_plan(
        sessions,
        OnboardingInput(org["new"], org["old"], proposal.starts_on, proposal.steps),
        TODAY,
    )
    plan = read_plan(sessions, org["new"])
    assert plan is not None and plan.buddy_name == "Oscar Jansen"
    # each step's day on the working days: Christmas and the closing days skipped
    days = {s.working_day: s.due_on for s in plan.steps}
    assert days[1] == D(2026, 12, 24) and days[2] == D(2027, 1, 4) and days[5] == D(2027, 1, 7)
    with store.engine.connect() as sql:
        planned = sql.execute(
            text("SELECT planned_on, manager_id FROM talent_conversation WHERE person_id = :p"),
            {"p": org["new"]},
        ).all()
    # the first talent conversation, with the manager, on its step's day
    (conversation_day, manager), = planned  # fmt: skip
    assert (str(conversation_day)[:10], manager) == (str(days[60]), org["boss"])

    first = plan.steps[0]
    with pytest.raises(ValidationError):
        mark_step(sessions, first.id, TODAY + dt.timedelta(days=1), TODAY)
    mark_step(sessions, first.id, TODAY, TODAY)
    # saving again keeps what was done and does not plan a second conversation
    save_plan(
        sessions,
        OnboardingInput(org["new"], org["mid"], proposal.starts_on,
                        (*proposal.steps, StepInput("Sleutels teruggeven", 3, StepOwner.BUDDY))),
        TODAY,
    )  # fmt: skip
    again = read_plan(sessions, org["new"])
    assert again is not None and again.buddy_name == "Mira Jansen"
    assert next(s for s in again.steps if s.title == first.title).done_on == TODAY
    assert len(again.steps) == len(plan.steps) + 1
    with store.engine.connect() as sql:
        assert (
            sql.execute(
                text("SELECT count(*) FROM talent_conversation WHERE person_id = :p"),
                {"p": org["new"]},
            ).scalar_one()
            == 1
        )


def test_the_checklist_on_paper(store: DataStore, org) -> None:
    from werkleren_desktop.documents.onboarding_checklist import checklist_pdf

    proposal = propose_plan(store.sessions, org["new"], TODAY)
    save_plan(store.sessions, OnboardingInput(org["new"], org["old"], proposal.starts_on,
                                              proposal.steps, False), TODAY)  # fmt: skip
    plan = read_plan(store.sessions, org["new"])
    assert plan is not None
    mark_step(store.sessions, plan.steps[0].id, TODAY, TODAY)
    plan = read_plan(store.sessions, org["new"])
    assert plan is not None
    reader = PdfReader(io.BytesIO(checklist_pdf(plan, "Van Dijk", None, TODAY)))
    printed = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Inwerkplan van Noor Jansen" in printed and "Oscar Jansen" in printed
    assert "04-01-2027" in printed  # working day 2, after Christmas and the closing days
    assert "☒" in printed and "☐" in printed
    for signer in ("Nieuwe collega", "Buddy", "Leidinggevende"):
        assert signer in printed


def test_without_a_manager_the_conversation_is_refused_and_the_plan_not_saved(
    store: DataStore, org
) -> None:
    loner = save_person(store.sessions, PersonInput("Lars", "Alleen", D(2026, 11, 2)), TODAY)
    proposal = propose_plan(store.sessions, loner, TODAY)
    assert not proposal.has_manager
    with pytest.raises(ValidationError) as refused:
        save_plan(store.sessions, OnboardingInput(loner, None, proposal.starts_on,
                                                  proposal.steps), TODAY)  # fmt: skip
    assert refused.value.field == "plan_conversation"
    assert read_plan(store.sessions, loner) is None  # all or nothing

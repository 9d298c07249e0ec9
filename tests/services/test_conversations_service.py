"""Talent conversations against the database: plan, prepare, hold, account, sign, correct."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import TODAY
from werkleren_desktop.db.models import (
    AgreementOwner,
    AgreementStatus,
    AttendanceStatus,
    SignMark,
    SituationKind,
)
from werkleren_desktop.domain.conversations import (
    AgreementInput,
    ConversationPlan,
    ConversationSchedule,
    DueStatus,
    RecordInput,
    ReviewInput,
    Signature,
)
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.domain.situations import SituationInput
from werkleren_desktop.errors import UserError, ValidationError
from werkleren_desktop.services.conversations import (
    correct_record,
    delete_conversation,
    due_overview,
    get_conversation,
    latest_held,
    next_conversation,
    open_agreements,
    plan_conversation,
    save_preparation,
    save_record,
    sign_conversation,
)
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import save_person
from werkleren_desktop.services.situations import save_situation
from werkleren_desktop.storage.data_store import DataStore

D = dt.date


@pytest.fixture
def team(store: DataStore) -> tuple[int, int]:
    create_organisation(store.sessions, OrganisationSettings(name="Van Dijk"))
    manager = save_person(store.sessions, PersonInput("Marieke", "de Boer", D(2010, 1, 1)), TODAY)
    person = save_person(
        store.sessions,
        PersonInput("Şükrü", "Yılmaz", D(2019, 2, 14), job_title="Monteur", manager_id=manager),
        TODAY,
    )
    return person, manager


def test_a_conversation_from_plan_to_signed_record(store: DataStore, team) -> None:
    person, _manager = team
    first = plan_conversation(store.sessions, person, ConversationPlan(D(2026, 3, 10)))
    save_record(
        store.sessions,
        first,
        RecordInput(
            D(2026, 3, 10),
            {"went_well": "Storingen sneller opgelost."},
            (
                AgreementInput("VCA-diploma halen", AgreementOwner.PROFESSIONAL, D(2026, 9, 1)),
                AgreementInput("Tijd vrijmaken voor de leergroep", AgreementOwner.MANAGER),
            ),
        ),
        TODAY,
    )
    save_situation(
        store.sessions,
        SituationInput(D(2026, 5, 4), "Pomp lekt", SituationKind.IMPROVE, (person,), minutes=50),
        TODAY,
    )
    save_situation(  # before the period: not counted
        store.sessions,
        SituationInput(D(2026, 2, 4), "Oud", SituationKind.ANALYSE, (person,), minutes=10),
        TODAY,
    )

    second = plan_conversation(
        store.sessions, person, ConversationPlan(D(2026, 11, 20), dt.time(10, 0), "Kantoor")
    )
    save_preparation(store.sessions, second, {"talents": "Uitleggen aan leerlingen."})
    view = get_conversation(store.sessions, second)
    assert view.manager_name == "Marieke de Boer" and view.period_start == D(2026, 3, 10)
    assert view.preparation["talents"] == "Uitleggen aan leerlingen."
    assert view.facts.situations == 1 and view.facts.situation_minutes == 50
    assert [a.what for a in view.earlier] == [
        "VCA-diploma halen",
        "Tijd vrijmaken voor de leergroep",
    ]
    vca, time_for_group = view.earlier
    assert [a.what for a in open_agreements(store.sessions)] == [
        "VCA-diploma halen",  # due first
        "Tijd vrijmaken voor de leergroep",
    ]

    save_record(
        store.sessions,
        second,
        RecordInput(
            D(2026, 11, 20),
            {"talents": "Wil leerlingen begeleiden."},
            (AgreementInput("Leerling begeleiden", AgreementOwner.BOTH, D(2027, 3, 1)),),
            (
                ReviewInput(vca.id, AgreementStatus.DONE),
                ReviewInput(time_for_group.id, AgreementStatus.PARTLY, "Drukke zomer."),
            ),
        ),
        TODAY,
    )
    view = get_conversation(store.sessions, second)
    assert [(a.status, a.review_note) for a in view.earlier] == [
        (AgreementStatus.DONE, ""),
        (AgreementStatus.PARTLY, "Drukke zomer."),
    ]
    assert [a.what for a in open_agreements(store.sessions)] == ["Leerling begeleiden"]

    with pytest.raises(ValidationError, match="vóór het gesprek"):
        sign_conversation(
            store.sessions, second, AgreementOwner.MANAGER, Signature("M", D(2026, 11, 1)), TODAY
        )
    for anyone in ("Şükrü", "Marieke de Boer"):  # a first name, or the other one
        with pytest.raises(ValidationError, match="Deze kant tekent Şükrü Yılmaz, en niemand"):
            sign_conversation(
                store.sessions,
                second,
                AgreementOwner.PROFESSIONAL,
                Signature(anyone, D(2026, 11, 21)),
                TODAY,
            )
    sign_conversation(
        store.sessions,
        second,
        AgreementOwner.PROFESSIONAL,
        Signature("Şükrü Yılmaz", D(2026, 11, 21), SignMark.AGREED),
        TODAY,
    )
    assert not get_conversation(store.sessions, second).locked
    sign_conversation(
        store.sessions,
        second,
        AgreementOwner.MANAGER,
        Signature("Marieke de Boer", D(2026, 11, 21)),
        TODAY,
    )
    view = get_conversation(store.sessions, second)
    assert view.locked and view.professional_signature is not None
    assert view.professional_signature.mark is SignMark.AGREED
    with pytest.raises(UserError, match="vergrendeld"):
        save_preparation(store.sessions, second, {})
    with pytest.raises(UserError, match="vergrendeld"):
        save_record(store.sessions, second, RecordInput(D(2026, 11, 20), {}), TODAY)

    moment = dt.datetime(2026, 11, 28, 9, 15)
    with pytest.raises(ValidationError, match="reden"):
        correct_record(store.sessions, second, "talents", "Nieuw", " ", moment)
    correct_record(
        store.sessions,
        second,
        "talents",
        "Wil leerlingen en stagiairs begeleiden.",
        "Stagiairs vergeten",
        moment,
    )
    view = get_conversation(store.sessions, second)
    assert view.notes["talents"] == "Wil leerlingen en stagiairs begeleiden."
    (correction,) = view.corrections
    assert (correction.part, correction.before, correction.reason) == (
        "Talenten en wat energie geeft",
        "Wil leerlingen begeleiden.",
        "Stagiairs vergeten",
    )
    assert latest_held(store.sessions, person).id == second
    with pytest.raises(UserError, match="gehouden"):
        delete_conversation(store.sessions, second)


def test_the_next_conversation_without_a_plan(store: DataStore, team) -> None:
    from werkleren_desktop.domain.cycles import SessionTimes, cycle_days
    from werkleren_desktop.domain.groups import GroupInput
    from werkleren_desktop.services.cycles import (
        AttendanceInput,
        CycleDraft,
        cycle_detail,
        plan_cycle,
        record_attendance,
    )
    from werkleren_desktop.services.groups import add_member, save_group

    person, _manager = team
    group = save_group(store.sessions, GroupInput("Warmtepompen", D(2026, 1, 1)))
    add_member(store.sessions, group, person, D(2026, 1, 1))
    days = cycle_days(D(2026, 10, 5))
    cycle = plan_cycle(
        store.sessions, CycleDraft(group, days, SessionTimes(dt.time(8, 0), 60), ("",) * 4)
    )
    first_session = cycle_detail(store.sessions, cycle).sessions[0].id
    record_attendance(
        store.sessions, first_session, [AttendanceInput(person, AttendanceStatus.PRESENT)], TODAY
    )
    from werkleren_desktop.db.models import TrainingForm, TrainingStatus
    from werkleren_desktop.domain.training import TrainingInput
    from werkleren_desktop.services.training import save_training

    save_training(
        store.sessions,
        TrainingInput((person,), "VCA", TrainingForm.COURSE, D(2026, 6, 1), D(2026, 6, 2),
                      960, 32500, status=TrainingStatus.DONE),
        TODAY,
    )  # fmt: skip
    view = next_conversation(store.sessions, person, TODAY)
    assert view.id is None and view.period_start == D(2019, 2, 14)
    assert (view.facts.trainings_done, view.facts.training_minutes) == (1, 960)
    assert (view.facts.budget_year, view.facts.budget_spent_cents) == (2026, 32500)
    assert view.facts.budget_cents == OrganisationSettings(name="x").default_training_budget_cents
    assert (view.facts.cycles_attended, view.facts.sessions_attended) == (1, 1)
    assert view.facts.session_minutes == 60
    with pytest.raises(UserError, match="nog geen gesprek"):
        latest_held(store.sessions, person)


def test_who_is_due_this_half_year(store: DataStore, team) -> None:
    person, manager = team
    newcomer = save_person(
        store.sessions, PersonInput("Noor", "Bakker", D(2026, 10, 1), manager_id=manager), TODAY
    )
    fixed = ConversationSchedule((3, 9))
    rows = {r.person_id: r for r in due_overview(store.sessions, TODAY, fixed)}
    assert rows[person].status is DueStatus.OVERDUE and rows[person].due_on == D(2026, 9, 30)
    assert rows[person].manager_name == "Marieke de Boer"
    assert rows[newcomer].status is DueStatus.NOT_DUE
    planned = plan_conversation(store.sessions, person, ConversationPlan(D(2026, 12, 8)))
    rows = {r.person_id: r for r in due_overview(store.sessions, TODAY, fixed)}
    assert rows[person].status is DueStatus.PLANNED and rows[person].conversation_id == planned
    save_record(store.sessions, planned, RecordInput(D(2026, 11, 27), {}), TODAY)
    rows = {r.person_id: r for r in due_overview(store.sessions, TODAY, fixed)}
    assert rows[person].status is DueStatus.DONE
    # six-monthly from the date in service (14 February): due on 14 August
    rows = {r.person_id: r for r in due_overview(store.sessions, TODAY, ConversationSchedule())}
    assert (rows[person].due_on, rows[person].status) == (D(2026, 8, 14), DueStatus.DONE)
    assert rows[newcomer].status is DueStatus.NOT_DUE
    # the conversation is with the direct manager: someone without one is not listed
    assert manager not in rows


def test_the_first_day_a_noted_last_conversation_counts_as_held(store: DataStore, team) -> None:
    """An owner who starts today notes when each last conversation was held: those held
    this half year are done, those held earlier are honestly still overdue, and a
    record held later takes over."""
    from werkleren_desktop.services.people import get_person, note_last_conversation

    person, manager = team
    others = [
        save_person(
            store.sessions,
            PersonInput(first, last, D(2018, 5, 1), manager_id=manager),
            TODAY,
        )
        for first, last in (("Fleur", "de Groot"), ("Henk", "Verhoeven"), ("Sanne", "Jansen"))
    ]
    fixed = ConversationSchedule((3, 9))
    before = {r.person_id: r for r in due_overview(store.sessions, TODAY, fixed)}
    assert [before[p].status for p in (person, *others)] == [DueStatus.OVERDUE] * 4

    assert note_last_conversation(store.sessions, [person, *others[:2]], D(2026, 9, 18), TODAY) == 3
    assert note_last_conversation(store.sessions, [others[2]], D(2026, 4, 2), TODAY) == 1
    rows = {r.person_id: r for r in due_overview(store.sessions, TODAY, fixed)}
    for noted in (person, *others[:2]):
        assert rows[noted].status is DueStatus.DONE
        assert rows[noted].conversation_on == D(2026, 9, 18) == rows[noted].last_held_on
        assert rows[noted].conversation_id is None  # no record to open
    assert rows[others[2]].status is DueStatus.OVERDUE  # April was last half year's
    assert rows[others[2]].last_held_on == D(2026, 4, 2)
    assert get_person(store.sessions, others[2]).last_conversation_on == D(2026, 4, 2)

    # a conversation recorded later counts by itself
    held = plan_conversation(store.sessions, others[2], ConversationPlan(D(2026, 11, 20)))
    save_record(store.sessions, held, RecordInput(D(2026, 11, 20), {}), TODAY)
    rows = {r.person_id: r for r in due_overview(store.sessions, TODAY, fixed)}
    assert rows[others[2]].status is DueStatus.DONE
    assert (rows[others[2]].conversation_id, rows[others[2]].last_held_on) == (
        held,
        D(2026, 11, 20),
    )

    # forgetting the date brings the honest state back
    note_last_conversation(store.sessions, [person], None, TODAY)
    rows = {r.person_id: r for r in due_overview(store.sessions, TODAY, fixed)}
    assert rows[person].status is DueStatus.OVERDUE and rows[person].last_held_on is None


def test_noting_a_last_conversation_for_many_is_all_or_nobody(store: DataStore, team) -> None:
    from werkleren_desktop.services.people import get_person, note_last_conversation

    person, manager = team
    newcomer = save_person(
        store.sessions, PersonInput("Noor", "Bakker", D(2026, 10, 1), manager_id=manager), TODAY
    )
    with pytest.raises(ValidationError) as refused:
        note_last_conversation(store.sessions, [person, newcomer], D(2026, 9, 1), TODAY)
    assert str(refused.value) == (
        "Het laatste gesprek kan niet vóór de datum in dienst liggen. Het gaat om: Noor Bakker."
    )
    assert get_person(store.sessions, person).last_conversation_on is None  # nobody changed
    with pytest.raises(ValidationError, match="toekomst"):
        note_last_conversation(store.sessions, [person], TODAY + dt.timedelta(days=1), TODAY)
    with pytest.raises(UserError, match="bestaat niet meer"):
        note_last_conversation(store.sessions, [person, 9999], D(2026, 9, 1), TODAY)

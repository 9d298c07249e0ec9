"""Scans kept and compared, and the measured indicators on records built by hand."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from tests.conftest import TODAY
from werkleren_desktop.db.models import (
    Agreement,
    AgreementOwner,
    AgreementStatus,
    Attendance,
    AttendanceStatus,
    CycleSession,
    GroupMembership,
    GroupStatus,
    LearningGroup,
    LearningSituation,
    Person,
    SituationConsultation,
    SituationKind,
    SituationPerson,
    SituationStatus,
    TalentConversation,
    Training,
    TrainingForm,
    TrainingStatus,
    WeekCycle,
)
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.scans import (
    Answer,
    Facts,
    Period,
    ScanInput,
    changed_between,
    indicators,
)
from werkleren_desktop.errors import UserError, ValidationError
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.scans import (
    data_years,
    delete_response,
    delete_scan,
    get_response,
    get_scan,
    list_scans,
    measure,
    save_response,
    save_scan,
    scan_result,
)
from werkleren_desktop.storage.data_store import DataStore

D = dt.date
YEAR = Period.year(2025)
START = D(2015, 1, 1)


@pytest.fixture
def org(store: DataStore) -> DataStore:
    create_organisation(store.sessions, OrganisationSettings(name="Van Dijk"))
    return store


def test_scans_keep_anonymous_forms_and_compare_with_the_one_before(org: DataStore) -> None:
    s = org.sessions
    spring = save_scan(s, ScanInput(D(2026, 3, 2), "Team voorjaar"), TODAY)
    autumn = save_scan(s, ScanInput(D(2026, 10, 5), "Team najaar"), TODAY)
    save_response(s, spring, {"1": Answer(2), "31": Answer(1, remark="vooral thuis")})
    first = save_response(s, autumn, {"1": Answer(4), "31": Answer(3)})
    save_response(s, autumn, {"1": Answer(5), "31": Answer(not_applicable=True)})

    rows = list_scans(s)
    assert [(r.title, r.responses) for r in rows] == [("Team najaar", 2), ("Team voorjaar", 1)]
    assert rows[0].mean == pytest.approx((4.5 + 3) / 2)

    result = scan_result(s, autumn)
    assert result.response_numbers == (1, 2)
    assert result.items["1"].mean == 4.5 and result.items["31"].not_applicable == 1
    assert result.previous is not None and result.previous.title == "Team voorjaar"
    assert result.previous_items is not None
    assert result.previous_items["31"].remarks == ("vooral thuis",)
    assert scan_result(s, spring).previous is None
    assert result.organisation == "Van Dijk"

    save_response(s, autumn, {"1": Answer(1)}, response_id=first)  # a corrected form
    assert get_response(s, first) == {"1": Answer(1)}
    delete_response(s, first)
    assert scan_result(s, autumn).response_numbers == (2,)
    third = save_response(s, autumn, {"C4": Answer(3)})
    assert scan_result(s, autumn).response_numbers == (2, 3)
    assert get_response(s, third) == {"C4": Answer(3)}

    delete_scan(s, spring)
    assert scan_result(s, autumn).previous is None
    with pytest.raises(UserError, match="bestaat niet meer"):
        scan_result(s, spring)


def test_a_wrong_form_or_scan_stores_nothing(org: DataStore) -> None:
    s = org.sessions
    with pytest.raises(ValidationError):
        save_scan(s, ScanInput(TODAY, ""), TODAY)
    assert list_scans(s) == []
    scan = save_scan(s, ScanInput(TODAY, "Alleen ik"), TODAY)
    with pytest.raises(ValidationError):
        save_response(s, scan, {"1": Answer(9)})
    assert scan_result(s, scan).response_numbers == ()
    with pytest.raises(UserError, match="formulier bestaat niet meer"):
        save_response(s, scan, {"1": Answer(3)}, response_id=999)


def person(
    first: str,
    born: int | None,
    start: dt.date = START,
    left: dt.date | None = None,
) -> Person:
    return Person(
        first_name=first,
        last_name="Test",
        in_service=start,
        out_of_service=left,
        birth_year=born,
    )


def situation(
    day: dt.date,
    logged: dt.date,
    kind: SituationKind = SituationKind.ANALYSE,
    ai: bool = False,
    minutes: int | None = 60,
    working: bool = True,
) -> LearningSituation:
    return LearningSituation(
        occurred_on=day,
        title="Situatie",
        kind=kind,
        status=SituationStatus.DONE,
        ai_used=ai,
        minutes=minutes,
        in_working_time=working,
        created_at=dt.datetime.combine(logged, dt.time(17, 30)),
    )


def test_situation_indicators_on_records_built_by_hand(org: DataStore) -> None:
    with org.sessions.begin() as session:
        expert = person("Eva", 1960)
        session.add(expert)
        session.add_all(
            [
                situation(D(2025, 3, 3), D(2025, 3, 3), SituationKind.IMPROVE, ai=True),
                situation(D(2025, 3, 3), D(2025, 3, 5), SituationKind.IMPROVE),  # 2 days: in time
                situation(D(2025, 3, 3), D(2025, 3, 6), SituationKind.INNOVATE, working=False),
                situation(D(2025, 6, 1), D(2025, 6, 20), minutes=None),
                situation(D(2024, 12, 31), D(2024, 12, 31), SituationKind.INNOVATE, ai=True),
            ]
        )
        session.flush()
        first = session.query(LearningSituation).order_by(LearningSituation.id).first()
        assert first is not None
        session.add_all(  # two consultations on one situation count as one situation
            [
                SituationConsultation(situation_id=first.id, person_id=expert.id),
                SituationConsultation(situation_id=first.id, outside_name="Adviesbureau"),
            ]
        )
        learner = person("Ali", 1995)
        session.add(learner)
        session.flush()
        for logged in session.query(LearningSituation):
            session.add(SituationPerson(situation_id=logged.id, person_id=learner.id))
        # two learned from the first: its hour counts twice, as person-hours do
        session.add(SituationPerson(situation_id=first.id, person_id=expert.id))
    facts = measure(org.sessions, YEAR)
    assert facts.situations == 4
    assert facts.situations_just_in_time == 2
    assert facts.situations_with_ai == 1
    assert facts.situations_consulted == 1
    assert (facts.situations_improving, facts.situations_innovating) == (2, 1)
    assert (facts.learning_minutes, facts.learning_minutes_in_working_time) == (240, 180)
    assert facts.situation_minutes == 240
    found = indicators(facts)
    assert found["32"].share == 0.5 and found["20"].share == 0.25
    assert data_years(org.sessions) == [2025, 2024]


def test_learning_hours_count_training_and_attended_cycles_as_well(org: DataStore) -> None:
    with org.sessions.begin() as session:
        anna, bob = person("Anna", 1990), person("Bob", 1962)
        group = LearningGroup(name="Groep", starts=D(2024, 1, 1), status=GroupStatus.ACTIVE)
        session.add_all([anna, bob, group])
        session.flush()
        cycle = WeekCycle(group_id=group.id)
        session.add(cycle)
        session.flush()
        for day, cancelled in ((D(2025, 5, 12), False), (D(2025, 5, 13), True)):
            sitting = CycleSession(
                cycle_id=cycle.id,
                day_number=1,
                starts_at=dt.datetime.combine(day, dt.time(15)),
                cancelled=cancelled,
                uid=uuid.uuid4().hex,
            )
            session.add(sitting)
            session.flush()
            session.add_all(
                [
                    Attendance(
                        session_id=sitting.id, person_id=anna.id, status=AttendanceStatus.PRESENT
                    ),
                    Attendance(
                        session_id=sitting.id, person_id=bob.id, status=AttendanceStatus.ABSENT
                    ),
                ]
            )
        for minutes, working, status in (
            (480, True, TrainingStatus.DONE),
            (240, False, TrainingStatus.PLANNED),
            (600, True, TrainingStatus.CANCELLED),
        ):
            session.add(
                Training(
                    person_id=anna.id,
                    title="Cursus",
                    form=TrainingForm.COURSE,
                    starts_on=D(2025, 9, 1),
                    ends_on=D(2025, 9, 1),
                    minutes=minutes,
                    in_working_time=working,
                    status=status,
                )
            )
    facts = measure(org.sessions, YEAR)
    # 480 + 240 training (cancelled never) + one attended hour of the cycle
    assert (facts.learning_minutes, facts.learning_minutes_in_working_time) == (780, 540)
    assert (facts.training_minutes, facts.cycle_minutes, facts.situation_minutes) == (720, 60, 0)
    assert measure(org.sessions, Period.year(2023)).learning_minutes == 0
    # formal training is the largest part: characteristic 13 says so
    found = indicators(facts)
    assert (found["13"].part, found["13"].whole) == (60, 780)
    assert found["13"].note.startswith("Formeel leren is het grootste deel")
    assert (found["35"].part, found["35"].whole) == (60, 780)


def test_the_split_indicators_and_the_conversations_due_against_sql(store: DataStore) -> None:
    """13 (in and around the work), 35 (in week cycles), 42 (brought in by professionals)
    and 44 (a conversation in the last six months, of the people with a manager) on the
    demo, against SQL of the test's own."""
    from sqlalchemy import text

    from werkleren_desktop.services.demo import DemoSize, generate_demo

    generate_demo(store.sessions, DemoSize.SMALL, today=TODAY)
    with store.engine.connect() as sql:
        values = {"first": "2025-01-01", "last": "2025-12-31"}
        situations, during_cycles = sql.execute(  # person-hours: once per learner
            text(
                "SELECT coalesce(sum(s.minutes), 0),"
                " coalesce(sum(CASE WHEN s.cycle_id IS NOT NULL THEN s.minutes END), 0)"
                " FROM learning_situation s JOIN situation_person p ON p.situation_id = s.id"
                " WHERE s.occurred_on BETWEEN :first AND :last"
            ),
            values,
        ).one()
        training = sql.execute(
            text(
                "SELECT coalesce(sum(minutes), 0) FROM training WHERE status <> 'cancelled'"
                " AND starts_on BETWEEN :first AND :last"
            ),
            values,
        ).scalar_one()
        cycles = sql.execute(
            text(
                "SELECT coalesce(sum(s.duration_minutes), 0) FROM attendance a"
                " JOIN cycle_session s ON s.id = a.session_id WHERE a.status = 'present'"
                " AND NOT s.cancelled AND date(s.starts_at) BETWEEN :first AND :last"
            ),
            values,
        ).scalar_one()
        due, talked = sql.execute(
            text(
                "SELECT count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM"
                " talent_conversation t WHERE t.person_id = p.id AND t.held_on > '2025-06-30'"
                " AND t.held_on <= :last)) FROM person p WHERE p.manager_id IS NOT NULL"
                " AND p.in_service <= :last AND (p.out_of_service IS NULL"
                " OR p.out_of_service >= :last)"
            ),
            values,
        ).one()
        without_manager = sql.execute(
            text(
                "SELECT count(*) FROM person WHERE manager_id IS NULL AND in_service <= :last"
                " AND (out_of_service IS NULL OR out_of_service >= :last)"
            ),
            values,
        ).scalar_one()
        # the demo's learning requests are of the last months: 42 over the last year
        recent = Period.months_before(TODAY, 12)
        since = {"first": recent.first.isoformat(), "last": recent.last.isoformat()}
        brought_in, logged, mistakes = sql.execute(
            text(
                "SELECT count(brought_in_by), count(*), count(*) FILTER (WHERE from_mistake)"
                " FROM learning_situation WHERE occurred_on BETWEEN :first AND :last"
            ),
            since,
        ).one()
        scans = sql.execute(text("SELECT id, questionnaire FROM scan ORDER BY held_on")).all()
        asked = sql.execute(
            text("SELECT count(*) FROM learning_request WHERE asked_on BETWEEN :first AND :last"),
            since,
        ).scalar_one()
    recently = indicators(measure(store.sessions, recent))
    initiative = recently["42"]
    assert (recently["C3"].part, recently["C3"].whole) == (mistakes, logged)
    assert 0 < mistakes < logged  # the demo logs some mistakes, without blame
    # the demo's last scan used the second version: its comparison marks the rows
    assert [version for _id, version in scans] == [1, 1, 2]
    last = scan_result(store.sessions, scans[-1][0])
    assert last.previous is not None and last.previous.questionnaire == 1
    assert last.changed == changed_between(1, 2) and "44" in last.changed
    assert (initiative.part, initiative.whole) == (brought_in + asked, logged + asked)
    assert 0 < brought_in < logged and asked > 0  # the demo has both
    found = indicators(measure(store.sessions, YEAR))
    everything = situations + cycles + training
    assert (found["13"].part, found["13"].whole) == (situations + cycles, everything)
    assert (found["35"].part, found["35"].whole) == (cycles + during_cycles, everything)
    assert (found["44"].part, found["44"].whole) == (talked, due)
    assert without_manager >= 1  # the owner: never due, not counted
    assert bool(found["13"].note) == (training > max(situations, cycles))


def test_groups_mix_generations_when_members_were_there_in_the_period(org: DataStore) -> None:
    with org.sessions.begin() as session:
        young, old, young2, unknown = (
            person("Jong", 1998),
            person("Oud", 1962),
            person("Jong2", 1997),
            person("Onbekend", None),
        )
        mixed = LearningGroup(name="Gemengd", starts=D(2024, 1, 1), status=GroupStatus.ACTIVE)
        same = LearningGroup(name="Eén generatie", starts=D(2024, 1, 1), status=GroupStatus.ACTIVE)
        unclear = LearningGroup(name="Onbekend", starts=D(2024, 1, 1), status=GroupStatus.ACTIVE)
        later = LearningGroup(name="Later", starts=D(2026, 1, 1), status=GroupStatus.ACTIVE)
        session.add_all([young, old, young2, unknown, mixed, same, unclear, later])
        session.flush()
        session.add_all(
            [
                GroupMembership(group_id=mixed.id, person_id=young.id, joined=D(2024, 1, 1)),
                GroupMembership(group_id=mixed.id, person_id=old.id, joined=D(2024, 1, 1)),
                GroupMembership(group_id=same.id, person_id=young.id, joined=D(2024, 1, 1)),
                GroupMembership(group_id=same.id, person_id=young2.id, joined=D(2024, 1, 1)),
                # the older member left before the period: not part of its mix then
                GroupMembership(
                    group_id=same.id, person_id=old.id, joined=D(2024, 1, 1), left_on=D(2024, 6, 1)
                ),
                GroupMembership(group_id=unclear.id, person_id=young.id, joined=D(2024, 1, 1)),
                GroupMembership(group_id=unclear.id, person_id=unknown.id, joined=D(2024, 1, 1)),
                GroupMembership(group_id=later.id, person_id=young.id, joined=D(2026, 1, 1)),
                GroupMembership(group_id=later.id, person_id=old.id, joined=D(2026, 1, 1)),
            ]
        )
    facts = measure(org.sessions, YEAR)
    assert (facts.groups_known, facts.groups_mixed) == (2, 1)
    assert indicators(measure(org.sessions, Period.year(2020)))["5"].share is None


def test_conversations_and_the_managers_agreements(org: DataStore) -> None:
    with org.sessions.begin() as session:
        boss = person("Baas", 1970, start=D(2010, 1, 1))
        anna = person("Anna", 1990)
        bob = person("Bob", 1985)
        gone = person("Weg", 1980, left=D(2025, 6, 30))
        session.add_all([boss, anna, bob, gone])
        session.flush()
        for who in (anna, bob, gone):
            who.manager_id = boss.id  # the boss has none: never due a conversation

        def talk(who: Person, held: dt.date) -> TalentConversation:
            conversation = TalentConversation(
                person_id=who.id, manager_id=boss.id, planned_on=held, held_on=held
            )
            session.add(conversation)
            session.flush()
            return conversation

        earlier = talk(anna, D(2025, 3, 10))  # more than six months before 31 December
        review = talk(anna, D(2025, 9, 15))
        talk(gone, D(2025, 5, 1))  # left: not counted on the last day
        for position, (owner, status, reviewed) in enumerate(
            [
                (AgreementOwner.MANAGER, AgreementStatus.DONE, review),
                (AgreementOwner.BOTH, AgreementStatus.NOT_DONE, review),
                (AgreementOwner.MANAGER, AgreementStatus.PARTLY, review),
                (AgreementOwner.PROFESSIONAL, AgreementStatus.DONE, review),  # not the manager's
                (AgreementOwner.MANAGER, AgreementStatus.OPEN, None),  # not accounted for yet
            ]
        ):
            session.add(
                Agreement(
                    conversation_id=earlier.id,
                    position=position,
                    what="Afspraak",
                    owner=owner,
                    status=status,
                    reviewed_in_id=reviewed.id if reviewed else None,
                )
            )
    facts = measure(org.sessions, YEAR)
    assert (facts.people, facts.people_with_conversation) == (2, 1)  # anna, bob
    assert (facts.manager_agreements_reviewed, facts.manager_agreements_kept) == (3, 1)
    before = measure(org.sessions, Period.year(2024))
    assert before.manager_agreements_reviewed == 0
    assert indicators(before)["46"].counted() == "geen gegevens"
    assert indicators(before)["44"].share == 0.0  # people were there, nobody talked


def test_an_empty_organisation_measures_nothing(org: DataStore) -> None:
    assert measure(org.sessions, YEAR) == Facts()
    assert data_years(org.sessions) == []


def test_scans_made_before_the_version_change_carry_version_one(org: DataStore) -> None:
    """A scan stored without a version (as every scan before migration 0029) reads as
    version 1; a new scan gets the current one."""
    from sqlalchemy import text

    with org.engine.begin() as sql:
        sql.execute(
            text("INSERT INTO scan (held_on, title, note) VALUES ('2026-01-05', 'Oud', '')")
        )
    new = save_scan(org.sessions, ScanInput(TODAY, "Nieuw"), TODAY)
    assert [(r.title, r.questionnaire) for r in list_scans(org.sessions)] == [
        ("Nieuw", 2),
        ("Oud", 1),
    ]
    assert get_scan(org.sessions, new).questionnaire == 2

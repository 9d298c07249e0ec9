"""A manager's team (services.team), on the laptop's file and on the server
(``--database``): who reports to them, directly or through others; the figures of each,
compared with SQL written here; the groups and sessions of the team, and the marks a
manager records, which are their team's only."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from tests.conftest import TODAY
from werkleren_desktop.domain.constants import (
    AttendanceStatus,
    SituationKind,
    TrainingForm,
    TrainingStatus,
)
from werkleren_desktop.domain.cycles import SessionTimes
from werkleren_desktop.domain.groups import GroupInput
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.domain.situations import SituationInput
from werkleren_desktop.domain.training import TrainingInput
from werkleren_desktop.services.cycles import (
    AttendanceInput,
    CycleDraft,
    plan_series,
    record_attendance,
)
from werkleren_desktop.services.groups import add_member, save_group
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import save_person
from werkleren_desktop.services.situations import save_situation
from werkleren_desktop.services.team import team, team_groups, team_marks, team_of
from werkleren_desktop.services.training import save_training
from werkleren_desktop.storage.data_store import DataStore

D = dt.date
MONDAYS = (D(2026, 7, 6), D(2026, 9, 7), D(2026, 11, 2), D(2026, 12, 7))


@pytest.fixture
def office(store: DataStore) -> dict[str, int]:
    """Marieke leads Anna and Bert; Bert leads Cees; Dirk reported to Marieke until he
    left in 2025. Frank leads Eva. Anna, Cees and Eva are in ‘Jong en oud’, which meets
    in a week cycle in July, September, November and December; Frank's group ‘Buiten’
    only has Eva."""
    database = store.sessions
    create_organisation(database, OrganisationSettings(name="Van Dijk"))

    def person(first: str, manager: int | None = None, **more: object) -> int:
        data = PersonInput(first, "Test", D(2015, 1, 1), manager_id=manager, **more)  # type: ignore[arg-type]
        return save_person(database, data, TODAY)

    people: dict[str, int] = {}
    people["marieke"] = person("Marieke")
    people["anna"] = person("Anna", people["marieke"], email="anna@example.nl", notes="Wil meer")
    people["bert"] = person("Bert", people["marieke"])
    people["cees"] = person("Cees", people["bert"], contract_minutes=24 * 60)
    people["dirk"] = person("Dirk", people["marieke"], out_of_service=D(2025, 6, 30))
    people["frank"] = person("Frank")
    people["eva"] = person("Eva", people["frank"])
    group = save_group(database, GroupInput("Jong en oud", D(2026, 1, 1)))
    outside = save_group(database, GroupInput("Buiten", D(2026, 1, 1)))
    for who in ("anna", "cees", "eva"):
        add_member(database, group, people[who], D(2026, 1, 1))
    add_member(database, outside, people["eva"], D(2026, 1, 1))
    times = SessionTimes(dt.time(15, 0))
    plan_series(
        database,
        [
            CycleDraft(g, tuple(m + dt.timedelta(days=n) for n in range(4)), times, ("",) * 4)
            for m in MONDAYS
            for g in (group, outside)
        ],
    )
    people["group"], people["outside"] = group, outside
    return people


def scalar_rows(store: DataStore, query: str, **args: object) -> dict[int, int]:
    with store.sessions() as db:
        return {int(k): int(v) for k, v in db.execute(text(query), args)}


def test_the_team_is_who_reports_to_the_manager_directly_or_through_others(
    store: DataStore, office: dict[str, int]
) -> None:
    found = team_of(store.sessions, office["marieke"], TODAY)
    assert found == {
        office["anna"]: office["marieke"],
        office["bert"]: office["marieke"],
        office["cees"]: office["bert"],
    }  # Dirk left, Eva is Frank's
    assert team_of(store.sessions, office["anna"], TODAY) == {}
    members = {m.id: m for m in team(store.sessions, office["marieke"], TODAY)}
    cees = members[office["cees"]]
    assert (cees.direct, cees.manager_name, cees.contract_minutes) == (False, "Bert Test", 1440)
    anna = members[office["anna"]]
    assert (anna.email, anna.notes, anna.groups) == (
        "anna@example.nl",
        "Wil meer",
        ("Jong en oud",),
    )
    assert members[office["bert"]].groups == ()


def test_each_ones_figures_are_those_sql_counts(store: DataStore, office: dict[str, int]) -> None:
    database = store.sessions
    anna, cees, eva = office["anna"], office["cees"], office["eva"]
    for title, who, status, minutes, starts in (
        ("BHV", (anna, cees), TrainingStatus.DONE, 480, D(2026, 3, 1)),
        ("Tillen", (anna,), TrainingStatus.DONE, 120, D(2025, 3, 1)),  # last year
        ("VCA", (cees,), TrainingStatus.PLANNED, 600, D(2027, 1, 10)),
        ("Excel", (eva,), TrainingStatus.DONE, 240, D(2026, 3, 1)),
    ):
        save_training(
            database,
            TrainingInput(who, title, TrainingForm.COURSE, starts, starts, minutes, status=status),
            TODAY,
        )
    for day, who in (
        (D(2026, 2, 1), (anna, cees)),
        (D(2026, 5, 1), (anna,)),
        (D(2025, 5, 1), (cees,)),
    ):
        save_situation(
            database, SituationInput(day, "Een klant", SituationKind.ANALYSE, who), TODAY
        )
    with database() as db:
        sessions = [
            sid
            for (sid,) in db.execute(
                text(
                    "SELECT s.id FROM cycle_session s JOIN week_cycle c ON c.id = s.cycle_id"
                    " WHERE c.group_id = :g ORDER BY s.starts_at"
                ),
                {"g": office["group"]},
            )
        ]
    # July (before the three months), September and November
    for session, energy in ((sessions[0], 5), (sessions[4], 2), (sessions[8], 4)):
        record_attendance(
            database,
            session,
            [
                AttendanceInput(anna, AttendanceStatus.PRESENT, energy, 3),
                AttendanceInput(cees, AttendanceStatus.ABSENT, None, None),
            ],
            TODAY,
        )
    members = {m.id: m for m in team(database, office["marieke"], TODAY)}
    year = {"first": "2026-01-01", "last": "2026-12-31"}
    followed = scalar_rows(
        store,
        "SELECT person_id, sum(minutes) FROM training WHERE status = 'done'"
        " AND starts_on BETWEEN :first AND :last GROUP BY person_id",
        **year,
    )
    situations = scalar_rows(
        store,
        "SELECT p.person_id, count(*) FROM situation_person p JOIN learning_situation s"
        " ON s.id = p.situation_id WHERE s.occurred_on BETWEEN :first AND :last"
        " GROUP BY p.person_id",
        **year,
    )
    since = "2026-08-28"  # three months before TODAY
    present = scalar_rows(
        store,
        "SELECT a.person_id, count(*) FROM attendance a JOIN cycle_session s"
        " ON s.id = a.session_id WHERE s.starts_at >= :since AND a.status = 'present'"
        " GROUP BY a.person_id",
        since=since,
    )
    recorded = scalar_rows(
        store,
        "SELECT a.person_id, count(*) FROM attendance a JOIN cycle_session s"
        " ON s.id = a.session_id WHERE s.starts_at >= :since GROUP BY a.person_id",
        since=since,
    )
    for pid, member in members.items():
        assert member.training_minutes == followed.get(pid, 0)
        assert member.situations == situations.get(pid, 0)
        assert member.sessions_present == present.get(pid, 0)
        assert member.sessions_recorded == recorded.get(pid, 0)
    assert members[cees].training_planned == 1
    assert (members[anna].energy, members[anna].meaning) == (3.0, 3.0)  # (2 + 4) / 2
    assert members[cees].energy is None
    assert eva not in members


def test_the_teams_groups_and_sessions_and_the_marks_a_manager_records(
    store: DataStore, office: dict[str, int]
) -> None:
    groups, sessions = team_groups(store.sessions, office["marieke"], TODAY)
    assert [(g.name, g.team, g.others) for g in groups] == [
        ("Jong en oud", ("Anna Test", "Cees Test"), 1)
    ]
    # from 28 August on: September, November and December, as the calendar goes; never
    # ‘Buiten’, which nobody of the team is in
    days = [s.starts_at.date() for s in sessions]
    assert days == sorted(days)
    assert {s.group_name for s in sessions} == {"Jong en oud"}
    assert sorted({(d.year, d.month) for d in days}) == [(2026, 9), (2026, 11), (2026, 12)]
    assert all(s.team == ("Anna Test", "Cees Test") for s in sessions)
    held = [s for s in sessions if s.took_place(TODAY)]
    marks = team_marks(store.sessions, office["marieke"], held[0].id, TODAY)
    assert [m.name for m in marks] == ["Anna Test", "Cees Test"]  # not Eva
    assert team_marks(store.sessions, office["frank"], held[0].id, TODAY)[0].name == "Eva Test"

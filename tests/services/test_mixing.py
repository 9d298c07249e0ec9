"""Everyone in a mixed group: the indicator against SQL written here, and its rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import text

from tests.conftest import TODAY
from werkleren_desktop.domain.constants import GroupStatus
from werkleren_desktop.domain.groups import GroupInput
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.services.demo import DemoSize, generate_demo
from werkleren_desktop.services.groups import (
    add_member,
    add_members,
    list_groups,
    mixing,
    save_group,
    set_group_status,
)
from werkleren_desktop.services.organisation import (
    create_organisation,
    load_settings,
    save_settings,
)
from werkleren_desktop.services.people import save_person
from werkleren_desktop.storage.data_store import DataStore

D = dt.date


@pytest.fixture
def org(store: DataStore) -> dict[str, int]:
    create_organisation(store.sessions, OrganisationSettings(name="Bakkerij"))
    ids = {}
    for first, year, out in (
        ("Jong", 2000, None),
        ("Ouder", 1985, None),  # 15 years older than Jong: exactly the span
        ("Oud", 1960, None),
        ("Bijna", 1997, None),  # 29 or so: another band than 31, no mix with Dertig
        ("Dertig", 1995, None),
        ("Onbekend", None, None),
        ("Weg", 1970, D(2026, 6, 30)),  # left before today
        ("Los", 1990, None),  # in no group
    ):
        ids[first] = save_person(
            store.sessions,
            PersonInput(first, "Test", D(2020, 1, 1), birth_year=year, out_of_service=out),
            TODAY,
        )
    return ids


def group(store: DataStore, name: str, *members: int) -> int:
    group_id = save_group(store.sessions, GroupInput(name, D(2026, 1, 1)))
    for person in members:
        add_member(store.sessions, group_id, person, D(2026, 1, 1))
    return group_id


def test_mixed_by_the_span_not_by_bands(store: DataStore, org) -> None:
    group(store, "Gemengd", org["Jong"], org["Ouder"])  # 15 years: mixes
    group(store, "Naast elkaar", org["Bijna"], org["Dertig"], org["Onbekend"])  # 2: does not
    group(store, "Met een vertrokken lid", org["Oud"], org["Weg"])
    found = mixing(store.sessions, TODAY)
    assert found is not None and found.span == 15
    # in service: everyone but Weg; Oud's group mixed only while Weg was in it (Weg
    # left before today: Oud's group has one known birth year now)
    assert found.in_service == 7
    assert found.in_mixed == 2  # Jong, Ouder
    assert found.in_unmixed == 4  # Bijna, Dertig, Onbekend, Oud
    assert [o.name for o in found.no_group] == ["Los Test"]
    assert found.share == pytest.approx(100 * 2 / 7)


def test_a_stricter_span_and_a_closed_group(store: DataStore, org) -> None:
    mixed = group(store, "Gemengd", org["Jong"], org["Ouder"])  # 15 years apart
    settings = load_settings(store.sessions)
    assert settings is not None
    save_settings(store.sessions, replace(settings, mixed_age_span=16))
    found = mixing(store.sessions, TODAY)
    assert found is not None and found.span == 16
    assert (found.in_mixed, found.in_unmixed) == (0, 2)
    save_settings(store.sessions, replace(settings, mixed_age_span=15))
    found = mixing(store.sessions, TODAY)
    assert found is not None and (found.in_mixed, found.in_unmixed) == (2, 0)
    set_group_status(store.sessions, mixed, GroupStatus.CLOSED, TODAY - dt.timedelta(days=1))
    closed = mixing(store.sessions, TODAY)
    assert closed is not None and closed.in_mixed == 0 and len(closed.no_group) == 7


@pytest.mark.parametrize("span", [4, 41])
def test_an_age_span_outside_the_bounds_is_refused(store: DataStore, org, span: int) -> None:
    settings = load_settings(store.sessions)
    assert settings is not None
    with pytest.raises(ValidationError, match="tussen 5 en 40 jaar") as raised:
        save_settings(store.sessions, replace(settings, mixed_age_span=span))
    assert raised.value.field == "mixed_age_span"


def test_several_join_at_once_or_none(store: DataStore, org) -> None:
    target = group(store, "Nieuw")
    with pytest.raises(ValidationError, match="uit dienst"):
        add_members(store.sessions, target, (org["Los"], org["Weg"]), TODAY)
    assert list_groups(store.sessions, TODAY)[0].members == 0  # neither joined
    add_members(store.sessions, target, (org["Los"], org["Jong"]), TODAY)
    assert list_groups(store.sessions, TODAY)[0].members == 2


def test_the_demo_has_most_people_in_a_mixed_group_counted_as_sql_counts(
    store: DataStore,
) -> None:
    generate_demo(store.sessions, DemoSize.SMALL, today=TODAY)
    found = mixing(store.sessions, TODAY)
    assert found is not None and (found.share or 0) > 75 and found.no_group
    day = TODAY.isoformat()
    with store.engine.connect() as sql:
        in_service = sql.execute(
            text(
                "SELECT count(*) FROM person WHERE in_service <= :d"
                " AND (out_of_service IS NULL OR out_of_service >= :d)"
            ),
            {"d": day},
        ).scalar_one()
        # groups active today whose current members' birth years span 15 or more
        in_mixed = sql.execute(
            text(
                "WITH current AS (SELECT m.group_id, m.person_id, p.birth_year,"
                " (p.in_service <= :d AND (p.out_of_service IS NULL OR p.out_of_service >= :d))"
                " AS serving FROM group_membership m"
                " JOIN learning_group g ON g.id = m.group_id JOIN person p ON p.id = m.person_id"
                " WHERE g.status = 'active' AND g.starts <= :d"
                " AND (g.ends IS NULL OR g.ends >= :d)"
                " AND m.joined <= :d AND (m.left_on IS NULL OR m.left_on >= :d)),"
                " mixed AS (SELECT group_id FROM current GROUP BY group_id"
                " HAVING max(birth_year) - min(birth_year) >= 15)"
                " SELECT count(DISTINCT person_id) FROM current"
                " WHERE serving AND group_id IN (SELECT group_id FROM mixed)"
            ),
            {"d": day},
        ).scalar_one()
    assert (found.in_service, found.in_mixed) == (in_service, in_mixed)

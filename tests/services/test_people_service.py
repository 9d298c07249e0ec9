import datetime as dt

import pytest

from tests.conftest import TODAY
from werkleren_desktop.db.models import GroupStatus
from werkleren_desktop.domain.groups import GroupInput
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.services.groups import (
    add_member,
    end_membership,
    group_detail,
    list_groups,
    save_group,
    set_group_status,
)
from werkleren_desktop.services.people import (
    get_person,
    list_people,
    person_overview,
    record_leaving,
    save_person,
)
from werkleren_desktop.storage.data_store import DataStore

D = dt.date


def add(
    store: DataStore, first: str, last: str, manager: int | None = None, birth: int | None = None
) -> int:
    return save_person(
        store.sessions,
        PersonInput(first, last, D(2020, 1, 1), manager_id=manager, birth_year=birth),
        TODAY,
    )


def test_save_list_and_edit(store: DataStore) -> None:
    boss = add(store, "Anouk", "Bakker")
    lukasz = add(store, "Łukasz", "Wójcik", manager=boss)
    rows = list_people(store.sessions)
    assert [r.full_name for r in rows] == ["Anouk Bakker", "Łukasz Wójcik"]
    assert rows[1].manager_name == "Anouk Bakker"
    changed = PersonInput(
        "Łukasz",
        "Wójcik",
        D(2020, 1, 1),
        job_title="Eerste monteur",
        manager_id=boss,
        contract_minutes=1950,
    )
    assert save_person(store.sessions, changed, TODAY, lukasz) == lukasz
    assert get_person(store.sessions, lukasz).job_title == "Eerste monteur"


def test_a_manager_loop_is_refused_and_nothing_changes(store: DataStore) -> None:
    a = add(store, "Anouk", "Bakker")
    b = add(store, "Bram", "de Vries", manager=a)
    with pytest.raises(ValidationError, match="Bram de Vries kan niet de leidinggevende"):
        save_person(
            store.sessions, PersonInput("Anouk", "Bakker", D(2020, 1, 1), manager_id=b), TODAY, a
        )
    assert get_person(store.sessions, a).manager_id is None


def test_leaving_keeps_history_and_ends_group_places(store: DataStore) -> None:
    a = add(store, "Anouk", "Bakker")
    group = save_group(store.sessions, GroupInput("Storingen", D(2024, 1, 1)))
    add_member(store.sessions, group, a, D(2024, 1, 1))
    record_leaving(store.sessions, a, D(2026, 6, 30), TODAY)
    overview = person_overview(store.sessions, a)
    assert overview.person.out_of_service == D(2026, 6, 30)
    assert [(m.group_name, m.left_on) for m in overview.memberships] == [
        ("Storingen", D(2026, 6, 30))
    ]
    with pytest.raises(ValidationError, match="vóór de datum in dienst"):
        record_leaving(store.sessions, a, D(2019, 1, 1), TODAY)


def test_group_members_come_and_go_with_history(store: DataStore) -> None:
    ids = [add(store, f"P{i}", "X", birth=year) for i, year in enumerate((2000, 1990, 1965))]
    group = save_group(store.sessions, GroupInput("Warmtepompen", D(2025, 1, 1), theme="Hoe?"))
    for pid in ids:
        add_member(store.sessions, group, pid, D(2025, 1, 6))
    with pytest.raises(ValidationError, match="is al lid van deze groep"):
        add_member(store.sessions, group, ids[0], D(2025, 2, 1))
    detail = group_detail(store.sessions, group, TODAY)
    assert detail.mix.size == 3 and detail.mix.size_advice is None
    end_membership(store.sessions, detail.members[0].membership_id, D(2026, 3, 1))
    detail = group_detail(store.sessions, group, TODAY)
    assert detail.mix.size == 2
    assert detail.members[0].left_on == D(2026, 3, 1)  # history kept
    add_member(store.sessions, group, ids[0], D(2026, 9, 1))  # and may come back
    assert len(group_detail(store.sessions, group, TODAY).members) == 4
    assert list_groups(store.sessions, TODAY)[0].members == 3


def test_closing_a_group(store: DataStore) -> None:
    pid = add(store, "Anouk", "Bakker")
    group = save_group(store.sessions, GroupInput("Veilig", D(2025, 1, 1)))
    add_member(store.sessions, group, pid, D(2025, 1, 1))
    set_group_status(store.sessions, group, GroupStatus.CLOSED, D(2026, 1, 31))
    detail = group_detail(store.sessions, group, TODAY)
    assert detail.status is GroupStatus.CLOSED and detail.group.ends == D(2026, 1, 31)
    assert detail.members[0].left_on == D(2026, 1, 31)
    assert detail.mix.size == 1  # the mix it had when it closed
    with pytest.raises(ValidationError, match="gesloten"):
        add_member(store.sessions, group, pid, D(2026, 2, 1))


def test_membership_dates_follow_service_dates(store: DataStore) -> None:
    pid = add(store, "Anouk", "Bakker")
    group = save_group(store.sessions, GroupInput("A", D(2019, 1, 1)))
    with pytest.raises(ValidationError, match="nog niet in dienst"):
        add_member(store.sessions, group, pid, D(2019, 6, 1))

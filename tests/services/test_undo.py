"""A deleted record brought back as it was: its own row, the rows that went with it,
and the links that pointed at it; in memory only, so the file keeps nothing deleted."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from tests.conftest import TODAY
from werkleren_desktop.db.models import AttendanceStatus, SituationKind, TrainingForm
from werkleren_desktop.domain.cycles import SessionTimes, cycle_days
from werkleren_desktop.domain.groups import GroupInput
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.domain.situations import SituationInput
from werkleren_desktop.domain.training import TrainingInput
from werkleren_desktop.errors import UserError
from werkleren_desktop.services.cycles import (
    AttendanceInput,
    CycleDraft,
    cancel_cycle,
    cycle_detail,
    plan_cycle,
    record_attendance,
    remove_cycle,
)
from werkleren_desktop.services.groups import add_member, save_group
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import save_person
from werkleren_desktop.services.situations import save_situation
from werkleren_desktop.services.training import delete_training, save_training
from werkleren_desktop.services.undo import restore
from werkleren_desktop.storage.data_store import DataStore

D = dt.date


def dump(store: DataStore, *tables: str) -> dict[str, list[tuple[object, ...]]]:
    """Every row as stored, read apart from the services (on any database)."""
    with store.engine.connect() as connection:
        return {
            t: [tuple(r) for r in connection.execute(text(f"SELECT * FROM {t} ORDER BY 1"))]
            for t in tables
        }


@pytest.fixture
def anouk(store: DataStore) -> int:
    create_organisation(store.sessions, OrganisationSettings(name="Bakkerij"))
    return save_person(store.sessions, PersonInput("Anouk", "Bakker", D(2015, 1, 1)), TODAY)


def training(anouk: int, title: str = "BHV") -> TrainingInput:
    return TrainingInput(
        (anouk,),
        title,
        TrainingForm.COURSE,
        D(2026, 3, 1),
        D(2026, 3, 2),
        certificate="BHV",
        certificate_expires_on=D(2027, 3, 2),
    )


def test_a_deleted_training_comes_back_as_it_was(store: DataStore, anouk: int) -> None:
    save_training(store.sessions, training(anouk), TODAY)
    before = dump(store, "training")
    deleted = delete_training(store.sessions, int(str(before["training"][0][0])))
    assert deleted.what == "Opleiding ‘BHV’"
    assert dump(store, "training") == {"training": []}  # nothing kept in the file
    restore(store.sessions, deleted)
    assert dump(store, "training") == before


def test_an_id_taken_meanwhile_gets_a_new_one(store: DataStore, anouk: int) -> None:
    save_training(store.sessions, training(anouk), TODAY)
    (old_id,) = [row[0] for row in dump(store, "training")["training"]]
    deleted = delete_training(store.sessions, int(str(old_id)))
    save_training(store.sessions, training(anouk, "VCA"), TODAY)  # takes the free id
    restore(store.sessions, deleted)
    titles = sorted(str(row[2]) for row in dump(store, "training")["training"])
    assert titles == ["BHV", "VCA"]


def test_a_removed_cycle_comes_back_with_attendance_and_its_situations(
    store: DataStore, anouk: int
) -> None:
    group = save_group(store.sessions, GroupInput("Brood", D(2026, 1, 1)))
    add_member(store.sessions, group, anouk, D(2026, 1, 1))
    cycle = plan_cycle(
        store.sessions, CycleDraft(group, cycle_days(D(2026, 11, 16)), SessionTimes(), ("",) * 4)
    )
    first = cycle_detail(store.sessions, cycle).sessions[0].id
    record_attendance(
        store.sessions, first, [AttendanceInput(anouk, AttendanceStatus.PRESENT, 4, 5)], TODAY
    )
    save_situation(
        store.sessions,
        SituationInput(
            D(2026, 11, 17), "Oven te heet", SituationKind.ANALYSE, (anouk,), group_id=group
        ),
        TODAY,
    )
    tables = ("week_cycle", "cycle_session", "attendance", "learning_situation")
    with pytest.raises(UserError, match="Alleen een afgezegde weekcyclus kan uit de lijst"):
        remove_cycle(store.sessions, cycle)
    cancel_cycle(store.sessions, cycle)
    before = dump(store, *tables)
    with store.engine.connect() as connection:
        assert [
            tuple(r) for r in connection.execute(text("SELECT cycle_id FROM learning_situation"))
        ] == [(cycle,)]  # logged during the cycle, it belongs to it
    deleted = remove_cycle(store.sessions, cycle)
    after = dump(store, *tables)
    assert after["week_cycle"] == [] and after["attendance"] == []
    assert [row[1:3] for row in after["learning_situation"]] == [
        row[1:3] for row in before["learning_situation"]
    ]  # the situation stays, without its cycle
    restore(store.sessions, deleted)
    assert dump(store, *tables) == before

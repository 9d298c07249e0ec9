"""Several managers at once on the shared server (#28): each case with two real
processes, the other manager's a Python process of its own with a login of its own,
held at the moment that matters (it says so, then waits) while this one saves."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace

import pytest
from sqlalchemy import func, select

from tests.managers import OtherManager, run_as_other_manager, second_login
from werkleren_desktop.db import engine as db_engine
from werkleren_desktop.db.models import Attendance, Person
from werkleren_desktop.domain.cycles import SessionTimes, cycle_days
from werkleren_desktop.domain.groups import GroupInput
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput, has_manager_loop
from werkleren_desktop.errors import EditConflictError, StorageError, UserError, ValidationError
from werkleren_desktop.paths import DataPaths
from werkleren_desktop.services.cycles import (
    AttendanceInput,
    CycleDraft,
    cycle_detail,
    plan_series,
    record_attendance,
)
from werkleren_desktop.services.groups import add_member, save_group
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import read_person, save_person
from werkleren_desktop.storage.data_store import DataStore, open_data_folder
from werkleren_desktop.storage.server_admin import init_server

pytestmark = pytest.mark.usefixtures("dutch")
DAY = dt.date(2026, 11, 30)
MONDAY = dt.date(2026, 11, 23)


@dataclass
class Office:
    store: DataStore
    other_url: str  # the second manager's login
    ids: dict[str, int]


@pytest.fixture
def office(postgres_url: str, data_paths: DataPaths) -> Iterator[Office]:
    admin = db_engine.make_engine(postgres_url)
    init_server(admin)
    admin.dispose()
    store = open_data_folder(data_paths.with_server(postgres_url))
    sessions = store.sessions
    create_organisation(sessions, OrganisationSettings(name="Installatiebedrijf Wit"))
    ids = {
        name: save_person(sessions, PersonInput(name, "de Wit", dt.date(2020, 1, 1)), DAY)
        for name in ("Anna", "Bert", "Cor")
    }
    ids["group"] = save_group(sessions, GroupInput("Lassen", dt.date(2026, 1, 1)))
    for name in ("Anna", "Bert", "Cor"):
        add_member(sessions, ids["group"], ids[name], dt.date(2026, 1, 1))
    yield Office(store, second_login(postgres_url), ids)
    store.close()


def test_a_form_saved_from_stale_data_is_refused_and_says_who_changed_it(office: Office) -> None:
    anna = office.ids["Anna"]
    form, read = read_person(office.store.sessions, anna)  # this manager opens the form
    run_as_other_manager(
        office.other_url,
        f"""
        from dataclasses import replace
        from werkleren_desktop.services.people import read_person, save_person
        person, stamp = read_person(sessions, {anna})
        save_person(sessions, replace(person, job_title="Monteur"), dt.date(2026, 11, 30),
                    {anna}, stamp.version)
        """,
    )
    with pytest.raises(EditConflictError, match="Iemand anders heeft dit gewijzigd"):
        save_person(office.store.sessions, replace(form, notes="Wil lassen leren"), DAY, anna,
                    read.version)  # fmt: skip
    stored, now = read_person(office.store.sessions, anna)
    assert (stored.job_title, stored.notes) == ("Monteur", "")  # nothing reverted
    assert now.version == read.version + 1
    assert now.changed_by == office.other_url.split("//")[1].split("@")[0]
    assert now.changed_at is not None
    # saved again from the version that is there now, it goes through, under this login
    save_person(office.store.sessions, replace(stored, notes="Wil lassen leren"), DAY, anna,
                now.version)  # fmt: skip
    assert read_person(office.store.sessions, anna)[1].changed_by == "postgres"


def test_a_change_between_the_check_and_the_write_is_caught_by_the_version(
    office: Office,
) -> None:
    """The other manager's save is under way (its row changed, not yet committed) when
    this one checks the version: the check passes, and the UPDATE's own version
    condition refuses once the other commits."""
    anna = office.ids["Anna"]
    form, read = read_person(office.store.sessions, anna)
    other = OtherManager(
        office.other_url,
        f"""
        from sqlalchemy import text
        with sessions.begin() as db:
            db.execute(text("UPDATE person SET job_title = 'Monteur', version = version + 1"
                            " WHERE id = {anna}"))
            say("changed")
            time.sleep(1.5)
        """,
    )
    other.wait_until_it_says("changed")
    with pytest.raises(EditConflictError):
        save_person(office.store.sessions, replace(form, notes="Laat"), DAY, anna, read.version)
    other.finish()
    assert read_person(office.store.sessions, anna)[0].job_title == "Monteur"


def test_two_managers_making_each_other_manager_end_in_a_sentence(office: Office) -> None:
    """Bert's manager becomes Cor in the other process, which is held just after its
    check; Cor's manager becoming Bert here would close a circle that neither check
    alone could see. This save waits for the other, then sees it and says so."""
    bert, cor = office.ids["Bert"], office.ids["Cor"]
    other = OtherManager(
        office.other_url,
        f"""
        from dataclasses import replace
        from werkleren_desktop.services import people
        checked = people.check_manager_chain
        def held(*args):
            checked(*args)
            say("checked")
            time.sleep(1.5)
        people.check_manager_chain = held
        person, stamp = people.read_person(sessions, {bert})
        people.save_person(sessions, replace(person, manager_id={cor}), dt.date(2026, 11, 30),
                           {bert}, stamp.version)
        """,
    )
    other.wait_until_it_says("checked")
    form, read = read_person(office.store.sessions, cor)
    with pytest.raises(ValidationError, match="Bert de Wit") as refused:
        save_person(office.store.sessions, replace(form, manager_id=bert), DAY, cor, read.version)
    assert refused.value.field == "manager"
    other.finish()
    with office.store.sessions() as db:
        managers = dict(db.execute(select(Person.id, Person.manager_id)).all())
    assert managers[bert] == cor and managers[cor] is None
    assert not has_manager_loop(managers)


def _draft(group: int, start: dt.date, location: str = "Werkplaats") -> CycleDraft:
    times = SessionTimes(dt.time(15), 60, location)
    return CycleDraft(group, cycle_days(start), times, ("a", "b", "c", "d"))


def test_two_plans_for_one_group_on_the_same_days_end_in_a_sentence(office: Office) -> None:
    group = office.ids["group"]
    other = OtherManager(
        office.other_url,
        f"""
        from werkleren_desktop.domain.cycles import SessionTimes, cycle_days
        from werkleren_desktop.services import cycles
        checked = cycles._refuse_shared_day
        def held(*args, **kwargs):
            checked(*args, **kwargs)
            say("checked")
            time.sleep(1.5)
        cycles._refuse_shared_day = held
        draft = cycles.CycleDraft({group}, cycle_days(dt.date(2026, 11, 23)),
                                  SessionTimes(dt.time(9), 60, "Kantine"), ("a", "b", "c", "d"))
        cycles.plan_series(sessions, [draft], accepted=[])
        """,
    )
    other.wait_until_it_says("checked")
    # planned at another hour and place, the same days: the group would meet twice a day
    with pytest.raises(UserError, match="Lassen"):
        plan_series(office.store.sessions, [_draft(group, MONDAY)], accepted=[])
    other.finish()


def test_a_clash_planned_meanwhile_is_not_planned_over_unseen(office: Office) -> None:
    """The user saw no clash; meanwhile the other manager planned another group in the
    same room at the same hour: the plan is refused in a sentence naming the clash."""
    sessions = office.store.sessions
    other_group = save_group(sessions, GroupInput("Leidingwerk", dt.date(2026, 1, 1)))
    run_as_other_manager(
        office.other_url,
        f"""
        from werkleren_desktop.domain.cycles import SessionTimes, cycle_days
        from werkleren_desktop.services.cycles import CycleDraft, plan_series
        plan_series(sessions, [CycleDraft({other_group}, cycle_days(dt.date(2026, 11, 23)),
                    SessionTimes(dt.time(15), 60, "Werkplaats"), ("a", "b", "c", "d"))],
                    accepted=[])
        """,
    )
    with pytest.raises(UserError, match="Werkplaats"):
        plan_series(sessions, [_draft(office.ids["group"], MONDAY)], accepted=[])


def test_attendance_recorded_at_once_keeps_one_row_per_person(office: Office) -> None:
    sessions = office.store.sessions
    cycle = plan_series(sessions, [_draft(office.ids["group"], MONDAY)], accepted=[])[0]
    session_id = cycle_detail(sessions, cycle).sessions[0].id
    people = [office.ids[name] for name in ("Anna", "Bert", "Cor")]
    other = OtherManager(
        office.other_url,
        f"""
        from werkleren_desktop.db.models import AttendanceStatus
        from werkleren_desktop.services import cycles
        found = cycles._cycle_session
        def held(*args, **kwargs):
            item = found(*args, **kwargs)
            say("locked")
            time.sleep(1.5)
            return item
        cycles._cycle_session = held
        cycles.record_attendance(sessions, {session_id}, [
            cycles.AttendanceInput(p, AttendanceStatus.ABSENT) for p in {people}
        ], dt.date(2026, 11, 30))
        """,
    )
    other.wait_until_it_says("locked")
    from werkleren_desktop.db.models import AttendanceStatus

    record_attendance(
        sessions,
        session_id,
        [AttendanceInput(p, AttendanceStatus.PRESENT, 4, 4) for p in people],
        DAY,
    )
    other.finish()
    with sessions() as db:
        rows = db.execute(
            select(Attendance.person_id, func.count(), func.min(Attendance.status))
            .where(Attendance.session_id == session_id)
            .group_by(Attendance.person_id)
        ).all()
    # one row each, holding the save that came last (this one: it waited for the other)
    assert sorted(rows) == sorted((p, 1, AttendanceStatus.PRESENT.value) for p in people)


def test_a_row_held_by_another_process_times_out_in_a_sentence(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    anna = office.ids["Anna"]
    other = OtherManager(
        office.other_url,
        f"""
        from sqlalchemy import text
        with sessions.begin() as db:
            db.execute(text("SELECT 1 FROM person WHERE id = {anna} FOR UPDATE"))
            say("holding")
            time.sleep(4)
        """,
    )
    other.wait_until_it_says("holding")
    monkeypatch.setattr(db_engine, "SERVER_LOCK_TIMEOUT", "300ms")
    impatient = db_engine.make_session_factory(
        db_engine.make_engine(office.store.paths.server_url or "")
    )
    form, read = read_person(impatient, anna)
    started = time.monotonic()
    with pytest.raises(StorageError, match="Iemand anders wijzigt dezelfde gegevens"):
        save_person(impatient, replace(form, notes="Nu"), DAY, anna, read.version)
    assert time.monotonic() - started < 3
    other.finish()
    assert read_person(office.store.sessions, anna)[0].notes == ""

"""The week cycle as a workbook: the library of working methods, the workbook's
question, days, situations and outcome, a cycle started from a situation, the guide."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from tests.conftest import TODAY
from werkleren_desktop.domain.constants import SituationKind
from werkleren_desktop.domain.cycles import (
    DayPlan,
    MethodRow,
    SessionTimes,
    WorkbookInput,
    cycle_days,
    default_methods,
)
from werkleren_desktop.domain.groups import GroupInput
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.domain.situations import SituationInput
from werkleren_desktop.errors import EditConflictError, UserError, ValidationError
from werkleren_desktop.services.cycles import CycleDraft, plan_cycle
from werkleren_desktop.services.groups import add_member, save_group
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import save_person
from werkleren_desktop.services.situations import save_situation
from werkleren_desktop.services.workbook import (
    candidate_situations,
    cycle_workbook,
    list_methods,
    save_methods,
    save_workbook,
    session_guide_data,
)
from werkleren_desktop.storage.data_store import DataStore

D = dt.date
MONDAY = D(2026, 11, 2)


@pytest.fixture
def org(store: DataStore) -> dict[str, int]:
    create_organisation(store.sessions, OrganisationSettings(name="Thuiszorg De Linde"))
    ids = {
        name: save_person(store.sessions, PersonInput(name, "Test", D(2020, 1, 1)), TODAY)
        for name in ("Anna", "Bram", "Cor")
    }
    ids["group"] = save_group(store.sessions, GroupInput("Wondzorg", D(2026, 1, 1)))
    for name in ("Anna", "Bram"):
        add_member(store.sessions, ids["group"], ids[name], D(2026, 1, 1))
    return ids


def situation(store: DataStore, who: int, day: dt.date, title: str, **more: object) -> int:
    return save_situation(
        store.sessions,
        SituationInput(day, title, SituationKind.ANALYSE, (who,), **more),  # type: ignore[arg-type]
        TODAY,
    )


def plan(store: DataStore, group: int, **more: object) -> int:
    times = SessionTimes(dt.time(14), 60, "Kantine")
    draft = CycleDraft(group, cycle_days(MONDAY), times, ("a", "b", "c", "d"), **more)  # type: ignore[arg-type]
    return plan_cycle(store.sessions, draft)


def test_a_new_organisation_gets_the_library_in_its_language(store: DataStore, org) -> None:
    methods = list_methods(store.sessions)
    assert [m.name for m in methods] == [m.name for m in default_methods()]
    assert methods[0].name == "Situatieronde"  # Dutch by default
    assert any(m.uses_ai for m in methods) and any(m.with_others for m in methods)
    assert all(m.vitality for m in methods)  # each has its element of vitality or meaning
    assert list_methods(store.sessions) == methods  # given once


def test_the_library_is_edited_extended_and_retired_never_deleted(store: DataStore, org) -> None:
    methods = list_methods(store.sessions)
    cycle = plan(store, org["group"])
    book = cycle_workbook(store.sessions, cycle)
    days = tuple(DayPlan(d.session_id, methods[0].id) for d in book.days)
    save_workbook(store.sessions, cycle, WorkbookInput("", (), days))
    edited = [
        MethodRow(methods[0].id, "  Ronde   van situaties ", "", retired=True),
        *methods[1:],
        MethodRow(None, "Fotosafari", "Foto's van de werkplek bespreken", vitality="Naar buiten"),
    ]
    save_methods(store.sessions, edited)
    in_use = list_methods(store.sessions)
    assert [m.name for m in in_use][-1] == "Fotosafari"
    assert "Ronde van situaties" not in [m.name for m in in_use]
    everything = list_methods(store.sessions, include_retired=True)
    assert everything[0].name == "Ronde van situaties" and everything[0].retired
    # the sessions that used the retired method keep it
    assert {d.method.name for d in cycle_workbook(store.sessions, cycle).days if d.method} == {
        "Ronde van situaties"
    }


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([MethodRow(None, "  ")], "naam"),
        ([MethodRow(None, "Casus"), MethodRow(None, "casus")], "Twee werkvormen"),
        ([MethodRow(None, "x" * 121)], "120"),
        ([MethodRow(None, "Casus", vitality="v" * 301)], "300"),
    ],
)
def test_a_library_that_cannot_be_stored_is_refused_in_a_sentence(
    store: DataStore, org, rows: list[MethodRow], message: str
) -> None:
    before = list_methods(store.sessions, include_retired=True)
    with pytest.raises(ValidationError, match=message):
        save_methods(store.sessions, rows)
    assert list_methods(store.sessions, include_retired=True) == before


def test_the_workbook_holds_question_days_situations_and_outcome(store: DataStore, org) -> None:
    methods = list_methods(store.sessions)
    before = situation(store, org["Anna"], D(2026, 10, 20), "Wond geneest niet")
    outside = situation(store, org["Cor"], D(2026, 10, 21), "Niet van de groep")
    cycle = plan(store, org["group"])
    during = situation(
        store,
        org["Bram"],
        D(2026, 11, 3),
        "Nieuw verband geprobeerd",
        group_id=org["group"],
        outcome="Sneller klaar",
    )
    candidates = [s.id for s in candidate_situations(store.sessions, cycle)]
    assert before in candidates and during in candidates and outside not in candidates
    book = cycle_workbook(store.sessions, cycle)
    assert [s.id for s in book.logged_during] == [during]  # logged during it: its own
    days = tuple(
        DayPlan(d.session_id, methods[i].id, f"notitie {i + 1}") for i, d in enumerate(book.days)
    )
    save_workbook(
        store.sessions,
        cycle,
        WorkbookInput(
            " Hoe voorkomen we dat een wond weer opengaat? ",
            (before,),
            days,
            "Een vast verband-protocol",
            "Protocol aan het team voorleggen",
        ),
        book.stamp.version,
    )
    book = cycle_workbook(store.sessions, cycle)
    assert book.question == "Hoe voorkomen we dat een wond weer opengaat?"
    assert [d.method.name if d.method else None for d in book.days] == [m.name for m in methods[:4]]
    assert [d.notes for d in book.days] == ["notitie 1", "notitie 2", "notitie 3", "notitie 4"]
    assert [s.id for s in book.taken_up] == [before]
    assert [s.id for s in book.situations] == [before, during]
    assert book.situations[1].outcome == "Sneller klaar"
    assert (book.outcome, book.next_step) == (
        "Een vast verband-protocol",
        "Protocol aan het team voorleggen",
    )
    with store.engine.connect() as sql:  # the link, counted by hand
        assert sql.execute(
            text("SELECT situation_id FROM cycle_situation WHERE cycle_id = :c"), {"c": cycle}
        ).scalars().all() == [before]


def test_a_save_over_a_newer_workbook_is_refused_and_a_change_of_days_alone_counts(
    store: DataStore, org
) -> None:
    methods = list_methods(store.sessions)
    cycle = plan(store, org["group"])
    book = cycle_workbook(store.sessions, cycle)
    read = book.stamp.version
    days = tuple(DayPlan(d.session_id, None, "") for d in book.days)
    # only a day's method changes: the workbook's version rises all the same
    changed_days = (DayPlan(book.days[0].session_id, methods[1].id), *days[1:])
    save_workbook(store.sessions, cycle, WorkbookInput("", (), changed_days), read)
    assert cycle_workbook(store.sessions, cycle).stamp.version == read + 1
    with pytest.raises(EditConflictError):
        save_workbook(store.sessions, cycle, WorkbookInput("Van mij", (), days), read)
    assert cycle_workbook(store.sessions, cycle).question == ""


def test_too_long_notes_name_their_day(store: DataStore, org) -> None:
    cycle = plan(store, org["group"])
    book = cycle_workbook(store.sessions, cycle)
    days = tuple(
        DayPlan(d.session_id, None, "x" * (4001 if i == 2 else 3)) for i, d in enumerate(book.days)
    )
    with pytest.raises(ValidationError) as raised:
        save_workbook(store.sessions, cycle, WorkbookInput("", (), days))
    assert raised.value.field == "notes_3" and "dag 3" in str(raised.value)


def test_a_cycle_started_from_a_situation_takes_it_up(store: DataStore, org) -> None:
    cause = situation(store, org["Anna"], D(2026, 10, 20), "Cliënt valt vaak")
    cycle = plan(store, org["group"], question="Hoe voorkomen we vallen?", situation_ids=(cause,))
    book = cycle_workbook(store.sessions, cycle)
    assert book.question == "Hoe voorkomen we vallen?"
    assert [s.title for s in book.taken_up] == ["Cliënt valt vaak"]
    assert "Anna Test" in book.taken_up[0].people
    with pytest.raises(UserError):
        plan(store, org["group"], situation_ids=(cause + 1000,))


def test_the_session_guide_has_each_day_with_its_method(store: DataStore, org) -> None:
    methods = list_methods(store.sessions)
    cause = situation(store, org["Anna"], D(2026, 10, 20), "Cliënt valt vaak")
    cycle = plan(store, org["group"], question="Hoe voorkomen we vallen?", situation_ids=(cause,))
    book = cycle_workbook(store.sessions, cycle)
    days = tuple(DayPlan(d.session_id, methods[1].id) for d in book.days)
    save_workbook(store.sessions, cycle, WorkbookInput(book.question, (cause,), days))
    guide = session_guide_data(store.sessions, cycle)
    assert guide.organisation == "Thuiszorg De Linde" and guide.group == "Wondzorg"
    assert guide.situations == ("Cliënt valt vaak",)
    assert [d.day_number for d in guide.days] == [1, 2, 3, 4]
    assert {d.method.name for d in guide.days if d.method} == {methods[1].name}
    assert guide.days[0].location == "Kantine" and guide.days[0].duration_minutes == 60

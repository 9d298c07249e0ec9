"""Werkafspraken: made from a situation's or a cycle's outcome, found by search, saying
where they came from and whom to ask; withdrawn, deleted and brought back."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import text

from tests.conftest import TODAY
from werkleren_desktop.domain.constants import SituationKind, WorkAgreementKind
from werkleren_desktop.domain.cycles import SessionTimes, WorkbookInput, cycle_days
from werkleren_desktop.domain.groups import GroupInput
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput, folded
from werkleren_desktop.domain.situations import SituationInput
from werkleren_desktop.domain.work_agreements import (
    WorkAgreementInput,
    matches,
    opening_title,
)
from werkleren_desktop.errors import EditConflictError, UserError, ValidationError
from werkleren_desktop.services.cycles import CycleDraft, cancel_cycle, plan_cycle, remove_cycle
from werkleren_desktop.services.groups import add_member, save_group
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import save_person
from werkleren_desktop.services.situations import save_situation
from werkleren_desktop.services.undo import restore
from werkleren_desktop.services.work_agreements import (
    delete_work_agreement,
    from_cycle,
    from_situation,
    list_work_agreements,
    made_from,
    read_work_agreement,
    save_work_agreement,
    withdraw,
)
from werkleren_desktop.services.workbook import cycle_workbook, save_workbook
from werkleren_desktop.storage.data_store import DataStore

D = dt.date


@pytest.fixture
def org(store: DataStore) -> dict[str, int]:
    create_organisation(store.sessions, OrganisationSettings(name="Installatiebedrijf"))
    ids = {
        name: save_person(store.sessions, PersonInput(name, "Visser", D(2020, 1, 1)), TODAY)
        for name in ("Anna", "Bram", "Çem")
    }
    ids["group"] = save_group(
        store.sessions, GroupInput("Warmtepompen", D(2026, 1, 1), expert_id=ids["Çem"])
    )
    for name in ("Anna", "Bram"):
        add_member(store.sessions, ids["group"], ids[name], D(2026, 1, 1))
    ids["situation"] = save_situation(
        store.sessions,
        SituationInput(
            D(2026, 10, 6), "Lekkage na oplevering", SituationKind.IMPROVE, (ids["Bram"],),
            group_id=ids["group"],
            outcome="Voortaan persen we elke installatie af. Dat kost tien minuten.",
            next_step="Het drukformulier bij de oplevering laten tekenen.",
        ),
        TODAY,
    )  # fmt: skip
    return ids


def test_a_situation_outcome_becomes_a_work_agreement_that_says_where_it_came_from(
    store: DataStore, org
) -> None:
    started = from_situation(store.sessions, org["situation"], TODAY)
    assert started.title == "Voortaan persen we elke installatie af"
    assert started.text.startswith("Voortaan persen") and "drukformulier" in started.text
    assert (started.contact_id, started.situation_id, started.agreed_on) == (
        org["Bram"], org["situation"], TODAY,
    )  # fmt: skip
    saved = save_work_agreement(store.sessions, None, started, TODAY)
    row = read_work_agreement(store.sessions, saved, TODAY)
    assert row.contact_name == "Bram Visser" and not row.contact_left
    assert row.source.description == (
        "Werksituatie ‘Lekkage na oplevering’ van 6 oktober 2026, leergroep Warmtepompen"
    )
    assert row.source.lesson.startswith("Uitkomst: Voortaan persen")
    assert [m.id for m in made_from(store.sessions, situation_id=org["situation"])] == [saved]
    # checked against the table itself
    with store.engine.connect() as sql:
        stored = sql.execute(
            text("SELECT kind, contact_id, situation_id, cycle_id, origin FROM work_agreement")
        ).one()
    assert tuple(stored) == ("agreement", org["Bram"], org["situation"], None, "")


def test_a_cycle_result_becomes_one_with_the_group_expert_to_ask(store: DataStore, org) -> None:
    draft = CycleDraft(
        org["group"], cycle_days(D(2026, 11, 2)), SessionTimes(dt.time(14), 60, "Kantine"),
        ("a", "b", "c", "d"),
    )  # fmt: skip
    cycle = plan_cycle(store.sessions, draft)
    book = cycle_workbook(store.sessions, cycle)
    save_workbook(
        store.sessions,
        cycle,
        WorkbookInput("Hoe voorkomen we lekkages?", (), (), "Een checklist bij elke ketel.", ""),
        book.stamp.version,
    )
    started = from_cycle(store.sessions, cycle, TODAY)
    assert (started.title, started.text, started.contact_id) == (
        "Een checklist bij elke ketel", "Een checklist bij elke ketel.", org["Çem"],
    )  # fmt: skip
    saved = save_work_agreement(store.sessions, None, started, TODAY)
    row = read_work_agreement(store.sessions, saved, TODAY)
    assert row.source.description == (
        "Weekcyclus van leergroep Warmtepompen, 2 november 2026 tot 5 november 2026:"
        " ‘Hoe voorkomen we lekkages?’"
    )
    # an expert who left: a member of the group is asked instead
    save_person(
        store.sessions,
        PersonInput("Çem", "Visser", D(2020, 1, 1), out_of_service=D(2026, 11, 1)),
        TODAY,
        org["Çem"],
    )
    assert from_cycle(store.sessions, cycle, TODAY).contact_id == org["Anna"]
    assert read_work_agreement(store.sessions, saved, TODAY).contact_left


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"title": "  "}, "title", "korte titel"),
        ({"title": "x" * 201}, "title", "200"),
        ({"text": " \n "}, "text", "Schrijf op"),
        ({"text": "x" * 4001}, "text", "4000"),
        ({"contact_id": None}, "contact", "aanspreekpunt|vragen"),
        ({"origin": ""}, "origin", "Zeg waar"),
        ({"origin": "o" * 301}, "origin", "300"),
        ({"agreed_on": TODAY + dt.timedelta(days=1)}, "agreed_on", "toekomst"),
    ],
)
def test_what_cannot_be_stored_is_said_in_a_sentence_on_its_field(
    store: DataStore, org, change: dict[str, object], field: str, message: str
) -> None:
    values: dict[str, object] = {
        "kind": WorkAgreementKind.INSTRUCTION, "title": "Ladder", "text": "Eerst vastzetten.",
        "contact_id": org["Anna"], "agreed_on": TODAY, "origin": "Werkoverleg",
    }  # fmt: skip
    values.update(change)
    with pytest.raises(ValidationError, match=message) as raised:
        save_work_agreement(store.sessions, None, WorkAgreementInput(**values), TODAY)  # type: ignore[arg-type]
    assert raised.value.field == field
    assert list_work_agreements(store.sessions, TODAY) == []


def test_search_withdraw_hold_again_and_a_stale_form(store: DataStore, org) -> None:
    ladder = save_work_agreement(
        store.sessions,
        None,
        WorkAgreementInput(WorkAgreementKind.INSTRUCTION, "Ladder", "Eerst vastzetten.",
                           org["Çem"], D(2026, 3, 1), origin="Werkoverleg maart"),
        TODAY,
    )  # fmt: skip
    press = save_work_agreement(
        store.sessions, None, from_situation(store.sessions, org["situation"], TODAY), TODAY
    )
    rows = list_work_agreements(store.sessions, TODAY)
    assert [r.title for r in rows] == ["Ladder", "Voortaan persen we elke installatie af"]

    def found(search: str) -> list[int]:
        words = folded(search).split()
        return [
            r.id for r in list_work_agreements(store.sessions, TODAY) if matches(r.found_in, words)
        ]

    assert found("cem") == [ladder]  # whom to ask, accents aside
    assert found("MAART werkoverleg") == [ladder]  # where it came from, words in any order
    assert found("lekkage") == [press]  # the situation's title
    assert found("vastzetten ketel") == []
    read = read_work_agreement(store.sessions, ladder, TODAY)
    with pytest.raises(ValidationError, match="toekomst"):
        withdraw(store.sessions, ladder, TODAY + dt.timedelta(days=1), TODAY)
    with pytest.raises(ValidationError, match="afgesproken"):
        withdraw(store.sessions, ladder, D(2026, 2, 1), TODAY)
    withdraw(store.sessions, ladder, TODAY, TODAY, read.stamp.version)
    rows = list_work_agreements(store.sessions, TODAY)
    assert [r.id for r in rows] == [press, ladder]  # what holds first
    assert not rows[1].holds(TODAY) and rows[1].withdrawn_on == TODAY
    with pytest.raises(EditConflictError):  # the form read it before the withdrawal
        save_work_agreement(store.sessions, ladder, read.data(), TODAY, read.stamp.version)
    withdraw(store.sessions, ladder, None, TODAY)
    assert read_work_agreement(store.sessions, ladder, TODAY).holds(TODAY)


def test_a_removed_source_or_agreement_and_their_undo(store: DataStore, org) -> None:
    draft = CycleDraft(
        org["group"], cycle_days(D(2026, 11, 2)), SessionTimes(dt.time(14), 60, "Kantine"),
        ("a", "b", "c", "d"),
    )  # fmt: skip
    cycle = plan_cycle(store.sessions, draft)
    started = replace(from_cycle(store.sessions, cycle, TODAY), title="Checklist", text="Ja.")
    saved = save_work_agreement(store.sessions, None, started, TODAY)
    cancel_cycle(store.sessions, cycle)
    undo = remove_cycle(store.sessions, cycle)
    row = read_work_agreement(store.sessions, saved, TODAY)
    assert row.cycle_id is None
    assert row.source.description == "Niet meer bekend: waar het uit voortkwam is verwijderd."
    restore(store.sessions, undo)  # the cycle back, and the link with it
    assert read_work_agreement(store.sessions, saved, TODAY).cycle_id == cycle
    kept = delete_work_agreement(store.sessions, saved)
    assert kept.what == "Werkafspraak ‘Checklist’"
    with pytest.raises(UserError, match="bestaat niet meer"):
        read_work_agreement(store.sessions, saved, TODAY)
    restore(store.sessions, kept)
    assert read_work_agreement(store.sessions, saved, TODAY).title == "Checklist"


def test_opening_title_cuts_at_a_sentence_or_a_word() -> None:
    assert opening_title("Eerst de kraan dicht. Dan pas losdraaien.") == "Eerst de kraan dicht"
    assert opening_title("") == ""
    long = opening_title("woord " * 30)
    assert long.endswith("…") and len(long) <= 81 and "  " not in long

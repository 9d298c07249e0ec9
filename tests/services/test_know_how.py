"""Wie weet wat: who was consulted about what and who is on call, to search."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from tests.conftest import TODAY
from werkleren_desktop.domain.constants import SituationKind
from werkleren_desktop.domain.groups import GroupInput
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput, folded
from werkleren_desktop.domain.situations import SituationInput
from werkleren_desktop.services.demo import DemoSize, generate_demo
from werkleren_desktop.services.groups import save_group
from werkleren_desktop.services.know_how import who_knows_what
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import save_person
from werkleren_desktop.services.situations import save_situation
from werkleren_desktop.storage.data_store import DataStore

D = dt.date


def test_consulted_and_on_call_in_one_list_to_search(store: DataStore) -> None:
    create_organisation(store.sessions, OrganisationSettings(name="Bakkerij"))
    anna, kees = (
        save_person(store.sessions, PersonInput(first, "Bos", D(2020, 1, 1)), TODAY)
        for first in ("Anna", "Kees")
    )
    for day, title, consulted, outside in (
        (D(2026, 10, 1), "Deeg rijst niet", (kees,), ()),
        (D(2026, 11, 1), "Oven lekt warmte", (kees,), ("Jan Ovenmonteur ",)),
        (D(2026, 11, 2), "Zuurdesem", (), ("jan  ovenmonteur",)),
    ):
        save_situation(
            store.sessions,
            SituationInput(
                day,
                title,
                SituationKind.ANALYSE,
                (anna,),
                consulted_ids=consulted,
                consulted_outside=outside,
            ),
            TODAY,
        )
    save_group(store.sessions, GroupInput("Brood", D(2026, 1, 1), expert_id=kees))
    save_group(store.sessions, GroupInput("Taart", D(2026, 1, 1), expert_name="Dr. Suiker"))
    rows = {r.name: r for r in who_knows_what(store.sessions, TODAY)}
    assert set(rows) == {"Kees Bos", "Jan Ovenmonteur", "Dr. Suiker"}
    kees_row = rows["Kees Bos"]
    assert (kees_row.consulted, kees_row.on_call_for) == (2, ("Brood",))
    assert kees_row.topics == ("Oven lekt warmte", "Deeg rijst niet")  # newest first
    assert kees_row.last_consulted == D(2026, 11, 1)
    jan = rows["Jan Ovenmonteur"]  # an outside name written twice, once as one
    assert jan.consulted == 2 and jan.person_id is None
    assert rows["Dr. Suiker"].on_call_for == ("Taart",) and rows["Dr. Suiker"].consulted == 0
    assert [r.name for r in rows.values() if r.matches(folded("oven").split())] == [
        "Kees Bos",
        "Jan Ovenmonteur",
    ]
    assert [r.name for r in rows.values() if r.matches(["taart"])] == ["Dr. Suiker"]


def test_the_demo_s_consultations_all_counted(store: DataStore) -> None:
    generate_demo(store.sessions, DemoSize.SMALL, today=TODAY)
    rows = who_knows_what(store.sessions, TODAY)
    with store.engine.connect() as sql:
        named = sql.execute(
            text(
                "SELECT count(*) FROM situation_consultation"
                " WHERE person_id IS NOT NULL OR trim(outside_name) <> ''"
            )
        ).scalar_one()
    assert sum(r.consulted for r in rows) == named
    assert any(r.on_call_for for r in rows)

"""Dutch names sorted and found as Dutch people expect: "de Groot" under G, "van 't Hoff"
under H, "Özdemir" with O and "Şahin" with S, in every list and picker; a picker finds
a name by any part of it, with or without accents."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from tests.conftest import TODAY
from werkleren_desktop.domain.groups import GroupInput
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput, sort_key
from werkleren_desktop.gui.situations.people_picker import PeoplePicker
from werkleren_desktop.services.cycles import session_marks
from werkleren_desktop.services.groups import add_member, group_detail, save_group
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.overview import year_overview
from werkleren_desktop.services.people import list_people, save_person
from werkleren_desktop.services.training import budgets

D = dt.date
# in the order a Dutch reader expects
EXPECTED = [
    ("Ali", "Berg"),
    ("Zoë", "van den Berg-IJzerman"),
    ("Bram", "Bergman"),
    ("Anna", "Groot"),
    ("Kees", "de Groot"),
    ("Piet", "van 't Hoff"),
    ("Olaf", "Ohm"),
    ("Ayşe", "Özdemir"),
    ("Emre", "Şahin"),
    ("Sven", "Schmidt"),
    ("Henk", "Verhoeven"),
    ("Łukasz", "Wójcik"),
    ("Jan", "Zwart"),
]
FULL = [f"{first} {last}" for first, last in EXPECTED]


@pytest.fixture
def people(store) -> dict[str, int]:
    create_organisation(store.sessions, OrganisationSettings(name="Bakkerij"))
    ids = {}
    for first, last in reversed(EXPECTED):  # stored in another order than expected
        ids[f"{first} {last}"] = save_person(
            store.sessions, PersonInput(first, last, D(2015, 1, 1), birth_year=1980), TODAY
        )
    return ids


def test_the_key_puts_tussenvoegsels_and_accents_where_dutch_readers_look() -> None:
    shuffled = sorted(EXPECTED, key=lambda n: n[1].casefold())  # as SQL sorted them
    assert shuffled != EXPECTED
    assert sorted(shuffled, key=lambda n: sort_key(*n)) == EXPECTED


def test_the_key_is_stored_by_every_way_in(store, people) -> None:
    from werkleren_desktop.services.demo import DemoSize, generate_demo

    with store.engine.connect() as connection:  # on either database
        rows = connection.execute(text("SELECT first_name, last_name, sort_key FROM person")).all()
    assert rows and all(key == sort_key(first, last) for first, last, key in rows)
    demo = store.paths.root.parent / "demo"
    from werkleren_desktop.paths import DataPaths
    from werkleren_desktop.storage.data_store import open_data_folder

    other = open_data_folder(DataPaths(demo))
    try:
        generate_demo(other.sessions, DemoSize.SMALL)
    finally:
        other.close()
    with sqlite3.connect(DataPaths(demo).database) as connection:
        rows = connection.execute("SELECT first_name, last_name, sort_key FROM person").fetchall()
    assert all(key == sort_key(first, last) for first, last, key in rows)


def test_every_list_of_people_sorts_the_dutch_way(store, people) -> None:
    assert [p.full_name for p in list_people(store.sessions)] == FULL
    assert [b.person_name for b in budgets(store.sessions, 2026)] == FULL
    group = save_group(store.sessions, GroupInput("Brood", D(2026, 1, 1)))
    for name in reversed(FULL):
        add_member(store.sessions, group, people[name], D(2026, 1, 1))
    members = group_detail(store.sessions, group, TODAY).members
    assert [m.name for m in members] == FULL
    from werkleren_desktop.domain.cycles import SessionTimes, cycle_days
    from werkleren_desktop.services.cycles import CycleDraft, cycle_detail, plan_cycle

    cycle = plan_cycle(
        store.sessions, CycleDraft(group, cycle_days(D(2026, 11, 16)), SessionTimes(), ("",) * 4)
    )
    first = cycle_detail(store.sessions, cycle).sessions[0].id
    assert [m.name for m in session_marks(store.sessions, first)] == FULL
    assert [r.name for r in year_overview(store.sessions, 2026).rows] == FULL


def test_every_person_picker_sorts_the_dutch_way(make_window, qtbot, store, people) -> None:
    window = make_window()
    window.show_area("people")
    page = window.people_page
    shown = [page.model.row_at(r) for r in range(page.model.rowCount())]
    assert [p.full_name for p in shown] == FULL
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    managers = page.dialog.manager
    listed = [managers.itemText(i) for i in range(managers.count()) if managers.itemData(i)]
    assert listed == FULL
    page.dialog.discard()
    window.show_area("situations")
    box = window.situations_page.person_box
    names = [box.itemText(i) for i in range(1, box.count())]
    assert names[:3] == ["Berg, Ali", "Berg-IJzerman, Zoë van den", "Bergman, Bram"]
    assert names.index("Özdemir, Ayşe") < names.index("Şahin, Emre") < names.index("Zwart, Jan")
    qtbot.mouseClick(window.situations_page.new_button, Qt.MouseButton.LeftButton)
    picker = window.situations_page.dialog.people
    assert [picker.list.item(i).text() for i in range(picker.list.count())] == FULL
    window.situations_page.dialog.discard()


def test_a_picker_finds_any_part_with_or_without_accents(qtbot, store, people) -> None:
    picker = PeoplePicker(list_people(store.sessions))
    qtbot.addWidget(picker)

    def visible() -> list[str]:
        return [
            picker.list.item(i).text()
            for i in range(picker.list.count())
            if not picker.list.item(i).isHidden()
        ]

    picker.search.setText("verh")
    assert visible() == ["Henk Verhoeven"]
    picker.search.setText("sahin")
    assert visible() == ["Emre Şahin"]
    picker.search.setText("Şah")
    assert visible() == ["Emre Şahin"]
    picker.search.setText("lukasz woj")
    assert visible() == ["Łukasz Wójcik"]


def test_a_searchable_box_completes_without_accents(make_window, store, people) -> None:
    window = make_window()
    window.show_area("situations")
    box = window.situations_page.person_box
    completer = box.completer()
    completer.setCompletionPrefix("ozdem")
    assert completer.completionCount() == 1
    completer.setCompletionPrefix("Özdem")
    assert completer.completionCount() == 1
    completer.setCompletionPrefix("hoff")
    assert completer.completionCount() == 1

"""Fresh screens on the shared server (#28): when another manager (a process of its
own, with a login of its own) saves, the page shown loads again by itself, keeping the
selection and what is typed in its search; an open form on the changed record says so;
the status bar names who else is connected. The messages carry a table and an id only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from tests.conftest import TODAY
from tests.managers import OtherManager, run_as_other_manager, second_login
from werkleren_desktop.db import engine as db_engine
from werkleren_desktop.db.models import Base
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.paths import DataPaths
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import save_person
from werkleren_desktop.storage import server_watch
from werkleren_desktop.storage.data_store import DataStore, open_data_folder
from werkleren_desktop.storage.server_admin import init_server

D = dt.date


@pytest.fixture
def server(postgres_url: str, data_paths: DataPaths, monkeypatch) -> Iterator[DataStore]:
    monkeypatch.setattr(server_watch, "PRESENCE_EVERY_S", 0.5)
    admin = db_engine.make_engine(postgres_url)
    init_server(admin)
    admin.dispose()
    store = open_data_folder(data_paths.with_server(postgres_url))
    create_organisation(store.sessions, OrganisationSettings(name="Installatiebedrijf Wit"))
    for first, last in (("Anouk", "Bakker"), ("Bram", "de Vries")):
        save_person(store.sessions, PersonInput(first, last, D(2015, 1, 1)), TODAY)
    yield store
    store.close()


def test_every_table_tells_the_other_windows_of_its_changes(server: DataStore) -> None:
    with server.sessions() as db:
        watched = {
            (table, event)
            for table, event in db.execute(
                text(
                    "SELECT c.relname, split_part(t.tgname, '_', 2) FROM pg_trigger t"
                    " JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname LIKE 'werkleren_%'"
                )
            )
        }
    for table in Base.metadata.sorted_tables:
        for event in ("insert", "update", "delete"):
            assert (table.name, event) in watched, f"{table.name} {event}"


def test_another_managers_save_refreshes_the_page_and_keeps_the_selection(
    make_window, server: DataStore, qtbot
) -> None:
    window = make_window(data=server)
    window.show_area("people")
    page = window.people_page
    bram = next(r.id for r in page.model.all_rows if r.first_name == "Bram")
    page.select_record(bram)
    page.search.setText("r")  # typed in the search: Bram and "Anneke de Graaf" match
    other = second_login(server.paths.server_url or "")
    run_as_other_manager(
        other,
        f"""
        from dataclasses import replace
        from werkleren_desktop.domain.people import PersonInput
        from werkleren_desktop.services.people import read_person, save_person
        save_person(sessions, PersonInput("Anneke", "de Graaf", dt.date(2026, 11, 2)),
                    dt.date(2026, 11, 30))
        person, stamp = read_person(sessions, {bram})
        save_person(sessions, replace(person, job_title="Monteur"), dt.date(2026, 11, 30),
                    {bram}, stamp.version)
        """,
    )
    names = lambda: [r.first_name for r in page.model.rows]  # noqa: E731
    qtbot.waitUntil(lambda: "Anneke" in names(), timeout=10_000)
    assert page.search.text() == "r"
    selected = page.table.selectionModel().selectedRows()
    assert [page.model.row_at(index.row()).id for index in selected] == [bram]
    assert page.panel.job.text() == "Monteur"  # the panel shows the record as it is now


def test_an_open_form_says_its_record_was_changed(make_window, server: DataStore, qtbot) -> None:
    window = make_window(data=server)
    window.show_area("people")
    page = window.people_page
    bram = next(r.id for r in page.model.all_rows if r.first_name == "Bram")
    page.select_record(bram)
    page.edit_person()
    dialog = page.dialog
    assert not dialog.notice.isVisible()
    run_as_other_manager(
        second_login(server.paths.server_url or ""),
        f"""
        from dataclasses import replace
        from werkleren_desktop.services.people import read_person, save_person
        person, stamp = read_person(sessions, {bram})
        save_person(sessions, replace(person, notes="Wil lassen"), dt.date(2026, 11, 30),
                    {bram}, stamp.version)
        """,
    )
    qtbot.waitUntil(dialog.notice.isVisible, timeout=10_000)
    assert "Iemand anders heeft dit zojuist opgeslagen" in dialog.notice.text()


def test_the_status_bar_names_who_else_is_connected(make_window, server: DataStore, qtbot) -> None:
    window = make_window(data=server)
    other_url = second_login(server.paths.server_url or "")
    login = other_url.split("//")[1].split("@")[0]
    assert window.presence_label.text() == ""
    other = OtherManager(
        other_url,
        """
        from sqlalchemy import text
        with sessions() as db:
            db.execute(text("SELECT 1"))
            say("connected")
            time.sleep(4)
        """,
    )
    other.wait_until_it_says("connected")
    qtbot.waitUntil(lambda: login in window.presence_label.text(), timeout=10_000)
    assert window.presence_label.text() == f"Ook verbonden: {login}"
    other.finish()
    qtbot.waitUntil(lambda: window.presence_label.text() == "", timeout=10_000)

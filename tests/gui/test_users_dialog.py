"""File › Users… on the shared server (#29): the administrator adds a user, with a
clear sentence for what is missing or wrong and nothing typed lost, gives them another
role and takes their access away; the new login really signs in and reads what its role
allows. Another beheerder sees the list but cannot change it."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import make_url, text

from werkleren_desktop.domain.constants import UserRole
from werkleren_desktop.gui import prompts
from werkleren_desktop.gui.dialogs.users import UserDialog, UsersDialog
from werkleren_desktop.services.people import list_people
from werkleren_desktop.storage.data_store import DataStore


def connect_as(url: str, login: str, password: str) -> psycopg.Connection:
    parsed = make_url(url)
    query: dict[str, Any] = dict(parsed.query)
    # the test server trusts its socket; the password is what the login was given
    return psycopg.connect(dbname=parsed.database, user=login, password=password, **query)


def cell(users: UsersDialog, row: int, column: int) -> str:
    item = users.table.item(row, column)
    assert item is not None
    return item.text()


def _drop_logins(store: DataStore, *logins: str) -> None:
    with store.engine.connect() as sql:
        for login in logins:
            sql.execute(text(f"DROP ROLE IF EXISTS {login}"))
        sql.commit()


def test_the_administrator_adds_a_user_changes_the_role_and_takes_it_away(
    demo_server: DataStore, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    _drop_logins(demo_server, "gui_rita")
    people = list_people(demo_server.sessions)
    users = UsersDialog(demo_server.engine, people)
    qtbot.addWidget(users)
    users.show()
    assert users.administrator and users.add_button.isEnabled()
    assert users.table.rowCount() == 0
    qtbot.mouseClick(users.add_button, Qt.MouseButton.LeftButton)
    form = users.form
    assert isinstance(form, UserDialog)
    # a professional without a person: said at the field, the form stays with its text
    qtbot.keyClicks(form.login, "gui_rita")
    form.role.setCurrentIndex(form.role.findData(UserRole.PROFESSIONAL))
    qtbot.keyClicks(form.password, "eenlangwachtwoord")
    qtbot.keyClicks(form.repeated, "eenlangwachtwoord")
    form.accept()
    assert form.isVisible()
    assert "Koppel" in form.error_label.text()
    assert form.login.text() == "gui_rita"
    person = people[0]
    form.person.setCurrentIndex(form.person.findData(person.id))
    form.repeated.setText("anders")
    form.accept()
    assert "verschillen" in form.error_label.text()
    assert form.repeated.hasFocus() or not form.isActiveWindow()
    form.repeated.setText("eenlangwachtwoord")
    form.accept()
    assert not form.isVisible()
    assert cell(users, 0, 0) == "gui_rita"
    assert cell(users, 0, 1) == "Professional"
    assert cell(users, 0, 2) == person.full_name
    # the login is real: it signs in and reads its own personal fields only
    url = demo_server.paths.server_url or ""
    with connect_as(url, "gui_rita", "eenlangwachtwoord") as sql:
        assert [r[0] for r in sql.execute("SELECT id FROM person_private")] == [person.id]
    # another role
    qtbot.mouseClick(users.role_button, Qt.MouseButton.LeftButton)
    change = users.form
    assert isinstance(change, UserDialog) and not change.login.isEnabled()
    change.role.setCurrentIndex(change.role.findData(UserRole.BEHEERDER))
    change.person.setCurrentIndex(0)  # a beheerder may be nobody of the staff list
    change.accept()
    assert not change.isVisible()
    assert (cell(users, 0, 1), cell(users, 0, 2)) == ("Beheerder", "—")
    with connect_as(url, "gui_rita", "eenlangwachtwoord") as sql:
        assert len(sql.execute("SELECT notes FROM person").fetchall()) == len(people)
    # and away, after a question whose Enter keeps it
    monkeypatch.setattr(prompts, "confirm", lambda *args, **kwargs: True)
    qtbot.mouseClick(users.remove_button, Qt.MouseButton.LeftButton)
    assert users.table.rowCount() == 0
    with pytest.raises(psycopg.OperationalError):
        connect_as(url, "gui_rita", "eenlangwachtwoord")


def test_another_beheerder_sees_the_users_but_changes_nothing(
    demo_server: DataStore, qtbot, tmp_path
) -> None:
    from werkleren_desktop.db.engine import make_engine
    from werkleren_desktop.storage.server_users import add_user

    _drop_logins(demo_server, "gui_bea")
    add_user(demo_server.engine, "gui_bea", UserRole.BEHEERDER, None, "eenlangwachtwoord")
    url = make_url(demo_server.paths.server_url or "").set(
        username="gui_bea", password="eenlangwachtwoord"
    )
    engine = make_engine(url.render_as_string(hide_password=False))
    try:
        users = UsersDialog(engine, list_people(demo_server.sessions))
        qtbot.addWidget(users)
        users.show()
        assert not users.administrator
        assert cell(users, 0, 0) == "gui_bea"
        assert not users.add_button.isEnabled() and not users.remove_button.isEnabled()
        assert any(
            "Alleen de beheerder van de server" in label.text()
            for label in users.findChildren(QLabel)
        )
    finally:
        engine.dispose()


def test_the_file_menu_offers_the_users_on_a_server_only(
    make_window, demo_server: DataStore, tmp_path
) -> None:
    from werkleren_desktop.paths import DataPaths
    from werkleren_desktop.storage.data_store import open_data_folder

    window = make_window(data=demo_server)
    assert window.users_action.isVisible()
    window.users_action.trigger()
    assert window.users_dialog.isVisible()
    assert window.users_dialog.windowTitle() == "Gebruikers"
    window.users_dialog.reject()
    laptop = open_data_folder(DataPaths(tmp_path / "laptop"))
    try:
        assert not make_window(data=laptop).users_action.isVisible()
    finally:
        laptop.close()

"""Mijn leren: a professional and a manager signed in to a shared server with their own
logins see their own part of the program, in the same window, and do what their role
allows; what they see and save is checked with SQL of the test's own, as the server's
administrator reads it. The organisation is the one of tests/db/test_roles.py."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableWidget
from pytestqt.qtbot import QtBot

from tests.db.test_roles import (
    MARK,
    RITA,
    SITUATION_PEOPLE,
    TOM,
    connect_args,
    drop_database,
    organisation_with_logins,
)
from tests.gui.helpers import clear_and_type, type_text
from werkleren_desktop.domain.constants import AgreementStatus, RequestStatus
from werkleren_desktop.gui.conversations.conversation_dialog import ConversationDialog
from werkleren_desktop.gui.cycles.attendance_dialog import AttendanceDialog
from werkleren_desktop.gui.main_window import MainWindow
from werkleren_desktop.gui.mine.conversation import AgreementDialog, PreparationDialog
from werkleren_desktop.gui.mine.groups import CheckInDialog
from werkleren_desktop.gui.navigation import AREAS, MY_AREAS
from werkleren_desktop.gui.requests.dialog import RequestDialog
from werkleren_desktop.gui.situations.situation_dialog import SituationDialog
from werkleren_desktop.gui.tasks import TaskRunner
from werkleren_desktop.gui.training.training_dialog import TrainingDialog
from werkleren_desktop.paths import DataPaths
from werkleren_desktop.storage.data_store import DataStore, open_data_folder

TODAY = dt.date(2026, 6, 1)
DATABASE = "my_learning"


@pytest.fixture(scope="module")
def office(postgres_server: str) -> Iterator[dict[str, str]]:
    yield organisation_with_logins(
        postgres_server,
        DATABASE,
        {"leidinggevende": "mine_mark", "professional": "mine_rita"},
    )
    drop_database(postgres_server, DATABASE)


@pytest.fixture
def signed_in(
    office: dict[str, str], tmp_path: Path, qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> Iterator[Callable[[str], MainWindow]]:
    stores: list[DataStore] = []

    def sign_in(role: str) -> MainWindow:
        store = open_data_folder(DataPaths(tmp_path / role).with_server(office[role]))
        stores.append(store)
        return make_window(TODAY, data=store, tasks=TaskRunner(synchronous=True))

    yield sign_in
    for store in stores:
        store.close()


def admin_rows(office: dict[str, str], query: str, *args: object) -> list[tuple[object, ...]]:
    with psycopg.connect(**connect_args(office["admin"])) as sql:
        return list(sql.execute(query, args))


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def sidebar_titles(window: MainWindow) -> list[str]:
    return [window.sidebar.item(row).text() for row in range(window.sidebar.count())]


def test_a_professional_sees_their_own_part_only(
    signed_in: Callable[[str], MainWindow],
) -> None:
    window = signed_in("professional")
    assert sidebar_titles(window) == [
        "Mijn leren",
        "Mijn werkleersituaties",
        "Werkafspraken",
        "Mijn gesprek",
        "Leervragen",
        "Mijn groepen en weekcycli",
        "Mijn opleidingen",
    ]
    assert len(MY_AREAS) == 7 and not {a.key for a in MY_AREAS} & {a.key for a in AREAS}
    for action in (
        window.settings_action,
        window.users_action,
        window.backup_action,
        window.restore_action,
        window.open_demo_action,
    ):
        assert not action.isVisible()
    assert [a.text() for a in window.area_actions.values()] == sidebar_titles(window)


def test_everyone_finds_the_work_agreements_and_only_the_beheerder_writes_them(
    signed_in: Callable[[str], MainWindow], office: dict[str, str], qtbot: QtBot
) -> None:
    window = signed_in("professional")
    window.show_area("my_agreements")
    page = window.agreements_page
    (title, contact) = admin_rows(
        office,
        "SELECT w.title, p.first_name || ' ' || p.last_name FROM work_agreement w"
        " JOIN person p ON p.id = w.contact_id",
    )[0]
    assert page.model.rowCount() == 1
    row = page.model.row_at(0)
    assert (row.title, row.contact_name) == (title, contact)
    page.table.selectRow(0)
    assert page.panel.title.text() == title and str(contact) in page.panel.body.text()
    # to read and print, not to write
    assert not page.new_button.isVisible() and not page.panel.edit_button.isVisible()
    assert not page.panel.withdraw_button.isVisible() and page.print_button.isVisible()


def test_mijn_leren_starts_with_what_waits_for_them(
    signed_in: Callable[[str], MainWindow], office: dict[str, str], qtbot: QtBot
) -> None:
    window = signed_in("professional")
    assert window.current_area() == "my_home"
    page = window.my_home_page
    assert page.title.text() == "Fijn je te zien, P3 Test"
    assert "1 mei 2026" in page.conversation_part.text.text()
    still_open = admin_rows(
        office,
        "SELECT a.what FROM agreement a JOIN talent_conversation t ON t.id = a.conversation_id"
        " WHERE t.person_id = %s AND a.status = 'open'",
        RITA,
    )
    day = page.day
    assert day is not None
    assert [a.what for a in day.open_agreements] == [w for (w,) in still_open]
    assert day.to_check_in == ()  # the one session was in March
    assert not page.answer_part.isVisible() and not page.team_part.isVisible()
    qtbot.mouseClick(page.requests_part.button, Qt.MouseButton.LeftButton)
    assert window.current_area() == "my_requests"


def test_a_managers_start_says_what_waits_for_their_answer(
    signed_in: Callable[[str], MainWindow], office: dict[str, str], qtbot: QtBot
) -> None:
    window = signed_in("leidinggevende")
    page = window.my_home_page
    assert page.answer_part.isVisible() and page.team_part.isVisible()
    waiting = admin_rows(
        office,
        "SELECT id FROM learning_request WHERE addressed_to = %s AND person_id <> %s"
        " AND status = 'open'",
        MARK,
        MARK,
    )
    assert page.day is not None
    assert {r.id for r in page.day.to_answer} == {i for (i,) in waiting}
    qtbot.mouseClick(page.team_part.button, Qt.MouseButton.LeftButton)
    assert window.current_area() == "team_conversations"


def test_a_professional_reads_the_situations_they_learned_from_or_brought_in(
    signed_in: Callable[[str], MainWindow], office: dict[str, str]
) -> None:
    window = signed_in("professional")
    window.show_area("my_situations")
    page = window.situations_page
    shown = {page.model.row_at(row).id for row in range(page.model.rowCount())}
    query = f"SELECT s FROM ({SITUATION_PEOPLE}) x WHERE p = %s"
    theirs = {s for (s,) in admin_rows(office, query, RITA)}
    assert shown == theirs and len(theirs) == 2


def test_a_professional_logs_a_situation_they_bring_in_themselves(
    signed_in: Callable[[str], MainWindow], office: dict[str, str], qtbot: QtBot
) -> None:
    """A new situation is theirs: they learned from it and brought it in, and the server
    lets them store it (its policies ask for exactly that)."""
    window = signed_in("professional")
    window.show_area("my_situations")
    page = window.situations_page
    before = page.model.rowCount()
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, SituationDialog)
    assert dialog.brought_in_by.currentText() == "P3 Test"
    type_text(qtbot, dialog.title, "Tillift weigerde")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.error_label.text()
    assert page.model.rowCount() == before + 1
    assert "ingebracht door P3 Test" in page.panel.facts.text()
    assert admin_rows(
        office,
        "SELECT s.brought_in_by, p.person_id FROM learning_situation s"
        " JOIN situation_person p ON p.situation_id = s.id WHERE s.title = 'Tillift weigerde'",
    ) == [(RITA, RITA)]


def test_a_professional_asks_for_something_and_follows_it(
    signed_in: Callable[[str], MainWindow], office: dict[str, str], qtbot: QtBot
) -> None:
    window = signed_in("professional")
    window.show_area("my_requests")
    page = window.my_requests_page
    assert page.mine_table.rowCount() == 1  # asked before (the organisation's)
    assert not page.to_me_table.isVisible()  # nobody reports to a professional
    qtbot.mouseClick(page.ask_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, RequestDialog) and dialog.windowTitle() == "Nieuwe leervraag"
    type_text(qtbot, dialog.question, "Ik wil leren werken met de tilmachine")
    dialog.accept()
    assert not dialog.isVisible()
    assert page.mine_table.rowCount() == 2
    asked = admin_rows(
        office,
        "SELECT person_id, addressed_to, status, question FROM learning_request"
        " WHERE question LIKE 'Ik wil leren%%'",
    )
    assert asked == [(RITA, MARK, "open", "Ik wil leren werken met de tilmachine")]
    # followed: what came of it, noted by the asker; the answer is not theirs to give
    page.mine_table.setCurrentCell(0, 0)
    qtbot.keyClick(page.mine_table, Qt.Key.Key_Return)
    follow = page.dialog
    assert isinstance(follow, RequestDialog) and follow is not dialog
    assert follow.windowTitle() == "Mijn leervraag"
    assert not follow.status.isVisible()
    type_text(qtbot, follow.outcome, "Nog niets")
    follow.accept()
    assert not follow.isVisible(), follow.error_label.text()
    assert admin_rows(
        office, "SELECT outcome FROM learning_request WHERE question LIKE 'Ik wil leren%%'"
    ) == [("Nog niets",)]


def test_a_manager_answers_the_requests_addressed_to_them(
    signed_in: Callable[[str], MainWindow], office: dict[str, str], qtbot: QtBot
) -> None:
    window = signed_in("leidinggevende")
    window.show_area("my_requests")
    page = window.my_requests_page
    assert page.to_me_table.isVisible()
    addressed = admin_rows(
        office,
        "SELECT count(*) FROM learning_request WHERE addressed_to = %s AND person_id <> %s",
        MARK,
        MARK,
    )
    # Rita's and Tom's (and what other tests of this module asked meanwhile)
    assert page.to_me_table.rowCount() == int(str(addressed[0][0])) >= 2
    rita = next(r for r in page.to_me if r.person_id == RITA and r.status is RequestStatus.OPEN)
    row = page.to_me.index(rita)
    page.to_me_table.setCurrentCell(row, 0)
    qtbot.keyClick(page.to_me_table, Qt.Key.Key_Return)
    dialog = page.dialog
    assert isinstance(dialog, RequestDialog)
    dialog.status.setCurrentIndex(dialog.status.findData(RequestStatus.PLANNED))
    type_text(qtbot, dialog.answer, "In september, bij de leverancier")
    dialog.accept()
    assert not dialog.isVisible(), dialog.error_label.text()
    assert admin_rows(
        office, "SELECT status, answered_by, answer FROM learning_request WHERE id = %s", rita.id
    ) == [("planned", MARK, "In september, bij de leverancier")]
    assert TOM in {r.person_id for r in page.to_me}


def test_a_professional_checks_in_after_a_session(
    signed_in: Callable[[str], MainWindow], office: dict[str, str], qtbot: QtBot
) -> None:
    window = signed_in("professional")
    window.show_area("my_groups")
    page = window.my_groups_page
    assert "Jong en oud" in page.groups_label.text()
    assert page.table.rowCount() == 1
    assert cell(page.table, 0, 6) == "aanwezig"
    page.table.setCurrentCell(0, 0)
    assert page.check_in_button.isEnabled()
    qtbot.mouseClick(page.check_in_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, CheckInDialog)
    dialog.energy.setCurrentIndex(dialog.energy.findData(4))
    dialog.meaning.setCurrentIndex(dialog.meaning.findData(5))
    dialog.accept()
    assert not dialog.isVisible(), dialog.error_label.text()
    assert admin_rows(
        office,
        "SELECT person_id, status, energy, meaning FROM attendance WHERE session_id = 1"
        " AND person_id = %s",
        RITA,
    ) == [(RITA, "present", 4, 5)]
    assert cell(page.table, 0, 6) == "aanwezig · energie 4 · zingeving 5"
    # the others' rows of the session stay as they were
    assert admin_rows(office, "SELECT count(*) FROM attendance WHERE energy IS NOT NULL") == [(1,)]


def test_a_professional_accounts_for_their_agreement(
    signed_in: Callable[[str], MainWindow], office: dict[str, str], qtbot: QtBot
) -> None:
    window = signed_in("professional")
    window.show_area("my_conversation")
    page = window.my_conversation_page
    assert "1 mei 2026" in page.next_label.text() and "P2 Test" in page.next_label.text()
    assert page.agreements_table.rowCount() == 1
    assert cell(page.agreements_table, 0, 1) == "Cursus"
    page.agreements_table.setCurrentCell(0, 0)
    qtbot.mouseClick(page.account_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, AgreementDialog)
    dialog.status.setCurrentIndex(dialog.status.findData(AgreementStatus.PARTLY))
    dialog.accept()  # partly kept says how far it came
    assert dialog.isVisible() and dialog.error_label.text()
    type_text(qtbot, dialog.note, "De eerste helft gedaan")
    dialog.accept()
    assert not dialog.isVisible(), dialog.error_label.text()
    assert admin_rows(
        office,
        "SELECT a.status, a.review_note, a.what FROM agreement a"
        " JOIN talent_conversation t ON t.id = a.conversation_id WHERE t.person_id = %s",
        RITA,
    ) == [("partly", "De eerste helft gedaan", "Cursus")]


def test_a_professional_reads_their_training_and_budget(
    signed_in: Callable[[str], MainWindow], office: dict[str, str]
) -> None:
    window = signed_in("professional")
    window.show_area("my_training")
    page = window.my_training_page
    theirs = admin_rows(office, "SELECT title FROM training WHERE person_id = %s", RITA)
    assert [cell(page.table, r, 1) for r in range(page.table.rowCount())] == [t for (t,) in theirs]
    assert page.budget_value.text().startswith("€")


def test_a_professional_prepares_their_conversation_and_shares_it_when_ready(
    signed_in: Callable[[str], MainWindow], office: dict[str, str], qtbot: QtBot
) -> None:
    """Written in their own window, the preparation is theirs: their manager's login
    reads none of it (SQL straight to the server) until they share it; sharing writes it
    into their parts of the conversation, where the manager reads it."""
    window = signed_in("professional")
    window.show_area("my_conversation")
    page = window.my_conversation_page
    assert page.prepare_button.isVisible()
    qtbot.mouseClick(page.prepare_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, PreparationDialog)
    type_text(qtbot, dialog.edits["learning_wishes"], "Leren tillen met de nieuwe lift")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.error_label.text()
    assert "tot je het deelt" in page.preparation_label.text()

    conversation = admin_rows(
        office, "SELECT id FROM talent_conversation WHERE person_id = %s", RITA
    )[0][0]
    wish = (
        "SELECT preparation FROM conversation_section WHERE conversation_id = %s"
        " AND key = 'learning_wishes'"
    )
    own = "SELECT text FROM own_preparation WHERE conversation_id = %s AND key = 'learning_wishes'"
    assert admin_rows(office, own, conversation) == [("Leren tillen met de nieuwe lift",)]
    assert admin_rows(office, wish, conversation) == []
    with psycopg.connect(**connect_args(office["leidinggevende"])) as sql:
        assert list(sql.execute(own, (conversation,))) == []  # not the manager's to read

    qtbot.mouseClick(page.prepare_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, PreparationDialog)
    assert dialog.edits["learning_wishes"].toPlainText() == "Leren tillen met de nieuwe lift"
    assert dialog.share_button.text() == "Opslaan en delen met P2 Test"
    qtbot.mouseClick(dialog.share_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.error_label.text()
    assert page.preparation_label.text().startswith("Gedeeld met P2 Test op")
    with psycopg.connect(**connect_args(office["leidinggevende"])) as sql:
        assert list(sql.execute(wish, (conversation,))) == [("Leren tillen met de nieuwe lift",)]
        assert list(sql.execute(own, (conversation,))) == []
    # the notes stay the manager's: a professional's own login cannot write them
    with (
        psycopg.connect(**connect_args(office["professional"])) as sql,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        sql.execute(
            "UPDATE conversation_section SET notes = 'zelf' WHERE conversation_id = %s",
            (conversation,),
        )


def test_a_manager_holds_the_conversations_of_their_team_and_no_others(
    signed_in: Callable[[str], MainWindow], office: dict[str, str], qtbot: QtBot
) -> None:
    """Who is due, the conversations and the open agreements are those of the people
    who report to the manager (Rita and Tom, and Ruud through Tom), compared with SQL as
    the administrator reads the lines of managers; a professional's shared preparation
    shows in the conversation, and the manager's own preparation is saved."""
    window = signed_in("leidinggevende")
    assert sidebar_titles(window)[-1] == "Gesprekken met mijn team"
    window.show_area("team_conversations")
    page = window.conversations_page
    assert page.error_label.text() == ""
    assert "Gesprekken met mijn team" in [label.text() for label in page.findChildren(QLabel)]
    reports = team_of_mark(office)
    assert reports == {RITA, TOM, 5}
    assert {r.person_id for r in page.due_rows} == reports
    assert {p.id for p in page.people} == reports
    assert not page.note_last_button.isVisible()
    page.tabs.setCurrentIndex(1)
    assert page.conversation_rows is not None
    assert {r.person_id for r in page.conversation_rows} == reports
    page.tabs.setCurrentIndex(2)
    assert page.agreement_rows is not None
    still_open = admin_rows(
        office,
        "SELECT a.id, t.person_id FROM agreement a JOIN talent_conversation t"
        " ON t.id = a.conversation_id WHERE a.status = 'open'",
    )
    assert {a.id for a in page.agreement_rows} == {a for a, p in still_open if p in reports}

    conversation = int(
        str(
            admin_rows(office, "SELECT id FROM talent_conversation WHERE person_id = %s", TOM)[0][0]
        )
    )
    admin_rows(
        office,
        "INSERT INTO conversation_section (conversation_id, key, preparation, notes)"
        " VALUES (%s, 'learning_wishes', 'Gedeeld door Tom', '') RETURNING id",
        conversation,
    )
    page.open_conversation(conversation)
    dialog = page.dialog
    assert isinstance(dialog, ConversationDialog)
    assert dialog.preparation["learning_wishes"].toPlainText() == "Gedeeld door Tom"
    dialog.tabs.setCurrentIndex(1)  # the manager prepares their part too
    clear_and_type(qtbot, dialog.preparation["observations"], "Neemt initiatief")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.error_label.text()
    assert admin_rows(
        office,
        "SELECT preparation FROM conversation_section WHERE conversation_id = %s"
        " AND key = 'observations'",
        conversation,
    ) == [("Neemt initiatief",)]


def test_what_the_server_refuses_a_role_is_said_in_a_sentence(
    office: dict[str, str], tmp_path: Path
) -> None:
    """A refusal of the server's policies or grants reaches the window as a sentence,
    never in the server's words (which may quote a row)."""
    from sqlalchemy import text

    from werkleren_desktop.gui import errors

    store = open_data_folder(DataPaths(tmp_path / "r").with_server(office["professional"]))
    try:
        with pytest.raises(Exception) as refused, store.sessions() as db:
            db.execute(text("SELECT notes FROM person"))
        said = errors.sentence_for(refused.value)
        assert said == (
            "Je login mag dit op de server niet lezen of wijzigen; er is niets veranderd. "
            "Vraag het je beheerder als je het nodig hebt."
        )
    finally:
        store.close()


def counted(rows: list[tuple[object, ...]]) -> dict[int, int]:
    return {int(str(key)): int(str(n)) for key, n in rows}


def team_of_mark(office: dict[str, str]) -> set[int]:
    return {
        int(str(pid))
        for (pid,) in admin_rows(
            office,
            "WITH RECURSIVE team(id) AS (SELECT id FROM person WHERE manager_id = %s"
            " UNION SELECT p.id FROM person p JOIN team t ON p.manager_id = t.id)"
            " SELECT id FROM team",
            MARK,
        )
    }


def test_a_manager_sees_their_team_and_records_for_it(
    signed_in: Callable[[str], MainWindow], office: dict[str, str], qtbot: QtBot
) -> None:
    """Mijn team lists the people who report to the manager, directly or through others,
    with figures compared with SQL as the administrator reads them; the manager records
    a learning request and training for someone of the team."""
    window = signed_in("leidinggevende")
    assert sidebar_titles(window)[-3:] == [
        "Mijn team",
        "Groepen en weekcycli van mijn team",
        "Gesprekken met mijn team",
    ]
    window.show_area("team_people")
    page = window.team_page
    assert page.error_label.text() == ""
    assert {m.id for m in page.members} == team_of_mark(office) == {RITA, TOM, 5}
    names = [cell(page.table, row, 0) for row in range(page.table.rowCount())]
    assert sorted(names) == ["P3 Test", "P4 Test", "P5 Test"]
    agreements = counted(
        admin_rows(
            office,
            "SELECT t.person_id, count(*) FROM agreement a JOIN talent_conversation t"
            " ON t.id = a.conversation_id WHERE a.status = 'open' GROUP BY t.person_id",
        )
    )
    requests = counted(
        admin_rows(
            office,
            "SELECT person_id, count(*) FROM learning_request WHERE status = 'open'"
            " GROUP BY person_id",
        )
    )
    for member in page.members:
        assert member.open_agreements == agreements.get(member.id, 0)
        assert member.open_requests == requests.get(member.id, 0)
        assert member.notes == "vertrouwelijk"  # the team's notes: theirs to read
        assert member.groups == ("Jong en oud",)
        assert (member.sessions_present, member.sessions_recorded) == (1, 1)
    # Ruud, through Tom: what the panel says of him
    page.table.setCurrentCell(names.index("P5 Test"), 0)
    about = page.about.text()
    assert "p5@example.nl" in about and "rapporteert aan P4 Test" in about

    qtbot.mouseClick(page.request_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, RequestDialog)
    type_text(qtbot, dialog.question, "Een dag meelopen op de intensieve zorg")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.error_label.text()
    assert admin_rows(
        office,
        "SELECT person_id, addressed_to, status FROM learning_request WHERE question = %s",
        "Een dag meelopen op de intensieve zorg",
    ) == [(5, TOM, "open")]

    qtbot.mouseClick(page.training_button, Qt.MouseButton.LeftButton)
    training = page.dialog
    assert isinstance(training, TrainingDialog)
    assert {p.id for p in training.all_people} == {RITA, TOM, 5}
    type_text(qtbot, training.title, "Tillen zonder klachten")
    clear_and_type(qtbot, training.hours, "3")
    qtbot.mouseClick(training.save_button, Qt.MouseButton.LeftButton)
    assert not training.isVisible(), training.error_label.text()
    assert admin_rows(
        office, "SELECT person_id, minutes FROM training WHERE title = 'Tillen zonder klachten'"
    ) == [(5, 180)]


def test_a_manager_records_their_teams_attendance_and_no_one_elses(
    signed_in: Callable[[str], MainWindow], office: dict[str, str], qtbot: QtBot
) -> None:
    """The groups and week cycles of the team: the manager records who of their team was
    at a session; the rest of the group is not in the form, and what was recorded of
    them stays as it was."""
    window = signed_in("leidinggevende")
    window.show_area("team_groups")
    page = window.team_groups_page
    assert page.error_label.text() == ""
    assert "Jong en oud" in page.groups_label.text()
    assert "en 3 anderen" in page.groups_label.text()
    assert [s.id for s in page.shown] == [1]
    assert cell(page.table, 0, 5) == "3 van 3 aanwezig"
    item = page.table.item(0, 5)
    assert item is not None and item.toolTip() == "P3 Test, P4 Test, P5 Test"
    before = admin_rows(
        office, "SELECT person_id, status, note FROM attendance WHERE person_id IN (1, 2, 6)"
    )
    page.table.setCurrentCell(0, 0)
    qtbot.mouseClick(page.attendance_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, AttendanceDialog)
    assert [m.person_id for m in dialog.marks] == [RITA, TOM, 5]
    dialog.status_boxes[1].setCurrentIndex(dialog.status_boxes[1].findData("absent"))
    dialog.notes[1].setText("Ziek")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.error_label.text()
    assert admin_rows(
        office, "SELECT status, note FROM attendance WHERE session_id = 1 AND person_id = %s", TOM
    ) == [("absent", "Ziek")]
    assert (
        admin_rows(
            office, "SELECT person_id, status, note FROM attendance WHERE person_id IN (1, 2, 6)"
        )
        == before
    )
    assert cell(page.table, 0, 5) == "2 van 3 aanwezig"


def test_a_manager_works_with_their_team_by_keyboard_alone(
    signed_in: Callable[[str], MainWindow], qtbot: QtBot
) -> None:
    """Enter on someone of the team opens their conversation of this half year; Enter on
    a session of the team's groups opens the form for the team's attendance; Escape
    closes each again."""
    window = signed_in("leidinggevende")
    window.show_area("team_people")
    page = window.team_page
    page.table.setFocus()
    names = [cell(page.table, row, 0) for row in range(page.table.rowCount())]
    while cell(page.table, page.table.currentRow(), 0) != "P4 Test":
        qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert "P4 Test" in page.about.text() and names.index("P4 Test") == page.table.currentRow()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert window.current_area() == "team_conversations"
    dialog = window.conversations_page.dialog
    assert isinstance(dialog, ConversationDialog) and dialog.isVisible()
    assert dialog.person.currentData() == TOM
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()

    window.show_area("team_groups")
    groups = window.team_groups_page
    groups.table.setFocus()
    assert groups.attendance_button.isEnabled()  # the latest session held is chosen
    qtbot.keyClick(groups.table, Qt.Key.Key_Return)
    form = groups.dialog
    assert isinstance(form, AttendanceDialog) and form.isVisible()
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert not form.isVisible()


# --- the copy on the laptop, to read while the server cannot be reached ---------------


def login_reads(url: str, query: str) -> set[str]:
    """What a login reads itself with ``query``; nothing when the server refuses it."""
    try:
        with psycopg.connect(**connect_args(url)) as sql:
            return {str(key) for (key,) in sql.execute(query)}
    except psycopg.errors.InsufficientPrivilege:
        return set()


@pytest.mark.parametrize("role", ["leidinggevende", "professional"])
def test_a_roles_copy_holds_what_its_login_reads_and_no_more(
    office: dict[str, str], tmp_path: Path, role: str
) -> None:
    """Every table of a manager's or a professional's copy holds exactly the rows their
    login reads on the server, compared with SQL the login sends itself; of the people
    the copy holds the personal fields only where the login reads them."""
    from werkleren_desktop.db.models import Base
    from werkleren_desktop.storage import offline

    paths = DataPaths(tmp_path).with_server(office[role])
    store = open_data_folder(paths)
    try:
        made = offline.make_copy(store.engine, paths)
    finally:
        store.close()
    assert made.seat is not None and made.seat.role.value == role
    assert offline.offline_copy(paths) == made  # whose it is, kept with it
    copy = sqlite3.connect(made.path)
    try:
        for table in Base.metadata.sorted_tables:
            key = " || '/' || ".join(c.name for c in table.primary_key.columns)
            query = f"SELECT {key} FROM {table.name}"
            held = {str(k) for (k,) in copy.execute(query)}
            assert held == login_reads(office[role], query), table.name
        assert not list(copy.execute("SELECT id FROM scan"))  # the beheerder's alone
        private = {
            int(str(pid)): (email, notes)
            for pid, email, notes in admin_rows(office, "SELECT id, email, notes FROM person")
        }
        readable = {int(k) for k in login_reads(office[role], "SELECT id FROM person_private")}
        assert readable == ({RITA} if role == "professional" else {MARK, RITA, TOM, 5})
        for pid, email, notes in copy.execute("SELECT id, email, notes FROM person"):
            assert (email, notes) == (private[pid] if pid in readable else (None, "")), pid
        # a row everyone reads keeps its pointer only to what the login reads too (the
        # work agreement made from situation 1)
        (pointer,) = copy.execute("SELECT situation_id FROM work_agreement").fetchone()
        sees = login_reads(office[role], "SELECT id FROM learning_situation WHERE id = 1")
        assert pointer == (1 if sees else None)
    finally:
        copy.close()


def test_a_manager_reads_their_team_in_the_copy_while_the_server_is_away(
    office: dict[str, str], tmp_path: Path, make_window: Callable[..., MainWindow]
) -> None:
    """The copy opened as the window opens it when the server cannot be reached: the
    manager's own part, every page loads from the copy (SQLite answering what the
    server's function answers), and their team is the same as on the server."""
    from werkleren_desktop.services.team import team
    from werkleren_desktop.storage import offline

    paths = DataPaths(tmp_path).with_server(office["leidinggevende"])
    store = open_data_folder(paths)
    try:
        offline.make_copy(store.engine, paths)
        on_server = [m.id for m in team(store.sessions, MARK, TODAY)]
    finally:
        store.close()
    copy = offline.open_copy(paths)
    try:
        assert copy.seat is not None and copy.seat.person_id == MARK
        window = make_window(TODAY, data=copy, tasks=TaskRunner(synchronous=True))
        assert sidebar_titles(window)[-3:] == [
            "Mijn team",
            "Groepen en weekcycli van mijn team",
            "Gesprekken met mijn team",
        ]
        for area in window.areas:
            window.show_area(area.key)
            page = window.page(area.key)
            error = getattr(page, "error_label", None)
            assert error is None or error.text() == "", (area.key, error.text())
        assert [m.id for m in window.team_page.members] == on_server
        assert {m.notes for m in window.team_page.members} == {"vertrouwelijk"}
        assert {r.person_id for r in window.conversations_page.due_rows} == {RITA, TOM, 5}
    finally:
        copy.close()

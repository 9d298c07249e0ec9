"""No error unseen, no stale answer: the service made to fail, and answers that finish
out of order in a real background pool."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from tests.conftest import TODAY
from tests.gui.helpers import type_text
from werkleren_desktop.db.models import TrainingForm
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.domain.training import TrainingInput
from werkleren_desktop.errors import StorageError
from werkleren_desktop.gui import errors
from werkleren_desktop.gui.tasks import TaskRunner
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import save_person
from werkleren_desktop.services.training import save_training

D = dt.date
SECRET = "Geheime Achternaam"  # planted in failing records: it must reach no log


@pytest.fixture
def org(store) -> dict[str, int]:
    create_organisation(store.sessions, OrganisationSettings(name="Bakkerij"))
    anouk = save_person(store.sessions, PersonInput("Anouk", "Bakker", D(2010, 1, 1)), TODAY)
    save_training(
        store.sessions,
        TrainingInput((anouk,), "BHV", TrainingForm.COURSE, D(2026, 3, 1), D(2026, 3, 2)),
        TODAY,
    )
    return {"Anouk": anouk}


@pytest.fixture
def log_folder(tmp_path: Path):
    errors.log_into(tmp_path / "logs")
    (tmp_path / "logs").mkdir()
    yield tmp_path / "logs"
    errors.log_into(None)


def trainings(store) -> int:
    with store.engine.connect() as connection:  # on either database
        return connection.execute(text("SELECT count(*) FROM training")).scalar_one()


def test_a_refused_page_action_is_said_on_the_page(
    make_window, qtbot, fake_prompts, store, org, monkeypatch
) -> None:
    window = make_window()
    window.show_area("training")
    page = window.training_page
    page.table.selectRow(0)

    def locked(*_args: object) -> None:
        raise StorageError("De gegevens zijn in gebruik door een ander programma.")

    monkeypatch.setattr("werkleren_desktop.gui.training.page.delete_training", locked)
    qtbot.mouseClick(page.panel.delete_button, Qt.MouseButton.LeftButton)
    assert page.error_label.text() == "De gegevens zijn in gebruik door een ander programma."
    assert page.panel.training is not None and page.model.rowCount() == 1  # as it was
    assert trainings(store) == 1


def test_an_unexpected_failure_is_said_and_logged_without_personal_data(
    make_window, qtbot, fake_prompts, store, org, monkeypatch, log_folder
) -> None:
    window = make_window()
    window.show_area("training")
    page = window.training_page
    page.table.selectRow(0)

    def broken(*_args: object) -> None:
        raise RuntimeError(f"record of {SECRET} is damaged")

    monkeypatch.setattr("werkleren_desktop.gui.training.page.delete_training", broken)
    qtbot.mouseClick(page.panel.delete_button, Qt.MouseButton.LeftButton)
    (message,) = fake_prompts.errors
    log = log_folder / "errors.log"
    assert message == (
        "Er ging iets onverwachts mis (RuntimeError). Het programma werkt door; de details, "
        f"zonder persoonsgegevens, staan in {log}."
    )
    text = log.read_text()
    assert "builtins.RuntimeError" in text and "in broken" in text
    assert "training/page.py" in text and SECRET not in text and "damaged" not in text
    assert page.model.rowCount() == 1 and trainings(store) == 1


@pytest.mark.qt_no_exception_capture
def test_the_exception_hook_keeps_the_window(
    make_window, qtbot, fake_prompts, store, org, log_folder, monkeypatch
) -> None:
    import sys

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    errors.install_exception_hook()
    window = make_window()
    button = QPushButton("kapot", window)

    def failing() -> None:
        raise KeyError(SECRET)

    button.clicked.connect(failing)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert fake_prompts.errors[0].startswith("Er ging iets onverwachts mis (KeyError).")
    assert SECRET not in (log_folder / "errors.log").read_text()
    assert window.isVisible()
    window.show_area("people")  # and it still works
    assert window.people_page.model.rowCount() == 1


def test_the_log_is_capped(log_folder) -> None:
    for _ in range(3000):
        try:
            raise ValueError(SECRET)
        except ValueError as error:
            errors.log_unexpected(error)
    assert (log_folder / "errors.log").stat().st_size <= errors.MAX_LOG_BYTES
    assert (log_folder / "errors.log.1").stat().st_size <= errors.MAX_LOG_BYTES
    assert sorted(p.name for p in log_folder.iterdir()) == ["errors.log", "errors.log.1"]


def test_a_form_stays_open_with_what_was_typed_on_any_error(
    make_window, qtbot, fake_prompts, store, org, monkeypatch, log_folder
) -> None:
    window = make_window()
    window.show_area("people")
    page = window.people_page
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    type_text(qtbot, dialog.first_name, "Geheime")
    type_text(qtbot, dialog.last_name, "Achternaam")

    def integrity(*_args: object, **_kwargs: object) -> int:
        raise IntegrityError(f"INSERT {SECRET}", {}, Exception("UNIQUE constraint failed"))

    monkeypatch.setattr("werkleren_desktop.gui.people.person_dialog.save_person", integrity)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_label.text().startswith(
        "Niet opgeslagen: Er ging iets onverwachts mis (IntegrityError)."
    )
    assert dialog.error_label.text().endswith("Wat u invulde, staat er nog.")
    assert dialog.last_name.text() == "Achternaam"
    assert SECRET not in (log_folder / "errors.log").read_text()
    dialog.discard()


def test_a_draft_that_cannot_be_kept_is_said_once(
    make_window, qtbot, fake_prompts, store, org, monkeypatch
) -> None:
    window = make_window()
    window.show_area("situations")
    page = window.situations_page
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    type_text(qtbot, dialog.title, "Oven te heet")

    def full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(dialog._drafts, "save", full)
    monkeypatch.setattr(dialog._drafts, "discard", full)
    dialog.keep_draft()
    said = window.statusBar().currentMessage()
    assert said == (
        "De reservekopie van het formulier kon niet worden bewaard (OSError); sla het "
        "formulier snel op."
    )
    window.statusBar().clearMessage()
    dialog.keep_draft()
    assert window.statusBar().currentMessage() == ""  # once
    dialog.discard()  # removing it fails too: no raw OSError out of the slot
    assert not dialog.isVisible()


def test_an_older_answer_arriving_late_is_dropped() -> None:
    """Two loads with one key, really in the background, finishing out of order."""
    runner = TaskRunner()
    shown: list[str] = []
    release_old = threading.Event()

    def old() -> str:
        release_old.wait(10)
        return "old"

    runner.run(old, shown.append, lambda _e: None, key="list")
    runner.run(lambda: "new", shown.append, lambda _e: None, key="list")
    deadline = dt.datetime.now() + dt.timedelta(seconds=10)
    while "new" not in shown and dt.datetime.now() < deadline:
        QApplication.processEvents()
    release_old.set()
    runner.wait()
    QApplication.processEvents()
    assert shown == ["new"]
    # work without a key (a save, an export) is never dropped
    saved: list[str] = []
    runner.run(lambda: "first", saved.append, lambda _e: None)
    runner.run(lambda: "second", saved.append, lambda _e: None)
    runner.wait()
    QApplication.processEvents()
    assert sorted(saved) == ["first", "second"]


def test_a_slow_old_search_does_not_overwrite_a_newer_one(
    make_window, qtbot, fake_prompts, store, org, monkeypatch
) -> None:
    from werkleren_desktop.db.models import SituationKind
    from werkleren_desktop.domain.situations import SituationInput
    from werkleren_desktop.services import situations as service

    for title in ("Oven te heet", "Deeg te nat"):
        service.save_situation(
            store.sessions,
            SituationInput(D(2026, 11, 2), title, SituationKind.ANALYSE, (org["Anouk"],)),
            TODAY,
        )
    real = service.list_situations
    slow_started, release = threading.Event(), threading.Event()

    def list_situations(sessions, where, **kwargs):  # "oven" is slow, "deeg" quick
        if where.search == "oven":
            slow_started.set()
            release.wait(10)
        return real(sessions, where, **kwargs)

    monkeypatch.setattr(service, "list_situations", list_situations)
    runner = TaskRunner()
    window = make_window(tasks=runner)
    window.show_area("situations")
    page = window.situations_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    page.search.setText("oven")
    page.requery()
    qtbot.waitUntil(slow_started.is_set)
    page.search.setText("deeg")
    page.requery()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    assert page.model.row_at(0).title == "Deeg te nat"
    release.set()  # now the old answer comes in
    runner.wait()
    QTimer.singleShot(50, lambda: None)
    qtbot.wait(100)
    assert [page.model.row_at(r).title for r in range(page.model.rowCount())] == ["Deeg te nat"]


def test_a_search_that_finds_nothing_empties_the_panel(
    make_window, qtbot, fake_prompts, store, org
) -> None:
    window = make_window()
    window.show_area("people")
    page = window.people_page
    page.table.selectRow(0)
    assert page.panel.name.isVisibleTo(page)
    type_text(qtbot, page.search, "zzz")
    assert page.model.rowCount() == 0
    assert not page.panel.name.isVisibleTo(page)
    page.search.clear()  # the chosen one comes back with the list
    assert page.panel.name.isVisibleTo(page) and page.panel.name.text() == "Anouk Bakker"

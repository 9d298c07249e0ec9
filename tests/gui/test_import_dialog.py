"""Importing a staff list through the window: every problem at once, the doubled
headers named, and the checking and storing in the background without stale answers."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from sqlalchemy import text

from tests import hostile_files
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.gui.people.import_dialog import ImportDialog
from werkleren_desktop.gui.tasks import TaskRunner
from werkleren_desktop.services.organisation import create_organisation


@pytest.fixture(autouse=True)
def organisation(store) -> None:
    create_organisation(store.sessions, OrganisationSettings(name="Bakkerij De Korenschoof"))


def open_import(qtbot, window, fake_prompts, path: Path) -> ImportDialog:
    window.show_area("people")
    page = window.people_page
    fake_prompts.import_file = path
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(page.dialog, ImportDialog) and page.dialog.isVisible())
    return page.dialog


def count_people(store) -> int:
    with store.engine.connect() as connection:  # on either database
        return connection.execute(text("SELECT count(*) FROM person")).scalar_one()


def test_every_problem_is_listed_and_can_be_copied(
    make_window, qtbot, fake_prompts, tmp_path: Path, store
) -> None:
    path = tmp_path / "fouten.csv"
    path.write_text(
        "Voornaam;Achternaam;Leidinggevende;In dienst\r\n"
        + "".join(f"Mens{i};;;31-02-2020\r\n" for i in range(120))
        + "Piet;Puk;Klaas Vaak;01-01-2020\r\n",
        encoding="utf-8",
    )
    dialog = open_import(qtbot, make_window(), fake_prompts, path)
    assert dialog.tabs.tabText(0) == "Problemen (241)"
    assert dialog.tabs.tabText(1) == "Alle regels (121)"
    assert dialog.tabs.currentIndex() == 0
    model = dialog.problems_model
    assert model.rowCount() == 200  # the first 200; the count says how many in all
    assert [model.data(model.index(0, c)) for c in range(3)] == [
        "2",
        "Achternaam",
        "Vul de achternaam in.",
    ]
    assert dialog.problems_note.text().startswith("De eerste 200 van 241 problemen staan hieronder")
    assert "Fouten: 240" in dialog.problems_note.text()
    assert "Opmerkingen: 1" in dialog.problems_note.text()
    assert dialog.import_button.text() == "1 importeren"
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text().splitlines()
    assert len(copied) == 241
    assert copied[-1] == (
        "regel 122: Onbekende leidinggevende ‘Klaas Vaak’. Geïmporteerd zonder leidinggevende."
    )
    dialog.reject()


def test_doubled_headers_are_shown_and_the_column_can_be_chosen(
    make_window, qtbot, fake_prompts, tmp_path: Path, store
) -> None:
    path = tmp_path / "dubbel.csv"
    path.write_text(
        "Voornaam;Achternaam;E-mail;In dienst;Email\r\nJan;Jansen;;01-01-2020;jan@nieuw.nl\r\n",
        encoding="utf-8",
    )
    dialog = open_import(qtbot, make_window(), fake_prompts, path)
    assert dialog.doubled_banner.isVisible()
    assert dialog.doubled_banner.label.text() == (
        "regel 1: De kolommen C en E heten allemaal E-mail. De eerste daarvan wordt gelezen; "
        "kies hierboven een andere als dat niet klopt."
    )
    box = dialog.column_boxes["email"]
    assert box.currentText() == "C: E-mail"
    box.setCurrentIndex(box.findData(4))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    with store.engine.connect() as connection:
        assert connection.execute(text("SELECT email FROM person")).all() == [("jan@nieuw.nl",)]


def test_a_zip_bomb_is_refused_on_the_page(make_window, qtbot, fake_prompts, tmp_path) -> None:
    window = make_window()
    window.show_area("people")
    page = window.people_page
    fake_prompts.import_file = hostile_files.bomb_wide(tmp_path / "lijst.xlsx")
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert page.error_label.text().startswith("Regel 2 heeft meer dan 200 kolommen")
    assert page.import_button.isEnabled()


def test_a_newer_choice_of_columns_wins_over_an_older_answer(
    make_window, qtbot, fake_prompts, tmp_path: Path, store
) -> None:
    """Checking runs really in the background here: the answer for the first choice
    may arrive after the second was asked for, and must not be shown."""
    path = hostile_files.staff_list(tmp_path / "lijst.csv", 20_000)
    runner = TaskRunner()
    window = make_window(tasks=runner)
    dialog = open_import(qtbot, window, fake_prompts, path)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=60_000)
    assert dialog.summary.text().startswith("20.000 nieuw")
    box = dialog.column_boxes["in_service"]
    box.setCurrentIndex(box.findData(3))  # "Functie" holds no dates: every row an error
    assert not dialog.import_button.isEnabled()
    assert dialog.summary.text() == "Het bestand wordt nagekeken…"
    box.setCurrentIndex(box.findData(5))  # back to "In dienst", before the first answer
    qtbot.waitUntil(lambda: not runner.busy, timeout=60_000)
    assert dialog.summary.text().startswith("20.000 nieuw, 0 gewijzigd, 0 ongewijzigd, 0 met")
    assert dialog.tabs.tabText(0) == "Problemen (0)"
    assert dialog.import_button.isEnabled()

    # storing runs in the background too; meanwhile nothing in the dialog can be changed
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert not dialog.import_button.isEnabled() and not dialog.cancel_button.isEnabled()
    assert not box.isEnabled()
    dialog.reject()  # Escape while storing: the import finishes, then the dialog closes
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=120_000)
    runner.wait()
    assert count_people(store) == 20_000
    qtbot.waitUntil(
        lambda: (
            window.statusBar().currentMessage() == ("Geïmporteerd: 20.000 toegevoegd, 0 gewijzigd.")
        )
    )

"""File › Back up now and Restore, and the backup settings, through the window."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from tests.conftest import TODAY
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import list_people, save_person
from werkleren_desktop.storage.backups import backup_folder, list_backups

pytestmark = pytest.mark.sqlite_file  # backups and restores of the laptop's data file


def test_back_up_and_restore_from_the_file_menu(make_window, store, fake_prompts, qtbot) -> None:
    create_organisation(store.sessions, OrganisationSettings(name="Van Dijk"))
    save_person(store.sessions, PersonInput("Anna", "de Wit", dt.date(2020, 1, 1)), TODAY)
    window = make_window()
    window.backup_action.trigger()
    (backup,) = list_backups(store.paths.backups)
    assert "Reservekopie gemaakt" in window.statusBar().currentMessage()
    save_person(window.store.sessions, PersonInput("Bert", "Bos", dt.date(2021, 1, 1)), TODAY)

    # a file that is not a backup is refused before anything happens
    bad = store.paths.root / "notities.sqlite3"
    bad.write_text("boodschappen", encoding="utf-8")
    fake_prompts.backup_file = bad
    window.restore_action.trigger()
    assert fake_prompts.errors[-1].startswith("Dit bestand is geen database van Werkleren Desktop")
    assert len(list_people(window.store.sessions)) == 2

    fake_prompts.backup_file = backup.path
    fake_prompts.confirm_answer = False
    window.restore_action.trigger()
    assert len(list_people(window.store.sessions)) == 2  # cancelled
    fake_prompts.confirm_answer = True
    window.restore_action.trigger()
    assert "De reservekopie is teruggezet." in window.statusBar().currentMessage()
    assert [p.full_name for p in list_people(window.store.sessions)] == ["Anna de Wit"]
    assert window.current_area() == "home"
    kept = [b for b in list_backups(store.paths.backups) if b.reason == "before-restore"]
    assert len(kept) == 1  # the data as they were stay available
    window.store.close()


def test_the_backup_folder_in_the_settings(make_window, store, fake_prompts, tmp_path) -> None:
    create_organisation(store.sessions, OrganisationSettings(name="Van Dijk"))
    window = make_window()
    window.open_settings()
    dialog = window.settings_dialog
    index = next(
        i
        for i in range(dialog.tabs.count())
        if dialog.tabs.tabText(i) == "Gegevens en reservekopieën"
    )
    dialog.tabs.setCurrentIndex(index)
    assert dialog.last_backup_label.text() == "Nog geen reservekopie."
    assert "schijfversleuteling" in " ".join(
        label.text()
        for label in dialog.tabs.widget(index).findChildren(type(dialog.last_backup_label))
    )
    fake_prompts.folder = tmp_path / "usb"
    dialog.choose_backup_button.click()
    assert dialog.backup_folder_label.text() == str(tmp_path / "usb")
    assert backup_folder(store.paths) == tmp_path / "usb"
    window.backup_action.trigger()
    dialog._show_backups()
    assert "(1 reservekopie in de map)" in dialog.last_backup_label.text()
    dialog.default_backup_button.click()
    assert backup_folder(store.paths) == store.paths.backups
    # the retention period for people who left
    assert dialog.retention_box.value() == 24
    dialog.retention_box.setValue(36)
    dialog.save_button.click()
    from werkleren_desktop.services.organisation import load_settings

    stored = load_settings(store.sessions)
    assert stored is not None and stored.retention_months == 36
    assert (
        Qt.TextInteractionFlag.TextSelectableByMouse
        & dialog.data_folder_label.textInteractionFlags()
    )


def test_at_start_a_damaged_file_offers_the_newest_good_backup(
    store, fake_prompts, data_paths
) -> None:
    from werkleren_desktop.gui.app import offer_recovery
    from werkleren_desktop.storage.backups import make_backup

    create_organisation(store.sessions, OrganisationSettings(name="Van Dijk"))
    make_backup(data_paths, "manual", dt.datetime(2026, 11, 27, 16, 30))
    store.close()
    content = bytearray(data_paths.database.read_bytes())
    content[5000:9000] = b"\x00" * 4000
    data_paths.database.write_bytes(bytes(content))

    fake_prompts.confirm_answer = False
    assert offer_recovery(data_paths, "beschadigd") is None
    assert fake_prompts.destructive[-1]  # Enter quits; it never replaces the data
    assert data_paths.database.read_bytes() == bytes(content)  # quit: nothing replaced
    assert "27 nov 2026 16:30" in fake_prompts.asked[-1]

    fake_prompts.confirm_answer = True
    recovered = offer_recovery(data_paths, "beschadigd")
    assert recovered is not None
    (aside,) = data_paths.root.glob("werkleren-damaged-*.sqlite3")
    # after the restore it says where the replaced (damaged) data were kept
    assert fake_prompts.errors[-1] == (
        f"De reservekopie van 27 nov 2026 16:30 is teruggezet. Het beschadigde bestand is "
        f"bewaard als {aside}."
    )
    recovered.close()


def test_personal_data_and_erasure_from_the_person_page(
    make_window, qtbot, store, fake_prompts, tmp_path
) -> None:
    create_organisation(store.sessions, OrganisationSettings(name="Van Dijk"))
    anna = save_person(store.sessions, PersonInput("Anna", "de Wit", dt.date(2020, 1, 1)), TODAY)
    save_person(store.sessions, PersonInput("Bert", "Bos", dt.date(2021, 1, 1)), TODAY)
    window = make_window()
    window.show_area("people")
    page = window.people_page
    page.select_record(anna)
    fake_prompts.folder = tmp_path / "inzage"
    page.panel.access_button.click()
    assert sorted(p.suffix for p in (tmp_path / "inzage").iterdir()) == [".json", ".pdf"]
    assert "Persoonsgegevens opgeslagen als" in window.statusBar().currentMessage()
    assert page.preview.isVisible() and page.preview.print_button.isEnabled()  # to print
    page.preview.reject()

    # Bert's notes name Anna in full, and by first name: the dialog shows both first
    from sqlalchemy import text

    with store.engine.begin() as sql:
        sql.execute(
            text(
                "UPDATE person SET notes = 'Werkt samen met Anna de Wit. Anna belt.' WHERE id != :a"
            ),
            {"a": anna},
        )
    page.panel.erase_button.click()
    dialog = page.dialog
    assert dialog.isVisible() and dialog.windowTitle() == "Anna de Wit wissen"
    assert dialog.mentions.count() == 1
    assert dialog.mentions.item(0).text().startswith("Persoon: Werkt samen met Anna de Wit.")
    # the first name alone beside it is offered, for the user to tick
    assert dialog.first_names.count() == 1
    assert dialog.first_names.item(0).text().endswith("Anna belt.")
    assert dialog.keep_button.isDefault()
    qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
    assert len(list_people(store.sessions)) == 2  # kept: nothing changed
    page.panel.erase_button.click()
    page.dialog.first_names.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(page.dialog.erase_button, Qt.MouseButton.LeftButton)
    assert [p.full_name for p in list_people(store.sessions)] == ["Bert Bos"]
    assert window.statusBar().currentMessage() == "Anna de Wit is gewist."
    assert page.model.rowCount() == 1
    with store.engine.connect() as sql:
        assert sql.execute(text("SELECT notes FROM person")).scalar_one() == (
            "Werkt samen met oud-collega. oud-collega belt."
        )

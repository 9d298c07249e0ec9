"""File › Settings: every field, every validation message, nothing typed lost."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from PIL import Image
from PySide6.QtCore import QDate, Qt

from tests.conftest import TODAY
from tests.gui.helpers import clear_and_type, type_text
from werkleren_desktop.db.models import LiberationDayPolicy
from werkleren_desktop.domain.organisation import ClosingPeriodInput, OrganisationSettings
from werkleren_desktop.gui.dialogs.settings import SettingsDialog
from werkleren_desktop.services.organisation import create_organisation, load_settings


@pytest.fixture
def window(make_window, store):
    create_organisation(store.sessions, OrganisationSettings(name="Bakkerij De Korenschoof"))
    return make_window()


def open_dialog(window) -> SettingsDialog:
    window.settings_action.trigger()
    dialog = window.settings_dialog
    assert dialog.isVisible()
    return dialog


def save(qtbot, dialog: SettingsDialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_changing_everything_and_saving(window, qtbot, store) -> None:
    dialog = open_dialog(window)
    assert dialog.windowTitle() == "Instellingen"
    assert [dialog.tabs.tabText(i) for i in range(3)] == [
        "Organisatie",
        "Werkdagen en feestdagen",
        "Sluitingsdagen",
    ]
    assert dialog.budget_edit.text() == "750,00"

    clear_and_type(qtbot, dialog.name_edit, "Bakkerij Zoë & IJsbrand")
    clear_and_type(qtbot, dialog.budget_edit, "1.250,50")
    assert not dialog.required_on_budget.isChecked()  # required training: the employer's
    dialog.required_on_budget.click()
    dialog.tabs.setCurrentIndex(1)
    dialog.day_checks[6].click()  # Saturday on
    dialog.holiday_checks["good_friday"].click()
    dialog.liberation_box.setCurrentIndex(
        dialog.liberation_box.findData(LiberationDayPolicy.EVERY_YEAR)
    )
    dialog.tabs.setCurrentIndex(2)
    dialog.first_day_edit.setDate(QDate(2027, 6, 18))
    dialog.last_day_edit.setDate(QDate(2027, 6, 18))
    type_text(qtbot, dialog.description_edit, "Bedrijfsuitje")
    qtbot.mouseClick(dialog.add_period_button, Qt.MouseButton.LeftButton)
    assert dialog.periods_model.rowCount() == 1
    assert dialog.preview_year.value() == 2027
    preview = [dialog.preview_list.item(i).text() for i in range(dialog.preview_list.count())]
    assert "vrijdag 18 juni 2027 — Bedrijfsuitje" in preview
    assert "vrijdag 26 maart 2027 — Goede Vrijdag" in preview
    assert "woensdag 5 mei 2027 — Bevrijdingsdag" in preview

    save(qtbot, dialog)

    assert not dialog.isVisible()
    assert window.statusBar().currentMessage() == "Instellingen opgeslagen."
    assert window.windowTitle() == "Bakkerij Zoë & IJsbrand — Werkleren Desktop"
    assert window.organisation_label.text() == "Bakkerij Zoë & IJsbrand"
    stored = load_settings(store.sessions)
    assert stored is not None
    assert stored.name == "Bakkerij Zoë & IJsbrand"
    assert stored.default_training_budget_cents == 125050
    assert stored.required_training_on_budget
    assert stored.working_days == {1, 2, 3, 4, 5, 6}
    assert "good_friday" in stored.closed_holidays
    assert stored.liberation_day is LiberationDayPolicy.EVERY_YEAR
    assert stored.closing_periods == (
        ClosingPeriodInput(dt.date(2027, 6, 18), dt.date(2027, 6, 18), "Bedrijfsuitje"),
    )


@pytest.mark.parametrize(
    ("field", "value", "message", "tab"),
    [
        ("name_edit", "", "Vul de naam van de organisatie in.", 0),
        (
            "budget_edit",
            "zeshonderd",
            "‘zeshonderd’ is geen bedrag in euro’s; schrijf het als 1.250,50.",
            0,
        ),
        ("budget_edit", "-10", "Een bedrag kan niet negatief zijn.", 0),
        ("budget_edit", "10,555", "Een bedrag heeft hoogstens twee decimalen (centen).", 0),
        ("email_edit", "leren@bakkerij", "‘leren@bakkerij’ is geen e-mailadres.", 0),
    ],
)
def test_bad_input_is_explained_and_kept(window, qtbot, store, field, value, message, tab) -> None:
    dialog = open_dialog(window)
    dialog.tabs.setCurrentIndex(2)
    clear_and_type(qtbot, getattr(dialog, field), value)
    save(qtbot, dialog)

    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == message
    assert dialog.tabs.currentIndex() == tab
    assert getattr(dialog, field).text() == value  # nothing typed is lost
    stored = load_settings(store.sessions)
    assert stored is not None and stored.name == "Bakkerij De Korenschoof"


def test_at_least_one_working_day(window, qtbot) -> None:
    dialog = open_dialog(window)
    for check in dialog.day_checks.values():
        check.setChecked(False)
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "Kies minstens één werkdag."
    assert dialog.tabs.currentIndex() == 1


def test_a_closing_period_that_ends_before_it_starts(window, qtbot) -> None:
    dialog = open_dialog(window)
    dialog.tabs.setCurrentIndex(2)
    dialog.first_day_edit.setDate(QDate(2027, 1, 10))
    dialog.last_day_edit.setDate(QDate(2027, 1, 5))
    qtbot.mouseClick(dialog.add_period_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == ("De laatste sluitingsdag kan niet vóór de eerste liggen.")
    assert dialog.periods_model.rowCount() == 0


def test_removing_a_closing_period(make_window, qtbot, store) -> None:
    create_organisation(
        store.sessions,
        OrganisationSettings(
            name="A", closing_periods=(ClosingPeriodInput(TODAY, TODAY, "Studiedag"),)
        ),
    )
    dialog = open_dialog(make_window())
    assert dialog.periods_model.data(dialog.periods_model.index(0, 2)) == "Studiedag"
    dialog.periods_view.selectRow(0)
    qtbot.mouseClick(dialog.remove_period_button, Qt.MouseButton.LeftButton)
    save(qtbot, dialog)
    stored = load_settings(store.sessions)
    assert stored is not None and stored.closing_periods == ()


def test_cancel_with_changes_asks_first(window, qtbot, fake_prompts, store) -> None:
    dialog = open_dialog(window)
    clear_and_type(qtbot, dialog.name_edit, "Nieuwe naam")

    fake_prompts.confirm_answer = False  # "Verder bewerken"
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert fake_prompts.asked == ["De wijzigingen in de instellingen weggooien?"]
    assert dialog.isVisible()
    assert dialog.name_edit.text() == "Nieuwe naam"

    fake_prompts.confirm_answer = True
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    stored = load_settings(store.sessions)
    assert stored is not None and stored.name == "Bakkerij De Korenschoof"


def test_cancel_without_changes_just_closes(window, qtbot, fake_prompts) -> None:
    dialog = open_dialog(window)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert fake_prompts.asked == []


def test_choosing_and_removing_a_logo(window, qtbot, fake_prompts, store, tmp_path) -> None:
    logo = tmp_path / "logo.jpg"
    Image.new("RGB", (300, 100), (200, 30, 30)).save(logo, format="JPEG")
    fake_prompts.image_file = logo
    dialog = open_dialog(window)
    assert dialog.logo_preview.text() == "Geen logo"
    qtbot.mouseClick(dialog.choose_logo_button, Qt.MouseButton.LeftButton)
    assert not dialog.logo_preview.pixmap().isNull()
    save(qtbot, dialog)
    stored = load_settings(store.sessions)
    assert stored is not None and stored.logo_png is not None
    with Image.open(io.BytesIO(stored.logo_png)) as image:
        assert (image.format, image.size) == ("PNG", (300, 100))
    assert window.logo_label.isVisible()
    assert not window.logo_label.pixmap().isNull()

    dialog = open_dialog(window)
    qtbot.mouseClick(dialog.remove_logo_button, Qt.MouseButton.LeftButton)
    save(qtbot, dialog)
    stored = load_settings(store.sessions)
    assert stored is not None and stored.logo_png is None


def test_a_file_that_is_not_an_image(window, qtbot, fake_prompts, tmp_path) -> None:
    fake_prompts.image_file = tmp_path / "notes.png"
    fake_prompts.image_file.write_text("geen plaatje")
    dialog = open_dialog(window)
    qtbot.mouseClick(dialog.choose_logo_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == (
        "Dit bestand is geen afbeelding die het programma kan lezen; kies een PNG- of JPEG-bestand."
    )
    assert dialog.logo_preview.text() == "Geen logo"


def test_switching_to_english(window, qtbot, store) -> None:
    window.show_area("cycles")
    dialog = open_dialog(window)
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("en"))
    save(qtbot, dialog)

    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&Edit", "&View", "&Help"]
    assert window.sidebar.item(3).text() == "Week cycles"
    assert window.current_area() == "cycles"
    assert window.statusBar().currentMessage() == "Settings saved."
    dialog = open_dialog(window)
    assert dialog.tabs.tabText(1) == "Working days and holidays"
    assert dialog.budget_edit.text() == "750.00"


def test_the_organisations_own_cycle_outline(window, qtbot, store) -> None:
    from werkleren_desktop.services.cycles import cycle_outline

    dialog = open_dialog(window)
    assert dialog.tabs.tabText(3) == "Weekcyclus"
    assert dialog.outline_edits[0].text().startswith("Kies een werksituatie")
    clear_and_type(qtbot, dialog.outline_edits[3], "Samen koffie en vooruitkijken")
    save(qtbot, dialog)
    assert cycle_outline(store.sessions)[3] == "Samen koffie en vooruitkijken"
    assert cycle_outline(store.sessions)[0].startswith("Kies een werksituatie")

    dialog = open_dialog(window)
    assert dialog.outline_edits[3].text() == "Samen koffie en vooruitkijken"
    qtbot.mouseClick(dialog.default_outline_button, Qt.MouseButton.LeftButton)
    save(qtbot, dialog)
    stored = load_settings(store.sessions)
    assert stored is not None and stored.cycle_outline is None  # back to the program's own


def edit_question(qtbot, dialog: SettingsDialog, row: int, text: str) -> None:
    """Double-click the question and type over it, as a user would."""
    from PySide6.QtWidgets import QLineEdit

    view = dialog.questions_editor.list
    view.setCurrentRow(row)
    centre = view.visualItemRect(view.item(row)).center()
    # QTest's double-click lacks the press before it that an item view expects
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    editors = [e for e in view.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1, "double-clicking a question opens it for editing"
    editor = editors[0]
    editor.selectAll()
    type_text(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_editing_the_guiding_questions_keeps_earlier_answers(window, qtbot, store) -> None:
    from werkleren_desktop.db.models import SituationKind
    from werkleren_desktop.domain.people import PersonInput
    from werkleren_desktop.domain.situations import Answer, SituationInput
    from werkleren_desktop.services.people import save_person
    from werkleren_desktop.services.situations import get_situation, list_questions, save_situation

    person = save_person(store.sessions, PersonInput("Anna", "Visser", dt.date(2020, 1, 1)), TODAY)
    first, second = list_questions(store.sessions)[:2]
    situation = save_situation(
        store.sessions,
        SituationInput(
            dt.date(2026, 11, 2),
            "Deeg rijst niet",
            SituationKind.ANALYSE,
            (person,),
            answers=(Answer(first.id, first.text, "De gist was te oud."),),
        ),
        TODAY,
    )

    dialog = open_dialog(window)
    dialog.tabs.setCurrentIndex(4)
    assert dialog.tabs.tabText(4) == "Richtinggevende vragen"
    editor = dialog.questions_editor
    assert editor.list.count() == 10
    edit_question(qtbot, dialog, 0, "Wat gebeurde er precies?")
    editor.list.item(1).setCheckState(Qt.CheckState.Unchecked)  # no longer asked
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    edit_question(qtbot, dialog, 10, "Wie heb je om hulp gevraagd?")
    editor.list.setCurrentRow(10)
    for _step in range(10):
        qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
    assert not editor.up_button.isEnabled()
    save(qtbot, dialog)
    assert not dialog.isVisible(), dialog.error_label.text()

    asked = list_questions(store.sessions)
    assert [q.text for q in asked[:2]] == [
        "Wie heb je om hulp gevraagd?",
        "Wat gebeurde er precies?",
    ]
    assert second.id not in [q.id for q in asked]
    assert len(asked) == 10
    # the situation keeps the question as it was asked then
    answer = get_situation(store.sessions, situation).answers[0]
    assert (answer.question_text, answer.answer) == (first.text, "De gist was te oud.")


def test_a_question_emptied_or_all_retired_is_explained(window, qtbot) -> None:
    dialog = open_dialog(window)
    dialog.tabs.setCurrentIndex(0)
    editor = dialog.questions_editor
    editor.list.item(3).setText("   ")
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.tabs.currentIndex() == 4
    assert dialog.error_label.text() == "Een richtinggevende vraag kan niet leeg zijn."
    editor.list.item(3).setText("Wat heb je nodig?")
    for row in range(editor.list.count()):
        editor.list.item(row).setCheckState(Qt.CheckState.Unchecked)
    save(qtbot, dialog)
    assert dialog.error_label.text() == "Houd minstens één richtinggevende vraag in gebruik."
    assert editor.list.item(3).text() == "Wat heb je nodig?"  # nothing typed is lost


def test_the_calendar_file_s_organiser_and_reminder(window, qtbot, store) -> None:
    dialog = open_dialog(window)
    assert dialog.email_edit.text() == ""
    clear_and_type(qtbot, dialog.email_edit, "leren@korenschoof.nl")
    dialog.tabs.setCurrentIndex(3)
    box = dialog.alarm_box
    assert box.currentText() == "Geen herinnering"
    assert [box.itemText(i) for i in range(box.count())] == [
        "Geen herinnering",
        "5 minuten van tevoren",
        "10 minuten van tevoren",
        "15 minuten van tevoren",
        "30 minuten van tevoren",
        "1 uur van tevoren",
        "2 uur van tevoren",
        "1 dag van tevoren",
    ]
    box.setFocus()
    for _step in range(3):
        qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.currentText() == "15 minuten van tevoren"
    save(qtbot, dialog)
    assert not dialog.isVisible()
    stored = load_settings(store.sessions)
    assert stored is not None
    assert (stored.email, stored.calendar_alarm_minutes) == ("leren@korenschoof.nl", 15)

    # shown again as stored; 'no reminder' switches it off
    dialog = open_dialog(window)
    assert dialog.email_edit.text() == "leren@korenschoof.nl"
    assert dialog.alarm_box.currentText() == "15 minuten van tevoren"
    dialog.alarm_box.setCurrentIndex(0)
    save(qtbot, dialog)
    stored = load_settings(store.sessions)
    assert stored is not None and stored.calendar_alarm_minutes is None


# --- another manager saved the settings while the form was open (#28) -------------------


def save_elsewhere(store, **changes) -> None:
    """Another manager's save, made from the settings as stored then."""
    from dataclasses import replace

    from werkleren_desktop.services.organisation import read_settings, save_settings

    settings, stamp = read_settings(store.sessions)
    assert settings is not None
    save_settings(store.sessions, replace(settings, **changes), None, stamp.version)


def test_settings_changed_meanwhile_are_merged_field_by_field(window, qtbot, store) -> None:
    from werkleren_desktop.gui.dialogs.conflict import ConflictDialog

    dialog = open_dialog(window)
    clear_and_type(qtbot, dialog.name_edit, "Bakkerij De Korenschoof B.V.")
    save_elsewhere(store, email="info@korenschoof.nl", retention_months=36)
    save(qtbot, dialog)
    conflict = dialog.conflict
    assert isinstance(conflict, ConflictDialog) and conflict.isVisible()
    rows = {c.key: c for c in conflict.changes}
    assert set(rows) == {"name", "email", "retention_months"}
    assert rows["name"].label == "Naam" and rows["name"].mine_changed
    assert rows["email"].theirs == "info@korenschoof.nl" and rows["email"].theirs_changed
    assert rows["retention_months"].theirs == "36 maanden"
    assert conflict.mine_buttons["name"].isChecked()
    assert conflict.theirs_buttons["email"].isChecked()
    qtbot.mouseClick(conflict.merge_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    stored = load_settings(store.sessions)
    assert stored is not None
    assert stored.name == "Bakkerij De Korenschoof B.V."
    assert (stored.email, stored.retention_months) == ("info@korenschoof.nl", 36)
    assert window.settings.email == "info@korenschoof.nl"  # the window shows the merge


def test_the_same_setting_changed_by_both_is_chosen_or_taken_from_the_other(
    window, qtbot, store
) -> None:
    dialog = open_dialog(window)
    clear_and_type(qtbot, dialog.name_edit, "Korenschoof")
    save_elsewhere(store, name="De Korenschoof")
    save(qtbot, dialog)
    conflict = dialog.conflict
    assert conflict is not None
    [row] = conflict.changes
    assert row.both_changed and (row.mine, row.theirs) == ("Korenschoof", "De Korenschoof")
    qtbot.mouseClick(conflict.theirs_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.name_edit.text() == "De Korenschoof"
    assert "van u is niets opgeslagen" in dialog.error_label.text()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.settings.name == "De Korenschoof"  # the other's, now shown everywhere
    assert window.windowTitle().startswith("De Korenschoof")


def test_the_library_of_working_methods_is_edited_extended_and_retired(
    window, qtbot, store
) -> None:
    from werkleren_desktop.services.workbook import list_methods

    dialog = open_dialog(window)
    editor = dialog.methods_editor
    dialog.tabs.setCurrentWidget(editor)
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Werkvormen"
    assert editor.list.item(0).text().startswith("Situatieronde — vitaliteit en zingeving: ")
    assert "met AI" in editor.list.item(1).text()
    editor.list.setCurrentRow(0)
    clear_and_type(qtbot, editor.name, "Ronde van situaties")
    editor.list.item(2).setCheckState(Qt.CheckState.Unchecked)  # "Vraag het de expert"
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, editor.name, "Fotosafari")
    type_text(qtbot, editor.description, "Foto's van de werkplek bespreken")
    editor.with_others.setChecked(True)
    type_text(qtbot, editor.vitality, "Naar buiten")
    assert editor.list.currentItem().text() == (
        "Fotosafari — met een collega of expert · vitaliteit en zingeving: Naar buiten"
    )
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
    save(qtbot, dialog)
    assert not dialog.isVisible()
    offered = [m.name for m in list_methods(store.sessions)]
    assert offered[0] == "Ronde van situaties" and offered[-2] == "Fotosafari"
    assert "Vraag het de expert" not in offered
    every = {m.name: m for m in list_methods(store.sessions, include_retired=True)}
    assert every["Vraag het de expert"].retired and every["Fotosafari"].with_others


def test_a_method_without_a_name_or_twice_is_explained_and_kept(window, qtbot) -> None:
    dialog = open_dialog(window)
    editor = dialog.methods_editor
    dialog.tabs.setCurrentIndex(0)
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, editor.description, "Zonder naam")
    save(qtbot, dialog)
    assert dialog.isVisible() and dialog.tabs.currentWidget() is editor
    assert dialog.error_label.text() == "Een werkvorm heeft een naam nodig."
    type_text(qtbot, editor.name, "situatieronde")
    save(qtbot, dialog)
    assert dialog.error_label.text() == "Twee werkvormen heten ‘situatieronde’."
    assert editor.description.toPlainText() == "Zonder naam"  # nothing typed is lost


def test_the_years_between_youngest_and_oldest_for_a_mixed_group(window, qtbot, store) -> None:
    dialog = open_dialog(window)
    dialog.tabs.setCurrentWidget(dialog.cycle_tab)
    box = dialog.cycle_tab.span_box
    assert box.value() == 15 and (box.minimum(), box.maximum()) == (5, 40)
    assert box.suffix() == " jaar"
    box.setValue(20)
    save(qtbot, dialog)
    assert not dialog.isVisible()
    settings = load_settings(store.sessions)
    assert settings is not None and settings.mixed_age_span == 20

"""Certificate types through the window: a training by its type (the rule's expiry, a
refresher refused in the form), the list of types and their rules, and the names typed
before there were types, linked once."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from tests.conftest import TODAY
from tests.gui.helpers import clear_and_type, pick, type_text
from werkleren_desktop.db.models import TrainingStatus
from werkleren_desktop.domain.constants import TrainingForm
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.domain.training import TrainingInput
from werkleren_desktop.gui.training.certificate_types import (
    CertificateTypeDialog,
    CertificateTypesDialog,
)
from werkleren_desktop.gui.training.link_names import LinkNamesDialog
from werkleren_desktop.services.certificates import list_certificate_types, unlinked_names
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import save_person
from werkleren_desktop.services.training import list_trainings, save_training

D = dt.date


@pytest.fixture
def page(make_window, store):
    create_organisation(store.sessions, OrganisationSettings(name="Van Dijk"))
    for first, last in (("Łukasz", "Wójcik"), ("Sanne", "Jansen")):
        save_person(store.sessions, PersonInput(first, last, D(2020, 1, 1)), TODAY)
    window = make_window()
    window.show_area("training")
    return window.training_page


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_a_training_by_its_type_and_a_refresher_refused_in_the_form(page, qtbot, store) -> None:
    click(qtbot, page.new_button)
    dialog = page.dialog
    pick(dialog.people, "Sanne")
    type_text(qtbot, dialog.title, "BHV herhaling")
    dialog.starts_on.setDate(QDate(2026, 11, 2))
    dialog.ends_on.setDate(QDate(2026, 11, 2))
    dialog.status.setCurrentIndex(dialog.status.findData(TrainingStatus.DONE))
    assert not dialog.refresher.isEnabled() and not dialog.rule_hint.isVisibleTo(dialog)
    dialog.certificate.setCurrentIndex(dialog.certificate.findText("BHV"))
    assert dialog.rule_hint.text() == (
        "12 maanden geldig · 3 maanden uitloop · herhaling verlengt het"
    )
    assert dialog.expires.value() == D(2027, 11, 2)  # the rule's expiry, from the last day
    dialog.ends_on.setDate(QDate(2026, 11, 3))
    assert dialog.expires.value() == D(2027, 11, 3)
    assert dialog.refresher.isEnabled()
    dialog.refresher.setChecked(True)
    click(qtbot, dialog.save_button)
    # Sanne never obtained BHV: the form says so, stays open and keeps what was entered
    assert dialog.isVisible()
    assert "nooit behaald: de volledige cursus is nodig" in dialog.error_label.text()
    assert dialog.focusWidget() is dialog.refresher
    assert dialog.title.text() == "BHV herhaling"
    dialog.refresher.setChecked(False)
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible(), dialog.error_label.text()
    (row,) = list_trainings(store.sessions)
    assert (row.certificate, row.certificate_expires_on) == ("BHV", D(2027, 11, 3))

    # a type that only the full course renews offers no refresher
    click(qtbot, page.new_button)
    dialog = page.dialog
    dialog.starts_on.setDate(QDate(2026, 11, 2))
    dialog.ends_on.setDate(QDate(2026, 11, 4))
    dialog.certificate.setCurrentIndex(dialog.certificate.findText("VCA Basis"))
    assert "alleen de volledige cursus" in dialog.rule_hint.text()
    assert not dialog.refresher.isEnabled()
    assert dialog.expires.value() == D(2036, 11, 4)  # ten years
    dialog.certificate.setCurrentIndex(0)  # no certificate: no expiry
    assert dialog.expires.value() is None
    dialog.reject()


def test_the_types_and_their_rules_are_the_organisations_to_edit(page, qtbot, store) -> None:
    page.tabs.setCurrentIndex(2)
    assert page.types_button.isVisible()
    click(qtbot, page.types_button)
    types = page.dialog
    assert isinstance(types, CertificateTypesDialog)
    shown = [types.model.row_at(r).name for r in range(types.model.rowCount())]
    assert shown[:3] == ["BHV", "EHBO", "F-gassen"]
    types.table.selectRow(0)
    assert types.source.text().startswith("Herkomst van de regel: NIBHV")

    click(qtbot, types.new_button)
    form = types.form
    assert isinstance(form, CertificateTypeDialog)
    type_text(qtbot, form.name, "bhv")
    click(qtbot, form.save_button)
    assert (
        form.isVisible() and form.error_label.text() == "Er is al een certificaat dat ‘bhv’ heet."
    )
    assert form.focusWidget() is form.name
    clear_and_type(qtbot, form.name, "Heftruck")
    type_text(qtbot, form.description, "Certificaat heftruckchauffeur")
    form.valid_months.setValue(60)
    form.refresher.setChecked(False)
    type_text(qtbot, form.source, "De opleider: vijf jaar geldig.")
    click(qtbot, form.save_button)
    assert not form.isVisible(), form.error_label.text()
    chosen = types.chosen()
    assert chosen is not None and chosen.name == "Heftruck"
    assert chosen.rule.describe() == "60 maanden geldig · alleen de volledige cursus"

    click(qtbot, types.retire_button)
    retired = types.chosen()
    assert retired is not None and retired.retired
    assert types.retire_button.text() == "Weer aanbieden"
    assert "Heftruck" not in {t.name for t in list_certificate_types(store.sessions)}
    types.reject()
    click(qtbot, page.new_button)
    assert page.dialog.certificate.findText("Heftruck") < 0  # no longer offered
    page.dialog.reject()


def test_names_typed_before_are_linked_once_on_the_users_word(make_window, qtbot, store) -> None:
    # a data file of before there were types: the names as they were typed
    create_organisation(store.sessions, OrganisationSettings(name="Van Dijk"))
    sanne = save_person(store.sessions, PersonInput("Sanne", "Jansen", D(2020, 1, 1)), TODAY)
    for typed in ("VCA", "VCA", "BHV-basis", "Heftruck"):
        save_training(
            store.sessions,
            TrainingInput((sanne,), typed, TrainingForm.COURSE, D(2024, 5, 1), D(2024, 5, 1),
                          status=TrainingStatus.DONE, certificate=typed,
                          certificate_expires_on=D(2034, 5, 1)),
            TODAY,
        )  # fmt: skip
    window = make_window()
    window.show_area("training")
    page = window.training_page
    qtbot.waitUntil(page.link_banner.isVisible)
    assert page.link_text.text().startswith("2 certificaatnamen van voor de certificaatsoorten")
    click(qtbot, page.link_button)
    dialog = page.dialog
    assert isinstance(dialog, LinkNamesDialog)
    assert list(dialog.choices) == ["Heftruck", "VCA"]  # BHV-basis was certain: linked
    assert dialog.choices["Heftruck"].currentText() == "— laten zoals getypt —"
    vca = dialog.choices["VCA"]
    assert vca.currentText() in ("VCA Basis", "VCA VOL")  # proposed, to confirm
    vca.setCurrentIndex(vca.findText("VCA VOL"))
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible(), dialog.error_label.text()
    assert page.window().statusBar().currentMessage() == (
        "2 opleidingen aan hun certificaatsoort gekoppeld."
    )
    assert [w.proposal.name for w in unlinked_names(store.sessions)] == ["Heftruck"]
    qtbot.waitUntil(lambda: "1 certificaatnaam" in page.link_text.text())


def test_the_person_page_shows_each_certificate_with_its_renewals(page, qtbot, store) -> None:
    sanne = 2
    bhv = next(t.id for t in list_certificate_types(store.sessions) if t.name == "BHV")
    for day, refresher in ((D(2025, 3, 10), False), (D(2026, 3, 2), True)):
        save_training(
            store.sessions,
            TrainingInput((sanne,), "BHV", TrainingForm.COURSE, day, day,
                          status=TrainingStatus.DONE, certificate_type_id=bhv,
                          refresher=refresher),
            TODAY,
        )  # fmt: skip
    window = page.window()
    window.show_area("people")
    window.people_page.select_record(sanne)
    said = window.people_page.panel.trainings.text()
    assert "Certificaten en hun verlengingen" in said
    assert "BHV: geldig tot 2 maart 2027 · behaald 10-03-2025, herhaling 02-03-2026" in said


def test_a_renewal_is_planned_from_the_expiring_list(page, qtbot, store) -> None:
    """Sanne's BHV expired on 1 October: in its grace period, Enter on its row plans the
    refresher; once saved the list no longer names it."""
    sanne = 2
    bhv = next(t.id for t in list_certificate_types(store.sessions) if t.name == "BHV")
    save_training(
        store.sessions,
        TrainingInput((sanne,), "BHV basis", TrainingForm.COURSE, D(2025, 10, 1), D(2025, 10, 1),
                      status=TrainingStatus.DONE, certificate_type_id=bhv),
        TODAY,
    )  # fmt: skip
    page.refresh()
    page.tabs.setCurrentIndex(2)
    table = page.certificates_table
    qtbot.waitUntil(lambda: page.certificates_model.rowCount() == 1)
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    dialog = page.dialog
    assert dialog.windowTitle() == "Nieuwe opleiding"
    assert dialog.people.chosen() == (sanne,)
    assert dialog.title.text() == "BHV herhaling"
    assert dialog.certificate.currentText() == "BHV" and dialog.refresher.isChecked()
    assert dialog.required.isChecked()
    assert dialog.expires.value() == D(2027, 11, 28)  # a year from today, the day it is held
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible(), dialog.error_label.text()
    qtbot.waitUntil(lambda: page.certificates_model.rowCount() == 0)


def test_who_holds_what_for_everyone_and_a_team(
    make_window, qtbot, store, fake_prompts, tmp_path
) -> None:
    import io

    import openpyxl
    from pypdf import PdfReader

    create_organisation(store.sessions, OrganisationSettings(name="Van Dijk"))
    boss = save_person(store.sessions, PersonInput("Łukasz", "Wójcik", D(2020, 1, 1)), TODAY)
    sanne = save_person(
        store.sessions, PersonInput("Sanne", "Jansen", D(2020, 1, 1), manager_id=boss), TODAY
    )
    save_person(store.sessions, PersonInput("Kees", "de Graaf", D(2021, 1, 1)), TODAY)
    types = {t.name: t.id for t in list_certificate_types(store.sessions)}
    for who, kind, day in ((sanne, "BHV", D(2025, 10, 1)), (boss, "VCA Basis", D(2020, 6, 1))):
        save_training(
            store.sessions,
            TrainingInput((who,), kind, TrainingForm.COURSE, day, day,
                          status=TrainingStatus.DONE, certificate_type_id=types[kind]),
            TODAY,
        )  # fmt: skip
    window = make_window()
    window.show_area("training")
    page = window.training_page
    page.tabs.setCurrentIndex(3)
    tab = page.matrix_tab
    model = tab.model
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    shown = [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Naam", "Functie", "BHV", "VCA Basis",
    ]  # fmt: skip
    assert shown == [
        ["Graaf, Kees de", "", "", ""],
        ["Jansen, Sanne", "", "herhaling tot 01-01-2027", ""],
        ["Wójcik, Łukasz", "", "", "tot 01-06-2030"],
    ]
    grace = model.index(1, 2).data(Qt.ItemDataRole.BackgroundRole)
    assert grace.color().name() == "#ffddb0"
    assert model.index(0, 2).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "herhaling nog mogelijk" in model.index(1, 2).data(Qt.ItemDataRole.ToolTipRole)

    # a manager's team: the people who report to Łukasz
    assert tab.team.itemText(1) == "Team van Łukasz Wójcik"
    tab.team.setCurrentIndex(1)
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.index(0, 0).data() == "Jansen, Sanne"
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Naam", "Functie", "BHV",
    ]  # fmt: skip

    fake_prompts.save_file = tmp_path / "certificaten.xlsx"
    click(qtbot, tab.export_button)
    qtbot.waitUntil(fake_prompts.save_file.exists)
    sheet = openpyxl.load_workbook(fake_prompts.save_file).active
    assert sheet is not None
    assert [sheet.cell(row=2, column=c).value for c in (1, 3)] == [
        "Jansen, Sanne", "herhaling tot 01-01-2027",
    ]  # fmt: skip
    click(qtbot, tab.print_button)
    qtbot.waitUntil(lambda: page.preview is not None and page.preview.isVisible())
    assert page.preview.windowTitle() == "Wie heeft wat"
    fake_prompts.save_file = tmp_path / "certificaten.pdf"
    click(qtbot, page.preview.save_button)
    reader = PdfReader(io.BytesIO(fake_prompts.save_file.read_bytes()))
    printed = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "team van Łukasz Wójcik" in printed and "herhaling tot 01-01-2027" in printed

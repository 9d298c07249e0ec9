"""Opleidingen and Jaaroverzicht through the window: record, budget, export."""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt

from tests.conftest import TODAY
from tests.gui.helpers import pick, type_text
from werkleren_desktop.db.models import TrainingStatus
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import save_person
from werkleren_desktop.services.training import list_trainings

D = dt.date


@pytest.fixture
def window(make_window, store):
    create_organisation(
        store.sessions, OrganisationSettings(name="Van Dijk", default_training_budget_cents=75000)
    )
    for first, last in (("Łukasz", "Wójcik"), ("Sanne", "Jansen")):
        save_person(store.sessions, PersonInput(first, last, D(2020, 1, 1)), TODAY)
    return make_window()


def test_record_a_training_for_two_people(window, qtbot, store) -> None:
    window.show_area("training")
    page = window.training_page
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.windowTitle() == "Nieuwe opleiding"
    pick(dialog.people, "Łukasz")
    pick(dialog.people, "Sanne")
    type_text(qtbot, dialog.title, "BHV herhaling")
    dialog.starts_on.setDate(QDate(2026, 11, 2))
    type_text(qtbot, dialog.hours, "7,5")
    type_text(qtbot, dialog.cost, "165,50")
    dialog.status.setCurrentIndex(dialog.status.findData(TrainingStatus.DONE))
    type_text(qtbot, dialog.certificate, "BHV")
    dialog.expires.check.setChecked(True)
    dialog.expires.edit.setDate(QDate(2027, 11, 2))
    # required training: no study-cost agreement, and the form says why
    dialog.study_cost.setChecked(True)
    dialog.required.setChecked(True)
    assert not dialog.study_cost.isChecked() and not dialog.study_cost.isEnabled()
    assert "kosteloos" in dialog.study_cost_hint.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.error_label.text()

    rows = list_trainings(store.sessions, 2026)
    assert sorted(r.person_name for r in rows) == ["Sanne Jansen", "Łukasz Wójcik"]
    assert {(r.minutes, r.cost_cents, r.required) for r in rows} == {(450, 16550, True)}
    assert page.model.rowCount() == 2
    assert (
        page.count_label.text() == "2026: 2 opleidingen, €\xa0331,00"
    )  # Babel keeps € and amount together
    page.table.selectRow(0)
    assert "BHV verloopt op 2 november 2027" in page.panel.details.text()

    # budgets: Sanne gets her own, the use is shown beside it; required training is the
    # employer's to pay, so it leaves her budget whole
    page.tabs.setCurrentIndex(1)
    model = page.budgets_model
    sanne = next(
        i for i in range(model.rowCount()) if model.row_at(i).person_name == "Sanne Jansen"
    )
    assert [model.data(model.index(sanne, c)) for c in (1, 2, 4, 5)] == [
        "€\xa0750,00",
        "€\xa00,00",
        "€\xa0750,00",
        "0 %",
    ]
    assert "(art. 7:611a BW)" in page.budget_rule.text()
    # the national 55 % is the article's evidence that formal training stalls, no target
    assert "geen streefcijfer" in page.budget_rule.text()
    assert "werkgevers zien" not in page.budget_summary.text()
    page.budgets_table.selectRow(sanne)
    qtbot.mouseClick(page.budget_button, Qt.MouseButton.LeftButton)
    budget = page.dialog
    type_text(qtbot, budget.amount, "-5")
    qtbot.mouseClick(budget.save_button, Qt.MouseButton.LeftButton)
    assert budget.isVisible() and budget.error_label.text()
    budget.amount.clear()
    type_text(qtbot, budget.amount, "331,00")
    qtbot.mouseClick(budget.save_button, Qt.MouseButton.LeftButton)
    assert not budget.isVisible()
    sanne = next(
        i for i in range(model.rowCount()) if model.row_at(i).person_name == "Sanne Jansen"
    )
    assert model.data(model.index(sanne, 0)) == "Sanne Jansen *"
    assert model.data(model.index(sanne, 4)) == "€\xa0331,00"


def test_bad_training_input_is_explained_and_kept(window, qtbot) -> None:
    window.show_area("training")
    page = window.training_page
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    type_text(qtbot, dialog.title, "Coachen")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == "Kies wie de opleiding volgt."
    pick(dialog.people, "Sanne")
    type_text(qtbot, dialog.cost, "veel")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "veel" in dialog.error_label.text()
    assert dialog.title.text() == "Coachen"


def test_every_export_from_the_overview_page(window, qtbot, store, fake_prompts, tmp_path) -> None:
    from werkleren_desktop.db.models import TrainingForm
    from werkleren_desktop.domain.training import TrainingInput
    from werkleren_desktop.services.training import save_training

    people = sorted({r.person_id for r in list_trainings(store.sessions)} | {1, 2})
    save_training(
        store.sessions,
        TrainingInput((people[0],), "Excel", TrainingForm.ELEARNING, D(2026, 3, 1),
                      D(2026, 3, 1), 600, 8900, status=TrainingStatus.DONE),
        TODAY,
    )  # fmt: skip
    window.show_area("overview")
    page = window.overview_page
    assert page.year_box.currentText() == "2026"
    total_row = page.model.rowCount() - 1
    headers = [
        page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())
    ]
    on_screen = page.model.data(page.model.index(total_row, headers.index("Kosten")))
    assert on_screen == "€\xa089,00"
    for kind in ("pdf", "xlsx", "csv"):
        fake_prompts.save_file = tmp_path / f"overzicht.{kind}"
        qtbot.mouseClick(page.export_buttons[kind], Qt.MouseButton.LeftButton)
        assert fake_prompts.save_file.exists(), kind
    pdf = " ".join(p.extract_text() for p in PdfReader(tmp_path / "overzicht.pdf").pages)
    assert "Jaaroverzicht leren 2026" in pdf and "89,00" in pdf
    flat = " ".join(pdf.split())
    assert "geen streefcijfer" in flat and "werkgevers zien" not in flat
    book = openpyxl.load_workbook(tmp_path / "overzicht.xlsx")
    sheet = book["Per persoon"]
    header = [c.value for c in sheet[1]]
    totals = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "Organisatie")
    assert totals[header.index("Kosten")].value == 89
    rows = list(
        csv.reader(io.StringIO((tmp_path / "overzicht.csv").read_text("utf-8-sig")), delimiter=";")
    )
    assert rows[-1][rows[0].index("Kosten")] == "89,00"
    assert "Overzicht opgeslagen als" in window.statusBar().currentMessage()


def test_home_and_person_page_show_training(window, store) -> None:
    from werkleren_desktop.db.models import TrainingForm
    from werkleren_desktop.domain.training import TrainingInput
    from werkleren_desktop.services.training import save_training

    save_training(
        store.sessions,
        TrainingInput((1,), "BHV", TrainingForm.COURSE, D(2026, 1, 10), D(2026, 1, 10), 480,
                      16500, required=True, status=TrainingStatus.DONE, certificate="BHV",
                      certificate_expires_on=D(2027, 1, 10)),
        TODAY,
    )  # fmt: skip
    window.show_area("people")
    window.show_area("home")  # coming back loads the figures again
    text = window.home_page.year_text.text()
    # required training is the employer's: the budget carries none of it
    assert "€\xa00,00 van €\xa01.500,00 gebruikt (0 %)" in text
    assert "10-01-2027 · BHV · Łukasz Wójcik" in text
    window.show_area("people")
    window.people_page.select_record(1)
    trainings = window.people_page.panel.trainings.text()
    assert "BHV verloopt op 10 januari 2027" in trainings
    assert "10-01-2026 · BHV · gevolgd" in trainings


def test_who_is_in_service_and_which_certificates_expired(window, store) -> None:
    """One definition of 'in service' (today: started and not left) on the home page and
    the people page; expired certificates shown apart from those that expire soon."""
    from werkleren_desktop.db.models import TrainingForm
    from werkleren_desktop.domain.training import TrainingInput
    from werkleren_desktop.services.training import save_training

    save_person(store.sessions, PersonInput("Noor", "Later", D(2027, 1, 4)), TODAY)
    save_person(
        store.sessions,
        PersonInput("Gert", "Weg", D(2010, 1, 1), out_of_service=D(2026, 6, 30)),
        TODAY,
    )
    for certificate, expires in (("BHV", D(2026, 11, 18)), ("VCA", D(2027, 1, 15))):
        save_training(
            store.sessions,
            TrainingInput((1,), certificate, TrainingForm.COURSE, D(2016, 1, 10),
                          D(2016, 1, 10), 480, 0, status=TrainingStatus.DONE,
                          certificate=certificate, certificate_expires_on=expires),
            TODAY,
        )  # fmt: skip
    window.show_area("people")
    window.show_area("home")
    home = window.home_page
    assert home.active_figure.value.text() == "2"
    assert home.active_figure.note.text() == "vandaag; nog 1 begint later"
    year = home.year_text.text()
    expired_at = year.index("Verlopen certificaten")
    expiring_at = year.index("Certificaten die binnenkort verlopen")
    # the BHV typed before there were types is linked to its type: in its grace period
    assert expired_at < year.index("18-11-2026 · BHV") < expiring_at
    assert "18-11-2026 · BHV · Łukasz Wójcik (verlopen; herhaling verlengt het tot" in year
    assert year.index("15-01-2027 · VCA") > expiring_at
    window.show_area("people")
    assert window.people_page.count_label.text() == "2 in dienst · 1 begint later · 1 vertrokken"
    window.people_page.select_record(1)
    said = window.people_page.panel.trainings.text()
    assert "BHV is verlopen op 18 november 2026" in said
    assert "VCA verloopt op 15 januari 2027" in said
    window.show_area("training")
    model = window.training_page.certificates_model
    shown = [
        [model.data(model.index(row, column)) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]
    assert shown == [
        ["18-11-2026", "Łukasz Wójcik", "BHV", "verlopen; herhaling verlengt het tot 18-02-2027"],
        ["15-01-2027", "Łukasz Wójcik", "VCA", "verloopt binnenkort"],
    ]


def test_the_overview_can_be_printed_directly(window, qtbot, fake_prompts, tmp_path) -> None:
    window.show_area("overview")
    page = window.overview_page
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    preview = page.preview
    assert preview is not None and preview.isVisible()
    assert preview.windowTitle() == "Jaaroverzicht"
    fake_prompts.print_file = tmp_path / "geprint.pdf"
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert fake_prompts.print_file.exists()
    preview.reject()

"""Funds through the window: a claim made on the training page's Funds tab with its
checks shown as one ticks, a refusal kept in the form, the evidence and the learning plan
shown; a fund's rule changed; an apprentice's placement and guidance on the person page,
driven by the keyboard where it matters."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from sqlalchemy import text

from tests.conftest import TODAY
from tests.gui.helpers import clear_and_type, type_text
from tests.services.test_funds import course, people  # noqa: F401  (the organisation)
from werkleren_desktop.gui.people.apprenticeship import EntryDialog, GuidanceDialog, PlacementDialog
from werkleren_desktop.gui.training.funds import ClaimDialog, FundDialog, FundsDialog
from werkleren_desktop.gui.widgets import to_qdate
from werkleren_desktop.services.training_attendance import read_course, save_attendance

D = dt.date


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_a_claim_made_checked_and_its_evidence_shown(
    make_window,
    qtbot,
    store,
    people,  # noqa: F811
) -> None:
    trainings = course(store, people, "Warmtepompen", D(2026, 11, 19), D(2026, 11, 20), 14, 45000)
    days = read_course(store.sessions, trainings[0]).days
    marks = {(t, d): True for t in trainings for d in days}
    marks[(trainings[2], days[1])] = False  # Cor Jansen: one of two days
    save_attendance(store.sessions, marks, TODAY)
    window = make_window()
    window.show_area("training")
    page = window.training_page
    tab = page.funds_tab
    assert tab is not None
    page.tabs.setCurrentWidget(tab)
    assert tab.claims_model.rowCount() == 0 and not tab.change_button.isEnabled()
    click(qtbot, tab.new_button)
    dialog = tab.dialog
    assert isinstance(dialog, ClaimDialog)
    assert dialog.fund.currentText() == "Colland"  # the first of the sector funds by name
    dialog.fund.setCurrentIndex(dialog.fund.findText("OTIB"))
    assert dialog.course.currentText() == "Warmtepompen, 19-11-2026 (3 deelnemers)"
    said = dialog.checks.text()
    assert "niet voldaan" in said and "Cor Jansen: aanwezig 50% van de dagen" in said
    # Cor left out with the keyboard: the checks follow at once
    dialog.participants.setFocus()
    dialog.participants.setCurrentRow(0)
    assert dialog.participants.currentItem().text() == "Cor Jansen"
    qtbot.keyClick(dialog.participants, Qt.Key.Key_Space)
    said = dialog.checks.text()
    assert "niet voldaan" not in said and "Declareer uiterlijk 1 maart 2027" in said
    # a day after today is refused on its field, and the form stays open
    dialog.claimed_on.check.setChecked(True)
    dialog.claimed_on.edit.setDate(to_qdate(TODAY + dt.timedelta(days=2)))
    clear_and_type(qtbot, dialog.amount, "900")
    click(qtbot, dialog.save_button)
    assert dialog.isVisible() and "na vandaag" in dialog.error_label.text()
    dialog.claimed_on.check.setChecked(False)
    clear_and_type(qtbot, dialog.reference, "OTIB-2026-17")
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    assert tab.claims_model.rowCount() == 1
    assert tab.claims_model.texts(0)[0] == "OTIB"
    assert tab.claims_model.texts(0)[7].startswith("Declareer uiterlijk 1 maart 2027")
    assert tab.totals_model.texts(0)[:6] == ("OTIB", "2026", "1", "2", "28", "€\xa0900,00")
    with store.engine.connect() as sql:
        assert sql.execute(text("SELECT reference, amount_cents FROM fund_claim")).one() == (
            "OTIB-2026-17",
            90000,
        )
    # the evidence and the learning plan, shown to print or save
    click(qtbot, tab.evidence_button)
    assert tab.preview is not None and tab.preview.windowTitle() == "Bewijs bij een declaratie"
    tab.preview.close()
    click(qtbot, tab.plan_button)
    assert tab.preview.windowTitle() == "Leer- en ontwikkelplan 2026"
    tab.preview.close()
    # Enter opens the claim again, with what was saved
    tab.claims_table.setFocus()
    qtbot.keyClick(tab.claims_table, Qt.Key.Key_Return)
    again = tab.dialog
    assert isinstance(again, ClaimDialog) and again.reference.text() == "OTIB-2026-17"
    assert sorted(again.training_ids()) == sorted(trainings[:2])
    again.reject()


def test_a_funds_rule_changed_in_its_form(
    make_window,
    qtbot,
    store,
    people,  # noqa: F811
) -> None:
    window = make_window()
    window.show_area("training")
    tab = window.training_page.funds_tab
    assert tab is not None
    click(qtbot, tab.funds_button)
    funds = tab.dialog
    assert isinstance(funds, FundsDialog)
    row = next(i for i in range(funds.model.rowCount()) if funds.model.texts(i)[0] == "OTIB")
    funds.table.selectRow(row)
    assert "otib.nl" in funds.source.text()
    click(qtbot, funds.change_button)
    form = funds.form
    assert isinstance(form, FundDialog) and form.presence.value() == 80
    assert form.claim_by.isChecked() and form.claim_month.currentText() == "maart"
    form.presence.setValue(0)  # below 1: "not asked"
    assert form.presence.text() == "niet gevraagd"
    clear_and_type(qtbot, form.maximum, "veel")
    click(qtbot, form.save_button)
    assert form.isVisible() and form.error_label.text()
    clear_and_type(qtbot, form.maximum, "1.500")
    click(qtbot, form.save_button)
    assert not form.isVisible()
    assert funds.model.texts(row)[1] == (
        "minstens 6 uur, declareren uiterlijk 1 maart van het jaar erna, hoogstens €\xa01.500,00"
    )


def test_an_apprentice_placed_guided_and_printed(
    make_window,
    qtbot,
    store,
    people,  # noqa: F811
) -> None:
    sem, marco, _ilse = people
    window = make_window()
    window.show_area("people")
    page = window.people_page
    page.select_record(sem)
    click(qtbot, page.panel.apprentice_button)
    first = page.dialog
    assert isinstance(first, PlacementDialog)
    click(qtbot, first.save_button)  # no trainer chosen
    assert first.isVisible() and "praktijkopleider" in first.error_label.text()
    first.trainer.setCurrentIndex(first.trainer.findData(marco))
    type_text(qtbot, first.school, "ROC Midden")
    first.starts_on.setDate(first.starts_on.date().addDays(-60))
    click(qtbot, first.save_button)
    guidance = page.dialog
    assert isinstance(guidance, GuidanceDialog) and guidance.isVisible()
    assert "begeleid door Bram Visser" in guidance.summary.text()
    click(qtbot, guidance.guidance_button)
    entry = guidance.form
    assert isinstance(entry, EntryDialog) and entry.focusWidget() is entry.summary
    qtbot.keyClicks(entry.summary, "Samen een storing gezocht")
    qtbot.keyClick(entry.summary, Qt.Key.Key_Tab)
    assert entry.focusWidget() is entry.initials
    qtbot.keyClicks(entry.initials, "BV")
    qtbot.keyClick(entry.initials, Qt.Key.Key_Return)
    assert not entry.isVisible()
    initials = guidance.table.item(0, 4)
    assert guidance.table.rowCount() == 1 and initials is not None and initials.text() == "BV"
    click(qtbot, guidance.talk_button)
    talk = guidance.form
    assert isinstance(talk, EntryDialog)
    click(qtbot, talk.save_button)  # nothing written: refused, kept open
    assert talk.isVisible() and "bewijs" in talk.error_label.text()
    type_text(qtbot, talk.summary, "Eerste voortgangsgesprek")
    click(qtbot, talk.save_button)
    assert guidance.table.rowCount() == 2
    assert guidance.year.currentText() == "2026-2027"
    click(qtbot, guidance.print_button)
    assert guidance.preview is not None
    assert guidance.preview.windowTitle() == "Bewijs praktijkleren"
    guidance.preview.close()
    guidance.reject()
    assert "Bbl-leerling" in page.panel.onboarding.text()


def test_the_matrix_and_the_funds_are_read_when_their_tab_is_shown(
    make_window,
    store,
    people,  # noqa: F811
) -> None:
    """The training page reads who holds what and the claims only for their own tab: on
    the large demo the matrix took most of every visit to the page."""
    from werkleren_desktop.domain.funds import ClaimInput
    from werkleren_desktop.services.funds import list_funds, save_claim

    trainings = course(store, people, "Warmtepompen", D(2026, 11, 19), D(2026, 11, 20), 14, 45000)
    otib = next(f.id for f in list_funds(store.sessions) if f.name == "OTIB")
    save_claim(store.sessions, ClaimInput(otib, tuple(trainings)), TODAY)
    window = make_window()
    window.show_area("training")
    page = window.training_page
    tab = page.funds_tab
    assert tab is not None and page.tabs.currentIndex() == 0
    assert page.matrix is None and tab.claims_model.rowCount() == 0
    page.tabs.setCurrentWidget(page.matrix_tab)
    assert page.matrix is not None and len(page.matrix.rows) == 3
    page.tabs.setCurrentWidget(tab)
    assert tab.claims_model.rowCount() == 1
    # shown again after a change elsewhere: read anew, now that its tab is the current one
    page.refresh()
    assert tab.claims_model.rowCount() == 1

"""Werkafspraken through the window: made from a situation's outcome and from a week
cycle's result, written down anew, found, withdrawn, deleted and printed."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from tests.conftest import TODAY
from tests.gui.helpers import clear_and_type, type_text
from werkleren_desktop.domain.constants import SituationKind, WorkAgreementKind
from werkleren_desktop.domain.cycles import SessionTimes, WorkbookInput, cycle_days
from werkleren_desktop.domain.groups import GroupInput
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.domain.situations import SituationInput
from werkleren_desktop.gui.widgets import FOUND_COLOUR
from werkleren_desktop.services.cycles import CycleDraft, plan_cycle
from werkleren_desktop.services.groups import add_member, save_group
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import save_person
from werkleren_desktop.services.situations import save_situation
from werkleren_desktop.services.workbook import cycle_workbook, save_workbook

D = dt.date


@pytest.fixture
def org(store) -> dict[str, int]:
    create_organisation(store.sessions, OrganisationSettings(name="Van Dijk"))
    ids = {
        first: save_person(store.sessions, PersonInput(first, last, D(2020, 1, 1)), TODAY)
        for first, last in (("Łukasz", "Wójcik"), ("Sanne", "Jansen"), ("Şükrü", "Yılmaz"))
    }
    ids["group"] = save_group(
        store.sessions, GroupInput("Warmtepompen", D(2026, 1, 1), expert_id=ids["Şükrü"])
    )
    for name in ("Łukasz", "Sanne"):
        add_member(store.sessions, ids["group"], ids[name], D(2026, 1, 1))
    ids["situation"] = save_situation(
        store.sessions,
        SituationInput(
            D(2026, 10, 6), "Lekkage na oplevering", SituationKind.IMPROVE, (ids["Sanne"],),
            group_id=ids["group"], outcome="Voortaan persen we elke leiding af.",
            next_step="Het drukformulier laten tekenen.",
        ),
        TODAY,
    )  # fmt: skip
    return ids


def test_a_situation_outcome_becomes_an_agreement_everyone_finds(
    make_window, qtbot, store, org, fake_prompts
) -> None:
    window = make_window()
    window.show_area("situations")
    situations = window.situations_page
    situations.table.selectRow(0)
    panel = situations.panel
    assert panel.agreement_button.isVisible()
    qtbot.mouseClick(panel.agreement_button, Qt.MouseButton.LeftButton)
    dialog = situations.dialog
    assert dialog.windowTitle() == "Nieuwe werkafspraak"
    assert dialog.title.text() == "Voortaan persen we elke leiding af"
    assert dialog.text.toPlainText().endswith("Het drukformulier laten tekenen.")
    assert dialog.contact.currentText() == "Jansen, Sanne"  # she learned from it
    assert dialog.origin.isHidden()  # it comes from the situation, said in a line
    clear_and_type(qtbot, dialog.title, "")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "Geef de werkafspraak een korte titel."
    assert dialog.focusWidget() is dialog.title
    type_text(qtbot, dialog.title, "Elke leiding afpersen")
    dialog.kind.setCurrentIndex(dialog.kind.findData(WorkAgreementKind.INSTRUCTION))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.error_label.text()
    assert "Werkafspraken die eruit voortkwamen" in panel.body.text()
    assert "Instructie: Elke leiding afpersen" in panel.body.text()
    assert window.statusBar().currentMessage().startswith("Werkafspraak opgeslagen")

    window.show_area("agreements")
    page = window.agreements_page
    assert page.model.rowCount() == 1 and page.count_label.text() == "1 geldt"
    page.table.selectRow(0)
    body = page.panel.body.text()
    assert page.panel.title.text() == "Elke leiding afpersen"
    assert "Sanne Jansen" in body
    assert "Werksituatie ‘Lekkage na oplevering’ van 6 oktober 2026, leergroep Warmtepompen" in body
    assert "Uitkomst: Voortaan persen" in body
    for search, found in (("sanne", 1), ("LEKKAGE", 1), ("warmtepompen afpersen", 1), ("cv", 0)):
        clear_and_type(qtbot, page.search, search)
        assert page.model.rowCount() == found, search
    # the words found are marked in the panel, as written there
    clear_and_type(qtbot, page.search, "lekkage sanne")
    page.table.selectRow(0)
    body = page.panel.body.text()
    assert f"<span style='background-color:{FOUND_COLOUR}'>Lekkage</span>" in body
    assert f"<span style='background-color:{FOUND_COLOUR}'>Sanne</span> Jansen" in body
    page.search.clear()
    assert FOUND_COLOUR not in page.panel.body.text()

    # withdrawn: gone from those that hold, still found among the withdrawn ones
    page.table.selectRow(0)
    qtbot.mouseClick(page.panel.withdraw_button, Qt.MouseButton.LeftButton)
    assert "geldt vanaf vandaag niet meer" in fake_prompts.asked[-1]
    assert page.model.rowCount() == 0 and page.count_label.text() == "0 gelden"
    page.holds_box.setCurrentIndex(1)
    assert page.model.rowCount() == 1
    page.table.selectRow(0)
    assert "ingetrokken op 28 november 2026" in page.panel.facts.text()
    assert page.panel.withdraw_button.text() == "Weer laten gelden"
    qtbot.mouseClick(page.panel.withdraw_button, Qt.MouseButton.LeftButton)
    assert page.count_label.text() == "1 geldt"


def test_written_down_anew_printed_and_deleted_with_undo(
    make_window, qtbot, store, org, fake_prompts, tmp_path
) -> None:
    from pypdf import PdfReader

    window = make_window()
    window.show_area("agreements")
    page = window.agreements_page
    assert page.panel.empty.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.dialog is not None)  # the button is pressed, visibly
    dialog = page.dialog
    assert dialog.windowTitle() == "Nieuwe werkafspraak" and not dialog.origin.isHidden()
    type_text(qtbot, dialog.title, "Vragen mag altijd")
    type_text(qtbot, dialog.text, "Wie twijfelt, vraagt het een collega.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == "Kies wie collega's erover kunnen vragen."
    assert dialog.focusWidget() is dialog.contact
    dialog.contact.setCurrentIndex(dialog.contact.findText("Yılmaz, Şükrü"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text().startswith("Zeg waar ze vandaan komt")
    assert dialog.focusWidget() is dialog.origin
    type_text(qtbot, dialog.origin, "Werkoverleg maart")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.error_label.text()
    assert page.panel.title.text() == "Vragen mag altijd"  # the page follows what it saved
    assert "Werkoverleg maart" in page.panel.body.text()
    # Tab into the list makes its row current without choosing it: Enter chooses and opens it
    page.forget_record()
    page.table.clearSelection()
    page.table.setFocus()
    assert page.table.currentIndex().row() == 0 and not page.panel.title.isVisible()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.dialog is not dialog and page.dialog.title.text() == "Vragen mag altijd"
    page.dialog.discard()

    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    preview = page.preview
    assert preview.windowTitle() == "Onze werkafspraken"
    fake_prompts.save_file = tmp_path / "werkafspraken.pdf"
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    printed = " ".join(PdfReader(fake_prompts.save_file).pages[0].extract_text().split())
    assert "Onze werkafspraken" in printed and "Zoals ze gelden op 28 november 2026" in printed
    assert "Vragen mag altijd Wie twijfelt, vraagt het een collega." in printed
    assert "Aanspreekpunt: Şükrü Yılmaz" in printed
    assert "komt voort uit: Werkoverleg maart" in printed
    preview.reject()
    window.activateWindow()  # back from the preview
    qtbot.waitUntil(window.isActiveWindow)

    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert fake_prompts.destructive[-1] and "Vragen mag altijd" in fake_prompts.asked[-1]
    assert page.model.rowCount() == 0 and page.panel.empty.isVisible()
    assert window.statusBar().currentMessage() == "Werkafspraak ‘Vragen mag altijd’ verwijderd."
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.model.rowCount() == 1


def test_a_cycle_result_becomes_an_agreement_with_the_expert_to_ask(
    make_window, qtbot, store, org
) -> None:
    draft = CycleDraft(
        org["group"], cycle_days(D(2026, 11, 2)), SessionTimes(dt.time(14), 60, "Kantine"),
        ("a", "b", "c", "d"),
    )  # fmt: skip
    cycle = plan_cycle(store.sessions, draft)
    window = make_window()
    window.show_area("cycles")
    cycles = window.cycles_page
    cycles.select_record(cycle)
    button = cycles.panel.agreement_button
    assert not button.isEnabled() and "eerst in het werkboek" in button.toolTip()
    book = cycle_workbook(store.sessions, cycle)
    save_workbook(
        store.sessions, cycle, WorkbookInput("Hoe voorkomen we lekkages?", (), (),
                                             "Een checklist bij elke ketel."), book.stamp.version,
    )  # fmt: skip
    cycles.refresh()
    cycles.select_record(cycle)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = cycles.dialog
    assert dialog.contact.currentText() == "Yılmaz, Şükrü"  # the group's expert on call
    assert dialog.title.text() == "Een checklist bij elke ketel"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.error_label.text()
    assert "Werkafspraak: Een checklist bij elke ketel" in cycles.panel.workbook.text()

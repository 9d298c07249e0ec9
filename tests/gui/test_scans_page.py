"""Waar staan we? through the window: two scans filled in, compared, and printed."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel

from tests.conftest import TODAY
from tests.gui.helpers import type_text
from werkleren_desktop.documents.scan_rows import chart_rows
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.scans import CHARACTERISTICS, Answer, Question, ScanInput
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.gui.scans.dialogs import NOT_APPLICABLE, ResponseDialog
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.scans import list_scans, save_response, save_scan, scan_result

D = dt.date


@pytest.fixture
def page(make_window, store):
    create_organisation(store.sessions, OrganisationSettings(name="Van Dijk & Zn."))
    window = make_window()
    window.show_area("scans")
    return window.scans_page


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def new_scan(page, qtbot, day: dt.date, title: str) -> ResponseDialog:
    click(qtbot, page.new_button)
    dialog = page.dialog
    assert dialog.windowTitle() == "Nieuwe scan"
    dialog.held_on.setDate(QDate(day.year, day.month, day.day))
    type_text(qtbot, dialog.title, title)
    click(qtbot, dialog.save_button)
    form = page.dialog
    assert isinstance(form, ResponseDialog)
    return form


def score(qtbot, form: ResponseDialog, key: str, value: int) -> None:
    click(qtbot, form.rows[key].buttons[value])


def test_fill_in_two_scans_and_compare_them(page, qtbot, store) -> None:
    assert page.panel.empty.isVisible()
    form = new_scan(page, qtbot, D(2026, 3, 2), "Teamsessie voorjaar")
    assert form.windowTitle() == "Nieuw formulier voor “Teamsessie voorjaar”"
    for c in CHARACTERISTICS:
        score(qtbot, form, c.key, 2)
    score(qtbot, form, "18", 1)
    type_text(qtbot, form.rows["18"].remark, "AI kennen we nog nauwelijks")
    click(qtbot, form.save_button)
    assert not form.isVisible()

    form = new_scan(page, qtbot, D(2026, 10, 5), "Teamsessie najaar")
    for c in CHARACTERISTICS:
        score(qtbot, form, c.key, 4)
    score(qtbot, form, "18", 2)
    score(qtbot, form, "35", NOT_APPLICABLE)
    click(qtbot, form.save_button)
    # a second respondent of the same session, entered from paper
    click(qtbot, page.panel.add_button)
    second = page.dialog
    score(qtbot, second, "1", 5)
    score(qtbot, second, "18", 3)
    click(qtbot, second.save_button)

    assert [(r.title, r.responses) for r in list_scans(store.sessions)] == [
        ("Teamsessie najaar", 2),
        ("Teamsessie voorjaar", 1),
    ]
    panel = page.panel
    assert panel.title.text() == "Teamsessie najaar"
    assert "2 formulieren" in panel.facts.text()
    assert "vergeleken met “Teamsessie voorjaar”" in panel.facts.text()

    # the table: average, spread, previous and change, as the user reads them
    model = panel.items_model
    row = [c.key for c in CHARACTERISTICS].index("1")
    cells = [model.data(model.index(row, col)) for col in range(model.columnCount())]
    assert cells[:8] == ["1", "kwalificatie en duurzame inzetbaarheid", "4,5", "4–5 (±0,5)",
                         "2", "", "2,0", "+2,5"]  # fmt: skip
    row18 = [c.key for c in CHARACTERISTICS].index("18")
    assert model.data(model.index(row18, 2)) == "2,5"
    assert model.data(model.index(row18, 8)) == "geen gegevens"  # nothing logged yet
    row35 = [c.key for c in CHARACTERISTICS].index("35")
    assert model.data(model.index(row35, 5)) == "1"  # one n/a

    # charts: each question with this scan and the previous one
    chart = panel.charts[next(iter(panel.charts))].chart()
    assert [s.label() for s in chart.series()[0].barSets()] == ["vorige scan", "deze scan"]

    # 18 scores low: the program points to the learning log
    panel.tabs.setCurrentIndex(3)
    buttons = panel.start_here.findChildren(type(page.new_button))
    assert any(b.text() == "Naar Werkleersituaties" for b in buttons)
    go = next(b for b in buttons if b.text() == "Naar Werkleersituaties")
    click(qtbot, go)
    assert page.window().current_area() == "situations"

    # the remark is kept, anonymously, with the earlier scan
    earlier = list_scans(store.sessions)[1]
    assert scan_result(store.sessions, earlier.id).items["18"].remarks == (
        "AI kennen we nog nauwelijks",
    )


def test_a_form_without_scores_stays_open_with_what_was_entered(page, qtbot) -> None:
    form = new_scan(page, qtbot, TODAY, "Alleen ik")
    type_text(qtbot, form.rows["5"].remark, "Nog geen idee")
    click(qtbot, form.save_button)
    assert form.isVisible()
    assert form.error_label.text() == (
        "Geef minstens één kenmerk een score voordat je het formulier opslaat."
    )
    assert form.rows["5"].remark.text() == "Nog geen idee"
    # clicking a chosen score again leaves it open; choosing another replaces it
    score(qtbot, form, "5", 3)
    score(qtbot, form, "5", 3)
    assert form.rows["5"].answer().score is None
    score(qtbot, form, "5", 3)
    score(qtbot, form, "5", NOT_APPLICABLE)
    assert form.rows["5"].answer().not_applicable and form.rows["5"].answer().score is None
    score(qtbot, form, "5", 4)
    click(qtbot, form.save_button)
    assert not form.isVisible()


def test_a_scan_needs_a_name_and_a_date_that_has_been(page, qtbot) -> None:
    click(qtbot, page.new_button)
    dialog = page.dialog
    click(qtbot, dialog.save_button)
    assert dialog.error_label.text() == "Geef de scan een naam, bijvoorbeeld “Teamsessie voorjaar”."
    type_text(qtbot, dialog.title, "Later")
    tomorrow = TODAY + dt.timedelta(days=1)
    dialog.held_on.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    click(qtbot, dialog.save_button)
    assert "toekomst" in dialog.error_label.text()
    assert dialog.title.text() == "Later"


def test_print_the_blank_form_and_the_report(page, qtbot, fake_prompts, tmp_path) -> None:
    click(qtbot, page.form_button)
    fake_prompts.save_file = tmp_path / "scanformulier.pdf"
    click(qtbot, page.preview.save_button)
    form = pdf_text(fake_prompts.save_file.read_bytes())
    assert "Waar staan we? Scan van leerperspectief en leercultuur" in form
    assert "Bestaand perspectief (1)" in form and "Duurzaam perspectief (5)" in form
    assert "Vragenlijst versie 2: beide kanten van een rij beschrijven hetzelfde" in form
    # both ends of a row speak of one thing; a goal is scored from not reached to reached
    assert "wat we leren vertrekt bij competenties die de organisatie nodig heeft" in form
    assert "wat we leren vertrekt bij het verbeteren van onze werksituaties" in form
    assert "Iedereen heeft elk half jaar een talentontwikkelgesprek." in form
    assert "(nog) niet bereikt" in form and "helemaal bereikt" in form
    assert "uitbesteed" not in form  # version 1's other side of row 44
    assert "Fouten zien als leermomenten" in form
    assert "Baeten" in form
    page.preview.close()

    scan_form = new_scan(page, qtbot, D(2026, 10, 5), "Teamsessie najaar")
    for c in CHARACTERISTICS:
        score(qtbot, scan_form, c.key, 3)
    score(qtbot, scan_form, "44", 1)
    type_text(qtbot, scan_form.rows["44"].remark, "Gesprekken schieten erbij in")
    click(qtbot, scan_form.save_button)
    click(qtbot, page.panel.report_button)
    fake_prompts.save_file = tmp_path / "rapport.pdf"
    click(qtbot, page.preview.save_button)
    report = pdf_text(fake_prompts.save_file.read_bytes())
    assert "Waar staan we? Uitkomsten van de scan" in report
    assert "Teamsessie najaar" in report and "geen eerdere scan" in report
    assert "Gemeten naast ervaren" in report and "geen gegevens" in report
    assert "Waar te beginnen" in report
    assert "halfjaarlijks talentontwikkelgesprek" in report
    assert "Houd de talentontwikkelgesprekken die aan de beurt zijn" in report
    assert "Gesprekken schieten erbij in" in report
    assert "Baeten" in report


def test_edit_and_delete_a_form_and_the_scan(page, qtbot, store, fake_prompts) -> None:
    form = new_scan(page, qtbot, TODAY, "Alleen ik")
    score(qtbot, form, "1", 2)
    click(qtbot, form.save_button)
    click(qtbot, page.panel.form_edit_button)
    edit = page.dialog
    assert edit.windowTitle() == "Formulier 1 van “Alleen ik”"
    assert edit.rows["1"].buttons[2].isChecked()
    score(qtbot, edit, "1", 5)
    click(qtbot, edit.save_button)
    scan_id = list_scans(store.sessions)[0].id
    assert scan_result(store.sessions, scan_id).items["1"].scores == (5,)

    click(qtbot, page.panel.form_delete_button)
    assert fake_prompts.asked[-1].startswith("Formulier 1 verwijderen?")
    assert scan_result(store.sessions, scan_id).response_numbers == ()
    click(qtbot, page.panel.delete_button)
    assert list_scans(store.sessions) == []
    assert page.panel.empty.isVisible()


def test_a_scan_without_forms_yet_shows_what_to_do(page, qtbot, fake_prompts) -> None:
    form = new_scan(page, qtbot, TODAY, "Teamsessie")
    click(qtbot, form.cancel_button)  # nothing typed: closes without asking
    assert not form.isVisible() and fake_prompts.asked == []
    panel = page.panel
    assert panel.title.text() == "Teamsessie"
    assert "0 formulieren" in panel.facts.text()
    assert "de eerste scan" in panel.facts.text()
    assert not panel.report_button.isEnabled()
    assert not panel.form_edit_button.isEnabled()
    assert panel.items_model.data(panel.items_model.index(0, 2)) == "–"
    click(qtbot, panel.add_button)
    assert page.dialog.windowTitle() == "Nieuw formulier voor “Teamsessie”"
    page.dialog.discard()


def test_a_form_survives_a_crash_and_is_offered_back(page, qtbot, store, make_window) -> None:
    form = new_scan(page, qtbot, TODAY, "Teamsessie")
    assert form._draft_timer.isActive()  # written every few seconds while scoring
    score(qtbot, form, "1", 4)
    score(qtbot, form, "35", NOT_APPLICABLE)
    type_text(qtbot, form.rows["18"].remark, "Nog nooit gebruikt")
    form.keep_draft()
    assert (store.paths.drafts / "scan-form.json").exists()

    # the program dies: the form is gone without saving or discarding
    form.hide()
    window = make_window()
    assert "scanformulier" in window.statusBar().currentMessage()
    window.show_area("scans")
    page2 = window.scans_page
    assert page2.draft_banner.isVisible()
    assert "Teamsessie" in page2.draft_banner.label.text()
    click(qtbot, page2.draft_banner.resume_button)
    resumed = page2.dialog
    assert isinstance(resumed, ResponseDialog) and not page2.draft_banner.isVisible()
    assert resumed.rows["1"].answer().score == 4
    assert resumed.rows["35"].answer().not_applicable
    assert resumed.rows["18"].remark.text() == "Nog nooit gebruikt"
    click(qtbot, resumed.save_button)
    assert not resumed.isVisible()
    assert not (store.paths.drafts / "scan-form.json").exists()
    scan_id = list_scans(store.sessions)[0].id
    assert scan_result(store.sessions, scan_id).items["1"].scores == (4,)


def test_a_new_form_offers_the_waiting_one_first(page, qtbot, store, fake_prompts) -> None:
    form = new_scan(page, qtbot, TODAY, "Teamsessie")
    form.discard()
    scan_id = list_scans(store.sessions)[0].id
    waiting = {"scan_id": scan_id, "scan_title": "Teamsessie", "number": None,
               "answers": {"2": [3, False, ""]}}  # fmt: skip
    page.drafts.save("scan-form", None, waiting)
    fake_prompts.confirm_answer = True  # continue with it
    click(qtbot, page.panel.add_button)
    assert page.dialog.rows["2"].answer().score == 3
    page.dialog.discard()
    page.drafts.save("scan-form", None, waiting)
    fake_prompts.confirm_answer = False  # drop it and start afresh
    click(qtbot, page.panel.add_button)
    assert page.dialog.rows["2"].answer().score is None
    assert page.waiting_draft() is None


def test_an_old_scan_compares_with_a_new_one_across_the_version_change(
    page, qtbot, store, fake_prompts, tmp_path
) -> None:
    # a scan of before the change, in questionnaire version 1, entered as it was then
    old = save_scan(store.sessions, ScanInput(D(2026, 3, 2), "Voorjaar", questionnaire=1), TODAY)
    save_response(store.sessions, old, {c.key: Answer(2) for c in CHARACTERISTICS})
    page.refresh()
    qtbot.waitUntil(lambda: page.panel.report is not None)

    click(qtbot, page.panel.add_button)  # a late paper form of the old scan: its version
    late = page.dialog
    assert isinstance(late, ResponseDialog) and late.questionnaire == 1
    assert any(
        isinstance(w, QLabel) and w.text() == "organisatiegerichte competenties"
        for w in late.findChildren(QLabel)
    )
    late.reject()

    form = new_scan(page, qtbot, D(2026, 10, 5), "Najaar")
    assert form.questionnaire == 2
    shown = [w.text() for w in form.findChildren(QLabel)]
    assert "wat we leren vertrekt bij het verbeteren van onze werksituaties" in shown
    assert any("Iedereen heeft elk half jaar een talentontwikkelgesprek." in t for t in shown)
    for c in CHARACTERISTICS:
        score(qtbot, form, c.key, 4)
    click(qtbot, form.save_button)
    qtbot.waitUntil(
        lambda: page.panel.report is not None and page.panel.report.result.previous is not None
    )

    panel = page.panel
    assert "vragenlijst versie 2" in panel.facts.text()
    model = panel.items_model
    changes = {model.index(r, 0).data(): model.index(r, 7).data() for r in range(model.rowCount())}
    # rows worded anew carry the mark; rows asked in the same words do not
    assert changes["44"] == "+2,0 *" and changes["1"] == "+2,0 *"
    assert changes["31"] == "+2,0" and changes["C3"] == "+2,0"
    panel.tabs.setCurrentIndex(1)  # Per kenmerk
    assert panel.items_changed.isVisible()
    assert panel.items_changed.text().startswith(
        "* Anders verwoord in de vorige scan: die gebruikte vragenlijst versie 1, deze scan "
        "versie 2."
    )
    row_44 = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "44")
    tip = model.index(row_44, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "Iedereen heeft elk half jaar een talentontwikkelgesprek." in tip
    assert "In de vorige scan (versie 1):" in tip and "uitbesteed" in tip
    assert "Anders verwoord" in panel.summary.text()
    # the charts' labels carry the mark beside the number, where shortening never cuts it
    why = [label for label, _now, _before in chart_rows(panel.report, Question.WHY)]
    when = [label for label, _now, _before in chart_rows(panel.report, Question.WHEN)]
    assert why[0] == "1* kwalificatie en duurzame inzetbaarheid"
    assert why[5].startswith("6* bijdrage aan maatschappelijke")
    assert when[0] == "31 in werktijd"

    click(qtbot, panel.report_button)
    fake_prompts.save_file = tmp_path / "rapport.pdf"
    click(qtbot, page.preview.save_button)
    report = pdf_text(fake_prompts.save_file.read_bytes())
    assert "Vragenlijst versie 2: beide kanten van een rij beschrijven hetzelfde" in report
    assert "+2,0 *" in report and "Anders verwoord in de vorige scan" in report


def test_the_version_of_a_scan_changes_only_while_it_holds_no_forms(page, qtbot, store) -> None:
    scan_id = save_scan(store.sessions, ScanInput(TODAY, "Sessie"), TODAY)
    page.refresh()
    qtbot.waitUntil(lambda: page.panel.report is not None)
    click(qtbot, page.panel.edit_button)
    dialog = page.dialog
    assert dialog.questionnaire.isEnabled() and dialog.chosen_questionnaire() == 2
    dialog.questionnaire.setCurrentIndex(dialog.questionnaire.findData(1))
    click(qtbot, dialog.save_button)
    assert scan_result(store.sessions, scan_id).scan.questionnaire == 1

    save_response(store.sessions, scan_id, {"1": Answer(3)})
    page.refresh()
    qtbot.waitUntil(
        lambda: page.panel.report is not None and page.panel.report.result.scan.responses
    )
    click(qtbot, page.panel.edit_button)
    dialog = page.dialog
    assert not dialog.questionnaire.isEnabled()
    dialog.reject()
    # and the rule holds below the window too
    with pytest.raises(ValidationError) as refused:
        save_scan(store.sessions, ScanInput(TODAY, "Sessie", questionnaire=2), TODAY, scan_id)
    assert refused.value.field == "questionnaire"
    assert "versie 1" in str(refused.value)

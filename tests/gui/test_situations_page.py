"""Werkleersituaties through the window: log, correct, find, and the unsaved-text guard."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QTextCursor

from tests.conftest import TODAY
from tests.gui.helpers import clear_and_type, pick, type_text
from werkleren_desktop.db.models import SituationKind
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import save_person
from werkleren_desktop.services.situations import SituationFilter, get_situation, list_situations

D = dt.date


@pytest.fixture
def page(make_window, store):
    create_organisation(store.sessions, OrganisationSettings(name="Van Dijk"))
    for first, last in (("Łukasz", "Wójcik"), ("Sanne", "Jansen")):
        save_person(
            store.sessions, PersonInput(first, last, D(2020, 1, 1), job_title="Monteur"), TODAY
        )
    window = make_window()
    window.show_area("situations")
    return window.situations_page


def test_logging_a_situation(page, qtbot, store) -> None:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.windowTitle() == "Nieuwe werkleersituatie"
    type_text(qtbot, dialog.title, "Warmtepomp maakt lawaai")
    dialog.kind.setCurrentIndex(dialog.kind.findData(SituationKind.IMPROVE))
    pick(dialog.people, "Łukasz")
    type_text(qtbot, dialog.description, "De klant klaagt 's nachts over geluid.")
    type_text(qtbot, dialog.questions[0][1], "Geluid door trillingen van de buitenunit.")
    dialog.ai_used.setChecked(True)
    type_text(qtbot, dialog.ai_tool, "ChatGPT")
    type_text(qtbot, dialog.minutes, "45")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.error_label.text()

    assert page.model.rowCount() == 1
    assert page.panel.title.text() == "Warmtepomp maakt lawaai"
    assert "Łukasz Wójcik" in page.panel.facts.text() and "45 minuten" in page.panel.facts.text()
    assert "Geluid door trillingen" in page.panel.body.text()
    stored = get_situation(store.sessions, page.model.row_at(0).id)
    assert stored.answers[0].question_text.startswith("Wat gebeurde er")
    assert stored.ai_tool == "ChatGPT" and stored.kind is SituationKind.IMPROVE
    assert stored.brought_in_by is None  # entered by whoever enters it, unless said


def test_a_situation_raised_by_a_colleague_says_who_brought_it_in(page, qtbot, store) -> None:
    """The owner enters what a professional brought in: the form records who
    (ingebracht door), found by typing part of the name; a name not in the list is said
    at the field and the form stays."""
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    type_text(qtbot, dialog.title, "Klant belde twee keer")
    pick(dialog.people, "Łukasz")
    box = dialog.brought_in_by
    box.setCurrentIndex(-1)
    box.setEditText("Niemand Bekend")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "Kies een persoon uit de lijst."
    box.setCurrentIndex(box.findText("Sanne Jansen"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.error_label.text()
    assert "ingebracht door Sanne Jansen" in page.panel.facts.text()
    stored = get_situation(store.sessions, page.model.row_at(0).id)
    assert stored.brought_in_by is not None


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("nobody", "Kies wie van deze situatie heeft geleerd."),
        (
            "future",
            "Een situatie wordt vastgelegd als hij is gebeurd; de datum ligt in de toekomst.",
        ),
        ("negative", "Bestede tijd kan niet negatief zijn."),
        ("words", "‘een uur’ is geen aantal minuten."),
    ],
)
def test_bad_input_is_explained_and_kept(page, qtbot, store, case, message) -> None:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    type_text(qtbot, dialog.title, "Storing")
    if case != "nobody":
        pick(dialog.people, "Sanne")
    if case == "future":
        dialog.occurred_on.setDate(QDate(2026, 12, 1))
    if case == "negative":
        type_text(qtbot, dialog.minutes, "-5")
    if case == "words":
        type_text(qtbot, dialog.minutes, "een uur")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_label.text() == message
    assert dialog.title.text() == "Storing"
    assert list_situations(store.sessions, SituationFilter()) == []


def test_closing_with_typed_text_asks_first(page, qtbot, fake_prompts) -> None:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    type_text(qtbot, dialog.description, "Half opgeschreven")
    fake_prompts.confirm_answer = False
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert dialog.description.toPlainText() == "Half opgeschreven"


def test_editing_and_finding(page, qtbot, store) -> None:
    from werkleren_desktop.domain.situations import SituationInput
    from werkleren_desktop.services.situations import save_situation

    for title, outcome in (
        ("Ketel valt uit", "Thermokoppel vervangen"),
        ("Planning loopt uit", "Buffer ingebouwd"),
    ):
        save_situation(
            store.sessions,
            SituationInput(D(2026, 11, 2), title, SituationKind.ANALYSE, (1,), outcome=outcome),
            TODAY,
        )
    page.refresh()
    assert page.count_label.text() == "2 situaties"
    type_text(qtbot, page.search, "thermokoppel")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.row_at(0).title == "Ketel valt uit"
    page.table.selectRow(0)
    page.edit_situation()
    dialog = page.dialog
    clear_and_type(qtbot, dialog.title, "Ketel valt steeds uit")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert page.panel.title.text() == "Ketel valt steeds uit"


def test_the_search_finds_an_answer_and_marks_where(page, qtbot, store) -> None:
    """Typed without accents, a word only an answer holds finds the situation, and the
    panel marks it there."""
    from werkleren_desktop.domain.situations import Answer, SituationInput
    from werkleren_desktop.services.situations import list_questions, save_situation

    question = list_questions(store.sessions)[3]
    for title, answer in (
        ("Ketel valt uit", "Vragen aan Şükrü, hij kent dit type ketel."),
        ("Planning loopt uit", ""),
    ):
        answers = (Answer(question.id, question.text, answer),) if answer else ()
        save_situation(
            store.sessions,
            SituationInput(D(2026, 11, 2), title, SituationKind.ANALYSE, (1,), answers=answers),
            TODAY,
        )
    page.refresh()
    assert page.search.placeholderText() == "Zoek in alles wat er staat, ook de antwoorden"
    type_text(qtbot, page.search, "sukru")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.table.selectRow(0)
    body = page.panel.body.text()
    assert f"<b>{question.text}</b>" in body
    assert "<span style='background-color:#fff0a0'>Şükrü</span>, hij kent" in body


def test_the_ai_prompt_names_no_one_and_is_copied(page, qtbot, store) -> None:
    from PySide6.QtWidgets import QApplication

    from werkleren_desktop.domain.situations import Answer, SituationInput
    from werkleren_desktop.services.situations import save_situation

    sid = save_situation(
        store.sessions,
        SituationInput(
            D(2026, 11, 2),
            "Ketel valt uit",
            SituationKind.ANALYSE,
            (1,),
            description=(
                "Łukasz Wójcik belde Sanne over de storing bij mevrouw De Jong in Zwolle "
                "(06-12345678, dejong@ziggo.nl)."
            ),
            answers=(Answer(None, "Wat gebeurde er?", "De Jong had het koud."),),
        ),
        TODAY,
    )
    page.refresh()
    page.select_record(sid)
    qtbot.mouseClick(page.panel.ai_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.windowTitle() == "Vraag een AI-assistent"
    prompt = dialog.prompt.toPlainText()
    assert (
        "Monteur A belde Monteur B over de storing bij mevrouw A in Zwolle "
        "([telefoonnummer], [e-mailadres])."
    ) in prompt
    assert "- Wat gebeurde er?\n  Mevrouw A had het koud." in prompt  # the answers go along
    for personal in ("Łukasz", "Sanne", "Jansen", "De Jong", "06-12345678", "dejong@"):
        assert personal not in prompt
    assert dialog.marked_texts() == [
        "Monteur A",
        "Monteur B",
        "A",
        "[telefoonnummer]",
        "[e-mailadres]",
        "Mevrouw A",
    ]
    assert dialog.replaced.text() == (
        "Vervangen (geel gemarkeerd): e-mailadressen 1, telefoonnummers 1, namen na een "
        "aanspreekvorm of rol 2, namen van mensen in het programma 2."
    )
    # the user's own change stays when the question changes, until they build it again
    dialog.prompt.moveCursor(QTextCursor.MoveOperation.End)
    type_text(qtbot, dialog.prompt, " Het gaat om een combiketel.")
    dialog.question.setCurrentText("Hoe voorkomen we dit?")
    assert dialog.prompt.toPlainText().endswith("Het gaat om een combiketel.")
    assert dialog.rebuild_button.isVisible()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == dialog.prompt.toPlainText()
    assert dialog.copied.text().startswith("Gekopieerd. Lees hem nog één keer na")
    qtbot.mouseClick(dialog.rebuild_button, Qt.MouseButton.LeftButton)
    assert "Hoe voorkomen we dit?" in dialog.prompt.toPlainText()
    assert "combiketel" not in dialog.prompt.toPlainText()
    assert not dialog.rebuild_button.isVisible()


def test_the_ai_helper_beside_the_question_that_invites_it(page, qtbot) -> None:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    (button,) = dialog.ai_buttons  # only question 5 mentions an AI assistant
    type_text(qtbot, dialog.title, "Klant klaagt over lawaai")
    type_text(qtbot, dialog.description, "Klant dhr. Smit, Kerkweg 4, hoort de buitenunit.")
    type_text(qtbot, dialog.questions[0][1], "Smit belde twee keer.")
    type_text(qtbot, dialog.minutes, "drie kwartier")  # not a number: no matter for the AI
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    helper = dialog.ai_dialog
    assert helper.isVisible()
    assert helper.question.currentText().startswith("Welke oplossingen kun je bedenken?")
    prompt = helper.prompt.toPlainText()
    assert "Klant dhr. A, [adres], hoort de buitenunit." in prompt
    assert "Klant dhr. A belde twee keer." in prompt
    assert "Smit" not in prompt and "Kerkweg" not in prompt
    helper.reject()
    assert dialog.isVisible()  # the form is still there, with what was typed
    assert dialog.title.text() == "Klant klaagt over lawaai"


def test_person_and_group_pages_show_their_situations(make_window, store) -> None:
    from werkleren_desktop.domain.groups import GroupInput
    from werkleren_desktop.domain.situations import SituationInput
    from werkleren_desktop.services.groups import save_group
    from werkleren_desktop.services.situations import save_situation

    create_organisation(store.sessions, OrganisationSettings(name="Van Dijk"))
    person = save_person(store.sessions, PersonInput("Łukasz", "Wójcik", D(2020, 1, 1)), TODAY)
    group = save_group(store.sessions, GroupInput("Warmtepompen", D(2026, 1, 1)))
    save_situation(
        store.sessions,
        SituationInput(
            D(2026, 11, 2), "Ketel valt uit", SituationKind.ANALYSE, (person,), group_id=group
        ),
        TODAY,
    )
    window = make_window()
    window.show_area("people")
    window.people_page.select_record(person)
    text = window.people_page.panel.situations.text()
    assert "1 situatie" in text and "02-11-2026 · Ketel valt uit" in text
    window.show_area("groups")
    window.groups_page.select_record(group)
    assert "Ketel valt uit" in window.groups_page.panel.situations.text()

    # the link under them opens the learning log filtered on that group
    window.groups_page.panel.situations.linkActivated.emit("#all")
    assert window.current_area() == "situations"
    page = window.situations_page
    assert page.group_box.currentText() == "Warmtepompen"
    assert [page.model.row_at(i).title for i in range(page.model.rowCount())] == ["Ketel valt uit"]
    window.show_area("people")
    window.people_page.panel.situations.linkActivated.emit("#all")
    assert page.person_box.currentText() == "Wójcik, Łukasz"
    assert page.group_box.currentIndex() == 0  # the earlier group filter is gone


def test_filtering_by_person_group_period_and_sorting(page, qtbot, store) -> None:
    from werkleren_desktop.domain.groups import GroupInput
    from werkleren_desktop.domain.situations import SituationInput
    from werkleren_desktop.services.groups import save_group
    from werkleren_desktop.services.situations import save_situation

    group = save_group(store.sessions, GroupInput("Warmtepompen", D(2024, 1, 1)))
    for day, title, who, group_id in (
        (D(2024, 3, 5), "Oude storing", (1,), None),
        (D(2025, 6, 1), "Buitenunit trilt", (2,), group),
        (D(2026, 11, 20), "Ketel valt uit", (1, 2), group),
    ):
        save_situation(
            store.sessions,
            SituationInput(day, title, SituationKind.ANALYSE, who, group_id=group_id),
            TODAY,
        )
    page.refresh()

    def titles() -> list[str]:
        return [page.model.row_at(i).title for i in range(page.model.rowCount())]

    assert titles() == ["Ketel valt uit", "Buitenunit trilt", "Oude storing"]  # newest first
    # the person filter: type part of a name among everyone, also those who left
    assert [page.person_box.itemText(i) for i in range(page.person_box.count())] == [
        "Iedereen",
        "Jansen, Sanne",
        "Wójcik, Łukasz",
    ]
    page.person_box.setCurrentIndex(page.person_box.findText("Jansen, Sanne"))
    assert titles() == ["Ketel valt uit", "Buitenunit trilt"]
    page.group_box.setCurrentIndex(page.group_box.findText("Warmtepompen"))
    periods = [page.period_box.itemText(i) for i in range(page.period_box.count())]
    assert periods == [
        "Altijd",
        "Afgelopen 30 dagen",
        "Afgelopen 12 maanden",
        "2026",
        "2025",
        "2024",
    ]
    page.period_box.setCurrentIndex(page.period_box.findText("2025"))
    assert titles() == ["Buitenunit trilt"]
    assert page.count_label.text() == "1 situatie"
    page.period_box.setCurrentIndex(page.period_box.findText("Afgelopen 30 dagen"))
    assert titles() == ["Ketel valt uit"]

    qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    assert titles() == ["Ketel valt uit", "Buitenunit trilt", "Oude storing"]
    # sorting happens in the database: a header click orders all matches
    page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert titles() == ["Buitenunit trilt", "Ketel valt uit", "Oude storing"]
    page.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # by who: only Łukasz first
    assert titles()[0] == "Oude storing"
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert titles() == ["Oude storing", "Buitenunit trilt", "Ketel valt uit"]


def test_linking_a_situation_to_a_group(page, qtbot, store) -> None:
    from werkleren_desktop.domain.groups import GroupInput
    from werkleren_desktop.services.groups import save_group

    group = save_group(store.sessions, GroupInput("Warmtepompen", D(2026, 1, 1)))
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    type_text(qtbot, dialog.title, "Buitenunit trilt")
    pick(dialog.people, "Sanne")
    dialog.group.setCurrentIndex(dialog.group.findText("Warmtepompen"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    rows = list_situations(store.sessions, SituationFilter(group_id=group))
    assert [r.title for r in rows] == ["Buitenunit trilt"]


def test_a_draft_survives_a_crash_and_is_offered_back(page, qtbot, store, make_window) -> None:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog._draft_timer.isActive()  # written every few seconds while typing
    type_text(qtbot, dialog.title, "Tillift werkte niet")
    pick(dialog.people, "Sanne")
    type_text(qtbot, dialog.description, "De accu was leeg.")
    type_text(qtbot, dialog.questions[2][1], "Laadstation nakijken")
    type_text(qtbot, dialog.minutes, "twintig")  # not valid yet, still kept as typed
    dialog.keep_draft()
    assert (store.paths.drafts / "situation.json").exists()

    # the program dies: the dialog is gone without saving or discarding
    dialog.hide()
    window = make_window()
    assert "niet opgeslagen" in window.statusBar().currentMessage()
    window.show_area("situations")
    page2 = window.situations_page
    assert page2.draft_banner.isVisible()
    assert "Tillift werkte niet" in page2.draft_banner.label.text()
    qtbot.mouseClick(page2.draft_banner.resume_button, Qt.MouseButton.LeftButton)
    resumed = page2.dialog
    assert not page2.draft_banner.isVisible()
    assert resumed.title.text() == "Tillift werkte niet"
    assert resumed.description.toPlainText() == "De accu was leeg."
    assert resumed.questions[2][1].toPlainText() == "Laadstation nakijken"
    assert resumed.minutes.text() == "twintig"
    assert resumed.people.chosen() == (2,)
    qtbot.mouseClick(resumed.save_button, Qt.MouseButton.LeftButton)
    assert resumed.error_label.text() == "‘twintig’ is geen aantal minuten."
    clear_and_type(qtbot, resumed.minutes, "20")
    qtbot.mouseClick(resumed.save_button, Qt.MouseButton.LeftButton)
    assert not resumed.isVisible()
    assert not (store.paths.drafts / "situation.json").exists()
    assert page2.panel.title.text() == "Tillift werkte niet"


def test_quitting_with_an_open_form_asks_first(page, qtbot, store, fake_prompts) -> None:
    window = page.window()
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    type_text(qtbot, dialog.title, "Half opgeschreven")
    dialog.keep_draft()
    fake_prompts.confirm_answer = False
    assert not window.close()
    assert window.isVisible() and dialog.isVisible()
    assert fake_prompts.asked[-1] == (
        "Er staat een formulier open met wijzigingen die niet zijn opgeslagen. "
        "Afsluiten zonder ze op te slaan?"
    )
    fake_prompts.confirm_answer = True
    assert window.close()
    assert not dialog.isVisible()
    assert not (store.paths.drafts / "situation.json").exists()  # the user chose to drop it


def test_a_new_situation_offers_the_waiting_draft(page, qtbot, store, fake_prompts) -> None:
    page.drafts.save("situation", None, {"title": "Van gisteren"})
    fake_prompts.confirm_answer = True
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert page.dialog.title.text() == "Van gisteren"
    page.dialog.discard()
    page.drafts.save("situation", None, {"title": "Van gisteren"})
    fake_prompts.confirm_answer = False  # start a new one instead
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert page.dialog.title.text() == ""
    assert page.waiting_draft() is None


def test_a_one_letter_search_says_more_than(page, qtbot, store, monkeypatch) -> None:
    from werkleren_desktop.domain.situations import SituationInput
    from werkleren_desktop.gui.situations import page as page_module
    from werkleren_desktop.services import situations
    from werkleren_desktop.services.situations import save_situation

    for title in ("Ketel valt uit", "Klant belt terug", "Keuken lekt"):
        save_situation(
            store.sessions,
            SituationInput(D(2026, 11, 2), title, SituationKind.ANALYSE, (1,)),
            TODAY,
        )
    monkeypatch.setattr(situations, "COUNT_CAP", 2)
    monkeypatch.setattr(page_module, "COUNT_CAP", 2)
    type_text(qtbot, page.search, "k")
    qtbot.waitUntil(lambda: page.count_label.text() == "meer dan 2 situaties")
    type_text(qtbot, page.search, "l")
    qtbot.waitUntil(lambda: page.count_label.text() == "1 situatie")


def test_the_form_asks_what_matters_first_and_the_rest_on_request(page, qtbot, store) -> None:
    """A new situation shows the organisation's first three questions and the one that
    invites an AI assistant; the others, what AI did and who was consulted come on
    request. A situation that answered a later question shows it at once."""
    from werkleren_desktop.services.situations import get_situation

    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog

    def shown() -> list[int]:
        return [n for n, (_q, edit) in enumerate(dialog.questions) if edit.isVisibleTo(dialog)]

    assert shown() == [0, 1, 2, 4]  # the fifth invites an AI assistant
    assert dialog.more_button.text() == "Nog 6 richtinggevende vragen tonen…"
    assert not dialog.ai_tool.isVisibleTo(dialog) and not dialog.consulted.isVisibleTo(dialog)
    type_text(qtbot, dialog.title, "Overdracht avonddienst")
    pick(dialog.people, "Sanne")
    qtbot.mouseClick(dialog.more_button, Qt.MouseButton.LeftButton)
    assert shown() == list(range(10)) and not dialog.more_button.isVisibleTo(dialog)
    assert dialog.focusWidget() is dialog.questions[3][1]  # the first that was out of sight
    type_text(qtbot, dialog.questions[7][1], "Samen puzzelen gaf energie.")
    dialog.ai_used.setChecked(True)
    assert dialog.ai_tool.isVisibleTo(dialog)
    type_text(qtbot, dialog.ai_tool, "Le Chat")
    qtbot.mouseClick(dialog.consulted_button, Qt.MouseButton.LeftButton)
    assert dialog.consulted.isVisibleTo(dialog)
    assert dialog.focusWidget() is dialog.consulted.search
    type_text(qtbot, dialog.consulted_outside, "de leverancier")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.error_label.text()

    page.table.selectRow(0)
    saved = get_situation(store.sessions, page.model.row_at(0).id)
    assert [a.answer for a in saved.answers] == ["Samen puzzelen gaf energie."]
    assert saved.ai_tool == "Le Chat" and saved.consulted_outside == ("de leverancier",)
    page.edit_situation()
    dialog = page.dialog
    assert shown() == [0, 1, 2, 4, 7]  # what was answered shows
    assert dialog.more_button.text() == "Nog 5 richtinggevende vragen tonen…"
    assert dialog.ai_tool.isVisibleTo(dialog) and dialog.consulted.isVisibleTo(dialog)
    assert not dialog.consulted_button.isVisibleTo(dialog)


def test_a_restored_draft_shows_the_question_it_answered(page, qtbot) -> None:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    label, edit = dialog._answer_edits()[8]
    assert not edit.isVisibleTo(dialog)
    dialog.restore_draft({"answers": [[label, "Voortaan bellen we terug."]], "consulted": []})
    assert edit.isVisibleTo(dialog) and edit.toPlainText() == "Voortaan bellen we terug."


def test_a_resumed_draft_of_a_record_changed_since_opens_the_choice(
    page, qtbot, store, make_window
) -> None:
    """A draft is kept with the version it was read at: after a crash, someone changed
    the situation; resuming and saving does not put the old title back silently."""
    from dataclasses import replace

    from werkleren_desktop.domain.situations import SituationInput
    from werkleren_desktop.gui.dialogs.conflict import ConflictDialog
    from werkleren_desktop.services.situations import read_situation, save_situation

    situation = save_situation(
        store.sessions,
        SituationInput(D(2026, 11, 20), "Lek bij de klant", SituationKind.IMPROVE, (1,)),
        TODAY,
    )
    page.refresh()
    page.select_record(situation)
    page.edit_situation()
    dialog = page.dialog
    type_text(qtbot, dialog.description, "Koppeling was niet aangedraaid.")
    dialog.keep_draft()
    dialog.hide()  # the program dies with the form open

    stored, stamp = read_situation(store.sessions, situation)  # meanwhile, elsewhere
    save_situation(
        store.sessions,
        replace(stored, title="Lekkage bij de klant"),
        TODAY,
        situation,
        stamp.version,
    )

    window = make_window()
    window.show_area("situations")
    page2 = window.situations_page
    qtbot.mouseClick(page2.draft_banner.resume_button, Qt.MouseButton.LeftButton)
    resumed = page2.dialog
    assert resumed.description.toPlainText() == "Koppeling was niet aangedraaid."
    qtbot.mouseClick(resumed.save_button, Qt.MouseButton.LeftButton)
    conflict = resumed.conflict
    assert isinstance(conflict, ConflictDialog) and conflict.isVisible()
    rows = {c.key: c for c in conflict.changes}
    assert rows["title"].theirs_changed and not rows["title"].mine_changed
    assert rows["description"].mine_changed and not rows["description"].theirs_changed
    assert conflict.theirs_buttons["title"].isChecked()  # their new title, my description
    qtbot.mouseClick(conflict.merge_button, Qt.MouseButton.LeftButton)
    assert not resumed.isVisible()
    merged = get_situation(store.sessions, situation)
    assert merged.title == "Lekkage bij de klant"
    assert merged.description == "Koppeling was niet aangedraaid."


def test_who_knows_what_is_searched_by_name_group_or_topic(page, qtbot, store) -> None:
    from werkleren_desktop.domain.constants import SituationKind
    from werkleren_desktop.domain.groups import GroupInput
    from werkleren_desktop.domain.situations import SituationInput
    from werkleren_desktop.services.groups import save_group
    from werkleren_desktop.services.people import list_people
    from werkleren_desktop.services.situations import save_situation

    ids = {p.first_name: p.id for p in list_people(store.sessions)}
    save_situation(
        store.sessions,
        SituationInput(
            D(2026, 11, 2),
            "Warmtepomp maakt herrie",
            SituationKind.ANALYSE,
            (ids["Łukasz"],),
            consulted_ids=(ids["Sanne"],),
        ),
        TODAY,
    )
    save_group(store.sessions, GroupInput("Slimme meters", D(2026, 1, 1), expert_name="Ir. Volt"))
    qtbot.mouseClick(page.know_how_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.windowTitle() == "Wie weet wat"
    names = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert names == ["Sanne Jansen", "Ir. Volt"]  # the most consulted first
    assert dialog.table.item(0, 3).text() == "Warmtepomp maakt herrie"
    assert dialog.table.item(1, 1).text() == "Slimme meters"
    type_text(qtbot, dialog.search, "warmtepomp")
    assert dialog.table.rowCount() == 1 and dialog.count.text() == "1 van 2 mensen om te vragen."
    dialog.search.setText("slimme")
    assert dialog.table.item(0, 0).text() == "Ir. Volt"
    dialog.reject()


def test_cards_to_fill_in_by_hand_ask_the_organisations_own_questions(
    page, qtbot, fake_prompts, tmp_path
) -> None:
    from pypdf import PdfReader

    from werkleren_desktop.services.situations import list_questions

    qtbot.mouseClick(page.cards_button, Qt.MouseButton.LeftButton)
    preview = page.preview
    assert preview.windowTitle() == "Kaarten om in te vullen"
    fake_prompts.save_file = tmp_path / "kaarten.pdf"
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(fake_prompts.save_file).pages]
    assert len(pages) == 2
    situation, request = pages
    first = [q.text for q in list_questions(page.sessions)][:3]
    assert situation.count("Een werksituatie om van te leren") == 2
    assert all(situation.count(question) == 2 for question in first)
    assert "als door jou ingebracht" in situation and "Soort: ☐ analyseren" in situation
    assert situation.count("☐ Het begon met een fout of een bijna-fout") == 2
    assert request.count("Een leervraag") == 2
    assert "Ik vraag om: ☐ Een opleiding" in request
    assert "Datum en paraaf leidinggevende" in request
    preview.reject()


def test_a_mistake_is_learned_from_with_questions_that_blame_no_one(page, qtbot, store) -> None:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert not dialog.mistake_box.isVisibleTo(dialog)  # most situations are no mistake
    type_text(qtbot, dialog.title, "Verkeerde versie verstuurd")
    pick(dialog.people, "Sanne")
    dialog.from_mistake.setFocus()
    qtbot.keyClick(dialog.from_mistake, Qt.Key.Key_Space)  # ticked with the keyboard
    assert dialog.from_mistake.isChecked() and dialog.mistake_box.isVisibleTo(dialog)
    asked = [question.question_text for question, _edit in dialog.mistakes]
    assert asked[0].startswith("Wat gebeurde er, stap voor stap")
    assert "niet wie het deed" in asked[0]
    assert asked[1] == (
        "Wat maakte het mogelijk: de omstandigheden, het gereedschap, de instructies, de tijdsdruk?"
    )
    assert dialog.focusWidget() is dialog.mistakes[0][1]  # straight to the first question
    type_text(qtbot, dialog.mistakes[0][1], "De klant kreeg de prijzen van vorig jaar.")
    type_text(qtbot, dialog.mistakes[1][1], "Twee versies in een map.")
    type_text(qtbot, dialog.questions[0][1], "Een gewone richtinggevende vraag.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.error_label.text()

    situation_id = page.model.row_at(0).id
    saved = get_situation(store.sessions, situation_id)
    assert saved.from_mistake
    # the mistake's answers first, with their questions as they read, then the others
    assert [(a.question_id is None, a.answer) for a in saved.answers] == [
        (True, "De klant kreeg de prijzen van vorig jaar."),
        (True, "Twee versies in een map."),
        (False, "Een gewone richtinggevende vraag."),
    ]
    page.table.selectRow(0)
    assert "begon met een fout of een bijna-fout" in page.panel.facts.text()
    assert "Twee versies in een map." in page.panel.body.text()
    # the kind filter's last choice finds the mistakes
    box = page.kind_box
    box.setCurrentIndex(box.count() - 1)
    assert box.currentText() == "Begon met een fout of een bijna-fout"
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    box.setCurrentIndex(box.findData(SituationKind.IMPROVE))  # it is of the kind analysing
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    box.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.table.selectRow(0)

    # opened again, the answers are back under their own questions, not as loose ones
    page.edit_situation()
    dialog = page.dialog
    assert dialog.from_mistake.isChecked() and dialog.mistake_box.isVisibleTo(dialog)
    assert dialog.mistakes[1][1].toPlainText() == "Twee versies in een map."
    assert len(dialog.questions) == 10  # the ten guiding questions, no loose answers
    # unticked, what was typed stays in the form but is not saved with the situation
    dialog.from_mistake.setChecked(False)
    assert not dialog.mistake_box.isVisibleTo(dialog)
    assert dialog.mistakes[0][1].toPlainText() == "De klant kreeg de prijzen van vorig jaar."
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.error_label.text()
    saved = get_situation(store.sessions, situation_id)
    assert not saved.from_mistake
    assert [a.answer for a in saved.answers] == ["Een gewone richtinggevende vraag."]

"""The scan's forms: its date and name, and one respondent's scores."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.documents.scan_rows import version_text
from werkleren_desktop.domain.scans import (
    HIGHEST,
    LOWEST,
    QUESTION_TITLES,
    QUESTIONNAIRE,
    QUESTIONNAIRE_NAMES,
    SOURCE,
    Answer,
    Characteristic,
    Question,
    ScanInput,
    of_question,
)
from werkleren_desktop.gui.dialogs.form_dialog import FormDialog
from werkleren_desktop.gui.widgets import date_edit, from_qdate, hint, scrolling, section
from werkleren_desktop.i18n import _
from werkleren_desktop.services.scans import save_response, save_scan

NOT_APPLICABLE = 0  # the id of the "n/a" button in an answer's button group


class ScanDialog(FormDialog):
    """A new scan, or a change of its date, name, note and questionnaire version (the
    version only while no form was entered)."""

    def __init__(
        self,
        sessions: SessionFactory,
        today: dt.date,
        scan: ScanInput | None = None,
        scan_id: int | None = None,
        parent: QWidget | None = None,
        has_forms: bool = False,
    ) -> None:
        super().__init__(_("Change scan") if scan_id else _("New scan"), parent)
        self.sessions = sessions
        self.today = today
        self.scan_id = scan_id
        self.saved_id: int | None = None
        data = scan or ScanInput(today, "")
        self.held_on = date_edit(data.held_on)
        self.title = QLineEdit(data.title)
        self.title.setPlaceholderText(_("for example: Team session spring"))
        self.note = QPlainTextEdit(data.note)
        self.note.setPlaceholderText(_("Who took part, what prompted the scan (optional)"))
        self.note.setFixedHeight(80)
        self.questionnaire = QComboBox()
        for version in sorted(QUESTIONNAIRE_NAMES, reverse=True):
            self.questionnaire.addItem(_(QUESTIONNAIRE_NAMES[version]), version)
        self.questionnaire.setCurrentIndex(self.questionnaire.findData(data.questionnaire))
        self.questionnaire.setEnabled(not has_forms)
        self.fields = {
            "held_on": self.held_on,
            "title": self.title,
            "note": self.note,
            "questionnaire": self.questionnaire,
        }
        form = QFormLayout()
        form.addRow(_("Date"), self.held_on)
        form.addRow(_("Name"), self.title)
        form.addRow(_("Note"), self.note)
        form.addRow(_("Questionnaire"), self.questionnaire)
        form.addRow(
            "",
            hint(
                _("The forms of this scan were filled in with this version; it no longer changes.")
                if has_forms
                else _(
                    "Choose version 1 only for paper forms printed with an earlier release "
                    "of the program: a comparison with a scan of the other version marks the "
                    "rows worded differently."
                )
            ),
        )
        if scan_id is None:
            form.addRow(
                "",
                hint(
                    _(
                        "Fill in the scan yourself, or print a blank form for each person of "
                        "a team session and enter the forms one by one: the results stay "
                        "anonymous."
                    )
                ),
            )
        self.setMinimumWidth(460)
        self.finish_layout(form)

    def chosen_questionnaire(self) -> int:
        return int(self.questionnaire.currentData())

    def snapshot(self) -> object:
        return (
            self.held_on.date(),
            self.title.text(),
            self.note.toPlainText(),
            self.chosen_questionnaire(),
        )

    def save(self) -> None:
        data = ScanInput(
            from_qdate(self.held_on.date()),
            self.title.text(),
            self.note.toPlainText(),
            self.chosen_questionnaire(),
        )
        self.saved_id = save_scan(self.sessions, data, self.today, self.scan_id)


def low_cell(c: Characteristic, questionnaire: int) -> str:
    """The form's left column as rich text: a culture trait's name, a goal with what
    a 1 means beneath it, or the scale's traditional end."""
    if c.is_culture:
        return f"<b>{html.escape(c.label())}</b>"
    goal = c.goal(questionnaire)
    low = html.escape(c.low_end(questionnaire))
    return f"<b>{html.escape(goal)}</b><br>{low}" if goal else low


class AnswerRow:
    """One characteristic's buttons (1–5, n/a) and remark."""

    def __init__(self, answer: Answer | None) -> None:
        self.group = QButtonGroup()
        self.group.setExclusive(False)  # a second click on the chosen score clears it
        self.buttons: dict[int, QRadioButton] = {}
        for score in [*range(LOWEST, HIGHEST + 1), NOT_APPLICABLE]:
            button = QRadioButton("" if score else _("n/a"))
            button.setAutoExclusive(False)
            self.group.addButton(button, score)
            self.buttons[score] = button
        self.group.idToggled.connect(self._toggled)
        self.remark = QLineEdit()
        self.remark.setPlaceholderText(_("Remark (optional)"))
        if answer is not None:
            self.set(answer)

    def _toggled(self, chosen: int, checked: bool) -> None:
        if not checked:
            return
        for score, button in self.buttons.items():
            if score != chosen and button.isChecked():
                button.setChecked(False)

    def set(self, answer: Answer) -> None:
        chosen = NOT_APPLICABLE if answer.not_applicable else answer.score
        for score, button in self.buttons.items():
            button.setChecked(score == chosen)
        self.remark.setText(answer.remark)

    def answer(self) -> Answer:
        chosen = self.group.checkedId()
        return Answer(
            score=chosen if chosen >= LOWEST else None,
            not_applicable=chosen == NOT_APPLICABLE,
            remark=self.remark.text(),
        )


class ResponseDialog(FormDialog):
    """One respondent's form: a score from 1 (existing) to 5 (sustainable) or n/a for
    each characteristic, with an optional remark."""

    def __init__(
        self,
        sessions: SessionFactory,
        scan_id: int,
        scan_title: str,
        answers: dict[str, Answer] | None = None,
        response_id: int | None = None,
        number: int | None = None,
        parent: QWidget | None = None,
        questionnaire: int = QUESTIONNAIRE,
    ) -> None:
        title = (
            _("Form {n} of “{scan}”").format(n=number, scan=scan_title)
            if number is not None
            else _("New form for “{scan}”").format(scan=scan_title)
        )
        super().__init__(title, parent)
        self.sessions = sessions
        self.scan_id = scan_id
        self.scan_title = scan_title
        self.number = number
        self.response_id = response_id
        self.questionnaire = questionnaire
        self.saved_id: int | None = None
        answers = answers or {}
        self.rows: dict[str, AnswerRow] = {}

        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(
            hint(
                _(
                    "Score each characteristic from 1 (as in the existing learning perspective, "
                    "left) to 5 (as in the sustainable one, right), or “n/a”; a goal from 1 "
                    "(not reached yet) to 5 (fully reached). Click a chosen score again to "
                    "leave it open."
                )
            )
        )
        column.addWidget(hint(version_text(questionnaire)))
        # one grid for every question, so that the columns line up down the form
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        line = 0
        heads = ["", _("1 means"), *map(str, range(LOWEST, HIGHEST + 1)), "", _("5 means"), ""]
        for question in Question:
            grid.addWidget(section(_(QUESTION_TITLES[question])), line, 0, 1, len(heads))
            line += 1
            for index, head in enumerate(heads):
                centred = 2 <= index <= 6
                grid.addWidget(
                    QLabel(f"<b>{head}</b>"),
                    line,
                    index,
                    Qt.AlignmentFlag.AlignCenter if centred else Qt.AlignmentFlag.AlignLeft,
                )
            line += 1
            for c in of_question(question):
                row = AnswerRow(answers.get(c.key))
                self.rows[c.key] = row
                low = QLabel(low_cell(c, questionnaire))
                low.setTextFormat(Qt.TextFormat.RichText)
                low.setToolTip(c.description())  # a culture trait as the article describes it
                high = QLabel(c.high_end(questionnaire))
                high.setTextFormat(Qt.TextFormat.PlainText)
                for label in (low, high):
                    label.setWordWrap(True)
                    label.setMinimumWidth(190)
                grid.addWidget(QLabel(f"<b>{c.key}</b>"), line, 0)
                grid.addWidget(low, line, 1)
                for offset, score in enumerate(range(LOWEST, HIGHEST + 1)):
                    button = row.buttons[score]
                    button.setAccessibleName(
                        _("{key}: score {score}").format(key=c.key, score=score)
                    )
                    grid.addWidget(button, line, 2 + offset, Qt.AlignmentFlag.AlignCenter)
                grid.addWidget(row.buttons[NOT_APPLICABLE], line, 7)
                grid.addWidget(high, line, 8)
                grid.addWidget(row.remark, line, 9)
                self.fields[c.key] = row.buttons[LOWEST]
                line += 1
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(8, 2)
        grid.setColumnStretch(9, 2)
        column.addLayout(grid)
        column.addWidget(hint(_(SOURCE)))
        self.resize(1180, 720)
        layout = QVBoxLayout()
        layout.addWidget(scrolling(content))
        self.finish_layout(layout)

    def answers(self) -> dict[str, Answer]:
        return {key: row.answer() for key, row in self.rows.items()}

    def draft_state(self) -> dict[str, Any]:
        return {
            "scan_id": self.scan_id,
            "scan_title": self.scan_title,
            "number": self.number,
            "answers": {
                key: [a.score, a.not_applicable, a.remark]
                for key, a in self.answers().items()
                if not a.is_empty
            },
        }

    def restore_draft(self, state: dict[str, Any]) -> None:
        answers = state.get("answers")
        if not isinstance(answers, dict):
            return
        for key, value in answers.items():
            row = self.rows.get(key)
            if row is None or not isinstance(value, list) or len(value) != 3:
                continue  # a characteristic the program no longer has
            score, not_applicable, remark = value
            row.set(
                Answer(
                    score if isinstance(score, int) and LOWEST <= score <= HIGHEST else None,
                    bool(not_applicable) and not isinstance(score, int),
                    str(remark),
                )
            )

    def snapshot(self) -> object:
        return {key: a for key, a in self.answers().items() if not a.is_empty}

    def save(self) -> None:
        self.saved_id = save_response(self.sessions, self.scan_id, self.answers(), self.response_id)

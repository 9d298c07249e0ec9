"""Logging a learning situation as it happens, or changing one."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.domain.constants import (
    GroupStatus,
    SituationKind,
    SituationStatus,
)
from werkleren_desktop.domain.people import sort_key
from werkleren_desktop.domain.situations import (
    KIND_LABELS,
    STATUS_LABELS,
    Answer,
    QuestionRow,
    SituationInput,
    mistake_questions,
    parse_minutes,
)
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.gui.dialogs.form_dialog import FormDialog
from werkleren_desktop.gui.situations.ai_prompt_dialog import AiPromptDialog
from werkleren_desktop.gui.situations.people_picker import PeoplePicker
from werkleren_desktop.gui.training.functions import SkillChoice
from werkleren_desktop.gui.widgets import (
    date_edit,
    find_by_any_part,
    from_qdate,
    hint,
    scrolling,
    to_qdate,
)
from werkleren_desktop.i18n import _, n_
from werkleren_desktop.services.groups import GroupRow
from werkleren_desktop.services.people import PersonRow
from werkleren_desktop.services.situations import (
    list_questions,
    read_situation,
    roles_of_people,
    save_situation,
)
from werkleren_desktop.services.versions import Stamp

QUESTIONS_FIRST = 3  # the organisation's first questions show at once, the rest on request
# a guiding question that invites an AI assistant gets the AI helper's button beside it
_INVITES_AI = re.compile(r"\bAI\b|(?i:kunstmatige intelligentie|artificial intelligence)")


def _text(value: str = "", height: int = 60) -> QPlainTextEdit:
    edit = QPlainTextEdit(value)
    edit.setTabChangesFocus(True)  # Tab moves on: quick to fill in with the keyboard
    edit.setFixedHeight(height)
    return edit


def _question_of(source: QuestionRow | Answer) -> tuple[int | None, str]:
    """The id and the text of the question a field answers: an earlier answer keeps the
    text it answered, an open field follows the organisation's current set."""
    if isinstance(source, QuestionRow):
        return source.id, source.text
    return source.question_id, source.question_text


class SituationDialog(FormDialog):
    def __init__(
        self,
        sessions: SessionFactory,
        people: list[PersonRow],
        groups: list[GroupRow],
        questions: list[QuestionRow],
        today: dt.date,
        situation: SituationInput | None = None,
        situation_id: int | None = None,
        parent: QWidget | None = None,
        stamp: Stamp | None = None,
    ) -> None:
        super().__init__(
            _("Change learning situation") if situation_id else _("New learning situation"),
            parent,
        )
        self.sessions = sessions
        self.opened_with = (people, groups, questions)  # to open it again as stored
        self.today = today
        self.situation_id = situation_id
        self.saved_id: int | None = None
        active = [p for p in people if not p.has_left(today)]
        seat = sessions.seat  # a professional or a manager logging their own: theirs
        data = situation or SituationInput(
            today,
            "",
            SituationKind.ANALYSE,
            (seat.person_id,) if seat is not None else (),
            brought_in_by=seat.person_id if seat is not None else None,
        )
        self.original_group, self.original_cycle = data.group_id, data.cycle_id

        self.occurred_on = date_edit(data.occurred_on)
        self.title = QLineEdit(data.title)
        self.kind = QComboBox()
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(_(label), kind)
        self.kind.setCurrentIndex(self.kind.findData(data.kind))
        self.from_mistake = QCheckBox(_("It began with a mistake or a near miss"))
        self.from_mistake.setChecked(data.from_mistake)
        # the skill a situation of the kind "zelf beter performen" built, at a level;
        # level 2 (with help) proposed
        self.skill_row = SkillChoice(
            sessions, data.skill_id, data.skill_level, 2,
            (_("Skill it built"), _("Level it showed")),
        )  # fmt: skip
        self.skill, self.skill_level = self.skill_row.skill, self.skill_row.level
        self.people = PeoplePicker(active, data.person_ids)
        # who raised it: the professional's initiative, recorded also when the owner
        # enters it for them ("ingebracht door")
        self.brought_in_by = QComboBox()
        self.brought_in_by.setEditable(True)  # type to find someone among hundreds
        self.brought_in_by.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.brought_in_by.addItem(_("— whoever enters it —"), None)
        for person in sorted(people, key=lambda r: sort_key(r.first_name, r.last_name)):
            if not person.has_left(today) or person.id == data.brought_in_by:
                self.brought_in_by.addItem(person.full_name, person.id)
        find_by_any_part(self.brought_in_by)
        self.brought_in_by.setCurrentIndex(max(0, self.brought_in_by.findData(data.brought_in_by)))
        self.description = _text(data.description, 70)
        self.group = QComboBox()
        self.group.addItem(_("(no learning group)"), None)
        for row in groups:
            if row.status is GroupStatus.ACTIVE or row.id == data.group_id:
                self.group.addItem(row.name, row.id)
        self.group.setCurrentIndex(max(0, self.group.findData(data.group_id)))

        # earlier answers keep the question they answered; open questions follow the set.
        # The first questions of the organisation's order, the one that invites an AI
        # assistant and every answered one show at once; the others on request.
        answered = {a.question_id: a for a in data.answers}
        self.questions: list[tuple[QuestionRow | Answer, QPlainTextEdit]] = []
        self.more_questions: list[QWidget] = []  # the rows shown on request

        # a mistake's own questions, which ask what made it possible, not who did it;
        # answered, they are kept with their text as any answer
        mistake_texts = mistake_questions()
        earlier = {a.question_text: a for a in data.answers if a.question_id is None}
        self.mistake_box = QGroupBox(_("Learning from a mistake, without blame"))
        mistake_form = QFormLayout(self.mistake_box)
        mistake_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        mistake_form.addRow(
            hint(
                _(
                    "Write down what happened and what made it possible, not who did it: a "
                    "mistake is a learning moment for everyone."
                )
            )
        )
        self.mistakes: list[tuple[Answer, QPlainTextEdit]] = []
        for text in mistake_texts:
            found = earlier.get(text)
            edit = _text(found.answer if found else "", 48)
            mistake_form.addRow(text, edit)
            self.mistakes.append((found or Answer(None, text, ""), edit))

        questions_box = QGroupBox(_("Guiding questions (answer what helps)"))
        self.questions_form = QFormLayout(questions_box)
        current = {q.id for q in questions}
        shown = [
            a
            for a in data.answers
            if a.question_id not in current
            and not (a.question_id is None and a.question_text in mistake_texts)
        ]
        for old in shown:
            edit = _text(old.answer, 48)
            self.questions_form.addRow(old.question_text, edit)
            self.questions.append((old, edit))
        self.ai_buttons: list[QPushButton] = []
        for place, question in enumerate(questions):
            previous = answered.get(question.id)
            edit = _text(previous.answer if previous else "", 48)
            label = previous.question_text if previous else question.text
            invites_ai = _INVITES_AI.search(label) is not None
            field = self._with_ai_button(edit, label) if invites_ai else edit
            self.questions_form.addRow(label, field)
            self.questions.append((previous or question, edit))
            if place >= QUESTIONS_FIRST and not invites_ai and previous is None:
                self.more_questions.append(field)
        self.more_button = QPushButton()
        self.more_button.clicked.connect(self.show_all_questions)
        self.questions_form.addRow(self.more_button)
        self.questions_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self._show_questions(all_of_them=not self.more_questions)

        self.tried = _text(data.tried)
        self.outcome = _text(data.outcome)
        self.next_step = _text(data.next_step, 48)
        self.status = QComboBox()
        for status, label in STATUS_LABELS.items():
            self.status.addItem(_(label), status)
        self.status.setCurrentIndex(self.status.findData(data.status))
        self.ai_used = QCheckBox(_("AI helped"))
        self.ai_used.setChecked(data.ai_used)
        self.ai_tool = QLineEdit(data.ai_tool)
        self.ai_tool.setPlaceholderText(_("Which tool, for example ChatGPT"))
        self.ai_contribution = _text(data.ai_contribution, 48)
        self.ai_checked = _text(data.ai_checked, 48)
        self.ai_used.toggled.connect(self._ai_toggled)
        self.consulted = PeoplePicker(people, data.consulted_ids)
        self.consulted_outside = QLineEdit(", ".join(data.consulted_outside))
        self.consulted_outside.setPlaceholderText(_("Outside experts, separated by commas"))
        self.minutes = QLineEdit("" if data.minutes is None else str(data.minutes))
        self.minutes.setMaximumWidth(100)
        self.in_working_time = QCheckBox(_("In working time"))
        self.in_working_time.setChecked(data.in_working_time)
        self.fields = {
            "title": self.title,
            "people": self.people.search,
            "occurred_on": self.occurred_on,
            "minutes": self.minutes,
            "brought_in_by": self.brought_in_by,
            "skill": self.skill,
            "skill_level": self.skill_level,
        }

        form = self.main_form = QFormLayout()
        form.addRow(_("Date"), self.occurred_on)
        form.addRow(_("Title"), self.title)
        form.addRow(_("Kind"), self.kind)
        form.addRow("", self.from_mistake)
        form.addRow(_("Skill it built"), self.skill_row)
        self.skill_row.setToolTip(
            _("Counts for the skill of everyone who learned, once the situation is done.")
        )
        form.addRow(_("Who learned"), self.people)
        form.addRow(_("Brought in by"), self.brought_in_by)
        form.addRow(_("The situation"), self.description)
        form.addRow(_("Learning group"), self.group)
        self.group.setToolTip(
            _("Logged during one of the group's week cycles, the situation belongs to that cycle.")
        )
        form.addRow(self.mistake_box)
        form.addRow(questions_box)
        form.addRow(_("What was tried"), self.tried)
        form.addRow(_("Outcome"), self.outcome)
        form.addRow(_("Next step"), self.next_step)
        form.addRow(_("Status"), self.status)
        form.addRow(_("Minutes spent"), self.minutes)
        form.addRow("", self.in_working_time)
        form.addRow("", self.ai_used)
        form.addRow(_("AI tool"), self.ai_tool)
        form.addRow(_("What AI contributed"), self.ai_contribution)
        form.addRow(_("What was checked or rejected"), self.ai_checked)
        # who was asked for help: a list of everyone, shown when someone was or on request
        self.consulted_button = QPushButton(_("Someone was consulted…"))
        self.consulted_button.clicked.connect(self.show_consulted)
        form.addRow("", self.consulted_button)
        form.addRow(_("Colleagues consulted"), self.consulted)
        form.addRow(_("Or from outside"), self.consulted_outside)
        consulted = bool(data.consulted_ids or data.consulted_outside)
        for widget in (self.consulted, self.consulted_outside):
            form.setRowVisible(widget, consulted)
        form.setRowVisible(self.consulted_button, not consulted)
        content = QWidget()
        content.setLayout(form)
        column = QVBoxLayout()
        column.addWidget(scrolling(content))
        self.setMinimumSize(700, 640)
        self._ai_toggled(data.ai_used)
        self.from_mistake.toggled.connect(self._mistake_toggled)
        self._mistake_toggled(data.from_mistake)
        self.kind.currentIndexChanged.connect(lambda _index: self._skill_changed())
        self._skill_changed()
        self.finish_layout(column)
        self.title.setFocus()
        if stamp is not None:
            self.follow_version(stamp, "learning_situation", situation_id)
            self.record_name = _("learning situation “{title}”").format(title=data.title)

    def version_parts(self) -> dict[str, QWidget]:
        return {
            "occurred_on": self.occurred_on,
            "title": self.title,
            "kind": self.kind,
            "from_mistake": self.from_mistake,
            "skill": self.skill,
            "skill_level": self.skill_level,
            "people": self.people,
            "brought_in_by": self.brought_in_by,
            "description": self.description,
            "group": self.group,
            **{f"answer:{label}": edit for label, edit in self._answer_edits()},
            "tried": self.tried,
            "outcome": self.outcome,
            "next_step": self.next_step,
            "status": self.status,
            "minutes": self.minutes,
            "in_working_time": self.in_working_time,
            "ai_used": self.ai_used,
            "ai_tool": self.ai_tool,
            "ai_contribution": self.ai_contribution,
            "ai_checked": self.ai_checked,
            "consulted": self.consulted,
            "consulted_outside": self.consulted_outside,
        }

    def part_label(self, key: str, widget: QWidget) -> str:
        if key.startswith("answer:"):
            return key.removeprefix("answer:")
        return super().part_label(key, widget)

    def read_again(self) -> tuple[FormDialog, Stamp]:
        assert self.situation_id is not None
        situation, stamp = read_situation(self.sessions, self.situation_id)
        people, groups, questions = self.opened_with
        again = SituationDialog(
            self.sessions, people, groups, questions, self.today, situation, self.situation_id
        )
        return again, stamp

    def _show_questions(self, *, all_of_them: bool) -> None:
        for field in self.more_questions:
            self.questions_form.setRowVisible(field, all_of_them)
        self.more_button.setText(
            n_(
                "Show {n} more guiding question…",
                "Show {n} more guiding questions…",
                len(self.more_questions),
            ).format(n=len(self.more_questions))
        )
        self.questions_form.setRowVisible(self.more_button, not all_of_them)

    def show_all_questions(self) -> None:
        """Every guiding question, the next one after those shown focused."""
        hidden = [f for f in self.more_questions if not f.isVisible()]
        self._show_questions(all_of_them=True)
        if hidden:
            hidden[0].setFocus()

    def show_consulted(self) -> None:
        for widget in (self.consulted, self.consulted_outside):
            self.main_form.setRowVisible(widget, True)
        self.main_form.setRowVisible(self.consulted_button, False)
        self.consulted.search.setFocus()

    def _with_ai_button(self, edit: QPlainTextEdit, question: str) -> QWidget:
        button = QPushButton(_("Ask an AI assistant…"))
        button.setToolTip(
            _(
                "Makes a prompt of this situation, without personal data, to copy into an AI "
                "assistant."
            )
        )
        button.clicked.connect(lambda: self.ask_ai(question))
        self.ai_buttons.append(button)
        edit.setAccessibleName(question)  # its label names the row, which holds the button too
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return holder

    def ask_ai(self, question: str) -> None:
        """The AI helper on what is in the form now, saved or not."""
        dialog = AiPromptDialog(
            self.form_input(strict=False),
            [q.text for q in list_questions(self.sessions)],
            roles_of_people(self.sessions),
            parent=self,
            question=question,
        )
        dialog.open()
        self.ai_dialog = dialog

    def _mistake_toggled(self, mistake: bool) -> None:
        """A mistake's questions show when the situation began with one; what was typed
        stays while the box is unticked, and is saved only with it ticked."""
        self.main_form.setRowVisible(self.mistake_box, mistake)
        if mistake and self.isVisible():
            self.mistakes[0][1].setFocus()

    def _skill_changed(self) -> None:
        """The skill row only for a situation of the kind "zelf beter performen", and
        only while the organisation keeps skills."""
        perform = self.kind.currentData() == SituationKind.PERFORM
        self.main_form.setRowVisible(self.skill_row, perform and self.skill_row.has_skills())

    def _ai_toggled(self, used: bool) -> None:
        """What AI did is asked only when it helped: the form stays short otherwise (what
        was typed stays, and is saved only with the box ticked)."""
        for widget in (self.ai_tool, self.ai_contribution, self.ai_checked):
            self.main_form.setRowVisible(widget, used)

    def form_input(self, *, strict: bool = True) -> SituationInput:
        """What the form holds; not ``strict``, minutes that are not a number are left out
        (for the AI helper, which needs no minutes)."""
        mistake = self.from_mistake.isChecked()
        perform = self.kind.currentData() == SituationKind.PERFORM  # (else no skill)
        asked = (self.mistakes if mistake else []) + self.questions
        answers = [Answer(*_question_of(source), edit.toPlainText()) for source, edit in asked]
        return SituationInput(
            occurred_on=from_qdate(self.occurred_on.date()),
            title=self.title.text(),
            kind=SituationKind(self.kind.currentData()),
            person_ids=self.people.chosen(),
            description=self.description.toPlainText(),
            group_id=self.group.currentData(),
            cycle_id=self.original_cycle
            if self.group.currentData() == self.original_group
            else None,
            answers=tuple(answers),
            tried=self.tried.toPlainText(),
            outcome=self.outcome.toPlainText(),
            next_step=self.next_step.toPlainText(),
            status=SituationStatus(self.status.currentData()),
            ai_used=self.ai_used.isChecked(),
            ai_tool=self.ai_tool.text(),
            ai_contribution=self.ai_contribution.toPlainText(),
            ai_checked=self.ai_checked.toPlainText(),
            consulted_ids=self.consulted.chosen(),
            consulted_outside=tuple(self.consulted_outside.text().split(",")),
            minutes=parse_minutes(self.minutes.text())
            if strict or self.minutes.text().strip().isdigit()
            else None,
            in_working_time=self.in_working_time.isChecked(),
            from_mistake=mistake,
            brought_in_by=self._brought_in_by(),
            skill_id=self.skill.currentData() if perform else None,
            skill_level=self.skill_level.currentData() if perform else None,
        )

    def _brought_in_by(self) -> int | None:
        box = self.brought_in_by
        if box.findText(box.currentText()) < 0:  # a name typed that is not in the list
            raise ValidationError(_("Choose a person from the list."), "brought_in_by")
        chosen: int | None = box.currentData()
        return chosen

    def snapshot(self) -> object:
        texts = [edit.toPlainText() for _source, edit in self.mistakes + self.questions]
        return (
            self.title.text(),
            self.description.toPlainText(),
            self.people.chosen(),
            self.brought_in_by.currentIndex(),
            self.from_mistake.isChecked(),
            self.skill.currentIndex(),
            self.skill_level.currentIndex(),
            self.tried.toPlainText(),
            self.outcome.toPlainText(),
            self.next_step.toPlainText(),
            self.minutes.text(),
            tuple(texts),
        )

    def draft_state(self) -> dict[str, Any]:
        return {
            "occurred_on": from_qdate(self.occurred_on.date()).isoformat(),
            "title": self.title.text(),
            "kind": str(self.kind.currentData()),
            "people": list(self.people.chosen()),
            "brought_in_by": self.brought_in_by.currentData(),
            "description": self.description.toPlainText(),
            "group_id": self.group.currentData(),
            "answers": [[label, edit.toPlainText()] for label, edit in self._answer_edits()],
            "tried": self.tried.toPlainText(),
            "outcome": self.outcome.toPlainText(),
            "next_step": self.next_step.toPlainText(),
            "status": str(self.status.currentData()),
            "ai_used": self.ai_used.isChecked(),
            "ai_tool": self.ai_tool.text(),
            "ai_contribution": self.ai_contribution.toPlainText(),
            "ai_checked": self.ai_checked.toPlainText(),
            "consulted": list(self.consulted.chosen()),
            "consulted_outside": self.consulted_outside.text(),
            "minutes": self.minutes.text(),
            "in_working_time": self.in_working_time.isChecked(),
            "from_mistake": self.from_mistake.isChecked(),
            "skill": self.skill.currentData(),
            "skill_level": self.skill_level.currentData(),
        }

    def restore_draft(self, state: dict[str, Any]) -> None:
        with contextlib.suppress(KeyError, TypeError, ValueError):
            self.occurred_on.setDate(to_qdate(dt.date.fromisoformat(state["occurred_on"])))
        for edit, key in (
            (self.title, "title"),
            (self.ai_tool, "ai_tool"),
            (self.consulted_outside, "consulted_outside"),
            (self.minutes, "minutes"),
        ):
            edit.setText(str(state.get(key, "")))
        for text_edit, key in (
            (self.description, "description"),
            (self.tried, "tried"),
            (self.outcome, "outcome"),
            (self.next_step, "next_step"),
            (self.ai_contribution, "ai_contribution"),
            (self.ai_checked, "ai_checked"),
        ):
            text_edit.setPlainText(str(state.get(key, "")))
        for box, key in (
            (self.kind, "kind"),
            (self.status, "status"),
            (self.group, "group_id"),
            (self.brought_in_by, "brought_in_by"),
            (self.skill, "skill"),
            (self.skill_level, "skill_level"),
        ):
            index = box.findData(state.get(key))
            if index >= 0:
                box.setCurrentIndex(index)
        self.people.set_chosen(tuple(state.get("people", ())))
        self.consulted.set_chosen(tuple(state.get("consulted", ())))
        if self.consulted.chosen() or self.consulted_outside.text().strip():
            self.show_consulted()
        self.ai_used.setChecked(bool(state.get("ai_used")))
        self.in_working_time.setChecked(bool(state.get("in_working_time", True)))
        self.from_mistake.setChecked(bool(state.get("from_mistake")))
        # answers go back to their question; one whose question left the form meanwhile
        # is kept below the situation, so nothing typed is lost
        edits = dict(self._answer_edits())
        answers = [a for a in state.get("answers") or () if isinstance(a, list) and len(a) == 2]
        for label, text in answers:
            if label in edits:
                edits[label].setPlainText(text)
            elif text:
                self.description.appendPlainText(f"\n{label}\n{text}")
        if any(text for label, text in answers if label in edits):
            self._show_questions(all_of_them=True)  # nothing restored stays out of sight

    def _answer_edits(self) -> list[tuple[str, QPlainTextEdit]]:
        """Each guiding question's text as the form shows it, with its answer field."""
        asked = self.questions + self.mistakes
        return [(_question_of(source)[1], edit) for source, edit in asked]

    def save(self) -> None:
        self.saved_id = save_situation(
            self.sessions, self.form_input(), self.today, self.situation_id, self.version
        )

"""The workbook of a week cycle: the question, the situations from the log it takes
up, what the group does each day and what it noted, and what came of it.

Three tabs, so that the form fits a laptop's screen: the question and situations, the
four days, and the result.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.domain.cycles import DayPlan, MethodRow, WorkbookInput
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.situations import KIND_LABELS, SituationLink
from werkleren_desktop.gui.dialogs.form_dialog import FormDialog
from werkleren_desktop.gui.widgets import hint
from werkleren_desktop.i18n import _
from werkleren_desktop.services.versions import Stamp
from werkleren_desktop.services.workbook import (
    CycleWorkbook,
    candidate_situations,
    cycle_workbook,
    list_methods,
    save_workbook,
)

ID_ROLE = Qt.ItemDataRole.UserRole


def situation_line(item: SituationLink) -> str:
    """A situation in one line: its date, title, kind and who learned from it."""
    kind = _(KIND_LABELS[item.kind])
    line = f"{format_date(item.occurred_on, 'short')} · {item.title} ({kind})"
    return f"{line} — {item.people}" if item.people else line


class SituationChooser(QListWidget):
    """The situations a cycle may take up, each with a box to tick."""

    def __init__(self, candidates: list[SituationLink], chosen: set[int]) -> None:
        super().__init__()
        self.setAlternatingRowColors(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)  # the whole line in its tooltip
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.titles: dict[int, str] = {}
        # those the cycle takes up first, then the others newest first, as given
        ordered = sorted(candidates, key=lambda c: c.id not in chosen)
        for candidate in ordered:
            line = situation_line(candidate)
            item = QListWidgetItem(line)
            item.setData(ID_ROLE, candidate.id)
            item.setToolTip(line)
            self.titles[candidate.id] = candidate.title
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if candidate.id in chosen else Qt.CheckState.Unchecked
            )
            self.addItem(item)
        if self.count():
            self.setCurrentRow(0)  # Space ticks at once, reached with Tab

    def chosen(self) -> tuple[int, ...]:
        return tuple(
            self.item(i).data(ID_ROLE)
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        )

    # as a part of a form (gui.form_parts)
    def part_value(self) -> list[int]:
        return sorted(self.chosen())

    def set_part_value(self, value: list[int]) -> None:
        for index in range(self.count()):
            item = self.item(index)
            chosen = item.data(ID_ROLE) in value
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)

    def part_text(self) -> str:
        return "; ".join(self.titles[situation_id] for situation_id in self.chosen())


def text_box(value: str, placeholder: str, height: int) -> QPlainTextEdit:
    box = QPlainTextEdit(value)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(height)
    return box


class WorkbookDialog(FormDialog):
    def __init__(
        self,
        sessions: SessionFactory,
        book: CycleWorkbook,
        methods: list[MethodRow] | None = None,
        candidates: list[SituationLink] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("Workbook of {group}").format(group=book.group_name), parent)
        self.sessions = sessions
        self.book = book
        methods = methods if methods is not None else list_methods(sessions)
        if candidates is None:
            candidates = candidate_situations(sessions, book.cycle_id)

        self.question = text_box(
            book.question,
            _(
                "The question the group works on, for example: how do we prevent a wound "
                "from opening again?"
            ),
            70,
        )
        self.question.setMaximumHeight(90)
        chosen = {s.id for s in book.taken_up}
        self.situations = SituationChooser(candidates, chosen)
        questions = QWidget()
        first = QFormLayout(questions)
        first.addRow(_("Question"), self.question)
        first.addRow(_("Situations from the log"), self.situations)
        first.addRow(
            "",
            hint(
                _(
                    "The situations of the group's members from the half year before the "
                    "cycle. Situations logged during the cycle belong to it by themselves."
                )
            ),
        )

        self.methods: list[QComboBox] = []
        self.notes: list[QPlainTextEdit] = []
        days = QWidget()
        second = QFormLayout(days)
        for day in book.days:
            box = QComboBox()
            box.addItem(_("(no method chosen)"), None)
            for method in methods:
                box.addItem(method.name, method.id)
                box.setItemData(box.count() - 1, method.traits(), Qt.ItemDataRole.ToolTipRole)
            if day.method is not None and box.findData(day.method.id) < 0:  # retired since
                box.addItem(day.method.name, day.method.id)
            box.setCurrentIndex(max(0, box.findData(day.method.id if day.method else None)))
            notes = text_box(day.notes, _("What the group noted"), 48)
            label = _("Day {n}, {date}").format(
                n=day.day_number, date=format_date(day.starts_at.date(), "short")
            )
            if day.cancelled:
                label += " (" + _("cancelled") + ")"
            second.addRow(label, box)
            second.addRow(_("Notes"), notes)
            self.methods.append(box)
            self.notes.append(notes)
            self.fields[f"method_{day.day_number}"] = box
            self.fields[f"notes_{day.day_number}"] = notes

        self.outcome = text_box(book.outcome, _("What the group learned or changed"), 70)
        self.next_step = text_box(book.next_step, _("What happens next, and who does it"), 60)
        results = QWidget()
        third = QFormLayout(results)
        third.addRow(_("What came of it"), self.outcome)
        third.addRow(_("Next step"), self.next_step)

        self.tabs = QTabWidget()
        self.tabs.addTab(questions, _("Question"))
        self.tabs.addTab(days, _("The four days"))
        self.tabs.addTab(results, _("Result"))
        self.fields.update(
            {"question": self.question, "outcome": self.outcome, "next_step": self.next_step}
        )
        column = QVBoxLayout()
        column.addWidget(self.tabs)
        self.setMinimumWidth(640)
        self.finish_layout(column)
        self.question.setFocus()
        self.follow_version(book.stamp, "week_cycle", book.cycle_id)
        self.record_name = _("the workbook of {group}").format(group=book.group_name)

    def version_parts(self) -> dict[str, QWidget]:
        parts: dict[str, QWidget] = {"question": self.question, "situations": self.situations}
        for number, (box, notes) in enumerate(zip(self.methods, self.notes, strict=True), 1):
            parts[f"method_{number}"] = box
            parts[f"notes_{number}"] = notes
        parts["outcome"] = self.outcome
        parts["next_step"] = self.next_step
        return parts

    def part_label(self, key: str, widget: QWidget) -> str:
        if key.startswith(("method_", "notes_")):
            number = key.split("_")[1]
            what = _("Working method") if key.startswith("method_") else _("Notes")
            return _("{what}, day {n}").format(what=what, n=number)
        return super().part_label(key, widget)

    def read_again(self) -> tuple[FormDialog, Stamp]:
        book = cycle_workbook(self.sessions, self.book.cycle_id)
        return WorkbookDialog(self.sessions, book), book.stamp

    def snapshot(self) -> object:
        return (
            self.question.toPlainText(),
            self.situations.chosen(),
            tuple(box.currentIndex() for box in self.methods),
            tuple(notes.toPlainText() for notes in self.notes),
            self.outcome.toPlainText(),
            self.next_step.toPlainText(),
        )

    def save(self) -> None:
        data = WorkbookInput(
            question=self.question.toPlainText(),
            situation_ids=self.situations.chosen(),
            days=tuple(
                DayPlan(day.session_id, box.currentData(), notes.toPlainText())
                for day, box, notes in zip(self.book.days, self.methods, self.notes, strict=True)
            ),
            outcome=self.outcome.toPlainText(),
            next_step=self.next_step.toPlainText(),
        )
        save_workbook(self.sessions, self.book.cycle_id, data, self.version)

"""Functions and skills: the organisation's two lists (a function with what it requires:
certificate types, and skills at a level), the job titles typed before there were
functions mapped once, and a level of a skill seen at work written down."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.domain.qualifications import (
    LEVELS,
    FunctionInput,
    SkillInput,
    SkillSeen,
    level_text,
)
from werkleren_desktop.gui.dialogs.form_dialog import FormDialog
from werkleren_desktop.gui.dialogs.list_dialog import ListActions, ListDialog
from werkleren_desktop.gui.rows_model import RowsTableModel
from werkleren_desktop.gui.widgets import (
    date_edit,
    from_qdate,
    hint,
    scrolling,
)
from werkleren_desktop.i18n import N_, _, n_
from werkleren_desktop.services.certificates import list_certificate_types
from werkleren_desktop.services.functions import (
    NEW_FUNCTION,
    FunctionRow,
    SkillRow,
    TypedTitle,
    list_functions,
    list_skills,
    map_titles,
    record_skill_seen,
    retire_function,
    retire_skill,
    save_function,
    save_skill,
)


def requires_text(row: FunctionRow) -> str:
    """ "BHV, VCA Basis; Solderen 3, Storing zoeken 2"."""
    certificates = ", ".join(name for _id, name in row.certificates)
    skills = ", ".join(f"{name} {level}" for _id, name, level in row.skills)
    return "; ".join(part for part in (certificates, skills) if part) or _("nothing yet")


def _offered(retired: bool) -> str:
    return _("no longer") if retired else _("yes")


class FunctionsDialog(ListDialog[FunctionRow]):
    def __init__(self, sessions: SessionFactory, parent: QWidget | None = None) -> None:
        model: RowsTableModel[FunctionRow] = RowsTableModel(
            (N_("Function"), N_("Requires"), N_("People"), N_("Offered")),
            lambda r: (r.name, requires_text(r), str(r.people) if r.people else "",
                       _offered(r.retired)),
        )  # fmt: skip
        super().__init__(
            sessions,
            _("Functions"),
            _(
                "The functions of the organisation and what each requires: certificates, "
                "and skills at a level. Someone's job title names their function; the "
                "matrix then shows what is missing or below the level required."
            ),
            model,
            _("New function…"),
            ListActions(
                lambda: list_functions(sessions, include_retired=True),
                lambda row: FunctionDialog(sessions, row, parent=self),
                lambda row: retire_function(sessions, row.id, not row.retired),
            ),
            parent,
        )


class SkillsDialog(ListDialog[SkillRow]):
    def __init__(self, sessions: SessionFactory, parent: QWidget | None = None) -> None:
        model: RowsTableModel[SkillRow] = RowsTableModel(
            (N_("Skill"), N_("Description"), N_("Offered")),
            lambda r: (r.name, r.description, _offered(r.retired)),
        )
        levels = "; ".join(level_text(level) for level in LEVELS)
        super().__init__(
            sessions,
            _("Skills"),
            _(
                "The skills of the organisation's own work. A followed training can grant "
                "one, a situation of the kind ‘zelf beter performen’ can build one, and a "
                "manager writes down a level seen at work. The levels: {levels}."
            ).format(levels=levels),
            model,
            _("New skill…"),
            ListActions(
                lambda: list_skills(sessions, include_retired=True),
                lambda row: SkillDialog(sessions, row, parent=self),
                lambda row: retire_skill(sessions, row.id, not row.retired),
            ),
            parent,
        )


class SkillDialog(FormDialog):
    def __init__(
        self, sessions: SessionFactory, row: SkillRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(_("Change skill") if row else _("New skill"), parent)
        self.sessions = sessions
        self.skill_id = row.id if row is not None else None
        self.saved_id: int | None = None
        self.name = QLineEdit(row.name if row else "")
        self.name.setPlaceholderText(_("for example Soldering"))
        self.description = QLineEdit(row.description if row else "")
        self.fields = {"name": self.name, "description": self.description}
        form = QFormLayout()
        form.addRow(_("Name"), self.name)
        form.addRow(_("Description"), self.description)
        self.setMinimumWidth(480)
        self.finish_layout(form)
        self.name.setFocus()

    def snapshot(self) -> object:
        return (self.name.text(), self.description.text())

    def save(self) -> None:
        data = SkillInput(self.name.text(), self.description.text())
        self.saved_id = save_skill(self.sessions, data, self.skill_id)


def level_box(none_label: str, chosen: int | None) -> QComboBox:
    """A choice of level, with ``none_label`` first (for None)."""
    box = QComboBox()
    box.addItem(none_label, None)
    for level in LEVELS:
        box.addItem(level_text(level), level)
    box.setCurrentIndex(max(0, box.findData(chosen)))
    return box


class SkillChoice(QWidget):
    """A skill of the list and its level side by side (a training's, a situation's): a
    level only with a skill, ``proposed`` when a skill is chosen. A retired skill is
    offered only where it was chosen before."""

    def __init__(
        self,
        sessions: SessionFactory,
        skill_id: int | None,
        level: int | None,
        proposed: int,
        names: tuple[str, str],  # the two boxes' names for screen readers
    ) -> None:
        super().__init__()
        self.proposed = proposed
        self.skill = QComboBox()
        self.skill.addItem(_("— no skill —"), None)
        for skill in list_skills(sessions, include_retired=True):
            if not skill.retired or skill.id == skill_id:
                self.skill.addItem(skill.name, skill.id)
        self.skill.setCurrentIndex(max(0, self.skill.findData(skill_id)))
        self.level = level_box(_("— level —"), level)
        self.skill.setAccessibleName(names[0])
        self.level.setAccessibleName(names[1])
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.skill, 1)
        row.addWidget(self.level, 1)
        self.skill.currentIndexChanged.connect(lambda _index: self._skill_changed())
        self._skill_changed()

    def has_skills(self) -> bool:
        """Whether the organisation keeps any skill to choose (else the row is hidden)."""
        return self.skill.count() > 1

    def _skill_changed(self) -> None:
        chosen = self.skill.currentData() is not None
        self.level.setEnabled(chosen)
        if not chosen:
            self.level.setCurrentIndex(0)
        elif self.level.currentData() is None:
            self.level.setCurrentIndex(self.level.findData(self.proposed))


class FunctionDialog(FormDialog):
    """A function: its name, and what it requires (certificates ticked, each skill's
    level chosen)."""

    def __init__(
        self,
        sessions: SessionFactory,
        row: FunctionRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("Change function") if row else _("New function"), parent)
        self.sessions = sessions
        self.function_id = row.id if row is not None else None
        self.saved_id: int | None = None
        data = row.as_input() if row is not None else FunctionInput("")
        self.name = QLineEdit(data.name)
        self.name.setPlaceholderText(_("for example Mechanic"))
        self.description = QLineEdit(data.description)
        self.certificates = QListWidget()
        self.certificates.setAccessibleName(_("Certificates required"))
        for kind in list_certificate_types(sessions, include_retired=True):
            if kind.retired and kind.id not in data.certificates:
                continue
            item = QListWidgetItem(kind.name)
            item.setData(Qt.ItemDataRole.UserRole, kind.id)
            item.setToolTip(kind.rule.describe())
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = kind.id in data.certificates
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.certificates.addItem(item)
        levels = dict(data.skills)
        self.skills: dict[int, QComboBox] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        for line, skill in enumerate(list_skills(sessions, include_retired=True)):
            if skill.retired and skill.id not in levels:
                continue
            box = level_box(_("not required"), levels.get(skill.id))
            box.setAccessibleName(_("Level of {skill} required").format(skill=skill.name))
            label = QLabel(skill.name)
            label.setBuddy(box)
            grid.addWidget(label, line, 0)
            grid.addWidget(box, line, 1)
            self.skills[skill.id] = box
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(len(self.skills), 1)
        skills = QWidget()
        skills.setLayout(grid)
        self.fields = {
            "name": self.name,
            "description": self.description,
            "certificates": self.certificates,
            "skills": skills,
        }
        form = QFormLayout()
        form.addRow(_("Name"), self.name)
        form.addRow(_("Description"), self.description)
        form.addRow(_("Certificates required"), self.certificates)
        if self.skills:
            form.addRow(_("Skills required"), scrolling(skills))
        else:
            form.addRow(_("Skills required"), hint(_("No skills in the list yet (Skills…).")))
        self.setMinimumSize(560, 560)
        self.finish_layout(form)
        self.name.setFocus()

    def data(self) -> FunctionInput:
        certificates = tuple(
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in (self.certificates.item(i) for i in range(self.certificates.count()))
            if item.checkState() == Qt.CheckState.Checked
        )
        skills = tuple(
            (skill, int(box.currentData()))
            for skill, box in self.skills.items()
            if box.currentData() is not None
        )
        return FunctionInput(self.name.text(), self.description.text(), certificates, skills)

    def snapshot(self) -> object:
        return self.data()

    def save(self) -> None:
        self.saved_id = save_function(self.sessions, self.data(), self.function_id)


class MapTitlesDialog(FormDialog):
    """Every job title typed that names no function, with a choice: a function of the
    list, a new function of that name, or left as typed."""

    def __init__(
        self,
        sessions: SessionFactory,
        titles: list[TypedTitle],
        functions: list[FunctionRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("Map job titles to functions"), parent)
        self.sessions = sessions
        self.mapped_message = ""
        self.choices: dict[str, QComboBox] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for place, head in enumerate((_("Job title as typed"), _("People"), _("Function"))):
            grid.addWidget(QLabel(f"<b>{head}</b>"), 0, place)
        for line, typed in enumerate(titles, start=1):
            box = QComboBox()
            box.addItem(_("A new function “{name}”").format(name=typed.title), NEW_FUNCTION)
            for row in functions:
                box.addItem(row.name, row.id)
            box.addItem(_("— leave as typed —"), None)
            if typed.proposed is not None:
                box.setCurrentIndex(box.findData(typed.proposed))
            box.setAccessibleName(_("Function of “{title}”").format(title=typed.title))
            grid.addWidget(QLabel(typed.title), line, 0)
            grid.addWidget(QLabel(str(typed.people)), line, 1)
            grid.addWidget(box, line, 2)
            self.choices[typed.title] = box
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(titles) + 1, 1)
        content = QWidget()
        content.setLayout(grid)
        column = QVBoxLayout()
        column.addWidget(
            hint(
                _(
                    "These job titles were typed before the program knew functions. Mapped "
                    "to a function, a person's title becomes the function's name and the "
                    "matrix shows what the function requires of them. A title that names a "
                    "function likely is proposed: check it, make a new function of the title, "
                    "or leave it as typed."
                )
            )
        )
        column.addWidget(scrolling(content), 1)
        self.setMinimumSize(600, 380)
        self.finish_layout(column)
        first = next(iter(self.choices.values()), None)
        if first is not None:
            first.setFocus()

    def snapshot(self) -> object:
        return {title: box.currentIndex() for title, box in self.choices.items()}

    def save(self) -> None:
        mapped = map_titles(
            self.sessions, {title: box.currentData() for title, box in self.choices.items()}
        )
        self.mapped_message = n_(
            "{n} person now holds a function.", "{n} people now hold a function.", mapped
        ).format(n=mapped)


class SkillSeenDialog(FormDialog):
    """A level of a skill someone was seen working at, written down by their manager."""

    def __init__(
        self,
        sessions: SessionFactory,
        person_id: int,
        person_name: str,
        today: Callable[[], dt.date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("Write down a skill level"), parent)
        self.sessions = sessions
        self.person_id = person_id
        self.today = today
        self.skill = QComboBox()
        self.skill.addItem(_("— choose —"), None)
        for skill in list_skills(sessions):
            self.skill.addItem(skill.name, skill.id)
        self.level = level_box(_("— choose —"), None)
        self.seen_on = date_edit(today())
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(_("What you saw: the work, the situation"))
        self.note.setFixedHeight(90)
        self.fields = {
            "skill": self.skill,
            "level": self.level,
            "seen_on": self.seen_on,
            "note": self.note,
        }
        form = QFormLayout()
        form.addRow(_("Person"), QLabel(person_name))
        form.addRow(_("Skill"), self.skill)
        form.addRow(_("Level"), self.level)
        form.addRow(_("Seen on"), self.seen_on)
        form.addRow(_("Note"), self.note)
        if self.skill.count() == 1:
            form.addRow(
                "", hint(_("No skills in the list yet (Training › Who holds what › Skills…)."))
            )
        self.setMinimumWidth(480)
        self.finish_layout(form)
        self.skill.setFocus()

    def data(self) -> SkillSeen:
        return SkillSeen(
            self.skill.currentData(),
            self.level.currentData(),
            from_qdate(self.seen_on.date()),
            self.note.toPlainText(),
        )

    def snapshot(self) -> object:
        return self.data()

    def save(self) -> None:
        record_skill_seen(self.sessions, self.person_id, self.data(), self.today())

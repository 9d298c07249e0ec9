"""An apprentice's placement from the person page (Praktijkleren…): the placement with
its workplace trainer, the weeks of guidance and progress talks written down one by one
(each saved at once), what each study year holds, and its evidence printed for the
subsidy for practical learning."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.documents.placement_evidence import placement_evidence_pdf
from werkleren_desktop.domain.apprenticeship import (
    KIND_LABELS,
    MAX_MINUTES,
    Entry,
    EntryInput,
    PlacementInput,
    YearSummary,
)
from werkleren_desktop.domain.constants import FundKind, GuidanceKind
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.funds import format_hours, hours_figure, study_year_label
from werkleren_desktop.gui import errors, prompts
from werkleren_desktop.gui.dialogs.form_dialog import FormDialog
from werkleren_desktop.gui.pdf_preview import PdfPreviewDialog
from werkleren_desktop.gui.widgets import (
    ErrorLabel,
    OptionalDate,
    date_edit,
    detail_table,
    from_qdate,
    hint,
    on_keys,
    paragraph,
)
from werkleren_desktop.i18n import _, n_
from werkleren_desktop.services.apprenticeship import (
    PlacementView,
    delete_entry,
    read_placement,
    save_entry,
    save_placement,
    trainer_choices,
)
from werkleren_desktop.services.funds import fund_of_kind
from werkleren_desktop.services.organisation import load_settings


def year_text(year: YearSummary) -> str:
    """Study year 2026-2027: 14 weeks, 9 with guidance (12 hours), 2 progress talks."""
    return n_(
        "Study year {year}: {weeks} weeks, {guided} with guidance ({hours}), {n} progress talk",
        "Study year {year}: {weeks} weeks, {guided} with guidance ({hours}), {n} progress talks",
        year.progress_talks,
    ).format(
        year=study_year_label(year.start_year),
        weeks=year.weeks,
        guided=year.weeks_guided,
        hours=format_hours(year.guidance_minutes),
        n=year.progress_talks,
    )


def placement_summary(view: PlacementView, today: dt.date) -> str:
    """The placement in a line or two, for the person page and the dialog."""
    said = [
        _("Apprentice in {programme} at {school}, guided by {trainer}, since {day}.").format(
            programme=view.programme or _("programme not recorded"),
            school=view.school or _("school not recorded"),
            trainer=view.trainer or _("nobody now"),
            day=format_date(view.starts_on),
        )
    ]
    years = view.study_years(today)
    if years:
        said.append(year_text(years[0]))
    return "\n".join(said)


class PlacementDialog(FormDialog):
    """The placement itself: the workplace trainer, school, programme and its days."""

    def __init__(
        self,
        sessions: SessionFactory,
        person_id: int,
        person_name: str,
        view: PlacementView | None,
        today: Callable[[], dt.date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("Placement of {name}").format(name=person_name), parent)
        self.sessions = sessions
        self.person_id = person_id
        data = view.placement() if view is not None else PlacementInput(None, today())
        self.trainer = QComboBox()
        self.trainer.addItem(_("Choose the workplace trainer"), None)
        for choice in trainer_choices(sessions, person_id, today()):
            label = f"{choice.name} ({choice.job_title})" if choice.job_title else choice.name
            self.trainer.addItem(label, choice.id)
        found = self.trainer.findData(data.trainer_id)
        self.trainer.setCurrentIndex(max(0, found))
        self.school = QLineEdit(data.school)
        self.school.setPlaceholderText(_("for example ROC Midden Nederland"))
        self.programme = QLineEdit(data.programme)
        self.programme.setPlaceholderText(_("for example Eerste monteur installatietechniek (bbl)"))
        self.starts_on = date_edit(data.starts_on)
        self.ends_on = OptionalDate(_("Ends on"), data.ends_on, today())
        self.fields = {
            "trainer_id": self.trainer,
            "school": self.school,
            "programme": self.programme,
            "starts_on": self.starts_on,
            "ends_on": self.ends_on,
        }
        form = QFormLayout()
        form.addRow(_("Workplace trainer"), self.trainer)
        form.addRow(_("School"), self.school)
        form.addRow(_("Programme"), self.programme)
        form.addRow(_("Starts on"), self.starts_on)
        form.addRow("", self.ends_on)
        self.setMinimumWidth(560)
        self.finish_layout(form)
        self.trainer.setFocus()

    def data(self) -> PlacementInput:
        return PlacementInput(
            self.trainer.currentData(),
            from_qdate(self.starts_on.date()),
            self.ends_on.value(),
            self.school.text(),
            self.programme.text(),
        )

    def snapshot(self) -> object:
        return self.data()

    def save(self) -> None:
        save_placement(self.sessions, self.person_id, self.data())


class EntryDialog(FormDialog):
    """A week's guidance or a progress talk: the day, how long, what was done or
    discussed, and the workplace trainer's initials."""

    def __init__(
        self,
        sessions: SessionFactory,
        person_id: int,
        kind: GuidanceKind,
        today: Callable[[], dt.date],
        entry: Entry | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_(KIND_LABELS[entry.kind if entry else kind]), parent)
        self.sessions = sessions
        self.person_id = person_id
        self.today = today
        self.entry_id = entry.id if entry is not None else None
        self.kind = QComboBox()
        for value, label in KIND_LABELS.items():
            self.kind.addItem(_(label), value)
        self.kind.setCurrentIndex(self.kind.findData(entry.kind if entry else kind))
        self.held_on = date_edit(entry.held_on if entry else today())
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0, MAX_MINUTES / 60)
        self.hours.setDecimals(1)
        self.hours.setSingleStep(0.5)
        self.hours.setSuffix(" " + _("hours"))
        self.hours.setValue((entry.minutes if entry else 60) / 60)
        self.summary = QPlainTextEdit(entry.summary if entry else "")
        self.summary.setPlaceholderText(_("What was done or discussed, in a sentence or two"))
        self.summary.setFixedHeight(90)
        self.initials = QLineEdit(entry.initials if entry else "")
        self.initials.setMaxLength(10)
        self.initials.setMaximumWidth(120)
        self.fields = {
            "held_on": self.held_on,
            "minutes": self.hours,
            "summary": self.summary,
            "initials": self.initials,
        }
        form = QFormLayout()
        form.addRow(_("What"), self.kind)
        form.addRow(_("Date"), self.held_on)
        form.addRow(_("Guidance"), self.hours)
        form.addRow(_("What was done"), self.summary)
        form.addRow(_("Initials of the trainer"), self.initials)
        by_hand = hint(_("Leave the initials open to have them written by hand on the evidence."))
        by_hand.setMinimumWidth(400)  # (a form sizes a wrapped line by its narrow width)
        form.addRow("", by_hand)
        self.setMinimumWidth(560)
        self.finish_layout(form)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self._kind_changed()
        self.summary.setFocus()

    def _kind_changed(self) -> None:
        """A progress talk has no hours of guidance."""
        guidance = self.kind.currentData() == GuidanceKind.GUIDANCE
        self.hours.setEnabled(guidance)
        if not guidance:
            self.hours.setValue(0)
        elif not self.hours.value():
            self.hours.setValue(1)

    def data(self) -> EntryInput:
        return EntryInput(
            from_qdate(self.held_on.date()),
            GuidanceKind(self.kind.currentData()),
            round(self.hours.value() * 60),
            self.summary.toPlainText(),
            self.initials.text(),
        )

    def snapshot(self) -> object:
        return self.data()

    def save(self) -> None:
        save_entry(self.sessions, self.person_id, self.data(), self.today(), self.entry_id)


DATE, WHAT, HOURS, SUMMARY, INITIALS = range(5)


class GuidanceDialog(QDialog):
    """The placement and what was written down of it; an entry is saved at once."""

    def __init__(
        self,
        sessions: SessionFactory,
        person_id: int,
        person_name: str,
        today: Callable[[], dt.date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Practical learning of {name}").format(name=person_name))
        self.sessions = sessions
        self.person_id = person_id
        self.person_name = person_name
        self.today = today
        self.changed = False
        self.view: PlacementView | None = None
        self.form: QDialog | None = None
        self.preview: PdfPreviewDialog | None = None
        self.summary = paragraph("")
        self.table = detail_table(
            [_("Date"), _("What"), _("Hours"), _("What was done"), _("Initials")], SUMMARY
        )
        self.table.doubleClicked.connect(lambda _index: self.change_entry())
        on_keys(self.table, {Qt.Key.Key_Return: self.change_entry,
                             Qt.Key.Key_Enter: self.change_entry,
                             Qt.Key.Key_Delete: self.delete_entry})  # fmt: skip
        self.guidance_button = QPushButton(_("Guidance…"))
        self.guidance_button.setToolTip(_("Write down a week's guidance at work"))
        self.talk_button = QPushButton(_("Progress talk…"))
        self.change_button = QPushButton(_("Change…"))
        self.delete_button = QPushButton(_("Delete…"))
        self.placement_button = QPushButton(_("Placement…"))
        self.placement_button.setToolTip(_("The workplace trainer, school, programme and days"))
        self.guidance_button.clicked.connect(lambda: self.new_entry(GuidanceKind.GUIDANCE))
        self.talk_button.clicked.connect(lambda: self.new_entry(GuidanceKind.PROGRESS))
        self.change_button.clicked.connect(self.change_entry)
        self.delete_button.clicked.connect(self.delete_entry)
        self.placement_button.clicked.connect(self.change_placement)
        self.year = QComboBox()
        self.print_button = QPushButton(_("Print the evidence…"))
        self.print_button.clicked.connect(self.print_evidence)
        self.error_label = ErrorLabel()
        entry_row = QHBoxLayout()
        for button in (self.guidance_button, self.talk_button, self.change_button,
                       self.delete_button):  # fmt: skip
            entry_row.addWidget(button)
        entry_row.addStretch(1)
        entry_row.addWidget(self.placement_button)
        print_row = QHBoxLayout()
        print_row.addWidget(QLabel(_("Evidence for the study year")))
        print_row.addWidget(self.year)
        print_row.addWidget(self.print_button)
        print_row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(
            hint(
                _(
                    "The subsidy for practical learning asks for the weeks of guidance and "
                    "the progress talks, dated and initialled by the workplace trainer. "
                    "Each entry is saved at once."
                )
            )
        )
        layout.addWidget(self.table, 1)
        layout.addLayout(entry_row)
        layout.addLayout(print_row)
        layout.addWidget(self.error_label)
        layout.addWidget(close)
        self.resize(820, 540)
        self.load()
        self.table.setFocus()

    def load(self, chosen: int | None = None) -> None:
        self.view = read_placement(self.sessions, self.person_id)
        view, today = self.view, self.today()
        if view is None:
            self.summary.setText(_("No placement yet: fill in the placement first."))
            self.table.setRowCount(0)
        else:
            self.summary.setText(placement_summary(view, today))
            self.table.setRowCount(len(view.entries))
            for row, entry in enumerate(view.entries):
                for column, value in (
                    (DATE, format_date(entry.held_on, "short")),
                    (WHAT, _(KIND_LABELS[entry.kind])),
                    (HOURS, hours_figure(entry.minutes) if entry.minutes else ""),
                    (SUMMARY, entry.summary),
                    (INITIALS, entry.initials or _("by hand")),
                ):
                    item = QTableWidgetItem(value)
                    item.setData(Qt.ItemDataRole.UserRole, entry.id)
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    self.table.setItem(row, column, item)
            self.table.resizeRowsToContents()
            self.table.horizontalHeader().setSectionResizeMode(
                SUMMARY, QHeaderView.ResizeMode.Stretch
            )
            index = next((i for i, e in enumerate(view.entries) if e.id == chosen), None)
            if index is None and view.entries:
                index = len(view.entries) - 1
            if index is not None:
                self.table.selectRow(index)
        self.year.clear()
        for year in view.study_years(today) if view is not None else []:
            self.year.addItem(study_year_label(year.start_year), year.start_year)
        has = view is not None
        for button in (self.guidance_button, self.talk_button):
            button.setEnabled(has)
        entries = has and bool(view and view.entries)
        self.change_button.setEnabled(entries)
        self.delete_button.setEnabled(entries)
        self.print_button.setEnabled(self.year.count() > 0)

    def _chosen_entry(self) -> Entry | None:
        row = self.table.currentRow()
        if self.view is None or not 0 <= row < len(self.view.entries):
            return None
        return self.view.entries[row]

    def _open(self, form: FormDialog, chosen: Callable[[], int | None]) -> None:
        def saved() -> None:
            self.changed = True
            self.error_label.clear_message()
            self.load(chosen())

        form.accepted.connect(saved)
        form.open()
        self.form = form

    def new_entry(self, kind: GuidanceKind) -> None:
        form = EntryDialog(self.sessions, self.person_id, kind, self.today, parent=self)
        self._open(form, lambda: None)

    def change_entry(self) -> None:
        entry = self._chosen_entry()
        if entry is None:
            return
        form = EntryDialog(self.sessions, self.person_id, entry.kind, self.today, entry, self)
        self._open(form, lambda: entry.id)

    def delete_entry(self) -> None:
        entry = self._chosen_entry()
        if entry is None or not prompts.confirm(
            self,
            _("Delete entry"),
            _("Delete “{what}” of {day}? It is no longer part of the evidence.").format(
                what=entry.summary[:60], day=format_date(entry.held_on)
            ),
            _("Delete"),
            _("Keep it"),
            destructive=True,
        ):
            return
        try:
            delete_entry(self.sessions, entry.id)
        except Exception as error:
            self.error_label.show_message(errors.sentence_for(error))
            return
        self.changed = True
        self.load()

    def change_placement(self) -> None:
        form = PlacementDialog(
            self.sessions, self.person_id, self.person_name, self.view, self.today, self
        )
        self._open(form, lambda: None)

    def print_evidence(self) -> None:
        view = self.view
        start_year = self.year.currentData()
        if view is None or start_year is None:
            return
        year = next(y for y in view.study_years(self.today()) if y.start_year == start_year)
        settings = load_settings(self.sessions)
        pdf = placement_evidence_pdf(
            view, year, fund_of_kind(self.sessions, FundKind.PLACEMENT),
            settings.name if settings else "", settings.logo_png if settings else None,
            self.today(),
        )  # fmt: skip
        name = (
            _("practical learning {name} {year}").format(
                name=view.apprentice, year=study_year_label(start_year)
            )
            + ".pdf"
        )
        self.preview = PdfPreviewDialog(_("Evidence of practical learning"), pdf, name, self)
        self.preview.open()

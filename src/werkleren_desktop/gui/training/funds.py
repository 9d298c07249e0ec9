"""Funds on the training page (Opleidingen › Fondsen): the claims on sector training
funds with what each fund's rule still asks, the hours and cost per fund and year, the
list of funds and schemes with their rules, a claim's form with its checks as one
types, the claim's evidence printed, and the SLIM-ready learning plan of the year."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.documents.claim_evidence import claim_evidence_pdf
from werkleren_desktop.documents.learning_plan_pdf import learning_plan_pdf
from werkleren_desktop.domain.constants import FundKind
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.funds import (
    KIND_LABELS,
    MAX_DAYS,
    MAX_MONTHS,
    VERDICT_LABELS,
    Check,
    ClaimInput,
    FundRule,
    Verdict,
    hours_figure,
)
from werkleren_desktop.domain.money import format_euro, format_euro_plain, parse_euro
from werkleren_desktop.errors import UserError, ValidationError
from werkleren_desktop.gui import errors, prompts
from werkleren_desktop.gui.dialogs.form_dialog import FormDialog
from werkleren_desktop.gui.dialogs.list_dialog import ListActions, ListDialog
from werkleren_desktop.gui.pdf_preview import PdfPreviewDialog
from werkleren_desktop.gui.rows_model import RowsTableModel
from werkleren_desktop.gui.tasks import TaskRunner
from werkleren_desktop.gui.widgets import (
    ErrorLabel,
    OptionalDate,
    hint,
    list_table,
    on_keys,
    section,
)
from werkleren_desktop.i18n import N_, _, n_
from werkleren_desktop.services.funds import (
    ClaimDetail,
    ClaimRow,
    CourseChoice,
    FundRow,
    FundYear,
    claim_detail,
    claimable_courses,
    delete_claim,
    list_claims,
    list_funds,
    preview_checks,
    retire_fund,
    save_claim,
    save_fund,
    totals_per_fund_and_year,
)
from werkleren_desktop.services.learning_plan import learning_plan
from werkleren_desktop.services.organisation import load_settings
from werkleren_desktop.services.training_attendance import read_course

VERDICT_COLOURS = {
    Verdict.MET: QColor("#1b7f3b"),
    Verdict.TO_DO: QColor("#8a5a00"),
    Verdict.NOT_MET: QColor("#b3261e"),
    Verdict.NOTE: QColor("#555555"),
}
VERDICT_MARKS = {Verdict.MET: "✓", Verdict.TO_DO: "…", Verdict.NOT_MET: "✗", Verdict.NOTE: "i"}


# --- the claims and the totals ---------------------------------------------------------


def status_text(row: ClaimRow) -> str:
    """What a claim still asks ("Declareer uiterlijk …"), what is not met ("niet voldaan:
    …"), or "voldaan"."""
    label = _(VERDICT_LABELS[row.verdict])
    if not row.to_do:
        return label
    return row.to_do if row.verdict == Verdict.TO_DO else f"{label}: {row.to_do}"


class ClaimsModel(RowsTableModel[ClaimRow]):
    def __init__(self) -> None:
        super().__init__(
            (N_("Fund"), N_("Training course"), N_("Starts"), N_("Participants"), N_("Claimed on"),
             N_("Claimed"), N_("Granted"), N_("Status")),
            lambda r: (
                r.fund,
                r.title,
                format_date(r.starts_on, "short"),
                str(r.participants),
                format_date(r.claimed_on, "short") if r.claimed_on else "",
                format_euro(r.amount_cents) if r.amount_cents else "",
                format_euro(r.granted_cents) if r.granted_cents is not None else "",
                status_text(r),
            ),
        )  # fmt: skip

    def extra(self, row: ClaimRow, column: int, role: int) -> object:
        if column == 7 and role == Qt.ItemDataRole.ForegroundRole:
            return VERDICT_COLOURS[row.verdict]
        if column == 7 and role == Qt.ItemDataRole.ToolTipRole and row.to_do:
            return row.to_do
        if column in (3, 5, 6) and role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None


class TotalsModel(RowsTableModel[FundYear]):
    def __init__(self) -> None:
        super().__init__(
            (N_("Fund"), N_("Year"), N_("Claims"), N_("Participants"), N_("Hours"),
             N_("Cost"), N_("Claimed"), N_("Granted")),
            lambda r: (
                r.fund, str(r.year), str(r.claims), str(r.participants),
                hours_figure(r.minutes), format_euro(r.cost_cents),
                format_euro(r.claimed_cents),
                format_euro(r.granted_cents) if r.granted_cents is not None else "—",
            ),
        )  # fmt: skip

    def extra(self, row: FundYear, column: int, role: int) -> object:
        if column >= 2 and role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None


@dataclass(frozen=True)
class FundsData:
    claims: list[ClaimRow]
    totals: list[FundYear]


class FundsTab(QWidget):
    """The claims (what each still asks), and the hours and cost per fund and year; the
    claims' forms and evidence, the funds' list, and the learning plan of the page's year.
    The beheerder's: the organisation's money."""

    def __init__(
        self,
        sessions: SessionFactory,
        tasks: TaskRunner,
        today: Callable[[], dt.date],
        year: Callable[[], int],
        tell: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.sessions, self.tasks, self.today, self.year, self.tell = (
            sessions, tasks, today, year, tell,
        )  # fmt: skip
        self.dialog: QWidget | None = None
        self.preview: PdfPreviewDialog | None = None
        self.claims_model = ClaimsModel()
        self.claims_table = list_table(self.claims_model, {0: 60, 1: 180, 2: 85, 3: 90, 4: 115,
                                                           5: 95, 6: 85})  # fmt: skip
        self.claims_table.horizontalHeader().setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        self.claims_table.doubleClicked.connect(lambda _index: self.change_claim())
        on_keys(self.claims_table, {Qt.Key.Key_Return: self.change_claim,
                                    Qt.Key.Key_Enter: self.change_claim,
                                    Qt.Key.Key_Delete: self.delete_claim})  # fmt: skip
        self.totals_model = TotalsModel()
        self.totals_table = list_table(self.totals_model, {0: 130, 1: 55, 2: 70, 3: 85, 4: 70})
        self.totals_table.horizontalHeader().setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        self.new_button = QPushButton(_("New claim…"))
        self.change_button = QPushButton(_("Change…"))
        self.evidence_button = QPushButton(_("Print the evidence…"))
        self.delete_button = QPushButton(_("Delete…"))
        self.funds_button = QPushButton(_("Funds and schemes…"))
        self.plan_button = QPushButton(_("Learning plan for SLIM…"))
        self.new_button.clicked.connect(self.new_claim)
        self.change_button.clicked.connect(self.change_claim)
        self.evidence_button.clicked.connect(self.print_evidence)
        self.delete_button.clicked.connect(self.delete_claim)
        self.funds_button.clicked.connect(self.open_funds)
        self.plan_button.clicked.connect(self.print_plan)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.change_button, self.evidence_button,
                       self.delete_button):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.funds_button)
        buttons.addWidget(self.plan_button)
        self.error_label = ErrorLabel()
        self.claims_table.selectionModel().currentRowChanged.connect(lambda *_a: self._chosen())
        column = QVBoxLayout(self)
        column.addWidget(
            hint(
                _(
                    "Sector training funds pay for a course against proof: presence, "
                    "hours, signatures, a claim in time. Each claim shows what its fund "
                    "still asks; the evidence prints as one PDF."
                )
            )
        )
        column.addWidget(self.claims_table, 3)
        column.addLayout(buttons)
        column.addWidget(self.error_label)
        column.addWidget(section(_("Hours and cost per fund and year")))
        column.addWidget(self.totals_table, 2)
        self._chosen()

    # --- the lists ---------------------------------------------------------------------

    def load(self, chosen: int | None = None) -> None:
        today = self.today()

        def work() -> FundsData:
            return FundsData(
                list_claims(self.sessions, today), totals_per_fund_and_year(self.sessions)
            )

        self.tasks.run(
            work,
            lambda data: self.show_data(data, chosen),
            self._failed,
            owner=self,
            key=(id(self), "funds"),
        )

    def _failed(self, error: BaseException) -> None:
        self.error_label.show_message(errors.sentence_for(error))

    def show_data(self, data: FundsData, chosen: int | None = None) -> None:
        before = self.chosen()
        chosen = chosen if chosen is not None else before.id if before is not None else None
        self.claims_model.show_rows(data.claims)
        self.totals_model.show_rows(data.totals)
        row = self.claims_model.row_of(chosen) if chosen is not None else None
        if row is None and data.claims:
            row = 0
        if row is not None:
            self.claims_table.selectRow(row)
        self._chosen()

    def chosen(self) -> ClaimRow | None:
        index = self.claims_table.currentIndex()
        return self.claims_model.row_at(index.row()) if index.isValid() else None

    def _chosen(self) -> None:
        has = self.chosen() is not None
        for button in (self.change_button, self.evidence_button, self.delete_button):
            button.setEnabled(has)

    # --- what the buttons do -------------------------------------------------------------

    def _open(self, dialog: FormDialog, message: str) -> None:
        def saved() -> None:
            self.tell(message)
            self.load(getattr(dialog, "saved_id", None))

        dialog.accepted.connect(saved)
        dialog.open()
        self.dialog = dialog

    def new_claim(self) -> None:
        self.error_label.clear_message()
        self._open(ClaimDialog(self.sessions, self.today, parent=self), _("Claim saved."))

    def change_claim(self) -> None:
        row = self.chosen()
        if row is None:
            return
        try:
            detail = claim_detail(self.sessions, row.id, self.today())
        except UserError as error:
            self.error_label.show_message(str(error))
            return
        self._open(ClaimDialog(self.sessions, self.today, detail, self), _("Changes saved."))

    def delete_claim(self) -> None:
        row = self.chosen()
        if row is None or not prompts.confirm(
            self,
            _("Delete claim"),
            _("Delete the claim on {fund} for “{title}”? The trainings and their attendance "
              "stay.").format(fund=row.fund, title=row.title),
            _("Delete"),
            _("Keep it"),
            destructive=True,
        ):  # fmt: skip
            return
        try:
            delete_claim(self.sessions, row.id)
        except UserError as error:
            self.error_label.show_message(str(error))
            return
        self.tell(_("Claim deleted."))
        self.load()

    def open_funds(self) -> None:
        dialog = FundsDialog(self.sessions, parent=self)
        dialog.finished.connect(lambda _result: self.load() if dialog.changed else None)
        dialog.open()
        self.dialog = dialog

    def print_evidence(self) -> None:
        row = self.chosen()
        if row is None:
            return
        today = self.today()

        def make() -> bytes:
            settings = load_settings(self.sessions)
            detail = claim_detail(self.sessions, row.id, today)
            return claim_evidence_pdf(
                detail, settings.name if settings else "",
                settings.logo_png if settings else None, today,
            )  # fmt: skip

        name = _("evidence {fund} {title}").format(fund=row.fund, title=row.title) + ".pdf"
        self._preview(make, _("Evidence for a claim"), name, self.evidence_button)

    def print_plan(self) -> None:
        year = self.year()
        today = self.today()
        name = _("learning and development plan {year}").format(year=year) + ".pdf"
        self._preview(
            lambda: learning_plan_pdf(learning_plan(self.sessions, year), today),
            _("Learning and development plan {year}").format(year=year),
            name,
            self.plan_button,
        )

    def _preview(
        self, make: Callable[[], bytes], title: str, name: str, button: QPushButton
    ) -> None:
        """A PDF made in the background, then shown: to print, or to save."""
        button.setEnabled(False)
        self.error_label.clear_message()

        def shown(pdf: bytes) -> None:
            button.setEnabled(True)
            self.preview = PdfPreviewDialog(title, pdf, name, self)
            self.preview.open()

        def failed(error: BaseException) -> None:
            button.setEnabled(True)
            self._failed(error)

        self.tasks.run(make, shown, failed, owner=self)


# --- the funds and their rules ---------------------------------------------------------


class FundsModel(RowsTableModel[FundRow]):
    def __init__(self) -> None:
        super().__init__(
            (N_("Fund"), N_("What it asks"), N_("Claims"), N_("Offered")),
            lambda r: (
                r.name,
                r.rule.describe(),
                str(r.claims) if r.claims else "",
                _("no longer") if r.retired else _("yes"),
            ),
        )

    def extra(self, row: FundRow, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.ToolTipRole and column in (0, 1):
            said = row.rule.description
            return f"{said}\n\n{row.rule.source}" if row.rule.source else said or None
        return None


class FundsDialog(ListDialog[FundRow]):
    """The funds and schemes with what each asks and where the rule comes from (a fund
    that claims name is never deleted)."""

    def __init__(self, sessions: SessionFactory, parent: QWidget | None = None) -> None:
        super().__init__(
            sessions,
            _("Funds and schemes"),
            _(
                "Each fund or subsidy with what it asks. The common Dutch ones come with "
                "the program, with where each rule comes from: rules change, so check "
                "them against the fund's own text."
            ),
            FundsModel(),
            _("New fund…"),
            ListActions(
                lambda: list_funds(sessions, include_retired=True),
                lambda row: FundDialog(sessions, row, parent=self),
                lambda row: retire_fund(sessions, row.id, not row.retired),
                lambda row: (
                    _("Where the rule comes from: {source}").format(source=row.rule.source)
                    if row.rule.source
                    else ""
                ),
            ),
            parent,
        )


def _optional_spin(maximum: int, none_text: str, suffix: str, minimum: int = 0) -> QSpinBox:
    """A number that may be left out: its lowest value reads ``none_text``."""
    spin = QSpinBox()
    spin.setRange(minimum - 1, maximum)
    spin.setSpecialValueText(none_text)
    spin.setSuffix(suffix)
    spin.setMinimumWidth(150)
    return spin


def _set(spin: QSpinBox, value: int | None) -> None:
    spin.setValue(spin.minimum() if value is None else value)


def _get(spin: QSpinBox) -> int | None:
    return None if spin.value() == spin.minimum() else spin.value()


MONTH_NAMES = (
    N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
    N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
)  # fmt: skip


class FundDialog(FormDialog):
    """One fund and its rule: every condition may be left out."""

    def __init__(
        self, sessions: SessionFactory, row: FundRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(_("Change fund") if row else _("New fund"), parent)
        self.sessions = sessions
        self.fund_id = row.id if row is not None else None
        self.saved_id: int | None = None
        rule = row.rule if row is not None else FundRule("")
        none = _("not asked")
        self.name = QLineEdit(rule.name)
        self.name.setPlaceholderText(_("for example OTIB"))
        self.description = QLineEdit(rule.description)
        self.kind = QComboBox()
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(_(label), kind)
        self.kind.setCurrentIndex(self.kind.findData(rule.kind))
        self.presence = _optional_spin(100, none, " %", minimum=1)
        _set(self.presence, rule.min_presence_percent)
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0, 1000)
        self.hours.setDecimals(1)
        self.hours.setSingleStep(0.5)
        self.hours.setSpecialValueText(none)
        self.hours.setSuffix(" " + _("hours"))
        self.hours.setValue((rule.min_minutes or 0) / 60)
        self.hours.setMinimumWidth(150)
        self.apply_before = QCheckBox(_("An application before the course's first day"))
        self.apply_before.setChecked(rule.apply_before_start)
        self.claim_months = _optional_spin(MAX_MONTHS, none, " " + _("months"), minimum=1)
        _set(self.claim_months, rule.claim_within_months)
        self.claim_by = QCheckBox(_("on"))
        self.claim_by.setAccessibleName(_("Claim by a fixed day"))
        self.claim_day = QSpinBox()
        self.claim_day.setRange(1, 31)
        self.claim_month = QComboBox()
        for number, name in enumerate(MONTH_NAMES, start=1):
            self.claim_month.addItem(_(name), number)
        by_month, by_day = rule.claim_by or (3, 1)
        self.claim_by.setChecked(rule.claim_by is not None)
        self.claim_day.setValue(by_day)
        self.claim_month.setCurrentIndex(by_month - 1)
        self.claim_by.toggled.connect(self._claim_by_toggled)
        self.evidence_months = _optional_spin(MAX_MONTHS, none, " " + _("months"), minimum=1)
        _set(self.evidence_months, rule.evidence_within_months)
        self.on_day = QCheckBox(_("Participants sign on the day itself; no ticks"))
        self.on_day.setChecked(rule.signatures_on_day)
        self.trainer_days = _optional_spin(MAX_DAYS, none, " " + _("days"))
        _set(self.trainer_days, rule.trainer_sign_days)
        self.manager_days = _optional_spin(MAX_DAYS, none, " " + _("days"))
        _set(self.manager_days, rule.manager_sign_days)
        self.share = _optional_spin(100, none, " %", minimum=1)
        _set(self.share, rule.share_percent)
        self.maximum = QLineEdit(format_euro_plain(rule.max_cents) if rule.max_cents else "")
        self.maximum.setPlaceholderText(none)
        self.runs_until = OptionalDate(_("Until"), rule.runs_until, dt.date.today())
        self.source = QPlainTextEdit(rule.source)
        self.source.setPlaceholderText(_("Who says so: the fund's regulations, its website"))
        self.source.setFixedHeight(100)
        for spin in (
            self.presence,
            self.hours,
            self.claim_months,
            self.evidence_months,
            self.trainer_days,
            self.manager_days,
            self.share,
        ):
            spin.setMaximumWidth(200)
        self.maximum.setMaximumWidth(200)
        self.fields = {
            "name": self.name,
            "description": self.description,
            "min_presence_percent": self.presence,
            "min_minutes": self.hours,
            "claim_within_months": self.claim_months,
            "claim_by": self.claim_day,
            "evidence_within_months": self.evidence_months,
            "trainer_sign_days": self.trainer_days,
            "manager_sign_days": self.manager_days,
            "share_percent": self.share,
            "max_cents": self.maximum,
            "source": self.source,
        }
        claim_by_row = QHBoxLayout()
        claim_by_row.addWidget(self.claim_by)
        claim_by_row.addWidget(self.claim_day)
        claim_by_row.addWidget(self.claim_month)
        claim_by_row.addWidget(QLabel(_("of the year after the course")))
        claim_by_row.addStretch(1)
        left = QFormLayout()
        left.addRow(_("Name"), self.name)
        left.addRow(_("Description"), self.description)
        left.addRow(_("Kind"), self.kind)
        left.addRow(_("Presence at least"), self.presence)
        left.addRow(_("Length at least"), self.hours)
        left.addRow("", self.apply_before)
        left.addRow(_("Claim within"), self.claim_months)
        left.addRow(_("Claim by"), claim_by_row)
        left.addRow(_("Evidence after a check within"), self.evidence_months)
        left.addRow("", self.on_day)
        left.addRow(_("Trainer signs within"), self.trainer_days)
        left.addRow(_("Manager signs within"), self.manager_days)
        left.addRow(_("Pays of the costs"), self.share)
        left.addRow(_("At most (EUR)"), self.maximum)
        left.addRow(_("Scheme runs"), self.runs_until)
        left.addRow(_("Where the rule comes from"), self.source)
        self.setMinimumWidth(620)
        self.finish_layout(left)
        self._claim_by_toggled(self.claim_by.isChecked())
        self.name.setFocus()

    def _claim_by_toggled(self, on: bool) -> None:
        self.claim_day.setEnabled(on)
        self.claim_month.setEnabled(on)

    def rule(self) -> FundRule:
        maximum = self.maximum.text().strip()
        return FundRule(
            self.name.text(),
            self.description.text(),
            FundKind(self.kind.currentData()),
            _get(self.presence),
            round(self.hours.value() * 60) or None,
            self.apply_before.isChecked(),
            _get(self.claim_months),
            (self.claim_month.currentData(), self.claim_day.value())
            if self.claim_by.isChecked()
            else None,
            _get(self.evidence_months),
            _get(self.trainer_days),
            _get(self.manager_days),
            self.on_day.isChecked(),
            _get(self.share),
            parse_euro(maximum, field="max_cents") if maximum else None,
            self.runs_until.value(),
            self.source.toPlainText(),
        )

    def snapshot(self) -> object:
        try:
            return self.rule()
        except ValidationError:
            return self.maximum.text()

    def save(self) -> None:
        self.saved_id = save_fund(self.sessions, self.rule(), self.fund_id)


# --- a claim -------------------------------------------------------------------------


class ClaimDialog(FormDialog):
    """A claim on a fund for one course: the fund, the course and which participants,
    the dates the fund's rule asks about, the amounts; the rule's checks below, kept up
    to date as one types."""

    def __init__(
        self,
        sessions: SessionFactory,
        today: Callable[[], dt.date],
        detail: ClaimDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("Change claim") if detail else _("New claim"), parent)
        self.sessions = sessions
        self.today = today
        self.claim_id = detail.id if detail is not None else None
        self.saved_id: int | None = None
        claim = detail.claim if detail is not None else None
        self.fund = QComboBox()
        for row in list_funds(sessions, include_retired=True):
            if row.rule.kind == FundKind.COURSE and (
                not row.retired or (claim is not None and row.id == claim.fund_id)
            ):
                self.fund.addItem(row.name, row.id)
        if claim is not None:
            self.fund.setCurrentIndex(self.fund.findData(claim.fund_id))
        self.course = QComboBox()
        self.courses: list[CourseChoice] = []
        if detail is None:
            since = today().replace(year=today().year - 2, day=1)
            self.courses = claimable_courses(sessions, since)
            for c in self.courses:
                self.course.addItem(
                    n_(
                        "{title}, {day} ({n} participant)",
                        "{title}, {day} ({n} participants)",
                        c.participants,
                    ).format(
                        title=c.title, day=format_date(c.starts_on, "short"), n=c.participants
                    ),
                    c.training_id,
                )
        else:
            self.course.addItem(
                f"{detail.course.title}, {format_date(detail.course.starts_on, 'short')}",
                detail.participants[0].training_id if detail.participants else None,
            )
            self.course.setEnabled(False)
        self.participants = QListWidget()
        self.participants.setMaximumHeight(120)
        self.reference = QLineEdit(claim.reference if claim else "")
        self.reference.setPlaceholderText(_("the fund's number for the claim, if any"))
        default = today()
        self.applied_on = OptionalDate(
            _("Applied on"), claim.applied_on if claim else None, default
        )
        self.claimed_on = OptionalDate(
            _("Claimed on"), claim.claimed_on if claim else None, default
        )
        self.trainer_signed = OptionalDate(
            _("Trainer signed"), claim.trainer_signed_on if claim else None, default
        )
        self.manager_signed = OptionalDate(
            _("Manager signed"), claim.manager_signed_on if claim else None, default
        )
        self.evidence_asked = OptionalDate(
            _("Evidence asked on"), claim.evidence_requested_on if claim else None, default
        )
        self.evidence_sent = OptionalDate(
            _("Evidence sent on"), claim.evidence_sent_on if claim else None, default
        )
        self.amount = QLineEdit(
            format_euro_plain(claim.amount_cents) if claim and claim.amount_cents else ""
        )
        self.granted = QLineEdit(
            format_euro_plain(claim.granted_cents)
            if claim and claim.granted_cents is not None
            else ""
        )
        self.granted.setPlaceholderText(_("not yet known"))
        self.note = QPlainTextEdit(claim.note if claim else "")
        self.note.setFixedHeight(60)
        self.checks = QLabel()
        self.checks.setWordWrap(True)
        self.checks.setTextFormat(Qt.TextFormat.RichText)
        self.checks.setMinimumWidth(520)
        self.fields = {
            "fund_id": self.fund,
            "training_ids": self.participants,
            "reference": self.reference,
            "applied_on": self.applied_on,
            "claimed_on": self.claimed_on,
            "trainer_signed_on": self.trainer_signed,
            "manager_signed_on": self.manager_signed,
            "evidence_requested_on": self.evidence_asked,
            "evidence_sent_on": self.evidence_sent,
            "amount": self.amount,
            "granted": self.granted,
            "note": self.note,
        }
        dates = QGridLayout()
        for number, widget in enumerate((self.applied_on, self.claimed_on, self.trainer_signed,
                                         self.manager_signed, self.evidence_asked,
                                         self.evidence_sent)):  # fmt: skip
            dates.addWidget(widget, number // 2, number % 2)
        day_fields = (self.applied_on, self.claimed_on, self.trainer_signed,
                      self.manager_signed, self.evidence_asked, self.evidence_sent)  # fmt: skip
        for column in (0, 1):  # the date fields of a column under each other
            checks = [field.check for field in day_fields[column::2]]
            widest = max(check.sizeHint().width() for check in checks)
            for check in checks:
                check.setMinimumWidth(widest)
        amounts = QHBoxLayout()
        amounts.addWidget(self.amount)
        amounts.addWidget(QLabel(_("Granted (EUR)")))
        amounts.addWidget(self.granted)
        form = QFormLayout()
        form.addRow(_("Fund"), self.fund)
        form.addRow(_("Training course"), self.course)
        form.addRow(_("Participants"), self.participants)
        form.addRow(_("Reference"), self.reference)
        form.addRow(_("Days"), dates)
        form.addRow(_("Claimed (EUR)"), amounts)
        form.addRow(_("Note"), self.note)
        form.addRow(_("What the fund asks"), self.checks)
        self.setMinimumWidth(760)
        self.finish_layout(form)
        self._fill_participants(detail)
        self.fund.currentIndexChanged.connect(self.update_checks)
        self.course.currentIndexChanged.connect(lambda _i: self._fill_participants(None))
        self.participants.itemChanged.connect(lambda _item: self.update_checks())
        for widget in (self.applied_on, self.claimed_on, self.trainer_signed,
                       self.manager_signed, self.evidence_asked, self.evidence_sent):  # fmt: skip
            widget.check.toggled.connect(lambda _on: self.update_checks())
            widget.edit.dateChanged.connect(lambda _d: self.update_checks())
        self._initial = self.snapshot()
        self.update_checks()
        self.fund.setFocus()

    def _fill_participants(self, detail: ClaimDetail | None) -> None:
        self.participants.blockSignals(True)
        self.participants.clear()
        anchor = self.course.currentData()
        if anchor is not None:
            chosen = set(detail.claim.training_ids) if detail is not None else None
            for p in read_course(self.sessions, anchor).participants:
                item = QListWidgetItem(p.name)
                item.setData(Qt.ItemDataRole.UserRole, p.training_id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                ticked = chosen is None or p.training_id in chosen
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
                self.participants.addItem(item)
        self.participants.blockSignals(False)
        self.update_checks()

    def training_ids(self) -> tuple[int, ...]:
        return tuple(
            int(item.data(Qt.ItemDataRole.UserRole))
            for i in range(self.participants.count())
            if (item := self.participants.item(i)).checkState() == Qt.CheckState.Checked
        )

    def claim(self, strict: bool = True) -> ClaimInput:
        amount, granted = self.amount.text().strip(), self.granted.text().strip()
        try:
            amount_cents = parse_euro(amount, field="amount") if amount else 0
            granted_cents = parse_euro(granted, field="granted") if granted else None
        except ValidationError:
            if strict:
                raise
            amount_cents, granted_cents = 0, None
        return ClaimInput(
            self.fund.currentData() or 0,
            self.training_ids(),
            self.reference.text(),
            self.applied_on.value(),
            self.claimed_on.value(),
            amount_cents,
            granted_cents,
            self.evidence_asked.value(),
            self.evidence_sent.value(),
            self.trainer_signed.value(),
            self.manager_signed.value(),
            self.note.toPlainText(),
        )

    def update_checks(self) -> None:
        if self.fund.currentData() is None:
            self.checks.setText(_("Add a fund first (Funds and schemes…)."))
            return
        try:
            checks, _deadline = preview_checks(
                self.sessions, self.claim(strict=False), self.today()
            )
        except UserError as error:
            self.checks.setText(str(error))
            return
        self.checks.setText(checks_html(checks))

    def snapshot(self) -> object:
        return (self.claim(strict=False), self.amount.text(), self.granted.text())

    def save(self) -> None:
        if self.fund.currentData() is None:
            raise ValidationError(_("Add a fund first (Funds and schemes…)."), "fund_id")
        self.saved_id = save_claim(self.sessions, self.claim(), self.today(), self.claim_id)


def checks_html(checks: tuple[Check, ...]) -> str:
    """The checks as lines with a coloured mark each, for the form."""
    if not checks:
        return _("This fund has no conditions recorded.")
    lines = [
        f'<span style="color:{VERDICT_COLOURS[c.verdict].name()}">'
        f"<b>{VERDICT_MARKS[c.verdict]} {html.escape(_(VERDICT_LABELS[c.verdict]))}</b></span>"
        f" {html.escape(c.text)}"
        for c in checks
    ]
    return "<br>".join(lines)

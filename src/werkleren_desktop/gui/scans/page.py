"""Waar staan we? Scans of the learning perspective and the learning culture: filled
in on screen or entered from paper forms, compared with the scan before, next to what
the program's own data measures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QWidget,
)

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.documents.scan_rows import ScanReport
from werkleren_desktop.domain.formatting import format_date, format_moment
from werkleren_desktop.domain.scans import QUESTIONNAIRE, Period, indicators
from werkleren_desktop.errors import UserError
from werkleren_desktop.gui import prompts
from werkleren_desktop.gui.pdf_preview import PdfPreviewDialog
from werkleren_desktop.gui.record_page import RecordListPage
from werkleren_desktop.gui.scans.dialogs import ResponseDialog, ScanDialog
from werkleren_desktop.gui.scans.models import ScansModel
from werkleren_desktop.gui.scans.panel import ScanPanel
from werkleren_desktop.gui.tasks import TaskRunner
from werkleren_desktop.gui.widgets import (
    hint,
    list_and_panel,
    list_table,
    page_layout,
)
from werkleren_desktop.i18n import _, n_
from werkleren_desktop.services.organisation import load_settings
from werkleren_desktop.services.scans import (
    ScanRow,
    data_years,
    delete_response,
    delete_scan,
    get_response,
    get_scan,
    list_scans,
    measure,
    scan_result,
)
from werkleren_desktop.storage.drafts import SCAN_FORM_DRAFT, Draft, DraftStore

MONTHS_BEFORE = (12, 6)  # periods measured up to the scan's date


class ScansPage(RecordListPage):
    navigate = Signal(str)  # an area key, from "where to start"

    def __init__(
        self,
        sessions: SessionFactory,
        tasks: TaskRunner,
        today: Callable[[], dt.date] = dt.date.today,
        drafts: DraftStore | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(sessions, tasks, today, parent)
        self.keep_form_drafts(
            drafts,
            SCAN_FORM_DRAFT,
            ResponseDialog,
            self.describe_draft,
            self.resume_draft,
            (
                _("Discard the unsaved form"),
                _("Throw away the scores and remarks of the unsaved form?"),
            ),
        )
        self.rows: list[ScanRow] = []
        self.years: list[int] = []
        self.preview: PdfPreviewDialog | None = None
        self._report_token = 0

        self.count_label = hint("")
        self.count_label.setWordWrap(False)
        self.new_button = QPushButton(_("New scan…"))
        self.new_button.clicked.connect(self.new_scan)
        self.form_button = QPushButton(_("Blank scan form…"))
        self.form_button.clicked.connect(self.blank_form)

        self.model = ScansModel()
        self.table = list_table(self.model, {})
        header = self.table.horizontalHeader()
        for column in (0, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumWidth(260)
        self.table.doubleClicked.connect(lambda _index: self.edit_scan())
        self.follow_selection(self.table, self.model)
        self.use_keys(new=self.new_button, delete=self.delete_scan)
        self.panel = ScanPanel()
        self.panel.add_button.clicked.connect(self.add_form)
        self.panel.report_button.clicked.connect(self.show_report_pdf)
        self.panel.edit_button.clicked.connect(self.edit_scan)
        self.panel.delete_button.clicked.connect(self.delete_scan)
        self.panel.form_edit_button.clicked.connect(self.edit_form)
        self.panel.form_delete_button.clicked.connect(self.delete_form)
        self.panel.period_box.currentIndexChanged.connect(self._period_changed)
        self.panel.navigate.connect(self.navigate)

        top = QHBoxLayout()
        top.addWidget(
            hint(
                _(
                    "Where does the organisation stand between the existing and the "
                    "sustainable learning perspective? Score the 32 characteristics and ten "
                    "traits of a learning culture, alone or with the team, and compare with "
                    "the last scan."
                )
            ),
            1,
        )
        top.addWidget(self.form_button)
        top.addWidget(self.new_button)
        layout = page_layout(self, _("Where do we stand?"), self.count_label)
        layout.addLayout(top)
        layout.addWidget(self.error_label)
        layout.addWidget(self.draft_banner)
        splitter = list_and_panel(self.table, self.panel, (340, 860))
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)  # the results need the room
        layout.addWidget(splitter, 1)

    # --- loading ------------------------------------------------------------------

    def refresh(self) -> None:
        self.show_draft_banner()
        self.load(lambda: (list_scans(self.sessions), data_years(self.sessions)), self._loaded)

    # --- a form kept after a crash --------------------------------------------------

    def describe_draft(self, draft: Draft) -> str:
        return _(
            "A form of the scan ‘{scan}’ was not saved yet when the program closed "
            "unexpectedly ({moment}). Nothing entered was lost."
        ).format(scan=str(draft.state.get("scan_title", "")), moment=format_moment(draft.saved_at))

    def resume_draft(self) -> None:
        draft = self.waiting_draft()
        if draft is None:
            self.draft_banner.hide()
            return
        try:
            scan_id = int(draft.state["scan_id"])
            scan = get_scan(self.sessions, scan_id)
        except (KeyError, TypeError, ValueError, UserError):
            self.error_label.show_message(
                _("The scan of the unsaved form no longer exists; discard the form.")
            )
            return
        response_id = draft.record_id
        if response_id is not None:
            try:
                get_response(self.sessions, response_id)
            except UserError:
                response_id = None  # deleted meanwhile: what was entered becomes a new form
        number = draft.state.get("number") if response_id is not None else None
        self._open_response(
            scan_id,
            scan.title,
            scan.questionnaire,
            response_id,
            number if isinstance(number, int) else None,
            draft,
        )

    def _loaded(self, result: tuple[list[ScanRow], list[int]]) -> None:
        self.rows, self.years = result
        self.error_label.clear_message()
        self.count_label.setText(
            n_("{n} scan", "{n} scans", len(self.rows)).format(n=len(self.rows))
        )
        if self._selected_id is None and self.rows:
            self._selected_id = self.rows[0].id
        if self._selected_id is not None and all(r.id != self._selected_id for r in self.rows):
            self._selected_id = self.rows[0].id if self.rows else None
        self.model.show_rows(self.rows)
        if self._selected_id is None:
            self.panel.show_report(None)

    def scan_row(self, scan_id: int) -> ScanRow | None:
        return next((r for r in self.rows if r.id == scan_id), None)

    def _fill_periods(self) -> None:
        box = self.panel.period_box
        wanted = box.currentData()
        box.blockSignals(True)
        box.clear()
        for months in MONTHS_BEFORE:
            box.addItem(
                n_("{n} month up to the scan", "{n} months up to the scan", months).format(
                    n=months
                ),
                ("months", months),
            )
        for year in self.years:
            box.addItem(str(year), ("year", year))
        index = box.findData(wanted) if wanted is not None else 0
        box.setCurrentIndex(max(index, 0))
        box.blockSignals(False)

    def period(self, held_on: dt.date) -> Period:
        kind, value = self.panel.period_box.currentData() or ("months", MONTHS_BEFORE[0])
        if kind == "year":
            return Period.year(int(value))
        return Period.months_before(held_on, int(value))

    def show_no_record(self) -> None:
        self.panel.show_report(None)

    def show_record(self, record_id: int) -> None:
        row = self.scan_row(record_id)
        if row is None:
            return
        self._fill_periods()
        self._load_report(record_id, self.period(row.held_on))

    def _period_changed(self) -> None:
        if self.panel.report is not None:
            scan = self.panel.report.result.scan
            self._load_report(scan.id, self.period(scan.held_on))

    def _load_report(self, scan_id: int, period: Period) -> None:
        self._report_token += 1
        token = self._report_token

        def work() -> ScanReport:
            result, facts = self.sessions.at_once(
                lambda: scan_result(self.sessions, scan_id), lambda: measure(self.sessions, period)
            )
            return ScanReport(result, period, indicators(facts))

        def done(report: ScanReport) -> None:
            # a later choice replaced this one; an unchanged report needs no new charts
            if token == self._report_token and report != self.panel.report:
                self.panel.show_report(report)

        self.tasks.run(work, done, lambda e: self.error_label.show_message(str(e)), owner=self)

    # --- actions ------------------------------------------------------------------

    def new_scan(self) -> None:
        dialog = ScanDialog(self.sessions, self.today(), parent=self)

        def saved() -> None:
            if dialog.saved_id is not None:
                self._selected_id = dialog.saved_id
                self.status_message.emit(_("Scan saved: now enter the first form."))
                self.refresh()
                self._open_response(
                    dialog.saved_id, dialog.title.text().strip(), dialog.chosen_questionnaire()
                )

        self.open_dialog(dialog, saved)

    def edit_scan(self) -> None:
        report = self.panel.report
        if report is None:
            return
        scan = report.result.scan
        dialog = ScanDialog(
            self.sessions,
            self.today(),
            get_scan(self.sessions, scan.id),
            scan.id,
            parent=self,
            has_forms=scan.responses > 0,
        )
        self.open_form(dialog, _("Changes saved."))

    def delete_scan(self) -> None:
        report = self.panel.report
        if report is None:
            return
        scan = report.result.scan
        if not prompts.confirm(
            self,
            _("Delete scan"),
            n_(
                "Delete “{title}” of {date} with its {n} form? The next scan can then no "
                "longer be compared with it.",
                "Delete “{title}” of {date} with its {n} forms? The next scan can then no "
                "longer be compared with it.",
                scan.responses,
            ).format(title=scan.title, date=format_date(scan.held_on), n=scan.responses),
            _("Delete"),
            _("Keep it"),
            destructive=True,
        ):
            return
        self.let_go(lambda: delete_scan(self.sessions, scan.id), _("Scan deleted."))

    def _open_response(
        self,
        scan_id: int,
        scan_title: str,
        questionnaire: int,
        response_id: int | None = None,
        number: int | None = None,
        draft: Draft | None = None,
    ) -> None:
        """Open a respondent's form; a form that was not saved before a crash is offered
        first, as the new form would write over it."""
        waiting = self.waiting_draft()
        if draft is None and waiting is not None:
            if prompts.confirm(
                self,
                _("An unsaved form is waiting"),
                _("Continue with the scan form that was not saved?"),
                _("Continue filling it in"),
                _("Discard it"),
            ):
                self.resume_draft()
                return
            self.drop_draft(SCAN_FORM_DRAFT)  # the user chose to drop it
        answers = get_response(self.sessions, response_id) if response_id is not None else None
        dialog = ResponseDialog(
            self.sessions,
            scan_id,
            scan_title,
            answers,
            response_id,
            number,
            parent=self,
            questionnaire=questionnaire,
        )
        if self.drafts is not None:
            dialog.keep_drafts(self.drafts, SCAN_FORM_DRAFT, response_id)
        if draft is not None:
            dialog.resume_from(draft)
        message = _("Form saved.") if response_id is None else _("Changes saved.")

        def saved() -> None:
            self.status_message.emit(message)
            self.refresh()
            if self.panel.report is not None:
                self._period_changed()

        self.open_dialog(dialog, saved)
        dialog.finished.connect(self.show_draft_banner)
        self.show_draft_banner()

    def add_form(self) -> None:
        report = self.panel.report
        if report is not None:
            scan = report.result.scan
            self._open_response(scan.id, scan.title, scan.questionnaire)

    def edit_form(self) -> None:
        report = self.panel.report
        index = self.panel.forms_box.currentIndex()
        if report is None or index < 0:
            return
        self._open_response(
            report.result.scan.id,
            report.result.scan.title,
            report.result.scan.questionnaire,
            report.result.response_ids[index],
            report.result.response_numbers[index],
        )

    def delete_form(self) -> None:
        report = self.panel.report
        index = self.panel.forms_box.currentIndex()
        if report is None or index < 0:
            return
        number = report.result.response_numbers[index]
        if not prompts.confirm(
            self,
            _("Delete form"),
            _("Delete form {n}? Its scores and remarks no longer count.").format(n=number),
            _("Delete"),
            _("Keep it"),
            destructive=True,
        ):
            return
        response_id = report.result.response_ids[index]
        if self.act(lambda: delete_response(self.sessions, response_id), _("Form deleted.")):
            self._period_changed()

    def blank_form(self) -> None:
        report = self.panel.report
        title = report.result.scan.title if report is not None else ""
        version = report.result.scan.questionnaire if report is not None else QUESTIONNAIRE
        today = self.today()

        def make() -> bytes:
            from werkleren_desktop.documents.scan_documents import scan_form_pdf

            settings = load_settings(self.sessions)
            return scan_form_pdf(
                settings.name if settings else "",
                settings.logo_png if settings else None,
                today,
                title,
                version,
            )

        self._preview(_("Blank scan form"), make, _("scan form") + ".pdf")

    def show_report_pdf(self) -> None:
        report = self.panel.report
        if report is None:
            return
        scan = report.result.scan
        today = self.today()
        what = _("scan")  # outside the f-string, where the catalog's extraction finds it
        name = f"{what} {scan.title} {scan.held_on.isoformat()}.pdf"

        def make() -> bytes:
            from werkleren_desktop.documents.scan_documents import scan_report_pdf

            return scan_report_pdf(report, today)

        self._preview(_("Scan report"), make, name)

    def _preview(self, title: str, make: Callable[[], bytes], name: str) -> None:
        """Build the PDF in the background (a report of many forms takes a moment), with
        its buttons off meanwhile, then show the preview."""
        buttons = (self.form_button, self.panel.report_button)
        for button in buttons:
            button.setEnabled(False)

        def finished() -> None:
            self.form_button.setEnabled(True)
            report = self.panel.report
            self.panel.report_button.setEnabled(
                report is not None and report.result.scan.responses > 0
            )

        def done(pdf: bytes) -> None:
            finished()
            self.preview = PdfPreviewDialog(title, pdf, name, self)
            self.preview.open()

        def failed(error: BaseException) -> None:
            finished()
            self.error_label.show_message(str(error))

        self.tasks.run(make, done, failed, owner=self)

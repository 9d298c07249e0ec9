"""Waar staan we? Scans of the learning perspective and the learning culture: filled
in on screen or entered from paper forms, compared with the scan before, next to what
the program's own data measures."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6.QtCharts import (
    QChart,
    QChartView,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.documents.scan_documents import (
    BEFORE_COLOUR,
    ITEM_COLUMNS,
    NOW_COLOUR,
    ScanReport,
    chart_rows,
    item_cells,
    period_text,
    question_cells,
    scan_form_pdf,
    scan_report_pdf,
)
from werkleren_desktop.domain.formatting import format_date, format_moment
from werkleren_desktop.domain.scans import (
    BY_KEY,
    CHARACTERISTICS,
    HIGHEST,
    LOW_BELOW,
    QUESTION_SHORT,
    QUESTION_TITLES,
    SOURCE,
    Characteristic,
    Period,
    Question,
    format_score,
    format_share,
    indicators,
    pointer,
)
from werkleren_desktop.errors import UserError
from werkleren_desktop.gui import prompts
from werkleren_desktop.gui.charts import fill_horizontal_bars
from werkleren_desktop.gui.navigation import AREAS
from werkleren_desktop.gui.pdf_preview import PdfPreviewDialog
from werkleren_desktop.gui.record_page import RecordListPage
from werkleren_desktop.gui.rows_model import RowsTableModel
from werkleren_desktop.gui.scans.dialogs import ResponseDialog, ScanDialog
from werkleren_desktop.gui.tasks import TaskRunner
from werkleren_desktop.gui.widgets import (
    heading,
    hint,
    list_and_panel,
    list_table,
    page_layout,
    paragraph,
    scrolling,
)
from werkleren_desktop.i18n import N_, _, current_language, n_
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

LOW_COLOUR = "#fdecea"
MONTHS_BEFORE = (12, 6)  # periods measured up to the scan's date


class ScansModel(RowsTableModel[ScanRow]):
    def __init__(self) -> None:
        super().__init__(
            (N_("Date"), N_("Name"), N_("Average")),
            lambda r: (
                format_date(r.held_on, "short"),
                r.title,
                format_score(r.mean, current_language()),
            ),
        )

    def extra(self, row: ScanRow, column: int, role: int) -> object:
        if column == 2 and role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None


class ItemsModel(RowsTableModel[Characteristic]):
    """Every characteristic with its average, spread, the previous scan and what the
    data measured; low averages shaded."""

    def __init__(self) -> None:
        super().__init__(ITEM_COLUMNS, self._cells)
        self.report: ScanReport | None = None

    def _cells(self, c: Characteristic) -> tuple[str, ...]:
        assert self.report is not None
        return item_cells(self.report, c)

    def show_report(self, report: ScanReport) -> None:
        self.report = report
        self.show_rows(list(CHARACTERISTICS))

    def extra(self, row: Characteristic, column: int, role: int) -> object:
        if column >= 2 and role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if (
            role == Qt.ItemDataRole.BackgroundRole
            and self.report is not None
            and self.report.result.items[row.key].is_low
        ):
            return QBrush(QColor(LOW_COLOUR))
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return _("1: {low}\n5: {high}").format(low=row.low_end(), high=row.high_end())
        return None


def question_chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(0)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def fill_chart(chart: QChart, rows: list[tuple[str, float, float | None]]) -> None:
    """Bars of this scan (and the previous one, lighter), first characteristic on top."""
    compared = bool(rows) and rows[0][2] is not None
    bars = [(_("this scan"), NOW_COLOUR, [now for _label, now, _before in rows])]
    if compared:
        bars.insert(0, (_("previous scan"), BEFORE_COLOUR, [b or 0.0 for _l, _n, b in rows]))
    fill_horizontal_bars(chart, [label for label, _n, _b in rows], bars, HIGHEST, HIGHEST + 1)
    chart.legend().setVisible(compared)


class ScanPanel(QWidget):
    """The chosen scan: its facts, charts, table, measured indicators, where to start,
    remarks and forms."""

    navigate = Signal(str)  # an area key

    def __init__(self) -> None:
        super().__init__()
        self.report: ScanReport | None = None
        self.title = heading("", 1.3)
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # the scan's name as typed
        self.facts = paragraph("")
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.empty = hint(_("Choose a scan in the list, or start a new one."))
        self.add_button = QPushButton(_("Enter a form…"))
        self.report_button = QPushButton(_("Report…"))
        self.edit_button = QPushButton(_("Edit…"))
        self.delete_button = QPushButton(_("Delete…"))
        self.period_box = QComboBox()
        buttons = QHBoxLayout()
        for button in (self.add_button, self.report_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.period_label = QLabel(_("Measured over"))
        period_row = QHBoxLayout()
        period_row.addWidget(self.period_label)
        period_row.addWidget(self.period_box)
        period_row.addStretch(1)

        # charts: one per question, full width so that the labels can be read
        self.charts: dict[Question, QChartView] = {}
        charts_content = QWidget()
        charts_column_inner = QVBoxLayout(charts_content)
        for question in Question:
            view = QChartView(question_chart(_(QUESTION_TITLES[question])))
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.charts[question] = view
            charts_column_inner.addWidget(view)
        self.summary = paragraph("")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        charts_tab = QWidget()
        charts_column = QVBoxLayout(charts_tab)
        charts_column.addWidget(self.summary)
        charts_column.addWidget(scrolling(charts_content), 1)

        self.items_model = ItemsModel()
        self.items_table = list_table(self.items_model, {})
        items_header = self.items_table.horizontalHeader()
        for column in range(len(ITEM_COLUMNS)):
            items_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        items_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        items_tab = QWidget()
        items_column = QVBoxLayout(items_tab)
        items_column.addWidget(self.items_table, 1)
        items_column.addWidget(
            hint(
                _(
                    "Averages from 1 (existing learning perspective) to 5 (sustainable); "
                    "spread is lowest–highest (± standard deviation). Shaded: below {n}."
                ).format(n=format_score(LOW_BELOW, current_language()))
            )
        )

        self.measured = paragraph("")
        self.measured.setTextFormat(Qt.TextFormat.RichText)
        self.start_here = QWidget()
        self.start_column = QVBoxLayout(self.start_here)
        self.remarks = paragraph("")
        self.remarks.setTextFormat(Qt.TextFormat.RichText)
        self.forms_box = QComboBox()
        self.form_edit_button = QPushButton(_("Edit form…"))
        self.form_delete_button = QPushButton(_("Delete form…"))
        forms_tab = QWidget()
        forms_column = QVBoxLayout(forms_tab)
        forms_column.addWidget(
            hint(
                _(
                    "Each form is one respondent, known only by its number. Change a form "
                    "that was entered wrongly, or delete it."
                )
            )
        )
        forms_row = QHBoxLayout()
        forms_row.addWidget(self.forms_box, 1)
        forms_row.addWidget(self.form_edit_button)
        forms_row.addWidget(self.form_delete_button)
        forms_column.addLayout(forms_row)
        forms_column.addStretch(1)

        self.tabs = QTabWidget()
        self.tabs.addTab(charts_tab, _("Charts"))
        self.tabs.addTab(items_tab, _("Per characteristic"))
        self.tabs.addTab(scrolling(self.measured), _("Measured"))
        self.tabs.addTab(scrolling(self.start_here), _("Where to start"))
        self.tabs.addTab(scrolling(self.remarks), _("Remarks"))
        self.tabs.addTab(forms_tab, _("Forms"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addLayout(buttons)
        layout.addLayout(period_row)
        layout.addWidget(self.tabs, 1)
        self.source = hint(_(SOURCE))
        layout.addWidget(self.source)
        self.show_report(None)

    def show_report(self, report: ScanReport | None) -> None:
        self.report = report
        shown = report is not None
        self.empty.setVisible(not shown)
        for widget in (
            self.title,
            self.facts,
            self.tabs,
            self.add_button,
            self.report_button,
            self.edit_button,
            self.delete_button,
            self.period_box,
            self.period_label,
        ):
            widget.setVisible(shown)
        if report is None:
            return
        result = report.result
        scan = result.scan
        self.title.setText(scan.title)
        previous = result.previous
        compared = (
            _("compared with “{title}” of {date}").format(
                title=html.escape(previous.title), date=format_date(previous.held_on)
            )
            if previous
            else _("the first scan: the next one is compared with it")
        )
        forms = n_("{n} form", "{n} forms", scan.responses).format(n=scan.responses)
        note = f"<br>{html.escape(scan.note)}" if scan.note else ""
        self.facts.setText(f"{format_date(scan.held_on)} · {forms} · {compared}{note}")
        self.report_button.setEnabled(scan.responses > 0)

        rows = [question_cells(report, q) for q in Question]
        heads = "".join(
            f"<td style='padding-right:16px'><b>{html.escape(_(QUESTION_SHORT[q]))}</b></td>"
            for q in Question
        )
        scores = "".join(
            f"<td style='padding-right:16px'>{cells[1]}"
            + (f" <span style='color:#5f6b76'>({cells[3]})</span>" if cells[3] else "")
            + "</td>"
            for cells in rows
        )
        self.summary.setText(
            f"<table cellspacing='0' cellpadding='1'><tr>{heads}</tr><tr>{scores}</tr></table>"
        )
        for question, view in self.charts.items():
            bars = chart_rows(report, question)
            fill_chart(view.chart(), bars)
            per_bar = 30 if previous else 22
            view.setMinimumHeight(max(150, 90 + per_bar * len(bars)))
        self.items_model.show_report(report)
        self._show_measured(report)
        self._show_start(report)
        self._show_remarks(report)
        self.forms_box.clear()
        for number, response_id in zip(result.response_numbers, result.response_ids, strict=True):
            self.forms_box.addItem(_("Form {n}").format(n=number), response_id)
        for widget in (self.form_edit_button, self.form_delete_button, self.forms_box):
            widget.setEnabled(bool(result.response_ids))

    def _show_measured(self, report: ScanReport) -> None:
        language = current_language()
        lines = [
            "<p>"
            + html.escape(
                _(
                    "What the program's own data says about {period}, next to the average "
                    "felt score. “No data” means there was nothing to count, not 0 %."
                ).format(period=period_text(report.period))
            )
            + "</p><table cellspacing='0' cellpadding='4'>"
        ]
        felt_label = _("felt")
        for key, indicator in report.indicators.items():
            c = BY_KEY[key]
            felt = format_score(report.result.items[key].mean, language)
            counted = indicator.counted() if indicator.whole else ""
            lines.append(
                f"<tr><td valign='top'><b>{key}</b></td>"
                f"<td valign='top'><b>{html.escape(c.label())}</b><br>"
                f"<span style='color:#5f6b76'>{html.escape(indicator.how)}</span></td>"
                f"<td valign='top' align='right'><b>{format_share(indicator.share)}</b><br>"
                f"{html.escape(counted)}</td>"
                f"<td valign='top' align='right'>{html.escape(felt_label)} {felt}</td></tr>"
            )
        self.measured.setText("".join(lines) + "</table>")

    def _show_start(self, report: ScanReport) -> None:
        while self.start_column.count():
            item = self.start_column.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        low = report.low()
        language = current_language()
        if not low:
            self.start_column.addWidget(
                paragraph(
                    _("No characteristic has an average below {n}.").format(
                        n=format_score(LOW_BELOW, language)
                    )
                )
            )
        else:
            self.start_column.addWidget(
                hint(
                    _("Characteristics with an average below {n}, and what helps:").format(
                        n=format_score(LOW_BELOW, language)
                    )
                )
            )
        titles = {a.key: _(a.title) for a in AREAS}
        for c in low:
            area, advice = pointer(c.key)
            row = QHBoxLayout()
            text = paragraph(
                f"<b>{c.key} {html.escape(c.label())}</b> "
                f"({format_score(report.result.items[c.key].mean, language)})<br>"
                f"{html.escape(advice)}"
            )
            text.setTextFormat(Qt.TextFormat.RichText)
            go = QPushButton(_("Go to {area}").format(area=titles[area]))
            go.clicked.connect(lambda _checked=False, key=area: self.navigate.emit(key))
            row.addWidget(text, 1)
            row.addWidget(go, 0, Qt.AlignmentFlag.AlignTop)
            holder = QWidget()
            holder.setLayout(row)
            self.start_column.addWidget(holder)
        self.start_column.addStretch(1)

    def _show_remarks(self, report: ScanReport) -> None:
        parts = []
        for c in CHARACTERISTICS:
            said = report.result.items[c.key].remarks
            if said:
                parts.append(
                    f"<p><b>{c.key} {html.escape(c.label())}</b><br>"
                    + "<br>".join("– " + html.escape(r) for r in said)
                    + "</p>"
                )
        self.remarks.setText("".join(parts) or html.escape(_("No remarks were written.")))


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
        splitter = list_and_panel(self.table, self.panel, (260, 900))
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
            scan_id, scan.title, response_id, number if isinstance(number, int) else None, draft
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
            return ScanReport(
                scan_result(self.sessions, scan_id),
                period,
                indicators(measure(self.sessions, period)),
            )

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
                self._open_response(dialog.saved_id, dialog.title.text().strip())

        self.open_dialog(dialog, saved)

    def edit_scan(self) -> None:
        report = self.panel.report
        if report is None:
            return
        scan = report.result.scan
        dialog = ScanDialog(
            self.sessions, self.today(), get_scan(self.sessions, scan.id), scan.id, parent=self
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
        if self.act(lambda: delete_scan(self.sessions, scan.id), _("Scan deleted.")):
            self._selected_id = None
            self.panel.show_report(None)

    def _open_response(
        self,
        scan_id: int,
        scan_title: str,
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
            self.sessions, scan_id, scan_title, answers, response_id, number, parent=self
        )
        if self.drafts is not None:
            dialog.keep_drafts(self.drafts, SCAN_FORM_DRAFT, response_id)
        if draft is not None:
            dialog.restore_draft(draft.state)
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
            self._open_response(report.result.scan.id, report.result.scan.title)

    def edit_form(self) -> None:
        report = self.panel.report
        index = self.panel.forms_box.currentIndex()
        if report is None or index < 0:
            return
        self._open_response(
            report.result.scan.id,
            report.result.scan.title,
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
        today = self.today()

        def make() -> bytes:
            settings = load_settings(self.sessions)
            return scan_form_pdf(
                settings.name if settings else "",
                settings.logo_png if settings else None,
                today,
                title,
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
        self._preview(_("Scan report"), lambda: scan_report_pdf(report, today), name)

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

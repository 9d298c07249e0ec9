"""The chosen scan: its facts, charts, table, measured indicators, where to start,
remarks and forms."""

from __future__ import annotations

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QPainter
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

from werkleren_desktop.documents.scan_rows import (
    BEFORE_COLOUR,
    ITEM_COLUMNS,
    NOW_COLOUR,
    ScanReport,
    changed_text,
    chart_rows,
)
from werkleren_desktop.domain.scans import (
    HIGHEST,
    LOW_BELOW,
    QUESTION_TITLES,
    SOURCE,
    Question,
    format_score,
    pointer,
)
from werkleren_desktop.gui.charts import fill_horizontal_bars
from werkleren_desktop.gui.navigation import AREAS
from werkleren_desktop.gui.scans.models import ItemsModel
from werkleren_desktop.gui.scans.report_html import (
    facts_html,
    measured_html,
    remarks_html,
    start_html,
    summary_html,
)
from werkleren_desktop.gui.widgets import heading, hint, list_table, paragraph, scrolling
from werkleren_desktop.i18n import _, current_language


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
        self.items_changed = hint("")  # what the mark beside a change means, if any
        items_column.addWidget(self.items_changed)

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
        self.title.setText(result.scan.title)
        self.facts.setText(facts_html(report))
        self.report_button.setEnabled(result.scan.responses > 0)
        self.summary.setText(summary_html(report))
        previous = result.previous
        for question, view in self.charts.items():
            bars = chart_rows(report, question)
            fill_chart(view.chart(), bars)
            per_bar = 30 if previous else 22
            view.setMinimumHeight(max(150, 90 + per_bar * len(bars)))
        self.items_model.show_report(report)
        changed = changed_text(report)
        self.items_changed.setText(changed)
        self.items_changed.setVisible(bool(changed))
        self._show_measured(report)
        self._show_start(report)
        self._show_remarks(report)
        self.forms_box.clear()
        for number, response_id in zip(result.response_numbers, result.response_ids, strict=True):
            self.forms_box.addItem(_("Form {n}").format(n=number), response_id)
        for widget in (self.form_edit_button, self.form_delete_button, self.forms_box):
            widget.setEnabled(bool(result.response_ids))

    def _show_measured(self, report: ScanReport) -> None:
        self.measured.setText(measured_html(report))

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
            text = paragraph(start_html(report, c, advice))
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
        self.remarks.setText(remarks_html(report))

"""Jaaroverzicht: all learning of a year, in charts and a table, and exported."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6.QtCharts import (
    QChart,
    QChartView,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.documents.overview_columns import (
    SCREEN_COLUMNS,
    SPLIT_COLOUR,
    Kind,
    key_figures,
    shown,
    split_bars,
    split_caption,
    split_frame,
    totals_note,
)
from werkleren_desktop.documents.overview_export import export_overview
from werkleren_desktop.domain.constants import (
    SituationKind,
)
from werkleren_desktop.domain.situations import KIND_SHORT_LABELS
from werkleren_desktop.domain.training import PersonYear, budget_context
from werkleren_desktop.gui import prompts
from werkleren_desktop.gui.charts import fill_horizontal_bars
from werkleren_desktop.gui.pdf_preview import PdfPreviewDialog
from werkleren_desktop.gui.record_page import Page
from werkleren_desktop.gui.rows_model import RowsTableModel
from werkleren_desktop.gui.tasks import TaskRunner
from werkleren_desktop.gui.widgets import Card, heading, hint, list_table
from werkleren_desktop.i18n import _, current_language
from werkleren_desktop.services.overview import YearOverview, year_overview, year_trainings
from werkleren_desktop.storage.files import write_atomically

# the organisation's figures the page shows (documents.overview_columns.key_figures)
SCREEN_FIGURES = (
    "people",
    "situations",
    "sessions",
    "trainings",
    "cost",
    "budget_used",
    "conversations",
    "open_agreements",
    "certificates",
)
FORMATS = (
    ("pdf", "PDF…", "PDF (*.pdf)"),
    ("xlsx", "Excel…", "Excel (*.xlsx)"),
    ("csv", "CSV…", "CSV (*.csv)"),
)


def _texts(row: PersonYear) -> tuple[str, ...]:
    language = current_language()  # once a row, not once a cell
    return tuple(shown(c.value(row), c.kind, language) for c in SCREEN_COLUMNS)


class OverviewModel(RowsTableModel[PersonYear]):
    """The people of the year and, last, the organisation's totals (in bold)."""

    def __init__(self) -> None:
        super().__init__(
            tuple(c.title for c in SCREEN_COLUMNS),
            _texts,
        )

    def extra(self, row: PersonYear, column: int, role: int) -> object:
        if (
            role == Qt.ItemDataRole.TextAlignmentRole
            and SCREEN_COLUMNS[column].kind is not Kind.TEXT
        ):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.FontRole and row.person_id == 0:
            font = QFont()
            font.setBold(True)
            return font
        return None


def _chart() -> tuple[QChart, QChartView]:
    chart = QChart()
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(0)
    chart.legend().hide()
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(180)
    return chart, view


def bar_chart(chart: QChart, labels: list[str], values: list[float], colour: str) -> None:
    """Horizontal bars, first label on top, each with its value: readable at any width.
    Whole numbers: Qt writes decimals with a full stop, also in Dutch."""
    fill_horizontal_bars(
        chart,
        labels,
        [("", colour, [round(v) for v in values])],
        max([*values, 1.0]) * 1.15,
        3,
        values_shown=True,
    )


class OverviewPage(Page):
    def __init__(
        self,
        sessions: SessionFactory,
        tasks: TaskRunner,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(sessions, tasks, today, parent)
        self.overview: YearOverview | None = None
        self.year_box = QComboBox()
        self.year_box.currentIndexChanged.connect(self.refresh)
        self.export_buttons: dict[str, QPushButton] = {}
        for kind, label, _filter in FORMATS:
            button = QPushButton(label)
            button.clicked.connect(lambda _checked=False, k=kind: self.export(k))
            self.export_buttons[kind] = button
        self.print_button = QPushButton(_("Print…"))
        self.print_button.clicked.connect(self.print_overview)
        self.preview: PdfPreviewDialog | None = None

        self.figures = QLabel()
        self.figures.setTextFormat(Qt.TextFormat.RichText)
        self.figures.setWordWrap(True)
        figures_card = Card(_("The year in figures"))
        figures_card.body.addWidget(self.figures)
        figures_card.body.addStretch(1)
        figures_card.body.addWidget(hint(budget_context()))
        self.split_chart, split_view = _chart()
        self.split_caption = hint("")
        split_card = Card(_("Learning hours logged: work situations, week cycles, formal"))
        split_card.body.addWidget(split_view)
        split_card.body.addWidget(self.split_caption)
        split_card.setToolTip(split_frame())
        self.kinds_chart, kinds_view = _chart()
        kinds_card = Card(_("Situations by kind"))
        kinds_card.body.addWidget(kinds_view)

        self.model = OverviewModel()
        self.table = list_table(self.model, {})
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setMinimumHeight(200)

        cards = QHBoxLayout()
        cards.setSpacing(12)
        cards.addWidget(figures_card, 4)
        cards.addWidget(split_card, 4)
        cards.addWidget(kinds_card, 3)
        tools = QHBoxLayout()
        tools.addWidget(heading(_("Yearly overview"), 2.0))
        tools.addStretch(1)
        tools.addWidget(QLabel(_("Year")))
        tools.addWidget(self.year_box)
        tools.addSpacing(16)
        tools.addWidget(self.print_button)
        tools.addWidget(QLabel(_("Export:")))
        for button in self.export_buttons.values():
            tools.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addLayout(tools)
        layout.addWidget(
            hint(
                _(
                    "Everyone employed at some point in the year, also those with nothing "
                    "logged: seeing who did not learn is the point. A training counts in the "
                    "year it starts."
                )
            )
        )
        layout.addWidget(self.error_label)
        layout.addLayout(cards)
        layout.addWidget(self.table, 1)
        self.totals_note = hint(totals_note())
        layout.addWidget(self.totals_note)

    def year(self) -> int:
        year = self.year_box.currentData()
        return int(year) if year is not None else self.today().year

    def refresh(self) -> None:
        if not self.year_box.count():
            this_year = self.today().year
            self.year_box.blockSignals(True)
            for year in range(this_year, this_year - 11, -1):
                self.year_box.addItem(str(year), year)
            self.year_box.blockSignals(False)
        year = self.year()
        # the year chosen last is the one shown
        self.load(lambda: year_overview(self.sessions, year), self._show, "overview")

    def _show(self, overview: YearOverview) -> None:
        self.overview = overview
        self.error_label.clear_message()
        self.model.show_rows([*overview.rows, overview.total])
        self._fit_columns()
        # the same figures as the exports, a selection of them
        figures = {f.key: f for f in key_figures(overview)}
        lines = [
            (html.escape(figures[key].label), shown(figures[key].value, figures[key].kind) or "—")
            for key in SCREEN_FIGURES
        ]
        self.figures.setText(
            "<table cellspacing='0' cellpadding='2'>"
            + "".join(f"<tr><td>{k}</td><td align='right'><b>{v}</b></td></tr>" for k, v in lines)
            + "</table>"
        )
        self._show_split(overview)
        self._show_kinds(overview)

    def _fit_columns(self) -> None:
        """Widths from the headers, the totals and the first rows: measuring every cell
        of 250 people (ResizeToContents) took most of the page's time."""
        bold = QFont(self.table.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        count = self.model.rowCount()
        sample = [*range(min(count, 60)), count - 1] if count else []
        for column in range(self.model.columnCount()):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            widest = metrics.horizontalAdvance(title)
            for row in sample:
                widest = max(widest, metrics.horizontalAdvance(self.model.texts(row)[column]))
            self.table.setColumnWidth(column, widest + 18)

    def _show_split(self, overview: YearOverview) -> None:
        bar_chart(self.split_chart, *split_bars(overview), SPLIT_COLOUR)
        self.split_caption.setText(split_caption(overview))

    def _show_kinds(self, overview: YearOverview) -> None:
        counts = [overview.total.situations_by_kind.get(k, 0) for k in SituationKind]
        labels = [_(KIND_SHORT_LABELS[k]) for k in SituationKind]
        bar_chart(self.kinds_chart, labels, [float(c) for c in counts], "#9aa5b1")

    def print_overview(self) -> None:
        """The printed overview, shown first: to print, or to save as PDF."""
        if self.overview is None:
            return
        overview, today = self.overview, self.today()
        self.print_button.setEnabled(False)

        def shown(pdf: bytes) -> None:
            self.print_button.setEnabled(True)
            name = _("learning overview {year}").format(year=overview.year) + ".pdf"
            self.preview = PdfPreviewDialog(_("Yearly overview"), pdf, name, self)
            self.preview.open()

        def failed(error: BaseException) -> None:
            self.print_button.setEnabled(True)
            self.error_label.show_message(str(error))

        self.tasks.run(  # the PDF of 250 people takes a moment
            lambda: export_overview(
                overview, "pdf", today, year_trainings(self.sessions, overview.year)
            ),
            shown,
            failed,
            owner=self,
        )

    def export(self, kind: str) -> None:
        if self.overview is None:
            return
        overview = self.overview
        suggested = _("learning overview {year}").format(year=overview.year) + f".{kind}"
        filters = next(f for k, _label, f in FORMATS if k == kind)
        path = prompts.choose_save_file(self, _("Export the yearly overview"), suggested, filters)
        if path is None:
            return
        today = self.today()
        for button in self.export_buttons.values():
            button.setEnabled(False)

        def finished() -> None:
            for button in self.export_buttons.values():
                button.setEnabled(True)

        def done(_result: None) -> None:
            finished()
            self.error_label.clear_message()
            self.status_message.emit(_("Overview saved as {path}.").format(path=path))

        def failed(error: BaseException) -> None:
            finished()
            self.error_label.show_message(str(error))

        # written in the background: the PDF of 250 people takes a moment
        self.tasks.run(
            lambda: write_atomically(
                path,
                export_overview(
                    overview, kind, today, year_trainings(self.sessions, overview.year)
                ),
            ),
            done,
            failed,
            owner=self,
        )

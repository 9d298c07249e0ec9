"""A small chart of a group's cycles: turnout, and how energy and meaning develop."""

from __future__ import annotations

from PySide6.QtCharts import QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.gui.widgets import hint
from werkleren_desktop.i18n import _
from werkleren_desktop.services.cycles import TrendPoint

COLOURS = {"energy": "#d97706", "meaning": "#0f5e63", "turnout": "#7b8794"}


class TrendChart(QWidget):
    """Energy and meaning (1–5, left) and turnout (%, right) per cycle, oldest left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = QChart()
        self.chart.setMargins(QMargins(2, 2, 2, 2))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setBackgroundRoundness(0)
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(190)
        self.empty = hint(_("The chart appears once attendance of a held cycle is recorded."))
        self.caption = hint("")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addWidget(self.caption)
        layout.addWidget(self.empty)
        self.points: list[TrendPoint] = []
        self.show_points([])

    def _series(self, name: str, key: str, values: list[tuple[int, float]]) -> QLineSeries:
        series = QLineSeries()
        series.setName(name)
        pen = QPen(QColor(COLOURS[key]))
        pen.setWidth(2)
        if key == "turnout":
            pen.setStyle(Qt.PenStyle.DashLine)
        series.setPen(pen)
        series.setPointsVisible(True)
        for x, y in values:
            series.append(x, y)
        return series

    def show_points(self, points: list[TrendPoint]) -> None:
        self.points = points
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        has_data = len(points) > 0
        self.view.setVisible(has_data)
        self.caption.setVisible(has_data)
        self.empty.setVisible(not has_data)
        if not has_data:
            return
        numbered = list(enumerate(points, start=1))
        energy = self._series(
            _("Energy"), "energy", [(n, p.mean_energy) for n, p in numbered if p.mean_energy]
        )
        meaning = self._series(
            _("Meaning"), "meaning", [(n, p.mean_meaning) for n, p in numbered if p.mean_meaning]
        )
        turnout = self._series(
            _("Turnout"), "turnout", [(n, p.attendance_rate * 100) for n, p in numbered]
        )
        x_axis = QValueAxis()
        # whole cycle numbers on the axis: every one for a short history, else 7 ticks
        last = max(2, len(points))
        x_axis.setRange(1, last)
        x_axis.setLabelFormat("%d")
        x_axis.setTickCount(last if last <= 12 else 7)
        x_axis.setTitleText(_("cycle"))
        scores = QValueAxis()
        scores.setRange(1, 5)
        scores.setTickCount(5)
        scores.setLabelFormat("%d")
        percent = QValueAxis()
        percent.setRange(0, 100)
        percent.setTickCount(5)
        percent.setLabelFormat("%d%%")
        self.chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(scores, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(percent, Qt.AlignmentFlag.AlignRight)
        for series, axis in ((energy, scores), (meaning, scores), (turnout, percent)):
            self.chart.addSeries(series)
            series.attachAxis(x_axis)
            series.attachAxis(axis)
        self.caption.setText(
            _("{n} cycles from {first} to {last}").format(
                n=len(points),
                first=format_date(points[0].first_day, "medium"),
                last=format_date(points[-1].first_day, "medium"),
            )
        )

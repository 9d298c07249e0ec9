"""Horizontal bar charts that are filled again and again (another year, another scan).

The axes are made once and reused: an axis removed from a chart on screen leaves its
labels behind, under those of the next filling.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QHorizontalBarSeries, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

# one series: its name (for the legend), its colour and a value per label
Bars = tuple[str, str, Sequence[float]]


def fill_horizontal_bars(
    chart: QChart,
    labels: Sequence[str],
    bars: Sequence[Bars],
    maximum: float,
    ticks: int,
    *,
    values_shown: bool = False,
) -> None:
    """Bars per label, the first label on top, on a value axis from 0 to ``maximum``;
    ``values_shown`` writes each bar's value beside it."""
    chart.removeAllSeries()
    if not chart.axes():
        chart.addAxis(QBarCategoryAxis(), Qt.AlignmentFlag.AlignLeft)
        made = QValueAxis()
        made.setLabelFormat("%d")
        chart.addAxis(made, Qt.AlignmentFlag.AlignBottom)
    categories = chart.axes(Qt.Orientation.Vertical)[0]
    axis = chart.axes(Qt.Orientation.Horizontal)[0]
    assert isinstance(categories, QBarCategoryAxis) and isinstance(axis, QValueAxis)
    top_first = list(reversed(labels))
    if categories.categories() != top_first:  # laying out the labels costs the most
        categories.setCategories(top_first)
    series = QHorizontalBarSeries()
    for name, colour, values in bars:
        bar_set = QBarSet(name)
        bar_set.setColor(QColor(colour))
        bar_set.setBorderColor(QColor(colour))
        for value in reversed(values):
            bar_set.append(value)
        series.append(bar_set)
    if values_shown:
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
    chart.addSeries(series)
    series.attachAxis(categories)
    axis.setRange(0, maximum)
    axis.setTickCount(ticks)
    series.attachAxis(axis)

"""Every dialog fits the screen it opens on: a 1366×768 laptop is the design size.

A dialog taller than the screen hides its buttons below the edge (the print preview
asked for 860 pixels). When a dialog is shown, it is shrunk to the available area
(its content scrolls or lays out smaller) and moved inside it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QWidget

TITLE_BAR = 40  # room for the window manager's title bar, which geometry() leaves out
EDGE = 8


def fit_to_screen(window: QWidget) -> None:
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    widest, highest = area.width() - 2 * EDGE, area.height() - TITLE_BAR - EDGE
    if window.minimumWidth() > widest:
        window.setMinimumWidth(widest)
    if window.minimumHeight() > highest:
        window.setMinimumHeight(highest)
    if window.width() > widest or window.height() > highest:
        window.resize(min(window.width(), widest), min(window.height(), highest))
    x = min(max(window.x(), area.left() + EDGE), area.right() - EDGE - window.width())
    y = min(max(window.y(), area.top() + TITLE_BAR), area.bottom() - EDGE - window.height())
    if (x, y) != (window.x(), window.y()):
        window.move(x, y)


class FitDialogsToScreen(QObject):
    """Installed on the application: fits each dialog as it is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # every event of the program passes here: the cheap question first (asking an
        # event's type makes a Python enum, which took a calendar month 20 ms, #34)
        if isinstance(watched, QDialog) and event.type() == QEvent.Type.Show:
            fit_to_screen(watched)
        return False

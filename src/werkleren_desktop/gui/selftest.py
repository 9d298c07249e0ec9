"""`werkleren selftest`: the program tries itself on the data of a folder, in a window that
is not shown: every page of the sidebar and every tab on it, the charts drawn, a PDF form
in the preview, a workbook, the icons, and sorting and capitals in Dutch (ICU).

For the installed bundle above all: the build leaves out libraries, plugins and data the
program should not need (packaging/werkleren.spec), and this proves it still has what it
does need. It writes one line per check and exits non-zero when one fails.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

from werkleren_desktop.errors import UserError
from werkleren_desktop.i18n import _, n_
from werkleren_desktop.paths import DataPaths

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

    from werkleren_desktop.gui.main_window import MainWindow
    from werkleren_desktop.storage.data_store import DataStore


class SelfTest:
    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.failed: list[str] = []
        self.escaped: list[str] = []  # exceptions that left a slot while a check ran

    def check(self, what: str, action: Callable[[], str]) -> None:
        """Run one check: ``action`` returns what it saw or raises what went wrong."""
        self.escaped.clear()
        try:
            seen = action()
        except Exception as error:
            self.failed.append(what)
            detail = "".join(traceback.format_exception_only(type(error), error)).strip()
            print(_("{what}: FAILED: {detail}").format(what=what, detail=detail), file=self.out)
            return
        if self.escaped:
            self.failed.append(what)
            print(_("{what}: FAILED:").format(what=what), file=self.out)
            print(self.escaped[0], file=self.out)
            return
        print(_("{what}: ok ({seen})").format(what=what, seen=seen), file=self.out)

    def hook(
        self, kind: type[BaseException], error: BaseException, stack: TracebackType | None
    ) -> None:
        self.escaped.append("".join(traceback.format_exception(kind, error, stack)))


def run_selftest(paths: DataPaths, out: TextIO | None = None) -> int:
    """Try the window on the data in ``paths``; 0 when every check passed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # nothing shows on the screen
    from werkleren_desktop.gui.app import make_application
    from werkleren_desktop.gui.language import apply_language
    from werkleren_desktop.gui.main_window import MainWindow
    from werkleren_desktop.gui.tasks import TaskRunner
    from werkleren_desktop.gui.window_state import WindowState
    from werkleren_desktop.i18n import current_language
    from werkleren_desktop.services.organisation import load_settings
    from werkleren_desktop.storage.data_store import open_data_folder

    test = SelfTest(out or sys.stdout)
    # the window remembers its page and size: the user's next start should not show
    # where the self-test left off
    state = paths.window_state
    state_before = state.read_bytes() if state.exists() else None
    app = make_application([sys.argv[0]])
    apply_language(WindowState(paths.window_state).language() or current_language())
    hook_before = sys.excepthook
    sys.excepthook = test.hook
    store = open_data_folder(paths)
    if load_settings(store.sessions) is None:
        store.close()
        sys.excepthook = hook_before
        raise UserError(
            _(
                "There is no organisation in {folder} yet, so there is nothing to try; "
                "try it on a demo (werkleren demo --data-dir FOLDER)."
            ).format(folder=paths.root)
        )
    window = MainWindow(store, TaskRunner(synchronous=True))
    try:
        window.resize(1366, 740)
        window.show()
        app.processEvents()
        test.check(_("icons"), _icons)
        test.check(_("sorting and capitals in Dutch"), _dutch_text)
        for area in window.areas:
            test.check(
                _("page {name}").format(name=_(area.title)),
                functools.partial(_page, window, area.key),
            )
        test.check(_("charts"), functools.partial(_charts, window))
        test.check(_("PDF preview"), functools.partial(_pdf_preview, window, store))
        test.check(_("workbook"), functools.partial(_workbook, store))
    finally:
        window.close()
        store.close()
        sys.excepthook = hook_before
        if state_before is None:
            state.unlink(missing_ok=True)
        else:
            state.write_bytes(state_before)
    if test.failed:
        print(
            _("Werkleren Desktop does not work as it should: {checks}.").format(
                checks=", ".join(test.failed)
            ),
            file=test.out,
        )
        return 1
    print(_("Werkleren Desktop works: every check passed."), file=test.out)
    return 0


def _icons() -> str:
    from werkleren_desktop.gui.icons import app_icon

    icon = app_icon()
    sizes = icon.availableSizes()
    pixmap = icon.pixmap(64, 64)
    if icon.isNull() or pixmap.isNull() or not _drawn(pixmap.toImage()):
        raise RuntimeError("the program's icon does not load")
    return n_("{n} size", "{n} sizes", len(sizes)).format(n=len(sizes)) if sizes else _("drawn")


def _dutch_text() -> str:
    from PySide6.QtCore import QCollator, QLocale

    collator = QCollator(QLocale("nl"))
    names = sorted(
        ["Zwart", "Özdemir", "de Vries", "Émile", "Bakker"],
        key=functools.cmp_to_key(collator.compare),
    )
    if names != ["Bakker", "de Vries", "Émile", "Özdemir", "Zwart"]:
        raise RuntimeError(f"sorted as {names}")
    capitals = QLocale("nl").toUpper("ijsselmeer")
    if capitals != "IJSSELMEER":
        raise RuntimeError(f"capitals {capitals}")
    return ", ".join(names)


def _page(window: MainWindow, key: str) -> str:
    from PySide6.QtWidgets import QApplication, QTabWidget

    window.show_area(key)
    QApplication.processEvents()
    page = window.page(key)
    if window.pages.currentWidget() is not page:
        raise RuntimeError("the page did not come forward")
    tabs_seen = 0
    for tabs in page.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            QApplication.processEvents()
            tabs_seen += 1
    if not _drawn(page.grab().toImage()):
        raise RuntimeError("the page is blank")
    return n_("{n} tab", "{n} tabs", tabs_seen).format(n=tabs_seen)


def _charts(window: MainWindow) -> str:
    from PySide6.QtCharts import QChartView

    views = [view for view in window.findChildren(QChartView) if view.chart().series()]
    if not views:
        raise RuntimeError("no page showed a chart with data")
    for view in views:
        view.resize(max(view.width(), 400), max(view.height(), 300))
        if not _drawn(view.grab().toImage()):
            raise RuntimeError(f"the chart {view.chart().title()!r} is blank")
    return n_("{n} chart drawn", "{n} charts drawn", len(views)).format(n=len(views))


def _overview(store: DataStore, kind: str) -> bytes:
    """This year's training overview as the window and the command line write it."""
    from werkleren_desktop.documents.overview_export import export_overview
    from werkleren_desktop.services.overview import year_overview, year_trainings

    year = dt.date.today().year
    overview = year_overview(store.sessions, year)
    return export_overview(overview, kind, dt.date.today(), year_trainings(store.sessions, year))


def _pdf_preview(window: MainWindow, store: DataStore) -> str:
    from PySide6.QtWidgets import QApplication

    from werkleren_desktop.gui.pdf_preview import PdfPreviewDialog

    pdf = _overview(store, "pdf")
    dialog = PdfPreviewDialog(_("Training overview"), pdf, "overview.pdf", window)
    try:
        dialog.show()
        QApplication.processEvents()
        if not dialog.pages or not all(_drawn(page) for page in dialog.pages):
            raise RuntimeError("the preview shows no page or a blank one")
        return n_("{n} page", "{n} pages", len(dialog.pages)).format(n=len(dialog.pages))
    finally:
        dialog.close()


def _workbook(store: DataStore) -> str:
    import io

    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(_overview(store, "xlsx")), read_only=True)
    return n_("{n} sheet", "{n} sheets", len(book.sheetnames)).format(n=len(book.sheetnames))


def _drawn(image: QImage) -> bool:
    """Whether an image holds more than a plain background: a sample of its pixels has at
    least three colours."""
    if image.isNull():
        return False
    colours = set()
    step_x = max(1, image.width() // 60)
    step_y = max(1, image.height() // 60)
    for y in range(0, image.height(), step_y):
        for x in range(0, image.width(), step_x):
            colours.add(image.pixel(x, y))
            if len(colours) >= 3:
                return True
    return False

"""Take screenshots of the program for the README and for looking at changes.

    python scripts/screenshot.py --data-dir DIR --out FOLDER [--area KEY ...] [--settings] [--tabs]
    python scripts/screenshot.py --data-dir DEMO --readme docs/screenshots

The window is 1366x740: a 1366x768 laptop, the design size, less a title bar.

Runs offscreen unless QT_QPA_PLATFORM says otherwise (use xvfb-run for real fonts).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QTabWidget

from werkleren_desktop.gui.app import make_application
from werkleren_desktop.gui.language import apply_language
from werkleren_desktop.gui.main_window import MainWindow
from werkleren_desktop.gui.tasks import TaskRunner
from werkleren_desktop.paths import DataPaths
from werkleren_desktop.services.organisation import load_settings
from werkleren_desktop.storage.data_store import open_data_folder

README_SHOTS = (  # file name, area, tab (None: as it opens)
    ("home", "home", None),
    ("learning-groups", "groups", None),
    ("week-cycles-calendar", "cycles", 1),
    ("learning-log", "situations", None),
    ("conversations", "conversations", None),
    ("yearly-overview", "overview", None),
    ("scans", "scans", None),
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--area", action="append", default=[])
    parser.add_argument("--settings", action="store_true")
    parser.add_argument("--about", action="store_true")
    parser.add_argument("--tabs", action="store_true", help="every tab of each page's tabs")
    parser.add_argument("--size", default="1366x740")
    parser.add_argument(
        "--readme", action="store_true", help="the README's pictures, named as it names them"
    )
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    app = make_application()
    store = open_data_folder(DataPaths(Path(args.data_dir)))
    settings = load_settings(store.sessions)
    apply_language(settings.language if settings else "nl")
    window = MainWindow(store, TaskRunner(synchronous=True))
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)
    window.show()

    def settle() -> None:
        # a label that changed lays out its panel over several rounds of events
        for _round in range(20):
            app.processEvents()

    def readme() -> None:
        """The README's screenshots: each area as a user first sees it, something chosen."""
        for name, area, tab in README_SHOTS:
            window.show_area(area)
            settle()
            page = window.pages.currentWidget()
            table = getattr(page, "table", None)
            if table is not None and table.model().rowCount():
                table.selectRow(0)
            if tab is not None:
                page.findChildren(QTabWidget)[0].setCurrentIndex(tab)
            settle()
            window.grab().save(str(out / f"{name}.png"))

    def shoot() -> None:
        if args.readme:
            readme()
            app.quit()
            return
        areas = args.area or [window.current_area() or "welcome"]
        for key in areas:
            if settings is not None:
                window.show_area(key)
            settle()
            window.grab().save(str(out / f"{key}.png"))
            tabs = window.pages.currentWidget().findChildren(QTabWidget)
            if args.tabs and tabs:
                for index in range(tabs[0].count()):
                    tabs[0].setCurrentIndex(index)
                    app.processEvents()
                    window.grab().save(str(out / f"{key}-tab{index}.png"))
        if args.settings:
            window.open_settings()
            dialog = window.settings_dialog
            for index in range(dialog.tabs.count()):
                dialog.tabs.setCurrentIndex(index)
                app.processEvents()
                dialog.grab().save(str(out / f"settings-{index}.png"))
        if args.about:
            window.open_about()
            app.processEvents()
            window.about_dialog.grab().save(str(out / "about.png"))
        app.quit()

    QTimer.singleShot(300, shoot)
    app.exec()
    store.close()


if __name__ == "__main__":
    main()

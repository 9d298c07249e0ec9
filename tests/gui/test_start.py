"""Starting the program the way `werkleren` does, on a folder made by `werkleren demo`."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from werkleren_desktop.cli import main
from werkleren_desktop.gui.app import run_gui
from werkleren_desktop.gui.main_window import MainWindow
from werkleren_desktop.paths import DataPaths


def test_the_gui_opens_on_a_demo_folder(qapp, tmp_path, fake_prompts) -> None:
    folder = tmp_path / "demo"
    assert main(["demo", "--data-dir", str(folder)]) == 0
    seen: dict[str, object] = {}
    timer = QTimer()

    def look_and_quit() -> None:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        seen["title"] = window.windowTitle()
        seen["area"] = window.current_area()
        seen["people"] = window.home_page.active_figure.value.text()
        if seen["people"] != "–":  # the figures load in the background
            timer.stop()
            window.close()
            QApplication.quit()

    timer.timeout.connect(look_and_quit)
    timer.start(20)
    QTimer.singleShot(10_000, QApplication.quit)  # a hung start fails, never blocks CI
    assert run_gui(DataPaths(folder)) == 0
    assert seen["title"] == "Installatiebedrijf Van Dijk & Zn. — Werkleren Desktop"
    assert seen["area"] == "home"
    assert 20 <= int(str(seen["people"])) <= 30


def test_a_folder_that_cannot_be_opened_is_explained(qapp, tmp_path, fake_prompts) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    assert run_gui(DataPaths(blocked)) == 1
    assert len(fake_prompts.errors) == 1
    assert "kan niet worden aangemaakt" in fake_prompts.errors[0]

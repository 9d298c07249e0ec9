"""GUI fixtures: a main window on a fresh data folder, with dialogs patched at one seam."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from tests.conftest import TODAY
from werkleren_desktop.gui import prompts
from werkleren_desktop.gui.app import make_application
from werkleren_desktop.gui.language import apply_language
from werkleren_desktop.gui.main_window import MainWindow
from werkleren_desktop.gui.tasks import TaskRunner
from werkleren_desktop.storage.data_store import DataStore


@dataclass
class FakePrompts:
    """What the program asked the user, and what the 'user' answers."""

    confirm_answer: bool = True
    image_file: Path | None = None
    import_file: Path | None = None
    save_file: Path | None = None
    print_file: Path | None = None
    backup_file: Path | None = None
    folder: Path | None = None
    asked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    destructive: list[bool] = field(default_factory=list)

    def confirm(
        self, _parent: object, _title: str, question: str, *_buttons: str, destructive=False
    ) -> bool:
        self.asked.append(question)
        self.destructive.append(destructive)
        return self.confirm_answer

    def show_error(self, _parent: object, _title: str, message: str) -> None:
        self.errors.append(message)

    def choose_image_file(self, _parent: object) -> Path | None:
        return self.image_file

    def choose_import_file(self, _parent: object) -> Path | None:
        return self.import_file

    def choose_save_file(self, _parent: object, *_args: str) -> Path | None:
        return self.save_file

    def choose_backup_file(self, _parent: object, _folder: Path) -> Path | None:
        return self.backup_file

    def choose_folder(self, _parent: object, *_args: object) -> Path | None:
        return self.folder

    def ask_printer(self, _parent: object, printer: QPrinter) -> bool:
        """A printer that writes a PDF file, when the test names one."""
        if self.print_file is None:
            return False
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.print_file))
        return True


@pytest.fixture
def fake_prompts(monkeypatch: pytest.MonkeyPatch) -> FakePrompts:
    fake = FakePrompts()
    monkeypatch.setattr(prompts, "confirm", fake.confirm)
    monkeypatch.setattr(prompts, "show_error", fake.show_error)
    monkeypatch.setattr(prompts, "show_information", fake.show_error)
    monkeypatch.setattr(prompts, "choose_image_file", fake.choose_image_file)
    monkeypatch.setattr(prompts, "choose_import_file", fake.choose_import_file)
    monkeypatch.setattr(prompts, "choose_save_file", fake.choose_save_file)
    monkeypatch.setattr(prompts, "ask_printer", fake.ask_printer)
    monkeypatch.setattr(prompts, "choose_backup_file", fake.choose_backup_file)
    monkeypatch.setattr(prompts, "choose_folder", fake.choose_folder)
    return fake


@pytest.fixture
def make_window(
    qtbot: QtBot, store: DataStore, fake_prompts: FakePrompts
) -> Iterator[Callable[..., MainWindow]]:
    make_application()
    apply_language("nl")
    windows: list[MainWindow] = []

    def make(
        today: dt.date = TODAY, data: DataStore | None = None, tasks: TaskRunner | None = None
    ) -> MainWindow:
        """A window whose background work runs at once, unless ``tasks`` is a real runner."""
        runner = tasks or TaskRunner(synchronous=True)
        window = MainWindow(data or store, runner, today=lambda: today)
        qtbot.addWidget(window)
        with qtbot.waitExposed(window):
            window.show()
        with qtbot.waitActive(window):
            window.activateWindow()
        windows.append(window)
        return window

    yield make
    apply_language("nl")

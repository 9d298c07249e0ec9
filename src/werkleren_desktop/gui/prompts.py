"""Every message box and file dialog goes through here: one seam for tests to patch."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from werkleren_desktop.i18n import _

if TYPE_CHECKING:  # Qt's printing module loads when something is printed
    from PySide6.QtPrintSupport import QPrinter


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.critical(parent, title, message)


def show_information(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.information(parent, title, message)


def confirm(
    parent: QWidget | None,
    title: str,
    question: str,
    yes: str,
    no: str,
    *,
    destructive: bool = False,
) -> bool:
    """Ask; True for ``yes``. With ``destructive`` (replacing or removing data) Enter
    answers ``no``: nothing is ever replaced by a key pressed out of habit."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button if destructive else yes_button)
    box.exec()
    return box.clickedButton() is yes_button


def choose_image_file(parent: QWidget | None) -> Path | None:
    filename, _filter = QFileDialog.getOpenFileName(
        parent,
        _("Choose a logo"),
        str(Path.home()),
        _("Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp)"),
    )
    return Path(filename) if filename else None


def choose_import_file(parent: QWidget | None) -> Path | None:
    filename, _filter = QFileDialog.getOpenFileName(
        parent,
        _("Import people"),
        str(Path.home()),
        _("Spreadsheets (*.xlsx *.csv *.txt)"),
    )
    return Path(filename) if filename else None


def choose_backup_file(parent: QWidget | None, folder: Path) -> Path | None:
    filename, _filter = QFileDialog.getOpenFileName(
        parent,
        _("Restore a backup"),
        str(folder if folder.is_dir() else Path.home()),
        _("Werkleren Desktop backups (*.sqlite3);;All files (*)"),
    )
    return Path(filename) if filename else None


def choose_folder(parent: QWidget | None, title: str, start: Path) -> Path | None:
    folder = QFileDialog.getExistingDirectory(
        parent, title, str(start if start.is_dir() else Path.home())
    )
    return Path(folder) if folder else None


def choose_save_file(
    parent: QWidget | None, title: str, suggested: str, filters: str
) -> Path | None:
    filename, _filter = QFileDialog.getSaveFileName(
        parent, title, str(Path.home() / suggested), filters
    )
    return Path(filename) if filename else None


def ask_printer(parent: QWidget | None, printer: QPrinter) -> bool:
    """The system's print dialog: which printer, which pages; False when cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog

    dialog = QPrintDialog(printer, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted

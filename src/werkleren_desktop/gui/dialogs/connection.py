"""Connecting to the shared server: where it is, who you are, how the connection is
protected. The connection is tried in the background; what goes wrong is said in the
dialog, at the field it concerns, and everything typed stays."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.domain.formatting import format_moment
from werkleren_desktop.errors import UserError, ValidationError
from werkleren_desktop.gui.tasks import TaskRunner
from werkleren_desktop.gui.widgets import ErrorLabel, hint, name_for_screen_readers, paragraph
from werkleren_desktop.i18n import _
from werkleren_desktop.paths import DataPaths
from werkleren_desktop.storage.offline import keeps_copy, set_keeps_copy
from werkleren_desktop.storage.server import (
    DEFAULT_PORT,
    ServerAddress,
    Tls,
    forget_password,
    keyring_works,
    save_address,
    save_password,
)

if TYPE_CHECKING:
    from werkleren_desktop.storage.data_store import DataStore
    from werkleren_desktop.storage.offline import OfflineCopy

TLS_CHOICES: tuple[tuple[Tls, Callable[[], str]], ...] = (
    (Tls.VERIFY, lambda: _("Encrypted, the server checked (recommended)")),
    (Tls.ENCRYPT, lambda: _("Encrypted, the server not checked")),
    (Tls.NONE, lambda: _("Not encrypted (a trusted network only)")),
)


def open_shared(paths: DataPaths, address: ServerAddress, password: str) -> DataStore:
    """The server's data, opened as at every start (off the UI thread)."""
    from werkleren_desktop.storage.data_store import open_data_folder

    return open_data_folder(paths.with_server(address.url(password)))


class ConnectionDialog(QDialog):
    """``connected`` carries the server's data, opened; ``local_chosen`` asks for the
    data on this computer instead, ``copy_chosen`` for the copy of the server's data this
    computer keeps (both offered when the server cannot be reached at start)."""

    connected = Signal(object)
    local_chosen = Signal()
    copy_chosen = Signal()

    def __init__(
        self,
        paths: DataPaths,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        address: ServerAddress | None = None,
        problem: str = "",
        offer_local: bool = False,
        offer_copy: OfflineCopy | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Shared server"))
        self.paths = paths
        self.tasks = tasks
        self.store: DataStore | None = None
        self.host_edit = QLineEdit(address.host if address else "")
        self.host_edit.setPlaceholderText(_("for example db.example.nl"))
        self.port_box = QSpinBox()
        self.port_box.setRange(1, 65535)
        self.port_box.setValue(address.port if address else DEFAULT_PORT)
        self.port_box.setGroupSeparatorShown(False)
        self.port_box.setMaximumWidth(110)
        self.database_edit = QLineEdit(address.database if address else "werkleren")
        self.user_edit = QLineEdit(address.user if address else "")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_box = QCheckBox(_("Remember the password in this computer's keyring"))
        self.keyring = keyring_works()
        self.remember_box.setChecked(self.keyring)
        self.remember_box.setEnabled(self.keyring)
        self.copy_box = QCheckBox(_("Keep a copy to read when the server is out of reach"))
        self.copy_box.setToolTip(
            _(
                "Every quarter of an hour while connected, in the data folder, readable by "
                "you only; removed when you turn this off or work on another server."
            )
        )
        self.copy_box.setChecked(keeps_copy(paths))
        self.tls_box = QComboBox()
        for tls, label in TLS_CHOICES:
            self.tls_box.addItem(label(), tls)
        self.tls_box.setCurrentIndex(self.tls_box.findData(address.tls if address else Tls.VERIFY))
        self.ca_edit = QLineEdit(address.ca_file if address else "")
        self.ca_edit.setPlaceholderText(_("optional: the authority's certificate (.crt)"))
        choose_ca = QPushButton(_("Choose…"))
        choose_ca.setAutoDefault(False)  # Enter connects, wherever the focus is
        choose_ca.clicked.connect(self._choose_ca_file)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_edit, 1)
        ca_row.addWidget(choose_ca)
        self.fields: dict[str, QWidget] = {
            "host": self.host_edit,
            "port": self.port_box,
            "database": self.database_edit,
            "user": self.user_edit,
            "password": self.password_edit,
            "ca_file": self.ca_edit,
        }

        form = QFormLayout()
        form.addRow(_("Server"), self.host_edit)
        form.addRow(_("Port"), self.port_box)
        form.addRow(_("Database"), self.database_edit)
        form.addRow(_("User name"), self.user_edit)
        form.addRow(_("Password"), self.password_edit)
        form.addRow("", self.remember_box)
        form.addRow(_("Connection"), self.tls_box)
        form.addRow(_("Certificate"), ca_row)
        form.addRow("", self.copy_box)
        self.error_label = ErrorLabel()
        self.buttons = QDialogButtonBox()
        self.connect_button = self.buttons.addButton(
            _("Connect"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.connect_button.setDefault(True)
        self.local_button: QPushButton | None = None
        if offer_local:
            self.local_button = self.buttons.addButton(
                _("Work on this computer"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.local_button.setAutoDefault(False)
            self.local_button.clicked.connect(self._choose_local)
        self.copy_button: QPushButton | None = None
        self.copy_hint: QLabel | None = None
        if offer_copy is not None:
            self.copy_button = self.buttons.addButton(
                _("Read the copy"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.copy_button.setAutoDefault(False)
            self.copy_button.clicked.connect(self._choose_copy)
            self.copy_hint = hint(
                _(
                    "This computer keeps a copy of the server's data of {moment}: you can "
                    "read it meanwhile; nothing can be saved until the server answers again."
                ).format(moment=format_moment(offer_copy.made_at))
            )
        self.cancel_button = self.buttons.addButton(
            _("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self.try_to_connect)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(
            paragraph(
                _(
                    "With a shared server (PostgreSQL) several managers work on the same "
                    "data. Its administrator gives you the server's name, the database and "
                    "your user name. The drafts, the window's layout and the backups stay "
                    "on this computer."
                )
            )
        )
        layout.addLayout(form)
        if not self.keyring:
            layout.addWidget(
                hint(
                    _(
                        "This computer has no keyring to keep the password in: it is asked "
                        "for at every start and kept in memory only."
                    )
                )
            )
        layout.addWidget(self.error_label)
        if self.copy_hint is not None:
            layout.addWidget(self.copy_hint)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(600)
        self.connect_button.setDefault(True)  # now that the button is in the dialog
        name_for_screen_readers(self, self.windowTitle())
        if problem:
            self.error_label.show_message(problem)
        first_empty = next(
            (w for w in (self.host_edit, self.user_edit) if not w.text()), self.password_edit
        )
        first_empty.setFocus()

    def address(self) -> ServerAddress:
        return ServerAddress(
            host=self.host_edit.text(),
            port=self.port_box.value(),
            database=self.database_edit.text(),
            user=self.user_edit.text(),
            tls=Tls(self.tls_box.currentData()),
            ca_file=self.ca_edit.text(),
        )

    def _choose_ca_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            _("Choose the certificate file"),
            str(Path(self.ca_edit.text()).parent if self.ca_edit.text() else Path.home()),
            _("Certificates (*.crt *.pem *.cer);;All files (*)"),
        )
        if chosen:
            self.ca_edit.setText(chosen)

    def _set_busy(self, busy: bool) -> None:
        for widget in [*self.fields.values(), self.tls_box, self.remember_box, self.copy_box]:
            widget.setEnabled(not busy and (widget is not self.remember_box or self.keyring))
        self.connect_button.setEnabled(not busy)
        self.connect_button.setText(_("Connecting…") if busy else _("Connect"))
        for button in (self.local_button, self.copy_button):
            if button is not None:
                button.setEnabled(not busy)

    def show_problem(self, error: UserError) -> None:
        self.error_label.show_message(str(error))
        field = self.fields.get(error.field or "") if isinstance(error, ValidationError) else None
        if field is not None:
            field.setFocus()
            if isinstance(field, QLineEdit):
                field.selectAll()

    def try_to_connect(self) -> None:
        try:
            address = self.address().validated()
        except ValidationError as error:
            self.show_problem(error)
            return
        password = self.password_edit.text()
        self.error_label.show_message("")
        self._set_busy(True)
        self.tasks.run(
            lambda: open_shared(self.paths, address, password),
            lambda store: self._connected(store, address, password),
            self._failed,
            owner=self,
        )

    def _connected(self, store: DataStore, address: ServerAddress, password: str) -> None:
        self._set_busy(False)
        try:
            save_address(self.paths, address)
        except UserError as error:
            store.close()
            self.show_problem(error)
            return
        if self.remember_box.isChecked() and password:
            save_password(address, password)
        else:
            forget_password(address)
        set_keeps_copy(self.paths, self.copy_box.isChecked())
        self.store = store
        self.connected.emit(store)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, UserError):
            self.show_problem(error)
        else:
            self.show_problem(
                UserError(
                    _("The server could not be opened ({kind}). Nothing has been changed.").format(
                        kind=type(error).__name__
                    )
                )
            )

    def _choose_local(self) -> None:
        self.local_chosen.emit()
        self.reject()

    def _choose_copy(self) -> None:
        self.copy_chosen.emit()
        self.reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not self.connect_button.isEnabled():
            return  # a connection being tried is waited for (at most its timeout)
        super().keyPressEvent(event)

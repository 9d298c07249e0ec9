"""File › Users… on a shared server: who signs in, as whom, in which role
(docs/roles.md). The administrator (the login that prepared the database) adds users,
changes their role and takes their access away; anyone else sees the list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from werkleren_desktop.domain.constants import UserRole
from werkleren_desktop.domain.people import sort_key
from werkleren_desktop.domain.users import (
    check_login,
    check_password,
    check_person,
    role_description,
    role_label,
)
from werkleren_desktop.errors import UserError, ValidationError
from werkleren_desktop.gui import prompts
from werkleren_desktop.gui.dialogs.form_dialog import FormDialog
from werkleren_desktop.gui.widgets import (
    ErrorLabel,
    detail_table,
    find_by_any_part,
    heading,
    hint,
    name_for_screen_readers,
)
from werkleren_desktop.i18n import _
from werkleren_desktop.services.people import PersonRow
from werkleren_desktop.storage.server_users import (
    UserRow,
    add_user,
    list_users,
    remove_user,
    set_role,
)


class UserDialog(FormDialog):
    """A new user (login, role, person, password), or another role or person for one."""

    def __init__(
        self,
        engine: Engine,
        people: list[PersonRow],
        login: str | None = None,
        role: UserRole = UserRole.PROFESSIONAL,
        person_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            _("Add a user") if login is None else _("Role of {login}").format(login=login),
            parent,
        )
        self.engine = engine
        self.existing = login
        self.login = QLineEdit(login or "")
        self.login.setEnabled(login is None)  # a login keeps its name
        self.login.setPlaceholderText(_("for example rita"))
        self.role = QComboBox()
        for choice in UserRole:
            self.role.addItem(role_label(choice), choice)
        self.role.setCurrentIndex(self.role.findData(role))
        self.role_hint = hint(role_description(role))  # what the role sees, under it
        self.role_hint.setWordWrap(False)  # one line: a wrapped one is measured too tall
        self.role.currentIndexChanged.connect(
            lambda: self.role_hint.setText(role_description(UserRole(self.role.currentData())))
        )
        self.person = QComboBox()
        self.person.setEditable(True)  # type to find someone among hundreds
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.person.addItem(_("— nobody (a beheerder only) —"), None)
        for row in sorted(people, key=lambda r: sort_key(r.first_name, r.last_name)):
            self.person.addItem(f"{row.full_name} — {row.job_title}".rstrip(" —"), row.id)
        find_by_any_part(self.person)
        self.person.setCurrentIndex(max(self.person.findData(person_id), 0))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeated = QLineEdit()
        self.repeated.setEchoMode(QLineEdit.EchoMode.Password)
        self.fields = {
            "login": self.login,
            "person": self.person,
            "password": self.password,
            "repeated": self.repeated,
        }
        form = QFormLayout()
        form.addRow(_("Login"), self.login)
        form.addRow(_("Role"), self.role)
        form.addRow("", self.role_hint)
        form.addRow(_("Person"), self.person)
        if login is None:
            form.addRow(_("Password"), self.password)
            form.addRow(_("Password again"), self.repeated)
            form.addRow("", hint(_("Give the user their login and password in person.")))
        self.setMinimumWidth(560)
        self.finish_layout(form)
        if login is not None:
            self.role.setFocus()

    def snapshot(self) -> object:
        return (
            self.login.text(),
            self.role.currentIndex(),
            self.person.currentIndex(),
            self.password.text(),
        )

    def chosen_person(self) -> int | None:
        if self.person.findText(self.person.currentText()) < 0:
            raise ValidationError(_("Choose a person from the list."), "person")
        person: int | None = self.person.currentData()
        return person

    def save(self) -> None:
        role = UserRole(self.role.currentData())
        person = self.chosen_person()
        check_person(role, person)
        if self.existing is not None:  # the person chosen, also "nobody"
            set_role(self.engine, self.existing, role, person, unlink=person is None)
            return
        login = check_login(self.login.text())
        password = check_password(self.password.text(), self.repeated.text())
        add_user(self.engine, login, role, person, password)


class UsersDialog(QDialog):
    """The users of the shared data; ``changed`` says something was saved."""

    def __init__(
        self, engine: Engine, people: list[PersonRow], parent: QWidget | None = None
    ) -> None:
        from werkleren_desktop.storage.server_admin import is_administrator

        super().__init__(parent)
        self.setWindowTitle(_("Users"))
        self.engine = engine
        self.people = people
        self.rows: list[UserRow] = []
        self.administrator = is_administrator(engine)
        self.table = detail_table([_("Login"), _("Role"), _("Person")], 2)
        self.table.setMinimumHeight(220)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self.change_role)
        self.add_button = QPushButton(_("&Add a user…"))
        self.add_button.clicked.connect(self.add)
        self.role_button = QPushButton(_("&Change role…"))
        self.role_button.clicked.connect(self.change_role)
        self.remove_button = QPushButton(_("&Take access away…"))
        self.remove_button.clicked.connect(self.remove)
        self.error_label = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (self.add_button, self.role_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Users of the shared data"), 1.3))
        roles = "<br>".join(
            f"<b>{role_label(role)}</b>: {role_description(role)}" for role in UserRole
        )
        explained = QLabel(
            _(
                "Each user signs in with a login of their own. The server itself holds each "
                "login to its role:"
            )
            + f"<br>{roles}"
        )
        explained.setWordWrap(True)
        explained.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(explained)
        layout.addWidget(self.table)
        layout.addLayout(row)
        if not self.administrator:
            layout.addWidget(
                hint(
                    _(
                        "Only the server's administrator (the login that prepared the "
                        "database) may add users or change them."
                    )
                )
            )
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(720, 480)
        name_for_screen_readers(self, self.windowTitle())
        self.reload()

    def reload(self, select: str | None = None) -> None:
        try:
            self.rows = list_users(self.engine)
        except UserError as error:
            self.error_label.show_message(str(error))
            self.rows = []
        self.table.setRowCount(len(self.rows))
        for n, user in enumerate(self.rows):
            for column, value in enumerate(
                (user.login, role_label(user.role), user.person_name or "—")
            ):
                self.table.setItem(n, column, QTableWidgetItem(value))
        chosen = next((n for n, u in enumerate(self.rows) if u.login == select), 0)
        if self.rows:
            self.table.selectRow(chosen)
        self._selection_changed()

    def selected(self) -> UserRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        chosen = self.selected() is not None
        self.add_button.setEnabled(self.administrator)
        self.role_button.setEnabled(self.administrator and chosen)
        self.remove_button.setEnabled(self.administrator and chosen)

    def add(self) -> None:
        dialog = UserDialog(self.engine, self.people, parent=self)
        dialog.accepted.connect(lambda: self.reload(dialog.login.text().strip()))
        dialog.open()
        self.form = dialog

    def change_role(self) -> None:
        user = self.selected()
        if user is None or not self.administrator:
            return
        dialog = UserDialog(
            self.engine, self.people, user.login, user.role, user.person_id, parent=self
        )
        dialog.accepted.connect(lambda: self.reload(user.login))
        dialog.open()
        self.form = dialog

    def remove(self) -> None:
        user = self.selected()
        if user is None or not prompts.confirm(
            self,
            _("Take access away"),
            _(
                "Take away {login}'s access to the shared data? Their person and records "
                "stay; they can be added again later."
            ).format(login=user.login),
            _("Take access away"),
            _("Keep it"),
            destructive=True,
        ):
            return
        try:
            remove_user(self.engine, user.login)
        except UserError as error:
            self.error_label.show_message(str(error))
            return
        self.reload()

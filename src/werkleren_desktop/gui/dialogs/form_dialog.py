"""What every editing dialog shares: an error line, Save and Cancel, and a guard
against closing with unsaved changes."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLayout, QVBoxLayout, QWidget

from werkleren_desktop.errors import UserError, ValidationError
from werkleren_desktop.gui import prompts
from werkleren_desktop.gui.widgets import ErrorLabel
from werkleren_desktop.i18n import _


class FormDialog(QDialog):
    """Subclasses build their form, then implement ``snapshot`` and ``save``.

    ``save`` raises ValidationError (with the field) or UserError; the dialog shows the
    message, focuses the field and stays open, so nothing typed is lost.
    """

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.error_label = ErrorLabel()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(_("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(
            _("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.fields: dict[str, QWidget] = {}
        self._initial: object = None

    def finish_layout(self, form: QLayout) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._initial = self.snapshot()

    def snapshot(self) -> object:
        """What the form holds now, to compare with what it held when it opened.

        Forms with text worth guarding override this; the default guards nothing.
        """
        return None

    def save(self) -> bool | None:
        """Store the form; every form overrides this, the base stores nothing.

        Returning False keeps the dialog open (the user chose to change something).
        """
        return None

    def show_error(self, error: UserError) -> None:
        self.error_label.show_message(str(error))
        field = self.fields.get(getattr(error, "field", None) or "")
        if field is not None:
            field.setFocus()

    def accept(self) -> None:
        try:
            if self.save() is False:
                return
        except (ValidationError, UserError) as error:
            self.show_error(error)
            return
        super().accept()

    def reject(self) -> None:
        if self.snapshot() != self._initial and not prompts.confirm(
            self,
            _("Unsaved changes"),
            _("Close without saving what you entered?"),
            _("Discard changes"),
            _("Keep editing"),
        ):
            return
        super().reject()

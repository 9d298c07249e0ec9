"""What every editing dialog shares: an error line, Save and Cancel, a guard against
closing with unsaved changes, and (for forms with much to type) a draft on disk that
survives a crash."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLayout,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.errors import UserError, ValidationError
from werkleren_desktop.gui import errors, prompts
from werkleren_desktop.gui.widgets import ErrorLabel, name_for_screen_readers
from werkleren_desktop.i18n import _
from werkleren_desktop.storage.drafts import DraftStore

DRAFT_INTERVAL_MS = 2000  # a crash loses at most the last two seconds of typing


def tab_moves_on(form: QWidget) -> None:
    """In a form no text field wants a tab character: Tab goes on to the next field."""
    for edit in form.findChildren(QPlainTextEdit) + form.findChildren(QTextEdit):
        edit.setTabChangesFocus(True)


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
        self._drafts: DraftStore | None = None
        self._draft_kind = ""
        self._draft_record: int | None = None
        self._draft_timer = QTimer(self)
        self._draft_timer.setInterval(DRAFT_INTERVAL_MS)
        self._draft_timer.timeout.connect(self.keep_draft)
        self._draft_trouble_said = False

    def finish_layout(self, form: QLayout) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        tab_moves_on(self)
        name_for_screen_readers(self, self.windowTitle())
        self._initial = self.snapshot()

    def snapshot(self) -> object:
        """What the form holds now, to compare with what it held when it opened.

        Forms with text worth guarding override this; the default guards nothing.
        """
        return None

    def has_unsaved_changes(self) -> bool:
        return self.snapshot() != self._initial

    # --- drafts -------------------------------------------------------------------

    def keep_drafts(self, store: DraftStore, kind: str, record_id: int | None) -> None:
        """Write what the form holds to ``store`` every few seconds while it differs
        from what it opened with. Call after ``finish_layout``."""
        self._drafts, self._draft_kind, self._draft_record = store, kind, record_id
        self._draft_timer.start()

    def draft_state(self) -> dict[str, Any]:
        """What the form holds, as JSON-ready values; forms that keep drafts override it."""
        return {}

    def restore_draft(self, state: dict[str, Any]) -> None:
        """Fill the form from ``draft_state``'s values; the form then counts as changed."""

    def keep_draft(self) -> None:
        if self._drafts is None:
            return
        try:
            if self.has_unsaved_changes():
                self._drafts.save(self._draft_kind, self._draft_record, self.draft_state())
            else:
                self._drafts.discard(self._draft_kind)
        except (UserError, OSError) as error:
            self._draft_trouble(error)

    def _draft_trouble(self, error: Exception) -> None:
        """A draft is a safety net: its trouble is said once in the status bar, and the
        form goes on (a full disk is reported again when saving for real)."""
        if self._draft_trouble_said:
            return
        self._draft_trouble_said = True
        reason = str(error) if isinstance(error, UserError) else errors.kind_of(error)
        errors.tell(
            _("The form's safety copy could not be kept ({reason}); save it soon.").format(
                reason=reason
            )
        )

    def _end_draft(self) -> None:
        self._draft_timer.stop()
        if self._drafts is not None:
            try:
                self._drafts.discard(self._draft_kind)
            except OSError as error:
                self._draft_trouble(error)

    def discard(self) -> None:
        """Close without saving and without asking (the user already chose to)."""
        self._end_draft()
        super().reject()

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
        except Exception as error:  # the form stays open with what was typed, and says why
            log = errors.log_unexpected(error)
            self.error_label.show_message(
                _("Not saved: {what} What you entered is still here.").format(
                    what=errors.unexpected_sentence(error, log)
                )
            )
            return
        self._end_draft()
        super().accept()

    def reject(self) -> None:
        if self.has_unsaved_changes() and not prompts.confirm(
            self,
            _("Unsaved changes"),
            _("Close without saving what you entered?"),
            _("Discard changes"),
            _("Keep editing"),
            destructive=True,  # Escape, then Enter out of habit, keeps what was typed
        ):
            return
        self.discard()

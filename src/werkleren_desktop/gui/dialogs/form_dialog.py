"""What every editing dialog shares: an error line, Save and Cancel, a guard against
closing with unsaved changes, (for forms with much to type) a draft on disk that
survives a crash, and (for records others may change at the same time) the version
the form read, with a choice when someone else saved a change meanwhile."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.db.engine import SessionFactory, changed_elsewhere_sentence
from werkleren_desktop.errors import EditConflictError, UserError, ValidationError
from werkleren_desktop.gui import errors, prompts
from werkleren_desktop.gui.dialogs.conflict import Choice, ConflictDialog, PartChange
from werkleren_desktop.gui.form_parts import (
    as_json,
    canonical,
    part_text,
    part_value,
    set_part_value,
)
from werkleren_desktop.gui.widgets import ErrorLabel, OptionalDate, hint, name_for_screen_readers
from werkleren_desktop.i18n import _
from werkleren_desktop.services.versions import Stamp, my_login
from werkleren_desktop.storage.drafts import Draft, DraftStore
from werkleren_desktop.storage.server_watch import EVERY_ROW, Change

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
        # the record's version as the form read it (None: a new record, or no versions)
        self.version: int | None = None
        self.record_name = _("This record")  # "This person", for the conflict's heading
        self._initial_parts: dict[str, object] = {}
        self.conflict: ConflictDialog | None = None
        self.watched: tuple[str, int] | None = None  # (table, id) of the record edited
        self.notice = hint("")
        self.notice.hide()

    def finish_layout(self, form: QLayout) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.notice)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        tab_moves_on(self)
        name_for_screen_readers(self, self.windowTitle())
        self._initial = self.snapshot()
        self._initial_parts = self._part_values()

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

    def resume_from(self, draft: Draft) -> None:
        """Fill the form from a draft kept earlier. It goes on from the version the draft
        was read at: if the record changed since, saving opens the choice between what
        was typed then and what is stored now."""
        self.restore_draft(draft.state)
        if self._draft_record is None or draft.record_id != self._draft_record:
            return  # a new record, or one that is gone: nothing to compare with
        if draft.version is not None:
            self.version = draft.version
        if draft.read is not None:
            self._initial_parts = dict(draft.read)

    def keep_draft(self) -> None:
        if self._drafts is None:
            return
        try:
            if self.has_unsaved_changes():
                self._drafts.save(
                    self._draft_kind,
                    self._draft_record,
                    self.draft_state(),
                    self.version,
                    as_json(self._initial_parts),
                )
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

    # --- versions -----------------------------------------------------------------

    def follow_version(
        self, stamp: Stamp, table: str | None = None, record_id: int | None = None
    ) -> None:
        """The form edits the record as it was at ``stamp``: a save after someone else
        changed it opens the choice (``ConflictDialog``) instead of overwriting. With
        ``table`` and ``record_id``, the form also says when that happens while it is open
        (on a shared server)."""
        self.version = stamp.version or None
        if table is not None and record_id is not None:
            self.watched = (table, record_id)

    def notice_changes(self, changes: Sequence[Change]) -> None:
        """Another manager saved changes (``gui.server_watch``): if this form's record
        is among them, say so; the choice comes when saving."""
        if self.watched is None:
            return
        table, record_id = self.watched
        if any(c.table == table and c.record in (str(record_id), EVERY_ROW) for c in changes):
            self.notice.setText(
                _(
                    "Someone else just saved a change to this. Go on: when you save, you see "
                    "what changed and choose what stays."
                )
            )
            self.notice.show()

    def version_parts(self) -> dict[str, QWidget]:
        """The fields compared and merged field by field; forms of versioned records
        name them (with ``read_again``), others have none."""
        return {}

    def part_label(self, key: str, widget: QWidget) -> str:
        """The field's name as the form shows it: its label, a check box's own text."""
        for form in self.findChildren(QFormLayout):
            label = form.labelForField(widget)
            if isinstance(label, QLabel) and label.text():
                return label.text().replace("&", "").rstrip(":")
        if isinstance(widget, OptionalDate):
            widget = widget.check
        if isinstance(widget, QAbstractButton) and widget.text():
            text = widget.text().replace("&", "")
            return text[:1].upper() + text[1:]
        return widget.accessibleName() or key

    def read_again(self) -> tuple[FormDialog, Stamp] | None:
        """The same form, filled with the record as it is stored now, and its version;
        raises UserError when it no longer exists. None for a form that keeps no version
        (the base): a conflict is then said in a sentence only."""
        return None

    def keep_as_read(self) -> None:
        """What the form holds now is the stored record (a form that saved and stays
        open): the base that a later conflict compares with."""
        self._initial_parts = self._part_values()

    def _part_values(self) -> dict[str, object]:
        return {key: part_value(widget) for key, widget in self.version_parts().items()}

    def resolve_conflict(self) -> None:
        """Someone else saved the record since the form read it: show what each of the
        two changed and let the user choose; nothing is saved until they do."""
        try:
            again = self.read_again()
        except UserError as error:
            self.show_error(error)
            return
        if again is None:
            self.error_label.show_message(changed_elsewhere_sentence())
            return
        other, stamp = again
        mine = self.version_parts()
        theirs_widgets = other.version_parts()
        theirs = {key: (part_value(w), part_text(w)) for key, w in theirs_widgets.items()}
        changes = []
        for key, widget in mine.items():
            if key not in theirs:  # a field the stored record no longer fills (a question)
                continue
            # compared as text: the base may come from a draft's JSON
            base = canonical(self._initial_parts.get(key))
            now, other_value = canonical(part_value(widget)), canonical(theirs[key][0])
            if now != other_value:
                changes.append(
                    PartChange(
                        key,
                        self.part_label(key, widget),
                        part_text(widget),
                        theirs[key][1],
                        mine_changed=now != base,
                        theirs_changed=other_value != base,
                    )
                )
        other.deleteLater()
        if not any(change.theirs_changed for change in changes):
            # nothing the other saved differs from this form: save over it as typed
            self.version = stamp.version
            self.accept()
            return
        sessions = getattr(self, "sessions", None)  # every versioned form has its own
        login = my_login(sessions) if isinstance(sessions, SessionFactory) else ""
        self.conflict = ConflictDialog(self.record_name, stamp, changes, login, self)
        self.conflict.finished.connect(lambda _result: self._conflict_chosen(stamp, theirs, mine))
        self.conflict.open()

    def _conflict_chosen(
        self,
        stamp: Stamp,
        theirs: dict[str, tuple[object, str]],
        parts: dict[str, QWidget],
    ) -> None:
        conflict = self.conflict
        if conflict is None:
            return
        self.conflict = None
        choice = conflict.choice
        conflict.deleteLater()
        if choice is Choice.BACK:
            return
        take = set(parts) & set(theirs) if choice is Choice.THEIRS else set()
        if choice is Choice.MERGE:
            take = conflict.chosen_theirs()
        for key in take:
            set_part_value(parts[key], *theirs[key])
        # the other's version is the one the form now builds on
        self.version = stamp.version
        self._initial_parts = {key: value for key, (value, _text) in theirs.items()}
        if choice is Choice.THEIRS:
            self._initial = self.snapshot()
            self.error_label.show_message(
                _("The form now shows the other's version; nothing of yours was saved.")
            )
            return
        self.accept()

    def show_error(self, error: UserError) -> None:
        self.error_label.show_message(str(error))
        field = self.fields.get(getattr(error, "field", None) or "")
        if field is not None:
            # a form in tabs shows the field's tab first, so that the focus lands on it
            for tabs in self.findChildren(QTabWidget):
                for index in range(tabs.count()):
                    page = tabs.widget(index)
                    if page is not None and page.isAncestorOf(field):
                        tabs.setCurrentIndex(index)
            field.setFocus()

    def accept(self) -> None:
        try:
            if self.save() is False:
                return
        except EditConflictError:
            self.resolve_conflict()
            return
        except (ValidationError, UserError) as error:
            self.show_error(error)
            return
        except Exception as error:  # the form stays open with what was typed, and says why
            self.error_label.show_message(
                _("Not saved: {what} What you entered is still here.").format(
                    what=errors.sentence_for(error)
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

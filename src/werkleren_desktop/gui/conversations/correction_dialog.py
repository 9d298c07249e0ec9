"""Correcting a signed record: the new text of one part, and why."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QFormLayout, QPlainTextEdit, QWidget

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.domain.conversations import SECTIONS
from werkleren_desktop.gui import prompts
from werkleren_desktop.gui.dialogs.form_dialog import FormDialog
from werkleren_desktop.gui.widgets import hint
from werkleren_desktop.i18n import _
from werkleren_desktop.services.conversations import ConversationView, correct_record


class CorrectionDialog(FormDialog):
    def __init__(
        self,
        sessions: SessionFactory,
        conversation_id: int,
        view: ConversationView,
        now: Callable[[], dt.datetime] = dt.datetime.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("Correct the signed record"), parent)
        self.sessions = sessions
        self.conversation_id = conversation_id
        self.view = view
        self._key = ""
        self.now = now
        self.part = QComboBox()
        for section in SECTIONS:
            self.part.addItem(_(section.title), section.key)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(_("Why the record changes, for example: a word was wrong"))
        self.reason.setFixedHeight(60)
        self.part.currentIndexChanged.connect(self._part_changed)
        self._part_changed()
        self.fields = {"reason": self.reason, **{s.key: self.text for s in SECTIONS}}
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(
            hint(_("The earlier text and the reason stay with the record and are printed with it."))
        )
        form.addRow(_("Part"), self.part)
        form.addRow(_("New text"), self.text)
        form.addRow(_("Reason"), self.reason)
        self.setMinimumSize(620, 420)
        self.finish_layout(form)

    def _part_changed(self) -> None:
        """Show the chosen part's text; a change typed in the previous part is not
        dropped without asking."""
        key = self.part.currentData()
        typed = self._key and self.text.toPlainText() != self.view.notes.get(self._key, "")
        if typed and not prompts.confirm(
            self,
            _("Unsaved changes"),
            _("Drop the change typed in this part?"),
            _("Discard changes"),
            _("Keep editing"),
            destructive=True,
        ):
            self.part.blockSignals(True)
            self.part.setCurrentIndex(self.part.findData(self._key))
            self.part.blockSignals(False)
            return
        self._key = key
        self.text.setPlainText(self.view.notes.get(key, ""))

    def snapshot(self) -> object:
        changed = self.text.toPlainText() != self.view.notes.get(self._key, "")
        return (changed, self.reason.toPlainText())

    def save(self) -> None:
        correct_record(
            self.sessions,
            self.conversation_id,
            self.part.currentData(),
            self.text.toPlainText(),
            self.reason.toPlainText(),
            self.now(),
        )

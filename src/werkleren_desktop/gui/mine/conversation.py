"""Mijn gesprek: one's next talent conversation, the agreements made in one's
conversations (to mark as kept, with a note), and what was said in earlier ones."""

from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.domain.constants import AgreementStatus
from werkleren_desktop.domain.conversations import (
    AGREEMENT_STATUS_LABELS,
    OWNER_LABELS,
    SECTION_BY_KEY,
    SECTION_KEYS,
)
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.gui.dialogs.form_dialog import FormDialog
from werkleren_desktop.gui.mine.base import MinePage, fill_table, own_table
from werkleren_desktop.gui.widgets import (
    Card,
    hint,
    list_and_panel,
    paragraph,
    reading_panel,
    section,
)
from werkleren_desktop.i18n import _
from werkleren_desktop.services.mine import (
    PROFESSIONAL_PARTS,
    MyAgreement,
    MyConversation,
    MyPreparation,
    account_for_agreement,
    my_agreements,
    my_conversations,
    my_preparation,
    save_my_preparation,
)


class AgreementDialog(FormDialog):
    """How one kept an agreement of one's own conversation, with a note."""

    def __init__(
        self,
        sessions: SessionFactory,
        person_id: int,
        agreement: MyAgreement,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("How did it go?"), parent)
        self.sessions, self.person_id, self.agreement = sessions, person_id, agreement
        self.status = QComboBox()
        for status, label in AGREEMENT_STATUS_LABELS.items():
            self.status.addItem(_(label), status)
        self.status.setCurrentIndex(self.status.findData(agreement.status))
        self.note = QPlainTextEdit(agreement.review_note)
        self.note.setPlaceholderText(_("What you did, or what stood in the way"))
        self.note.setMinimumHeight(80)
        self.fields = {"status": self.status, "note": self.note}
        form = QFormLayout()
        due = (
            _("to do by {day}").format(day=format_date(agreement.due_on))
            if agreement.due_on
            else ""
        )
        form.addRow(
            _("Agreed on {day}").format(day=format_date(agreement.made_on)),
            paragraph(" · ".join(p for p in (agreement.what, due) if p)),
        )
        form.addRow(_("The agreement is"), self.status)
        form.addRow(_("Note"), self.note)
        form.addRow(
            "",
            hint(
                _(
                    "Your manager sees this, and your next talent conversation takes it up. "
                    "What was agreed stays as it was."
                )
            ),
        )
        self.setMinimumWidth(520)
        self.finish_layout(form)
        self.status.setFocus()

    def snapshot(self) -> object:
        return (self.status.currentIndex(), self.note.toPlainText())

    def save(self) -> None:
        account_for_agreement(
            self.sessions,
            self.person_id,
            self.agreement.id,
            AgreementStatus(self.status.currentData()),
            self.note.toPlainText(),
        )


class PreparationDialog(FormDialog):
    """One's own preparation of the next conversation: the professional's parts, kept
    to oneself until shared with the manager."""

    def __init__(
        self,
        sessions: SessionFactory,
        person_id: int,
        manager_name: str,
        preparation: MyPreparation,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("My preparation"), parent)
        self.sessions, self.person_id, self.preparation = sessions, person_id, preparation
        self.share = False  # the button pressed: save and share
        self.shared = False  # what the save did, once it did
        self.edits: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        for key in PROFESSIONAL_PARTS:
            part = SECTION_BY_KEY[key]
            edit = QPlainTextEdit(preparation.texts.get(key, ""))
            edit.setPlaceholderText(_(part.prompt))
            edit.setMinimumHeight(64)
            self.edits[key] = edit
            form.addRow(_(part.title), edit)
        self.fields = dict(self.edits)
        manager = manager_name or _("your manager")
        form.addRow(
            "",
            hint(
                _(
                    "What you write here is yours until you share it; then {manager} reads "
                    "it as your preparation of the conversation."
                ).format(manager=manager)
            ),
        )
        self.save_button.setText(_("Save for myself"))
        self.share_button = self.buttons.addButton(
            _("Save and share with {manager}").format(manager=manager),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        self.share_button.clicked.connect(self._share)
        self.setMinimumWidth(620)
        self.finish_layout(form)
        self.edits[PROFESSIONAL_PARTS[0]].setFocus()

    def _share(self) -> None:
        self.share = True
        self.accept()
        self.share = False  # a refusal keeps the form open: the next save decides again

    def snapshot(self) -> object:
        return tuple(edit.toPlainText() for edit in self.edits.values())

    def save(self) -> None:
        save_my_preparation(
            self.sessions,
            self.person_id,
            self.preparation.conversation_id,
            {key: edit.toPlainText() for key, edit in self.edits.items()},
            share=self.share,
        )
        self.shared = self.share


class MyConversationPage(MinePage):
    area_key = "my_conversation"

    def build(self) -> None:
        self.agreements: list[MyAgreement] = []
        self.conversations: list[MyConversation] = []
        self.account_button = QPushButton(_("How did it go…"))
        self.account_button.clicked.connect(self._account_for_chosen)
        layout = self.start_layout()
        self.next_card = Card(_("Your next conversation"))
        self.next_label = paragraph("")
        self.next_card.body.addWidget(self.next_label)
        self.preparation_label = paragraph("")
        self.prepare_button = QPushButton(_("Prepare…"))
        self.prepare_button.clicked.connect(self.open_preparation)
        preparing = QHBoxLayout()
        preparing.addWidget(self.preparation_label, 1)
        preparing.addWidget(self.prepare_button)
        self.next_card.body.addLayout(preparing)
        self.ahead: MyConversation | None = None
        self.preparation: MyPreparation | None = None
        layout.addWidget(self.next_card)
        layout.addWidget(section(_("What was agreed")))
        self.agreements_table = own_table(
            [_("Agreed on"), _("What"), _("Who"), _("To do by"), _("Kept?"), _("Note")],
            1,
            self.open_agreement,
        )
        self.agreements_empty = hint(_("No agreements yet."))
        layout.addWidget(self.agreements_empty)
        layout.addWidget(self.agreements_table, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.account_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(section(_("Earlier conversations")))
        self.conversations_table = own_table(
            [_("Held on"), _("With"), _("Signed")], 1, lambda _id: None
        )
        self.conversations_table.currentCellChanged.connect(lambda *_args: self._show_notes())
        self.notes_label = paragraph("")
        self.notes_panel = QWidget()
        reading_panel(self.notes_panel, hint(""), self.notes_label)
        self.earlier = list_and_panel(self.conversations_table, self.notes_panel, (420, 600))
        self.earlier_empty = hint(_("No conversation has been held yet."))
        layout.addWidget(self.earlier_empty)
        layout.addWidget(self.earlier, 4)

    def refresh(self) -> None:
        me = self.seat.person_id

        def work() -> tuple[list[MyAgreement], list[MyConversation], MyPreparation | None]:
            conversations = my_conversations(self.sessions, me)
            planned = [c for c in conversations if c.held_on is None]
            ahead = min(planned, key=lambda c: c.planned_on) if planned else None
            preparation = my_preparation(self.sessions, ahead.id) if ahead else None
            return my_agreements(self.sessions, me), conversations, preparation

        self.load(work, self._show)

    def _show(
        self, found: tuple[list[MyAgreement], list[MyConversation], MyPreparation | None]
    ) -> None:
        self.error_label.clear()
        self.agreements, conversations, self.preparation = found
        planned = [c for c in conversations if c.held_on is None]
        self.conversations = [c for c in conversations if c.held_on is not None]
        self.ahead = min(planned, key=lambda c: c.planned_on) if planned else None
        self._show_preparation()
        if planned:
            ahead = min(planned, key=lambda c: c.planned_on)
            when = format_date(ahead.planned_on, "full")
            if ahead.starts_at is not None:
                when = _("{day} at {time}").format(day=when, time=ahead.starts_at.strftime("%H:%M"))
            parts = [html.escape(when)]
            if ahead.manager_name:
                parts.append(html.escape(_("with {name}").format(name=ahead.manager_name)))
            if ahead.place:
                parts.append(html.escape(ahead.place))
            self.next_label.setText(" · ".join(parts))
        else:
            self.next_label.setText(
                html.escape(
                    _("No conversation has been planned yet; your manager plans it with you.")
                )
            )
        fill_table(
            self.agreements_table,
            [
                (
                    a.id,
                    (
                        format_date(a.made_on, "short"),
                        a.what,
                        _(OWNER_LABELS[a.owner]),
                        format_date(a.due_on, "short") if a.due_on else "",
                        _(AGREEMENT_STATUS_LABELS[a.status]),
                        a.review_note,
                    ),
                )
                for a in self.agreements
            ],
        )
        self.agreements_table.setVisible(bool(self.agreements))
        self.agreements_empty.setVisible(not self.agreements)
        self.account_button.setEnabled(bool(self.agreements))
        fill_table(
            self.conversations_table,
            [
                (
                    c.id,
                    (
                        format_date(c.held_on or c.planned_on, "short"),
                        c.manager_name,
                        _("by both")
                        if c.signed == 2
                        else (_("by one of you") if c.signed == 1 else _("not yet")),
                    ),
                )
                for c in self.conversations
            ],
        )
        self.earlier.setVisible(bool(self.conversations))
        self.earlier_empty.setVisible(not self.conversations)
        self._show_notes()

    def _show_preparation(self) -> None:
        preparation, ahead = self.preparation, self.ahead
        self.prepare_button.setVisible(ahead is not None)
        if ahead is None or preparation is None:
            self.preparation_label.setText("")
            return
        manager = ahead.manager_name or _("your manager")
        if preparation.shared_at is None:
            said = (
                _("Your preparation is yours until you share it with {manager}.")
                if any(preparation.texts.values())
                else _("Prepare it in your own words; share it with {manager} when you are ready.")
            ).format(manager=manager)
        else:
            day = format_date(preparation.shared_at.astimezone().date())
            said = (
                _("Changed since you shared it with {manager} on {day}; share it again.")
                if preparation.changed_since_shared
                else _("Shared with {manager} on {day}.")
            ).format(manager=manager, day=day)
        self.preparation_label.setText(html.escape(said))

    def open_preparation(self) -> None:
        if self.ahead is None or self.preparation is None:
            return
        dialog = PreparationDialog(
            self.sessions, self.seat.person_id, self.ahead.manager_name, self.preparation, self
        )

        def saved() -> None:
            self.status_message.emit(
                _("Your preparation was shared.")
                if dialog.shared
                else _("Your preparation was saved.")
            )
            self.refresh()

        self.open_dialog(dialog, saved)

    def _show_notes(self) -> None:
        row = self.conversations_table.currentRow()
        if not 0 <= row < len(self.conversations):
            self.notes_label.setText("")
            return
        notes = self.conversations[row].notes
        self.notes_label.setText(
            "".join(
                f"<p><b>{html.escape(_(SECTION_BY_KEY[key].title))}</b><br>"
                + html.escape(notes[key]).replace("\n", "<br>")
                + "</p>"
                for key in SECTION_KEYS
                if notes.get(key)
            )
            or html.escape(_("Nothing was noted of this conversation."))
        )

    def _account_for_chosen(self) -> None:
        row = self.agreements_table.currentRow()
        if 0 <= row < len(self.agreements):
            self.open_agreement(self.agreements[row].id)

    def open_agreement(self, agreement_id: int) -> None:
        agreement = next((a for a in self.agreements if a.id == agreement_id), None)
        if agreement is None:
            return
        dialog = AgreementDialog(self.sessions, self.seat.person_id, agreement, self)
        self.open_form(dialog, _("Changes saved."))

"""A ready prompt for an AI assistant, shown before it is copied: editable, with what was
taken out marked. The program itself sends nothing anywhere."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.domain.pseudonymise import KIND_LABELS, Cleaned, Pseudonymiser
from werkleren_desktop.domain.situations import SituationInput, ai_prompt
from werkleren_desktop.gui.widgets import hint, paragraph
from werkleren_desktop.i18n import _

MARK = QColor("#fff0a8")  # what was replaced: a highlighter's yellow, readable in print


class AiPromptDialog(QDialog):
    def __init__(
        self,
        situation: SituationInput,
        questions: list[str],
        roles: dict[str, str],
        parent: QWidget | None = None,
        question: str = "",
    ) -> None:
        super().__init__(parent)
        self.situation = situation
        self.pseudonymise = Pseudonymiser(roles)  # built once; the prompt is rebuilt per key
        self.cleaned = Cleaned("", ())
        self.setWindowTitle(_("Ask an AI assistant"))
        self.question = QComboBox()
        self.question.setEditable(True)
        self.question.addItems(questions)
        if question:
            self.question.setCurrentText(question)
        self.answer_kind = QLineEdit()
        self.answer_kind.setPlaceholderText(
            _("What kind of answer you want, for example: a checklist of causes")
        )
        self.prompt = QPlainTextEdit()
        self.prompt.setTabChangesFocus(True)
        self.replaced = paragraph("")
        self.copied = hint("")
        self.rebuild_button = QPushButton(_("Build the text again"))
        self.rebuild_button.setToolTip(
            _("Takes the question and the answer wanted in; your own changes to the text go.")
        )
        self.rebuild_button.clicked.connect(self.update_prompt)
        self.rebuild_button.hide()
        self.question.currentTextChanged.connect(self._asked_anew)
        self.answer_kind.textChanged.connect(self._asked_anew)
        self.prompt.textChanged.connect(lambda: self.copied.setText(""))
        buttons = QDialogButtonBox()
        self.copy_button = buttons.addButton(
            _("Copy to clipboard"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.clicked.connect(self.copy)
        buttons.addButton(_("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(_("Question"), self.question)
        form.addRow(_("Answer wanted"), self.answer_kind)
        below = QHBoxLayout()
        below.addWidget(self.replaced, 1)
        below.addWidget(self.rebuild_button)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                _(
                    "Before the text below leaves this window, the program replaces e-mail "
                    "addresses, phone numbers, postcodes, bank accounts, long numbers such as "
                    "a BSN, addresses with a house number, names after a title or role "
                    "(mevrouw, dhr., klant, bewoner…) and the names of everyone in the "
                    "program. It does not recognise other names, place names, or a "
                    "description that makes someone recognisable: read the text for those "
                    "before you share it, and change it here if needed. Paste it into the AI "
                    "assistant of your choice; Werkleren Desktop itself sends nothing "
                    "anywhere."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.prompt, 1)
        layout.addLayout(below)
        layout.addWidget(self.copied)
        layout.addWidget(buttons)
        self.setMinimumSize(640, 480)
        self.resize(760, 600)
        self.update_prompt()

    def _asked_anew(self) -> None:
        if self.prompt.document().isModified():  # the user's own edits are not thrown away
            self.rebuild_button.show()
            return
        self.update_prompt()

    def update_prompt(self) -> None:
        self.cleaned = ai_prompt(
            self.situation,
            self.question.currentText(),
            self.answer_kind.text(),
            self.pseudonymise,
        )
        self.prompt.setPlainText(self.cleaned.text)
        self.prompt.document().setModified(False)
        self.rebuild_button.hide()
        self._mark()
        counts = self.cleaned.counts()
        self.replaced.setText(
            _("Replaced (marked yellow): {what}.").format(
                what=", ".join(f"{_(KIND_LABELS[k])} {n}" for k, n in counts.items())
            )
            if counts
            else _("Nothing was found to replace; read the text before you share it.")
        )
        self.copied.setText("")

    def _mark(self) -> None:
        """Yellow behind every stand-in; the marks move along when the user edits."""
        marked = QTextCharFormat()
        marked.setBackground(MARK)
        selections = []
        for replacement in self.cleaned.replacements:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.prompt.document())
            cursor.setPosition(replacement.start)
            cursor.setPosition(replacement.end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = marked
            selections.append(selection)
        self.prompt.setExtraSelections(selections)

    def marked_texts(self) -> list[str]:
        """The texts marked now (for tests and for the reader's sake: what was replaced)."""
        return [s.cursor.selectedText() for s in self.prompt.extraSelections()]

    def copy(self) -> None:
        QApplication.clipboard().setText(self.prompt.toPlainText())
        self.copied.setText(
            _("Copied. Read it once more for names the program does not know before you share it.")
        )

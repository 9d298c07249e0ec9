"""A ready prompt for an AI assistant, copied to the clipboard; the program sends nothing."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.domain.situations import SituationInput, ai_prompt
from werkleren_desktop.gui.widgets import hint
from werkleren_desktop.i18n import _


class AiPromptDialog(QDialog):
    def __init__(
        self,
        situation: SituationInput,
        questions: list[str],
        roles: dict[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.situation = situation
        self.roles = roles
        self.setWindowTitle(_("Ask an AI assistant"))
        self.question = QComboBox()
        self.question.setEditable(True)
        self.question.addItems(questions)
        self.answer_kind = QLineEdit()
        self.answer_kind.setPlaceholderText(
            _("What kind of answer you want, for example: a checklist of causes")
        )
        self.prompt = QPlainTextEdit()
        self.prompt.setReadOnly(True)
        self.copied = hint("")
        self.question.currentTextChanged.connect(self.update_prompt)
        self.answer_kind.textChanged.connect(self.update_prompt)
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
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                _(
                    "Names of people are replaced by their roles before copying. Paste the "
                    "prompt into the AI assistant of your choice; Werkleren Desktop itself "
                    "sends nothing anywhere."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.prompt, 1)
        layout.addWidget(self.copied)
        layout.addWidget(buttons)
        self.setMinimumSize(640, 480)
        self.update_prompt()

    def update_prompt(self) -> None:
        self.prompt.setPlainText(
            ai_prompt(
                self.situation, self.question.currentText(), self.answer_kind.text(), self.roles
            )
        )
        self.copied.setText("")

    def copy(self) -> None:
        QApplication.clipboard().setText(self.prompt.toPlainText())
        self.copied.setText(_("Copied. Names were replaced by roles."))

"""The conversation when someone leaves, from the person page: the four questions, what
their knowledge is tied to, saved and printed (a blank form too, to fill in by hand)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QFormLayout, QLabel, QPlainTextEdit, QPushButton, QWidget

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.documents.exit_form import exit_pdf
from werkleren_desktop.domain.exit_conversation import QUESTIONS, ExitInput
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.gui.dialogs.form_dialog import FormDialog
from werkleren_desktop.gui.pdf_preview import PdfPreviewDialog
from werkleren_desktop.gui.widgets import date_edit, from_qdate, hint
from werkleren_desktop.i18n import _
from werkleren_desktop.services.exit_conversation import ExitView, save_exit
from werkleren_desktop.services.organisation import load_settings


def handover_text(view: ExitView) -> str:
    tied = [_("the one to ask about “{title}”").format(title=t) for t in view.agreements] + [
        _("expert on call for “{name}”").format(name=g) for g in view.groups
    ]
    if not tied:
        return _("No work agreement or learning group names them.")
    return _("In the program: {what}.").format(what="; ".join(tied))


class ExitDialog(FormDialog):
    def __init__(
        self,
        sessions: SessionFactory,
        view: ExitView,
        today: Callable[[], dt.date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("Exit conversation with {name}").format(name=view.person_name), parent)
        self.sessions = sessions
        self.view = view
        self.today = today
        self.preview: PdfPreviewDialog | None = None
        record = view.record
        self.held_on = date_edit(record.held_on if record else today())
        self.answers: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        last = format_date(view.out_of_service) if view.out_of_service else "—"
        form.addRow(_("Last day"), QLabel(last))
        form.addRow(_("With"), QLabel(view.manager_name or "—"))
        form.addRow(_("Held on"), self.held_on)
        for key, question in QUESTIONS:
            edit = QPlainTextEdit(getattr(record, key) if record else "")
            edit.setFixedHeight(74)
            edit.setAccessibleName(_(question))
            self.answers[key] = edit
            label = QLabel(_(question))
            label.setWordWrap(True)
            form.addRow(label)
            form.addRow(edit)
        about = hint(handover_text(view))
        about.setMinimumWidth(600)  # (a form sizes a wrapped line by its narrow width)
        form.addRow(about)
        self.print_button = QPushButton(_("Print…"))
        self.print_button.setToolTip(_("The form as filled in, or blank to fill in by hand"))
        self.print_button.clicked.connect(self.print_form)
        self.buttons.addButton(self.print_button, self.buttons.ButtonRole.ActionRole)
        self.fields = {"held_on": self.held_on, **self.answers}
        self.setMinimumWidth(660)
        self.finish_layout(form)
        self.answers["reason"].setFocus()

    def data(self) -> ExitInput:
        return ExitInput(
            from_qdate(self.held_on.date()),
            self.view.manager_id,
            **{key: edit.toPlainText() for key, edit in self.answers.items()},
        )

    def snapshot(self) -> object:
        return self.data()

    def save(self) -> None:
        save_exit(self.sessions, self.view.person_id, self.data(), self.today())

    def print_form(self) -> None:
        """The form as it stands (blank where nothing is written yet)."""
        data = self.data()
        written = any(getattr(data, key).strip() for key, _question in QUESTIONS)
        view = ExitView(
            self.view.person_id, self.view.person_name, self.view.out_of_service,
            self.view.manager_id, self.view.manager_name, data if written else None,
            self.view.agreements, self.view.groups,
        )  # fmt: skip
        settings = load_settings(self.sessions)
        pdf = exit_pdf(
            view, settings.name if settings else "", settings.logo_png if settings else None,
            self.today(),
        )  # fmt: skip
        name = _("exit conversation {name}").format(name=self.view.person_name) + ".pdf"
        self.preview = PdfPreviewDialog(_("Exit conversation"), pdf, name, self)
        self.preview.open()

"""A leervraag: asked (by the professional, or entered by the owner on their behalf),
answered by their manager, and later what came of it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPlainTextEdit, QWidget

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.domain.constants import RequestKind, RequestStatus
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.requests import (
    KIND_LABELS,
    STATUS_LABELS,
    AnswerInput,
    RequestInput,
    answer_text,
)
from werkleren_desktop.gui.dialogs.form_dialog import FormDialog
from werkleren_desktop.gui.widgets import date_edit, from_qdate, hint, paragraph
from werkleren_desktop.i18n import _
from werkleren_desktop.services.requests import (
    RequestRow,
    ask,
    note_own_request,
    read_request,
    save_request,
)
from werkleren_desktop.services.versions import Stamp


def _text(value: str, height: int) -> QPlainTextEdit:
    edit = QPlainTextEdit(value)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    return edit


class RequestDialog(FormDialog):
    """A new request of ``person_id`` (``request`` None), or one to answer.

    ``own``: the professional's own request, in their own window (Mijn leren): they word
    it and note what came of it; the answer is their manager's and shows as text.
    ``answering_as``: the person who answers (a manager in their window); by default the
    manager it was addressed to, for whom the owner enters it on a laptop."""

    def __init__(
        self,
        sessions: SessionFactory,
        today: dt.date,
        person_id: int,
        person_name: str,
        request: RequestRow | None = None,
        parent: QWidget | None = None,
        *,
        own: bool = False,
        answering_as: int | None = None,
    ) -> None:
        if own:
            title = _("My learning request") if request else _("New learning request")
        elif request:
            title = _("Learning request of {name}").format(name=person_name)
        else:
            title = _("New learning request of {name}").format(name=person_name)
        super().__init__(title, parent)
        self.sessions, self.today = sessions, today
        self.person_id, self.person_name = person_id, person_name
        self.own, self.answering_as = own, answering_as
        self.request = request
        self.saved_id: int | None = request.id if request else None
        self.kind = QComboBox()
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(_(label), kind)
        self.kind.setCurrentIndex(self.kind.findData(request.kind if request else None))
        if request is None:
            self.kind.setCurrentIndex(0)
        self.question = _text(request.question if request else "", 70)
        self.question.setPlaceholderText(
            _("What you want to learn, and why now")
            if own
            else _("In their words: what they want to learn, and why now")
        )
        self.asked_on = date_edit(request.asked_on if request else today)
        self.status = QComboBox()
        for status, label in STATUS_LABELS.items():
            self.status.addItem(_(label), status)
        self.status.setCurrentIndex(
            self.status.findData(request.status if request else RequestStatus.OPEN)
        )
        self.answer = _text(request.answer if request else "", 56)
        answered_on = request.answered_on if request is not None else None
        self.answered_on = date_edit(answered_on or today)
        self.outcome = _text(request.outcome if request else "", 56)
        self.outcome.setPlaceholderText(_("Later: what came of it"))
        self.answer_label = QLabel()
        self.fields = {
            "question": self.question,
            "asked_on": self.asked_on,
            "status": self.status,
            "answer": self.answer,
            "answered_on": self.answered_on,
        }
        form = QFormLayout()
        form.addRow(_("You ask for") if own else _("Asks for"), self.kind)
        form.addRow(_("The question"), self.question)
        if request is None and own:
            form.addRow(
                "",
                hint(
                    _(
                        "Your manager answers it; you see the answer here and in your next "
                        "talent conversation."
                    )
                ),
            )
        elif request is None:
            form.addRow(_("Asked on"), self.asked_on)
            form.addRow(
                "",
                hint(
                    _(
                        "The request is theirs: entered on their behalf, it says they brought "
                        "it in. Their manager answers it."
                    )
                ),
            )
        elif own:
            addressed = request.addressed_to_name or _("nobody (no manager when asked)")
            form.addRow(
                "",
                paragraph(
                    _("Asked on {day}, of {manager}.").format(
                        day=format_date(request.asked_on), manager=addressed
                    )
                ),
            )
            form.addRow(
                _("Answer"),
                paragraph(
                    answer_text(
                        request.status,
                        request.answer,
                        request.answered_on,
                        request.answered_by_name,
                    )
                ),
            )
            form.addRow(_("What came of it"), self.outcome)
            answered = request.status is not RequestStatus.OPEN
            self.kind.setEnabled(not answered)  # an answered request keeps its question
            self.question.setReadOnly(answered)
        else:
            addressed = request.addressed_to_name or _("nobody (no manager when asked)")
            form.addRow(
                "",
                paragraph(
                    _("Asked on {day}, of {manager}.").format(
                        day=format_date(request.asked_on), manager=addressed
                    )
                ),
            )
            form.addRow(_("Answer"), self.status)
            form.addRow(self.answer_label, self.answer)
            form.addRow(_("Answered on"), self.answered_on)
            form.addRow(_("What came of it"), self.outcome)
            self.status.currentIndexChanged.connect(self._status_changed)
            self._status_changed()
            answered = request.status is not RequestStatus.OPEN
            self.kind.setEnabled(not answered)  # an answered request keeps its question
            self.question.setReadOnly(answered)
        self.setMinimumWidth(560)
        self.finish_layout(form)
        if own and request is not None:
            answered = request.status is not RequestStatus.OPEN
            (self.outcome if answered else self.question).setFocus()
        else:
            (self.status if request else self.question).setFocus()
        if request is not None:
            self.follow_version(request.stamp, "learning_request", request.id)
            self.record_name = (
                _("your learning request")
                if own
                else _("the learning request of {name}").format(name=person_name)
            )

    def _status_changed(self) -> None:
        status = RequestStatus(self.status.currentData())
        self.answer_label.setText(
            _("Reason") if status is RequestStatus.DECLINED else _("What was agreed")
        )
        for widget in (self.answer, self.answered_on):
            widget.setEnabled(status is not RequestStatus.OPEN)

    def snapshot(self) -> object:
        return (
            self.kind.currentIndex(),
            self.question.toPlainText(),
            self.status.currentIndex(),
            self.answer.toPlainText(),
            self.outcome.toPlainText(),
        )

    def version_parts(self) -> dict[str, QWidget]:
        if self.request is None:
            return {}
        if self.own:
            return {"kind": self.kind, "question": self.question, "outcome": self.outcome}
        return {
            "kind": self.kind,
            "question": self.question,
            "status": self.status,
            "answer": self.answer,
            "answered_on": self.answered_on,
            "outcome": self.outcome,
        }

    def read_again(self) -> tuple[FormDialog, Stamp] | None:
        if self.request is None:
            return None
        stored = read_request(self.sessions, self.request.id)
        again = RequestDialog(
            self.sessions,
            self.today,
            self.person_id,
            self.person_name,
            stored,
            own=self.own,
            answering_as=self.answering_as,
        )
        return again, stored.stamp

    def save(self) -> None:
        kind = RequestKind(self.kind.currentData())
        question = self.question.toPlainText()
        if self.request is None:
            self.saved_id = ask(
                self.sessions,
                RequestInput(self.person_id, kind, question, from_qdate(self.asked_on.date())),
                self.today,
            )
            return
        if self.own:
            note_own_request(
                self.sessions,
                self.request.id,
                kind,
                question,
                self.outcome.toPlainText(),
                self.today,
                version=self.version,
            )
            return
        status = RequestStatus(self.status.currentData())
        save_request(
            self.sessions,
            self.request.id,
            kind,
            question,
            AnswerInput(
                status,
                self.answer.toPlainText(),
                from_qdate(self.answered_on.date()) if status is not RequestStatus.OPEN else None,
                self.outcome.toPlainText(),
            ),
            self.today,
            answered_by=self.answering_as or self.request.addressed_to,
            version=self.version,
        )

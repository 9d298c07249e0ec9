"""Leervragen: a professional asks for training, a learning group or an expert; their
manager answers (granted, planned, or declined with a reason); what came of it is kept.
The request, the answer and its outcome stay visible to both and come up in the next
talent conversation. On a laptop the owner enters a request on someone's behalf: the
request is still theirs (the article's "regisseursstoel")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from werkleren_desktop.domain.constants import RequestKind, RequestStatus
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.i18n import N_, _

QUESTION_MAX = 2000

KIND_LABELS = {
    RequestKind.TRAINING: N_("A training course"),
    RequestKind.GROUP: N_("A learning group"),
    RequestKind.EXPERT: N_("An expert"),
}
STATUS_LABELS = {
    RequestStatus.OPEN: N_("Waiting for an answer"),
    RequestStatus.GRANTED: N_("Granted"),
    RequestStatus.PLANNED: N_("Planned"),
    RequestStatus.DECLINED: N_("Declined"),
}


@dataclass(frozen=True)
class RequestInput:
    person_id: int
    kind: RequestKind
    question: str
    asked_on: dt.date

    def validated(self, today: dt.date) -> RequestInput:
        question = self.question.strip()
        if not question:
            raise ValidationError(_("Say what they ask for."), "question")
        if len(question) > QUESTION_MAX:
            raise ValidationError(
                _("The question is too long (at most {n} characters).").format(n=QUESTION_MAX),
                "question",
            )
        if self.asked_on > today:
            raise ValidationError(_("The day it was asked lies in the future."), "asked_on")
        return replace(self, question=question)


@dataclass(frozen=True)
class AnswerInput:
    status: RequestStatus
    answer: str  # what was granted or planned, or why not
    answered_on: dt.date | None
    outcome: str = ""  # what came of it, later

    def validated(self, asked_on: dt.date, today: dt.date) -> AnswerInput:
        answer, outcome = self.answer.strip(), self.outcome.strip()
        if self.status is RequestStatus.OPEN:
            if answer:
                raise ValidationError(
                    _("Choose what the answer is: granted, planned or declined."), "status"
                )
            return replace(self, answer="", answered_on=None, outcome=outcome)
        if self.status is RequestStatus.DECLINED and not answer:
            raise ValidationError(
                _("A request is declined with a reason; write it down for them."), "answer"
            )
        day = self.answered_on or today
        if day > today:
            raise ValidationError(_("The day of the answer lies in the future."), "answered_on")
        if day < asked_on:
            raise ValidationError(
                _("The answer cannot come before the question ({day}).").format(
                    day=format_date(asked_on)
                ),
                "answered_on",
            )
        return replace(self, answer=answer, answered_on=day, outcome=outcome)


@dataclass(frozen=True)
class RequestLine:
    """A request as a talent conversation shows it: asked or answered since the last
    conversation, or still waiting."""

    asked_on: dt.date
    kind: RequestKind
    question: str
    status: RequestStatus
    answer: str = ""
    outcome: str = ""

    def state(self) -> str:
        """ "Planned: in March, with the supplier" · "Waiting for an answer"."""
        state = _(STATUS_LABELS[self.status])
        if self.status is not RequestStatus.OPEN and self.answer:
            state = f"{state}: {self.answer}"
        if self.outcome:
            came = _("What came of it")  # outside the f-string (extraction)
            state = f"{state} · {came}: {self.outcome}"
        return state


def answer_text(
    status: RequestStatus, answer: str, answered_on: dt.date | None, answered_by: str
) -> str:
    """The manager's answer as the asker reads it: "Planned on 3 March 2026 by Mark
    Jansen: in the spring course", or that it waits for an answer."""
    if status is RequestStatus.OPEN:
        return _(STATUS_LABELS[status])
    said = _(STATUS_LABELS[status])
    if answered_on is not None and answered_by:
        said = _("{state} on {day} by {name}").format(
            state=said, day=format_date(answered_on), name=answered_by
        )
    elif answered_on is not None:
        said = _("{state} on {day}").format(state=said, day=format_date(answered_on))
    return f"{said}: {answer}" if answer else said

"""The conversation when someone leaves (vertrekgesprek): why they go, what worked and
what could be better, and what they know that should stay in the organisation, with the
work agreements they are the one to ask about and the groups they are expert on call
for. Its record goes with the person's other records (the retention rules of the
conversations apply; erasing the person erases it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from werkleren_desktop.errors import ValidationError
from werkleren_desktop.i18n import N_, _

ANSWER_MAX = 5000

# (the field, its question), in the order the form asks them
QUESTIONS: tuple[tuple[str, str], ...] = (
    ("reason", N_("Why are you leaving, and what could have made you stay?")),
    ("went_well", N_("What worked well here: in the work, in learning, with colleagues?")),
    ("could_be_better", N_("What could be better, for those who stay?")),
    ("handover", N_("What do you know that should stay here, and who takes it over?")),
)


@dataclass(frozen=True)
class ExitInput:
    held_on: dt.date
    manager_id: int | None = None
    reason: str = ""
    went_well: str = ""
    could_be_better: str = ""
    handover: str = ""

    def validated(self, in_service: dt.date, today: dt.date) -> ExitInput:
        if self.held_on > today:
            raise ValidationError(
                _("The conversation is written down once it was held."), "held_on"
            )
        if self.held_on < in_service:
            raise ValidationError(
                _("The conversation lies after the first day in service."), "held_on"
            )
        answers = {key: getattr(self, key).strip() for key, _question in QUESTIONS}
        for key, text in answers.items():
            if len(text) > ANSWER_MAX:
                raise ValidationError(
                    _("Keep an answer under {n} characters.").format(n=ANSWER_MAX), key
                )
        if not any(answers.values()):
            raise ValidationError(_("Write down at least one answer."), "reason")
        return replace(self, **answers)

"""Lessons that travel: what a learning group learned in a period, as the digest
"Wat we leerden" shows it (on screen and on paper)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from werkleren_desktop.domain.situations import SituationLink
from werkleren_desktop.domain.work_agreements import PrintedAgreement
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.i18n import _


@dataclass(frozen=True)
class CycleLesson:
    first_day: dt.date
    last_day: dt.date
    question: str
    outcome: str
    next_step: str


@dataclass(frozen=True)
class Digest:
    organisation: str
    logo_png: bytes | None
    group: str
    first: dt.date
    last: dt.date
    cycles: tuple[CycleLesson, ...]  # cycles over in the period with something learned
    situations: tuple[SituationLink, ...]  # with an outcome or a next step, by date
    # the work agreements made from these cycles and situations that hold at the end
    agreements: tuple[PrintedAgreement, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.cycles and not self.situations


DIGEST_DAYS_MAX = 3 * 366  # a digest covers at most three years


def check_period(first: dt.date, last: dt.date) -> None:
    if last < first:
        raise ValidationError(_("The end date cannot be before the start date."), "last")
    if (last - first).days > DIGEST_DAYS_MAX:
        raise ValidationError(_("Choose a period of at most three years."), "first")

"""Onboarding a new colleague (inwerkplan): steps on working days counted from the first
day in service, skipping weekends, public holidays the organisation closes on and its
closing days; a buddy, an experienced colleague as in the article's groups of young and
old; the certificates their function requires; and the first talent conversation.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass, replace

from werkleren_desktop.domain.calendar import WorkCalendar
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.i18n import N_, _

TITLE_MAX = 200
NOTE_MAX = 1000
MAX_WORKING_DAY = 130  # about half a year
FIRST_CONVERSATION_DAY = 60  # about three months in: the first talent conversation
CERTIFICATE_DAY = 20  # about a month in: the certificates the function requires


class StepOwner(enum.StrEnum):
    NEWCOMER = "newcomer"
    BUDDY = "buddy"
    MANAGER = "manager"


OWNER_LABELS: dict[StepOwner, str] = {
    StepOwner.NEWCOMER: N_("new colleague"),
    StepOwner.BUDDY: N_("buddy"),
    StepOwner.MANAGER: N_("manager"),
}


@dataclass(frozen=True)
class StepInput:
    """One step: what, on which working day (1: the first day in service), whose."""

    title: str
    working_day: int
    owner: StepOwner = StepOwner.MANAGER
    conversation: bool = False  # the first talent conversation: planned on its day


# the usual first months, for the owner to change per new colleague
STANDARD_STEPS: tuple[tuple[str, int, StepOwner], ...] = (
    (N_("Welcome, a walk round and the people to know"), 1, StepOwner.BUDDY),
    (N_("Workplace, clothing, tools and access arranged"), 1, StepOwner.MANAGER),
    (N_("Working alongside the buddy"), 2, StepOwner.BUDDY),
    (N_("The work agreements and instructions gone through"), 5, StepOwner.BUDDY),
    (N_("Looking back on the first week"), 5, StepOwner.MANAGER),
    (N_("Joining a learning group: the first week cycle"), 10, StepOwner.NEWCOMER),
    (N_("A first situation from the work logged and talked through"), 15, StepOwner.NEWCOMER),
    (N_("Looking back after two months"), 40, StepOwner.MANAGER),
)


def standard_steps(certificates: Sequence[str] = ()) -> tuple[StepInput, ...]:
    """The usual steps (translated), with one for each certificate the function requires
    and the first talent conversation, by working day."""
    steps = [StepInput(_(title), day, owner) for title, day, owner in STANDARD_STEPS]
    steps += [
        StepInput(
            _("Certificate {name} obtained (required for the function)").format(name=name),
            CERTIFICATE_DAY,
            StepOwner.MANAGER,
        )
        for name in certificates
    ]
    steps.append(
        StepInput(
            _("The first talent conversation"),
            FIRST_CONVERSATION_DAY,
            StepOwner.MANAGER,
            conversation=True,
        )
    )
    return tuple(sorted(steps, key=lambda s: s.working_day))


def working_day(calendar: WorkCalendar, first_day: dt.date, number: int) -> dt.date:
    """The ``number``-th working day counted from ``first_day`` (1: the first working day
    on or after it): weekends, closed public holidays and closing days are skipped."""
    day = calendar.nearest_working_day(first_day)
    for _step in range(number - 1):
        day = calendar.nearest_working_day(day + dt.timedelta(days=1))
    return day


@dataclass(frozen=True)
class OnboardingInput:
    """A new colleague's plan: who guides them, from which day, and the steps."""

    person_id: int
    buddy_id: int | None
    starts_on: dt.date
    steps: tuple[StepInput, ...]
    plan_conversation: bool = True  # the first talent conversation planned as well

    def validated(self) -> OnboardingInput:
        if self.buddy_id is not None and self.buddy_id == self.person_id:
            raise ValidationError(_("A buddy is a colleague, not the new colleague."), "buddy")
        if not self.steps:
            raise ValidationError(_("A plan has at least one step."), "steps")
        steps = []
        for step in self.steps:
            title = " ".join(step.title.split())
            if not title:
                raise ValidationError(_("Every step says what happens."), "steps")
            if len(title) > TITLE_MAX:
                raise ValidationError(
                    _("A step is too long (at most {n} characters).").format(n=TITLE_MAX),
                    "steps",
                )
            if not 1 <= step.working_day <= MAX_WORKING_DAY:
                raise ValidationError(
                    _("A step lies on working day 1 to {n}.").format(n=MAX_WORKING_DAY), "steps"
                )
            steps.append(replace(step, title=title))
        return replace(self, steps=tuple(sorted(steps, key=lambda s: s.working_day)))

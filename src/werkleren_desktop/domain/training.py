"""Formal training and budgets, and the yearly overview of all learning: the rules and
the sums, without storage.

A training counts in the year it starts; cancelled training does not count. Required
training (art. 7:611a BW) is free for the employee: a study-cost agreement is only
possible for voluntary training, and its cost is the employer's, not charged to the
person's development budget unless the organisation chooses so. Of what the budget
carries, training followed is spent and training planned is reserved.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from werkleren_desktop.domain.constants import SituationKind, TrainingForm, TrainingStatus
from werkleren_desktop.domain.money import format_euro
from werkleren_desktop.domain.people import decimal_hours
from werkleren_desktop.domain.qualifications import check_skill_choice
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.i18n import N_, _

TITLE_MAX = 200
MAX_TRAINING_HOURS = 2000
# per cent of the training budgets Dutch employees use (AWVN member survey, December 2023):
# in the article the evidence that formal training stalls, not a target
NATIONAL_BUDGET_USE = 55

FORM_LABELS: dict[TrainingForm, str] = {
    TrainingForm.COURSE: N_("course"),
    TrainingForm.ELEARNING: N_("e-learning"),
    TrainingForm.WORKSHOP: N_("workshop"),
    TrainingForm.CONFERENCE: N_("conference"),
    TrainingForm.CERTIFICATION: N_("certification"),
}
TRAINING_STATUS_LABELS: dict[TrainingStatus, str] = {
    TrainingStatus.PLANNED: N_("planned"),
    TrainingStatus.DONE: N_("followed"),
    TrainingStatus.CANCELLED: N_("cancelled"),
}


FIRST_YEAR, LAST_YEAR = 1990, 2100


def check_year(year: int) -> int:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError(
            _("Choose a year between {first} and {last}.").format(first=FIRST_YEAR, last=LAST_YEAR),
            "year",
        )
    return year


def parse_training_hours(text: str) -> int:
    """Minutes from "16", "7,5" or "0"; an empty field is no hours."""
    hours = decimal_hours(text, "hours")
    if hours is None:
        return 0
    if not 0 <= hours <= MAX_TRAINING_HOURS:
        raise ValidationError(
            _("Hours of a training lie between 0 and {n}.").format(n=MAX_TRAINING_HOURS), "hours"
        )
    return int(hours * 60)


@dataclass(frozen=True)
class TrainingInput:
    person_ids: tuple[int, ...]
    title: str
    form: TrainingForm
    starts_on: dt.date
    ends_on: dt.date
    minutes: int = 0
    cost_cents: int = 0  # per person
    provider: str = ""
    required: bool = False
    in_working_time: bool = True
    status: TrainingStatus = TrainingStatus.PLANNED
    certificate: str = ""  # the name; a type's own name once it has one
    certificate_expires_on: dt.date | None = None
    study_cost_agreement: bool = False
    notes: str = ""
    certificate_type_id: int | None = None  # the certificate's type (domain.certificates)
    refresher: bool = False  # a refresher course, which renews a certificate held
    skill_id: int | None = None  # the skill it grants once followed (domain.qualifications)
    skill_level: int | None = None

    def validated(self, today: dt.date) -> TrainingInput:
        title = " ".join(self.title.split())
        provider = " ".join(self.provider.split())
        certificate = " ".join(self.certificate.split())
        if not self.person_ids:
            raise ValidationError(_("Choose who follows the training."), "people")
        if not title:
            raise ValidationError(_("Give the training a title."), "title")
        if len(title) > TITLE_MAX or len(provider) > TITLE_MAX or len(certificate) > TITLE_MAX:
            raise ValidationError(
                _("A name is too long (at most {n} characters).").format(n=TITLE_MAX), "title"
            )
        if self.ends_on < self.starts_on:
            raise ValidationError(_("The training cannot end before it starts."), "ends_on")
        if self.minutes < 0:
            raise ValidationError(_("Hours cannot be negative."), "hours")
        if self.cost_cents < 0:
            raise ValidationError(_("An amount cannot be negative."), "cost")
        if self.status is TrainingStatus.DONE and self.starts_on > today:
            raise ValidationError(
                _("A training that has not started yet cannot have been followed."), "status"
            )
        if self.required and self.study_cost_agreement:
            raise ValidationError(
                _(
                    "Training required for the job is free for the employee (art. 7:611a BW); "
                    "a study-cost agreement is only possible for voluntary training."
                ),
                "study_cost_agreement",
            )
        if self.refresher and self.certificate_type_id is None:
            raise ValidationError(
                _("Choose the certificate that the refresher course renews."), "certificate"
            )
        check_skill_choice(
            self.skill_id,
            self.skill_level,
            _("Choose both the skill the training grants and its level, or neither."),
        )
        if self.certificate_expires_on is not None:
            if not certificate and self.certificate_type_id is None:
                raise ValidationError(
                    _("Name the certificate that expires, for example BHV."), "certificate"
                )
            if self.certificate_expires_on <= self.starts_on:
                raise ValidationError(
                    _("A certificate expires after the training."), "certificate_expires_on"
                )
        return replace(
            self,
            title=title,
            provider=provider,
            certificate=certificate,
            person_ids=tuple(dict.fromkeys(self.person_ids)),
            notes=self.notes.strip(),
        )


def budget_charge(
    required: bool, status: TrainingStatus, required_on_budget: bool
) -> TrainingStatus | None:
    """What a training's cost is to the person's development budget: spent (DONE) or
    reserved (PLANNED); None when the budget does not carry it (cancelled, or required
    training that the employer pays apart). The services sum the same rule in SQL."""
    if status is TrainingStatus.CANCELLED or (required and not required_on_budget):
        return None
    return status


def budget_context() -> str:
    """What the national figure says, beside a budget's use: not that spending more is
    better (docs/domain.md)."""
    return _(
        "Nationally only about {n} % of training budgets is used (AWVN, 2023): a sign that "
        "formal training stalls, not a target. Learning in and around the work counts as much."
    ).format(n=NATIONAL_BUDGET_USE)


def describe_budget_use(
    spent_cents: int, budget_cents: int, reserved_cents: int, *, share: bool = False
) -> str:
    """ "€ 450,00 of € 750,00 used (60 %), € 200,00 reserved for planned training": the
    same words on screen and paper."""
    text = _("{spent} of {budget} used").format(
        spent=format_euro(spent_cents), budget=format_euro(budget_cents)
    )
    used = percentage(spent_cents, budget_cents) if share else None
    if used is not None:
        text += f" ({used:.0f} %)"
    if reserved_cents:
        text += ", " + _("{reserved} reserved for planned training").format(
            reserved=format_euro(reserved_cents)
        )
    return text


def counts_in(year: int, starts_on: dt.date, status: TrainingStatus) -> bool:
    """A training counts in the year it starts, unless it was cancelled."""
    return starts_on.year == year and status is not TrainingStatus.CANCELLED


def employed_in(year: int, in_service: dt.date, out_of_service: dt.date | None) -> bool:
    return in_service <= dt.date(year, 12, 31) and (
        out_of_service is None or out_of_service >= dt.date(year, 1, 1)
    )


def percentage(part: int, whole: int) -> float | None:
    """Part of whole in per cent, or None when there is no whole to speak of."""
    return None if whole <= 0 else 100 * part / whole


@dataclass(frozen=True)
class PersonYear:
    """One person's learning in one year; every figure of the overview, per person."""

    person_id: int
    name: str
    job_title: str
    manager_name: str
    in_service: dt.date | None  # None in the organisation's totals
    out_of_service: dt.date | None
    situations_by_kind: dict[SituationKind, int] = field(default_factory=dict)
    situation_minutes: int = 0
    sessions_attended: int = 0
    session_minutes: int = 0
    consultations: int = 0
    trainings: int = 0
    required_minutes: int = 0
    voluntary_minutes: int = 0
    required_cents: int = 0
    voluntary_cents: int = 0
    budget_cents: int = 0
    # of the cost, what the development budget carries: followed, and planned
    budget_spent_cents: int = 0
    budget_reserved_cents: int = 0
    conversations_held: int = 0
    open_agreements: int = 0
    certificates_expiring: int = 0

    @property
    def situations(self) -> int:
        return sum(self.situations_by_kind.values())

    @property
    def training_minutes(self) -> int:
        return self.required_minutes + self.voluntary_minutes

    @property
    def cost_cents(self) -> int:
        return self.required_cents + self.voluntary_cents

    @property
    def budget_used(self) -> float | None:
        """The part of the budget spent on training followed (planned is reserved)."""
        return percentage(self.budget_spent_cents, self.budget_cents)


SUMMED = (
    "situation_minutes",
    "sessions_attended",
    "session_minutes",
    "consultations",
    "trainings",
    "required_minutes",
    "voluntary_minutes",
    "required_cents",
    "voluntary_cents",
    "budget_cents",
    "budget_spent_cents",
    "budget_reserved_cents",
    "conversations_held",
    "open_agreements",
    "certificates_expiring",
)


@dataclass(frozen=True)
class SharedCounts:
    """Things that several people share, counted once for the organisation: a situation
    logged for two people is one situation, a session attended by five one session."""

    situations_by_kind: dict[SituationKind, int]
    consultations: int
    sessions_held: int


def totals(rows: list[PersonYear], shared: SharedCounts) -> PersonYear:
    """The organisation's figures: counts of things each thing once (``shared``), every
    other figure the sum of every person's. Hours are person-hours: an hour that two
    people learned together is two."""
    sums = {name: sum(getattr(r, name) for r in rows) for name in SUMMED}
    sums["consultations"] = shared.consultations
    sums["sessions_attended"] = shared.sessions_held
    return PersonYear(
        0,
        _("Organisation"),
        "",
        "",
        None,
        None,
        situations_by_kind={k: shared.situations_by_kind.get(k, 0) for k in SituationKind},
        **sums,
    )


@dataclass(frozen=True)
class LearningSplit:
    """Logged learning hours in three parts: work situations and vital week cycles
    (together: learning in and around the work) and formal training. An indicative
    picture, not a measurement of all learning; for the 70:20:10 frame the work
    situations stand for learning from experience, the week cycles for learning with
    and from others, training for formal learning (``SPLIT_FRAME``)."""

    work_minutes: int  # werkleersituaties
    cycle_minutes: int  # vitale weekcycli: present at a session
    formal_minutes: int  # training

    @property
    def total_minutes(self) -> int:
        return self.work_minutes + self.cycle_minutes + self.formal_minutes

    @property
    def in_and_around_work_minutes(self) -> int:
        return self.work_minutes + self.cycle_minutes

    def shares(self) -> tuple[float, float, float] | None:
        """The three parts in percent of the logged hours; None when none were logged."""
        total = self.total_minutes
        if not total:
            return None
        return (
            100 * self.work_minutes / total,
            100 * self.cycle_minutes / total,
            100 * self.formal_minutes / total,
        )

    def formal_dominates(self) -> str:
        """A warning when formal training is the largest of the three parts, larger than
        the work situations and than the week cycles each: the traditional end of the
        scan's characteristic 13 ("formal training dominant"); "" otherwise."""
        shares = self.shares()
        if shares is None or self.formal_minutes <= max(self.work_minutes, self.cycle_minutes):
            return ""
        return _(
            "Formal training is the largest part ({share} %): it dominates, where the "
            "article puts learning in the work first."
        ).format(share=f"{shares[2]:.0f}")


SPLIT_FRAME = N_(
    "How the parts map onto the 70:20:10 frame (indicative): work situations stand for "
    "learning from experience (70), the week cycles for learning with and from others "
    "(20), training for formal learning (10). Only logged hours count, not all learning."
)


def learning_split(total: PersonYear) -> LearningSplit:
    return LearningSplit(total.situation_minutes, total.session_minutes, total.training_minutes)

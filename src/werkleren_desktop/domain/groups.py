"""Learning groups: their rules and their mix of sizes and generations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

from werkleren_desktop.errors import ValidationError
from werkleren_desktop.i18n import N_, _

ADVISED_MIN = 3
ADVISED_MAX = 6
NAME_MAX = 150
# a group mixes generations when its youngest and oldest member are at least this many
# years apart (the organisation's setting, within these bounds)
DEFAULT_MIXED_AGE_SPAN = 15
MIXED_AGE_SPAN_MIN = 5
MIXED_AGE_SPAN_MAX = 40

# (key, youngest age, oldest age, label)
GENERATIONS: tuple[tuple[str, int, int | None, str], ...] = (
    ("under_30", 0, 29, N_("under 30")),
    ("30_44", 30, 44, N_("30–44")),
    ("45_59", 45, 59, N_("45–59")),
    ("60_plus", 60, None, N_("60 and over")),
)


def generation_of(birth_year: int, on: dt.date) -> str:
    age = on.year - birth_year
    for key, youngest, oldest, _label in GENERATIONS:
        if age >= youngest and (oldest is None or age <= oldest):
            return key
    return GENERATIONS[0][0]


def generation_label(key: str) -> str:
    return next(_(label) for k, _y, _o, label in GENERATIONS if k == key)


@dataclass(frozen=True)
class GroupMix:
    """A group's size and its members' ages: the bands for the picture, and whether the
    group mixes young and old, measured by the years between its youngest and oldest
    member (two colleagues of 29 and 31 sit in two bands but do not mix)."""

    size: int
    generations: dict[str, int]  # every key of GENERATIONS, in order
    unknown_birth_year: int
    age_span: int | None = None  # oldest minus youngest birth year; None: fewer than two known
    wanted_span: int = DEFAULT_MIXED_AGE_SPAN  # the organisation's setting

    @property
    def size_advice(self) -> str | None:
        """What to say about the size, or None when it is within the advice."""
        if self.size < ADVISED_MIN:
            return _(
                "A learning group works best with {low} to {high} members; this one has {n}."
            ).format(low=ADVISED_MIN, high=ADVISED_MAX, n=self.size)
        if self.size > ADVISED_MAX:
            return _(
                "A learning group works best with {low} to {high} members; this one has {n}. "
                "Consider splitting it."
            ).format(low=ADVISED_MIN, high=ADVISED_MAX, n=self.size)
        return None

    @property
    def mixes(self) -> bool | None:
        """Whether the group mixes generations; None when fewer than two members have a
        known birth year (one is no pattern)."""
        if self.age_span is None:
            return None
        return self.age_span >= self.wanted_span

    @property
    def generation_warning(self) -> str | None:
        if self.mixes is not False:
            return None
        return _(
            "The youngest and the oldest member with a known birth year are {n} years apart: "
            "the group does not mix young and old (at least {span} years)."
        ).format(n=self.age_span, span=self.wanted_span)


def mixes_generations(
    birth_years: Iterable[int | None], span: int = DEFAULT_MIXED_AGE_SPAN
) -> bool | None:
    """Whether people of these birth years mix generations: at least ``span`` years
    between the youngest and the oldest; None when fewer than two are known."""
    known = [year for year in birth_years if year is not None]
    if len(known) < 2:
        return None
    return max(known) - min(known) >= span


def group_mix(
    birth_years: Iterable[int | None], on: dt.date, span: int = DEFAULT_MIXED_AGE_SPAN
) -> GroupMix:
    generations = {key: 0 for key, *_rest in GENERATIONS}
    unknown = size = 0
    known: list[int] = []
    for year in birth_years:
        size += 1
        if year is None:
            unknown += 1
        else:
            generations[generation_of(year, on)] += 1
            known.append(year)
    age_span = max(known) - min(known) if len(known) >= 2 else None
    return GroupMix(size, generations, unknown, age_span, span)


@dataclass(frozen=True)
class GroupInput:
    name: str
    starts: dt.date
    theme: str = ""
    ends: dt.date | None = None
    expert_id: int | None = None
    expert_name: str = ""
    expert_contact: str = ""

    def validated(self) -> GroupInput:
        name = " ".join(self.name.split())
        if not name:
            raise ValidationError(_("Enter the name of the group."), "name")
        if len(name) > NAME_MAX:
            raise ValidationError(
                _("The name is too long (at most {n} characters).").format(n=NAME_MAX), "name"
            )
        if self.ends is not None and self.ends < self.starts:
            raise ValidationError(_("The end date cannot be before the start date."), "ends")
        expert_name = " ".join(self.expert_name.split())
        if self.expert_id is not None and expert_name:
            expert_name = ""  # a colleague on call needs no outside name
        if self.expert_contact.strip() and self.expert_id is None and not expert_name:
            raise ValidationError(
                _("Enter the name of the outside expert, or remove the contact details."),
                "expert_name",
            )
        return replace(
            self,
            name=name,
            theme=self.theme.strip(),
            expert_name=expert_name,
            expert_contact=self.expert_contact.strip() if self.expert_id is None else "",
        )


def check_membership_dates(joined: dt.date, left_on: dt.date | None) -> None:
    if left_on is not None and left_on < joined:
        raise ValidationError(
            _("The date of leaving the group cannot be before the date of joining."), "left_on"
        )

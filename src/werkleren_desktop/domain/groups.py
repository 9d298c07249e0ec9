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
    size: int
    generations: dict[str, int]  # every key of GENERATIONS, in order
    unknown_birth_year: int

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
    def one_generation(self) -> bool:
        """All members with a known birth year fall in one generation (and there are two+)."""
        known = sum(self.generations.values())
        return known >= 2 and max(self.generations.values()) == known

    @property
    def generation_warning(self) -> str | None:
        if not self.one_generation:
            return None
        key = max(self.generations, key=lambda k: self.generations[k])
        return _(
            "Every member with a known birth year is {generation}: the group does not mix "
            "young and old."
        ).format(generation=generation_label(key))


def group_mix(birth_years: Iterable[int | None], on: dt.date) -> GroupMix:
    generations = {key: 0 for key, *_rest in GENERATIONS}
    unknown = size = 0
    for year in birth_years:
        size += 1
        if year is None:
            unknown += 1
        else:
            generations[generation_of(year, on)] += 1
    return GroupMix(size, generations, unknown)


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

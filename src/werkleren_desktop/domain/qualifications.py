"""Who may do what: functions (functies) with what each requires, skills with a level,
and where a person stands with each requirement on a day.

A function requires certificate types (domain.certificates says where someone stands
with one) and skills at a level. The four levels follow how the article's learning
groups of young and old work: someone gets to know a skill, does it with help, does it
on their own, and finally teaches it to others. Someone's level of a skill is the
highest that what happened showed: a followed training that grants it, a situation of
the kind "zelf beter performen" that built it, or a level their manager saw and wrote
down.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass, replace

from werkleren_desktop.domain.certificates import Standing, Status
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.i18n import N_, _

NAME_MAX = 100
DESCRIPTION_MAX = 200
NOTE_MAX = 2000
LEVELS = (1, 2, 3, 4)
LEVEL_LABELS: dict[int, str] = {
    1: N_("getting to know it"),
    2: N_("does it with help"),
    3: N_("does it on their own"),
    4: N_("teaches it to others"),
}


def level_text(level: int) -> str:
    """ "3 · does it on their own"."""
    return f"{level} · {_(LEVEL_LABELS[level])}"


def _named(name: str, description: str, missing: str) -> tuple[str, str]:
    name, description = " ".join(name.split()), " ".join(description.split())
    if not name:
        raise ValidationError(missing, "name")
    if len(name) > NAME_MAX:
        raise ValidationError(
            _("A name is too long (at most {n} characters).").format(n=NAME_MAX), "name"
        )
    if len(description) > DESCRIPTION_MAX:
        raise ValidationError(
            _("The description is too long (at most {n} characters).").format(n=DESCRIPTION_MAX),
            "description",
        )
    return name, description


def check_level(level: int | None, field: str = "level") -> int:
    if level not in LEVELS:
        raise ValidationError(_("Choose a level from 1 to 4."), field)
    assert level is not None
    return level


def check_skill_choice(skill_id: int | None, level: int | None, both: str) -> None:
    """A skill chosen with its level, or neither (``both``: the message that says so)."""
    if (skill_id is None) != (level is None):
        raise ValidationError(both, "skill_level" if skill_id is not None else "skill")
    if level is not None:
        check_level(level, "skill_level")


@dataclass(frozen=True)
class SkillInput:
    name: str
    description: str = ""

    def validated(self) -> SkillInput:
        name, description = _named(
            self.name, self.description, _("Give the skill a short name, for example Soldering.")
        )
        return SkillInput(name, description)


@dataclass(frozen=True)
class FunctionInput:
    """A function and what it requires: certificate types, and skills at a level."""

    name: str
    description: str = ""
    certificates: tuple[int, ...] = ()
    skills: tuple[tuple[int, int], ...] = ()  # (skill id, level)

    def validated(self) -> FunctionInput:
        name, description = _named(
            self.name, self.description, _("Give the function a name, for example Mechanic.")
        )
        if len(set(self.certificates)) != len(self.certificates):
            raise ValidationError(_("A certificate is required once."), "certificates")
        skills = [skill for skill, _level in self.skills]
        if len(set(skills)) != len(skills):
            raise ValidationError(_("A skill is required once, at one level."), "skills")
        for _skill, level in self.skills:
            check_level(level, "skills")
        return replace(self, name=name, description=description)


@dataclass(frozen=True)
class SkillSeen:
    """A level of a skill a manager saw someone work at."""

    skill_id: int | None
    level: int | None
    seen_on: dt.date
    note: str = ""

    def validated(self, today: dt.date) -> SkillSeen:
        if self.skill_id is None:
            raise ValidationError(_("Choose the skill."), "skill")
        level = check_level(self.level)
        if self.seen_on > today:
            raise ValidationError(_("A level is written down once it was seen."), "seen_on")
        note = self.note.strip()
        if len(note) > NOTE_MAX:
            raise ValidationError(
                _("Keep the note under {n} characters.").format(n=NOTE_MAX), "note"
            )
        return SkillSeen(self.skill_id, level, self.seen_on, note)


# --- what someone's level is -----------------------------------------------------------


class Source(enum.StrEnum):
    TRAINING = "training"
    SITUATION = "situation"
    SEEN = "seen"  # a manager saw it


SOURCE_LABELS: dict[Source, str] = {
    Source.TRAINING: N_("training"),
    Source.SITUATION: N_("learning situation"),
    Source.SEEN: N_("seen at work"),
}


@dataclass(frozen=True)
class Evidence:
    """Something that showed a level of a skill: on a day, from a source, with its
    title (the training's, the situation's, or the manager's note)."""

    on: dt.date
    level: int
    source: Source
    title: str = ""


def level_of(evidence: Sequence[Evidence], today: dt.date) -> int | None:
    """The highest level what happened up to ``today`` showed; None: nothing yet."""
    shown = [e.level for e in evidence if e.on <= today]
    return max(shown) if shown else None


# --- where someone stands with a requirement ---------------------------------------------


class Mark(enum.StrEnum):
    VALID = "valid"
    EXPIRING = "expiring"
    GRACE = "grace"
    EXPIRED = "expired"
    MET = "met"  # a skill at the required level or higher
    BELOW = "below"  # a skill below the required level
    HELD = "held"  # a skill that is not required
    MISSING = "missing"  # required, and never obtained or shown
    NOT_REQUIRED = "not_required"  # neither required nor held


MARK_LABELS: dict[Mark, str] = {
    Mark.VALID: N_("valid"),
    Mark.EXPIRING: N_("expiring"),
    Mark.GRACE: N_("in its grace period"),
    Mark.EXPIRED: N_("expired"),
    Mark.MET: N_("at the level required"),
    Mark.BELOW: N_("below the level required"),
    Mark.HELD: N_("a level, not required"),
    Mark.MISSING: N_("missing"),
    Mark.NOT_REQUIRED: N_("not required"),
}
# what needs doing, worst first: the marks a requirement of the function can have
PROBLEMS = (Mark.MISSING, Mark.EXPIRED, Mark.BELOW, Mark.GRACE, Mark.EXPIRING)


@dataclass(frozen=True)
class Cell:
    """A person against one certificate type or skill of the matrix."""

    mark: Mark
    required: bool = False
    status: Status | None = None  # a certificate's
    level: int | None = None  # a skill's, as shown so far
    required_level: int | None = None  # a skill's, as the function requires it

    @property
    def needs_work(self) -> bool:
        return self.required and self.mark in PROBLEMS


def certificate_cell(status: Status, required: bool) -> Cell:
    if status.standing is Standing.MISSING:
        return Cell(Mark.MISSING if required else Mark.NOT_REQUIRED, required, status)
    return Cell(Mark(status.standing.value), required, status)


def skill_cell(level: int | None, required_level: int | None) -> Cell:
    required = required_level is not None
    if level is None:
        mark = Mark.MISSING if required else Mark.NOT_REQUIRED
    elif not required:
        mark = Mark.HELD
    else:
        assert required_level is not None
        mark = Mark.MET if level >= required_level else Mark.BELOW
    return Cell(mark, required, None, level, required_level)


def cell_text(cell: Cell) -> str:
    """ "until 02-03-2027", "expires 30-01-2027", "refresher until …", "expired …",
    "level 3", "level 2, 3 needed", "missing", or "" where it is neither required nor
    held."""
    if cell.mark is Mark.NOT_REQUIRED:
        return ""
    if cell.status is None:  # a skill
        if cell.level is None:
            return _("missing, {required} needed").format(required=cell.required_level)
        if cell.mark is Mark.BELOW:
            return _("level {level}, {required} needed").format(
                level=cell.level, required=cell.required_level
            )
        return _("level {level}").format(level=cell.level)
    status = cell.status
    expires = format_date(status.expires_on, "short") if status.expires_on else ""
    if status.standing is Standing.MISSING:
        return _("missing")
    if status.standing is Standing.VALID:
        return _("until {date}").format(date=expires) if expires else _("valid")
    if status.standing is Standing.EXPIRING:
        return _("expires {date}").format(date=expires)
    if status.standing is Standing.GRACE:
        grace = format_date(status.grace_until, "short") if status.grace_until else ""
        return _("refresher until {date}").format(date=grace)
    return _("expired {date}").format(date=expires)

"""The program's fixed choices, shared by the domain, the data and the window: plain
enums without any database (as Anki keeps its constants in ``consts.py``). The models
store them; importing the domain loads no SQLAlchemy."""

from __future__ import annotations

import enum


class LiberationDayPolicy(enum.StrEnum):
    """Whether the organisation is closed on 5 May (Bevrijdingsdag); differs per cao."""

    NEVER = "never"
    LUSTRUM = "lustrum"  # only in 2025, 2030, ...
    EVERY_YEAR = "every_year"


class UserRole(enum.StrEnum):
    """What a user of a shared server may do (docs/roles.md): everything; their own
    team's records; their own records."""

    BEHEERDER = "beheerder"
    LEIDINGGEVENDE = "leidinggevende"
    PROFESSIONAL = "professional"


class RequestKind(enum.StrEnum):
    """What a professional asks for (a leervraag): formal training, a place in a
    learning group, or an expert to learn from."""

    TRAINING = "training"
    GROUP = "group"
    EXPERT = "expert"


class RequestStatus(enum.StrEnum):
    OPEN = "open"  # waiting for the manager's answer
    GRANTED = "granted"
    PLANNED = "planned"
    DECLINED = "declined"  # always with a reason


class WorkAgreementKind(enum.StrEnum):
    """What a lesson became (docs/domain.md): a werkafspraak the team keeps, or an
    instruction that says how a task is done."""

    AGREEMENT = "agreement"
    INSTRUCTION = "instruction"


class GroupStatus(enum.StrEnum):
    ACTIVE = "active"
    CLOSED = "closed"


class AttendanceStatus(enum.StrEnum):
    PRESENT = "present"
    ABSENT = "absent"
    EXCUSED = "excused"


class SituationKind(enum.StrEnum):
    ANALYSE = "analyse"  # analysing a work situation
    IMPROVE = "improve"
    INNOVATE = "innovate"
    PERFORM = "perform"  # performing better oneself


class SituationStatus(enum.StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class AgreementOwner(enum.StrEnum):
    """Who keeps an agreement: both sides own the outcome of a talent conversation."""

    PROFESSIONAL = "professional"
    MANAGER = "manager"
    BOTH = "both"


class AgreementStatus(enum.StrEnum):
    OPEN = "open"
    DONE = "done"
    PARTLY = "partly"
    NOT_DONE = "not_done"


class SignMark(enum.StrEnum):
    SEEN = "seen"  # voor gezien: read, not necessarily agreed
    AGREED = "agreed"  # voor akkoord


class TrainingForm(enum.StrEnum):
    COURSE = "course"
    ELEARNING = "elearning"
    WORKSHOP = "workshop"
    CONFERENCE = "conference"
    CERTIFICATION = "certification"


class TrainingStatus(enum.StrEnum):
    PLANNED = "planned"
    DONE = "done"
    CANCELLED = "cancelled"


class FundKind(enum.StrEnum):
    COURSE = "course"  # pays for a course per claim (the O&O-fondsen)
    PLACEMENT = "placement"  # pays per apprentice's placement and study year (praktijkleren)
    PLAN = "plan"  # pays a share of a learning and development plan's costs (SLIM)


class GuidanceKind(enum.StrEnum):
    GUIDANCE = "guidance"  # the workplace trainer guided the apprentice in a week
    PROGRESS = "progress"  # a progress talk

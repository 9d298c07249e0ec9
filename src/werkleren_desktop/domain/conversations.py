"""Talent-development conversations (talentontwikkelgesprekken): the rules, without storage.

Twice a year a professional and the direct manager talk about talents, learning wishes
and what each will do; the professional leads, both own the outcome, and the next
conversation accounts for what was agreed.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, replace

from werkleren_desktop.domain.constants import AgreementOwner, AgreementStatus, SignMark
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.i18n import N_, _

TEXT_MAX = 20_000  # a long answer is fine; a pasted book is not
PLACE_MAX = 200
AGREEMENT_MAX = 2_000


@dataclass(frozen=True)
class Section:
    key: str
    title: str  # English msgid, translated when shown or printed
    side: AgreementOwner  # whose part of the preparation it is
    prompt: str  # a line that helps to fill it in


SECTIONS: tuple[Section, ...] = (
    Section(
        "went_well",
        N_("What went well"),
        AgreementOwner.PROFESSIONAL,
        N_("Work you are proud of since the last conversation, and what you learned from it."),
    ),
    Section(
        "talents",
        N_("Talents and what gives energy"),
        AgreementOwner.PROFESSIONAL,
        N_("What you are good at and like doing; what gives energy and what costs it."),
    ),
    Section(
        "learning_wishes",
        N_("Learning wishes and development questions"),
        AgreementOwner.PROFESSIONAL,
        N_("What you want to learn or try next, and the questions you are working on."),
    ),
    Section(
        "needs",
        N_("What I need from my manager"),
        AgreementOwner.PROFESSIONAL,
        N_("Time, means, feedback, a colleague to learn with, ..."),
    ),
    Section(
        "observations",
        N_("The manager's observations"),
        AgreementOwner.MANAGER,
        N_("What the manager saw go well and where the manager sees room to grow."),
    ),
    Section(
        "organisation_needs",
        N_("What the organisation needs"),
        AgreementOwner.MANAGER,
        N_("Changes in the work, the team and the clients that ask for new skills."),
    ),
    Section(
        "manager_offers",
        N_("What the manager offers"),
        AgreementOwner.MANAGER,
        N_("Support, time, budget or opportunities the manager can give."),
    ),
)
SECTION_KEYS = tuple(section.key for section in SECTIONS)
SECTION_BY_KEY = {section.key: section for section in SECTIONS}

OWNER_LABELS: dict[AgreementOwner, str] = {
    AgreementOwner.PROFESSIONAL: N_("professional"),
    AgreementOwner.MANAGER: N_("manager"),
    AgreementOwner.BOTH: N_("both"),
}
AGREEMENT_STATUS_LABELS: dict[AgreementStatus, str] = {
    AgreementStatus.OPEN: N_("open"),
    AgreementStatus.DONE: N_("kept"),
    AgreementStatus.PARTLY: N_("partly kept"),
    AgreementStatus.NOT_DONE: N_("not kept"),
}
MARK_LABELS: dict[SignMark, str] = {
    SignMark.SEEN: N_("seen (voor gezien)"),
    SignMark.AGREED: N_("agreed (voor akkoord)"),
}


# --- when a conversation is due ------------------------------------------------------


class DueStatus(enum.StrEnum):
    OVERDUE = "overdue"
    DUE = "due"
    PLANNED = "planned"
    DONE = "done"
    NOT_DUE = "not_due"  # e.g. came into service after this half year's moment


DUE_LABELS: dict[DueStatus, str] = {
    DueStatus.OVERDUE: N_("overdue"),
    DueStatus.DUE: N_("due"),
    DueStatus.PLANNED: N_("planned"),
    DueStatus.DONE: N_("held"),
    DueStatus.NOT_DUE: N_("not due yet"),
}


def half_year(day: dt.date) -> tuple[dt.date, dt.date]:
    """The half year the day lies in: January to June, or July to December."""
    if day.month <= 6:
        return dt.date(day.year, 1, 1), dt.date(day.year, 6, 30)
    return dt.date(day.year, 7, 1), dt.date(day.year, 12, 31)


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later; the 31st becomes the month's last day."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return dt.date(year, month + 1, min(day.day, _month_end(year, month + 1).day))


@dataclass(frozen=True)
class ConversationSchedule:
    """Fixed months for everyone (say March and September), or, with ``months`` None,
    every six months counted from the day each person came into service."""

    months: tuple[int, int] | None = None

    def validated(self) -> ConversationSchedule:
        if self.months is None:
            return self
        first, second = sorted(self.months)
        if not (1 <= first <= 12 and 1 <= second <= 12):
            raise ValidationError(_("Choose two months of the year."), "conversation_months")
        if (first <= 6) == (second <= 6):
            raise ValidationError(
                _("Choose one month in each half of the year, for example March and September."),
                "conversation_months",
            )
        return replace(self, months=(first, second))

    def due_in(self, half_start: dt.date, in_service: dt.date) -> dt.date | None:
        """The day by which this half year's conversation should be held, or None when
        the person has none due in this half (they came into service too late)."""
        if self.months is not None:
            month = self.months[0] if half_start.month == 1 else self.months[1]
            due = _month_end(half_start.year, month)
            return due if in_service <= dt.date(half_start.year, month, 1) else None
        half_end = half_year(half_start)[1]
        # every six months after coming into service falls in each half year once
        months = (half_start.year - in_service.year) * 12 + half_start.month - in_service.month
        for step in range(max(1, months // 6 - 1), months // 6 + 3):
            due = add_months(in_service, 6 * step)
            if half_start <= due <= half_end:
                return due
        return None


def due_status(
    due_on: dt.date | None,
    today: dt.date,
    held_in_half: bool,
    planned_on: dt.date | None,
) -> DueStatus:
    """Where a person stands this half year.

    ``planned_on`` is the date of a conversation planned and not yet held, if any.
    """
    if held_in_half:
        return DueStatus.DONE
    if planned_on is not None:
        return DueStatus.PLANNED
    if due_on is None:
        return DueStatus.NOT_DUE
    return DueStatus.OVERDUE if due_on < today else DueStatus.DUE


# --- what is entered -----------------------------------------------------------------


def _clean_text(text: str, field: str, limit: int = TEXT_MAX) -> str:
    text = text.strip()
    if len(text) > limit:
        raise ValidationError(
            _("This text is too long (at most {n} characters).").format(n=limit),
            field,
        )
    return text


@dataclass(frozen=True)
class ConversationPlan:
    planned_on: dt.date
    starts_at: dt.time | None = None
    place: str = ""
    manager_id: int | None = None

    def validated(self, in_service: dt.date, out_of_service: dt.date | None) -> ConversationPlan:
        place = " ".join(self.place.split())
        if len(place) > PLACE_MAX:
            raise ValidationError(
                _("The place is too long (at most {n} characters).").format(n=PLACE_MAX), "place"
            )
        if self.planned_on < in_service:
            raise ValidationError(
                _("The date lies before the person came into service."), "planned_on"
            )
        if out_of_service is not None and self.planned_on > out_of_service:
            raise ValidationError(_("The date lies after the person left."), "planned_on")
        return replace(self, place=place)


@dataclass(frozen=True)
class AgreementInput:
    what: str
    owner: AgreementOwner = AgreementOwner.PROFESSIONAL
    due_on: dt.date | None = None
    id: int | None = None  # None: agreed in this conversation just now

    def validated(self, held_on: dt.date) -> AgreementInput:
        what = _clean_text(self.what, "agreements", AGREEMENT_MAX)
        if not what:
            raise ValidationError(_("Describe what was agreed."), "agreements")
        if self.due_on is not None and self.due_on < held_on:
            raise ValidationError(
                _("An agreement cannot be due before the conversation in which it was made."),
                "agreements",
            )
        return replace(self, what=what)


@dataclass(frozen=True)
class ReviewInput:
    """How an earlier agreement went: done, partly, not (or still open), and why."""

    agreement_id: int
    status: AgreementStatus
    note: str = ""

    def validated(self) -> ReviewInput:
        return replace(self, note=_clean_text(self.note, "reviews", AGREEMENT_MAX))


@dataclass(frozen=True)
class RecordInput:
    """What the conversation itself brought: when, notes per section, agreements."""

    held_on: dt.date
    notes: dict[str, str]
    agreements: tuple[AgreementInput, ...] = ()
    reviews: tuple[ReviewInput, ...] = ()

    def validated(self, today: dt.date) -> RecordInput:
        if self.held_on > today:
            raise ValidationError(
                _("A conversation is recorded once it was held; the date lies in the future."),
                "held_on",
            )
        notes = {key: _clean_text(self.notes.get(key, ""), key) for key in SECTION_KEYS}
        return replace(
            self,
            notes=notes,
            agreements=tuple(a.validated(self.held_on) for a in self.agreements),
            reviews=tuple(r.validated() for r in self.reviews),
        )


def clean_preparation(texts: dict[str, str]) -> dict[str, str]:
    return {key: _clean_text(texts.get(key, ""), key) for key in SECTION_KEYS}


@dataclass(frozen=True)
class Signature:
    name: str
    signed_on: dt.date
    mark: SignMark = SignMark.SEEN

    def validated(self, held_on: dt.date | None, today: dt.date) -> Signature:
        name = " ".join(self.name.split())
        if held_on is None:
            raise ValidationError(
                _("Record the conversation as held before signing it."), "signature"
            )
        if not name:
            raise ValidationError(_("Enter the name of who signs."), "signature")
        if self.signed_on > today:
            raise ValidationError(_("A signature cannot be dated in the future."), "signature")
        if self.signed_on < held_on:
            raise ValidationError(
                _("A signature cannot be dated before the conversation was held."), "signature"
            )
        return replace(self, name=name)


def clean_reason(reason: str) -> str:
    reason = _clean_text(reason, "reason", AGREEMENT_MAX)
    if not reason:
        raise ValidationError(
            _("A signed record is only changed with a reason; say why."), "reason"
        )
    return reason

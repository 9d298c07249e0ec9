"""An apprentice's placement (praktijkleren, bbl): who guides them at work (the
praktijkopleider), the school and programme, and the record the subsidy asks for: the
weeks of guidance and the progress talks, each dated and initialled by the workplace
trainer. The subsidy pays per placement and study year (1 August to 31 July), so the
evidence is made per study year (``year_summary``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from werkleren_desktop.domain.constants import GuidanceKind
from werkleren_desktop.domain.funds import study_year_days
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.i18n import N_, _

TEXT_MAX = 200
SUMMARY_MAX = 2000
INITIALS_MAX = 10
MAX_MINUTES = 40 * 60  # guidance in one week

KIND_LABELS = {
    GuidanceKind.GUIDANCE: N_("Guidance"),
    GuidanceKind.PROGRESS: N_("Progress talk"),
}


@dataclass(frozen=True)
class PlacementInput:
    trainer_id: int | None
    starts_on: dt.date
    ends_on: dt.date | None = None
    school: str = ""
    programme: str = ""

    def validated(self, person_id: int) -> PlacementInput:
        school, programme = " ".join(self.school.split()), " ".join(self.programme.split())
        if self.trainer_id is None:
            raise ValidationError(
                _("Choose the workplace trainer (praktijkopleider) who guides the apprentice."),
                "trainer_id",
            )
        if self.trainer_id == person_id:
            raise ValidationError(_("An apprentice does not guide themselves."), "trainer_id")
        if self.ends_on is not None and self.ends_on < self.starts_on:
            raise ValidationError(_("The placement ends after it starts."), "ends_on")
        for field, value in (("school", school), ("programme", programme)):
            if len(value) > TEXT_MAX:
                raise ValidationError(
                    _("Keep this under {n} characters.").format(n=TEXT_MAX), field
                )
        return replace(self, school=school, programme=programme)


@dataclass(frozen=True)
class EntryInput:
    held_on: dt.date
    kind: GuidanceKind
    minutes: int = 0
    summary: str = ""
    initials: str = ""

    def validated(self, starts_on: dt.date, today: dt.date) -> EntryInput:
        summary, initials = self.summary.strip(), "".join(self.initials.split())
        if self.held_on > today:
            raise ValidationError(
                _("This day lies after today: write down what happened, when it happened."),
                "held_on",
            )
        if self.held_on < starts_on:
            raise ValidationError(_("This day lies before the placement started."), "held_on")
        if not 0 <= self.minutes <= MAX_MINUTES:
            raise ValidationError(
                _("Guidance in a week lies between 0 and {n} hours.").format(n=MAX_MINUTES // 60),
                "minutes",
            )
        if self.kind == GuidanceKind.GUIDANCE and not self.minutes:
            raise ValidationError(_("How long did the guidance take this week?"), "minutes")
        if not summary:
            raise ValidationError(
                _("Write in a sentence what was done or discussed: that is the evidence."),
                "summary",
            )
        if len(summary) > SUMMARY_MAX:
            raise ValidationError(
                _("Keep this under {n} characters.").format(n=SUMMARY_MAX), "summary"
            )
        if len(initials) > INITIALS_MAX:
            raise ValidationError(
                _("Initials are at most {n} characters.").format(n=INITIALS_MAX), "initials"
            )
        return replace(self, summary=summary, initials=initials)


@dataclass(frozen=True)
class Entry:
    id: int
    held_on: dt.date
    kind: GuidanceKind
    minutes: int
    summary: str
    initials: str


@dataclass(frozen=True)
class YearSummary:
    """What a study year of a placement holds, as the subsidy asks it."""

    start_year: int
    first: dt.date  # the placement's first day in the study year
    last: dt.date  # its last day in the study year (or today, while it runs)
    weeks: int  # calendar weeks of the placement in the study year
    weeks_guided: int  # of those, the weeks with guidance written down
    guidance_minutes: int
    entries: tuple[Entry, ...]
    not_initialled: int  # entries without the trainer's initials

    @property
    def progress_talks(self) -> int:
        return sum(1 for e in self.entries if e.kind == GuidanceKind.PROGRESS)


def year_summary(
    start_year: int,
    placement_start: dt.date,
    placement_end: dt.date | None,
    entries: Sequence[Entry],
    today: dt.date,
) -> YearSummary | None:
    """The study year starting 1 August ``start_year`` of a placement; None: the
    placement does not fall in it."""
    year_first, year_last = study_year_days(start_year)
    first = max(year_first, placement_start)
    last = min(year_last, placement_end or max(today, placement_start))
    if last < first:
        return None
    in_year = tuple(sorted((e for e in entries if first <= e.held_on <= last),
                           key=lambda e: (e.held_on, e.id)))  # fmt: skip
    guided = {e.held_on.isocalendar()[:2] for e in in_year if e.kind == GuidanceKind.GUIDANCE}
    monday = first - dt.timedelta(days=first.weekday())
    weeks = (last - monday).days // 7 + 1
    return YearSummary(
        start_year,
        first,
        last,
        weeks,
        len(guided),
        sum(e.minutes for e in in_year if e.kind == GuidanceKind.GUIDANCE),
        in_year,
        sum(1 for e in in_year if not e.initials),
    )

"""Who pays for learning, and what they ask in return.

Dutch sector training funds (O&O-fondsen: OTIB, OOM, Colland, Sectorplanplus, …) pay for
a course against proof: enough presence, enough hours, an application or a claim in
time, signatures within so many days. The subsidy for practical learning (praktijkleren)
pays per apprentice's placement and study year; SLIM pays a share of a learning plan's
costs. The program ships these rules (``SHIPPED``), each with where it comes from, and
the organisation edits them: rules change, and the fund's own text is what counts.

``check_claim`` holds a claim's facts against its fund's rule, before it is sent: what is
met, what is still to do (and by when), and what can no longer be met.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass, replace

from babel.dates import format_skeleton

from werkleren_desktop.domain.constants import FundKind
from werkleren_desktop.domain.conversations import add_months
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.money import format_euro
from werkleren_desktop.domain.people import format_hours as hours_number
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.i18n import N_, _, current_language, n_

NAME_MAX = 100
DESCRIPTION_MAX = 200
SOURCE_MAX = 1500
REFERENCE_MAX = 100
MAX_MONTHS = 36
MAX_DAYS = 365
MAX_CENTS = 100_000_000  # EUR 1,000,000


KIND_LABELS = {
    FundKind.COURSE: N_("Sector training fund: pays per course"),
    FundKind.PLACEMENT: N_("Subsidy per apprentice's placement"),
    FundKind.PLAN: N_("Subsidy for a learning plan"),
}


@dataclass(frozen=True)
class FundRule:
    """A fund or subsidy and what it asks. Every limit None: the fund does not ask it."""

    name: str
    description: str = ""
    kind: FundKind = FundKind.COURSE
    min_presence_percent: int | None = None  # of the course's days, per participant
    min_minutes: int | None = None  # the course's length per participant
    apply_before_start: bool = False  # an application before the first day
    claim_within_months: int | None = None  # after the course's last day
    claim_by: tuple[int, int] | None = None  # (month, day) of the year after the course
    evidence_within_months: int | None = None  # after the fund asked for it (a random check)
    trainer_sign_days: int | None = None  # the trainer signs within so many days of a day
    manager_sign_days: int | None = None  # the manager signs within so many days
    signatures_on_day: bool = False  # participants sign on the day; no ticks
    share_percent: int | None = None  # the share of the costs it pays
    max_cents: int | None = None  # at most so much per claim (per placement and study year)
    runs_until: dt.date | None = None  # the last day the scheme runs
    source: str = ""

    def validated(self) -> FundRule:
        name = " ".join(self.name.split())
        description = " ".join(self.description.split())
        if not name:
            raise ValidationError(_("Give the fund a short name, for example OTIB."), "name")
        if len(name) > NAME_MAX or len(description) > DESCRIPTION_MAX:
            too_long = "name" if len(name) > NAME_MAX else "description"
            raise ValidationError(
                _("A name is too long (at most {n} characters).").format(
                    n=NAME_MAX if too_long == "name" else DESCRIPTION_MAX
                ),
                too_long,
            )
        if self.min_presence_percent is not None and not 1 <= self.min_presence_percent <= 100:
            raise ValidationError(
                _("The presence asked lies between 1 and 100 percent."), "min_presence_percent"
            )
        if self.share_percent is not None and not 1 <= self.share_percent <= 100:
            raise ValidationError(
                _("The share of the costs lies between 1 and 100 percent."), "share_percent"
            )
        if self.min_minutes is not None and not 0 < self.min_minutes <= 1000 * 60:
            raise ValidationError(
                _("The minimum length lies between a quarter of an hour and 1000 hours."),
                "min_minutes",
            )
        for field, months in (
            ("claim_within_months", self.claim_within_months),
            ("evidence_within_months", self.evidence_within_months),
        ):
            if months is not None and not 1 <= months <= MAX_MONTHS:
                raise ValidationError(
                    _("A term lies between 1 and {n} months.").format(n=MAX_MONTHS), field
                )
        for field, days in (
            ("trainer_sign_days", self.trainer_sign_days),
            ("manager_sign_days", self.manager_sign_days),
        ):
            if days is not None and not 0 <= days <= MAX_DAYS:
                raise ValidationError(
                    _("A term lies between 0 and {n} days.").format(n=MAX_DAYS), field
                )
        if self.claim_by is not None:
            month, day = self.claim_by
            try:
                dt.date(2027, month, day)  # (not a leap year: 29 February is refused)
            except ValueError:
                raise ValidationError(
                    _("Give the day to claim by as a day and a month, for example 1 March."),
                    "claim_by",
                ) from None
        if self.max_cents is not None and not 0 < self.max_cents <= MAX_CENTS:
            raise ValidationError(
                _("The maximum lies between EUR 0.01 and EUR 1,000,000."), "max_cents"
            )
        if len(self.source.strip()) > SOURCE_MAX:
            raise ValidationError(
                _("Keep where the rule comes from under {n} characters.").format(n=SOURCE_MAX),
                "source",
            )
        return replace(self, name=name, description=description, source=self.source.strip())

    def describe(self) -> str:
        """The rule in a line: what the fund asks."""
        said = []
        if self.min_presence_percent is not None:
            said.append(_("at least {p}% present").format(p=self.min_presence_percent))
        if self.min_minutes is not None:
            said.append(_("at least {hours}").format(hours=format_hours(self.min_minutes)))
        if self.apply_before_start:
            said.append(_("apply before the course"))
        if self.claim_within_months is not None:
            said.append(
                n_(
                    "claim within {n} month", "claim within {n} months", self.claim_within_months
                ).format(n=self.claim_within_months)
            )
        if self.claim_by is not None:
            said.append(
                _("claim by {day} of the next year").format(day=day_and_month(self.claim_by))
            )
        if self.evidence_within_months is not None:
            said.append(
                n_(
                    "evidence within {n} month of a check",
                    "evidence within {n} months of a check",
                    self.evidence_within_months,
                ).format(n=self.evidence_within_months)
            )
        if self.signatures_on_day:
            said.append(_("participants sign on the day"))
        if self.trainer_sign_days is not None:
            said.append(_("trainer signs within {n} days").format(n=self.trainer_sign_days))
        if self.manager_sign_days is not None:
            said.append(_("manager signs within {n} days").format(n=self.manager_sign_days))
        if self.share_percent is not None:
            said.append(_("pays {p}% of the costs").format(p=self.share_percent))
        if self.max_cents is not None:
            said.append(_("at most {amount}").format(amount=format_euro(self.max_cents)))
        if self.runs_until is not None:
            said.append(_("runs until {day}").format(day=format_date(self.runs_until)))
        return ", ".join(said) if said else _("no conditions recorded")


def day_and_month(claim_by: tuple[int, int]) -> str:
    """1 maart; March 1."""
    month, day = claim_by
    return format_skeleton("MMMMd", dt.date(2027, month, day), locale=current_language())


def hours_figure(minutes: int) -> str:
    """7,5 (Dutch) or 7.5: hours in a column headed Hours."""
    return hours_number(minutes, current_language())


def format_hours(minutes: int) -> str:
    """6 uur, 7,5 uur; 6 hours."""
    number = hours_number(minutes, current_language())
    return n_("{h} hour", "{h} hours", 1 if minutes == 60 else 2).format(h=number)


# --- checks before a claim ------------------------------------------------------------


class Verdict(enum.StrEnum):
    MET = "met"
    TO_DO = "to_do"  # not yet, still in time
    NOT_MET = "not_met"  # can no longer be met, or was not
    NOTE = "note"  # what the fund asks that the program cannot see


VERDICT_LABELS = {
    Verdict.MET: N_("met"),
    Verdict.TO_DO: N_("to do"),
    Verdict.NOT_MET: N_("not met"),
    Verdict.NOTE: N_("note"),
}


@dataclass(frozen=True)
class Check:
    verdict: Verdict
    text: str


@dataclass(frozen=True)
class ClaimParticipant:
    name: str
    present_days: int
    marked_days: int


@dataclass(frozen=True)
class ClaimFacts:
    """What the program knows of a claim on the day it checks it."""

    starts_on: dt.date
    ends_on: dt.date
    minutes: int  # the course's length per participant
    days: int  # the course's days
    participants: Sequence[ClaimParticipant]
    applied_on: dt.date | None = None
    claimed_on: dt.date | None = None
    evidence_requested_on: dt.date | None = None
    evidence_sent_on: dt.date | None = None
    trainer_signed_on: dt.date | None = None
    manager_signed_on: dt.date | None = None


def claim_deadline(rule: FundRule, ends_on: dt.date) -> dt.date | None:
    """The last day to claim a course that ended on ``ends_on``: the earlier of the
    fund's terms; None: the fund sets none."""
    deadlines = []
    if rule.claim_within_months is not None:
        deadlines.append(add_months(ends_on, rule.claim_within_months))
    if rule.claim_by is not None:
        month, day = rule.claim_by
        deadlines.append(dt.date(ends_on.year + 1, month, day))
    return min(deadlines) if deadlines else None


def check_claim(rule: FundRule, facts: ClaimFacts, today: dt.date) -> list[Check]:
    """Each of the fund's conditions held against the claim's facts, in the order a
    claim goes: length, application, presence, signatures, claim, evidence."""
    checks: list[Check] = []
    if rule.min_minutes is not None:
        asked = format_hours(rule.min_minutes)
        if facts.minutes >= rule.min_minutes:
            checks.append(
                Check(
                    Verdict.MET,
                    _("The course takes {hours}; the fund asks at least {asked}.").format(
                        hours=format_hours(facts.minutes), asked=asked
                    ),
                )
            )
        else:
            checks.append(
                Check(
                    Verdict.NOT_MET,
                    _("The course takes {hours}; the fund asks at least {asked}.").format(
                        hours=format_hours(facts.minutes), asked=asked
                    ),
                )
            )
    if rule.apply_before_start:
        checks.append(_application(facts, today))
    if rule.min_presence_percent is not None:
        checks.extend(_presence(rule.min_presence_percent, facts, today))
    if rule.signatures_on_day:
        checks.append(
            Check(
                Verdict.NOTE,
                _(
                    "Participants sign the attendance list on the day itself, with a "
                    "signature: the fund refuses ticks."
                ),
            )
        )
    for who, days, signed in (
        (_("The trainer"), rule.trainer_sign_days, facts.trainer_signed_on),
        (_("The manager"), rule.manager_sign_days, facts.manager_signed_on),
    ):
        if days is not None:
            checks.append(_signature(who, facts.ends_on + dt.timedelta(days=days), signed, today))
    deadline = claim_deadline(rule, facts.ends_on)
    if deadline is not None:
        checks.append(_claim(deadline, facts, today))
    if rule.evidence_within_months is not None:
        checks.append(_evidence(rule.evidence_within_months, facts, today))
    return checks


def _application(facts: ClaimFacts, today: dt.date) -> Check:
    first = format_date(facts.starts_on)
    if facts.applied_on is not None:
        if facts.applied_on < facts.starts_on:
            return Check(
                Verdict.MET,
                _("Applied on {day}, before the first day ({first}).").format(
                    day=format_date(facts.applied_on), first=first
                ),
            )
        return Check(
            Verdict.NOT_MET,
            _(
                "Applied on {day}, not before the first day ({first}): the fund asks for "
                "an application before the course."
            ).format(day=format_date(facts.applied_on), first=first),
        )
    if today < facts.starts_on:
        return Check(Verdict.TO_DO, _("Apply before the first day, {first}.").format(first=first))
    return Check(
        Verdict.NOT_MET,
        _(
            "No application before the first day ({first}): the fund asks for one before "
            "the course."
        ).format(first=first),
    )


def _presence(percent: int, facts: ClaimFacts, today: dt.date) -> list[Check]:
    checks: list[Check] = []
    enough = 0
    for p in facts.participants:
        share = p.present_days / facts.days * 100 if facts.days else 0.0
        if p.marked_days < facts.days:
            if share >= percent:
                enough += 1
                continue
            if (facts.days - p.marked_days + p.present_days) / facts.days * 100 < percent:
                checks.append(
                    Check(
                        Verdict.NOT_MET,
                        _(
                            "{name}: absent too often to reach {p}% (present {present} of "
                            "{days} days)."
                        ).format(name=p.name, p=percent, present=p.present_days, days=facts.days),
                    )
                )
            elif facts.ends_on < today:
                checks.append(
                    Check(
                        Verdict.TO_DO,
                        _(
                            "{name}: {marked} of {days} days marked; mark the others "
                            "(Aanwezigheid…)."
                        ).format(name=p.name, marked=p.marked_days, days=facts.days),
                    )
                )
            else:
                checks.append(
                    Check(
                        Verdict.TO_DO,
                        _("{name}: {marked} of {days} days marked so far.").format(
                            name=p.name, marked=p.marked_days, days=facts.days
                        ),
                    )
                )
        elif share >= percent:
            enough += 1
        else:
            checks.append(
                Check(
                    Verdict.NOT_MET,
                    _("{name}: present {share}% of the days; the fund asks at least {p}%.").format(
                        name=p.name, share=round(share), p=percent
                    ),
                )
            )
    if not facts.participants:
        checks.append(Check(Verdict.NOT_MET, _("The claim names no participants.")))
    elif enough == len(facts.participants):
        checks.insert(
            0,
            Check(
                Verdict.MET,
                n_(
                    "{n} participant was present at least {p}% of the days.",
                    "All {n} participants were present at least {p}% of the days.",
                    enough,
                ).format(n=enough, p=percent),
            ),
        )
    return checks


def _signature(who: str, by: dt.date, signed: dt.date | None, today: dt.date) -> Check:
    day = format_date(by)
    if signed is not None:
        if signed <= by:
            return Check(
                Verdict.MET,
                _("{who} signed on {signed} (by {day}).").format(
                    who=who, signed=format_date(signed), day=day
                ),
            )
        return Check(
            Verdict.NOT_MET,
            _("{who} signed on {signed}, after {day}.").format(
                who=who, signed=format_date(signed), day=day
            ),
        )
    if today <= by:
        return Check(
            Verdict.TO_DO, _("{who} signs the attendance lists by {day}.").format(who=who, day=day)
        )
    return Check(Verdict.NOT_MET, _("{who} did not sign by {day}.").format(who=who, day=day))


def _claim(deadline: dt.date, facts: ClaimFacts, today: dt.date) -> Check:
    day = format_date(deadline)
    if facts.claimed_on is not None:
        if facts.claimed_on <= deadline:
            return Check(
                Verdict.MET,
                _("Claimed on {claimed}, by the last day {day}.").format(
                    claimed=format_date(facts.claimed_on), day=day
                ),
            )
        return Check(
            Verdict.NOT_MET,
            _("Claimed on {claimed}, after the last day {day}.").format(
                claimed=format_date(facts.claimed_on), day=day
            ),
        )
    if today <= deadline:
        left = (deadline - today).days
        return Check(
            Verdict.TO_DO,
            n_("Claim by {day} ({n} day left).", "Claim by {day} ({n} days left).", left).format(
                day=day, n=left
            ),
        )
    return Check(Verdict.NOT_MET, _("Not claimed by the last day, {day}.").format(day=day))


def _evidence(months: int, facts: ClaimFacts, today: dt.date) -> Check:
    if facts.evidence_requested_on is None:
        return Check(
            Verdict.NOTE,
            n_(
                "The fund checks claims at random: keep the evidence at hand; if it asks, "
                "send it within {n} month.",
                "The fund checks claims at random: keep the evidence at hand; if it asks, "
                "send it within {n} months.",
                months,
            ).format(n=months),
        )
    by = add_months(facts.evidence_requested_on, months)
    day = format_date(by)
    if facts.evidence_sent_on is not None:
        if facts.evidence_sent_on <= by:
            return Check(
                Verdict.MET,
                _("Evidence sent on {sent}, by {day}.").format(
                    sent=format_date(facts.evidence_sent_on), day=day
                ),
            )
        return Check(
            Verdict.NOT_MET,
            _("Evidence sent on {sent}, after {day}.").format(
                sent=format_date(facts.evidence_sent_on), day=day
            ),
        )
    if today <= by:
        return Check(
            Verdict.TO_DO, _("The fund asked for the evidence: send it by {day}.").format(day=day)
        )
    return Check(
        Verdict.NOT_MET, _("The evidence asked for was not sent by {day}.").format(day=day)
    )


# --- the subsidy for practical learning: study years ----------------------------------


def study_year_of(day: dt.date) -> int:
    """The study year a day falls in, by the year it starts (1 August to 31 July)."""
    return day.year if day.month >= 8 else day.year - 1


def study_year_label(start_year: int) -> str:
    return f"{start_year}-{start_year + 1}"


def study_year_days(start_year: int) -> tuple[dt.date, dt.date]:
    return dt.date(start_year, 8, 1), dt.date(start_year + 1, 7, 31)


# --- what the program ships -------------------------------------------------------------

_AS_KNOWN = "Zoals bekend in november 2026; controleer de actuele voorwaarden bij het fonds."

SHIPPED: tuple[FundRule, ...] = (
    FundRule(
        "OTIB",
        "Opleidings- en ontwikkelingsfonds voor de technische installatiebranche",
        FundKind.COURSE,
        min_presence_percent=80,
        min_minutes=6 * 60,
        claim_by=(3, 1),
        source="OTIB (otib.nl): een opleiding telt mee bij minstens 80% aanwezigheid en "
        "minstens 6 uur; het persoonlijk budget van een jaar moet uiterlijk 1 maart van het "
        "jaar erna gedeclareerd zijn. " + _AS_KNOWN,
    ),
    FundRule(
        "OOM",
        "Opleidings- en ontwikkelingsfonds voor het metaalbewerkingsbedrijf",
        FundKind.COURSE,
        apply_before_start=True,
        claim_within_months=4,
        source="OOM (oom.nl): vraag de subsidie aan vóór de opleiding begint en declareer "
        "binnen 4 maanden na afloop. " + _AS_KNOWN,
    ),
    FundRule(
        "Colland",
        "Colland Arbeidsmarkt (agrarische en groene sectoren)",
        FundKind.COURSE,
        evidence_within_months=2,
        source="Colland Arbeidsmarkt (colland.nl): controleert aanvragen steekproefsgewijs "
        "en wil het bewijs dan binnen 2 maanden. " + _AS_KNOWN,
    ),
    FundRule(
        "Sectorplanplus",
        "Sectorplanplus (zorg en welzijn)",
        FundKind.COURSE,
        signatures_on_day=True,
        trainer_sign_days=7,
        manager_sign_days=21,
        source="Sectorplanplus: deelnemers tekenen de presentielijst op de dag zelf, de "
        "trainer binnen 7 dagen en de leidinggevende binnen 3 weken; vinkjes in plaats van "
        "handtekeningen worden geweigerd. " + _AS_KNOWN,
    ),
    FundRule(
        "Praktijkleren",
        "Subsidieregeling praktijkleren (bbl-leerbanen)",
        FundKind.PLACEMENT,
        max_cents=270_000,
        runs_until=dt.date(2028, 7, 31),
        source="Subsidieregeling praktijkleren (Rijksoverheid, uitgevoerd door DUS-I): tot "
        "EUR 2.700 per praktijkleerplaats per studiejaar, tot en met studiejaar 2027-2028; "
        "vraagt een bewijs van de begeleiding en van de voortgang, gedateerd en geparafeerd "
        "door de praktijkopleider. " + _AS_KNOWN,
    ),
    FundRule(
        "SLIM",
        "Stimuleringsregeling leren en ontwikkelen in mkb-ondernemingen",
        FundKind.PLAN,
        share_percent=60,
        runs_until=dt.date(2030, 12, 31),
        source="SLIM-regeling (Ministerie van SZW): 60% van de kosten van onder meer een "
        "doorlichting die uitmondt in een opleidingsplan, en van methoden om tijdens het "
        "werk te leren; loopt tot 2030. " + _AS_KNOWN,
    ),
)


# --- a claim as entered ---------------------------------------------------------------

NOTE_MAX = 2000


@dataclass(frozen=True)
class ClaimInput:
    """A claim as the form gives it: the fund, the participants' trainings (of one
    course), the fund's reference, the dates the rule asks about and the amounts."""

    fund_id: int
    training_ids: tuple[int, ...]
    reference: str = ""
    applied_on: dt.date | None = None
    claimed_on: dt.date | None = None
    amount_cents: int = 0
    granted_cents: int | None = None
    evidence_requested_on: dt.date | None = None
    evidence_sent_on: dt.date | None = None
    trainer_signed_on: dt.date | None = None
    manager_signed_on: dt.date | None = None
    note: str = ""

    def validated(self, today: dt.date) -> ClaimInput:
        if not self.training_ids:
            raise ValidationError(_("Choose at least one participant."), "training_ids")
        reference = " ".join(self.reference.split())
        if len(reference) > REFERENCE_MAX:
            raise ValidationError(
                _("The fund's reference is at most {n} characters.").format(n=REFERENCE_MAX),
                "reference",
            )
        for field, day in (
            ("applied_on", self.applied_on),
            ("claimed_on", self.claimed_on),
            ("evidence_requested_on", self.evidence_requested_on),
            ("evidence_sent_on", self.evidence_sent_on),
            ("trainer_signed_on", self.trainer_signed_on),
            ("manager_signed_on", self.manager_signed_on),
        ):
            if day is not None and day > today:
                raise ValidationError(
                    _("This day lies after today: write down what happened, when it happened."),
                    field,
                )
        if (
            self.claimed_on is not None
            and self.applied_on is not None
            and self.claimed_on < self.applied_on
        ):
            raise ValidationError(
                _("A claim comes after its application, not before it."), "claimed_on"
            )
        if self.evidence_sent_on is not None:
            if self.evidence_requested_on is None:
                raise ValidationError(
                    _("Fill in when the fund asked for the evidence first."),
                    "evidence_requested_on",
                )
            if self.evidence_sent_on < self.evidence_requested_on:
                raise ValidationError(
                    _("The evidence was sent after the fund asked for it, not before."),
                    "evidence_sent_on",
                )
        for field, cents in (("amount", self.amount_cents), ("granted", self.granted_cents)):
            if cents is not None and not 0 <= cents <= MAX_CENTS:
                raise ValidationError(_("An amount lies between EUR 0 and EUR 1,000,000."), field)
        if len(self.note.strip()) > NOTE_MAX:
            raise ValidationError(
                _("Keep the note under {n} characters.").format(n=NOTE_MAX), "note"
            )
        return replace(
            self,
            reference=reference,
            note=self.note.strip(),
            training_ids=tuple(sorted(set(self.training_ids))),
        )

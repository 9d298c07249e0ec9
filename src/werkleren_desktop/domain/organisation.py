"""The organisation's settings and the rules they must satisfy."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field, fields, replace

from werkleren_desktop.domain.calendar import (
    DEFAULT_CLOSED_HOLIDAYS,
    DEFAULT_WORKING_DAYS,
    HOLIDAY_KEYS,
    ClosingPeriodSpan,
    WorkCalendar,
)
from werkleren_desktop.domain.certificates import EXPIRING_MONTHS, MAX_WARNING_MONTHS
from werkleren_desktop.domain.constants import LiberationDayPolicy
from werkleren_desktop.domain.conversations import ConversationSchedule
from werkleren_desktop.domain.groups import (
    DEFAULT_MIXED_AGE_SPAN,
    MIXED_AGE_SPAN_MAX,
    MIXED_AGE_SPAN_MIN,
)
from werkleren_desktop.domain.people import is_email_address
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.i18n import DEFAULT_LANGUAGE, LANGUAGES, _, n_

NAME_MAX = 200
DESCRIPTION_MAX = 200
LOGO_MAX_BYTES = 5 * 1024 * 1024
LOGO_MAX_PIXELS = 800  # the longest side kept; plenty for a printed letterhead
DEFAULT_TRAINING_BUDGET_CENTS = 750_00  # within the Dutch EUR 500-1,000 range (docs/domain.md)
ALARM_MAX_MINUTES = 7 * 24 * 60  # a reminder at most a week before a session
ALARM_CHOICES = (5, 10, 15, 30, 60, 120, 24 * 60)  # as calendar programs offer them


def _one_year_later(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return dt.date(day.year + 1, 3, 1)


@dataclass(frozen=True)
class ClosingPeriodInput:
    first_day: dt.date
    last_day: dt.date
    description: str = ""

    def validated(self) -> ClosingPeriodInput:
        description = " ".join(self.description.split())
        if self.last_day < self.first_day:
            raise ValidationError(
                _("The last closing day cannot be before the first."), "closing_periods"
            )
        if self.last_day >= _one_year_later(self.first_day):
            raise ValidationError(
                _("A closing period can be at most a year long."), "closing_periods"
            )
        if len(description) > DESCRIPTION_MAX:
            raise ValidationError(
                _("The description is too long (at most {n} characters).").format(
                    n=DESCRIPTION_MAX
                ),
                "closing_periods",
            )
        return replace(self, description=description)

    def span(self) -> ClosingPeriodSpan:
        return ClosingPeriodSpan(self.first_day, self.last_day, self.description)


@dataclass(frozen=True)
class OrganisationSettings:
    name: str
    logo_png: bytes | None = None
    working_days: frozenset[int] = DEFAULT_WORKING_DAYS
    closed_holidays: frozenset[str] = DEFAULT_CLOSED_HOLIDAYS
    liberation_day: LiberationDayPolicy = LiberationDayPolicy.LUSTRUM
    default_training_budget_cents: int = DEFAULT_TRAINING_BUDGET_CENTS
    # required training (art. 7:611a BW) charged to the personal budget too; by default
    # the employer pays it apart
    required_training_on_budget: bool = False
    language: str = DEFAULT_LANGUAGE
    closing_periods: tuple[ClosingPeriodInput, ...] = field(default=())
    # the organisation's own themes for the four days of a week cycle; None: the default
    cycle_outline: tuple[str, ...] | None = None
    # the months of the talent conversations; None: every six months from the date in service
    conversation_months: tuple[int, int] | None = None
    # months after leaving before a person is listed for review and erasure
    retention_months: int = 24
    # the organiser of the events in the calendar file; "": the file invites nobody
    email: str = ""
    # a reminder this many minutes before each session in the calendar file; None: none
    calendar_alarm_minutes: int | None = None
    # a learning group mixes generations when its youngest and oldest member are at
    # least this many years apart
    mixed_age_span: int = DEFAULT_MIXED_AGE_SPAN
    # a certificate that expires within so many months is listed as expiring
    certificate_warning_months: int = EXPIRING_MONTHS

    def validated(self) -> OrganisationSettings:
        """These settings cleaned up, or a ValidationError naming the first problem."""
        name = " ".join(self.name.split())
        if not name:
            raise ValidationError(_("Enter the name of the organisation."), "name")
        if len(name) > NAME_MAX:
            raise ValidationError(
                _("The name is too long (at most {n} characters).").format(n=NAME_MAX), "name"
            )
        if not self.working_days:
            raise ValidationError(_("Choose at least one working day."), "working_days")
        if not self.working_days <= set(range(1, 8)):
            raise ValidationError(_("Unknown working day."), "working_days")
        unknown = self.closed_holidays - set(HOLIDAY_KEYS)
        if unknown:
            raise ValidationError(_("Unknown public holiday."), "closed_holidays")
        if self.default_training_budget_cents < 0:
            raise ValidationError(_("An amount cannot be negative."), "budget")
        if self.language not in LANGUAGES:
            raise ValidationError(_("Choose Nederlands or English."), "language")
        periods = tuple(
            sorted((p.validated() for p in self.closing_periods), key=lambda p: p.first_day)
        )
        outline = None
        if self.cycle_outline is not None:
            themes = tuple(" ".join(t.split()) for t in self.cycle_outline)
            if len(themes) != 4:
                raise ValidationError(_("A week cycle has four days."), "cycle_outline")
            if any(len(t) > 300 for t in themes):
                raise ValidationError(
                    _("A theme is too long (at most 300 characters)."), "cycle_outline"
                )
            outline = themes if any(themes) else None
        if not 6 <= self.retention_months <= 120:
            raise ValidationError(
                _("Keep data of people who left between 6 and 120 months."), "retention_months"
            )
        schedule = ConversationSchedule(self.conversation_months).validated()
        email = self.email.strip()
        if email and not is_email_address(email):
            raise ValidationError(
                _("“{email}” is not an e-mail address.").format(email=email), "email"
            )
        if self.calendar_alarm_minutes is not None:
            check_alarm_minutes(self.calendar_alarm_minutes)
        if not MIXED_AGE_SPAN_MIN <= self.mixed_age_span <= MIXED_AGE_SPAN_MAX:
            raise ValidationError(
                _("Choose an age span between {low} and {high} years.").format(
                    low=MIXED_AGE_SPAN_MIN, high=MIXED_AGE_SPAN_MAX
                ),
                "mixed_age_span",
            )
        if not 1 <= self.certificate_warning_months <= MAX_WARNING_MONTHS:
            raise ValidationError(
                _("Warn of an expiring certificate 1 to {n} months ahead.").format(
                    n=MAX_WARNING_MONTHS
                ),
                "certificate_warning_months",
            )
        return replace(
            self,
            name=name,
            email=email,
            closing_periods=periods,
            cycle_outline=outline,
            conversation_months=schedule.months,
        )

    @property
    def conversation_schedule(self) -> ConversationSchedule:
        return ConversationSchedule(self.conversation_months)

    def work_calendar(self) -> WorkCalendar:
        return WorkCalendar(
            working_days=self.working_days,
            closed_holidays=self.closed_holidays,
            liberation_day=self.liberation_day,
            closing_periods=tuple(p.span() for p in self.closing_periods),
        )


# the settings compared field by field when two managers changed them at once
SETTING_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(OrganisationSettings))


def check_alarm_minutes(minutes: int) -> None:
    """A ValidationError unless a reminder ``minutes`` before a session is sensible."""
    if not 1 <= minutes <= ALARM_MAX_MINUTES:
        raise ValidationError(
            _("A reminder comes between 1 minute and {days} days before the session.").format(
                days=ALARM_MAX_MINUTES // (24 * 60)
            ),
            "calendar_alarm",
        )


def describe_alarm(minutes: int | None) -> str:
    """'15 minutes before', '1 day before' or 'no reminder', in the user's language."""
    if minutes is None:
        return _("No reminder")
    if minutes % (24 * 60) == 0:
        days = minutes // (24 * 60)
        return n_("{n} day before", "{n} days before", days).format(n=days)
    if minutes % 60 == 0:
        hours = minutes // 60
        return n_("{n} hour before", "{n} hours before", hours).format(n=hours)
    return n_("{n} minute before", "{n} minutes before", minutes).format(n=minutes)


def prepare_logo(data: bytes) -> bytes:
    """A logo file as a modest PNG, or a ValidationError when it is not a usable image."""
    from PIL import Image, UnidentifiedImageError  # only when a logo is chosen

    if len(data) > LOGO_MAX_BYTES:
        raise ValidationError(_("The logo file is too large (at most 5 MB)."), "logo")
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            if image.format not in {"PNG", "JPEG", "GIF", "BMP", "WEBP"}:
                raise ValidationError(_("Choose a logo in PNG or JPEG format."), "logo")
            converted = image.convert("RGBA")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise ValidationError(
            _("This file is not an image the program can read; choose a PNG or JPEG file."),
            "logo",
        ) from error
    converted.thumbnail((LOGO_MAX_PIXELS, LOGO_MAX_PIXELS))
    output = io.BytesIO()
    converted.save(output, format="PNG", optimize=True)
    return output.getvalue()

"""Which days the organisation works: working weekdays, public holidays, closing days.

The ``holidays`` package is the base calendar (Algemene termijnenwet); the
organisation chooses which of those days it is closed on, what it does on
5 May (never, in lustrum years, every year) and adds its own closing periods.

The package computes the Dutch days after loading the calendars of every country it
knows (about 170 ms and 12 MB, at every start for the home page's next closing days),
so its answers for 2000-2100 are kept in ``assets/public_holidays_nl.json``, written by
``scripts/update_holiday_table.py``; a test fails when the table and the package differ.
Other years are asked of the package.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from werkleren_desktop.domain.constants import LiberationDayPolicy
from werkleren_desktop.i18n import N_, _

# key -> English name as the holidays package spells it, and our own label
HOLIDAYS: dict[str, tuple[str, str]] = {
    "new_year": ("New Year's Day", N_("New Year's Day")),
    "good_friday": ("Good Friday", N_("Good Friday")),
    "easter_sunday": ("Easter Sunday", N_("Easter Sunday")),
    "easter_monday": ("Easter Monday", N_("Easter Monday")),
    "kings_day": ("King's Day", N_("King's Day")),
    "ascension_day": ("Ascension Day", N_("Ascension Day")),
    "whit_sunday": ("Pentecost", N_("Whit Sunday")),
    "whit_monday": ("Pentecost Monday", N_("Whit Monday")),
    "christmas_day": ("Christmas Day", N_("Christmas Day")),
    "second_christmas_day": ("Second Day of Christmas", N_("Boxing Day")),
}
HOLIDAY_KEYS: tuple[str, ...] = tuple(HOLIDAYS)
LIBERATION_DAY = N_("Liberation Day")
_KEY_BY_PACKAGE_NAME = {package_name: key for key, (package_name, _l) in HOLIDAYS.items()}

# Most caos give every holiday off except Good Friday (docs/domain.md).
DEFAULT_CLOSED_HOLIDAYS: frozenset[str] = frozenset(HOLIDAY_KEYS) - {"good_friday"}
DEFAULT_WORKING_DAYS: frozenset[int] = frozenset({1, 2, 3, 4, 5})
WEEKDAY_NAMES: dict[int, str] = {
    1: N_("Monday"),
    2: N_("Tuesday"),
    3: N_("Wednesday"),
    4: N_("Thursday"),
    5: N_("Friday"),
    6: N_("Saturday"),
    7: N_("Sunday"),
}


HOLIDAY_TABLE = Path(__file__).parent.parent / "assets" / "public_holidays_nl.json"


@cache
def _holiday_table() -> dict[int, dict[dt.date, str]]:
    data = json.loads(HOLIDAY_TABLE.read_text(encoding="utf-8"))
    return {
        int(year): {dt.date.fromisoformat(f"{year}-{day}"): key for day, key in days.items()}
        for year, days in data["years"].items()
    }


@cache
def public_holidays(year: int) -> dict[dt.date, str]:
    """The Dutch public holidays of ``year`` as {date: key}, 5 May left out."""
    table = _holiday_table()
    return dict(table[year]) if year in table else package_public_holidays(year)


def package_public_holidays(year: int) -> dict[dt.date, str]:
    """The Dutch public holidays of ``year`` as the holidays package gives them."""
    import holidays  # the calendar of public holidays, loaded when a year is first needed

    base = holidays.country_holidays("NL", years=year, language="en_US")
    result: dict[dt.date, str] = {}
    for day, name in sorted(base.items()):
        key = _KEY_BY_PACKAGE_NAME.get(name)
        if key is not None:
            result[day] = key
    return result


def liberation_day_closed(year: int, policy: LiberationDayPolicy) -> bool:
    if policy is LiberationDayPolicy.EVERY_YEAR:
        return True
    return policy is LiberationDayPolicy.LUSTRUM and year % 5 == 0


@dataclass(frozen=True)
class ClosingPeriodSpan:
    first_day: dt.date
    last_day: dt.date
    description: str

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.first_day <= day <= self.last_day


@dataclass(frozen=True)
class ClosedDay:
    day: dt.date
    reason: str


YEARS_SEARCHED = 2  # no organisation is closed for longer than this


@dataclass(frozen=True)
class WorkCalendar:
    """The organisation's working calendar; every question about a date goes here."""

    working_days: frozenset[int] = DEFAULT_WORKING_DAYS
    closed_holidays: frozenset[str] = DEFAULT_CLOSED_HOLIDAYS
    liberation_day: LiberationDayPolicy = LiberationDayPolicy.LUSTRUM
    closing_periods: tuple[ClosingPeriodSpan, ...] = ()

    def closure_reason(self, day: dt.date) -> str | None:
        """Why the organisation is closed on ``day`` (translated), or None when open."""
        key = public_holidays(day.year).get(day)
        if key is not None and key in self.closed_holidays:
            return _(HOLIDAYS[key][1])
        if (day.month, day.day) == (5, 5) and liberation_day_closed(day.year, self.liberation_day):
            return _(LIBERATION_DAY)
        for period in self.closing_periods:
            if day in period:
                return period.description or _("Closing day")
        return None

    def day_note(self, day: dt.date) -> tuple[str, bool] | None:
        """What a calendar says about ``day``: why the organisation is closed (True), or
        the public holiday on which it stays open (False); None for an ordinary day."""
        reason = self.closure_reason(day)
        if reason is not None:
            return reason, True
        key = public_holidays(day.year).get(day)
        if key is not None:
            return _(HOLIDAYS[key][1]), False
        if (day.month, day.day) == (5, 5):
            return _(LIBERATION_DAY), False
        return None

    def is_working_day(self, day: dt.date) -> bool:
        return day.isoweekday() in self.working_days and self.closure_reason(day) is None

    def closed_days(self, first: dt.date, last: dt.date) -> Iterator[ClosedDay]:
        """Days within [first, last] that would be working days but the organisation is closed."""
        for day in _days(first, last):
            if day.isoweekday() not in self.working_days:
                continue
            reason = self.closure_reason(day)
            if reason is not None:
                yield ClosedDay(day, reason)

    def nearest_working_day(self, day: dt.date, step: int = 1) -> dt.date:
        """``day`` when the organisation works then, or else the nearest working day
        after it (``step`` 1) or before it (``step`` -1)."""
        for _tried in range(YEARS_SEARCHED * 366):  # a settings mistake must not hang
            if self.is_working_day(day):
                return day
            day += dt.timedelta(days=step)
        raise ValueError("no working day within years")

    def working_days_between(self, first: dt.date, last: dt.date) -> int:
        return sum(1 for day in _days(first, last) if self.is_working_day(day))


def _days(first: dt.date, last: dt.date) -> Iterable[dt.date]:
    day = first
    while day <= last:
        yield day
        day += dt.timedelta(days=1)

import datetime as dt

import pytest

from werkleren_desktop.db.models import LiberationDayPolicy
from werkleren_desktop.domain.calendar import (
    DEFAULT_CLOSED_HOLIDAYS,
    HOLIDAY_KEYS,
    ClosingPeriodSpan,
    WorkCalendar,
    liberation_day_closed,
    package_public_holidays,
    public_holidays,
)
from werkleren_desktop.domain.calendar import _holiday_table as holiday_table

D = dt.date


def test_every_holiday_key_is_found_each_year() -> None:
    for year in range(2016, 2031):
        assert sorted(public_holidays(year).values()) == sorted(HOLIDAY_KEYS), year


def test_the_holiday_table_says_what_the_holidays_package_says() -> None:
    """The program reads 2000-2100 from its table; after an upgrade of the package (a new
    holiday, a moved one), run scripts/update_holiday_table.py."""
    table = holiday_table()
    assert sorted(table) == list(range(2000, 2101))
    differing = [year for year in table if table[year] != package_public_holidays(year)]
    assert not differing, f"run scripts/update_holiday_table.py: {differing[:5]}"


def test_years_outside_the_table_come_from_the_package() -> None:
    assert 1999 not in holiday_table()
    assert public_holidays(1999) == package_public_holidays(1999)
    assert public_holidays(1999)[D(1999, 12, 25)] == "christmas_day"


@pytest.mark.parametrize(
    ("year", "kings_day"),
    [
        (2025, D(2025, 4, 26)),  # the 27th is a Sunday
        (2026, D(2026, 4, 27)),  # a Monday
        (2031, D(2031, 4, 26)),
    ],  # the 27th is a Sunday again
)
def test_kings_day_moves_to_saturday_when_27_april_is_a_sunday(
    year: int, kings_day: dt.date
) -> None:
    assert public_holidays(year)[kings_day] == "kings_day"


def test_default_calendar_is_closed_on_holidays_but_not_good_friday() -> None:
    calendar = WorkCalendar()
    assert "good_friday" not in DEFAULT_CLOSED_HOLIDAYS
    assert calendar.is_working_day(D(2026, 4, 3))  # Good Friday
    assert not calendar.is_working_day(D(2026, 4, 6))  # Easter Monday
    assert calendar.closure_reason(D(2026, 4, 6)) == "Tweede paasdag"
    assert not calendar.is_working_day(D(2026, 5, 14))  # Ascension Day
    assert not calendar.is_working_day(D(2026, 12, 25))
    assert not calendar.is_working_day(D(2026, 11, 28))  # a Saturday
    assert calendar.is_working_day(D(2026, 11, 30))


@pytest.mark.parametrize(
    ("policy", "year", "closed"),
    [
        (LiberationDayPolicy.LUSTRUM, 2025, True),
        (LiberationDayPolicy.LUSTRUM, 2026, False),
        (LiberationDayPolicy.LUSTRUM, 2030, True),
        (LiberationDayPolicy.NEVER, 2025, False),
        (LiberationDayPolicy.EVERY_YEAR, 2026, True),
    ],
)
def test_liberation_day_follows_the_organisations_choice(
    policy: LiberationDayPolicy, year: int, closed: bool
) -> None:
    assert liberation_day_closed(year, policy) is closed
    calendar = WorkCalendar(liberation_day=policy, working_days=frozenset(range(1, 8)))
    assert calendar.is_working_day(D(year, 5, 5)) is not closed
    if closed:
        assert calendar.closure_reason(D(year, 5, 5)) == "Bevrijdingsdag"


def test_an_organisation_that_works_weekends_and_good_friday() -> None:
    calendar = WorkCalendar(
        working_days=frozenset({2, 3, 4, 5, 6}),  # Tuesday to Saturday
        closed_holidays=DEFAULT_CLOSED_HOLIDAYS | {"good_friday"},
    )
    assert not calendar.is_working_day(D(2026, 11, 30))  # a Monday
    assert calendar.is_working_day(D(2026, 11, 28))  # a Saturday
    assert calendar.closure_reason(D(2026, 4, 3)) == "Goede Vrijdag"


def test_closing_periods_close_every_day_they_cover() -> None:
    calendar = WorkCalendar(
        closing_periods=(ClosingPeriodSpan(D(2026, 12, 28), D(2026, 12, 31), "Kerstsluiting"),)
    )
    closed = list(calendar.closed_days(D(2026, 12, 20), D(2027, 1, 3)))
    assert [(c.day, c.reason) for c in closed] == [
        (D(2026, 12, 25), "Eerste kerstdag"),
        (D(2026, 12, 28), "Kerstsluiting"),
        (D(2026, 12, 29), "Kerstsluiting"),
        (D(2026, 12, 30), "Kerstsluiting"),
        (D(2026, 12, 31), "Kerstsluiting"),
        (D(2027, 1, 1), "Nieuwjaarsdag"),
    ]
    # 21-24 December are the only working days left in that stretch
    assert calendar.working_days_between(D(2026, 12, 20), D(2027, 1, 3)) == 4


def test_a_closing_period_without_description_still_says_why() -> None:
    calendar = WorkCalendar(
        closing_periods=(ClosingPeriodSpan(D(2026, 6, 19), D(2026, 6, 19), ""),)
    )
    assert calendar.closure_reason(D(2026, 6, 19)) == "Sluitingsdag"


def test_reasons_follow_the_language(monkeypatch: pytest.MonkeyPatch) -> None:
    from werkleren_desktop.i18n import set_language

    set_language("en")
    assert WorkCalendar().closure_reason(D(2026, 5, 25)) == "Whit Monday"


def test_the_nearest_working_day_either_way() -> None:
    from werkleren_desktop.domain.calendar import ClosingPeriodSpan

    calendar = WorkCalendar(
        closing_periods=(ClosingPeriodSpan(dt.date(2026, 12, 28), dt.date(2026, 12, 31), "Kerst"),)
    )
    friday = dt.date(2026, 11, 27)
    assert calendar.nearest_working_day(friday) == friday  # a working day is itself
    assert calendar.nearest_working_day(dt.date(2026, 11, 28)) == dt.date(2026, 11, 30)
    assert calendar.nearest_working_day(dt.date(2026, 11, 29), -1) == friday
    # Christmas, the closing week, New Year's Day and a weekend: on to Monday 4 January
    assert calendar.nearest_working_day(dt.date(2026, 12, 25)) == dt.date(2027, 1, 4)
    assert calendar.nearest_working_day(dt.date(2026, 12, 31), -1) == dt.date(2026, 12, 24)
    never = WorkCalendar(
        closing_periods=(ClosingPeriodSpan(dt.date(2026, 1, 1), dt.date(2029, 12, 31), "Dicht"),)
    )
    with pytest.raises(ValueError):
        never.nearest_working_day(dt.date(2026, 6, 1))

"""The planner on the hard weeks of several years and for other working weeks."""

import datetime as dt

import pytest

from werkleren_desktop.db.models import LiberationDayPolicy
from werkleren_desktop.domain.calendar import ClosingPeriodSpan, WorkCalendar
from werkleren_desktop.domain.cycles import (
    consecutive_warning,
    default_outline,
    overlaps,
    propose_cycle,
    propose_series,
)
from werkleren_desktop.errors import ValidationError

D = dt.date
STANDARD = WorkCalendar()


def starts(proposal) -> dt.date:
    return proposal.days[0]


def test_an_ordinary_week() -> None:
    proposal = propose_cycle(STANDARD, D(2026, 11, 30))
    assert proposal.days == (D(2026, 11, 30), D(2026, 12, 1), D(2026, 12, 2), D(2026, 12, 3))
    assert proposal.problem == "" and not proposal.moved


def test_ascension_week_has_no_room_and_the_nearest_start_is_proposed() -> None:
    proposal = propose_cycle(STANDARD, D(2026, 5, 11))
    assert proposal.problem == (
        "donderdag 14 mei 2026 is de organisatie gesloten (Hemelvaartsdag)."
    )
    assert starts(proposal) == D(2026, 5, 5)  # 5 May is a working day outside lustrum years
    every_year = WorkCalendar(liberation_day=LiberationDayPolicy.EVERY_YEAR)
    assert starts(propose_cycle(every_year, D(2026, 5, 11))) == D(2026, 5, 18)


@pytest.mark.parametrize(
    ("requested", "expected", "reason"),
    [
        (D(2026, 4, 27), D(2026, 4, 28), "Koningsdag"),  # King's Day on a Monday
        (D(2025, 4, 24), D(2025, 4, 22), "is geen werkdag"),  # runs into the weekend
        (D(2026, 4, 6), D(2026, 4, 7), "Tweede paasdag"),
        (D(2025, 5, 5), D(2025, 5, 6), "Bevrijdingsdag"),  # a lustrum year
        (D(2026, 12, 24), D(2026, 12, 21), "Eerste kerstdag"),
        # Ascension on 6 May 2027, King's Day on Tuesday 27 April: the week after
        (D(2027, 5, 3), D(2027, 5, 10), "Hemelvaartsdag"),
    ],
)
def test_hard_weeks(requested: dt.date, expected: dt.date, reason: str) -> None:
    proposal = propose_cycle(STANDARD, requested)
    assert starts(proposal) == expected
    assert reason in proposal.problem
    assert proposal.moved


def test_the_week_between_christmas_and_new_year() -> None:
    assert propose_cycle(STANDARD, D(2026, 12, 28)).days[-1] == D(2026, 12, 31)
    closed = WorkCalendar(
        closing_periods=(ClosingPeriodSpan(D(2026, 12, 28), D(2026, 12, 31), "Kerstsluiting"),)
    )
    proposal = propose_cycle(closed, D(2026, 12, 28))
    assert "Kerstsluiting" in proposal.problem
    # 21 December and 4 January are both a week away: the planner moves forward
    assert starts(proposal) == D(2027, 1, 4)


def test_an_organisation_working_tuesday_to_saturday() -> None:
    calendar = WorkCalendar(working_days=frozenset({2, 3, 4, 5, 6}))
    proposal = propose_cycle(calendar, D(2026, 11, 30))  # a Monday
    assert proposal.problem == "maandag 30 november 2026 is geen werkdag."
    assert starts(proposal) == D(2026, 12, 1)
    assert propose_cycle(calendar, D(2026, 12, 2)).days[-1] == D(2026, 12, 5)  # Wed-Sat


def test_an_organisation_working_four_days_has_one_start_a_week() -> None:
    calendar = WorkCalendar(working_days=frozenset({1, 2, 3, 4}))
    assert starts(propose_cycle(calendar, D(2026, 12, 1))) == D(2026, 11, 30)


def test_no_start_at_all() -> None:
    calendar = WorkCalendar(working_days=frozenset({1, 3, 5}))
    proposal = propose_cycle(calendar, D(2026, 11, 30))
    assert proposal.days == () and proposal.problem


def test_a_series_moves_cycles_around_holidays() -> None:
    series = propose_series(STANDARD, D(2026, 3, 30), count=4, interval_weeks=6)
    assert [starts(p) for p in series] == [
        D(2026, 3, 30),
        D(2026, 5, 5),
        D(2026, 6, 22),
        D(2026, 8, 3),
    ]
    assert [p.moved for p in series] == [False, True, False, False]


def test_a_series_never_overlaps_itself() -> None:
    series = propose_series(STANDARD, D(2026, 5, 4), count=3, interval_weeks=1)
    ends = [p.days[-1] for p in series]
    assert all(series[i + 1].days[0] > ends[i] for i in range(2))
    # the second wanted Monday 11 May (Ascension week); back to 5 May would overlap the first
    # and the third waits for the second to end, then skips Whit Monday (25 May)
    assert [p.days[0] for p in series] == [D(2026, 5, 4), D(2026, 5, 18), D(2026, 5, 26)]


@pytest.mark.parametrize(("count", "interval"), [(0, 4), (27, 4), (3, 0), (3, 53)])
def test_series_limits(count: int, interval: int) -> None:
    with pytest.raises(ValidationError):
        propose_series(STANDARD, D(2026, 3, 30), count, interval)


def test_moving_one_session_warns_when_no_longer_consecutive() -> None:
    days = [D(2026, 11, 30), D(2026, 12, 1), D(2026, 12, 2), D(2026, 12, 3)]
    assert consecutive_warning(STANDARD, days) is None
    assert consecutive_warning(STANDARD, [*days[:3], D(2026, 12, 7)]) == (
        "De vier sessies vallen niet meer op opeenvolgende dagen."
    )
    assert "geen werkdag" in (consecutive_warning(STANDARD, [*days[:3], D(2026, 12, 5)]) or "")
    assert consecutive_warning(STANDARD, [*days[:3], days[0]]) == (
        "Twee sessies vallen op dezelfde dag."
    )


def test_overlap_and_outline() -> None:
    at = dt.datetime(2026, 12, 1, 15, 0)
    assert overlaps(at, 60, at + dt.timedelta(minutes=30), 60)
    assert not overlaps(at, 60, at + dt.timedelta(minutes=60), 60)
    assert len(default_outline()) == 4 and default_outline()[0].startswith("Kies")

"""Planning cycles against the database: conflicts, moving, cancelling, attendance."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar
from sqlalchemy import text

from tests.calendar_clients import check_calendar_file
from tests.conftest import TODAY
from werkleren_desktop.db.models import AttendanceStatus
from werkleren_desktop.domain.cycles import SessionTimes, cycle_days
from werkleren_desktop.domain.groups import GroupInput
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.errors import UserError, ValidationError
from werkleren_desktop.services.calendar_export import export_calendar
from werkleren_desktop.services.cycles import (
    AttendanceInput,
    CycleDraft,
    attendance_list_data,
    cancel_cycle,
    cancel_session,
    check_conflicts,
    cycle_detail,
    cycle_outline,
    cycles_of_year,
    group_id_by_name,
    group_trend,
    list_cycles,
    move_session,
    plan_cycle,
    plan_series,
    record_attendance,
    session_events,
)
from werkleren_desktop.services.groups import add_member, save_group
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import save_person
from werkleren_desktop.storage.data_store import DataStore
from werkleren_desktop.storage.files import write_atomically

D = dt.date
MONDAY = D(2026, 11, 30)
NOW = dt.datetime(2026, 11, 28, 12, tzinfo=dt.UTC)


@pytest.fixture
def org(store: DataStore) -> dict[str, int]:
    create_organisation(store.sessions, OrganisationSettings(name="Bakkerij"))
    ids = {}
    for first, last, email, out in [
        ("Łukasz", "Wójcik", "lukasz@b.nl", None),
        ("Sanne", "Jansen", "", None),
        ("Kees", "Visser", "kees@b.nl", D(2026, 12, 1)),
    ]:
        ids[first] = save_person(
            store.sessions,
            PersonInput(first, last, D(2020, 1, 1), email=email, out_of_service=out),
            TODAY,
        )
    ids["bread"] = save_group(store.sessions, GroupInput("Brood", D(2026, 1, 1)))
    ids["cake"] = save_group(store.sessions, GroupInput("Taart", D(2026, 1, 1)))
    for name in ("Łukasz", "Sanne", "Kees"):
        add_member(store.sessions, ids["bread"], ids[name], D(2026, 1, 1))
    add_member(store.sessions, ids["cake"], ids["Łukasz"], D(2026, 1, 1))
    return ids


def draft(
    group: int, start: dt.date = MONDAY, location: str = "Kantine", time: dt.time = dt.time(15)
) -> CycleDraft:
    return CycleDraft(
        group, cycle_days(start), SessionTimes(time, 60, location), ("a", "b", "c", "d")
    )


def test_plan_a_cycle_and_see_it_as_events(store: DataStore, org) -> None:
    plan_cycle(store.sessions, draft(org["bread"]))
    events = session_events(store.sessions)
    assert [e.starts_at for e in events] == [
        dt.datetime.combine(d, dt.time(15)) for d in cycle_days(MONDAY)
    ]
    # the members on the day with their e-mail address, if any, by surname
    assert events[0].attendees == (
        ("Sanne Jansen", ""),
        ("Kees Visser", "kees@b.nl"),
        ("Łukasz Wójcik", "lukasz@b.nl"),
    )
    assert len({e.uid for e in events}) == 4
    assert cycle_outline(store.sessions)[0].startswith("Kies een werksituatie")


def test_conflicts_are_named_before_saving(store: DataStore, org) -> None:
    plan_cycle(store.sessions, draft(org["cake"], location="Kantine"))
    problems = check_conflicts(store.sessions, draft(org["bread"], location="kantine"))
    assert "Kantine is op maandag 30 november 2026 bezet door Taart." in problems
    assert "Łukasz Wójcik heeft op maandag 30 november 2026 al een sessie van Taart." in problems
    assert "Kees Visser is op woensdag 2 december 2026 uit dienst." in problems
    # an hour later in another room only the leaver remains
    later = check_conflicts(
        store.sessions, draft(org["bread"], location="Leerlokaal", time=dt.time(16))
    )
    assert all("Kees Visser" in p for p in later) and len(later) == 2


def test_a_group_cannot_meet_twice_at_once(store: DataStore, org) -> None:
    plan_cycle(store.sessions, draft(org["cake"]))
    problems = check_conflicts(store.sessions, draft(org["cake"], location="Elders"))
    assert problems[0] == "De groep komt op maandag 30 november 2026 op dat moment al bijeen."


def test_a_series_in_one_transaction(store: DataStore, org) -> None:
    ids = plan_series(
        store.sessions, [draft(org["bread"], MONDAY + dt.timedelta(weeks=6 * i)) for i in range(3)]
    )
    assert len(ids) == 3 and len(session_events(store.sessions)) == 12
    with pytest.raises(ValidationError):
        plan_series(
            store.sessions,
            [
                draft(org["bread"], D(2027, 3, 1)),
                CycleDraft(org["bread"], (D(2027, 4, 5),), SessionTimes(), ()),
            ],
        )
    assert len(session_events(store.sessions)) == 12  # the bad series stored nothing


def test_moving_and_cancelling_a_session(store: DataStore, org) -> None:
    plan_cycle(store.sessions, draft(org["bread"]))
    first = session_events(store.sessions)[0]
    with store.sessions() as session:
        from sqlalchemy import select

        from werkleren_desktop.db.models import CycleSession

        ids = session.scalars(select(CycleSession.id).order_by(CycleSession.day_number)).all()
    warning = move_session(store.sessions, ids[3], dt.datetime(2026, 12, 8, 15))
    assert warning == "De vier sessies vallen niet meer op opeenvolgende dagen."
    assert move_session(store.sessions, ids[3], dt.datetime(2026, 12, 3, 10)) is None
    cancel_session(store.sessions, ids[0])
    events = session_events(store.sessions)
    assert events[0].uid == first.uid and events[0].cancelled
    # the SEQUENCE rises when the next calendar file differs (test_calendar_export)
    assert {e.sequence for e in events} == {0}


def test_the_sessions_of_some_days_only(store: DataStore, org) -> None:
    """The window's calendar reads the months around the one it shows: the sessions
    from the first to the last day given, both whole days, as SQL written here finds."""
    plan_cycle(store.sessions, draft(org["bread"], time=dt.time(7)))  # 30 Nov - 3 Dec
    plan_cycle(store.sessions, draft(org["cake"], time=dt.time(17, 30)))
    plan_cycle(store.sessions, draft(org["bread"], D(2027, 3, 1)))
    days = (D(2026, 12, 1), D(2026, 12, 2))
    events = session_events(store.sessions, with_attendees=False, days=days)
    with store.sessions() as db:
        expected = db.scalars(
            text(
                "SELECT uid FROM cycle_session WHERE starts_at >= :first AND starts_at < :after"
                " ORDER BY starts_at, id"
            ),
            {"first": dt.datetime(2026, 12, 1), "after": dt.datetime(2026, 12, 3)},
        ).all()
    assert [e.uid for e in events] == expected and len(expected) == 4
    assert {e.starts_at.date() for e in events} == set(days)
    assert {e.starts_at.hour for e in events} == {7, 17}  # the first and the last hour
    assert len(session_events(store.sessions, days=(D(2027, 3, 4), D(2027, 3, 4)))) == 1
    assert session_events(store.sessions, days=(D(2026, 12, 4), D(2027, 2, 28))) == []


def test_attendance_and_check_ins(store: DataStore, org) -> None:
    plan_cycle(store.sessions, draft(org["bread"]))
    with store.sessions() as session:
        from sqlalchemy import select

        from werkleren_desktop.db.models import Attendance, CycleSession

        first = session.scalars(select(CycleSession.id).order_by(CycleSession.id)).first()
    assert first is not None
    ahead = [AttendanceInput(org["Sanne"], AttendanceStatus.PRESENT)]
    with pytest.raises(UserError, match="heeft plaatsgevonden; deze is op maandag 30 november"):
        record_attendance(store.sessions, first, ahead, MONDAY - dt.timedelta(days=1))
    entries = [
        AttendanceInput(org["Łukasz"], AttendanceStatus.PRESENT, 4, 5, " Goed! "),
        AttendanceInput(org["Sanne"], AttendanceStatus.EXCUSED),
    ]
    record_attendance(store.sessions, first, entries, MONDAY)
    record_attendance(
        store.sessions,
        first,
        [AttendanceInput(org["Sanne"], AttendanceStatus.PRESENT, 3, 3)],
        MONDAY,
    )
    with store.sessions() as session:
        rows = {a.person_id: a for a in session.scalars(select(Attendance))}
    assert rows[org["Łukasz"]].note == "Goed!" and rows[org["Łukasz"]].meaning == 5
    assert rows[org["Sanne"]].status is AttendanceStatus.PRESENT
    with pytest.raises(ValidationError, match="tussen 1 en 5"):
        record_attendance(
            store.sessions,
            first,
            [AttendanceInput(org["Sanne"], AttendanceStatus.PRESENT, 6)],
            MONDAY,
        )
    with pytest.raises(ValidationError, match="alleen vastgelegd voor wie er was"):
        record_attendance(
            store.sessions,
            first,
            [AttendanceInput(org["Sanne"], AttendanceStatus.ABSENT, 3)],
            MONDAY,
        )


def test_the_calendar_file_keeps_its_uids_and_cancels(store: DataStore, org, tmp_path) -> None:
    plan_cycle(store.sessions, draft(org["bread"]))
    first = export_calendar(store.sessions, NOW).data
    cancel_session(store.sessions, 1)
    second = export_calendar(store.sessions, NOW).data
    for data in (first, second):
        check_calendar_file(data, store.sessions)
    events_1 = Calendar.from_ical(first).walk("VEVENT")
    events_2 = Calendar.from_ical(second).walk("VEVENT")
    assert [str(e["uid"]) for e in events_1] == [str(e["uid"]) for e in events_2]
    assert str(events_2[0]["status"]) == "CANCELLED" and events_2[0].decoded("sequence") == 1
    start = events_1[0].decoded("dtstart")
    assert start == dt.datetime(2026, 11, 30, 15, tzinfo=start.tzinfo)
    assert str(start.tzinfo) == "Europe/Amsterdam"
    assert str(events_1[0]["summary"]) == "Weekcyclus Brood, dag 1"
    assert str(events_1[0]["location"]) == "Kantine"
    assert Calendar.from_ical(first).walk("VTIMEZONE")

    target = tmp_path / "agenda.ics"
    target.write_bytes(b"oud")
    write_atomically(target, second)
    assert target.read_bytes() == second
    assert [p.name for p in target.parent.iterdir() if p.name != "data"] == [
        "agenda.ics"
    ]  # no temporary file left beside it


def test_a_moved_session_is_numbered_by_date_and_keeps_its_theme(store: DataStore, org) -> None:
    cycle_id = plan_cycle(store.sessions, draft(org["bread"]))
    first = cycle_detail(store.sessions, cycle_id).sessions[0]
    move_session(store.sessions, first.id, dt.datetime(2026, 12, 4, 15))
    detail = cycle_detail(store.sessions, cycle_id)
    assert [(s.day_number, s.starts_at.day, s.theme) for s in detail.sessions] == [
        (1, 1, "b"),
        (2, 2, "c"),
        (3, 3, "d"),
        (4, 4, "a"),
    ]
    listed = attendance_list_data(store.sessions, cycle_id)
    assert [s.starts_at.day for s in listed.sessions] == [1, 2, 3, 4]


def test_groups_by_name(store: DataStore, org) -> None:
    assert group_id_by_name(store.sessions, " brood ") == org["bread"]
    with pytest.raises(UserError, match=r"Er is geen leergroep met de naam ‘Koek’\."):
        group_id_by_name(store.sessions, "Koek")


def test_a_group_has_one_cycle_on_a_day(store: DataStore, org) -> None:
    """07:30 and 15:00 on the same four days were both accepted; now the second is not,
    whether planned alone, in a series, or by moving a session onto such a day."""
    first = plan_cycle(store.sessions, draft(org["bread"], time=dt.time(7, 30)))
    message = "Brood komt op maandag 30 november 2026 al samen in een andere weekcyclus"
    with pytest.raises(UserError, match=message):
        plan_cycle(store.sessions, draft(org["bread"], location="Elders", time=dt.time(15)))
    week_later = MONDAY + dt.timedelta(weeks=1)
    with pytest.raises(UserError, match="Brood komt op maandag 7 december 2026 al samen"):
        plan_series(  # two drafts of one series on the same days: all or nothing
            store.sessions,
            [draft(org["bread"], week_later), draft(org["bread"], week_later, time=dt.time(9))],
        )
    assert len(list_cycles(store.sessions, org["bread"])) == 1
    other = plan_cycle(store.sessions, draft(org["cake"]))  # another group may
    second = plan_cycle(store.sessions, draft(org["bread"], week_later))
    moved = cycle_detail(store.sessions, second).sessions[0].id
    with pytest.raises(UserError, match="op dinsdag 1 december 2026 al samen"):
        move_session(store.sessions, moved, dt.datetime(2026, 12, 1, 15))
    # a cancelled cycle frees its days
    cancel_cycle(store.sessions, first)
    move_session(store.sessions, moved, dt.datetime(2026, 12, 1, 15))
    # and the moved session holds its new day
    with pytest.raises(UserError, match="op dinsdag 1 december 2026 al samen"):
        plan_cycle(store.sessions, draft(org["bread"], time=dt.time(9)))
    assert other not in {c.id for c in list_cycles(store.sessions, org["bread"])}


def test_turnout_is_present_over_the_members_expected(store: DataStore, org) -> None:
    """One present out of three members, and nobody else marked, is a third, not all."""
    cycle = plan_cycle(store.sessions, draft(org["bread"]))
    first, second = cycle_detail(store.sessions, cycle).sessions[:2]
    after = MONDAY + dt.timedelta(days=7)
    record_attendance(
        store.sessions, first.id, [AttendanceInput(org["Sanne"], AttendanceStatus.PRESENT)], after
    )
    (row,) = list_cycles(store.sessions, org["bread"])
    assert (row.attended, row.expected) == (1, 3)
    record_attendance(
        store.sessions,
        second.id,
        [AttendanceInput(org[n], AttendanceStatus.PRESENT) for n in ("Sanne", "Łukasz", "Kees")],
        after,
    )
    (row,) = list_cycles(store.sessions, org["bread"])
    assert (row.attended, row.expected) == (4, 6)  # the sessions without marks do not count
    # the same figure from SQL written here: members on each recorded session's day
    with store.engine.connect() as connection:  # on any database
        expected = connection.execute(
            text(
                "SELECT sum((SELECT count(*) FROM group_membership m"
                " WHERE m.group_id = c.group_id AND m.joined <= date(s.starts_at)"
                " AND (m.left_on IS NULL OR m.left_on >= date(s.starts_at))))"
                " FROM cycle_session s JOIN week_cycle c ON c.id = s.cycle_id"
                " WHERE EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = s.id)"
            )
        ).scalar_one()
    assert expected == row.expected
    (point,) = group_trend(store.sessions, org["bread"], after)
    assert point.attendance_rate == pytest.approx(4 / 6)


def test_the_cycles_that_end_on_or_after_a_day(store: DataStore, org) -> None:
    """The list of upcoming cycles reads only them (at ten times the large demo the
    turnout of ten years took most of a second): a cycle counts while its last day,
    a session moved later or cancelled included, is on or after the day."""
    from sqlalchemy import func, select

    from werkleren_desktop.db.models import CycleSession

    past = plan_cycle(store.sessions, draft(org["bread"], MONDAY - dt.timedelta(weeks=3)))
    stretched = plan_cycle(store.sessions, draft(org["cake"], MONDAY - dt.timedelta(weeks=1)))
    now = plan_cycle(store.sessions, draft(org["bread"]))
    later = plan_cycle(store.sessions, draft(org["cake"], MONDAY + dt.timedelta(weeks=2)))
    last = cycle_detail(store.sessions, stretched).sessions[-1]
    move_session(store.sessions, last.id, dt.datetime(2026, 12, 1, 8))  # its day 4, today
    cancel_session(store.sessions, last.id)
    thursday = MONDAY + dt.timedelta(days=3)  # the last day of ``now``
    for day, wanted in (
        (MONDAY - dt.timedelta(weeks=4), {past, stretched, now, later}),
        (MONDAY + dt.timedelta(days=1), {stretched, now, later}),
        (thursday, {now, later}),
        (thursday + dt.timedelta(days=1), {later}),
    ):
        rows = list_cycles(store.sessions, ending_from=day)
        assert {r.id for r in rows} == wanted, day
        # the same rows, turnout and all, as the whole list holds of them
        assert rows == [r for r in list_cycles(store.sessions) if r.last_day >= day]
        with store.sessions() as session:  # and the same cycles by SQL written here
            ends = (
                select(CycleSession.cycle_id)
                .group_by(CycleSession.cycle_id)
                .having(func.max(CycleSession.starts_at) >= dt.datetime.combine(day, dt.time()))
            )
            assert set(session.scalars(ends)) == wanted
    assert [r.id for r in list_cycles(store.sessions, org["cake"], thursday)] == [later]


def test_the_cycles_of_a_year_for_the_home_page(store: DataStore, org) -> None:
    """A cycle belongs to the year it starts in, also when it ends in the next one; a
    cancelled cycle is not counted."""
    across = plan_cycle(store.sessions, draft(org["bread"], D(2026, 12, 30)))
    plan_cycle(store.sessions, draft(org["cake"], D(2027, 1, 4)))
    plan_cycle(store.sessions, draft(org["bread"], D(2026, 12, 14)))
    cancel_cycle(store.sessions, plan_cycle(store.sessions, draft(org["cake"], D(2026, 12, 7))))
    assert cycle_detail(store.sessions, across).sessions[-1].starts_at.year == 2027
    assert cycles_of_year(store.sessions, 2026, D(2026, 12, 1)) == (2, 2)
    assert cycles_of_year(store.sessions, 2026, D(2026, 12, 17)) == (2, 2)  # its last day
    assert cycles_of_year(store.sessions, 2026, D(2026, 12, 18)) == (2, 1)
    assert cycles_of_year(store.sessions, 2027, D(2027, 1, 8)) == (1, 0)
    assert cycles_of_year(store.sessions, 2025, D(2025, 6, 1)) == (0, 0)
    # the same figures from SQL written here
    with store.engine.connect() as connection:
        counted = connection.execute(
            text(
                "SELECT count(*), sum(CASE WHEN last >= '2026-12-18' THEN 1 ELSE 0 END) FROM"
                " (SELECT min(date(s.starts_at)) AS first, max(date(s.starts_at)) AS last"
                " FROM cycle_session s JOIN week_cycle c ON c.id = s.cycle_id"
                " WHERE NOT c.cancelled GROUP BY s.cycle_id) AS spans"
                " WHERE first >= '2026-01-01' AND first < '2027-01-01'"
            )
        ).one()
    assert tuple(counted) == cycles_of_year(store.sessions, 2026, D(2026, 12, 18))


def test_the_list_of_groups_sends_the_same_statements_for_any_number_of_groups(store) -> None:
    """Each group's expert came in a statement of its own (an N+1 the bench found: 17
    statements on the groups page of the large demo against 6 of the small one)."""
    from sqlalchemy import event

    from werkleren_desktop.domain.groups import GroupInput
    from werkleren_desktop.domain.people import PersonInput
    from werkleren_desktop.services.groups import list_groups, save_group
    from werkleren_desktop.services.people import save_person

    day = dt.date(2026, 1, 5)
    sent: list[str] = []
    event.listen(store.engine, "before_cursor_execute", lambda *args: sent.append(args[2]))

    def statements() -> int:
        sent.clear()
        list_groups(store.sessions, day)
        return len(sent)

    def add_groups(n: int, start: int) -> None:
        for i in range(start, start + n):
            expert = save_person(store.sessions, PersonInput(f"Expert{i}", "Kok", day), day)
            save_group(store.sessions, GroupInput(f"Groep {i}", day, expert_id=expert))

    add_groups(2, 0)
    few = statements()
    add_groups(10, 2)
    assert len(list_groups(store.sessions, day)) == 12
    assert statements() == few

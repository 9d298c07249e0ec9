"""The calendar file as clients nobody here wrote read it: every event at the right
moment through the file's own time zone, organiser and attendees as RFC 5546 wants
them, a name that survives its commas, reminders, and a SEQUENCE that rises exactly
for the events that changed."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from dateutil import tz
from sqlalchemy import select

from tests.calendar_clients import (
    AMSTERDAM,
    ReadEvent,
    assert_times_exact,
    expected_utc,
    read_with_icalendar,
    read_with_icaljs,
    read_with_vobject,
    stored_sessions,
)
from tests.conftest import TODAY
from werkleren_desktop.db.models import CycleSession
from werkleren_desktop.domain.cycles import FIRST_YEAR, LAST_YEAR, SessionTimes, cycle_days
from werkleren_desktop.domain.groups import GroupInput
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.services.calendar_export import (
    CalendarOptions,
    amsterdam_timezone,
    build_calendar,
    export_calendar,
    session_event,
)
from werkleren_desktop.services.cycles import (
    CycleDraft,
    SessionEvent,
    cancel_session,
    move_session,
    plan_cycle,
)
from werkleren_desktop.services.groups import add_member, group_detail, save_group
from werkleren_desktop.services.organisation import (
    create_organisation,
    load_settings,
    save_settings,
)
from werkleren_desktop.services.people import save_person
from werkleren_desktop.storage.data_store import DataStore

D = dt.date
NOW = dt.datetime(2026, 11, 28, 12, tzinfo=dt.UTC)
# Mondays around the changes of the clocks, and in deep winter and summer
STARTS = (D(2027, 3, 22), D(2027, 3, 29), D(2027, 10, 25), D(2027, 11, 1), D(2027, 7, 5))


@pytest.fixture
def org(store: DataStore) -> dict[str, int]:
    create_organisation(store.sessions, OrganisationSettings(name="Bakkerij De Korenschoof"))
    ids = {}
    for first, last, email in [
        ("Łukasz", "Wójcik", "lukasz@b.nl"),
        ("Sanne", "Jansen", ""),
        ("Kees", "Visser", "kees@b.nl"),
    ]:
        ids[first] = save_person(
            store.sessions, PersonInput(first, last, D(2020, 1, 1), email=email), TODAY
        )
    ids["bread"] = save_group(store.sessions, GroupInput("Brood", D(2026, 1, 1)))
    ids["cake"] = save_group(store.sessions, GroupInput("Taart", D(2026, 1, 1)))
    for name in ("Łukasz", "Sanne", "Kees"):
        add_member(store.sessions, ids["bread"], ids[name], D(2026, 1, 1))
    add_member(store.sessions, ids["cake"], ids["Łukasz"], D(2026, 1, 1))
    for number, start in enumerate(STARTS):
        for group, hour in ((ids["bread"], 8), (ids["cake"], 14)):
            plan_cycle(
                store.sessions,
                CycleDraft(
                    group,
                    cycle_days(start),
                    SessionTimes(dt.time(hour, 30 * (number % 2)), 60, "Kantine"),
                    ("Kies een situatie", "Analyseren", "Verbeteren", "Terugblik"),
                ),
            )
    return ids


def exported(store: DataStore, tmp_path: Path, **options) -> tuple[str, list[ReadEvent]]:
    """Export, read with all three clients, check they agree; vobject's reading."""
    calendar = export_calendar(store.sessions, NOW, **options)
    path = tmp_path / "cycli.ics"
    path.write_bytes(calendar.data)
    name, by_vobject = read_with_vobject(calendar.data)
    by_icaljs = read_with_icaljs(path)
    by_icalendar = read_with_icalendar(calendar.data)
    sessions = stored_sessions(store.sessions, options.get("group_id"))
    for events in (by_vobject, by_icaljs, by_icalendar):
        assert_times_exact(events, sessions)
    assert len(by_vobject) == calendar.sessions
    for ours, theirs in ((by_vobject, by_icaljs), (by_vobject, by_icalendar)):
        assert [replace(e, organizer=(e.organizer or "").lower()) for e in ours] == [
            replace(e, organizer=(e.organizer or "").lower()) for e in theirs
        ]
    return name, by_vobject


def change_settings(store: DataStore, **changes: object) -> OrganisationSettings:
    settings = load_settings(store.sessions)
    assert settings is not None
    return save_settings(store.sessions, replace(settings, **changes))  # type: ignore[arg-type]


def by_uid(events: list[ReadEvent]) -> dict[str, ReadEvent]:
    return {e.uid: e for e in events}


def test_every_event_is_at_its_moment_in_every_client(store, org, tmp_path) -> None:
    name, events = exported(store, tmp_path)
    assert name == "Bakkerij De Korenschoof"
    assert len(events) == 2 * 4 * len(STARTS)
    # in summer 08:00 in Amsterdam is 06:00 UTC, in winter 07:00
    starts = {e.start_utc for e in events}
    assert dt.datetime(2027, 7, 5, 6, tzinfo=dt.UTC) in starts
    assert dt.datetime(2027, 11, 1, 7, 30, tzinfo=dt.UTC) in starts
    first = min(events, key=lambda e: (e.start_utc, e.summary))
    assert first.summary == "Weekcyclus Brood, dag 1"
    assert first.location == "Kantine" and first.status == "CONFIRMED"


def test_the_time_zone_holds_for_every_year_a_session_may_lie_in(tmp_path) -> None:
    """Through the file's VTIMEZONE alone (dateutil and ical.js), against zoneinfo: every
    day at noon, and the hours around each change of the clocks, 2000 to 2100."""
    block = amsterdam_timezone().to_ical().decode()
    assert "RDATE" not in block and block.count("RRULE") == 2
    zone = tz.tzical(__import__("io").StringIO(block)).get("Europe/Amsterdam")
    moments: list[dt.datetime] = []
    day = D(FIRST_YEAR, 1, 1)
    while day <= D(LAST_YEAR, 12, 31):
        moments.append(dt.datetime.combine(day, dt.time(12)))
        if day.month in (3, 10) and day.day > 24 and day.isoweekday() == 7:
            # the clock changes at 02:00 (March) or 03:00 (October): around it, and in
            # the hour that does not exist or happens twice
            for hour, minute in ((0, 30), (1, 0), (1, 59), (2, 30), (3, 30), (4, 0), (23, 30)):
                moments.append(dt.datetime.combine(day, dt.time(hour, minute)))
        day += dt.timedelta(days=1)
    # (in the hour that is not or twice, the zone has no one answer: the file says UTC)
    wrong = [
        m
        for m in moments
        if m.hour != 2
        and m.replace(tzinfo=zone).utcoffset() != m.replace(tzinfo=AMSTERDAM).utcoffset()
    ]
    assert not wrong, wrong[:5]

    # the same moments as events, read by ical.js
    changes = [m for m in moments if m.month in (3, 10) or m.day == 1]
    items = [
        SessionEvent(f"t{n}", 0, 1, 1, "Test", 1, moment, 30, "", "", False, ())
        for n, moment in enumerate(changes)
    ]
    options = CalendarOptions(name="Test")
    path = tmp_path / "zone.ics"
    path.write_bytes(build_calendar([(session_event(i, options), 0) for i in items], options, NOW))
    assert_times_exact(read_with_icaljs(path), {i.uid: (i.starts_at, 30) for i in items})


def test_a_session_across_the_change_of_the_clocks_lasts_its_minutes() -> None:
    night = SessionEvent(
        "n", 0, 1, 1, "Nacht", 1, dt.datetime(2027, 10, 31, 1, 30), 120, "", "", False, ()
    )
    options = CalendarOptions(name="Test")
    _name, events = read_with_vobject(
        build_calendar([(session_event(night, options), 0)], options, NOW)
    )
    assert events[0].end_utc - events[0].start_utc == dt.timedelta(minutes=120)
    assert events[0].start_utc == expected_utc(night.starts_at)


def test_without_an_organiser_nobody_is_invited_and_the_description_names_them(
    store, org, tmp_path
) -> None:
    _name, events = exported(store, tmp_path)
    for event in events:
        assert event.organizer is None and event.attendees == ()
    bread = next(e for e in events if "Brood" in e.summary)
    assert bread.description == (
        "Kies een situatie\n\nDeelnemers: Sanne Jansen, Kees Visser, Łukasz Wójcik"
    )


def test_with_an_organiser_the_members_with_an_address_are_attendees(store, org, tmp_path) -> None:
    change_settings(store, email="  leren@korenschoof.nl ")
    _name, events = exported(store, tmp_path)
    bread = next(e for e in events if "Brood" in e.summary)
    assert bread.organizer == "mailto:leren@korenschoof.nl"
    assert bread.attendees == (
        ("Kees Visser", "mailto:kees@b.nl"),
        ("Łukasz Wójcik", "mailto:lukasz@b.nl"),
    )
    assert "Sanne Jansen" in bread.description  # no address: named, not invited
    with pytest.raises(ValidationError, match="is geen e-mailadres"):
        change_settings(store, email="leren@korenschoof")


def test_a_calendar_name_keeps_its_commas_semicolons_and_backslashes(store, org, tmp_path) -> None:
    odd = "Test, groep; A\\B"
    group = group_detail(store.sessions, org["cake"], TODAY).group
    save_group(store.sessions, replace(group, name=odd), org["cake"])
    name, events = exported(store, tmp_path, group_id=org["cake"])
    assert name == odd and events[0].summary.startswith(f"Weekcyclus {odd}, dag ")
    name, _events = exported(store, tmp_path, name="Agenda; met, tekens")
    assert name == "Agenda; met, tekens"


def test_reminders_from_the_settings_or_for_one_file(store, org, tmp_path) -> None:
    _name, events = exported(store, tmp_path)
    assert all(e.alarms == () for e in events)
    change_settings(store, calendar_alarm_minutes=15)
    _name, events = exported(store, tmp_path)
    assert all(e.alarms == (dt.timedelta(minutes=15),) for e in events)
    _name, events = exported(store, tmp_path, alarm_minutes=24 * 60)
    assert all(e.alarms == (dt.timedelta(days=1),) for e in events)
    _name, events = exported(store, tmp_path, alarm_minutes=None)
    assert all(e.alarms == () for e in events)
    for wrong in (0, -5, 7 * 24 * 60 + 1):
        with pytest.raises(ValidationError, match="Een herinnering komt tussen 1 minuut"):
            export_calendar(store.sessions, NOW, alarm_minutes=wrong)
        with pytest.raises(ValidationError, match="Een herinnering komt tussen 1 minuut"):
            change_settings(store, calendar_alarm_minutes=wrong)


def sequences(events: list[ReadEvent]) -> dict[str, int]:
    return {e.uid: e.sequence for e in events}


def changed(before: list[ReadEvent], after: list[ReadEvent]) -> set[str]:
    """The events whose properties other than SEQUENCE differ."""
    old = by_uid(before)
    return {e.uid for e in after if replace(e, sequence=0) != replace(old[e.uid], sequence=0)}


def raised(before: list[ReadEvent], after: list[ReadEvent]) -> set[str]:
    old = sequences(before)
    rises = {uid: seq - old[uid] for uid, seq in sequences(after).items()}
    assert set(rises.values()) <= {0, 1}
    return {uid for uid, rise in rises.items() if rise}


def test_the_sequence_rises_exactly_for_the_events_that_changed(store, org, tmp_path) -> None:
    _name, first = exported(store, tmp_path)
    assert {e.sequence for e in first} == {0}
    _name, again = exported(store, tmp_path)
    assert again == first  # nothing changed, nothing raised

    # renaming a group changes its events' titles
    group = group_detail(store.sessions, org["bread"], TODAY).group
    save_group(store.sessions, replace(group, name="Brood & banket"), org["bread"])
    _name, renamed = exported(store, tmp_path)
    assert changed(again, renamed) == raised(again, renamed)
    assert {by_uid(renamed)[u].summary.split(",")[0] for u in raised(again, renamed)} == {
        "Weekcyclus Brood & banket"
    }
    assert len(raised(again, renamed)) == 4 * len(STARTS)

    # a new member from October on changes the cake group's later events only
    add_member(store.sessions, org["cake"], org["Sanne"], D(2027, 10, 1))
    _name, joined = exported(store, tmp_path)
    rises = raised(renamed, joined)
    assert rises == changed(renamed, joined)
    assert {
        ("Taart" in by_uid(joined)[u].summary, by_uid(joined)[u].start_utc.month >= 10)
        for u in rises
    } == {(True, True)}
    assert len(rises) == 4 * 2  # the two cycles from October

    # moving the first day to after the fourth renumbers the days: all four change
    with store.sessions() as session:
        first_day = session.scalars(
            select(CycleSession).order_by(CycleSession.starts_at).limit(1)
        ).one()
    move_session(store.sessions, first_day.id, dt.datetime(2027, 3, 26, 8))
    _name, moved = exported(store, tmp_path)
    rises = raised(joined, moved)
    assert rises == changed(joined, moved) and len(rises) == 4
    assert by_uid(moved)[f"{first_day.uid}@werkleren-desktop"].summary.endswith("dag 4")

    # a cancelled session says so, once
    cancel_session(store.sessions, first_day.id)
    _name, cancelled = exported(store, tmp_path)
    assert raised(moved, cancelled) == {f"{first_day.uid}@werkleren-desktop"}
    assert by_uid(cancelled)[f"{first_day.uid}@werkleren-desktop"].status == "CANCELLED"

    # a reminder is part of every event that is still on
    change_settings(store, calendar_alarm_minutes=30)
    _name, reminded = exported(store, tmp_path)
    assert raised(cancelled, reminded) == changed(cancelled, reminded)
    assert len(raised(cancelled, reminded)) == len(reminded) - 1


def test_one_group_s_file_leaves_the_others_marks_alone(store, org, tmp_path) -> None:
    _name, first = exported(store, tmp_path)
    group = group_detail(store.sessions, org["bread"], TODAY).group
    save_group(store.sessions, replace(group, name="Roggebrood"), org["bread"])
    cake = export_calendar(store.sessions, NOW, org["cake"])
    assert cake.sessions == 4 * len(STARTS)
    _name, everything = exported(store, tmp_path)
    assert {"Roggebrood" in by_uid(everything)[u].summary for u in raised(first, everything)} == {
        True
    }


def test_sessions_lie_between_the_years_the_program_knows(store, org) -> None:
    with pytest.raises(ValidationError, match="Een sessie ligt in de jaren 2000 tot en met 2100"):
        plan_cycle(
            store.sessions,
            CycleDraft(org["bread"], cycle_days(D(1999, 3, 1)), SessionTimes(), ("",) * 4),
        )
    with store.sessions() as session:
        any_session = session.scalars(select(CycleSession.id).limit(1)).one()
    with pytest.raises(ValidationError, match="Een sessie ligt in de jaren 2000 tot en met 2100"):
        move_session(store.sessions, any_session, dt.datetime(2101, 1, 3, 9))

"""The cycle sessions as an iCalendar file for Outlook, Google Calendar and Thunderbird.

What clients need to get every event right:
- Times are local Amsterdam times with the zone written out in the file in the ordinary
  RRULE form (summer time from the last Sunday of March at 02:00 to the last Sunday of
  October at 03:00), which holds for every year a session may lie in. Clients that read
  times through the file's own VTIMEZONE (ical.js in Thunderbird and Nextcloud) then
  agree with those that look the zone up by name.
- A published calendar names attendees only with an organiser (RFC 5546): with the
  organisation's e-mail address the members are ATTENDEEs of an ORGANIZER; without it
  nobody is invited. The description names the participants either way.
- Every session keeps its UID. Its SEQUENCE rises exactly when what the file says of it
  (time, title, place, status, participants, reminder, ...) changed since the last
  export: a fingerprint of the event is kept with the session. So a newer file updates
  the events a client has, and leaves the rest alone.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from zoneinfo import ZoneInfo

from icalendar import (
    Alarm,
    Calendar,
    Event,
    Timezone,
    TimezoneDaylight,
    TimezoneStandard,
    vCalAddress,
    vRecur,
    vText,
)
from sqlalchemy import select, update

from werkleren_desktop._version import __version__
from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import CycleSession, LearningGroup, WeekCycle
from werkleren_desktop.domain.organisation import check_alarm_minutes
from werkleren_desktop.i18n import _
from werkleren_desktop.services.cycles import SessionEvent, read_session_events
from werkleren_desktop.services.organisation import load_settings

TZID = "Europe/Amsterdam"
AMSTERDAM = ZoneInfo(TZID)
UID_DOMAIN = "werkleren-desktop"


@dataclass(frozen=True)
class CalendarOptions:
    """What a calendar file says beside the sessions themselves."""

    name: str  # the calendar's name in the client
    organiser_name: str = ""
    organiser_email: str = ""  # "": no ORGANIZER and no ATTENDEE lines
    alarm_minutes: int | None = None  # a reminder this long before each session


@dataclass(frozen=True)
class CalendarFile:
    data: bytes
    sessions: int  # events in the file


def amsterdam_timezone() -> Timezone:
    """Europe/Amsterdam as Thunderbird and Google write it: one rule for each change."""
    zone = Timezone()
    zone.add("tzid", TZID)
    for part, name, offset_from, offset_to, first_change, month in (
        (TimezoneDaylight(), "CEST", 1, 2, dt.datetime(1970, 3, 29, 2), 3),
        (TimezoneStandard(), "CET", 2, 1, dt.datetime(1970, 10, 25, 3), 10),
    ):
        part.add("tzname", name)
        part.add("tzoffsetfrom", dt.timedelta(hours=offset_from))
        part.add("tzoffsetto", dt.timedelta(hours=offset_to))
        part.add("dtstart", first_change)
        part.add("rrule", vRecur(freq="YEARLY", bymonth=month, byday="-1SU"))
        zone.add_component(part)
    return zone


def _unambiguous(moment: dt.datetime) -> dt.datetime:
    """The moment in Amsterdam time, or in UTC when the clock reads that time twice (the
    night summer time ends) or never (the night it starts): clients differ on those."""
    wall = moment.replace(tzinfo=None)
    first, second = (wall.replace(tzinfo=AMSTERDAM, fold=fold) for fold in (0, 1))
    exists = first.astimezone(dt.UTC).astimezone(AMSTERDAM).replace(tzinfo=None) == wall
    if exists and first.utcoffset() == second.utcoffset():
        return moment
    return moment.astimezone(dt.UTC)


def _summary(item: SessionEvent) -> str:
    return _("Week cycle {group}, day {n}").format(group=item.group_name, n=item.day_number)


def _description(item: SessionEvent) -> str:
    parts = [item.theme] if item.theme else []
    if item.attendees:
        names = ", ".join(name for name, _email in item.attendees)
        parts.append(_("Participants: {names}").format(names=names))
    return "\n\n".join(parts)


def session_event(item: SessionEvent, options: CalendarOptions) -> Event:
    """The event of one session, without SEQUENCE and DTSTAMP: what its fingerprint covers."""
    event = Event()
    event.add("uid", f"{item.uid}@{UID_DOMAIN}")
    start = item.starts_at.replace(tzinfo=AMSTERDAM)
    # the minutes elapse in real time, also across a change of the clocks
    end = start.astimezone(dt.UTC) + dt.timedelta(minutes=item.duration_minutes)
    event.add("dtstart", _unambiguous(start))
    event.add("dtend", _unambiguous(end.astimezone(AMSTERDAM)))
    event.add("summary", _summary(item))
    description = _description(item)
    if description:
        event.add("description", description)
    if item.location:
        event.add("location", item.location)
    event.add("status", "CANCELLED" if item.cancelled else "CONFIRMED")
    if options.organiser_email:
        organiser = vCalAddress(f"mailto:{options.organiser_email}")
        if options.organiser_name:
            organiser.params["cn"] = vText(options.organiser_name)
        event.add("organizer", organiser, encode=False)
        for name, email in item.attendees:
            if not email:
                continue
            attendee = vCalAddress(f"mailto:{email}")
            attendee.params["cn"] = vText(name)
            attendee.params["role"] = vText("REQ-PARTICIPANT")
            event.add("attendee", attendee, encode=False)
    if options.alarm_minutes is not None and not item.cancelled:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", _summary(item))
        alarm.add("trigger", dt.timedelta(minutes=-options.alarm_minutes))
        event.add_component(alarm)
    return event


def fingerprint(event: Event) -> str:
    data: bytes = event.to_ical()
    return hashlib.sha256(data).hexdigest()


def build_calendar(
    events: Sequence[tuple[Event, int]], options: CalendarOptions, now: dt.datetime
) -> bytes:
    """The file of the given events, each with the SEQUENCE it is to carry."""
    calendar = Calendar()
    calendar.add("prodid", f"-//Werkleren Desktop//{__version__}//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # an X- property is not escaped unless typed as text: "a, b; c" would end at the comma
    calendar.add("x-wr-calname", vText(options.name))
    calendar.add("x-wr-timezone", vText(TZID))
    calendar.add_component(amsterdam_timezone())
    stamp = now.astimezone(dt.UTC)
    for event, sequence in events:
        event.add("sequence", sequence)
        event.add("dtstamp", stamp)
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


class AlarmSetting(Enum):
    ORGANISATION = "organisation"  # the reminder set in the settings


def export_calendar(
    database: SessionFactory,
    now: dt.datetime,
    group_id: int | None = None,
    *,
    name: str | None = None,
    alarm_minutes: int | AlarmSetting | None = AlarmSetting.ORGANISATION,
) -> CalendarFile:
    """The calendar file of every session (or one group's), in one transaction that also
    raises the SEQUENCE of each session whose event differs from the last export.

    ``name`` is the calendar's name (default: the group's, or the organisation's);
    ``alarm_minutes`` a reminder before each session (None: none), by default the
    organisation's setting."""
    settings = load_settings(database)
    if isinstance(alarm_minutes, AlarmSetting):
        alarm_minutes = settings.calendar_alarm_minutes if settings else None
    elif alarm_minutes is not None:
        check_alarm_minutes(alarm_minutes)
    if name is None and group_id is not None:
        with database() as db:
            name = db.scalar(select(LearningGroup.name).where(LearningGroup.id == group_id))
    options = CalendarOptions(
        name=name or (settings.name if settings else "Werkleren Desktop"),
        organiser_name=settings.name if settings else "",
        organiser_email=settings.email if settings else "",
        alarm_minutes=alarm_minutes,
    )
    with database.begin() as db:
        items = read_session_events(db, group_id)
        stored_query = select(CycleSession.uid, CycleSession.id, CycleSession.exported_hash)
        if group_id is not None:
            stored_query = stored_query.join(WeekCycle).where(WeekCycle.group_id == group_id)
        stored = {uid: (row_id, digest) for uid, row_id, digest in db.execute(stored_query)}
        events: list[tuple[Event, int]] = []
        changes: list[dict[str, object]] = []
        for item in items:
            event = session_event(item, options)
            digest = fingerprint(event)
            row_id, previous = stored[item.uid]
            sequence = item.sequence
            if previous != digest:
                # a first export (nothing kept yet) sets the mark without raising
                if previous is not None:
                    sequence += 1
                changes.append({"id": row_id, "sequence": sequence, "exported_hash": digest})
            events.append((event, sequence))
        if changes:
            db.execute(update(CycleSession), changes)  # by primary key, in one go
    return CalendarFile(build_calendar(events, options, now), len(events))

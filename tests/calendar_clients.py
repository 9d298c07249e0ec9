"""Exported calendars read by clients nobody here wrote, each as a list of plain events.

- vobject resolves times through the file's own VTIMEZONE (with dateutil's tzical);
- ical.js, as Thunderbird and Nextcloud use it, also through the file's own VTIMEZONE
  (run with Node from tests/clients, installed by scripts/setup.sh test);
- icalendar looks the zone up by its name, as Outlook and Google Calendar do.

A broken VTIMEZONE shows in the first two and hides in the third, so tests compare all
of them with what zoneinfo says of the session's local time.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import vobject
from icalendar import Calendar
from sqlalchemy import select

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import CycleSession, WeekCycle

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
CLIENTS = Path(__file__).with_name("clients")


@dataclass(frozen=True)
class ReadEvent:
    uid: str
    start_utc: dt.datetime
    end_utc: dt.datetime
    summary: str
    description: str
    location: str
    status: str
    sequence: int
    organizer: str | None
    attendees: tuple[tuple[str | None, str], ...]  # (CN, mailto:...)
    alarms: tuple[dt.timedelta, ...]  # each alarm's trigger, before the start


def _utc(moment: dt.datetime) -> dt.datetime:
    assert moment.tzinfo is not None, "a floating time: the client would guess the zone"
    return moment.astimezone(dt.UTC)


def read_with_vobject(data: bytes) -> tuple[str, list[ReadEvent]]:
    """The calendar's name and its events, through the file's own VTIMEZONE."""
    calendar = vobject.readOne(data.decode("utf-8"))
    for zone in calendar.contents.get("vtimezone", []):
        # vobject keeps zones by name between files; this file's own must be the one used
        vobject.icalendar.registerTzid(zone.tzid.value, zone.gettzinfo())
    events = []
    for event in calendar.contents.get("vevent", []):
        contents = event.contents
        start = event.dtstart.value
        assert type(start.tzinfo).__module__.startswith("dateutil"), start.tzinfo

        def text(name: str, contents: dict[str, list] = contents) -> str:  # type: ignore[type-arg]
            return str(contents[name][0].value) if name in contents else ""

        events.append(
            ReadEvent(
                uid=text("uid"),
                start_utc=_utc(start),
                end_utc=_utc(event.dtend.value),
                summary=text("summary"),
                description=text("description"),
                location=text("location"),
                status=text("status"),
                sequence=int(text("sequence") or 0),
                organizer=text("organizer") or None,
                attendees=tuple(
                    (a.params.get("CN", [None])[0], a.value) for a in contents.get("attendee", [])
                ),
                alarms=tuple(-alarm.trigger.value for alarm in contents.get("valarm", [])),
            )
        )
    return str(calendar.x_wr_calname.value), events


def read_with_icalendar(data: bytes) -> list[ReadEvent]:
    """The events as a client that knows the zone by name reads them."""
    events = []
    for event in Calendar.from_ical(data).walk("VEVENT"):
        events.append(
            ReadEvent(
                uid=str(event["uid"]),
                start_utc=_utc(event.decoded("dtstart")),
                end_utc=_utc(event.decoded("dtend")),
                summary=str(event.get("summary", "")),
                description=str(event.get("description", "")),
                location=str(event.get("location", "")),
                status=str(event.get("status", "")),
                sequence=int(event.get("sequence", 0)),
                organizer=str(event["organizer"]) if "organizer" in event else None,
                attendees=tuple(
                    (a.params.get("CN"), str(a))
                    for a in (
                        event.get("attendee")
                        if isinstance(event.get("attendee"), list)
                        else [event["attendee"]]
                        if "attendee" in event
                        else []
                    )
                ),
                alarms=tuple(-alarm.decoded("trigger") for alarm in event.walk("VALARM")),
            )
        )
    return events


def node() -> str:
    found = shutil.which("node")
    assert found and (CLIENTS / "node_modules" / "ical.js").is_dir(), (
        "ical.js is not installed: run scripts/setup.sh test (it installs Node.js when "
        "missing and runs npm ci in tests/clients)"
    )
    return found


def read_with_icaljs(path: Path) -> list[ReadEvent]:
    """The events as Thunderbird reads them, through the file's own VTIMEZONE."""
    output = subprocess.run(
        [node(), str(CLIENTS / "read_calendar.mjs"), str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    events = []
    for item in json.loads(output)["events"]:
        events.append(
            ReadEvent(
                uid=item["uid"],
                start_utc=dt.datetime.fromtimestamp(item["start_utc"], dt.UTC),
                end_utc=dt.datetime.fromtimestamp(item["end_utc"], dt.UTC),
                summary=item["summary"] or "",
                description=item["description"] or "",
                location=item["location"] or "",
                status=item["status"] or "",
                sequence=item["sequence"] or 0,
                organizer=item["organizer"],
                attendees=tuple((cn, address) for cn, address in item["attendees"]),
                alarms=tuple(dt.timedelta(seconds=-s) for s in item["alarms"]),
            )
        )
    return events


def expected_utc(local: dt.datetime) -> dt.datetime:
    """What zoneinfo says a local Amsterdam time is in UTC."""
    return local.replace(tzinfo=AMSTERDAM).astimezone(dt.UTC)


def assert_times_exact(
    events: list[ReadEvent], sessions: dict[str, tuple[dt.datetime, int]]
) -> None:
    """Every event starts and ends, in UTC, where zoneinfo puts the session's local time.

    ``sessions`` maps each session's uid (as stored) to its local start and minutes."""
    assert len(events) == len(sessions)
    wrong: list[str] = []
    for event in events:
        local, minutes = sessions[event.uid.split("@")[0]]
        start = expected_utc(local)
        if (event.start_utc, event.end_utc) != (start, start + dt.timedelta(minutes=minutes)):
            wrong.append(f"{event.uid}: {local} read as {event.start_utc}")
    assert not wrong, f"{len(wrong)} of {len(events)} events at the wrong time: {wrong[:3]}"


def stored_sessions(
    sessions: SessionFactory, group_id: int | None = None
) -> dict[str, tuple[dt.datetime, int]]:
    """uid -> (local start, minutes) of every session (or one group's), from the tables."""
    query = select(CycleSession.uid, CycleSession.starts_at, CycleSession.duration_minutes)
    if group_id is not None:
        query = query.join(WeekCycle).where(WeekCycle.group_id == group_id)
    with sessions() as session:
        return {uid: (start, minutes) for uid, start, minutes in session.execute(query)}


def check_calendar_file(
    data: bytes, sessions: SessionFactory, group_id: int | None = None
) -> list[ReadEvent]:
    """Every event of an exported file read by vobject (through the file's own time
    zone) and icalendar (by the zone's name) at the moment zoneinfo gives the stored
    session, both clients reading the same; vobject's reading."""
    expected = stored_sessions(sessions, group_id)
    _name, by_vobject = read_with_vobject(data)
    by_icalendar = read_with_icalendar(data)
    for events in (by_vobject, by_icalendar):
        assert_times_exact(events, expected)
    assert [(e.uid, e.start_utc, e.sequence, e.status) for e in by_vobject] == [
        (e.uid, e.start_utc, e.sequence, e.status) for e in by_icalendar
    ]
    return by_vobject

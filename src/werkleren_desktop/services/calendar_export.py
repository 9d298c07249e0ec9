"""The cycle sessions as an iCalendar file that Outlook and Google Calendar import.

Every session keeps its UID and carries a SEQUENCE that grows with each change, so a
newer export updates the events instead of doubling them; a cancelled session is
exported as cancelled.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vCalAddress, vText

from werkleren_desktop._version import __version__
from werkleren_desktop.i18n import _
from werkleren_desktop.services.cycles import SessionEvent

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
UID_DOMAIN = "werkleren-desktop"


def build_calendar(events: Sequence[SessionEvent], name: str, now: dt.datetime) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", f"-//Werkleren Desktop//{__version__}//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    stamp = now.astimezone(dt.UTC)
    for item in events:
        event = Event()
        event.add("uid", f"{item.uid}@{UID_DOMAIN}")
        event.add("sequence", item.sequence)
        event.add("dtstamp", stamp)
        start = item.starts_at.replace(tzinfo=AMSTERDAM)
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(minutes=item.duration_minutes))
        event.add(
            "summary",
            _("Week cycle {group}, day {n}").format(group=item.group_name, n=item.day_number),
        )
        if item.theme:
            event.add("description", item.theme)
        if item.location:
            event.add("location", item.location)
        event.add("status", "CANCELLED" if item.cancelled else "CONFIRMED")
        for person_name, email in item.attendees:
            attendee = vCalAddress(f"mailto:{email}")
            attendee.params["cn"] = vText(person_name)
            attendee.params["role"] = vText("REQ-PARTICIPANT")
            event.add("attendee", attendee, encode=False)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    data: bytes = calendar.to_ical()
    return data

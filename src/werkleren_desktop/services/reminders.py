"""Reminders without a server: the talent conversations that are due and the
certificates about to expire as a calendar file with alarms, for Outlook, Thunderbird or
Apple Calendar (docs/calendar-file.md), beside the week-cycle sessions' own file.

Each reminder is a whole-day event that does not block time:
- a conversation planned this half year on its day; one due and not planned on the day
  it is due (an overdue one on the day of the export, saying since when);
- a certificate on the day it expires; one expired while a refresher still renews it on
  the last day a refresher can; one that expired for good is not reminded of.
Each carries an alarm at 09:00 so many days before (or as soon as the file is in use,
where that day has passed). Every reminder keeps its identity;
its version rises when, and only when, what the file says of it changed since the last
export (``calendar_reminder`` keeps a fingerprint, as the sessions keep theirs), and a
reminder written before that is no longer due (held, planned, renewed) is written once
more as cancelled, so that calendars that have it take it out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from icalendar import Alarm, Event
from sqlalchemy import select
from sqlalchemy.orm import Session

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import CalendarReminder
from werkleren_desktop.domain.conversations import DueStatus, half_year
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.i18n import _, n_
from werkleren_desktop.services.calendar_export import (
    UID_DOMAIN,
    CalendarOptions,
    build_calendar,
    fingerprint,
)
from werkleren_desktop.services.conversations import due_overview
from werkleren_desktop.services.organisation import load_settings
from werkleren_desktop.services.training import expiring_certificates

DEFAULT_DAYS = 14  # the alarm goes off this many days before, at ALARM_HOUR
MAX_DAYS = 90
ALARM_HOUR = 9
HORIZON_MONTHS = 12  # certificates that expire within a year


@dataclass(frozen=True)
class Reminder:
    uid: str
    day: dt.date
    summary: str
    description: str


@dataclass(frozen=True)
class RemindersFile:
    data: bytes
    conversations: int
    certificates: int
    cancelled: int  # reminders of an earlier file no longer due

    def said(self, path: str) -> str:
        """ "3 conversations and 5 certificates written to …"."""
        return _("{conversations} and {certificates} written to {path}.").format(
            conversations=n_("{n} conversation", "{n} conversations", self.conversations).format(
                n=self.conversations
            ),
            certificates=n_("{n} certificate", "{n} certificates", self.certificates).format(
                n=self.certificates
            ),
            path=path,
        )


def check_days(days: int) -> int:
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError(
            _("A reminder goes off 1 to {n} days before.").format(n=MAX_DAYS), "days"
        )
    return days


def _conversations(database: SessionFactory, today: dt.date) -> list[Reminder]:
    settings = load_settings(database)
    if settings is None:
        return []
    half = half_year(today)[0]
    found = []
    for row in due_overview(database, today, settings.conversation_schedule):
        with_whom = _("{name} with {manager}").format(
            name=row.person_name, manager=row.manager_name
        )
        if row.status is DueStatus.PLANNED and row.conversation_on is not None:
            found.append(
                Reminder(
                    f"conversation-{row.conversation_id}@{UID_DOMAIN}",
                    row.conversation_on,
                    _("Talent conversation: {who}").format(who=with_whom),
                    _("Planned. The professional prepares it; the form is printed from "
                      "Conversations."),
                )
            )  # fmt: skip
        elif row.status in (DueStatus.DUE, DueStatus.OVERDUE) and row.due_on is not None:
            overdue = row.status is DueStatus.OVERDUE
            found.append(
                Reminder(
                    f"conversation-due-{row.person_id}-{half.isoformat()}@{UID_DOMAIN}",
                    today if overdue else row.due_on,
                    (
                        _("Talent conversation overdue: {who}")
                        if overdue
                        else _("Talent conversation due: {who}")
                    ).format(who=with_whom),
                    _("Due on {day} and not planned yet: plan it in Conversations.").format(
                        day=format_date(row.due_on)
                    ),
                )
            )
    return found


def _certificates(database: SessionFactory, today: dt.date) -> list[Reminder]:
    found = []
    for row in expiring_certificates(database, today, HORIZON_MONTHS):
        whose = _("{certificate} of {name}").format(
            certificate=row.certificate, name=row.person_name
        )
        uid = f"certificate-{row.training_id}@{UID_DOMAIN}"
        if not row.has_expired(today):
            renews = (
                _("A refresher renews it until {day}.").format(day=format_date(row.grace_until))
                if row.renewal_by_refresher(today) and row.grace_until is not None
                else _("A refresher renews it while it is valid.")
                if row.renewal_by_refresher(today)
                else _("Only the full course renews it.")
            )
            found.append(
                Reminder(uid, row.expires_on, _("{what} expires").format(what=whose), renews)
            )
        elif row.in_grace(today) and row.grace_until is not None:
            found.append(
                Reminder(
                    uid,
                    row.grace_until,
                    _("Last day to renew {what} by a refresher").format(what=whose),
                    _("Expired on {day}; after this day only the full course renews it.").format(
                        day=format_date(row.expires_on)
                    ),
                )
            )
    return found


def reminder_event(reminder: Reminder, days: int, today: dt.date) -> Event:
    """A whole-day event that does not block time, with an alarm at 09:00 ``days``
    before, or on the first day from ``today`` where that lies in the past (an alarm
    already past would go off the moment the file is opened). Without SEQUENCE and
    DTSTAMP: what its fingerprint covers."""
    event = Event()
    event.add("uid", reminder.uid)
    event.add("dtstart", reminder.day)
    event.add("dtend", reminder.day + dt.timedelta(days=1))
    event.add("summary", reminder.summary)
    event.add("description", reminder.description)
    event.add("transp", "TRANSPARENT")
    event.add("status", "CONFIRMED")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", reminder.summary)
    # relative to the day's start (midnight where the calendar is): 09:00, days before
    before = max(0, min(days, (reminder.day - today).days))
    alarm.add("trigger", dt.timedelta(days=-before, hours=ALARM_HOUR))
    event.add_component(alarm)
    return event


def cancelled_event(uid: str, day: dt.date) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", _("No longer due"))
    event.add("transp", "TRANSPARENT")
    event.add("status", "CANCELLED")
    return event


def export_reminders(
    database: SessionFactory, today: dt.date, now: dt.datetime, days: int = DEFAULT_DAYS
) -> RemindersFile:
    """The reminders file, in one transaction that also notes what it wrote of each
    reminder (for the next file's versions and cancellations)."""
    check_days(days)
    conversations = _conversations(database, today)
    certificates = _certificates(database, today)
    settings = load_settings(database)
    name = _("Reminders of {organisation}").format(
        organisation=settings.name if settings else "Werkleren Desktop"
    )
    options = CalendarOptions(name=name)
    current = {r.uid: reminder_event(r, days, today) for r in conversations + certificates}
    days_of = {r.uid: r.day for r in conversations + certificates}
    events: list[tuple[Event, int]] = []
    cancelled = 0
    with database.begin() as db:
        stored = {r.uid: r for r in db.scalars(select(CalendarReminder))}
        for uid, event in current.items():
            events.append((event, _noted(db, stored.get(uid), uid, event, days_of[uid])))
        for uid, record in stored.items():
            if uid in current:
                continue
            if record.cancelled and record.starts_on < today:
                continue  # said once already, and its day has passed: left out
            event = cancelled_event(uid, record.starts_on)
            events.append((event, _noted(db, record, uid, event, record.starts_on, True)))
            cancelled += 1
    return RemindersFile(
        build_calendar(events, options, now), len(conversations), len(certificates), cancelled
    )


def _noted(
    db: Session,
    record: CalendarReminder | None,
    uid: str,
    event: Event,
    day: dt.date,
    cancelled: bool = False,
) -> int:
    """The version the event is written with: raised only when what it says changed
    since the last file (a first export starts at 0)."""
    digest = fingerprint(event)
    if record is None:
        db.add(
            CalendarReminder(
                uid=uid, sequence=0, exported_hash=digest, starts_on=day, cancelled=cancelled
            )
        )
        return 0
    if record.exported_hash != digest:
        record.sequence += 1
        record.exported_hash, record.starts_on, record.cancelled = digest, day, cancelled
    return record.sequence

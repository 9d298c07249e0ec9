"""Reminders as a calendar file (services.reminders), read back by vobject, a parser
nobody here wrote: which conversations and certificates, on which day, with which
alarm, and versions that rise exactly when a reminder changed or is no longer due."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
import vobject

from tests.conftest import TODAY
from werkleren_desktop.domain.conversations import ConversationPlan, DueStatus
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.services.conversations import due_overview, plan_conversation
from werkleren_desktop.services.demo import DemoSize, generate_demo
from werkleren_desktop.services.organisation import load_settings
from werkleren_desktop.services.reminders import export_reminders
from werkleren_desktop.services.training import expiring_certificates
from werkleren_desktop.storage.data_store import DataStore

NOW = dt.datetime(2026, 11, 28, 10, 0, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Read:
    uid: str
    day: dt.date
    end: dt.date
    summary: str
    status: str
    sequence: int
    transparent: bool
    alarms: tuple[dt.timedelta, ...]


def read(data: bytes) -> dict[str, Read]:
    calendar = vobject.readOne(data.decode("utf-8"))
    found = {}
    for event in calendar.contents.get("vevent", []):
        start = event.dtstart.value
        assert type(start) is dt.date, "a whole-day reminder has a date, not a time"
        found[event.uid.value] = Read(
            event.uid.value,
            start,
            event.dtend.value,
            event.summary.value,
            event.status.value,
            int(event.sequence.value),
            event.transp.value == "TRANSPARENT",
            tuple(alarm.trigger.value for alarm in event.contents.get("valarm", [])),
        )
    return found


@pytest.fixture
def demo(store: DataStore) -> DataStore:
    generate_demo(store.sessions, DemoSize.SMALL, today=TODAY)
    return store


def test_each_due_conversation_and_expiring_certificate_on_its_day(demo: DataStore) -> None:
    written = export_reminders(demo.sessions, TODAY, NOW, days=14)
    events = read(written.data)
    settings = load_settings(demo.sessions)
    assert settings is not None
    due = due_overview(demo.sessions, TODAY, settings.conversation_schedule)
    expected: dict[str, dt.date | None] = {}
    for row in due:
        if row.status is DueStatus.PLANNED:
            expected[f"conversation-{row.conversation_id}@werkleren-desktop"] = row.conversation_on
        elif row.status in (DueStatus.DUE, DueStatus.OVERDUE):
            day = TODAY if row.status is DueStatus.OVERDUE else row.due_on
            expected[f"conversation-due-{row.person_id}-2026-07-01@werkleren-desktop"] = day
    certificates = expiring_certificates(demo.sessions, TODAY, 12)
    for certificate in certificates:
        uid = f"certificate-{certificate.training_id}@werkleren-desktop"
        if not certificate.has_expired(TODAY):
            expected[uid] = certificate.expires_on
        elif certificate.in_grace(TODAY):
            expected[uid] = certificate.grace_until  # the last day a refresher renews it
    assert {uid: e.day for uid, e in events.items()} == expected
    assert written.conversations + written.certificates == len(expected) > 5
    assert any(r.in_grace(TODAY) for r in certificates)  # the demo's BHV'er in grace
    for event in events.values():
        assert event.end == event.day + dt.timedelta(days=1) and event.transparent
        assert event.status == "CONFIRMED" and event.sequence == 0
        # an alarm at 09:00, 14 days before, or on the first day from today
        before = min(14, (event.day - TODAY).days)
        assert event.alarms == (dt.timedelta(days=-before, hours=9),), event.summary
    overdue = next(e for e in events.values() if e.uid.startswith("conversation-due-")
                   and e.day == TODAY)  # fmt: skip
    assert overdue.summary.startswith("Talentontwikkelgesprek te laat: ")


def test_versions_rise_only_for_what_changed_and_what_is_no_longer_due_is_cancelled(
    demo: DataStore,
) -> None:
    first = read(export_reminders(demo.sessions, TODAY, NOW).data)
    again = read(export_reminders(demo.sessions, TODAY, NOW + dt.timedelta(hours=1)).data)
    assert again == first  # nothing changed: the same versions
    # a conversation that was due gets planned: its reminder is cancelled, the plan added
    settings = load_settings(demo.sessions)
    assert settings is not None
    waiting = next(
        r
        for r in due_overview(demo.sessions, TODAY, settings.conversation_schedule)
        if r.status in (DueStatus.DUE, DueStatus.OVERDUE)
    )
    planned_on = TODAY + dt.timedelta(days=10)
    conversation = plan_conversation(demo.sessions, waiting.person_id, ConversationPlan(planned_on))
    third = export_reminders(demo.sessions, TODAY, NOW + dt.timedelta(hours=2))
    after = read(third.data)
    gone = f"conversation-due-{waiting.person_id}-2026-07-01@werkleren-desktop"
    assert after[gone].status == "CANCELLED" and after[gone].sequence == 1
    assert after[gone].day == first[gone].day and third.cancelled == 1
    new = after[f"conversation-{conversation}@werkleren-desktop"]
    assert (new.day, new.sequence, new.status) == (planned_on, 0, "CONFIRMED")
    unchanged = {uid for uid in first if uid != gone}
    assert {uid: after[uid] for uid in unchanged} == {uid: first[uid] for uid in unchanged}
    # the cancellation is said again (its day has not passed), without a new version
    fourth = read(export_reminders(demo.sessions, TODAY, NOW + dt.timedelta(hours=3)).data)
    assert fourth[gone] == after[gone]
    # other alarms: every reminder that changes says so with a higher version
    fifth = read(export_reminders(demo.sessions, TODAY, NOW, days=30).data)
    raised = {uid for uid in fifth if fifth[uid].sequence > fourth[uid].sequence}
    assert raised == {
        uid for uid, e in fourth.items() if e.status == "CONFIRMED" and (e.day - TODAY).days > 14
    }


def test_the_alarms_days_are_checked(demo: DataStore) -> None:
    for days in (0, 91):
        with pytest.raises(ValidationError, match="1 tot 90 dagen"):
            export_reminders(demo.sessions, TODAY, NOW, days=days)

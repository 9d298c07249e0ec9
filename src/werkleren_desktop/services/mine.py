"""Mijn leren: what a professional (or a manager, as a professional) reads and does for
themselves when signed in to a shared server: their groups and sessions with their
own check-in, their agreements, their training and budget.

Every query names its columns: such a login may read only the public columns of
``person`` (docs/roles.md), and the server's policies keep each table to the rows the
role may see, so these functions ask for one person's rows and get no more than that
even when asked for more. On a laptop the same functions serve the owner."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import aliased

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import (
    Agreement,
    Attendance,
    ConversationSection,
    CycleSession,
    GroupMembership,
    LearningGroup,
    OwnPreparation,
    Person,
    TalentConversation,
    WeekCycle,
)
from werkleren_desktop.domain.constants import (
    AgreementOwner,
    AgreementStatus,
    AttendanceStatus,
    RequestStatus,
)
from werkleren_desktop.domain.conversations import SECTIONS, clean_preparation
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.people import full_name
from werkleren_desktop.errors import UserError, ValidationError
from werkleren_desktop.i18n import _
from werkleren_desktop.services.cycles import put_attendance

if TYPE_CHECKING:
    from werkleren_desktop.services.conversations import DueRow
    from werkleren_desktop.services.requests import RequestRow

NOTE_MAX = 2000  # a check-in's or an agreement's note: a few sentences


# --- groups and week cycles ----------------------------------------------------------


@dataclass(frozen=True)
class MyGroup:
    id: int
    name: str
    theme: str
    expert: str
    joined: dt.date
    left_on: dt.date | None
    members: tuple[str, ...]  # the others in the group now (or when one left it)


@dataclass(frozen=True)
class MySession:
    """A session of a week cycle of a group one was in that day, with one's check-in."""

    id: int
    group_name: str
    day_number: int
    starts_at: dt.datetime
    duration_minutes: int
    location: str
    theme: str
    cancelled: bool
    status: AttendanceStatus | None  # None: nothing recorded yet
    energy: int | None
    meaning: int | None
    note: str

    def took_place(self, today: dt.date) -> bool:
        return not self.cancelled and self.starts_at.date() <= today


def my_groups(database: SessionFactory, person_id: int, today: dt.date) -> list[MyGroup]:
    """The groups one is in or was in, the current first."""
    expert = aliased(Person)
    with database() as db:
        rows = db.execute(
            select(
                LearningGroup.id,
                LearningGroup.name,
                LearningGroup.theme,
                LearningGroup.expert_name,
                expert.first_name,
                expert.last_name,
                GroupMembership.joined,
                GroupMembership.left_on,
            )
            .join(GroupMembership, GroupMembership.group_id == LearningGroup.id)
            .outerjoin(expert, expert.id == LearningGroup.expert_id)
            .where(GroupMembership.person_id == person_id)
            .order_by(GroupMembership.left_on.is_not(None), GroupMembership.joined.desc())
        ).all()
        ids = [row[0] for row in rows]
        others: dict[int, list[tuple[dt.date, dt.date | None, str]]] = {}
        for group_id, joined, left_on, first, last in db.execute(
            select(
                GroupMembership.group_id,
                GroupMembership.joined,
                GroupMembership.left_on,
                Person.first_name,
                Person.last_name,
            )
            .join(Person, Person.id == GroupMembership.person_id)
            .where(GroupMembership.group_id.in_(ids), GroupMembership.person_id != person_id)
            .order_by(Person.sort_key)
        ):
            others.setdefault(group_id, []).append((joined, left_on, full_name(first, last)))
    groups = []
    for gid, name, theme, outside, first, last, joined, left_on in rows:
        on = min(today, left_on) if left_on is not None else today
        members = tuple(
            who
            for their_joined, their_left, who in others.get(gid, [])
            if their_joined <= on and (their_left is None or their_left >= on)
        )
        expert_text = full_name(first, last) if first is not None else outside
        groups.append(MyGroup(gid, name, theme, expert_text, joined, left_on, members))
    return groups


def my_sessions(database: SessionFactory, person_id: int) -> list[MySession]:
    """The sessions of every cycle of a group one was a member of on the session's day,
    the latest first, with what was recorded of one's attendance and check-in."""
    mine = aliased(Attendance)
    query = (
        select(
            CycleSession.id,
            LearningGroup.name,
            CycleSession.day_number,
            CycleSession.starts_at,
            CycleSession.duration_minutes,
            CycleSession.location,
            CycleSession.theme,
            or_(CycleSession.cancelled, WeekCycle.cancelled),
            mine.status,
            mine.energy,
            mine.meaning,
            mine.note,
            WeekCycle.group_id,
        )
        .join(WeekCycle, WeekCycle.id == CycleSession.cycle_id)
        .join(LearningGroup, LearningGroup.id == WeekCycle.group_id)
        .join(
            GroupMembership,
            and_(
                GroupMembership.group_id == WeekCycle.group_id,
                GroupMembership.person_id == person_id,
            ),
        )
        .outerjoin(mine, and_(mine.session_id == CycleSession.id, mine.person_id == person_id))
        .order_by(CycleSession.starts_at.desc(), CycleSession.id)
    )
    with database() as db:
        found: dict[int, tuple[MySession, int]] = {}
        for row in db.execute(query):
            sid, group, day, starts, minutes, place, theme, cancelled = row[:8]
            status, energy, meaning, note, group_id = row[8:]
            session = MySession(
                sid,
                group,
                day,
                starts,
                minutes,
                place,
                theme,
                bool(cancelled),
                AttendanceStatus(status) if status is not None else None,
                energy,
                meaning,
                note or "",
            )
            found.setdefault(session.id, (session, group_id))
        memberships = db.execute(
            select(GroupMembership.group_id, GroupMembership.joined, GroupMembership.left_on).where(
                GroupMembership.person_id == person_id
            )
        ).all()
    return [
        session
        for session, group_id in found.values()
        if _member_on(memberships, group_id, session.starts_at.date())
    ]


def _member_on(
    memberships: Sequence[tuple[int, dt.date, dt.date | None]], group_id: int, day: dt.date
) -> bool:
    return any(
        group == group_id and joined <= day and (left is None or left >= day)
        for group, joined, left in memberships
    )


@dataclass(frozen=True)
class CheckIn:
    """One's own check-in after a session one was at: energy and meaning (1-5)."""

    energy: int | None
    meaning: int | None
    note: str = ""

    def validated(self) -> CheckIn:
        for score, field in ((self.energy, "energy"), (self.meaning, "meaning")):
            if score is not None and not 1 <= score <= 5:
                raise ValidationError(_("A score lies between 1 and 5."), field)
        if self.energy is None and self.meaning is None and not self.note.strip():
            raise ValidationError(
                _("Say how the session was for you: your energy, its meaning or a note."),
                "energy",
            )
        note = self.note.strip()
        if len(note) > NOTE_MAX:
            raise ValidationError(
                _("Keep the note under {n} characters.").format(n=NOTE_MAX), "note"
            )
        return CheckIn(self.energy, self.meaning, note)


def check_in(
    database: SessionFactory, session_id: int, person_id: int, data: CheckIn, today: dt.date
) -> None:
    """One's own check-in after a session that took place: it says one was there. What a
    manager recorded for the session stays; only one's own row changes."""
    data = data.validated()
    with database.begin() as db:
        session = db.execute(
            select(
                CycleSession.starts_at,
                CycleSession.cancelled,
                WeekCycle.cancelled,
                WeekCycle.group_id,
            )
            .join(WeekCycle, WeekCycle.id == CycleSession.cycle_id)
            .where(CycleSession.id == session_id)
        ).one_or_none()
        if session is None:
            raise UserError(_("This session no longer exists."))
        starts_at, cancelled, cycle_cancelled, group_id = session
        memberships = db.execute(
            select(GroupMembership.group_id, GroupMembership.joined, GroupMembership.left_on).where(
                GroupMembership.person_id == person_id
            )
        ).all()
        if not _member_on(memberships, group_id, starts_at.date()):
            raise UserError(_("You were not in this group on the day of the session."))
        if cancelled or cycle_cancelled:
            raise UserError(_("This session was cancelled."))
        if starts_at.date() > today:
            raise UserError(
                _("You check in after the session; this one is on {day}.").format(
                    day=format_date(starts_at.date(), "full")
                )
            )
        # adds or replaces one's own row: a manager recording the session's attendance
        # at the same moment does not make it fail
        put_attendance(
            db,
            session_id,
            person_id,
            AttendanceStatus.PRESENT,
            data.energy,
            data.meaning,
            data.note,
        )


# --- conversations and agreements ----------------------------------------------------


@dataclass(frozen=True)
class MyAgreement:
    id: int
    conversation_id: int
    made_on: dt.date  # when the conversation was held (or planned)
    what: str
    owner: AgreementOwner
    due_on: dt.date | None
    status: AgreementStatus
    review_note: str


def my_agreements(database: SessionFactory, person_id: int) -> list[MyAgreement]:
    """The agreements of one's own conversations, the open ones first, the soonest due
    first."""
    made_on = TalentConversation.held_on
    with database() as db:
        rows = db.execute(
            select(
                Agreement.id,
                Agreement.conversation_id,
                made_on,
                TalentConversation.planned_on,
                Agreement.what,
                Agreement.owner,
                Agreement.due_on,
                Agreement.status,
                Agreement.review_note,
            )
            .join(TalentConversation, TalentConversation.id == Agreement.conversation_id)
            .where(TalentConversation.person_id == person_id)
            .order_by(Agreement.conversation_id.desc(), Agreement.position)
        ).all()
    agreements = [
        MyAgreement(
            aid,
            cid,
            held or planned,
            what,
            AgreementOwner(owner),
            due,
            AgreementStatus(status),
            note,
        )
        for aid, cid, held, planned, what, owner, due, status, note in rows
    ]
    far = dt.date.max
    agreements.sort(key=lambda a: (a.status is not AgreementStatus.OPEN, a.due_on or far))
    return agreements


def account_for_agreement(
    database: SessionFactory,
    person_id: int,
    agreement_id: int,
    status: AgreementStatus,
    note: str,
) -> None:
    """How one kept an agreement of one's own conversation, with a note; what was
    agreed stays as it was (on the server a trigger sees to that as well)."""
    note = note.strip()
    if len(note) > NOTE_MAX:
        raise ValidationError(_("Keep the note under {n} characters.").format(n=NOTE_MAX), "note")
    if status is not AgreementStatus.OPEN and status is not AgreementStatus.DONE and not note:
        raise ValidationError(
            _("Say in a note how far it came, so that the next conversation can take it up."),
            "note",
        )
    with database.begin() as db:
        agreement = db.get(Agreement, agreement_id)
        whose = db.scalar(
            select(TalentConversation.person_id).where(
                TalentConversation.id == (agreement.conversation_id if agreement else None)
            )
        )
        if agreement is None or whose != person_id:
            raise UserError(_("This agreement no longer exists."))
        agreement.status, agreement.review_note = status, note


@dataclass(frozen=True)
class MyConversation:
    id: int
    manager_name: str
    planned_on: dt.date
    starts_at: dt.time | None
    place: str
    held_on: dt.date | None
    signed: int  # by how many of the two
    notes: dict[str, str]  # what was said, per section (a held conversation)


def my_conversations(database: SessionFactory, person_id: int) -> list[MyConversation]:
    """One's talent conversations, the newest first, with the notes of each part."""
    manager = aliased(Person)
    with database() as db:
        rows = db.execute(
            select(
                TalentConversation.id,
                manager.first_name,
                manager.last_name,
                TalentConversation.planned_on,
                TalentConversation.starts_at,
                TalentConversation.place,
                TalentConversation.held_on,
                TalentConversation.professional_signed_on,
                TalentConversation.manager_signed_on,
            )
            .outerjoin(manager, manager.id == TalentConversation.manager_id)
            .where(TalentConversation.person_id == person_id)
            .order_by(TalentConversation.planned_on.desc(), TalentConversation.id.desc())
        ).all()
        notes: dict[int, dict[str, str]] = {}
        for cid, key, text in db.execute(
            select(
                ConversationSection.conversation_id,
                ConversationSection.key,
                ConversationSection.notes,
            ).where(ConversationSection.conversation_id.in_([row[0] for row in rows]))
        ):
            if text:
                notes.setdefault(cid, {})[key] = text
    return [
        MyConversation(
            cid,
            full_name(first, last) if first is not None else "",
            planned,
            starts,
            place,
            held,
            (professional is not None) + (by_manager is not None),
            notes.get(cid, {}),
        )
        for cid, first, last, planned, starts, place, held, professional, by_manager in rows
    ]


# --- one's own preparation of the next conversation ----------------------------------

PROFESSIONAL_PARTS = tuple(s.key for s in SECTIONS if s.side is AgreementOwner.PROFESSIONAL)


@dataclass(frozen=True)
class MyPreparation:
    """One's own preparation of a conversation: what one wrote (theirs alone), when it
    was last shared with the manager, and whether it changed since."""

    conversation_id: int
    texts: dict[str, str]
    shared_at: dt.datetime | None
    changed_since_shared: bool


def my_preparation(database: SessionFactory, conversation_id: int) -> MyPreparation:
    with database() as db:
        own = {
            key: (text_, shared)
            for key, text_, shared in db.execute(
                select(OwnPreparation.key, OwnPreparation.text, OwnPreparation.shared_at).where(
                    OwnPreparation.conversation_id == conversation_id
                )
            )
        }
        sections = dict(
            db.execute(
                select(ConversationSection.key, ConversationSection.preparation).where(
                    ConversationSection.conversation_id == conversation_id,
                    ConversationSection.key.in_(PROFESSIONAL_PARTS),
                )
            ).all()
        )
    texts = {key: own[key][0] if key in own else "" for key in PROFESSIONAL_PARTS}
    moments = [shared for _text, shared in own.values() if shared is not None]
    shared_at = max(moments) if moments else None
    changed = shared_at is not None and any(
        texts[key] != (sections.get(key) or "") for key in PROFESSIONAL_PARTS
    )
    return MyPreparation(conversation_id, texts, shared_at, changed)


def save_my_preparation(
    database: SessionFactory,
    person_id: int,
    conversation_id: int,
    texts: dict[str, str],
    share: bool,
) -> None:
    """One's own preparation of one's next conversation, kept to oneself; with
    ``share`` also written into the professional's parts of the conversation, where the
    manager reads it (and the printed preparation shows it)."""
    cleaned = {key: clean_preparation(texts)[key] for key in PROFESSIONAL_PARTS}
    with database.begin() as db:
        conversation = db.execute(
            select(TalentConversation.person_id, TalentConversation.held_on).where(
                TalentConversation.id == conversation_id
            )
        ).one_or_none()
        if conversation is None or conversation.person_id != person_id:
            raise UserError(_("This conversation no longer exists."))
        if conversation.held_on is not None:
            raise UserError(_("This conversation has been held; its preparation stays as it was."))
        if share and not any(cleaned.values()):
            raise ValidationError(
                _("Write something in at least one part before you share it."), "went_well"
            )
        stored = {
            row.key: row
            for row in db.scalars(
                select(OwnPreparation).where(OwnPreparation.conversation_id == conversation_id)
            )
        }
        moment = dt.datetime.now(dt.UTC)
        for key, value in cleaned.items():
            row = stored.get(key)
            if row is None:
                row = OwnPreparation(conversation_id=conversation_id, key=key, text=value)
                db.add(row)
            row.text = value
            if share:
                row.shared_at = moment
        if not share:
            return
        sections = {
            row.key: row
            for row in db.scalars(
                select(ConversationSection).where(
                    ConversationSection.conversation_id == conversation_id,
                    ConversationSection.key.in_(PROFESSIONAL_PARTS),
                )
            )
        }
        for key, value in cleaned.items():
            section = sections.get(key)
            if section is None:
                db.add(
                    ConversationSection(
                        conversation_id=conversation_id, key=key, preparation=value, notes=""
                    )
                )
            elif section.preparation != value:
                section.preparation = value


# --- the start of Mijn leren: what waits for one today -------------------------------

CHECK_IN_DAYS = 14  # a session this recent without one's check-in is asked about


@dataclass(frozen=True)
class MyDay:
    """What the first page of Mijn leren shows: one's next conversation and how far its
    preparation is, one's open agreements, sessions to check in after, one's requests;
    for a manager what waits for them (requests to answer, team conversations due)."""

    next_conversation: MyConversation | None
    preparation: MyPreparation | None
    open_agreements: tuple[MyAgreement, ...]
    to_check_in: tuple[MySession, ...]
    my_requests: tuple[RequestRow, ...]
    to_answer: tuple[RequestRow, ...]  # a manager's: addressed to them, still open
    team_due: tuple[DueRow, ...]  # a manager's: overdue or due, not yet planned


def my_day(database: SessionFactory, person_id: int, manages: bool, today: dt.date) -> MyDay:
    from werkleren_desktop.domain.conversations import DueStatus
    from werkleren_desktop.services.conversations import due_overview
    from werkleren_desktop.services.organisation import load_settings
    from werkleren_desktop.services.requests import list_requests

    def team_due() -> list[DueRow]:
        if not manages:
            return []
        settings = load_settings(database)
        if settings is None:
            return []
        return [
            row
            for row in due_overview(database, today, settings.conversation_schedule)
            if row.status in (DueStatus.OVERDUE, DueStatus.DUE)
        ]

    conversations, agreements, sessions, mine, to_me, due = database.at_once(
        lambda: my_conversations(database, person_id),
        lambda: my_agreements(database, person_id),
        lambda: my_sessions(database, person_id),
        lambda: list_requests(database, person_id),
        lambda: list_requests(database, addressed_to=person_id) if manages else [],
        team_due,
    )
    planned = [c for c in conversations if c.held_on is None]
    ahead = min(planned, key=lambda c: c.planned_on) if planned else None
    recent = today - dt.timedelta(days=CHECK_IN_DAYS)
    return MyDay(
        next_conversation=ahead,
        preparation=my_preparation(database, ahead.id) if ahead else None,
        open_agreements=tuple(a for a in agreements if a.status is AgreementStatus.OPEN),
        to_check_in=tuple(
            s
            for s in sessions
            if s.took_place(today) and s.starts_at.date() >= recent and s.status is None
        ),
        my_requests=tuple(mine),
        to_answer=tuple(
            r for r in to_me if r.person_id != person_id and r.status is RequestStatus.OPEN
        ),
        team_due=tuple(due),
    )

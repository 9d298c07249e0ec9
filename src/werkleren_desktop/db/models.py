"""SQLAlchemy models, named after the domain (the words are in docs/domain.md)."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
    column,
    false,
    func,
    table,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from werkleren_desktop.db.portable import Moment

# the enums are the domain's; they are importable from here too, as they always were
from werkleren_desktop.domain.constants import (
    AgreementOwner as AgreementOwner,
)
from werkleren_desktop.domain.constants import (
    AgreementStatus as AgreementStatus,
)
from werkleren_desktop.domain.constants import (
    AttendanceStatus as AttendanceStatus,
)
from werkleren_desktop.domain.constants import FundKind, GuidanceKind
from werkleren_desktop.domain.constants import (
    GroupStatus as GroupStatus,
)
from werkleren_desktop.domain.constants import (
    LiberationDayPolicy as LiberationDayPolicy,
)
from werkleren_desktop.domain.constants import (
    RequestKind as RequestKind,
)
from werkleren_desktop.domain.constants import (
    RequestStatus as RequestStatus,
)
from werkleren_desktop.domain.constants import (
    SignMark as SignMark,
)
from werkleren_desktop.domain.constants import (
    SituationKind as SituationKind,
)
from werkleren_desktop.domain.constants import (
    SituationStatus as SituationStatus,
)
from werkleren_desktop.domain.constants import (
    TrainingForm as TrainingForm,
)
from werkleren_desktop.domain.constants import (
    TrainingStatus as TrainingStatus,
)
from werkleren_desktop.domain.constants import (
    UserRole as UserRole,
)
from werkleren_desktop.domain.constants import (
    WorkAgreementKind as WorkAgreementKind,
)
from werkleren_desktop.domain.onboarding import StepOwner
from werkleren_desktop.domain.people import full_name

# Stable constraint names, so that Alembic's batch mode can rebuild SQLite tables.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {list[int]: JSON, list[str]: JSON}


class Versioned:
    """A record that a form edits, perhaps while someone else on a shared server edits
    it too. Every change raises ``version`` by one in the UPDATE itself
    (``db.engine._stamp_changes``); ``changed_by`` is the login that made the last
    change, ``changed_at`` when. A save from what a form read compares versions under a
    row lock (``services.versions.refuse_if_changed``), so it never silently reverts
    another's work; other writes in one transaction (a background task beside the
    window) change only the columns they set, as before.
    """

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    changed_by: Mapped[str] = mapped_column(String(100), default="", server_default="")
    changed_at: Mapped[dt.datetime | None] = mapped_column(Moment)


VERSIONED_TABLES = (
    "organisation",
    "person",
    "learning_group",
    "learning_situation",
    "talent_conversation",
    "training",
    "learning_request",
    "week_cycle",
    "work_agreement",
)


class Organisation(Versioned, Base):
    """The one organisation whose data this file holds, with its settings."""

    __tablename__ = "organisation"
    __table_args__ = (
        CheckConstraint("default_training_budget_cents >= 0", name="budget_not_negative"),
        CheckConstraint("length(trim(name)) > 0", name="name_not_empty"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    logo_png: Mapped[bytes | None] = mapped_column(LargeBinary)
    # ISO weekday numbers, Monday = 1 .. Sunday = 7
    working_days: Mapped[list[int]] = mapped_column()
    # keys from domain.calendar.HOLIDAY_KEYS the organisation is closed on
    closed_holidays: Mapped[list[str]] = mapped_column()
    liberation_day: Mapped[LiberationDayPolicy] = mapped_column(
        Enum(
            LiberationDayPolicy,
            native_enum=False,
            length=20,
            values_callable=lambda e: [m.value for m in e],
        )
    )
    default_training_budget_cents: Mapped[int] = mapped_column(Integer)
    # training required for the job (art. 7:611a BW) is the employer's to pay; only when
    # this is set does it count against a person's development budget
    required_training_on_budget: Mapped[bool] = mapped_column(default=False, server_default=false())
    language: Mapped[str] = mapped_column(String(5))
    # the themes of the four days of a week cycle; None: the program's own outline
    cycle_outline: Mapped[list[str] | None] = mapped_column()
    # the two months of the talent conversations; None: every six months from the
    # date each person came into service
    conversation_months: Mapped[list[int] | None] = mapped_column()
    # people who left longer ago than this are listed for review and erasure (AVG)
    retention_months: Mapped[int] = mapped_column(Integer, default=24, server_default="24")
    # the organiser of the calendar file's events; without it the file invites nobody
    email: Mapped[str] = mapped_column(String(254), default="", server_default="")
    # a reminder this many minutes before each session in the calendar file; None: none
    calendar_alarm_minutes: Mapped[int | None] = mapped_column(Integer)
    # a group mixes generations when its youngest and oldest are this many years apart
    mixed_age_span: Mapped[int] = mapped_column(Integer, default=15, server_default="15")
    # a certificate that expires within so many months is listed as expiring
    certificate_warning_months: Mapped[int] = mapped_column(Integer, default=3, server_default="3")
    created_at: Mapped[dt.datetime] = mapped_column(Moment, server_default=func.now())


class ClosingPeriod(Base):
    """Extra days the organisation is closed (a company outing, a bridge day, ...)."""

    __tablename__ = "closing_period"
    __table_args__ = (CheckConstraint("last_day >= first_day", name="period_in_order"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    first_day: Mapped[dt.date] = mapped_column(Date, index=True)
    last_day: Mapped[dt.date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(String(200), default="")


class Person(Versioned, Base):
    """A professional (medewerker) of the organisation; a manager is a Person too."""

    __tablename__ = "person"
    __table_args__ = (
        CheckConstraint(
            "out_of_service IS NULL OR out_of_service >= in_service", name="out_after_in"
        ),
        CheckConstraint("manager_id IS NULL OR manager_id <> id", name="not_own_manager"),
        CheckConstraint(
            "contract_minutes IS NULL OR (contract_minutes >= 0 AND contract_minutes <= 4800)",
            name="hours_in_range",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(150), index=True)
    # where the person stands in every list (domain.people.sort_key), kept with them
    # compared byte for byte on every database (a server's own collation would put
    # "grootens" before "groot\x01fleur")
    sort_key: Mapped[str] = mapped_column(
        String(400).with_variant(String(400, collation="C"), "postgresql"),
        default="",
        server_default="",
        index=True,
    )
    # the personal columns (docs/roles.md, person_private) are loaded only when asked
    # for: a manager's or a professional's login may not read them, and every query of
    # a Person would otherwise name them (services.people.PERSONAL undefers them)
    email: Mapped[str | None] = mapped_column(String(254), deferred=True, deferred_group="personal")
    job_title: Mapped[str] = mapped_column(String(150), default="")
    # the function (services.functions) the job title names; None for a title typed
    # that is no function of the list (yet); the title then shows as typed
    function_id: Mapped[int | None] = mapped_column(
        ForeignKey("job_function.id", ondelete="RESTRICT"), index=True
    )
    manager_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    in_service: Mapped[dt.date] = mapped_column(Date)
    out_of_service: Mapped[dt.date | None] = mapped_column(Date, index=True)
    birth_year: Mapped[int | None] = mapped_column(
        Integer, deferred=True, deferred_group="personal"
    )
    # hours per week, stored in minutes to stay exact (32,5 h = 1950)
    contract_minutes: Mapped[int | None] = mapped_column(
        Integer, deferred=True, deferred_group="personal"
    )
    notes: Mapped[str] = mapped_column(Text, default="", deferred=True, deferred_group="personal")
    # the last talent conversation held before the program kept its records (an owner's
    # first day); a record held later counts instead
    last_conversation_on: Mapped[dt.date | None] = mapped_column(
        Date, deferred=True, deferred_group="personal"
    )

    manager: Mapped[Person | None] = relationship(remote_side=[id])

    @property
    def full_name(self) -> str:
        return full_name(self.first_name, self.last_name)


# the personal columns of the people a login with a role may see: a view of the server
# (revision 0021), which such a login reads instead of those columns of ``person``
PERSON_PRIVATE = table(
    "person_private",
    column("id", Integer),
    column("email", String),
    column("birth_year", Integer),
    column("contract_minutes", Integer),
    column("notes", Text),
    column("last_conversation_on", Date),
)


class AppUser(Base):
    """A login of the shared server, linked to the person it belongs to, with its role
    (docs/roles.md). The server's row-level security reads who is who from here; on a
    laptop's file the table stays empty (one user, the owner)."""

    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(63), unique=True)  # the server's role name
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    role: Mapped[UserRole] = mapped_column(
        Enum(UserRole, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e])
    )
    created_at: Mapped[dt.datetime] = mapped_column(Moment, server_default=func.now())

    person: Mapped[Person | None] = relationship()


class LearningGroup(Versioned, Base):
    """A leergroep: a small self-formed group of young and old that learns together."""

    __tablename__ = "learning_group"
    __table_args__ = (
        CheckConstraint("ends IS NULL OR ends >= starts", name="ends_after_start"),
        CheckConstraint("length(trim(name)) > 0", name="name_not_empty"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(150))
    theme: Mapped[str] = mapped_column(Text, default="")
    # the experienced colleague or expert on call: a person, or someone from outside
    expert_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    expert_name: Mapped[str] = mapped_column(String(200), default="")
    expert_contact: Mapped[str] = mapped_column(String(300), default="")
    starts: Mapped[dt.date] = mapped_column(Date)
    ends: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[GroupStatus] = mapped_column(
        Enum(
            GroupStatus,
            native_enum=False,
            length=10,
            values_callable=lambda e: [m.value for m in e],
        )
    )

    expert: Mapped[Person | None] = relationship()
    memberships: Mapped[list[GroupMembership]] = relationship(
        back_populates="group", cascade="all, delete-orphan", order_by="GroupMembership.joined"
    )


class GroupMembership(Base):
    """Who was in a group when: leaving a group ends a membership, history stays."""

    __tablename__ = "group_membership"
    __table_args__ = (
        CheckConstraint("left_on IS NULL OR left_on >= joined", name="left_after_joined"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(
        ForeignKey("learning_group.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    joined: Mapped[dt.date] = mapped_column(Date)
    left_on: Mapped[dt.date | None] = mapped_column(Date)

    group: Mapped[LearningGroup] = relationship(back_populates="memberships")
    person: Mapped[Person] = relationship()


class WorkingMethod(Base):
    """A werkvorm: what a group does in a session of a week cycle. The program ships a
    small library; the organisation extends it. A method no longer offered is retired,
    so that sessions keep the method they used."""

    __tablename__ = "working_method"
    __table_args__ = (CheckConstraint("length(trim(name)) > 0", name="name_not_empty"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    uses_ai: Mapped[bool] = mapped_column(default=False)
    with_others: Mapped[bool] = mapped_column(default=False)  # a colleague or an expert
    vitality: Mapped[str] = mapped_column(String(300), default="")  # vitality or meaning
    retired: Mapped[bool] = mapped_column(default=False)


class WeekCycle(Versioned, Base):
    """A vitale weekcyclus: a group meets one hour a day on four consecutive working days.

    Also the group's workbook: the question it works on, the work situations from the
    log it takes up (``CycleSituation``), what it does each day, and what came of it."""

    __tablename__ = "week_cycle"

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(
        ForeignKey("learning_group.id", ondelete="CASCADE"), index=True
    )
    cancelled: Mapped[bool] = mapped_column(default=False)
    question: Mapped[str] = mapped_column(Text, default="", server_default="")
    outcome: Mapped[str] = mapped_column(Text, default="", server_default="")
    next_step: Mapped[str] = mapped_column(Text, default="", server_default="")

    group: Mapped[LearningGroup] = relationship()
    sessions: Mapped[list[CycleSession]] = relationship(
        back_populates="cycle", cascade="all, delete-orphan", order_by="CycleSession.day_number"
    )


class CycleSession(Base):
    """One of the four meetings of a cycle; its uid stays the same for calendar exports."""

    __tablename__ = "cycle_session"
    __table_args__ = (
        CheckConstraint("day_number BETWEEN 1 AND 4", name="day_number_1_to_4"),
        CheckConstraint("duration_minutes BETWEEN 5 AND 480", name="duration_in_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[int] = mapped_column(
        ForeignKey("week_cycle.id", ondelete="CASCADE"), index=True
    )
    day_number: Mapped[int] = mapped_column(Integer)
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)  # local time
    duration_minutes: Mapped[int] = mapped_column(Integer, default=60)
    location: Mapped[str] = mapped_column(String(200), default="")
    theme: Mapped[str] = mapped_column(String(300), default="")
    method_id: Mapped[int | None] = mapped_column(
        ForeignKey("working_method.id", ondelete="SET NULL"), index=True
    )
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    cancelled: Mapped[bool] = mapped_column(default=False)
    uid: Mapped[str] = mapped_column(String(64), unique=True)
    # raised by an export when what the calendar file says of the session changed since
    # the last export, whose fingerprint (sha256 of the event) is kept beside it
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    exported_hash: Mapped[str | None] = mapped_column(String(64))

    cycle: Mapped[WeekCycle] = relationship(back_populates="sessions")
    method: Mapped[WorkingMethod | None] = relationship()
    attendance: Mapped[list[Attendance]] = relationship(
        back_populates="session", cascade="all, delete-orphan"
    )


class CycleSituation(Base):
    """A work situation from the learning log that a week cycle takes up (the one that
    gave cause, or more). The situations logged during a cycle point to it themselves
    (``LearningSituation.cycle_id``)."""

    __tablename__ = "cycle_situation"

    cycle_id: Mapped[int] = mapped_column(
        ForeignKey("week_cycle.id", ondelete="CASCADE"), primary_key=True
    )
    situation_id: Mapped[int] = mapped_column(
        ForeignKey("learning_situation.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Attendance(Base):
    """Whether a member was there, and a short check-in: energy and meaning from 1 to 5."""

    __tablename__ = "attendance"
    __table_args__ = (
        UniqueConstraint("session_id", "person_id", name="one_per_person"),
        CheckConstraint("energy IS NULL OR energy BETWEEN 1 AND 5", name="energy_1_to_5"),
        CheckConstraint("meaning IS NULL OR meaning BETWEEN 1 AND 5", name="meaning_1_to_5"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("cycle_session.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    status: Mapped[AttendanceStatus] = mapped_column(
        Enum(
            AttendanceStatus,
            native_enum=False,
            length=10,
            values_callable=lambda e: [m.value for m in e],
        )
    )
    energy: Mapped[int | None] = mapped_column(Integer)
    meaning: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")

    session: Mapped[CycleSession] = relationship(back_populates="attendance")
    person: Mapped[Person] = relationship()


def _str_enum(kind: type[enum.StrEnum], length: int = 20) -> Enum:
    return Enum(
        kind, native_enum=False, length=length, values_callable=lambda e: [m.value for m in e]
    )


class GuidingQuestion(Base):
    """A question that steers learning on a work situation; the organisation edits the set.

    Retired questions stay, so that older answers keep their question.
    """

    __tablename__ = "guiding_question"

    id: Mapped[int] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(500))
    retired: Mapped[bool] = mapped_column(default=False)


class LearningSituation(Versioned, Base):
    """A werkleersituatie: a real situation from one's own work that someone learns from."""

    __tablename__ = "learning_situation"
    __table_args__ = (
        CheckConstraint("minutes IS NULL OR minutes >= 0", name="minutes_not_negative"),
        CheckConstraint("length(trim(title)) > 0", name="title_not_empty"),
        # by date, and holding what the yearly figures and the scans count and the id
        # their learners join on: the overview and the scans read a year's situations
        # from the index alone, not from their long texts (SQLite holds the id in every
        # index anyway)
        Index(
            "ix_learning_situation_figures",
            "occurred_on",
            "kind",
            "minutes",
            "in_working_time",
            "ai_used",
            "from_mistake",
            "cycle_id",
            "brought_in_by",
            "created_at",
            "id",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_on: Mapped[dt.date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[SituationKind] = mapped_column(_str_enum(SituationKind))
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("learning_group.id", ondelete="SET NULL"), index=True
    )
    cycle_id: Mapped[int | None] = mapped_column(
        ForeignKey("week_cycle.id", ondelete="SET NULL"), index=True
    )
    tried: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    next_step: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[SituationStatus] = mapped_column(_str_enum(SituationStatus), index=True)
    ai_used: Mapped[bool] = mapped_column(default=False, index=True)
    ai_tool: Mapped[str] = mapped_column(String(100), default="")
    ai_contribution: Mapped[str] = mapped_column(Text, default="")
    ai_checked: Mapped[str] = mapped_column(Text, default="")
    minutes: Mapped[int | None] = mapped_column(Integer)
    in_working_time: Mapped[bool] = mapped_column(default=True)
    # it began with a mistake or a near miss: learned from without asking who is to blame
    from_mistake: Mapped[bool] = mapped_column(default=False, server_default=false())
    # the skill it built, at what level (a situation of the kind "zelf beter performen")
    skill_id: Mapped[int | None] = mapped_column(
        ForeignKey("skill.id", ondelete="RESTRICT"), index=True
    )
    skill_level: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(Moment, server_default=func.now())
    # who brought it in ("ingebracht door"): the professional who logged it themselves,
    # or on whose behalf the owner entered it; None when not known (older records)
    brought_in_by: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    # every text above and the answers, folded (domain.situations.search_text): what the
    # log's search looks in, through an index of its own on each database
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")

    people: Mapped[list[SituationPerson]] = relationship(
        back_populates="situation", cascade="all, delete-orphan"
    )
    consultations: Mapped[list[SituationConsultation]] = relationship(
        back_populates="situation", cascade="all, delete-orphan"
    )
    answers: Mapped[list[SituationAnswer]] = relationship(
        back_populates="situation",
        cascade="all, delete-orphan",
        order_by="SituationAnswer.position",
    )


class SituationPerson(Base):
    """Who learned from the situation (one or more people)."""

    __tablename__ = "situation_person"

    situation_id: Mapped[int] = mapped_column(
        ForeignKey("learning_situation.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True, index=True
    )

    situation: Mapped[LearningSituation] = relationship(back_populates="people")
    person: Mapped[Person] = relationship()


class SituationConsultation(Base):
    """A colleague or expert consulted: a person of the organisation, or an outside name."""

    __tablename__ = "situation_consultation"

    id: Mapped[int] = mapped_column(primary_key=True)
    situation_id: Mapped[int] = mapped_column(
        ForeignKey("learning_situation.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    outside_name: Mapped[str] = mapped_column(String(200), default="")

    situation: Mapped[LearningSituation] = relationship(back_populates="consultations")
    person: Mapped[Person | None] = relationship()


class SituationAnswer(Base):
    """An answer to a guiding question, with the question's text as it was then."""

    __tablename__ = "situation_answer"

    id: Mapped[int] = mapped_column(primary_key=True)
    situation_id: Mapped[int] = mapped_column(
        ForeignKey("learning_situation.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[int | None] = mapped_column(
        ForeignKey("guiding_question.id", ondelete="SET NULL")
    )
    question_text: Mapped[str] = mapped_column(String(500))
    answer: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer)

    situation: Mapped[LearningSituation] = relationship(back_populates="answers")


class TalentConversation(Versioned, Base):
    """A talentontwikkelgesprek between a professional and the direct manager.

    Planned, prepared by both, held, then signed by both; once both signed, the record
    is locked and a change is a correction with a reason, kept as history.
    """

    __tablename__ = "talent_conversation"
    __table_args__ = (
        CheckConstraint("held_on IS NULL OR held_on >= planned_on", name="held_after_planned"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    # the direct manager at the time of the conversation
    manager_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    planned_on: Mapped[dt.date] = mapped_column(Date, index=True)
    starts_at: Mapped[dt.time | None] = mapped_column(Time)
    place: Mapped[str] = mapped_column(String(200), default="")
    held_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    # the professional's part of the preparation was brought in by the professional
    # (ingebracht door), entered on a laptop by the owner on their behalf
    preparation_brought_in: Mapped[bool] = mapped_column(default=False, server_default=false())
    professional_signed_name: Mapped[str | None] = mapped_column(String(200))
    professional_signed_on: Mapped[dt.date | None] = mapped_column(Date)
    professional_mark: Mapped[SignMark | None] = mapped_column(_str_enum(SignMark))
    manager_signed_name: Mapped[str | None] = mapped_column(String(200))
    manager_signed_on: Mapped[dt.date | None] = mapped_column(Date)
    manager_mark: Mapped[SignMark | None] = mapped_column(_str_enum(SignMark))
    created_at: Mapped[dt.datetime] = mapped_column(Moment, server_default=func.now())

    person: Mapped[Person] = relationship(foreign_keys=[person_id])
    manager: Mapped[Person | None] = relationship(foreign_keys=[manager_id])
    sections: Mapped[list[ConversationSection]] = relationship(
        back_populates="conversation", cascade="all, delete-orphan"
    )
    # the professional's own, from their window (Mijn gesprek); shared into ``sections``
    own_preparations: Mapped[list[OwnPreparation]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="OwnPreparation.id"
    )
    agreements: Mapped[list[Agreement]] = relationship(
        back_populates="conversation",
        cascade="all, delete-orphan",
        order_by="Agreement.position",
        foreign_keys="Agreement.conversation_id",
    )
    corrections: Mapped[list[ConversationCorrection]] = relationship(
        back_populates="conversation",
        cascade="all, delete-orphan",
        order_by="ConversationCorrection.made_at",
    )


class ConversationSection(Base):
    """One part of the conversation (what went well, talents, ...): what was prepared
    beforehand and the notes of the conversation itself."""

    __tablename__ = "conversation_section"
    __table_args__ = (UniqueConstraint("conversation_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("talent_conversation.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(40))
    preparation: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    conversation: Mapped[TalentConversation] = relationship(back_populates="sections")


class OwnPreparation(Base):
    """A professional's own preparation of one part of their talent conversation (the
    professional's side), written in their own window (Mijn leren) and theirs alone until
    they share it: sharing copies it into the conversation's sections, where their
    manager reads it. ``shared_at``: when it was last shared, None while private."""

    __tablename__ = "own_preparation"
    __table_args__ = (UniqueConstraint("conversation_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("talent_conversation.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text, default="", server_default="")
    shared_at: Mapped[dt.datetime | None] = mapped_column(Moment)


class Agreement(Base):
    """What was agreed in a conversation; the next conversation accounts for it."""

    __tablename__ = "agreement"
    __table_args__ = (CheckConstraint("length(trim(what)) > 0", name="what_not_empty"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("talent_conversation.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    what: Mapped[str] = mapped_column(Text)
    owner: Mapped[AgreementOwner] = mapped_column(_str_enum(AgreementOwner))
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[AgreementStatus] = mapped_column(_str_enum(AgreementStatus), index=True)
    review_note: Mapped[str] = mapped_column(Text, default="")
    # the conversation in which it was accounted for
    reviewed_in_id: Mapped[int | None] = mapped_column(
        ForeignKey("talent_conversation.id", ondelete="SET NULL"), index=True
    )

    conversation: Mapped[TalentConversation] = relationship(
        back_populates="agreements", foreign_keys=[conversation_id]
    )


class ConversationCorrection(Base):
    """A change to a signed record: what was changed, from what, to what, and why."""

    __tablename__ = "conversation_correction"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("talent_conversation.id", ondelete="CASCADE"), index=True
    )
    made_at: Mapped[dt.datetime] = mapped_column(Moment)
    part: Mapped[str] = mapped_column(String(200))  # the section as it was labelled then
    before: Mapped[str] = mapped_column(Text)
    after: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)

    conversation: Mapped[TalentConversation] = relationship(back_populates="corrections")


class LearningRequest(Versioned, Base):
    """A leervraag: what a professional asks for (training, a learning group, an
    expert), to whom, and the answer: granted, planned, or declined with a reason; and
    what came of it. Entered by the professional, or by the owner on their behalf."""

    __tablename__ = "learning_request"
    __table_args__ = (
        CheckConstraint("length(trim(question)) > 0", name="question_not_empty"),
        CheckConstraint(
            "answered_on IS NULL OR answered_on >= asked_on", name="answered_after_asked"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    # their manager when they asked: whom the request waits for
    addressed_to: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[RequestKind] = mapped_column(_str_enum(RequestKind))
    question: Mapped[str] = mapped_column(Text)
    asked_on: Mapped[dt.date] = mapped_column(Date, index=True)
    status: Mapped[RequestStatus] = mapped_column(_str_enum(RequestStatus), index=True)
    answer: Mapped[str] = mapped_column(Text, default="", server_default="")
    answered_on: Mapped[dt.date | None] = mapped_column(Date)
    # who answered: the manager, or None when the owner did without a person of their own
    answered_by: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    outcome: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[dt.datetime] = mapped_column(Moment, server_default=func.now())

    person: Mapped[Person] = relationship(foreign_keys=[person_id])


class WorkAgreement(Versioned, Base):
    """A werkafspraak or an instruction: a lesson from a work situation or a week cycle
    (or from elsewhere, said in ``origin``), short and findable, with whom to ask. One
    that no longer holds is withdrawn on a day and stays findable."""

    __tablename__ = "work_agreement"
    __table_args__ = (
        CheckConstraint("length(trim(title)) > 0", name="title_not_empty"),
        CheckConstraint(
            "withdrawn_on IS NULL OR withdrawn_on >= agreed_on", name="withdrawn_after_agreed"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[WorkAgreementKind] = mapped_column(_str_enum(WorkAgreementKind))
    title: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    # whom to ask; gone (erased) leaves the agreement waiting for someone new
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    situation_id: Mapped[int | None] = mapped_column(
        ForeignKey("learning_situation.id", ondelete="SET NULL"), index=True
    )
    cycle_id: Mapped[int | None] = mapped_column(
        ForeignKey("week_cycle.id", ondelete="SET NULL"), index=True
    )
    origin: Mapped[str] = mapped_column(String(300), default="", server_default="")
    agreed_on: Mapped[dt.date] = mapped_column(Date)
    withdrawn_on: Mapped[dt.date | None] = mapped_column(Date)


class CertificateType(Base):
    """A kind of certificate with its rule: valid so many months, a grace period after
    which a refresher no longer renews it, and whether a refresher renews it at all
    (domain.certificates). Shipped with common Dutch ones; the organisation edits the
    list. A type in use is retired, not deleted, so its trainings keep it."""

    __tablename__ = "certificate_type"
    __table_args__ = (
        CheckConstraint("length(trim(name)) > 0", name="name_not_empty"),
        CheckConstraint("valid_months IS NULL OR valid_months > 0", name="valid_positive"),
        CheckConstraint("grace_months >= 0", name="grace_not_negative"),
        UniqueConstraint("name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(String(200), default="", server_default="")
    valid_months: Mapped[int | None] = mapped_column(Integer)
    grace_months: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    refresher_renews: Mapped[bool] = mapped_column(default=True, server_default=true())
    source: Mapped[str] = mapped_column(Text, default="", server_default="")
    retired: Mapped[bool] = mapped_column(default=False, server_default=false())


class ExitConversation(Base):
    """The conversation when someone leaves (domain.exit_conversation)."""

    __tablename__ = "exit_conversation"
    __table_args__ = (UniqueConstraint("person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    held_on: Mapped[dt.date] = mapped_column(Date)
    manager_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    went_well: Mapped[str] = mapped_column(Text, default="", server_default="")
    could_be_better: Mapped[str] = mapped_column(Text, default="", server_default="")
    handover: Mapped[str] = mapped_column(Text, default="", server_default="")


class OnboardingPlan(Base):
    """A new colleague's onboarding plan (domain.onboarding): their buddy, their first
    day, and the steps."""

    __tablename__ = "onboarding_plan"
    __table_args__ = (
        CheckConstraint("buddy_id IS NULL OR buddy_id <> person_id", name="not_own_buddy"),
    )

    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    buddy_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    starts_on: Mapped[dt.date] = mapped_column(Date)

    steps: Mapped[list[OnboardingStep]] = relationship(
        cascade="all, delete-orphan", order_by="OnboardingStep.position"
    )


class OnboardingStep(Base):
    """One step of a plan, on a working day with its date; done on a day, or not yet."""

    __tablename__ = "onboarding_step"
    __table_args__ = (
        CheckConstraint("length(trim(title)) > 0", name="title_not_empty"),
        CheckConstraint("working_day >= 1", name="working_day_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("onboarding_plan.person_id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    working_day: Mapped[int] = mapped_column(Integer)
    due_on: Mapped[dt.date] = mapped_column(Date)
    owner: Mapped[StepOwner] = mapped_column(_str_enum(StepOwner))
    done_on: Mapped[dt.date | None] = mapped_column(Date)


class CalendarReminder(Base):
    """A reminder the program wrote into a calendar file (services.reminders): its
    identity, the version it was last written with, a fingerprint of what it said, its
    day, and whether it was last written as cancelled. Codes and a day only."""

    __tablename__ = "calendar_reminder"

    uid: Mapped[str] = mapped_column(String(200), primary_key=True)
    sequence: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    exported_hash: Mapped[str] = mapped_column(String(64))
    starts_on: Mapped[dt.date] = mapped_column(Date)
    cancelled: Mapped[bool] = mapped_column(default=False, server_default=false())


class JobFunction(Base):
    """A function (functie) of the organisation, with what it requires: certificate
    types and skills at a level (``FunctionRequirement``). Retired, not deleted, once
    someone holds it."""

    __tablename__ = "job_function"
    __table_args__ = (
        CheckConstraint("length(trim(name)) > 0", name="name_not_empty"),
        UniqueConstraint("name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(String(200), default="", server_default="")
    retired: Mapped[bool] = mapped_column(default=False, server_default=false())


class Skill(Base):
    """A skill (vaardigheid) of the organisation's own list; someone's level of it is
    read from what happened (services.functions.skill_levels)."""

    __tablename__ = "skill"
    __table_args__ = (
        CheckConstraint("length(trim(name)) > 0", name="name_not_empty"),
        UniqueConstraint("name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(String(200), default="", server_default="")
    retired: Mapped[bool] = mapped_column(default=False, server_default=false())


class FunctionRequirement(Base):
    """One thing a function requires: a certificate type, or a skill at a level."""

    __tablename__ = "function_requirement"
    __table_args__ = (
        UniqueConstraint("function_id", "certificate_type_id", name="requirement_certificate"),
        UniqueConstraint("function_id", "skill_id", name="requirement_skill"),
        CheckConstraint("(certificate_type_id IS NULL) <> (skill_id IS NULL)", name="one_thing"),
        CheckConstraint(
            "(skill_id IS NULL AND level IS NULL) OR level BETWEEN 1 AND 4",
            name="level_of_skill",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    function_id: Mapped[int] = mapped_column(
        ForeignKey("job_function.id", ondelete="CASCADE"), index=True
    )
    # (it goes with its type or skill, which the program retires rather than deletes)
    certificate_type_id: Mapped[int | None] = mapped_column(
        ForeignKey("certificate_type.id", ondelete="CASCADE")
    )
    skill_id: Mapped[int | None] = mapped_column(ForeignKey("skill.id", ondelete="CASCADE"))
    level: Mapped[int | None] = mapped_column(Integer)


class PersonSkill(Base):
    """A level of a skill a manager saw someone work at, on a day (with a note)."""

    __tablename__ = "person_skill"
    __table_args__ = (CheckConstraint("level BETWEEN 1 AND 4", name="level_in_range"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    skill_id: Mapped[int] = mapped_column(ForeignKey("skill.id", ondelete="CASCADE"))
    level: Mapped[int] = mapped_column(Integer)
    assessed_on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="", server_default="")


class Training(Versioned, Base):
    """Formal training (deskundigheidsbevordering) one person follows.

    Training required for the job (art. 7:611a BW) is free for the employee and counts
    as working time; a study-cost agreement is only possible for voluntary training.
    """

    __tablename__ = "training"
    __table_args__ = (
        CheckConstraint("ends_on >= starts_on", name="ends_after_start"),
        CheckConstraint("minutes >= 0", name="minutes_not_negative"),
        CheckConstraint("cost_cents >= 0", name="cost_not_negative"),
        CheckConstraint("NOT (required AND study_cost_agreement)", name="no_clause_on_required"),
        CheckConstraint("length(trim(title)) > 0", name="title_not_empty"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    provider: Mapped[str] = mapped_column(String(200), default="")
    form: Mapped[TrainingForm] = mapped_column(_str_enum(TrainingForm))
    starts_on: Mapped[dt.date] = mapped_column(Date, index=True)
    ends_on: Mapped[dt.date] = mapped_column(Date)
    minutes: Mapped[int] = mapped_column(Integer, default=0)
    cost_cents: Mapped[int] = mapped_column(Integer, default=0)
    required: Mapped[bool] = mapped_column(default=False)
    in_working_time: Mapped[bool] = mapped_column(default=True)
    status: Mapped[TrainingStatus] = mapped_column(_str_enum(TrainingStatus), index=True)
    certificate: Mapped[str] = mapped_column(String(200), default="")
    # the certificate's type (its rule); None for a name typed before there were types
    # and not yet linked to one (the name stays as typed)
    certificate_type_id: Mapped[int | None] = mapped_column(
        ForeignKey("certificate_type.id", ondelete="RESTRICT"), index=True
    )
    refresher: Mapped[bool] = mapped_column(default=False, server_default=false())
    certificate_expires_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    # the skill it grants, once followed, at its level (domain.skills.LEVELS)
    skill_id: Mapped[int | None] = mapped_column(
        ForeignKey("skill.id", ondelete="RESTRICT"), index=True
    )
    skill_level: Mapped[int | None] = mapped_column(Integer)
    study_cost_agreement: Mapped[bool] = mapped_column(default=False)
    notes: Mapped[str] = mapped_column(Text, default="")

    person: Mapped[Person] = relationship()


class TrainingAttendance(Base):
    """Whether a participant was present on one day of their training."""

    __tablename__ = "training_attendance"

    training_id: Mapped[int] = mapped_column(
        ForeignKey("training.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    present: Mapped[bool] = mapped_column()


class TrainingBudget(Base):
    """A person's training budget for one year, where it differs from the default."""

    __tablename__ = "training_budget"
    __table_args__ = (
        UniqueConstraint("person_id", "year", name="one_per_year"),
        CheckConstraint("amount_cents >= 0", name="amount_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    amount_cents: Mapped[int] = mapped_column(Integer)


class Fund(Base):
    """A sector training fund or a subsidy with what it asks (domain.funds.FundRule):
    shipped with the common Dutch ones and where each rule comes from; the organisation
    edits them. Retired, not deleted, once a claim names it."""

    __tablename__ = "fund"
    __table_args__ = (
        CheckConstraint("length(trim(name)) > 0", name="name_not_empty"),
        CheckConstraint(
            "min_presence_percent IS NULL OR min_presence_percent BETWEEN 1 AND 100",
            name="presence_percent",
        ),
        CheckConstraint("share_percent IS NULL OR share_percent BETWEEN 1 AND 100", name="share"),
        CheckConstraint("(claim_by_month IS NULL) = (claim_by_day IS NULL)", name="claim_by"),
        UniqueConstraint("name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(String(200), default="", server_default="")
    kind: Mapped[FundKind] = mapped_column(_str_enum(FundKind))
    min_presence_percent: Mapped[int | None] = mapped_column(Integer)
    min_minutes: Mapped[int | None] = mapped_column(Integer)
    apply_before_start: Mapped[bool] = mapped_column(default=False, server_default=false())
    claim_within_months: Mapped[int | None] = mapped_column(Integer)
    claim_by_month: Mapped[int | None] = mapped_column(Integer)
    claim_by_day: Mapped[int | None] = mapped_column(Integer)
    evidence_within_months: Mapped[int | None] = mapped_column(Integer)
    trainer_sign_days: Mapped[int | None] = mapped_column(Integer)
    manager_sign_days: Mapped[int | None] = mapped_column(Integer)
    signatures_on_day: Mapped[bool] = mapped_column(default=False, server_default=false())
    share_percent: Mapped[int | None] = mapped_column(Integer)
    max_cents: Mapped[int | None] = mapped_column(Integer)
    runs_until: Mapped[dt.date | None] = mapped_column(Date)
    source: Mapped[str] = mapped_column(Text, default="", server_default="")
    retired: Mapped[bool] = mapped_column(default=False, server_default=false())


class FundClaim(Base):
    """A claim on a fund for a course: the participants' trainings it covers
    (``FundClaimTraining``), the dates the fund's rule asks about, and the amounts."""

    __tablename__ = "fund_claim"
    __table_args__ = (
        CheckConstraint("amount_cents >= 0", name="amount_not_negative"),
        CheckConstraint("granted_cents IS NULL OR granted_cents >= 0", name="granted_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    fund_id: Mapped[int] = mapped_column(ForeignKey("fund.id", ondelete="CASCADE"), index=True)
    reference: Mapped[str] = mapped_column(String(100), default="", server_default="")
    applied_on: Mapped[dt.date | None] = mapped_column(Date)
    claimed_on: Mapped[dt.date | None] = mapped_column(Date)
    amount_cents: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    granted_cents: Mapped[int | None] = mapped_column(Integer)
    evidence_requested_on: Mapped[dt.date | None] = mapped_column(Date)
    evidence_sent_on: Mapped[dt.date | None] = mapped_column(Date)
    trainer_signed_on: Mapped[dt.date | None] = mapped_column(Date)
    manager_signed_on: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="", server_default="")


class FundClaimTraining(Base):
    """A participant's training a claim covers."""

    __tablename__ = "fund_claim_training"

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("fund_claim.id", ondelete="CASCADE"), primary_key=True
    )
    training_id: Mapped[int] = mapped_column(
        ForeignKey("training.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Apprenticeship(Base):
    """An apprentice's placement (bbl, praktijkleren): the workplace trainer
    (praktijkopleider), the school and programme, and the placement's days."""

    __tablename__ = "apprenticeship"
    __table_args__ = (
        CheckConstraint("ends_on IS NULL OR ends_on >= starts_on", name="ends_after_start"),
        CheckConstraint("trainer_id IS NULL OR trainer_id <> person_id", name="not_own_trainer"),
    )

    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    trainer_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    school: Mapped[str] = mapped_column(String(200), default="", server_default="")
    programme: Mapped[str] = mapped_column(String(200), default="", server_default="")
    starts_on: Mapped[dt.date] = mapped_column(Date)
    ends_on: Mapped[dt.date | None] = mapped_column(Date)


class GuidanceEntry(Base):
    """A week's guidance or a progress talk of an apprentice, dated, with what was done
    and the workplace trainer's initials."""

    __tablename__ = "guidance_entry"
    __table_args__ = (CheckConstraint("minutes >= 0", name="minutes_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("apprenticeship.person_id", ondelete="CASCADE"), index=True
    )
    held_on: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[GuidanceKind] = mapped_column(_str_enum(GuidanceKind))
    minutes: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    summary: Mapped[str] = mapped_column(Text, default="", server_default="")
    initials: Mapped[str] = mapped_column(String(10), default="", server_default="")


class Scan(Base):
    """Where the organisation stands on the learning perspective and culture, on a day:
    the anonymous forms of one or more respondents (see domain/scans.py)."""

    __tablename__ = "scan"
    __table_args__ = (CheckConstraint("length(trim(title)) > 0", name="title_not_empty"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    held_on: Mapped[dt.date] = mapped_column(Date, index=True)
    title: Mapped[str] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(Text, default="")
    # the questionnaire's version the forms were filled in with (domain.scans.QUESTIONNAIRE)
    questionnaire: Mapped[int] = mapped_column(Integer, server_default="1")
    created_at: Mapped[dt.datetime] = mapped_column(Moment, server_default=func.now())

    responses: Mapped[list[ScanResponse]] = relationship(
        back_populates="scan", cascade="all, delete-orphan", order_by="ScanResponse.number"
    )


class ScanResponse(Base):
    """One respondent's form, known only by its number within the scan."""

    __tablename__ = "scan_response"
    __table_args__ = (UniqueConstraint("scan_id", "number", name="one_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scan_id: Mapped[int] = mapped_column(ForeignKey("scan.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)

    scan: Mapped[Scan] = relationship(back_populates="responses")
    answers: Mapped[list[ScanAnswer]] = relationship(
        back_populates="response", cascade="all, delete-orphan"
    )


class ScanAnswer(Base):
    """A score from 1 to 5, "not applicable", or only a remark, on one characteristic."""

    __tablename__ = "scan_answer"
    __table_args__ = (
        UniqueConstraint("response_id", "item", name="one_per_item"),
        CheckConstraint("score IS NULL OR score BETWEEN 1 AND 5", name="score_range"),
        CheckConstraint("NOT (not_applicable AND score IS NOT NULL)", name="score_or_na"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("scan_response.id", ondelete="CASCADE"), index=True
    )
    item: Mapped[str] = mapped_column(String(8))  # the characteristic's key, "1" … "C10"
    score: Mapped[int | None] = mapped_column(Integer)
    not_applicable: Mapped[bool] = mapped_column(default=False)
    remark: Mapped[str] = mapped_column(Text, default="")

    response: Mapped[ScanResponse] = relationship(back_populates="answers")

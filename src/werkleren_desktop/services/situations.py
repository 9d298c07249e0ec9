"""Use cases of the workplace-learning log: guiding questions and learning situations."""

from __future__ import annotations

import datetime as dt
import enum
import string
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from sqlalchemy import Select, SQLColumnExpression, bindparam, case, func, select, text, update
from sqlalchemy.orm import Session

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import (
    CycleSession,
    GuidingQuestion,
    LearningSituation,
    Person,
    SituationAnswer,
    SituationConsultation,
    SituationPerson,
    WeekCycle,
)
from werkleren_desktop.domain.constants import (
    SituationKind,
    SituationStatus,
)
from werkleren_desktop.domain.cycles import cycle_on
from werkleren_desktop.domain.people import full_name
from werkleren_desktop.domain.situations import (
    KIND_LABELS,
    SEARCHED_COLUMNS,
    STATUS_LABELS,
    Answer,
    QuestionRow,
    SituationInput,
    clean_questions,
    default_questions,
    search_text,
    search_text_of,
    search_words,
)
from werkleren_desktop.errors import UserError, ValidationError
from werkleren_desktop.i18n import _
from werkleren_desktop.services.functions import check_skill
from werkleren_desktop.services.versions import Stamp, refuse_if_changed, stamp_of, touch


class SituationOrder(enum.Enum):
    """What the list can be sorted on: the columns of the list, in that order."""

    DATE = "date"
    TITLE = "title"
    KIND = "kind"
    WHO = "who"
    STATUS = "status"
    AI = "ai"


@dataclass(frozen=True)
class SituationFilter:
    search: str = ""
    person_id: int | None = None
    group_id: int | None = None
    kind: SituationKind | None = None
    status: SituationStatus | None = None
    ai_used: bool | None = None
    from_mistake: bool | None = None  # began with a mistake or a near miss
    first_day: dt.date | None = None
    last_day: dt.date | None = None
    order: SituationOrder = SituationOrder.DATE
    descending: bool = True

    @property
    def short_words(self) -> bool:
        """A search word of one or two letters: too short for the trigram index."""
        return any(len(word) < 3 for word in search_words(self.search))


@dataclass(frozen=True)
class SituationRow:
    id: int
    occurred_on: dt.date
    title: str
    kind: SituationKind
    status: SituationStatus
    ai_used: bool
    minutes: int | None
    people: str


def ensure_questions(database: SessionFactory) -> None:
    """Give a new organisation the program's own ten questions, in its language."""
    with database.begin() as db:
        if db.scalar(select(func.count()).select_from(GuidingQuestion)):
            return
        db.add_all(
            GuidingQuestion(position=i, text=text, retired=False)
            for i, text in enumerate(default_questions(), start=1)
        )


def list_questions(database: SessionFactory, include_retired: bool = False) -> list[QuestionRow]:
    ensure_questions(database)
    query = select(GuidingQuestion).order_by(GuidingQuestion.position)
    if not include_retired:
        query = query.where(GuidingQuestion.retired.is_(False))
    with database() as db:
        return [QuestionRow(q.id, q.text, q.retired) for q in db.scalars(query)]


def save_questions(database: SessionFactory, rows: list[QuestionRow]) -> None:
    """Store the set in this order: edited, added and retired in one go.

    Earlier answers keep the text they answered, because a situation stores it.
    """
    with database.begin() as db:
        store_questions(db, rows)


def store_questions(db: Session, rows: list[QuestionRow]) -> None:
    """The set stored inside a transaction the caller holds (settings and questions
    are saved together, or neither)."""
    cleaned = clean_questions(rows)
    stored = {q.id: q for q in db.scalars(select(GuidingQuestion))}
    for position, row in enumerate(cleaned, start=1):
        question = stored.get(row.id) if row.id is not None else None
        if question is None:
            question = GuidingQuestion()
            db.add(question)
        question.position = position
        question.text = row.text
        question.retired = row.retired


def _get(db: Session, situation_id: int) -> LearningSituation:
    situation = db.get(LearningSituation, situation_id)
    if situation is None:
        raise UserError(_("This learning situation no longer exists."))
    return situation


def save_situation(
    database: SessionFactory,
    data: SituationInput,
    today: dt.date,
    situation_id: int | None = None,
    version: int | None = None,
) -> int:
    """Create or change a situation with its people, consultations and answers;
    ``version`` is the version the form read."""
    data = data.validated(today)
    if situation_id is None and data.brought_in_by is None and database.seat is not None:
        # a professional's or a manager's own login: who enters it brings it in
        data = replace(data, brought_in_by=database.seat.person_id)
    with database.begin() as db:
        brought = (data.brought_in_by,) if data.brought_in_by is not None else ()
        chosen = data.person_ids + data.consulted_ids + brought
        known = set(db.scalars(select(Person.id).where(Person.id.in_(chosen))))
        if not set(data.person_ids) <= known or not set(data.consulted_ids) <= known:
            raise ValidationError(_("Someone chosen no longer exists."), "people")
        if not set(brought) <= known:
            raise ValidationError(_("Someone chosen no longer exists."), "brought_in_by")
        situation = LearningSituation() if situation_id is None else _get(db, situation_id)
        check_skill(db, data.skill_id, situation.skill_id if situation_id is not None else None)
        if situation_id is not None:
            refuse_if_changed(situation, version)
            touch(situation)  # its people and answers are part of it
        if data.group_id is not None and data.cycle_id is None:
            # a situation logged during one of the group's week cycles belongs to it
            data = replace(data, cycle_id=_cycle_on(db, data.group_id, data.occurred_on))
        for name in (
            "occurred_on",
            "title",
            "description",
            "kind",
            "group_id",
            "cycle_id",
            "tried",
            "outcome",
            "next_step",
            "status",
            "ai_used",
            "ai_tool",
            "ai_contribution",
            "ai_checked",
            "minutes",
            "in_working_time",
            "from_mistake",
            "brought_in_by",
            "skill_id",
            "skill_level",
        ):
            setattr(situation, name, getattr(data, name))
        situation.people = [SituationPerson(person_id=pid) for pid in data.person_ids]
        situation.consultations = [
            SituationConsultation(person_id=pid) for pid in data.consulted_ids
        ] + [SituationConsultation(outside_name=name) for name in data.consulted_outside]
        situation.answers = [
            SituationAnswer(
                question_id=a.question_id,
                question_text=a.question_text,
                answer=a.answer,
                position=i,
            )
            for i, a in enumerate(data.answers, start=1)
        ]
        situation.search_text = search_text_of(data)
        db.add(situation)
        db.flush()
        return situation.id


def _cycle_on(db: Session, group_id: int, day: dt.date) -> int | None:
    spans = db.execute(
        select(
            CycleSession.cycle_id,
            func.min(CycleSession.starts_at),
            func.max(CycleSession.starts_at),
        )
        .join(WeekCycle, WeekCycle.id == CycleSession.cycle_id)
        .where(WeekCycle.group_id == group_id, WeekCycle.cancelled.is_(False))
        .group_by(CycleSession.cycle_id)
    )
    return cycle_on(((int(c), first.date(), last.date()) for c, first, last in spans), day)


def get_situation(database: SessionFactory, situation_id: int) -> SituationInput:
    return read_situation(database, situation_id)[0]


def read_situation(database: SessionFactory, situation_id: int) -> tuple[SituationInput, Stamp]:
    """The situation as its form edits it, with the version read."""
    with database() as db:
        s = _get(db, situation_id)
        return SituationInput(
            occurred_on=s.occurred_on,
            title=s.title,
            kind=s.kind,
            person_ids=tuple(p.person_id for p in s.people),
            description=s.description,
            group_id=s.group_id,
            cycle_id=s.cycle_id,
            answers=tuple(Answer(a.question_id, a.question_text, a.answer) for a in s.answers),
            tried=s.tried,
            outcome=s.outcome,
            next_step=s.next_step,
            status=s.status,
            ai_used=s.ai_used,
            ai_tool=s.ai_tool,
            ai_contribution=s.ai_contribution,
            ai_checked=s.ai_checked,
            consulted_ids=tuple(c.person_id for c in s.consultations if c.person_id),
            consulted_outside=tuple(c.outside_name for c in s.consultations if c.outside_name),
            minutes=s.minutes,
            in_working_time=s.in_working_time,
            from_mistake=s.from_mistake,
            brought_in_by=s.brought_in_by,
            skill_id=s.skill_id,
            skill_level=s.skill_level,
        ), stamp_of(s)


def find_situations(
    database: SessionFactory, where: SituationFilter, limit: int
) -> tuple[list[SituationRow], int]:
    """The first ``limit`` situations that match and how many match, as the situations'
    page shows them after each keystroke: the search index counts the words' matches
    once for both (30 ms of a keystroke on the huge demo)."""
    with database() as db:
        matches = _index_count(db, where)
    if matches is not None and _only_searched(where):
        total = matches
    else:
        total = count_situations(database, where)
    return list_situations(database, where, limit=limit, matches=matches), total


def list_situations(
    database: SessionFactory,
    where: SituationFilter,
    limit: int | None = None,
    *,
    matches: int | None = None,
) -> list[SituationRow]:
    """The situations that match in the chosen order (newest first unless asked
    otherwise), searching every text of a situation and the answers to its questions.

    With ``limit`` only that many are loaded; ``count_situations`` tells how many match.
    The sorting happens in the database, so a limited list shows the first of all matches.
    ``matches``: what the search index counted for the words, when known already.
    """
    key = _order_key(where.order)
    newest = (LearningSituation.occurred_on.desc(), LearningSituation.id.desc())
    with database() as db:
        dialect = _dialect(db)
        # plain columns, and the names in a second query for just these rows: building
        # objects for hundreds of rows at every keystroke was most of the time
        query = _filtered(
            select(
                LearningSituation.id,
                LearningSituation.occurred_on,
                LearningSituation.title,
                LearningSituation.kind,
                LearningSituation.status,
                LearningSituation.ai_used,
                LearningSituation.minutes,
            ),
            where,
            dialect,
            in_date_order=limit is not None
            and where.order is SituationOrder.DATE
            and _many_matches(db, where, limit, matches),
        ).order_by(key.desc() if where.descending else key.asc(), *newest)
        if limit is not None:
            query = query.limit(limit)
        found = db.execute(query).all()
        names: dict[int, list[str]] = {}
        ids = [row[0] for row in found]
        for chunk in range(0, len(ids), 900):  # SQLite's limit on bound parameters
            for situation_id, first, last in db.execute(
                select(SituationPerson.situation_id, Person.first_name, Person.last_name)
                .join(Person, Person.id == SituationPerson.person_id)
                .where(SituationPerson.situation_id.in_(ids[chunk : chunk + 900]))
                .order_by(SituationPerson.situation_id, Person.sort_key)
            ):
                names.setdefault(situation_id, []).append(full_name(first, last))
    return [
        SituationRow(sid, day, title, kind, status, ai_used, minutes, ", ".join(names.get(sid, ())))
        for sid, day, title, kind, status, ai_used, minutes in found
    ]


def _order_key(order: SituationOrder) -> SQLColumnExpression[Any]:
    if order is SituationOrder.TITLE:
        return func.lower(LearningSituation.title)
    if order is SituationOrder.KIND:  # in the order the program lists the kinds
        return case(
            {kind.value: i for i, kind in enumerate(KIND_LABELS)},
            value=LearningSituation.kind,
        )
    if order is SituationOrder.STATUS:  # open, in progress, done
        return case(
            {status.value: i for i, status in enumerate(STATUS_LABELS)},
            value=LearningSituation.status,
        )
    if order is SituationOrder.WHO:  # by surname, as every list of people sorts
        return (
            select(func.min(Person.sort_key))
            .join(SituationPerson, SituationPerson.person_id == Person.id)
            .where(SituationPerson.situation_id == LearningSituation.id)
            .scalar_subquery()
        )
    if order is SituationOrder.AI:
        return LearningSituation.ai_used
    return LearningSituation.occurred_on


def situation_years(database: SessionFactory) -> tuple[int, int] | None:
    """The first and the last year with a situation logged, or None for an empty log."""
    # each in a subquery of its own: SQLite reads min() or max() from the index, not
    # both at once; one statement all the same (on a server, one round trip)
    first = select(func.min(LearningSituation.occurred_on)).scalar_subquery()
    last = select(func.max(LearningSituation.occurred_on)).scalar_subquery()
    with database() as db:
        earliest, latest = db.execute(select(first, last)).one()
    return None if earliest is None or latest is None else (earliest.year, latest.year)


COUNT_CAP = 1000  # a search of one or two letters counts its matches up to here


def count_situations(database: SessionFactory, where: SituationFilter) -> int:
    """How many situations match; for a search with a word of one or two letters (no
    index helps there: every text is read) the count stops above COUNT_CAP, so a
    result of COUNT_CAP + 1 means "more than COUNT_CAP"."""
    with database() as db:
        dialect = _dialect(db)
        if _only_searched(where):
            # the trigram index counts its own matches without reading a situation:
            # 1 ms instead of 23 for the 28,000 that hold "kla" in the large demo
            counted = _index_count(db, where)
            if counted is not None:
                return counted
        if where.short_words:
            matches = (
                _filtered(select(LearningSituation.id), where, dialect)
                .limit(COUNT_CAP + 1)
                .subquery()
            )
            query: Select[int] = select(func.count()).select_from(matches)
        else:
            query = _filtered(select(func.count(LearningSituation.id)), where, dialect)
        return db.scalar(query) or 0


def _dialect(db: Session) -> str:
    return db.get_bind().dialect.name


SEARCH_INDEX = "SELECT rowid FROM situation_search WHERE situation_search MATCH :{name}"
_SEARCH_COUNT = text("SELECT count(*) FROM situation_search WHERE situation_search MATCH :match")


def _search_phrase(words: Sequence[str]) -> str:
    """Words for the trigram index: each a quoted string (any part of a word), all of them."""
    return " AND ".join('"' + word.replace('"', '""') + '"' for word in words)


def _only_searched(where: SituationFilter) -> bool:
    """Whether the search is the filter's only condition (the order does not count)."""
    return replace(where, order=SituationOrder.DATE, descending=True) == SituationFilter(
        search=where.search
    )


Query = TypeVar("Query", bound="Select[*tuple[Any, ...]]")


def _index_count(db: Session, where: SituationFilter) -> int | None:
    """How many situations hold every word searched, counted by SQLite's trigram index;
    None where it cannot tell (no search, a word of one or two letters, a server)."""
    words = search_words(where.search)
    if _dialect(db) != "sqlite" or not words or where.short_words:
        return None
    return db.scalar(_SEARCH_COUNT, {"match": _search_phrase(words)}) or 0


def _many_matches(
    db: Session, where: SituationFilter, limit: int, matches: int | None = None
) -> bool:
    """Whether so many situations hold the words searched that walking all situations from
    the newest, until ``limit`` are found, is quicker than sorting every match: SQLite
    decides that from the table, not from how many match. With m of N matching, the walk
    reads about limit × N / m situations, the sort handles m; measured on the large demo
    the walk wins above m² ≈ limit × N / 5 ("kla", 28,000 of 50,000: 20 → 4 ms)."""
    if matches is None:
        matches = _index_count(db, where)
    if matches is None:
        return False
    total = db.scalar(select(func.max(LearningSituation.id))) or 0  # from the key: no count
    return matches * matches * 5 > limit * total


def _filtered(
    query: Query, where: SituationFilter, dialect: str, *, in_date_order: bool = False
) -> Query:
    """``query`` limited to the situations that match ``where``. The search looks in
    every text and answer (``search_text``, folded as the words are): on SQLite through
    its trigram index for words of three letters or more, elsewhere with LIKE (which a
    pg_trgm index serves on PostgreSQL). ``in_date_order`` keeps SQLite from starting at
    the index's matches (see ``_many_matches``)."""
    # "+id" is no index to SQLite's planner: it walks the situations by date instead
    matched_id = LearningSituation.id + 0 if in_date_order else LearningSituation.id
    for number, word in enumerate(search_words(where.search)):
        if len(word) >= 3 and dialect == "sqlite":
            # the trigram index finds any part of a word of three or more characters
            name = f"search_{number}"
            phrase = _search_phrase([word])
            query = query.where(
                matched_id.in_(text(SEARCH_INDEX.format(name=name)).bindparams(**{name: phrase}))
            )
        else:  # folded already: no lower() on every text of ten years
            query = query.where(LearningSituation.search_text.contains(word, autoescape=True))
    if where.person_id is not None:
        # through the index on the person, not a check of every situation
        query = query.where(
            LearningSituation.id.in_(
                select(SituationPerson.situation_id).where(
                    SituationPerson.person_id == where.person_id
                )
            )
        )
    if where.group_id is not None:
        query = query.where(LearningSituation.group_id == where.group_id)
    if where.kind is not None:
        query = query.where(LearningSituation.kind == where.kind)
    if where.status is not None:
        query = query.where(LearningSituation.status == where.status)
    if where.ai_used is not None:
        query = query.where(LearningSituation.ai_used.is_(where.ai_used))
    if where.from_mistake is not None:
        query = query.where(LearningSituation.from_mistake.is_(where.from_mistake))
    if where.first_day is not None:
        query = query.where(LearningSituation.occurred_on >= where.first_day)
    if where.last_day is not None:
        query = query.where(LearningSituation.occurred_on <= where.last_day)
    return query


def refresh_search_text(db: Session, situation_ids: Collection[int]) -> None:
    """Compute the search text again for these situations, after their texts changed
    other than through ``save_situation`` (a name replaced when a person is erased)."""
    ids = sorted(situation_ids)
    for chunk in range(0, len(ids), 900):  # SQLite's limit on bound parameters
        part = ids[chunk : chunk + 900]
        columns = [LearningSituation.__table__.c[c] for c in SEARCHED_COLUMNS]
        texts = {
            row[0]: list(row[1:])
            for row in db.execute(
                select(LearningSituation.id, *columns).where(LearningSituation.id.in_(part))
            )
        }
        for situation_id, answer in db.execute(
            select(SituationAnswer.situation_id, SituationAnswer.answer)
            .where(SituationAnswer.situation_id.in_(part))
            .order_by(SituationAnswer.situation_id, SituationAnswer.position)
        ):
            texts[situation_id].append(answer)
        if texts:
            # what the search looks in is no change of the record: its version stays
            table = LearningSituation.__table__
            db.execute(
                update(table)  # type: ignore[arg-type]
                .where(table.c.id == bindparam("row_id"))
                .values(search_text=bindparam("text")),
                [{"row_id": i, "text": search_text(t)} for i, t in texts.items()],
            )


def roles_of_people(database: SessionFactory) -> dict[str, str]:
    """Every person's name mapped to a role that says enough without naming anyone:
    "Monteur A", "Monteur B", "Teamleider A"."""
    with database() as db:
        people = db.execute(
            select(Person.first_name, Person.last_name, Person.job_title).order_by(Person.id)
        ).all()
    counters: dict[str, int] = {}
    roles: dict[str, str] = {}
    for first, last, job in people:
        base = job or _("Colleague")
        number = counters.get(base, 0)
        counters[base] = number + 1
        letters = string.ascii_uppercase
        suffix = letters[number % 26] + (str(number // 26) if number >= 26 else "")
        roles[full_name(first, last)] = f"{base} {suffix}"
    return roles

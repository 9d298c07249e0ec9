"""A plausible demo organisation, so that a new user can explore before entering data.

``small``: an installation company of about 25 people with two years of history.
``large``: a care group of 250 people with ten years of history, for speed
measurements. Both are deterministic: the same size and date give the same data.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import random
import unicodedata
import uuid
from collections.abc import Iterator, Mapping, Sequence
from typing import cast

from sqlalchemy.orm import Session

from werkleren_desktop.db.engine import SessionFactory, login_of, refresh_statistics
from werkleren_desktop.db.models import (
    Attendance,
    Base,
    CertificateType,
    CycleSession,
    GroupMembership,
    LearningGroup,
    LearningRequest,
    Person,
    Scan,
    ScanAnswer,
    ScanResponse,
    WeekCycle,
)
from werkleren_desktop.db.portable import set_sequences
from werkleren_desktop.domain.calendar import WorkCalendar
from werkleren_desktop.domain.constants import (
    AttendanceStatus,
    GroupStatus,
    RequestKind,
    RequestStatus,
)
from werkleren_desktop.domain.conversations import ConversationSchedule, add_months
from werkleren_desktop.domain.cycles import cycle_on, default_outline, propose_cycle
from werkleren_desktop.domain.groups import ADVISED_MAX, ADVISED_MIN, mixes_generations
from werkleren_desktop.domain.organisation import ClosingPeriodInput, OrganisationSettings
from werkleren_desktop.domain.people import sort_key
from werkleren_desktop.domain.scans import CHARACTERISTICS
from werkleren_desktop.errors import UserError
from werkleren_desktop.i18n import DEFAULT_LANGUAGE, _
from werkleren_desktop.paths import DataPaths
from werkleren_desktop.services.demo_data import (
    AGREEMENTS,
    AI_TOOLS,
    ANSWERS,
    CONVERSATION_NOTES,
    CYCLE_AGREEMENTS,
    CYCLE_OUTCOMES,
    CYCLE_QUESTIONS,
    DAY_METHODS,
    FEATURED,
    FIRST_NAMES,
    LAST_NAMES,
    MEETING_AGREEMENT,
    MISTAKE_EVERY,
    MISTAKES,
    NEXT_STEPS,
    OUTCOMES,
    PROFILES,
    REVIEW_NOTES,
    ROOMS,
    SCAN_REMARKS,
    SCANS,
    SESSION_NOTES,
    SLOTS,
    TRAININGS,
    WORK_AGREEMENTS,
    DemoProfile,
)
from werkleren_desktop.services.demo_data import DemoSize as DemoSize
from werkleren_desktop.services.demo_funds import add_funds_and_apprentice  # callers name it here
from werkleren_desktop.services.organisation import add_organisation, holds_data
from werkleren_desktop.storage.data_store import DataStore, open_data_folder


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.replace("ı", "i").replace("ł", "l"))
    letters = "".join(c for c in folded if c.isascii() and (c.isalnum() or c in " -"))
    return letters.lower().replace(" ", "").replace("-", "")


def _email(first: str, last: str, domain: str, taken: set[str]) -> str:
    base = f"{_ascii(first)}.{_ascii(last)}"
    address, n = f"{base}@{domain}", 2
    while address in taken:
        address, n = f"{base}{n}@{domain}", n + 1
    taken.add(address)
    return address


class _Hiring:
    """Hands out names and makes people, remembering who is already there."""

    def __init__(self, rng: random.Random, profile: DemoProfile, today: dt.date) -> None:
        self.rng = rng
        self.profile = profile
        self.today = today
        self.emails: set[str] = set()
        self.featured = list(FEATURED)

    def person(
        self, in_service: dt.date, job_title: str, manager: Person | None, min_age: int = 18
    ) -> Person:
        rng = self.rng
        if self.featured:
            first, last = self.featured.pop(0)
        else:
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        age_at_hire = min(66, max(min_age, int(rng.triangular(17, 62, 30))))
        birth_year = in_service.year - age_at_hire
        hours = rng.choice((40, 38, 36, 32, 32, 28, 24, 20, 16)) if manager else 40
        return Person(
            first_name=first,
            last_name=last,
            sort_key=sort_key(first, last),
            email=_email(first, last, self.profile.domain, self.emails)
            if rng.random() > 0.08
            else None,
            job_title=job_title,
            manager=manager,
            in_service=in_service,
            birth_year=birth_year if rng.random() > 0.1 else None,
            contract_minutes=hours * 60,
            notes="",
        )


def _random_day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _closing_periods(today: dt.date, years: int) -> tuple[ClosingPeriodInput, ...]:
    periods: list[ClosingPeriodInput] = []
    for year in range(today.year - years, today.year + 2):
        # the week between Christmas and New Year, and a company day out in June
        periods.append(
            ClosingPeriodInput(dt.date(year, 12, 27), dt.date(year, 12, 31), "Kerstsluiting")
        )
        outing = dt.date(year, 6, 14)
        while outing.isoweekday() != 5:
            outing += dt.timedelta(days=1)
        periods.append(ClosingPeriodInput(outing, outing, "Bedrijfsuitje"))
    return tuple(periods)


def generate_demo(
    database: SessionFactory,
    size: DemoSize,
    today: dt.date | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> OrganisationSettings:
    """Fill an empty data folder with the demo organisation; refuse one that holds data."""
    if holds_data(database):
        raise UserError(_("This data folder already holds data; the demo only fills an empty one."))
    today = today or dt.date.today()
    profile = PROFILES[size]
    settings = OrganisationSettings(
        name=profile.organisation,
        liberation_day=profile.liberation_day,
        default_training_budget_cents=profile.budget_cents,
        closing_periods=_closing_periods(today, profile.history_years),
        language=language,
        # the small company talks in March and September; the care group six-monthly
        # from each person's date in service
        conversation_months=(3, 9) if size is DemoSize.SMALL else None,
    )
    rng = random.Random(f"{size}-{today.isoformat()}")
    # every date the demo makes keeps the organisation's calendar, as real input does
    calendar = settings.validated().work_calendar()
    # one transaction: a demo cut short (a crash, a kill) leaves the folder empty, never
    # an organisation without people that refuses a new demo
    # the situations' search index is built once at the end (_search_index_built_after)
    with database.begin() as db, _room_to_write(db), _search_index_built_after(db):
        add_organisation(db, settings)
        people = _add_people(db, profile, today, rng)
        db.flush()
        groups = _add_groups(db, people, profile, today, rng)
        db.flush()
        _add_cycles(db, groups, calendar, today, rng)
        db.flush()
        situations = _add_situations(db, people, groups, profile, today, rng)
        # a generator of its own: the rest of the demo stays as it was before workbooks
        _fill_workbooks(db, situations, today, random.Random(f"workbooks-{size}-{today}"))
        # most people in a mixed group; added last, with a generator of its own, to
        # groups whose cycles so far went on without them
        _everyone_in_a_group(
            db, people, groups, profile, today, random.Random(f"everyone-{size}-{today}")
        )
        # a generator of its own too: what the work taught, as work agreements
        _add_work_agreements(db, situations, today, random.Random(f"agreements-{size}-{today}"))
        _add_trainings(db, people, calendar, profile, today, rng)
        _add_conversations(
            db,
            people,
            calendar,
            settings.conversation_schedule,
            today,
            dt.date(today.year - profile.history_years, 1, 1),
            rng,
        )
        _add_scans(db, today, rng)
        # a generator of its own: who may do what
        _add_functions(db, people, profile, calendar, today, random.Random(f"functions-{size}"))
        _add_onboarding(db, people, calendar, today)
        _add_exit_conversation(db, people, calendar, today)
        # a generator of their own: the rest of the demo stays as it was before requests
        _add_requests(db, people, today, random.Random(f"requests-{size}-{today.isoformat()}"))
        # and of their own: funds, claims, presence at the recent courses, an apprentice
        add_funds_and_apprentice(db, people, calendar, size is DemoSize.SMALL, today,
                                 random.Random(f"funds-{size}-{today.isoformat()}"))  # fmt: skip
        set_sequences(db.connection())  # rows went in with their ids
    refresh_statistics(database.kw["bind"])  # thousands of rows at once: tell the planner
    return settings


def open_demo_store(paths: DataPaths, language: str = DEFAULT_LANGUAGE) -> DataStore:
    """Open the demo folder beside the user's data, making the small demo on first use."""
    store = open_data_folder(paths)
    try:
        if not holds_data(store.sessions):
            generate_demo(store.sessions, DemoSize.SMALL, language=language)
    except BaseException:
        store.close()
        raise
    return store


def _add_people(
    db: Session, profile: DemoProfile, today: dt.date, rng: random.Random
) -> list[Person]:
    hiring = _Hiring(rng, profile, today)
    history_start = dt.date(today.year - profile.history_years, 1, 1)
    founded = dt.date(history_start.year - 15, 1, 1)

    director = hiring.person(founded, profile.director_title, None, min_age=30)
    director.manager = None
    heads = [
        hiring.person(_random_day(rng, founded, history_start), profile.head_title, director, 30)
        for _i in range(profile.department_heads)
    ] or [director]
    leads = [
        hiring.person(
            _random_day(rng, founded, history_start), profile.lead_title, heads[i % len(heads)], 28
        )
        for i in range(profile.teams)
    ]
    people = [director, *heads[: profile.department_heads], *leads]
    members_wanted = profile.active_people - len(people)

    # Staff at the start of the history, then leavers and their replacements year by year.
    staff = [
        hiring.person(
            _random_day(rng, founded, history_start),
            rng.choice(profile.job_titles),
            rng.choice(leads),
        )
        for _i in range(members_wanted)
    ]
    people.extend(staff)
    current = list(staff)
    for year in range(history_start.year, today.year + 1):
        year_end = min(dt.date(year, 12, 31), today - dt.timedelta(days=1))
        leavers = max(1, round(len(current) * profile.yearly_turnover))
        for leaver in rng.sample(current, k=min(leavers, len(current))):
            earliest = max(leaver.in_service, dt.date(year, 1, 1))
            if earliest > year_end:
                continue
            leaver.out_of_service = _random_day(rng, earliest, year_end)
            current.remove(leaver)
            start = leaver.out_of_service + dt.timedelta(days=rng.randint(14, 75))
            newcomer = hiring.person(start, leaver.job_title, leaver.manager)
            people.append(newcomer)
            current.append(newcomer)
    db.add_all(people)
    return people


def _active(person: Person, day: dt.date) -> bool:
    return person.in_service <= day and (
        person.out_of_service is None or person.out_of_service >= day
    )


def _add_groups(
    db: Session,
    people: list[Person],
    profile: DemoProfile,
    today: dt.date,
    rng: random.Random,
) -> list[LearningGroup]:
    """Groups of three to six, started over the years, mostly mixing generations."""
    groups: list[LearningGroup] = []
    themes = list(profile.group_themes)
    rng.shuffle(themes)
    history_start = dt.date(today.year - profile.history_years, 1, 1)
    groups_wanted = max(4, profile.active_people // 6)
    for number in range(groups_wanted):
        name, theme = themes[number % len(themes)]
        if number >= len(themes):
            name = f"{name} {number // len(themes) + 1}"
        # the later groups are the current ones; a few early ones are closed
        share = (number + 1) / groups_wanted
        starts = history_start + dt.timedelta(
            days=int((today - history_start).days * rng.uniform(share * 0.55, share * 0.9))
        )
        closed = number < groups_wanted // 4 and (today - starts).days > 400
        ends = starts + dt.timedelta(days=rng.randint(300, 380)) if closed else None
        candidates = [p for p in people if _active(p, starts) and p.manager is not None]
        rng.shuffle(candidates)
        young = [p for p in candidates if p.birth_year and starts.year - p.birth_year < 35]
        old = [p for p in candidates if p.birth_year and starts.year - p.birth_year >= 45]
        generations = {id(p) for p in young} | {id(p) for p in old}
        others = [p for p in candidates if id(p) not in generations]
        size = rng.choice((3, 4, 4, 5, 5, 6, 7)) if number % 7 else 2  # now and then off
        chosen: list[Person] = []
        for pool in (young, old, others, young, old, others, candidates):
            for person in pool:
                if len(chosen) < size and person not in chosen:
                    chosen.append(person)
                    break
        expert: Person | None = None
        if number % 3 == 0:
            experienced = [
                p for p in candidates if p not in chosen and p.job_title in profile.expert_titles
            ]
            expert = experienced[0] if experienced else None
        group = LearningGroup(
            name=name,
            theme=theme,
            starts=starts,
            ends=ends,
            status=GroupStatus.CLOSED if closed else GroupStatus.ACTIVE,
            expert=expert,
            expert_name="" if expert or number % 3 != 1 else profile.outside_expert[0],
            expert_contact="" if expert or number % 3 != 1 else profile.outside_expert[1],
        )
        db.add(group)
        groups.append(group)
        for person in chosen:
            joined = starts + dt.timedelta(days=rng.choice((0, 0, 0, 14, 30)))
            left_on = ends
            if person.out_of_service is not None and (
                left_on is None or person.out_of_service < left_on
            ):
                left_on = max(joined, person.out_of_service)
            group.memberships.append(GroupMembership(person=person, joined=joined, left_on=left_on))
    return groups


def _add_cycles(
    db: Session,
    groups: list[LearningGroup],
    calendar: WorkCalendar,
    today: dt.date,
    rng: random.Random,
) -> None:
    """Cycles every six weeks or so through each group's life, and a few ahead of today;
    the past ones with attendance and check-ins that slowly rise. Written in bulk, as
    rows with their ids (the huge demo has 130,000 sessions and 1.2 million marks)."""

    outline = default_outline()
    horizon = today + dt.timedelta(weeks=10)
    stamp = {"version": 1, "changed_by": login_of(db), "changed_at": dt.datetime.now(dt.UTC)}
    cycles: list[dict[str, object]] = []
    sessions: list[dict[str, object]] = []
    marks: list[dict[str, object]] = []
    for index, group in enumerate(groups):
        room = ROOMS[index % len(ROOMS)]
        slot = SLOTS[(index // len(ROOMS)) % len(SLOTS)]
        last = min(group.ends or horizon, horizon)
        wanted = group.starts + dt.timedelta(days=rng.randint(7, 21))
        number = 0
        while wanted <= last:
            proposal = propose_cycle(calendar, wanted)
            if not proposal.days or proposal.days[-1] > last:
                break
            cycle_id = len(cycles) + 1
            cycles.append({"id": cycle_id, "group_id": group.id, "cancelled": False, **stamp})
            for day_number, (day, theme) in enumerate(
                zip(proposal.days, outline, strict=True), start=1
            ):
                uid = uuid.UUID(int=rng.getrandbits(128)).hex
                cancelled = rng.random() < 0.02
                sessions.append(
                    {
                        "id": len(sessions) + 1,
                        "cycle_id": cycle_id,
                        "day_number": day_number,
                        "starts_at": dt.datetime.combine(day, slot),
                        "duration_minutes": 60,
                        "location": room,
                        "theme": theme,
                        "uid": uid,
                        "cancelled": cancelled,
                        "sequence": 0,
                    }
                )
                if day < today and not cancelled:
                    marks.extend(_attend(len(sessions), group, day, number, rng))
            number += 1
            wanted = proposal.days[0] + dt.timedelta(weeks=rng.choice((5, 6, 6, 7, 8)))
    for model, rows in ((WeekCycle, cycles), (CycleSession, sessions), (Attendance, marks)):
        _bulk(db, model, rows)


def _attend(
    session_id: int, group: LearningGroup, day: dt.date, number: int, rng: random.Random
) -> Iterator[dict[str, object]]:
    growth = min(1.0, number / 8)  # energy and meaning rise as a group finds its way
    for membership in group.memberships:
        if not _member_on(membership, day):
            continue
        roll = rng.random()
        if roll < 0.85:
            status = AttendanceStatus.PRESENT
        elif roll < 0.93:
            status = AttendanceStatus.EXCUSED
        else:
            status = AttendanceStatus.ABSENT
        present = status is AttendanceStatus.PRESENT
        yield {
            "session_id": session_id,
            "person_id": membership.person.id,
            "status": status,
            "energy": _score(rng, 3.0 + growth) if present else None,
            "meaning": _score(rng, 3.2 + growth) if present else None,
            "note": "",
        }


def _score(rng: random.Random, mean: float) -> int:
    return max(1, min(5, round(rng.gauss(mean, 0.8))))


LOGGED_AFTER = (0, 0, 1, 0, 2, 1, 5, 9)  # days between a situation and its logging
NOON = dt.time(12, 0)


def _add_situations(
    db: Session,
    people: list[Person],
    groups: list[LearningGroup],
    profile: DemoProfile,
    today: dt.date,
    rng: random.Random,
) -> list[dict[str, object]]:
    """Situations of every kind across the years, written in bulk: the large demo has
    fifty thousand of them. Returns them as written."""
    from sqlalchemy import delete, select

    from werkleren_desktop.db.models import (
        GuidingQuestion,
        LearningSituation,
        SituationAnswer,
        SituationConsultation,
        SituationPerson,
    )
    from werkleren_desktop.domain.constants import SituationKind, SituationStatus
    from werkleren_desktop.domain.situations import (
        DEFAULT_QUESTIONS,
        SEARCHED_COLUMNS,
        default_questions,
        mistake_questions,
        search_text,
    )

    first = dt.date(today.year - profile.history_years, 1, 1)
    days = (today - first).days
    count = profile.situations_per_year * profile.history_years
    kinds = list(SituationKind)
    situations: list[dict[str, object]] = []
    links: list[dict[str, int]] = []
    consulted: list[dict[str, object]] = []
    spans = _cycle_spans(db)
    for number in range(1, count + 1):
        day = first + dt.timedelta(days=rng.randint(0, days - 1))
        who = _people_on(people, day, rng.choice((1, 1, 1, 2, 3)), rng)
        group = rng.choice(groups) if groups and rng.random() < 0.4 else None
        held = [span for span in spans.get(group.id, ()) if span[2] < today] if group else []
        if group is not None and held and rng.random() < 0.5:
            # worked on in one of the group's week cycles, by members of the group
            _cycle, first_day, last_day = rng.choice(held)
            day = first_day + dt.timedelta(days=rng.randint(0, (last_day - first_day).days))
            members = [m.person for m in group.memberships if _member_on(m, day)]
            who = rng.sample(members, k=min(len(members), rng.choice((1, 1, 2, 3)))) or who
        if not who:
            continue  # nobody in service that day: no situation (one always has a learner)
        # the rule of real input: a situation during one of its group's cycles belongs to it
        cycle_id = cycle_on(spans.get(group.id, ()), day) if group else None
        ai = rng.random() < 0.35
        age = (today - day).days
        status = (
            SituationStatus.DONE
            if age > 60
            else rng.choice(
                (SituationStatus.OPEN, SituationStatus.IN_PROGRESS, SituationStatus.DONE)
            )
        )
        title = rng.choice(profile.situation_titles)
        mistake = number % MISTAKE_EVERY == 0
        if mistake:
            title = MISTAKES[number // MISTAKE_EVERY % len(MISTAKES)][0]
        situations.append(
            {
                "id": number,
                "occurred_on": day,
                "title": title,
                "description": "Wat er gebeurde, in een paar zinnen vastgelegd op het moment zelf.",
                "kind": rng.choice(kinds),
                "group_id": group.id if group else None,
                "cycle_id": cycle_id,
                "tried": "",
                "outcome": rng.choice(OUTCOMES),
                "next_step": "",
                "status": status,
                "ai_used": ai,
                "ai_tool": rng.choice(AI_TOOLS) if ai else "",
                "ai_contribution": "Mogelijke oorzaken op een rij gezet." if ai else "",
                "ai_checked": "Twee suggesties klopten niet voor onze situatie." if ai else "",
                "minutes": rng.choice((15, 20, 30, 45, 60, 90)),
                "in_working_time": rng.random() < 0.9,
                "from_mistake": mistake,
                # most were raised by one who learned from it, entered by the owner on
                # their behalf (ingebracht door); the others the owner logged unasked
                "brought_in_by": who[0].id if number % 5 else None,
                # most are logged the same day or the next; some a week later
                "created_at": min(
                    dt.datetime.combine(day + dt.timedelta(days=LOGGED_AFTER[number % 8]), NOON),
                    dt.datetime.combine(today, NOON),
                ),
            }
        )
        links.extend({"situation_id": number, "person_id": p.id} for p in who)
        if rng.random() < 0.3:  # a colleague or an outside expert was asked
            helper = _people_on(people, day, 1, rng)
            if helper and helper[0] not in who and rng.random() < 0.75:
                consulted.append(
                    {"situation_id": number, "person_id": helper[0].id, "outside_name": ""}
                )
            else:
                consulted.append(
                    {
                        "situation_id": number,
                        "person_id": None,
                        "outside_name": profile.outside_expert[0],
                    }
                )
    # the program's own questions (a window opened on the empty folder may have added them)
    questions = list(db.scalars(select(GuidingQuestion).order_by(GuidingQuestion.position)))
    if len(questions) < len(DEFAULT_QUESTIONS):
        db.execute(delete(GuidingQuestion))
        questions = [
            GuidingQuestion(position=i, text=text, retired=False)
            for i, text in enumerate(default_questions(), start=1)
        ]
        db.add_all(questions)
        db.flush()
    answers: list[dict[str, object]] = []
    mistake_texts = mistake_questions()
    for situation in situations:
        written: list[str] = []
        if situation["from_mistake"]:  # the mistake's own questions, without blame
            number = int(str(situation["id"]))
            said = MISTAKES[number // MISTAKE_EVERY % len(MISTAKES)][1]
            for text, answer in zip(mistake_texts, said, strict=True):
                written.append(answer)
                answers.append(
                    {
                        "situation_id": situation["id"],
                        "question_id": None,
                        "question_text": text,
                        "answer": answer,
                        "position": len(written),
                    }
                )
        if rng.random() < 0.7:  # most say more than the form's first fields
            for position, pool in ANSWERS.items():
                if rng.random() < 0.6:
                    question = questions[position - 1]
                    written.append(rng.choice(pool))
                    answers.append(
                        {
                            "situation_id": situation["id"],
                            "question_id": question.id,
                            "question_text": question.text,
                            "answer": written[-1],
                            "position": len(written),
                        }
                    )
        situation["search_text"] = search_text(
            [*(str(situation[c]) for c in SEARCHED_COLUMNS), *written]
        )
    _bulk(db, LearningSituation, situations)
    if answers:
        _bulk(db, SituationAnswer, answers)
    _bulk(db, SituationPerson, links)
    _bulk(db, SituationConsultation, consulted)
    return situations


def _bulk(db: Session, model: type[Base], rows: Sequence[Mapping[str, object]]) -> None:
    """Rows (every one with the same columns) in one executemany of SQLAlchemy's Core:
    the ORM's bulk insert looks at each row again (a third of the huge demo's time)
    and leaves out its NULLs, which split the batch at each pattern of empty columns."""
    from sqlalchemy import Table, insert

    if rows:
        db.execute(insert(cast(Table, model.__table__)), rows)


@contextlib.contextmanager
def _room_to_write(db: Session) -> Iterator[None]:
    """On SQLite, a page cache that holds the indexes being filled (half a million
    situations go into a dozen indexes: with SQLite's 2 MB they are read back from disk
    again and again), for this connection while the demo is written."""
    from sqlalchemy import text

    if db.get_bind().dialect.name != "sqlite":
        yield
        return
    before = db.execute(text("PRAGMA cache_size")).scalar()
    db.execute(text("PRAGMA cache_size = -262144"))  # KiB: 256 MiB
    yield  # (a demo that fails leaves the connection its cache: memory, nothing more)
    db.execute(text(f"PRAGMA cache_size = {int(before or -2000)}"))


@contextlib.contextmanager
def _search_index_built_after(db: Session) -> Iterator[None]:
    """On SQLite, the situations' search index built once after the demo is written, not
    row by row by its triggers (the huge demo's half a million situations, and the
    skills 10,000 of them are given later, #34): the triggers are set aside and put back
    as they were, in the same transaction."""
    from sqlalchemy import text

    if db.get_bind().dialect.name != "sqlite":
        yield
        return
    triggers = db.execute(
        text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
            " AND tbl_name = 'learning_situation' AND name LIKE 'situation_search_%'"
        )
    ).all()
    for name, _sql in triggers:
        db.execute(text(f'DROP TRIGGER "{name}"'))
    yield
    if triggers:
        db.execute(text("INSERT INTO situation_search(situation_search) VALUES ('rebuild')"))
    for _name, sql in triggers:
        db.execute(text(sql))


OUTSIDE_A_GROUP = 0.08  # the share of people the demo leaves in no group, to add


def _everyone_in_a_group(
    db: Session,
    people: list[Person],
    groups: list[LearningGroup],
    profile: DemoProfile,
    today: dt.date,
    rng: random.Random,
) -> None:
    """Nearly everyone in service in an active group that mixes young and old: the
    people in no group join a group with room (after its last session so far, so that
    no past attendance misses them), and the rest form new groups, each from the
    youngest and the oldest left; a few stay outside, for the groups page to list."""
    from sqlalchemy import func, select

    def active(group: LearningGroup) -> bool:
        return (
            group.status is GroupStatus.ACTIVE
            and group.starts <= today
            and (group.ends is None or group.ends >= today)
        )

    open_groups = [g for g in groups if active(g)]
    members = {g.id: [m for m in g.memberships if _member_on(m, today)] for g in open_groups}
    inside = {m.person.id for found in members.values() for m in found}
    outsiders = [
        p for p in people if _active(p, today) and p.manager is not None and p.id not in inside
    ]
    rng.shuffle(outsiders)
    keep_out = round(len(outsiders) * OUTSIDE_A_GROUP) or min(2, len(outsiders))
    joining = outsiders[keep_out:]  # the others stay outside, for the groups page to list
    last_session = dict(
        db.execute(
            select(WeekCycle.group_id, func.max(CycleSession.starts_at))
            .join(CycleSession, CycleSession.cycle_id == WeekCycle.id)
            .where(CycleSession.starts_at < dt.datetime.combine(today, dt.time()))
            .group_by(WeekCycle.group_id)
        ).all()
    )
    for group in open_groups:
        after = last_session.get(group.id)
        joined = after.date() + dt.timedelta(days=1) if after else today
        while joining:
            # a group that does not mix takes whoever widens its ages most (and may grow
            # to the advised maximum for it); one that mixes takes someone of middle age,
            # keeping the young and the old for the new groups, and a place free
            years = [m.person.birth_year for m in members[group.id] if m.person.birth_year]
            mixes = bool(mixes_generations(years))
            if len(members[group.id]) >= (ADVISED_MAX - 1 if mixes else ADVISED_MAX):
                break
            middle = sorted(p.birth_year or today.year - 45 for p in joining)[len(joining) // 2]

            def fit(
                person: Person, years: list[int] = years, mixes: bool = mixes, middle: int = middle
            ) -> int:
                year = person.birth_year or middle
                if mixes:
                    return -abs(year - middle)
                known = [*years, year]
                return max(known) - min(known)

            person = max(reversed(joining), key=fit)
            joining.remove(person)
            membership = GroupMembership(
                person=person, joined=max(joined, person.in_service, group.starts)
            )
            group.memberships.append(membership)
            members[group.id].append(membership)
    # the rest form new groups of four or five: dealt out by age, so that each new
    # group has someone from every part of the range, young and old alike
    total = len(joining)
    if total < ADVISED_MIN:
        return
    count = max(1, total // 4)
    ordered = sorted((p for p in joining if p.birth_year), key=lambda p: p.birth_year or 0)
    ordered += [p for p in joining if not p.birth_year]
    dealt: list[list[Person]] = [[] for _n in range(count)]
    for index, person in enumerate(ordered):
        lap, place = divmod(index, count)
        dealt[place if lap % 2 == 0 else count - 1 - place].append(person)
    taken = {g.name for g in groups}
    for number, chosen in enumerate(dealt):
        base, theme = profile.group_themes[number % len(profile.group_themes)]
        name, suffix = base, 2
        while name in taken:
            name, suffix = f"{base} {suffix}", suffix + 1
        taken.add(name)
        starts = today - dt.timedelta(days=rng.randint(10, 40))
        group = LearningGroup(name=name, theme=theme, starts=starts, status=GroupStatus.ACTIVE)
        for person in chosen:
            group.memberships.append(
                GroupMembership(person=person, joined=max(starts, person.in_service))
            )
        db.add(group)


def _add_work_agreements(
    db: Session, situations: list[dict[str, object]], today: dt.date, rng: random.Random
) -> None:
    """What the work taught, as the organisation's work agreements and instructions:
    from the latest situation of each kind of trouble (done, in a learning group) with
    the first who learned from it to ask; from the results of two week cycles with the
    group's expert (the older of the two withdrawn since); one from a team meeting."""
    from sqlalchemy import func, or_, select

    from werkleren_desktop.db.models import GroupMembership, Person, SituationPerson, WorkAgreement
    from werkleren_desktop.domain.constants import SituationStatus, WorkAgreementKind

    def kind(instruction: bool) -> WorkAgreementKind:
        return WorkAgreementKind.INSTRUCTION if instruction else WorkAgreementKind.AGREEMENT

    in_service = or_(Person.out_of_service.is_(None), Person.out_of_service >= today)
    newest: dict[str, dict[str, object]] = {}
    for situation in situations:
        title, day = str(situation["title"]), situation["occurred_on"]
        assert isinstance(day, dt.date)
        if (
            title in WORK_AGREEMENTS
            and situation["group_id"] is not None
            and situation["status"] is SituationStatus.DONE
            and day < today - dt.timedelta(days=30)
            and (title not in newest or day > newest[title]["occurred_on"])  # type: ignore[operator]
        ):
            newest[title] = situation
    for title, situation in sorted(newest.items()):
        # the first who learned from it and is still here; else one who left since, whom
        # the list then says to replace
        learner = db.scalar(
            select(SituationPerson.person_id)
            .join(Person, Person.id == SituationPerson.person_id)
            .where(SituationPerson.situation_id == situation["id"])
            .order_by(in_service.desc(), SituationPerson.person_id)
            .limit(1)
        )
        instruction, name, text = WORK_AGREEMENTS[title]
        day = situation["occurred_on"]
        assert isinstance(day, dt.date)
        db.add(
            WorkAgreement(
                kind=kind(instruction),
                title=name,
                text=text,
                contact_id=learner,
                situation_id=situation["id"],
                agreed_on=min(today, day + dt.timedelta(days=rng.randint(3, 20))),
            )
        )
    cycles = [
        c
        for c in db.scalars(
            select(WeekCycle).where(WeekCycle.outcome.in_(CYCLE_AGREEMENTS)).order_by(WeekCycle.id)
        )
        if c.group.expert_id is not None
    ]
    chosen = sorted(rng.sample(cycles, k=min(2, len(cycles))), key=lambda c: c.id)
    for number, cycle in enumerate(chosen):
        member = db.scalar(
            select(GroupMembership.person_id)
            .join(Person, Person.id == GroupMembership.person_id)
            .where(GroupMembership.group_id == cycle.group_id, in_service)
            .order_by(GroupMembership.joined, GroupMembership.person_id)
            .limit(1)
        )
        expert = db.scalar(select(Person.id).where(Person.id == cycle.group.expert_id, in_service))
        ended = max(item.starts_at.date() for item in cycle.sessions)
        agreed = min(today, ended + dt.timedelta(days=7))
        older = number == 0 and len(chosen) > 1
        db.add(
            WorkAgreement(
                kind=WorkAgreementKind.AGREEMENT,
                title=CYCLE_AGREEMENTS[cycle.outcome],
                text=f"{cycle.outcome}\n\n{cycle.next_step}".strip(),
                contact_id=expert or member,
                cycle_id=cycle.id,
                agreed_on=agreed,
                # the older one gave way to what the group learned later
                withdrawn_on=min(today, agreed + dt.timedelta(days=90)) if older else None,
            )
        )
    reports = (
        select(Person.manager_id, func.count().label("n"))
        .where(Person.manager_id.is_not(None), in_service)
        .group_by(Person.manager_id)
        .order_by(func.count().desc(), Person.manager_id)
        .limit(1)
    )
    boss = db.execute(reports).first()
    instruction, name, text, origin = MEETING_AGREEMENT
    db.add(
        WorkAgreement(
            kind=kind(instruction),
            title=name,
            text=text,
            contact_id=boss[0] if boss else None,
            origin=origin,
            agreed_on=today - dt.timedelta(days=rng.randint(20, 60)),
        )
    )


def _fill_workbooks(
    db: Session, situations: list[dict[str, object]], today: dt.date, rng: random.Random
) -> None:
    """The program's library of working methods, and every cycle's workbook: the
    situation of the group's log that gave cause (shortly before the cycle) with a
    question on it, a method per day, notes of the sessions held, and for a cycle that
    is over what came of it and the next step."""
    from bisect import bisect_left

    from sqlalchemy import delete, select
    from sqlalchemy.orm import selectinload

    from werkleren_desktop.db.models import CycleSituation, WorkingMethod
    from werkleren_desktop.domain.cycles import default_methods
    from werkleren_desktop.services.workbook import add_methods

    db.execute(delete(WorkingMethod))  # a window opened on the empty folder may have added some
    methods = add_methods(db, default_methods())
    db.flush()
    by_group: dict[int, list[tuple[dt.date, int, str]]] = {}
    for situation in situations:
        if situation["group_id"] is not None:
            by_group.setdefault(int(situation["group_id"]), []).append(  # type: ignore[call-overload]
                (situation["occurred_on"], situation["id"], situation["title"])  # type: ignore[arg-type]
            )
    for found in by_group.values():
        found.sort()
    cycles = db.scalars(
        select(WeekCycle)
        .options(selectinload(WeekCycle.sessions), selectinload(WeekCycle.group))
        .where(WeekCycle.cancelled.is_(False))
        .order_by(WeekCycle.id)
    )
    taken: list[dict[str, int]] = []
    for cycle in cycles:
        sessions = sorted(cycle.sessions, key=lambda s: s.day_number)
        first_day = sessions[0].starts_at.date()
        log = by_group.get(cycle.group_id, [])
        start = bisect_left(log, (first_day - dt.timedelta(days=120), 0, ""))
        before = [entry for entry in log[start:] if entry[0] < first_day]
        if before and rng.random() < 0.85:
            _day, situation_id, title = rng.choice(before[-5:])
            cycle.question = rng.choice(CYCLE_QUESTIONS).format(title=title)
            taken.append({"cycle_id": cycle.id, "situation_id": situation_id})
        else:
            cycle.question = cycle.group.theme
        expert = cycle.group.expert_id is not None or bool(cycle.group.expert_name)
        for item in sessions:
            choices = [n for n in DAY_METHODS[item.day_number - 1] if expert or n != 2]
            method = rng.choice(choices)
            item.method_id = methods[method].id
            if item.starts_at.date() < today and not item.cancelled:
                item.notes = rng.choice(SESSION_NOTES[method])
        if sessions[-1].starts_at.date() < today:
            cycle.outcome = rng.choice(CYCLE_OUTCOMES)
            cycle.next_step = rng.choice(NEXT_STEPS)
    if taken:
        _bulk(db, CycleSituation, taken)


def _cycle_spans(db: Session) -> dict[int, list[tuple[int, dt.date, dt.date]]]:
    """Every group's cycles (not cancelled) as (id, first day, last day)."""
    from sqlalchemy import func, select

    spans: dict[int, list[tuple[int, dt.date, dt.date]]] = {}
    for group_id, cycle_id, first, last in db.execute(
        select(
            WeekCycle.group_id,
            WeekCycle.id,
            func.min(CycleSession.starts_at),
            func.max(CycleSession.starts_at),
        )
        .join(CycleSession, CycleSession.cycle_id == WeekCycle.id)
        .where(WeekCycle.cancelled.is_(False))
        .group_by(WeekCycle.id)
        .order_by(WeekCycle.id)  # the same order on any database: the same demo
    ):
        spans.setdefault(group_id, []).append((cycle_id, first.date(), last.date()))
    return spans


def _member_on(membership: GroupMembership, day: dt.date) -> bool:
    return membership.joined <= day and (membership.left_on is None or membership.left_on >= day)


def _people_on(people: list[Person], day: dt.date, wanted: int, rng: random.Random) -> list[Person]:
    """A few people in service on ``day``, drawn at random (fast enough for 50,000 draws)."""
    chosen: list[Person] = []
    for _attempt in range(wanted * 20):
        person = rng.choice(people)
        active = person.in_service <= day and (
            person.out_of_service is None or person.out_of_service >= day
        )
        if active and person not in chosen:
            chosen.append(person)
            if len(chosen) == wanted:
                break
    return chosen


def _add_conversations(
    db: Session,
    people: list[Person],
    calendar: WorkCalendar,
    schedule: ConversationSchedule,
    today: dt.date,
    history_start: dt.date,
    rng: random.Random,
) -> None:
    """Two conversations a year per person, held and signed in the past, this half year
    partly held, planned or overdue; agreements come back at the next one."""

    from werkleren_desktop.db.models import Agreement, ConversationSection, TalentConversation
    from werkleren_desktop.domain.constants import AgreementOwner, AgreementStatus, SignMark
    from werkleren_desktop.domain.conversations import half_year

    conversations: list[dict[str, object]] = []
    sections: list[dict[str, object]] = []
    agreements: list[dict[str, object]] = []
    current_half = half_year(today)[0]
    for person in people:
        if person.manager is None:
            continue
        open_agreements: list[dict[str, object]] = []
        half = half_year(max(history_start, person.in_service))[0]
        while half <= current_half:
            due = schedule.due_in(half, person.in_service)
            next_half = dt.date(half.year + (half.month == 7), 7 if half.month == 1 else 1, 1)
            if due is None:
                half = next_half
                continue
            # held on a working day of the organisation, as a manager would
            day = calendar.nearest_working_day(due - dt.timedelta(days=rng.randint(0, 25)), -1)
            current = half == current_half
            held = (day < today and rng.random() < (0.6 if current else 0.85)) and _active(
                person, day
            )
            ahead = calendar.nearest_working_day(today + dt.timedelta(days=rng.randint(3, 30)), 1)
            planned_ahead = current and not held and rng.random() < 0.4 and _active(person, ahead)
            if not held and not planned_ahead:
                half = next_half
                continue
            number = len(conversations) + 1
            when = day if held else ahead
            signed = held and (today - day).days > 14
            manager_name = person.manager.full_name
            conversations.append(
                {
                    "id": number,
                    "person_id": person.id,
                    "manager_id": person.manager.id,
                    "planned_on": when,
                    "starts_at": rng.choice((dt.time(9, 0), dt.time(10, 30), dt.time(14, 0))),
                    "place": "Kantoor",
                    "held_on": when if held else None,
                    "professional_signed_name": person.full_name if signed else None,
                    "professional_signed_on": (
                        calendar.nearest_working_day(when + dt.timedelta(days=2), 1)
                        if signed
                        else None
                    ),
                    "professional_mark": rng.choice(list(SignMark)) if signed else None,
                    "manager_signed_name": manager_name if signed else None,
                    "manager_signed_on": (
                        calendar.nearest_working_day(when + dt.timedelta(days=1), 1)
                        if signed
                        else None
                    ),
                    "manager_mark": SignMark.AGREED if signed else None,
                }
            )
            for key, texts in CONVERSATION_NOTES.items():
                sections.append(
                    {
                        "conversation_id": number,
                        "key": key,
                        "preparation": rng.choice(texts) if rng.random() < 0.7 else "",
                        "notes": rng.choice(texts) if held else "",
                    }
                )
            if held:
                for agreement in open_agreements:
                    status = rng.choices(
                        (AgreementStatus.DONE, AgreementStatus.PARTLY, AgreementStatus.NOT_DONE),
                        (60, 25, 15),
                    )[0]
                    agreement["status"] = status
                    agreement["reviewed_in_id"] = number
                    notes = REVIEW_NOTES.get(status.value, ("",))
                    agreement["review_note"] = rng.choice(notes)
                open_agreements = []
                for position in range(1, rng.randint(1, 2) + 1):
                    agreement = {
                        "id": len(agreements) + 1,
                        "conversation_id": number,
                        "position": position,
                        "what": rng.choice(AGREEMENTS),
                        "owner": rng.choice(list(AgreementOwner)),
                        "due_on": when + dt.timedelta(days=rng.choice((60, 90, 120, 150))),
                        "status": AgreementStatus.OPEN,
                        "review_note": "",
                        "reviewed_in_id": None,
                    }
                    agreements.append(agreement)
                    open_agreements.append(agreement)
            half = next_half
    _bulk(db, TalentConversation, conversations)
    _bulk(db, ConversationSection, sections)
    _bulk(db, Agreement, agreements)


def _add_trainings(
    db: Session,
    people: list[Person],
    calendar: WorkCalendar,
    profile: DemoProfile,
    today: dt.date,
    rng: random.Random,
) -> None:
    """Formal training across the years: required courses with certificates that come
    back, voluntary ones, now and then a cancellation, and a few budget overrides. The
    certificates name their type (the shipped list); a BHV course within a year and a
    grace period of the last is a refresher. VCA certificates of more than six years ago
    keep the name as it was typed before there were types: the training page asks to
    link them."""

    from werkleren_desktop.db.models import Training, TrainingBudget
    from werkleren_desktop.domain.certificates import SHIPPED
    from werkleren_desktop.domain.constants import TrainingStatus

    types = {rule.name: CertificateType(**vars(rule)) for rule in SHIPPED}
    db.add_all(types.values())
    db.flush()
    typed_until = dt.date(today.year - 2, 12, 31)

    rows: list[dict[str, object]] = []
    for year in range(today.year - profile.history_years, today.year + 1):
        for person in people:
            if not (_active(person, dt.date(year, 1, 1)) or _active(person, dt.date(year, 12, 1))):
                continue
            for _number in range(rng.choice((0, 1, 1, 1, 2, 2, 3))):
                title, provider, form, hours, euros, required, certificate, valid = rng.choice(
                    TRAININGS[1:]  # BHV: the BHV'ers' yearly courses below
                )
                start = calendar.nearest_working_day(
                    dt.date(year, rng.randint(1, 12), rng.randint(1, 28)), 1
                )
                if not _active(person, start):
                    continue
                length = 0 if hours <= 8 else rng.choice((0, 1, 7, 14))
                status = (
                    TrainingStatus.PLANNED
                    if start > today
                    else TrainingStatus.CANCELLED
                    if rng.random() < 0.05
                    else TrainingStatus.DONE
                )
                rows.append(
                    {
                        "person_id": person.id,
                        "title": title,
                        "provider": provider,
                        "form": form,
                        "starts_on": start,
                        "ends_on": start + dt.timedelta(days=length),
                        "minutes": hours * 60,
                        "cost_cents": euros * 100,
                        "required": required,
                        "in_working_time": required or rng.random() < 0.7,
                        "status": status,
                        "certificate": certificate,
                        "certificate_expires_on": (
                            add_months(start, 12 * valid) if certificate else None
                        ),
                        "study_cost_agreement": not required and euros > 1000,
                        "notes": "",
                        "certificate_type_id": None,
                        "refresher": False,
                    }
                )
    for row in rows:
        name = DEMO_TYPES.get(str(row["certificate"]))
        if name is None or (name == "VCA Basis" and cast(dt.date, row["starts_on"]) <= typed_until):
            continue  # no certificate, or one typed before there were types
        kind = types[name]
        row["certificate"], row["certificate_type_id"] = kind.name, kind.id
    rows += _bhv_courses(people, calendar, profile, today, types["BHV"])
    if rows:
        _bulk(db, Training, rows)
    overrides = [
        {"person_id": p.id, "year": today.year, "amount_cents": rng.choice((50000, 150000))}
        for p in rng.sample(people, k=max(1, len(people) // 12))
        if _active(p, today)
    ]
    if overrides:
        _bulk(db, TrainingBudget, overrides)


DEMO_TYPES = {"BHV": "BHV", "VCA": "VCA Basis", "EHBO": "EHBO"}  # TRAININGS' certificates


def _bhv_courses(
    people: list[Person],
    calendar: WorkCalendar,
    profile: DemoProfile,
    today: dt.date,
    bhv: CertificateType,
) -> list[dict[str, object]]:
    """The BHV'ers (one in eight, at least three): the full course once, then a refresher
    every year while the certificate is valid or in its grace period. One missed a year
    and followed the full course again; one's certificate expired two months ago and is
    in its grace period now, a refresher still renews it (domain.certificates)."""
    from werkleren_desktop.domain.certificates import CertificateRule
    from werkleren_desktop.domain.constants import TrainingStatus

    rule = CertificateRule(bhv.name, valid_months=bhv.valid_months, grace_months=bhv.grace_months)
    _title, provider, form, hours, euros, *_rest = TRAININGS[0]
    first = dt.date(today.year - profile.history_years, 3, 1)
    bhvers = [p for p in people if _active(p, first) and _active(p, today)]
    bhvers = bhvers[: max(3, len(people) // 8)]
    rows: list[dict[str, object]] = []
    for number, person in enumerate(bhvers):
        day, last_day = first + dt.timedelta(days=30 * number), today
        if number == 2:  # the last course 13 months ago: expired, in its grace period now
            last_day = add_months(today, -13)
            day = add_months(last_day, -12 * (profile.history_years - 1))
        expires: dt.date | None = None
        while day <= last_day:
            if number == 1 and day.year == today.year - 1:
                day = add_months(day, 5)  # a year missed: past the grace, the full course
            start = calendar.nearest_working_day(day, 1)
            refresher = expires is not None and start <= rule.grace_until(expires)
            expires = rule.expires_on(start)
            rows.append(
                {
                    "person_id": person.id,
                    "title": "BHV herhaling" if refresher else "BHV basis",
                    "provider": provider,
                    "form": form,
                    "starts_on": start,
                    "ends_on": start,
                    "minutes": (hours if refresher else 2 * hours) * 60,
                    "cost_cents": (euros if refresher else 2 * euros) * 100,
                    "required": True,
                    "in_working_time": True,
                    "status": TrainingStatus.DONE,
                    "certificate": bhv.name,
                    "certificate_expires_on": expires,
                    "study_cost_agreement": False,
                    "notes": "",
                    "certificate_type_id": bhv.id,
                    "refresher": refresher,
                }
            )
            day = add_months(day, 12)
    return rows


def _add_functions(
    db: Session,
    people: list[Person],
    profile: DemoProfile,
    calendar: WorkCalendar,
    today: dt.date,
    rng: random.Random,
) -> None:
    """The profile's skills and functions with what each requires. The job titles that
    name a function hold it; the others (the planner, the managers) wait to be mapped
    once. Seven in ten holders obtained each certificate their function requires, some
    time within its validity. Of each requirement of a skill, about half of the holders
    reached its level (a course that granted it, or a level their manager saw), a
    quarter one level below, the rest not yet; a third of the finished situations of the
    kind "zelf beter performen" built a skill of a learner's function. Every manager was
    seen explaining to a client or a colleague."""
    from sqlalchemy import Table, bindparam, select, update

    from werkleren_desktop.db.models import (
        FunctionRequirement,
        JobFunction,
        LearningSituation,
        PersonSkill,
        SituationPerson,
        Skill,
        Training,
    )
    from werkleren_desktop.domain.constants import SituationKind, SituationStatus, TrainingStatus
    from werkleren_desktop.services.functions import link_functions

    skills = {name: Skill(name=name, description=about) for name, about, *_c in profile.skills}
    courses = {name: (course, provider) for name, _about, course, provider in profile.skills}
    functions = {name: JobFunction(name=name, description="") for name, *_r in profile.functions}
    db.add_all([*skills.values(), *functions.values()])
    db.flush()
    types = dict(db.execute(select(CertificateType.name, CertificateType.id)).all())
    requirements: list[FunctionRequirement] = []
    for name, certificates, levels in profile.functions:
        function = functions[name]
        requirements += [
            FunctionRequirement(function_id=function.id, certificate_type_id=types[c])
            for c in certificates
        ]
        requirements += [
            FunctionRequirement(function_id=function.id, skill_id=skills[s].id, level=level)
            for s, level in levels
        ]
    db.add_all(requirements)
    db.flush()
    link_functions(db)
    needs = {name: levels for name, _certificates, levels in profile.functions}
    required = {name: certificates for name, certificates, _levels in profile.functions}
    held = {
        (person, kind)
        for person, kind in db.execute(
            select(Training.person_id, Training.certificate_type_id).where(
                Training.status == TrainingStatus.DONE, Training.certificate_type_id.is_not(None)
            )
        )
    }
    rules = {t.id: t for t in db.scalars(select(CertificateType))}
    seen: list[dict[str, object]] = []
    courses_followed: list[dict[str, object]] = []
    for person in people:
        if not _active(person, today):
            continue
        # most holders obtained what their function requires and the courses did not
        # give them, some time ago: a few of those expire soon
        for name in required.get(person.job_title, ()):
            kind = rules[types[name]]
            if (person.id, kind.id) in held or rng.random() < 0.3:
                continue
            months = kind.valid_months or 120
            day = calendar.nearest_working_day(
                max(person.in_service, add_months(today, -rng.randint(1, max(1, months - 1)))), 1
            )
            if day > today:
                continue
            courses_followed.append(
                {
                    "person_id": person.id, "title": name, "provider": "Opleidingshuis Techniek"
                    if "VCA" in name or "gassen" in name else "Veiligheidscentrum Oost",
                    "form": "certification", "starts_on": day, "ends_on": day,
                    "minutes": 8 * 60, "cost_cents": 32500, "required": True,
                    "in_working_time": True, "status": TrainingStatus.DONE,
                    "certificate": name,
                    "certificate_expires_on": add_months(day, kind.valid_months)
                    if kind.valid_months else None,
                    "study_cost_agreement": False, "notes": "",
                    "certificate_type_id": kind.id, "refresher": False,
                    "skill_id": None, "skill_level": None,
                }
            )  # fmt: skip
        for skill, level in needs.get(person.job_title, ()):
            chance = rng.random()
            if chance > 0.75:
                continue  # not yet
            reached = level if chance < 0.5 else level - 1
            if reached < 1:
                continue
            day = calendar.nearest_working_day(
                max(person.in_service, today - dt.timedelta(days=rng.randint(30, 700))), 1
            )
            if day > today:
                continue
            if rng.random() < 0.5:
                course, provider = courses[skill]
                courses_followed.append(
                    {
                        "person_id": person.id, "title": course, "provider": provider,
                        "form": "course", "starts_on": day, "ends_on": day, "minutes": 8 * 60,
                        "cost_cents": 29500, "required": True, "in_working_time": True,
                        "status": TrainingStatus.DONE, "certificate": "",
                        "certificate_expires_on": None, "study_cost_agreement": False,
                        "notes": "", "certificate_type_id": None, "refresher": False,
                        "skill_id": skills[skill].id, "skill_level": reached,
                    }
                )  # fmt: skip
            else:
                seen.append(
                    {
                        "person_id": person.id,
                        "skill_id": skills[skill].id,
                        "level": reached,
                        "assessed_on": day,
                        "note": SEEN_NOTES[reached],
                    }
                )
        if person.job_title in (profile.lead_title, profile.head_title, profile.director_title):
            explaining = next((s for s in skills if "uitleg" in s or "Rapport" in s), None)
            if explaining is not None:
                seen.append(
                    {
                        "person_id": person.id,
                        "skill_id": skills[explaining].id,
                        "level": 4,
                        "assessed_on": calendar.nearest_working_day(
                            today - dt.timedelta(days=rng.randint(20, 300)), 1
                        ),
                        "note": SEEN_NOTES[4],
                    }
                )
    if courses_followed:
        _bulk(db, Training, courses_followed)
    if seen:
        _bulk(db, PersonSkill, seen)
    # the skills built by situations of the kind "zelf beter performen", finished
    function_of = {p.id: p.job_title for p in people}
    learners = db.execute(
        select(SituationPerson.situation_id, SituationPerson.person_id)
        .join(LearningSituation, LearningSituation.id == SituationPerson.situation_id)
        .where(
            LearningSituation.kind == SituationKind.PERFORM,
            LearningSituation.status == SituationStatus.DONE,
        )
        .order_by(SituationPerson.situation_id, SituationPerson.person_id)
    ).all()
    together: dict[int, list[int]] = {}
    for situation_id, person_id in learners:
        together.setdefault(situation_id, []).append(person_id)
    built: list[dict[str, object]] = []
    for situation_id, people_in_it in together.items():
        levels = needs.get(function_of.get(people_in_it[0], ""), ())
        if not levels or rng.random() > 0.33:
            continue
        skill, level = rng.choice(levels)
        if any(skill not in dict(needs.get(function_of.get(p, ""), ())) for p in people_in_it):
            continue  # a skill that all who learned from it need
        built.append(
            {"row_id": situation_id, "new_skill": skills[skill].id, "new_level": min(level, 2)}
        )
    if built:
        table = cast(Table, LearningSituation.__table__)
        db.execute(
            update(table)
            .where(table.c.id == bindparam("row_id"))
            .values(skill_id=bindparam("new_skill"), skill_level=bindparam("new_level")),
            built,
        )


def _add_onboarding(
    db: Session, people: list[Person], calendar: WorkCalendar, today: dt.date
) -> None:
    """The newest colleague (in service within the last half year, with a manager) has
    an onboarding plan: the usual steps with the certificates their function requires,
    the longest-serving colleague of the same function as buddy (none where there is no
    such colleague), the steps before today done but the latest one."""
    from sqlalchemy import select

    from werkleren_desktop.db.models import OnboardingPlan, OnboardingStep
    from werkleren_desktop.domain.onboarding import standard_steps, working_day
    from werkleren_desktop.services.onboarding import required_certificates

    recent = [
        p for p in people
        if _active(p, today) and p.manager_id is not None
        and today - dt.timedelta(days=183) <= p.in_service <= today
    ]  # fmt: skip
    if not recent:
        return
    newcomer = max(recent, key=lambda p: (p.in_service, p.id))
    # (the functions as linked since the people were made)
    function_of = dict(db.execute(select(Person.id, Person.function_id)).all())
    function = function_of[newcomer.id]
    colleagues = [
        p for p in people
        if p.id not in (newcomer.id, newcomer.manager_id) and _active(p, today)
        and function is not None and function_of[p.id] == function
    ]  # fmt: skip
    colleagues.sort(key=lambda p: (p.in_service, p.id))
    required = required_certificates(db, function)
    db.add(
        OnboardingPlan(
            person_id=newcomer.id,
            buddy_id=colleagues[0].id if colleagues else None,
            starts_on=newcomer.in_service,
        )
    )
    db.flush()
    steps = standard_steps(required)
    days = [working_day(calendar, newcomer.in_service, s.working_day) for s in steps]
    last_past = max((i for i, day in enumerate(days) if day < today), default=-1)
    for position, (step, day) in enumerate(zip(steps, days, strict=True), start=1):
        db.add(
            OnboardingStep(
                person_id=newcomer.id,
                position=position,
                title=step.title,
                working_day=step.working_day,
                due_on=day,
                owner=step.owner,
                done_on=day if day < today and position - 1 != last_past else None,
            )
        )


def _add_exit_conversation(
    db: Session, people: list[Person], calendar: WorkCalendar, today: dt.date
) -> None:
    """The latest colleague who left (with a manager) had an exit conversation in their
    last week."""
    from werkleren_desktop.db.models import ExitConversation

    left = [
        p for p in people
        if p.out_of_service is not None and p.out_of_service < today and p.manager_id is not None
    ]  # fmt: skip
    if not left:
        return
    leaver = max(left, key=lambda p: (p.out_of_service or today, p.id))
    assert leaver.out_of_service is not None
    held = calendar.nearest_working_day(leaver.out_of_service - dt.timedelta(days=4), -1)
    db.add(
        ExitConversation(
            person_id=leaver.id,
            held_on=max(held, leaver.in_service),
            manager_id=leaver.manager_id,
            reason="Een baan dichter bij huis; met minder reistijd was ik gebleven.",
            went_well="De collega's, en dat ik in de leergroep altijd iets kon vragen.",
            could_be_better="Eerder horen wat er van je verwacht wordt na het inwerken.",
            handover="De storingen bij de vaste klanten: opgeschreven en doorgenomen.",
        )
    )


SEEN_NOTES = {
    1: "Eerste keer meegekeken en een deel zelf gedaan.",
    2: "Deed het met een collega erbij; vroeg op de goede momenten om hulp.",
    3: "Helemaal zelf gedaan, netjes opgeleverd en uitgelegd.",
    4: "Legde het een nieuwe collega uit, stap voor stap.",
}


REQUESTS = (
    (RequestKind.TRAINING, "De cursus van de leverancier over de nieuwe installaties"),
    (RequestKind.EXPERT, "Iemand die me laat zien hoe een ervaren collega dit aanpakt"),
    (RequestKind.GROUP, "Meedoen in een leergroep over het werk met klanten"),
    (RequestKind.TRAINING, "Een training om beter feedback te geven"),
    (RequestKind.EXPERT, "Een dag meelopen met iemand van planning"),
)
REQUEST_ANSWERS = {
    RequestStatus.GRANTED: "Ja, goed idee; zoek een datum en meld het.",
    RequestStatus.PLANNED: "Ingepland in het volgende kwartaal.",
    RequestStatus.DECLINED: "Nu niet: eerst de drukke periode door; we komen erop terug.",
}


def _add_requests(db: Session, people: list[Person], today: dt.date, rng: random.Random) -> None:
    """Learning requests of the last months: about one in five people asked something;
    most were answered, the latest wait for their manager."""

    rows = []
    for person in people:
        if not _active(person, today) or person.manager_id is None or rng.random() > 0.2:
            continue
        kind, question = rng.choice(REQUESTS)
        asked = today - dt.timedelta(days=rng.randint(3, 150))
        status = (
            RequestStatus.OPEN
            if asked > today - dt.timedelta(days=21)
            else rng.choice(list(REQUEST_ANSWERS))
        )
        answered = None if status is RequestStatus.OPEN else asked + dt.timedelta(days=7)
        rows.append(
            {
                "person_id": person.id,
                "addressed_to": person.manager_id,
                "kind": kind,
                "question": question,
                "asked_on": asked,
                "status": status,
                "answer": REQUEST_ANSWERS.get(status, ""),
                "answered_on": answered,
                "answered_by": person.manager_id if answered else None,
            }
        )
    if rows:
        _bulk(db, LearningRequest, rows)


def _add_scans(db: Session, today: dt.date, rng: random.Random) -> None:
    """Three team sessions a few months apart that move towards the sustainable
    perspective, unevenly: some characteristics stay behind. The last one used the
    questionnaire's second version, so its comparison marks the rows worded anew."""
    lagging = {"18", "32", "44", "46", "C3"}
    for months_ago, title, forms, progress, version in SCANS:
        held_on = add_months(today, -months_ago)
        scan = Scan(
            held_on=held_on,
            title=title,
            note="Ingevuld in de kantine, anoniem.",
            questionnaire=version,
        )
        db.add(scan)
        for number in range(1, forms + 1):
            answers = []
            for c in CHARACTERISTICS:
                if rng.random() < 0.05:
                    answers.append(ScanAnswer(item=c.key, not_applicable=True))
                    continue
                centre = 1 + 4 * (progress * (0.5 if c.key in lagging else 1.0))
                score = max(1, min(5, round(rng.gauss(centre, 0.8))))
                remark = rng.choice(SCAN_REMARKS) if rng.random() < 0.03 else ""
                answers.append(ScanAnswer(item=c.key, score=score, remark=remark))
            db.add(ScanResponse(scan=scan, number=number, answers=answers))

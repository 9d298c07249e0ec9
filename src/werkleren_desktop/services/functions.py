"""Use cases of functions, skills and who may do what (domain.qualifications): the
organisation's lists of functions and skills, what each function requires, the job
titles typed before there were functions mapped once, someone's skills as what
happened showed them, and the matrix of people against what they hold and need."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import (
    CertificateType,
    FunctionRequirement,
    JobFunction,
    LearningSituation,
    Person,
    PersonSkill,
    SituationPerson,
    Skill,
    Training,
)
from werkleren_desktop.domain.certificates import CertificateRule, standing
from werkleren_desktop.domain.constants import SituationStatus, TrainingStatus
from werkleren_desktop.domain.people import list_name, sort_key
from werkleren_desktop.domain.qualifications import (
    Cell,
    Evidence,
    FunctionInput,
    SkillInput,
    SkillSeen,
    Source,
    certificate_cell,
    level_of,
    skill_cell,
)
from werkleren_desktop.errors import UserError, ValidationError
from werkleren_desktop.i18n import _
from werkleren_desktop.services.certificates import (
    ensure_certificate_types,
    followed_by,
    rule_of,
)
from werkleren_desktop.services.versions import update_many

# --- the lists ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SkillRow:
    id: int
    name: str
    description: str
    retired: bool


@dataclass(frozen=True)
class FunctionRow:
    id: int
    name: str
    description: str
    retired: bool
    people: int  # how many in the list hold it (in service or not)
    certificates: tuple[tuple[int, str], ...]  # (type id, name), by name
    skills: tuple[tuple[int, str, int], ...]  # (skill id, name, level), by name

    def as_input(self) -> FunctionInput:
        return FunctionInput(
            self.name,
            self.description,
            tuple(c for c, _name in self.certificates),
            tuple((s, level) for s, _name, level in self.skills),
        )


def list_skills(database: SessionFactory, include_retired: bool = False) -> list[SkillRow]:
    query = select(Skill).order_by(func.lower(Skill.name))
    if not include_retired:
        query = query.where(Skill.retired.is_(False))
    with database() as db:
        return [SkillRow(s.id, s.name, s.description, s.retired) for s in db.scalars(query)]


def list_functions(database: SessionFactory, include_retired: bool = False) -> list[FunctionRow]:
    """The functions by name, each with what it requires and how many hold it."""
    with database() as db:
        query = select(JobFunction).order_by(func.lower(JobFunction.name))
        if not include_retired:
            query = query.where(JobFunction.retired.is_(False))
        functions = list(db.scalars(query))
        held = Counter(
            db.scalars(select(Person.function_id).where(Person.function_id.is_not(None)))
        )
        needs = _requirements(db, [f.id for f in functions])
        types = dict(db.execute(select(CertificateType.id, CertificateType.name)).all())
        skills = dict(db.execute(select(Skill.id, Skill.name)).all())
    rows = []
    for f in functions:
        certificates, levels = needs.get(f.id, ((), {}))
        rows.append(
            FunctionRow(
                f.id,
                f.name,
                f.description,
                f.retired,
                held[f.id],
                tuple(sorted(((c, types[c]) for c in certificates), key=lambda c: c[1].lower())),
                tuple(
                    sorted(
                        ((s, skills[s], level) for s, level in levels.items()),
                        key=lambda s: s[1].lower(),
                    )
                ),
            )
        )
    return rows


Needs = tuple[tuple[int, ...], dict[int, int]]  # certificate type ids; skill id -> level


def _requirements(db: Session, function_ids: Iterable[int]) -> dict[int, Needs]:
    found: dict[int, tuple[list[int], dict[int, int]]] = {}
    rows = db.execute(
        select(
            FunctionRequirement.function_id,
            FunctionRequirement.certificate_type_id,
            FunctionRequirement.skill_id,
            FunctionRequirement.level,
        ).where(FunctionRequirement.function_id.in_(list(function_ids)))
    )
    for function_id, type_id, skill_id, level in rows:
        certificates, skills = found.setdefault(function_id, ([], {}))
        if type_id is not None:
            certificates.append(type_id)
        elif skill_id is not None and level is not None:
            skills[skill_id] = level
    return {f: (tuple(c), s) for f, (c, s) in found.items()}


def _clash(
    db: Session, model: type[JobFunction] | type[Skill], name: str, own: int | None
) -> str | None:
    """The name of another one called ``name`` (whatever its case), as it is written."""
    return db.scalar(
        select(model.name).where(func.lower(model.name) == name.casefold(), model.id != (own or 0))
    )


def save_skill(database: SessionFactory, data: SkillInput, skill_id: int | None = None) -> int:
    data = data.validated()
    with database.begin() as db:
        clash = _clash(db, Skill, data.name, skill_id)
        if clash is not None:
            raise ValidationError(
                _("There already is a skill called “{name}”.").format(name=clash), "name"
            )
        record = Skill() if skill_id is None else db.get(Skill, skill_id)
        if record is None:
            raise UserError(_("This skill no longer exists."))
        record.name, record.description = data.name, data.description
        db.add(record)
        db.flush()
        return record.id


def retire_skill(database: SessionFactory, skill_id: int, retired: bool) -> None:
    """A skill no longer offered for new trainings, situations and functions; what
    named it keeps it."""
    with database.begin() as db:
        record = db.get(Skill, skill_id)
        if record is None:
            raise UserError(_("This skill no longer exists."))
        record.retired = retired


def save_function(
    database: SessionFactory, data: FunctionInput, function_id: int | None = None
) -> int:
    """A new function or a change of one, with all it requires. The people who hold it
    show its name as their job title, also after it is renamed; whoever's job title is
    its name (whatever the case) holds it from now on."""
    data = data.validated()
    with database.begin() as db:
        clash = _clash(db, JobFunction, data.name, function_id)
        if clash is not None:
            raise ValidationError(
                _("There already is a function called “{name}”.").format(name=clash), "name"
            )
        record = JobFunction() if function_id is None else db.get(JobFunction, function_id)
        if record is None:
            raise UserError(_("This function no longer exists."))
        known_types = set(db.scalars(select(CertificateType.id)))
        known_skills = set(db.scalars(select(Skill.id)))
        if not set(data.certificates) <= known_types:
            raise ValidationError(_("This certificate type no longer exists."), "certificates")
        if not {s for s, _level in data.skills} <= known_skills:
            raise ValidationError(_("This skill no longer exists."), "skills")
        record.name, record.description = data.name, data.description
        db.add(record)
        db.flush()
        db.execute(delete(FunctionRequirement).where(FunctionRequirement.function_id == record.id))
        db.add_all(
            [FunctionRequirement(function_id=record.id, certificate_type_id=c)
             for c in data.certificates]
            + [FunctionRequirement(function_id=record.id, skill_id=s, level=level)
               for s, level in data.skills]
        )  # fmt: skip
        holders = db.execute(
            select(Person.id).where(Person.function_id == record.id, Person.job_title != data.name)
        ).scalars()
        update_many(db, Person, [{"id": p, "job_title": data.name} for p in holders])
        # whoever's job title is its name holds it now (certain, as a typed title is)
        link_functions(db)
        return record.id


def retire_function(database: SessionFactory, function_id: int, retired: bool) -> None:
    """A function no longer offered to choose; whoever holds it keeps it."""
    with database.begin() as db:
        record = db.get(JobFunction, function_id)
        if record is None:
            raise UserError(_("This function no longer exists."))
        record.retired = retired


# --- job titles and functions ------------------------------------------------------------


def link_functions(db: Session, person_ids: Iterable[int] | None = None) -> None:
    """Give ``person_ids`` (None: everyone) the function their job title names (its
    name, whatever the case; written as the function writes it), or none when the title
    names no function; a retired function only stays with whoever holds it."""
    chosen = None if person_ids is None else set(person_ids)
    of = _function_finder(db)
    query = select(Person.id, Person.job_title, Person.function_id)
    if chosen is not None and len(chosen) <= 500:  # (else all: a statement holds so many)
        query = query.where(Person.id.in_(chosen))
    changes = []
    for person_id, title, current in db.execute(query):
        if chosen is not None and person_id not in chosen:
            continue
        function_id, written = of(title, current)
        if (function_id, written) != (current, title):
            changes.append({"id": person_id, "function_id": function_id, "job_title": written})
    update_many(db, Person, changes)


def link_function(db: Session, person: Person) -> None:
    """``link_functions`` for one person being saved (written with it)."""
    person.function_id, person.job_title = _function_finder(db)(person.job_title,
                                                                person.function_id)  # fmt: skip


def _function_finder(db: Session) -> Callable[[str, int | None], tuple[int | None, str]]:
    functions = list(db.scalars(select(JobFunction)))
    offered = {f.name.casefold(): f for f in functions if not f.retired}
    names = {f.id: f.name.casefold() for f in functions}

    def of(title: str, current: int | None) -> tuple[int | None, str]:
        key = title.strip().casefold()
        match = offered.get(key)
        if match is not None:
            return match.id, match.name
        if current is not None and names.get(current) == key:
            return current, title  # a retired function stays with who holds it
        return None, title

    return of


@dataclass(frozen=True)
class TypedTitle:
    """A job title typed that names no function, with how many hold it and the
    function it most likely is (a function's name within it, or it within one)."""

    title: str
    people: int
    proposed: int | None


NEW_FUNCTION = -1  # map_titles: make a function of the title itself


def unmapped_titles(database: SessionFactory) -> list[TypedTitle]:
    """The job titles of people in the list that name no function, by title."""
    with database() as db:
        titles = Counter(
            t.strip()
            for t in db.scalars(
                select(Person.job_title).where(Person.function_id.is_(None), Person.job_title != "")
            )
            if t.strip()
        )
        offered = select(JobFunction.id, JobFunction.name).where(JobFunction.retired.is_(False))
        functions = [(i, n) for i, n in db.execute(offered)]
    found = []
    for title, count in sorted(titles.items(), key=lambda t: (t[0].casefold(), t[0])):
        key = title.casefold()
        likely = [(i, n) for i, n in functions if n.casefold() in key or key in n.casefold()]
        likely.sort(key=lambda f: -len(f[1]))
        found.append(TypedTitle(title, count, likely[0][0] if likely else None))
    return found


def map_titles(database: SessionFactory, chosen: Mapping[str, int | None]) -> int:
    """Map each job title typed to the function the user chose (``NEW_FUNCTION``: one
    made of the title; None: leave it as typed); returns how many people now hold a
    function. The titles of the mapped people become their function's name."""
    mapped = 0
    with database.begin() as db:
        functions = dict(db.execute(select(JobFunction.id, JobFunction.name)).all())
        by_name = {name.casefold(): i for i, name in functions.items()}
        for title, target in chosen.items():
            if target is None:
                continue
            if target == NEW_FUNCTION:
                target = by_name.get(title.casefold())
                if target is None:
                    name = " ".join(title.split())[:100]
                    record = JobFunction(name=name, description="")
                    db.add(record)
                    db.flush()
                    functions[record.id], by_name[name.casefold()] = name, record.id
                    target = record.id
            if target not in functions:
                raise UserError(_("This function no longer exists."))
            people = db.scalars(
                select(Person.id).where(
                    func.trim(Person.job_title) == title, Person.function_id.is_(None)
                )
            ).all()
            update_many(
                db,
                Person,
                [{"id": p, "function_id": target, "job_title": functions[target]} for p in people],
            )
            mapped += len(people)
    return mapped


# --- someone's skills ------------------------------------------------------------------


def check_skill(db: Session, skill_id: int | None, kept: int | None) -> None:
    """The skill a training grants (or a situation built) exists and is offered; a
    retired one only stays with what named it before (``kept``)."""
    if skill_id is None:
        return
    skill = db.get(Skill, skill_id)
    if skill is None:
        raise ValidationError(_("This skill no longer exists."), "skill")
    if skill.retired and skill_id != kept:
        raise ValidationError(
            _("“{name}” is no longer offered (Training › Who holds what › Skills…).").format(
                name=skill.name
            ),
            "skill",
        )


def skill_evidence(db: Session, people: list[int]) -> dict[tuple[int, int], list[Evidence]]:
    """What showed ``people``'s skills, by person and skill, oldest first: followed
    trainings that grant one, finished situations that built one, levels seen."""
    found: dict[tuple[int, int], list[Evidence]] = {}
    trainings = db.execute(
        select(Training.person_id, Training.skill_id, Training.skill_level, Training.ends_on,
               Training.title)
        .where(Training.person_id.in_(people), Training.skill_id.is_not(None),
               Training.skill_level.is_not(None), Training.status == TrainingStatus.DONE)
    )  # fmt: skip
    for person, skill, level, on, title in trainings:
        if skill is None or level is None:  # (the query keeps only these)
            continue
        found.setdefault((person, skill), []).append(Evidence(on, level, Source.TRAINING, title))
    situations = db.execute(
        select(SituationPerson.person_id, LearningSituation.skill_id,
               LearningSituation.skill_level, LearningSituation.occurred_on,
               LearningSituation.title)
        .join(LearningSituation, LearningSituation.id == SituationPerson.situation_id)
        .where(SituationPerson.person_id.in_(people), LearningSituation.skill_id.is_not(None),
               LearningSituation.skill_level.is_not(None),
               LearningSituation.status == SituationStatus.DONE)
    )  # fmt: skip
    for person, skill, level, on, title in situations:
        if skill is None or level is None:  # (the query keeps only these)
            continue
        found.setdefault((person, skill), []).append(Evidence(on, level, Source.SITUATION, title))
    seen = db.execute(
        select(PersonSkill.person_id, PersonSkill.skill_id, PersonSkill.level,
               PersonSkill.assessed_on, PersonSkill.note)
        .where(PersonSkill.person_id.in_(people))
    )  # fmt: skip
    for person, skill, level, on, note in seen:
        found.setdefault((person, skill), []).append(Evidence(on, level, Source.SEEN, note))
    for evidence in found.values():
        evidence.sort(key=lambda e: e.on)
    return found


def record_skill_seen(
    database: SessionFactory, person_id: int, data: SkillSeen, today: dt.date
) -> int:
    """Write down a level of a skill a manager saw ``person_id`` work at."""
    data = data.validated(today)
    with database.begin() as db:
        if db.get(Person, person_id) is None:
            raise UserError(_("This person no longer exists."))
        if db.get(Skill, data.skill_id) is None:
            raise ValidationError(_("This skill no longer exists."), "skill")
        assert data.skill_id is not None and data.level is not None  # validated
        record = PersonSkill(
            person_id=person_id,
            skill_id=data.skill_id,
            level=data.level,
            assessed_on=data.seen_on,
            note=data.note,
        )
        db.add(record)
        db.flush()
        return record.id


@dataclass(frozen=True)
class PersonSkillRow:
    """One skill of someone: the level shown so far, what their function requires
    (None: not required), and what showed it, oldest first."""

    skill_id: int
    name: str
    level: int | None
    required_level: int | None
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class PersonQualifications:
    """What someone's function requires and where they stand with it, and the skills
    they showed."""

    function: str  # "" without a function
    needs: tuple[tuple[str, Cell], ...]  # (certificate or skill name, cell), by need
    skills: tuple[PersonSkillRow, ...]


def person_qualifications(
    database: SessionFactory, person_id: int, today: dt.date, months: int
) -> PersonQualifications:
    with database() as db:
        person = db.get(Person, person_id)
        if person is None:
            raise UserError(_("This person no longer exists."))
        function = db.get(JobFunction, person.function_id) if person.function_id else None
        certificates, levels = (
            _requirements(db, [function.id]).get(function.id, ((), {})) if function else ((), {})
        )
        evidence = skill_evidence(db, [person_id])
        histories = followed_by(db, [person_id])
        types = {t.id: t for t in db.scalars(select(CertificateType))}
        skills = dict(db.execute(select(Skill.id, Skill.name)).all())
    needs: list[tuple[str, Cell]] = []
    for type_id in sorted(certificates, key=lambda t: types[t].name.lower()):
        status = standing(
            rule_of(types[type_id]), histories.get((person_id, type_id), []), today, months
        )
        needs.append((types[type_id].name, certificate_cell(status, True)))
    for skill_id in sorted(levels, key=lambda s: skills[s].lower()):
        shown = level_of(evidence.get((person_id, skill_id), []), today)
        needs.append((skills[skill_id], skill_cell(shown, levels[skill_id])))
    rows = [
        PersonSkillRow(
            skill_id,
            skills[skill_id],
            level_of(shown, today),
            levels.get(skill_id),
            tuple(shown),
        )
        for (_person, skill_id), shown in evidence.items()
    ]
    rows.sort(key=lambda r: r.name.casefold())
    return PersonQualifications(function.name if function else "", tuple(needs), tuple(rows))


# --- who holds what ----------------------------------------------------------------------


@dataclass(frozen=True)
class MatrixColumn:
    """A certificate type (with its rule) or a skill (``rule`` None)."""

    id: int
    name: str
    rule: CertificateRule | None
    description: str = ""

    @property
    def is_skill(self) -> bool:
        return self.rule is None


@dataclass(frozen=True)
class MatrixRow:
    person_id: int
    name: str  # as lists write it: "Berg-IJzerman, Zoë van den"
    job_title: str
    has_function: bool
    cells: tuple[Cell, ...]  # one per column of the matrix

    @property
    def needs_work(self) -> int:
        return sum(cell.needs_work for cell in self.cells)


@dataclass(frozen=True)
class QualificationMatrix:
    """People in service (of a team, of a function, or everyone) against the
    certificate types and skills that any of them holds or their function requires:
    where each stands with each on ``today``."""

    today: dt.date
    months: int  # the warning window
    columns: tuple[MatrixColumn, ...]
    rows: tuple[MatrixRow, ...]
    team_of: str = ""  # the manager whose team it is; "" for everyone
    function: str = ""  # the function whose holders it shows; "" for every function

    @property
    def certificates(self) -> tuple[MatrixColumn, ...]:
        return tuple(c for c in self.columns if not c.is_skill)


def qualification_matrix(
    database: SessionFactory,
    today: dt.date,
    months: int,
    manager_id: int | None = None,
    function_id: int | None = None,
) -> QualificationMatrix:
    """Who holds what on ``today``: a row for each person in service (in
    ``manager_id``'s team: those who report to them directly; holding ``function_id``),
    a column for each certificate type and each skill anyone of them holds or needs:
    certificates first, each kind by name."""
    ensure_certificate_types(database)
    in_service = (Person.in_service <= today) & (
        Person.out_of_service.is_(None) | (Person.out_of_service >= today)
    )
    with database() as db:
        people_query = select(
            Person.id, Person.first_name, Person.last_name, Person.job_title, Person.function_id
        ).where(in_service)
        if manager_id is not None:
            people_query = people_query.where(Person.manager_id == manager_id)
        if function_id is not None:
            people_query = people_query.where(Person.function_id == function_id)
        people = db.execute(people_query).all()
        ids = [p.id for p in people]
        histories = followed_by(db, ids)
        evidence = skill_evidence(db, ids)
        needs = _requirements(db, {p.function_id for p in people if p.function_id is not None})
        types = {t.id: t for t in db.scalars(select(CertificateType))}
        skills = {s.id: s for s in db.scalars(select(Skill))}
        manager = db.get(Person, manager_id) if manager_id is not None else None
        function = db.get(JobFunction, function_id) if function_id is not None else None
    used_types = {t for _p, t in histories} | {t for c, _s in needs.values() for t in c}
    used_skills = {s for _p, s in evidence} | {s for _c, levels in needs.values() for s in levels}
    columns = tuple(
        [MatrixColumn(t, types[t].name, rule_of(types[t]), types[t].description)
         for t in sorted(used_types, key=lambda t: types[t].name.lower())]
        + [MatrixColumn(s, skills[s].name, None, skills[s].description)
           for s in sorted(used_skills, key=lambda s: skills[s].name.lower())]
    )  # fmt: skip
    rows = []
    for p in people:
        required, levels = needs.get(p.function_id, ((), {})) if p.function_id else ((), {})
        cells = []
        for column in columns:
            if column.rule is not None:
                history = histories.get((p.id, column.id), [])
                status = standing(column.rule, history, today, months)
                cells.append(certificate_cell(status, column.id in required))
            else:
                shown = level_of(evidence.get((p.id, column.id), []), today)
                cells.append(skill_cell(shown, levels.get(column.id)))
        rows.append(
            MatrixRow(
                p.id,
                list_name(p.first_name, p.last_name),
                p.job_title,
                p.function_id is not None,
                tuple(cells),
            )
        )
    order = {p.id: sort_key(p.first_name, p.last_name) for p in people}
    rows.sort(key=lambda r: order[r.person_id])
    return QualificationMatrix(
        today,
        months,
        columns,
        tuple(rows),
        manager.full_name if manager is not None else "",
        function.name if function is not None else "",
    )

"""Wie weet wat: who was consulted about what, and which colleagues and experts are
on call for which learning group, as one list to search. The article's professionals
"consult experienced colleagues on call"; the list finds them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import (
    GroupStatus,
    LearningGroup,
    LearningSituation,
    Person,
    SituationConsultation,
)
from werkleren_desktop.domain.people import folded, full_name

TOPICS_SHOWN = 5  # the latest situations a person was consulted about


@dataclass(frozen=True)
class KnowHow:
    """Someone to ask: a colleague (``person_id``) or an outside expert (None)."""

    person_id: int | None
    name: str
    on_call_for: tuple[str, ...]  # the active groups they are on call for
    consulted: int  # how often they were consulted
    topics: tuple[str, ...]  # the latest situations they were consulted about
    last_consulted: dt.date | None

    def matches(self, words: list[str]) -> bool:
        """Every word in the name, a group or a topic (without accents or case)."""
        haystack = folded(" ".join((self.name, *self.on_call_for, *self.topics)))
        return all(word in haystack for word in words)


@dataclass
class _Found:
    person_id: int | None
    name: str
    groups: list[str] = field(default_factory=list)
    consulted: int = 0
    topics: list[str] = field(default_factory=list)
    last: dt.date | None = None


def who_knows_what(database: SessionFactory, today: dt.date) -> list[KnowHow]:
    """Everyone consulted about a situation or on call for an active group, the most
    consulted first."""
    with database() as db:
        consulted = db.execute(
            select(
                SituationConsultation.person_id,
                Person.first_name,
                Person.last_name,
                SituationConsultation.outside_name,
                LearningSituation.title,
                LearningSituation.occurred_on,
            )
            .join(LearningSituation, LearningSituation.id == SituationConsultation.situation_id)
            .outerjoin(Person, Person.id == SituationConsultation.person_id)
            .order_by(LearningSituation.occurred_on.desc(), LearningSituation.id.desc())
        ).all()
        on_call = db.execute(
            select(
                LearningGroup.name,
                LearningGroup.expert_id,
                Person.first_name,
                Person.last_name,
                LearningGroup.expert_name,
            )
            .outerjoin(Person, Person.id == LearningGroup.expert_id)
            .where(
                LearningGroup.status == GroupStatus.ACTIVE,
                (LearningGroup.ends.is_(None)) | (LearningGroup.ends >= today),
                (LearningGroup.expert_id.is_not(None)) | (LearningGroup.expert_name != ""),
            )
        ).all()
    found: dict[str, _Found] = {}

    def entry(person_id: int | None, name: str) -> _Found:
        key = f"p{person_id}" if person_id is not None else f"o{folded(name)}"
        return found.setdefault(key, _Found(person_id, " ".join(name.split())))

    for person_id, first, last, outside, title, day in consulted:
        if person_id is None and not outside.strip():
            continue
        item = entry(person_id, full_name(first, last) if person_id is not None else outside)
        if item.name.islower() and not outside.islower() and person_id is None:
            item.name = " ".join(outside.split())  # a name as a name is written
        item.consulted += 1
        if len(item.topics) < TOPICS_SHOWN and title not in item.topics:
            item.topics.append(title)
        item.last = item.last or day  # the newest comes first
    for group_name, expert_id, first, last, expert_name in on_call:
        item = entry(expert_id, full_name(first, last) if expert_id is not None else expert_name)
        item.groups.append(group_name)
    rows = [
        KnowHow(
            person_id=item.person_id,
            name=item.name,
            on_call_for=tuple(sorted(item.groups, key=str.casefold)),
            consulted=item.consulted,
            topics=tuple(item.topics),
            last_consulted=item.last,
        )
        for item in found.values()
    ]
    rows.sort(key=lambda r: (-r.consulted, -len(r.on_call_for), folded(r.name)))
    return rows

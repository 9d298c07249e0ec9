import datetime as dt

import pytest

from tests.conftest import TODAY
from werkleren_desktop.db.models import SituationKind, SituationStatus
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.domain.situations import Answer, QuestionRow, SituationInput
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.services.data_store import DataStore
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import save_person
from werkleren_desktop.services.situations import (
    SituationFilter,
    get_situation,
    list_questions,
    list_situations,
    roles_of_people,
    save_questions,
    save_situation,
)

D = dt.date


@pytest.fixture
def people(store: DataStore) -> list[int]:
    create_organisation(store.sessions, OrganisationSettings(name="Van Dijk"))
    return [
        save_person(store.sessions, PersonInput(first, last, D(2020, 1, 1), job_title=job), TODAY)
        for first, last, job in (
            ("Łukasz", "Wójcik", "Monteur"),
            ("Sanne", "Jansen", "Monteur"),
            ("Kees", "Visser", "Planner"),
        )
    ]


def test_editing_a_question_leaves_earlier_answers_unchanged(store: DataStore, people) -> None:
    questions = list_questions(store.sessions)
    assert len(questions) == 10
    first = questions[0]
    sid = save_situation(
        store.sessions,
        SituationInput(
            TODAY,
            "Storing",
            SituationKind.ANALYSE,
            (people[0],),
            answers=(Answer(first.id, first.text, "De ketel sloeg af."),),
        ),
        TODAY,
    )

    save_questions(
        store.sessions, [QuestionRow(first.id, "Wat is er precies gebeurd?"), *questions[1:]]
    )
    assert list_questions(store.sessions)[0].text == "Wat is er precies gebeurd?"
    answer = get_situation(store.sessions, sid).answers[0]
    assert answer.question_text == first.text and answer.answer == "De ketel sloeg af."


def test_reorder_add_and_retire_questions(store: DataStore, people) -> None:
    questions = list_questions(store.sessions)
    new_order = [
        questions[1],
        QuestionRow(None, "Wie heb je geraadpleegd?"),
        QuestionRow(questions[0].id, questions[0].text, retired=True),
        *questions[2:],
    ]
    save_questions(store.sessions, new_order)
    active = list_questions(store.sessions)
    assert [q.text for q in active[:2]] == [questions[1].text, "Wie heb je geraadpleegd?"]
    assert questions[0].id not in [q.id for q in active]
    assert len(list_questions(store.sessions, include_retired=True)) == 11
    with pytest.raises(ValidationError, match="niet leeg"):
        save_questions(store.sessions, [QuestionRow(None, " ")])


def test_save_find_and_filter(store: DataStore, people) -> None:
    a = save_situation(
        store.sessions,
        SituationInput(
            D(2026, 10, 1),
            "Warmtepomp maakt lawaai",
            SituationKind.IMPROVE,
            (people[0], people[1]),
            description="Klant klaagt over geluid",
            outcome="Trillingsdempers geplaatst",
            ai_used=True,
            ai_tool="ChatGPT",
            minutes=45,
            consulted_ids=(people[2],),
            consulted_outside=("Leverancier Daikin",),
            status=SituationStatus.DONE,
        ),
        TODAY,
    )
    save_situation(
        store.sessions,
        SituationInput(D(2026, 11, 1), "Planning loopt uit", SituationKind.ANALYSE, (people[2],)),
        TODAY,
    )
    assert [r.title for r in list_situations(store.sessions, SituationFilter())] == [
        "Planning loopt uit",
        "Warmtepomp maakt lawaai",
    ]
    assert [r.id for r in list_situations(store.sessions, SituationFilter(search="dempers"))] == [a]
    assert [
        r.id
        for r in list_situations(
            store.sessions,
            SituationFilter(person_id=people[1], ai_used=True, kind=SituationKind.IMPROVE),
        )
    ] == [a]
    assert (
        list_situations(
            store.sessions, SituationFilter(first_day=D(2026, 10, 15), status=SituationStatus.DONE)
        )
        == []
    )
    stored = get_situation(store.sessions, a)
    assert stored.consulted_outside == ("Leverancier Daikin",) and stored.minutes == 45
    assert list_situations(store.sessions, SituationFilter())[1].people == (
        "Łukasz Wójcik, Sanne Jansen"
    )


def test_roles_say_what_people_do_not_who_they_are(store: DataStore, people) -> None:
    assert roles_of_people(store.sessions) == {
        "Łukasz Wójcik": "Monteur A",
        "Sanne Jansen": "Monteur B",
        "Kees Visser": "Planner A",
    }


def test_a_situation_during_a_cycle_belongs_to_it(store: DataStore, people) -> None:
    from werkleren_desktop.domain.cycles import SessionTimes, cycle_days
    from werkleren_desktop.domain.groups import GroupInput
    from werkleren_desktop.services.cycles import CycleDraft, plan_cycle
    from werkleren_desktop.services.groups import save_group

    group = save_group(store.sessions, GroupInput("Warmtepompen", D(2026, 1, 1)))
    cycle = plan_cycle(
        store.sessions,
        CycleDraft(group, cycle_days(D(2026, 11, 2)), SessionTimes(), ("a", "b", "c", "d")),
    )
    during = save_situation(
        store.sessions,
        SituationInput(
            D(2026, 11, 4), "Tijdens de cyclus", SituationKind.ANALYSE, (people[0],), group_id=group
        ),
        TODAY,
    )
    after = save_situation(
        store.sessions,
        SituationInput(D(2026, 11, 9), "Erna", SituationKind.ANALYSE, (people[0],), group_id=group),
        TODAY,
    )
    assert get_situation(store.sessions, during).cycle_id == cycle
    assert get_situation(store.sessions, after).cycle_id is None


def test_the_search_index_follows_every_change(store: DataStore, people) -> None:
    from dataclasses import replace

    from sqlalchemy import delete

    from werkleren_desktop.db.models import LearningSituation

    data = SituationInput(D(2026, 10, 1), "Warmtepomp bromt", SituationKind.ANALYSE, (people[0],))
    sid = save_situation(store.sessions, data, TODAY)

    def found(words: str) -> list[int]:
        return [r.id for r in list_situations(store.sessions, SituationFilter(search=words))]

    assert found("armtep") == [sid] and found("BROMT") == [sid]  # any part, any case
    assert found("pomp br") == [sid]  # short words still match
    save_situation(store.sessions, replace(data, title="Ketel tikt"), TODAY, sid)
    assert found("bromt") == [] and found("tikt") == [sid]
    with store.sessions.begin() as session:
        session.execute(delete(LearningSituation).where(LearningSituation.id == sid))
    assert found("ketel") == []
    assert found('"aan') == []  # quotes cannot break the query


def test_short_searches_ignore_case_and_count_up_to_the_cap(
    store: DataStore, people, monkeypatch: pytest.MonkeyPatch
) -> None:
    from werkleren_desktop.services import situations

    for n in range(4):
        title = f"Klant {n} belde" if n < 3 else "Ketel"
        data = SituationInput(D(2026, 10, 1 + n), title, SituationKind.ANALYSE, (people[0],))
        save_situation(store.sessions, data, TODAY)
    assert situations.count_situations(store.sessions, SituationFilter(search="KL")) == 3
    assert situations.count_situations(store.sessions, SituationFilter(search="kl")) == 3
    monkeypatch.setattr(situations, "COUNT_CAP", 2)
    # one or two letters: counting stops above the cap (the list says "more than 2")
    assert situations.count_situations(store.sessions, SituationFilter(search="k")) == 3
    assert situations.count_situations(store.sessions, SituationFilter()) == 4  # exact
    assert situations.count_situations(store.sessions, SituationFilter(search="klant")) == 3

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import undefer_group

from tests.conftest import TODAY
from werkleren_desktop.db.models import Person
from werkleren_desktop.errors import UserError
from werkleren_desktop.services.demo import DemoSize, generate_demo
from werkleren_desktop.services.home import home_summary
from werkleren_desktop.services.organisation import load_settings
from werkleren_desktop.storage.data_store import DataStore


def people(store: DataStore) -> list[Person]:
    with store.sessions() as session:
        return list(session.scalars(select(Person).options(undefer_group("personal"))))


def active_on(persons: list[Person], day: dt.date) -> list[Person]:
    return [
        p
        for p in persons
        if p.in_service <= day and (p.out_of_service is None or p.out_of_service >= day)
    ]


def test_small_demo_is_a_plausible_organisation(store: DataStore) -> None:
    settings = generate_demo(store.sessions, DemoSize.SMALL, today=TODAY)
    assert load_settings(store.sessions) == settings.validated()
    persons = people(store)
    active = active_on(persons, TODAY)
    assert 22 <= len(active) <= 26
    names = {p.full_name for p in persons}
    assert {
        "Zoë van den Berg-IJzerman",
        "Łukasz Wójcik",
        "Şükrü Yılmaz",
        "IJsbrand de Vries",
    } <= names
    # two years of history: people left and others joined in that time
    assert any(p.out_of_service and p.out_of_service.year == TODAY.year - 1 for p in persons)
    assert any(p.in_service.year == TODAY.year for p in persons)
    emails = [p.email for p in persons if p.email]
    assert len(emails) == len(set(emails))
    assert all(e.isascii() for e in emails)
    assert "zoe.vandenbergijzerman@vandijk-installatie.nl" in emails


def test_demo_managers_form_a_tree(store: DataStore) -> None:
    generate_demo(store.sessions, DemoSize.SMALL, today=TODAY)
    persons = {p.id: p for p in people(store)}
    roots = [p for p in persons.values() if p.manager_id is None]
    assert len(roots) == 1  # the owner
    for person in persons.values():
        seen = set()
        current = person
        while current.manager_id is not None:
            assert current.id not in seen, "a manager chain loops"
            seen.add(current.id)
            current = persons[current.manager_id]
        assert person.out_of_service is None or person.out_of_service >= person.in_service


def test_large_demo_has_250_people_and_ten_years(store: DataStore) -> None:
    generate_demo(store.sessions, DemoSize.LARGE, today=TODAY)
    persons = people(store)
    assert len(active_on(persons, TODAY - dt.timedelta(days=1))) >= 240
    assert min(p.out_of_service for p in persons if p.out_of_service).year == TODAY.year - 10
    summary = home_summary(store.sessions, TODAY)
    assert summary is not None and summary.organisation_name == "Zorggroep De Linde"


def test_demo_is_the_same_every_time(tmp_path) -> None:
    from werkleren_desktop.paths import DataPaths
    from werkleren_desktop.storage.data_store import open_data_folder

    def run(folder: str) -> list[tuple[str, dt.date]]:
        store = open_data_folder(DataPaths(tmp_path / folder))
        try:
            generate_demo(store.sessions, DemoSize.SMALL, today=TODAY)
            return sorted((p.full_name, p.in_service) for p in people(store))
        finally:
            store.close()

    assert run("a") == run("b")


def test_demo_refuses_a_folder_that_holds_data(store: DataStore) -> None:
    generate_demo(store.sessions, DemoSize.SMALL, today=TODAY)
    before = len(people(store))
    with pytest.raises(UserError, match="bevat al gegevens"):
        generate_demo(store.sessions, DemoSize.LARGE, today=TODAY)
    assert len(people(store)) == before


def test_home_summary_counts(store: DataStore) -> None:
    generate_demo(store.sessions, DemoSize.SMALL, today=TODAY)
    persons = people(store)
    summary = home_summary(store.sessions, TODAY)
    assert summary is not None
    assert summary.active_people == len(active_on(persons, TODAY))
    assert summary.left_this_year == sum(
        1
        for p in persons
        if p.out_of_service and p.out_of_service.year == TODAY.year and p.out_of_service <= TODAY
    )
    assert [d.day for d in summary.upcoming_closed_days][:2] == [
        dt.date(2026, 12, 25),
        dt.date(2026, 12, 28),
    ]


def test_demo_has_groups_with_a_realistic_mix(store: DataStore) -> None:
    from werkleren_desktop.db.models import GroupStatus
    from werkleren_desktop.services.groups import group_detail, list_groups

    generate_demo(store.sessions, DemoSize.SMALL, today=TODAY)
    groups = list_groups(store.sessions, TODAY)
    assert len(groups) >= 4
    active = [g for g in groups if g.status is GroupStatus.ACTIVE]
    assert active and any(g.status is GroupStatus.CLOSED for g in groups)
    mixes = [group_detail(store.sessions, g.id, TODAY).mix for g in active]
    assert sum(1 for mix in mixes if mix.mixes and mix.size_advice is None) >= 2
    assert any(g.expert for g in groups)


def test_demo_has_situations_of_every_kind_across_years(store: DataStore) -> None:
    from werkleren_desktop.db.models import SituationKind
    from werkleren_desktop.services.situations import SituationFilter, list_situations

    generate_demo(store.sessions, DemoSize.SMALL, today=TODAY)
    rows = list_situations(store.sessions, SituationFilter())
    assert len(rows) == 600
    assert {r.kind for r in rows} == set(SituationKind)
    assert {r.occurred_on.year for r in rows} == {2024, 2025, 2026}
    assert all(r.people for r in rows) and any(r.ai_used for r in rows)
    assert all(r.occurred_on <= TODAY for r in rows)


@pytest.mark.parametrize("size", [DemoSize.SMALL])
def test_the_demo_keeps_the_rules_of_real_input(store: DataStore, size: DemoSize) -> None:
    """What the demo writes in bulk keeps what the services check for real input:
    conversations and training on the organisation's working days, one cycle of a
    group at a time and no session on a closed day, every situation with a learner, and
    a situation during one of its group's cycles linked to it (the demo links many)."""
    from sqlalchemy import text

    settings = generate_demo(store.sessions, size, today=TODAY)
    calendar = settings.validated().work_calendar()
    with store.engine.connect() as sql:

        def days(query: str) -> list[dt.date]:
            return [
                value.date()
                if isinstance(value, dt.datetime)
                else value
                if isinstance(value, dt.date)
                else dt.date.fromisoformat(str(value)[:10])
                for (value,) in sql.execute(text(query))
                if value is not None
            ]

        for query in (
            "SELECT held_on FROM talent_conversation",
            "SELECT planned_on FROM talent_conversation",
            "SELECT manager_signed_on FROM talent_conversation",
            "SELECT professional_signed_on FROM talent_conversation",
            "SELECT starts_on FROM training",
            "SELECT starts_at FROM cycle_session",
        ):
            closed = [d for d in days(query) if not calendar.is_working_day(d)]
            assert closed == [], query
        assert (
            sql.execute(
                text(
                    "SELECT count(*) FROM (SELECT w.group_id, date(s.starts_at)"
                    " FROM cycle_session s JOIN week_cycle w ON w.id = s.cycle_id"
                    " GROUP BY 1, 2 HAVING count(*) > 1) AS doubled"
                )
            ).scalar_one()
            == 0
        )
        assert (
            sql.execute(
                text(
                    "SELECT count(*) FROM learning_situation s WHERE NOT EXISTS"
                    " (SELECT 1 FROM situation_person p WHERE p.situation_id = s.id)"
                )
            ).scalar_one()
            == 0
        )
        # the rule, written here in SQL: the cycle of the situation's group whose first and
        # last session enclose its day (cancelled cycles not), or none
        wrong = sql.execute(
            text(
                "SELECT count(*) FROM learning_situation s WHERE s.cycle_id IS DISTINCT FROM"
                " (SELECT w.id FROM week_cycle w JOIN cycle_session c ON c.cycle_id = w.id"
                "  WHERE w.group_id = s.group_id AND NOT w.cancelled GROUP BY w.id"
                "  HAVING date(min(c.starts_at)) <= s.occurred_on"
                "  AND s.occurred_on <= date(max(c.starts_at)))"
            )
        ).scalar_one()
        linked = sql.execute(
            text("SELECT count(*) FROM learning_situation WHERE cycle_id IS NOT NULL")
        ).scalar_one()
        members = sql.execute(
            text(
                "SELECT count(*) FROM learning_situation s JOIN situation_person p"
                " ON p.situation_id = s.id WHERE s.cycle_id IS NOT NULL AND NOT EXISTS"
                " (SELECT 1 FROM group_membership m WHERE m.group_id = s.group_id"
                "  AND m.person_id = p.person_id)"
            )
        ).scalar_one()
    assert wrong == 0
    assert linked >= 50  # worked on in the cycles, as the article would have it
    assert members < linked  # mostly by the group's own members


def test_the_demo_s_cycles_are_workbooks(store: DataStore) -> None:
    """Cycles with a question, a method per day, notes of the sessions held, what came
    of the ones that are over, and situations from the log: taken up and logged during."""
    from sqlalchemy import text

    from werkleren_desktop.services.workbook import cycle_workbook, list_methods

    generate_demo(store.sessions, DemoSize.SMALL, today=TODAY)
    assert len(list_methods(store.sessions)) == 8  # the library, once
    with store.engine.connect() as sql:
        cycles, asked, finished, with_outcome = sql.execute(
            text(
                "SELECT count(*), count(*) FILTER (WHERE question <> ''),"
                " count(*) FILTER (WHERE last < :today),"
                " count(*) FILTER (WHERE last < :today AND outcome <> '' AND next_step <> '')"
                " FROM (SELECT c.id, c.question, c.outcome, c.next_step,"
                " max(date(s.starts_at)) AS last FROM week_cycle c"
                " JOIN cycle_session s ON s.cycle_id = c.id"
                " WHERE NOT c.cancelled GROUP BY c.id) x"
            ),
            {"today": TODAY.isoformat()},
        ).one()
        sessions, with_method, held, with_notes = sql.execute(
            text(
                "SELECT count(*), count(s.method_id),"
                " count(*) FILTER (WHERE date(s.starts_at) < :today AND NOT s.cancelled),"
                " count(*) FILTER (WHERE s.notes <> '')"
                " FROM cycle_session s JOIN week_cycle c ON c.id = s.cycle_id"
                " WHERE NOT c.cancelled"
            ),
            {"today": TODAY.isoformat()},
        ).one()
        taken_up = sql.execute(text("SELECT count(DISTINCT cycle_id) FROM cycle_situation")).one()
        logged_during = sql.execute(
            text("SELECT count(*) FROM learning_situation WHERE cycle_id IS NOT NULL")
        ).scalar_one()
        example = sql.execute(
            text("SELECT cycle_id FROM cycle_situation ORDER BY cycle_id LIMIT 1")
        ).scalar_one()
    assert cycles > 20 and asked == cycles
    assert finished > 10 and with_outcome == finished
    assert with_method == sessions and with_notes == held
    assert taken_up[0] > cycles / 2 and logged_during > 20
    book = cycle_workbook(store.sessions, example)
    assert book.taken_up and book.taken_up[0].title in book.question


def test_the_demo_holds_work_agreements_made_from_what_the_work_taught(store: DataStore) -> None:
    """From situations of learning groups, from week cycles' results and from a meeting;
    each with someone to ask, and one withdrawn since."""
    from sqlalchemy import text

    from werkleren_desktop.services.work_agreements import list_work_agreements

    generate_demo(store.sessions, DemoSize.SMALL, today=TODAY)
    with store.engine.connect() as sql:
        from_situations, from_cycles, from_elsewhere, withdrawn, asked = sql.execute(
            text(
                "SELECT count(situation_id), count(cycle_id),"
                " count(*) FILTER (WHERE origin <> ''), count(withdrawn_on), count(contact_id)"
                " FROM work_agreement"
            )
        ).one()
        learned = sql.execute(
            text(
                "SELECT count(*) FROM work_agreement w JOIN situation_person p"
                " ON p.situation_id = w.situation_id AND p.person_id = w.contact_id"
            )
        ).scalar_one()
    assert from_situations >= 5 and from_cycles == 2 and from_elsewhere == 1 and withdrawn == 1
    assert asked == from_situations + from_cycles + from_elsewhere  # each has someone to ask
    assert learned == from_situations  # the one to ask learned from the situation
    rows = list_work_agreements(store.sessions, TODAY)
    assert all(r.source.description and not r.source.description.startswith("Niet") for r in rows)


@pytest.mark.sqlite_file  # the search index of the SQLite file (a server has its own)
def test_the_demo_s_search_index_is_built_whole(store: DataStore) -> None:
    """The demo builds the situations' search index once after its bulk insert (on
    SQLite): it finds what the texts hold, and its triggers are back for what follows."""
    from sqlalchemy import text

    generate_demo(store.sessions, DemoSize.SMALL, today=TODAY)
    with store.engine.connect() as sql:
        for word in ("lekkage", "klant", "storing"):
            found = sql.execute(
                text("SELECT count(*) FROM situation_search WHERE situation_search MATCH :w"),
                {"w": word},
            ).scalar()
            written = sql.execute(
                text("SELECT count(*) FROM learning_situation WHERE search_text LIKE :w"),
                {"w": f"%{word}%"},
            ).scalar()
            assert found == written and written
        sql.execute(
            text("INSERT INTO situation_search(situation_search) VALUES ('integrity-check')")
        )
        triggers = (
            sql.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"))
            .scalars()
            .all()
        )
    assert {"situation_search_delete", "situation_search_insert",
            "situation_search_update"} <= set(triggers)  # fmt: skip

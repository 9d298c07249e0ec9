"""The roles' limits, read from the table in docs/roles.md and checked cell by cell with
real logins of each role, with SQL sent straight to the server (as ``psql`` would):
every row a login reads, changes or removes must be exactly the rows its cell names.
Which person a row belongs to is worked out here in SQL of the test's own, not by the
policies under test."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import errors
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from werkleren_desktop.db.engine import make_engine
from werkleren_desktop.domain.constants import UserRole
from werkleren_desktop.storage.server_admin import init_server
from werkleren_desktop.storage.server_users import add_user

DOC = Path(__file__).parents[2] / "docs" / "roles.md"
ROLE_COLUMNS = ("beheerder", "leidinggevende", "professional")


@dataclass(frozen=True)
class Cell:
    read: str  # all, team, reports, own, none
    writes: tuple[tuple[str, tuple[str, ...]], ...]  # (scope, only these columns or all)


def access_table() -> dict[str, dict[str, Cell]]:
    table: dict[str, dict[str, Cell]] = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        found = re.match(r"\| `(\w+)` \|[^|]*\|(.*)\|\s*$", line)
        if not found:
            continue
        cells = [c.strip() for c in found.group(2).split("|")]
        assert len(cells) == len(ROLE_COLUMNS), line
        table[found.group(1)] = {
            role: parse_cell(cell) for role, cell in zip(ROLE_COLUMNS, cells, strict=True)
        }
    return table


def parse_cell(cell: str) -> Cell:
    if cell == "none":
        return Cell("none", ())
    read, writes = "none", []
    for part in cell.split(" · "):
        found = re.fullmatch(r"(read|write) (all|team|reports|own)(?: \(([\w, ]+)\))?", part)
        assert found, f"not understood in docs/roles.md: {part!r}"
        if found.group(1) == "read":
            read = found.group(2)
        else:
            columns = tuple(c.strip() for c in (found.group(3) or "").split(",") if c.strip())
            writes.append((found.group(2), columns))
    return Cell(read, tuple(writes))


# --- the organisation of the test --------------------------------------------------
# Bea (beheerder) leads Mark (leidinggevende) and Olga; Mark leads Rita (professional)
# and Tom; Tom leads Ruud: Ruud is in Mark's team through Tom.
BEA, MARK, RITA, TOM, RUUD, OLGA = 1, 2, 3, 4, 5, 6
MANAGERS = {MARK: BEA, OLGA: BEA, RITA: MARK, TOM: MARK, RUUD: TOM}
SIGNED_IN = {"beheerder": BEA, "leidinggevende": MARK, "professional": RITA}
EVERYONE = (BEA, MARK, RITA, TOM, RUUD, OLGA)


def team(person: int) -> set[int]:
    members, grew = {person}, True
    while grew:
        more = {p for p, m in MANAGERS.items() if m in members}
        grew = not more <= members
        members |= more
    return members


def scope_people(scope: str, role: str) -> set[int] | None:
    """The people whose rows a scope covers; None: every row."""
    me = SIGNED_IN[role]
    return {
        "all": None,
        "none": set(),
        "own": {me},
        "team": team(me) if role == "leidinggevende" else {me},
        "reports": (team(me) - {me}) if role == "leidinggevende" else set(),
    }[scope]


KEY = {  # others: id
    "calendar_reminder": "uid",
    "training_attendance": "training_id || '/' || day",
    "onboarding_plan": "person_id",
    "apprenticeship": "person_id",
    "fund_claim_training": "claim_id || '/' || training_id",
    "situation_person": "situation_id || '/' || person_id",
    "cycle_situation": "cycle_id || '/' || situation_id",
}
SITUATION_PEOPLE = (
    "SELECT situation_id AS s, person_id AS p FROM situation_person"
    " UNION SELECT id, brought_in_by FROM learning_situation WHERE brought_in_by IS NOT NULL"
)
CONVERSATION = "SELECT c.id AS k, t.person_id AS p FROM {table} c JOIN talent_conversation t ON t.id = c.conversation_id"  # noqa: E501
# which person each row belongs to (tables not named: nobody's; they are all or none)
BELONGS = {
    "app_user": "SELECT id, person_id FROM app_user",
    "person_private": "SELECT id, id FROM person",
    "attendance": "SELECT id, person_id FROM attendance",
    "learning_situation": f"SELECT s, p FROM ({SITUATION_PEOPLE}) x",
    "situation_person": f"SELECT r.situation_id || '/' || r.person_id, x.p FROM situation_person r JOIN ({SITUATION_PEOPLE}) x ON x.s = r.situation_id",  # noqa: E501
    "cycle_situation": f"SELECT r.cycle_id || '/' || r.situation_id, x.p FROM cycle_situation r JOIN ({SITUATION_PEOPLE}) x ON x.s = r.situation_id",  # noqa: E501
    "situation_consultation": f"SELECT r.id, x.p FROM situation_consultation r JOIN ({SITUATION_PEOPLE}) x ON x.s = r.situation_id",  # noqa: E501
    "situation_answer": f"SELECT r.id, x.p FROM situation_answer r JOIN ({SITUATION_PEOPLE}) x ON x.s = r.situation_id",  # noqa: E501
    "talent_conversation": "SELECT id, person_id FROM talent_conversation",
    "conversation_section": CONVERSATION.format(table="conversation_section"),
    "agreement": CONVERSATION.format(table="agreement"),
    "conversation_correction": CONVERSATION.format(table="conversation_correction"),
    "own_preparation": CONVERSATION.format(table="own_preparation"),
    "training": "SELECT id, person_id FROM training",
    "person_skill": "SELECT id, person_id FROM person_skill",
    "training_attendance": (
        "SELECT a.training_id || '/' || a.day, t.person_id FROM training_attendance a"
        " JOIN training t ON t.id = a.training_id"
    ),
    "onboarding_plan": "SELECT person_id, person_id FROM onboarding_plan",
    "exit_conversation": "SELECT id, person_id FROM exit_conversation",
    "onboarding_step": "SELECT id, person_id FROM onboarding_step",
    "apprenticeship": "SELECT person_id, person_id FROM apprenticeship",
    "guidance_entry": "SELECT id, person_id FROM guidance_entry",
    "learning_request": "SELECT id, person_id FROM learning_request",
    "training_budget": "SELECT id, person_id FROM training_budget",
}


def fill(sql: psycopg.Connection) -> None:
    """Rows of every table for every person, written plainly."""
    sql.execute(
        "INSERT INTO organisation (name, working_days, closed_holidays, liberation_day,"
        " default_training_budget_cents, language) VALUES"
        " ('De Linde', '[1,2,3,4,5]', '[]', 'lustrum', 50000, 'nl')"
    )
    sql.execute("INSERT INTO closing_period (first_day, last_day, description)"
                " VALUES ('2026-12-24', '2026-12-31', 'Kerst')")  # fmt: skip
    sql.execute("INSERT INTO guiding_question (position, text, retired) VALUES (1, 'Wat?', false)")
    for person in EVERYONE:
        sql.execute(
            "INSERT INTO person (id, first_name, last_name, sort_key, job_title, manager_id,"
            " in_service, notes, email, birth_year) VALUES"
            " (%s, %s, 'Test', '', 'Verzorgende', NULL, '2020-01-01', 'vertrouwelijk',"
            " %s, 1980)",
            (person, f"P{person}", f"p{person}@example.nl"),
        )
    for person, manager in MANAGERS.items():
        sql.execute("UPDATE person SET manager_id = %s WHERE id = %s", (manager, person))
    sql.execute(
        "INSERT INTO learning_group (id, name, theme, expert_name, expert_contact, starts,"
        " status) VALUES (1, 'Jong en oud', '', '', '', '2026-01-01', 'active')"
    )
    sql.execute("INSERT INTO week_cycle (id, group_id, cancelled) VALUES (1, 1, false)")
    sql.execute(
        "INSERT INTO working_method (id, position, name, description, uses_ai, with_others,"
        " vitality, retired) VALUES (1, 1, 'Casus', '', true, false, 'Wandelen', false)"
    )
    sql.execute(
        "INSERT INTO cycle_session (id, cycle_id, day_number, starts_at, duration_minutes,"
        " location, theme, cancelled, uid, sequence, method_id)"
        " VALUES (1, 1, 1, '2026-03-02 09:00', 60, '', '', false, 'u1', 0, 1)"
    )
    sql.execute(
        "INSERT INTO scan (id, held_on, title, note) VALUES (1, '2026-01-10', 'Scan', '');"
        " INSERT INTO scan_response (id, scan_id, number) VALUES (1, 1, 1);"
        " INSERT INTO scan_answer (response_id, item, score, not_applicable, remark)"
        " VALUES (1, '1', 3, false, '')"
    )
    # (no training names it: a type in use cannot be deleted, and the test deletes)
    sql.execute(
        "INSERT INTO certificate_type (id, name, description, valid_months, grace_months,"
        " refresher_renews, source, retired) VALUES (1, 'BHV', '', 12, 3, true, 'NIBHV', false)"
    )
    sql.execute(
        "INSERT INTO calendar_reminder (uid, sequence, exported_hash, starts_on, cancelled)"
        " VALUES ('certificate-1@werkleren-desktop', 0, 'abc', '2026-05-01', false)"
    )
    sql.execute(
        "INSERT INTO job_function (id, name, description, retired) VALUES (1, 'Monteur', '',"
        " false); INSERT INTO skill (id, name, description, retired) VALUES (1, 'Solderen', '',"
        " false); INSERT INTO function_requirement (function_id, certificate_type_id)"
        " VALUES (1, 1); INSERT INTO function_requirement (function_id, skill_id, level)"
        " VALUES (1, 1, 3)"
    )
    for n, person in enumerate(EVERYONE, start=1):
        sql.execute("INSERT INTO exit_conversation (person_id, held_on, reason)"
                    " VALUES (%s, '2026-06-01', 'verhuizing')", (person,))  # fmt: skip
        sql.execute("INSERT INTO onboarding_plan (person_id, buddy_id, starts_on)"
                    " VALUES (%s, NULL, '2026-01-05')", (person,))  # fmt: skip
        sql.execute("INSERT INTO onboarding_step (person_id, position, title, working_day,"
                    " due_on, owner) VALUES (%s, 1, 'Welkom', 1, '2026-01-05', 'buddy')",
                    (person,))  # fmt: skip
        sql.execute("INSERT INTO person_skill (person_id, skill_id, level, assessed_on, note)"
                    " VALUES (%s, 1, 2, '2026-03-01', 'gezien')", (person,))  # fmt: skip
        sql.execute("INSERT INTO group_membership (group_id, person_id, joined)"
                    " VALUES (1, %s, '2026-01-01')", (person,))  # fmt: skip
        sql.execute("INSERT INTO attendance (session_id, person_id, status, note)"
                    " VALUES (1, %s, 'present', 'moe')", (person,))  # fmt: skip
        situation(sql, n, learners=(person,), brought_in_by=None)
        sql.execute(
            "INSERT INTO talent_conversation (id, person_id, manager_id, planned_on, place)"
            " VALUES (%s, %s, %s, '2026-05-01', '')",
            (n, person, MANAGERS.get(person)),
        )
        sql.execute(
            "INSERT INTO conversation_section (conversation_id, key, preparation, notes)"
            " VALUES (%s, 'talents', 'voorbereiding', 'notities')",
            (n,),
        )
        sql.execute(
            "INSERT INTO own_preparation (conversation_id, key, text) VALUES (%s, 'talents',"
            " 'nog niet gedeeld')",
            (n,),
        )
        sql.execute(
            "INSERT INTO agreement (conversation_id, position, what, owner, status,"
            " review_note) VALUES (%s, 1, 'Cursus', 'both', 'open', '')",
            (n,),
        )
        sql.execute(
            "INSERT INTO conversation_correction (conversation_id, made_at, part, before,"
            " after, reason) VALUES (%s, now(), 'Talenten', 'a', 'b', 'tikfout')",
            (n,),
        )
        sql.execute(
            "INSERT INTO training (person_id, title, provider, form, starts_on, ends_on,"
            " minutes, cost_cents, required, in_working_time, status, certificate,"
            " study_cost_agreement, notes) VALUES (%s, 'BHV', '', 'course', '2026-02-01',"
            " '2026-02-01', 480, 25000, true, true, 'planned', '', false, '')",
            (person,),
        )
        sql.execute(
            "INSERT INTO training_budget (person_id, year, amount_cents) VALUES (%s, 2026, 60000)",
            (person,),
        )
        sql.execute(
            "INSERT INTO learning_request (person_id, addressed_to, kind, question, asked_on,"
            " status) VALUES (%s, %s, 'training', 'Een cursus', '2026-03-01', 'open')",
            (person, MANAGERS.get(person)),
        )
    sql.execute("INSERT INTO training_attendance (training_id, day, present)"
                " SELECT id, '2026-02-01', true FROM training")  # fmt: skip
    sql.execute(
        "INSERT INTO fund (id, name, description, kind, min_presence_percent, source)"
        " VALUES (1, 'OTIB', '', 'course', 80, 'otib.nl');"
        " INSERT INTO fund_claim (id, fund_id, reference, amount_cents, note)"
        " VALUES (1, 1, 'OTIB-1', 10000, '');"
        " INSERT INTO fund_claim_training (claim_id, training_id) SELECT 1, id FROM training"
    )
    for person in EVERYONE:
        sql.execute("INSERT INTO apprenticeship (person_id, trainer_id, school, programme,"
                    " starts_on) VALUES (%s, NULL, 'ROC', 'Monteur', '2026-08-01')",
                    (person,))  # fmt: skip
        sql.execute("INSERT INTO guidance_entry (person_id, held_on, kind, minutes, summary,"
                    " initials) VALUES (%s, '2026-09-01', 'guidance', 60, 'Leidingwerk', 'MV')",
                    (person,))  # fmt: skip
    # brought in by Rita, learned from by Olga (another team); and one of two teams
    situation(sql, 7, learners=(OLGA,), brought_in_by=RITA)
    situation(sql, 8, learners=(RUUD, OLGA), brought_in_by=OLGA)
    sql.execute("INSERT INTO cycle_situation (cycle_id, situation_id)"
                " SELECT 1, id FROM learning_situation")  # fmt: skip
    sql.execute(
        "INSERT INTO work_agreement (id, kind, title, text, contact_id, situation_id, cycle_id,"
        " origin, agreed_on) VALUES (1, 'agreement', 'Overdracht', 'Eerst de hoofdkraan',"
        " %s, 1, 1, '', '2026-04-02')",
        (RITA,),
    )
    numbered = ("person", "learning_group", "week_cycle", "cycle_session", "working_method",
                "learning_situation", "talent_conversation", "scan", "scan_response",
                "work_agreement", "certificate_type", "job_function", "skill",
                "exit_conversation", "fund", "fund_claim")  # fmt: skip
    for table in numbered:
        sql.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
        )


def situation(
    sql: psycopg.Connection, n: int, learners: tuple[int, ...], brought_in_by: int | None
) -> None:
    sql.execute(
        "INSERT INTO learning_situation (id, occurred_on, title, description, kind, tried,"
        " outcome, next_step, status, ai_used, ai_tool, ai_contribution, ai_checked,"
        " in_working_time, brought_in_by) VALUES (%s, '2026-04-01', 'Een klant', 'boos',"
        " 'analyse', '', '', '', 'open', false, '', '', '', true, %s)",
        (n, brought_in_by),
    )
    for person in learners:
        sql.execute("INSERT INTO situation_person (situation_id, person_id) VALUES (%s, %s)",
                    (n, person))  # fmt: skip
    sql.execute(
        "INSERT INTO situation_consultation (situation_id, person_id, outside_name)"
        " VALUES (%s, %s, '')",
        (n, BEA),
    )
    sql.execute(
        "INSERT INTO situation_answer (situation_id, question_id, question_text, answer,"
        " position) VALUES (%s, 1, 'Wat?', 'Dit', 1)",
        (n,),
    )


def organisation_with_logins(
    postgres_server: str, database: str, logins: dict[str, str]
) -> dict[str, str]:
    """A database holding the organisation above, and a login for each role named in
    ``logins`` (role: login), made as an administrator makes them
    (``storage.server_users``); the logins' URLs by role, and the administrator's."""
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as sql:
        sql.execute(text(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
        sql.execute(text(f"CREATE DATABASE {database}"))
        for login in logins.values():
            sql.execute(text(f"DROP ROLE IF EXISTS {login}"))
    admin.dispose()
    url = postgres_server.replace("/postgres?", f"/{database}?")
    engine = make_engine(url)
    init_server(engine)
    with psycopg.connect(**connect_args(url)) as sql:
        fill(sql)
    for role, login in logins.items():
        add_user(engine, login, UserRole(role), SIGNED_IN[role], "geheim")
    engine.dispose()
    return {**{role: as_login(url, login) for role, login in logins.items()}, "admin": url}


def drop_database(postgres_server: str, database: str) -> None:
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as sql:
        sql.execute(text(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
    admin.dispose()


@pytest.fixture(scope="module")
def server(postgres_server: str) -> Iterator[dict[str, str]]:
    """The organisation above with a login for each role; the logins' URLs by role."""
    yield organisation_with_logins(
        postgres_server,
        "roles",
        {"beheerder": "roles_bea", "leidinggevende": "roles_mark", "professional": "roles_rita"},
    )
    drop_database(postgres_server, "roles")


def as_login(url: str, login: str) -> str:
    return str(make_url(url).set(username=login).render_as_string(hide_password=False))


def connect_args(url: str) -> dict[str, Any]:
    parsed = make_url(url)
    return {"dbname": parsed.database, "user": parsed.username, **dict(parsed.query)}


def rows_of(url: str, table: str) -> dict[str, set[int]]:
    """Every row's key and the people it belongs to, read as the administrator."""
    with psycopg.connect(**connect_args(url)) as sql:
        if table in BELONGS:
            found: dict[str, set[int]] = {}
            for key, person in sql.execute(BELONGS[table]):
                found.setdefault(str(key), set()).add(person)
            return found
        key = KEY.get(table, "id")
        return {str(k): set() for (k,) in sql.execute(f"SELECT {key} FROM {table}")}


def expected(rows: dict[str, set[int]], scopes: list[str], role: str) -> set[str]:
    keys: set[str] = set()
    for scope in scopes:
        people = scope_people(scope, role)
        keys |= {k for k, owners in rows.items() if people is None or owners & people}
    return keys


CASES = [
    pytest.param(table, role, cell, id=f"{table}-{role}")
    for table, cells in access_table().items()
    for role, cell in cells.items()
]


def test_the_table_names_every_table_of_the_schema() -> None:
    from werkleren_desktop.db.models import Base

    assert set(access_table()) == {t.name for t in Base.metadata.tables.values()} | {
        "person_private"
    }


@pytest.mark.parametrize(("table", "role", "cell"), CASES)
def test_each_role_reads_and_writes_what_the_table_says(
    server: dict[str, str], table: str, role: str, cell: Cell
) -> None:
    rows = rows_of(server["admin"], table)
    key = KEY.get(table, "id")
    with psycopg.connect(**connect_args(server[role])) as sql:
        try:
            seen = {str(k) for (k,) in sql.execute(f"SELECT {key} FROM {table}")}
        except errors.InsufficientPrivilege:
            sql.rollback()
            seen = set()
        assert seen == expected(rows, [cell.read], role)
        if table == "person" and role != "beheerder":  # the personal columns are refused
            with pytest.raises(errors.InsufficientPrivilege):
                sql.execute("SELECT notes FROM person")
            sql.rollback()
        if table == "person_private":
            return  # a view to read; its rows are written through person
        full = [scope for scope, columns in cell.writes if not columns]
        limited = [(scope, columns) for scope, columns in cell.writes if columns]
        changed, removed = set(), set()
        for row in rows:
            if attempt(sql, f"UPDATE {table} SET {key.split(' ')[0]} = {key.split(' ')[0]}"
                       f" WHERE {key} = %s", row):  # fmt: skip
                changed.add(row)
            if attempt(sql, f"DELETE FROM {table} WHERE {key} = %s", row):
                removed.add(row)
        may_change = expected(rows, full + [s for s, _c in limited], role)
        assert changed == may_change
        assert removed == expected(rows, full, role)
        for scope, columns in limited:  # there, only those columns change
            only = expected(rows, [scope], role) - expected(rows, full, role)
            assert only, "a limited write that covers no row tests nothing"
            other = next(c for c in TEXTS if c in columns_of(table) and c not in columns)
            for row in only:
                assert attempt(sql, f"UPDATE {table} SET {columns[0]} = {columns[0]}"
                               f" WHERE {key} = %s", row)  # fmt: skip
                assert not attempt(sql, f"UPDATE {table} SET {other} = {other} || '.'"
                                   f" WHERE {key} = %s", row)  # fmt: skip


TEXTS = ("what", "title", "note", "notes", "question", "answer")  # a text to change for real


def columns_of(table: str) -> set[str]:
    from werkleren_desktop.db.models import Base

    return {c.name for c in Base.metadata.tables[table].columns}


def attempt(sql: psycopg.Connection, statement: str, row: str) -> bool:
    """Whether the statement reached the row (always undone)."""
    key: int | str = int(row) if row.isdigit() else row
    try:
        return sql.execute(statement, (key,)).rowcount == 1
    except (errors.InsufficientPrivilege, errors.RaiseException):
        return False
    finally:
        sql.rollback()


def test_a_professional_logs_their_own_situation_and_no_one_elses(
    server: dict[str, str],
) -> None:
    """A new situation is the professional's by who brought it in; they add themselves
    as its learner, but not a situation brought in by someone else's name."""
    with psycopg.connect(**connect_args(server["professional"])) as sql:
        new = sql.execute(
            "INSERT INTO learning_situation (occurred_on, title, description, kind, tried,"
            " outcome, next_step, status, ai_used, ai_tool, ai_contribution, ai_checked,"
            " in_working_time, brought_in_by) VALUES ('2026-06-01', 'Zelf', '', 'improve',"
            " '', '', '', 'open', false, '', '', '', true, %s) RETURNING id",
            (RITA,),
        ).fetchone()
        assert new is not None
        sql.execute(
            "INSERT INTO situation_person (situation_id, person_id) VALUES (%s, %s)",
            (new[0], RITA),
        )
        sql.rollback()
        with pytest.raises(errors.InsufficientPrivilege):
            sql.execute(
                "INSERT INTO learning_situation (occurred_on, title, description, kind, tried,"
                " outcome, next_step, status, ai_used, ai_tool, ai_contribution, ai_checked,"
                " in_working_time, brought_in_by) VALUES ('2026-06-01', 'Namens', '',"
                " 'improve', '', '', '', 'open', false, '', '', '', true, %s)",
                (OLGA,),
            )
        sql.rollback()
        with pytest.raises(errors.InsufficientPrivilege):  # a conversation is the manager's
            sql.execute(
                "INSERT INTO talent_conversation (person_id, planned_on, place)"
                " VALUES (%s, '2026-11-01', '')",
                (RITA,),
            )


def test_the_administrator_adds_changes_and_removes_users_on_the_command_line(
    postgres_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from werkleren_desktop.cli import main

    engine = make_engine(postgres_url)
    init_server(engine)
    engine.dispose()
    with psycopg.connect(**connect_args(postgres_url)) as sql:
        for person in (BEA, MARK, RITA):
            sql.execute(
                "INSERT INTO person (id, first_name, last_name, sort_key, job_title,"
                " in_service, notes) VALUES (%s, %s, 'de Vries', '', '', '2020-01-01', '')",
                (person, {BEA: "Bea", MARK: "Mark", RITA: "Rita"}[person]),
            )
        for login in ("cli_rita", "cli_mark"):
            sql.execute(f"DROP ROLE IF EXISTS {login}")
    (tmp_path / "pw").write_text("geheim\n", encoding="utf-8")
    here = ["--data-dir", str(tmp_path / "d"), "--database-url", postgres_url]
    user = ["server", "user"]
    assert main([*user, "add", "cli_rita", "--role", "professional", "--person",
                 "rita DE VRIES", "--password-file", str(tmp_path / "pw"), *here]) == 0  # fmt: skip
    assert "cli_rita" in capsys.readouterr().out
    # a manager needs a person; a login's name is checked; no one is added twice
    assert main([*user, "add", "cli_mark", "--role", "leidinggevende", *here]) == 1
    assert "Koppel" in capsys.readouterr().err
    assert main([*user, "add", "Mark!", "--role", "beheerder", *here]) == 1
    assert "kleine letters" in capsys.readouterr().err
    assert main([*user, "add", "cli_rita", "--role", "professional", "--person", "Rita de Vries",
                 *here]) == 1  # fmt: skip
    assert main([*user, "add", "cli_mark", "--role", "leidinggevende", "--person", "Niemand",
                 "--password-file", str(tmp_path / "pw"), *here]) == 1  # fmt: skip
    assert "Niemand" in capsys.readouterr().err
    assert main([*user, "add", "cli_mark", "--role", "leidinggevende", "--person", "Mark de Vries",
                 "--password-file", str(tmp_path / "pw"), *here]) == 0  # fmt: skip
    capsys.readouterr()
    assert main([*user, "list", *here]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed == [
        "cli_mark\tleidinggevende\tMark de Vries",
        "cli_rita\tprofessional\tRita de Vries",
    ]
    # the role decides what the login reads: as a professional Rita reads her own
    # personal fields; as a beheerder everyone's notes
    rita = as_login(postgres_url, "cli_rita")
    with psycopg.connect(**connect_args(rita)) as sql:
        assert [r[0] for r in sql.execute("SELECT id FROM person_private")] == [RITA]
    assert main([*user, "role", "cli_rita", "--role", "beheerder", *here]) == 0
    with psycopg.connect(**connect_args(rita)) as sql:
        assert len(sql.execute("SELECT notes FROM person").fetchall()) == 3
    assert main([*user, "remove", "cli_rita", *here]) == 0
    with pytest.raises(psycopg.OperationalError):  # the login itself is gone
        psycopg.connect(**connect_args(rita))
    assert main([*user, "remove", "cli_rita", *here]) == 1
    with psycopg.connect(**connect_args(postgres_url)) as sql:  # Rita's record stays
        assert sql.execute("SELECT count(*) FROM person").fetchone() == (3,)


def test_opening_the_data_says_who_signed_in(server: dict[str, str], tmp_path: Path) -> None:
    """A manager's and a professional's login open with their seat (the window shows
    their part); a beheerder's with none (the whole program)."""
    from werkleren_desktop.paths import DataPaths
    from werkleren_desktop.storage.data_store import open_data_folder

    for role, login, person, name in (
        ("leidinggevende", "roles_mark", MARK, "P2 Test"),
        ("professional", "roles_rita", RITA, "P3 Test"),
    ):
        store = open_data_folder(DataPaths(tmp_path / role).with_server(server[role]))
        try:
            assert store.seat is not None
            assert (store.seat.login, store.seat.role, store.seat.person_id, store.seat.name) == (
                login,
                UserRole(role),
                person,
                name,
            )
            assert store.sessions.seat == store.seat
        finally:
            store.close()
    store = open_data_folder(DataPaths(tmp_path / "b").with_server(server["beheerder"]))
    assert store.seat is None and store.sessions.seat is None
    store.close()


def test_a_login_linked_to_nobody_is_told_so(server: dict[str, str], tmp_path: Path) -> None:
    from werkleren_desktop.errors import UserError
    from werkleren_desktop.paths import DataPaths
    from werkleren_desktop.storage.data_store import open_data_folder

    with psycopg.connect(**connect_args(server["admin"])) as sql:
        sql.execute("UPDATE app_user SET person_id = NULL WHERE login = 'roles_rita'")
    try:
        with pytest.raises(UserError, match="niet gekoppeld"):
            open_data_folder(DataPaths(tmp_path / "r").with_server(server["professional"]))
    finally:
        with psycopg.connect(**connect_args(server["admin"])) as sql:
            sql.execute("UPDATE app_user SET person_id = %s WHERE login = 'roles_rita'", (RITA,))


def test_a_professional_asks_and_their_manager_answers(server: dict[str, str]) -> None:
    """A leervraag is asked open; its answer is the manager's, its rewording the
    asker's while it is open."""
    asked = (
        "INSERT INTO learning_request (person_id, addressed_to, kind, question, asked_on,"
        " status) VALUES (%s, %s, 'expert', 'Wie kent de nieuwe pomp?', '2026-06-01', %s)"
        " RETURNING id"
    )
    with psycopg.connect(**connect_args(server["professional"])) as sql:
        with pytest.raises(errors.InsufficientPrivilege):  # granted by oneself: no
            sql.execute(asked, (RITA, MARK, "granted"))
        sql.rollback()
        row = sql.execute(asked, (RITA, MARK, "open")).fetchone()
        assert row is not None
        request = row[0]
        sql.commit()
        with pytest.raises(errors.InsufficientPrivilege):
            sql.execute("UPDATE learning_request SET status = 'granted' WHERE id = %s", (request,))
        sql.rollback()
    with psycopg.connect(**connect_args(server["leidinggevende"])) as sql:
        answered = sql.execute(
            "UPDATE learning_request SET status = 'planned', answer = 'Met Tom, in juni',"
            " answered_on = '2026-06-02', answered_by = %s WHERE id = %s",
            (MARK, request),
        )
        assert answered.rowcount == 1
        sql.commit()
    with psycopg.connect(**connect_args(server["professional"])) as sql:
        with pytest.raises(errors.InsufficientPrivilege):  # answered: no longer reworded
            sql.execute("UPDATE learning_request SET question = 'Iets anders' WHERE id = %s",
                        (request,))  # fmt: skip
        sql.rollback()
        noted = sql.execute(
            "UPDATE learning_request SET outcome = 'Tom liet het zien' WHERE id = %s", (request,)
        )
        assert noted.rowcount == 1
        sql.rollback()
    with psycopg.connect(**connect_args(server["admin"])) as sql:
        sql.execute("DELETE FROM learning_request WHERE id = %s", (request,))

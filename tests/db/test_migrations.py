"""Migrations at start-up: from nothing, from an older schema (copied aside first),
and refusals of files that are newer or not ours, which stay untouched."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from werkleren_desktop.db.engine import make_engine
from werkleren_desktop.db.migrate import (
    ForeignDatabaseError,
    NewerSchemaError,
    head_revision,
    upgrade_database,
)
from werkleren_desktop.db.models import Base
from werkleren_desktop.paths import DataPaths
from werkleren_desktop.storage.data_store import open_data_folder

# the laptop's data file: its migrations, marks, permissions (a server's: test_postgres_schema)
pytestmark = pytest.mark.sqlite_file


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_upgrade_from_an_empty_file(data_paths: DataPaths) -> None:
    data_paths.ensure()
    data_paths.database.write_bytes(b"")
    store = open_data_folder(data_paths)
    try:
        assert store.migration.from_revision is None
        assert store.migration.to_revision == head_revision()
        assert store.migration.backup is None  # nothing to lose, nothing copied
        with store.engine.connect() as connection:
            tables = {
                row[0]
                for row in connection.execute(
                    text("SELECT name FROM sqlite_master WHERE type = 'table'")
                )
            }
        assert {"organisation", "closing_period", "person", "alembic_version"} <= tables
    finally:
        store.close()
    assert not data_paths.backups.exists()


def test_the_models_match_the_migrations(store) -> None:
    with store.engine.connect() as connection:
        # the full-text index is SQLite's own (FTS5), not a model
        context = MigrationContext.configure(
            connection,
            opts={"include_name": lambda name, *_: not (name or "").startswith("situation_search")},
        )
        differences = compare_metadata(context, Base.metadata)
        if connection.dialect.name == "sqlite":
            # a reference added to a table that holds data (0021: who brought a situation
            # in; 0026: a session's working method; 0030: a training's certificate type) is
            # written on its column: SQLite keeps
            # it, but SQLAlchemy reads the name and the ON DELETE of table constraints
            # only; so each is checked here itself
            on_columns = [
                ("learning_situation", "person", "brought_in_by", "SET NULL"),
                ("cycle_session", "working_method", "method_id", "SET NULL"),
                ("training", "certificate_type", "certificate_type_id", "RESTRICT"),
                # 0032: a person's function, the skill a training or a situation built
                ("person", "job_function", "function_id", "RESTRICT"),
                ("training", "skill", "skill_id", "RESTRICT"),
                ("learning_situation", "skill", "skill_id", "RESTRICT"),
            ]
            columns = {(table, column) for table, _referred, column, _on_delete in on_columns}
            added = sorted(
                (key.table.name, kind, key.column_keys)
                for kind, key in differences
                if kind in ("add_fk", "remove_fk")
                and (key.table.name, key.column_keys[0]) in columns
            )
            assert added == sorted(
                (table, kind, [column])
                for table, _referred, column, _on_delete in on_columns
                for kind in ("add_fk", "remove_fk")
            )
            differences = [
                d
                for d in differences
                if not (
                    d[0] in ("add_fk", "remove_fk")
                    and (d[1].table.name, d[1].column_keys[0]) in columns
                )
            ]
            for table, referred, column, on_delete in on_columns:
                references = connection.exec_driver_sql(
                    'SELECT "table", "from", "to", on_delete'
                    f" FROM pragma_foreign_key_list('{table}')"
                ).all()
                assert (referred, column, "id", on_delete) in references
        assert differences == []


def test_connections_enforce_foreign_keys_and_use_wal(store) -> None:
    with store.engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert connection.execute(text("PRAGMA secure_delete")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() > 0
        # the header says whose file it is and which schema it holds
        assert connection.execute(text("PRAGMA application_id")).scalar() == 0x57524B4C
        assert connection.execute(text("PRAGMA user_version")).scalar() == int(head_revision())
    with pytest.raises(Exception, match="FOREIGN KEY"), store.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO person (first_name, last_name, job_title, manager_id,"
                " in_service, notes) VALUES ('A', 'B', '', 999, '2020-01-01', '')"
            )
        )


def test_a_second_start_changes_nothing(data_paths: DataPaths) -> None:
    open_data_folder(data_paths).close()
    store = open_data_folder(data_paths)
    store.close()
    assert store.migration.from_revision == store.migration.to_revision == head_revision()
    assert store.migration.backup is None


def test_an_older_schema_is_copied_aside_then_upgraded(data_paths: DataPaths) -> None:
    data_paths.ensure()
    engine = make_engine(data_paths.database_url)
    upgrade_database(engine, data_paths.database, data_paths.backups, target="0001")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO organisation (name, working_days, closed_holidays, liberation_day,"
                " default_training_budget_cents, language)"
                " VALUES ('Bakkerij Łukasz', '[1,2,3,4,5]', '[]', 'lustrum', 50000, 'nl')"
            )
        )
    engine.dispose()

    store = open_data_folder(data_paths)
    store.close()

    assert store.migration.from_revision == "0001"
    backup = store.migration.backup
    assert backup is not None and backup.parent == data_paths.backups
    with sqlite3.connect(backup) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert copy.execute("SELECT name FROM organisation").fetchone() == ("Bakkerij Łukasz",)
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with sqlite3.connect(data_paths.database) as live:
        assert live.execute("SELECT version_num FROM alembic_version").fetchone() == (
            head_revision(),
        )
        assert live.execute("SELECT name FROM organisation").fetchone() == ("Bakkerij Łukasz",)
    assert not list(data_paths.backups.glob("*.tmp"))


def test_a_newer_schema_is_refused_and_left_untouched(data_paths: DataPaths) -> None:
    open_data_folder(data_paths).close()
    with sqlite3.connect(data_paths.database) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.close()
    before = digest(data_paths.database)

    with pytest.raises(NewerSchemaError) as caught:
        open_data_folder(data_paths)

    assert "nieuwere versie van Werkleren Desktop" in str(caught.value)
    assert digest(data_paths.database) == before
    assert not data_paths.backups.exists()


def test_another_programs_database_is_refused(data_paths: DataPaths) -> None:
    data_paths.ensure()
    with sqlite3.connect(data_paths.database) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    connection.close()
    before = digest(data_paths.database)
    with pytest.raises(ForeignDatabaseError, match="geen database van Werkleren Desktop"):
        open_data_folder(data_paths)
    assert digest(data_paths.database) == before


def test_a_file_that_is_not_sqlite_is_refused_untouched(data_paths: DataPaths) -> None:
    data_paths.ensure()
    data_paths.database.write_bytes(b"Dit is een tekstbestand, geen database.\n" * 100)
    before = digest(data_paths.database)
    with pytest.raises(ForeignDatabaseError):
        open_data_folder(data_paths)
    assert digest(data_paths.database) == before


def test_a_file_marked_by_another_program_is_refused_untouched(data_paths: DataPaths) -> None:
    store = open_data_folder(data_paths)
    store.close()
    with sqlite3.connect(data_paths.database) as connection:
        connection.execute("PRAGMA application_id = 1234")
    connection.close()
    before = digest(data_paths.database)
    with pytest.raises(ForeignDatabaseError):
        open_data_folder(data_paths)
    assert digest(data_paths.database) == before


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_the_data_file_is_for_the_user_only(store) -> None:
    assert store.paths.database.stat().st_mode & 0o077 == 0


def test_error_messages_carry_no_personal_data(store) -> None:
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError) as caught, store.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO person (first_name, last_name, job_title, manager_id,"
                " in_service, notes) VALUES (:first, 'Geheim', '', 999, '2020-01-01', '')"
            ),
            {"first": "Zoë"},
        )
    assert "Zoë" not in str(caught.value)


def test_the_numbered_files_agree_with_alembic() -> None:
    from alembic.script import ScriptDirectory

    from werkleren_desktop.db.migrate import alembic_config, known_revisions

    script = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == script.get_current_head()
    assert known_revisions() == {s.revision for s in script.walk_revisions()}


def test_0012_numbers_moved_sessions_by_date(data_paths: DataPaths) -> None:
    """A session moved before 0012 kept its number ('day 2, 3, 4, 1'); the upgrade
    numbers each cycle's sessions by date, and nothing was exported yet."""
    data_paths.ensure()
    engine = make_engine(data_paths.database_url)
    upgrade_database(engine, data_paths.database, data_paths.backups, target="0011")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO learning_group (id, name, theme, expert_name, expert_contact,"
                " starts, status) VALUES (1, 'Brood', '', '', '', '2026-01-01', 'active')"
            )
        )
        connection.execute(
            text("INSERT INTO week_cycle (id, group_id, cancelled) VALUES (1, 1, 0), (2, 1, 0)")
        )
        for cycle, number, day, uid in [
            (1, 1, 7, "a"),  # moved after the others
            (1, 2, 1, "b"),
            (1, 3, 2, "c"),
            (1, 4, 3, "d"),
            (2, 1, 14, "e"),
            (2, 2, 15, "f"),
            (2, 3, 16, "g"),
            (2, 4, 17, "h"),
        ]:
            connection.execute(
                text(
                    "INSERT INTO cycle_session (cycle_id, day_number, starts_at, duration_minutes,"
                    " location, theme, cancelled, uid, sequence)"
                    " VALUES (:cycle, :number, :starts, 60, '', :uid, 0, :uid, 1)"
                ),
                {
                    "cycle": cycle,
                    "number": number,
                    "starts": f"2026-12-{day:02} 15:00:00.000000",
                    "uid": uid,
                },
            )
    engine.dispose()

    open_data_folder(data_paths).close()

    with sqlite3.connect(data_paths.database) as live:
        rows = live.execute(
            "SELECT uid, day_number, sequence, exported_hash FROM cycle_session ORDER BY uid"
        ).fetchall()
    assert rows == [
        ("a", 4, 1, None),
        ("b", 1, 1, None),
        ("c", 2, 1, None),
        ("d", 3, 1, None),
        ("e", 1, 1, None),
        ("f", 2, 1, None),
        ("g", 3, 1, None),
        ("h", 4, 1, None),
    ]


def test_a_foreign_file_with_an_alembic_number_like_ours_is_left_untouched(
    data_paths: DataPaths,
) -> None:
    data_paths.ensure()
    with sqlite3.connect(data_paths.database) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32))")
        connection.execute("INSERT INTO alembic_version VALUES ('0005')")
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    connection.close()
    before = digest(data_paths.database)
    with pytest.raises(ForeignDatabaseError):
        open_data_folder(data_paths)
    assert digest(data_paths.database) == before  # not even switched to WAL
    assert not data_paths.database.with_name("werkleren.sqlite3-wal").exists()


def test_0015_makes_the_answers_of_earlier_situations_searchable(data_paths: DataPaths) -> None:
    """Situations logged before 0015 are found by their answers and without accents;
    the index keeps following changes afterwards."""
    from werkleren_desktop.services.situations import SituationFilter, list_situations

    data_paths.ensure()
    engine = make_engine(data_paths.database_url)
    upgrade_database(engine, data_paths.database, data_paths.backups, target="0014")
    with engine.begin() as connection:
        for sid, title, description in [
            (1, "Pomp bromt", "Şükrü hoorde het eerst."),
            (2, "Ketel tikt", ""),
        ]:
            connection.execute(
                text(
                    "INSERT INTO learning_situation (id, occurred_on, title, description, kind,"
                    " tried, outcome, next_step, status, ai_used, ai_tool, ai_contribution,"
                    " ai_checked, in_working_time) VALUES (:id, '2026-10-01', :title, :d,"
                    " 'analyse', '', '', '', 'open', 0, '', '', '', 1)"
                ),
                {"id": sid, "title": title, "d": description},
            )
        connection.execute(
            text(
                "INSERT INTO situation_answer (situation_id, question_text, answer, position)"
                " VALUES (2, 'Wat gebeurde er?', 'De expansievat was leeg.', 1)"
            )
        )
    engine.dispose()

    store = open_data_folder(data_paths)
    try:

        def found(words: str) -> list[int]:
            return [r.id for r in list_situations(store.sessions, SituationFilter(search=words))]

        assert found("expansievat") == [2] and found("sukru") == [1] and found("bromt") == [1]
        with store.engine.begin() as connection:
            connection.execute(text("DELETE FROM learning_situation WHERE id = 1"))
        assert found("bromt") == [] and found("ketel") == [2]
    finally:
        store.close()


def test_0018_keeps_moments_in_utc(data_paths: DataPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    """A correction's moment, written as the laptop's local time before 0018, reads as
    the same moment in UTC afterwards; created_at (SQLite's CURRENT_TIMESTAMP, UTC
    already) keeps its value and gets its zone."""
    import datetime as dt
    import time

    from sqlalchemy import select

    from werkleren_desktop.db.models import ConversationCorrection, Organisation

    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    try:
        data_paths.ensure()
        engine = make_engine(data_paths.database_url)
        upgrade_database(engine, data_paths.database, data_paths.backups, target="0017")
        engine.dispose()
        with sqlite3.connect(data_paths.database) as raw:  # as the older program wrote them
            raw.execute(
                "INSERT INTO organisation (id, name, working_days, closed_holidays,"
                " liberation_day, default_training_budget_cents, language, created_at)"
                " VALUES (1, 'Oud', '[0,1,2,3,4]', '[]', 'lustrum', 0, 'nl',"
                " '2026-07-01 12:30:00')"
            )
            raw.execute(
                "INSERT INTO conversation_correction (id, conversation_id, made_at, part, before,"
                " after, reason) VALUES (1, 7, '2026-07-01 14:30:00.000000', 'Doelen', 'a',"
                " 'b', 'typfout')"
            )
        store = open_data_folder(data_paths)
        try:
            with store.sessions() as db:
                made_at = db.scalars(select(ConversationCorrection.made_at)).one()
                created_at = db.scalars(select(Organisation.created_at)).one()
        finally:
            store.close()
        assert made_at == dt.datetime(2026, 7, 1, 12, 30, tzinfo=dt.UTC)  # 14:30 in summer
        assert made_at.tzinfo is not None
        assert created_at == dt.datetime(2026, 7, 1, 12, 30, tzinfo=dt.UTC)
    finally:
        monkeypatch.undo()
        time.tzset()

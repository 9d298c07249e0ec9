"""The schema's history on a PostgreSQL server (the shared mode to come): every
migration runs there too and gives exactly the models, one revision per transaction."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from werkleren_desktop.db.migrate import current_revision, head_revision, upgrade_database
from werkleren_desktop.db.models import Base

# SQLite's own full-text index is not a model; on PostgreSQL a trigram index serves LIKE
NOT_MODELS = ("situation_search", "ix_learning_situation_search_text")


def test_every_migration_runs_on_postgresql_and_gives_the_models(postgres_url: str) -> None:
    engine = create_engine(postgres_url)
    try:
        result = upgrade_database(engine, None, None)
        assert (result.from_revision, result.to_revision) == (None, head_revision())
        with engine.connect() as connection:
            assert current_revision(connection) == head_revision()
            context = MigrationContext.configure(
                connection,
                opts={"include_name": lambda name, *_: not (name or "").startswith(NOT_MODELS)},
            )
            assert compare_metadata(context, Base.metadata) == []
            indexes = {i["name"] for i in inspect(connection).get_indexes("learning_situation")}
            assert "ix_learning_situation_search_text" in indexes  # pg_trgm serves search
        # a second start changes nothing
        assert upgrade_database(engine, None, None).from_revision == head_revision()
    finally:
        engine.dispose()


def test_a_failing_revision_leaves_the_ones_before_it(postgres_url: str) -> None:
    """The trigram index of 0015 refused by the server: 0001-0014 stay, each committed
    on its own, and the next start can go on from there."""
    engine = create_engine(postgres_url)
    try:
        with engine.begin() as sql:
            sql.execute(
                text(
                    "CREATE FUNCTION refuse_search_index() RETURNS event_trigger"
                    " LANGUAGE plpgsql AS $$ BEGIN"
                    " IF current_query() LIKE '%ix_learning_situation_search_text%' THEN"
                    " RAISE EXCEPTION 'refused by the test'; END IF; END $$"
                )
            )
            sql.execute(
                text(
                    "CREATE EVENT TRIGGER refuse ON ddl_command_start"
                    " EXECUTE FUNCTION refuse_search_index()"
                )
            )
        with pytest.raises(Exception, match="refused by the test"):
            upgrade_database(engine, None, None)
        with engine.connect() as connection:
            assert current_revision(connection) == "0014"
            columns = {c["name"] for c in inspect(connection).get_columns("person")}
            assert "last_conversation_on" in columns
            assert "search_text" not in {
                c["name"] for c in inspect(connection).get_columns("learning_situation")
            }
        with engine.begin() as sql:
            sql.execute(text("DROP EVENT TRIGGER refuse"))
        assert upgrade_database(engine, None, None).from_revision == "0014"
    finally:
        engine.dispose()

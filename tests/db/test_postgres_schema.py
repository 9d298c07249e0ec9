"""The schema's history on a PostgreSQL server (the shared mode to come): every
migration runs there too and gives exactly the models, one revision per transaction."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from tests.postgres import prepare_roles
from werkleren_desktop.db.migrate import current_revision, head_revision, upgrade_database
from werkleren_desktop.db.models import Base

# SQLite's own full-text index is not a model; on PostgreSQL a trigram index serves LIKE
NOT_MODELS = ("situation_search", "ix_learning_situation_search_text")


def test_every_migration_runs_on_postgresql_and_gives_the_models(postgres_url: str) -> None:
    engine = create_engine(postgres_url)
    try:
        prepare_roles(engine)
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
        prepare_roles(engine)
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


def test_people_sort_the_same_on_a_server_with_a_dutch_collation(postgres_server: str) -> None:
    """A server whose databases compare text the Dutch way (ICU nl-NL) still lists
    people as the laptop does: by the sort key, byte for byte."""
    from tests.conftest import TODAY
    from werkleren_desktop.db.engine import make_session_factory
    from werkleren_desktop.domain.people import PersonInput, sort_key
    from werkleren_desktop.services.people import list_people, save_person

    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as sql:
        sql.execute(text("DROP DATABASE IF EXISTS dutch"))
        sql.execute(
            text(
                "CREATE DATABASE dutch LOCALE_PROVIDER icu ICU_LOCALE 'nl-NL'"
                " LOCALE 'C.UTF-8' TEMPLATE template0"
            )
        )
    engine = create_engine(postgres_server.replace("/postgres?", "/dutch?"))
    try:
        prepare_roles(engine)
        upgrade_database(engine, None, None)
        database = make_session_factory(engine)
        names = [("Fleur", "de Groot"), ("Anna", "Grootens"), ("Bert", "Groot-Xander"),
                 ("Fleur", "Groot"), ("Zoë", "van den Berg"), ("Ayşe", "Özdemir")]  # fmt: skip
        for first, last in names:
            save_person(database, PersonInput(first, last, TODAY), TODAY)
        listed = [(p.first_name, p.last_name) for p in list_people(database)]
        assert listed == sorted(names, key=lambda n: sort_key(*n))
        assert listed.index(("Fleur", "de Groot")) < listed.index(("Anna", "Grootens"))
    finally:
        engine.dispose()
        with admin.connect() as sql:
            sql.execute(text("DROP DATABASE dutch WITH (FORCE)"))
        admin.dispose()


def test_moments_are_kept_with_their_zone(postgres_url: str) -> None:
    """created_at and a correction's moment are ``timestamp with time zone`` there, and
    read back as the same moment in UTC whatever the server's own zone is."""
    import datetime as dt

    from sqlalchemy import select

    from werkleren_desktop.db.engine import make_session_factory
    from werkleren_desktop.db.models import LiberationDayPolicy, Organisation

    engine = create_engine(postgres_url, connect_args={"options": "-c TimeZone=Asia/Tokyo"})
    try:
        prepare_roles(engine)
        upgrade_database(engine, None, None)
        with engine.connect() as connection:
            kinds: dict[str, str] = dict(
                connection.execute(
                    text(
                        "SELECT table_name || '.' || column_name, data_type"
                        " FROM information_schema.columns"
                        " WHERE column_name IN ('created_at', 'made_at')"
                    )
                ).all()
            )
        assert set(kinds.values()) == {"timestamp with time zone"}
        assert len(kinds) == 7  # app_user's (0021) and learning_request's (0022) too
        sessions = make_session_factory(engine)
        before = dt.datetime.now(dt.UTC)
        with sessions.begin() as db:
            db.add(
                Organisation(
                    name="Tijd", working_days=[0], closed_holidays=[], language="nl",
                    liberation_day=LiberationDayPolicy.NEVER, default_training_budget_cents=0,
                )
            )  # fmt: skip
        with sessions() as db:
            made = db.scalars(select(Organisation.created_at)).one()
        assert made.tzinfo == dt.UTC
        assert abs(made - before) < dt.timedelta(minutes=1)
    finally:
        engine.dispose()

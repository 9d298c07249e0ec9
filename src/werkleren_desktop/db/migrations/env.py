"""Alembic environment: run in code by werkleren_desktop.db.migrate, never from an ini file."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from werkleren_desktop.db.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        # Developers generating a revision: `alembic` with -x url=sqlite:///path
        url = context.get_x_argument(as_dictionary=True).get("url", "sqlite://")
        with create_engine(url).connect() as own_connection:
            _run(own_connection)
        return
    _run(connection)


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite can only change tables by rebuilding them
        compare_type=True,
        # a server's schema moves one revision per transaction: a failure leaves it at
        # the last revision that went well (a file is copied aside and upgraded at once)
        transaction_per_migration=bool(config.attributes.get("per_revision")),
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()

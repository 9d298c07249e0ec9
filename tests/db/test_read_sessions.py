"""Sessions to read on the shared server run without a transaction (one round trip a
statement, not three) and so must never change data: a change there is refused before
it is sent, and the erasure's dry run, which changes and rolls back, has a session of
its own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select, text, update

from tests.conftest import TODAY
from werkleren_desktop.db.engine import make_engine
from werkleren_desktop.db.models import Person
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.paths import DataPaths
from werkleren_desktop.services.people import save_person
from werkleren_desktop.services.privacy import plan_erasure
from werkleren_desktop.storage.data_store import DataStore, open_data_folder
from werkleren_desktop.storage.server_admin import init_server


@pytest.fixture
def server(postgres_url: str, data_paths: DataPaths) -> Iterator[DataStore]:
    """The sessions to read differ on a server only: a server of its own, in either
    pass of the tests."""
    admin = make_engine(postgres_url)
    init_server(admin)
    admin.dispose()
    store = open_data_folder(data_paths.with_server(postgres_url))
    yield store
    store.close()


def test_a_session_to_read_sends_no_transaction_and_refuses_changes(server: DataStore) -> None:
    save_person(server.sessions, PersonInput("Anouk", "Bakker", TODAY, notes="eigen"), TODAY)
    with server.sessions() as db:
        names = db.scalars(select(Person.first_name)).all()
        # in a transaction now() is its start, before this second statement's own
        alone = db.connection().exec_driver_sql("SELECT now() = statement_timestamp()")
        assert alone.scalar() is True
    assert names == ["Anouk"]
    with server.sessions() as db, pytest.raises(RuntimeError, match=r"sessions\.begin"):
        db.execute(update(Person).values(notes="gewist"))
    with server.sessions() as db:
        person = db.scalars(select(Person)).one()
        person.notes = "gewist"
        with pytest.raises(RuntimeError):
            db.flush()
    with server.sessions() as db:
        assert db.scalar(text("SELECT notes FROM person")) == "eigen"


def test_the_erasures_dry_run_changes_nothing(server: DataStore) -> None:
    anouk = save_person(server.sessions, PersonInput("Anouk", "Bakker", TODAY), TODAY)
    plan = plan_erasure(server.sessions, anouk)
    assert plan.name == "Anouk Bakker"
    with server.sessions() as db:
        assert db.scalar(select(Person.first_name).where(Person.id == anouk)) == "Anouk"

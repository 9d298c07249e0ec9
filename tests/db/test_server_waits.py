"""Waiting on the shared server has an end (#28, part): a save that meets a row another
manager is changing, a statement that takes too long, and a connection that goes away
each end in a sentence for the user, with nothing half-written. Real connections to the
throwaway server, the other manager's held open while the save is tried."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from werkleren_desktop.db import engine as db_engine
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.errors import StorageError
from werkleren_desktop.paths import DataPaths
from werkleren_desktop.services.people import list_people, save_person
from werkleren_desktop.storage.data_store import DataStore, open_data_folder
from werkleren_desktop.storage.server_admin import init_server

pytestmark = pytest.mark.usefixtures("dutch")
DAY = dt.date(2026, 11, 30)


@pytest.fixture
def server_store(
    postgres_url: str, data_paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> Iterator[DataStore]:
    monkeypatch.setattr(db_engine, "SERVER_LOCK_TIMEOUT", "300ms")
    monkeypatch.setattr(db_engine, "SERVER_STATEMENT_TIMEOUT", "1s")
    admin = db_engine.make_engine(postgres_url)
    init_server(admin)
    admin.dispose()
    store = open_data_folder(data_paths.with_server(postgres_url))
    yield store
    store.close()


def test_a_row_another_manager_is_changing_is_a_sentence_not_a_wait(
    server_store: DataStore, postgres_url: str
) -> None:
    anna = save_person(server_store.sessions, PersonInput("Anna", "de Wit", DAY), DAY)
    other = create_engine(postgres_url)  # another manager's program, mid-save
    with other.connect() as them:
        them.execute(text("SELECT 1 FROM person WHERE id = :id FOR UPDATE"), {"id": anna})
        started = time.monotonic()
        with pytest.raises(StorageError, match="Iemand anders wijzigt dezelfde gegevens"):
            save_person(
                server_store.sessions, PersonInput("Anna", "de Wit-Bos", DAY), DAY, person_id=anna
            )
        assert time.monotonic() - started < 5
        them.rollback()
    other.dispose()
    # nothing half-written, and the save goes through once the other is done
    assert [p.full_name for p in list_people(server_store.sessions)] == ["Anna de Wit"]
    save_person(server_store.sessions, PersonInput("Anna", "de Wit-Bos", DAY), DAY, person_id=anna)
    assert [p.full_name for p in list_people(server_store.sessions)] == ["Anna de Wit-Bos"]


def test_a_statement_that_takes_too_long_is_a_sentence(server_store: DataStore) -> None:
    with server_store.sessions() as db, pytest.raises(StorageError, match="te lang"):
        db.execute(text("SELECT pg_sleep(5)"))


def test_a_lost_connection_is_a_sentence_and_the_next_save_reconnects(
    server_store: DataStore, postgres_url: str
) -> None:
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with server_store.sessions() as db:
        pid = db.execute(text("SELECT pg_backend_pid()")).scalar()
        with admin.connect() as sql:  # the server restarted, or the network went away
            sql.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        with pytest.raises(StorageError, match="verbinding met de server is verbroken"):
            db.execute(text("SELECT 1"))
    admin.dispose()
    save_person(server_store.sessions, PersonInput("Bert", "Bos", DAY), DAY)
    assert [p.full_name for p in list_people(server_store.sessions)] == ["Bert Bos"]


def test_two_managers_setting_the_same_budget_at_once_both_succeed(
    server_store: DataStore, postgres_url: str
) -> None:
    """The other manager's budget is inserted but not yet committed when this one is
    saved: this save waits for it and then replaces it (it failed on the one-per-year
    rule: an IntegrityError)."""
    import threading

    from werkleren_desktop.services.training import budgets, set_budget

    anna = save_person(server_store.sessions, PersonInput("Anna", "de Wit", DAY), DAY)
    inserted = threading.Event()
    other = create_engine(postgres_url)

    def the_other_manager() -> None:
        with other.begin() as them:
            them.execute(
                text(
                    "INSERT INTO training_budget (person_id, year, amount_cents)"
                    " VALUES (:p, 2026, 10000)"
                ),
                {"p": anna},
            )
            inserted.set()
            time.sleep(0.15)  # still saving while this manager saves (the wait: 0.3 s)

    thread = threading.Thread(target=the_other_manager)
    thread.start()
    assert inserted.wait(10)
    set_budget(server_store.sessions, anna, 2026, 20000)
    thread.join()
    other.dispose()
    (row,) = [r for r in budgets(server_store.sessions, 2026) if r.person_id == anna]
    assert row.budget_cents == 20000

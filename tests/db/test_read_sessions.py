"""Sessions to read on the shared server run without a transaction (one round trip a
statement, not three) and so must never change data: a change there is refused before
it is sent, and the erasure's dry run, which changes and rolls back, has a session of
its own."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import event, select, text, update
from sqlalchemy.pool import NullPool

from tests.conftest import TODAY
from werkleren_desktop.db.engine import make_engine
from werkleren_desktop.db.models import Person
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.errors import UserError
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


def test_reads_at_once_run_side_by_side_on_a_server_and_in_turn_on_a_file(
    server: DataStore, store: DataStore
) -> None:
    """Side by side: each read waits at a barrier for all the others, which it would
    never pass if they ran one after the other; each on a connection of its own."""
    import threading

    reads = 3
    barrier = threading.Barrier(reads, timeout=20)

    def read(n: int) -> Callable[[], tuple[int, int]]:
        def go() -> tuple[int, int]:
            with server.sessions() as db:
                pid = int(db.scalar(text("SELECT pg_backend_pid()")))
                barrier.wait()  # all hold a connection at this moment
                return n, pid

        return go

    results = server.sessions.at_once(*(read(n) for n in range(reads)))
    assert [n for n, _pid in results] == [0, 1, 2]  # in the order asked
    assert len({pid for _n, pid in results}) == reads
    # a file: in turn on the caller's own thread (SQLite answers before a thread starts)
    caller = threading.get_ident()
    if store.engine.dialect.name == "sqlite":
        assert store.sessions.at_once(threading.get_ident, threading.get_ident) == [caller] * 2


def test_a_read_at_once_that_fails_says_so_and_the_others_end(server: DataStore) -> None:
    ended = []

    def fine() -> int:
        with server.sessions() as db:
            value = int(db.scalar(text("SELECT 1")))
        ended.append(value)
        return value

    def wrong() -> int:
        raise UserError("Deze persoon bestaat niet meer.")

    with pytest.raises(UserError, match="bestaat niet meer"):
        server.sessions.at_once(fine, wrong, fine)
    assert ended == [1, 1]  # none left running behind the sentence


def test_a_connection_that_lay_unused_is_asked_first_and_replaced_when_gone(
    server: DataStore, postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A connection just used is handed out without a question (one round trip less
    for every part of a page); one that lay unused longer is asked first, and one the
    server no longer knows (restarted, or the network was away) is replaced unseen."""
    import werkleren_desktop.db.engine as engine_module

    asked = []
    event.listen(
        server.engine,
        "before_cursor_execute",
        lambda _c, _cur, statement, *_a: asked.append(statement),
    )
    with server.sessions() as db:
        pid = db.scalar(text("SELECT pg_backend_pid()"))
    asked.clear()
    with server.sessions() as db:
        assert db.scalar(text("SELECT pg_backend_pid()")) == pid  # the same, unasked
    assert len(asked) == 1
    admin = make_engine(postgres_url, poolclass=NullPool)
    with admin.connect() as sql:  # the server lets the idle connection go
        sql.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    admin.dispose()
    monkeypatch.setattr(engine_module, "PING_WHEN_IDLE_S", 0.0)  # it lay unused long enough
    with server.sessions() as db:
        assert db.scalar(text("SELECT pg_backend_pid()")) != pid  # a new one, no error

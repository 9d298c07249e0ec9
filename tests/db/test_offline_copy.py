"""The copy of the shared server's data that a laptop keeps to read when the server
cannot be reached (#28, item 5): made from the real server, read-only in every way a
save can come (the services, a statement of its own), tied to one server and login,
removed when the laptop stops working on that server, and stopped when asked."""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.conftest import TODAY
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.errors import ReadOnlyError, UserError
from werkleren_desktop.paths import DataPaths
from werkleren_desktop.services.people import read_person, save_person
from werkleren_desktop.storage import offline
from werkleren_desktop.storage.data_store import DataStore
from werkleren_desktop.storage.server import ServerAddress, save_address
from werkleren_desktop.storage.server_copy import CopyStopped

pytestmark = pytest.mark.usefixtures("dutch")


@pytest.fixture
def server(demo_server: DataStore) -> DataStore:
    return demo_server


def counts(store: DataStore) -> dict[str, int]:
    with store.sessions() as db:
        return {
            table: int(db.execute(text(f"SELECT count(*) FROM {table}")).scalar() or 0)
            for table in ("person", "learning_group", "learning_situation", "training")
        }


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_copy_reads_like_the_server_and_refuses_every_save(server: DataStore) -> None:
    assert offline.offline_copy(server.paths) is None
    made = offline.make_copy(server.engine, server.paths, now=dt.datetime(2026, 11, 30, 9, 15))
    assert offline.offline_copy(server.paths) == made
    assert made.path.stat().st_mode & 0o077 == 0  # personnel data: the user's only
    before = fingerprint(made.path)

    copy = offline.open_copy(server.paths)
    try:
        assert copy.offline == made
        assert copy.paths == server.paths  # drafts and the window's state stay this laptop's
        assert counts(copy) == counts(server)
        person, stamp = read_person(copy.sessions, 1)
        with pytest.raises(ReadOnlyError, match="alleen om te lezen") as refused:
            save_person(copy.sessions, person, TODAY, 1, stamp.version)
        assert "niets opgeslagen" in str(refused.value)
        with pytest.raises(ReadOnlyError):
            save_person(copy.sessions, PersonInput("Nieuw", "Mens", TODAY), TODAY)
        with copy.sessions() as db, pytest.raises(ReadOnlyError):  # a write not through a save
            db.execute(text("UPDATE person SET notes = 'x'"))
        with pytest.raises(UserError, match="server"):
            copy.back_up()
        assert counts(copy) == counts(server)
    finally:
        copy.close()
    assert fingerprint(made.path) == before  # not a byte written


def test_the_copy_belongs_to_one_server_and_login(server: DataStore) -> None:
    offline.make_copy(server.engine, server.paths)
    url = server.paths.server_url or ""
    other_login = DataPaths(server.paths.root, url.replace("postgres@", "bea@"))
    assert offline.offline_copy(other_login) is None
    assert offline.offline_copy(DataPaths(server.paths.root)) is None  # the laptop's mode
    with pytest.raises(UserError, match="geen kopie"):
        offline.open_copy(other_login)

    address = ServerAddress.from_url(url)
    save_address(server.paths, address)
    save_address(server.paths, address)  # the same server again: the copy stays
    assert offline.offline_copy(server.paths) is not None
    save_address(server.paths, None)  # back to the laptop's file: the copy goes
    assert not offline.folder_of(server.paths).exists()


def test_a_copy_is_due_every_quarter_and_never_when_turned_off(server: DataStore) -> None:
    paths = server.paths
    assert offline.copy_is_due(paths)
    made = offline.make_copy(server.engine, paths, now=dt.datetime(2026, 11, 30, 9, 0))
    assert not offline.copy_is_due(paths, now=made.made_at + dt.timedelta(minutes=14))
    assert offline.copy_is_due(paths, now=made.made_at + dt.timedelta(minutes=15))
    assert offline.copy_is_due(paths, now=made.made_at - dt.timedelta(hours=1))  # clock moved
    offline.set_keeps_copy(paths, False)
    assert not offline.folder_of(paths).exists()
    assert not offline.copy_is_due(paths)
    offline.set_keeps_copy(paths, True)
    assert offline.copy_is_due(paths)


def test_a_stopped_copy_keeps_the_older_one(server: DataStore) -> None:
    first = offline.make_copy(server.engine, server.paths, now=dt.datetime(2026, 11, 30, 9, 0))
    before = fingerprint(first.path)
    save_person(server.sessions, PersonInput("Nieuw", "Mens", TODAY), TODAY)
    stop = threading.Event()
    stop.set()
    with pytest.raises(CopyStopped):
        offline.make_copy(server.engine, server.paths, stop=stop)
    assert offline.offline_copy(server.paths) == first
    assert fingerprint(first.path) == before


def test_a_damaged_copy_is_a_sentence(server: DataStore) -> None:
    made = offline.make_copy(server.engine, server.paths)
    made.path.write_bytes(b"not a database" * 100)
    with pytest.raises(UserError, match="kan niet worden gelezen"):
        offline.open_copy(server.paths)


def test_the_copy_is_read_as_it_is_where_the_program_would_link_a_name(
    server: DataStore,
) -> None:
    """A certificate name that names one type is linked when the lists are read; in the
    offline copy, which is never written, the lists are read without it."""
    from werkleren_desktop.services.training import expiring_certificates

    with server.engine.begin() as sql:
        sql.execute(
            text(
                "INSERT INTO training (person_id, title, provider, form, starts_on, ends_on,"
                " minutes, cost_cents, required, in_working_time, status, certificate,"
                " certificate_expires_on, study_cost_agreement, notes) VALUES (1, 'B-VCA', '',"
                " 'course', '2016-12-01', '2016-12-01', 480, 0, true, true, 'done', 'B-VCA',"
                " '2026-12-01', false, '')"
            )
        )
    made = offline.make_copy(server.engine, server.paths)
    before = fingerprint(made.path)
    copy = offline.open_copy(server.paths)
    try:
        listed = expiring_certificates(copy.sessions, TODAY)
        assert ("B-VCA", dt.date(2026, 12, 1)) in {(r.certificate, r.expires_on) for r in listed}
    finally:
        copy.close()
    assert fingerprint(made.path) == before

"""A full disk or a read-only file: one clear sentence, nothing half-written, and the
form keeps what was typed."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import event, select

from tests.conftest import TODAY
from werkleren_desktop.db.engine import make_engine, make_session_factory
from werkleren_desktop.db.models import Person
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.errors import StorageError
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import save_person

pytestmark = pytest.mark.sqlite_file  # the laptop's disk and file refusing a save


def fill_the_disk(engine) -> None:
    """A fault-injecting disk: the file may not grow beyond what it holds now."""

    @event.listens_for(engine, "connect")
    def limit(connection, _record) -> None:
        size = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {size}")

    engine.dispose()  # new connections get the limit


def test_a_full_disk_is_one_sentence_and_nothing_is_half_written(store) -> None:
    create_organisation(store.sessions, OrganisationSettings(name="Van Dijk"))
    fill_the_disk(store.engine)
    long_notes = "Aantekeningen. " * 20_000  # needs new pages
    with pytest.raises(StorageError, match="schijf is vol"):
        save_person(
            store.sessions,
            PersonInput("Anna", "de Wit", dt.date(2020, 1, 1), notes=long_notes),
            TODAY,
        )
    with store.sessions() as session:
        assert session.scalars(select(Person)).all() == []


def test_a_read_only_file_is_one_sentence(store, data_paths) -> None:
    create_organisation(store.sessions, OrganisationSettings(name="Van Dijk"))
    store.close()
    engine = make_engine(f"sqlite:///file:{data_paths.database}?mode=ro&uri=true")
    try:
        sessions = make_session_factory(engine)
        with pytest.raises(StorageError, match="alleen-lezen"):
            save_person(sessions, PersonInput("Anna", "de Wit", dt.date(2020, 1, 1)), TODAY)
    finally:
        engine.dispose()


def test_a_save_after_the_file_was_swapped_is_refused_not_lost(store, tmp_path) -> None:
    """Another file moved in under the data file's name while the data are open: the
    save would land in the file moved away; it is refused in a sentence instead."""
    import shutil

    create_organisation(store.sessions, OrganisationSettings(name="Van Dijk"))
    save_person(store.sessions, PersonInput("Anna", "de Wit", dt.date(2020, 1, 1)), TODAY)
    other = tmp_path / "other.sqlite3"
    shutil.copyfile(store.paths.database, other)
    store.paths.database.rename(tmp_path / "moved-away.sqlite3")
    other.rename(store.paths.database)
    with pytest.raises(StorageError, match="vervangen of verplaatst terwijl het programma"):
        save_person(store.sessions, PersonInput("Bert", "Bos", dt.date(2020, 1, 1)), TODAY)

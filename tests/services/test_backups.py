"""Backups and restore: rotation over a year, at start, and refusing what is not sound."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import TODAY
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.errors import UserError
from werkleren_desktop.paths import DataPaths
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import list_people, save_person
from werkleren_desktop.storage.backups import (
    Backup,
    backup_at_start,
    backup_folder,
    list_backups,
    make_backup,
    restore_backup,
    set_backup_folder,
    to_delete,
)
from werkleren_desktop.storage.data_store import DataStore, open_data_folder

NOW = dt.datetime(2026, 11, 28, 9, 0)


def fake(made_at: dt.datetime) -> Backup:
    return Backup(Path(f"werkleren-{made_at:%Y%m%d-%H%M%S}-auto.sqlite3"), made_at, "auto", 1)


def test_rotation_over_a_simulated_year() -> None:
    kept: list[Backup] = []
    moment = dt.datetime(2025, 11, 1, 8, 0)
    while moment <= NOW:  # three backups a day for thirteen months
        for hour in (0, 4, 9):
            kept.append(fake(moment + dt.timedelta(hours=hour)))
        gone = {b.path for b in to_delete(kept, moment + dt.timedelta(hours=9))}
        kept = [b for b in kept if b.path not in gone]
        moment += dt.timedelta(days=1)
    ages = sorted((NOW - b.made_at for b in kept), reverse=True)
    assert ages[-1] < dt.timedelta(days=1)
    # all of the last two days, one per day for a month, then weeks and months
    assert sum(1 for a in ages if a <= dt.timedelta(days=2)) >= 6
    assert sum(1 for a in ages if dt.timedelta(days=2) < a <= dt.timedelta(days=31)) <= 30
    assert max(ages) <= dt.timedelta(days=366)
    assert max(ages) > dt.timedelta(days=300)  # about a year back is still there
    assert len(kept) < 60


def test_a_clock_set_back_deletes_nothing() -> None:
    backups = [fake(NOW - dt.timedelta(days=d)) for d in range(0, 400, 3)]
    assert to_delete(backups, NOW - dt.timedelta(days=30)) == []
    assert to_delete(backups, NOW)  # with the right time, old ones go


@pytest.fixture
def filled(store: DataStore) -> DataStore:
    create_organisation(store.sessions, OrganisationSettings(name="Van Dijk"))
    save_person(store.sessions, PersonInput("Anna", "de Wit", dt.date(2020, 1, 1)), TODAY)
    return store


@pytest.mark.sqlite_file
def test_a_backup_at_start_once_a_day_and_only_after_changes(filled: DataStore) -> None:
    paths = filled.paths
    first = backup_at_start(paths, NOW)
    assert first is not None and first.reason == "auto"
    assert backup_at_start(paths, NOW + dt.timedelta(hours=5)) is None  # today already
    # a day later without changes: nothing new
    os.utime(paths.database, (NOW.timestamp() - 60, NOW.timestamp() - 60))
    wal = paths.database.with_name(paths.database.name + "-wal")
    if wal.exists():
        os.utime(wal, (NOW.timestamp() - 60, NOW.timestamp() - 60))
    assert backup_at_start(paths, NOW + dt.timedelta(days=1, hours=1)) is None
    save_person(filled.sessions, PersonInput("Bert", "Bos", dt.date(2021, 1, 1)), TODAY)
    later = backup_at_start(paths, dt.datetime.now() + dt.timedelta(days=2))
    assert later is not None
    copy = sqlite3.connect(later.path)
    assert copy.execute("SELECT count(*) FROM person").fetchone() == (2,)
    assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    copy.close()
    if os.name == "posix":
        assert later.path.stat().st_mode & 0o077 == 0  # for the user only


@pytest.mark.sqlite_file
def test_restore_keeps_the_current_data_and_swaps(filled: DataStore, data_paths: DataPaths) -> None:
    backup = make_backup(data_paths, "manual", NOW)
    save_person(filled.sessions, PersonInput("Bert", "Bos", dt.date(2021, 1, 1)), TODAY)
    filled.close()
    kept = restore_backup(data_paths, backup.path, NOW + dt.timedelta(minutes=1))
    assert kept is not None and kept.name.endswith("-before-restore.sqlite3")
    store = open_data_folder(data_paths)
    try:
        assert [p.full_name for p in list_people(store.sessions)] == ["Anna de Wit"]
    finally:
        store.close()
    restored_before = sqlite3.connect(kept)
    assert restored_before.execute("SELECT count(*) FROM person").fetchone() == (2,)
    restored_before.close()


@pytest.mark.sqlite_file
@pytest.mark.parametrize(
    ("damage", "message"),
    [
        ("text", "geen database van Werkleren Desktop"),
        ("truncated", "is beschadigd"),
        ("foreign", "geen database van Werkleren Desktop"),
        ("newer", "nieuwere versie"),
        ("empty_schema", "geen organisatie"),
    ],
)
def test_a_bad_backup_is_refused_and_nothing_changes(
    filled: DataStore, data_paths: DataPaths, tmp_path: Path, damage: str, message: str
) -> None:
    backup = make_backup(data_paths, "manual", NOW)
    bad = tmp_path / "bad.sqlite3"
    if damage == "text":
        bad.write_text("geen database", encoding="utf-8")
    elif damage == "truncated":
        bad.write_bytes(backup.path.read_bytes()[:3000])
    elif damage == "foreign":
        with sqlite3.connect(bad) as other:
            other.execute("CREATE TABLE recipes (id INTEGER)")
    elif damage == "newer":
        bad.write_bytes(backup.path.read_bytes())
        with sqlite3.connect(bad) as newer:
            newer.execute("UPDATE alembic_version SET version_num = '9999'")
    elif damage == "empty_schema":
        bad.write_bytes(backup.path.read_bytes())
        with sqlite3.connect(bad) as emptied:
            emptied.execute("DROP TABLE organisation")
    filled.close()
    before = data_paths.database.read_bytes()
    with pytest.raises(UserError, match=message):
        restore_backup(data_paths, bad, NOW)
    assert data_paths.database.read_bytes() == before


def test_the_backup_folder_can_be_chosen(
    filled: DataStore, data_paths: DataPaths, tmp_path: Path
) -> None:
    usb = tmp_path / "usb" / "werkleren"
    set_backup_folder(data_paths, usb)
    assert backup_folder(data_paths) == usb
    made = make_backup(data_paths, "manual", NOW)
    assert made.path.parent == usb and list_backups(usb)[0].path == made.path
    if os.name == "posix" and os.geteuid() != 0:
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        with pytest.raises(UserError, match="kunnen niet"):
            set_backup_folder(data_paths, locked / "sub")
    set_backup_folder(data_paths, None)
    assert backup_folder(data_paths) == data_paths.backups


@pytest.mark.sqlite_file
def test_a_damaged_file_is_set_aside_and_the_newest_good_backup_restored(
    filled: DataStore, data_paths: DataPaths
) -> None:
    from werkleren_desktop.db.migrate import DamagedDatabaseError
    from werkleren_desktop.storage.backups import newest_good_backup, recover

    good = make_backup(data_paths, "manual", NOW)
    damaged_copy = data_paths.backups / "werkleren-20261128-100000-manual.sqlite3"
    damaged_copy.write_bytes(good.path.read_bytes()[:4096])  # a newer but broken backup
    filled.close()
    content = bytearray(data_paths.database.read_bytes())
    content[5000:9000] = b"\x00" * 4000  # damage pages in the middle
    data_paths.database.write_bytes(bytes(content))
    with pytest.raises(DamagedDatabaseError, match="beschadigd"):
        open_data_folder(data_paths)
    assert data_paths.database.read_bytes() == bytes(content)  # never touched

    backup = newest_good_backup(data_paths)
    assert backup is not None and backup.path == good.path  # the broken newer one is skipped
    aside = recover(data_paths, backup, NOW + dt.timedelta(hours=2))
    assert aside.read_bytes() == bytes(content)  # kept, never deleted
    store = open_data_folder(data_paths)
    try:
        assert [p.full_name for p in list_people(store.sessions)] == ["Anna de Wit"]
    finally:
        store.close()

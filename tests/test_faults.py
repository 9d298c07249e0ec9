"""The data file under faults and slips, through the real command: a restore that works
exactly when the data are damaged, an emptied file, exports that point at the data,
the demo against a folder in use, and half-written copies left by a crash."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest

from werkleren_desktop.cli import main
from werkleren_desktop.paths import DataPaths


@pytest.fixture
def demo(tmp_path: Path) -> DataPaths:
    paths = DataPaths(tmp_path / "data")
    assert main(["demo", "--data-dir", str(paths.root)]) == 0
    assert main(["backup", "--data-dir", str(paths.root)]) == 0
    return paths


def people(paths: DataPaths) -> int:
    with sqlite3.connect(paths.database) as connection:
        return int(connection.execute("SELECT count(*) FROM person").fetchone()[0])


def backup_of(paths: DataPaths) -> Path:
    (made,) = sorted(paths.backups.glob("werkleren-*-manual.sqlite3"))
    return made


@pytest.mark.parametrize("damage", ["truncated", "random bytes", "broken header"])
def test_a_restore_works_when_the_data_are_damaged(demo: DataPaths, damage, capsys) -> None:
    content = demo.database.read_bytes()
    if damage == "truncated":
        damaged = content[: len(content) // 3]
    elif damage == "random bytes":
        damaged = os.urandom(len(content))
    else:
        damaged = b"XQLite format 3\x00" + content[16:]
    demo.database.write_bytes(damaged)
    assert main(["check", "--data-dir", str(demo.root)]) == 1
    advice = capsys.readouterr().err
    assert "werkleren restore" in advice  # check proposes the restore …
    # … and the restore works: the damaged file kept aside byte for byte
    assert main(["restore", str(backup_of(demo)), "--data-dir", str(demo.root)]) == 0
    said = capsys.readouterr().out
    (aside,) = demo.root.glob("werkleren-damaged-*.sqlite3")
    assert str(aside) in said and aside.read_bytes() == damaged
    assert aside.stat().st_mode & 0o077 == 0
    assert main(["check", "--data-dir", str(demo.root)]) == 0
    assert people(demo) > 20


def test_an_emptied_data_file_is_damage_not_a_new_start(demo: DataPaths, capsys) -> None:
    demo.database.write_bytes(b"")
    assert main(["check", "--data-dir", str(demo.root)]) == 1
    said = capsys.readouterr().err
    assert "Het gegevensbestand is leeg, terwijl er reservekopieën zijn." in said
    assert "werkleren restore" in said
    assert demo.database.read_bytes() == b""  # nothing made of it


@pytest.mark.parametrize(
    "target",
    ["data file", "wal", "backups folder", "inside backups", "drafts", "window state"],
)
def test_no_export_writes_over_the_data(demo: DataPaths, target: str, capsys) -> None:
    out = {
        "data file": demo.database,
        "wal": demo.database.with_name("werkleren.sqlite3-wal"),
        "backups folder": demo.backups,
        "inside backups": demo.backups / "overzicht.pdf",
        "drafts": demo.drafts / "x.pdf",
        "window state": demo.window_state,
    }[target]
    before = demo.database.read_bytes()
    for command in (
        ["export", "overview", "--year", "2025", "--format", "pdf", "--out", str(out)],
        ["export", "calendar", "--out", str(out)],
        ["print", "conversation", "--blank", "--out", str(out)],
    ):
        assert main([*command, "--data-dir", str(demo.root)]) == 1, command
        assert "Er is niets geschreven." in capsys.readouterr().err
    assert demo.database.read_bytes() == before
    assert not (demo.backups / "overzicht.pdf").exists()


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="a device to write to")
def test_no_export_writes_over_a_device(demo: DataPaths, capsys) -> None:
    assert main(["export", "calendar", "--out", "/dev/null", "--data-dir", str(demo.root)]) == 1
    assert "is geen bestand" in capsys.readouterr().err
    assert Path("/dev/null").is_char_device()


def test_a_backup_into_a_folder_and_never_over_a_file(demo: DataPaths, tmp_path, capsys) -> None:
    assert main(["backup", "--out", str(demo.backups), "--data-dir", str(demo.root)]) == 0
    assert demo.backups.is_dir() and len(list(demo.backups.glob("*.sqlite3"))) >= 1
    elsewhere = tmp_path / "usb"
    elsewhere.mkdir()
    assert main(["backup", "--out", str(elsewhere), "--data-dir", str(demo.root)]) == 0
    (copy,) = elsewhere.glob("werkleren-*-manual.sqlite3")
    taken = tmp_path / "taken.sqlite3"
    taken.write_bytes(b"mine")
    assert main(["backup", "--out", str(taken), "--data-dir", str(demo.root)]) == 1
    assert "bestaat al" in capsys.readouterr().err and taken.read_bytes() == b"mine"
    # import, backup and restore still work
    assert main(["backup", "--data-dir", str(demo.root)]) == 0
    assert main(["restore", str(copy), "--data-dir", str(demo.root)]) == 0


def test_the_demo_never_fills_data_that_a_window_holds(tmp_path: Path, capsys) -> None:
    from werkleren_desktop.storage.writer import writer_lock

    paths = DataPaths(tmp_path / "data")
    paths.ensure()
    lock = writer_lock(paths)
    lock.acquire()
    try:
        assert main(["demo", "--data-dir", str(paths.root)]) == 1
        assert "in gebruik" in capsys.readouterr().err
    finally:
        lock.release()
    assert not paths.database.exists() or people(paths) == 0


def test_half_written_copies_are_owner_only_and_cleared_at_the_next_start(
    demo: DataPaths,
) -> None:
    from werkleren_desktop.storage.backups import make_backup, remove_leftovers

    assert demo.root.stat().st_mode & 0o077 == 0  # a new data folder is the user's only
    made = make_backup(demo, "manual", dt.datetime(2026, 11, 29, 10))
    assert made.path.stat().st_mode & 0o077 == 0
    old = demo.backups / "werkleren-20261128-100000-manual.sqlite3.tmp"
    fresh = demo.backups / "werkleren-20261129-100000-manual.sqlite3.tmp"
    restore_left = demo.root / "werkleren.sqlite3.restore"
    export_left = demo.root / "offline" / "werkleren-export-abc123"  # the offline copy's
    export_left.mkdir(parents=True)
    (export_left / "werkleren.sqlite3").write_bytes(b"personnel data")
    for leftover in (old, fresh, restore_left):
        leftover.write_bytes(b"personnel data")
    an_hour_ago = (dt.datetime.now() - dt.timedelta(hours=1)).timestamp()
    for leftover in (old, restore_left, export_left):
        os.utime(leftover, (an_hour_ago, an_hour_ago))
    assert set(remove_leftovers(demo)) == {old, restore_left, export_left}
    assert fresh.exists()  # perhaps being written right now
    assert not export_left.exists()


def test_a_healthy_file_locked_by_another_program_is_not_called_damaged(
    demo: DataPaths, capsys
) -> None:
    """Said as what it is; a damaged file would be offered to be replaced by a backup."""
    other = sqlite3.connect(demo.database, isolation_level=None)
    try:
        other.execute("PRAGMA locking_mode = EXCLUSIVE")
        other.execute("BEGIN EXCLUSIVE")
        other.execute("UPDATE person SET notes = notes")
        assert main(["check", "--data-dir", str(demo.root)]) == 1
        said = capsys.readouterr().err
        assert "in gebruik door een ander programma" in said
        assert "beschadigd" not in said and "werkleren restore" not in said
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert main(["check", "--data-dir", str(demo.root)]) == 0


def test_check_finds_damage_inside_a_record_and_quotes_nothing(demo: DataPaths, capsys) -> None:
    """A flipped byte inside a name passes SQLite's own checks; the check reads every
    row as the program does, and names the place, never the damaged value."""
    content = demo.database.read_bytes()
    with sqlite3.connect(demo.database) as connection:
        person_id, first = connection.execute(
            "SELECT id, first_name FROM person WHERE first_name GLOB '*[^ -~]*' LIMIT 1"
        ).fetchone()
    connection.close()
    encoded = first.encode("utf-8")
    at = content.index(encoded)
    broken = bytearray(encoded)
    first_multibyte = next(i for i, b in enumerate(broken) if b >= 0x80)
    broken[first_multibyte + 1] = 0x28  # a continuation byte made plain ASCII: not UTF-8
    damaged = content[:at] + bytes(broken) + content[at + len(encoded) :]
    demo.database.write_bytes(damaged)
    assert main(["check", "--data-dir", str(demo.root)]) == 1
    said = capsys.readouterr().err
    assert f"person row {person_id}, column first_name: cannot be read" in said
    assert first not in said and "werkleren restore" in said
    # an export that meets it says so without quoting it
    out = demo.root.parent / "overzicht.csv"
    assert main(["export", "overview", "--year", "2025", "--format", "csv", "--out", str(out),
                 "--data-dir", str(demo.root)]) != 0  # fmt: skip
    error = capsys.readouterr().err
    assert first[:3] not in error and "WERKLEREN_DEBUG=1" in error


def test_a_restore_writes_the_log_back_first_and_waits_for_other_programs(
    demo: DataPaths, capsys
) -> None:
    """Commits still in the write-ahead log are in the copy kept; while another program
    has the data open in the middle of its work, nothing is swapped."""
    other = sqlite3.connect(demo.database, isolation_level=None)
    try:
        other.execute("UPDATE person SET notes = 'nog in het logboek'")  # committed, in the WAL
        other.execute("BEGIN")
        other.execute("SELECT count(*) FROM person").fetchone()  # a reader mid-way
        assert main(["restore", str(backup_of(demo)), "--data-dir", str(demo.root)]) == 1
        assert "in gebruik door een ander programma" in capsys.readouterr().err
        with sqlite3.connect(demo.database) as reader:  # the data as they were
            still = {row[0] for row in reader.execute("SELECT notes FROM person")}
        reader.close()
        assert still == {"nog in het logboek"}
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert main(["restore", str(backup_of(demo)), "--data-dir", str(demo.root)]) == 0
    (kept,) = demo.backups.glob("werkleren-*-before-restore.sqlite3")
    with sqlite3.connect(kept) as connection:
        notes = {row[0] for row in connection.execute("SELECT notes FROM person")}
    assert notes == {"nog in het logboek"}


def test_check_reads_a_moment_as_the_moment_it_stores(demo: DataPaths, capsys) -> None:
    """created_at is a type of ours (UTC moments): the check reads it as the date and
    time it stores, so that a moment no one can read is found as well."""
    with sqlite3.connect(demo.database) as connection:
        situation_id = connection.execute("SELECT min(id) FROM learning_situation").fetchone()[0]
        connection.execute(
            "UPDATE learning_situation SET created_at = 'gisteren' WHERE id = ?", (situation_id,)
        )
    connection.close()
    assert main(["check", "--data-dir", str(demo.root)]) == 1
    said = capsys.readouterr().err
    assert f"learning_situation row {situation_id}, column created_at: cannot be read" in said

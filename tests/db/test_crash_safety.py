"""Killing the program while it saves, many times: every committed record is there and
the checks pass (SQLite's atomic commit, with WAL and synchronous FULL)."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from werkleren_desktop.paths import DataPaths
from werkleren_desktop.storage.data_store import open_data_folder
from werkleren_desktop.storage.integrity import check_data

SAVER = textwrap.dedent(
    """
    import datetime as dt, sys
    from pathlib import Path
    from werkleren_desktop.paths import DataPaths
    from werkleren_desktop.domain.organisation import OrganisationSettings
    from werkleren_desktop.domain.people import PersonInput
    from werkleren_desktop.storage.data_store import open_data_folder
    from werkleren_desktop.services.organisation import create_organisation, load_settings
    from werkleren_desktop.services.people import save_person

    store = open_data_folder(DataPaths(Path(sys.argv[1])))
    if load_settings(store.sessions) is None:
        create_organisation(store.sessions, OrganisationSettings(name="Crash"))
    number = 0
    while True:
        number += 1
        person = save_person(
            store.sessions,
            PersonInput("Test", f"{sys.argv[2]}-{number}", dt.date(2020, 1, 1)),
            dt.date(2026, 11, 28),
        )
        print(person, flush=True)  # printed only after the commit returned
    """
)


@pytest.mark.skipif(os.name != "posix", reason="kills with SIGKILL")
def test_killed_while_saving_loses_no_committed_record(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "data")
    committed: set[int] = set()
    rng = random.Random(7)
    for round_number in range(6):
        saver = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(paths.root), str(round_number)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert saver.stdout is not None
        saver.stdout.readline()  # running and saving
        time.sleep(rng.uniform(0.05, 0.4))
        saver.send_signal(signal.SIGKILL)
        output, _ = saver.communicate(timeout=10)
        committed.update(int(line) for line in output.split() if line.strip().isdigit())
    store = open_data_folder(paths)
    try:
        report = check_data(store)
        assert report.ok, report.problems
    finally:
        store.close()
    with sqlite3.connect(paths.database) as connection:
        stored = {row[0] for row in connection.execute("SELECT id FROM person")}
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    connection.close()
    assert len(committed) > 20
    assert committed <= stored


WERKLEREN = [sys.executable, "-m", "werkleren_desktop"]


def _kill_after(arguments: list[str], delay: float) -> None:
    """The real command, killed with SIGKILL after ``delay`` seconds (or already done)."""
    running = subprocess.Popen(
        [*WERKLEREN, *arguments], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    time.sleep(delay)
    running.send_signal(signal.SIGKILL)
    running.wait(30)


def _checked_counts(paths: DataPaths) -> tuple[int, int]:
    """(organisations, people) of data that pass the full check."""
    store = open_data_folder(paths)
    try:
        assert check_data(store).ok
    finally:
        store.close()
    with sqlite3.connect(paths.database) as connection:
        organisations = connection.execute("SELECT count(*) FROM organisation").fetchone()[0]
        people = connection.execute("SELECT count(*) FROM person").fetchone()[0]
    connection.close()
    return int(organisations), int(people)


def _owner_only(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file() and path.suffix not in {".ini", ".lock"}:
            assert path.stat().st_mode & 0o077 == 0, path


@pytest.mark.skipif(os.name != "posix", reason="kills with SIGKILL")
def test_the_demo_killed_at_any_moment_is_all_or_nothing(tmp_path: Path) -> None:
    """The real command killed while it fills the folder: afterwards the folder holds the
    whole demo or nothing (then a new demo works), the checks pass, and no copy of the
    data is left readable by others."""
    outcomes = set()
    for number, delay in enumerate((0.4, 0.7, 1.0, 1.3, 1.6, 1.9, 2.4, 3.0)):
        folder = tmp_path / f"data-{number}"
        _kill_after(["demo", "--data-dir", str(folder)], delay)
        paths = DataPaths(folder)
        organisations, people = _checked_counts(paths) if paths.database.exists() else (0, 0)
        assert (organisations, people > 0) in {(0, False), (1, True)}, (delay, people)
        outcomes.add(organisations)
        if not organisations:  # nothing was kept: the demo can be made now
            finished = subprocess.run(
                [*WERKLEREN, "demo", "--data-dir", str(folder)], capture_output=True, timeout=120
            )
            assert finished.returncode == 0, finished.stderr
        if folder.exists():
            _owner_only(folder)
    assert outcomes == {0, 1}  # killed both before and after the demo was complete


@pytest.mark.skipif(os.name != "posix", reason="kills with SIGKILL")
@pytest.mark.parametrize("command", ["import", "backup", "restore"])
def test_import_backup_and_restore_killed_at_any_moment(tmp_path: Path, command: str) -> None:
    """The real command killed at moments spread over its work: the data pass the
    checks after each kill, hold the people before or after (never part of an import),
    and every file in the folder stays the user's only."""
    folder = tmp_path / "data"
    subprocess.run([*WERKLEREN, "demo", "--data-dir", str(folder)], check=True, timeout=120)
    subprocess.run([*WERKLEREN, "backup", "--data-dir", str(folder)], check=True, timeout=120)
    paths = DataPaths(folder)
    (backup,) = paths.backups.glob("*.sqlite3")
    staff = tmp_path / "personeel.csv"
    staff.write_text(
        "voornaam;achternaam;in dienst\n"
        + "".join(f"Nieuw;Mens {n:04};01-01-2024\n" for n in range(400)),
        encoding="utf-8",
    )
    arguments = {
        "import": ["import", "people", str(staff), "--yes"],
        "backup": ["backup"],
        "restore": ["restore", str(backup)],
    }[command]
    _organisations, before = _checked_counts(paths)
    for delay in (0.3, 0.5, 0.7, 0.9, 1.2, 1.6):
        _kill_after([*arguments, "--data-dir", str(folder)], delay)
        _organisations, people = _checked_counts(paths)
        assert people in {before, before + 400}, (command, delay, people)
        _owner_only(folder)

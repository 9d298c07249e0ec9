"""Opening leaves out SQLite's read of every page (quick_check: 2.4 s on the 1.4 GB of
the huge demo, #34) only for a file exactly as this program left it when it closed it;
a file changed since, copied in, or left by a killed program is read whole."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from werkleren_desktop.db import migrate
from werkleren_desktop.db.migrate import DamagedDatabaseError
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.paths import DataPaths
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.storage.data_store import open_data_folder

pytestmark = pytest.mark.sqlite_file


@pytest.fixture
def read_whole(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each opening read every page of the file."""
    seen: list[bool] = []
    inspect = migrate.inspect_file

    def spy(database_file: Path, *, read_every_page: bool = True) -> None:
        seen.append(read_every_page)
        inspect(database_file, read_every_page=read_every_page)

    monkeypatch.setattr(migrate, "inspect_file", spy)
    return seen


def made(paths: DataPaths) -> None:
    store = open_data_folder(paths)
    create_organisation(store.sessions, OrganisationSettings(name="Markering"))
    store.close()


def test_a_file_as_the_program_closed_it_is_not_read_whole_again(
    tmp_path: Path, read_whole: list[bool]
) -> None:
    paths = DataPaths(tmp_path / "data")
    made(paths)
    assert paths.closed_mark.exists()
    store = open_data_folder(paths)
    assert not paths.closed_mark.exists()  # open: a crash now leaves no mark
    store.close()
    open_data_folder(paths).close()
    assert read_whole == [True, False, False]


def test_a_file_changed_since_is_read_whole_and_its_damage_found(
    tmp_path: Path, read_whole: list[bool]
) -> None:
    paths = DataPaths(tmp_path / "data")
    made(paths)
    content = bytearray(paths.database.read_bytes())
    content[5000:9000] = b"\x00" * 4000  # the same size: only the time of change differs
    paths.database.write_bytes(bytes(content))
    with pytest.raises(DamagedDatabaseError):
        open_data_folder(paths)
    assert read_whole == [True, True]


def test_another_file_in_its_place_is_read_whole(tmp_path: Path, read_whole: list[bool]) -> None:
    paths, other = DataPaths(tmp_path / "data"), DataPaths(tmp_path / "other")
    made(paths)
    made(other)
    stat = paths.database.stat()
    paths.database.unlink()
    other.database.rename(paths.database)  # a restore or a copy: another file
    os.utime(paths.database, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    open_data_folder(paths).close()
    assert read_whole == [True, True, True]


KILLED = textwrap.dedent(
    """
    import sys, os
    from pathlib import Path
    from werkleren_desktop.paths import DataPaths
    from werkleren_desktop.domain.organisation import OrganisationSettings
    from werkleren_desktop.services.organisation import save_settings
    from werkleren_desktop.storage.data_store import open_data_folder
    store = open_data_folder(DataPaths(Path(sys.argv[1])))
    save_settings(store.sessions, OrganisationSettings(name="Na de crash"))
    print("saved", flush=True)
    sys.stdin.readline()
    """
)


def test_a_file_left_by_a_killed_program_is_read_whole(
    tmp_path: Path, read_whole: list[bool]
) -> None:
    paths = DataPaths(tmp_path / "data")
    made(paths)
    program = subprocess.Popen(
        [sys.executable, "-c", KILLED, str(paths.root)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert program.stdout is not None and program.stdout.readline() == "saved\n"
    program.kill()  # SIGKILL; TerminateProcess on Windows: no chance to close anything
    program.wait()
    assert not paths.closed_mark.exists()
    open_data_folder(paths).close()
    assert read_whole == [True, True]

"""One writer per data folder, crashes that leave no stale lock, and unsafe folders."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from filelock import FileLock

from werkleren_desktop.paths import DataPaths
from werkleren_desktop.storage.writer import (
    DataInUseError,
    hold_for_command,
    shared_location,
    shared_location_warning,
)


def test_a_command_waits_briefly_then_says_the_data_are_in_use(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "data")
    paths.root.mkdir()
    window = FileLock(paths.root / "werkleren.lock")
    window.acquire()
    try:
        started = time.monotonic()
        with pytest.raises(DataInUseError, match="in gebruik door Werkleren Desktop"):
            hold_for_command(paths, wait=0.3)
        assert time.monotonic() - started >= 0.3
    finally:
        window.release()
    hold_for_command(paths, wait=0.3).release()


@pytest.mark.skipif(os.name != "posix", reason="kills with SIGKILL")
def test_a_crash_leaves_no_stale_lock(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "data")
    code = textwrap.dedent(
        f"""
        import time
        from pathlib import Path
        from werkleren_desktop.paths import DataPaths
        from werkleren_desktop.storage.writer import writer_lock
        lock = writer_lock(DataPaths(Path({str(paths.root)!r})))
        lock.acquire()
        print("locked", flush=True)
        time.sleep(60)
        """
    )
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(DataInUseError):
            hold_for_command(paths, wait=0.2)
        holder.send_signal(signal.SIGKILL)
        holder.wait(10)
        hold_for_command(paths, wait=2).release()  # the crash freed it
    finally:
        holder.kill()


@pytest.mark.parametrize(
    ("folder", "unsafe"),
    [
        ("C:/Users/anna/OneDrive - Bakkerij/Werkleren", True),
        ("/Users/anna/Dropbox/werkleren", True),
        ("//server/share/werkleren", True),
        ("\\\\nas\\data\\werkleren", True),
        ("/home/anna/.local/share/Werkleren Desktop", False),
    ],
)
def test_synced_and_network_folders_are_named(folder: str, unsafe: bool) -> None:
    assert (shared_location(Path(folder)) is not None) is unsafe
    if unsafe:
        warning = shared_location_warning(Path(folder))
        assert warning is not None and "geen veilige plek" in warning

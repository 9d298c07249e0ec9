"""Starting the program the way `werkleren` does, on a folder made by `werkleren demo`.

`run_gui` runs the application's event loop to its end, after which Qt refuses to start
new threads in that process; so these tests start it in a process of their own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from werkleren_desktop.cli import main

pytestmark = pytest.mark.sqlite_file  # starting on a data folder's file

PROBE = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from werkleren_desktop.gui import prompts
from werkleren_desktop.gui.app import make_application, run_gui
from werkleren_desktop.gui.main_window import MainWindow
from werkleren_desktop.paths import DataPaths

seen = {}
app = make_application()

def show_error(parent, title, message):
    seen.setdefault("error", message)
    if isinstance(parent, MainWindow):  # said over the window, as it looks then
        seen.setdefault("error_over", parent.windowTitle())

prompts.show_error = show_error

def look() -> None:
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    if not windows:
        return
    window = windows[0]
    seen.setdefault("first_title", window.windowTitle())  # painted before the data are open
    if not window.is_open:
        return
    seen.update(title=window.windowTitle(), area=window.current_area(),
                people=window.home_page.active_figure.value.text())
    if seen["people"] != "–":  # the figures load in the background
        # what only other pages, prints and exports need is not read to show the home page
        seen["heavy"] = sorted(m for m in ("reportlab", "openpyxl", "icalendar", "PIL")
                               if m in sys.modules)
        window.close()
        app.quit()

timer = QTimer()
timer.timeout.connect(look)
timer.start(20)
QTimer.singleShot(20_000, app.quit)  # a hung start fails the test instead of blocking CI
seen["exit"] = run_gui(DataPaths(Path(sys.argv[1])))
print(json.dumps(seen))
"""


def start_at_saved_server(folder: Path, picker: str) -> dict:  # type: ignore[type-arg]
    """Start the window as a user does, on the server this folder was connected to
    (``local.json``), with ``picker`` (code run in the probe) answering its dialogs."""
    probe = PROBE.replace("app = make_application()", "app = make_application()\n" + picker)
    probe = probe.replace(
        "run_gui(DataPaths(Path(sys.argv[1])))",
        "run_gui(__import__('werkleren_desktop.storage.server', fromlist=['x'])"
        ".resolve_paths(Path(sys.argv[1])))",
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ),
    )
    assert result.returncode == 0, result.stderr
    seen: dict = json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[type-arg]
    return seen


def start(folder: Path, before: str = "") -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.replace("seen = {}", before + "\nseen = {}"), str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ),
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_gui_opens_on_a_demo_folder(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    assert main(["demo", "--data-dir", str(folder)]) == 0
    seen = start(folder)
    assert seen["exit"] == 0
    assert seen["title"] == "Installatiebedrijf Van Dijk & Zn. — Werkleren Desktop"
    assert seen["area"] == "home"
    assert 20 <= int(str(seen["people"])) <= 30
    assert seen["heavy"] == []  # (together 0.17 s of the start to the home page, #34)


def test_the_second_start_paints_the_window_of_last_time_before_opening_the_data(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "demo"
    assert main(["demo", "--data-dir", str(folder)]) == 0
    first = start(folder)
    assert first["first_title"] == "Werkleren Desktop"  # nothing remembered yet
    again = start(folder)
    assert again["first_title"] == "Installatiebedrijf Van Dijk & Zn. — Werkleren Desktop"
    assert again["exit"] == 0 and again["area"] == "home"


def test_a_damaged_data_file_is_explained_in_the_window_and_the_program_stops(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "demo"
    assert main(["demo", "--data-dir", str(folder)]) == 0
    database = folder / "werkleren.sqlite3"
    content = bytearray(database.read_bytes())
    content[5000:9000] = b"\x00" * 4000
    database.write_bytes(bytes(content))
    seen = start(folder)
    assert seen["exit"] == 1
    assert "error_over" in seen and "title" not in seen  # the window showed, the data not
    assert "Er is geen reservekopie" in str(seen["error"])
    assert database.read_bytes() == bytes(content)


def test_random_bytes_in_the_data_file_offer_the_backups_too(tmp_path: Path) -> None:
    """Not readable as ours any more, it is as likely damaged as foreign: the window
    offers the newest good backup, as for any damage, and keeps the file aside."""
    folder = tmp_path / "demo"
    assert main(["demo", "--data-dir", str(folder)]) == 0
    assert main(["backup", "--data-dir", str(folder)]) == 0
    database = folder / "werkleren.sqlite3"
    noise = os.urandom(database.stat().st_size)
    database.write_bytes(noise)
    asked = """
def confirm(parent, title, question, *buttons, **options):
    seen.setdefault("asked", question)
    return True
prompts.confirm = confirm
def show_information(parent, title, message):
    seen.setdefault("told", message)
prompts.show_information = show_information
"""
    seen = start(folder, before="seen = {}\n" + asked)
    assert "geen database van Werkleren Desktop" in str(seen["asked"])
    assert "De nieuwste goede reservekopie is van" in str(seen["asked"])
    assert seen["exit"] == 0 and seen["people"] not in ("", "–")  # the backup's data shown
    (aside,) = folder.glob("werkleren-damaged-*.sqlite3")
    assert aside.read_bytes() == noise
    assert str(aside) in str(seen["told"])  # where the replaced data were kept


def test_an_unexpected_failure_while_opening_is_said_in_a_sentence(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    assert main(["demo", "--data-dir", str(folder)]) == 0
    breaks = """
import werkleren_desktop.gui.app as app_module
def broken(paths):
    raise RuntimeError("schijf weg")
app_module.open_data = broken
"""
    seen = start(folder, before=breaks)
    assert seen["exit"] == 1
    assert seen["error"] == (
        "Er ging iets onverwachts mis bij het openen van de gegevens (RuntimeError). "
        "Er is niets veranderd."
    )


def test_data_held_by_a_command_are_explained_over_the_painted_window(tmp_path: Path) -> None:
    """No window listens on these data, so the window paints first; the writer lock,
    taken behind it, is held by a command (an import, a restore): said, then stopped."""
    from werkleren_desktop.paths import DataPaths
    from werkleren_desktop.storage.writer import hold_for_command

    folder = tmp_path / "demo"
    assert main(["demo", "--data-dir", str(folder)]) == 0
    lock = hold_for_command(DataPaths(folder))
    try:
        seen = start(folder)
    finally:
        lock.release()
    assert seen["exit"] == 1
    assert seen["error_over"] == "Werkleren Desktop"  # nothing remembered: a first start
    assert "title" not in seen  # the data were never shown
    assert "in gebruik door een andere Werkleren Desktop" in str(seen["error"])


def test_a_folder_that_cannot_be_opened_is_explained(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    seen = start(blocked)
    assert seen["exit"] == 1
    assert "kan niet worden aangemaakt" in str(seen["error"])
    assert "first_title" not in seen and "error_over" not in seen  # said before any window


KEEP_RUNNING = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from werkleren_desktop.gui.app import make_application, run_gui
from werkleren_desktop.gui.main_window import MainWindow
from werkleren_desktop.paths import DataPaths

app = make_application()
raised = []

def watch() -> None:
    for window in QApplication.topLevelWidgets():
        if isinstance(window, MainWindow):
            if not hasattr(window, "probe"):
                window.probe = True
                print("running", flush=True)
                window.raise_ = lambda w=window: raised.append(1) or print("raised", flush=True)

timer = QTimer()
timer.timeout.connect(watch)
timer.start(20)
QTimer.singleShot(30_000, app.quit)
run_gui(DataPaths(Path(sys.argv[1])))
"""


def test_a_second_start_brings_the_running_window_forward(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    assert main(["demo", "--data-dir", str(folder)]) == 0
    first = subprocess.Popen(
        [sys.executable, "-c", KEEP_RUNNING, str(folder)],
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )
    try:
        assert first.stdout is not None and first.stdout.readline().strip() == "running"
        second = subprocess.run(
            [sys.executable, "-c", PROBE, str(folder)],
            capture_output=True,
            text=True,
            timeout=60,
            env=dict(os.environ),
        )
        assert second.returncode == 0, second.stderr
        assert json.loads(second.stdout.strip().splitlines()[-1]) == {"exit": 0}
        assert first.stdout.readline().strip() == "raised"
        # the command line waits briefly, then says the data are in use
        result = subprocess.run(
            [sys.executable, "-m", "werkleren_desktop", "restore", str(folder / "x"),
             "--data-dir", str(folder)],
            capture_output=True, text=True, timeout=60, env=dict(os.environ),
        )  # fmt: skip
        assert result.returncode == 1 and "in gebruik door Werkleren Desktop" in result.stderr
    finally:
        first.kill()
        first.wait(10)


PLAIN_IMPORTS = """
import builtins, linecache, sys
python_import = builtins.__import__
import werkleren_desktop.gui
from PySide6.QtWidgets import QApplication
import werkleren_desktop.storage.data_store
read = [name for name in linecache.cache if name.endswith(".py") and "sqlalchemy" in name]
print(builtins.__import__ is python_import, len(read))
"""


def test_modules_imported_after_pyside_are_not_read_by_its_import_hook() -> None:
    """PySide6's import hook read (and kept) the source of every module imported after
    it: 0.3 s and 20 MB at start. The GUI package puts Python's own import back."""
    result = subprocess.run(
        [sys.executable, "-c", PLAIN_IMPORTS],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "0"]


def test_the_start_clock_says_when_the_window_painted_and_when_the_home_page_was_ready(
    tmp_path: Path,
) -> None:
    """What bench/run.py reads of the sources and of the bundle alike: two lines, then the
    window closes by itself."""
    import time

    folder = tmp_path / "demo"
    assert main(["demo", "--data-dir", str(folder)]) == 0
    launched = time.time()
    result = subprocess.run(
        [sys.executable, "-m", "werkleren_desktop", "--data-dir", str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, WERKLEREN_START_CLOCK=repr(launched)),
    )
    assert result.returncode == 0, result.stderr
    lines = [line.split() for line in result.stdout.splitlines()]
    assert [line[0] for line in lines] == ["painted", "ready"]
    painted, ready = (float(line[1]) for line in lines)
    assert 0 < painted <= ready <= (time.time() - launched) * 1000
    assert all(int(line[2]) > 10_000 for line in lines)  # resident kB: a window's worth

"""Working on the shared server from the window: File › Shared server, the connection
dialog (tried in the background, problems said at their field), the data switched, the
password in the keyring, and back to this computer. On the throwaway PostgreSQL server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import make_url

from tests.gui.test_start import start_at_saved_server
from werkleren_desktop.cli import main
from werkleren_desktop.db.engine import make_engine
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.gui.dialogs.connection import ConnectionDialog
from werkleren_desktop.gui.tasks import TaskRunner
from werkleren_desktop.services.organisation import create_organisation, load_settings
from werkleren_desktop.storage.data_store import open_data_folder
from werkleren_desktop.storage.local_settings import read_local
from werkleren_desktop.storage.server import KEYRING_SERVICE, ServerAddress, Tls, saved_address
from werkleren_desktop.storage.server_admin import init_server

pytestmark = pytest.mark.sqlite_file  # from the laptop's data file to a server and back


class MemoryKeyring(KeyringBackend):
    """The operating system's keyring, as the tests' own dictionary."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.kept.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    kept = MemoryKeyring()
    keyring.set_keyring(kept)
    yield kept
    keyring.set_keyring(before)


@pytest.fixture
def office_server(postgres_url: str) -> str:
    """A prepared server database holding the organisation ‘Kantoor op de server’."""
    engine = make_engine(postgres_url)
    init_server(engine)
    engine.dispose()
    from werkleren_desktop.paths import DataPaths

    store = open_data_folder(DataPaths(Path("/nonexistent")).with_server(postgres_url))
    create_organisation(store.sessions, OrganisationSettings(name="Kantoor op de server"))
    store.close()
    return postgres_url


def address_of(url: str) -> ServerAddress:
    parsed = make_url(url)
    return ServerAddress(
        host=str(parsed.query["host"]),
        port=int(str(parsed.query.get("port", parsed.port or 5432))),
        database=parsed.database or "",
        user=parsed.username or "",
    )


def fill(dialog: ConnectionDialog, qtbot, address: ServerAddress, password: str = "") -> None:
    for edit, text in (
        (dialog.host_edit, address.host),
        (dialog.database_edit, address.database),
        (dialog.user_edit, address.user),
        (dialog.password_edit, password),
    ):
        edit.clear()
        qtbot.keyClicks(edit, text)
    dialog.port_box.setValue(address.port)


def test_connect_from_the_file_menu_and_back(
    make_window, store, office_server, fake_prompts, memory_keyring, qtbot
) -> None:
    create_organisation(store.sessions, OrganisationSettings(name="Eigen laptop"))
    tasks = TaskRunner()  # the connection is really tried in the background
    window = make_window(tasks=tasks)
    assert "Eigen laptop" in window.windowTitle()
    window.server_action.trigger()
    dialog = window.data_actions.connection_dialog
    assert isinstance(dialog, ConnectionDialog)
    assert dialog.remember_box.isEnabled()  # a keyring is there

    # nothing filled in: said at the field, in Dutch, the dialog stays
    qtbot.keyClick(dialog.host_edit, Qt.Key.Key_Return)
    assert dialog.error_label.text() == "Vul de naam of het adres van de server in."
    assert dialog.focusWidget() is dialog.host_edit and dialog.isVisible()

    # a server that does not answer: said, everything typed kept, the host focused
    address = address_of(office_server)
    fill(dialog, qtbot, ServerAddress("127.0.0.1", address.database, address.user, port=1,
                                      tls=Tls.NONE), "geheim")  # fmt: skip
    dialog.tls_box.setCurrentIndex(dialog.tls_box.findData(Tls.NONE))
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert dialog.connect_button.text() == "Verbinden…"  # while it is being tried
    qtbot.waitUntil(lambda: dialog.connect_button.isEnabled(), timeout=20_000)
    assert "is niet bereikbaar" in dialog.error_label.text()
    assert dialog.focusWidget() is dialog.host_edit and dialog.isVisible()
    assert dialog.password_edit.text() == "geheim" and dialog.user_edit.text() == address.user
    assert "Eigen laptop" in window.windowTitle()

    fill(dialog, qtbot, address, "geheim")
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.connect_button.isEnabled(), timeout=20_000)
    assert dialog.error_label.text() == ""
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    assert window.windowTitle() == "Kantoor op de server — Werkleren Desktop"
    assert window.own_store.paths.on_server
    assert "gedeelde server" in window.folder_label.text()
    assert "Verbonden met de gedeelde server" in window.statusBar().currentMessage()
    kept = read_local(store.paths)["server"]
    assert kept["host"] == address.host and "geheim" not in json.dumps(kept)
    assert memory_keyring.kept[(KEYRING_SERVICE, address.keyring_name)] == "geheim"
    assert window.local_action.isVisible()
    # the server's data are the window's now: a backup goes to this computer's folder
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: "Reservekopie gemaakt" in window.statusBar().currentMessage(),
                    timeout=20_000)  # fmt: skip
    backups = list(store.paths.backups.glob("werkleren-*-manual.sqlite3"))
    assert len(backups) == 1
    # a restore over the server's data is refused, with the way to do it
    window.restore_action.trigger()
    assert "nieuwe, lege database" in fake_prompts.errors[-1]

    # back to this computer: the laptop's own data again
    window.local_action.trigger()
    qtbot.waitUntil(lambda: "Eigen laptop" in window.windowTitle(), timeout=20_000)
    assert saved_address(store.paths) is None
    assert not window.local_action.isVisible()
    window.own_store.close()
    tasks.wait()


def test_without_a_keyring_the_password_is_not_kept(
    make_window, store, office_server, fake_prompts, qtbot, monkeypatch
) -> None:
    from keyring.backends import fail

    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    window = make_window()  # the welcome page: no organisation on this laptop yet
    qtbot.mouseClick(window.welcome_page.server_button, Qt.MouseButton.LeftButton)
    dialog = window.data_actions.connection_dialog
    assert not dialog.remember_box.isEnabled() and not dialog.remember_box.isChecked()
    assert "geen sleutelbos" in " ".join(label.text() for label in dialog.findChildren(QLabel))
    fill(dialog, qtbot, address_of(office_server), "geheim")
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert window.windowTitle() == "Kantoor op de server — Werkleren Desktop"
    settings = load_settings(window.store.sessions)
    assert settings is not None and settings.name == "Kantoor op de server"
    assert "geheim" not in store.paths.local_settings.read_text(encoding="utf-8")
    window.own_store.close()


START_AT_AN_UNREACHABLE_SERVER = """
def pick_local() -> None:
    from werkleren_desktop.gui.dialogs.connection import ConnectionDialog
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, ConnectionDialog) and widget.isVisible():
            seen.setdefault("problem", widget.error_label.text())
            seen.setdefault("host", widget.host_edit.text())
            widget.local_button.click()

picker = QTimer()
picker.timeout.connect(pick_local)
picker.start(50)
"""


def test_at_start_an_unreachable_server_offers_this_computer(tmp_path: Path) -> None:
    """The server chosen last time does not answer: the connection dialog says so and
    offers the data on this computer, which then open as usual."""
    folder = tmp_path / "demo"
    assert main(["demo", "--data-dir", str(folder)]) == 0
    unreachable = ServerAddress("127.0.0.1", "werkleren", "chef", port=1, tls=Tls.NONE)
    (folder / "local.json").write_text(json.dumps({"server": unreachable.to_json()}))
    seen = start_at_saved_server(folder, START_AT_AN_UNREACHABLE_SERVER)
    assert "is niet bereikbaar" in seen.get("problem", ""), seen
    assert seen["host"] == "127.0.0.1"
    assert seen["title"] == "Installatiebedrijf Van Dijk & Zn. — Werkleren Desktop"
    assert seen["exit"] == 0
    assert "server" not in json.loads((folder / "local.json").read_text())

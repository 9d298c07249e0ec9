"""The copy on this computer while the shared server cannot be reached (#28, item 5),
with the server really going away: its database closed to every connection and the
program's connections ended, as a server being restarted or a cut cable does.

The window says so and offers the copy; read-only, a form's save is refused in a
sentence and what was typed stays; once the server answers, the same form saves to it.
At start, an unreachable server's connection dialog offers the copy as well."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from tests.gui.test_start import start_at_saved_server
from werkleren_desktop.gui.tasks import TaskRunner
from werkleren_desktop.paths import DataPaths
from werkleren_desktop.storage import offline, server_watch
from werkleren_desktop.storage.data_store import DataStore
from werkleren_desktop.storage.server import ServerAddress, Tls


@pytest.fixture
def server(demo_server: DataStore, monkeypatch: pytest.MonkeyPatch) -> DataStore:
    monkeypatch.setattr(server_watch, "RETRY_AFTER_S", 0.3)  # the loss is noticed soon
    return demo_server


def set_reachable(postgres_server: str, url: str, reachable: bool) -> None:
    """Open or close the database to every connection; closing ends the open ones."""
    database = make_url(url).database
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as sql:
            sql.execute(text(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS {reachable}'))
            if not reachable:
                sql.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE datname = :name AND pid <> pg_backend_pid()"
                    ),
                    {"name": database},
                )
    finally:
        admin.dispose()


def test_the_copy_is_offered_read_and_left_when_the_server_answers_again(
    make_window, server: DataStore, postgres_server: str, qtbot
) -> None:
    url = server.paths.server_url or ""
    made = offline.make_copy(server.engine, server.paths)
    tasks = TaskRunner()  # really in the background: the server is tried while pages load
    window = make_window(data=server, tasks=tasks)
    window.show_area("people")
    page = window.people_page
    qtbot.waitUntil(lambda: len(page.model.rows) > 0, timeout=10_000)
    first = page.model.rows[0]
    page.select_record(first.id)
    qtbot.waitUntil(lambda: page.panel.overview is not None, timeout=10_000)
    page.edit_person()
    dialog = page.dialog
    dialog.notes.setPlainText("Wil de BHV-cursus volgen")
    assert not window.offline_banner.isVisible()

    set_reachable(postgres_server, url, False)
    try:
        qtbot.waitUntil(window.offline_banner.isVisible, timeout=15_000)
        assert "verbinding met de server is verbroken" in window.offline_banner.label.text()
        assert window.offline_button.text().startswith("De kopie van")
        window.offline_button.click()
        qtbot.waitUntil(lambda: window.store.offline is not None, timeout=10_000)
        assert window.store.offline == made
        assert "U leest de kopie van" in window.offline_banner.label.text()
        assert "alleen lezen" in window.folder_label.text()
        assert window.presence_label.text() == ""
        # the page reads the copy: the same people as the server held
        qtbot.waitUntil(lambda: len(page.model.rows) > 0, timeout=10_000)
        assert first.id in {row.id for row in page.model.all_rows}

        dialog.save_button.click()
        assert dialog.isVisible()
        assert "alleen om te lezen" in dialog.error_label.text()
        assert dialog.notes.toPlainText() == "Wil de BHV-cursus volgen"
    finally:
        set_reachable(postgres_server, url, True)

    window.offline_button.click()  # "Try again now" (it is also tried by itself)
    qtbot.waitUntil(lambda: window.store.offline is None, timeout=20_000)
    qtbot.waitUntil(lambda: not window.offline_banner.isVisible(), timeout=5_000)
    assert "gedeelde server" in window.folder_label.text()
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    with server.sessions() as db:
        notes = db.execute(text("SELECT notes FROM person WHERE id = :id"), {"id": first.id})
        assert notes.scalar() == "Wil de BHV-cursus volgen"
    assert offline.offline_copy(server.paths) == made  # the copy itself was never written
    tasks.wait(10_000)


START_WITH_THE_COPY = """
def pick_copy() -> None:
    from werkleren_desktop.gui.dialogs.connection import ConnectionDialog
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, ConnectionDialog) and widget.isVisible():
            seen.setdefault("problem", widget.error_label.text())
            seen.setdefault("copy_hint", widget.copy_hint.text())
            widget.copy_button.click()
        if isinstance(widget, MainWindow) and widget.is_open:
            seen.setdefault("banner", widget.offline_banner.label.text())
            seen.setdefault("where", widget.folder_label.text())

picker = QTimer()
picker.timeout.connect(pick_copy)
picker.start(50)
"""


def test_at_start_an_unreachable_server_offers_the_copy(server: DataStore, tmp_path: Path) -> None:
    """The server chosen last time does not answer: the dialog offers the copy this
    computer made of it, which opens read-only and shows the organisation."""
    folder = tmp_path / "laptop"
    unreachable = ServerAddress("127.0.0.1", "werkleren", "chef", port=1, tls=Tls.NONE)
    paths = DataPaths(folder, unreachable.url())
    offline.make_copy(server.engine, paths)  # made while that server still answered
    (folder / "local.json").write_text(json.dumps({"server": unreachable.to_json()}))
    seen = start_at_saved_server(folder, START_WITH_THE_COPY)
    assert "is niet bereikbaar" in seen.get("problem", ""), seen
    assert "bewaart een kopie van de gegevens van de server van" in seen["copy_hint"], seen
    assert seen["title"] == "Installatiebedrijf Van Dijk & Zn. — Werkleren Desktop"
    assert "U leest de kopie van" in seen["banner"]
    assert "alleen lezen" in seen["where"]
    assert seen["exit"] == 0
    assert "server" in json.loads((folder / "local.json").read_text())  # still its server


def test_every_page_reads_the_copy_and_a_backup_waits_for_the_server(
    make_window, server: DataStore, fake_prompts, qtbot
) -> None:
    from werkleren_desktop.gui.navigation import AREAS

    offline.make_copy(server.engine, server.paths)
    copy = offline.open_copy(server.paths)
    window = make_window(data=copy)
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    for area in AREAS:
        window.show_area(area.key)
        assert window.current_area() == area.key
    assert window.people_page.model.rows  # the organisation's people, from the copy
    assert fake_prompts.errors == []
    assert not [message for message in said if "opgeslagen" in message], said
    window.data_actions.back_up_now()
    assert fake_prompts.errors and "zodra die weer antwoordt" in fake_prompts.errors[-1]


def test_a_fresh_copy_only_when_the_data_changed(server: DataStore, monkeypatch, qtbot) -> None:
    import datetime as dt

    from tests.conftest import TODAY
    from werkleren_desktop.domain.people import PersonInput
    from werkleren_desktop.gui.offline import OfflineCopies
    from werkleren_desktop.services.people import save_person

    moments = iter(dt.datetime(2026, 11, 30, 9, minute) for minute in range(0, 60, 20))
    made: list[offline.OfflineCopy] = []
    real_make = offline.make_copy

    def make(engine, paths, now=None, stop=None):
        made.append(real_make(engine, paths, next(moments), stop))
        return made[-1]

    monkeypatch.setattr(offline, "make_copy", make)
    copies = OfflineCopies(TaskRunner(synchronous=True))
    copies.watch(server)
    copies.copy_if_due()
    assert len(made) == 1  # none yet: made at once
    monkeypatch.setattr(offline, "COPY_EVERY", dt.timedelta(0))  # due from now on
    copies.copy_if_due()
    assert len(made) == 1  # due, but nothing changed since
    save_person(server.sessions, PersonInput("Nieuw", "Mens", TODAY), TODAY)  # a save here
    copies.copy_if_due()
    assert len(made) == 2
    copies.copy_if_due()
    assert len(made) == 2
    copies.note_changes()  # another manager saved (a notification)
    copies.copy_if_due()
    assert len(made) == 3
    copies.stop()
    save_person(server.sessions, PersonInput("Nog", "Iemand", TODAY), TODAY)
    assert not copies._changed  # stopped: no longer listening to the engine's commits

"""The main window: every navigation entry, menus, About, and state kept between starts."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel

from tests.conftest import TODAY
from werkleren_desktop import __version__
from werkleren_desktop.gui.language import apply_language
from werkleren_desktop.gui.main_window import MainWindow
from werkleren_desktop.gui.navigation import AREAS
from werkleren_desktop.gui.tasks import TaskRunner
from werkleren_desktop.gui.window_state import WindowState
from werkleren_desktop.services.demo import DemoSize, generate_demo

DUTCH_TITLES = [
    "Start",
    "Mensen",
    "Leergroepen",
    "Weekcycli",
    "Werkleersituaties",
    "Werkafspraken",
    "Opleidingen",
    "Gesprekken",
    "Jaaroverzicht",
    "Waar staan we?",
]


def demo_window(make_window, store):
    generate_demo(store.sessions, DemoSize.SMALL, today=TODAY)
    return make_window()


def labels(widget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel)]


def test_sidebar_walks_every_area(make_window, qtbot, store) -> None:
    window = demo_window(make_window, store)
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles == DUTCH_TITLES

    for row, area in enumerate(AREAS):
        rect = window.sidebar.visualItemRect(window.sidebar.item(row))
        qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.current_area() == area.key
        page = window.pages.currentWidget()
        assert page is window.page_of_area[area.key]
        assert window.area_actions[area.key].isChecked()
        assert DUTCH_TITLES[row] in labels(page) or area.key == "home"


def test_keyboard_shortcuts_reach_every_area(make_window, qtbot, store) -> None:
    window = demo_window(make_window, store)
    for number, area in reversed(list(enumerate(AREAS, start=1))):
        key = getattr(Qt.Key, f"Key_{number % 10}")  # the tenth: Ctrl+0
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.current_area() == area.key


def test_home_page_buttons_open_their_area(make_window, qtbot, store) -> None:
    window = demo_window(make_window, store)
    from PySide6.QtWidgets import QPushButton

    button = next(b for b in window.home_page.findChildren(QPushButton) if b.text() == "Gesprekken")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.current_area() == "conversations"


def test_menus_are_dutch_with_the_usual_shortcuts(make_window, store) -> None:
    window = demo_window(make_window, store)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Bestand", "&Bewerken", "B&eeld", "&Help"]
    assert window.settings_action.shortcut().toString() == "Ctrl+,"
    assert window.area_actions["people"].shortcut().toString() == "Ctrl+2"
    assert window.edit_actions["copy"].shortcut().toString() == "Ctrl+C"


def test_about_shows_the_version(make_window, qtbot, store) -> None:
    window = demo_window(make_window, store)
    window.open_about()
    dialog = window.about_dialog
    assert dialog.windowTitle() == "Over Werkleren Desktop"
    assert dialog.version_label.text() == f"Versie {__version__}"
    assert any(str(store.paths.root) in text for text in labels(dialog))
    dialog.accept()


def test_edit_menu_works_on_the_focused_field(make_window, qtbot, store) -> None:
    window = make_window()
    field = window.welcome_page.name_edit
    field.setFocus()
    qtbot.keyClicks(field, "Bakkerij")
    QApplication.processEvents()
    assert window.edit_actions["selectAll"].isEnabled()
    window.edit_actions["selectAll"].trigger()
    window.edit_actions["cut"].trigger()
    assert field.text() == ""
    window.edit_actions["paste"].trigger()
    window.edit_actions["paste"].trigger()
    assert field.text() == "BakkerijBakkerij"
    window.edit_actions["undo"].trigger()
    assert field.text() == "Bakkerij"


def test_size_position_area_and_sidebar_are_remembered(make_window, qtbot, store) -> None:
    window = demo_window(make_window, store)
    window.resize(1010, 640)
    window.move(QPoint(70, 90))
    window.show_area("training")
    window.sidebar_action.trigger()  # hide the sidebar
    assert not window.side_panel.isVisible()
    geometry = window.geometry()
    window.close()

    again = make_window()
    assert again.geometry() == geometry
    assert again.current_area() == "training"
    assert not again.sidebar_action.isChecked()
    assert not again.side_panel.isVisible()


def opening_window(qtbot, paths) -> MainWindow:
    window = MainWindow(None, TaskRunner(synchronous=True), today=lambda: TODAY, paths=paths)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    return window


def test_the_window_opens_as_it_looked_last_time_before_the_data(make_window, qtbot, store) -> None:
    """At start the window is painted before the data are open: with last time's
    organisation, language and areas, greyed, saying that the data are being opened."""
    demo_window(make_window, store).close()

    window = opening_window(qtbot, store.paths)
    assert not window.is_open
    assert window.windowTitle() == "Installatiebedrijf Van Dijk & Zn. — Werkleren Desktop"
    assert window.organisation_label.text() == "Installatiebedrijf Van Dijk & Zn."
    assert [window.sidebar.item(i).text() for i in range(window.sidebar.count())] == (DUTCH_TITLES)
    assert not window.sidebar.isEnabled()
    assert "Gegevens openen…" in labels(window.pages)
    for action in (window.settings_action, window.backup_action, window.open_demo_action):
        assert not action.isEnabled()
    window.area_actions["people"].trigger()  # nothing to show yet, and nothing breaks
    assert window.current_area() is None

    with qtbot.waitSignal(window.opened):
        window.open_store(store)
    assert window.is_open and window.sidebar.isEnabled()
    assert window.current_area() == "home"
    assert window.home_page.isVisible()
    assert window.settings_action.isEnabled()
    assert Qt.TextInteractionFlag.TextSelectableByMouse & window.folder_label.textInteractionFlags()


def test_a_first_start_says_only_that_the_data_are_being_opened(qtbot, data_paths) -> None:
    window = opening_window(qtbot, data_paths)
    assert window.windowTitle() == "Werkleren Desktop"
    assert labels(window) == ["Gegevens openen…", f"Gegevens: {data_paths.root}"]


def test_the_opening_window_speaks_the_language_of_last_time(make_window, qtbot, store) -> None:
    window = demo_window(make_window, store)
    window.set_language("en")
    window.close()
    assert WindowState(store.paths.window_state).language() == "en"
    apply_language("en")  # what the start does with the remembered language
    again = opening_window(qtbot, store.paths)
    assert "Opening the data…" in labels(again.pages)
    assert again.sidebar.item(1).text() == "People"


def test_a_result_said_while_other_work_runs_stays_in_the_status_bar(
    make_window, qtbot, store
) -> None:
    """'Working…' goes when the work is done, but not a message said meanwhile."""
    import threading

    runner = TaskRunner()
    window = make_window(tasks=runner)
    release = threading.Event()
    runner.run(lambda: release.wait(10), lambda _r: None, lambda _e: None)
    assert window.statusBar().currentMessage() == "Bezig…"
    window.statusBar().showMessage("4 sessies geschreven naar cycli.ics.")
    release.set()
    qtbot.waitUntil(lambda: not runner.busy)
    assert window.statusBar().currentMessage() == "4 sessies geschreven naar cycli.ics."

    # new work says so, and the result said before comes back when it is done
    runner.run(lambda: None, lambda _r: None, lambda _e: None)
    assert window.statusBar().currentMessage() == "Bezig…"
    qtbot.waitUntil(lambda: not runner.busy)
    assert window.statusBar().currentMessage() == "4 sessies geschreven naar cycli.ics."
    window.statusBar().clearMessage()
    runner.run(lambda: None, lambda _r: None, lambda _e: None)
    qtbot.waitUntil(lambda: not runner.busy)
    assert window.statusBar().currentMessage() == ""

"""First start: the welcome page leads to a named organisation or to the demo."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.helpers import type_text
from werkleren_desktop.services.organisation import holds_data, load_settings


def test_empty_name_is_refused_and_the_form_stays(make_window, qtbot, store) -> None:
    window = make_window()
    page = window.welcome_page
    assert window.central.currentWidget() is page
    assert not window.settings_action.isEnabled()

    qtbot.keyClicks(page.name_edit, "   ")
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)

    assert page.error_label.isVisible()
    assert page.error_label.text() == "Vul de naam van de organisatie in."
    assert window.central.currentWidget() is page
    assert load_settings(store.sessions) is None


def test_naming_the_organisation_opens_the_home_page(make_window, qtbot, store) -> None:
    window = make_window()
    page = window.welcome_page
    type_text(qtbot, page.name_edit, "Bakkerij Şükrü & Zoë")
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Return)

    assert window.central.currentIndex() == 1
    assert window.current_area() == "home"
    assert window.home_page.title.text() == "Bakkerij Şükrü & Zoë"
    assert window.home_page.active_figure.value.text() == "0"
    assert window.windowTitle() == "Bakkerij Şükrü & Zoë — Werkleren Desktop"
    assert window.settings_action.isEnabled()
    settings = load_settings(store.sessions)
    assert settings is not None and settings.language == "nl"


def test_exploring_the_demo_and_coming_back(make_window, qtbot, store) -> None:
    window = make_window()
    qtbot.mouseClick(window.welcome_page.demo_button, Qt.MouseButton.LeftButton)

    assert window.central.currentIndex() == 1
    assert window.showing_demo
    assert window.demo_banner.isVisible()
    home = window.home_page
    assert home.title.text() == "Installatiebedrijf Van Dijk & Zn."
    assert 22 <= int(home.active_figure.value.text()) <= 26
    assert "Eerste kerstdag" in home.closed_list.text()
    assert home.date_label.text() == "Zaterdag 28 november 2026"
    assert window.folder_label.text() == f"Gegevens: {store.paths.root / 'demo'}"
    # the demo lives beside the own data, which stays empty
    assert not holds_data(store.sessions)

    qtbot.mouseClick(window.leave_demo_button, Qt.MouseButton.LeftButton)
    assert not window.showing_demo
    assert window.central.currentWidget() is window.welcome_page
    type_text(qtbot, window.welcome_page.name_edit, "Eigen zaak")
    qtbot.mouseClick(window.welcome_page.start_button, Qt.MouseButton.LeftButton)
    assert window.home_page.title.text() == "Eigen zaak"
    assert not window.demo_banner.isVisible()

    # later, from the File menu, and back again to the own organisation
    window.open_demo_action.trigger()
    assert window.home_page.title.text() == "Installatiebedrijf Van Dijk & Zn."
    window.close_demo_action.trigger()
    assert window.home_page.title.text() == "Eigen zaak"


def test_a_demo_that_cannot_be_made_is_explained(make_window, qtbot, store) -> None:
    store.paths.demo.root.parent.mkdir(parents=True, exist_ok=True)
    store.paths.demo.root.write_text("in de weg")  # a file where the demo folder goes
    window = make_window()
    qtbot.mouseClick(window.welcome_page.demo_button, Qt.MouseButton.LeftButton)
    assert window.central.currentWidget() is window.welcome_page
    assert window.welcome_page.error_label.text().startswith(
        "De voorbeeldorganisatie kon niet worden geopend: De gegevensmap"
    )
    assert window.welcome_page.demo_button.isEnabled()


def test_starting_in_english(make_window, qtbot, store) -> None:
    window = make_window()
    window.welcome_page.language_box.setCurrentIndex(
        window.welcome_page.language_box.findData("en")
    )
    page = window.welcome_page  # rebuilt in English
    assert page.start_button.text() == "Start"
    assert page.demo_button.text() == "Explore a demo organisation"
    assert window.menuBar().actions()[0].text() == "&File"

    qtbot.keyClicks(page.name_edit, "Acme")
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    settings = load_settings(store.sessions)
    assert settings is not None and settings.language == "en"
    assert window.home_page.active_figure.title_label.text() == "People in service"

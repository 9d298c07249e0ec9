"""The program on 29 February: every "a year later" and "a year ago" lands on a real
day (the 28th), where ``date.replace(year=...)`` raised ValueError."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import save_person

LEAP_DAY = dt.date(2028, 2, 29)


def test_the_pages_and_a_new_training_on_a_leap_day(make_window, store, qtbot) -> None:
    create_organisation(store.sessions, OrganisationSettings(name="Van Dijk"))
    save_person(store.sessions, PersonInput("Anna", "de Wit", dt.date(2020, 1, 1)), LEAP_DAY)
    window = make_window(today=LEAP_DAY)
    window.show_area("situations")
    box = window.situations_page.period_box
    periods = {box.itemText(i): box.itemData(i) for i in range(box.count())}
    assert periods["Afgelopen 12 maanden"] == (dt.date(2027, 3, 1), LEAP_DAY)
    window.show_area("training")
    qtbot.mouseClick(window.training_page.new_button, Qt.MouseButton.LeftButton)
    dialog = window.training_page.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.discard()

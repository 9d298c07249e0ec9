"""The table of areas: every area of the sidebar has its page, made on first use and
wired as every other (its messages reach the status bar, its links other areas)."""

from __future__ import annotations

import pytest

from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.gui.area_pages import AREA_PAGES
from werkleren_desktop.gui.contracts import Navigates, Refreshable, Says
from werkleren_desktop.gui.navigation import AREAS, MY_AREAS, TEAM_AREAS
from werkleren_desktop.services.organisation import create_organisation


@pytest.fixture
def window(make_window, store):
    create_organisation(store.sessions, OrganisationSettings(name="Bakkerij"))
    return make_window()


def test_every_area_has_its_page_once(window) -> None:
    # the beheerder's areas, then Mijn leren's and a manager's (tests/gui/test_my_learning.py
    # opens them)
    assert [area.key for area in (*AREAS, *MY_AREAS, *TEAM_AREAS)] == list(AREA_PAGES)
    for area in AREAS:
        window.show_area(area.key)
        page = getattr(window, AREA_PAGES[area.key].attribute)
        assert window.pages.currentWidget() is page
        assert isinstance(page, Refreshable)
        window.show_area("home")
        window.show_area(area.key)
        assert getattr(window, AREA_PAGES[area.key].attribute) is page  # made once


def test_what_a_page_says_and_where_it_links_reach_the_window(window) -> None:
    for area in AREAS:
        window.show_area(area.key)
        page = window.pages.currentWidget()
        if isinstance(page, Says):
            page.status_message.emit(f"Gezegd door {area.key}")
            assert window.statusBar().currentMessage() == f"Gezegd door {area.key}"
        if isinstance(page, Navigates):
            page.navigate.emit("training")
            assert window.current_area() == "training"
            window.show_area(area.key)
    says = {a.key for a in AREAS if isinstance(getattr(window, AREA_PAGES[a.key].attribute), Says)}
    assert says == {a.key for a in AREAS}  # every page is a Page

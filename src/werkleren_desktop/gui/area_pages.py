"""Which page each area of the sidebar shows, and how it is made: one row per area.

A page's module is imported only when its area is first shown, so the window opens
without loading (and building) every page. What a page can ask of the window (say
something in the status bar, show another area, open a conversation) it asks with
signals, which the window connects the same way for every page (see MainWindow.page).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from werkleren_desktop.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from werkleren_desktop.db.engine import SessionFactory
    from werkleren_desktop.domain.users import Seat
    from werkleren_desktop.paths import DataPaths


@dataclass(frozen=True)
class PageContext:
    """What every page is made with."""

    sessions: SessionFactory
    tasks: TaskRunner
    today: Callable[[], dt.date]
    paths: DataPaths  # the data folder shown: the own one or the demo's
    backup: Callable[[], object]  # makes a backup (before an import)
    seat: Seat | None = None  # a manager or a professional signed in: their own part


@dataclass(frozen=True)
class AreaPage:
    key: str  # the area's key (gui.navigation.AREAS)
    attribute: str  # the window's name for the page once made ("people_page")
    make: Callable[[PageContext], QWidget]


def _home(c: PageContext) -> QWidget:
    from werkleren_desktop.gui.pages.home import HomePage

    return HomePage(c.sessions, c.tasks, c.today)


def _people(c: PageContext) -> QWidget:
    from werkleren_desktop.gui.people.page import PeoplePage
    from werkleren_desktop.storage.drafts import DraftStore

    return PeoplePage(
        c.sessions, c.tasks, c.today, drafts=DraftStore(c.paths.drafts), backup=c.backup
    )


def _groups(c: PageContext) -> QWidget:
    from werkleren_desktop.gui.groups.page import GroupsPage

    return GroupsPage(c.sessions, c.tasks, c.today)


def _cycles(c: PageContext) -> QWidget:
    from werkleren_desktop.gui.cycles.page import CyclesPage

    return CyclesPage(c.sessions, c.tasks, c.today)


def _situations(c: PageContext) -> QWidget:
    from werkleren_desktop.gui.situations.page import SituationsPage
    from werkleren_desktop.i18n import _
    from werkleren_desktop.storage.drafts import DraftStore

    return SituationsPage(
        c.sessions,
        c.tasks,
        c.today,
        DraftStore(c.paths.drafts),
        title=None
        if c.seat is None
        else (
            _("Learning situations of my team") if c.seat.manages else _("My learning situations")
        ),
    )


def _agreements(c: PageContext) -> QWidget:
    from werkleren_desktop.gui.agreements.page import AgreementsPage

    # the owner's or the beheerder's to write; everyone's to read and print
    return AgreementsPage(c.sessions, c.tasks, c.today, may_edit=c.seat is None)


def _training(c: PageContext) -> QWidget:
    from werkleren_desktop.gui.training.page import TrainingPage

    return TrainingPage(c.sessions, c.tasks, c.today)


def _conversations(c: PageContext) -> QWidget:
    from werkleren_desktop.gui.conversations.page import ConversationsPage
    from werkleren_desktop.i18n import _

    if c.seat is not None:  # a manager's: with their team
        return ConversationsPage(
            c.sessions, c.tasks, c.today, title=_("Conversations with my team")
        )
    return ConversationsPage(c.sessions, c.tasks, c.today)


def _overview(c: PageContext) -> QWidget:
    from werkleren_desktop.gui.overview.page import OverviewPage

    return OverviewPage(c.sessions, c.tasks, c.today)


def _scans(c: PageContext) -> QWidget:
    from werkleren_desktop.gui.scans.page import ScansPage
    from werkleren_desktop.storage.drafts import DraftStore

    return ScansPage(c.sessions, c.tasks, c.today, DraftStore(c.paths.drafts))


def _mine(module: str, page: str) -> Callable[[PageContext], QWidget]:
    """A page of Mijn leren (gui/mine/), made for the one signed in."""

    def make(c: PageContext) -> QWidget:
        from importlib import import_module

        assert c.seat is not None, "Mijn leren is a manager's or a professional's"
        made = getattr(import_module(f"werkleren_desktop.gui.mine.{module}"), page)
        return made(c.sessions, c.tasks, c.today, c.seat)  # type: ignore[no-any-return]

    return make


AREA_PAGES: dict[str, AreaPage] = {
    page.key: page
    for page in (
        AreaPage("home", "home_page", _home),
        AreaPage("people", "people_page", _people),
        AreaPage("groups", "groups_page", _groups),
        AreaPage("cycles", "cycles_page", _cycles),
        AreaPage("situations", "situations_page", _situations),
        AreaPage("agreements", "agreements_page", _agreements),
        AreaPage("training", "training_page", _training),
        AreaPage("conversations", "conversations_page", _conversations),
        AreaPage("overview", "overview_page", _overview),
        AreaPage("scans", "scans_page", _scans),
        # Mijn leren (gui.navigation.MY_AREAS)
        AreaPage("my_home", "my_home_page", _mine("home", "MyHomePage")),
        AreaPage("my_situations", "situations_page", _situations),
        AreaPage("my_agreements", "agreements_page", _agreements),
        AreaPage(
            "my_conversation", "my_conversation_page", _mine("conversation", "MyConversationPage")
        ),
        AreaPage("my_requests", "my_requests_page", _mine("requests", "MyRequestsPage")),
        AreaPage("my_groups", "my_groups_page", _mine("groups", "MyGroupsPage")),
        AreaPage("my_training", "my_training_page", _mine("training", "MyTrainingPage")),
        # a manager's besides (gui.navigation.TEAM_AREAS)
        AreaPage("team_people", "team_page", _mine("team", "MyTeamPage")),
        AreaPage("team_groups", "team_groups_page", _mine("team", "TeamGroupsPage")),
        AreaPage("team_conversations", "conversations_page", _conversations),
    )
}
